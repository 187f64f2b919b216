//! The plan (kế hoạch) as data: what every reader produces and every writer consumes.
//!
//! No I/O here. The JSON form of [`Plan`] is the plan file format (`kehoach import --json`,
//! `kehoach adapt -o PLAN.json`). Text is NFC-normalised by the readers; [`Plan::normalize`]
//! does it again for plans that come from elsewhere (a JSON file, the UI).
//!
//! Besides the plan: the unit that issues a plan ([`UnitProfile`]) and what the user decided
//! about the parent plan ([`Decisions`]), which drafts store.
pub mod appendix;
pub mod decisions;
pub mod numbering;
pub mod outline;
pub mod places;
pub mod previous;
pub mod profile;
pub mod refs;
pub mod tasks;
pub mod tracking;

pub use appendix::{Appendix, AppendixGroup, AppendixRow, Column};
pub use decisions::{AddedItem, Decisions, NodeDecision};
pub use numbering::ItemKind;
pub use previous::{ItemChange, Previous, RemovedItem, UndoneTask, CHANGE_KINDS};
pub use profile::{ProfileError, ProfileField, UnitProfile, YEARS};
pub use refs::{Anchor, Container, Topic};
pub use tasks::TaskArea;
pub use tracking::{ReportNotes, Status, TaskRecord, Tracking};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A whole document: a parent plan as imported, or a unit's own plan after adaptation.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Phần đầu: cơ quan chủ quản, cơ quan ban hành, số, ký hiệu, địa danh, ngày.
    pub header: Header,
    /// The year the plan is for ("… năm 2027"); see [`Plan::year`] for the plan's year when it
    /// is not given.
    pub year: Option<i32>,
    /// The decision a plan is issued with ("Ban hành kèm theo Quyết định số …"): such a plan has
    /// no number, date or signature of its own.
    pub issued_with: Option<DocRef>,
    /// Tên loại văn bản, e.g. "Kế hoạch" (printed in capitals).
    pub doc_type: String,
    /// Trích yếu, e.g. "Thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2024".
    pub summary: String,
    /// Căn cứ ban hành: one entry per paragraph, with its own ending punctuation.
    pub bases: Vec<String>,
    /// The bases of the decision the plan is issued with, where the plan's page has none of its
    /// own: what the plan rests on is cited there ("Căn cứ Quyết định số 282/QĐ-TTg …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decision_bases: Vec<String>,
    /// The paragraph after the bases ("Tiếp tục phát huy … cụ thể như sau:").
    pub intro: String,
    /// The body: Roman-numbered parts.
    pub parts: Vec<Part>,
    /// Câu kết ("Trên đây là Kế hoạch … ./.").
    pub closing: String,
    /// Nơi nhận, without the leading "- " and the trailing ";".
    pub recipients: Vec<String>,
    /// Người ký.
    pub signer: Signer,
    /// Chú thích cuối trang.
    pub footnotes: Vec<Footnote>,
    /// Words the parent printed bold, italic or underlined inside a paragraph (a quoted slogan,
    /// "(Nội dung chi tiết theo phụ lục đính kèm)"); a paragraph set wholly in one style (a
    /// heading, the bases) takes it from the layout, not from here.
    pub emphasis: Vec<Emphasis>,
    /// Phụ lục (the table of tasks), if any.
    pub appendix: Option<Appendix>,
    /// What was done to the text on reading it that the user should know (text typed in an old
    /// Vietnamese encoding converted to Unicode), in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

/// Phần đầu văn bản (ô 1–4 of Decree 30).
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Header {
    /// Tên cơ quan chủ quản, as printed (e.g. "ỦY BAN NHÂN DÂN QUẬN 1"); absent for a top body.
    pub parent_body: Option<String>,
    /// Tên cơ quan ban hành, as printed (e.g. "TRƯỜNG MẦM NON TUỔI HỒNG").
    pub issuer: String,
    /// Số: "04"; absent in a draft (văn thư fills it after signing).
    pub number: Option<String>,
    /// Ký hiệu: "KH-UBND".
    pub symbol: String,
    /// Địa danh: "Quận 1".
    pub place: String,
    /// Ngày ban hành; absent in a draft.
    pub date: Option<NaiveDate>,
}

/// A document cited by type, number, symbol, date and issuer.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocRef {
    /// "Quyết định".
    pub doc_type: String,
    pub number: Option<String>,
    /// "QĐ-UBND".
    pub symbol: String,
    pub date: Option<NaiveDate>,
    /// The issuing body as printed in the citation ("Ủy ban nhân dân xã Tân Phú").
    pub issuer: String,
}

impl DocRef {
    /// Its type as written; the document a plan is issued with that does not say is a
    /// Quyết định.
    pub fn type_name(&self) -> &str {
        match self.doc_type.trim() {
            "" => "Quyết định",
            t => t,
        }
    }
}

