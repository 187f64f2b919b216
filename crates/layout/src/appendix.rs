//! The appendix (Phụ lục I, mục III.1 and Mẫu 2.1): a landscape section with "Phụ lục", its title
//! in capitals, the "(Kèm theo Kế hoạch số … ngày … của …)" line in italics and a short rule, then
//! the task table whose heading row repeats on every page.
use super::{landscape_width, Line, Rule};
use kehoach_model::{Appendix, Plan};
use kehoach_nd30::{self as nd30, names, size, text_width_twips, Layout};
use kehoach_text::caps;

/// Rows of more lines than this (12 pt) may break across pages: a landscape page holds about 28,
/// and Word clips a row kept whole that is taller than a page.
const MAX_UNSPLIT_ROW_LINES: u32 = 22;
/// The size of the table's text.
pub const TABLE_PT: u32 = 12;

/// A row of the task table.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group (a reform area): its label and title across the other columns.
    Group { label: String, title: String },
    /// A task: its STT and the other cells (lines separated by "\n").
    Task {
        label: String,
        cells: Vec<String>,
        /// Taller than a page can hold whole: may break across pages.
        splittable: bool,
    },
}

/// The laid-out appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct AppendixPage {
    /// "Phụ lục", the title, the "(Kèm theo …)" line.
    pub heading: Vec<Line>,
    pub rule: Rule,
    pub columns: Vec<String>,
    /// Column widths in twips, summing to the landscape text width.
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// A page break before this row (the PDF's typesetter sets it when the last row would stand
    /// alone on the last page: the row before goes over with it).
    pub break_before: Option<usize>,
}

/// The appendix, when the plan has at least one row to show.
pub fn appendix(plan: &Plan, doc_type: &str, layout: &Layout, year: i32) -> Option<AppendixPage> {
    let app = plan.appendix.as_ref()?;
    if app.groups.iter().all(|g| g.rows.is_empty()) {
        return None;
    }
    let width = landscape_width(layout);
    let subtitle = if app.subtitle.trim().is_empty() {
        derived_subtitle(plan, doc_type, year)
    } else {
        app.subtitle.trim().to_string()
    };
    let mut heading = vec![Line::new("Phụ lục", size::TITLE, true, false)];
    if !app.title.trim().is_empty() {
        heading.push(Line::new(caps(app.title.trim()), size::TITLE, true, false));
    }
    let sub_width = text_width_twips(&subtitle, size::TITLE, false).min(width);
    heading.push(Line::new(subtitle, size::TITLE, false, true));
    let columns = if app.columns.is_empty() {
        Appendix::default_columns()
    } else {
        app.columns.clone()
    };
    let widths = column_widths(columns.len(), width);
    let mut rows = Vec::new();
    for g in &app.groups {
        if !g.title.trim().is_empty() || !g.label.trim().is_empty() {
            rows.push(Row::Group {
                label: g.label.clone(),
                title: g.title.clone(),
            });
        }
        for r in &g.rows {
            let mut cells = r.cells.clone();
            cells.resize(columns.len().saturating_sub(1), String::new());
            let lines = cells
                .iter()
                .zip(&widths[1..])
                .map(|(text, w)| {
                    let w = w.saturating_sub(170).max(1);
                    text.lines()
                        .map(|l| text_width_twips(l, TABLE_PT, false).div_ceil(w).max(1))
                        .sum::<u32>()
                })
                .max()
                .unwrap_or(1);
            rows.push(Row::Task {
                label: r.label.clone(),
                cells,
                splittable: lines >= MAX_UNSPLIT_ROW_LINES,
            });
        }
    }
    Some(AppendixPage {
        heading,
        rule: Rule {
            width: sub_width / 3,
            space: width,
        },
        columns,
        widths,
        rows,
        break_before: None,
    })
}

/// "(Kèm theo Kế hoạch số 14/KH-MNTH ngày 05 tháng 01 năm 2024 của Trường mầm non Tuổi Hồng)";
/// a draft leaves the number and the day and month blank.
fn derived_subtitle(plan: &Plan, doc_type: &str, year: i32) -> String {
    let h = &plan.header;
    let number = h.number.clone().unwrap_or_else(|| nd30::BLANK.into());
    let date = h
        .date
        .map(nd30::date_text)
        .unwrap_or_else(|| format!("ngày{0}tháng{0}năm {year}", nd30::BLANK));
    let issuer = names::normal_case(&h.issuer);
    format!(
        "(Kèm theo {doc_type} số {number}/{} {date} của {issuer})",
        h.symbol
    )
}

/// Column widths in twips: a narrow STT, a wide task column, the rest shared.
pub fn column_widths(n: usize, total: u32) -> Vec<u32> {
    if n == 6 {
        let parts = [5u32, 31, 16, 18, 19, 11];
        let mut w: Vec<u32> = parts.iter().map(|p| total * p / 100).collect();
        let used: u32 = w.iter().sum();
        w[1] += total - used;
        return w;
    }
    let n = n.max(1) as u32;
    if n == 1 {
        return vec![total];
    }
    let stt = total * 6 / 100;
    let rest = (total - stt) / (n - 1);
    let mut w = vec![stt];
    w.extend(std::iter::repeat_n(rest, n as usize - 1));
    let used: u32 = w.iter().sum();
    w[1] += total - used;
    w
}
