//! The .docx writer: a plan laid out as Decree 30/2020/NĐ-CP prescribes (Phụ lục I).
//!
//! Page 1: the two-column header (ô 1–4) as a borderless table with short rules, tên loại and
//! trích yếu (ô 5a), bases in italics, the body justified with a 1 cm first-line indent; the last
//! page: the closing sentence "./." and a borderless table with "Nơi nhận:" (ô 9b) beside the
//! signature (ô 7a–7b). Page numbers centred in the header, not on page 1. The appendix is a
//! landscape section of its own, numbered from 1, whose table heading row repeats on every page.
//! What docx-rs 0.4.22 cannot write (the repeating heading row, title and author, compression)
//! is added by [`super::package`].
use super::{heading, ExportOptions};
use crate::model::numbering::renumber;
use crate::model::{Appendix, Footnote, Item, Plan};
use crate::nd30::{self, caps, mm_to_twips, size, text_width_twips, Layout};
use docx_rs::*;

/// A run of text at a size, bold and/or italic.
fn styled_run(text: &str, pt: u32, bold: bool, italic: bool) -> Run {
    let mut r = Run::new().add_text(text).size(hp(pt));
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    r
}

/// Half-points for a size in points.
fn hp(pt: u32) -> usize {
    (pt * 2) as usize
}

const FONT: &str = "Times New Roman";
/// 1 cm first-line indent (Phụ lục I, mục II.6).
const FIRST_LINE: i32 = 567;
/// 6 pt before each body paragraph.
const BEFORE: u32 = 120;
/// Rows of more lines than this (12 pt) may break across pages: a landscape page holds about 28.
const MAX_UNSPLIT_ROW_LINES: u32 = 22;
/// The row height that marks the appendix heading row for [`super::package`] (tblHeader).
pub(super) const HEADING_ROW_MARK: u32 = 397;

/// Builds the document (parts not yet compressed or patched).
pub fn build(plan: &Plan, opts: &ExportOptions) -> Docx {
    let layout = opts.layout.clamped();
    let mut plan = plan.clone();
    plan.normalize();
    // Text from the user may hold characters XML 1.0 cannot carry (control characters).
    plan.map_text(|s| {
        if s.chars().any(|c| c < ' ' && c != '\n') {
            *s = super::clean_xml_text(s).replace(['\t', '\r'], " ");
        }
    });
    renumber(&mut plan);
    let w = Writer {
        layout,
        footnotes: &plan.footnotes,
    };

    let margins = PageMargin::new()
        .top(mm_to_twips(layout.margin_top_mm) as i32)
        .bottom(mm_to_twips(layout.margin_bottom_mm) as i32)
        .left(mm_to_twips(layout.margin_left_mm) as i32)
        .right(mm_to_twips(layout.margin_right_mm) as i32)
        .header(567)
        .footer(567)
        .gutter(0);

    let mut body: Vec<DocChild> = Vec::new();
    body.push(DocChild::Table(Box::new(w.header_table(&plan))));
    body.extend(
        w.title(&plan)
            .into_iter()
            .map(|p| DocChild::Para(Box::new(p))),
    );
    for (i, basis) in plan.bases.iter().enumerate() {
        let last = i + 1 == plan.bases.len();
        let text = basis_punctuation(basis, last);
        body.push(DocChild::Para(Box::new(
            w.body_para(&text, &format!("basis:{i}"), false)
                .italic_all(),
        )));
    }
    for line in plan.intro.lines().filter(|l| !l.trim().is_empty()) {
        body.push(DocChild::Para(Box::new(
            w.body_para(line, "intro", false).into(),
        )));
    }
    for part in &plan.parts {
        if !part.title.is_empty() {
            let text = format!("{}. {}", part.label, caps(&part.title));
            body.push(DocChild::Para(Box::new(
                w.body_para(&text, "", true).keep_next().into(),
            )));
        }
        for item in &part.items {
            w.items(item, &mut body);
        }
    }
    if !plan.closing.is_empty() {
        body.push(DocChild::Para(Box::new(
            w.body_para(&closing_punctuation(&plan.closing), "closing", false)
                .into(),
        )));
    }
    body.push(DocChild::Table(Box::new(w.signature_table(&plan))));

    let page_number_header = || {
        Header::new().add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .size(hp(size::PAGE_NUMBER))
                    .add_field_char(FieldCharType::Begin, false)
                    .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                    .add_field_char(FieldCharType::Separate, false)
                    .add_text("2")
                    .add_field_char(FieldCharType::End, false),
            ),
        )
    };

    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT);
    let mut docx = Docx::new()
        .default_fonts(fonts)
        .default_size(hp(layout.body_pt))
        .default_tab_stop(720);

    match plan
        .appendix
        .as_ref()
        .filter(|a| !a.groups.is_empty() || !a.title.is_empty())
    {
        Some(app) => {
            // The body is its own section; the appendix is the last (document-level) section.
            let mut section = Section::new()
                .page_size(PageSize::new().size(nd30::A4.0, nd30::A4.1))
                .page_margin(margins.clone())
                .header(page_number_header())
                .title_pg();
            for child in body {
                section = match child {
                    DocChild::Para(p) => section.add_paragraph(*p),
                    DocChild::Table(t) => section.add_table(*t),
                };
            }
            docx = docx.add_section(section);
            for child in w.appendix(&plan, app) {
                docx = match child {
                    DocChild::Para(p) => docx.add_paragraph(*p),
                    DocChild::Table(t) => docx.add_table(*t),
                };
            }
            docx = docx
                .page_size(nd30::A4.1, nd30::A4.0)
                .page_orient(PageOrientationType::Landscape)
                .page_margin(margins)
                .header(page_number_header())
                .title_pg()
                .page_num_type(PageNumType::new().start(1));
        }
        None => {
            for child in body {
                docx = match child {
                    DocChild::Para(p) => docx.add_paragraph(*p),
                    DocChild::Table(t) => docx.add_table(*t),
                };
            }
            docx = docx
                .page_size(nd30::A4.0, nd30::A4.1)
                .page_margin(margins)
                .header(page_number_header())
                .title_pg();
        }
    }
    docx
}