/// A Roman-numbered part of the body ("I. MỤC TIÊU").
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, from = "PartFile")]
pub struct Part {
    /// "I", "II"… as printed in the source ("1", "2"… in a plan without Roman parts; derived
    /// again at export).
    pub label: String,
    pub title: String,
    /// What the part is about (from its title when it is read).
    pub topic: Option<Topic>,
    pub items: Vec<Item>,
}

/// A part as plan files hold it: files written before parts had a topic get it from the title.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PartFile {
    label: String,
    title: String,
    topic: Option<Topic>,
    items: Vec<Item>,
}

impl From<PartFile> for Part {
    fn from(f: PartFile) -> Part {
        Part {
            topic: f.topic.or_else(|| Topic::of_title(&f.title)),
            label: f.label,
            title: f.title,
            items: f.items,
        }
    }
}

/// A numbered point of the body, with its sub-points: "1.", "1.1.", "a)", a bullet "-" or an
/// unlabelled paragraph ("").
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, from = "ItemFile")]
pub struct Item {
    /// Stable id: survives renumbering, moves and edits.
    pub id: String,
    /// Numbered point, lettered point, bullet or paragraph.
    pub kind: ItemKind,
    /// The label as printed ("1.1.", "-", ""); derived from the kind and the tree when a unit
    /// plan is built.
    pub label: String,
    pub text: String,
    /// For a unit plan: the label path of the parent-plan item this one came from
    /// ("III.3.4"), or `None` for an item the unit added. `None` in an imported plan.
    pub source: Option<String>,
    pub items: Vec<Item>,
}

/// An item as plan files hold it: files written before items had a kind give it by their label.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ItemFile {
    id: String,
    kind: Option<ItemKind>,
    label: String,
    text: String,
    source: Option<String>,
    items: Vec<Item>,
}

impl From<ItemFile> for Item {
    fn from(f: ItemFile) -> Item {
        Item {
            kind: f.kind.unwrap_or_else(|| ItemKind::of_label(&f.label)),
            id: f.id,
            label: f.label,
            text: f.text,
            source: f.source,
            items: f.items,
        }
    }
}

/// Người ký (ô 7a–7b).
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signer {
    /// Quyền hạn ký with the head's title, e.g. "KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN"; "" when
    /// the head signs.
    pub authority: String,
    /// Chức vụ của người ký: "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "CHỦ TỊCH".
    pub title: String,
    /// Họ và tên.
    pub name: String,
}

/// Chú thích (a footnote) and where its mark sits.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Footnote {
    /// Where the mark is: an item, a basis, the intro or the closing.
    #[ts(type = "string")]
    pub anchor: Anchor,
    /// The text right before the mark (the mark goes after its first occurrence; at the end of the
    /// text when it is no longer there).
    pub after: String,
    pub text: String,
}

/// Emphasised words of a basis, the intro, an item or the closing: the first occurrence of
/// `text` in that node's text is printed so; nothing when the words are no longer there.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Emphasis {
    #[ts(type = "string")]
    pub anchor: Anchor,
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Emphasis {
    /// Whether it changes anything.
    pub fn is_set(&self) -> bool {
        self.bold || self.italic || self.underline
    }
}

impl Item {
    /// An item whose kind is read from its printed label.
    pub fn new(id: impl Into<String>, label: impl Into<String>, text: impl Into<String>) -> Self {
        let label = label.into();
        Item {
            id: id.into(),
            kind: ItemKind::of_label(&label),
            label,
            text: text.into(),
            source: None,
            items: Vec::new(),
        }
    }

    /// A bullet ("-", "+") rather than a numbered point or a plain paragraph.
    pub fn is_bullet(&self) -> bool {
        self.kind == ItemKind::Bullet
    }

    /// A heading item: a numbered or lettered point with numbered points under it ("3. Về giải
    /// quyết hồ sơ TTHC:"), or a short title over a list ("1.11. Tuyên truyền về CCHC"). Printed
    /// in bold.
    pub fn is_heading(&self) -> bool {
        let numbered_children = self.items.iter().any(|c| c.kind.is_point());
        let titled_list = !self.items.is_empty()
            && !kehoach_text::ends_sentence(&self.text)
            && self.text.chars().count() <= 150;
        self.kind != ItemKind::Paragraph && (numbered_children || titled_list)
    }

    /// This item and every item under it, depth first.
    pub fn walk(&self) -> Vec<&Item> {
        let mut out = vec![self];
        for child in &self.items {
            out.extend(child.walk());
        }
        out
    }
}

impl Part {
    /// A part whose topic is read from its title.
    pub fn new(label: impl Into<String>, title: impl Into<String>, items: Vec<Item>) -> Part {
        let title = title.into();
        Part {
            label: label.into(),
            topic: Topic::of_title(&title),
            title,
            items,
        }
    }

    /// What the part is about.
    pub fn topic(&self) -> Option<Topic> {
        self.topic
    }
}

