//! Rules on a plan's content: numbering, the header's number and symbol, bases, recipients,
//! signer, the parent's scope left in a unit's plan, capitalisation, empty items.
use super::{finding, Area, Finding};
use kehoach_model::{Item, ItemKind, Plan};
use kehoach_nd30::{authority, Authority};
use kehoach_text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// Checks a plan's content.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut out = check_raw(plan);
    let places = plan.places();
    for f in out.iter_mut().filter(|f| f.location.area == Area::Body) {
        if let Some((label, topic)) = places.get(&f.location.node) {
            f.location.label = label.clone();
            f.location.topic = *topic;
        }
    }
    out
}

fn check_raw(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    numbering(plan, &mut out);
    header(plan, &mut out);
    bases(plan, &mut out);
    year(plan, &mut out);
    recipients(plan, &mut out);
    signer(plan, &mut out);
    scope(plan, &mut out);
    capitalisation(plan, &mut out);
    super::facts::stale_years(plan, &mut out);
    super::consistency::bases_after_the_plan(plan, &mut out);
    super::consistency::appendix_subtitle(plan, &mut out);
    super::consistency::one_year(plan, &mut out);
    super::facts::unit_named(plan, &mut out);
    for (_, item) in plan.items() {
        if item.text.trim().is_empty() && item.items.is_empty() {
            out.push(finding("empty-item", Area::Body, &item.label, "", &item.id));
        }
    }
    out
}

fn numbering(plan: &Plan, out: &mut Vec<Finding>) {
    fn siblings(items: &[Item], out: &mut Vec<Finding>) {
        let mut prev: Option<(Vec<u32>, &Item)> = None;
        let mut seen: Vec<&str> = Vec::new();
        for item in items {
            if item.kind == ItemKind::Numbered {
                let nums: Vec<u32> = item
                    .label
                    .trim_end_matches('.')
                    .split('.')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect();
                if seen.contains(&item.label.as_str()) {
                    out.push(finding(
                        "numbering-duplicate",
                        Area::Body,
                        &item.label,
                        &item.text,
                        &item.id,
                    ));
                } else if let (Some(last), Some((p, _))) = (nums.last(), &prev) {
                    let expected = p.last().map_or(1, |n| n + 1);
                    if p.len() == nums.len() && *last != expected && *last > expected {
                        out.push(finding(
                            "numbering-gap",
                            Area::Body,
                            &item.label,
                            &item.text,
                            &item.id,
                        ));
                    }
                } else if prev.is_none() && nums.last().is_some_and(|n| *n > 1) {
                    out.push(finding(
                        "numbering-gap",
                        Area::Body,
                        &item.label,
                        &item.text,
                        &item.id,
                    ));
                }
                seen.push(&item.label);
                prev = Some((nums, item));
            }
            siblings(&item.items, out);
        }
    }
    for part in &plan.parts {
        siblings(&part.items, out);
    }
}

static PLACE_ABBR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tp\.?\s*hcm|tp\.|tx\.|q\.\s*\d+|p\.\s*\d+|h\.\s)").unwrap()
});

fn header(plan: &Plan, out: &mut Vec<Finding>) {
    let h = &plan.header;
    let line = format!("Số: {}/{}", h.number.as_deref().unwrap_or(""), h.symbol);
    if let Some(n) = h.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        let bad = n
            .parse::<u32>()
            .map(|v| v < 10 && n.len() < 2)
            .unwrap_or(true);
        if bad {
            out.push(finding(
                "symbol-format",
                Area::Header,
                "Số, ký hiệu",
                &line,
                "",
            ));
        }
    }
    let symbol = h.symbol.trim();
    if !symbol.is_empty() {
        let spaced = symbol.contains(' ');
        let year = YEAR_IN_NUMBER.is_match(&line);
        let upper_code = ["TTR", "CTR", "QYĐ", "TRS"]
            .iter()
            .any(|c| symbol.starts_with(&format!("{c}-")));
        if spaced || year || upper_code {
            out.push(finding(
                "symbol-format",
                Area::Header,
                "Số, ký hiệu",
                &line,
                "",
            ));
        }
        let code = symbol.split('-').next().unwrap_or("");
        if let Some(expected) = kehoach_nd30::type_code(&plan.doc_type) {
            if code != expected && !code.is_empty() {
                out.push(finding(
                    "symbol-type",
                    Area::Header,
                    "Số, ký hiệu",
                    &line,
                    "",
                ));
            }
        }
    }
    if PLACE_ABBR.is_match(&h.place) {
        out.push(finding(
            "place-abbreviated",
            Area::Header,
            "Địa danh",
            &h.place,
            "",
        ));
    }
}

fn bases(plan: &Plan, out: &mut Vec<Finding>) {
    let n = plan.bases.len();
    for (i, b) in plan.bases.iter().enumerate() {
        let t = b.trim_end();
        let ok = if i + 1 == n {
            t.ends_with('.')
        } else {
            t.ends_with(';')
        };
        if !ok {
            out.push(finding(
                "bases-punctuation",
                Area::Bases,
                format!("Căn cứ {}", i + 1),
                b,
                &format!("basis:{i}"),
            ));
        }
    }
}