enum DocChild {
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

/// A paragraph being built, with helpers that apply to all its runs.
struct P(Paragraph);

impl P {
    fn italic_all(self) -> Paragraph {
        let mut p = self.0;
        for child in &mut p.children {
            if let ParagraphChild::Run(run) = child {
                let r = std::mem::take(run.as_mut());
                **run = r.italic();
            }
        }
        p
    }

    fn keep_next(self) -> P {
        P(self.0.keep_next(true))
    }
}

impl From<P> for Paragraph {
    fn from(p: P) -> Paragraph {
        p.0
    }
}

struct Writer<'a> {
    layout: Layout,
    footnotes: &'a [Footnote],
}

impl Writer<'_> {
    fn spacing(&self) -> LineSpacing {
        LineSpacing::new()
            .before(BEFORE)
            .after(0)
            .line((240.0 * self.layout.line_spacing).round() as i32)
            .line_rule(LineSpacingType::Auto)
    }

    /// A body paragraph: justified, 1 cm first-line indent, 6 pt before; footnote marks placed
    /// after the text they follow.
    fn body_para(&self, text: &str, anchor: &str, bold: bool) -> P {
        let mut p = Paragraph::new()
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            )
            .line_spacing(self.spacing());
        let notes: Vec<&Footnote> = if anchor.is_empty() {
            Vec::new()
        } else {
            self.footnotes
                .iter()
                .filter(|f| f.anchor == anchor)
                .collect()
        };
        let run = |t: &str| {
            let r = Run::new().add_text(t);
            if bold {
                r.bold()
            } else {
                r
            }
        };
        let mut rest = text;
        let mut pieces: Vec<(String, Option<&Footnote>)> = Vec::new();
        // Each footnote goes after the first occurrence of its `after` text, in text order.
        let mut placed: Vec<(usize, &Footnote)> = notes
            .iter()
            .map(|f| {
                let at = if f.after.is_empty() {
                    None
                } else {
                    text.find(f.after.as_str()).map(|i| i + f.after.len())
                };
                (at.unwrap_or(text.len()), *f)
            })
            .collect();
        placed.sort_by_key(|(at, _)| *at);
        let mut consumed = 0;
        for (at, f) in placed {
            let cut = at.saturating_sub(consumed).min(rest.len());
            let (head, tail) = rest.split_at(cut);
            pieces.push((head.to_string(), Some(f)));
            consumed += cut;
            rest = tail;
        }
        pieces.push((rest.to_string(), None));
        for (t, note) in pieces {
            if !t.is_empty() {
                p = p.add_run(run(&t));
            }
            if let Some(f) = note {
                let mut footnote = docx_rs::Footnote::new();
                footnote.add_content(
                    Paragraph::new()
                        .align(AlignmentType::Both)
                        .add_run(Run::new().size(hp(12)).add_text(f.text.clone())),
                );
                p = p.add_run(Run::new().add_footnote_reference(footnote));
            }
        }
        P(p)
    }

    fn items(&self, item: &Item, out: &mut Vec<DocChild>) {
        let text = if item.label.is_empty() {
            item.text.clone()
        } else {
            format!("{} {}", item.label, item.text)
        };
        let bold = heading(item);
        let mut p = self.body_para(&text, &item.id, bold);
        if bold {
            p = p.keep_next();
        }
        out.push(DocChild::Para(Box::new(p.into())));
        for child in &item.items {
            self.items(child, out);
        }
    }

    /// Tên loại and trích yếu, centred and bold, with a short rule under the trích yếu.
    fn title(&self, plan: &Plan) -> Vec<Paragraph> {
        let doc_type = if plan.doc_type.is_empty() {
            "Kế hoạch"
        } else {
            &plan.doc_type
        };
        let centred = |text: &str, before: u32| {
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(before).after(0))
                .add_run(Run::new().add_text(text).bold().size(hp(size::TITLE)))
        };
        let mut out = vec![centred(&caps(doc_type), 360)];
        if !plan.summary.is_empty() {
            out.push(centred(&plan.summary, 0));
            let text_width = self.layout.text_width_twips();
            let width = text_width_twips(&plan.summary, size::TITLE, true).min(text_width);
            out.push(rule(width * 2 / 5, text_width));
        }
        out
    }

    /// Ô 1–4: parent and issuing bodies with "Số", Quốc hiệu and Tiêu ngữ with the place and
    /// date, in a borderless two-column table whose rows keep "Số" level with the date.
    fn header_table(&self, plan: &Plan) -> Table {
        let h = &plan.header;
        let issuer = caps(&h.issuer);
        let parent = h.parent_body.as_deref().map(caps).filter(|p| !p.is_empty());
        let issuer_width = text_width_twips(&issuer, size::ISSUER, true).max(
            parent
                .as_deref()
                .map_or(0, |p| text_width_twips(p, size::ISSUER, false)),
        );
        let national = text_width_twips(nd30::NATIONAL_TITLE, size::NATIONAL_TITLE, true);
        let left = (issuer_width + 480).clamp(3800, 4400);
        let right = (national + 360).clamp(5600, 6200);
        let total = left + right;
        let indent = (self.layout.text_width_twips() as i32 - total as i32) / 2;

        let line = |text: &str, pt: u32, bold: bool, italic: bool| {
            let r = styled_run(text, pt, bold, italic);
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .before(0)
                        .after(0)
                        .line(240)
                        .line_rule(LineSpacingType::Auto),
                )
                .add_run(r)
        };
        let mut left_top = TableCell::new().width(left as usize, WidthType::Dxa);
        if let Some(p) = &parent {
            left_top = left_top.add_paragraph(line(p, size::ISSUER, false, false));
        }
        let issuer_line_width = text_width_twips(&issuer, size::ISSUER, true).min(left);
        left_top = left_top
            .add_paragraph(line(&issuer, size::ISSUER, true, false))
            .add_paragraph(rule(issuer_line_width * 2 / 5, left));
        let motto_width = text_width_twips(nd30::MOTTO, size::MOTTO, true).min(right);
        let right_top = TableCell::new()
            .width(right as usize, WidthType::Dxa)
            .add_paragraph(line(
                nd30::NATIONAL_TITLE,
                size::NATIONAL_TITLE,
                true,
                false,
            ))
            .add_paragraph(line(nd30::MOTTO, size::MOTTO, true, false))
            .add_paragraph(rule(motto_width, right));
        let year = h
            .date
            .map(|d| chrono::Datelike::year(&d))
            .or_else(|| plan_year(plan))
            .unwrap_or_else(|| chrono::Datelike::year(&chrono::Local::now().date_naive()));
        let number = nd30::number_line(h.number.as_deref(), &h.symbol);
        let place_date = nd30::place_date_line(&h.place, h.date, year);
        let spaced = |p: Paragraph| p.line_spacing(LineSpacing::new().before(120).after(0));
        let left_bottom = TableCell::new()
            .width(left as usize, WidthType::Dxa)
            .add_paragraph(spaced(line(&number, size::NUMBER, false, false)));
        let right_bottom = TableCell::new()
            .width(right as usize, WidthType::Dxa)
            .add_paragraph(spaced(line(&place_date, size::PLACE_DATE, false, true)));
        borderless(
            Table::new(vec![
                TableRow::new(vec![left_top, right_top]),
                TableRow::new(vec![left_bottom, right_bottom]),
            ])
            .set_grid(vec![left as usize, right as usize]),
        )
        .width(total as usize, WidthType::Dxa)
        .indent(indent)
    }

    /// Ô 9b beside ô 7a–7b: "Nơi nhận:" and the recipients; authority, title, space for the
    /// signature and seal, name.
    fn signature_table(&self, plan: &Plan) -> Table {
        let text_width = self.layout.text_width_twips();
        let left = text_width * 2 / 5;
        let right = text_width - left;
        let tight = || {
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Auto)
        };
        let mut l = TableCell::new()
            .width(left as usize, WidthType::Dxa)
            .add_paragraph(
                Paragraph::new()
                    .line_spacing(LineSpacing::new().before(240).after(0))
                    .add_run(
                        Run::new()
                            .add_text("Nơi nhận:")
                            .bold()
                            .italic()
                            .size(hp(size::RECIPIENTS_HEADING)),
                    ),
            );
        let n = plan.recipients.len();
        for (i, r) in plan.recipients.iter().enumerate() {
            let text = format!("- {}", recipient_punctuation(r, i + 1 == n));
            l = l.add_paragraph(
                Paragraph::new()
                    .line_spacing(tight())
                    .add_run(Run::new().add_text(text).size(hp(size::RECIPIENTS))),
            );
        }
        let signer_line = |text: &str| {
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(tight())
                .add_run(Run::new().add_text(text).bold().size(hp(size::SIGNER)))
        };
        let s = &plan.signer;
        let mut r = TableCell::new().width(right as usize, WidthType::Dxa);
        let mut first = true;
        for line in [caps(&s.authority), caps(&s.title)] {
            if line.trim().is_empty() {
                continue;
            }
            let mut p = signer_line(&line);
            if first {
                p = p.line_spacing(LineSpacing::new().before(240).after(0));
                first = false;
            }
            r = r.add_paragraph(p);
        }
        for _ in 0..self.layout.signature_lines {
            r = r.add_paragraph(Paragraph::new().line_spacing(tight()));
        }
        r = r.add_paragraph(signer_line(&s.name));
        borderless(
            Table::new(vec![TableRow::new(vec![l, r]).cant_split()])
                .set_grid(vec![left as usize, right as usize]),
        )
        .width(text_width as usize, WidthType::Dxa)
    }

    /// Phụ lục: "Phụ lục", its title, "(Kèm theo …)", a short rule, the table.
    fn appendix(&self, plan: &Plan, app: &Appendix) -> Vec<DocChild> {
        let landscape_width = nd30::A4.1
            - mm_to_twips(self.layout.margin_left_mm)
            - mm_to_twips(self.layout.margin_right_mm);
        let centred = |text: &str, bold: bool, italic: bool| {
            let r = styled_run(text, size::TITLE, bold, italic);
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(r)
        };
        let mut out = vec![DocChild::Para(Box::new(centred("Phụ lục", true, false)))];
        if !app.title.is_empty() {
            out.push(DocChild::Para(Box::new(centred(
                &caps(&app.title),
                true,
                false,
            ))));
        }
        let subtitle = if app.subtitle.is_empty() {
            appendix_subtitle(plan)
        } else {
            app.subtitle.clone()
        };
        out.push(DocChild::Para(Box::new(centred(&subtitle, false, true))));
        let sub_width = text_width_twips(&subtitle, size::TITLE, false).min(landscape_width);
        out.push(DocChild::Para(Box::new(rule(
            sub_width / 3,
            landscape_width,
        ))));
        out.push(DocChild::Para(Box::new(Paragraph::new())));

        let columns = if app.columns.is_empty() {
            Appendix::default_columns()
        } else {
            app.columns.clone()
        };
        let widths = column_widths(columns.len(), landscape_width);
        let cell_para = |text: &str, bold: bool, center: bool| {
            let r = styled_run(text, 12, bold, false);
            Paragraph::new()
                .align(if center {
                    AlignmentType::Center
                } else {
                    AlignmentType::Left
                })
                .line_spacing(LineSpacing::new().before(40).after(40))
                .add_run(r)
        };
        let cell = |i: usize, text: &str, bold: bool, center: bool| {
            let mut c = TableCell::new()
                .width(widths[i], WidthType::Dxa)
                .vertical_align(VAlignType::Top);
            let mut any = false;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                c = c.add_paragraph(cell_para(line, bold, center));
                any = true;
            }
            if !any {
                c = c.add_paragraph(cell_para("", bold, center));
            }
            c
        };
        let heading = TableRow::new(
            columns
                .iter()
                .enumerate()
                .map(|(i, t)| cell(i, t, true, true).vertical_align(VAlignType::Center))
                .collect(),
        )
        .cant_split()
        .row_height(HEADING_ROW_MARK as f32)
        .height_rule(HeightRule::AtLeast);
        let mut rows = vec![heading];
        let n = columns.len();
        for group in &app.groups {
            if !group.title.is_empty() || !group.label.is_empty() {
                let span: usize = widths[1..].iter().sum();
                rows.push(
                    TableRow::new(vec![
                        cell(0, &group.label, true, true),
                        TableCell::new()
                            .width(span, WidthType::Dxa)
                            .grid_span(n - 1)
                            .add_paragraph(cell_para(&group.title, true, false)),
                    ])
                    .cant_split(),
                );
            }
            for row in &group.rows {
                let mut cells = vec![cell(0, &row.label, false, true)];
                let mut lines: u32 = 1;
                for (i, width) in widths.iter().enumerate().skip(1) {
                    let text = row.cells.get(i - 1).map(String::as_str).unwrap_or("");
                    cells.push(cell(i, text, false, false));
                    let width = width.saturating_sub(170).max(1) as u32;
                    let cell_lines: u32 = text
                        .lines()
                        .map(|l| text_width_twips(l, 12, false).div_ceil(width).max(1))
                        .sum();
                    lines = lines.max(cell_lines);
                }
                // A row kept whole must fit on a page, or Word cuts it off.
                let row = TableRow::new(cells);
                rows.push(if lines < MAX_UNSPLIT_ROW_LINES {
                    row.cant_split()
                } else {
                    row
                });
            }
        }
        let table = Table::new(rows)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 85, 0, 85));
        out.push(DocChild::Table(Box::new(table)));
        out
    }
}

