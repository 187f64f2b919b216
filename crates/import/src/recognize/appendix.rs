//! The appendix: "PHỤ LỤC", its title and "(Kèm theo …)" line, and the task table — a heading row,
//! group rows (reform areas), task rows, and rows cut at a page end joined back.
use super::{Builder, Stage};
use crate::blocks::Table;
use kehoach_model::{Appendix, AppendixGroup, AppendixRow};
use kehoach_text::{ends_sentence, fold, is_caps};
use regex::Regex;
use std::sync::LazyLock;

impl Builder {
    pub(super) fn appendix_line(&mut self, text: &str, folded: &str) {
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

    pub(super) fn table(&mut self, t: &Table) {
        if self.stage != Stage::Appendix {
            self.stage = Stage::Appendix;
        }
        self.appendix_title_open = false;
        let app = self.appendix.get_or_insert_with(Appendix::default);
        append_table(app, t);
    }
}

pub(super) fn is_appendix_heading(folded: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^phu luc(\s+[ivxl\d]+)?\.?$").unwrap());
    RE.is_match(folded.trim())
}

/// Adds a (piece of a) task table to the appendix: heading rows once, group rows, task rows;
/// a row with an empty STT continues the row above (a row cut at a page end); the lower part of
/// a vertically merged cell (a lead or deadline shared by several tasks) has the text above it.
pub(super) fn append_table(app: &mut Appendix, t: &Table) {
    let mut above: Vec<String> = Vec::new();
    for row in &t.rows {
        let mut texts: Vec<String> = row.iter().map(|c| c.text()).collect();
        for (i, c) in row.iter().enumerate() {
            if c.merged_above && texts[i].trim().is_empty() {
                texts[i] = above.get(i).cloned().unwrap_or_default();
            }
        }
        above = texts.clone();
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
        if let Some(group) = group_row(&texts) {
            app.groups.push(group);
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

/// A group row (a reform area): one cell spanning the table ("I. CẢI CÁCH THỂ CHẾ"), or the
/// area's label in the first cell and its title in the one other cell that has text (merged
/// across the row or not).
fn group_row(texts: &[String]) -> Option<AppendixGroup> {
    static LABELLED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([IVXL]{1,5}|[A-Z]|\d{1,2})\s*[.)\-–:]\s*(\S.*)$").unwrap());
    static AREA_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([IVXL]{1,5}|[A-Z])\.?$").unwrap());
    let filled: Vec<usize> = (0..texts.len())
        .filter(|&i| !texts[i].trim().is_empty())
        .collect();
    let group = |label: &str, title: &str| AppendixGroup {
        label: label.trim().trim_end_matches('.').to_string(),
        title: squash_lines(title),
        rows: Vec::new(),
    };
    match filled.as_slice() {
        // The whole row is one cell of text, in the STT column.
        [0] => {
            let text = squash_lines(&texts[0]);
            if let Some(c) = LABELLED.captures(&text) {
                return Some(group(&c[1], &c[2]));
            }
            (texts.len() > 2 && !AREA_LABEL.is_match(&text) && text.chars().count() > 3)
                .then(|| group("", &text))
        }
        [0, t] => {
            let label = texts[0].trim();
            let roman_or_letter = AREA_LABEL.is_match(label);
            // "1 | Cải cách thể chế | | |": a numbered area when only the next cell has text
            // (a merged group row printed to PDF has these two cells only).
            let numbered = *t == 1 && !label.trim_end_matches('.').contains('.');
            (roman_or_letter || numbered).then(|| group(label, &texts[*t]))
        }
        _ => None,
    }
}

fn squash_lines(t: &str) -> String {
    kehoach_text::squash(&t.replace('\n', " "))
}

pub(super) fn heading_text(t: &str) -> String {
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

pub(super) fn continue_row(app: &mut Appendix, cells: &[String]) {
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
pub(super) fn join_continued(prev: &str, cont: &str) -> String {
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
