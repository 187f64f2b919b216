//! The application facade: what the command line and the desktop app both do — resolve a
//! draft's parent plan, build the unit's plan from a draft, render it (preview and findings),
//! name and write the output files. The shells only parse their input and show the result.
use crate::adapt::{self, AdaptOptions, Adaptation, Preset};
use crate::export::{self, ExportOptions};
use crate::import;
use crate::lint::{self, Finding};
use crate::model::Plan;
use crate::nd30::Layout;
use crate::store::{DraftState, ParentRef, Store};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Why an action failed: a short code for the UI's logic and the Vietnamese message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Import(#[from] import::ImportError),
    #[error(transparent)]
    Export(#[from] export::ExportError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Adapt(#[from] adapt::AdaptError),
    #[error(transparent)]
    Preset(#[from] adapt::PresetError),
    #[error(transparent)]
    Profile(#[from] crate::model::ProfileError),
    #[error(transparent)]
    Track(#[from] crate::track::TrackError),
    #[error("Chưa chọn kế hoạch cấp trên.")]
    NoParent,
    #[error("{0}")]
    Input(String),
}

impl Error {
    /// A short code for the UI ("import", "store"…).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(_) => "import",
            Error::Export(_) => "export",
            Error::Store(crate::store::StoreError::Conflict { .. }) => "conflict",
            Error::Store(crate::store::StoreError::ReadOnly(_)) => "read-only",
            Error::Store(_) => "store",
            Error::Adapt(_) => "adapt",
            Error::Preset(_) => "preset",
            Error::Profile(_) => "profile",
            Error::Track(_) => "track",
            Error::NoParent => "no-parent",
            Error::Input(_) => "input",
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A draft's parent plan: a built-in one or one the user imported.
pub fn parent_plan(store: &Store, parent: &ParentRef) -> Result<Plan> {
    Ok(match parent {
        ParentRef::Builtin(id) => import::builtin(id)?,
        ParentRef::Stored(id) => store.parent_plan(*id)?,
    })
}

/// The unit plan a draft stands for, and the adaptation it came from. Before the unit is
/// described (no valid profile), the parent plan itself with no adaptation.
pub fn build(parent: Option<&Plan>, draft: &DraftState) -> Result<(Plan, Option<Adaptation>)> {
    if let Some(plan) = &draft.plan {
        return Ok((plan.clone(), None));
    }
    let parent = parent.ok_or(Error::NoParent)?;
    let Some(profile) = draft.profile.as_ref().filter(|p| p.validate().is_ok()) else {
        return Ok((parent.clone(), None));
    };
    let preset_id = draft
        .preset
        .clone()
        .unwrap_or_else(|| profile.unit_type.clone());
    let preset = Preset::builtin(&preset_id)?;
    let adaptation = adapt::adapt(
        parent,
        profile,
        &preset,
        &draft.decisions,
        AdaptOptions::default(),
    )?;
    Ok((adaptation.plan.clone(), Some(adaptation)))
}

/// What the unit's description still lacks before its own plan can be made ("Thiếu tên đơn vị
/// trong thông tin đơn vị."), or `None` when it is complete (or the draft is a finished plan).
pub fn unit_missing(draft: &DraftState) -> Option<String> {
    if draft.plan.is_some() {
        return None;
    }
    match &draft.profile {
        None => Some("Chưa có thông tin đơn vị.".into()),
        Some(p) => p.validate().err().map(|e| e.to_string()),
    }
}

/// The unit's plan to write to a file: refused while the unit is not described, since the plan
/// would be the parent's own under the parent's number.
pub fn build_unit(parent: Option<&Plan>, draft: &DraftState) -> Result<Plan> {
    if let Some(missing) = unit_missing(draft) {
        return Err(Error::Input(format!(
            "{missing} Hãy điền ở bước 2 “Thông tin đơn vị”: chưa có kế hoạch của đơn vị để xuất."
        )));
    }
    Ok(build(parent, draft)?.0)
}

/// The unit's plan as it stands, its preview and what the checker finds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rendered {
    pub plan: Plan,
    /// The adaptation (proposals, flags, item states); none before the unit is described.
    pub adaptation: Option<Adaptation>,
    pub html: String,
    pub findings: Vec<Finding>,
    /// What the unit's description lacks (the preview then shows the parent's plan), if anything.
    pub unit_missing: Option<String>,
    /// The draft's name: "Kế hoạch CCHC năm 2024".
    pub title: String,
    /// The unit's plan is set for another year than its parent's.
    pub year_note: Option<YearNote>,
}

/// A unit plan set for another year than the parent plan it is made from, and what that means.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearNote {
    /// The parent plan's year (the one to choose, usually).
    pub parent: i32,
    pub unit: i32,
    pub message: String,
}

/// Whether the unit's plan is for another year than its parent's; the unit plan of a year is
/// made from the parent's plan of that year.
pub fn year_note(parent: Option<&Plan>, draft: &DraftState) -> Option<YearNote> {
    if draft.plan.is_some() {
        return None;
    }
    let parent = parent?.year()?;
    let unit = draft.profile.as_ref()?.year;
    (parent != unit).then(|| YearNote {
        parent,
        unit,
        message: format!(
            "Kế hoạch cấp trên là kế hoạch năm {parent}, còn kế hoạch của đơn vị đang đặt năm {unit}. \
             Kế hoạch của đơn vị thường cùng năm với kế hoạch cấp trên; nếu giữ năm {unit}, các \
             thời hạn, chỉ tiêu và căn cứ chép từ kế hoạch năm {parent} phải được sửa lại từng chỗ."
        ),
    })
}

/// A new draft fitted to its parent plan: the unit's plan is for the year of the parent's.
pub fn start_draft(parent: Option<&Plan>, mut draft: DraftState) -> DraftState {
    if let (Some(year), Some(profile)) = (parent.and_then(Plan::year), draft.profile.as_mut()) {
        profile.year = year;
    }
    draft.title = draft.shown_title();
    draft
}

/// Builds, lays out and checks a draft.
pub fn render(parent: Option<&Plan>, draft: &DraftState) -> Result<Rendered> {
    let (plan, adaptation) = build(parent, draft)?;
    let html = preview(&plan, draft.layout);
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
        unit_missing: unit_missing(draft),
        title: draft.shown_title(),
        year_note: year_note(parent, draft),
    })
}