fn plan_year(plan: &Plan) -> Option<i32> {
    static YEAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"năm (\d{4})\s*$").unwrap());
    YEAR.captures(&plan.summary)?.get(1)?.as_str().parse().ok()
}

/// "(Kèm theo Kế hoạch số 14/KH-MNTH ngày 05 tháng 01 năm 2024 của …)" from the header.
fn appendix_subtitle(plan: &Plan) -> String {
    let h = &plan.header;
    let number = h.number.clone().unwrap_or_else(|| nd30::BLANK.into());
    let date = h
        .date
        .map(nd30::date_text)
        .unwrap_or_else(|| format!("ngày{0}tháng{0}năm", nd30::BLANK));
    let doc_type = if plan.doc_type.is_empty() {
        "Kế hoạch"
    } else {
        &plan.doc_type
    };
    format!("(Kèm theo {doc_type} số {number}/{} {date})", h.symbol)
}

/// Column widths in twips: a narrow STT, a wide task column, the rest shared.
pub(super) fn column_widths(n: usize, total: u32) -> Vec<usize> {
    let total = total as usize;
    if n == 6 {
        let parts = [5usize, 31, 16, 18, 19, 11];
        let mut w: Vec<usize> = parts.iter().map(|p| total * p / 100).collect();
        let used: usize = w.iter().sum();
        w[1] += total - used;
        return w;
    }
    let n = n.max(1);
    if n == 1 {
        return vec![total];
    }
    let stt = total * 6 / 100;
    let rest = (total - stt) / (n - 1);
    let mut w = vec![stt];
    w.extend(std::iter::repeat_n(rest, n - 1));
    let used: usize = w.iter().sum();
    w[1] += total - used;
    w
}

