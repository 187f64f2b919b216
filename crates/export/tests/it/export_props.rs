//! Any text from the user — `< > & " '`, emoji, control characters, 5,000-character items —
//! still yields a document that LibreOffice and python-docx open and that passes Word's schemas.
use kehoach_export::{to_docx, ExportOptions};
use kehoach_model::{Appendix, AppendixGroup, AppendixRow, Header, Item, Part, Plan, Signer};
use kehoach_testkit::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Hostile text: markup characters, emoji, control characters, combining marks, very long runs.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ỦỹđĐơƯ<>&\"'\\-]{0,40}",
        "\\PC{0,60}",
        prop::collection::vec(
            prop_oneof![
                Just("<w:t>".to_string()),
                Just("&amp;".to_string()),
                Just("]]>".to_string()),
                Just("😀👩‍🏫".to_string()),
                Just("\u{1}\u{7}\u{b}\u{1f}".to_string()),
                Just("e\u{301}".to_string()),
                Just("\u{feff}\u{200b}".to_string()),
                "[ -~]{1,10}",
            ],
            0..12
        )
        .prop_map(|v| v.concat()),
        Just("Dài ".repeat(1250)),
    ]
}

fn item(depth: u32) -> BoxedStrategy<Item> {
    let leaf = (
        text(),
        prop_oneof![Just("1."), Just("-"), Just(""), Just("a)")],
    )
        .prop_map(|(t, l)| Item::new("", l, t));
    if depth == 0 {
        return leaf.boxed();
    }
    (leaf, prop::collection::vec(item(depth - 1), 0..3))
        .prop_map(|(mut i, children)| {
            i.items = children;
            i
        })
        .boxed()
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (text(), text(), text(), proptest::option::of("[0-9]{0,3}")),
        (text(), prop::collection::vec(text(), 0..3), text()),
        prop::collection::vec((text(), prop::collection::vec(item(2), 0..4)), 0..3),
        (prop::collection::vec(text(), 0..4), text(), text()),
        prop::collection::vec(
            (
                text(),
                prop::collection::vec(prop::collection::vec(text(), 0..6), 0..3),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                (issuer, parent, place, number),
                (summary, bases, closing),
                parts,
                (recipients, title, name),
                groups,
            )| {
                let mut n = 0;
                let mut parts: Vec<Part> = parts
                    .into_iter()
                    .map(|(title, items)| Part::new("I", title, items))
                    .collect();
                fn ids(items: &mut [Item], n: &mut usize) {
                    for i in items {
                        *n += 1;
                        i.id = format!("x{n}");
                        ids(&mut i.items, n);
                    }
                }
                for p in &mut parts {
                    ids(&mut p.items, &mut n);
                }
                Plan {
                    header: Header {
                        parent_body: Some(parent),
                        issuer,
                        number,
                        symbol: "KH-X".into(),
                        place,
                        date: None,
                    },
                    doc_type: "Kế hoạch".into(),
                    summary,
                    bases,
                    closing,
                    parts,
                    recipients,
                    signer: Signer {
                        authority: String::new(),
                        title,
                        name,
                    },
                    appendix: Some(Appendix {
                        title: "Phụ lục <&>".into(),
                        groups: groups
                            .into_iter()
                            .enumerate()
                            .map(|(i, (title, rows))| AppendixGroup {
                                label: (i + 1).to_string(),
                                title,
                                rows: rows
                                    .into_iter()
                                    .map(|cells| AppendixRow {
                                        id: String::new(),
                                        label: format!("{}.1", i + 1),
                                        cells,
                                        source: None,
                                    })
                                    .collect(),
                            })
                            .collect(),
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            },
        )
}

#[test]
fn hostile_text_still_gives_documents_that_libreoffice_and_python_docx_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::deterministic();
    let strategy = plan();
    let mut files = Vec::new();
    for i in 0..24 {
        let plan = strategy.new_tree(&mut runner).unwrap().current();
        let bytes = to_docx(&plan, &ExportOptions::default()).expect("export never fails on text");
        let path = dir.path().join(format!("p{i:02}.docx"));
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    // Word's schemas (Office 2019) accept every one of them.
    let audit = openxml_audit(dir.path());
    assert_eq!(audit.len(), files.len());
    let faulty: Vec<_> = audit.iter().filter(|(_, e)| !e.is_empty()).collect();
    assert!(faulty.is_empty(), "{faulty:#?}");
    for (file, result) in files.iter().zip(python_docx_open(&files)) {
        assert!(
            result.is_ok(),
            "python-docx cannot open {}: {result:?}",
            file.display()
        );
    }
    libreoffice_to_pdf(dir.path(), &files);
    for file in &files {
        let pdf = file.with_extension("pdf");
        assert!(
            pdf.exists(),
            "LibreOffice did not convert {}",
            file.display()
        );
        assert!(!pdf_pages(&pdf).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// In-process: the package is a valid zip whose XML parts all parse.
    #[test]
    fn every_part_is_well_formed_xml(plan in plan()) {
        let bytes = to_docx(&plan, &ExportOptions::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            let mut reader = quick_xml::Reader::from_str(&s);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => prop_assert!(false, "{}: {e}", f.name()),
                }
            }
        }
    }
}
