//! Through the year: the unit's plan of record — each task of its "Nhiệm vụ" part with the lead,
//! partners, product and deadline its appendix gives — what the unit recorded about each
//! ([`Tracking`]), where the plan stands against the cut-off dates of the periodic reports, and
//! the reports themselves ([`report`]).
pub mod deadline;
pub mod report;

pub use deadline::Deadline;

use chrono::{Datelike, NaiveDate};
use kehoach_model::{Column, Item, Plan, Status, TaskRecord, Topic, Tracking};
use serde::{Deserialize, Serialize};

/// One task of the plan of record, with what the unit recorded about it.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    /// "1.4".
    pub label: String,
    /// The reform area it belongs to (its index in [`Record::areas`]).
    pub area: usize,
    pub text: String,
    pub lead: String,
    pub partners: String,
    pub product: String,
    /// The deadline as the plan writes it.
    pub deadline_text: String,
    /// As read, or as the user answered.
    pub deadline: Deadline,
    /// The deadline as a list shows it ([`Deadline::label`]: "31/03/2024", "Thường xuyên").
    pub deadline_label: String,
    pub record: TaskRecord,
}

/// A reform area of the plan ("1. Công tác chỉ đạo, điều hành…").
#[derive(ts_rs::TS)]
#[ts(rename = "ReformArea")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub label: String,
    pub title: String,
}

/// The plan of record with its tasks.
#[derive(ts_rs::TS)]
#[ts(rename = "PlanOfRecord")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub year: i32,
    /// The unit's own words for each period's report.
    pub notes: std::collections::BTreeMap<String, kehoach_model::ReportNotes>,
    pub areas: Vec<Area>,
    pub tasks: Vec<Task>,
}

/// Why a plan cannot be tracked yet.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TrackError {
    #[error("Kế hoạch chưa có số và ngày ban hành: hãy điền số và ngày ở bước 2 sau khi kế hoạch được ký, rồi mới theo dõi thực hiện.")]
    NotIssued,
    #[error("Kế hoạch không có phần nhiệm vụ để theo dõi.")]
    NoTasks,
    #[error("Không có nhiệm vụ {0} trong kế hoạch.")]
    NoTask(String),
    #[error("Nhiệm vụ {0} “không thực hiện” cần ghi lý do.")]
    NoReason(String),
    #[error("Thời hạn “{0}” chưa đọc được; hãy viết ngày/tháng/năm, ví dụ 31/03/{1}.")]
    BadDeadline(String, i32),
}

impl Record {
    /// The plan of record of an issued plan and what was recorded about it.
    pub fn of(plan: &Plan, tracking: &Tracking) -> Result<Record, TrackError> {
        if plan.header.number.is_none() || plan.header.date.is_none() {
            return Err(TrackError::NotIssued);
        }
        let year = plan
            .year()
            .or(plan.header.date.map(|d| d.year()))
            .unwrap_or_default();
        let part = plan.part(Topic::NhiemVu).ok_or(TrackError::NoTasks)?;
        let mut areas = Vec::new();
        let mut tasks = Vec::new();
        let columns = Columns::of(plan);
        // The plan's tasks (the appendix has one row for each): an area is a heading with its
        // tasks under it; a task on its own is in an area named after the part.
        for task_area in plan.task_areas() {
            let area = match task_area.heading {
                None => Area {
                    label: part.label.clone(),
                    title: part.title.clone(),
                },
                Some(item) => Area {
                    label: item.label.trim_end_matches('.').to_string(),
                    title: item.text.trim_end_matches([':', '.']).to_string(),
                },
            };
            let index = match areas.iter().position(|a| *a == area) {
                Some(i) => i,
                None => {
                    areas.push(area);
                    areas.len() - 1
                }
            };
            for (t, label) in task_area.tasks.into_iter().zip(task_area.labels) {
                // (Its own label, as its appendix row has it.)
                let row = columns.row(plan, t);
                let record = tracking.tasks.get(&t.id).cloned().unwrap_or_default();
                let deadline_text = row.deadline.clone();
                let deadline = match record
                    .deadline
                    .as_deref()
                    .and_then(|a| deadline::parse_answer(a, year))
                {
                    Some(d) => Deadline::By(d),
                    None => Deadline::parse(&deadline_text, year),
                };
                tasks.push(Task {
                    id: t.id.clone(),
                    label,
                    area: index,
                    text: t.text.clone(),
                    lead: row.lead,
                    partners: row.partners,
                    product: row.product,
                    deadline_text,
                    deadline_label: deadline.label(),
                    deadline,
                    record,
                });
            }
        }
        if tasks.is_empty() {
            return Err(TrackError::NoTasks);
        }
        Ok(Record {
            year,
            notes: tracking.reports.clone(),
            areas,
            tasks,
        })
    }

