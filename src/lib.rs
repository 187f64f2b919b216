//! # kehoach — the core of *Kế hoạch CCHC*
//!
//! One pipeline, like a document converter: readers → model → transforms → writers.
//!
//! - [`model`]: the plan (kế hoạch) as data — header, bases, parts, items, recipients, signer,
//!   footnotes, appendix. No I/O.
//! - `import`: readers for .docx, markdown and plain text, plus the built-in parent plans.
//! - `nd30`: Decree 30/2020/NĐ-CP as data.
//! - `adapt`: turn a parent plan into a unit's own plan.
//! - `export`: writers (.docx, HTML preview, text).
//! - `lint`: findings against the decree and leftover parent wording.
//! - `store`: drafts in SQLite.

/// The version of the core crate, shown on the start screen and by `kehoach --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod adapt;
pub mod boilerplate;
pub mod export;
pub mod import;
pub mod lint;
pub mod model;
pub mod nd30;
pub mod outline;
pub mod store;

/// The unit plan a draft stands for: its saved plan, or the adaptation of its parent plan with its
/// profile, preset and decisions.
pub fn draft_plan(store: &store::Store, state: &store::DraftState) -> Result<model::Plan, String> {
    if let Some(plan) = &state.plan {
        return Ok(plan.clone());
    }
    let parent = match &state.parent {
        Some(store::ParentRef::Builtin(id)) => import::builtin(id).map_err(|e| e.to_string())?,
        Some(store::ParentRef::Stored(id)) => store.parent_plan(*id).map_err(|e| e.to_string())?,
        None => return Err("Bản nháp chưa chọn kế hoạch cấp trên.".into()),
    };
    let profile = state
        .profile
        .as_ref()
        .ok_or("Bản nháp chưa có thông tin đơn vị.")?;
    let preset_id = state
        .preset
        .clone()
        .unwrap_or_else(|| profile.unit_type.clone());
    let preset = adapt::Preset::builtin(&preset_id).map_err(|e| e.to_string())?;
    let result = adapt::adapt(
        &parent,
        profile,
        &preset,
        &state.decisions,
        adapt::AdaptOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    Ok(result.plan)
}
