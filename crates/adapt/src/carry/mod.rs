//! Next year's plan from this year's ("Lập kế hoạch năm sau"): last year's parent plan and the
//! unit's decisions about it, carried to this year's parent plan. Items the parent left as they
//! were (but for the year) keep last year's decision and words, wherever they moved; new and
//! reworded items are left for the judge and the user; the unit's own items, its appendix cells,
//! its ordering and its own sentences follow the items they were attached to, their years moved
//! to the new plan's year (outside citations and statements about past results).
mod matching;

pub use matching::{match_items, Matching};

use kehoach_model::{
    AddedItem, Container, Decisions, ItemChange, NodeDecision, Plan, Previous, RemovedItem,
};
use std::collections::BTreeMap;

/// Last year: the parent plan, what the unit decided about it and what its plan kept.
pub struct LastYear<'a> {
    pub parent: &'a Plan,
    pub decisions: &'a Decisions,
    /// Per parent item id: whether last year's unit plan had it (the adaptation's node states).
    pub kept: &'a BTreeMap<String, bool>,
    /// The year of last year's unit plan.
    pub year: i32,
}

/// Last year's decisions for this year's parent plan `new` (a plan for `year`), and what the
/// parent changed.
pub fn carry(last: &LastYear, new: &Plan, year: i32) -> (Decisions, Previous) {
    let m = match_items(last.parent, new);
    let continued = m.continued();
    // Last year's id → this year's first item continuing it (any kind of change): where the
    // unit's own items, cells and order go.
    let to_new: BTreeMap<&str, &str> = continued
        .iter()
        .filter_map(|(old, news)| news.first().map(|n| (*old, *n)))
        .collect();
    let moved = |text: &str| move_years(text, last.year, year);
    let d = last.decisions;
    let mut out = Decisions {
        rules: d.rules.clone(),
        ..Decisions::default()
    };
    for (id, change) in &m.changes {
        let (ItemChange::Same { was } | ItemChange::Moved { was }) = change else {
            continue;
        };
        let decision = match d.nodes.get(was) {
            Some(NodeDecision::Edit { text }) => Some(NodeDecision::Edit { text: moved(text) }),
            Some(other) => Some(other.clone()),
            None => last.kept.get(was).map(|k| {
                if *k {
                    NodeDecision::Keep
                } else {
                    NodeDecision::Drop
                }
            }),
        };
        if let Some(decision) = decision {
            out.nodes.insert(id.clone(), decision);
        }
        // Rewordings answered one by one: "rule:ITEM:rest".
        for (proposal, answer) in &d.rewordings {
            let mut parts = proposal.splitn(3, ':');
            let (Some(rule), Some(node), rest) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            if node == was {
                let rest = rest.map(|r| format!(":{r}")).unwrap_or_default();
                out.rewordings.insert(format!("{rule}:{id}{rest}"), *answer);
            }
        }
    }
    let item = |id: &str| -> Option<String> {
        if id.starts_with('u') && d.added.iter().any(|a| a.id == id) {
            Some(id.to_string())
        } else {
            to_new.get(id).map(|n| n.to_string())
        }
    };
    let container = |c: &Container| -> Container {
        match c {
            Container::Part(_) => c.clone(),
            Container::Item(id) => match item(id) {
                Some(n) => Container::Item(n),
                // Its heading is gone: the part it was in.
                None => last
                    .parent
                    .items()
                    .into_iter()
                    .find(|(_, i)| i.id == *id)
                    .and_then(|(p, _)| p.topic())
                    .map(Container::Part)
                    .unwrap_or_else(|| c.clone()),
            },
        }
    };
    for a in &d.added {
        out.added.push(AddedItem {
            id: a.id.clone(),
            parent: container(&a.parent),
            after: a.after.as_deref().and_then(&item),
            kind: a.kind,
            text: moved(&a.text),
        });
    }
    for (c, ids) in &d.order {
        let ids: Vec<String> = ids.iter().filter_map(|i| item(i)).collect();
        if !ids.is_empty() {
            out.order.insert(container(c), ids);
        }
    }
    for (id, cells) in &d.appendix {
        if let Some(n) = item(id) {
            out.appendix
                .insert(n, cells.iter().map(|c| moved(c)).collect());
        }
    }
    out.texts = d.texts.iter().map(|(k, v)| (k.clone(), moved(v))).collect();
    let removed = m
        .removed
        .iter()
        .filter_map(|id| {
            let i = last.parent.item(id)?;
            Some(RemovedItem {
                id: id.clone(),
                label: i.label.clone(),
                text: i.text.clone(),
                kept: last.kept.get(id).copied().unwrap_or(false),
            })
        })
        .collect();
    let previous = Previous {
        year: last.year,
        changes: m.changes,
        removed,
        undone: Vec::new(),
    };
    (out, previous)
}

/// The unit's words of last year for the plan's year: each year of last year's plan (or before
/// it) moves by the years between the plans — "Quý I/2026" → "Quý I/2027", "tháng 12/2025" →
/// "tháng 12/2026" — but not in a citation, a period that holds the new year, or a statement
/// about past results.
pub fn move_years(text: &str, from: i32, to: i32) -> String {
    if to <= from {
        return text.to_string();
    }
    let spans = kehoach_nd30::spans::protected(text);
    let shift = to - from;
    let mut out = text.to_string();
    for y in kehoach_nd30::years::stale(text, to, &spans)
        .into_iter()
        .rev()
    {
        // A period ("giai đoạn 2021 - 2025") is a programme's, not the plan's year: the
        // checker's stale-year proposal asks about it.
        let Ok(old) = y.found.parse::<i32>() else {
            continue;
        };
        out.replace_range(y.start..y.end, &(old + shift).min(to).to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_years_move_by_the_years_between_the_plans() {
        assert_eq!(
            move_years(
                "Báo cáo kết quả trước ngày 15/12/2026; Quý I/2026.",
                2026,
                2027
            ),
            "Báo cáo kết quả trước ngày 15/12/2027; Quý I/2027."
        );
        assert_eq!(
            move_years(
                "Xây dựng kế hoạch trong tháng 12/2025 và năm 2026",
                2026,
                2027
            ),
            "Xây dựng kế hoạch trong tháng 12/2026 và năm 2027"
        );
        // Citations and past results keep their years.
        let cited = "Theo Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân phường";
        assert_eq!(move_years(cited, 2026, 2027), cited);
        let past = "Duy trì kết quả năm 2025 so với năm 2024";
        assert_eq!(move_years(past, 2026, 2027), past);
        let period = "giai đoạn 2021 - 2025";
        assert_eq!(move_years(period, 2025, 2026), period);
    }
}