    /// Where the plan stands on `today`.
    pub fn overview(&self, today: NaiveDate) -> Overview {
        let cutoff = Period::next_cutoff(self.year, today);
        let count = |ts: &[&Task]| Progress::of(ts.iter().map(|t| t.record.status));
        let all: Vec<&Task> = self.tasks.iter().collect();
        let areas = (0..self.areas.len())
            .map(|i| {
                count(
                    &all.iter()
                        .copied()
                        .filter(|t| t.area == i)
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let open =
            |t: &&&Task| matches!(t.record.status, Status::ChuaThucHien | Status::DangThucHien);
        Overview {
            plan: count(&all),
            areas,
            cutoff,
            due_by_cutoff: all
                .iter()
                .filter(open)
                .filter(|t| t.deadline.due().is_some_and(|d| d >= today && d <= cutoff))
                .map(|t| t.id.clone())
                .collect(),
            overdue: all
                .iter()
                .filter(open)
                .filter(|t| t.deadline.due().is_some_and(|d| d < today))
                .map(|t| t.id.clone())
                .collect(),
            unknown_deadline: all
                .iter()
                .filter(|t| t.deadline == Deadline::Unknown)
                .map(|t| t.id.clone())
                .collect(),
        }
    }
}

/// Records a task's status (with a reason when it is not carried out), result, evidence and
/// answered deadline into `tracking`, after checking them against the plan.
pub fn set(
    record: &Record,
    tracking: &mut Tracking,
    task: &str,
    update: TaskRecord,
) -> Result<(), TrackError> {
    let t = record
        .tasks
        .iter()
        .find(|t| t.id == task || t.label == task.trim_end_matches('.'))
        .ok_or_else(|| TrackError::NoTask(task.to_string()))?;
    if update.status.needs_reason() && update.reason.trim().is_empty() {
        return Err(TrackError::NoReason(t.label.clone()));
    }
    if let Some(a) = update.deadline.as_deref().filter(|a| !a.trim().is_empty()) {
        if deadline::parse_answer(a, record.year).is_none() {
            return Err(TrackError::BadDeadline(a.to_string(), record.year));
        }
    }
    tracking.tasks.insert(t.id.clone(), update);
    Ok(())
}

/// Keeps the unit's own words for a period's report (empty notes are dropped).
pub fn set_notes(tracking: &mut Tracking, period: Period, notes: kehoach_model::ReportNotes) {
    if notes == kehoach_model::ReportNotes::default() {
        tracking.reports.remove(period.key());
    } else {
        tracking.reports.insert(period.key().to_string(), notes);
    }
}

/// How many tasks stand where.
#[derive(ts_rs::TS, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub total: u32,
    pub not_started: u32,
    pub in_progress: u32,
    pub done: u32,
    pub dropped: u32,
    /// Done out of the tasks that are to be done (those not given up), in per cent.
    pub percent: u32,
}

impl Progress {
    fn of(statuses: impl Iterator<Item = Status>) -> Progress {
        let mut p = Progress::default();
        for s in statuses {
            p.total += 1;
            match s {
                Status::ChuaThucHien => p.not_started += 1,
                Status::DangThucHien => p.in_progress += 1,
                Status::HoanThanh => p.done += 1,
                Status::KhongThucHien => p.dropped += 1,
            }
        }
        let to_do = p.total - p.dropped;
        p.percent = (p.done * 100 + to_do / 2)
            .checked_div(to_do)
            .unwrap_or_default();
        p
    }
}

/// The plan on a given day: progress, what is due by the next report's cut-off, what is late.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub plan: Progress,
    /// Per area, in the order of [`Record::areas`].
    pub areas: Vec<Progress>,
    /// The data cut-off of the next report.
    pub cutoff: NaiveDate,
    pub due_by_cutoff: Vec<String>,
    pub overdue: Vec<String>,
    pub unknown_deadline: Vec<String>,
}

/// The periods a unit reports on.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// Quý I.
    Q1,
    /// 6 tháng đầu năm.
    H1,
    /// 9 tháng (quý III).
    Q3,
    /// Cả năm.
    Year,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Q1, Period::H1, Period::Q3, Period::Year];

    /// From the command line: "q1", "6t", "9t", "nam".
    pub fn parse(text: &str) -> Option<Period> {
        Some(match kehoach_text::fold(text).trim() {
            "q1" | "quy1" | "quy i" => Period::Q1,
            "6t" | "6 thang" | "h1" => Period::H1,
            "9t" | "9 thang" | "q3" => Period::Q3,
            "nam" | "ca nam" | "year" => Period::Year,
            _ => return None,
        })
    }

    /// As a list of periods shows it: "Quý I", "6 tháng", "9 tháng", "Năm".
    pub fn label(self) -> &'static str {
        match self {
            Period::Q1 => "Quý I",
            Period::H1 => "6 tháng",
            Period::Q3 => "9 tháng",
            Period::Year => "Năm",
        }
    }

    /// The day the report's figures are counted to (14/3, 14/6, 14/9, 14/12).
    pub fn cutoff(self, year: i32) -> NaiveDate {
        let month = match self {
            Period::Q1 => 3,
            Period::H1 => 6,
            Period::Q3 => 9,
            Period::Year => 12,
        };
        NaiveDate::from_ymd_opt(year, month, 14).expect("a valid cut-off")
    }

    /// As the report's title says it: "quý I năm 2024", "6 tháng đầu năm 2024".
    pub fn phrase(self, year: i32) -> String {
        match self {
            Period::Q1 => format!("quý I năm {year}"),
            Period::H1 => format!("6 tháng đầu năm {year}"),
            Period::Q3 => format!("9 tháng đầu năm {year}"),
            Period::Year => format!("năm {year}"),
        }
    }

    /// The key of the period's notes in [`kehoach_model::Tracking::reports`] (its serde name).
    pub fn key(self) -> &'static str {
        match self {
            Period::Q1 => "q1",
            Period::H1 => "h1",
            Period::Q3 => "q3",
            Period::Year => "year",
        }
    }

    /// In a file name: "quy-I", "6-thang", "9-thang", "nam".
    pub fn file_part(self) -> &'static str {
        match self {
            Period::Q1 => "quy-I",
            Period::H1 => "6-thang",
            Period::Q3 => "9-thang",
            Period::Year => "nam",
        }
    }

    /// The period after this one ("phương hướng kỳ tới"), the next year's first for the year.
    pub fn next_phrase(self, year: i32) -> String {
        match self {
            Period::Q1 => format!("quý II năm {year}"),
            Period::H1 => format!("quý III năm {year}"),
            Period::Q3 => format!("quý IV năm {year}"),
            Period::Year => format!("năm {}", year + 1),
        }
    }

    /// The cut-off of the first report not yet due on `today`.
    pub fn next_cutoff(year: i32, today: NaiveDate) -> NaiveDate {
        Period::ALL
            .iter()
            .map(|p| p.cutoff(year))
            .find(|d| *d >= today)
            .unwrap_or_else(|| Period::Year.cutoff(year))
    }
}

