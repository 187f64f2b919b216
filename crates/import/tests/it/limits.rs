//! The importer's limits, each on a crafted file, each with a clear Vietnamese message: files over
//! 50 MB, zip parts over 100 MB uncompressed or compressed more than 100 times, XML nested deeper
//! than a sane limit. Nothing here may panic or run out of memory.
use crate::word_shows::{docx_of, para, run};
use kehoach_import::{self as import, ImportError};
use kehoach_testkit::{with_part, with_part_bytes};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// A minimal .docx (content types, document) plus extra parts.
pub(crate) fn docx_with(document: &[u8], extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
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
    assert_eq!(
        err,
        ImportError::TooLarge {
            bytes: 51 * 1024 * 1024
        }
    );
    assert_eq!(
        err.to_string(),
        "Tệp quá lớn (51 MB): chỉ nhập được tệp đến 50 MB."
    );
    // One byte over is over, and the message does not say it is 50 MB.
    f_len(&path, 50 * 1024 * 1024 + 1);
    assert_eq!(
        import::read_path(&path).unwrap_err().to_string(),
        "Tệp quá lớn (50,1 MB): chỉ nhập được tệp đến 50 MB."
    );
    f_len(&path, 50 * 1024 * 1024);
    assert!(!matches!(
        import::read_path(&path),
        Err(ImportError::TooLarge { .. })
    ));
}

fn f_len(path: &std::path::Path, len: u64) {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(len)
        .unwrap();
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
        let bytes =
            std::fs::read(kehoach_testkit::root().join("tests/fixtures").join(fixture)).unwrap();
        assert!(import::read_bytes(fixture, &bytes).is_ok(), "{fixture}");
    }
}

