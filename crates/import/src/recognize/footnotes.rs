//! Footnotes and emphasis: each mark remembered with the text before it, each emphasised
//! fragment with its words, then anchored to the basis, intro, item or closing that holds it.
use super::Builder;
use kehoach_model::{Anchor, Emphasis, Footnote, Item, Plan};
use kehoach_text::tail;
use regex::Regex;
use std::sync::LazyLock;

/// "1 Quyết định số 41/2011/QĐ-UBND …": a number, a space, a capital.
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+(\p{Lu}.{11,})$").unwrap());

impl Builder {
    /// A footnote a converter left in the body as text: a paragraph "1 Quyết định số …" whose
    /// number is a bare mark glued to a word earlier in the text ("…41/2011/QĐ-UBND1 ngày …"),
    /// and whose text repeats the words just before that mark. The mark leaves the text; the
    /// note becomes the footnote anchored there.
    pub(super) fn footnote_left_as_text(&mut self, text: &str) -> bool {
        let Some(c) = NOTE.captures(text) else {
            return false;
        };
        let (mark, note) = (c[1].to_string(), c[2].trim().to_string());
        let mut nodes: Vec<String> = Vec::new();
        fn ids(items: &[Item], out: &mut Vec<String>) {
            for i in items {
                out.push(i.id.clone());
                ids(&i.items, out);
            }
        }
        for part in &self.plan.parts {
            ids(&part.items, &mut nodes);
        }
        // Nearest first: the items backwards, the intro, the bases backwards.
        let mut anchors: Vec<String> = nodes.into_iter().rev().collect();
        anchors.push("intro".into());
        anchors.extend(
            (0..self.plan.bases.len())
                .rev()
                .map(|i| format!("basis:{i}")),
        );
        let mut nearest = true;
        for anchor in anchors {
            let Some(node) = self.text_mut(&anchor).filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            // The paragraph right before the note may hold its mark after any word ("… có hiệu
            // lực2."); one further up, only after words the note repeats.
            let found = bare_mark(node, &mark, &note)
                .or_else(|| nearest.then(|| mark_after_word(node, &mark)).flatten());
            nearest = false;
            let Some(at) = found else {
                continue;
            };
            let before = node[..at].to_string();
            node.replace_range(at..at + mark.len(), "");
            let key = format!("text:{}", self.footnote_texts.len() + 1);
            self.footnote_texts.push((key.clone(), note));
            self.footnote_refs.push((key, anchor, before));
            return true;
        }
        false
    }

    /// The text of a basis, the intro or an item (by its temporary id).
    fn text_mut(&mut self, anchor: &str) -> Option<&mut String> {
        if anchor == "intro" {
            return Some(&mut self.plan.intro);
        }
        if let Some(i) = anchor.strip_prefix("basis:") {
            return self.plan.bases.get_mut(i.parse::<usize>().ok()?);
        }
        self.plan.item_mut(anchor).map(|i| &mut i.text)
    }

    pub(super) fn anchor_refs(&mut self, anchor: &str) {
        for (key, after) in std::mem::take(&mut self.pending_refs) {
            self.footnote_refs.push((key, anchor.to_string(), after));
        }
        for e in std::mem::take(&mut self.pending_emphasis) {
            self.plan.emphasis.push(Emphasis {
                anchor: Anchor::parse(anchor),
                ..e
            });
        }
    }

    /// Emphasis whose words are in its node's final text (a label or a line the recogniser
    /// took elsewhere leaves some out), each once.
    pub(super) fn keep_present_emphasis(&mut self) {
        let mut kept: Vec<Emphasis> = Vec::new();
        for mut e in std::mem::take(&mut self.plan.emphasis) {
            let text = node_text(&self.plan, &e.anchor);
            if !text.contains(e.text.as_str()) {
                // "1. Cải cách thể chế:" set bold as a run-in heading: its label is not text.
                match super::labels::split_label(&e.text) {
                    Some((_, rest, _))
                        if rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                            && text.contains(rest.as_str()) =>
                    {
                        e.text = rest
                    }
                    _ => continue,
                }
            }
            if !kept.contains(&e) {
                kept.push(e);
            }
        }
        self.plan.emphasis = kept;
    }

    /// Footnotes, in the order of their keys' appearance in the definitions, each anchored where
    /// its mark was.
    pub(super) fn attach_footnotes(&mut self) {
        for (key, text) in &self.footnote_texts {
            let (anchor, after) = self
                .footnote_refs
                .iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, a, after)| (a.clone(), after.clone()))
                .unwrap_or_default();
            let anchor = Anchor::parse(&anchor);
            let after = locate_after(&self.plan, &anchor, &after);
            self.plan.footnotes.push(Footnote {
                anchor,
                after,
                text: text.clone(),
            });
        }
    }
}