/// An appendix row's cells for one task.
#[derive(Default)]
struct Row {
    product: String,
    lead: String,
    partners: String,
    deadline: String,
}

/// Which appendix cells hold what, read from the headings ([`Appendix::cell_of`]).
struct Columns {
    product: Option<usize>,
    lead: Option<usize>,
    partners: Option<usize>,
    deadline: Option<usize>,
}

impl Columns {
    fn of(plan: &Plan) -> Columns {
        let find = |what| plan.appendix.as_ref().and_then(|a| a.cell_of(what));
        Columns {
            product: find(Column::Product),
            lead: find(Column::Lead),
            partners: find(Column::Partners),
            deadline: find(Column::Deadline),
        }
    }

    fn row(&self, plan: &Plan, task: &Item) -> Row {
        let Some(app) = &plan.appendix else {
            return Row::default();
        };
        let label = task.label.trim_end_matches('.');
        let row = app
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.id == task.id)
            .or_else(|| {
                app.groups
                    .iter()
                    .flat_map(|g| &g.rows)
                    .find(|r| r.label.trim_end_matches('.') == label)
            });
        let Some(row) = row else {
            return Row::default();
        };
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        Row {
            product: cell(self.product),
            lead: cell(self.lead),
            partners: cell(self.partners),
            deadline: cell(self.deadline),
        }
    }
}
