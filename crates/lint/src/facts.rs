//! The facts a unit plan must never get wrong, each finding quoting the words: a year of last
//! year left in the unit's own wording or its appendix, the unit called by another kind of
//! unit's name, and the parent plan cited with another issuer, number or date than its own
//! header has ([`against_parent`]).
use super::{finding, Area, Finding};
use kehoach_model::Plan;
use kehoach_nd30::names::{self, kind_of};
use kehoach_nd30::spans::{citations, protected};
use kehoach_nd30::years::stale;
use kehoach_text::fold;

/// The texts of a plan a rule reads, with where they are: items, the title's summary, the
/// intro and closing, appendix cells (not the bases: they cite documents, dates and all).
fn texts(plan: &Plan) -> Vec<(Area, String, String, String)> {
    let mut out: Vec<(Area, String, String, String)> = plan
        .items()
        .into_iter()
        .map(|(_, i)| (Area::Body, i.label.clone(), i.text.clone(), i.id.clone()))
        .collect();
    out.push((
        Area::Title,
        "Trích yếu".into(),
        plan.summary.clone(),
        String::new(),
    ));
    out.push((
        Area::Intro,
        "Mở đầu".into(),
        plan.intro.clone(),
        String::new(),
    ));
    out.push((
        Area::Closing,
        "Kết thúc".into(),
        plan.closing.clone(),
        String::new(),
    ));
    if let Some(a) = &plan.appendix {
        for g in &a.groups {
            for r in &g.rows {
                for (c, cell) in r.cells.iter().enumerate() {
                    let column = a.columns.get(c + 1).map_or("", String::as_str);
                    out.push((
                        Area::Appendix,
                        format!("Phụ lục, dòng {} ({column})", r.label),
                        cell.clone(),
                        r.id.clone(),
                    ));
                }
            }
        }
    }
    out
}

fn quoting(rule: &str, area: Area, label: &str, words: &str, text: &str, node: &str) -> Finding {
    let mut f = finding(rule, area, label, text, node);
    f.message = format!("“{}”: {}", words.trim(), f.message);
    f
}

/// The words around a range, for the quote: "… trong năm 2024 …".
fn around(text: &str, start: usize, end: usize) -> String {
    let (b, a) = kehoach_text::context(text, start, end, 4);
    format!("{b}{}{a}", &text[start..end]).trim().to_string()
}

/// Last year's years in the unit's wording and appendix ("Trong năm 2024" in a 2025 plan).
pub fn stale_years(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(year) = plan.year() else {
        return;
    };
    // (The trích yếu's year is checked against the plan's by the title-year rule.)
    for (area, label, text, node) in texts(plan).into_iter().filter(|t| t.0 != Area::Title) {
        let spans = protected(&text);
        for s in stale(&text, year, &spans) {
            let mut f = quoting(
                "stale-year",
                area,
                &label,
                &around(&text, s.start, s.end),
                &text,
                &node,
            );
            f.message = format!("{} (Kế hoạch năm {year}.)", f.message);
            out.push(f);
        }
    }
}

/// Words a plan uses for itself when it names its kind of unit, and the kind each belongs to.
const SELF_NAMES: &[(&str, &str)] = &[
    ("nhà trường", "trường"),
    ("trạm y tế", "trạm"),
    ("trung tâm y tế", "trung tâm"),
    ("bệnh viện", "bệnh viện"),
];

/// The unit called by another kind of unit's name, as itself ("của trạm y tế" in the plan of a
/// Trung tâm Y tế): only where the words stand for the unit (after "của", "tại", before
/// "mình"), not where another unit is named ("Trạm Y tế phường Sài Gòn").
pub fn unit_named(plan: &Plan, out: &mut Vec<Finding>) {
    let own = kind_of(&plan.header.issuer);
    if own == "đơn vị" {
        return;
    }
    for (area, label, text, node) in texts(plan) {
        for (words, kind) in SELF_NAMES {
            if *kind == own {
                continue;
            }
            for (s, e) in kehoach_text::find_all(&text, words) {
                let before = fold(text[..s].trim_end());
                let rest = text[e..].trim_start();
                // As the one who acts: at the start of a sentence, or after "của", "tại".
                let starts = before.is_empty() || before.ends_with(['.', ';', ':', '-', '+']);
                let as_self = before.ends_with(" cua")
                    || before.ends_with(" tai")
                    || matches!(before.as_str(), "cua" | "tai")
                    || fold(rest).starts_with("minh")
                    || starts;
                // "Trạm Y tế phường Sài Gòn", "Bệnh viện huyện", "Trung tâm Y tế Quận 1":
                // another unit, named.
                let next = rest
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(|c: char| !c.is_alphanumeric());
                let names_another = next.chars().next().is_some_and(char::is_uppercase)
                    || [
                        "phuong", "xa", "khu", "quan", "huyen", "thanh", "tinh", "dac",
                    ]
                    .contains(&fold(next).as_str());
                if as_self && !names_another {
                    out.push(quoting(
                        "unit-name",
                        area,
                        &label,
                        &text[s..e],
                        &text,
                        &node,
                    ));
                    break;
                }
            }
        }
    }
}

/// The unit plan's citations of its parent plan against the parent plan's own header: the
/// issuer, the number and symbol, the date. A citation is the parent plan's when it cites its
/// symbol and number, or (a plan issued with a decision) the decision's.
pub fn against_parent(unit: &Plan, parent: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let (number, symbol, date, issuer) = match &parent.issued_with {
        Some(d) => (d.number.clone(), d.symbol.clone(), d.date, d.issuer.clone()),
        None => (
            parent.header.number.clone(),
            parent.header.symbol.clone(),
            parent.header.date,
            parent.header.issuer.clone(),
        ),
    };
    let (Some(number), false) = (number, symbol.trim().is_empty()) else {
        return out;
    };
    let issuer = names::normal_case(issuer.trim());
    let cited_symbol = format!("{}/{}", number.trim(), symbol.trim());
    for (i, basis) in unit.bases.iter().enumerate() {
        for (s, e) in citations(basis) {
            let citation = &basis[s..e];
            // The same symbol with the same number: the parent plan (or its decision).
            if !citation.contains(&cited_symbol) {
                continue;
            }
            let mut wrong = Vec::new();
            if let Some(d) = date {
                let long = kehoach_nd30::date_text(d);
                let short = d.format("%d/%m/%Y").to_string();
                let folded = fold(citation);
                if citation.contains("ngày")
                    && !folded.contains(&fold(&long))
                    && !citation.contains(&short)
                {
                    wrong.push(format!("ngày ban hành là {long}"));
                }
            }
            if !issuer.is_empty() {
                let after = citation.split(" của ").nth(1).unwrap_or("");
                if !after.is_empty() && !fold(after).starts_with(&fold(&issuer)) {
                    wrong.push(format!("cơ quan ban hành là {issuer}"));
                }
            }
            if !wrong.is_empty() {
                let mut f = quoting(
                    "parent-citation",
                    Area::Bases,
                    &format!("Căn cứ {}", i + 1),
                    citation,
                    basis,
                    &format!("basis:{i}"),
                );
                f.message = format!(
                    "{} Theo phần đầu của kế hoạch cấp trên: {}.",
                    f.message,
                    wrong.join(", ")
                );
                out.push(f);
            }
        }
    }
    out
}
