//! The parent's funding sentences in "Tổ chức thực hiện", where its plan has no part of its own
//! for them: the unit's own sentence, once, in the place of the first (kept or not); the others
//! go. A sentence the user decided stands.
use crate::{mark, NodeState};
use kehoach_model::{Decisions, Item, Part};

/// Replaces the funding sentences among `items` (the part's kept items) — or, where the judge
/// kept none, the first the parent has — by `funding`, the unit's own sentence; `has_part`: the
/// parent has a funding part of its own (the unit's sentence is there).
pub fn to_chuc(
    items: &mut Vec<Item>,
    part: &Part,
    has_part: bool,
    funding: &str,
    decisions: &Decisions,
    nodes: &mut [NodeState],
) {
    let decided = |i: &Item| i.walk().iter().any(|x| decisions.nodes.contains_key(&x.id));
    // The unit's sentence the user dropped ("Bỏ" on it): none in its place.
    let unwanted =
        |i: &Item| decisions.nodes.get(&own_id(i)) == Some(&kehoach_model::NodeDecision::Drop);
    // (A funding sentence the user kept in the parent's words is the plan's.)
    let mut funded = has_part
        || part
            .items
            .iter()
            .any(|i| super::own_voice::is_funding(i) && decided(i));
    items.retain_mut(|item| {
        if decided(item) || !super::own_voice::is_funding(item) {
            return true;
        }
        let ids: Vec<String> = item.walk().iter().map(|i| i.id.clone()).collect();
        let first = !std::mem::replace(&mut funded, true);
        // The section's title stays (once); its sentences, or the sentence itself,
        // are the unit's sentence.
        let heading = !item.items.is_empty();
        let unwanted = unwanted(item);
        mark(nodes, &ids, |n| {
            n.reason = super::own_voice::FUNDING.to_string();
            n.doubt = None;
            if !first || unwanted || (heading && n.id != item.id) {
                n.kept = false;
            }
        });
        if !first || unwanted {
            return false;
        }
        if heading {
            item.items = vec![Item::new(own_id(item), "", funding)];
        } else {
            *item = in_place_of(item, funding);
        }
        true
    });
    // A funding sentence the judge left out still says where the unit's funding
    // goes ("Kinh phí thực hiện: từ ngân sách đặc khu …" at the end of Tổ chức
    // thực hiện): the unit's own sentence in its place.
    let dropped = part.items.iter().enumerate().find(|(_, i)| {
        super::own_voice::is_funding(i) && !decided(i) && !items.iter().any(|k| k.id == i.id)
    });
    if let Some((at, parent_item)) = dropped.filter(|_| !funded) {
        let ids: Vec<String> = parent_item.walk().iter().map(|i| i.id.clone()).collect();
        let unwanted = unwanted(parent_item);
        mark(nodes, &ids, |n| {
            n.reason = super::own_voice::FUNDING.to_string();
            n.doubt = None;
            n.kept = n.id == parent_item.id && !unwanted;
        });
        if unwanted {
            return;
        }
        let own = in_place_of(parent_item, funding);
        let index = |k: &Item| part.items.iter().position(|p| p.id == k.id);
        let pos = items.iter().position(|k| index(k).is_some_and(|i| i > at));
        items.insert(pos.unwrap_or(items.len()), own);
    }
}

/// The unit's funding sentence in the place of a parent's item: a new item with the parent's
/// as its source (the unit's sentence is not the parent's wording to review).
fn in_place_of(item: &Item, funding: &str) -> Item {
    let mut own = Item::new(own_id(item), &item.label, funding);
    own.kind = item.kind;
    own.source = Some(item.id.clone());
    own
}

/// The id of the unit's funding sentence made in the place of a parent's item.
fn own_id(item: &Item) -> String {
    format!("{}.kinh-phi", item.id)
}
