//! What a unit records about its plan through the year: for each task of the plan of record its
//! status, the reason when it is not carried out, a short result and the documents that prove
//! it. Kept in the draft, so that saving, the history and undo are the plan's own.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a task stands.
#[derive(
    ts_rs::TS,
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    ChuaThucHien,
    DangThucHien,
    HoanThanh,
    KhongThucHien,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::ChuaThucHien,
        Status::DangThucHien,
        Status::HoanThanh,
        Status::KhongThucHien,
    ];

    /// As written in a report: "Hoàn thành".
    pub fn label(self) -> &'static str {
        match self {
            Status::ChuaThucHien => "Chưa thực hiện",
            Status::DangThucHien => "Đang thực hiện",
            Status::HoanThanh => "Hoàn thành",
            Status::KhongThucHien => "Không thực hiện",
        }
    }

    /// Whether a task in this state must say why ("không thực hiện" needs its reason).
    pub fn needs_reason(self) -> bool {
        self == Status::KhongThucHien
    }

    /// From what a user types on the command line: "hoan-thanh", "xong", "dang", "khong"…
    pub fn parse(text: &str) -> Option<Status> {
        let t = kehoach_text::fold(text).replace(['-', '_'], " ");
        let t = t.trim();
        Some(match t {
            "chua" | "chua thuc hien" => Status::ChuaThucHien,
            "dang" | "dang thuc hien" => Status::DangThucHien,
            "xong" | "hoan thanh" | "da hoan thanh" => Status::HoanThanh,
            "khong" | "khong thuc hien" => Status::KhongThucHien,
            _ => return None,
        })
    }
}

/// What the unit recorded about one task.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskRecord {
    pub status: Status,
    /// Why it is not carried out (required for "Không thực hiện").
    pub reason: String,
    /// The result in a sentence or two, as the report will say it.
    pub result: String,
    /// What proves it: numbers of documents issued ("Quyết định số 12/QĐ-MNTH"), file paths.
    pub evidence: Vec<String>,
    /// The deadline the user gave when the plan's wording cannot be read as one ("31/03/2024").
    pub deadline: Option<String>,
}

/// What the unit writes itself into a period's report, beside what is made from the tasks.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportNotes {
    /// The causes of what is late or not done (part III), one paragraph per line.
    pub causes: String,
    /// More tasks for the next period (part IV), one per line.
    pub next: String,
    /// Proposals to the parent (part V), one per line.
    pub proposals: String,
}

/// The year's record of a plan: its tasks by id, and the unit's own words for each period's
/// report (by period: "q1", "h1", "q3", "year").
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tracking {
    pub tasks: BTreeMap<String, TaskRecord>,
    pub reports: BTreeMap<String, ReportNotes>,
}
