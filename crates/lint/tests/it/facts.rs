//! The checker on the facts of a unit plan, on plans adapted from every corpus parent: each fault
//! planted — last year's year in a kept item and in an appendix deadline, the unit called by
//! another kind of unit's name, the parent plan cited with another issuer, number or date —
//! gives its finding quoting the words; the plans as adapted give none of them.
use kehoach_adapt::{adapt, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_lint::{self as lint, Finding};
use kehoach_model::{Decisions, Plan};
use kehoach_testkit::corpus::{keyed_parents, preset_id, unit_profile};

fn adapted() -> Vec<(String, Plan, Plan)> {
    let parents = keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap());
    parents
        .into_iter()
        .map(|(name, parent, unit)| {
            let opts = AdaptOptions {
                apply_defaults: true,
            };
            let profile = unit_profile(&unit, &parent);
            let preset = Preset::builtin(preset_id(&unit)).unwrap();
            let plan = adapt(&parent, &profile, &preset, &Decisions::default(), opts)
                .unwrap()
                .plan;
            (name, parent, plan)
        })
        .collect()
}

fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn the_plans_as_adapted_have_none_of_these_faults() {
    let mut wrong = Vec::new();
    for (name, parent, plan) in adapted() {
        let mut findings = lint::check(&plan);
        findings.extend(lint::against_parent(&plan, &parent));
        for rule in ["stale-year", "unit-name", "parent-citation"] {
            for f in of(&findings, rule) {
                wrong.push(format!(
                    "{name}: {} {}: {}",
                    f.rule, f.location.label, f.message
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn each_planted_fault_is_found_quoting_its_words() {
    let mut missing = Vec::new();
    for (name, parent, plan) in adapted() {
        let year = plan.year().unwrap();
        let last = year - 1;
        // Last year left in a task and in an appendix deadline.
        let mut stale = plan.clone();
        let (_, item) = stale.items().into_iter().next().unwrap();
        let id = item.id.clone();
        stale.item_mut(&id).unwrap().text =
            format!("Hoàn thành trong quý II năm {last} việc rà soát quy chế nội bộ.");
        if let Some(row) = stale
            .appendix
            .as_mut()
            .and_then(|a| a.groups.iter_mut().flat_map(|g| g.rows.iter_mut()).next())
        {
            row.cells[4] = format!("Trong năm {last}");
        }
        let found = lint::check(&stale);
        let years = of(&found, "stale-year");
        if !years
            .iter()
            .any(|f| f.location.node == id && f.message.contains(&format!("năm {last}")))
        {
            missing.push(format!("{name}: stale year in {id}: {years:?}"));
        }
        if stale
            .appendix
            .as_ref()
            .is_some_and(|a| a.groups.iter().any(|g| !g.rows.is_empty()))
            && !years
                .iter()
                .any(|f| f.location.label.starts_with("Phụ lục"))
        {
            missing.push(format!("{name}: stale year in the appendix: {years:?}"));
        }
        // A year of past results stays unreported.
        let mut past = plan.clone();
        past.item_mut(&id).unwrap().text =
            format!("Phát huy kết quả đạt được năm {last}, nâng cao chất lượng phục vụ.");
        if !of(&lint::check(&past), "stale-year").is_empty() {
            missing.push(format!("{name}: past results reported as a stale year"));
        }
        // The unit called by another kind of unit's name.
        let other = if plan.header.issuer.to_lowercase().starts_with("trạm") {
            "trung tâm y tế"
        } else {
            "trạm y tế"
        };
        let mut named = plan.clone();
        named.item_mut(&id).unwrap().text =
            format!("Xây dựng Kế hoạch công tác CCHC năm {year} của {other}.");
        let found = lint::check(&named);
        if !of(&found, "unit-name")
            .iter()
            .any(|f| f.message.contains(other))
        {
            missing.push(format!(
                "{name}: “của {other}” in the plan of {}",
                plan.header.issuer
            ));
        }
        // Another unit named by its name is no fault.
        named.item_mut(&id).unwrap().text =
            "Phối hợp với Trạm Y tế phường Sài Gòn tuyên truyền về thủ tục hành chính.".into();
        if plan.header.issuer.to_lowercase().starts_with("trường")
            && !of(&lint::check(&named), "unit-name").is_empty()
        {
            missing.push(format!("{name}: another unit named by its name reported"));
        }
        // The parent plan cited with another issuer.
        let mut cited = plan.clone();
        let basis = cited.bases.last_mut().unwrap();
        let issuer = kehoach_nd30::names::normal_case(
            parent
                .issued_with
                .as_ref()
                .map_or(&parent.header.issuer, |d| &d.issuer),
        );
        if basis.contains(&issuer)
            && (parent.header.number.is_some() || parent.issued_with.is_some())
        {
            *basis = basis.replace(&issuer, "Ủy ban nhân dân phường Bình Minh");
            let found = lint::against_parent(&cited, &parent);
            if !of(&found, "parent-citation")
                .iter()
                .any(|f| f.message.contains("Bình Minh") && f.message.contains(&issuer))
            {
                missing.push(format!(
                    "{name}: the parent cited as phường Bình Minh's: {found:?}"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
