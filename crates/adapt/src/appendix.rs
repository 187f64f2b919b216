//! The unit's appendix: one group per kept reform area, one row per kept task, with the product
//! and deadline of the parent's matching row (its own scope cut out), or those the task's words
//! call for (`cells.rs`), and owners among the unit's roles.
use super::context::Context;
use super::reword::{stale_years, Place};
use super::{AdaptError, AdaptOptions, Preset, Proposal};
use kehoach_model::{Appendix, AppendixGroup, AppendixRow, Column, Decisions, ItemKind, Plan};
use kehoach_parent::scope;
use kehoach_text::word_set;
use std::collections::HashMap;

/// A text's distinct words, as sorted numbers (see [`Vocabulary`]).
type Words = Vec<u32>;

/// The words of the parent's appendix rows, numbered, so that a task is compared with every row
/// by numbers rather than strings.
#[derive(Default)]
struct Vocabulary(HashMap<String, u32>);

impl Vocabulary {
    fn learn(&mut self, text: &str) -> Words {
        let mut words: Words = word_set(text)
            .into_iter()
            .map(|w| {
                let next = self.0.len() as u32;
                *self.0.entry(w).or_insert(next)
            })
            .collect();
        words.sort_unstable();
        words
    }

    /// The words of `text` known to the vocabulary, and how many words it has in all.
    fn read(&self, text: &str) -> (Words, usize) {
        let all = word_set(text);
        let mut words: Words = all.iter().filter_map(|w| self.0.get(w).copied()).collect();
        words.sort_unstable();
        (words, all.len())
    }
}

