//! Vietnamese text helpers used by every layer: folding for keyword matching, casing, whitespace,
//! sentence ends and whole-word phrase search. Pure functions of strings; no domain knowledge
//! (the decree's rules live in `nd30`, the plan in `model`).
pub mod legacy;
mod matching;

pub use matching::{context, find_all, match_case, with_phrase_set, Found, Haystack, PhraseSet};

use unicode_normalization::UnicodeNormalization;

/// Lower case without diacritics ("Nơi nhận" → "noi nhan"), for matching keywords in text whose
/// diacritics may be wrong or missing (OCR). One output character per input letter.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Character by character (the marks a decomposition gives are dropped, so their order,
    // which NFD would fix, does not matter).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| match d {
            'đ' | 'Đ' => out.push('d'),
            d if is_combining(d) => {}
            d => out.extend(d.to_lowercase()),
        });
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// NFC form of a string (Vietnamese text may arrive decomposed from some editors).
pub fn nfc(s: &str) -> String {
    nfc_cow(s).into_owned()
}

/// NFC form of a string, borrowed when it already is: Latin letters below U+0300 and the
/// precomposed Vietnamese letters (U+1E00–U+1EFF) are NFC as they stand, which is nearly every
/// text here, and are recognised without the normaliser's tables.
pub fn nfc_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let composed = |c: char| (c as u32) < 0x300 || (0x1E00..=0x1EFF).contains(&(c as u32));
    if s.chars().all(composed) || unicode_normalization::is_nfc(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// True when the text has letters and (almost) all of them are capitals ("ỦY BAN NHÂN DÂN").
pub fn is_caps(s: &str) -> bool {
    let mut letters = 0usize;
    let mut upper = 0usize;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    letters >= 2 && upper * 10 >= letters * 9
}

/// Upper case for a line printed in capitals (Unicode-aware, NFC).
pub fn caps(s: &str) -> String {
    s.to_uppercase().nfc().collect()
}

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-cases the first letter.
pub fn decapitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Collapses runs of whitespace (including no-break spaces and tabs) into one space and trims;
/// drops control characters.
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

/// [`squash`] line by line: the text's line breaks kept, empty lines dropped.
pub fn squash_lines(s: &str) -> String {
    if !s.contains('\n') {
        return squash(s);
    }
    s.split('\n')
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
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

/// Whether `next` goes on with the text of `prev` (a paragraph cut at a page break or a line
/// break): `prev` does not end its sentence and `next` starts in lower case, or `prev` ends in a
/// word that cannot end a sentence ("… của", "… ngày"), or in a comma; or `prev` ends a clause
/// with ";" and `next` starts in lower case (a paragraph never does: "… năm 2027;" / "duy trì
/// hoạt động …"). A short title ("1. Mục tiêu chung") followed by a sentence in capitals is a
/// heading and its paragraph.
pub fn continues(prev: &str, next: &str) -> bool {
    const OPEN: &[&str] = &[
        "của", "và", "về", "số", "ngày", "tháng", "năm", "tại", "theo", "các", "những", "cho",
        "với", "trên", "trong", "đến", "từ", "được", "là", "có", "thuộc", "để", "do", "bằng",
        "hoặc", "như", "giữa", "vào", "khi", "nhằm",
    ];
    let prev = prev.trim_end();
    let first = next.trim_start().chars().next();
    if prev.ends_with(';') && first.is_some_and(char::is_lowercase) {
        return true;
    }
    if prev.is_empty() || ends_sentence(prev) {
        return false;
    }
    if first.is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')' | '.')) {
        return true;
    }
    let last_word = prev
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A long unfinished sentence goes on even before a name ("… phối hợp với Trung tâm" /
    // "Phục vụ hành chính công xã …"); a title is short.
    // ("số" opens a number — "Kế hoạch số" / "15/KH-UBND" — but ends "chính quyền số".)
    // A long sentence still goes on after it.
    if last_word == "số" && prev.split_whitespace().count() < 16 {
        return first.is_some_and(|c| c.is_ascii_digit());
    }
    prev.ends_with(',')
        || prev.ends_with('-') && prev[..prev.len() - 1].ends_with(char::is_alphanumeric)
        || OPEN.contains(&last_word.as_str())
        || prev.split_whitespace().count() >= 12
}

/// The last `n` characters of `s` (the whole string if shorter).
pub fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// The first `words` words of a text, with "…" when cut.
pub fn short(text: &str, words: usize) -> String {
    let mut it = text.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut s = head.join(" ");
    if it.next().is_some() {
        s.push_str(" …");
    }
    s
}

/// The text before byte position `pos` of its folded form, trimmed ([`fold`] keeps one
/// character per character for the letters that matter, so count characters).
pub fn prefix_of_folded(text: &str, folded: &str, pos: usize) -> String {
    let n = folded[..pos].chars().count();
    text.chars().take(n).collect::<String>().trim().to_string()
}

/// The distinct words of a text, folded (for likeness between texts).
pub fn word_set(s: &str) -> std::collections::BTreeSet<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(String::from)
        .collect()
}

