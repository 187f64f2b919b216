//! Through the year: a draft's plan of record, what the unit records on its tasks, the reports.
use super::{draft_plan, Result};
use kehoach_model::Plan;
use kehoach_store::{DraftState, Store};
use kehoach_track::{Overview, Record};
use serde::{Deserialize, Serialize};

/// A draft's plan of record and where it stands on a day (the "Theo dõi" screen).
#[derive(ts_rs::TS, Debug, Clone, Serialize, Deserialize)]
pub struct Tracked {
    pub record: kehoach_track::Record,
    pub overview: kehoach_track::Overview,
}

/// The plan of record of `plan` (the draft's unit plan) with what `draft` recorded, on `today`.
/// Refused until the plan is issued (its number and date filled).
pub fn tracked(plan: &Plan, draft: &DraftState, today: chrono::NaiveDate) -> Result<Tracked> {
    let record = kehoach_track::Record::of(plan, &draft.tracking)?;
    let overview = record.overview(today);
    Ok(Tracked { record, overview })
}

/// Records what the unit did on one task of `plan` into the draft (checked against the plan).
pub fn record_task(
    plan: &Plan,
    draft: &mut DraftState,
    task: &str,
    update: kehoach_model::TaskRecord,
) -> Result<()> {
    let record = kehoach_track::Record::of(plan, &draft.tracking)?;
    kehoach_track::set(&record, &mut draft.tracking, task, update)?;
    Ok(())
}

/// The periodic report of `plan` for `period` ("Báo cáo kết quả thực hiện công tác CCHC quý I…").
pub fn report_of(plan: &Plan, draft: &DraftState, period: kehoach_track::Period) -> Result<Plan> {
    let record = kehoach_track::Record::of(plan, &draft.tracking)?;
    let name = draft.profile.as_ref().map(|p| p.name.as_str());
    Ok(kehoach_track::report::report_as(
        plan, &record, period, name,
    ))
}

/// A report's file name without the extension: "Bao-cao-CCHC-quy-I-2024".
pub fn report_file_stem(report: &Plan, period: kehoach_track::Period) -> String {
    let year = report.year().map(|y| y.to_string()).unwrap_or_default();
    format!("Bao-cao-CCHC-{}-{year}", period.file_part())
}

/// The plan of record of a stored draft (the command line).
pub fn record(store: &Store, state: &DraftState) -> Result<kehoach_track::Record> {
    let plan = draft_plan(store, state)?;
    Ok(kehoach_track::Record::of(&plan, &state.tracking)?)
}

/// Records what the unit did on one task of a stored draft's plan (the command line).
pub fn track_task(
    store: &Store,
    state: &mut DraftState,
    task: &str,
    update: kehoach_model::TaskRecord,
) -> Result<()> {
    let plan = draft_plan(store, state)?;
    record_task(&plan, state, task, update)
}

/// The periodic report of a stored draft's plan (the command line).
pub fn report(store: &Store, state: &DraftState, period: kehoach_track::Period) -> Result<Plan> {
    let plan = draft_plan(store, state)?;
    report_of(&plan, state, period)
}

/// The plan of record as the command line lists it: progress, then each area's tasks with
/// deadline and status.
pub fn track_text(record: &Record, o: &Overview) -> String {
    let mut out = format!(
        "Kế hoạch năm {}: hoàn thành {}/{} nhiệm vụ ({}%), đang thực hiện {}, chưa thực hiện {}, không thực hiện {}.\n",
        record.year, o.plan.done, o.plan.total, o.plan.percent, o.plan.in_progress, o.plan.not_started, o.plan.dropped
    );
    out.push_str(&format!(
        "Đến hạn trước ngày {} (kỳ báo cáo tới): {} nhiệm vụ; quá hạn: {}; thời hạn chưa rõ: {}.\n",
        o.cutoff.format("%d/%m/%Y"),
        o.due_by_cutoff.len(),
        o.overdue.len(),
        o.unknown_deadline.len()
    ));
    for (i, area) in record.areas.iter().enumerate() {
        let p = o.areas[i];
        out.push_str(&format!(
            "\n{}. {} — {}%\n",
            area.label, area.title, p.percent
        ));
        for t in record.tasks.iter().filter(|t| t.area == i) {
            out.push_str(&format!(
                "  {:<6} {:<15} {:<13} {}\n",
                t.label,
                t.record.status.label(),
                t.deadline.label(),
                t.text.chars().take(70).collect::<String>()
            ));
        }
    }
    out
}
