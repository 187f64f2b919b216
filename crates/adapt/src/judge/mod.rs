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
mod actor;
mod build;
mod lexicon;
mod list;
mod reading;

pub use lexicon::{group_ids, Group};

use actor::Actor;
use kehoach_parent::scope::without_references as mask;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What the judge says of one item.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The generic noun the parent calls itself by when it acts ("sở" in a Sở's plan: "Sở
    /// kiểm tra …"), folded.
    parent_word: String,
    /// The names the parent calls itself by without its place ("ủy ban nhân dân xã", "ubnd
    /// xã" in xã Tam Nông's plan), folded.
    parent_generic: Vec<String>,
    /// The unit's own name, folded: an item that opens with it is its own.
    unit_name: String,
    /// Every phrase above, to find them all in one pass over a clause.
    phrases: kehoach_text::PhraseSet,
    /// The numbers in `phrases` of the lists read clause by clause.
    ids: Ids,
}

/// Phrase numbers in the judge's [`kehoach_text::PhraseSet`]: looked up once, not per clause.
#[derive(Default)]
struct Ids {
    own_units: Vec<usize>,
    other_units: Vec<usize>,
    any_units: Vec<usize>,
    actions: Vec<usize>,
    organ_heads: Vec<usize>,
    direct: Vec<usize>,
    guide: Vec<usize>,
    supervise: Vec<usize>,
    /// Each group's phrases, in the order of `groups`.
    groups: Vec<Vec<usize>>,
}

/// One counted reason: a group or a reading, its side and weight.
#[derive(Debug, Clone)]
struct Hit {
    own: bool,
    weight: i32,
    why: String,
}

/// Clause boundaries: a semicolon, or a full stop before a capital.
/// The titles of a body's head that stand before the units they head ("Thủ trưởng các cơ quan,
/// đơn vị", "Giám đốc các Trung tâm", "Trưởng các phòng"): one list for every reading of who
/// acts and of who a section is addressed to (longer titles first).
pub(crate) const HEAD_TITLES: &[&str] = &[
    "thủ trưởng",
    "người đứng đầu",
    "chủ tịch",
    "lãnh đạo",
    "hiệu trưởng",
    "giám đốc",
    "trưởng trạm",
    "trưởng",
];

/// [`HEAD_TITLES`] folded.
static HEAD_TITLES_FOLDED: LazyLock<Vec<String>> =
    LazyLock::new(|| HEAD_TITLES.iter().map(|t| kehoach_text::fold(t)).collect());

/// Whether a folded text opens with a head's title.
pub(crate) fn opens_with_title(folded: &str) -> bool {
    HEAD_TITLES_FOLDED.iter().any(|t| {
        folded
            .strip_prefix(t.as_str())
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

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
    /// Weighs one item's own text, knowing what stands above it.
    pub fn judge(&self, text: &str, above: Above) -> Judgement {
        self.judge_with(text, above, false)
    }

    /// … `aim`: the item states a general aim of the parent plan (no figure in it), which
    /// holds for every unit under it whichever field's words it uses ("nâng cao chất lượng
    /// phục vụ người học" is a division of the Sở's aim too).
    pub fn judge_with(&self, text: &str, above: Above, aim: bool) -> Judgement {
        let masked = plain(&mask(text));
        let masked = masked.trim();
        // Who acts, for the whole item — or, where it gives work to other units and then in a
        // later clause to units like this one ("Các trường học thu học phí …; Trung tâm Y tế
        // thu viện phí …"), to this one too.
        let mut actor = self.actor(masked);
        if matches!(actor, Some(Actor::Other(_))) {
            if let Some(own) = clauses(masked)
                .into_iter()
                .skip(1)
                .map(|c| self.actor(c))
                .find(|a| matches!(a, Some(Actor::Own(_))))
            {
                actor = own;
            }
        }
        let by_organ = matches!(actor, Some(Actor::Organ(_)));
        let organ_acts = by_organ || above == Above::Others;
        let own_actor = matches!(actor, Some(Actor::Own(_)));
        let mut parent_acts = !own_actor
            && (matches!(actor, Some(Actor::Organ(_) | Actor::Other(_))) || above == Above::Others);
        let clauses = clauses(masked);
        let mut counted: BTreeMap<String, Hit> = BTreeMap::new();
        let mut best_clause = i32::MIN;
        let mut directs = false;
        let mut other_kind = false;
        let mut parent_leads = false;
        for (i, clause) in clauses.iter().enumerate() {
            let reading = self.read_clause(clause, organ_acts, parent_acts, aim);
            if i == 0 && (reading.subject || reading.supervises) && !own_actor {
                parent_acts = true;
                parent_leads = reading.subject;
            }
            directs |= reading.directs;
            other_kind |= reading.other_kind;
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
        // A heading giving the work to units like this one, narrowed to other kinds of them
        // ("Nhà trường đẩy mạnh chuyển đổi số: … tại các trường mầm non" to a primary school).
        if above == Above::Units && (own_actor || !other_kind) {
            counted.insert(
                "above".into(),
                Hit {
                    own: true,
                    weight: 3,
                    why: "mục trên giao cho các đơn vị như đơn vị mình".into(),
                },
            );
        } else if above == Above::Others && !own_actor {
            // Under a heading addressed to one of the parent's organs or to other units ("Ủy
            // ban nhân dân các xã, phường:", "Sở kiểm tra … tập trung vào:"), a point of work
            // every unit does is theirs unless it names this unit.
            // (Units like this one named or directed — "Chỉ đạo các trường trung học phổ thông
            // xây dựng kế hoạch …" under "Sở Giáo dục và Đào tạo:" — still count.)
            counted.retain(|id, h| !h.own || self.is_class(id) || id == "directs");
            counted.insert(
                "above".into(),
                Hit {
                    own: false,
                    weight: 3,
                    why: "phần việc cấp trên giao cho cơ quan, đơn vị khác ở mục trên".into(),
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
            let j = judgement(
                Verdict::Drop,
                format!("Việc riêng của cấp trên: {}.", reason(parent_why)),
            );
            // A short lead-in that is the parent's own action ("Tham mưu Ủy ban nhân dân
            // tỉnh:"), or that only names one of its organs or other units ("Ủy ban nhân dân
            // các xã, phường:"), says whose the items under it are, as a named organ does.
            if self.acts_lead_in(masked) || parent_leads && self.names_only(masked) {
                Judgement {
                    by_actor: true,
                    by_organ: true,
                    ..j
                }
            } else {
                j
            }
        } else {
            let why = match (own_why, parent_why) {
                (Some(o), Some(p)) => format!("vừa {}, vừa {}", o.why, p.why),
                (Some(o), None) => o.why.clone(),
                (None, Some(p)) => p.why.clone(),
                (None, None) => "không rõ là việc đơn vị tự làm hay việc riêng của cấp trên".into(),
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
        let masked = plain(&mask(text));
        let actor = self.actor(masked.trim());
        let mut out = format!("masked: {masked}\nactor: {actor:?}\n");
        for clause in clauses(masked.trim()) {
            let r = self.read_clause(clause, false, false, false);
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
    /// It names only other kinds of unit like this one ("tại các trường tiểu học" to a
    /// kindergarten).
    other_kind: bool,
}

/// A text with the words that only look like the lexicon's said otherwise: "trường hợp" (a
/// case) is not "các trường" (the schools).
fn plain(text: &str) -> String {
    text.replace("trường hợp", "tình huống")
        .replace("Trường hợp", "Tình huống")
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

#[cfg(test)]
mod tests;
