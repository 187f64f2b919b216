//! Golden tests of the .docx writer, in the pandoc style: the package is unzipped, volatile
//! attributes (paragraph ids, footnote ids, timestamps) are dropped, and the XML of the header
//! block, the signature block and the appendix is compared with files under tests/golden/.
//! Regenerate with `make goldens` (UPDATE_GOLDENS=1) and review the diff like code.
use kehoach_export::{to_docx, ExportOptions};
use kehoach_model::Plan;
use regex::Regex;
use std::io::Read;
use std::path::PathBuf;

fn root() -> PathBuf {
    kehoach_testkit::root()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Drops what changes from run to run and puts one element per line.
fn normalise(xml: &str) -> String {
    let volatile = Regex::new(r#"\s(w14:paraId|w14:textId|w:rsid\w*|w:id)="[^"]*""#).unwrap();
    let xml = volatile.replace_all(xml, "");
    let xml = Regex::new(r"<(w:p|w:tbl|w:tr|w:tc|w:r|w:sectPr)([ >/])")
        .unwrap()
        .replace_all(&xml, "\n<$1$2");
    xml.trim().to_string() + "\n"
}

fn golden_plan() -> Plan {
    let text = std::fs::read_to_string(root().join("tests/fixtures/golden-plan.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn document() -> String {
    let opts = ExportOptions {
        created: Some("2024-01-05T00:00:00Z".into()),
        ..Default::default()
    };
    let bytes = to_docx(&golden_plan(), &opts).unwrap();
    part(&bytes, "word/document.xml")
}

/// The n-th top-level table of the body.
fn table(document: &str, n: usize) -> String {
    let start = document.match_indices("<w:tbl>").nth(n).expect("table").0;
    let end = document[start..].find("</w:tbl>").unwrap() + start + "</w:tbl>".len();
    document[start..end].to_string()
}

fn check(name: &str, actual: &str) {
    let path = root().join("crates/export/tests/golden").join(name);
    let actual = normalise(actual);
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run `make goldens`", path.display()));
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, &actual);
        panic!(
            "{name} differs from the golden file (run `make goldens` if the change is intended):\n{}",
            diff.unified_diff().context_radius(2)
        );
    }
}

#[test]
fn golden_header_block() {
    check("header.xml", &table(&document(), 0));
}

#[test]
fn golden_signature_block() {
    check("signature.xml", &table(&document(), 1));
}

#[test]
fn golden_appendix() {
    let doc = document();
    // Everything after the body's section break.
    let start = doc.find("</w:sectPr>").unwrap() + "</w:sectPr>".len();
    check("appendix.xml", &doc[start..]);
}

#[test]
fn golden_core_properties_carry_title_and_author() {
    let opts = ExportOptions {
        created: Some("2024-01-05T00:00:00Z".into()),
        author: "Trường mầm non Tuổi Hồng".into(),
        ..Default::default()
    };
    let bytes = to_docx(&golden_plan(), &opts).unwrap();
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Kế hoạch Thực hiện công tác cải cách hành chính tại Trường mầm non Tuổi Hồng năm 2024</dc:title>"));
    assert!(core.contains("<dc:creator>Trường mầm non Tuổi Hồng</dc:creator>"));
}

#[test]
fn every_part_is_deflated() {
    let bytes = to_docx(&golden_plan(), &ExportOptions::default()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            f.name()
        );
    }
}
