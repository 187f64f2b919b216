//! "Lập kế hoạch năm sau": next year's draft from last year's — this year's parent plan, last
//! year's decisions carried to the items the parent left as they were, its own items, appendix
//! cells, signer and recipients kept, its years moved; what last year left undone offered.
use super::{build, Error, Result};
use kehoach_adapt::carry::{self, LastYear};
use kehoach_model::{Plan, Previous, Status, Topic, UndoneTask};
use kehoach_store::{DraftState, ParentRef};
use std::collections::BTreeMap;

/// Next year's draft made from `last` (a draft whose parent plan is `last_parent`) and this
/// year's parent plan `new` (stored as `new_ref`).
pub fn next_year_draft(
    last_parent: &Plan,
    last: &DraftState,
    new: &Plan,
    new_ref: Option<ParentRef>,
) -> Result<DraftState> {
    let Some(profile) = last.profile.clone() else {
        return Err(Error::Input(
            "Bản nháp năm trước chưa có thông tin đơn vị: không có quyết định nào để chuyển sang năm sau.".into(),
        ));
    };
    let (last_plan, adaptation) = build(Some(last_parent), last)?;
    let Some(adaptation) = adaptation else {
        return Err(Error::Input(
            "Bản nháp năm trước không được lập từ một kế hoạch cấp trên: không có quyết định nào để chuyển sang năm sau.".into(),
        ));
    };
    let kept: BTreeMap<String, bool> = adaptation
        .nodes
        .iter()
        .map(|n| (n.id.clone(), n.kept))
        .collect();
    let year = new.year().unwrap_or(profile.year + 1);
    if year <= profile.year {
        return Err(Error::Input(format!(
            "Kế hoạch cấp trên vừa chọn là kế hoạch năm {year}, không phải của năm sau năm {}: hãy chọn kế hoạch cấp trên của năm {}.",
            profile.year,
            profile.year + 1
        )));
    }
    let (decisions, mut previous) = carry::carry(
        &LastYear {
            parent: last_parent,
            decisions: &last.decisions,
            kept: &kept,
            year: profile.year,
        },
        new,
        year,
    );
    previous.undone = undone(&last_plan, last, &previous);
    let profile = kehoach_model::UnitProfile {
        year,
        // The new plan is a draft: its number and date are the clerk's when it is signed.
        number: None,
        date: None,
        ..profile
    };
    // The first step that has items to decide again: 3 (objectives, targets) or 4 (tasks).
    let step = if new.items().iter().any(|(part, item)| {
        matches!(part.topic(), Some(Topic::MucTieu | Topic::ChiTieu))
            && previous
                .changes
                .get(&item.id)
                .is_some_and(|c| c.needs_decision())
    }) {
        3
    } else {
        4
    };
    let mut draft = DraftState {
        parent: new_ref,
        profile: Some(profile),
        preset: last.preset.clone(),
        decisions,
        layout: last.layout,
        step,
        previous: Some(previous),
        ..DraftState::default()
    };
    draft.title = draft.shown_title();
    Ok(draft)
}

/// The tasks of last year's plan of record that were recorded and not finished.
fn undone(last_plan: &Plan, last: &DraftState, previous: &Previous) -> Vec<UndoneTask> {
    let Ok(record) = kehoach_track::Record::of(last_plan, &last.tracking) else {
        return Vec::new();
    };
    let continued = kehoach_model::previous::continued(&previous.changes);
    record
        .tasks
        .iter()
        .filter(|t| last.tracking.tasks.contains_key(&t.id))
        .filter(|t| t.record.status != Status::HoanThanh)
        .map(|t| UndoneTask {
            label: t.label.clone(),
            text: t.text.clone(),
            status: t.record.status,
            reason: if t.record.reason.trim().is_empty() {
                t.record.result.clone()
            } else {
                t.record.reason.clone()
            },
            continued_by: continued
                .get(t.id.as_str())
                .and_then(|ids| ids.first())
                .map(|s| s.to_string()),
        })
        .collect()
}

/// The adaptation's items marked with what the parent changed since last year.
pub(super) fn mark_changes(adaptation: &mut kehoach_adapt::Adaptation, draft: &DraftState) {
    let Some(previous) = &draft.previous else {
        return;
    };
    for node in &mut adaptation.nodes {
        node.change = previous.changes.get(&node.id).cloned();
    }
    // What the parent changed since last year is asked.
    adaptation.worklist = kehoach_adapt::worklist::list(adaptation, &draft.decisions);
}

