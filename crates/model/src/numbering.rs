//! Labels derived from the tree ("I.", "1.", "1.1.", "a)", "-"), never typed: after any drop, add
//! or move, every level runs 1..n without gaps.
//!
//! An item's [`ItemKind`] — numbered, lettered, bullet or plain paragraph — is data; its label is
//! derived from the kind and the item's position among the siblings of the same kind.
use super::{Item, Plan};
use serde::{Deserialize, Serialize};

/// What kind of point an item is (the label is derived from it and the item's place).
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// "1.", "1.1." — numbered points (khoản).
    #[serde(alias = "numeric")]
    Numbered,
    /// "a)", "b)" — điểm.
    #[serde(alias = "letter")]
    Lettered,
    /// "-" or, under another bullet, "+".
    Bullet,
    /// No label: a plain paragraph.
    #[default]
    Paragraph,
}

impl ItemKind {
    /// The kind of a printed label ("1.1." numbered, "a)" lettered, "-" bullet, "" paragraph).
    pub fn of_label(label: &str) -> ItemKind {
        let l = label.trim();
        if l.is_empty() {
            ItemKind::Paragraph
        } else if matches!(l, "-" | "+" | "•" | "–" | "*") {
            ItemKind::Bullet
        } else if l.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            ItemKind::Numbered
        } else {
            ItemKind::Lettered
        }
    }

    /// Numbered and lettered points carry a number; bullets and paragraphs do not.
    pub fn is_point(self) -> bool {
        matches!(self, ItemKind::Numbered | ItemKind::Lettered)
    }
}

/// Vietnamese point letters: a, b, c, d, đ, e, g, … (no f, j, w).
pub fn letter(n: usize) -> String {
    const LETTERS: [&str; 24] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y", "z",
    ];
    let i = n.max(1) - 1;
    LETTERS[i % LETTERS.len()].repeat(i / LETTERS.len() + 1)
}

/// Roman numerals for part labels.
pub fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n.clamp(1, 3999);
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Rewrites every label of the body from the tree: parts I, II, …; numeric items 1., 1.1., …
/// under their numeric parent; letters a), b), …; bullets keep "-" or "+"; plain paragraphs none.
pub fn renumber(plan: &mut Plan) {
    let named: Vec<usize> = (0..plan.parts.len())
        .filter(|&i| !plan.parts[i].label.is_empty() || !plan.parts[i].title.is_empty())
        .collect();
    for (n, &i) in named.iter().enumerate() {
        plan.parts[i].label = roman(n + 1);
    }
    for part in &mut plan.parts {
        renumber_items(&mut part.items, "");
    }
}

/// Renumbers a sibling list under a numeric prefix ("" at the top of a part, "3." under 3.);
/// `in_bullet` when the list is under a bullet (its bullets print "+").
pub fn renumber_items(items: &mut [Item], prefix: &str) {
    renumber_list(items, prefix, false)
}

fn renumber_list(items: &mut [Item], prefix: &str, in_bullet: bool) {
    let mut numbered = 0;
    let mut letters = 0;
    for item in items.iter_mut() {
        match item.kind {
            ItemKind::Numbered => {
                numbered += 1;
                item.label = format!("{prefix}{numbered}.");
                let own = item.label.clone();
                renumber_list(&mut item.items, &own, false);
            }
            ItemKind::Lettered => {
                letters += 1;
                item.label = format!("{})", letter(letters));
                // Points under a letter are bullets or paragraphs; numbered ones restart.
                renumber_list(&mut item.items, "", false);
            }
            ItemKind::Bullet => {
                item.label = if in_bullet { "+" } else { "-" }.into();
                renumber_list(&mut item.items, prefix, true);
            }
            ItemKind::Paragraph => {
                item.label.clear();
                renumber_list(&mut item.items, prefix, in_bullet);
            }
        }
    }
}

/// True when the labels of every level already run 1..n without gaps or repeats.
pub fn is_contiguous(plan: &Plan) -> bool {
    let mut copy = plan.clone();
    renumber(&mut copy);
    let labels =
        |p: &Plan| -> Vec<String> { p.items().iter().map(|(_, i)| i.label.clone()).collect() };
    labels(&copy) == labels(plan)
        && copy
            .parts
            .iter()
            .zip(&plan.parts)
            .all(|(a, b)| a.label == b.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Part;

    fn item(label: &str, children: Vec<Item>) -> Item {
        let mut i = Item::new("", label, "");
        i.items = children;
        i
    }

    #[test]
    fn gaps_are_closed_at_every_level() {
        let mut plan = Plan {
            parts: vec![Part::new(
                "III",
                "NHIỆM VỤ",
                vec![
                    item("", vec![]),
                    item(
                        "5.",
                        vec![
                            item("5.9.", vec![]),
                            item("5.10.", vec![]),
                            item("5.12.", vec![item("-", vec![])]),
                        ],
                    ),
                    item("7.", vec![item("b)", vec![]), item("d)", vec![])]),
                ],
            )],
            ..Default::default()
        };
        assert!(!is_contiguous(&plan));
        renumber(&mut plan);
        let labels: Vec<&str> = plan.items().iter().map(|(_, i)| i.label.as_str()).collect();
        assert_eq!(
            labels,
            ["", "1.", "1.1.", "1.2.", "1.3.", "-", "2.", "a)", "b)"]
        );
        assert_eq!(plan.parts[0].label, "I");
        assert!(is_contiguous(&plan));
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet() {
        let l: Vec<String> = (1..=8).map(letter).collect();
        assert_eq!(l, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert_eq!(roman(4), "IV");
    }
}
