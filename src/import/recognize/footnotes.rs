//! Footnotes: each mark remembered with the text before it, then anchored to the basis, intro,
//! item or closing that holds it.
use super::Builder;
use crate::model::{Anchor, Footnote, Plan};
use crate::text::tail;

impl Builder {
    pub(super) fn anchor_refs(&mut self, anchor: &str) {
        for (key, after) in std::mem::take(&mut self.pending_refs) {
            self.footnote_refs.push((key, anchor.to_string(), after));
        }
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
    let text = match anchor {
        Anchor::Intro => plan.intro.clone(),
        Anchor::Closing => plan.closing.clone(),
        Anchor::Basis(i) => plan.bases.get(*i).cloned().unwrap_or_default(),
        Anchor::Item(id) => plan.item(id).map(|i| i.text.clone()).unwrap_or_default(),
        Anchor::None => String::new(),
    };
    let n = after.chars().count();
    for len in (1..=n).rev() {
        let t = tail(after, len);
        if text.contains(t.as_str()) {
            return t;
        }
    }
    String::new()
}
