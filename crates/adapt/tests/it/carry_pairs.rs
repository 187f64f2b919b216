//! Next year's parent plan against last year's on the hand-written pairs (`tests/fixtures/pairs/`):
//! the matching against each pair's truth, last year's answer keys carried to this year's, and
//! what the unit attached to last year's items following them.
use kehoach_adapt::carry::match_items;
use kehoach_import as import;
use kehoach_model::{Item, Plan};
use std::collections::{BTreeMap, BTreeSet};

/// The hand-written pairs (`tests/fixtures/pairs/`): last year's plan as its Word file, this
/// year's as its e-office PDF.
fn hand_written_pairs() -> Vec<(String, Plan, Plan, serde_json::Value)> {
    let root = kehoach_testkit::root().join("tests/fixtures/pairs");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("old/plan.yaml").exists() || !dir.join("truth.json").exists() {
            continue;
        }
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap())
                .unwrap();
        let old = import::read_path(&dir.join("old/doc.docx")).unwrap();
        let new = import::read_path(&dir.join("new/eoffice.pdf")).unwrap();
        out.push((
            dir.file_name().unwrap().to_string_lossy().into_owned(),
            old,
            new,
            truth,
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 2, "the hand-written pairs");
    out
}

#[test]
fn matching_finds_last_years_items_in_hand_written_pairs() {
    let (mut right, mut found, mut truth_links) = (0, 0, 0);
    let mut wrong_worklist = Vec::new();
    for (name, old, new, truth) in hand_written_pairs() {
        let m = match_items(&old, &new);
        let items = truth["items"].as_object().unwrap();
        assert_eq!(
            m.changes.len(),
            items.len(),
            "{name}: every item of this year's plan imported"
        );
        for (id, change) in &m.changes {
            let want: BTreeSet<String> = items[id]["was"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            let got: BTreeSet<String> = change.was().into_iter().map(String::from).collect();
            right += got.intersection(&want).count();
            found += got.len();
            truth_links += want.len();
            let asked = change.needs_decision();
            let should = !matches!(items[id]["change"].as_str().unwrap(), "same" | "moved");
            if asked != should {
                wrong_worklist.push(format!("{name} {id}: {change:?}, truth {}", items[id]));
            }
        }
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / truth_links.max(1) as f64;
    println!("matching over the hand-written pairs: {found} links found, {right} right, {truth_links} true: precision {precision:.3}, recall {recall:.3}");
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3}, recall {recall:.3}"
    );
    assert!(wrong_worklist.is_empty(), "{wrong_worklist:#?}");
}

fn key(path: &std::path::Path) -> Option<(String, BTreeMap<String, bool>)> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let items = v["items"]
        .as_object()?
        .iter()
        .map(|(k, b)| (k.clone(), b.as_bool().unwrap()))
        .collect();
    Some((v["unit"].as_str()?.to_string(), items))
}

