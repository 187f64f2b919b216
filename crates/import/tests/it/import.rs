//! The importer on the seed district plan, in three forms: the converted markdown (the built-in
//! template's source), pandoc's .docx of it, and a Word-like .docx (header and signature in
//! tables, Word auto-numbering, recipients as a Word list, the appendix as one table).
use kehoach_import::{self as import, ImportError};
use kehoach_model::{Item, Plan};
use std::path::PathBuf;

fn root() -> PathBuf {
    kehoach_testkit::root()
}

fn seed_md() -> PathBuf {
    root().join("crates/import/builtin/ke-hoach-04-KH-UBND-quan1-2024.md")
}

fn fixtures() -> [(String, Plan); 3] {
    let read =
        |p: PathBuf| import::read_path(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    [
        ("markdown".into(), read(seed_md())),
        (
            "pandoc".into(),
            read(root().join("tests/fixtures/quan1-2024.pandoc.docx")),
        ),
        (
            "wordlike".into(),
            read(root().join("tests/fixtures/quan1-2024.wordlike.docx")),
        ),
    ]
}

/// Numbered children (bullets and plain paragraphs left out).
fn numbered(items: &[Item]) -> Vec<&Item> {
    items
        .iter()
        .filter(|i| !i.label.is_empty() && !i.is_bullet())
        .collect()
}

fn find<'a>(items: &'a [Item], label: &str) -> &'a Item {
    items
        .iter()
        .find(|i| i.label == label)
        .unwrap_or_else(|| panic!("no item {label}"))
}

#[test]
fn parts_and_item_counts_match_the_district_plan_in_every_form() {
    for (form, plan) in fixtures() {
        let titles: Vec<(&str, &str)> = plan
            .parts
            .iter()
            .map(|p| (p.label.as_str(), p.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("I", "MỤC TIÊU"),
                ("II", "CHỈ TIÊU"),
                ("III", "NHIỆM VỤ TRỌNG TÂM"),
                ("IV", "KINH PHÍ THỰC HIỆN"),
                ("V", "TỔ CHỨC THỰC HIỆN")
            ],
            "{form}"
        );
        let [i, ii, iii, iv, v] = &plan.parts[..] else {
            panic!()
        };
        assert_eq!(numbered(&i.items).len(), 4, "{form}: I");
        let targets = numbered(&ii.items);
        assert_eq!(targets.len(), 10, "{form}: II");
        for (label, n) in [("3.", 8), ("4.", 2), ("10.", 5)] {
            assert_eq!(
                numbered(&find(&ii.items, label).items).len(),
                n,
                "{form}: II.{label}"
            );
        }
        let areas = numbered(&iii.items);
        let counts: Vec<usize> = areas.iter().map(|a| numbered(&a.items).len()).collect();
        assert_eq!(counts, [11, 6, 13, 8, 12, 7, 14, 2], "{form}: III");
        let area1 = &areas[0].items;
        let bullets = find(area1, "1.11.")
            .items
            .iter()
            .filter(|i| i.is_bullet())
            .count();
        assert_eq!(bullets, 7, "{form}: III 1.11 bullets");
        let item_1_10 = find(area1, "1.10.");
        assert!(item_1_10.items.is_empty(), "{form}: 1.10 is one paragraph");
        assert!(
            item_1_10.text.ends_with("giai đoạn 2022 - 2025."),
            "{form}: 1.10 ends {:?}",
            item_1_10.text
        );
        // III opens and closes with unlabelled paragraphs, kept in order.
        assert!(
            iii.items[0].label.is_empty() && iii.items[0].text.starts_with("Bên cạnh triển khai")
        );
        let last = iii.items.last().unwrap();
        assert!(last.label.is_empty() && last.text.contains("Nội dung chi tiết theo phụ lục"));
        assert_eq!(numbered(&iv.items).len(), 2, "{form}: IV");
        let resp = numbered(&v.items);
        assert_eq!(resp.len(), 2, "{form}: V");
        assert_eq!(numbered(&resp[0].items).len(), 3, "{form}: V.1");
        assert_eq!(numbered(&resp[1].items).len(), 16, "{form}: V.2");
    }
}

