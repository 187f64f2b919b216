//! Finding phrases in Vietnamese text: whole words, case-insensitive (Unicode-aware), NFC; the
//! replacement's case following the match; a short context around a match.

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

    /// Where `phrase` ends (a byte offset) when the text opens with it as whole words.
    pub fn prefix(&self, phrase: &str) -> Option<usize> {
        let phrase = super::nfc_cow(phrase.trim());
        let mut n = 0;
        for c in phrase.chars().map(lower) {
            if self.lower.get(n) != Some(&c) {
                return None;
            }
            n += 1;
        }
        let last_word = n > 0 && is_word(self.lower[n - 1]);
        if n == 0 || (last_word && self.lower.get(n).is_some_and(|&c| is_word(c))) {
            return None;
        }
        Some(self.offsets.get(n).copied().unwrap_or(self.text.len()))
    }

    /// Byte ranges of every whole-word, case-insensitive occurrence of `phrase`.
    pub fn find_all(&self, phrase: &str) -> Vec<(usize, usize)> {
        let needle: Vec<char> = super::nfc_cow(phrase.trim()).chars().map(lower).collect();
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
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Many phrases found in one pass over a text (Aho-Corasick), with [`Haystack`]'s meaning: whole
/// words, case-insensitive, NFC. Built once for a set of phrases that are searched together.
pub struct PhraseSet {
    ac: aho_corasick::AhoCorasick,
    ids: std::collections::HashMap<String, usize>,
    /// Whether each phrase starts and ends with a word character (checked at word bounds).
    edges: Vec<(bool, bool)>,
}

/// Where each phrase of a [`PhraseSet`] is in one text.
pub struct Found<'s> {
    set: &'s PhraseSet,
    spans: Vec<Vec<(usize, usize)>>,
}

fn key(phrase: &str) -> String {
    super::nfc_cow(phrase.trim()).chars().map(lower).collect()
}

impl PhraseSet {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let mut ids = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        for p in phrases {
            let k = key(p);
            if k.is_empty() {
                continue;
            }
            let id = *ids.entry(k.clone()).or_insert_with(|| {
                patterns.push(k);
                patterns.len() - 1
            });
            // The phrase as given too, so that looking it up again needs no normalising.
            ids.entry(p.to_string()).or_insert(id);
        }
        let edges = patterns
            .iter()
            .map(|p| {
                (
                    p.chars().next().is_some_and(is_word),
                    p.chars().last().is_some_and(is_word),
                )
            })
            .collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&patterns)
            .expect("phrases build an automaton");
        PhraseSet { ac, ids, edges }
    }

    /// The number a phrase has in the set, for [`Found::at`] (`None` when it is not in it).
    pub fn id(&self, phrase: &str) -> Option<usize> {
        self.ids
            .get(phrase)
            .or_else(|| self.ids.get(&key(phrase)))
            .copied()
    }

    /// The numbers of many phrases, those not in the set left out.
    pub fn ids<'a>(&self, phrases: impl IntoIterator<Item = &'a String>) -> Vec<usize> {
        phrases.into_iter().filter_map(|p| self.id(p)).collect()
    }

    /// Every whole-word occurrence of every phrase in `text` (byte ranges of `text`).
    pub fn find<'s>(&'s self, text: &str) -> Found<'s> {
        // Lower-case char by char, keeping where each lowered char came from.
        let mut lowered = String::with_capacity(text.len());
        let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let l = lower(c);
            for _ in 0..l.len_utf8() {
                origin.push(i);
            }
            lowered.push(l);
        }
        origin.push(text.len());
        let mut spans = vec![Vec::new(); self.edges.len()];
        for m in self.ac.find_overlapping_iter(&lowered) {
            let id = m.pattern().as_usize();
            let (first_word, last_word) = self.edges[id];
            let before_ok = !first_word
                || lowered[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_word(c));
            let after_ok = !last_word
                || lowered[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word(c));
            if before_ok && after_ok {
                spans[id].push((origin[m.start()], origin[m.end()]));
            }
        }
        Found { set: self, spans }
    }
}

