//! What the store keeps and lists: a draft's state, a draft with its history, summaries.
use kehoach_model::Plan;
use kehoach_model::{Decisions, UnitProfile};
use kehoach_nd30::Layout;
use serde::{Deserialize, Serialize};

/// Where a draft's parent plan comes from.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum ParentRef {
    /// A plan that ships with the app ("quan1-2024").
    Builtin(String),
    /// A plan the user imported (a row of `parent_plans`).
    Stored(#[ts(type = "number")] i64),
}

/// What a draft holds: everything needed to rebuild the unit's plan, or a finished plan.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftState {
    pub title: String,
    pub parent: Option<ParentRef>,
    pub profile: Option<UnitProfile>,
    /// The unit-type preset id.
    pub preset: Option<String>,
    pub decisions: Decisions,
    pub layout: Layout,
    /// The wizard step the user was on.
    pub step: u32,
    /// A finished plan saved as it is (`kehoach drafts save PLAN.json`).
    pub plan: Option<Plan>,
    /// Once the plan is issued: what the unit records about each task through the year.
    pub tracking: kehoach_model::Tracking,
    /// Warnings the user answered ("nam:2024:2025": keep the unit's year though the parent's
    /// is another): not asked again for this draft.
    pub answered: Vec<String>,
    /// A plan made from last year's ("Lập kế hoạch năm sau"): what the parent changed since.
    pub previous: Option<kehoach_model::Previous>,
}

impl DraftState {
    /// How the draft is named in the list and above the wizard: "Kế hoạch CCHC năm 2024", the
    /// year of the unit's plan as it stands (a finished plan keeps the title it was saved with).
    pub fn shown_title(&self) -> String {
        match (&self.plan, &self.profile) {
            (None, Some(p)) if kehoach_model::YEARS.contains(&p.year) => {
                format!("Kế hoạch CCHC năm {}", p.year)
            }
            _ => self.title.clone(),
        }
    }

    /// What undo and redo change: everything but the wizard's step and the title made from it.
    pub(crate) fn content(&self) -> DraftState {
        DraftState {
            step: 0,
            title: String::new(),
            ..self.clone()
        }
    }
}

/// A draft as listed.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// The year of the plan, as its title says.
    pub year: Option<i32>,
    pub unit: String,
    pub created_at: String,
    pub updated_at: String,
    #[ts(type = "number")]
    pub revisions: i64,
}

/// A draft opened: its current state and where it stands in its history.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub revision: i64,
    pub state: DraftState,
    pub can_undo: bool,
    pub can_redo: bool,
    pub updated_at: String,
    /// After an undo or redo: the change it took back or made again ("Sửa nhiệm vụ III.1.2").
    #[serde(default)]
    pub change: Option<String>,
    /// … the wizard step it was made on …
    #[serde(default)]
    pub change_step: Option<u32>,
    /// … or whether it was made on the tracking screen (only the tracking changed).
    #[serde(default)]
    pub change_in_tracking: bool,
}

/// One saved state, labelled with its time.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub seq: i64,
    pub created_at: String,
    pub note: String,
}

/// A stored parent plan as listed.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParentPlanSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub file_name: Option<String>,
    pub created_at: String,
}

/// A stored unit as listed.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub unit_type: String,
    pub updated_at: String,
}
