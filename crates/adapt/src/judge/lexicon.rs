//! The lexicon (`templates/lexicon.toml`): groups of phrases with their side, weight and the
//! reason the user reads; the addressees, verbs and organ names the judge reads sentences with.
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The built-in lexicon.
const LEXICON: &str = include_str!("../../templates/lexicon.toml");

/// A group of phrases that speak for one side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    pub id: String,
    /// "parent" (the parent's own duty), "own" (the unit's work) or "class" (the work of one
    /// type of unit; a preset makes it its own or another's).
    pub side: String,
    pub weight: i32,
    /// Counted only where the phrase opens the item or one of its clauses (who does it).
    pub lead: bool,
    /// Opening the item, it makes the parent the one who acts: the unit's words after it are
    /// only what the parent acts on ("Phòng Văn hóa - Xã hội hướng dẫn các trường học …").
    pub subject: bool,
    /// The reason the user sees.
    pub why: String,
    pub phrases: Vec<String>,
    /// For a class: how the parent names such units when it gives them work.
    pub units: Vec<String>,
    /// For a class: the field it is, as a parent's name says it ("y tế" in "Sở Y tế"). Under a
    /// parent of that field every item speaks its words, so they no longer tell the unit's work
    /// from the parent's: they weigh 1.
    pub field: Vec<String>,
    /// Not counted in a clause that also has one of these ("trường tiểu học" is another kind
    /// of school's work for a kindergarten, unless the clause names "mầm non" too).
    pub unless: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Lexicon {
    pub(super) addressees: Phrases,
    pub(super) verbs: Verbs,
    pub(super) organs: Organs,
    pub(super) group: Vec<Group>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Phrases {
    pub(super) phrases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Verbs {
    pub(super) direct: Vec<String>,
    pub(super) guide: Vec<String>,
    pub(super) action: Vec<String>,
    pub(super) supervise: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct Organs {
    pub(super) heads: Vec<String>,
}

pub(super) static LEXICON_FILE: LazyLock<Lexicon> =
    LazyLock::new(|| toml::from_str(LEXICON).expect("the built-in lexicon is valid"));

/// The ids of the lexicon's groups of one side ("class" for the unit types).
pub fn group_ids(side: &str) -> Vec<String> {
    LEXICON_FILE
        .group
        .iter()
        .filter(|g| g.side == side)
        .map(|g| g.id.clone())
        .collect()
}
