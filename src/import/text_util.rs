//! Small text helpers shared by the readers and the recogniser.
use unicode_normalization::UnicodeNormalization;

/// Lower case without diacritics ("Nơi nhận" → "noi nhan"), for matching keywords in text whose
/// diacritics may be wrong or missing (OCR).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// True when the text has letters and (almost) all of them are capitals ("ỦY BAN NHÂN DÂN").
pub fn is_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    upper * 10 >= letters.len() * 9
}

/// Collapses runs of whitespace (including no-break spaces and tabs) into one space and trims.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
        } else if c.is_control() {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// True when the text has at least one Vietnamese (non-ASCII) letter.
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Ends in sentence or list punctuation: a following unlabelled paragraph starts a new one.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || c == '”' || c == '"' || c == ')');
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Nơi nhận:"), "noi nhan:");
        assert_eq!(fold("ĐỘC LẬP"), "doc lap");
    }

    #[test]
    fn caps_detection() {
        assert!(is_caps("ỦY BAN NHÂN DÂN QUẬN 1"));
        assert!(!is_caps("Ủy ban nhân dân Quận 1"));
    }

    #[test]
    fn squash_collapses_whitespace() {
        assert_eq!(squash("  a \u{a0}\t b\n"), "a b");
    }
}