/// The longest tail of `after` that occurs in the anchor's final text.
pub(super) fn locate_after(plan: &Plan, anchor: &Anchor, after: &str) -> String {
    let text = node_text(plan, anchor);
    let n = after.chars().count();
    for len in (1..=n).rev() {
        let t = tail(after, len);
        if text.contains(t.as_str()) {
            return t;
        }
    }
    String::new()
}

/// The text of the node an anchor names.
fn node_text<'a>(plan: &'a Plan, anchor: &Anchor) -> &'a str {
    match anchor {
        Anchor::Intro => &plan.intro,
        Anchor::Closing => &plan.closing,
        Anchor::Basis(i) => plan.bases.get(*i).map_or("", String::as_str),
        Anchor::Item(id) => plan.item(id).map_or("", |i| i.text.as_str()),
        Anchor::None => "",
    }
}

/// Where `mark` stands in `text` as a bare footnote mark: glued to the end of a word, and the two
/// words before it are in the note.
fn bare_mark(text: &str, mark: &str, note: &str) -> Option<usize> {
    text.match_indices(mark).map(|(at, _)| at).find(|&at| {
        let end = at + mark.len();
        let glued = text[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == ')');
        let ends_word = text[end..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || ",.;:)".contains(c));
        if !glued || !ends_word {
            return false;
        }
        let words: Vec<&str> = text[..at].split_whitespace().collect();
        words.len() >= 2 && {
            let last_two = words[words.len() - 2..].join(" ");
            let last_two = last_two.trim_end_matches([',', ';', ':']);
            !kehoach_text::find_all(note, last_two).is_empty()
        }
    })
}

/// The last `mark` glued to the letters of a word or to a year and ending it ("hiệu lực2.",
/// "TU1 ngày", "năm 20271;").
fn mark_after_word(text: &str, mark: &str) -> Option<usize> {
    let after_year = |before: &str| {
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        digits == 4
            && ["19", "20"]
                .iter()
                .any(|c| before[before.len() - 4..].starts_with(c))
    };
    text.rmatch_indices(mark).map(|(at, _)| at).find(|&at| {
        let end = at + mark.len();
        (text[..at].chars().last().is_some_and(char::is_alphabetic) || after_year(&text[..at]))
            && text[end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || ",.;:)".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::{bare_mark, mark_after_word};

    #[test]
    fn a_mark_after_any_word_of_the_paragraph_before_its_note() {
        let text = "trong 05 ngày kể từ ngày quyết định có hiệu lực2.";
        assert_eq!(
            mark_after_word(text, "2"),
            Some(text.find("lực2").unwrap() + "lực".len())
        );
        // Not a digit of a number, not a word that goes on.
        assert_eq!(mark_after_word("trong 2 ngày, năm 2027.", "2"), None);
        assert_eq!(mark_after_word("mẫu số M2a", "2"), None);
        let year = "về cải cách hành chính năm 20271;";
        assert_eq!(
            mark_after_word(year, "1"),
            Some(year.find("20271").unwrap() + 4)
        );
        assert_eq!(mark_after_word("giảm 12051 hồ sơ", "1"), None);
    }

    #[test]
    fn a_bare_mark_is_found_by_the_words_its_note_repeats() {
        let note =
            "Quyết định số 41/2011/QĐ-UBND ngày 19 tháng 7 năm 2011 của Ủy ban nhân dân tỉnh";
        let text = "thực hiện Quyết định số 41/2011/QĐ-UBND1 ngày 19/7/2011 của tỉnh";
        assert_eq!(
            bare_mark(text, "1", note),
            Some(text.find("UBND1").unwrap() + 4)
        );
        let glued_to_year = "ban hành năm 20111 về quy chế";
        let year_note = "Quy chế ban hành năm 2011 của Ủy ban nhân dân tỉnh";
        assert_eq!(
            bare_mark(glued_to_year, "1", year_note),
            Some(glued_to_year.find("20111").unwrap() + 4)
        );
        // A number that is text, not a mark: its words are not in the note as words.
        assert_eq!(bare_mark("đạt 100% trong năm 2021", "1", note), None);
        assert_eq!(
            bare_mark("ban hành năm 2011 về quy chế", "1", year_note),
            None
        );
    }
}
