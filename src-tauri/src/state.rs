//! What the app keeps while it runs: the draft store and parsed parent plans.
use crate::error::AppError;
use kehoach::model::Plan;
use kehoach::store::{ParentRef, Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    store: Mutex<Store>,
    data_dir: PathBuf,
    recovered_from: Option<PathBuf>,
    parents: Mutex<HashMap<String, Plan>>,
}

impl AppState {
    /// Opens the store in the data folder, moving a broken file aside (never overwriting it).
    pub fn open(data_dir: PathBuf) -> Result<AppState, AppError> {
        std::fs::create_dir_all(&data_dir).map_err(|e| AppError::io(&data_dir, e))?;
        let (store, recovered_from) = Store::open_or_recover(&data_dir.join("kehoach.db"))?;
        Ok(AppState {
            store: Mutex::new(store),
            data_dir,
            recovered_from,
            parents: Mutex::new(HashMap::new()),
        })
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        self.store
            .lock()
            .map_err(|_| AppError::new("store", "Kho dữ liệu đang bận, hãy thử lại."))
    }

    pub fn data_path(&self) -> String {
        self.data_dir.join("kehoach.db").display().to_string()
    }

    pub fn recovered_from(&self) -> Option<String> {
        self.recovered_from
            .as_ref()
            .map(|p| p.display().to_string())
    }

    /// A parent plan, parsed once.
    pub fn parent(&self, parent: &ParentRef) -> Result<Plan, AppError> {
        let key = serde_json::to_string(parent).unwrap_or_default();
        if let Some(plan) = self.parents.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(plan);
        }
        let plan = kehoach::app::parent_plan(&*self.store()?, parent)?;
        if let Ok(mut m) = self.parents.lock() {
            m.insert(key, plan.clone());
        }
        Ok(plan)
    }

    /// A folder for the PDFs made for printing.
    pub fn print_dir(&self) -> Result<PathBuf, AppError> {
        let dir = self.data_dir.join("in");
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        Ok(dir)
    }
}