impl Plan {
    /// The year the plan is for: given, or the last "năm YYYY" of its summary ("… năm 2027"),
    /// or the year of its date. The summary comes before the date: a plan for 2027 is often
    /// signed in December 2026.
    pub fn year(&self) -> Option<i32> {
        self.year
            .or_else(|| year_in(&self.summary))
            .or_else(|| self.header.date.map(|d| d.year()))
    }

    /// Its type as written ("Kế hoạch", "Báo cáo"); a plan that does not say is a Kế hoạch.
    pub fn type_name(&self) -> &str {
        match self.doc_type.trim() {
            "" => "Kế hoạch",
            t => t,
        }
    }

    /// How the plan is named in a list: "Kế hoạch 15/KH-UBND: Cải cách …", "Kế hoạch (kèm theo
    /// Quyết định 119/QĐ-UBND): …", "Kế hoạch: …" for a draft.
    pub fn list_title(&self) -> String {
        let doc_type = self.type_name();
        let h = &self.header;
        let id = match (&h.number, &self.issued_with) {
            (Some(n), _) if !h.symbol.is_empty() => format!(" {n}/{}", h.symbol),
            (_, Some(d)) => format!(
                " (kèm theo {} {}/{})",
                d.type_name(),
                d.number.as_deref().unwrap_or("…"),
                d.symbol
            ),
            _ => String::new(),
        };
        format!("{doc_type}{id}: {}", self.summary.trim())
    }

    /// The part about a topic.
    pub fn part(&self, topic: Topic) -> Option<&Part> {
        self.parts.iter().find(|p| p.topic() == Some(topic))
    }

    /// Every item of every part, depth first, with the part it belongs to.
    pub fn items(&self) -> Vec<(&Part, &Item)> {
        self.parts
            .iter()
            .flat_map(|part| {
                part.items
                    .iter()
                    .flat_map(move |i| i.walk())
                    .map(move |i| (part, i))
            })
            .collect()
    }

    /// Finds an item by id anywhere in the body.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items()
            .into_iter()
            .map(|(_, i)| i)
            .find(|i| i.id == id)
    }

    /// Finds an item by id anywhere in the body, to change it.
    pub fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        fn find<'a>(items: &'a mut [Item], id: &str) -> Option<&'a mut Item> {
            for item in items {
                if item.id == id {
                    return Some(item);
                }
                if let Some(found) = find(&mut item.items, id) {
                    return Some(found);
                }
            }
            None
        }
        self.parts.iter_mut().find_map(|p| find(&mut p.items, id))
    }

    /// NFC-normalises every piece of text in the plan.
    pub fn normalize(&mut self) {
        self.map_text(|s| {
            if !s.is_ascii() && !unicode_normalization::is_nfc(s) {
                *s = kehoach_text::nfc(s);
            }
        });
    }

    /// Applies `f` to every piece of text in the plan (header, title, bases, body, recipients,
    /// signer, footnotes, appendix).
    pub fn map_text(&mut self, mut f: impl FnMut(&mut String)) {
        fn items(list: &mut [Item], f: &mut impl FnMut(&mut String)) {
            for i in list {
                f(&mut i.text);
                items(&mut i.items, f);
            }
        }
        if let Some(d) = self.issued_with.as_mut() {
            for s in [&mut d.doc_type, &mut d.symbol, &mut d.issuer] {
                f(s)
            }
        }
        let h = &mut self.header;
        if let Some(p) = h.parent_body.as_mut() {
            f(p)
        }
        for s in [&mut h.issuer, &mut h.symbol, &mut h.place] {
            f(s)
        }
        if let Some(n) = h.number.as_mut() {
            f(n)
        }
        for s in [
            &mut self.doc_type,
            &mut self.summary,
            &mut self.intro,
            &mut self.closing,
        ] {
            f(s)
        }
        self.bases.iter_mut().for_each(&mut f);
        self.recipients.iter_mut().for_each(&mut f);
        for s in [
            &mut self.signer.authority,
            &mut self.signer.title,
            &mut self.signer.name,
        ] {
            f(s)
        }
        for p in &mut self.parts {
            f(&mut p.title);
            items(&mut p.items, &mut f);
        }
        for e in &mut self.emphasis {
            f(&mut e.text);
        }
        for n in &mut self.footnotes {
            f(&mut n.text);
            f(&mut n.after);
        }
        if let Some(a) = self.appendix.as_mut() {
            f(&mut a.title);
            f(&mut a.subtitle);
            a.columns.iter_mut().for_each(&mut f);
            for g in &mut a.groups {
                f(&mut g.label);
                f(&mut g.title);
                for r in &mut g.rows {
                    f(&mut r.label);
                    r.cells.iter_mut().for_each(&mut f);
                }
            }
        }
    }
}

/// The last "năm YYYY" of a text.
pub fn year_in(text: &str) -> Option<i32> {
    let f = kehoach_text::fold(text);
    let at = f.rfind("nam ")?;
    let digits: String = f[at + 4..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}