/// A plan for one year built on a parent plan for another ("Thực hiện Kế hoạch … về … năm
/// 2024" in a plan for 2026 cites the parent's old targets and results).
fn year(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(own) = plan.year() else {
        return;
    };
    // The basis that cites the parent plan comes last.
    let Some((i, b)) = plan.bases.iter().enumerate().next_back() else {
        return;
    };
    {
        if !fold(b).starts_with("thuc hien ke hoach") {
            return;
        }
        if let Some(cited) = cited_year(b).filter(|y| *y != own) {
            let mut f = finding(
                "year-mismatch",
                Area::Bases,
                format!("Căn cứ {}", i + 1),
                b,
                &format!("basis:{i}"),
            );
            f.message = format!(
                "Kế hoạch năm {own}, kế hoạch cấp trên năm {cited}. {}",
                f.message
            );
            out.push(f);
        }
    }
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(tháng\s+\d{1,2}\s+)?năm\s+(\d{4})").unwrap());
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})").unwrap());

/// The year a cited plan is for: the last "năm …" that is not its date ("ngày 30 tháng 9 năm
/// 2021"). `None` when it covers a period that holds `own`… or names no year of its own.
fn cited_year(basis: &str) -> Option<i32> {
    let years: Vec<i32> = YEAR
        .captures_iter(basis)
        .filter(|c| c.get(1).is_none())
        .filter_map(|c| c[2].parse().ok())
        .collect();
    let period = PERIOD.captures(basis).and_then(|c| {
        let a: i32 = c[1].parse().ok()?;
        let b: i32 = c[2].parse().ok()?;
        Some((a, b))
    });
    match period {
        Some(_) if years.is_empty() => None,
        _ => years.last().copied(),
    }
}

fn recipients(plan: &Plan, out: &mut Vec<Finding>) {
    if plan.recipients.is_empty() {
        return;
    }
    let last = plan.recipients.last().unwrap();
    // "Lưu: VT, …" with its colon (not "Lưu VT").
    let line = last.trim_start_matches(['-', ' ']);
    let colon = line
        .strip_prefix("Lưu")
        .is_some_and(|rest| rest.trim_start().starts_with(':'));
    if !fold(line).starts_with("luu") || !colon {
        out.push(finding(
            "recipients-luu",
            Area::Recipients,
            "Nơi nhận",
            last,
            "",
        ));
    }
}

static YEAR_IN_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(19|20)\d\d/").unwrap());

fn signer(plan: &Plan, out: &mut Vec<Finding>) {
    let s = &plan.signer;
    // A plan issued with a decision is signed on the decision.
    if s.name.trim().is_empty() && plan.issued_with.is_none() {
        out.push(finding(
            "signer-name",
            Area::Signer,
            "Người ký",
            &s.title,
            "",
        ));
    }
    let a = s.authority.trim();
    if !a.is_empty() {
        // The prefix in capitals with its dot, before the head's title, not the deputy's own.
        let ok = Authority::parse(a).is_some_and(|(_, head)| {
            kehoach_text::is_caps(&head) && !authority::is_deputy_title(&head)
        });
        if !ok || s.title.trim().is_empty() {
            out.push(finding("signer-authority", Area::Signer, "Người ký", a, ""));
        }
    } else if Authority::parse_loose(&s.title).is_some() {
        out.push(finding(
            "signer-authority",
            Area::Signer,
            "Người ký",
            &s.title,
            "",
        ));
    }
}

/// The parent's own scope and organs left in a unit's plan, and sentences a substitution broke;
/// each finding quotes the words.
fn scope(plan: &Plan, out: &mut Vec<Finding>) {
    let phrases = kehoach_parent::scope::of_unit_plan(plan);
    let parent = plan.header.parent_body.clone().unwrap_or_default();
    for (_, item) in plan.items() {
        if let Some(phrases) = &phrases {
            let text = kehoach_parent::scope::without_references(&item.text);
            let mut found: Vec<String> = Vec::new();
            for (_, _, phrase) in kehoach_parent::occurrences(&text, phrases) {
                if !found.contains(&phrase) {
                    found.push(phrase);
                }
            }
            if !found.is_empty() {
                out.push(quoted("parent-scope", &found.join("”, “"), item));
            }
        }
        if phrases.is_some() {
            if let Some(actor) =
                super::sentences::parent_actor_except(&item.text, &parent, &plan.header.issuer)
            {
                out.push(quoted("parent-actor", &actor, item));
            }
        }
        if let Some(words) = super::sentences::broken(&item.text) {
            out.push(quoted("broken-sentence", &words, item));
        }
    }
}

/// A finding on an item that quotes the words at fault.
fn quoted(rule: &str, words: &str, item: &Item) -> Finding {
    let mut f = finding(rule, Area::Body, &item.label, &item.text, &item.id);
    f.message = format!("“{}”: {}", words.trim(), f.message);
    f
}

fn capitalisation(plan: &Plan, out: &mut Vec<Finding>) {
    let mut texts: Vec<(Area, String, String, String)> = plan
        .items()
        .into_iter()
        .map(|(_, i)| (Area::Body, i.label.clone(), i.text.clone(), i.id.clone()))
        .collect();
    texts.push((
        Area::Title,
        "Trích yếu".into(),
        plan.summary.clone(),
        String::new(),
    ));
    for (i, b) in plan.bases.iter().enumerate() {
        texts.push((
            Area::Bases,
            format!("Căn cứ {}", i + 1),
            b.clone(),
            format!("basis:{i}"),
        ));
    }
    for (area, label, text, node) in texts {
        if kehoach_nd30::names::miscapitalised(&text).is_some() {
            out.push(finding("capitalisation", area, &label, &text, &node));
        }
    }
}
