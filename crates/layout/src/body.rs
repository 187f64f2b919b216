//! The body (ô 6): bases in italics with their punctuation, the intro, part headings in capitals,
//! items with their labels (headings in bold), the closing "./.", the footnote marks placed
//! after the text they follow and the parent's emphasised words.
use super::{Block, Em, Para, Role, Span};
use kehoach_model::{Anchor, Emphasis, Footnote, Item, Plan};
use kehoach_nd30::punctuation;
use kehoach_text::caps;

/// Footnotes numbered in the order their marks are printed, and the words to set apart.
pub struct Notes<'a> {
    all: &'a [Footnote],
    emphasis: &'a [Emphasis],
    printed: Vec<String>,
}

impl<'a> Notes<'a> {
    pub fn new(all: &'a [Footnote], emphasis: &'a [Emphasis]) -> Self {
        Notes {
            all,
            emphasis,
            printed: Vec::new(),
        }
    }

    /// The text as spans: each footnote of `anchor` after the first occurrence of its `after`
    /// text (at the end when it is no longer there), each emphasis of `anchor` on the first
    /// occurrence of its words (one that overlaps an earlier one is left out).
    fn spans(&mut self, text: &str, anchor: &Anchor) -> Vec<Span> {
        let mut placed: Vec<(usize, &Footnote)> = self
            .all
            .iter()
            .filter(|f| &f.anchor == anchor)
            .map(|f| {
                let at = (!f.after.is_empty())
                    .then(|| text.find(f.after.as_str()).map(|i| i + f.after.len()))
                    .flatten();
                (at.unwrap_or(text.len()), f)
            })
            .collect();
        placed.sort_by_key(|(at, _)| *at);
        let mut ranges: Vec<(usize, usize, Em)> = Vec::new();
        for e in self
            .emphasis
            .iter()
            .filter(|e| &e.anchor == anchor && e.is_set())
        {
            let Some(start) = (!e.text.is_empty())
                .then(|| text.find(e.text.as_str()))
                .flatten()
            else {
                continue;
            };
            let end = start + e.text.len();
            if ranges.iter().all(|(s, t, _)| end <= *s || start >= *t) {
                let em = Em {
                    bold: e.bold,
                    italic: e.italic,
                    underline: e.underline,
                };
                ranges.push((start, end, em));
            }
        }
        if placed.is_empty() && ranges.is_empty() {
            return vec![Span::Text(text.to_string())];
        }
        let mut cuts: Vec<usize> = placed.iter().map(|(at, _)| *at).collect();
        cuts.extend(ranges.iter().flat_map(|(s, e, _)| [*s, *e]));
        cuts.push(text.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut spans = Vec::new();
        let mut notes = placed.into_iter().peekable();
        let mut from = 0;
        for cut in cuts {
            if cut > from {
                let piece = text[from..cut].to_string();
                match ranges.iter().find(|(s, e, _)| *s <= from && cut <= *e) {
                    Some((_, _, em)) => spans.push(Span::Styled(piece, *em)),
                    None => spans.push(Span::Text(piece)),
                }
                from = cut;
            }
            while let Some((_, f)) = notes.next_if(|(at, _)| *at <= cut) {
                self.printed.push(f.text.clone());
                spans.push(Span::Note(self.printed.len()));
            }
        }
        spans
    }

    pub fn into_texts(self) -> Vec<String> {
        self.printed
    }
}

fn para(role: Role, node: Option<String>, spans: Vec<Span>) -> Para {
    Para {
        role,
        node,
        spans,
        bold: false,
        italic: false,
        keep_next: false,
    }
}

/// Bases, intro, parts and their items, closing.
pub fn paragraphs(plan: &Plan, notes: &mut Notes, out: &mut Vec<Block>) {
    let n = plan.bases.len();
    for (i, b) in plan.bases.iter().enumerate() {
        let anchor = Anchor::Basis(i);
        let text = punctuation::basis(b, i + 1 == n);
        let mut p = para(
            Role::Basis,
            Some(anchor.to_string()),
            notes.spans(&text, &anchor),
        );
        p.italic = true;
        out.push(Block::Para(p));
    }
    for line in plan.intro.lines().filter(|l| !l.trim().is_empty()) {
        let spans = notes.spans(line.trim(), &Anchor::Intro);
        out.push(Block::Para(para(Role::Intro, Some("intro".into()), spans)));
    }
    for part in &plan.parts {
        if !part.title.trim().is_empty() {
            let text = format!("{}. {}", part.label, caps(part.title.trim()));
            let mut p = para(Role::PartHeading, None, vec![Span::Text(text)]);
            p.bold = true;
            p.keep_next = true;
            out.push(Block::Para(p));
        }
        for item in &part.items {
            items(item, notes, out);
        }
    }
    if !plan.closing.trim().is_empty() {
        let text = punctuation::closing(&plan.closing);
        let spans = notes.spans(&text, &Anchor::Closing);
        out.push(Block::Para(para(
            Role::Closing,
            Some("closing".into()),
            spans,
        )));
    }
}

fn items(item: &Item, notes: &mut Notes, out: &mut Vec<Block>) {
    let text = item.text.trim();
    let anchor = Anchor::Item(item.id.clone());
    let mut spans = notes.spans(text, &anchor);
    if !item.label.is_empty() {
        match spans.first_mut() {
            Some(Span::Text(t)) => *t = format!("{} {t}", item.label),
            _ => spans.insert(0, Span::Text(format!("{} ", item.label))),
        }
    }
    let mut p = para(Role::Item, Some(item.id.clone()), spans);
    if item.is_heading() {
        p.bold = true;
        p.keep_next = true;
    }
    out.push(Block::Para(p));
    for child in &item.items {
        items(child, notes, out);
    }
}
