//! The corpus of parent plans (tests/fixtures/parents/, see its README): every plan, in every
//! form a unit receives it (Word file in its own shape, LibreOffice round trip, pandoc, converter
//! markdown, e-office PDF with a watermark line), imports to the facts written by hand in
//! plan.yaml — header fields, the decision it is issued with, title, number of bases, parts with
//! their item counts per level, recipients, signer, appendix, footnotes.
use kehoach_import as import;
use kehoach_testkit::corpus::{
    compare, compare_appendix, compare_outline, facts, pair_plans, plans, FORMS,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// One form of a corpus plan, imported once for all the tests of this binary (the import, or
/// its error in words).
fn imported(plan_dir: &Path, form: &str) -> &'static Result<kehoach_model::Plan, String> {
    type Imports = Mutex<BTreeMap<PathBuf, &'static Result<kehoach_model::Plan, String>>>;
    static IMPORTS: OnceLock<Imports> = OnceLock::new();
    let path = plan_dir.join(form);
    let cache = IMPORTS.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap().get(&path) {
        return found;
    }
    let result = import::read_path(&path).map_err(|e| e.to_string());
    cache
        .lock()
        .unwrap()
        .entry(path)
        .or_insert(Box::leak(Box::new(result)))
}

/// Imports one form and lists what differs from the ground truth.
pub fn differences(plan_dir: &Path, form: &str) -> Vec<String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(plan_dir.join("expected.json")).unwrap())
            .unwrap();
    match imported(plan_dir, form) {
        Ok(plan) => compare(&expected, &facts(plan)),
        Err(e) => vec![format!("not imported: {e}")],
    }
}

#[test]
fn every_corpus_plan_imports_to_its_facts_in_every_form() {
    let mut failures = Vec::new();
    let mut fields = 0;
    for dir in plans().into_iter().chain(pair_plans()) {
        for form in FORMS {
            let diffs = differences(&dir, form);
            fields += 1;
            if !diffs.is_empty() {
                let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                failures.push(format!("{name}/{form}:\n  {}", diffs.join("\n  ")));
            }
        }
    }
    assert!(
        fields >= 12 * FORMS.len(),
        "the corpus has at least 12 plans"
    );
    assert!(
        failures.is_empty(),
        "{} of {fields} imports differ from the corpus facts:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_outline_of_every_corpus_plan() {
    for dir in plans() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let plan = imported(&dir, "doc.docx").as_ref().unwrap();
        insta::assert_snapshot!(name, kehoach_model::outline::outline(plan));
    }
}

#[test]
fn every_corpus_plan_imports_to_its_outline_in_every_form() {
    let mut failures = Vec::new();
    for dir in plans().into_iter().chain(pair_plans()) {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        for form in FORMS {
            let Ok(plan) = imported(&dir, form) else {
                continue; // reported by the test of the facts
            };
            let mut diffs = compare_outline(&expected, plan, 5);
            diffs.extend(compare_appendix(
                &expected,
                plan,
                super::shapes::cells(form),
                5,
            ));
            if !diffs.is_empty() {
                let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                failures.push(format!("{name}/{form}:\n  {}", diffs.join("\n  ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} imports differ from their outline (labels and texts of every item, the appendix's \
         groups and rows):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
