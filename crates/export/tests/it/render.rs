//! The built-in district plan goes through the real exporter and LibreOffice; the PDF shows what
//! a văn thư checks on paper.
use kehoach_export::{to_docx, ExportOptions};
use kehoach_import as import;
use kehoach_testkit::*;

#[test]
fn the_district_plan_renders_as_decree_30_prescribes() {
    let plan = import::builtin("quan1-2024").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("quan1.docx");
    std::fs::write(&docx, to_docx(&plan, &ExportOptions::default()).unwrap()).unwrap();
    libreoffice_to_pdf(dir.path(), std::slice::from_ref(&docx));
    let pdf = dir.path().join("quan1.pdf");
    let pages = pdf_pages(&pdf);
    let sizes = pdf_page_sizes(&pdf, pages.len());
    assert_eq!(sizes.len(), pages.len());
    assert!(pages.len() > 5, "{} pages", pages.len());

    let first_line = |p: &str| {
        p.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    // Page 1: the header, no page number.
    let p1 = &pages[0];
    assert!(
        !first_line(p1).chars().all(|c| c.is_ascii_digit()),
        "page 1 starts with a number"
    );
    for text in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 04/KH-UBND",
        "Quận 1, ngày 04 tháng 01 năm 2024",
        "KẾ HOẠCH",
        "ỦY BAN NHÂN DÂN QUẬN 1",
    ] {
        assert!(p1.contains(text), "page 1 lacks {text:?}");
    }
    assert_eq!(first_line(&pages[1]), "2", "page 2 starts with its number");

    // Portrait body, then the landscape appendix numbered from 1, heading row on every page.
    let (w, h) = sizes[0];
    assert!(
        (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
        "A4 portrait: {w}x{h}"
    );
    let appendix_start = pages
        .iter()
        .position(|p| p.contains("Phụ lục"))
        .expect("appendix");
    assert!(appendix_start > 1);
    for (i, page) in pages.iter().enumerate().skip(appendix_start) {
        let (w, h) = sizes[i];
        assert!(w > h, "appendix page {} is landscape", i + 1);
        assert!(
            page.contains("STT") && page.contains("Nhiệm vụ cụ thể"),
            "page {} repeats the heading row",
            i + 1
        );
    }
    assert_eq!(
        first_line(&pages[appendix_start + 1]),
        "2",
        "the appendix is numbered from 1"
    );
    for page in &pages[..appendix_start] {
        let (w, h) = sizes[pages.iter().position(|p| std::ptr::eq(p, page)).unwrap()];
        assert!(h > w, "body pages are portrait");
    }

    // The last body page: closing sentence, recipients, signer.
    let last_body = pages[..appendix_start].join("\n");
    assert!(last_body.contains("Nơi nhận:"));
    let flat: String = last_body.split_whitespace().collect::<Vec<_>>().join(" ");
    for r in &plan.recipients {
        let r = r.trim_end_matches('.');
        assert!(flat.contains(r), "recipient {r:?} is missing");
    }
    assert!(flat.contains("- Lưu: VT, B.Th(3b)."));
    assert!(flat.contains("CHỦ TỊCH") && flat.contains("Lê Đức Thanh"));
    assert!(flat.contains("./."));
}
