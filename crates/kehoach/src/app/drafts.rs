//! The data file as the command line opens it, and what it records into a draft.
use super::{load_plan, Result};
use kehoach_model::{Plan, ReportNotes};
use kehoach_store::{DraftState, Opened, Store, StoreError};
use kehoach_track::Period;
use std::path::{Path, PathBuf};

/// The data file the app and the command line use unless told otherwise.
pub fn default_store_path() -> PathBuf {
    kehoach_store::default_path()
}

/// Opens the data file. On a full disk or in a read-only folder, a command that only reads
/// (`reads_only`) opens it for reading: what is stored can still be listed, shown and exported.
pub fn open_store(path: &Path, reads_only: bool) -> Result<Store> {
    match Store::open(path) {
        Err(StoreError::Unavailable(_)) if reads_only => Ok(Store::open_read_only(path)?),
        other => Ok(other?),
    }
}

/// Opens the app's data file: a damaged file is moved aside after what can be read is copied
/// out; one that cannot be written is opened read-only. What happened is returned to be said.
pub fn open_store_or_recover(path: &Path) -> Result<(Store, Option<Opened>)> {
    Ok(Store::open_or_recover(path)?)
}

/// Keeps a finished plan (PLAN.json or any file the importer reads) as a new draft; its id.
pub fn save_plan_draft(store: &mut Store, path: &Path) -> Result<i64> {
    let plan: Plan = load_plan(path)?;
    let state = DraftState {
        title: format!("{} {}", plan.doc_type, plan.summary)
            .trim()
            .to_string(),
        plan: Some(plan),
        ..Default::default()
    };
    Ok(store.create_draft(&state)?)
}

/// The unit's own words for one period's report (causes, next tasks, proposals), in the draft.
pub fn set_report_notes(state: &mut DraftState, period: Period, notes: ReportNotes) {
    kehoach_track::set_notes(&mut state.tracking, period, notes);
}
