//! Whether a parent item is the unit's work. Every item is weighed against the lexicon
//! (`templates/lexicon.toml`): the parent's own organs, territory, law-making, land, economy,
//! citizen services and indices on one side; the work every public unit does for itself — its
//! plan and reports, internal rules, staff, electronic office, finances, users — on the other;
//! the unit type's own words and other types' words (chosen by its preset); and the parent's own
//! place and scope learned from the parent plan.
//!
//! Beyond words, three readings of the sentence: who acts (an item that opens with one of the
//! parent's organs — "Phòng Văn hóa - Xã hội: …", "Sở Nội vụ công bố …" — is that organ's
//! duty, one that opens with the units — "Các đơn vị sự nghiệp công lập …" — is theirs); what the
//! parent does to its units (directing them to do something makes it their work; guiding,
//! checking or reorganising them is the parent's); and where a report goes ("gửi về Ủy ban nhân
//! dân phường (qua Văn phòng …)" names the parent only as the addressee). An item of several
//! clauses is kept when one clause is clearly the unit's (the others are then reworded or cut).
//! The verdict comes with the reason the user sees.
use super::preset::Preset;
use crate::parent::scope::without_references as mask;
use crate::parent::ParentProfile;
use crate::text::{fold, Haystack};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Lexicon {
    addressees: Phrases,
    verbs: Verbs,
    organs: Organs,
    group: Vec<Group>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Phrases {
    phrases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Verbs {
    direct: Vec<String>,
    guide: Vec<String>,
    action: Vec<String>,
    supervise: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct Organs {
    heads: Vec<String>,
}

static LEXICON_FILE: LazyLock<Lexicon> =
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

/// What the judge says of one item.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The unit's own work: keep (reworded where needed).
    Keep,
    /// The parent's own duty: leave out.
    Drop,
    /// Unclear: the part's default applies and the user should look.
    Look,
}

/// A verdict and its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub reason: String,
    /// The item opens by naming who does it (one of the parent's organs, or the units): what is
    /// under it goes with it.
    pub by_actor: bool,
    /// … and that is one of the parent's organs.
    pub by_organ: bool,
}

/// The groups and readings that apply for one unit type under one parent.
pub struct Judge {
    groups: Vec<Group>,
    /// How the parent names units like this one: every unit ("các cơ quan, đơn vị") and this
    /// type's ("các trường học").
    own_units: Vec<String>,
    /// … units of other types …
    other_units: Vec<String>,
    /// … and any of its subordinate units.
    any_units: Vec<String>,
    direct: Vec<String>,
    guide: Vec<String>,
    supervise: Vec<String>,
    /// Verbs: what comes after them is no longer the list of who acts.
    actions: Vec<String>,
    organ_heads: Vec<String>,
    /// The unit's own name, folded: an item that opens with it is its own.
    unit_name: String,
}

/// Who an item gives the work to.
#[derive(Debug, Clone, PartialEq)]
enum Actor {
    /// The unit, or units like it ("các cơ quan, đơn vị", "các trường học").
    Own(String),
    /// Units of another type ("Trạm Y tế" in a school's plan).
    Other(String),
    /// One of the parent's organs ("Phòng Văn hóa - Xã hội").
    Organ(String),
}

impl Actor {
    fn hit(&self) -> Hit {
        match self {
            Actor::Own(who) => Hit {
                own: true,
                weight: 4,
                why: format!("giao cho {who}"),
            },
            Actor::Other(who) => Hit {
                own: false,
                weight: 4,
                why: format!("giao cho {who}"),
            },
            Actor::Organ(who) => Hit {
                own: false,
                weight: 3,
                why: format!("giao cho {who}"),
            },
        }
    }
}

/// Words that may come before the units an item opens with (folded).
const TITLES: &[&str] = &[
    "",
    "thu truong",
    "nguoi dung dau",
    "chu tich",
    "lanh dao",
    "100%",
    "100% cac",
    "cac",
];

/// One counted reason: a group or a reading, its side and weight.
#[derive(Debug, Clone)]
struct Hit {
    own: bool,
    weight: i32,
    why: String,
}

/// Clause boundaries: a semicolon, or a full stop before a capital.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r";|\.\s+\p{Lu}").unwrap());

/// What stands above an item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Above {
    /// Nothing that says who does the work.
    #[default]
    Nothing,
    /// A heading that gives the work to one of the parent's organs or to other units
    /// ("Phòng Văn hóa - Xã hội:", "Đối với Trạm Y tế phường").
    Others,
    /// A heading that gives it to units like this one ("Hiệu trưởng các trường …:").
    Units,
}

