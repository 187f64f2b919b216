//! Unit-type presets (mẫu theo loại hình đơn vị) as data: `templates/presets/<id>.toml`, which a
//! user can copy and edit. A preset says which parent items the type usually keeps — matched by
//! content and topic, so that it still works on next year's parent plan — which rewordings it
//! proposes, its audience and service users, recipients, signer and its own "Tổ chức thực hiện".
use kehoach_model::Topic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in presets (id, TOML source).
pub const BUILTIN: &[(&str, &str)] = &[
    ("mam-non", include_str!("../templates/presets/mam-non.toml")),
    (
        "tieu-hoc",
        include_str!("../templates/presets/tieu-hoc.toml"),
    ),
    ("thcs", include_str!("../templates/presets/thcs.toml")),
    ("thpt", include_str!("../templates/presets/thpt.toml")),
    ("phuong", include_str!("../templates/presets/phuong.toml")),
    (
        "phong-ban",
        include_str!("../templates/presets/phong-ban.toml"),
    ),
    ("y-te", include_str!("../templates/presets/y-te.toml")),
];

/// What to do with a part of the parent plan by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PartMode {
    /// Keep every item unless a drop rule matches.
    #[default]
    Keep,
    /// Drop every item unless a keep rule matches.
    Drop,
    /// Replace the part with one item from a boilerplate template (kinh phí).
    Template,
    /// Keep the parent's items the judge gives the unit (none by default), then add the
    /// preset's own items (tổ chức thực hiện).
    Own,
}

/// A rewording rule: each occurrence of a `from` phrase (whole words, case-aware) becomes a
/// proposal to write `to` instead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RewordRule {
    pub id: String,
    /// What the user sees: "cán bộ, công chức, viên chức → viên chức".
    pub label: String,
    /// Phrases, longest first is not required. May use {{parent.place}} etc.
    pub from: Vec<String>,
    pub to: String,
    /// Applied by the CLI without asking.
    pub default: bool,
    /// Topics where it proposes; every part when empty.
    pub parts: Vec<Topic>,
}

/// An item the unit writes itself (its "Tổ chức thực hiện").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnItem {
    pub text: String,
    /// The parent item it was made from ("V.1.1"), if any.
    pub source: Option<String>,
    pub items: Vec<OwnItem>,
}

/// Mẫu loại hình đơn vị.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preset {
    pub id: String,
    /// "Trường mầm non".
    pub name: String,
    /// Another preset this one starts from.
    pub extends: Option<String>,
    /// How the unit refers to itself in text: "nhà trường", "đơn vị".
    pub unit_noun: String,
    /// Who carries the plan out: "viên chức và người lao động".
    pub audience: String,
    /// Who the unit serves: "cha mẹ học sinh", "người bệnh".
    pub service_users: String,
    /// The head, in text: "Hiệu trưởng".
    pub head: String,
    /// The head's title in capitals, for the signature: "HIỆU TRƯỞNG".
    pub signer_title: String,
    /// The collective for "TM." signatures: "ỦY BAN NHÂN DÂN".
    pub collective: String,
    /// Default recipients (templates).
    pub recipients: Vec<String>,
    /// Default owners of appendix rows.
    pub lead: String,
    pub cooperate: String,
    pub deadline: String,
    pub product: String,
    /// What to do with each part by topic.
    pub parts: BTreeMap<Topic, PartMode>,
    /// Lexicon groups of the parent that are this unit type's own work too (a commune's
    /// People's Committee keeps land and hamlets): their ids in `templates/lexicon.toml`.
    pub ignore: Vec<String>,
    /// The lexicon's unit types whose work is this unit's ("truong-hoc" for a school).
    pub own: Vec<String>,
    /// The lexicon's unit types whose work is not ("y-te" for a school).
    pub other: Vec<String>,
    /// How the parent names its subordinate units when this unit is not one of them (a
    /// division is part of its parent: "các đơn vị trực thuộc" are others to it).
    pub not_addressed: Vec<String>,
    /// Groups of the preset's own, with their side ("own" or "parent").
    pub groups: Vec<super::judge::Group>,
    /// How the unit names itself as the one who acts ("Nhà trường", "Trạm Y tế", "Ủy ban nhân
    /// dân phường"); by default its unit noun, capitalised.
    #[serde(rename = "subject")]
    pub subject_noun: String,
    /// How much a mention of the parent's own scope ("của tỉnh", "trên địa bàn tỉnh") weighs
    /// against an item; by default 2 for its budget, staff and government, 1 for the rest. A
    /// commune under a province weighs every mention of the province fully.
    pub scope_weight: Option<i32>,
    pub reword: Vec<RewordRule>,
    /// Phrases that mark the parent's own territory or organisation, besides those learned
    /// from the parent plan.
    pub scope_phrases: Vec<String>,
    pub own_items: Vec<OwnItem>,
    /// Which units' decisions in the corpus this unit learns from ([`super::likeness`]):
    /// "truong-hoc", "y-te", "xa" or "phong"; none when empty.
    pub likeness: String,
    /// The unit's roles by key (head, deputy, teams, office, accountant, clerk, it, union): who
    /// leads and who takes part in a task of the appendix (`templates/tasks.toml`).
    pub roles: BTreeMap<String, String>,
}

