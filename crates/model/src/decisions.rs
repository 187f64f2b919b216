//! What the user decided about a parent plan, stored with the draft so that adapting again asks
//! nothing twice: keep / edit / drop per parent item, added and moved items, rewording answers,
//! own appendix cells and own wording of the derived sentences.
use super::numbering::ItemKind;
use super::refs::Container;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user decided about one parent item.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum NodeDecision {
    /// Keep the parent's wording.
    Keep,
    /// Keep the item in the unit's own wording.
    Edit { text: String },
    /// Leave the item (and what is under it) out.
    Drop,
}

/// An item the unit adds.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedItem {
    /// A stable id ("u1", "u2"…).
    pub id: String,
    /// The container: a part (by topic) or an item.
    #[ts(type = "string")]
    pub parent: Container,
    /// The sibling it follows; first when `None`.
    pub after: Option<String>,
    /// A numbered point, a lettered point, a bullet or a paragraph.
    pub kind: ItemKind,
    pub text: String,
}

/// Everything the user decided; stored with the draft so that adapting again asks nothing twice.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Decisions {
    /// Per parent item id.
    pub nodes: BTreeMap<String, NodeDecision>,
    pub added: Vec<AddedItem>,
    /// The order of children per container, for moved items.
    #[ts(type = "Record<string, Array<string>>")]
    pub order: BTreeMap<Container, Vec<String>>,
    /// Per proposal id: accepted (true) or rejected (false).
    pub rewordings: BTreeMap<String, bool>,
    /// Per rule id: accept or reject every proposal of the rule not decided one by one.
    pub rules: BTreeMap<String, bool>,
    /// Appendix cells the user wrote, per unit item id (task, product, lead, cooperate, deadline).
    pub appendix: BTreeMap<String, Vec<String>>,
    /// Own wording for derived sentences: "summary", "intro", "funding", "closing".
    pub texts: BTreeMap<String, String>,
}