/// An empty paragraph whose bottom border is a centred solid rule of `width` twips in a space of
/// `space` twips.
fn rule(width: u32, space: u32) -> Paragraph {
    let side = (space.saturating_sub(width) / 2) as i32;
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(60)
                .line_rule(LineSpacingType::Exact),
        )
        .add_run(Run::new().size(2));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

fn borderless(t: Table) -> Table {
    t.clear_all_border()
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .layout(TableLayoutType::Fixed)
}

/// Bases end in ";" and the last in "." (ô 6).
pub fn basis_punctuation(text: &str, last: bool) -> String {
    let t = text.trim().trim_end_matches([';', '.', ',']).trim_end();
    format!("{t}{}", if last { "." } else { ";" })
}

/// A recipient line ends in ";" and the last in "." (ô 9b).
pub fn recipient_punctuation(text: &str, last: bool) -> String {
    let t = text
        .trim()
        .trim_start_matches("- ")
        .trim_end_matches([';', '.', ','])
        .trim_end();
    format!("{t}{}", if last { "." } else { ";" })
}

/// The closing sentence ends in "./.".
pub fn closing_punctuation(text: &str) -> String {
    let t = text.trim();
    if t.ends_with("./.") {
        t.to_string()
    } else {
        format!("{}./.", t.trim_end_matches(['.', ';', ',']))
    }
}
