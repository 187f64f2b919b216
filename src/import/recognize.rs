//! Turns a reader's paragraphs and tables into a [`Plan`], from numbering and content — not from
//! heading styles, which real files use inconsistently.
//!
//! The document is read in stages: header (ô 1–4) → title (tên loại, trích yếu) → bases and intro
//! → body (parts "I.", items "1.", "1.1.", "a)", bullets "-"/"+", plain paragraphs) → tail (closing
//! sentence, "Nơi nhận:", signer) → appendix ("PHỤ LỤC", title, "(Kèm theo …)", the table).
//! Layout tables (the header and the signature are often two-column tables) are read column by
//! column, as if they were plain paragraphs.
use super::blocks::{Block, Para, Source, Table};
use super::markdown::tail;
use super::noise::Noise;
use super::text_util::{ends_sentence, fold, is_caps, squash};
use super::ImportError;
use crate::model::{Appendix, AppendixGroup, AppendixRow, Footnote, Header, Item, Part, Plan};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^s[ốoố]\s*:?\s*(\d*)\s*/\s*([\p{L}\d][\p{L}\d.\-]*[\p{L}\d])\s*(.*)$").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?),?\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})").unwrap()
});
static PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXL]{1,5})\s*[.\-–/]\s*(\S.*)$").unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(\S.*)$|^(\d{1,2})[.)]\s*(\S.*)$").unwrap()
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-zđ])\)\s*(\S.*)$").unwrap());
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([-–—•+*])\s*(\S.*)$").unwrap());
static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(\S.*)$").unwrap());

/// Document types (tên loại) and how they are written in normal case.
const DOC_TYPES: &[(&str, &str)] = &[
    ("ke hoach", "Kế hoạch"),
    ("thong bao", "Thông báo"),
    ("quyet dinh", "Quyết định"),
    ("bao cao", "Báo cáo"),
    ("chuong trinh", "Chương trình"),
    ("huong dan", "Hướng dẫn"),
    ("to trinh", "Tờ trình"),
    ("phuong an", "Phương án"),
    ("de an", "Đề án"),
    ("chi thi", "Chỉ thị"),
    ("quy che", "Quy chế"),
    ("quy dinh", "Quy định"),
    ("nghi quyet", "Nghị quyết"),
    ("bien ban", "Biên bản"),
    ("cong van", "Công văn"),
];

/// Builds the plan. Fails only when no plan structure is found at all.
pub fn recognize(src: Source) -> Result<Plan, ImportError> {
    let flow = flatten(src.blocks);
    let noise = {
        let texts = || {
            flow.iter().filter_map(|f| match f {
                Flow::P(p) => Some(p.text.as_str()),
                Flow::T(_) => None,
            })
        };
        let mut n = Noise::learn(texts());
        n.learn_stray(texts());
        n
    };
    let mut b = Builder {
        footnote_texts: src.footnotes,
        ..Default::default()
    };
    for f in flow {
        match f {
            Flow::P(mut p) => {
                p.text = noise.clean(&p.text);
                if p.text.is_empty() && p.numbered.is_none() {
                    continue;
                }
                b.para(p);
            }
            Flow::T(mut t) => {
                for row in &mut t.rows {
                    for cell in row {
                        for p in &mut cell.paras {
                            p.text = noise.clean(&p.text);
                        }
                    }
                }
                b.table(&t);
            }
        }
    }
    b.finish()
}

enum Flow {
    P(Para),
    T(Table),
}

/// A data table has an "STT" heading or the shape of a task table; anything else (the header,
/// the signature block) is layout: its cells are read column by column.
fn flatten(blocks: Vec<Block>) -> Vec<Flow> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Para(p) => out.push(Flow::P(p)),
            Block::Table(t) if is_data_table(&t) => out.push(Flow::T(t)),
            Block::Table(t) => {
                let cols = t.rows.iter().map(|r| r.len()).max().unwrap_or(0);
                for c in 0..cols {
                    for row in &t.rows {
                        if let Some(cell) = row.get(c) {
                            out.extend(cell.paras.iter().cloned().map(Flow::P));
                        }
                    }
                }
            }
        }
    }
    out
}