/// A count as Vietnamese writes it, thousands separated by dots: "40.000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// What went wrong reading or writing a file, in words (the system's own messages are English:
/// "No such file or directory (os error 2)").
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "không có tệp này".into(),
        K::PermissionDenied => "không có quyền truy cập".into(),
        K::IsADirectory => "đây là thư mục, không phải tệp".into(),
        K::StorageFull => "ổ đĩa đã đầy".into(),
        K::FileTooLarge => "tệp vượt giới hạn cỡ tệp hoặc ổ đĩa đã đầy".into(),
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc".into(),
        K::AlreadyExists => "tệp đã có".into(),
        _ => "hệ điều hành báo lỗi khi đọc hoặc ghi tệp".into(),
    }
}

/// Whether `folded` (a [`fold`]ed text) holds the folded `phrase` as whole words ("lop 1" is
/// not in "lop 10").
pub fn has_folded_words(folded: &str, phrase: &str) -> bool {
    let needle = fold(phrase.trim());
    if needle.is_empty() {
        return false;
    }
    let edge = |c: Option<char>, of: Option<char>| {
        !(c.is_some_and(char::is_alphanumeric) && of.is_some_and(char::is_alphanumeric))
    };
    folded.match_indices(&needle).any(|(i, m)| {
        edge(folded[..i].chars().next_back(), m.chars().next())
            && edge(folded[i + m.len()..].chars().next(), m.chars().next_back())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(40_000), "40.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
    }

    #[test]
    fn a_paragraph_cut_at_a_page_break_goes_on() {
        assert!(continues("Tổ chức hội nghị của", "Ủy ban nhân dân xã"));
        assert!(continues(
            "Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2027;",
            "duy trì hoạt động của 22 tổ hòa giải."
        ));
        assert!(!continues(
            "Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2027;",
            "Duy trì hoạt động của 22 tổ hòa giải."
        ));
        assert!(!continues("Hoàn thành trong quý I.", "đúng hạn"));
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Nơi nhận:"), "noi nhan:");
        assert_eq!(fold("ĐỘC LẬP"), "doc lap");
    }

    #[test]
    fn caps_detection_and_casing() {
        assert!(is_caps("ỦY BAN NHÂN DÂN QUẬN 1"));
        assert!(!is_caps("Ủy ban nhân dân Quận 1"));
        assert_eq!(caps("Trường mầm non Tuổi Hồng"), "TRƯỜNG MẦM NON TUỔI HỒNG");
        assert_eq!(capitalise("ủy ban"), "Ủy ban");
        assert_eq!(decapitalise("Ủy ban"), "ủy ban");
    }

    #[test]
    fn squash_collapses_whitespace() {
        assert_eq!(squash("  a \u{a0}\t b\n"), "a b");
    }

    #[test]
    fn short_and_tail() {
        assert_eq!(short("một hai ba bốn", 2), "một hai …");
        assert_eq!(tail("Hạnh phúc", 4), "phúc");
    }

    #[test]
    fn folded_words_are_whole() {
        let f = fold("Tuyển sinh vào lớp 10; các trường, điểm trường");
        assert!(!has_folded_words(&f, "lớp 1"));
        assert!(has_folded_words(&f, "lớp 10"));
        assert!(has_folded_words(&f, "các trường,"));
        assert!(has_folded_words(&f, "Tuyển sinh"));
        assert!(!has_folded_words(&f, "truong, d"));
    }
}
