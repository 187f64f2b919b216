//! Commands the UI calls through Tauri's bridge: thin calls into the `kehoach` core. Every
//! command returns `Result<_, AppError>`, whose message is Vietnamese and shown as it is.
use crate::dialogs;
use crate::error::AppError;
use crate::state::AppState;
use kehoach::adapt::{self, AdaptOptions, Adaptation, Preset, UnitProfile};
use kehoach::export::{self, ExportOptions};
use kehoach::import::{self, BuiltinPlan};
use kehoach::lint::{self, Finding};
use kehoach::model::Plan;
use kehoach::store::{Draft, DraftState, DraftSummary, ParentPlanSummary, ParentRef, UnitSummary};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

type Res<T> = Result<T, AppError>;

/// A unit-type preset, as offered in the profile form.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PresetInfo {
    pub id: String,
    pub name: String,
    pub signer_title: String,
}

/// What the start screen shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub builtins: Vec<BuiltinPlan>,
    pub presets: Vec<PresetInfo>,
    /// LibreOffice is installed (PDF export and printing).
    pub libreoffice: bool,
    pub data_path: String,
    /// Where a broken data file was moved on start, if it was.
    pub recovered_from: Option<String>,
}

/// The unit's plan as it stands, its preview and what the checker finds.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Rendered {
    pub plan: Plan,
    /// The adaptation (proposals, flags, item states); none before the unit is described.
    pub adaptation: Option<Adaptation>,
    pub html: String,
    pub findings: Vec<Finding>,
}