impl Found<'_> {
    /// The occurrences of one phrase of the set (empty when it is not in the set).
    pub fn get(&self, phrase: &str) -> &[(usize, usize)] {
        // Phrases are mostly looked up as they were given, already lower-case and NFC.
        let id = match self.set.ids.get(phrase) {
            Some(id) => Some(id),
            None => self.set.ids.get(&key(phrase)),
        };
        debug_assert!(id.is_some(), "phrase {phrase:?} is not in the set");
        id.map_or(&[], |&i| self.spans[i].as_slice())
    }

    /// The occurrences of the phrase numbered `id` ([`PhraseSet::id`]).
    pub fn at(&self, id: usize) -> &[(usize, usize)] {
        &self.spans[id]
    }

    /// Whether any of the phrases occurs.
    pub fn any<'a>(&self, phrases: impl IntoIterator<Item = &'a String>) -> bool {
        phrases.into_iter().any(|p| !self.get(p).is_empty())
    }
}

/// Runs `f` with the phrase set of `phrases` and each phrase's number in it, from a small
/// per-thread cache keyed by the list's content.
pub fn with_phrase_set<R>(
    phrases: &[String],
    f: impl FnOnce(&PhraseSet, &[Option<usize>]) -> R,
) -> R {
    use std::hash::{Hash, Hasher};
    type Entry = (u64, std::rc::Rc<(PhraseSet, Vec<Option<usize>>)>);
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<Entry>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    phrases.hash(&mut h);
    let key = h.finish();
    let entry = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, e)) = c.iter().find(|(k, _)| *k == key) {
            return e.clone();
        }
        let set = PhraseSet::new(phrases.iter().map(String::as_str));
        let ids = phrases.iter().map(|p| set.id(p)).collect();
        let e = std::rc::Rc::new((set, ids));
        if c.len() >= 16 {
            c.remove(0);
        }
        c.push((key, e.clone()));
        e
    });
    f(&entry.0, &entry.1)
}

/// The replacement with the first letter's case following the matched text ("Cán bộ…" →
/// "Viên chức", "cán bộ…" → "viên chức"), unless the replacement starts with a capital of its own
/// (a proper name).
pub fn match_case(matched: &str, replacement: &str) -> String {
    // An abbreviation in capitals ("CBCCVC") says nothing of the sentence's case: "của CBCCVC"
    // becomes "của viên chức", not "của Viên chức".
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let first_upper = !acronym && matched.chars().next().is_some_and(char::is_uppercase);
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
    use unicode_normalization::UnicodeNormalization;

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
    fn a_phrase_set_finds_what_a_haystack_finds() {
        let t = "Cán bộ, công chức và cán bộ, công chức; cán bộ, công chứcx. 10 phường, Ủy ban nhân dân";
        let phrases = [
            "cán bộ, công chức",
            "0 phường",
            "10 phường",
            "ủy ban nhân dân",
            "công chức",
        ];
        let set = PhraseSet::new(phrases);
        let found = set.find(t);
        for p in phrases {
            assert_eq!(found.get(p), find_all(t, p).as_slice(), "{p}");
        }
        // Overlapping phrases are all found.
        assert_eq!(found.get("công chức").len(), 2);
    }

    #[test]
    fn a_prefix_is_whole_words_at_the_start() {
        let hay = Haystack::new("Ủy ban nhân dân các xã, phường");
        assert_eq!(hay.prefix("ủy ban nhân dân"), Some("Ủy ban nhân dân".len()));
        assert_eq!(hay.prefix("ủy ban nhân"), Some("Ủy ban nhân".len()));
        assert_eq!(hay.prefix("ủy ban nhân d"), None);
        assert_eq!(hay.prefix("các xã"), None);
        assert_eq!(hay.prefix(""), None);
    }

    #[test]
    fn case_follows_the_match() {
        assert_eq!(match_case("Cán bộ", "viên chức"), "Viên chức");
        assert_eq!(match_case("cán bộ", "viên chức"), "viên chức");
        assert_eq!(match_case("cán bộ", "Hiệu trưởng"), "Hiệu trưởng");
        assert_eq!(match_case("CBCCVC", "viên chức"), "viên chức");
    }
}
