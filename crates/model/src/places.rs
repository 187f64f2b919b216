//! How a user finds an item in the plan: its label, or for a bullet or plain paragraph the
//! numbered item it belongs to ("1.11. (gạch đầu dòng 5)") — the checker's findings and the
//! review of rewordings name items this way.
use super::{Item, ItemKind, Plan, Topic};
use std::collections::HashMap;

impl Plan {
    /// Every item's place as the user reads it, and the topic of its part, by item id.
    pub fn places(&self) -> HashMap<String, (String, Option<Topic>)> {
        type Places = HashMap<String, (String, Option<Topic>)>;
        fn walk(items: &[Item], parent: &str, topic: Option<Topic>, out: &mut Places) {
            let mut bullets = 0;
            let mut paras = 0;
            for i in items {
                let label = match i.kind {
                    ItemKind::Bullet => {
                        bullets += 1;
                        format!("{parent} (gạch đầu dòng {bullets})")
                            .trim()
                            .to_string()
                    }
                    ItemKind::Paragraph => {
                        paras += 1;
                        if parent.is_empty() {
                            format!("Đoạn văn {paras}")
                        } else {
                            format!("{parent} (đoạn {paras})")
                        }
                    }
                    _ => i.label.clone(),
                };
                let own = if matches!(i.kind, ItemKind::Numbered | ItemKind::Lettered) {
                    i.label.clone()
                } else {
                    parent.to_string()
                };
                out.insert(i.id.clone(), (label, topic));
                walk(&i.items, &own, topic, out);
            }
        }
        let mut out = Places::new();
        for part in &self.parts {
            walk(&part.items, "", part.topic(), &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Part;

    #[test]
    fn a_bullet_is_found_by_the_item_it_belongs_to() {
        let mut point = Item::new("III.1", "1.", "Cải cách thể chế");
        point.kind = ItemKind::Numbered;
        for n in 1..=2 {
            let mut b = Item::new(format!("III.1.b{n}"), "-", "Rà soát quy chế.");
            b.kind = ItemKind::Bullet;
            point.items.push(b);
        }
        let mut plan = Plan::default();
        plan.parts.push(Part::new("III", "NHIỆM VỤ", vec![point]));
        let places = plan.places();
        assert_eq!(places["III.1"].0, "1.");
        assert_eq!(places["III.1.b2"].0, "1. (gạch đầu dòng 2)");
    }
}