/// For each unit type keyed in both years: last year's plan as its key says (one item in the
/// unit's own words), carried to this year's. Every item the parent left as it was has last
/// year's decision and words; only new and reworded items are asked; with the user's answers to
/// those, the plan is this year's key.
#[test]
fn last_years_decisions_make_this_years_plan_with_only_the_changes_asked() {
    use kehoach_adapt::carry::{carry, LastYear};
    use kehoach_adapt::{adapt, AdaptOptions, Preset};
    use kehoach_model::{Decisions, NodeDecision};
    use kehoach_testkit::corpus::{preset_id, unit_profile};
    let root = kehoach_testkit::root().join("tests/fixtures/pairs");
    let mut checked = 0;
    for (name, old, new, truth) in hand_written_pairs() {
        let items = truth["items"].as_object().unwrap();
        for file in ["answer.json", "answer-2.json"] {
            let (Some((unit, old_key)), Some((unit2, new_key))) = (
                key(&root.join(&name).join("old").join(file)),
                key(&root.join(&name).join("new").join(file)),
            ) else {
                continue;
            };
            assert_eq!(unit, unit2, "{name} {file}");
            let preset = Preset::builtin(preset_id(&unit)).unwrap();
            let (old_year, new_year) = (old.year().unwrap(), new.year().unwrap());
            let mut last = Decisions::default();
            for (id, k) in &old_key {
                last.nodes.insert(
                    id.clone(),
                    if *k {
                        NodeDecision::Keep
                    } else {
                        NodeDecision::Drop
                    },
                );
            }
            // One item the unit wrote in its own words last year, with last year's year.
            let own = items
                .iter()
                .find(|(_, c)| c["change"] == "same" && old_key[c["was"][0].as_str().unwrap()])
                .map(|(_, c)| c["was"][0].as_str().unwrap().to_string())
                .unwrap();
            last.nodes.insert(
                own.clone(),
                NodeDecision::Edit {
                    text: format!("Nhà trường thực hiện trong năm {old_year}."),
                },
            );
            let opts = AdaptOptions {
                apply_defaults: true,
            };
            let before = adapt(&old, &unit_profile(&unit, &old), &preset, &last, opts).unwrap();
            let kept: BTreeMap<String, bool> = before
                .nodes
                .iter()
                .map(|n| (n.id.clone(), n.kept))
                .collect();
            let (carried, previous) = carry(
                &LastYear {
                    parent: &old,
                    decisions: &last,
                    kept: &kept,
                    year: old_year,
                },
                &new,
                new_year,
            );
            let profile = unit_profile(&unit, &new);
            let now = adapt(&new, &profile, &preset, &carried, opts).unwrap();
            let asked: BTreeSet<&str> = previous.to_decide().collect();
            let should: BTreeSet<&str> = items
                .iter()
                .filter(|(_, c)| !matches!(c["change"].as_str().unwrap(), "same" | "moved"))
                .map(|(id, _)| id.as_str())
                .collect();
            assert_eq!(
                asked, should,
                "{name} {unit}: the items asked are the new and reworded ones"
            );
            let mut wrong = Vec::new();
            for n in &now.nodes {
                if !asked.contains(n.id.as_str()) && new_key.get(&n.id) != Some(&n.kept) {
                    wrong.push(format!(
                        "{} kept {} (key {:?}): {}",
                        n.id,
                        n.kept,
                        new_key.get(&n.id),
                        n.text
                    ));
                }
            }
            assert!(
                wrong.is_empty(),
                "{name} {unit}: unchanged items not as last year:\n{}",
                wrong.join("\n")
            );
            // Last year's own words, in this year's year.
            let continued = items
                .iter()
                .find(|(_, c)| c["was"][0] == own.as_str())
                .unwrap()
                .0;
            let words = now
                .plan
                .item(continued)
                .map(|i| i.text.clone())
                .unwrap_or_default();
            assert_eq!(
                words,
                format!("Nhà trường thực hiện trong năm {new_year}."),
                "{name} {unit}"
            );
            // The user answers what is asked as this year's key says: the plan is the key.
            let mut answered = carried.clone();
            for id in &asked {
                answered.nodes.insert(
                    id.to_string(),
                    if new_key[*id] {
                        NodeDecision::Keep
                    } else {
                        NodeDecision::Drop
                    },
                );
            }
            let done = adapt(&new, &profile, &preset, &answered, opts).unwrap();
            let off: Vec<_> = done
                .nodes
                .iter()
                .filter(|n| new_key.get(&n.id) != Some(&n.kept))
                .map(|n| n.id.clone())
                .collect();
            assert!(
                off.is_empty(),
                "{name} {unit}: differs from this year's key at {off:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "two unit types in each pair: {checked}");
}

/// What the unit attached to last year's items follows them to this year's, whose ids moved (an
/// item inserted before them): its own item under a heading, its order of a heading's items, its
/// appendix cells (deadline a year on), a rewording it refused; a heading the parent removed
/// leaves the unit's own item in its part.
#[test]
fn the_units_own_items_order_cells_and_answers_follow_their_items() {
    use kehoach_adapt::carry::{carry, LastYear};
    use kehoach_model::{AddedItem, Container, Decisions, ItemKind, Topic};
    let old = import::read_path(
        &kehoach_testkit::root().join("tests/fixtures/parents/xa-phuoc-an-2027/doc.docx"),
    )
    .unwrap();
    // Next year: every year a year on, a new first task in area III.2 (its tasks' ids move by
    // one), area III.6 gone.
    let mut new = old.clone();
    let bump = |items: &mut Vec<Item>| {
        fn each(items: &mut [Item]) {
            for i in items {
                i.text = i.text.replace("2027", "2028");
                each(&mut i.items);
            }
        }
        each(items);
    };
    for p in &mut new.parts {
        bump(&mut p.items);
    }
    let area = |plan: &Plan, id: &str| plan.item(id).unwrap().clone();
    let tasks_of = area(&old, "III.2.2");
    assert!(tasks_of.items.len() >= 2, "III.2.2 has tasks");
    let (first, second) = (tasks_of.items[0].id.clone(), tasks_of.items[1].id.clone());
    let part = new.parts.iter_mut().find(|p| p.label == "III").unwrap();
    let a2 = part.items.iter_mut().find(|i| i.id == "III.2").unwrap();
    let nv = a2.items.iter_mut().find(|i| i.id == "III.2.2").unwrap();
    let mut inserted = nv.items[0].clone();
    inserted.text = "Triển khai thí điểm trợ lý ảo hỗ trợ người dân tra cứu thủ tục hành chính trên Cổng thông tin điện tử.".into();
    nv.items.insert(0, inserted);
    part.items.retain(|i| i.id != "III.6");
    // New ids that say nothing of last year's.
    fn renumber(items: &mut [Item], prefix: &str) {
        for (k, i) in items.iter_mut().enumerate() {
            i.id = format!("{prefix}.{k}");
            let me = i.id.clone();
            renumber(&mut i.items, &me);
        }
    }
    for (k, p) in new.parts.iter_mut().enumerate() {
        renumber(&mut p.items, &format!("N{k}"));
    }
    let mut last = Decisions::default();
    last.added.push(AddedItem {
        id: "u1".into(),
        parent: Container::Item("III.2.2".into()),
        after: Some(first.clone()),
        kind: ItemKind::Bullet,
        text: "Nhà trường rà soát quy trình nội bộ trước ngày 30/6/2027.".into(),
    });
    last.added.push(AddedItem {
        id: "u2".into(),
        parent: Container::Item("III.6.2".into()),
        after: None,
        kind: ItemKind::Bullet,
        text: "Nhà trường cập nhật trang thông tin điện tử.".into(),
    });
    last.order.insert(
        Container::Item("III.2.2".into()),
        vec![second.clone(), first.clone(), "u1".into()],
    );
    last.appendix.insert(
        first.clone(),
        vec![
            "Kế hoạch".into(),
            "Hiệu trưởng".into(),
            "".into(),
            "Quý I/2027".into(),
        ],
    );
    last.rewordings.insert(format!("nam-cu:{first}:1"), false);
    let kept = BTreeMap::new();
    let (d, _) = carry(
        &LastYear {
            parent: &old,
            decisions: &last,
            kept: &kept,
            year: 2027,
        },
        &new,
        2028,
    );
    let m = match_items(&old, &new);
    let now = |id: &str| m.continued()[id][0].to_string();
    let (first_now, second_now) = (now(&first), now(&second));
    assert_ne!(first_now, first, "the ids moved");
    let u1 = &d.added[0];
    assert_eq!(u1.parent, Container::Item(now("III.2.2")));
    assert_eq!(u1.after.as_deref(), Some(first_now.as_str()));
    assert_eq!(
        u1.text,
        "Nhà trường rà soát quy trình nội bộ trước ngày 30/6/2028."
    );
    assert_eq!(
        d.added[1].parent,
        Container::Part(Topic::NhiemVu),
        "its heading gone, in its part"
    );
    assert_eq!(
        d.order[&Container::Item(now("III.2.2"))],
        vec![second_now.clone(), first_now.clone(), "u1".to_string()]
    );
    assert_eq!(
        d.appendix[&first_now],
        vec!["Kế hoạch", "Hiệu trưởng", "", "Quý I/2028"]
    );
    assert_eq!(
        d.rewordings.get(&format!("nam-cu:{first_now}:1")),
        Some(&false)
    );
}
