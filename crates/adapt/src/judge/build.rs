//! The judge made for one unit type under one parent: the lexicon's groups with the preset's,
//! the unit type's own and others' names of units, the parent's names for itself, and every
//! phrase indexed for one pass over a clause.
use super::lexicon::LEXICON_FILE;
use super::{Group, Ids, Judge};
use crate::preset::Preset;
use kehoach_parent::ParentProfile;
use kehoach_text::fold;

impl Judge {
    pub fn new(preset: &Preset, parent: &ParentProfile, unit_name: &str) -> Judge {
        let lexicon = &*LEXICON_FILE;
        let mut groups = Vec::new();
        let not_addressed = |p: &String| preset.not_addressed.iter().any(|n| fold(n) == fold(p));
        let (mut other_units, mut own_units): (Vec<String>, Vec<String>) = lexicon
            .addressees
            .phrases
            .iter()
            .cloned()
            .partition(not_addressed);
        let mut any_units = lexicon.addressees.phrases.clone();
        let field = fold(&parent.body);
        for g in lexicon.group.iter().chain(&preset.groups) {
            if preset.ignore.contains(&g.id) {
                continue;
            }
            let mut g = g.clone();
            if g.side == "own" {
                g.phrases.retain(|p| !not_addressed(p));
            }
            // Under a parent of this unit's own field, the field's words are everywhere: they
            // hardly tell the unit's work from the parent's. (To a unit of another kind — a
            // division of the Sở GDĐT — they still say the work is the schools'.)
            if g.side == "class"
                && preset.own.contains(&g.id)
                && g.field.iter().any(|f| field.contains(&fold(f)))
            {
                g.weight = 1;
            }
            if g.side == "class" {
                any_units.extend(g.units.iter().cloned());
                if preset.own.contains(&g.id) {
                    own_units.extend(g.units.iter().cloned());
                    g.side = "own".into();
                } else if preset.other.contains(&g.id) {
                    other_units.extend(g.units.iter().cloned());
                    g.side = "parent".into();
                } else {
                    continue;
                }
            }
            groups.push(g);
        }
        // How the parent names units like this one is not a sign of its own organisation
        // ("các phòng chuyên môn" to a division).
        let own_folded: Vec<String> = own_units.iter().map(|u| fold(u)).collect();
        // (Other kinds of unit like this one keep their names: "trường tiểu học" to a kindergarten.)
        for g in groups
            .iter_mut()
            .filter(|g| g.side == "parent" && g.unless.is_empty())
        {
            g.phrases.retain(|p| !own_folded.contains(&fold(p)));
        }
        if !preset.ignore.iter().any(|i| i == "pham-vi") {
            let why = format!("nói về phạm vi của {}", parent.body);
            let (budget, strong): (Vec<String>, Vec<String>) = parent
                .strong_scope
                .iter()
                .cloned()
                .partition(|p| p.starts_with("ngân sách"));
            for (id, weight, phrases, why) in [
                (
                    "ngan-sach-cap-tren",
                    4,
                    budget,
                    format!("ngân sách của {}", parent.body),
                ),
                (
                    "pham-vi",
                    preset.scope_weight.unwrap_or(2),
                    strong,
                    why.clone(),
                ),
                (
                    "pham-vi-nhe",
                    preset.scope_weight.unwrap_or(1),
                    parent.scope.clone(),
                    why,
                ),
            ] {
                groups.push(Group {
                    id: id.into(),
                    side: "parent".into(),
                    weight,
                    why,
                    phrases,
                    ..Default::default()
                });
            }
        }
        let mut judge = Judge {
            groups,
            own_units,
            other_units,
            any_units,
            direct: lexicon.verbs.direct.clone(),
            guide: lexicon.verbs.guide.clone(),
            supervise: lexicon.verbs.supervise.clone(),
            actions: lexicon
                .verbs
                .direct
                .iter()
                .chain(&lexicon.verbs.guide)
                .chain(&lexicon.verbs.supervise)
                .chain(&lexicon.verbs.action)
                .cloned()
                .collect(),
            organ_heads: lexicon.organs.heads.clone(),
            unit_name: fold(unit_name.trim()),
            parent_word: fold(&parent.unit_word),
            parent_generic: generic_names(parent),
            phrases: kehoach_text::PhraseSet::new([]),
            ids: Ids::default(),
        };
        judge.phrases = kehoach_text::PhraseSet::new(
            judge
                .groups
                .iter()
                .flat_map(|g| g.phrases.iter().chain(&g.units))
                .chain(&judge.own_units)
                .chain(&judge.other_units)
                .chain(&judge.any_units)
                .chain(&judge.actions)
                .chain(&judge.organ_heads)
                .map(String::as_str),
        );
        let set = &judge.phrases;
        judge.ids = Ids {
            own_units: set.ids(&judge.own_units),
            other_units: set.ids(&judge.other_units),
            any_units: set.ids(&judge.any_units),
            actions: set.ids(&judge.actions),
            organ_heads: set.ids(&judge.organ_heads),
            direct: set.ids(&judge.direct),
            guide: set.ids(&judge.guide),
            supervise: set.ids(&judge.supervise),
            groups: judge.groups.iter().map(|g| set.ids(&g.phrases)).collect(),
        };
        judge
    }
}

/// The parent's name with its place put as its generic noun ("Ủy ban nhân dân xã Tam Nông" →
/// "ủy ban nhân dân xã", "ubnd xã"), folded; none where the name does not end with its place.
fn generic_names(parent: &ParentProfile) -> Vec<String> {
    let (body, place) = (fold(&parent.body), fold(&parent.place));
    let word = fold(&parent.unit_word);
    let Some(head) = body.strip_suffix(&place).map(str::trim_end) else {
        return Vec::new();
    };
    if place.is_empty() || word.is_empty() || head.is_empty() {
        return Vec::new();
    }
    let generic = format!("{head} {word}");
    let short = generic.replacen("uy ban nhan dan ", "ubnd ", 1);
    if short == generic {
        vec![generic]
    } else {
        vec![generic, short]
    }
}
