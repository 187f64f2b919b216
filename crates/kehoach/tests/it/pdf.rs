//! The PDF that gets signed, written with no office suite: `kehoach` runs with LibreOffice hidden
//! (`KEHOACH_SOFFICE=none` and an empty PATH) and the files are read back with poppler
//! (`pdftotext -layout`, `pdffonts`, `pdfinfo`).
use kehoach_testkit::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn kehoach(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .env("KEHOACH_SOFFICE", "none")
        .env("PATH", "")
        .output()
        .unwrap()
}

fn unit(dir: &Path, draft: bool) -> PathBuf {
    let mut text =
        std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap();
    if draft {
        text = text
            .lines()
            .filter(|l| !l.starts_with("number") && !l.starts_with("date"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let path = dir.join(if draft { "nhap.toml" } else { "unit.toml" });
    std::fs::write(&path, text).unwrap();
    path
}

fn adapt_to(dir: &Path, draft: bool, name: &str) -> PathBuf {
    let out = dir.join(name);
    let unit = unit(dir, draft);
    let run = kehoach(&[
        "adapt",
        "--from",
        "builtin:quan1-2024",
        "--unit",
        unit.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// `pdftotext -layout` of one page.
fn page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn first_line(text: &str) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string()
}

#[test]
fn the_kindergarten_plan_as_a_pdf_without_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = adapt_to(dir.path(), false, "tuoi-hong.pdf");
    let pages = pdf_pages(&pdf);
    assert!(pages.len() > 5, "{} pages", pages.len());
    let sizes = pdf_page_sizes(&pdf, pages.len());

    // Page 1: Quốc hiệu, number, date; no page number.
    let p1 = page_text(&pdf, 1);
    for text in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "TRƯỜNG MẦM NON TUỔI HỒNG",
        "Số: 14/KH-MNTH",
        "Quận 1, ngày 05 tháng 01 năm 2024",
        "KẾ HOẠCH",
    ] {
        assert!(p1.contains(text), "page 1 lacks {text:?}:\n{p1}");
    }
    assert!(
        !first_line(&p1).chars().all(|c| c.is_ascii_digit()),
        "page 1 has a number"
    );
    // Page 2 begins with its number.
    assert_eq!(first_line(&page_text(&pdf, 2)), "2");

    // A4 portrait first, landscape appendix pages after, in the same file, numbered on their own.
    let (w, h) = sizes[0];
    assert!(
        (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
        "{w}x{h}"
    );
    let start = (1..=pages.len())
        .find(|&p| first_line(&page_text(&pdf, p)) == "Phụ lục")
        .expect("an appendix");
    for p in start..=pages.len() {
        let (w, h) = sizes[p - 1];
        assert!(
            (w - 841.9).abs() < 1.0 && (h - 595.3).abs() < 1.0,
            "page {p}: {w}x{h}"
        );
    }
    assert!(!first_line(&page_text(&pdf, start))
        .chars()
        .all(|c| c.is_ascii_digit()));
    if start < pages.len() {
        let next = page_text(&pdf, start + 1);
        assert_eq!(
            first_line(&next),
            "2",
            "the appendix is numbered on its own"
        );
        assert!(next.contains("STT"), "the heading row repeats");
    }

    // Nơi nhận beside the signature, ending with the archive line.
    let all = pages.join("\n");
    assert!(all.contains("Nơi nhận:"));
    assert!(all.contains("HIỆU TRƯỞNG"));
    let last_recipient = all
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("- "))
        .find(|l| l.starts_with("- Lưu:"))
        .expect("the archive line");
    assert!(last_recipient.starts_with("- Lưu: VT, Hồ sơ CCHC."));

    // Every font embedded, a Times-metric serif.
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
        assert!(
            ["TimesNewRoman", "LiberationSerif", "Tinos"]
                .iter()
                .any(|f| cols[0].contains(f)),
            "not a Times-metric serif: {row}"
        );
    }
}

#[test]
fn a_draft_pdf_leaves_the_number_and_date_blank() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = adapt_to(dir.path(), true, "nhap.pdf");
    let p1 = page_text(&pdf, 1);
    let number = p1
        .lines()
        .find_map(|l| l.find("Số:").map(|i| l[i..].to_string()))
        .expect("the number line");
    let gap = number
        .trim_start_matches("Số:")
        .split("/KH-MNTH")
        .next()
        .unwrap();
    assert!(
        gap.chars().count() >= 3 && gap.trim().is_empty(),
        "room for the number: {number:?}"
    );
    let date = p1
        .lines()
        .find(|l| l.contains("Quận 1, ngày"))
        .expect("the date line");
    assert!(date.contains("năm 2024"), "{date}");
    let day = date
        .split("ngày")
        .nth(1)
        .unwrap()
        .split("tháng")
        .next()
        .unwrap();
    assert!(
        day.chars().count() >= 3 && day.trim().is_empty(),
        "room for the day: {date:?}"
    );
}

#[test]
fn export_chooses_the_format_by_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("quan1.pdf");
    let run = kehoach(&["export", "builtin:quan1-2024", "-o", pdf.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // --pdf: a .docx and a PDF beside it, still without LibreOffice.
    let docx = dir.path().join("ban.docx");
    let run = kehoach(&[
        "export",
        "builtin:quan1-2024",
        "-o",
        docx.to_str().unwrap(),
        "--pdf",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    assert!(std::fs::read(dir.path().join("ban.pdf"))
        .unwrap()
        .starts_with(b"%PDF-"));

    // A wrong extension: one clear message, no file.
    let odd = dir.path().join("ke-hoach.txt");
    let run = kehoach(&["export", "builtin:quan1-2024", "-o", odd.to_str().unwrap()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("hãy đặt tên tệp kết thúc bằng .docx (Word) hoặc .pdf"),
        "{err}"
    );
    assert!(!odd.exists());
}

#[test]
fn the_preview_has_the_pdfs_pages() {
    let dir = tempfile::tempdir().unwrap();
    let district = kehoach_import::builtin("quan1-2024").unwrap();
    let mn = kehoach::app::load_plan(&adapt_to(dir.path(), false, "mn.json")).unwrap();
    for (name, plan) in [("district", district), ("kindergarten", mn)] {
        let layout = kehoach_nd30::Layout::default();
        let pdf = dir.path().join(format!("{name}.pdf"));
        kehoach::app::export(&plan, layout, &pdf).unwrap();
        let pdf_pages = pdf_pages(&pdf).len();
        let html = kehoach::app::preview(&plan, layout);
        let preview_pages = html.matches("<section class=\"page").count();
        assert_eq!(preview_pages, pdf_pages, "{name}");
        // Each preview page starts with the text its PDF page starts with (after the number).
        let portrait = html.matches("<section class=\"page\"").count();
        assert!(
            portrait >= 2 && portrait < pdf_pages,
            "{name}: {portrait} portrait pages"
        );
        let appendix_first = page_text(&pdf, portrait + 1);
        assert_eq!(first_line(&appendix_first), "Phụ lục", "{name}");
    }
}

#[test]
fn check_reads_a_builtin_plan_and_names_a_missing_file_in_vietnamese() {
    let run = kehoach(&["check", "builtin:quan1-2024"]);
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.code().is_some_and(|c| c < 2), "{err}");
    assert!(!err.contains("Không đọc được"), "{err}");
    assert!(!out.is_empty());

    let run = kehoach(&["check", "/khong-co/ke-hoach.docx"]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("không có tệp này"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

/// The appendix of a short plan with `n` task rows in areas of four, cells as a unit fills them.
fn with_rows(base: &kehoach_model::Plan, n: usize) -> kehoach_model::Plan {
    use kehoach_model::{Appendix, AppendixGroup, AppendixRow};
    let mut plan = base.clone();
    plan.parts.truncate(1);
    let mut groups: Vec<AppendixGroup> = Vec::new();
    for i in 0..n {
        if i % 4 == 0 {
            groups.push(AppendixGroup {
                label: format!("{}", i / 4 + 1),
                title: "Cải cách thủ tục hành chính".into(),
                rows: Vec::new(),
            });
        }
        let g = groups.last_mut().unwrap();
        g.rows.push(AppendixRow {
            id: format!("t{i}"),
            label: format!("{}.{}", i / 4 + 1, i % 4 + 1),
            cells: vec![
                "Rà soát, công khai thủ tục hành chính thuộc thẩm quyền giải quyết của nhà trường; cập nhật trên trang thông tin điện tử".into(),
                "Danh mục thủ tục hành chính được công khai".into(),
                "Hiệu trưởng".into(),
                "Phó Hiệu trưởng; Tổ trưởng văn phòng".into(),
                "Quý II/2025".into(),
            ],
            source: None,
        });
    }
    plan.appendix = Some(Appendix {
        title: "KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025".into(),
        subtitle: String::new(),
        columns: Vec::new(),
        groups,
    });
    plan
}

#[test]
fn the_last_appendix_page_never_holds_a_single_row_the_page_before_could_share() {
    if !kehoach_pdf::has_fonts() {
        panic!("no serif face for the PDF (make test installs fonts-liberation)");
    }
    let base = kehoach_import::builtin("quan1-2024").unwrap();
    let layout = kehoach_nd30::Layout::default();
    let mut alone = Vec::new();
    let mut broke = 0;
    for n in 3..=30 {
        let plan = with_rows(&base, n);
        let doc = kehoach_layout::lay_out(&plan, &layout);
        let map = kehoach_pdf::page_map(&doc).unwrap();
        let last = *map.rows.last().unwrap();
        let on_last = map.rows.iter().filter(|&&p| p == last).count();
        if map.appendix_pages > 1 && on_last < 2 {
            alone.push(format!("{n} rows: the last page holds 1 ({:?})", map.rows));
        }
        // Every row is where the map says, and the PDF has the map's pages.
        let pdf = kehoach_pdf::write(&doc, "t", "").unwrap();
        let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
        assert_eq!(pages, map.portrait_pages + map.appendix_pages, "{n} rows");
        broke += usize::from(map.appendix_pages > 1);
    }
    assert!(broke > 5, "the appendices span pages ({broke} of them)");
    assert!(alone.is_empty(), "{}", alone.join("\n"));
}
