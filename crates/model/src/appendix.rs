//! Phụ lục: the table of tasks of a plan, grouped by reform area, and what its columns hold.
use serde::{Deserialize, Serialize};

/// Phụ lục: a table of tasks grouped by reform area.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appendix {
    /// e.g. "KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024".
    pub title: String,
    /// The "(Kèm theo Kế hoạch số … ngày … của …)" line, without the brackets' role changing.
    pub subtitle: String,
    /// Column headings, the STT column included.
    pub columns: Vec<String>,
    pub groups: Vec<AppendixGroup>,
}

/// A group row (a reform area) and the task rows under it.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppendixGroup {
    pub label: String,
    pub title: String,
    pub rows: Vec<AppendixRow>,
}

/// A task row: its STT and the other cells (lines inside a cell separated by "\n").
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppendixRow {
    /// For a unit plan: the id of the task item the row is for (the key of the user's edits).
    pub id: String,
    pub label: String,
    pub cells: Vec<String>,
    /// For a unit plan: the parent row's label ("1.4"), `None` for a row the unit added.
    pub source: Option<String>,
}

/// What a column of a task table holds, after its STT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Task,
    Product,
    Lead,
    Partners,
    Deadline,
}

impl Column {
    /// In the order of a unit plan's cells.
    pub const ALL: [Column; 5] = [
        Column::Task,
        Column::Product,
        Column::Lead,
        Column::Partners,
        Column::Deadline,
    ];

    /// Words of its heading, folded ("Cơ quan chủ trì/Lãnh đạo chủ trì" → "chu tri").
    fn words(self) -> &'static [&'static str] {
        match self {
            Column::Task => &["nhiem vu", "noi dung", "cong viec"],
            Column::Product => &["san pham", "ket qua"],
            Column::Lead => &["chu tri"],
            Column::Partners => &["phoi hop"],
            Column::Deadline => &["thoi gian", "thoi han", "tien do"],
        }
    }
}

impl Appendix {
    /// The cell (after STT) of the column that holds `what`, found by its heading.
    pub fn cell_of(&self, what: Column) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| {
                let f = kehoach_text::fold(c);
                what.words().iter().any(|w| f.contains(w))
            })
            .and_then(|i| i.checked_sub(1))
    }

    /// The columns of a task table when the parent plan has none of its own.
    pub fn default_columns() -> Vec<String> {
        [
            "STT",
            "Nhiệm vụ cụ thể",
            "Sản phẩm",
            "Chủ trì",
            "Phối hợp",
            "Thời gian hoàn thành",
        ]
        .map(String::from)
        .to_vec()
    }
}