/// The preview's pages, broken where the PDF breaks them (typst lays the document out; the
/// estimate only when no font for the PDF is installed).
pub fn preview(plan: &Plan, layout: Layout) -> String {
    let doc = crate::layout::lay_out(plan, &layout);
    match export::pdf::page_map(&doc) {
        Ok(map) => export::html::render_paged(&doc, &map),
        Err(_) => export::html::render_document(&doc),
    }
}

/// A parent plan and what the reader did not find in it, in plain Vietnamese.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParentView {
    pub plan: Plan,
    pub notes: Vec<String>,
    /// The year the parent plan is for: a new unit plan is for the same year.
    pub year: Option<i32>,
}

impl ParentView {
    pub fn of(plan: Plan) -> ParentView {
        let notes = plan_notes(&plan);
        let year = plan.year();
        ParentView { plan, notes, year }
    }
}

/// What an imported plan lacks or is, for the user to check before going on.
pub fn plan_notes(plan: &Plan) -> Vec<String> {
    let mut out = plan.notices.clone();
    if let Some(d) = &plan.issued_with {
        let date = d
            .date
            .map(|d| format!(" ngày {}", d.format("%d/%m/%Y")))
            .unwrap_or_default();
        out.push(format!(
            "Kế hoạch được ban hành kèm theo {} số {}/{}{}: kế hoạch không có số, ngày và chữ ký riêng; căn cứ của đơn vị sẽ dẫn cả văn bản này.",
            if d.doc_type.is_empty() { "Quyết định" } else { &d.doc_type },
            d.number.as_deref().unwrap_or("…"),
            d.symbol,
            date
        ));
    } else if plan.header.number.is_none() || plan.header.date.is_none() {
        out.push("Kế hoạch chưa có số hoặc ngày ban hành (có thể là bản dự thảo).".into());
    }
    if plan.header.issuer.trim().is_empty() {
        out.push("Không thấy tên cơ quan ban hành ở phần đầu văn bản.".into());
    }
    if plan.bases.is_empty() {
        out.push("Không thấy căn cứ ban hành.".into());
    }
    if plan.recipients.is_empty() {
        out.push("Không thấy phần Nơi nhận.".into());
    }
    let areas = crate::parent::ParentProfile::of(plan).areas;
    if !areas.is_empty() {
        out.push(format!(
            "Nhiệm vụ trọng tâm chia theo {} lĩnh vực: {}.",
            areas.len(),
            areas.join("; ")
        ));
    }
    if plan.issued_with.is_none() && plan.signer.name.trim().is_empty() {
        out.push("Không thấy họ tên người ký.".into());
    }
    match &plan.appendix {
        None => out.push("Kế hoạch không có phụ lục.".into()),
        Some(a) if a.groups.iter().all(|g| g.rows.is_empty()) => {
            out.push("Phụ lục không có dòng nhiệm vụ nào.".into())
        }
        _ => {}
    }
    out
}

