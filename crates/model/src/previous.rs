//! What last year's plan passes on to next year's ("Lập kế hoạch năm sau"): for each item of the
//! new parent plan, what became of it since last year's parent plan (the same, moved, reworded,
//! split, merged or new), what the parent removed, and the tasks last year left undone.
use super::tracking::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What became of a parent item between last year's parent plan and this year's.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ItemChange {
    /// The same words (but for the year), under the same heading.
    Same { was: String },
    /// The same words under another heading or area.
    Moved { was: String },
    /// Reworded: last year's words.
    Changed { was: String, before: String },
    /// One of the items last year's item was split into.
    Split { was: String, before: String },
    /// Last year's items, merged into this one.
    Merged {
        was: Vec<String>,
        before: Vec<String>,
    },
    /// Not in last year's parent plan.
    New,
}

/// Each kind of change: its name in files (the serde tag), how the screens and the command line
/// name it, and whether the unit must decide the item again (its words are not last year's).
pub const CHANGE_KINDS: [(&str, &str, bool); 6] = [
    ("same", "Như năm trước", false),
    ("moved", "Chuyển chỗ so với năm trước", false),
    ("changed", "Cấp trên sửa lời văn", true),
    ("split", "Tách từ một mục năm trước", true),
    ("merged", "Gộp từ nhiều mục năm trước", true),
    ("new", "Mới so với năm trước", true),
];

impl ItemChange {
    /// Last year's item(s) this one continues.
    pub fn was(&self) -> Vec<&str> {
        match self {
            ItemChange::Same { was }
            | ItemChange::Moved { was }
            | ItemChange::Changed { was, .. }
            | ItemChange::Split { was, .. } => vec![was.as_str()],
            ItemChange::Merged { was, .. } => was.iter().map(String::as_str).collect(),
            ItemChange::New => Vec::new(),
        }
    }

    /// Its kind, as files and [`CHANGE_KINDS`] name it.
    pub fn kind(&self) -> &'static str {
        match self {
            ItemChange::Same { .. } => "same",
            ItemChange::Moved { .. } => "moved",
            ItemChange::Changed { .. } => "changed",
            ItemChange::Split { .. } => "split",
            ItemChange::Merged { .. } => "merged",
            ItemChange::New => "new",
        }
    }

    fn entry(&self) -> (&'static str, &'static str, bool) {
        let kind = self.kind();
        CHANGE_KINDS
            .into_iter()
            .find(|(k, _, _)| *k == kind)
            .expect("every kind in the table")
    }

    /// Whether the unit must decide the item again (its words are not last year's).
    pub fn needs_decision(&self) -> bool {
        self.entry().2
    }

    /// How the screens and the command line name it: "Mới so với năm trước".
    pub fn label(&self) -> &'static str {
        self.entry().1
    }
}

/// Last year's id → the ids of this year's items that continue it.
pub fn continued(changes: &BTreeMap<String, ItemChange>) -> BTreeMap<&str, Vec<&str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, c) in changes {
        for was in c.was() {
            out.entry(was).or_default().push(id.as_str());
        }
    }
    out
}

/// An item of last year's parent plan that this year's no longer has.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedItem {
    pub id: String,
    pub label: String,
    pub text: String,
    /// Whether last year's unit plan had it.
    pub kept: bool,
}

/// A task of last year's plan of record that was not finished.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoneTask {
    /// Its label in last year's plan ("2.3").
    pub label: String,
    pub text: String,
    pub status: Status,
    /// Why it was not carried out, or what the unit recorded about it.
    pub reason: String,
    /// The item of this year's parent plan that continues it, if any (then it is in the plan
    /// already when kept).
    pub continued_by: Option<String>,
}

/// What a draft made from last year's plan knows about last year.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Previous {
    /// The year of last year's unit plan.
    pub year: i32,
    /// Per item id of this year's parent plan.
    pub changes: BTreeMap<String, ItemChange>,
    pub removed: Vec<RemovedItem>,
    pub undone: Vec<UndoneTask>,
}

impl Previous {
    /// The items of this year's parent plan the unit must decide again (new or reworded).
    pub fn to_decide(&self) -> impl Iterator<Item = &str> {
        self.changes
            .iter()
            .filter(|(_, c)| c.needs_decision())
            .map(|(id, _)| id.as_str())
    }
}