#[test]
fn header_bases_intro_recipients_and_signer() {
    for (form, plan) in fixtures() {
        assert_eq!(plan.header.number.as_deref(), Some("04"), "{form}");
        assert_eq!(plan.header.symbol, "KH-UBND", "{form}");
        assert_eq!(plan.header.place, "Quận 1", "{form}");
        assert_eq!(
            plan.header.date.unwrap().to_string(),
            "2024-01-04",
            "{form}"
        );
        assert_eq!(plan.header.issuer, "ỦY BAN NHÂN DÂN QUẬN 1", "{form}");
        assert_eq!(plan.doc_type, "Kế hoạch", "{form}");
        assert_eq!(
            plan.summary, "Thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2024",
            "{form}"
        );
        assert_eq!(plan.bases.len(), 4, "{form}");
        assert!(plan.bases[0].starts_with("Căn cứ Quyết định số 6004/QĐ-UBND"));
        assert!(plan.bases.iter().all(|b| b.ends_with(';')), "{form}");
        assert!(plan.intro.starts_with("Tiếp tục phát huy"), "{form}");
        assert!(
            plan.closing.starts_with("Trên đây là") && plan.closing.ends_with("./."),
            "{form}"
        );
        assert_eq!(plan.recipients.len(), 17, "{form}");
        assert_eq!(plan.recipients[0], "VP.UBND Thành phố", "{form}");
        assert_eq!(
            plan.recipients.last().unwrap(),
            "Lưu: VT, B.Th(3b).",
            "{form}"
        );
        assert_eq!(plan.signer.name, "Lê Đức Thanh", "{form}");
    }
}

#[test]
fn footnotes_are_found_with_their_marks() {
    // The Word-like file has no footnotes (python-docx cannot write them).
    for (form, plan) in fixtures().into_iter().take(2) {
        assert_eq!(plan.footnotes.len(), 2, "{form}");
        assert!(
            plan.footnotes[0]
                .text
                .starts_with("Quyết định số 41/2011/QĐ-UBND"),
            "{form}"
        );
        let anchor = plan
            .item(plan.footnotes[0].anchor.item().expect("an item anchor"))
            .expect("anchored to an item");
        assert_eq!(anchor.label, "10.4.", "{form}");
        assert!(anchor.text.contains(&plan.footnotes[0].after), "{form}");
        assert!(
            plan.footnotes[0]
                .after
                .ends_with("ngày 17 tháng 6 năm 2011"),
            "{form}"
        );
        assert_eq!(
            plan.item(plan.footnotes[1].anchor.item().unwrap())
                .unwrap()
                .label,
            "4.1.",
            "{form}"
        );
    }
}

#[test]
fn the_appendix_table_is_merged_across_page_splits() {
    for (form, plan) in fixtures() {
        let app = plan.appendix.as_ref().expect("appendix");
        assert_eq!(
            app.title, "KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
            "{form}"
        );
        assert!(app.subtitle.contains("04/KH-UBND"), "{form}");
        assert_eq!(app.columns.len(), 6, "{form}");
        assert_eq!(app.columns[0], "STT");
        assert_eq!(app.groups.len(), 7, "{form}");
        let rows: Vec<_> = app.groups.iter().flat_map(|g| &g.rows).collect();
        assert_eq!(rows.len(), 92, "{form}");
        assert!(
            rows.iter().all(|r| !r.label.is_empty()),
            "{form}: a row without STT"
        );
        assert!(
            rows.iter().all(|r| r.label != "STT"),
            "{form}: a repeated heading row"
        );
        assert!(rows.iter().all(|r| r.cells.len() == 5), "{form}");
        let row = rows.iter().find(|r| r.label == "1.8").unwrap();
        assert!(
            row.cells[0].ends_with("giai đoạn 2022 – 2025."),
            "{form}: {}",
            row.cells[0]
        );
        assert!(
            row.cells[0].contains("về truyền thông, về chuyên môn"),
            "{form}"
        );
    }
}

