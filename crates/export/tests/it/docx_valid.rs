//! Every .docx we write passes the Open XML SDK's schemas and rules for Word 2019
//! (`openxml-audit -f office2019`): the district plan, the kindergarten plan and its draft, every
//! corpus parent as imported and as adapted for its unit. (The property-test plans are audited in
//! `export_props.rs`.) A file with a fault planted in it shows that the audit does see faults.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_export::{to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_model::{Decisions, Plan, UnitProfile};
use kehoach_testkit::corpus::{plans, preset_id, unit_profile};
use kehoach_testkit::*;
use std::path::Path;

fn kindergarten() -> UnitProfile {
    let text = std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap();
    UnitProfile::from_toml(&text).unwrap()
}

fn adapted(parent: &Plan, profile: &UnitProfile, preset: &str) -> Plan {
    adapt::adapt(
        parent,
        profile,
        &Preset::builtin(preset).unwrap(),
        &Decisions::default(),
        AdaptOptions {
            apply_defaults: true,
        },
    )
    .unwrap()
    .plan
}

fn write(dir: &Path, name: &str, plan: &Plan) {
    let opts = ExportOptions {
        created: Some("2024-01-05T08:00:00Z".into()),
        ..Default::default()
    };
    std::fs::write(dir.join(name), to_docx(plan, &opts).unwrap()).unwrap();
}

#[test]
fn every_exported_plan_passes_the_office_2019_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let district = import::builtin("quan1-2024").unwrap();
    write(dir.path(), "quan1-2024.docx", &district);
    let kg = adapted(&district, &kindergarten(), "mam-non");
    write(dir.path(), "tuoi-hong.docx", &kg);
    let mut draft_profile = kindergarten();
    draft_profile.number = None;
    draft_profile.date = None;
    let draft = adapted(&district, &draft_profile, "mam-non");
    assert!(draft.header.number.is_none() && draft.header.date.is_none());
    write(dir.path(), "tuoi-hong-nhap.docx", &draft);
    let mut expected = 3;
    for plan_dir in plans() {
        let name = plan_dir.file_name().unwrap().to_string_lossy().into_owned();
        let answer: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(plan_dir.join("answer.json")).unwrap())
                .unwrap();
        let unit = answer["unit"].as_str().unwrap();
        let parent = import::read_path(&plan_dir.join("doc.docx")).unwrap();
        write(dir.path(), &format!("{name}.docx"), &parent);
        let plan = adapted(&parent, &unit_profile(unit, &parent), preset_id(unit));
        write(dir.path(), &format!("{name}-{unit}.docx"), &plan);
        expected += 2;
    }
    let report = openxml_audit(dir.path());
    assert_eq!(report.len(), expected, "files audited: {report:?}");
    let faulty: Vec<_> = report.iter().filter(|(_, e)| !e.is_empty()).collect();
    assert!(faulty.is_empty(), "{faulty:#?}");
}

#[test]
fn the_audit_sees_a_run_property_out_of_schema_order() {
    // Word drops or "repairs" run properties it finds out of order (bold after size): the audit
    // that guards our files must see it.
    let dir = tempfile::tempdir().unwrap();
    let plan = import::builtin("quan1-2024").unwrap();
    let bytes = to_docx(&plan, &ExportOptions::default()).unwrap();
    let planted = with_part(&bytes, "word/document.xml", |xml| {
        // Swap the first <w:b/> with the <w:sz> that follows it in the same run properties.
        let at = xml.find("<w:b/>").expect("a bold run");
        let end = at + "<w:b/>".len();
        let sz = end + xml[end..].find("<w:sz ").expect("its size");
        assert!(!xml[end..sz].contains("</w:rPr>"), "size in the same rPr");
        let sz_end = sz + xml[sz..].find("/>").unwrap() + 2;
        format!(
            "{}{}{}<w:b/>{}",
            &xml[..at],
            &xml[sz..sz_end],
            &xml[end..sz],
            &xml[sz_end..]
        )
    });
    std::fs::write(dir.path().join("planted.docx"), planted).unwrap();
    let report = openxml_audit(dir.path());
    assert_eq!(report.len(), 1);
    assert!(
        report[0]
            .1
            .iter()
            .any(|e| e.starts_with("/word/document.xml")),
        "{report:?}"
    );
}