fn is_data_table(t: &Table) -> bool {
    let stt = t.rows.iter().take(3).any(|r| {
        r.first()
            .is_some_and(|c| matches!(fold(&c.text()).trim(), "stt" | "tt" | "so tt"))
    });
    let cols = t.rows.iter().map(|r| r.len()).max().unwrap_or(0);
    stt || (cols >= 4 && t.rows.len() >= 4)
}

#[derive(Debug, Default, PartialEq, Clone, Copy)]
enum Stage {
    #[default]
    Head,
    Title,
    Bases,
    Body,
    Tail,
    Appendix,
}

/// Where the last paragraph went, so that a paragraph split at a page break can be joined to it.
#[derive(Debug, Default, Clone, PartialEq)]
enum Last {
    #[default]
    None,
    Summary,
    Basis,
    Intro,
    PartTitle,
    /// Path of indices: part, then child indices.
    Item(Vec<usize>),
    Closing,
    Recipient,
}

#[derive(Default)]
struct Builder {
    plan: Plan,
    stage: Stage,
    last: Last,
    /// Caps lines of the header: (text, bold).
    head_caps: Vec<(String, bool)>,
    /// Caps lines seen in the tail or above the appendix (an appendix repeats the issuer).
    late_caps: Vec<String>,
    /// An item or paragraph before the first part heading goes into an unnamed part.
    footnote_texts: Vec<(String, String)>,
    /// (footnote key, anchor, after)
    footnote_refs: Vec<(String, String, String)>,
    recipients_open: bool,
    appendix: Option<Appendix>,
    /// Text waiting for the appendix title ("PHỤ LỤC" seen, title lines follow).
    appendix_title_open: bool,
    pending_refs: Vec<(String, String)>,
}

impl Builder {
    fn para(&mut self, p: Para) {
        let text = p.full_text();
        let text = squash(&text);
        let folded = fold(&text);
        self.pending_refs = p.footnote_refs.clone();

        // Markers that switch stage wherever they appear.
        if is_appendix_heading(&folded) && self.stage != Stage::Head {
            self.stage = Stage::Appendix;
            self.appendix.get_or_insert_with(Appendix::default);
            self.appendix_title_open = true;
            return;
        }
        if folded.starts_with("noi nhan") {
            self.stage = Stage::Tail;
            self.recipients_open = true;
            self.last = Last::None;
            let rest = text.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
            if !rest.is_empty() {
                self.tail_line(rest, &p);
            }
            return;
        }

        match self.stage {
            Stage::Head => self.head(&text, &folded, &p),
            Stage::Title => self.title(&text, &folded, &p),
            Stage::Bases => self.bases(&text, &folded, &p),
            Stage::Body => self.body(&text, &folded, &p),
            Stage::Tail => self.tail_line(&text, &p),
            Stage::Appendix => self.appendix_line(&text, &folded),
        }
    }

    fn head(&mut self, text: &str, folded: &str, p: &Para) {
        if let Some(dt) = doc_type(text, folded) {
            self.plan.doc_type = dt.0.to_string();
            self.stage = Stage::Title;
            if !dt.1.is_empty() {
                self.plan.summary = dt.1;
                self.last = Last::Summary;
            }
            return;
        }
        if starts_bases(folded) || PART.is_match(text) && is_caps(text) {
            // No title: the header ends here.
            self.stage = Stage::Bases;
            self.bases(text, folded, p);
            return;
        }
        self.header_line(text, folded, p.bold);
    }

    /// One line of a header block: issuer lines, "Số: …", the place and date; the national
    /// title and the motto are recognised and skipped, also when a converter glued them to the
    /// line of the other column.
    fn header_line(&mut self, text: &str, folded: &str, bold: bool) {
        if let Some(pos) = folded.find("cong hoa xa hoi") {
            let before = prefix_chars(text, folded, pos);
            if !before.is_empty() {
                self.header_line(&before, &fold(&before), bold);
            }
            return;
        }
        if let Some(pos) = folded.find("doc lap") {
            let before = prefix_chars(text, folded, pos);
            if !before.is_empty() {
                self.header_line(&before, &fold(&before), bold);
            }
            return;
        }
        if let Some(c) = NUMBER_LINE.captures(text) {
            let number = c[1].to_string();
            self.plan.header.number = (!number.is_empty()).then_some(number);
            // Ký hiệu as written: the decree's codes keep their lower-case letters (TTr, CTr, QyĐ).
            self.plan.header.symbol = c[2].trim().to_string();
            let rest = c[3].trim().to_string();
            if !rest.is_empty() {
                self.header_line(&rest, &fold(&rest), bold);
            }
            return;
        }
        if let Some((place, date)) = place_date(text) {
            self.plan.header.place = place;
            self.plan.header.date = date;
            return;
        }
        if is_caps(text) && !text.chars().all(|c| !c.is_alphanumeric()) {
            self.head_caps.push((text.to_string(), bold));
        }
    }