#[test]
fn no_text_keeps_noise_or_markup() {
    for (form, plan) in fixtures() {
        let json = serde_json::to_string(&plan).unwrap();
        for noise in ["Ngo Hai Yen", "Karl", "**", "<br", "<sup>", "</", "\\u0001"] {
            assert!(!json.contains(noise), "{form}: {noise:?} left in the plan");
        }
        let ten = &numbered(&plan.parts[1].items)[9];
        assert_eq!(ten.text, "Xây dựng môi trường làm việc điện tử", "{form}");
    }
}

#[test]
fn item_ids_are_unique_and_follow_the_label_path() {
    let plan = import::builtin("quan1-2024").unwrap();
    let ids: Vec<&str> = plan.items().iter().map(|(_, i)| i.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(plan
        .item("III.3.4")
        .unwrap()
        .text
        .starts_with("Rà soát, đơn giản hóa"));
    assert!(plan
        .item("II.10.2")
        .unwrap()
        .text
        .starts_with("100% các đơn vị"));
    assert!(plan.items().iter().all(|(_, i)| i.source.is_none()));
}

/// A built-in plan asked for by a wrong id says which ids there are.
#[test]
fn an_unknown_builtin_id_lists_the_ids_there_are() {
    let err = import::builtin("quan1-2025").unwrap_err().to_string();
    assert!(err.contains("\"quan1-2025\""), "{err}");
    for plan in import::builtin_list() {
        assert!(err.contains(plan.id), "{err}");
    }
}

#[test]
fn the_builtin_plan_outline_snapshot() {
    let plan = import::builtin("quan1-2024").unwrap();
    insta::assert_snapshot!(kehoach_model::outline::outline(&plan));
}

#[test]
fn every_seed_gives_a_structure_or_a_clear_error() {
    let dir = root().join("tests/fixtures/seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "README.md" {
            continue;
        }
        seen += 1;
        match import::read_path(&path) {
            Ok(plan) => assert!(!plan.parts.is_empty(), "{}", path.display()),
            Err(e) => assert_eq!(e, ImportError::NoStructure, "{}", path.display()),
        }
    }
    assert!(seen >= 5, "seeds in {}", dir.display());
}

#[test]
fn the_kindergarten_ocr_plan_is_read_as_a_plan() {
    let path = root().join("tests/fixtures/seeds/ke-hoach-14-KH-MNTH-tuoi-hong-2024-ocr.txt");
    // OCR without diacritics: the header and bases are beyond recognition, the body is not.
    let plan = import::read_path(&path).unwrap();
    assert_eq!(plan.parts[0].title, "MUC TIEU");
    let first: Vec<&str> = numbered(&plan.parts[0].items)[..4]
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(first, ["1.", "2.", "3.", "4."]);
    assert!(plan.items().len() > 80, "{} items", plan.items().len());
}

#[test]
fn random_bytes_and_broken_files_give_errors_not_panics() {
    let mut state = 0x2545F4914F6CDD1Du64;
    for len in [0usize, 1, 3, 16, 100, 1000, 10_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        for name in ["x.docx", "x.md", "x.txt", "x"] {
            assert!(
                import::read_bytes(name, &bytes).is_err(),
                "{len} random bytes as {name}"
            );
        }
    }
    // A zip that is not a .docx, and a truncated .docx.
    let docx = std::fs::read(root().join("tests/fixtures/quan1-2024.pandoc.docx")).unwrap();
    assert!(matches!(
        import::read_bytes("a.docx", &docx[..docx.len() / 2]),
        Err(ImportError::CorruptDocx(_))
    ));
    assert_eq!(
        import::read_bytes("a.md", b"   \n"),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import::read_bytes("a.txt", "Xin chào\nkhông có mục nào".as_bytes()),
        Err(ImportError::NoStructure)
    );
}

#[test]
fn word_auto_numbering_reads_like_typed_numbers() {
    let typed = import::read_path(&seed_md()).unwrap();
    let word = import::read_path(&root().join("tests/fixtures/quan1-2024.wordlike.docx")).unwrap();
    let labels = |p: &Plan| -> Vec<(String, String)> {
        p.items()
            .iter()
            .map(|(_, i)| (i.id.clone(), i.label.clone()))
            .collect()
    };
    assert_eq!(labels(&typed), labels(&word));
}
