//! Footnotes and emphasis: each mark remembered with the text before it, each emphasised
//! fragment with its words, then anchored to the basis, intro, item or closing that holds it.
use super::Builder;
use kehoach_model::{Anchor, Emphasis, Footnote, Plan};
use kehoach_text::tail;

impl Builder {
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
