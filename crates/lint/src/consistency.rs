//! A plan agrees with itself, as a careful clerk checks it before signing: it cites no document
//! dated after its own date; its appendix says it comes with this plan (the same number and date);
//! its trích yếu, its appendix's title and its own "Kế hoạch … năm …" say the same year.
use super::{finding, Area, Finding};
use chrono::Datelike;
use kehoach_model::Plan;
use kehoach_nd30::dates::first_date;
use kehoach_nd30::spans::{citations, protected};
use kehoach_text::fold;

fn quoted(
    rule: &str,
    area: Area,
    label: &str,
    words: &str,
    text: &str,
    node: &str,
    more: &str,
) -> Finding {
    let mut f = finding(rule, area, label, text, node);
    f.message = format!("“{}”: {} {more}", words.trim(), f.message)
        .trim_end()
        .to_string();
    f
}

/// A basis that cites a document dated after the plan itself.
pub fn bases_after_the_plan(plan: &Plan, out: &mut Vec<Finding>) {
    // A plan issued with a decision is dated by the decision.
    let decision = plan.issued_with.as_ref().and_then(|d| d.date);
    let Some(own) = plan.header.date.or(decision) else {
        return;
    };
    for (i, basis) in plan.bases.iter().enumerate() {
        for (s, e) in citations(basis) {
            let cited = &basis[s..e];
            if let Some(d) = first_date(cited).filter(|d| *d > own) {
                out.push(quoted(
                    "bases-date",
                    Area::Bases,
                    &format!("Căn cứ {}", i + 1),
                    cited,
                    basis,
                    &format!("basis:{i}"),
                    &format!(
                        "(Văn bản ngày {}, kế hoạch ngày {}.)",
                        d.format("%d/%m/%Y"),
                        own.format("%d/%m/%Y")
                    ),
                ));
            }
        }
    }
}

/// The appendix's "(Kèm theo Kế hoạch số … ngày …)" against the plan's own number and date.
pub fn appendix_subtitle(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(a) = &plan.appendix else {
        return;
    };
    // The plan's own number and date, or those of the decision it is issued with.
    let h = &plan.header;
    let (number, symbol, date) = match (&h.number, &plan.issued_with) {
        (None, Some(d)) => (d.number.clone(), d.symbol.clone(), d.date),
        _ => (h.number.clone(), h.symbol.clone(), h.date),
    };
    let Some((s, e)) = citations(&a.subtitle).into_iter().next() else {
        return;
    };
    let cited = &a.subtitle[s..e];
    let mut wrong = Vec::new();
    if let Some(n) = number.as_deref().filter(|n| !n.trim().is_empty()) {
        let own = format!("{}/{}", n.trim(), symbol.trim());
        let padded = format!("{:0>2}/{}", n.trim(), symbol.trim());
        if !cited.contains(&own) && !cited.contains(&padded) {
            wrong.push(format!("số {own}"));
        }
    }
    if let (Some(own), Some(d)) = (date, first_date(cited)) {
        if own != d {
            wrong.push(format!("ngày {}", own.format("%d/%m/%Y")));
        }
    }
    if !wrong.is_empty() {
        out.push(quoted(
            "appendix-subtitle",
            Area::Appendix,
            "Phụ lục",
            cited,
            &a.subtitle,
            "",
            &format!("(Kế hoạch này: {}.)", wrong.join(", ")),
        ));
    }
}

/// The years the plan gives itself: its explicit year, else what its appendix title and its
/// own "Kế hoạch … năm …" sentences say most often, else the year of its date.
fn plan_year(plan: &Plan) -> Option<i32> {
    if plan.year.is_some() {
        return plan.year;
    }
    let mut years: Vec<i32> = own_years(plan).into_iter().map(|(y, _, _)| y).collect();
    if let Some(y) = plan
        .appendix
        .as_ref()
        .and_then(|a| kehoach_model::year_in(&a.title))
    {
        years.push(y);
    }
    years.sort_unstable();
    let mode = years
        .chunk_by(|a, b| a == b)
        .max_by_key(|c| c.len())
        .map(|c| c[0]);
    mode.or_else(|| plan.header.date.map(|d| d.year()))
}

/// "Kế hoạch … năm YYYY" in the intro and the closing, outside citations: (year, text, area).
fn own_years(plan: &Plan) -> Vec<(i32, String, Area)> {
    let mut out = Vec::new();
    for (text, area) in [(&plan.intro, Area::Intro), (&plan.closing, Area::Closing)] {
        let spans = protected(text);
        let f = fold(text);
        let mut from = 0;
        while let Some(at) = f[from..].find("ke hoach").map(|i| from + i) {
            from = at + 8;
            if spans.inside(at) || spans.starts_at(at) {
                continue;
            }
            // The "năm" of this plan's name, within the next dozen words.
            let window: String = text
                .char_indices()
                .skip_while(|(i, _)| *i < at)
                .map(|(_, c)| c)
                .take(90)
                .collect();
            if let Some(y) =
                kehoach_model::year_in(window.split([';', '.', ':']).next().unwrap_or(""))
            {
                out.push((y, text.clone(), area));
            }
        }
    }
    out
}

/// The trích yếu, the appendix's title and the plan's own sentences name another year than the
/// plan's.
pub fn one_year(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(year) = plan_year(plan) else {
        return;
    };
    let more = format!("(Kế hoạch năm {year}.)");
    if let Some(y) = kehoach_model::year_in(&plan.summary).filter(|y| *y != year) {
        let words = format!("năm {y}");
        out.push(quoted(
            "title-year",
            Area::Title,
            "Trích yếu",
            &words,
            &plan.summary,
            "",
            &more,
        ));
    }
    if let Some(a) = &plan.appendix {
        if let Some(y) = kehoach_model::year_in(&a.title).filter(|y| *y != year) {
            let words = format!("NĂM {y}");
            out.push(quoted(
                "title-year",
                Area::Appendix,
                "Phụ lục",
                &words,
                &a.title,
                "",
                &more,
            ));
        }
    }
    // (An earlier year in the plan's own sentences is a stale year, reported as such.)
    for (y, text, area) in own_years(plan) {
        if y > year {
            let label = if area == Area::Intro {
                "Mở đầu"
            } else {
                "Kết thúc"
            };
            out.push(quoted(
                "title-year",
                area,
                label,
                &format!("năm {y}"),
                &text,
                "",
                &more,
            ));
        }
    }
}