    fn title(&mut self, text: &str, folded: &str, p: &Para) {
        if self.plan.summary.is_empty() {
            if starts_bases(folded) && text.ends_with(';') || PART.is_match(text) {
                self.stage = Stage::Bases;
                self.bases(text, folded, p);
                return;
            }
            self.plan.summary = text.to_string();
            self.last = Last::Summary;
            return;
        }
        // A summary may wrap onto a second short line ("Năm 2024").
        let short = text.chars().count() <= 60;
        if self.last == Last::Summary
            && !starts_bases(folded)
            && !ends_sentence(text)
            && (p.bold || p.centered || short)
            && !PART.is_match(text)
            && !is_rule_line(text)
        {
            self.plan.summary = format!("{} {}", self.plan.summary, text);
            return;
        }
        if is_rule_line(text) {
            return;
        }
        self.stage = Stage::Bases;
        self.bases(text, folded, p);
    }

    fn bases(&mut self, text: &str, folded: &str, p: &Para) {
        if PART.is_match(text) && is_caps(text) || is_item_label(text) {
            self.stage = Stage::Body;
            self.body(text, folded, p);
            return;
        }
        // A basis split at a page break continues on the next paragraph.
        if let Last::Basis = self.last {
            if let Some(last) = self.plan.bases.last_mut() {
                if !ends_sentence(last) && !starts_bases(folded) {
                    last.push(' ');
                    last.push_str(text);
                    self.anchor_refs(&format!("basis:{}", self.plan.bases.len() - 1));
                    return;
                }
            }
        }
        if self.last == Last::Intro && !ends_sentence(&self.plan.intro) {
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

    fn body(&mut self, text: &str, folded: &str, _p: &Para) {
        if is_closing(folded, text) {
            self.plan.closing = text.to_string();
            self.last = Last::Closing;
            self.stage = Stage::Tail;
            self.anchor_refs("closing");
            return;
        }
        if let Some(c) = PART.captures(text) {
            if is_caps(&c[2]) {
                self.plan.parts.push(Part {
                    label: c[1].to_string(),
                    title: c[2].trim().trim_end_matches(':').trim().to_string(),
                    items: Vec::new(),
                });
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
        if let Last::Item(path) = self.last.clone() {
            let item = self.item_mut(&path);
            if !ends_sentence(&item.text) && !item.text.is_empty() {
                item.text.push(' ');
                item.text.push_str(text);
                let id = item.id.clone();
                self.anchor_refs(&id);
                return;
            }
        }
        let _ = folded;
        let part = self.current_part();
        let parenthesised = text.starts_with('(') && text.ends_with(')');
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
        self.push_child_item(parent, String::new(), text.to_string(), ChildKind::Para);
    }

    fn add_item(&mut self, label: String, text: String, kind: LabelKind) {
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
                let key = label.trim_end_matches('.').to_string();
                let id = unique_id(&self.plan, &format!("{}.{}", self.part_key(part), key));
                let item = Item::new(id.clone(), label, text);
                let path = self.push_at(parent, item);
                self.anchor_refs(&id);
                self.last = Last::Item(path);
            }
            LabelKind::Letter => {
                let parent = self.last_numbered_path(part);
                self.push_child_item(parent, label, text, ChildKind::Letter);
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
                self.push_child_item(parent, label, text, ChildKind::Bullet);
            }
        }
    }

    /// Adds a child (letter, bullet or plain paragraph) under `parent` (a part when the path has
    /// one element).
    fn push_child_item(
        &mut self,
        parent: Vec<usize>,
        label: String,
        text: String,
        kind: ChildKind,
    ) {
        let siblings = if parent.len() == 1 {
            &self.plan.parts[parent[0]].items
        } else {
            &self.item_mut(&parent).items
        };
        let count = siblings
            .iter()
            .filter(|i| match kind {
                ChildKind::Bullet => i.is_bullet(),
                ChildKind::Para => i.label.is_empty(),
                ChildKind::Letter => false,
            })
            .count()
            + 1;
        let base_id = if parent.len() == 1 {
            self.part_key(parent[0])
        } else {
            self.item_mut(&parent).id.clone()
        };
        let suffix = match kind {
            ChildKind::Bullet => format!("b{count}"),
            ChildKind::Para => format!("p{count}"),
            ChildKind::Letter => label.trim_end_matches(')').to_string(),
        };
        let id = unique_id(&self.plan, &format!("{base_id}.{suffix}"));
        let path = self.push_at(parent, Item::new(id.clone(), label, text));
        self.anchor_refs(&id);
        self.last = Last::Item(path);
    }

    fn push_at(&mut self, parent: Vec<usize>, item: Item) -> Vec<usize> {
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
    fn last_numbered_path(&mut self, part: usize) -> Vec<usize> {
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

    fn item_mut(&mut self, path: &[usize]) -> &mut Item {
        let mut item = &mut self.plan.parts[path[0]].items[path[1]];
        for &i in &path[2..] {
            item = &mut item.items[i];
        }
        item
    }

    /// The part items go into; an unnamed one when the document has no Roman parts.
    fn current_part(&mut self) -> usize {
        if self.plan.parts.is_empty() {
            self.plan.parts.push(Part::default());
        }
        self.plan.parts.len() - 1
    }

    fn part_key(&self, part: usize) -> String {
        let label = &self.plan.parts[part].label;
        if label.is_empty() {
            format!("P{}", part + 1)
        } else {
            label.clone()
        }
    }

    fn anchor_refs(&mut self, anchor: &str) {
        for (key, after) in std::mem::take(&mut self.pending_refs) {
            self.footnote_refs.push((key, anchor.to_string(), after));
        }
    }

    fn tail_line(&mut self, text: &str, p: &Para) {
        let folded = fold(text);
        if self.plan.closing.is_empty() && is_closing(&folded, text) {
            self.plan.closing = text.to_string();
            self.last = Last::Closing;
            return;
        }
        let dash = BULLET.captures(text).map(|c| c[2].to_string());
        let word_bullet = p.numbered.as_deref().is_some_and(|l| !l.is_empty());
        if self.recipients_open && (dash.is_some() || word_bullet || looks_like_recipient(text)) {
            let r = dash.unwrap_or_else(|| p.text.clone());
            let r = r.trim().trim_end_matches([';', ',']).trim().to_string();
            if !r.is_empty() {
                self.plan.recipients.push(r);
            }
            self.last = Last::Recipient;
            return;
        }
        if text.is_empty() || is_placeholder(text) {
            return;
        }
        // The signer: authority line, title, name — in that order.
        let signer = &mut self.plan.signer;
        if !signer.name.is_empty() {
            if is_caps(text) {
                self.late_caps.push(text.to_string());
            }
            return;
        }
        if let Some(c) = AUTHORITY.captures(text) {
            signer.authority = format!("{}. {}", &c[1], c[2].trim());
            self.recipients_open = false;
            return;
        }
        if is_caps(text) {
            if signer.title.is_empty() && text.split_whitespace().count() <= 8 {
                signer.title = text.to_string();
                self.recipients_open = false;
            } else {
                self.late_caps.push(text.to_string());
            }
            return;
        }
        if looks_like_name(text) {
            signer.name = text.to_string();
            self.recipients_open = false;
        }
    }

    fn appendix_line(&mut self, text: &str, folded: &str) {
        let app = self.appendix.get_or_insert_with(Appendix::default);
        if folded.contains("cong hoa xa hoi")
            || folded.contains("doc lap") && folded.contains("tu do")
        {
            return;
        }
        if text.starts_with('(') && folded.contains("kem theo") {
            app.subtitle = text.to_string();
            self.appendix_title_open = false;
            return;
        }
        if self.appendix_title_open && is_caps(text) {
            if app.title.is_empty() {
                app.title = text.to_string();
            } else {
                app.title = format!("{} {}", app.title, text);
            }
            return;
        }
        if is_caps(text) && app.title.is_empty() {
            self.late_caps.push(text.to_string());
        }
    }

    fn table(&mut self, t: &Table) {
        if self.stage != Stage::Appendix {
            self.stage = Stage::Appendix;
        }
        self.appendix_title_open = false;
        let app = self.appendix.get_or_insert_with(Appendix::default);
        append_table(app, t);
    }

    fn finish(mut self) -> Result<Plan, ImportError> {
        // Header issuer lines: bold caps lines are the issuing body, regular ones the parent body.
        let caps = std::mem::take(&mut self.head_caps);
        let h = &mut self.plan.header;
        assign_issuer(h, &caps);
        if h.issuer.is_empty() {
            // The appendix repeats the issuer above its own title.
            if let Some(line) = self.late_caps.iter().find(|l| !fold(l).contains("phu luc")) {
                h.issuer = line.clone();
            }
        }
        if let Some(app) = self.appendix.take() {
            if !app.groups.is_empty() || !app.title.is_empty() {
                self.plan.appendix = Some(app);
            }
        }
        // Footnotes, in the order of their keys' appearance in the definitions.
        for (key, text) in &self.footnote_texts {
            let (anchor, after) = self
                .footnote_refs
                .iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, a, after)| (a.clone(), after.clone()))
                .unwrap_or_default();
            let after = locate_after(&self.plan, &anchor, &after);
            self.plan.footnotes.push(Footnote {
                anchor,
                after,
                text: text.clone(),
            });
        }
        // Items, or the Roman-numbered parts of a titled plan whose parts are still empty.
        let named = self
            .plan
            .parts
            .iter()
            .filter(|p| !p.title.is_empty())
            .count();
        let has_body = self.plan.parts.iter().any(|p| !p.items.is_empty())
            || (named >= 1 && !self.plan.doc_type.is_empty());
        if !has_body {
            return Err(ImportError::NoStructure);
        }
        self.plan.normalize();
        Ok(self.plan)
    }
}

fn assign_issuer(h: &mut Header, caps: &[(String, bool)]) {
    if caps.is_empty() {
        return;
    }
    let any_bold = caps.iter().any(|(_, b)| *b);
    let any_regular = caps.iter().any(|(_, b)| !*b);
    if any_bold && any_regular {
        let parent: Vec<&str> = caps
            .iter()
            .filter(|(_, b)| !b)
            .map(|(t, _)| t.as_str())
            .collect();
        let issuer: Vec<&str> = caps
            .iter()
            .filter(|(_, b)| *b)
            .map(|(t, _)| t.as_str())
            .collect();
        h.parent_body = Some(parent.join(" "));
        h.issuer = issuer.join(" ");
        return;
    }
    match caps.len() {
        1 => h.issuer = caps[0].0.clone(),
        _ => {
            h.parent_body = Some(caps[0].0.clone());
            h.issuer = caps[1..]
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
}

/// The text before byte position `pos` of its folded form (folding keeps one char per char for
/// the letters that matter here, so count characters).
fn prefix_chars(text: &str, folded: &str, pos: usize) -> String {
    let n = folded[..pos].chars().count();
    text.chars().take(n).collect::<String>().trim().to_string()
}

fn doc_type(text: &str, folded: &str) -> Option<(&'static str, String)> {
    for (key, name) in DOC_TYPES {
        if folded.starts_with(key) {
            let n = key.chars().count();
            let head: String = text.chars().take(n).collect();
            if !is_caps(&head) {
                continue;
            }
            let rest: String = text.chars().skip(n).collect();
            let rest = rest.trim();
            // "KẾ HOẠCH" alone, or followed by its summary; not "KẾ HOẠCH CỤ THỂ …" in caps.
            if rest.is_empty() || !is_caps(rest) {
                return Some((name, rest.to_string()));
            }
        }
    }
    None
}

fn starts_bases(folded: &str) -> bool {
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

fn is_closing(folded: &str, text: &str) -> bool {
    folded.starts_with("tren day la") || text.trim_end().ends_with("./.")
}

fn is_appendix_heading(folded: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^phu luc(\s+[ivxl\d]+)?\.?$").unwrap());
    RE.is_match(folded.trim())
}

fn is_rule_line(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '-' | '_' | '—' | '–' | ' ' | '=' | '*'))
}

fn is_placeholder(text: &str) -> bool {
    let f = fold(text);
    text.starts_with('(') && (f.contains("ky") || f.contains("dau")) || f == "da ky"
}

fn looks_like_recipient(text: &str) -> bool {
    !is_caps(text) && (text.ends_with(';') || fold(text).starts_with("luu"))
}

/// A person's name: 2–6 words, each capitalised, no digits (an academic title may precede it).
fn looks_like_name(text: &str) -> bool {
    let t = text
        .trim_start_matches("ThS.")
        .trim_start_matches("TS.")
        .trim_start_matches("PGS.TS.")
        .trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !is_caps(t)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

fn place_date(text: &str) -> Option<(String, Option<NaiveDate>)> {
    let c = DATE.captures(text)?;
    let place = c[1].trim().trim_end_matches(',').trim().to_string();
    let day = c.get(2).and_then(|m| m.as_str().parse().ok());
    let month = c.get(3).and_then(|m| m.as_str().parse().ok());
    let year = c[4].parse().ok()?;
    let date = match (day, month) {
        (Some(d), Some(m)) => NaiveDate::from_ymd_opt(year, m, d),
        _ => None,
    };
    Some((place, date))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ChildKind {
    Letter,
    Bullet,
    Para,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LabelKind {
    Numeric(usize),
    Letter,
    /// 1 for "-", 2 for "+".
    Bullet(u8),
}

fn is_item_label(text: &str) -> bool {
    split_label(text).is_some_and(|(_, _, k)| matches!(k, LabelKind::Numeric(_)))
}

fn numeric_depth(label: &str) -> Option<usize> {
    let l = label.trim_end_matches(['.', ')']);
    (!l.is_empty()
        && l.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
    .then(|| l.split('.').count())
}

/// Splits a printed label from its text: ("1.1.", "Tỷ lệ …", Numeric(2)).
fn split_label(text: &str) -> Option<(String, String, LabelKind)> {
    if let Some(c) = NUMERIC.captures(text) {
        if let (Some(l), Some(t)) = (c.get(1), c.get(2)) {
            let depth = l.as_str().split('.').count();
            return Some((
                format!("{}.", l.as_str()),
                t.as_str().to_string(),
                LabelKind::Numeric(depth),
            ));
        }
        if let (Some(l), Some(t)) = (c.get(3), c.get(4)) {
            // "2021 - 2030" is not a label; "1." and "1)" are.
            return Some((
                format!("{}.", l.as_str()),
                t.as_str().to_string(),
                LabelKind::Numeric(1),
            ));
        }
    }
    if let Some(c) = LETTER.captures(text) {
        return Some((format!("{})", &c[1]), c[2].to_string(), LabelKind::Letter));
    }
    if let Some(c) = BULLET.captures(text) {
        let level = if &c[1] == "+" { 2 } else { 1 };
        let label = if level == 2 { "+" } else { "-" };
        return Some((
            label.to_string(),
            c[2].to_string(),
            LabelKind::Bullet(level),
        ));
    }
    None
}

/// An id not yet used in the plan (a source may repeat a label by mistake).
fn unique_id(plan: &Plan, base: &str) -> String {
    let used = |id: &str| plan.items().iter().any(|(_, i)| i.id == id);
    if !used(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}~{n}"))
        .find(|id| !used(id))
        .expect("some suffix is free")
}

/// The longest tail of `after` that occurs in the anchor's final text.
fn locate_after(plan: &Plan, anchor: &str, after: &str) -> String {
    let text = match anchor {
        "intro" => plan.intro.clone(),
        "closing" => plan.closing.clone(),
        a if a.starts_with("basis:") => a[6..]
            .parse::<usize>()
            .ok()
            .and_then(|i| plan.bases.get(i).cloned())
            .unwrap_or_default(),
        id => plan.item(id).map(|i| i.text.clone()).unwrap_or_default(),
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

/// Adds a (piece of a) task table to the appendix: heading rows once, group rows, task rows;
/// a row with an empty STT continues the row above (a row cut at a page end).
fn append_table(app: &mut Appendix, t: &Table) {
    for row in &t.rows {
        let texts: Vec<String> = row.iter().map(|c| c.text()).collect();
        let Some(first) = texts.first() else { continue };
        let first_f = fold(first);
        if matches!(first_f.trim(), "stt" | "tt" | "so tt") {
            if app.columns.is_empty() {
                app.columns = texts.iter().map(|t| heading_text(t)).collect();
            }
            continue;
        }
        // The "(1) (2) (3)" or "1 2 3" row under the heading.
        if texts.len() > 2
            && texts.iter().enumerate().all(|(i, t)| {
                let d = t.trim().trim_matches(['(', ')']);
                d == (i + 1).to_string()
            })
        {
            continue;
        }
        let width = app.columns.len().max(texts.len()).saturating_sub(1).max(1);
        let mut cells: Vec<String> = texts.iter().skip(1).cloned().collect();
        cells.resize(width, String::new());
        let label = first.trim().trim_end_matches('.').to_string();
        if label.is_empty() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            continue_row(app, &cells);
            continue;
        }
        let is_group = !label.contains('.')
            && cells.iter().skip(1).all(|c| c.trim().is_empty())
            && !cells[0].trim().is_empty();
        if is_group {
            app.groups.push(AppendixGroup {
                label,
                title: cells[0].trim().to_string(),
                rows: Vec::new(),
            });
            continue;
        }
        if app.groups.is_empty() {
            app.groups.push(AppendixGroup::default());
        }
        app.groups.last_mut().unwrap().rows.push(AppendixRow {
            id: String::new(),
            label,
            cells,
            source: None,
        });
    }
}

fn heading_text(t: &str) -> String {
    let mut out = String::new();
    for line in t.lines() {
        let line = line.trim();
        if !out.is_empty() && !out.ends_with('/') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn continue_row(app: &mut Appendix, cells: &[String]) {
    let Some(group) = app.groups.last_mut() else {
        return;
    };
    let Some(row) = group.rows.last_mut() else {
        // The rest of a group title.
        if let Some(first) = cells.first() {
            group.title = join_continued(&group.title, first);
        }
        return;
    };
    for (i, cont) in cells.iter().enumerate() {
        if cont.trim().is_empty() {
            continue;
        }
        if i >= row.cells.len() {
            row.cells.resize(i + 1, String::new());
        }
        row.cells[i] = join_continued(&row.cells[i], cont);
    }
}

/// Joins the continuation of a cell: on the same line when the text was cut mid-sentence, on a
/// new line when the continuation starts a new point ("- …").
fn join_continued(prev: &str, cont: &str) -> String {
    if prev.trim().is_empty() {
        return cont.to_string();
    }
    let starts_point = cont.trim_start().starts_with(['-', '+', '•']);
    if ends_sentence(prev) || starts_point {
        format!("{prev}\n{cont}")
    } else {
        format!("{prev} {cont}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            split_label("1.1. Tỷ lệ").map(|x| x.2),
            Some(LabelKind::Numeric(2))
        );
        assert_eq!(split_label("10. Xây dựng").map(|x| x.0), Some("10.".into()));
        assert_eq!(split_label("2021 - 2030;"), None);
        assert_eq!(split_label("a) Điểm").map(|x| x.2), Some(LabelKind::Letter));
        assert_eq!(split_label("+ Ý").map(|x| x.2), Some(LabelKind::Bullet(2)));
    }

    #[test]
    fn header_lines() {
        let c = NUMBER_LINE.captures("Số: 04 /KH-UBND").unwrap();
        assert_eq!((&c[1], &c[2]), ("04", "KH-UBND"));
        let c = NUMBER_LINE.captures("Số:      /KH-MNTH").unwrap();
        assert_eq!((&c[1], &c[2]), ("", "KH-MNTH"));
        let (place, date) = place_date("Quận 1, ngày 04 tháng 01 năm 2024").unwrap();
        assert_eq!(place, "Quận 1");
        assert_eq!(date, NaiveDate::from_ymd_opt(2024, 1, 4));
        assert_eq!(
            place_date("Quận 1, ngày   tháng   năm 2024").unwrap().1,
            None
        );
    }

    #[test]
    fn names() {
        assert!(looks_like_name("Lê Đức Thanh"));
        assert!(!looks_like_name("CHỦ TỊCH"));
        assert!(!looks_like_name("Lưu: VT, B.Th(3b)."));
    }
}
