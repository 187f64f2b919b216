//! What the app keeps while it runs: the draft store and parsed parent plans.
use crate::error::AppError;
use kehoach::model::Plan;
use kehoach::store::{Opened, ParentRef, Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    /// `None` when the data file could not be opened at all (`problem` says why): the window
    /// still opens and shows it.
    store: Mutex<Option<Store>>,
    data_dir: PathBuf,
    opened: Option<Opened>,
    problem: Option<AppError>,
    parents: Mutex<HashMap<String, Plan>>,
}

/// The open store, locked.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0
            .as_ref()
            .expect("AppState::store checked that the store is open")
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0
            .as_mut()
            .expect("AppState::store checked that the store is open")
    }
}

impl AppState {
    /// Opens the store in the data folder: a damaged file is moved aside (never overwritten)
    /// after what can be read is copied out, one that cannot be written is opened read-only,
    /// and one that cannot be opened at all (a newer version's, a folder that cannot be
    /// created) leaves the app without a store and the reason to show.
    pub fn open(data_dir: PathBuf) -> AppState {
        let opened = std::fs::create_dir_all(&data_dir)
            .map_err(|e| AppError::io(&data_dir, e))
            .and_then(|()| {
                kehoach::app::open_store_or_recover(&data_dir.join("kehoach.db"))
                    .map_err(AppError::from)
            });
        let (store, opened, problem) = match opened {
            Ok((store, opened)) => (Some(store), opened, None),
            Err(e) => (None, None, Some(e)),
        };
        AppState {
            store: Mutex::new(store),
            data_dir,
            opened,
            problem,
            parents: Mutex::new(HashMap::new()),
        }
    }

    pub fn store(&self) -> Result<StoreGuard<'_>, AppError> {
        let guard = self
            .store
            .lock()
            .map_err(|_| AppError::new("store", "Kho dữ liệu đang bận, hãy thử lại."))?;
        if guard.is_none() {
            return Err(self
                .problem
                .clone()
                .unwrap_or_else(|| AppError::new("store", "Chưa mở được tệp dữ liệu.")));
        }
        Ok(StoreGuard(guard))
    }

    /// Why the data file could not be opened, if it could not.
    pub fn problem(&self) -> Option<String> {
        self.problem.as_ref().map(|e| e.message.clone())
    }

    /// The reason the data file is open read-only, if it is.
    pub fn read_only(&self) -> Option<String> {
        match &self.opened {
            Some(Opened::ReadOnly { reason }) => Some(reason.clone()),
            _ => None,
        }
    }

    /// How many drafts were copied out of a damaged data file.
    pub fn rescued(&self) -> u32 {
        match &self.opened {
            Some(Opened::Recovered { rescued, .. }) => *rescued as u32,
            _ => 0,
        }
    }

    pub fn data_path(&self) -> String {
        self.data_dir.join("kehoach.db").display().to_string()
    }

    pub fn recovered_from(&self) -> Option<String> {
        match &self.opened {
            Some(Opened::Recovered { aside, .. }) => Some(aside.display().to_string()),
            _ => None,
        }
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
