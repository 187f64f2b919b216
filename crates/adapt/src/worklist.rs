//! The worklist: the items of the whole plan that need the user's judgement, once each, with the
//! reason in plain words and what the app proposes. Everything else is decided (by the judge and
//! the preset) and shown, not asked. Items asked for the same reason share a group, so that the
//! user who has read them can answer them together ("Đồng ý đề xuất cho 6 mục").
use crate::{judge::Verdict, Adaptation};
use kehoach_model::{Decisions, Topic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why an item is asked.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// The parent changed it since last year (a plan made from last year's).
    Changed,
    /// Kept, but it still speaks of the parent's scope ("của Quận 1") where no rewording could
    /// make it the unit's.
    Scope,
    /// The judge could not tell whether it is the unit's work or the parent's own, or units of
    /// its kind decided items worded like it the other way ([`crate::likeness`]).
    Unsure,
}

/// One item to look at.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    /// The item's id (the parent's, as in [`NodeState`]).
    pub node: String,
    pub topic: Option<Topic>,
    pub ask: Ask,
    /// Items asked for the same reason have the same group: the kind, and for the parent's
    /// scope the phrase ("scope:của quận 1").
    pub group: String,
    /// The group's title, in the user's words ("Còn “của Quận 1” của cấp trên").
    pub title: String,
    /// Why this item is asked.
    pub reason: String,
    /// What the app proposes: keep the item (in the unit's words) or leave it out.
    pub keep: bool,
    /// The user has decided it.
    pub decided: bool,
}

/// The worklist of an adaptation, in document order. An item kept that is only the heading of
/// other items is decided with them and not asked on its own.
pub fn list(a: &Adaptation, decisions: &Decisions) -> Vec<WorkItem> {
    let (nodes, flags, plan) = (&a.nodes, &a.flags, &a.plan);
    // A flag names the unit's item; the worklist goes by the parent's item it comes from (a
    // bullet of a subsection gets its own id in the unit's plan).
    let source: BTreeMap<&str, &str> = plan
        .items()
        .into_iter()
        .filter_map(|(_, i)| Some((i.id.as_str(), i.source.as_deref()?)))
        .collect();
    // Each item's leftover phrases, in the order they were found.
    let mut flagged: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in flags {
        let node = source
            .get(f.node.as_str())
            .copied()
            .unwrap_or(f.node.as_str());
        let phrases = flagged.entry(node).or_default();
        if !phrases.contains(&f.phrase.as_str()) {
            phrases.push(f.phrase.as_str());
        }
    }
    let mut out = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        // The parent's funding sentences, which the unit's own sentence replaces (its funding
        // part, or sentences of Tổ chức thực hiện), are not the unit's to keep or drop (step 6
        // edits that sentence).
        if a.replaced_by_unit(n) {
            continue;
        }
        let heading = nodes.get(i + 1).is_some_and(|next| next.depth > n.depth);
        let change = n.change.as_ref().filter(|c| c.needs_decision());
        let (ask, group, title, reason) = if let Some(c) = change {
            (
                Ask::Changed,
                format!("changed:{}", c.kind()),
                c.label().to_string(),
                format!("{}: quyết định lại theo lời văn năm nay.", c.label()),
            )
        } else if let Some(phrases) = flagged.get(n.id.as_str()) {
            (
                Ask::Scope,
                // The items that first speak of the same phrase ("của Quận 1") go together.
                format!("scope:{}", kehoach_text::fold(phrases[0])),
                format!("Còn “{}” của cấp trên", phrases[0]),
                scope_reason(phrases),
            )
        } else if let Some(doubt) = n.doubt.as_ref().filter(|_| !heading) {
            (
                Ask::Unsure,
                "unsure".to_string(),
                "Chưa rõ việc của đơn vị hay của cấp trên".to_string(),
                doubt.clone(),
            )
        } else if n.verdict == Verdict::Look && (n.kept || n.decided_by == "user") && !heading {
            (
                Ask::Unsure,
                "unsure".to_string(),
                "Chưa rõ việc của đơn vị hay của cấp trên".to_string(),
                n.reason.clone(),
            )
        } else {
            continue;
        };
        out.push(WorkItem {
            node: n.id.clone(),
            topic: n.topic,
            ask,
            group,
            title,
            reason,
            keep: n.kept,
            decided: decisions.nodes.contains_key(&n.id),
        });
    }
    out
}

/// Why an item that still speaks of the parent's scope is asked, naming each phrase.
fn scope_reason(phrases: &[&str]) -> String {
    let all = phrases
        .iter()
        .map(|p| format!("“{p}”"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Còn {all} của cấp trên: giữ nếu đó là tên một văn bản hay chương trình đơn vị thực \
         hiện; bỏ hoặc sửa nếu là việc của cấp trên."
    )
}
