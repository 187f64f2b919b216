//! Finding phrases in Vietnamese text: whole words, case-insensitive (Unicode-aware), NFC; the
//! replacement's case following the match; a short context around a match.
use unicode_normalization::UnicodeNormalization;

/// Byte ranges of every whole-word, case-insensitive occurrence of `phrase` in `text`.
pub fn find_all(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    Haystack::new(text).find_all(phrase)
}

/// A text prepared for many searches: its characters lower-cased once.
pub struct Haystack<'a> {
    text: &'a str,
    offsets: Vec<usize>,
    lower: Vec<char>,
}

impl<'a> Haystack<'a> {
    pub fn new(text: &'a str) -> Self {
        let (offsets, lower) = text.char_indices().map(|(i, c)| (i, lower(c))).unzip();
        Haystack {
            text,
            offsets,
            lower,
        }
    }

    /// Byte ranges of every whole-word, case-insensitive occurrence of `phrase`.
    pub fn find_all(&self, phrase: &str) -> Vec<(usize, usize)> {
        let phrase: String = if unicode_normalization::is_nfc_quick(phrase.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            phrase.to_string()
        } else {
            phrase.nfc().collect()
        };
        let needle: Vec<char> = phrase.trim().chars().map(lower).collect();
        let hay = &self.lower;
        let mut out = Vec::new();
        if needle.is_empty() || needle.len() > hay.len() {
            return out;
        }
        let first = needle[0];
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i] == first && hay[i..i + needle.len()] == needle[..] {
                let end = i + needle.len();
                let before_ok = i == 0 || !is_word(hay[i - 1]) || !is_word(first);
                let after_ok =
                    end == hay.len() || !is_word(hay[end]) || !is_word(needle[needle.len() - 1]);
                if before_ok && after_ok {
                    out.push((
                        self.offsets[i],
                        self.offsets.get(end).copied().unwrap_or(self.text.len()),
                    ));
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The replacement with the first letter's case following the matched text ("Cán bộ…" →
/// "Viên chức", "cán bộ…" → "viên chức"), unless the replacement starts with a capital of its own
/// (a proper name).
pub fn match_case(matched: &str, replacement: &str) -> String {
    let first_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(c) if first_upper && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

/// A short excerpt around a byte range: (text before, text after), cut at word boundaries.
pub fn context(text: &str, start: usize, end: usize, words: usize) -> (String, String) {
    let before: Vec<&str> = text[..start].split_whitespace().collect();
    let after: Vec<&str> = text[end..].split_whitespace().collect();
    let b = before[before.len().saturating_sub(words)..].join(" ");
    let a = after[..after.len().min(words)].join(" ");
    let lead = if text[..start].ends_with(char::is_whitespace) && !b.is_empty() {
        " "
    } else {
        ""
    };
    let trail = if text[end..].starts_with(char::is_whitespace) && !a.is_empty() {
        " "
    } else {
        ""
    };
    (format!("{b}{lead}"), format!("{trail}{a}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_case_insensitive() {
        let t = "Cán bộ, công chức và cán bộ, công chức; cán bộ, công chứcx";
        let hits = find_all(t, "cán bộ, công chức");
        assert_eq!(hits.len(), 2);
        assert_eq!(&t[hits[0].0..hits[0].1], "Cán bộ, công chức");
        assert!(find_all("10 phường", "0 phường").is_empty());
    }

    #[test]
    fn decomposed_input_is_matched_after_nfc() {
        let decomposed: String = "viên chức".nfd().collect();
        let text: String = format!("Toàn thể {decomposed}").nfc().collect();
        assert_eq!(find_all(&text, &decomposed).len(), 1);
    }

    #[test]
    fn case_follows_the_match() {
        assert_eq!(match_case("Cán bộ", "viên chức"), "Viên chức");
        assert_eq!(match_case("cán bộ", "viên chức"), "viên chức");
        assert_eq!(match_case("cán bộ", "Hiệu trưởng"), "Hiệu trưởng");
    }
}
