//! Bases, the intro and the body: parts, numbered items, lettered points, bullets and plain
//! paragraphs, and paragraphs split at a page break joined back.
use super::labels::{is_item_label, numeric_depth, split_label, LabelKind, PART};
use super::{Builder, Last, Para, Stage};
use kehoach_model::{Item, ItemKind, Part};
use kehoach_text::{continues, ends_sentence, is_caps};

impl Builder {
    pub(super) fn bases(&mut self, text: &str, folded: &str, p: &Para) {
        if PART.is_match(text) && is_caps(text) || is_item_label(text) {
            self.stage = Stage::Body;
            self.body(text, folded, p);
            return;
        }
        // A basis split at a page break continues on the next paragraph.
        if let Last::Basis = self.last {
            if let Some(last) = self.plan.bases.last_mut() {
                if continues(last, text) && !starts_bases(folded) {
                    last.push(' ');
                    last.push_str(text);
                    self.anchor_refs(&format!("basis:{}", self.plan.bases.len() - 1));
                    return;
                }
            }
        }
        if self.last == Last::Intro && continues(&self.plan.intro, text) {
            self.plan.intro.push(' ');
            self.plan.intro.push_str(text);
            self.anchor_refs("intro");
            return;
        }
        if starts_bases(folded) && self.plan.intro.is_empty() && !text.ends_with(':') {
            self.plan.bases.push(text.to_string());
            self.last = Last::Basis;
            self.anchor_refs(&format!("basis:{}", self.plan.bases.len() - 1));
        } else {
            if !self.plan.intro.is_empty() {
                self.plan.intro.push('\n');
            }
            self.plan.intro.push_str(text);
            self.last = Last::Intro;
            self.anchor_refs("intro");
        }
    }

    pub(super) fn body(&mut self, text: &str, folded: &str, p: &Para) {
        if is_closing(folded, text) {
            self.plan.closing = text.to_string();
            self.last = Last::Closing;
            self.stage = Stage::Tail;
            self.anchor_refs("closing");
            return;
        }
        if let Some(c) = PART.captures(text) {
            if is_caps(&c[2]) {
                self.plan.parts.push(Part::new(
                    &c[1],
                    c[2].trim().trim_end_matches(':').trim(),
                    Vec::new(),
                ));
                self.last = Last::PartTitle;
                return;
            }
        }
        if let Some((label, rest, kind)) = split_label(text) {
            self.add_item(label, rest, kind);
            return;
        }
        // An unlabelled paragraph: the rest of a paragraph split at a page break, or a plain
        // paragraph of its own.
        // A bold heading followed by a regular paragraph is not cut text.
        let after_heading = self.last_bold && !p.bold;
        if let Last::Item(path) = self.last.clone() {
            let item = self.item_mut(&path);
            if !after_heading && continues(&item.text, text) {
                item.text.push(' ');
                item.text.push_str(text);
                let id = item.id.clone();
                self.anchor_refs(&id);
                return;
            }
        }
        let part = self.current_part();
        // A note in brackets, or the closing remark of a part ("Trong quá trình thực hiện, nếu có
        // khó khăn, vướng mắc …"), belongs to the part.
        let lead_in = text
            .split_once(':')
            .is_some_and(|(lead, _)| (1..=5).contains(&lead.split_whitespace().count()));
        let after_top_sentence = match &self.last {
            Last::Item(path) => {
                path.len() == 2 && ends_sentence(&self.item_mut(&path.clone()).text)
            }
            _ => false,
        };
        let parenthesised = text.starts_with('(') && text.ends_with(')')
            || folded.starts_with("trong qua trinh") && folded.contains("vuong mac")
            // A new "Kinh phí thực hiện: …" after a finished top-level point is the part's own.
            || lead_in && after_top_sentence;
        // A plain paragraph belongs to the last numbered item (as a paragraph of its own), or to
        // the part when it comes before the first item or is a note in brackets.
        let mut parent = match &self.last {
            Last::Item(path) if path[0] == part && !parenthesised => path.clone(),
            _ => vec![part],
        };
        while parent.len() > 1 {
            let it = self.item_mut(&parent);
            if it.is_bullet() || it.label.is_empty() {
                parent.pop();
            } else {
                break;
            }
        }
        self.push_child_item(parent, String::new(), text.to_string());
    }

