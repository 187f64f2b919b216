//! The checker on whole documents: no error on correct documents of every maker in the corpus,
//! and each Decree 30 fault planted alone in a correct document found and named.
use crate::errors;
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_export::{to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_lint::{check_docx, Finding, Severity};
use kehoach_model::Decisions;
use kehoach_testkit::corpus::{plans, preset_id, unit_profile};
use kehoach_testkit::with_part;
use std::collections::BTreeSet;

/// What the corpus description says the plan is (its expected.json, written from plan.yaml).
fn expected(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap()
}

/// A signature without a name, on a plan that is not signed on a decision: a real fault.
fn unsigned(plan: &serde_json::Value) -> bool {
    plan["signer"]["name"].as_str().is_some_and(str::is_empty) && plan["issued_with"].is_null()
}

/// "Lưu VT" written without its colon in Nơi nhận: a real fault (phường Tân Định's plan has it).
fn luu_without_colon(plan: &serde_json::Value) -> bool {
    plan["recipients"]["last"]
        .as_str()
        .is_some_and(|l| l.starts_with("Lưu") && !l.starts_with("Lưu:"))
}

/// Every parent plan of the corpus, as python-docx wrote it and after a LibreOffice round trip:
/// the only errors are the faults its description really has (a signature without a name).
#[test]
fn correct_plans_of_every_maker_get_no_false_error() {
    let mut wrong = Vec::new();
    for dir in plans() {
        let plan = expected(&dir);
        let mut real = BTreeSet::new();
        if unsigned(&plan) {
            real.insert("signer-name".to_string());
        }
        if luu_without_colon(&plan) {
            real.insert("recipients-luu".to_string());
        }
        for file in ["doc.docx", "lo.docx"] {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            let findings = check_docx(file, &bytes).unwrap();
            let name = format!("{}/{file}", dir.file_name().unwrap().to_string_lossy());
            wrong.extend(crate::mismatch(&name, &real, &findings));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// pandoc's default template has real faults (Letter paper, no page numbers, Cambria, 12 pt
/// text, nothing justified): reported as such, and nothing about the content is invented.
#[test]
fn a_pandoc_document_gets_its_real_layout_faults_only() {
    let layout: BTreeSet<&str> = [
        "font",
        "page-setup",
        "page-number",
        "header-format",
        "title-format",
        "summary-format",
        "bases-italic",
        "body-align",
        "body-indent",
        "body-spacing",
        "recipients-format",
    ]
    .into();
    for dir in plans() {
        let plan = expected(&dir);
        let bytes = std::fs::read(dir.join("pandoc.docx")).unwrap();
        let findings = check_docx("pandoc.docx", &bytes).unwrap();
        let got = errors(&findings);
        for must in ["font", "page-setup", "page-number", "body-align"] {
            assert!(got.contains(must), "{}: {must} not found", dir.display());
        }
        let font = findings.iter().find(|f| f.rule == "font").unwrap();
        assert_eq!(
            font.location.text, "Cambria",
            "the font the text is set in is named"
        );
        let unnamed = unsigned(&plan);
        for rule in &got {
            assert!(
                layout.contains(rule.as_str())
                    || (rule == "signer-name" && unnamed)
                    || (rule == "recipients-luu" && luu_without_colon(&plan)),
                "{}: {rule} is not a fault of this document",
                dir.display()
            );
        }
    }
}

/// A correct unit plan as the app writes it: a kindergarten's plan from a commune's.
fn unit_plan_docx() -> Vec<u8> {
    let dir = kehoach_testkit::root().join("tests/fixtures/parents/xa-hung-thinh-2027");
    let parent = import::read_path(&dir.join("doc.docx")).unwrap();
    let result = adapt::adapt(
        &parent,
        &unit_profile("mam-non", &parent),
        &Preset::builtin(preset_id("mam-non")).unwrap(),
        &Decisions::default(),
        AdaptOptions {
            apply_defaults: true,
        },
    )
    .unwrap();
    to_docx(&result.plan, &ExportOptions::default()).unwrap()
}

/// The XML of the paragraph that holds `text`, changed by `change`.
fn in_paragraph(xml: &str, text: &str, change: impl Fn(&str) -> String) -> String {
    let at = xml.find(text).unwrap_or_else(|| panic!("no {text:?}"));
    let start = xml[..at]
        .rfind("<w:p>")
        .or_else(|| xml[..at].rfind("<w:p "))
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap();
    format!(
        "{}{}{}",
        &xml[..start],
        change(&xml[start..end]),
        &xml[end..]
    )
}

#[test]
fn each_planted_fault_is_found_alone() {
    let base = unit_plan_docx();
    let base_findings = check_docx("ke-hoach.docx", &base).unwrap();
    assert!(
        errors(&base_findings).is_empty(),
        "the app's own plan has no error: {base_findings:#?}"
    );
    type Change = Box<dyn Fn(&[u8]) -> Vec<u8>>;
    let doc = |f: fn(&str) -> String| -> Change {
        Box::new(move |d: &[u8]| with_part(d, "word/document.xml", f))
    };
    let faults: Vec<(&str, &str, Change)> = vec![
        (
            "“PHỤ LỤC” in capitals",
            "appendix-title",
            doc(|x| {
                let at = x.rfind(">Phụ lục<").expect("the appendix heading");
                format!("{}>PHỤ LỤC<{}", &x[..at], &x[at + ">Phụ lục<".len()..])
            }),
        ),
        (
            "Nơi nhận 14 pt, not bold",
            "recipients-format",
            doc(|x| {
                in_paragraph(x, ">Nơi nhận:<", |p| {
                    p.replace("<w:b/><w:bCs/>", "")
                        .replace(r#"w:val="24""#, r#"w:val="28""#)
                })
            }),
        ),
        (
            "the body left-aligned",
            "body-align",
            doc(|x| x.replace(r#"<w:jc w:val="both"/>"#, "")),
        ),
        (
            "the body without first-line indent",
            "body-indent",
            doc(|x| x.replace(r#"<w:ind w:firstLine="567"/>"#, "")),
        ),
        (
            "paragraphs with no space between them",
            "body-spacing",
            doc(|x| {
                x.replace(
                    r#"<w:spacing w:before="120" w:after="0" w:line="276""#,
                    r#"<w:spacing w:before="0" w:after="0" w:line="276""#,
                )
            }),
        ),
        (
            "an upright căn cứ",
            "bases-italic",
            doc(|x| {
                in_paragraph(x, ">Căn cứ Nghị quyết", |p| {
                    p.replace("<w:i/><w:iCs/>", "")
                })
            }),
        ),
        (
            "the body in Arial",
            "font",
            Box::new(|d: &[u8]| {
                with_part(d, "word/styles.xml", |x| {
                    x.replacen("Times New Roman", "Arial", 1).replacen(
                        r#"w:hAnsi="Times New Roman""#,
                        r#"w:hAnsi="Arial""#,
                        1,
                    )
                })
            }),
        ),
        (
            "a 20 mm left margin",
            "page-setup",
            doc(|x| x.replace(r#"w:left="1701""#, r#"w:left="1134""#)),
        ),
        (
            "“tháng 03”",
            "date-format",
            doc(|x| {
                // The draft's blank date filled in with a month written "03".
                let re = regex::Regex::new(r"ngày[\s\u{a0}]+tháng[\s\u{a0}]+năm (\d{4})").unwrap();
                re.replace(x, "ngày 15 tháng 03 năm $1").into_owned()
            }),
        ),
        (
            "no page number",
            "page-number",
            Box::new(|d: &[u8]| with_part(d, "word/header1.xml", |x| x.replace("PAGE", "DATE"))),
        ),
        (
            "the trích yếu not bold",
            "summary-format",
            doc(|x| {
                // The paragraph after the title's.
                let at = x.find(">KẾ HOẠCH<").unwrap();
                let next = at + x[at..].find("</w:p>").unwrap() + 6;
                let end = next + x[next..].find("</w:p>").unwrap() + 6;
                format!(
                    "{}{}{}",
                    &x[..next],
                    x[next..end].replace("<w:b/><w:bCs/>", ""),
                    &x[end..]
                )
            }),
        ),
    ];
    let mut wrong = Vec::new();
    for (what, rule, change) in faults {
        let Ok(bytes) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| change(&base)))
        else {
            wrong.push(format!("{what}: could not be planted"));
            continue;
        };
        let findings = check_docx("ke-hoach.docx", &bytes).unwrap();
        let got = errors(&findings);
        let expected: BTreeSet<String> = [rule.to_string()].into();
        if got != expected {
            wrong.push(format!("{what}: expected {expected:?}, got {got:?}"));
            continue;
        }
        let f = findings.iter().find(|f| f.rule == rule).unwrap();
        assert!(!f.message.is_ascii(), "{what}: a Vietnamese message");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A leftover of the parent's scope put in a correct unit plan is a warning that quotes it.
#[test]
fn a_planted_leftover_of_the_parents_scope_is_quoted() {
    let base = unit_plan_docx();
    let bytes = with_part(&base, "word/document.xml", |x| {
        // The first sentence that opens with "Xây dựng": about the commune's hamlets now.
        x.replacen(
            "Xây dựng",
            "Phối hợp với các ấp trên địa bàn xã Hưng Thịnh xây dựng",
            1,
        )
    });
    let findings = check_docx("ke-hoach.docx", &bytes).unwrap();
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    let scope: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == "parent-scope" && f.message.contains("các ấp"))
        .collect();
    assert_eq!(scope.len(), 1, "{findings:#?}");
    assert_eq!(scope[0].severity, Severity::Warning);
}

/// Documents other than plans (tests/fixtures/other-kinds): a công văn and a thông báo made to
/// the decree get no error; a công văn with its trích yếu not written "V/v …", or with no
/// "Kính gửi", gets exactly that error.
#[test]
fn a_cong_van_and_a_thong_bao_are_checked_as_what_they_are() {
    let dir = kehoach_testkit::root().join("tests/fixtures/other-kinds");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let check = |name: &str, text: &str| errors(&check_docx(name, text.as_bytes()).unwrap());
    let cong_van = read("cong-van-phuong.md");
    assert!(check("cv.md", &cong_van).is_empty());
    assert!(check("tb.md", &read("thong-bao-xa.md")).is_empty());
    let wrong_vv = cong_van.replace("V/v tăng cường", "VỀ VIỆC TĂNG CƯỜNG");
    assert_eq!(check("cv.md", &wrong_vv), ["vv-format".to_string()].into());
    let about = cong_van.replace("V/v tăng cường", "Về việc tăng cường");
    assert_eq!(check("cv.md", &about), ["vv-format".to_string()].into());
    let no_addressee: String = cong_van
        .lines()
        .filter(|l| {
            !l.starts_with("Kính gửi") && !l.starts_with("- Các trường") && !l.starts_with("- Trạm")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let findings = check_docx("cv.md", no_addressee.as_bytes()).unwrap();
    assert_eq!(errors(&findings), ["kinh-gui".to_string()].into());
    assert!(findings.iter().all(|f| !f.message.is_ascii()));
}

/// Công văn, thông báo, báo cáo and tờ trình made to the decree with python-docx
/// (tests/fixtures/documents), as written and after a LibreOffice round trip: the errors are
/// exactly those their description plants (`expected_errors:` in doc.yaml).
#[test]
fn documents_of_other_kinds_as_word_files_get_exactly_their_planted_errors() {
    let root = kehoach_testkit::root().join("tests/fixtures/documents");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("doc.yaml").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 7, "the corpus of other kinds is there");
    let mut wrong = Vec::new();
    for dir in dirs {
        let yaml = std::fs::read_to_string(dir.join("doc.yaml")).unwrap();
        let line = yaml
            .lines()
            .find(|l| l.starts_with("expected_errors:"))
            .expect("expected_errors in doc.yaml");
        let list = line["expected_errors:".len()..]
            .trim()
            .trim_matches(['[', ']']);
        let expected: BTreeSet<String> = list
            .split(',')
            .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
            .filter(|s| !s.is_empty())
            .collect();
        for file in ["doc.docx", "lo.docx"] {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            let got = errors(&check_docx(file, &bytes).unwrap());
            if got != expected {
                wrong.push(format!(
                    "{}/{file}: expected {expected:?}, got {got:?}",
                    dir.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