/// Reads a parent plan from a file and keeps it (with the original file) in the store; returns
/// its id, the plan and the file's name.
pub fn import_parent(store: &mut Store, path: &Path) -> Result<(i64, Plan, String)> {
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let plan = import::read_path(path)?;
    let bytes = std::fs::read(path).map_err(|e| import::ImportError::Io {
        path: path.display().to_string(),
        reason: import::io_reason(&e),
    })?;
    let id = store.save_parent_plan(&plan, Some((&file_name, &bytes)))?;
    Ok((id, plan, file_name))
}

/// The unit plan a stored draft stands for.
pub fn draft_plan(store: &Store, state: &DraftState) -> Result<Plan> {
    let parent = match &state.parent {
        Some(p) if state.plan.is_none() => Some(parent_plan(store, p)?),
        _ => None,
    };
    build_unit(parent.as_ref(), state)
}

/// A draft's plan of record and where it stands on a day (the "Theo dõi" screen).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tracked {
    pub record: crate::track::Record,
    pub overview: crate::track::Overview,
}

/// The plan of record of `plan` (the draft's unit plan) with what `draft` recorded, on `today`.
/// Refused until the plan is issued (its number and date filled).
pub fn tracked(plan: &Plan, draft: &DraftState, today: chrono::NaiveDate) -> Result<Tracked> {
    let record = crate::track::Record::of(plan, &draft.tracking)?;
    let overview = record.overview(today);
    Ok(Tracked { record, overview })
}

/// Records what the unit did on one task of `plan` into the draft (checked against the plan).
pub fn record_task(
    plan: &Plan,
    draft: &mut DraftState,
    task: &str,
    update: crate::model::TaskRecord,
) -> Result<()> {
    let record = crate::track::Record::of(plan, &draft.tracking)?;
    crate::track::set(&record, &mut draft.tracking, task, update)?;
    Ok(())
}

/// The periodic report of `plan` for `period` ("Báo cáo kết quả thực hiện công tác CCHC quý I…").
pub fn report_of(plan: &Plan, draft: &DraftState, period: crate::track::Period) -> Result<Plan> {
    let record = crate::track::Record::of(plan, &draft.tracking)?;
    Ok(crate::track::report::report(plan, &record, period))
}

/// A report's file name without the extension: "Bao-cao-CCHC-quy-I-2024".
pub fn report_file_stem(report: &Plan, period: crate::track::Period) -> String {
    let year = report.year().map(|y| y.to_string()).unwrap_or_default();
    format!("Bao-cao-CCHC-{}-{year}", period.file_part())
}

/// The plan of record of a stored draft (the command line).
pub fn record(store: &Store, state: &DraftState) -> Result<crate::track::Record> {
    let plan = draft_plan(store, state)?;
    Ok(crate::track::Record::of(&plan, &state.tracking)?)
}

/// Records what the unit did on one task of a stored draft's plan (the command line).
pub fn track_task(
    store: &Store,
    state: &mut DraftState,
    task: &str,
    update: crate::model::TaskRecord,
) -> Result<()> {
    let plan = draft_plan(store, state)?;
    record_task(&plan, state, task, update)
}

/// The periodic report of a stored draft's plan (the command line).
pub fn report(store: &Store, state: &DraftState, period: crate::track::Period) -> Result<Plan> {
    let plan = draft_plan(store, state)?;
    report_of(&plan, state, period)
}

/// A file name for the plan without the extension: "Ke-hoach-CCHC-KH-MNTH-2024".
pub fn file_stem(plan: &Plan) -> String {
    let symbol = plan
        .header
        .symbol
        .replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "-");
    let year = plan.year().map(|y| y.to_string()).unwrap_or_default();
    format!("Ke-hoach-CCHC-{symbol}-{year}")
        .replace("--", "-")
        .trim_end_matches('-')
        .to_string()
}

