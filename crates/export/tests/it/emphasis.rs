//! The parent's emphasis — a quoted slogan in italics, "(Nội dung chi tiết theo phụ lục đính
//! kèm)", a run-in heading in bold — survives import from every form (Word, LibreOffice, pandoc,
//! markdown, the e-office PDF), adaptation, the preview and the .docx, as Word shows it (read
//! back with python-docx); the header keeps the bold and regular lines the decree prescribes.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_export::{html, to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_model::{Decisions, NodeDecision, Plan, UnitProfile};
use kehoach_nd30::Layout;
use kehoach_testkit::corpus::plans;
use kehoach_testkit::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const SLOGAN: &str =
    "Quyết tâm thực hiện hiệu quả Chuyển đổi số và Nghị quyết số 98/2023/QH15 của Quốc hội";
const DETAIL: &str = "Nội dung chi tiết theo phụ lục đính kèm";

fn emphasis(plan: &Plan) -> BTreeSet<(String, String, String)> {
    plan.emphasis
        .iter()
        .map(|e| {
            let style = format!(
                "{}{}",
                if e.bold { "b" } else { "" },
                if e.italic { "i" } else { "" }
            );
            (e.anchor.to_string(), e.text.clone(), style)
        })
        .collect()
}

#[test]
fn every_form_of_every_corpus_plan_keeps_its_emphasis() {
    let mut with_emphasis = 0;
    for dir in plans() {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let want: BTreeSet<(String, String, String)> = expected["emphasis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap().to_string(),
                    e[1].as_str().unwrap().to_string(),
                    e[2].as_str().unwrap().to_string(),
                )
            })
            .collect();
        with_emphasis += usize::from(!want.is_empty());
        for form in kehoach_testkit::corpus::FORMS {
            let plan = import::read_path(&dir.join(form)).unwrap();
            assert_eq!(
                emphasis(&plan),
                want,
                "{}/{form}",
                dir.file_name().unwrap().to_string_lossy()
            );
        }
    }
    assert!(
        with_emphasis >= 5,
        "{with_emphasis} corpus plans have emphasis"
    );
}

/// A run: (text, bold, italic, underline).
type Run = (String, bool, bool, bool);
/// A paragraph: its text and its runs.
type Paragraph = (String, Vec<Run>);

/// Each paragraph of a .docx as python-docx reads it (body and table cells): its text and its
/// runs as (text, bold, italic, underline).
fn docx_paragraphs(path: &Path) -> Vec<Paragraph> {
    let script = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
def paras(container):
    for p in container.paragraphs:
        yield p
    for t in getattr(container, 'tables', []):
        for row in t.rows:
            for cell in row.cells:
                yield from paras(cell)
out = []
for p in paras(d):
    out.append([p.text, [[r.text, bool(r.bold), bool(r.italic), bool(r.underline)] for r in p.runs]])
print(json.dumps(out))
"#;
    let out = std::process::Command::new(python())
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 with python-docx");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The runs of the first paragraph containing `text`.
fn runs_of<'a>(paras: &'a [Paragraph], text: &str) -> &'a [Run] {
    &paras
        .iter()
        .find(|(t, _)| t.contains(text))
        .unwrap_or_else(|| panic!("no paragraph holds {text:?}"))
        .1
}

/// Whether every run with text of the first paragraph holding `text` is (bold, italic).
fn style_of(paras: &[Paragraph], text: &str) -> (bool, bool) {
    let runs: Vec<_> = runs_of(paras, text)
        .iter()
        .filter(|r| !r.0.trim().is_empty())
        .collect();
    (runs.iter().all(|r| r.1), runs.iter().all(|r| r.2))
}

/// The italic words of a paragraph, joined.
fn italic_words(runs: &[Run]) -> String {
    runs.iter()
        .filter(|r| r.2)
        .map(|r| r.0.as_str())
        .collect::<String>()
}

#[test]
fn the_district_plans_italics_and_header_styles_reach_word() {
    let plan = import::builtin("quan1-2024").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quan1.docx");
    std::fs::write(&path, to_docx(&plan, &ExportOptions::default()).unwrap()).unwrap();
    let paras = docx_paragraphs(&path);

    // I.4: the slogan, and only the slogan, in italics.
    let runs = runs_of(&paras, SLOGAN);
    assert_eq!(italic_words(runs), SLOGAN, "{runs:?}");
    assert!(runs.iter().any(|r| !r.2 && r.0.contains("Triển khai")));
    // III: "(Nội dung chi tiết theo phụ lục đính kèm)".
    assert_eq!(italic_words(runs_of(&paras, DETAIL)), DETAIL);
    // V.2.3: the run-in heading in bold, the task after it regular.
    let runs = runs_of(&paras, "Phòng Tư pháp:");
    let bold: String = runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
    assert_eq!(bold, "Phòng Tư pháp:");

    // The header: issuer, Quốc hiệu and Tiêu ngữ bold; parent body and "Số:" regular; the date
    // line italic and not bold.
    let style = |text: &str| style_of(&paras, text);
    assert_eq!(style("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (true, false));
    assert_eq!(style("Độc lập - Tự do - Hạnh phúc"), (true, false));
    assert_eq!(style("ỦY BAN NHÂN DÂN QUẬN 1"), (true, false));
    assert_eq!(style("Số: 04/KH-UBND"), (false, false));
    assert_eq!(style("Quận 1, ngày 04 tháng 01 năm 2024"), (false, true));

    // The preview shows the same.
    let preview = html::render(&plan, &Layout::default());
    assert!(preview.contains(&format!("<i>{SLOGAN}</i>")));
    assert!(preview.contains("<b>Phòng Tư pháp:</b>"));
}

#[test]
fn a_unit_keeps_the_emphasis_of_the_words_it_keeps() {
    let parent = import::builtin("quan1-2024").unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap();
    let profile = UnitProfile::from_toml(&text).unwrap();
    let mut decisions = Decisions::default();
    let adapt = |decisions: &Decisions| {
        adapt::adapt(
            &parent,
            &profile,
            &Preset::builtin("mam-non").unwrap(),
            decisions,
            AdaptOptions {
                apply_defaults: true,
            },
        )
        .unwrap()
        .plan
    };
    // The kindergarten keeps I.4 with its slogan.
    decisions.nodes.insert("I.4".into(), NodeDecision::Keep);
    let plan = adapt(&decisions);
    assert!(plan.item("I.4").is_some_and(|i| i.text.contains(SLOGAN)));
    assert!(emphasis(&plan).contains(&("I.4".into(), SLOGAN.into(), "i".into())));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mn.docx");
    std::fs::write(&path, to_docx(&plan, &ExportOptions::default()).unwrap()).unwrap();
    let paras = docx_paragraphs(&path);
    assert_eq!(italic_words(runs_of(&paras, SLOGAN)), SLOGAN);
    // Its header: the parent body regular over the school in bold.
    assert_eq!(style_of(&paras, "ỦY BAN NHÂN DÂN QUẬN 1"), (false, false));
    assert_eq!(style_of(&paras, "TRƯỜNG MẦM NON TUỔI HỒNG"), (true, false));

    // Reworded so that the slogan is gone: its emphasis goes with it.
    decisions.nodes.insert(
        "I.4".into(),
        NodeDecision::Edit {
            text: "Thực hiện chủ đề năm 2024 của Thành phố trong nhà trường.".into(),
        },
    );
    let plan = adapt(&decisions);
    assert!(!emphasis(&plan).iter().any(|(anchor, _, _)| anchor == "I.4"));
}