/// Next year's plan from files (`kehoach adapt --from NEW --previous LAST.json`): `previous` is
/// last year's draft as `kehoach drafts show` prints it; last year's parent plan is the draft's
/// own when built in, or `previous_from`. Every default proposal accepted, as the command line
/// does; the draft it is made from is returned too (what changed, what is carried).
pub fn next_year_files(
    from: &std::path::Path,
    previous: &std::path::Path,
    previous_from: Option<&std::path::Path>,
) -> Result<(kehoach_adapt::Adaptation, DraftState)> {
    let new = super::load_plan(from)?;
    let last: DraftState = serde_json::from_str(&super::read_text(previous)?).map_err(|e| {
        Error::Input(format!(
            "Tệp {} không phải bản nháp năm trước (JSON như lệnh “kehoach drafts show” in ra; dòng {}, cột {}).",
            previous.display(),
            e.line(),
            e.column()
        ))
    })?;
    let last_parent = match (previous_from, &last.parent) {
        (Some(path), _) => super::load_plan(path)?,
        (None, Some(ParentRef::Builtin(id))) => kehoach_import::builtin(id)?,
        (None, _) => {
            return Err(Error::Input(
                "Bản nháp năm trước được lập từ một kế hoạch cấp trên đã nhập: hãy chỉ tệp kế hoạch cấp trên năm trước bằng --previous-from.".into(),
            ))
        }
    };
    let draft = next_year_draft(&last_parent, &last, &new, None)?;
    let profile = draft.profile.as_ref().expect("a profile carried");
    let preset = super::load_preset(draft.preset.as_deref().unwrap_or(&profile.unit_type))?;
    let mut adaptation = kehoach_adapt::adapt(
        &new,
        profile,
        &preset,
        &draft.decisions,
        kehoach_adapt::AdaptOptions {
            apply_defaults: true,
        },
    )?;
    mark_changes(&mut adaptation, &draft);
    Ok((adaptation, draft))
}

/// What the command line says of a plan made from last year's: the parent's changes, the items
/// to decide again, what last year left undone.
pub fn next_year_summary(adaptation: &kehoach_adapt::Adaptation, draft: &DraftState) -> String {
    let Some(p) = &draft.previous else {
        return String::new();
    };
    let counts: Vec<String> = kehoach_model::CHANGE_KINDS
        .iter()
        .map(|(kind, label, _)| {
            let n = p.changes.values().filter(|c| c.kind() == *kind).count();
            format!("{label}: {n}")
        })
        .collect();
    let mut out = format!(
        "So với kế hoạch cấp trên năm {}: {}; cấp trên đã bỏ: {}.\n",
        p.year,
        counts.join("; "),
        p.removed.len()
    );
    let to_decide: Vec<_> = adaptation
        .nodes
        .iter()
        .filter(|n| n.change.as_ref().is_some_and(|c| c.needs_decision()))
        .collect();
    if !to_decide.is_empty() {
        out.push_str("Mục cần quyết định lại (đã theo đề xuất mặc định):\n");
        for n in to_decide {
            let tag = n.change.as_ref().map(|c| c.label()).unwrap_or_default();
            let what = if n.kept { "giữ" } else { "bỏ" };
            out.push_str(&format!(
                "  {} [{tag}] {} — {what}\n",
                n.id,
                kehoach_text::short(&n.text, 14)
            ));
        }
    }
    if !p.undone.is_empty() {
        out.push_str("Việc năm trước chưa hoàn thành:\n");
        for t in &p.undone {
            out.push_str(&format!(
                "  {} {} — {}{}\n",
                t.label,
                kehoach_text::short(&t.text, 14),
                t.status.label(),
                if t.reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", t.reason)
                }
            ));
        }
    }
    out
}

/// Next year's draft in the data file: `path` (this year's parent plan) imported and stored,
/// draft `last_id` (last year's) carried to it; the new draft's id.
pub fn next_year_in_store(
    store: &mut kehoach_store::Store,
    last_id: i64,
    path: &std::path::Path,
) -> Result<i64> {
    let last = store.draft(last_id)?.state;
    let Some(last_ref) = last.parent.clone() else {
        return Err(Error::Input(
            "Bản nháp này không được lập từ một kế hoạch cấp trên: hãy lập kế hoạch mới.".into(),
        ));
    };
    let last_parent = super::parent_plan(store, &last_ref)?;
    let (parent_id, plan, _) = super::import_parent(store, path)?;
    let draft = next_year_draft(
        &last_parent,
        &last,
        &plan,
        Some(ParentRef::Stored(parent_id)),
    )?;
    Ok(store.create_draft(&draft)?)
}
