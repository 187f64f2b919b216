//! The checker reads a document as Word does, whoever made it: the same correct plans written by
//! several producers — python-docx with the document defaults set, python-docx's own template
//! (its document defaults Calibri 11 through the theme, its Normal style Times New Roman 14,
//! paragraphs naming no style), a Word-like styles part (the document defaults naming the theme's
//! minor font, set to Times New Roman in the theme), pandoc with a reference.docx made to Decree 30
//! (every paragraph naming a custom style based on Normal, "Nơi nhận:" a character style, the
//! appendix's size and header row from its table style), a LibreOffice round trip, and our own
//! writer — give no error; each fault a careful clerk catches, planted alone, gives exactly its
//! finding in every producer's file. (Producers: `tests/fixtures/parents/render.py --to …
//! --styles …`.)
use kehoach_export::{to_docx, ExportOptions};
use kehoach_lint::check_docx;
use kehoach_testkit::{libreoffice_convert, python, root};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// A commune's plan with its own number and date; a province's dated in December for the next
/// year; a ward's issued with a decision (no number, date or Nơi nhận of its own).
const PLANS: &[&str] = &[
    "xa-hung-thinh-2027",
    "tinh-lam-dong-2027",
    "phuong-ben-thanh-2027",
];
const STYLES: &[&str] = &["defaults", "normal", "theme", "pandoc"];

/// The plan written by python-docx with `styles`, a patch merged into its description first.
fn render(plan: &str, styles: &str, patch: &str, out: &Path) {
    let status = Command::new(python())
        .arg(root().join("tests/fixtures/parents/render.py"))
        .args([
            "--to",
            out.to_str().unwrap(),
            "--styles",
            styles,
            "--patch",
            patch,
        ])
        .arg(root().join("tests/fixtures/parents").join(plan))
        .status()
        .unwrap();
    assert!(status.success(), "render.py {plan} {styles} {patch}");
}

/// The producers' files of every (plan, fault): python-docx in each way, LibreOffice's round
/// trip of the template's (one LibreOffice run for all), our writer's of the plan as read.
fn produce(dir: &Path, cases: &[(&str, &str, String)]) -> Vec<(String, String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut template = Vec::new();
    for (plan, fault, patch) in cases {
        for styles in STYLES {
            let file = dir.join(format!("{plan}-{fault}-{styles}.docx"));
            render(plan, styles, patch, &file);
            if *styles == "normal" {
                template.push(file.clone());
            }
            let bytes = std::fs::read(&file).unwrap();
            if *styles == "defaults" {
                // Our writer, from the plan as the importer reads python-docx's file.
                let read = kehoach_import::read_bytes("doc.docx", &bytes).unwrap();
                let ours = to_docx(&read, &ExportOptions::default()).unwrap();
                out.push((
                    format!("our writer {plan}-{fault}"),
                    fault.to_string(),
                    ours,
                ));
            }
            out.push((
                file.file_name().unwrap().to_string_lossy().into_owned(),
                fault.to_string(),
                bytes,
            ));
        }
    }
    // LibreOffice opens the template's files and saves them again as .docx.
    let lo = dir.join("libreoffice");
    std::fs::create_dir_all(&lo).unwrap();
    libreoffice_convert(&lo, &template, "docx");
    for (file, (_, fault, _)) in template.iter().zip(cases) {
        let name = file.file_name().unwrap();
        let bytes = std::fs::read(lo.join(name)).unwrap();
        out.push((
            format!("LibreOffice {}", name.to_string_lossy()),
            fault.to_string(),
            bytes,
        ));
    }
    out
}

/// The faults of the plan as described (a signature without a name is one).
fn real(plan: &str) -> BTreeSet<String> {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root()
                .join("tests/fixtures/parents")
                .join(plan)
                .join("expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut out = BTreeSet::new();
    if expected["signer"]["name"]
        .as_str()
        .is_some_and(str::is_empty)
        && expected["issued_with"].is_null()
    {
        out.insert("signer-name".to_string());
    }
    out
}

/// Each fault: its rule and the patch that plants it.
const FAULTS: &[(&str, &str)] = &[
    ("none", "{}"),
    // A basis citing a document dated after the plan.
    (
        "bases-date",
        r#"{"bases+": ["Căn cứ Công văn số 99/UBND-VP ngày 20 tháng 12 năm 2027 của Ủy ban nhân dân Thành phố Hồ Chí Minh về việc triển khai nhiệm vụ cải cách hành chính;"]}"#,
    ),
    // The appendix said to come with another plan.
    (
        "appendix-subtitle",
        r#"{"appendix": {"subtitle": "(Kèm theo Kế hoạch số 99/KH-UBND ngày 26 tháng 02 năm 2027 của Ủy ban nhân dân)"}}"#,
    ),
    // Last year in the trích yếu.
    (
        "title-year",
        r#"{"summary": "Thực hiện công tác cải cách hành chính năm 2026"}"#,
    ),
    // "Lưu VT" without its colon (the patch is made from the plan's own list).
    ("recipients-luu", ""),
];

#[test]
fn every_producers_correct_plan_has_no_error_and_each_planted_fault_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<(&str, &str, String)> = Vec::new();
    for plan in PLANS {
        for (fault, patch) in FAULTS {
            let patch = if *fault == "recipients-luu" {
                // (A plan issued with a decision has no Nơi nhận of its own.)
                match luu_without_colon(plan) {
                    Some(p) => p,
                    None => continue,
                }
            } else {
                patch.to_string()
            };
            cases.push((plan, fault, patch));
        }
    }
    let mut wrong = Vec::new();
    let mut checked = BTreeSet::new();
    for (name, fault, bytes) in produce(dir.path(), &cases) {
        let plan = PLANS.iter().find(|p| name.contains(*p)).unwrap();
        let mut want = real(plan);
        if fault != "none" {
            want.insert(fault.clone());
        }
        let findings = check_docx("doc.docx", &bytes).unwrap();
        checked.insert(fault.clone());
        wrong.extend(crate::mismatch(&name, &want, &findings));
    }
    assert_eq!(checked.len(), FAULTS.len(), "every fault was planted");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The plan's recipients with its last line "Lưu: VT, …" written "Lưu VT, …"; none when the plan
/// has no Nơi nhận.
fn luu_without_colon(plan: &str) -> Option<String> {
    let yaml = std::fs::read_to_string(
        root()
            .join("tests/fixtures/parents")
            .join(plan)
            .join("plan.yaml"),
    )
    .unwrap();
    let lines: Vec<String> = yaml
        .lines()
        .skip_while(|l| !l.starts_with("recipients:"))
        .skip(1)
        .take_while(|l| l.trim_start().starts_with("- "))
        .map(|l| {
            let t = l.trim_start().trim_start_matches("- ").trim();
            t.trim_matches('"').replacen("Lưu: ", "Lưu ", 1)
        })
        .collect();
    (!lines.is_empty()).then(|| serde_json::json!({ "recipients": lines }).to_string())
}
