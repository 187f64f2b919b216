//! Commands the UI calls through Tauri's bridge: thin calls into the `kehoach` core. Every
//! command returns `Result<_, AppError>`, whose message is Vietnamese and shown as it is.
use crate::dialogs;
use crate::error::AppError;
use crate::state::AppState;
use kehoach::app::{self as core, ParentView, PresetInfo, Rendered};
use kehoach::import::BuiltinPlan;
use kehoach::model::{Plan, TaskRecord, UnitProfile};
use kehoach::store::{Draft, DraftState, DraftSummary, ParentPlanSummary, ParentRef, UnitSummary};
use kehoach::track::Period;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

type Res<T> = Result<T, AppError>;

/// What the start screen shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub builtins: Vec<BuiltinPlan>,
    pub presets: Vec<PresetInfo>,
    /// A serif face the PDF is set in is installed (PDF export and printing need no office
    /// suite).
    pub pdf: bool,
    pub data_path: String,
    /// Where a broken data file was moved on start, if it was.
    pub recovered_from: Option<String>,
    /// How many drafts were copied out of that broken file.
    pub rescued: u32,
    /// Why the data file is open for reading only, if it is (drafts can be read and exported).
    pub read_only: Option<String>,
    /// Why the data file could not be opened at all, if it could not (nothing can be saved).
    pub store_problem: Option<String>,
}

/// A parent plan the user imported, with what the reader did not find in it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportedParent {
    #[ts(type = "number")]
    pub id: i64,
    pub parent: ParentView,
    pub file_name: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Res<AppInfo> {
    Ok(AppInfo {
        version: kehoach::VERSION.to_string(),
        builtins: core::builtins(),
        presets: core::presets(),
        pdf: core::pdf_available(),
        data_path: state.data_path(),
        recovered_from: state.recovered_from(),
        rescued: state.rescued(),
        read_only: state.read_only(),
        store_problem: state.problem(),
    })
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> Res<Vec<DraftSummary>> {
    Ok(state.store()?.drafts()?)
}

#[tauri::command]
pub fn list_units(state: State<'_, AppState>) -> Res<Vec<UnitSummary>> {
    Ok(state.store()?.units()?)
}

#[tauri::command]
pub fn get_unit(state: State<'_, AppState>, id: i64) -> Res<UnitProfile> {
    Ok(state.store()?.unit(id)?)
}

#[tauri::command]
pub fn list_parent_plans(state: State<'_, AppState>) -> Res<Vec<ParentPlanSummary>> {
    Ok(state.store()?.parent_plans()?)
}

#[tauri::command]
pub fn parent_plan(state: State<'_, AppState>, parent: ParentRef) -> Res<ParentView> {
    Ok(ParentView::of(state.parent(&parent)?))
}

/// Asks for a file (.docx, .pdf, .doc, .odt, .rtf, .md, .txt) and imports it as a parent plan;
/// `None` when cancelled.
#[tauri::command]
pub async fn import_parent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Res<Option<ImportedParent>> {
    let Some(path) = dialogs::pick_parent_file(&app) else {
        return Ok(None);
    };
    let (id, plan, file_name) = core::import_parent(&mut *state.store()?, &path)?;
    Ok(Some(ImportedParent {
        id,
        parent: ParentView::of(plan),
        file_name,
    }))
}

#[tauri::command]
pub fn new_draft(state: State<'_, AppState>, draft: DraftState) -> Res<Draft> {
    let parent = parent_of(&state, &draft)?;
    let draft = core::start_draft(parent.as_ref(), draft);
    let mut store = state.store()?;
    let id = store.create_draft(&draft)?;
    Ok(store.draft(id)?)
}

/// "Lập kế hoạch năm sau": asks for this year's parent plan (any file the importer reads),
/// imports it and makes a new draft from draft `id` (last year's): its decisions carried to the
/// items the parent left as they were. `None` when cancelled.
#[tauri::command]
pub async fn next_year_draft<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Res<Option<Draft>> {
    let Some(path) = dialogs::pick_parent_file(&app) else {
        return Ok(None);
    };
    let mut store = state.store()?;
    let id = core::next_year_in_store(&mut store, id, &path)?;
    Ok(Some(store.draft(id)?))
}

#[tauri::command]
pub fn open_draft(state: State<'_, AppState>, id: i64) -> Res<Draft> {
    Ok(state.store()?.draft(id)?)
}

/// Saves a draft's new state (one revision, one transaction) and remembers the unit.
#[tauri::command]
pub fn save_draft(
    state: State<'_, AppState>,
    id: i64,
    base: Option<i64>,
    draft: DraftState,
    note: String,
) -> Res<Draft> {
    let mut store = state.store()?;
    store.save_on(id, base, &draft, &note)?;
    if let Some(profile) = draft.profile.as_ref().filter(|p| p.validate().is_ok()) {
        store.save_unit(profile)?;
    }
    Ok(store.draft(id)?)
}

/// Takes back the last change of content; the draft stays on `step`, the wizard step the window
/// is on.
#[tauri::command]
pub fn undo(state: State<'_, AppState>, id: i64, step: Option<u32>) -> Res<Option<Draft>> {
    let mut store = state.store()?;
    Ok(match step {
        Some(on) => store.undo_on(id, -1, on)?,
        None => store.undo(id)?,
    })
}

/// Makes the last undone change again; the draft stays on `step`.
#[tauri::command]
pub fn redo(state: State<'_, AppState>, id: i64, step: Option<u32>) -> Res<Option<Draft>> {
    let mut store = state.store()?;
    Ok(match step {
        Some(on) => store.undo_on(id, 1, on)?,
        None => store.redo(id)?,
    })
}

#[tauri::command]
pub fn delete_draft(state: State<'_, AppState>, id: i64) -> Res<()> {
    Ok(state.store()?.delete_draft(id)?)
}

/// The plan a draft stands for, with its preview and findings.
#[tauri::command]
pub fn render(state: State<'_, AppState>, draft: DraftState) -> Res<Rendered> {
    let parent = parent_of(&state, &draft)?;
    Ok(core::render(parent.as_ref(), &draft)?)
}

/// The draft's parent plan (none for a finished plan saved as it is).
fn parent_of(state: &AppState, draft: &DraftState) -> Res<Option<Plan>> {
    match &draft.parent {
        Some(p) if draft.plan.is_none() => Ok(Some(state.parent(p)?)),
        _ => Ok(None),
    }
}

fn build(state: &AppState, draft: &DraftState) -> Res<Plan> {
    let parent = parent_of(state, draft)?;
    Ok(core::build_unit(parent.as_ref(), draft)?)
}

/// Asks where to save and writes the .docx; `None` when cancelled.
#[tauri::command]
pub async fn export_docx<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<Option<String>> {
    save_as(&app, &state, &draft, "docx")
}

/// Asks where to save and writes a PDF.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<Option<String>> {
    save_as(&app, &state, &draft, "pdf")
}

fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    draft: &DraftState,
    ext: &str,
) -> Res<Option<String>> {
    let plan = build(state, draft)?;
    let name = format!("{}.{ext}", core::file_stem(&plan));
    write_as(app, &plan, draft, &name, ext)
}

/// Asks where to save `plan` (suggesting `name`) and writes it; `None` when cancelled.
fn write_as<R: Runtime>(
    app: &AppHandle<R>,
    plan: &Plan,
    draft: &DraftState,
    name: &str,
    ext: &str,
) -> Res<Option<String>> {
    let path = match dialogs::pick_save_path(app, name, ext) {
        None => return Ok(None),
        Some(dialogs::Picked::Confirmed(path)) => path,
        // A file already there that the user was not asked about is never replaced.
        Some(dialogs::Picked::Unconfirmed(path)) => {
            if path.exists() && !dialogs::confirm_overwrite(app, &path) {
                core::free_path(&path)
            } else {
                path
            }
        }
    };
    core::export(plan, draft.layout, &path)?;
    Ok(Some(path.display().to_string()))
}

/// The draft's plan of record as it stands today (the computer's date).
#[tauri::command]
pub fn track(state: State<'_, AppState>, draft: DraftState) -> Res<core::Tracked> {
    let plan = build(&state, &draft)?;
    let today = chrono::Local::now().date_naive();
    Ok(core::tracked(&plan, &draft, today)?)
}

/// The draft with what the unit recorded on one task (checked); the UI saves it like any change.
#[tauri::command]
pub fn track_task(
    state: State<'_, AppState>,
    draft: DraftState,
    task: String,
    update: TaskRecord,
) -> Res<DraftState> {
    let plan = build(&state, &draft)?;
    let mut draft = draft;
    core::record_task(&plan, &mut draft, &task, update)?;
    Ok(draft)
}

/// Asks where to save and writes the periodic report (.docx or .pdf); `None` when cancelled.
#[tauri::command]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
    period: Period,
    ext: String,
) -> Res<Option<String>> {
    let plan = build(&state, &draft)?;
    let report = core::report_of(&plan, &draft, period)?;
    let ext = if ext == "pdf" { "pdf" } else { "docx" };
    let name = format!("{}.{ext}", core::report_file_stem(&report, period));
    write_as(&app, &report, &draft, &name, ext)
}

/// Shows an exported file in the system's file manager.
#[tauri::command]
pub async fn show_in_folder<R: Runtime>(app: AppHandle<R>, path: String) -> Res<()> {
    dialogs::show_in_folder(&app, std::path::Path::new(&path))
}

/// Makes the PDF and opens it in the system's viewer, from which the user prints.
#[tauri::command]
pub async fn print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<String> {
    let plan = build(&state, &draft)?;
    let pdf = state
        .print_dir()?
        .join(format!("{}.pdf", core::file_stem(&plan)));
    core::export(&plan, draft.layout, &pdf)?;
    dialogs::open_for_printing(&app, &pdf)?;
    Ok(pdf.display().to_string())
}
