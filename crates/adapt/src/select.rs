//! Which parent items the unit keeps: the user's decision first, then the judge's verdict on the
//! item's text ([`super::judge`]), then the part's default; a heading stands or falls with its
//! numbered points. Records what became of every parent item, and why, for the review screen.
use super::judge::{Above, Judge, Verdict};
use super::preset::{OwnItem, PartMode};
use super::NodeState;
use kehoach_model::{Decisions, Item, ItemKind, NodeDecision, Topic};
use std::collections::BTreeMap;

pub struct Selector<'a> {
    decisions: &'a Decisions,
    topic: Option<Topic>,
    judge: &'a Judge,
    /// The parent's appendix: each task's lead body, by item id.
    leads: &'a BTreeMap<String, String>,
    /// Whose decisions in the corpus the unit learns from ([`crate::likeness`]).
    kind: &'a str,
}

impl<'a> Selector<'a> {
    pub fn new(
        judge: &'a Judge,
        decisions: &'a Decisions,
        topic: Option<Topic>,
        leads: &'a BTreeMap<String, String>,
        kind: &'a str,
    ) -> Self {
        Selector {
            decisions,
            topic,
            judge,
            leads,
            kind,
        }
    }

    /// Why an item the judge decided is still asked: items worded like it were firmly decided
    /// the other way by units of its kind ([`crate::likeness`]).
    fn doubt(&self, text: &str, judged: &super::judge::Judgement) -> Option<String> {
        let (keep, firm) = crate::likeness::reading(self.kind, text)?;
        let other = match judged.verdict {
            Verdict::Keep if keep < 1.0 - firm => "bỏ đi",
            Verdict::Drop if keep > firm => "giữ lại",
            _ => return None,
        };
        Some(format!(
            "{} Tuy vậy, những mục viết tương tự thường được các đơn vị cùng loại {other}.",
            judged.reason
        ))
    }

    /// The kept copy of `item` (with its kept children), or `None` when it is dropped.
    pub fn select(
        &self,
        item: &Item,
        mode: PartMode,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        self.select_with(item, mode == PartMode::Keep, Above::Nothing, depth, nodes)
    }

    /// `inherited` is what applies when neither the user nor a rule decides; `above`: who the
    /// headings above give the work to.
    fn select_with(
        &self,
        item: &Item,
        inherited: bool,
        above: Above,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        let user = self.decisions.nodes.get(&item.id);
        // A section addressed to one of the parent's organs is that organ's work, points and
        // all (unless the user decided something in it).
        if user.is_none()
            && !item
                .walk()
                .iter()
                .any(|i| self.decisions.nodes.contains_key(&i.id))
        {
            if let Some(organ) = self.judge.organ_section(&item.text) {
                let why = format!("Phần việc của {organ}, một cơ quan của cấp trên.");
                record(item, self.topic, depth, false, &why, nodes);
                return None;
            }
        }
        // A general aim: an item of the aims without a figure (a target has one; a year is
        // not one).
        let aim = self.topic == Some(Topic::MucTieu) && !has_figure(&item.text);
        let mut judged = self.judge.judge_with(&item.text, above, aim);
        // Where the text leaves it open, the parent's appendix may say whose task it is: units
        // like this one lead it ("Cơ quan chủ trì: Các trường học"). (A task its appendix gives
        // to one of the parent's organs is not thereby the parent's alone: over the corpus,
        // dropping those fixed as many answers as it broke.)
        let mut by_appendix = false;
        if judged.verdict == Verdict::Look {
            if let Some(lead) = self.leads.get(&item.id) {
                if self.judge.gives_to_own(lead) {
                    by_appendix = true;
                    judged.verdict = Verdict::Keep;
                    judged.reason = format!(
                        "Việc đơn vị tự làm: phụ lục của cấp trên giao chủ trì cho {}.",
                        lead.trim()
                    );
                }
            }
        }
        let judged_by_actor = judged.by_actor;
        let below = match (judged.by_actor, judged.by_organ) {
            (true, true) => Above::Others,
            (true, false) => Above::Units,
            _ => above,
        };
        let own = match user {
            Some(NodeDecision::Drop) => Some(false),
            Some(_) => Some(true),
            None => match judged.verdict {
                Verdict::Keep => Some(true),
                Verdict::Drop => Some(false),
                Verdict::Look => None,
            },
        };
        let state_index = nodes.len();
        nodes.push(NodeState {
            id: item.id.clone(),
            topic: self.topic,
            label: item.label.clone(),
            text: item.text.clone(),
            depth,
            kept: false,
            decided_by: if user.is_some() { "user" } else { "preset" }.into(),
            edited: match user {
                Some(NodeDecision::Edit { text }) => Some(text.clone()),
                _ => None,
            },
            // (What the parent's appendix says outweighs how items are usually worded.)
            doubt: if by_appendix {
                None
            } else {
                self.doubt(&item.text, &judged)
            },
            verdict: judged.verdict,
            reason: judged.reason,
            change: None,
            offer: None,
        });
        // A dropped item without points under it goes; one with points is decided by them (a
        // heading's own words say little), each point judged on its own.
        if own == Some(false) && item.items.is_empty() {
            return None;
        }
        let numbered_children = item.items.iter().any(|c| c.kind.is_point());
        // What the user decided, or who the item gives the work to, goes for the items under it;
        // a heading's own words say little, so its points otherwise take the part's default.
        let child_default = match user {
            Some(_) => own.unwrap_or(inherited),
            None if judged_by_actor => own.unwrap_or(inherited),
            None => inherited,
        };
        let children: Vec<Item> = item
            .items
            .iter()
            .filter_map(|child| self.select_with(child, child_default, below, depth + 1, nodes))
            .collect();
        let kept = if user.is_some() {
            own.unwrap_or(inherited)
        } else if numbered_children {
            // A heading stands or falls with its numbered points.
            children.iter().any(|c| c.kind.is_point())
        } else if !item.items.is_empty()
            && (own != Some(true) || item.text.trim_end().ends_with(':'))
        {
            // A lead-in over bullets stands with them ("Các đơn vị trực thuộc:" says nothing
            // without them).
            !children.is_empty()
        } else {
            own.unwrap_or(inherited)
        };
        if !kept {
            // Children kept by a rule under a dropped item go with it.
            for n in nodes.iter_mut().skip(state_index + 1) {
                n.kept = false;
                n.doubt = None;
            }
            return None;
        }
        nodes[state_index].kept = true;
        Some(Item {
            source: Some(item.id.clone()),
            items: children,
            ..item.clone()
        })
    }
}

