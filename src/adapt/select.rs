//! Which parent items the unit keeps: the user's decision first, then the preset's keep and drop
//! phrases for the part, then the part's default; a heading stands or falls with its numbered
//! points. Records what became of every parent item for the review screen.
use super::preset::{self, OwnItem, PartMode, Preset};
use super::NodeState;
use crate::model::{Decisions, Item, ItemKind, NodeDecision, Topic};
use crate::text::fold;

pub struct Selector<'a> {
    decisions: &'a Decisions,
    topic: Option<Topic>,
    /// The preset's drop and keep phrases for this part, folded once.
    drop: Vec<String>,
    keep: Vec<String>,
}

impl<'a> Selector<'a> {
    pub fn new(preset: &Preset, decisions: &'a Decisions, topic: Option<Topic>) -> Self {
        let phrases = |matches: &[preset::Match]| -> Vec<String> {
            matches
                .iter()
                .filter(|m| m.parts.is_empty() || topic.is_some_and(|t| m.parts.contains(&t)))
                .flat_map(|m| m.phrases.iter().map(|p| fold(p)))
                .collect()
        };
        Selector {
            decisions,
            topic,
            drop: phrases(&preset.drop),
            keep: phrases(&preset.keep),
        }
    }

    /// The rule verdict for one item's own text: Some(true) keep, Some(false) drop.
    fn rules(&self, text: &str) -> Option<bool> {
        let f = fold(text);
        if self.drop.iter().any(|p| f.contains(p.as_str())) {
            return Some(false);
        }
        if self.keep.iter().any(|p| f.contains(p.as_str())) {
            return Some(true);
        }
        None
    }

    /// The kept copy of `item` (with its kept children), or `None` when it is dropped.
    pub fn select(
        &self,
        item: &Item,
        mode: PartMode,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        self.select_with(item, mode == PartMode::Keep, depth, nodes)
    }

    /// `inherited` is what applies when neither the user nor a rule decides.
    fn select_with(
        &self,
        item: &Item,
        inherited: bool,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        let user = self.decisions.nodes.get(&item.id);
        let own = match user {
            Some(NodeDecision::Drop) => Some(false),
            Some(_) => Some(true),
            None => self.rules(&item.text),
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
        });
        if own == Some(false) {
            record_all(&item.items, self.topic, depth + 1, false, nodes);
            return None;
        }
        let numbered_children = item.items.iter().any(|c| c.kind.is_point());
        let child_default = own.unwrap_or(inherited);
        let children: Vec<Item> = item
            .items
            .iter()
            .filter_map(|child| self.select_with(child, child_default, depth + 1, nodes))
            .collect();
        let kept = if numbered_children && user.is_none() {
            // A heading stands or falls with its numbered points.
            children.iter().any(|c| c.kind.is_point())
        } else {
            own.unwrap_or(inherited)
        };
        if !kept {
            // Children kept by a rule under a dropped item go with it.
            for n in nodes.iter_mut().skip(state_index + 1) {
                n.kept = false;
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

/// Records the states of items that a part-level rule replaced or dropped.
pub fn record_all(
    items: &[Item],
    topic: Option<Topic>,
    depth: usize,
    kept: bool,
    nodes: &mut Vec<NodeState>,
) {
    for i in items {
        nodes.push(NodeState {
            id: i.id.clone(),
            topic,
            label: i.label.clone(),
            text: i.text.clone(),
            depth,
            kept,
            decided_by: "preset".into(),
            edited: None,
        });
        record_all(&i.items, topic, depth + 1, kept, nodes);
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
                source: o.source.clone(),
                items: own_items(&o.items, &format!("{id}."), fill),
            }
        })
        .collect()
}