/// What an output file is, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Docx,
    Pdf,
}

impl OutputFormat {
    pub fn of(path: &Path) -> Result<OutputFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("docx") => Ok(OutputFormat::Docx),
            Some("pdf") => Ok(OutputFormat::Pdf),
            _ => Err(Error::Input(format!(
                "Không xuất được ra tệp {}: hãy đặt tên tệp kết thúc bằng .docx (Word) hoặc .pdf.",
                path.display()
            ))),
        }
    }
}

/// Export options for a plan: the unit's layout, the issuing body as the file's author.
pub fn export_options(plan: &Plan, layout: Layout) -> ExportOptions {
    ExportOptions {
        layout,
        author: if plan.header.issuer.trim().is_empty() {
            ExportOptions::default().author
        } else {
            plan.header.issuer.clone()
        },
        ..Default::default()
    }
}

/// Writes the plan as .docx or PDF, chosen by the file's extension.
pub fn export(plan: &Plan, layout: Layout, path: &Path) -> Result<()> {
    let opts = export_options(plan, layout);
    let io = |e: std::io::Error| export::ExportError::Io {
        path: path.display().to_string(),
        reason: import::io_reason(&e),
    };
    let bytes = match OutputFormat::of(path)? {
        OutputFormat::Docx => export::to_docx(plan, &opts)?,
        OutputFormat::Pdf => export::to_pdf(plan, &opts)?,
    };
    write_whole(path, &bytes).map_err(io)?;
    Ok(())
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so
/// that a full disk or a file open in another program never leaves a cut-off copy in place of
/// the one that was there.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".kehoach-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A name beside `path` that no file has yet: "Kế hoạch (2).docx", "(3)" … — where an export
/// goes when the user was not asked about the file already there.
pub fn free_path(path: &Path) -> std::path::PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Ke-hoach");
    let ext = path.extension().and_then(|e| e.to_str());
    (2..)
        .map(|n| {
            let name = match ext {
                Some(ext) => format!("{stem} ({n}).{ext}"),
                None => format!("{stem} ({n})"),
            };
            path.with_file_name(name)
        })
        .find(|p| !p.exists())
        .expect("some number is free")
}

/// A plan from PLAN.json (the plan file format) or from any file the importer reads.
pub fn load_plan(path: &Path) -> Result<Plan> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = read_text(path)?;
        let mut plan: Plan = serde_json::from_str(&text).map_err(|e| {
            Error::Input(format!(
                "Tệp {} không phải kế hoạch JSON hợp lệ (dòng {}, cột {}).",
                path.display(),
                e.line(),
                e.column()
            ))
        })?;
        plan.normalize();
        Ok(plan)
    } else {
        Ok(import::read_path(path)?)
    }
}

/// A unit-type preset: a built-in id, or a .toml file.
pub fn load_preset(id_or_path: &str) -> Result<Preset> {
    if id_or_path.ends_with(".toml") {
        let text = read_text(Path::new(id_or_path))?;
        Ok(Preset::from_toml(id_or_path, &text)?)
    } else {
        Ok(Preset::builtin(id_or_path)?)
    }
}

/// A text file, with a Vietnamese message when it cannot be read.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::Input(format!(
            "Không đọc được tệp {}: {}.",
            path.display(),
            import::io_reason(&e)
        ))
    })
}

/// Checks a plan file: PLAN.json and a built-in plan by their content, any other file also by
/// its formatting.
pub fn check_file(path: &Path) -> Result<Vec<Finding>> {
    let builtin = path.to_str().is_some_and(|p| p.starts_with("builtin:"));
    if builtin
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return Ok(lint::check(&load_plan(path)?));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Error::Input(format!(
            "Không đọc được tệp {}: {}.",
            path.display(),
            import::io_reason(&e)
        ))
    })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    Ok(lint::check_docx(name, &bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_symbol_and_the_plans_year() {
        let mut plan = Plan {
            summary: "Thực hiện công tác CCHC năm 2027".into(),
            ..Default::default()
        };
        plan.header.symbol = "KH-MNTH".into();
        assert_eq!(file_stem(&plan), "Ke-hoach-CCHC-KH-MNTH-2027");
        assert!(OutputFormat::of(Path::new("a.PDF")).is_ok());
        assert!(OutputFormat::of(Path::new("a.doc"))
            .unwrap_err()
            .to_string()
            .contains(".docx"));
    }
}
