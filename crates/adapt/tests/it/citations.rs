//! Facts a unit plan never changes, over every corpus parent (and the built-in District 1 plan)
//! × every preset, every default accepted: a document the parent cites survives word for word
//! (from "số" to the end of its title) wherever the unit keeps it; the basis citing the parent
//! plan names the parent's own issuer, number and date — also when the unit's parent body is
//! another (the district that issued the plan is gone, the unit answers to a ward); and no year
//! before the plan's is left in the parent's wording the unit keeps, outside citations. A plan
//! issued with a decision gives the unit the decision's bases, but for those giving the issuer
//! its power.
use kehoach_adapt::{adapt, preset::BUILTIN, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_model::{Decisions, Item, Plan};
use kehoach_nd30::names::normal_case;
use kehoach_nd30::spans::{citations, protected};
use kehoach_nd30::years::stale;
use kehoach_testkit::corpus::{plans, unit_profile};
use kehoach_text::nfc;
use std::collections::HashMap;

fn parents() -> Vec<(String, Plan)> {
    let mut out: Vec<(String, Plan)> = plans()
        .into_iter()
        .map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            (name, import::read_path(&d.join("doc.docx")).unwrap())
        })
        .collect();
    out.push(("quan1-2024".into(), import::builtin("quan1-2024").unwrap()));
    out
}

fn parent_items(plan: &Plan) -> HashMap<String, Item> {
    plan.items()
        .into_iter()
        .map(|(_, i)| (i.id.clone(), i.clone()))
        .collect()
}

/// A citation from its "số" on (the words before it may be the sentence's own: "Triển khai Kế
/// hoạch" / "Thực hiện Kế hoạch").
fn from_so(citation: &str) -> &str {
    citation
        .find(" số ")
        .map_or(citation, |i| &citation[i + 1..])
}

