//! The portrait blocks of a laid-out document as WordprocessingML: the header and signature as
//! borderless two-column tables, the title with its rule, body paragraphs with footnote marks.
use super::xml::{cell, grid, para, row_start, run, text_para, Jc, PPr, RPr, TblPr};
use kehoach_layout::{HeaderBlock, Line, Para, Rule, SignatureBlock, Span, TitleBlock};
use kehoach_nd30::Layout;

/// 1 cm first-line indent (Phụ lục I, mục II.6).
pub const FIRST_LINE: i32 = 567;
/// 6 pt before each body paragraph.
pub const BEFORE: u32 = 120;

fn tight() -> Option<(u32, u32, Option<u32>, bool)> {
    Some((0, 0, Some(240), false))
}

/// A centred line of a header or signature cell.
pub fn line(out: &mut String, l: &Line, before: u32) {
    let ppr = PPr {
        spacing: Some((before, 0, Some(240), false)),
        jc: Jc::Center,
        ..Default::default()
    };
    text_para(out, &ppr, &l.text, RPr::pt(l.pt, l.bold, l.italic));
}

/// An empty paragraph whose bottom border is a centred solid rule.
pub fn rule(out: &mut String, r: Rule) {
    let side = (r.space.saturating_sub(r.width) / 2) as i32;
    let ppr = PPr {
        bottom_rule: true,
        spacing: Some((0, 0, Some(60), true)),
        ind: Some((side, side, 0)),
        jc: Jc::Center,
        ..Default::default()
    };
    para(out, &ppr, |o| {
        o.push_str(r#"<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:r>"#)
    });
}

fn layout_table(out: &mut String, widths: &[u32], indent: i32) {
    out.push_str("<w:tbl>");
    TblPr {
        width: widths.iter().sum(),
        indent,
        borders: false,
        cell_margin: 0,
    }
    .write(out);
    grid(out, widths);
}

pub fn header(out: &mut String, h: &HeaderBlock) {
    let (l, r) = h.widths;
    layout_table(out, &[l, r], h.indent);
    row_start(out, false, false);
    cell(out, l, 1, None, |o| {
        for x in &h.left {
            line(o, x, 0);
        }
        rule(o, h.left_rule);
    });
    cell(out, r, 1, None, |o| {
        for x in &h.right {
            line(o, x, 0);
        }
        rule(o, h.right_rule);
    });
    out.push_str("</w:tr>");
    row_start(out, false, false);
    cell(out, l, 1, None, |o| line(o, &h.number, 120));
    cell(out, r, 1, None, |o| line(o, &h.place_date, 120));
    out.push_str("</w:tr></w:tbl>");
}

pub fn title(out: &mut String, t: &TitleBlock) {
    line(out, &t.doc_type, 360);
    if let Some(s) = &t.summary {
        line(out, s, 0);
    }
    if let Some(a) = &t.attached {
        line(out, a, 0);
    }
    if let Some(r) = t.rule {
        rule(out, r);
    }
}

/// A body paragraph: justified, 1 cm first-line indent, 6 pt before, the unit's line spacing.
pub fn body(out: &mut String, p: &Para, layout: &Layout) {
    let ppr = PPr {
        keep_next: p.keep_next,
        spacing: Some((
            BEFORE,
            0,
            Some((240.0 * layout.line_spacing).round() as u32),
            false,
        )),
        ind: Some((0, 0, FIRST_LINE)),
        jc: Jc::Both,
        ..Default::default()
    };
    let rpr = RPr {
        bold: p.bold,
        italic: p.italic,
        ..Default::default()
    };
    para(out, &ppr, |o| {
        for span in &p.spans {
            match span {
                Span::Text(t) if !t.is_empty() => run(o, t, rpr),
                Span::Styled(t, em) if !t.is_empty() => run(
                    o,
                    t,
                    RPr {
                        bold: rpr.bold || em.bold,
                        italic: rpr.italic || em.italic,
                        underline: em.underline,
                        ..rpr
                    },
                ),
                Span::Text(_) | Span::Styled(..) => {}
                Span::Note(n) => o.push_str(&format!(
                    r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>"#
                )),
            }
        }
    });
}

pub fn signature(out: &mut String, s: &SignatureBlock) {
    let (l, r) = s.widths;
    layout_table(out, &[l, r], 0);
    row_start(out, true, false);
    cell(out, l, 1, None, |o| {
        for (i, x) in s.recipients.iter().enumerate() {
            let ppr = PPr {
                spacing: Some((if i == 0 { 240 } else { 0 }, 0, Some(240), false)),
                ..Default::default()
            };
            text_para(o, &ppr, &x.text, RPr::pt(x.pt, x.bold, x.italic));
        }
    });
    cell(out, r, 1, None, |o| {
        for (i, x) in s.signer.iter().enumerate() {
            line(o, x, if i == 0 { 240 } else { 0 });
        }
        for _ in 0..s.blank_lines {
            para(
                o,
                &PPr {
                    spacing: tight(),
                    ..Default::default()
                },
                |_| {},
            );
        }
        if let Some(n) = &s.name {
            line(o, n, 0);
        }
    });
    out.push_str("</w:tr></w:tbl>");
}