    pub(super) fn add_item(&mut self, label: String, text: String, kind: LabelKind) {
        let part = self.current_part();
        match kind {
            LabelKind::Numeric(depth) => {
                // Find the parent: the latest item of depth - 1 along the last path.
                let mut parent: Vec<usize> = vec![part];
                if depth > 1 {
                    let mut node_path = vec![part];
                    let mut items = &self.plan.parts[part].items;
                    for _ in 1..depth {
                        let Some(pos) = items
                            .iter()
                            .rposition(|i| numeric_depth(&i.label).is_some())
                        else {
                            break;
                        };
                        node_path.push(pos);
                        items = &items[pos].items;
                    }
                    parent = node_path;
                }
                let id = self.next_id();
                let item = Item::new(id.clone(), label, text);
                let path = self.push_at(parent, item);
                self.anchor_refs(&id);
                self.last = Last::Item(path);
            }
            LabelKind::Letter => {
                // Points a), b), c) are siblings under the numbered item above them.
                let mut parent = self.last_numbered_path(part);
                while parent.len() > 1 && self.item_mut(&parent).kind != ItemKind::Numbered {
                    parent.pop();
                }
                self.push_child_item(parent, label, text);
            }
            LabelKind::Bullet(level) => {
                let mut parent = self.last_numbered_path(part);
                if level == 2 {
                    // "+" goes under the last "-" bullet of that item, when there is one.
                    let last_dash = if parent.len() > 1 {
                        self.item_mut(&parent)
                            .items
                            .iter()
                            .rposition(|i| i.label == "-")
                    } else {
                        None
                    };
                    if let Some(pos) = last_dash {
                        parent.push(pos);
                    }
                }
                self.push_child_item(parent, label, text);
            }
        }
    }

    /// Adds a child (letter, bullet or plain paragraph) under `parent` (a part when the path has
    /// one element).
    pub(super) fn push_child_item(&mut self, parent: Vec<usize>, label: String, text: String) {
        let id = self.next_id();
        let path = self.push_at(parent, Item::new(id.clone(), label, text));
        self.anchor_refs(&id);
        self.last = Last::Item(path);
    }

    pub(super) fn push_at(&mut self, parent: Vec<usize>, item: Item) -> Vec<usize> {
        let mut path = parent.clone();
        if parent.len() == 1 {
            let items = &mut self.plan.parts[parent[0]].items;
            items.push(item);
            path.push(items.len() - 1);
        } else {
            let it = self.item_mut(&parent);
            it.items.push(item);
            path.push(it.items.len() - 1);
        }
        path
    }

    /// The path of the last numbered or lettered item (where a bullet belongs), or the part.
    pub(super) fn last_numbered_path(&mut self, part: usize) -> Vec<usize> {
        let Last::Item(mut path) = self.last.clone() else {
            return vec![part];
        };
        if path[0] != part {
            return vec![part];
        }
        while path.len() > 1 {
            let it = self.item_mut(&path);
            if !it.is_bullet() && !it.label.is_empty() {
                return path;
            }
            path.pop();
        }
        vec![part]
    }

    pub(super) fn item_mut(&mut self, path: &[usize]) -> &mut Item {
        let mut item = &mut self.plan.parts[path[0]].items[path[1]];
        for &i in &path[2..] {
            item = &mut item.items[i];
        }
        item
    }

    /// The part items go into; an unnamed one when the document has no Roman parts.
    pub(super) fn current_part(&mut self) -> usize {
        if self.plan.parts.is_empty() {
            self.plan.parts.push(Part::default());
        }
        self.plan.parts.len() - 1
    }

    /// A temporary id (footnotes anchor on it); [`super::ids::assign`] gives the real ones.
    fn next_id(&mut self) -> String {
        self.ids += 1;
        format!("\u{1}{}", self.ids)
    }
}

pub(super) fn starts_bases(folded: &str) -> bool {
    [
        "can cu",
        "thuc hien ",
        "theo de nghi",
        "xet de nghi",
        "theo chi dao",
    ]
    .iter()
    .any(|k| folded.starts_with(k))
}

pub(super) fn is_closing(folded: &str, text: &str) -> bool {
    folded.starts_with("tren day la") || text.trim_end().ends_with("./.")
}
