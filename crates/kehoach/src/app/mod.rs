//! The application facade: what the command line and the desktop app both do — resolve a
//! draft's parent plan, build the unit's plan from a draft, render it (preview and findings),
//! name and write the output files. The shells only parse their input and show the result.
use kehoach_adapt::{self as adapt, AdaptOptions, Adaptation, Preset};
use kehoach_export as export;
use kehoach_import as import;
use kehoach_lint::{self as lint, Finding};
use kehoach_model::{Plan, ProfileField};
use kehoach_nd30::Layout;
use kehoach_store::{DraftState, ParentRef, Store};
use serde::{Deserialize, Serialize};
use std::path::Path;

mod catalog;
mod drafts;
mod files;
mod inputs;
mod next_year;
mod notes;
mod review;
mod tracking;
pub use catalog::*;
pub use drafts::*;
pub use files::*;
pub use inputs::*;
pub use next_year::{next_year_draft, next_year_files, next_year_in_store, next_year_summary};
pub use notes::*;
pub use review::*;
pub use tracking::*;

/// Why an action failed: a short code for the UI's logic and the Vietnamese message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Import(#[from] import::ImportError),
    #[error(transparent)]
    Export(#[from] export::ExportError),
    #[error(transparent)]
    Pdf(#[from] kehoach_pdf::PdfError),
    #[error(transparent)]
    Store(#[from] kehoach_store::StoreError),
    #[error(transparent)]
    Adapt(#[from] adapt::AdaptError),
    #[error(transparent)]
    Preset(#[from] adapt::PresetError),
    #[error(transparent)]
    Profile(#[from] kehoach_model::ProfileError),
    #[error(transparent)]
    Track(#[from] kehoach_track::TrackError),
    #[error("Chưa chọn kế hoạch cấp trên.")]
    NoParent,
    #[error("{0}")]
    Input(String),
    /// An output file already there, which the command line does not replace unasked.
    #[error("Tệp {0} đã có: không ghi đè lên tệp đó.")]
    Exists(String),
}

impl Error {
    /// A short code for the UI ("import", "store"…).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(_) => "import",
            Error::Export(_) | Error::Pdf(_) => "export",
            Error::Store(kehoach_store::StoreError::Conflict { .. }) => "conflict",
            Error::Store(kehoach_store::StoreError::ReadOnly(_)) => "read-only",
            Error::Store(_) => "store",
            Error::Adapt(_) => "adapt",
            Error::Preset(_) => "preset",
            Error::Profile(_) => "profile",
            Error::Track(_) => "track",
            Error::NoParent => "no-parent",
            Error::Input(_) => "input",
            Error::Exists(_) => "exists",
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
    let mut adaptation = adapt::adapt(
        parent,
        profile,
        &preset,
        &draft.decisions,
        AdaptOptions::default(),
    )?;
    next_year::mark_changes(&mut adaptation, draft);
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

/// The fields of the draft's profile that a plan cannot do without and that are empty (none for
/// a finished plan).
pub fn missing_fields(draft: &DraftState) -> Vec<ProfileField> {
    match (&draft.plan, &draft.profile) {
        (Some(_), _) => Vec::new(),
        (None, None) => ProfileField::ALL.to_vec(),
        (None, Some(p)) => p.missing(),
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
#[derive(ts_rs::TS, Debug, Clone, Serialize, Deserialize)]
pub struct Rendered {
    pub plan: Plan,
    /// The adaptation (proposals, flags, item states); none before the unit is described.
    pub adaptation: Option<Adaptation>,
    pub html: String,
    pub findings: Vec<Finding>,
    /// What the unit's description lacks (the preview then shows the parent's plan), if anything.
    pub unit_missing: Option<String>,
    /// The fields of the unit's profile that a plan cannot do without and that are empty.
    pub missing: Vec<ProfileField>,
    /// Findings about the parent's scope on items the user kept on purpose: listed once, not as
    /// faults.
    pub kept_on_purpose: Vec<Finding>,
    /// The draft's name: "Kế hoạch CCHC năm 2024".
    pub title: String,
    /// The unit's plan is set for another year than its parent's.
    pub year_note: Option<YearNote>,
    /// The parent plan was issued by another body than the unit's parent body.
    pub parent_note: Option<String>,
    /// Which place name Decree 30 wants for the unit.
    pub place_hint: Option<String>,
    /// How the user finds each item of the plan ("1.11. (gạch đầu dòng 5)"), by item id.
    pub places: std::collections::BTreeMap<String, String>,
}

/// A unit plan set for another year than the parent plan it is made from, and what that means.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    let mut findings: Vec<Finding> = if adaptation.is_some() || draft.plan.is_some() {
        let mut f = lint::check(&plan);
        f.extend(layout_findings(&plan, draft.layout));
        f
    } else {
        Vec::new()
    };
    // The parent plan cited as its own header says (issuer, number, date).
    if let (Some(_), Some(parent)) = (&adaptation, parent) {
        findings.extend(lint::against_parent(&plan, parent));
    }
    let (findings, kept_on_purpose) = respect_decisions(findings, &draft.decisions);
    let places = plan
        .places()
        .into_iter()
        .map(|(id, (place, _))| (id, place))
        .collect();
    Ok(Rendered {
        plan,
        adaptation,
        html,
        findings,
        unit_missing: unit_missing(draft),
        missing: missing_fields(draft),
        kept_on_purpose,
        title: draft.shown_title(),
        year_note: year_note(parent, draft),
        parent_note: parent_note(parent, draft),
        place_hint: place_hint(draft),
        places,
    })
}

/// The preview's pages, broken where the PDF breaks them (typst lays the document out; the
/// estimate only when no font for the PDF is installed).
/// What the layout finds: a place and date line that cannot keep to one line.
pub fn layout_findings(plan: &Plan, layout: Layout) -> Vec<Finding> {
    let doc = kehoach_layout::lay_out(plan, &layout);
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            kehoach_layout::Block::Header(h) if !h.place_date_fits => {
                Some(lint::place_date_wraps(&h.place_date.text))
            }
            _ => None,
        })
        .collect()
}

pub fn preview(plan: &Plan, layout: Layout) -> String {
    let doc = kehoach_layout::lay_out(plan, &layout);
    match kehoach_pdf::page_map(&doc) {
        Ok(map) => export::html::render_paged(&doc, &map),
        Err(_) => export::html::render_document(&doc),
    }
}

/// A parent plan and what the reader did not find in it, in plain Vietnamese.
#[derive(ts_rs::TS, Debug, Clone, Serialize, Deserialize)]
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
        // A plan issued with a decision is signed and sent through it: its Nơi nhận and
        // signer, when the plan has none, are the decision's (the importer takes them).
        let through = if plan.recipients.is_empty() {
            ""
        } else {
            " (nơi nhận và người ký là của văn bản này)"
        };
        out.push(format!(
            "Kế hoạch được ban hành kèm theo {} số {}/{}{}: kế hoạch không có số, ngày và chữ ký riêng{through}; căn cứ của đơn vị sẽ dẫn cả văn bản này.",
            d.type_name(),
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
    let areas = kehoach_parent::ParentProfile::of(plan).areas;
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