/// A parent plan the user imported.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportedParent {
    #[ts(type = "number")]
    pub id: i64,
    pub plan: Plan,
    pub file_name: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Res<AppInfo> {
    let presets = adapt::preset::BUILTIN
        .iter()
        .filter_map(|(id, _)| Preset::builtin(id).ok())
        .map(|p| PresetInfo {
            id: p.id,
            name: p.name,
            signer_title: p.signer_title,
        })
        .collect();
    Ok(AppInfo {
        version: kehoach::VERSION.to_string(),
        builtins: import::builtin_list(),
        presets,
        libreoffice: export::pdf::libreoffice().is_some(),
        data_path: state.data_path(),
        recovered_from: state.recovered_from(),
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
pub fn parent_plan(state: State<'_, AppState>, parent: ParentRef) -> Res<Plan> {
    state.parent(&parent)
}

/// Asks for a file (.docx, .md, .txt) and imports it as a parent plan; `None` when cancelled.
#[tauri::command]
pub async fn import_parent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Res<Option<ImportedParent>> {
    let Some(path) = dialogs::pick_parent_file(&app) else {
        return Ok(None);
    };
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let meta = std::fs::metadata(&path).map_err(|e| AppError::io(&path, e))?;
    if meta.len() > import::MAX_FILE_BYTES {
        return Err(import::ImportError::TooLarge {
            size_mb: meta.len() / (1024 * 1024),
        }
        .into());
    }
    let bytes = std::fs::read(&path).map_err(|e| AppError::io(&path, e))?;
    let plan = import::read_bytes(&file_name, &bytes)?;
    let id = state
        .store()?
        .save_parent_plan(&plan, Some((&file_name, &bytes)))?;
    Ok(Some(ImportedParent {
        id,
        plan,
        file_name,
    }))
}

#[tauri::command]
pub fn new_draft(state: State<'_, AppState>, draft: DraftState) -> Res<Draft> {
    let mut store = state.store()?;
    let id = store.create_draft(&draft)?;
    Ok(store.draft(id)?)
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
    draft: DraftState,
    note: String,
) -> Res<Draft> {
    let mut store = state.store()?;
    store.save(id, &draft, &note)?;
    if let Some(profile) = draft.profile.as_ref().filter(|p| p.validate().is_ok()) {
        store.save_unit(profile)?;
    }
    Ok(store.draft(id)?)
}

#[tauri::command]
pub fn undo(state: State<'_, AppState>, id: i64) -> Res<Option<Draft>> {
    Ok(state.store()?.undo(id)?)
}

#[tauri::command]
pub fn redo(state: State<'_, AppState>, id: i64) -> Res<Option<Draft>> {
    Ok(state.store()?.redo(id)?)
}

#[tauri::command]
pub fn delete_draft(state: State<'_, AppState>, id: i64) -> Res<()> {
    Ok(state.store()?.delete_draft(id)?)
}

/// The plan a draft stands for, with its preview and findings.
#[tauri::command]
pub fn render(state: State<'_, AppState>, draft: DraftState) -> Res<Rendered> {
    let (plan, adaptation) = build(&state, &draft)?;
    let html = export::html::render(&plan, &draft.layout);
    let findings = if adaptation.is_some() || draft.plan.is_some() {
        lint::check(&plan)
    } else {
        Vec::new()
    };
    Ok(Rendered {
        plan,
        adaptation,
        html,
        findings,
    })
}

fn build(state: &AppState, draft: &DraftState) -> Res<(Plan, Option<Adaptation>)> {
    if let Some(plan) = &draft.plan {
        return Ok((plan.clone(), None));
    }
    let parent_ref = draft
        .parent
        .as_ref()
        .ok_or_else(|| AppError::new("no-parent", "Chưa chọn kế hoạch cấp trên."))?;
    let parent = state.parent(parent_ref)?;
    let Some(profile) = draft.profile.as_ref().filter(|p| p.validate().is_ok()) else {
        return Ok((parent, None));
    };
    let preset_id = draft
        .preset
        .clone()
        .unwrap_or_else(|| profile.unit_type.clone());
    let preset = Preset::builtin(&preset_id)?;
    let adaptation = adapt::adapt(
        &parent,
        profile,
        &preset,
        &draft.decisions,
        AdaptOptions::default(),
    )?;
    Ok((adaptation.plan.clone(), Some(adaptation)))
}

fn file_stem(plan: &Plan) -> String {
    let symbol = plan.header.symbol.replace(['/', '\\'], "-");
    let year = plan
        .summary
        .split_whitespace()
        .last()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("");
    format!("Ke-hoach-CCHC-{symbol}-{year}")
        .trim_end_matches('-')
        .to_string()
}

/// The draft's layout, with the issuing body as the file's author.
fn export_options(plan: &Plan, draft: &DraftState) -> ExportOptions {
    ExportOptions {
        layout: draft.layout,
        author: plan.header.issuer.clone(),
        ..Default::default()
    }
}

/// Asks where to save and writes the .docx; `None` when cancelled.
#[tauri::command]
pub async fn export_docx<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<Option<String>> {
    let (plan, _) = build(&state, &draft)?;
    let Some(path) = dialogs::pick_save_path(&app, &format!("{}.docx", file_stem(&plan)), "docx")
    else {
        return Ok(None);
    };
    let opts = export_options(&plan, &draft);
    let bytes = export::to_docx(&plan, &opts)?;
    std::fs::write(&path, bytes).map_err(|e| AppError::io(&path, e))?;
    Ok(Some(path.display().to_string()))
}

fn write_pdf(plan: &Plan, draft: &DraftState, pdf: &std::path::Path) -> Res<()> {
    let docx = pdf.with_extension("docx");
    let opts = export_options(plan, draft);
    std::fs::write(&docx, export::to_docx(plan, &opts)?).map_err(|e| AppError::io(&docx, e))?;
    export::pdf::docx_to_pdf(&docx, pdf)?;
    Ok(())
}

/// Asks where to save and writes a PDF (through LibreOffice, with the .docx beside it).
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<Option<String>> {
    let (plan, _) = build(&state, &draft)?;
    if export::pdf::libreoffice().is_none() {
        return Err(export::ExportError::NoLibreOffice.into());
    }
    let Some(path) = dialogs::pick_save_path(&app, &format!("{}.pdf", file_stem(&plan)), "pdf")
    else {
        return Ok(None);
    };
    write_pdf(&plan, &draft, &path)?;
    Ok(Some(path.display().to_string()))
}

/// Makes the PDF and opens it in the system's viewer, from which the user prints.
#[tauri::command]
pub async fn print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: DraftState,
) -> Res<String> {
    let (plan, _) = build(&state, &draft)?;
    let dir = state.print_dir()?;
    let pdf = dir.join(format!("{}.pdf", file_stem(&plan)));
    write_pdf(&plan, &draft, &pdf)?;
    dialogs::open_for_printing(&app, &pdf)?;
    Ok(pdf.display().to_string())
}
