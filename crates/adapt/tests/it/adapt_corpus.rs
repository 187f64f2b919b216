//! Adapting every corpus parent plan for the unit its answer key is written for: the items the
//! adaptation keeps and drops against the hand-made key (wrong keeps and wrong drops each at most
//! 5 % of the items), and the adapted plan free of broken sentences and of the parent's own
//! actors and scope.
use kehoach_adapt::{self as adapt, AdaptOptions, Adaptation, Preset};
use kehoach_import as import;
use kehoach_model::Decisions;
use kehoach_testkit::corpus::{plans, preset_id, unit_profile};
use std::collections::BTreeMap;
use std::path::Path;

pub struct Case {
    pub name: String,
    pub unit: String,
    pub answer: BTreeMap<String, bool>,
    /// Why the key says so: own, parent or look.
    pub why: BTreeMap<String, String>,
    pub result: Adaptation,
}

pub fn adapt_case(dir: &Path) -> Case {
    let parent = import::read_path(&dir.join("doc.docx")).unwrap();
    let answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("answer.json")).unwrap()).unwrap();
    let unit = answer["unit"].as_str().unwrap().to_string();
    let answer_json = answer.clone();
    let answer: BTreeMap<String, bool> = answer["items"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_bool().unwrap()))
        .collect();
    let why: BTreeMap<String, String> =
        serde_json::from_value(answer_json["why"].clone()).unwrap_or_default();
    let preset = Preset::builtin(preset_id(&unit)).unwrap();
    let result = adapt::adapt(
        &parent,
        &unit_profile(&unit, &parent),
        &preset,
        &Decisions::default(),
        AdaptOptions {
            apply_defaults: true,
        },
    )
    .unwrap();
    Case {
        name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        unit,
        answer,
        why,
        result,
    }
}

#[test]
fn every_corpus_parent_is_adapted_within_five_percent_of_its_answer_key() {
    let mut report = Vec::new();
    let mut failed = false;
    for dir in plans() {
        let case = adapt_case(&dir);
        let kept: BTreeMap<&str, bool> = case
            .result
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.kept))
            .collect();
        let (mut wrong_keep, mut wrong_drop, mut missing) = (Vec::new(), Vec::new(), 0);
        for (id, want) in &case.answer {
            match kept.get(id.as_str()) {
                Some(got) if got == want => {}
                Some(true) => wrong_keep.push(id.clone()),
                Some(false) => wrong_drop.push(id.clone()),
                None => missing += 1,
            }
        }
        if std::env::var_os("KEHOACH_DEBUG_ADAPT").is_some() {
            for node in &case.result.nodes {
                if let Some(want) = case.answer.get(&node.id) {
                    if *want != node.kept {
                        eprintln!(
                            "{} {} want {} ({}) got {} [{}] {}",
                            case.name,
                            node.id,
                            want,
                            case.why.get(&node.id).map_or("", String::as_str),
                            node.kept,
                            node.reason,
                            node.text.chars().take(110).collect::<String>()
                        );
                    }
                }
            }
        }
        let n = case.answer.len();
        let limit = n as f64 * 0.05;
        let bad = wrong_keep.len() as f64 > limit || wrong_drop.len() as f64 > limit || missing > 0;
        failed |= bad;
        report.push(format!(
            "{} ({}, {n} items): {} wrong keeps {:?}, {} wrong drops {:?}{}",
            case.name,
            case.unit,
            wrong_keep.len(),
            wrong_keep,
            wrong_drop.len(),
            wrong_drop,
            if missing > 0 {
                format!(", {missing} items not in the adaptation")
            } else {
                String::new()
            }
        ));
    }
    assert!(!failed, "\n{}", report.join("\n"));
}
