//! The appendix table: a heading row repeated on every page (`w:tblHeader`), group rows across
//! the columns, task rows kept whole unless taller than a page. A group's row keeps with its first
//! task, and the last task row but one with the last (Word keeps a row whose paragraphs are "keep
//! with next" on the page of the row after it): no row alone at the foot or the top of a page.
use super::blocks::{line, rule};
use super::xml::{cell, grid, para, row_start, run, Jc, PPr, RPr, TblPr, VAlign};
use kehoach_layout::{AppendixPage, Row, TABLE_PT};

fn cell_text(out: &mut String, text: &str, bold: bool, center: bool, keep_next: bool) {
    let ppr = PPr {
        spacing: Some((40, 40, None, false)),
        jc: if center { Jc::Center } else { Jc::Left },
        keep_next,
        ..Default::default()
    };
    let rpr = RPr::pt(TABLE_PT, bold, false);
    let mut any = false;
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        para(out, &ppr, |o| run(o, l.trim(), rpr));
        any = true;
    }
    if !any {
        para(out, &ppr, |_| {});
    }
}

pub fn appendix(out: &mut String, a: &AppendixPage) {
    for l in &a.heading {
        line(out, l, 0);
    }
    rule(out, a.rule);
    para(out, &PPr::default(), |_| {});
    out.push_str("<w:tbl>");
    TblPr {
        width: a.widths.iter().sum(),
        indent: 0,
        borders: true,
        cell_margin: 85,
    }
    .write(out);
    grid(out, &a.widths);
    row_start(out, true, true);
    for (c, w) in a.columns.iter().zip(&a.widths) {
        cell(out, *w, 1, Some(VAlign::Center), |o| {
            cell_text(o, c, true, true, false)
        });
    }
    out.push_str("</w:tr>");
    let n = a.widths.len();
    let last = a.rows.len().saturating_sub(1);
    for (j, row) in a.rows.iter().enumerate() {
        match row {
            Row::Group { label, title } => {
                row_start(out, true, false);
                cell(out, a.widths[0], 1, Some(VAlign::Top), |o| {
                    cell_text(o, label, true, true, true)
                });
                let span: u32 = a.widths[1..].iter().sum();
                cell(out, span, n - 1, Some(VAlign::Top), |o| {
                    cell_text(o, title, true, false, true)
                });
                out.push_str("</w:tr>");
            }
            Row::Task {
                label,
                cells,
                splittable,
            } => {
                row_start(out, !splittable, false);
                let keep = j + 1 == last && !splittable;
                cell(out, a.widths[0], 1, Some(VAlign::Top), |o| {
                    cell_text(o, label, false, true, keep)
                });
                for (i, w) in a.widths.iter().enumerate().skip(1) {
                    let text = cells.get(i - 1).map(String::as_str).unwrap_or("");
                    cell(out, *w, 1, Some(VAlign::Top), |o| {
                        cell_text(o, text, false, false, keep)
                    });
                }
                out.push_str("</w:tr>");
            }
        }
    }
    out.push_str("</w:tbl>");
}
