//! Bases, the intro and the body: parts, numbered items, lettered points, bullets and plain
//! paragraphs, and paragraphs split at a page break joined back.
use super::labels::{is_caps_heading, is_item_label, outer, split_label, LabelKind};
use super::{Builder, Last, Para, Stage};
use kehoach_model::{Item, ItemKind, Part};
use kehoach_text::{continues, ends_sentence, is_caps};

impl Builder {
    pub(super) fn bases(&mut self, text: &str, folded: &str, p: &Para) {
        // The note of a mark a converter left glued to a basis ("… số 09-CTr/TU1 ngày …").
        if self.footnote_left_as_text(text) {
            return;
        }
        if is_caps_heading(text) || is_item_label(text) {
            self.stage = Stage::Body;
            self.body(text, folded, p);
            return;
        }
        // A basis split at a page break continues on the next paragraph.
        // (Not the intro after a basis without its final punctuation: "Trên cơ sở …, Ủy ban
        // nhân dân phường ban hành Kế hoạch … như sau:".)
        let intro = text.trim_end().ends_with(':')
            || ["tren co so", "de ", "nham ", "qua ", "tiep tuc "]
                .iter()
                .any(|o| folded.starts_with(o));
        if let Last::Basis = self.last {
            if let Some(last) = self.plan.bases.last_mut() {
                if continues(last, text) && !starts_bases(folded) && !intro {
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
        if let Some((kind, label, title)) = outer(text, self.letters_reached_h()) {
            let bare = title.trim_end_matches(':');
            let heading = is_caps(bare) || p.bold && !ends_sentence(bare);
            match self.part_style {
                // The first heading of the outer levels is the document's part level.
                None if heading => return self.new_part(kind, &label, &title),
                Some(style) if style == kind && (heading || !ends_sentence(bare)) => {
                    return self.new_part(kind, &label, &title)
                }
                // "I. Mục đích" inside "A. MỤC ĐÍCH, YÊU CẦU": a section, an item of the part
                // (its title starts with a capital; "V.v…" is text).
                Some(style)
                    if style != kind
                        && (heading || title.chars().next().is_some_and(char::is_uppercase)) =>
                {
                    return self.add_item(format!("{label}."), title, kind)
                }
                _ => {}
            }
        }
        if self.footnote_left_as_text(text) {
            return;
        }
        if let Some((label, rest, kind)) = split_label(text) {
            self.add_item(label, rest, kind);
            return;
        }
        // An unlabelled paragraph: the rest of a paragraph split at a page break, or a plain
        // paragraph of its own.
        // A bold heading followed by a regular paragraph is not cut text — unless that starts in
        // lower case, which no paragraph does (a converter bolds the first half of a heading
        // cut at a page break).
        let after_heading = self.last_bold
            && !p.bold
            && !text
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
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
        // (The closing remark in other words: "Những vướng mắc phát sinh khi triển khai, đề
        // nghị …", "Quá trình tổ chức thực hiện nếu phát sinh khó khăn, …".)
        // ("Trong quá trình triển khai, trường hợp cần sửa đổi, bổ sung nhiệm vụ, …")
        let closing_remark = (["vuong mac", "kho khan"].iter().any(|w| folded.contains(w))
            || ["sua doi, bo sung", "dieu chinh"]
                .iter()
                .any(|w| folded.contains(w))
                && ["bao cao", "de nghi", "de xuat", "phan anh", "kien nghi"]
                    .iter()
                    .any(|w| folded.contains(w)))
            && (folded.starts_with("trong qua trinh")
                || folded.starts_with("qua trinh")
                || folded.contains("phat sinh"));
        let parenthesised = text.starts_with('(') && text.ends_with(')')
            || closing_remark
            // The pointer to the appendix speaks of the part's tasks, not of the last one.
            || kehoach_model::refs::points_to_appendix(text)
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

    /// A part: a heading of the document's outermost label style, with its title.
    fn new_part(&mut self, kind: LabelKind, label: &str, title: &str) {
        self.part_style = Some(kind);
        let title = title.trim_end_matches(':').trim();
        self.plan.parts.push(Part::new(label, title, Vec::new()));
        self.levels.clear();
        self.last = Last::PartTitle;
    }

    /// The document's letters ("A.", "B." … "H.") have reached the one before "I.".
    fn letters_reached_h(&self) -> bool {
        self.part_style == Some(LabelKind::Upper)
            && self.plan.parts.last().is_some_and(|p| p.label == "H")
    }

    /// A labelled item, placed by its label's style: a style already open is a sibling of the
    /// open item of that style ("2." after "1." and its "a)" points), "1.2." goes under the open
    /// "1.", a style not seen yet in this branch goes under the deepest open item — but a
    /// numbered or lettered point never under a bullet.
    pub(super) fn add_item(&mut self, label: String, text: String, kind: LabelKind) {
        let part = self.current_part();
        if self.levels.first().is_some_and(|(_, path)| path[0] != part) {
            self.levels.clear();
        }
        let at = self.level_of(kind);
        self.levels.truncate(at);
        let parent = self
            .levels
            .last()
            .map_or_else(|| vec![part], |(_, path)| path.clone());
        let id = self.next_id();
        let mut item = Item::new(id.clone(), label, text);
        if matches!(kind, LabelKind::Roman | LabelKind::Upper | LabelKind::Phan) {
            // A section inside a part ("I. Mục đích" under "A."): a numbered point of the part,
            // numbered "1." in a unit's plan.
            item.kind = ItemKind::Numbered;
        }
        let path = self.push_at(parent, item);
        self.anchor_refs(&id);
        self.levels.push((kind, path.clone()));
        self.last = Last::Item(path);
    }

    /// Where in the open levels an item of this style goes (the levels from there are closed).
    fn level_of(&self, kind: LabelKind) -> usize {
        let open = |k: LabelKind| self.levels.iter().rposition(|(x, _)| *x == k);
        if let LabelKind::Numeric(depth) = kind {
            if depth > 1 {
                if let Some(at) = open(LabelKind::Numeric(depth - 1)) {
                    return at + 1;
                }
            }
        }
        if let Some(at) = open(kind) {
            return at;
        }
        let mut at = self.levels.len();
        if kind.is_point() {
            while at > 0 && !self.levels[at - 1].0.is_point() {
                at -= 1;
            }
        }
        at
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
