//! Item ids, given once the tree is known: a numbered item is its part's label and its own
//! ("III.2.3"; "P1.2" in a part without a label); a lettered point its parent's id and letter
//! ("II.1.a"); bullets and plain paragraphs their parent's id and ".b1", ".p1"… counted apart.
//! A label printed twice gets "~2". Ids survive renumbering: the unit plan keeps them.
use crate::model::{Anchor, Item, ItemKind, Plan};
use std::collections::{HashMap, HashSet};

/// Gives every item its id and moves footnote and emphasis anchors along.
pub fn assign(plan: &mut Plan) {
    let mut renamed = HashMap::new();
    let mut used = HashSet::new();
    for (n, part) in plan.parts.iter_mut().enumerate() {
        let key = if part.label.is_empty() {
            format!("P{}", n + 1)
        } else {
            part.label.clone()
        };
        walk(&mut part.items, &key, &key, &mut used, &mut renamed);
    }
    let anchors = plan
        .footnotes
        .iter_mut()
        .map(|f| &mut f.anchor)
        .chain(plan.emphasis.iter_mut().map(|e| &mut e.anchor));
    for anchor in anchors {
        if let Anchor::Item(id) = anchor {
            if let Some(new) = renamed.get(id) {
                *anchor = Anchor::Item(new.clone());
            }
        }
    }
}

fn walk(
    items: &mut [Item],
    part_key: &str,
    parent_id: &str,
    used: &mut HashSet<String>,
    renamed: &mut HashMap<String, String>,
) {
    let (mut bullets, mut paras) = (0, 0);
    for item in items {
        let base = match item.kind {
            ItemKind::Numbered => format!("{part_key}.{}", item.label.trim().trim_end_matches('.')),
            ItemKind::Lettered => format!(
                "{parent_id}.{}",
                item.label.trim().trim_end_matches([')', '.'])
            ),
            ItemKind::Bullet => {
                bullets += 1;
                format!("{parent_id}.b{bullets}")
            }
            ItemKind::Paragraph => {
                paras += 1;
                format!("{parent_id}.p{paras}")
            }
        };
        let mut id = base.clone();
        let mut n = 1;
        while used.contains(&id) {
            n += 1;
            id = format!("{base}~{n}");
        }
        used.insert(id.clone());
        renamed.insert(std::mem::replace(&mut item.id, id.clone()), id.clone());
        walk(&mut item.items, part_key, &id, used, renamed);
    }
}
