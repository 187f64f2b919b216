//! The user's structural edits: items added into a container, children reordered, own wording.
use kehoach_model::{AddedItem, Container, Decisions, Item, NodeDecision, Part};
use std::collections::BTreeMap;

/// The children list of a container in the unit's parts.
pub fn container_mut<'a>(
    parts: &'a mut [Part],
    container: &Container,
) -> Option<&'a mut Vec<Item>> {
    match container {
        Container::Part(topic) => parts
            .iter_mut()
            .find(|p| p.topic() == Some(*topic))
            .map(|p| &mut p.items),
        Container::Item(id) => parts
            .iter_mut()
            .find_map(|p| find(&mut p.items, id))
            .map(|i| &mut i.items),
    }
}

fn find<'b>(items: &'b mut [Item], id: &str) -> Option<&'b mut Item> {
    for i in items {
        if i.id == id {
            return Some(i);
        }
        if let Some(found) = find(&mut i.items, id) {
            return Some(found);
        }
    }
    None
}

/// Inserts an added item after its sibling (first when it names none or the sibling is gone,
/// last when the sibling is not found).
pub fn insert_added(parts: &mut [Part], added: &AddedItem) {
    let mut item = Item::new(added.id.clone(), "", added.text.clone());
    item.kind = added.kind;
    let Some(children) = container_mut(parts, &added.parent) else {
        return;
    };
    let pos = match &added.after {
        Some(after) => children
            .iter()
            .position(|c| &c.id == after)
            .map_or(children.len(), |p| p + 1),
        None => 0,
    };
    children.insert(pos, item);
}

/// Puts the children in the given order; children not named keep their relative order after.
pub fn reorder(children: &mut Vec<Item>, order: &[String]) {
    let mut taken: Vec<Item> = Vec::with_capacity(children.len());
    for id in order {
        if let Some(pos) = children.iter().position(|c| &c.id == id) {
            taken.push(children.remove(pos));
        }
    }
    taken.append(children);
    *children = taken;
}

/// The user's own wording, per item id.
pub fn edited(nodes: &BTreeMap<String, NodeDecision>) -> BTreeMap<&str, &str> {
    nodes
        .iter()
        .filter_map(|(id, d)| match d {
            NodeDecision::Edit { text } => Some((id.as_str(), text.as_str())),
            _ => None,
        })
        .collect()
}

/// The unit's own items the user dropped, at any depth, taken out.
pub fn drop_dropped(items: &mut Vec<Item>, decisions: &Decisions) {
    items.retain(|i| decisions.nodes.get(&i.id) != Some(&NodeDecision::Drop));
    for item in items {
        drop_dropped(&mut item.items, decisions);
    }
}

pub fn apply_edits(items: &mut [Item], edited: &BTreeMap<&str, &str>) {
    for item in items {
        if let Some(text) = edited.get(item.id.as_str()) {
            item.text = text.trim().to_string();
        }
        apply_edits(&mut item.items, edited);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reorder_puts_named_children_first() {
        let mut items: Vec<Item> = ["a", "b", "c"]
            .iter()
            .map(|id| Item::new(*id, "1.", *id))
            .collect();
        reorder(&mut items, &["c".to_string(), "a".to_string()]);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
    }
}
