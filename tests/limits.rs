//! The importer's limits, each on a crafted file, each with a clear Vietnamese message: files over
//! 50 MB, zip parts over 100 MB uncompressed or compressed more than 100 times, XML nested deeper
//! than a sane limit. Nothing here may panic or run out of memory.
mod common;
use common::with_part_bytes;
use kehoach::import::{self, ImportError};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// A minimal .docx (content types, document) plus extra parts.
fn docx_with(document: &[u8], extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", deflate).unwrap();
    w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#).unwrap();
    w.start_file("word/document.xml", deflate).unwrap();
    w.write_all(document).unwrap();
    for (name, data) in extra {
        w.start_file(*name, deflate).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const BODY: &[u8] = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>I. MỤC TIÊU</w:t></w:r></w:p></w:body></w:document>"#.as_bytes();

#[test]
fn a_file_over_50_mb_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.docx");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(51 * 1024 * 1024).unwrap(); // sparse: no 51 MB written
    let err = import::read_path(&path).unwrap_err();
    assert_eq!(err, ImportError::TooLarge { size_mb: 51 });
    assert_eq!(
        err.to_string(),
        "Tệp quá lớn (51 MB): chỉ nhập được tệp đến 50 MB."
    );
}

#[test]
fn a_part_that_unpacks_to_over_100_mb_is_refused() {
    let zeros = vec![0u8; 101 * 1024 * 1024];
    let bomb = docx_with(BODY, &[("word/media/big.bin", zeros)]);
    assert!(
        bomb.len() < 1024 * 1024,
        "the crafted file itself is small ({} bytes)",
        bomb.len()
    );
    let err = import::read_bytes("bomb.docx", &bomb).unwrap_err();
    assert!(
        matches!(&err, ImportError::Suspicious(m) if m.contains("101 MB")),
        "{err}"
    );
    assert!(err
        .to_string()
        .starts_with("Tệp .docx có thành phần bất thường"));
}

#[test]
fn a_part_compressed_more_than_100_times_is_refused() {
    let zeros = vec![b' '; 2 * 1024 * 1024];
    let file = docx_with(BODY, &[("word/styles.xml", zeros)]);
    let err = import::read_bytes("ratio.docx", &file).unwrap_err();
    assert!(
        matches!(&err, ImportError::Suspicious(m) if m.contains("nén")),
        "{err}"
    );
}

#[test]
fn xml_nested_too_deep_is_refused() {
    let mut doc = String::from(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    doc.push_str(&"<w:sdt><w:sdtContent>".repeat(300));
    doc.push_str(&"</w:sdtContent></w:sdt>".repeat(300));
    doc.push_str("</w:body></w:document>");
    let err = import::read_bytes("deep.docx", &docx_with(doc.as_bytes(), &[])).unwrap_err();
    assert!(
        matches!(&err, ImportError::Suspicious(m) if m.contains("lồng sâu")),
        "{err}"
    );
}

#[test]
fn ordinary_files_stay_well_inside_the_limits() {
    let ok = docx_with(BODY, &[]);
    // Structure is found or not, but the limits do not fire.
    assert!(!matches!(
        import::read_bytes("ok.docx", &ok),
        Err(ImportError::Suspicious(_) | ImportError::TooLarge { .. })
    ));
    for fixture in ["quan1-2024.pandoc.docx", "quan1-2024.wordlike.docx"] {
        let bytes = std::fs::read(format!(
            "{}/tests/fixtures/{fixture}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        assert!(import::read_bytes(fixture, &bytes).is_ok(), "{fixture}");
    }
}

#[test]
fn wrong_file_types_get_a_clear_message() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "old.doc",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "tệp .doc",
        ),
        (
            "picture.docx",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "không phải tệp nén",
        ),
        ("notes.txt", &[0x41, 0x42, 0xC3, 0x28, 0x43], "UTF-8"),
        (
            "picture.bin",
            &[0x00, 0x01, 0xC3, 0x28, 0x00, 0xFF],
            "Không nhận ra loại tệp",
        ),
        ("empty.md", b"", "Tệp rỗng"),
    ];
    for (name, bytes, expected) in cases {
        let err = import::read_bytes(name, bytes).unwrap_err().to_string();
        assert!(err.contains(expected), "{name}: {err}");
    }
}

/// Imports in a thread; `None` when it has not finished after a minute (a hang).
fn import_or_hang(name: &str, bytes: Vec<u8>) -> Option<Result<(), ImportError>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let name = name.to_string();
    std::thread::spawn(move || {
        let _ = tx.send(import::read_bytes(&name, &bytes).map(|_| ()));
    });
    rx.recv_timeout(std::time::Duration::from_secs(60)).ok()
}

#[test]
fn every_xml_part_cut_short_or_mangled_gets_a_message_naming_it_never_a_hang() {
    // docx-rs loops for ever on some malformed parts (styles.xml cut in half did); every part is
    // checked before it reaches docx-rs.
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let good = std::fs::read(root.join("tests/fixtures/parents/xa-an-phu-2027/doc.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(good.as_slice())).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        .map(String::from)
        .collect();
    assert!(names.len() >= 8, "{names:?}");
    for name in &names {
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(name).unwrap(), &mut data).unwrap();
        let half = &data[..data.len() / 2];
        let mut cases = vec![("cut", half.to_vec())];
        // A closing tag that does not match its opening one.
        if let Some(at) = data.windows(2).rposition(|w| w == b"</") {
            let mut swapped = data.clone();
            swapped.insert(at + 2, b'x');
            cases.push(("mismatched", swapped));
        }
        for (how, bytes) in cases {
            let result = import_or_hang(name, with_part_bytes(&good, name, |_| bytes.clone()))
                .unwrap_or_else(|| panic!("{name} {how}: the import hangs"));
            let err = result.expect_err(&format!("{name} {how} is not a valid part"));
            let message = err.to_string();
            assert!(
                message.contains(name.as_str()) && message.starts_with("Tệp .docx bị hỏng"),
                "{name} {how}: {message}"
            );
        }
    }
}

#[test]
fn a_dtd_in_a_part_is_refused() {
    let bomb = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let err = import::read_bytes("dtd.docx", &docx_with(bomb, &[])).unwrap_err();
    assert!(
        matches!(&err, ImportError::Suspicious(m) if m.contains("DTD")),
        "{err}"
    );
}
