//! The body (ô 6): bases in italics with their punctuation, the intro, part headings in capitals,
//! items with their labels (headings in bold), the closing "./.", and the footnote marks placed
//! after the text they follow.
use super::{Block, Para, Role, Span};
use crate::model::{Anchor, Footnote, Item, Plan};
use crate::nd30::punctuation;
use crate::text::caps;

/// Footnotes numbered in the order their marks are printed.
pub struct Notes<'a> {
    all: &'a [Footnote],
    printed: Vec<String>,
}

impl<'a> Notes<'a> {
    pub fn new(all: &'a [Footnote]) -> Self {
        Notes {
            all,
            printed: Vec::new(),
        }
    }

    /// The text as spans, each footnote of `anchor` after the first occurrence of its `after`
    /// text (at the end when it is no longer there).
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
        if placed.is_empty() {
            return vec![Span::Text(text.to_string())];
        }
        placed.sort_by_key(|(at, _)| *at);
        let mut spans = Vec::new();
        let mut from = 0;
        for (at, f) in placed {
            if at > from {
                spans.push(Span::Text(text[from..at].to_string()));
                from = at;
            }
            self.printed.push(f.text.clone());
            spans.push(Span::Note(self.printed.len()));
        }
        if from < text.len() {
            spans.push(Span::Text(text[from..].to_string()));
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
