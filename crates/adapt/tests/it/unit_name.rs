//! A health unit is named as itself: on every corpus parent, a "Trung tâm Y tế khu vực …" is
//! never called "trạm y tế" by its plan (no sentence the adaptation wrote or changed says it),
//! nor a "Trạm Y tế …" "trung tâm y tế"; each signs with its own head's title. (A parent's
//! sentence the unit keeps word for word is the checker's to warn about, not a rewording's.)
use kehoach_adapt::{adapt, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_model::{Decisions, Plan};
use kehoach_testkit::corpus::{plans, unit_profile};
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

fn count(text: &str, words: &str) -> usize {
    kehoach_text::find_all(text, words).len()
}

#[test]
fn a_centre_is_never_called_a_station_nor_a_station_a_centre() {
    let units = [
        ("Trung tâm Y tế khu vực Bình Thạnh", "trạm y tế", "GIÁM ĐỐC"),
        ("Trạm Y tế phường Hòa Bình", "trung tâm y tế", "TRƯỞNG TRẠM"),
    ];
    let mut wrong = Vec::new();
    for (name, parent) in parents() {
        let sources: HashMap<&str, &str> = parent
            .items()
            .into_iter()
            .map(|(_, i)| (i.id.as_str(), i.text.as_str()))
            .collect();
        for (unit, other, title) in units {
            let mut profile = unit_profile("y-te", &parent);
            profile.name = unit.into();
            let opts = AdaptOptions {
                apply_defaults: true,
            };
            let preset = Preset::builtin("y-te").unwrap();
            let plan = adapt(&parent, &profile, &preset, &Decisions::default(), opts)
                .unwrap()
                .plan;
            if plan.signer.title != title {
                wrong.push(format!("{name}/{unit}: signs as {}", plan.signer.title));
            }
            for (_, item) in plan.items() {
                let had = item
                    .source
                    .as_deref()
                    .and_then(|s| sources.get(s))
                    .map_or(0, |t| count(t, other));
                if count(&item.text, other) > had {
                    wrong.push(format!("{name}/{unit} {}: «{}»", item.id, item.text));
                }
            }
            let own = [&plan.intro, &plan.closing, &plan.summary];
            let cells = plan
                .appendix
                .iter()
                .flat_map(|a| a.groups.iter().flat_map(|g| g.rows.iter()))
                .flat_map(|r| r.cells.iter().skip(1));
            for text in own.into_iter().chain(cells).chain(plan.recipients.iter()) {
                if count(text, other) > 0 {
                    wrong.push(format!("{name}/{unit}: «{text}»"));
                }
            }
            let findings = kehoach_lint::check(&plan);
            // (A parent's sentence kept word for word is the parent's naming — the checker
            // warns the user about it — not the adaptation's.)
            let verbatim = |node: &str| {
                plan.items().into_iter().any(|(_, i)| {
                    i.id == node
                        && i.source
                            .as_deref()
                            .and_then(|s| sources.get(s))
                            .is_some_and(|t| *t == i.text)
                })
            };
            for f in findings
                .iter()
                .filter(|f| f.rule == "unit-name" && !verbatim(&f.location.node))
            {
                wrong.push(format!("{name}/{unit}: {}", f.message));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