/// The unit's appendix. Last year's years in the cells taken from the parent's rows are
/// proposals (`proposals`) like those of the body.
#[allow(clippy::too_many_arguments)]
pub fn appendix(
    plan: &Plan,
    parent: &Plan,
    preset: &Preset,
    decisions: &Decisions,
    scope_phrases: &[String],
    render: &impl Fn(&str) -> Result<String, AdaptError>,
    ctx: &Context,
    opts: AdaptOptions,
    proposals: &mut Vec<Proposal>,
) -> Result<Appendix, AdaptError> {
    let year = plan.year.unwrap_or_default();
    let (vocabulary, parent_rows) = parent_rows(parent);
    // The unit's cells are always task, product, lead, partners, deadline; the headings keep
    // the parent's wording where the parent has that column ("Đơn vị chủ trì"), in that order.
    let defaults = Appendix::default_columns();
    let columns: Vec<String> = std::iter::once(defaults[0].clone())
        .chain(Column::ALL.iter().enumerate().map(|(i, &what)| {
            parent
                .appendix
                .as_ref()
                .and_then(|a| a.cell_of(what).map(|c| a.columns[c + 1].clone()))
                .unwrap_or_else(|| defaults[i + 1].clone())
        }))
        .collect();
    // The parent's product and deadline cells; the lead and cooperating bodies are the
    // parent's and are never copied. Where its headings name other columns but not this one,
    // it has none ("Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Ghi chú" has no
    // product: its fourth cell is the deadline, which was shown as the product); only
    // headings that name nothing are read by position.
    let named = parent
        .appendix
        .as_ref()
        .is_some_and(|a| Column::ALL[1..].iter().any(|&c| a.cell_of(c).is_some()));
    let cell_of = |what: Column, fallback: usize| -> Option<usize> {
        let found = parent.appendix.as_ref().and_then(|a| a.cell_of(what));
        found.or((!named).then_some(fallback))
    };
    let product_cell = cell_of(Column::Product, 3);
    let deadline_cell = cell_of(Column::Deadline, 4);
    let mut groups = Vec::new();
    // One row per task of the plan (the leaves of work of each area: a "Nhiệm vụ" subsection's
    // points, not its heading), the tracker's tasks.
    for area in plan.task_areas() {
        let Some(heading) = area.heading.filter(|h| h.kind == ItemKind::Numbered) else {
            continue;
        };
        let mut rows = Vec::new();
        for (task, label) in area.tasks.into_iter().zip(area.labels) {
            let matched = best_row(vocabulary.read(&task.text), &parent_rows);
            let clean = |cell: Option<&String>, default: &str| -> String {
                let lines: Vec<&str> = cell
                    .map(|c| {
                        c.lines()
                            .filter(|l| scope::occurrences(l, scope_phrases).is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                if lines.is_empty() {
                    ctx.fill(default)
                } else {
                    lines.join("\n")
                }
            };
            let cells = match decisions.appendix.get(&task.id) {
                Some(own) => own.clone(),
                None => {
                    // The parent's product and deadline where its appendix has the task; what
                    // the task's own words call for otherwise; the unit's own roles always.
                    let own = super::cells::task_cells(&task.text, preset);
                    let mut cells = vec![
                        table_task(&task.text),
                        clean(
                            matched.and_then(|r| r.cells.get(product_cell?)),
                            &own.product,
                        ),
                        ctx.fill(&own.lead),
                        ctx.fill(&own.partners),
                        clean(
                            matched.and_then(|r| r.cells.get(deadline_cell?)),
                            &own.deadline,
                        ),
                    ];
                    for (c, cell) in cells.iter_mut().enumerate().skip(1) {
                        let at = Place {
                            node: &task.id,
                            cell: Some(c),
                        };
                        stale_years(cell, &at, year, decisions, opts, proposals);
                    }
                    cells
                }
            };
            rows.push(AppendixRow {
                id: task.id.clone(),
                // The task's own label (`TaskArea::labels`), as the tracker shows it.
                label,
                cells,
                source: matched.map(|r| r.label.clone()),
            });
        }
        if !rows.is_empty() {
            groups.push(AppendixGroup {
                label: heading.label.trim_end_matches('.').to_string(),
                title: heading.text.trim_end_matches([':', '.']).to_string(),
                rows,
            });
        }
    }
    Ok(Appendix {
        title: render("appendix_title")?,
        subtitle: render("appendix_subtitle")?,
        columns,
        groups,
    })
}

/// The task as the appendix states it: a long item is cut to its first sentence (the body keeps
/// the whole text).
fn table_task(text: &str) -> String {
    const LONG: usize = 45;
    if text.split_whitespace().count() <= LONG {
        return text.to_string();
    }
    let end = text
        .match_indices(['.', ';'])
        .map(|(i, _)| i)
        .find(|&i| text[..i].split_whitespace().count() >= 8 && text[i + 1..].starts_with(' '))
        .unwrap_or(text.len());
    let first = text[..end].trim_end_matches([';', '.', ',']).trim();
    format!("{first}.")
}

/// Each parent item that has a row in the parent's appendix, with that row's lead cell ("Cơ
/// quan chủ trì"): whose work the parent says the task is.
pub(crate) fn leads(parent: &Plan) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let Some(a) = parent.appendix.as_ref() else {
        return out;
    };
    let Some(lead) = a.cell_of(Column::Lead) else {
        return out;
    };
    let (vocabulary, rows) = parent_rows(parent);
    for (_, item) in parent.items() {
        if item.text.split_whitespace().count() < 4 {
            continue;
        }
        if let Some(row) = best_row(vocabulary.read(&item.text), &rows) {
            out.insert(
                item.id.clone(),
                row.cells.get(lead).cloned().unwrap_or_default(),
            );
        }
    }
    out
}

/// The parent appendix's rows with the words of their task cells, for [`best_row`].
fn parent_rows(parent: &Plan) -> (Vocabulary, Vec<(Words, &AppendixRow)>) {
    let mut vocabulary = Vocabulary::default();
    let rows = parent
        .appendix
        .iter()
        .flat_map(|a| a.groups.iter().flat_map(|g| g.rows.iter()))
        .map(|r| {
            let task = r.cells.first().map_or("", String::as_str);
            (vocabulary.learn(task), r)
        })
        .collect();
    (vocabulary, rows)
}

/// The parent appendix row whose task is most like `text` (shared words), if alike enough.
fn best_row<'a>(
    (a, len): (Words, usize),
    rows: &[(Words, &'a AppendixRow)],
) -> Option<&'a AppendixRow> {
    if len == 0 {
        return None;
    }
    rows.iter()
        .filter_map(|(b, r)| {
            let common = common(&a, b) as f64;
            let score = common / (len.min(b.len()).max(1) as f64);
            (score >= 0.6).then_some((score, *r))
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, r)| r)
}

/// How many numbers two sorted lists share.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