impl Judge {
    pub fn new(preset: &Preset, parent: &ParentProfile, unit_name: &str) -> Judge {
        let lexicon = &*LEXICON_FILE;
        let mut groups = Vec::new();
        let mut own_units = lexicon.addressees.phrases.clone();
        let mut other_units = Vec::new();
        let mut any_units = lexicon.addressees.phrases.clone();
        for g in lexicon.group.iter().chain(&preset.groups) {
            if preset.ignore.contains(&g.id) {
                continue;
            }
            let mut g = g.clone();
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
        Judge {
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
        }
    }

    /// Weighs one item's own text, knowing what stands above it.
    pub fn judge(&self, text: &str, above: Above) -> Judgement {
        let masked = mask(text);
        let masked = masked.trim();
        // Who acts, for the whole item.
        let actor = self.actor(masked);
        let by_organ = matches!(actor, Some(Actor::Organ(_)));
        let organ_acts = by_organ || above == Above::Others;
        let own_actor = matches!(actor, Some(Actor::Own(_)));
        let mut parent_acts = !own_actor
            && (matches!(actor, Some(Actor::Organ(_) | Actor::Other(_))) || above == Above::Others);
        let clauses = clauses(masked);
        let mut counted: BTreeMap<String, Hit> = BTreeMap::new();
        let mut best_clause = i32::MIN;
        let mut directs = false;
        for (i, clause) in clauses.iter().enumerate() {
            let reading = self.read_clause(clause, organ_acts, parent_acts);
            if i == 0 && (reading.subject || reading.supervises) && !own_actor {
                parent_acts = true;
            }
            directs |= reading.directs;
            // A clause is the unit's by what it has the unit do, not by naming units of its
            // type ("kết nối dữ liệu từ … cấp xã").
            let diff: i32 = reading
                .hits
                .iter()
                .filter(|(id, h)| !(h.own && self.is_class(id)))
                .map(|(_, h)| if h.own { h.weight } else { -h.weight })
                .sum();
            best_clause = best_clause.max(diff);
            for (id, h) in reading.hits {
                counted.entry(id).or_insert(h);
            }
        }
        // Whoever directs the units to do the work, or is named before them, only says who
        // gives the order.
        if directs || own_actor {
            counted.retain(|id, _| !self.subject_ids().any(|s| s == id));
        }
        match &actor {
            Some(Actor::Organ(_)) if directs => {}
            Some(a) => {
                counted.insert("actor".into(), a.hit());
            }
            None => {}
        }
        if above == Above::Units {
            counted.insert(
                "above".into(),
                Hit {
                    own: true,
                    weight: 3,
                    why: "mục trên giao cho các đơn vị như đơn vị mình".into(),
                },
            );
        }
        let (mut own, mut parent) = (0, 0);
        let (mut own_why, mut parent_why): (Option<&Hit>, Option<&Hit>) = (None, None);
        for h in counted.values() {
            let (sum, best) = if h.own {
                (&mut own, &mut own_why)
            } else {
                (&mut parent, &mut parent_why)
            };
            *sum += h.weight;
            if best.is_none_or(|b| h.weight > b.weight) {
                *best = Some(h);
            }
        }
        let diff = own - parent;
        let reason = |h: Option<&Hit>| h.map(|h| h.why.clone()).unwrap_or_default();
        let by_actor = actor.is_some();
        let judgement = |verdict, reason| Judgement {
            verdict,
            reason,
            by_actor,
            by_organ: by_organ || matches!(actor, Some(Actor::Other(_))),
        };
        // A clause clearly the unit's keeps the item (its other clauses are reworded or cut).
        if diff >= 1 || (clauses.len() > 1 && best_clause >= 2 && diff > -3) {
            judgement(
                Verdict::Keep,
                format!("Việc đơn vị tự làm: {}.", reason(own_why)),
            )
        } else if diff <= -2 || (diff == -1 && parent >= 3) {
            // (weak hints alone — a place name, "doanh nghiệp" — do not drop an item)
            judgement(
                Verdict::Drop,
                format!("Việc riêng của cấp trên: {}.", reason(parent_why)),
            )
        } else {
            let why = match (own_why, parent_why) {
                (Some(o), Some(p)) => format!("vừa {}, vừa {}", o.why, p.why),
                (Some(o), None) => o.why.clone(),
                (None, Some(p)) => p.why.clone(),
                (None, None) => "không thấy dấu hiệu rõ".into(),
            };
            Judgement {
                by_actor: false,
                ..judgement(Verdict::Look, format!("Cần xem lại: {why}."))
            }
        }
    }

    /// What the judge counted for a text, one line per clause (for tuning the lexicon).
    #[doc(hidden)]
    pub fn explain(&self, text: &str) -> String {
        let masked = mask(text);
        let actor = self.actor(masked.trim());
        let mut out = format!("masked: {masked}\nactor: {actor:?}\n");
        for clause in clauses(masked.trim()) {
            let r = self.read_clause(clause, false, false);
            let hits: Vec<String> = r
                .hits
                .iter()
                .map(|(id, h)| format!("{id}{}{}", if h.own { "+" } else { "-" }, h.weight))
                .collect();
            out += &format!(
                "  [{}] subject={} directs={}: {clause}\n",
                hits.join(" "),
                r.subject,
                r.directs
            );
        }
        out
    }

    /// The item in the unit's own words where the parent gives the work to units like it: the
    /// parent directing them ("Chủ tịch Ủy ban nhân dân xã chỉ đạo các phòng chuyên môn, các
    /// trường học, Trạm Y tế xã xây dựng kế hoạch …", "Phòng Giáo dục và Đào tạo: chỉ đạo các
    /// trường mầm non … xây dựng kế hoạch …") gives the task ("Xây dựng kế hoạch …"); the units
    /// named as who acts ("Các phòng chuyên môn, đơn vị sự nghiệp công lập xây dựng …",
    /// "Thủ trưởng các cơ quan, đơn vị trực thuộc: …") give way to the unit (`subject`, or
    /// `head` after a title). `None` when the item does not read so.
    pub fn own_wording(&self, text: &str, subject: &str, head: &str) -> Option<String> {
        let clause_end = text.find(';').unwrap_or(text.len());
        let clause = &text[..clause_end];
        let hay = Haystack::new(clause);
        // a. Directed: [who][:] verb [units, units và units] task.
        let mut verbs: Vec<(usize, usize)> = self
            .direct
            .iter()
            .chain(&self.guide)
            .flat_map(|v| hay.find_all(v))
            .filter(|&(s, _)| s <= 120)
            .collect();
        verbs.sort();
        for (vs, ve) in verbs {
            let who = clause[..vs].trim().trim_end_matches(':').trim();
            if !who.is_empty() && self.actor(who).is_none() && !clause[..vs].contains(':') {
                continue;
            }
            let (end, own) = self.unit_list(text, ve);
            if !own {
                continue;
            }
            let rest = text[end..].trim_start_matches([',', ' ']);
            if rest.split_whitespace().count() >= 3 {
                return Some(crate::text::capitalise(rest));
            }
        }
        // b. Units like this one (after a title, in a list) as who acts — not a target's
        // "100% đơn vị …", and only where the work follows the list.
        if fold(text).starts_with("100%") {
            return None;
        }
        let (end, own) = self.unit_list(text, 0);
        let next = text[end..].trim_start();
        let acts = next.starts_with(':')
            || next.chars().next().is_some_and(char::is_lowercase)
            || next.starts_with("Trạm")
            || next.is_empty();
        if own && end > 0 && acts {
            let before = fold(&text[..end]);
            let titled = [
                "thu truong",
                "nguoi dung dau",
                "chu tich",
                "lanh dao",
                "hieu truong",
            ]
            .iter()
            .any(|t| before.starts_with(t));
            let mut rest = text[end..].trim_start();
            // "… trực thuộc", "… trên địa bàn xã": what qualified the units goes with them.
            for q in [
                "giáo dục",
                "y tế",
                "công lập",
                "trực thuộc",
                "thuộc",
                "trên địa bàn",
                "tại",
            ] {
                if let Some(r) = rest.strip_prefix(q) {
                    rest = skip_place(r.trim_start());
                }
            }
            let who = if titled { head } else { subject };
            let gap = if rest.is_empty() || rest.starts_with(':') {
                ""
            } else {
                " "
            };
            return Some(format!("{who}{gap}{rest}"));
        }
        None
    }

    /// Where a list of units that starts at `from` ends ("các phòng chuyên môn, các trường học
    /// và Trạm Y tế xã"), and whether it names units like this one.
    fn unit_list(&self, text: &str, from: usize) -> (usize, bool) {
        let names: Vec<&String> = self
            .any_units
            .iter()
            .chain(&self.own_units)
            .chain(&self.other_units)
            .chain(
                self.groups
                    .iter()
                    .filter(|g| g.subject)
                    .flat_map(|g| g.phrases.iter()),
            )
            .collect();
        let titles = [
            "thủ trưởng",
            "người đứng đầu",
            "chủ tịch",
            "lãnh đạo",
            "100%",
            "hiệu trưởng",
            "trưởng trạm",
            "giám đốc",
        ];
        // Words a list of units goes on with: "các trường mầm non, tiểu học, trung học cơ sở",
        // "Ủy ban nhân dân các xã, phường, đặc khu", "cơ quan, địa phương".
        const MORE: &[&str] = &[
            "tiểu học",
            "trung học cơ sở",
            "trung học phổ thông",
            "mầm non",
            "phường",
            "xã",
            "đặc khu",
            "thị trấn",
            "địa phương",
            "đơn vị",
            "cơ quan",
            "trường học",
        ];
        let mut at = from;
        let mut end = from;
        let mut own = false;
        loop {
            let rest = &text[at..];
            let trimmed = rest.trim_start_matches([' ', ',']);
            let trimmed = trimmed.strip_prefix("và ").unwrap_or(trimmed);
            let skip = rest.len() - trimmed.len();
            let hay = Haystack::new(trimmed);
            let title = titles
                .iter()
                .filter_map(|t| hay.find_all(t).first().copied())
                .find(|&(s, _)| s == 0)
                .map_or(0, |(_, e)| e);
            let after_title = &trimmed[title..];
            let h2 = Haystack::new(after_title);
            let lead = after_title.len() - after_title.trim_start().len();
            let best = names
                .iter()
                .map(|n| n.as_str())
                .chain(if at > from { MORE } else { &[] }.iter().copied())
                .filter_map(|n| h2.find_all(n).first().copied())
                .filter(|&(s, _)| s == lead)
                .map(|(_, e)| e)
                .max();
            let Some(e) = best else { break };
            let matched = &after_title[..e];
            own |= self
                .own_units
                .iter()
                .any(|u| !Haystack::new(matched).find_all(u).is_empty());
            let mut stop = at + skip + title + e;
            // A place after the name: "Trạm Y tế xã", "Ủy ban nhân dân 21 xã, thị trấn".
            for w in [
                "xã",
                "phường",
                "thị trấn",
                "đặc khu",
                "huyện",
                "quận",
                "tỉnh",
            ] {
                let r = &text[stop..];
                if let Some(x) = r.strip_prefix(' ').and_then(|r| r.strip_prefix(w)) {
                    if x.is_empty() || x.starts_with([' ', ',', ':', ';', '.']) {
                        stop += 1 + w.len();
                        break;
                    }
                }
            }
            end = stop;
            at = stop;
        }
        (end, own)
    }

    /// Whether a group is a unit type's words.
    fn is_class(&self, id: &str) -> bool {
        self.groups
            .iter()
            .any(|g| g.id == id && !g.units.is_empty())
    }

    /// The ids of the groups that name the parent as who acts.
    fn subject_ids(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .filter(|g| g.subject)
            .map(|g| g.id.as_str())
    }

    /// Who the item gives the work to, when it opens by naming someone: the unit or units like
    /// it (own), units of another type, or one of the parent's organs. A list that names units
    /// like this one among others ("Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các
    /// xã …") gives it to them too.
    fn actor(&self, text: &str) -> Option<Actor> {
        // "Đối với Trạm Y tế phường", "Nhiệm vụ của Phòng Văn hóa - Xã hội": who follows.
        let folded = fold(text);
        let skip = [
            "doi voi cac ",
            "doi voi ",
            "nhiem vu cua ",
            "trach nhiem cua ",
        ]
        .iter()
        .find(|p| folded.starts_with(*p))
        .map_or(0, |p| {
            crate::text::prefix_of_folded(text, &folded, p.len()).len()
        });
        let text = text[skip..].trim_start();
        let hay = Haystack::new(text);
        // The opening words: up to a colon close to the start, or the first words.
        let colon = text.find(':').filter(|&c| c <= 120);
        let region_end = colon.unwrap_or_else(|| nth_word_end(text, 10));
        let list_end = colon.unwrap_or_else(|| nth_word_end(text, 15));
        let name = || {
            let end = colon.unwrap_or_else(|| nth_word_end(text, 6));
            text[..end].trim().to_string()
        };
        if !self.unit_name.is_empty() && fold(&text[..region_end]).contains(&self.unit_name) {
            return Some(Actor::Own("chính đơn vị".into()));
        }
        // Units after a title at the very start: "Thủ trưởng các cơ quan, đơn vị …", "100% đơn
        // vị …".
        let opens_with = |phrases: &[String]| {
            phrases.iter().find_map(|p| {
                hay.find_all(p)
                    .into_iter()
                    .find(|(s, e)| *e <= region_end && TITLES.contains(&fold(&text[..*s]).trim()))
                    .map(|(s, e)| crate::text::decapitalise(&text[s..e]))
            })
        };
        // Units like this one further on in a list of addressees.
        let listed = || {
            self.own_units.iter().find_map(|p| {
                hay.find_all(p)
                    .into_iter()
                    .find(|(s, e)| {
                        *e <= list_end
                            && !self
                                .actions
                                .iter()
                                .any(|v| !Haystack::new(&text[..*s]).find_all(v).is_empty())
                            && {
                                let before = text[..*s].trim_end();
                                let before = before
                                    .strip_suffix(|c: char| c == ',' || c == ';')
                                    .map(str::trim_end)
                                    .unwrap_or(before);
                                let f = fold(before);
                                text[..*s].trim_end().ends_with(',')
                                    || f.ends_with(" va")
                                    || TITLES.iter().any(|t| !t.is_empty() && f.ends_with(t))
                            }
                    })
                    .map(|(s, e)| crate::text::decapitalise(&text[s..e]))
            })
        };
        if let Some(units) = opens_with(&self.own_units) {
            return Some(Actor::Own(units));
        }
        if let Some(units) = opens_with(&self.other_units) {
            return Some(listed().map_or(Actor::Other(units), Actor::Own));
        }
        // "Phòng Văn hóa - Xã hội: …", "Sở Nội vụ công bố …": a head noun and a capitalised name.
        let head = self.organ_heads.iter().find_map(|h| {
            hay.find_all(h)
                .into_iter()
                .find(|(s, _)| *s == 0)
                .map(|(_, e)| e)
        })?;
        if let Some(units) = listed() {
            return Some(Actor::Own(units));
        }
        let named = text[head..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        named.then(|| Actor::Organ(name()))
    }

    /// What one clause shows. `organ_acts`: one of the parent's organs is who acts;
    /// `parent_acts`: the parent is.
    fn read_clause(&self, clause: &str, organ_acts: bool, parent_acts: bool) -> Reading {
        let hay = Haystack::new(clause);
        let lead_at = clause.len() - clause.trim_start().len();
        let spans = |phrases: &[String]| -> Vec<(usize, usize)> {
            phrases.iter().flat_map(|p| hay.find_all(p)).collect()
        };
        // What the parent does to units: directs them (their work) or guides, checks,
        // reorganises them (its own). Guidance with no organ named is the units' work too
        // ("Hướng dẫn các trường học xây dựng kế hoạch" in a plan of the schools' division).
        // Gives the span from the verb to the units.
        let after = |verbs: &[String], units: &[String]| -> Option<(usize, usize)> {
            verbs.iter().find_map(|v| {
                hay.find_all(v).into_iter().find_map(|(vs, e)| {
                    let mut end = clause.len().min(e + 90);
                    while !clause.is_char_boundary(end) {
                        end -= 1;
                    }
                    let window = &clause[e..end];
                    let window = &window[..window.find([';', '.']).unwrap_or(window.len())];
                    let w = Haystack::new(window);
                    units
                        .iter()
                        .filter_map(|u| {
                            w.find_all(u).first().copied().filter(|&(s, _)| {
                                // "kiện toàn tổ chức bên trong của các đơn vị": their own
                                // structure.
                                let before = fold(&window[..s]);
                                !before.contains("ben trong") && !before.contains("noi bo")
                            })
                        })
                        .map(|(_, ue)| (vs, e + ue))
                        .max_by_key(|&(_, ue)| ue)
                })
            })
        };
        let directed = after(&self.direct, &self.own_units).or_else(|| {
            (!organ_acts)
                .then(|| after(&self.guide, &self.own_units))
                .flatten()
        });
        let directs = directed.is_some();
        let supervises = !directs && after(&self.supervise, &self.any_units).is_some();
        // Words inside the list of units directed are not evidence of whose work it is.
        let outside = |g: &Group, ignore: &[(usize, usize)]| {
            g.phrases.iter().any(|p| {
                hay.find_all(p).iter().any(|&(s, e)| {
                    (!g.lead || s == lead_at)
                        && !directed.is_some_and(|(a, b)| s < b && a < e)
                        && !ignore.iter().any(|&(a, b)| s < b && a < e)
                })
            })
        };
        let subject = self
            .groups
            .iter()
            .any(|g| g.subject && g.side == "parent" && outside(g, &[]));
        // A clause that opens with units like this one is theirs whatever came before.
        let own_lead = self
            .groups
            .iter()
            .any(|g| g.lead && g.side == "own" && outside(g, &[]));
        let parent_acts = !own_lead && (parent_acts || supervises || subject);
        // Spans of the unit type's own words: another type's words inside them do not count
        // ("dịch vụ giáo dục, y tế" is a school's as much as a health station's); where units
        // like this one are named, other types' words do not count at all ("đối với cấp tỉnh
        // và cấp xã").
        let own_spans: Vec<(usize, usize)> = self
            .groups
            .iter()
            .filter(|g| g.side == "own" && !g.units.is_empty())
            .flat_map(|g| spans(&g.phrases))
            .collect();
        let names_units = !spans(&self.own_units).is_empty();
        let mut hits = Vec::new();
        let mut hit = |id: &str, own: bool, weight: i32, why: &str| {
            hits.push((
                id.to_string(),
                Hit {
                    own,
                    weight,
                    why: why.to_string(),
                },
            ))
        };
        if directs {
            hit(
                "directs",
                true,
                4,
                "cấp trên giao việc cho các đơn vị, trong đó có đơn vị mình",
            );
        }
        if supervises {
            hit(
                "supervises",
                false,
                3,
                "cấp trên hướng dẫn, kiểm tra, sắp xếp các đơn vị cấp dưới",
            );
        }
        for g in &self.groups {
            let own = g.side == "own";
            if parent_acts && own && !g.lead && !directs {
                continue;
            }
            let other_type = !own && !g.units.is_empty();
            if other_type && names_units {
                continue;
            }
            let found = if own {
                outside(g, &[])
            } else {
                outside(g, &own_spans)
            };
            if found {
                hit(&g.id, own, g.weight, &g.why);
            }
        }
        Reading {
            hits,
            subject,
            directs,
            supervises,
        }
    }
}

/// What one clause shows.
struct Reading {
    hits: Vec<(String, Hit)>,
    /// It opens with the parent acting.
    subject: bool,
    /// The parent directs units like this one to do something.
    directs: bool,
    /// The parent guides, checks or reorganises its units.
    supervises: bool,
}

/// The clauses of a text.
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in CLAUSE.find_iter(text) {
        // A full stop before a capital: the capital starts the next clause.
        let end = m.start();
        let next = if m.as_str().starts_with(';') {
            m.end()
        } else {
            m.end() - m.as_str().chars().last().map_or(0, char::len_utf8)
        };
        if !text[start..end].trim().is_empty() {
            out.push(text[start..end].trim());
        }
        start = next;
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    if out.is_empty() {
        out.push(text);
    }
    out
}

/// The text after a place ("xã", "phường Sài Gòn", "Quận 1") at its start.
fn skip_place(text: &str) -> &str {
    let mut rest = text;
    let nouns = [
        "xã",
        "phường",
        "tỉnh",
        "thành phố",
        "quận",
        "huyện",
        "đặc khu",
        "thị trấn",
    ];
    if let Some(n) = nouns.iter().find(|n| {
        rest.starts_with(*n) && rest[n.len()..].starts_with([' ', ',', ':', ';', '.'])
            || rest == **n
    }) {
        rest = rest[n.len()..].trim_start();
    }
    // A proper name: capitalised words and numbers.
    while let Some(w) = rest.split_whitespace().next() {
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !w.ends_with(':')
        {
            rest = rest[w.len()..].trim_start();
        } else {
            break;
        }
    }
    rest
}

/// The byte offset after the `n`th word.
fn nth_word_end(text: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn judge(preset: &str, issuer: &str) -> Judge {
        let mut plan = Plan::default();
        plan.header.issuer = issuer.into();
        Judge::new(
            &Preset::builtin(preset).unwrap(),
            &ParentProfile::of(&plan),
            "",
        )
    }

    #[test]
    fn reports_to_the_parent_are_the_units_own() {
        let j = judge("mam-non", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH");
        let v = j.judge("Báo cáo kết quả thực hiện CCHC định kỳ về Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND phường) trước ngày 15 của tháng cuối kỳ.", Above::Nothing);
        assert_eq!(v.verdict, Verdict::Keep, "{}", v.reason);
    }

    #[test]
    fn the_parents_organs_and_territory_are_its_own() {
        let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
        for text in [
            "Phòng Văn hóa - Xã hội: chủ trì tham mưu công tác thông tin, tuyên truyền cải cách hành chính.",
            "Kiện toàn tổ chức, hoạt động của các ấp trên địa bàn xã.",
            "Phối hợp với Công an xã triển khai Đề án 06.",
        ] {
            assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Drop, "{text}");
        }
    }

    #[test]
    fn guidance_is_the_units_work_unless_an_organ_gives_it() {
        let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
        let text = "Hướng dẫn, kiểm tra các trường học thực hiện tự chủ tài chính.";
        assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Keep);
        assert_eq!(j.judge(text, Above::Others).verdict, Verdict::Drop);
        let organ = "Phòng Văn hóa - Xã hội hướng dẫn các trường học thực hiện tự chủ tài chính.";
        assert_eq!(j.judge(organ, Above::Nothing).verdict, Verdict::Drop);
    }

    #[test]
    fn work_given_to_the_units_is_theirs() {
        let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
        for text in [
            "Chủ tịch Ủy ban nhân dân xã chỉ đạo các phòng chuyên môn, các trường học, Trạm Y tế xã xây dựng và ban hành kế hoạch.",
            "Các đơn vị sự nghiệp công lập chủ động bố trí kinh phí từ nguồn được giao tự chủ.",
            "100% văn bản đi của Ủy ban nhân dân xã và các đơn vị được ký số.",
        ] {
            assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Keep, "{text}");
        }
    }
}