/// The number and symbol a citation names ("288/KH-UBND"), to know the unit kept it.
fn symbol(citation: &str) -> Option<&str> {
    from_so(citation)
        .split_whitespace()
        .find(|w| w.contains('/') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

#[test]
fn cited_documents_survive_word_for_word_and_the_parent_is_cited_by_its_own_header() {
    let mut checked = 0;
    let mut decision_bases = 0;
    let mut power_bases = 0;
    let mut failures = Vec::new();
    for (name, parent) in parents() {
        let originals = parent_items(&parent);
        for (preset_id, _) in BUILTIN {
            let preset = Preset::builtin(preset_id).unwrap();
            let mut profile = unit_profile(preset_id, &parent);
            // The unit's parent body today is not the body that issued the plan.
            profile.parent_body = "Ủy ban nhân dân phường Bình Minh".into();
            let opts = AdaptOptions {
                apply_defaults: true,
            };
            let unit = adapt(&parent, &profile, &preset, &Decisions::default(), opts)
                .unwrap()
                .plan;
            for (_, item) in unit.items() {
                let Some(source) = item.source.as_ref().and_then(|s| originals.get(s)) else {
                    continue;
                };
                let text = nfc(&item.text);
                for (s, e) in citations(&source.text) {
                    let cited = nfc(from_so(&source.text[s..e]));
                    let Some(sym) = symbol(&cited) else {
                        continue;
                    };
                    if !text.contains(sym) {
                        continue; // dropped whole
                    }
                    checked += 1;
                    if !text.contains(&cited) {
                        failures.push(format!(
                            "{name}/{preset_id} {}: «{cited}» altered in «{text}»",
                            item.id
                        ));
                    }
                }
            }
            // The parent's bases that cite a document are copied as they are.
            for basis in &parent.bases {
                for (s, e) in citations(basis) {
                    let cited = nfc(from_so(&basis[s..e]));
                    if unit
                        .bases
                        .iter()
                        .any(|b| b.contains(symbol(&cited).unwrap_or("\u{0}")))
                        && !unit.bases.iter().any(|b| nfc(b).contains(&cited))
                    {
                        failures.push(format!("{name}/{preset_id}: basis «{cited}» altered"));
                    }
                }
            }
            // A school or a health unit stands on none of the powers the parent's plan cites
            // ("Luật Tổ chức chính quyền địa phương", the decision on a Sở's functions); a
            // commune or a division of the parent does.
            let governs = ["uy ban nhan dan", "phong "]
                .iter()
                .any(|p| kehoach_text::fold(&profile.name).starts_with(p));
            let bare = |b: &str| {
                kehoach_text::fold(b)
                    .trim_end_matches([';', '.', ',', ' '])
                    .to_string()
            };
            for basis in &parent.bases {
                let folded = bare(basis);
                if !["to chuc chinh quyen", "chuc nang, nhiem vu"]
                    .iter()
                    .any(|p| folded.contains(p))
                {
                    continue;
                }
                power_bases += 1;
                if unit.bases.iter().any(|b| bare(b) == folded) != governs {
                    failures.push(format!(
                        "{name}/{preset_id}: the plan's basis «{basis}» {}",
                        if governs { "missing" } else { "carried" }
                    ));
                }
            }
            // A plan issued with a decision rests on the decision's bases: each one citing a
            // document is the unit's too, word for word — but not those giving the issuer its
            // power ("Luật Tổ chức chính quyền địa phương", "… chức năng, nhiệm vụ …").
            if parent.bases.is_empty() {
                // (Not who proposed the decision: "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ
                // trình số …".)
                for basis in parent.decision_bases.iter().filter(|b| {
                    !["xet de nghi", "theo de nghi"]
                        .iter()
                        .any(|p| kehoach_text::fold(b).starts_with(p))
                }) {
                    let folded = kehoach_text::fold(basis);
                    let power = ["to chuc chinh quyen", "chuc nang, nhiem vu"]
                        .iter()
                        .any(|p| folded.contains(p));
                    for (s, e) in citations(basis) {
                        let cited = nfc(from_so(&basis[s..e]));
                        let carried = unit.bases.iter().any(|b| nfc(b).contains(&cited));
                        if carried == power {
                            failures.push(format!(
                                "{name}/{preset_id}: the decision's basis «{cited}» {}",
                                if power { "carried" } else { "missing" }
                            ));
                        }
                    }
                    if power && unit.bases.iter().any(|b| kehoach_text::fold(b) == folded) {
                        failures.push(format!("{name}/{preset_id}: «{basis}» carried"));
                    }
                    decision_bases += 1;
                }
            }
            // The basis citing the parent plan: the parent's issuer, number and date.
            let last = unit.bases.last().cloned().unwrap_or_default();
            let (number, symbol, date, issuer) = match &parent.issued_with {
                Some(d) => (d.number.clone(), d.symbol.clone(), d.date, d.issuer.clone()),
                None => (
                    parent.header.number.clone(),
                    parent.header.symbol.clone(),
                    parent.header.date,
                    parent.header.issuer.clone(),
                ),
            };
            let issuer = normal_case(&issuer);
            if !last.contains(&issuer) || last.contains("Bình Minh") {
                failures.push(format!(
                    "{name}/{preset_id}: «{last}» does not cite {issuer}"
                ));
            }
            if let (Some(n), Some(d)) = (number, date) {
                let wanted = format!("số {n}/{symbol} {}", kehoach_nd30::date_text(d));
                if !last.contains(&wanted) {
                    failures.push(format!("{name}/{preset_id}: «{last}» lacks «{wanted}»"));
                }
            }
            // No year before the plan's left in the parent's wording, outside citations.
            let year = unit.year().unwrap();
            for (_, item) in unit.items() {
                if item.source.as_deref() != Some(item.id.as_str()) {
                    continue;
                }
                for y in stale(&item.text, year, &protected(&item.text)) {
                    failures.push(format!(
                        "{name}/{preset_id} {}: «{}» left in a {year} plan: «{}»",
                        item.id, y.found, item.text
                    ));
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} citations were kept to check");
    assert!(
        decision_bases > 20,
        "only {decision_bases} bases of decisions issuing a plan"
    );
    assert!(
        power_bases > 20,
        "only {power_bases} bases of plans giving power"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
