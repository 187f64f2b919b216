//! The single layout step: a plan and the unit's page settings become the page as Decree
//! 30/2020/NĐ-CP lays it out — the header cells with their rules, "Số:" and the date line, the
//! title, the bases, the body paragraphs with their node ids, footnote marks and the parent's
//! emphasis, Nơi nhận beside
//! the signature, the landscape appendix with its column widths. Every decision about what is
//! printed (punctuation, capitals, the year of a draft's date line, whether there is an
//! appendix, its "(Kèm theo …)" line) is made here, once; the writers (.docx, the HTML preview,
//! PDF) only serialise a [`Document`], so they cannot disagree.
mod appendix;
mod body;
mod header;
mod tail;

use kehoach_model::Plan;
use kehoach_nd30::{Layout, A4};

pub use appendix::{column_widths, AppendixPage, Row, TABLE_PT};

/// A line of text with its size and style (header cells, title, signature, appendix heading).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub pt: u32,
    pub bold: bool,
    pub italic: bool,
}

impl Line {
    pub fn new(text: impl Into<String>, pt: u32, bold: bool, italic: bool) -> Line {
        Line {
            text: text.into(),
            pt,
            bold,
            italic,
        }
    }
}

/// A short solid rule centred under a line: its width within the space it is centred in, in
/// twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub width: u32,
    pub space: u32,
}

/// Ô 1–4: two columns side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderBlock {
    /// Cơ quan chủ quản (regular) and cơ quan ban hành (bold) lines.
    pub left: Vec<Line>,
    pub left_rule: Rule,
    /// "Số: 14/KH-MNTH" (or the blank of a draft).
    pub number: Line,
    /// Quốc hiệu and Tiêu ngữ.
    pub right: Vec<Line>,
    pub right_rule: Rule,
    /// "Quận 1, ngày 05 tháng 01 năm 2024", italic.
    pub place_date: Line,
    /// Whether that line fits its column on one line (at 13 or 14 pt).
    pub place_date_fits: bool,
    /// Column widths and the table's indent from the left margin (negative: into the margin),
    /// in twips.
    pub widths: (u32, u32),
    pub indent: i32,
}

/// Ô 5a: tên loại, trích yếu with its rule, and a plan's "(Ban hành kèm theo …)" line.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleBlock {
    pub doc_type: Line,
    pub summary: Option<Line>,
    pub rule: Option<Rule>,
    pub attached: Option<Line>,
}

/// What a body paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Basis,
    Intro,
    PartHeading,
    Item,
    Closing,
}

/// How words are set apart inside a paragraph, as the parent plan had them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Em {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

/// A piece of a paragraph: text, emphasised text, or the mark of a footnote (its number, from 1).
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Styled(String, Em),
    Note(usize),
}

/// A body paragraph (ô 6): justified, first-line indent, spacing before.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub role: Role,
    /// The node it shows ("basis:0", "intro", an item id, "closing"), for the preview.
    pub node: Option<String>,
    pub spans: Vec<Span>,
    pub bold: bool,
    pub italic: bool,
    /// Keep with the next paragraph (headings).
    pub keep_next: bool,
}

impl Para {
    /// The paragraph's text without footnote marks.
    pub fn text(&self) -> String {
        self.spans
            .iter()
            .filter_map(|s| match s {
                Span::Text(t) | Span::Styled(t, _) => Some(t.as_str()),
                Span::Note(_) => None,
            })
            .collect()
    }
}

/// Ô 9b beside ô 7a–7b.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureBlock {
    /// "Nơi nhận:" and the list; empty when the plan has no recipients.
    pub recipients: Vec<Line>,
    /// The authority and title lines.
    pub signer: Vec<Line>,
    /// Empty lines for the signature and seal.
    pub blank_lines: u32,
    pub name: Option<Line>,
    pub widths: (u32, u32),
}

/// The portrait part of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Header(HeaderBlock),
    Title(TitleBlock),
    Para(Para),
    Signature(SignatureBlock),
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The page settings, moved into the decree's ranges.
    pub layout: Layout,
    pub blocks: Vec<Block>,
    /// Footnote texts, numbered from 1 in the order of their marks.
    pub footnotes: Vec<String>,
    /// The landscape appendix, when the plan has rows to show.
    pub appendix: Option<AppendixPage>,
    /// The year the plan is for (from the plan, else the current year).
    pub year: i32,
    /// The document's title for the file's properties ("Kế hoạch Thực hiện …").
    pub title: String,
}

