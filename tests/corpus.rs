//! The corpus of parent plans (tests/fixtures/parents/, see its README): every plan, in every
//! form a unit receives it (Word file in its own shape, LibreOffice round trip, pandoc, converter
//! markdown, e-office PDF with a watermark line), imports to the facts written by hand in
//! plan.yaml — header fields, the decision it is issued with, title, number of bases, parts with
//! their item counts per level, recipients, signer, appendix, footnotes.
mod common;
use common::corpus::{differences, plans, FORMS};
use kehoach::import;

#[test]
fn every_corpus_plan_imports_to_its_facts_in_every_form() {
    let mut failures = Vec::new();
    let mut fields = 0;
    for dir in plans() {
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
        let plan = import::read_path(&dir.join("doc.docx")).unwrap();
        insta::assert_snapshot!(name, kehoach::outline::outline(&plan));
    }
}