#[test]
fn wrong_file_types_get_a_clear_message() {
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "old.doc",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "tệp .doc",
        ),
        // A photo of the plan (named anything): said to be a picture, with what to do.
        (
            "picture.docx",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "Tệp .png là ảnh",
        ),
        (
            "ke-hoach-cap-tren.jpg",
            &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0],
            "Tệp .jpg là ảnh: ứng dụng không đọc chữ trong ảnh chụp văn bản. Hãy xin văn bản dạng Word (.docx)",
        ),
        (
            "IMG_2041.HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0",
            "nhận dạng chữ (OCR",
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
    let root = kehoach_testkit::root();
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
        // Empty, and whole but of another kind (docx-rs looped for ever on both).
        let mut cases = vec![
            ("cut", half.to_vec()),
            ("empty", Vec::new()),
            ("of another kind", b"<a/>".to_vec()),
        ];
        // A closing tag that does not match its opening one.
        if let Some(at) = data.windows(2).rposition(|w| w == b"</") {
            let mut swapped = data.clone();
            swapped.insert(at + 2, b'x');
            cases.push(("mismatched", swapped));
        }
        for (how, bytes) in cases {
            let result = import_or_hang(name, with_part_bytes(&good, name, |_| bytes.clone()))
                .unwrap_or_else(|| panic!("{name} {how}: the import hangs"));
            // Custom XML data holds no text of the plan: it is never unpacked.
            if name.starts_with("customXml/") {
                assert!(result.is_ok(), "{name} {how} is not read");
                continue;
            }
            // The document's properties are read by no one: any root will do.
            if how == "of another kind" && name.starts_with("docProps/") {
                continue;
            }
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

#[test]
fn misleading_files_get_the_message_that_names_them() {
    // An encrypted .docx is an OLE file holding the encrypted package, not an old .doc.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 512]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let err = import::read_bytes("co-mat-khau.docx", &ole).unwrap_err();
    assert_eq!(err, ImportError::Encrypted);
    assert!(err.to_string().contains("mật khẩu"));
    // A PDF cut before its header is a damaged PDF, not text to save as UTF-8.
    let err = import::read_bytes("ke-hoach.pdf", b"\x00\x01garbage \xff\xfe trailer").unwrap_err();
    assert_eq!(err, ImportError::CorruptPdf);
}

#[test]
fn a_part_whose_zip_header_lies_about_its_size_is_refused_quickly() {
    // The header says 1 KB; the data unpacks to 300 MB of XML-looking text.
    let big: Vec<u8> = b"<w:p/>".repeat(50 * 1024 * 1024);
    let mut zipped = docx_with(BODY, &[("word/styles.xml", big)]);
    // Rewrite the declared sizes of word/styles.xml in the central directory and local header.
    let name = b"word/styles.xml";
    let mut at = 0;
    while let Some(i) = zipped[at..].windows(name.len()).position(|w| w == name) {
        let i = at + i;
        let header = if zipped[i - 46..i - 42] == [0x50, 0x4b, 0x01, 0x02] {
            Some(i - 46 + 24) // central directory: uncompressed size at +24
        } else if zipped[i - 30..i - 26] == [0x50, 0x4b, 0x03, 0x04] {
            Some(i - 30 + 22) // local header: uncompressed size at +22
        } else {
            None
        };
        if let Some(h) = header {
            zipped[h..h + 4].copy_from_slice(&1024u32.to_le_bytes());
        }
        at = i + name.len();
    }
    let result = import_or_hang("lying.docx", zipped).expect("no hang");
    let err = result.unwrap_err();
    assert!(
        matches!(
            &err,
            ImportError::Suspicious(_) | ImportError::CorruptDocx(_)
        ),
        "{err}"
    );
    assert!(err.to_string().contains("word/styles.xml"), "{err}");
}

#[test]
fn files_with_far_more_than_a_plan_holds_are_refused_before_they_are_parsed() {
    // 45,000 paragraphs: reading costs about 100 bytes per byte of XML, so this would take
    // several hundred MB; it is counted and refused first.
    let body: String = (0..45_000)
        .map(|i| {
            para(&run(
                &format!("{}. Nhiệm vụ {i}.", i % 9 + 1),
                "Times New Roman",
                false,
            ))
        })
        .collect();
    let err = import::read_bytes("dai.docx", &docx_of(&body)).unwrap_err();
    assert!(
        matches!(&err, ImportError::TooComplex(what) if what.contains("90000")),
        "{err}"
    );
    assert!(
        err.to_string().contains("quá nhiều so với một kế hoạch"),
        "{err}"
    );
    // 2 MB of markdown table cells (it took 580 MB to read).
    let row = format!("|{}|\n", ["ô"; 50].join("|"));
    let md = row.repeat(2 * 1024 * 1024 / row.len());
    let err = import::read_bytes("o.md", md.as_bytes()).unwrap_err();
    assert!(matches!(err, ImportError::TooComplex(_)), "{err}");
    // A long plan stays well inside: 5,000 numbered paragraphs are read.
    let mut body = String::new();
    for t in [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG A",
        "KẾ HOẠCH",
        "Cải cách hành chính",
        "I. MỤC TIÊU",
    ] {
        body.push_str(&para(&run(t, "Times New Roman", false)));
    }
    for i in 0..5000 {
        body.push_str(&para(&run(
            &format!("{}. Nhiệm vụ số {i}.", i % 9 + 1),
            "Times New Roman",
            false,
        )));
    }
    let plan = import::read_bytes("dai.docx", &docx_of(&body)).unwrap();
    assert_eq!(plan.parts[0].items.len(), 5000);
}

#[test]
fn a_relationship_to_a_part_that_is_not_there_is_refused_not_looped_on() {
    // Found by make fuzz (docx_rels): a styles relationship whose target was mangled; docx-rs
    // read the missing part as empty and never returned.
    let root = kehoach_testkit::root();
    let good = std::fs::read(root.join("tests/fixtures/parents/xa-an-phu-2027/doc.docx")).unwrap();
    let dangling = with_part(&good, "word/_rels/document.xml.rels", |rels| {
        rels.replace(
            "Target=\"styles.xml\"",
            "Target=\"styless.openxmlformats.org/x\"",
        )
    });
    let result = import_or_hang("dangling.docx", dangling).expect("no hang");
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains("thiếu phần word/styless.openxmlformats.org/x"),
        "{message}"
    );
}

/// A .docx with a second `word/document.xml` behind the first (the zip reader keeps the last of
/// a name, Word may show the first): refused, naming the part, whichever text each one holds.
#[test]
fn a_part_listed_twice_is_refused_not_one_of_them_chosen() {
    let forged = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>I. NỘI DUNG KHÁC</w:t></w:r></w:p></w:body></w:document>"#.as_bytes();
    // The second part is written as "word/documenX.xml", then named like the first in both the
    // local header and the central directory (the zip writer refuses a name twice).
    let zip = docx_with(BODY, &[("word/documenX.xml", forged.to_vec())]);
    let twice = replace_all(&zip, b"word/documenX.xml", b"word/document.xml");
    let err = import::read_bytes("ke-hoach.docx", &twice).unwrap_err();
    assert_eq!(
        err,
        ImportError::Suspicious("hai phần cùng tên word/document.xml".into())
    );
    assert!(err.to_string().contains("không được mở"), "{err}");
    // Differing only in case, as OPC compares part names.
    let cased = replace_all(&zip, b"word/documenX.xml", b"Word/Document.xml");
    assert!(matches!(
        import::read_bytes("ke-hoach.docx", &cased),
        Err(ImportError::Suspicious(_))
    ));
    // The same parts under two names are not refused for it.
    assert!(!matches!(
        import::read_bytes("ke-hoach.docx", &zip),
        Err(ImportError::Suspicious(_))
    ));
}

fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut n = 0;
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from {
            out[i..i + from.len()].copy_from_slice(to);
            n += 1;
        }
        i += 1;
    }
    assert_eq!(
        n, 2,
        "the name is in the local header and the central directory"
    );
    out
}

/// A sound zip whose main relationship points at a web address: refused for what it is, not
/// called a damaged zip, and nothing is fetched.
#[test]
fn a_body_taken_from_a_web_address_is_refused_as_such() {
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="http://example.com/word/document.xml" TargetMode="External"/></Relationships>"#;
    let zip = docx_with(BODY, &[("_rels/.rels", rels.to_vec())]);
    let err = import::read_bytes("ke-hoach.docx", &zip).unwrap_err();
    assert_eq!(
        err,
        ImportError::Suspicious(
            "một phần của văn bản lấy từ ngoài tệp, tại http://example.com/word/document.xml"
                .into()
        )
    );
    assert!(!err.to_string().contains("nén"), "{err}");
}