/// Whether a text states a figure: a percentage or a number that is not a year ("2027").
fn has_figure(text: &str) -> bool {
    text.contains('%')
        || text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .any(|n| !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20"))))
}

/// Why the parent's pointer to its appendix is not kept.
pub const POINTER: &str =
    "Câu dẫn tới phụ lục của cấp trên; kế hoạch của đơn vị có câu này khi có phụ lục của mình.";
/// Why the parent's sentence setting its units to the tasks is replaced.
pub const LEAD: &str =
    "Câu cấp trên giao nhiệm vụ cho các đơn vị: thay bằng câu của đơn vị (sửa được).";

pub use kehoach_model::refs::points_to_appendix;

/// The unlabelled paragraph that opens a part and sets the units to the tasks after it ("Bên
/// cạnh …, Chủ tịch Ủy ban nhân dân xã yêu cầu Thủ trưởng các cơ quan, đơn vị tập trung thực
/// hiện các nhiệm vụ sau:").
pub fn leads_tasks(part: &kehoach_model::Part, index: usize) -> bool {
    let item = &part.items[index];
    let before_points = part.items[..index].iter().all(|i| !i.kind.is_point());
    let f = kehoach_text::fold(&item.text);
    let f = f.trim();
    item.kind == ItemKind::Paragraph
        && item.items.is_empty()
        && before_points
        && (f.ends_with(':')
            || f.ends_with("sau")
            || f.ends_with("sau day")
            || f.ends_with("nhu sau"))
}

/// Records one item (and those under it) as a rule decided it.
pub fn record(
    item: &Item,
    topic: Option<Topic>,
    depth: usize,
    kept: bool,
    reason: &str,
    nodes: &mut Vec<NodeState>,
) {
    nodes.push(NodeState {
        id: item.id.clone(),
        topic,
        label: item.label.clone(),
        text: item.text.clone(),
        depth,
        kept,
        decided_by: "preset".into(),
        edited: None,
        verdict: if kept { Verdict::Keep } else { Verdict::Drop },
        reason: reason.into(),
        change: None,
        offer: None,
        doubt: None,
    });
    for i in &item.items {
        record(i, topic, depth + 1, kept, reason, nodes);
    }
}

/// The preset's own items (its "Tổ chức thực hiện"), numbered points with ids under `prefix`.
pub fn own_items(items: &[OwnItem], prefix: &str, fill: &impl Fn(&str) -> String) -> Vec<Item> {
    items
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("{prefix}{}", i + 1);
            Item {
                id: id.clone(),
                kind: ItemKind::Numbered,
                label: "1.".into(),
                text: fill(&o.text),
                // The unit's own sentence: no parent item (the preset's note of which of
                // District 1's items it grew from is not this parent's).
                source: None,
                items: own_items(&o.items, &format!("{id}."), fill),
            }
        })
        .collect()
}

/// Two texts that say much the same (half their words shared): an own item that repeats a kept
/// parent item is left out.
pub fn alike(a: &str, b: &str) -> bool {
    let (a, b) = (kehoach_text::word_set(a), kehoach_text::word_set(b));
    let common = a.intersection(&b).count();
    common * 2 >= a.len().min(b.len()).max(1)
}
