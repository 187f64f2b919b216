//! Round trip: random plans (any Unicode in the text, empty parts, a 500-row appendix) → export
//! → import give the same structure, and python-docx opens every file.
use kehoach_export::{to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_model::numbering::renumber;
use kehoach_model::{Appendix, AppendixGroup, AppendixRow, Header, Item, Part, Plan, Signer};
use kehoach_testkit::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

/// A sentence as a plan has them: starts with a letter, any Unicode inside (Vietnamese, CJK,
/// emoji, symbols, `<&>`), ends with a full stop.
fn sentence() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]{1,8}",
        1 => "[A-ZĐƯƠÂÊÔ][a-zơưđ]{0,6}",
        1 => "[0-9]{1,4}%?",
        1 => prop::sample::select(vec!["<&>", "\"CCHC\"", "'x'", "😀", "漢字", "ภาษา", "Ω≈∑", "(TTHC)", "v.v…"]).prop_map(String::from),
    ];
    prop::collection::vec(word, 1..14).prop_map(|w| {
        let mut s = w.join(" ");
        // Start with a capital letter; end with one full stop.
        if !s.starts_with(|c: char| c.is_alphabetic()) {
            s = format!("Nội dung {s}");
        }
        let mut c = s.chars();
        let first = c.next().unwrap().to_uppercase().collect::<String>();
        format!("{first}{}.", c.as_str())
    })
}

/// Numbered items whose children are, as on paper, first their bullets and plain paragraphs,
/// then their numbered points (a bullet or paragraph after a numbered point belongs to it).
fn items(depth: u32) -> BoxedStrategy<Vec<Item>> {
    let loose = prop::collection::vec(
        (sentence(), prop::bool::ANY)
            .prop_map(|(text, bullet)| Item::new("", if bullet { "-" } else { "" }, text)),
        0..3,
    );
    let numbered = if depth == 0 {
        Just(Vec::new()).boxed()
    } else {
        items(depth - 1)
    };
    prop::collection::vec((sentence(), loose, numbered), 0..4)
        .prop_map(|v| {
            v.into_iter()
                .map(|(text, mut children, numbered)| {
                    children.extend(numbered);
                    let mut item = Item::new("", "1.", text);
                    item.items = children;
                    item
                })
                .collect()
        })
        .boxed()
}

fn plan() -> impl Strategy<Value = Plan> {
    let part_titles = prop::sample::select(vec![
        "MỤC TIÊU",
        "CHỈ TIÊU",
        "NHIỆM VỤ TRỌNG TÂM",
        "KINH PHÍ THỰC HIỆN",
        "TỔ CHỨC THỰC HIỆN",
    ]);
    (
        prop::collection::vec((part_titles, prop::option::of(sentence()), items(2)), 1..5),
        prop::collection::vec(sentence(), 1..4),
        prop::collection::vec("[A-ZĐ][a-zđơư ]{2,20}", 1..6),
        0..4usize,
    )
        .prop_map(|(parts, bases, recipients, appendix_size)| {
            let mut plan = Plan {
                header: Header {
                    parent_body: Some("ỦY BAN NHÂN DÂN QUẬN 1".into()),
                    issuer: "TRƯỜNG MẦM NON TUỔI HỒNG".into(),
                    number: Some("14".into()),
                    symbol: "KH-MNTH".into(),
                    place: "Quận 1".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2024, 1, 5),
                },
                doc_type: "Kế hoạch".into(),
                summary: "Thực hiện công tác cải cách hành chính năm 2024".into(),
                bases: bases
                    .into_iter()
                    .map(|b| format!("Căn cứ {}", b.trim_end_matches('.')))
                    .collect(),
                intro: "Đơn vị xây dựng Kế hoạch, cụ thể như sau:".into(),
                parts: parts
                    .into_iter()
                    .map(|(title, opening, mut items)| {
                        // A part may open with a plain paragraph before its first point.
                        if let Some(text) = opening {
                            items.insert(0, Item::new("", "", text));
                        }
                        Part::new("I", title, items)
                    })
                    .collect(),
                closing: "Trên đây là Kế hoạch của đơn vị./.".into(),
                recipients: recipients
                    .into_iter()
                    .chain(["Lưu: VT".to_string()])
                    .collect(),
                signer: Signer {
                    authority: String::new(),
                    title: "HIỆU TRƯỞNG".into(),
                    name: "Nguyễn Thị Hồng".into(),
                },
                ..Default::default()
            };
            let rows = [0, 12, 0, 500][appendix_size];
            if rows > 0 {
                let groups = (1..=5)
                    .map(|g| AppendixGroup {
                        label: g.to_string(),
                        title: format!("Nhóm nhiệm vụ {g}"),
                        rows: (1..=rows / 5)
                            .map(|r| AppendixRow {
                                label: format!("{g}.{r}"),
                                cells: vec![
                                    format!("Nhiệm vụ {g}.{r} <&>."),
                                    "Kế hoạch".into(),
                                    "Hiệu trưởng".into(),
                                    "Tổ chuyên môn".into(),
                                    "Quý I".into(),
                                ],
                                ..Default::default()
                            })
                            .collect(),
                    })
                    .collect();
                plan.appendix = Some(Appendix {
                    title: "KẾ HOẠCH CỤ THỂ NĂM 2024".into(),
                    subtitle: "(Kèm theo Kế hoạch số 14/KH-MNTH ngày 05 tháng 01 năm 2024)".into(),
                    columns: Appendix::default_columns(),
                    groups,
                });
            }
            renumber(&mut plan);
            plan
        })
}

