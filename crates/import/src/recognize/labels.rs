//! Printed labels: "Phần I", "A.", "I." headings, "1.", "1.1." numbered items, "a)" points,
//! "-"/"+" bullets. Which of them are the parts and how they nest is not fixed here: the body
//! learns it from the order in which a document uses them ([`super::body`]).
use regex::Regex;
use std::sync::LazyLock;

pub(super) static PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXL]{1,5})\s*[.\-–/]\s*(\S.*)$").unwrap());
pub(super) static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(\S.*)$|^(\d{1,2})[.)]\s*(\S.*)$").unwrap()
});
pub(super) static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-zđ])\)\s*(\S.*)$").unwrap());
pub(super) static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([-–—•+*])\s*(\S.*)$").unwrap());

pub(super) static UPPER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-HJ-UWYZĐ])\s*[.)]\s*(\S.*)$").unwrap());
pub(super) static PHAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:phần)\s+([IVXL]{1,5}|\d{1,2}|(?i:thứ)\s+\p{L}+)\s*[.:\-–]?\s*(\S.*)$")
        .unwrap()
});

/// The style of a printed label: two labels of one style are siblings wherever they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum LabelKind {
    /// "Phần I", "PHẦN THỨ HAI".
    Phan,
    /// "A.", "B.".
    Upper,
    /// "I.", "II.".
    Roman,
    Numeric(usize),
    Letter,
    /// 1 for "-", 2 for "+".
    Bullet(u8),
}

impl LabelKind {
    /// Numbered, lettered and heading labels: never under a bullet.
    pub(super) fn is_point(self) -> bool {
        !matches!(self, LabelKind::Bullet(_))
    }
}

/// A heading label of the outer levels — "Phần I", "A.", "I." — with its label and the text
/// after it.
/// `roman_expected`: the document's letters have reached "H.", so "I." is the next letter.
pub(super) fn outer(text: &str, letter_i: bool) -> Option<(LabelKind, String, String)> {
    let title = |t: &str| t.trim().to_string();
    if let Some(c) = PHAN.captures(text) {
        return Some((LabelKind::Phan, c[1].to_string(), title(&c[2])));
    }
    if let Some(c) = PART.captures(text) {
        if letter_i && &c[1] == "I" {
            return Some((LabelKind::Upper, "I".into(), title(&c[2])));
        }
        return Some((LabelKind::Roman, c[1].to_string(), title(&c[2])));
    }
    UPPER
        .captures(text)
        .map(|c| (LabelKind::Upper, c[1].to_string(), title(&c[2])))
}

/// A heading of the outer levels printed in capitals ("A. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ"):
/// where the body of a plan starts.
pub(super) fn is_caps_heading(text: &str) -> bool {
    outer(text, false).is_some_and(|(_, _, t)| kehoach_text::is_caps(t.trim_end_matches(':')))
}

pub(super) fn is_item_label(text: &str) -> bool {
    split_label(text).is_some_and(|(_, _, k)| matches!(k, LabelKind::Numeric(_)))
}

/// Splits a printed label from its text: ("1.1.", "Tỷ lệ …", Numeric(2)).
pub(super) fn split_label(text: &str) -> Option<(String, String, LabelKind)> {
    if let Some(c) = NUMERIC.captures(text) {
        if let (Some(l), Some(t)) = (c.get(1), c.get(2)) {
            let depth = l.as_str().split('.').count();
            return Some((
                format!("{}.", l.as_str()),
                t.as_str().to_string(),
                LabelKind::Numeric(depth),
            ));
        }
        if let (Some(l), Some(t)) = (c.get(3), c.get(4)) {
            // "2021 - 2030" is not a label; "1." and "1)" are.
            return Some((
                format!("{}.", l.as_str()),
                t.as_str().to_string(),
                LabelKind::Numeric(1),
            ));
        }
    }
    if let Some(c) = LETTER.captures(text) {
        return Some((format!("{})", &c[1]), c[2].to_string(), LabelKind::Letter));
    }
    if let Some(c) = BULLET.captures(text) {
        let level = if &c[1] == "+" { 2 } else { 1 };
        let label = if level == 2 { "+" } else { "-" };
        return Some((
            label.to_string(),
            c[2].to_string(),
            LabelKind::Bullet(level),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            split_label("1.1. Tỷ lệ").map(|x| x.2),
            Some(LabelKind::Numeric(2))
        );
        assert_eq!(split_label("10. Xây dựng").map(|x| x.0), Some("10.".into()));
        assert_eq!(split_label("2021 - 2030;"), None);
        assert_eq!(split_label("a) Điểm").map(|x| x.2), Some(LabelKind::Letter));
        assert_eq!(split_label("+ Ý").map(|x| x.2), Some(LabelKind::Bullet(2)));
        assert_eq!(
            outer("A. MỤC ĐÍCH, YÊU CẦU", false).map(|x| (x.0, x.1)),
            Some((LabelKind::Upper, "A".into()))
        );
        assert_eq!(
            outer("PHẦN II. NHIỆM VỤ", false).map(|x| (x.0, x.2)),
            Some((LabelKind::Phan, "NHIỆM VỤ".into()))
        );
        assert_eq!(
            outer("I. Mục đích", false).map(|x| x.0),
            Some(LabelKind::Roman)
        );
        assert_eq!(
            outer("I. KINH PHÍ", true).map(|x| x.0),
            Some(LabelKind::Upper)
        );
        assert!(outer("Căn cứ Luật", false).is_none());
    }
}
