//! Real-world noise in converted documents: signature watermarks repeated on every page
//! ("Ngo Hai Yen - 966") and stray tokens a converter leaves after a sentence ("… thực hiện./. Karl").
//!
//! Both are learned from the document itself, not from a fixed list: a watermark is a short line
//! of capitalised ASCII words (a Vietnamese name typed without diacritics) ending in a number; a
//! stray token is a capitalised ASCII word left after the end of a paragraph's last sentence.
use kehoach_text::{has_diacritics, squash};
use regex::Regex;
use std::sync::LazyLock;

static WATERMARK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-Z][a-z]{0,7}\s+){1,4}[A-Z][a-z]{0,7})\s*[-–]?\s*(\d{2,6})$").unwrap()
});
static STRAY_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.;:]|\./\.)\s+([A-Z][a-z]{1,11})$").unwrap());

/// The noise patterns learned from one document.
#[derive(Debug, Default)]
pub struct Noise {
    patterns: Vec<Regex>,
    stray: Vec<String>,
}

impl Noise {
    /// Learns the watermarks and stray tokens of a document from all its paragraph texts.
    pub fn learn<'a>(texts: impl Iterator<Item = &'a str>) -> Noise {
        let mut noise = Noise::default();
        let mut seen = Vec::<(String, String)>::new();
        for text in texts {
            let t = text.trim();
            if has_diacritics(t) {
                continue;
            }
            if let Some(c) = WATERMARK_LINE.captures(t) {
                let words: Vec<String> = c[1].split_whitespace().map(str::to_string).collect();
                let key = (words.join(" "), c[2].to_string());
                if !seen.contains(&key) {
                    let name = words
                        .iter()
                        .map(|w| regex::escape(w))
                        .collect::<Vec<_>>()
                        .join(r"\s+");
                    let pattern =
                        format!(r"(?:^|\s){name}\s*[-–]?\s*{}(?:\s|$)", regex::escape(&c[2]));
                    noise
                        .patterns
                        .push(Regex::new(&pattern).expect("escaped pattern"));
                    seen.push(key);
                }
            }
        }
        noise
    }

    /// Learns stray tokens from paragraph ends: a word after "./." (nothing follows the end of a
    /// document's body), or the same word after the last sentence of two paragraphs.
    pub fn learn_stray<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for text in texts {
            let text = self.clean_watermarks(text);
            if let Some(c) = STRAY_TAIL.captures(text.trim()) {
                let word = c[2].to_string();
                let weight = if &c[1] == "./." { 2 } else { 1 };
                match counts.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, n)) => *n += weight,
                    None => counts.push((word, weight)),
                }
            }
        }
        self.stray
            .extend(counts.into_iter().filter(|(_, n)| *n >= 2).map(|(w, _)| w));
    }

    fn clean_watermarks(&self, text: &str) -> String {
        let mut t = text.to_string();
        for p in &self.patterns {
            if p.is_match(&t) {
                t = p.replace_all(&t, " ").into_owned();
            }
        }
        t
    }

    /// The text with every watermark and stray token removed.
    pub fn clean(&self, text: &str) -> String {
        let mut t = self.clean_watermarks(text);
        if !self.stray.is_empty() {
            let trimmed = t.trim();
            if self.stray.iter().any(|w| w == trimmed) {
                return String::new();
            }
            if let Some(c) = STRAY_TAIL.captures(trimmed) {
                if self.stray.iter().any(|w| w == &c[2]) {
                    let cut = c.get(2).unwrap().start();
                    t = trimmed[..cut].to_string();
                }
            }
        }
        squash(&t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watermark_line_is_learned_and_removed_everywhere() {
        let texts = [
            "Ngo Hai Yen - 966",
            "Ngo Hai Yen 966 10. Xây dựng môi trường",
        ];
        let noise = Noise::learn(texts.iter().copied());
        assert_eq!(noise.clean(texts[0]), "");
        assert_eq!(noise.clean(texts[1]), "10. Xây dựng môi trường");
        assert_eq!(
            noise.clean("Ngô Hải Yến ký 966 văn bản"),
            "Ngô Hải Yến ký 966 văn bản"
        );
    }

    #[test]
    fn a_stray_token_after_the_last_sentence_is_removed() {
        let texts = ["… triển khai thực hiện./. Karl", "Lưu: VT, B.Th(3b). Karl"];
        let mut noise = Noise::learn(texts.iter().copied());
        noise.learn_stray(texts.iter().copied());
        assert_eq!(noise.clean(texts[0]), "… triển khai thực hiện./.");
        assert_eq!(noise.clean(texts[1]), "Lưu: VT, B.Th(3b).");
        assert_eq!(noise.clean("Karl"), "");
        assert_eq!(noise.clean("Trường Mầm non. Hoa"), "Trường Mầm non. Hoa");
        let mut once = Noise::default();
        once.learn_stray(["theo quy định. Ban"].into_iter());
        assert_eq!(once.clean("theo quy định. Ban"), "theo quy định. Ban");
    }
}