/// The structure compared: labels and texts of the tree, header, bases, recipients, signer,
/// appendix rows.
fn shape(p: &Plan) -> serde_json::Value {
    // Runs of spaces are one space on paper.
    let mut p = p.clone();
    p.map_text(|s| *s = s.split_whitespace().collect::<Vec<_>>().join(" "));
    let p = &p;
    fn tree(items: &[Item]) -> Vec<serde_json::Value> {
        items
            .iter()
            .map(|i| serde_json::json!([i.label, i.text, tree(&i.items)]))
            .collect()
    }
    serde_json::json!({
        "header": [p.header.parent_body, p.header.issuer, p.header.number, p.header.symbol, p.header.place, p.header.date],
        "summary": p.summary,
        "bases": p.bases.iter().map(|b| b.trim_end_matches([';', '.'])).collect::<Vec<_>>(),
        "parts": p.parts.iter().map(|x| serde_json::json!([x.label, x.title, tree(&x.items)])).collect::<Vec<_>>(),
        "recipients": p.recipients.iter().map(|r| r.trim_end_matches('.')).collect::<Vec<_>>(),
        "signer": [p.signer.title.clone(), p.signer.name.clone()],
        "appendix": p.appendix.as_ref().map(|a| a.groups.iter().map(|g| serde_json::json!([g.label, g.title, g.rows.iter().map(|r| serde_json::json!([r.label, r.cells])).collect::<Vec<_>>()])).collect::<Vec<_>>()),
    })
}

#[test]
fn export_then_import_gives_the_same_structure_and_python_docx_opens_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 40,
        ..Config::default()
    });
    let strategy = plan();
    let mut files = Vec::new();
    for case in 0..40 {
        let plan = strategy.new_tree(&mut runner).unwrap().current();
        let bytes = to_docx(&plan, &ExportOptions::default()).unwrap();
        let back =
            import::read_bytes("plan.docx", &bytes).unwrap_or_else(|e| panic!("case {case}: {e}"));
        let (a, b) = (shape(&plan), shape(&back));
        if a != b {
            let pa = serde_json::to_string_pretty(&a).unwrap();
            let pb = serde_json::to_string_pretty(&b).unwrap();
            let diff = similar::TextDiff::from_lines(&pa, &pb);
            panic!(
                "case {case} differs after the round trip:\n{}",
                diff.unified_diff().context_radius(3)
            );
        }
        let path = dir.path().join(format!("rt{case:02}.docx"));
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    for (file, opened) in files.iter().zip(python_docx_open(&files)) {
        assert!(
            opened.is_ok(),
            "python-docx cannot open {}: {opened:?}",
            file.display()
        );
    }
}
