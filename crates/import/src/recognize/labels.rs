//! Printed labels: "I." parts, "1.", "1.1." numbered items, "a)" points, "-"/"+" bullets.
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

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum LabelKind {
    Numeric(usize),
    Letter,
    /// 1 for "-", 2 for "+".
    Bullet(u8),
}

pub(super) fn is_item_label(text: &str) -> bool {
    split_label(text).is_some_and(|(_, _, k)| matches!(k, LabelKind::Numeric(_)))
}

pub(super) fn numeric_depth(label: &str) -> Option<usize> {
    let l = label.trim_end_matches(['.', ')']);
    (!l.is_empty()
        && l.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
    .then(|| l.split('.').count())
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
    }
}
