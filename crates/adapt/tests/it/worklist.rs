//! The worklist over every corpus parent (and the built-in District 1 plan), as the app adapts it
//! (proposals left to the user): each item asked once, with its reason and a proposal; every
//! leftover of the parent's scope asked; a heading never asked for itself; items asked for one
//! reason in one group; a decision marks the item decided without taking it off the list.
use kehoach_adapt::worklist::Ask;
use kehoach_adapt::{self as adapt, judge::Verdict, AdaptOptions, Adaptation, Preset};
use kehoach_import as import;
use kehoach_model::{Decisions, NodeDecision};
use kehoach_testkit::corpus::{keyed_parents, preset_id, unit_profile};
use std::collections::{BTreeMap, BTreeSet};

fn adaptations() -> Vec<(String, Adaptation, kehoach_model::Plan, String)> {
    keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap())
        .into_iter()
        .map(|(name, parent, unit)| {
            let preset = preset_id(&unit).to_string();
            let a = adapt::adapt(
                &parent,
                &unit_profile(&preset, &parent),
                &Preset::builtin(&preset).unwrap(),
                &Decisions::default(),
                AdaptOptions::default(),
            )
            .unwrap();
            (name, a, parent, preset)
        })
        .collect()
}

#[test]
fn the_worklist_asks_each_item_once_with_its_reason_and_a_proposal() {
    let mut problems = Vec::new();
    let mut asked = 0;
    for (name, a, _, _) in adaptations() {
        let nodes: BTreeMap<&str, usize> = a
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut seen = BTreeSet::new();
        for w in &a.worklist {
            asked += 1;
            if !seen.insert(w.node.as_str()) {
                problems.push(format!("{name}: {} asked twice", w.node));
            }
            let Some(&i) = nodes.get(w.node.as_str()) else {
                problems.push(format!("{name}: {} is not an item of the plan", w.node));
                continue;
            };
            let n = &a.nodes[i];
            if w.reason.trim().is_empty() || w.title.trim().is_empty() {
                problems.push(format!("{name}: {} asked without a reason", w.node));
            }
            if w.keep != n.kept {
                problems.push(format!(
                    "{name}: {} proposes other than the plan shows",
                    w.node
                ));
            }
            let heading = a.nodes.get(i + 1).is_some_and(|m| m.depth > n.depth);
            if w.ask == Ask::Unsure && heading {
                problems.push(format!("{name}: the heading {} asked for itself", w.node));
            }
            if w.decided {
                problems.push(format!("{name}: {} decided with no decision", w.node));
            }
        }
        // Every leftover of the parent's scope is asked, with each of its phrases; the items
        // whose first leftover is the same phrase are one group.
        // (A flag names the unit's item; the worklist the parent's item it comes from.)
        let source: BTreeMap<&str, &str> = a
            .plan
            .items()
            .into_iter()
            .filter_map(|(_, i)| Some((i.id.as_str(), i.source.as_deref()?)))
            .collect();
        let node_of = |f: &kehoach_adapt::Flag| -> String {
            source
                .get(f.node.as_str())
                .copied()
                .unwrap_or(&f.node)
                .to_string()
        };
        let mut first: BTreeMap<String, String> = BTreeMap::new();
        for f in &a.flags {
            first
                .entry(node_of(f))
                .or_insert_with(|| kehoach_text::fold(&f.phrase));
        }
        for f in &a.flags {
            let node = node_of(f);
            match a.worklist.iter().find(|w| w.node == node) {
                Some(w) if w.ask == Ask::Scope => {
                    if !w.reason.contains(&format!("“{}”", f.phrase)) {
                        problems.push(format!("{name}: {node} asked without “{}”", f.phrase));
                    }
                    let phrase = &first[&node];
                    let same = first.values().filter(|p| *p == phrase).count();
                    let grouped = a.worklist.iter().filter(|x| x.group == w.group).count();
                    if same != grouped {
                        problems.push(format!(
                            "{name}: “{phrase}” first on {same} items, {grouped} in its group"
                        ));
                    }
                }
                Some(_) => {}
                None => problems.push(format!("{name}: {node} keeps “{}” unasked", f.phrase)),
            }
        }
        // Every kept item the judge could not place is asked.
        for (i, n) in a.nodes.iter().enumerate() {
            let heading = a.nodes.get(i + 1).is_some_and(|m| m.depth > n.depth);
            // (The parent's funding sentences the unit's own replaces are not asked: answering
            // "Giữ" would bring back the parent's words.)
            let replaced = a.replaced_by_unit(n);
            if !replaced
                && n.verdict == Verdict::Look
                && n.kept
                && !heading
                && !seen.contains(n.id.as_str())
            {
                problems.push(format!("{name}: {} unsure and not asked", n.id));
            }
        }
    }
    assert!(asked > 50, "the corpus asks about some items ({asked})");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_decided_item_stays_listed_and_is_marked_decided() {
    for (name, a, parent, preset) in adaptations().into_iter().take(4) {
        let Some(first) = a.worklist.first() else {
            continue;
        };
        let mut decisions = Decisions::default();
        // The user agrees with the proposal.
        let answer = if first.keep {
            NodeDecision::Keep
        } else {
            NodeDecision::Drop
        };
        decisions.nodes.insert(first.node.clone(), answer);
        let again = adapt::adapt(
            &parent,
            &unit_profile(&preset, &parent),
            &Preset::builtin(&preset).unwrap(),
            &decisions,
            AdaptOptions::default(),
        )
        .unwrap();
        let w = again.worklist.iter().find(|w| w.node == first.node);
        let w = w.unwrap_or_else(|| panic!("{name}: {} left the list once decided", first.node));
        assert!(w.decided, "{name}: {} marked decided", first.node);
        assert_eq!(
            again.worklist.iter().filter(|w| !w.decided).count(),
            a.worklist.len() - 1,
            "{name}: one item fewer waits"
        );
    }
}

/// A task the text leaves open is the unit's when the parent's appendix gives its lead to units
/// like this one ("Cơ quan chủ trì: Các trường mầm non"), and is then not asked.
#[test]
fn the_parents_appendix_says_whose_task_the_text_leaves_open() {
    use kehoach_model::{Appendix, AppendixGroup, AppendixRow, Item, ItemKind, Part, Plan};
    let task = "Tổ chức hội thi tìm hiểu về cải cách hành chính năm 2027";
    let mut parent = Plan::default();
    parent.header.issuer = "ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH".into();
    parent.summary = "Cải cách hành chính năm 2027".into();
    let mut area = Item::new("III.1", "1.", "Công tác chỉ đạo, điều hành");
    area.kind = ItemKind::Numbered;
    let mut item = Item::new("III.1.1", "1.1.", task);
    item.kind = ItemKind::Numbered;
    area.items.push(item);
    parent
        .parts
        .push(Part::new("III", "NHIỆM VỤ TRỌNG TÂM", vec![area]));
    let adapted = |parent: &Plan| {
        adapt::adapt(
            parent,
            &unit_profile("mam-non", parent),
            &Preset::builtin("mam-non").unwrap(),
            &Decisions::default(),
            AdaptOptions::default(),
        )
        .unwrap()
    };
    let node = |a: &Adaptation| a.nodes.iter().find(|n| n.id == "III.1.1").unwrap().clone();
    let open = adapted(&parent);
    assert_eq!(node(&open).verdict, Verdict::Look, "{}", node(&open).reason);
    assert!(open.worklist.iter().any(|w| w.node == "III.1.1"));
    for (lead, own) in [
        ("Các trường mầm non, tiểu học", true),
        ("Văn phòng HĐND và UBND phường", false),
    ] {
        let mut with = parent.clone();
        with.appendix = Some(Appendix {
            title: "DANH MỤC NHIỆM VỤ".into(),
            subtitle: String::new(),
            columns: [
                "STT",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời gian hoàn thành",
            ]
            .map(String::from)
            .to_vec(),
            groups: vec![AppendixGroup {
                label: "I".into(),
                title: "Cải cách thủ tục hành chính".into(),
                rows: vec![AppendixRow {
                    label: "1".into(),
                    cells: vec![task.into(), lead.into(), String::new(), "Quý II".into()],
                    ..Default::default()
                }],
            }],
        });
        let a = adapted(&with);
        let n = node(&a);
        if own {
            assert_eq!(n.verdict, Verdict::Keep, "{lead}: {}", n.reason);
            assert!(
                n.reason.contains("phụ lục") && n.reason.contains(lead),
                "{}",
                n.reason
            );
            assert!(!a.worklist.iter().any(|w| w.node == "III.1.1"), "not asked");
        } else {
            // The parent's organ leading it does not make it the parent's alone: still asked.
            assert_eq!(n.verdict, Verdict::Look, "{lead}: {}", n.reason);
        }
    }
}
