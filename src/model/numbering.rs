//! Labels derived from the tree ("I.", "1.", "1.1.", "a)", "-"), never typed: after any drop, add
//! or move, every level runs 1..n without gaps.
//!
//! An item's *kind* is read from its current label — numeric, letter, bullet or plain paragraph —
//! and its number from its position among the siblings of the same kind.
use super::{Item, Plan};

/// What an item's label is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// "1.", "1.1." — numbered points (khoản).
    Numeric,
    /// "a)", "b)" — điểm.
    Letter,
    /// "-" or "+".
    Bullet,
    /// No label: a plain paragraph.
    Paragraph,
}

/// The kind of a printed label.
pub fn kind_of(label: &str) -> LabelKind {
    let l = label.trim();
    if l.is_empty() {
        LabelKind::Paragraph
    } else if matches!(l, "-" | "+" | "•" | "–") {
        LabelKind::Bullet
    } else if l.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        LabelKind::Numeric
    } else {
        LabelKind::Letter
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

/// Renumbers a sibling list under a numeric prefix ("" at the top of a part, "3." under 3.).
pub fn renumber_items(items: &mut [Item], prefix: &str) {
    let mut numeric = 0;
    let mut letters = 0;
    for item in items.iter_mut() {
        match kind_of(&item.label) {
            LabelKind::Numeric => {
                numeric += 1;
                item.label = format!("{prefix}{numeric}.");
                let own = item.label.clone();
                renumber_items(&mut item.items, &own);
            }
            LabelKind::Letter => {
                letters += 1;
                item.label = format!("{})", letter(letters));
                // Points under a letter are bullets or paragraphs; numeric ones restart.
                renumber_items(&mut item.items, "");
            }
            LabelKind::Bullet => {
                if item.label != "+" {
                    item.label = "-".into();
                }
                renumber_items(&mut item.items, prefix);
            }
            LabelKind::Paragraph => renumber_items(&mut item.items, prefix),
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
    use crate::model::Part;

    fn item(label: &str, children: Vec<Item>) -> Item {
        Item {
            label: label.into(),
            items: children,
            ..Default::default()
        }
    }

    #[test]
    fn gaps_are_closed_at_every_level() {
        let mut plan = Plan {
            parts: vec![Part {
                label: "III".into(),
                title: "NHIỆM VỤ".into(),
                items: vec![
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
            }],
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