/// The ids of the built-in presets, as a message lists them: "mam-non, tieu-hoc, …".
fn builtin_ids() -> String {
    BUILTIN
        .iter()
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PresetError {
    #[error("Không có mẫu loại hình đơn vị \"{0}\". Các mẫu có sẵn: {ids}.", ids = builtin_ids())]
    Unknown(String),
    #[error("Mẫu loại hình đơn vị \"{id}\" không đúng định dạng: {reason}")]
    Parse { id: String, reason: String },
}

impl Preset {
    /// A built-in preset by id.
    pub fn builtin(id: &str) -> Result<Preset, PresetError> {
        let (_, text) = BUILTIN
            .iter()
            .find(|(i, _)| *i == id)
            .ok_or_else(|| PresetError::Unknown(id.to_string()))?;
        Preset::from_toml(id, text)
    }

    /// Reads a preset; `extends` is resolved against the built-in presets.
    pub fn from_toml(id: &str, text: &str) -> Result<Preset, PresetError> {
        let value = resolve(id, text, 0)?;
        let mut preset: Preset =
            value
                .try_into()
                .map_err(|e: toml::de::Error| PresetError::Parse {
                    id: id.to_string(),
                    reason: e.message().to_string(),
                })?;
        if preset.id.is_empty() {
            preset.id = id.to_string();
        }
        Ok(preset)
    }

    /// How the unit names itself as the one who acts.
    pub fn subject(&self, fill: &impl Fn(&str) -> String) -> String {
        let s = if self.subject_noun.trim().is_empty() {
            &self.unit_noun
        } else {
            &self.subject_noun
        };
        kehoach_text::capitalise(&fill(s))
    }

    /// The part mode for a topic.
    pub fn part_mode(&self, topic: Topic) -> PartMode {
        self.parts.get(&topic).copied().unwrap_or_default()
    }
}

/// The preset's TOML with its `extends` chain merged in (the child's keys win).
fn resolve(id: &str, text: &str, depth: usize) -> Result<toml::Table, PresetError> {
    let parse_err = |e: toml::de::Error| PresetError::Parse {
        id: id.to_string(),
        reason: e.message().to_string(),
    };
    let table: toml::Table = toml::from_str(text).map_err(parse_err)?;
    let Some(base_id) = table.get("extends").and_then(|v| v.as_str()) else {
        return Ok(table);
    };
    if depth > 4 {
        return Err(PresetError::Parse {
            id: id.to_string(),
            reason: "chuỗi extends quá dài".into(),
        });
    }
    let (_, base_text) = BUILTIN
        .iter()
        .find(|(i, _)| *i == base_id)
        .ok_or_else(|| PresetError::Unknown(base_id.to_string()))?;
    let mut merged = resolve(base_id, base_text, depth + 1)?;
    for (k, v) in table {
        merged.insert(k, v);
    }
    merged.remove("extends");
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule's phrase with a space at its edge is never matched (the loader drops such
    /// phrases: they are what a phrase becomes when its place is empty).
    #[test]
    fn no_rule_phrase_has_a_space_at_its_edge() {
        for (id, _) in BUILTIN {
            let p = Preset::builtin(id).unwrap();
            for r in &p.reword {
                for f in &r.from {
                    assert_eq!(f.trim(), f, "{id} / {}: «{f}»", r.id);
                }
            }
        }
    }

    #[test]
    fn every_builtin_preset_reads() {
        for (id, _) in BUILTIN {
            let p = Preset::builtin(id).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(&p.id, id);
            assert!(!p.signer_title.is_empty(), "{id}");
            assert!(!p.audience.is_empty(), "{id}");
        }
    }

    #[test]
    fn extends_takes_the_base_and_overrides_keys() {
        let p = Preset::builtin("tieu-hoc").unwrap();
        let base = Preset::builtin("mam-non").unwrap();
        assert_eq!(p.name, "Trường tiểu học");
        assert_eq!(p.other, base.other);
    }

    #[test]
    fn presets_name_unit_types_the_lexicon_has() {
        let classes = crate::judge::group_ids("class");
        let groups: Vec<String> = ["parent", "own"]
            .iter()
            .flat_map(|s| crate::judge::group_ids(s))
            .collect();
        for (id, _) in BUILTIN {
            let p = Preset::builtin(id).unwrap();
            // (A preset may define a unit type of its own: a division's "phong-thuoc".)
            let own_classes: Vec<&String> = p
                .groups
                .iter()
                .filter(|g| g.side == "class")
                .map(|g| &g.id)
                .collect();
            for c in p.own.iter().chain(&p.other) {
                assert!(
                    classes.contains(c) || own_classes.contains(&c),
                    "{id}: no unit type {c} in the lexicon"
                );
            }
            for g in &p.ignore {
                assert!(
                    groups.contains(g) || g == "pham-vi",
                    "{id}: no group {g} in the lexicon"
                );
            }
        }
    }

    #[test]
    fn unknown_presets_are_named() {
        assert_eq!(
            Preset::builtin("x").unwrap_err(),
            PresetError::Unknown("x".into())
        );
    }
}
