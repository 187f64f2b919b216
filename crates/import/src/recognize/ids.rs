//! Item ids, given once the tree is known: a numbered item is its part's label and its own
//! ("III.2.3"; "P1.2" in a part without a label) — or, under a section or point, that one's id
//! and its own ("B.I.1" for "1." in section "I." of part "B."); a lettered point or a section
//! its parent's id and letter ("II.1.a", "B.I"); bullets and plain paragraphs their parent's id
//! and ".b1", ".p1"… counted apart.
//! A label printed twice gets "~2". Ids survive renumbering: the unit plan keeps them.
use kehoach_model::{Anchor, Item, ItemKind, Plan};
use std::collections::{HashMap, HashSet};

/// Gives every item its id and moves footnote and emphasis anchors along.
pub fn assign(plan: &mut Plan) {
    let mut renamed = HashMap::new();
    let mut used = Used::default();
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

/// The ids given so far, and for each id printed more than once the last "~n" given (so that a
/// label printed thousands of times does not search from "~2" each time).
#[derive(Default)]
struct Used {
    ids: HashSet<String>,
    last: HashMap<String, u32>,
}

impl Used {
    /// `base`, or `base~2`, `base~3` … the first not given yet.
    fn take(&mut self, base: String) -> String {
        if !self.ids.contains(&base) {
            self.ids.insert(base.clone());
            return base;
        }
        let n = self.last.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}~{n}");
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// `base`: the id numbered items are counted under (the part, or the nearest item above that is
/// not a numbered one).
fn walk(
    items: &mut [Item],
    numbered_base: &str,
    parent_id: &str,
    used: &mut Used,
    renamed: &mut HashMap<String, String>,
) {
    let (mut bullets, mut paras) = (0, 0);
    for item in items {
        let base = match item.kind {
            ItemKind::Numbered => format!(
                "{numbered_base}.{}",
                item.label.trim().trim_end_matches('.')
            ),
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
        let id = used.take(base);
        renamed.insert(std::mem::replace(&mut item.id, id.clone()), id.clone());
        // "1.2." carries its parent's number; a section "I." does not, so its points are
        // counted under it.
        let decimal = item
            .label
            .trim()
            .trim_end_matches('.')
            .split('.')
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let under = if item.kind == ItemKind::Numbered && decimal {
            numbered_base
        } else {
            &id
        };
        walk(&mut item.items, under, &id, used, renamed);
    }
}