impl Document {
    /// Width of the portrait text area, in twips.
    pub fn text_width(&self) -> u32 {
        self.layout.text_width_twips()
    }

    /// Width of the landscape text area, in twips.
    pub fn landscape_width(&self) -> u32 {
        landscape_width(&self.layout)
    }

    /// The body paragraphs.
    pub fn paras(&self) -> impl Iterator<Item = &Para> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
    }
}

fn landscape_width(layout: &Layout) -> u32 {
    A4.1 - kehoach_nd30::mm_to_twips(layout.margin_left_mm)
        - kehoach_nd30::mm_to_twips(layout.margin_right_mm)
}

/// Lays a plan out.
pub fn lay_out(plan: &Plan, layout: &Layout) -> Document {
    let layout = layout.clamped();
    let mut plan = plan.clone();
    plan.normalize();
    kehoach_model::numbering::renumber(&mut plan);
    let year = plan
        .year()
        .unwrap_or_else(|| chrono::Datelike::year(&chrono::Local::now().date_naive()));
    let doc_type = plan.type_name().to_string();
    let mut blocks = vec![
        Block::Header(header::header(&plan, &layout, year)),
        Block::Title(header::title(&plan, &doc_type, &layout)),
    ];
    let mut notes = body::Notes::new(&plan.footnotes, &plan.emphasis);
    body::paragraphs(&plan, &mut notes, &mut blocks);
    let signature = tail::signature(&plan, &layout);
    if !signature.recipients.is_empty() || !signature.signer.is_empty() || signature.name.is_some()
    {
        blocks.push(Block::Signature(signature));
    }
    let appendix = appendix::appendix(&plan, &doc_type, &layout, year);
    let title = if plan.summary.is_empty() {
        doc_type
    } else {
        format!("{doc_type} {}", plan.summary)
    };
    Document {
        layout,
        blocks,
        footnotes: notes.into_texts(),
        appendix,
        year,
        title,
    }
}

/// Where the typeset pages break: the page (from 0) each block of the document starts on, and
/// the page of the appendix (from 0, its own numbering) each of its rows starts on. The preview
/// breaks its pages at the same places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMap {
    pub blocks: Vec<usize>,
    pub rows: Vec<usize>,
    /// Pages in all: the portrait part and the appendix.
    pub portrait_pages: usize,
    pub appendix_pages: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_model::{Appendix, AppendixGroup, Item, Part};

    fn plan() -> Plan {
        Plan {
            doc_type: "Kế hoạch".into(),
            summary: "Thực hiện công tác cải cách hành chính năm 2027".into(),
            bases: vec!["Căn cứ A,".into(), "Căn cứ B".into()],
            parts: vec![Part::new(
                "I",
                "Mục tiêu",
                vec![Item::new("I.1", "1.", "Một")],
            )],
            recipients: vec!["Như trên".into(), "Lưu: VT".into()],
            header: kehoach_model::Header {
                place: "Phường Sài Gòn".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_drafts_date_line_shows_the_plans_year_not_the_computers() {
        let d = lay_out(&plan(), &Layout::default());
        let Block::Header(h) = &d.blocks[0] else {
            panic!()
        };
        assert!(
            h.place_date.text.ends_with("năm 2027"),
            "{}",
            h.place_date.text
        );
        assert_eq!(d.year, 2027);
    }

    #[test]
    fn punctuation_and_capitals_are_decided_once() {
        let d = lay_out(&plan(), &Layout::default());
        let texts: Vec<String> = d.paras().map(Para::text).collect();
        assert_eq!(texts[0], "Căn cứ A;");
        assert_eq!(texts[1], "Căn cứ B.");
        assert_eq!(texts[2], "I. MỤC TIÊU");
        let sig = d
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Signature(s) => Some(s),
                _ => None,
            })
            .unwrap();
        assert_eq!(sig.recipients[1].text, "- Như trên;");
        assert_eq!(sig.recipients[2].text, "- Lưu: VT.");
    }

    #[test]
    fn an_appendix_without_rows_is_not_printed() {
        let mut p = plan();
        p.appendix = Some(Appendix {
            title: "Kế hoạch cụ thể".into(),
            groups: vec![AppendixGroup::default()],
            ..Default::default()
        });
        assert!(lay_out(&p, &Layout::default()).appendix.is_none());
    }
}
