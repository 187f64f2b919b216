//! `kehoach check` on the plans adapted from every corpus parent (for the unit its answer key is
//! written for) and from District 1: every piece of the parent's scope left in a kept item is
//! reported with its words, leftovers put in on purpose are reported with theirs, and the unit's
//! own sentences (its opening of the tasks, its own items) are never reported.
use kehoach_adapt::{self as adapt, AdaptOptions, Adaptation, Preset};
use kehoach_import as import;
use kehoach_lint::{self as lint, Finding};
use kehoach_model::{Decisions, Plan};
use kehoach_parent::ParentProfile;
use kehoach_testkit::corpus::{keyed_parents, preset_id, unit_profile};

const SCOPE_RULES: &[&str] = &["parent-scope", "parent-actor", "broken-sentence"];

fn cases() -> Vec<(String, Plan, Adaptation)> {
    let mut out = Vec::new();
    let parents = keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap());
    for (name, parent, unit) in parents {
        let result = adapt::adapt(
            &parent,
            &unit_profile(&unit, &parent),
            &Preset::builtin(preset_id(&unit)).unwrap(),
            &Decisions::default(),
            AdaptOptions {
                apply_defaults: true,
            },
        )
        .unwrap();
        out.push((name, parent, result));
    }
    out
}

fn on(findings: &[Finding], node: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.location.node == node && SCOPE_RULES.contains(&f.rule.as_str()))
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn every_leftover_of_the_parents_scope_is_reported_with_its_words() {
    let mut missing = Vec::new();
    for (name, _, result) in cases() {
        let findings = lint::check(&result.plan);
        for flag in &result.flags {
            let said = on(&findings, &flag.node);
            if !said.iter().any(|m| m.starts_with('“')) {
                missing.push(format!(
                    "{name} {}: “{}” not reported",
                    flag.node, flag.phrase
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn leftovers_put_in_on_purpose_are_reported_quoting_them() {
    let mut missing = Vec::new();
    for (name, parent, result) in cases() {
        let profile = ParentProfile::of(&parent);
        let w = &profile.unit_word;
        let issuer = kehoach_text::fold(&result.plan.header.issuer);
        let government = issuer.starts_with("uy ban");
        // A division or office of the parent speaks of its territory as its own (the checker
        // leaves its plan's scope alone).
        if !government && kehoach_parent::scope::is_agency(&issuer) {
            continue;
        }
        let mut leftovers = Vec::new();
        if profile.body.starts_with("Ủy ban") {
            leftovers.push(format!("Chủ tịch {} chỉ đạo", profile.body));
        }
        if !government {
            // (A commune's plan speaks of its own territory.)
            leftovers.push("trên địa bàn".into());
        }
        if !w.is_empty() && w != "Sở" {
            leftovers.extend([format!("ngân sách {w}"), format!("của {w}")]);
        }
        if !government
            && matches!(
                profile.level,
                kehoach_parent::Level::Commune | kehoach_parent::Level::District
            )
        {
            leftovers.extend(["các ấp".to_string(), "tổ dân phố".to_string()]);
        }
        for words in leftovers {
            let mut plan = result.plan.clone();
            let Some(part) = plan.parts.iter_mut().find(|p| !p.items.is_empty()) else {
                continue;
            };
            let item = &mut part.items[0];
            item.text = format!(
                "{} {words} thực hiện kịp thời.",
                item.text.trim_end_matches('.')
            );
            let id = item.id.clone();
            let said = on(&lint::check(&plan), &id);
            let head = words
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            if !said.iter().any(|m| m.starts_with('“') && m.contains(&head)) {
                missing.push(format!("{name}: “{words}” put in {id}, reported: {said:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_units_own_sentences_are_never_reported() {
    let mut wrong = Vec::new();
    for (name, _, result) in cases() {
        let findings = lint::check(&result.plan);
        for (_, item) in result.plan.items() {
            if item.source.is_some() {
                continue;
            }
            for m in on(&findings, &item.id) {
                wrong.push(format!("{name} {}: {m} — {}", item.id, item.text));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_plan_for_another_year_than_its_parents_is_warned_of() {
    let parent = import::builtin("quan1-2024").unwrap();
    let adapt_for = |year: i32| {
        let mut profile = unit_profile("mam-non", &parent);
        profile.year = year;
        adapt::adapt(
            &parent,
            &profile,
            &Preset::builtin("mam-non").unwrap(),
            &Decisions::default(),
            AdaptOptions::default(),
        )
        .unwrap()
        .plan
    };
    let warned = |plan: &Plan| {
        lint::check(plan)
            .into_iter()
            .filter(|f| f.rule == "year-mismatch")
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    let late = warned(&adapt_for(2026));
    assert!(
        late.iter()
            .any(|m| m.contains("2026") && m.contains("2024")),
        "{late:?}"
    );
    assert!(warned(&adapt_for(2024)).is_empty());
}
