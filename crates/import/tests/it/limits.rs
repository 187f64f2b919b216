//! The importer's limits, each on a crafted file, each with a clear Vietnamese message: files over
//! 50 MB, zip parts over 100 MB uncompressed or compressed more than 100 times, XML nested deeper
//! than a sane limit. Nothing here may panic or run out of memory.
use kehoach_import::{self as import, ImportError};
use kehoach_testkit::{with_part, with_part_bytes};
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
        let bytes =
            std::fs::read(kehoach_testkit::root().join("tests/fixtures").join(fixture)).unwrap();
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

// --- What Word shows is what is read ----------------------------------------------------------
//
// The same plan (a ward's, from the corpus) written into .docx files in the ways older offices
// and other editors write them: each must import to the plan the plain file gives.

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The corpus plan's paragraphs (its markdown form, tables left out): (text, bold).
fn plan_paragraphs() -> Vec<(String, bool)> {
    let root = kehoach_testkit::root();
    let md =
        std::fs::read_to_string(root.join("tests/fixtures/parents/phuong-tan-dinh-2027/doc.md"))
            .unwrap();
    md.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with('|'))
        .map(|p| {
            let bold = p.starts_with("**") && p.ends_with("**");
            // As typed on an old keyboard driver: no ellipsis, dashes or curly quotes (TCVN3 and
            // VNI have no code for them).
            let text = p
                .replace("**", "")
                .replace('*', "")
                .replace('…', "...")
                .replace(['–', '—'], "-")
                .replace(['“', '”'], "\"");
            (text, bold)
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text in a font (bold as the paragraph is).
fn run(text: &str, font: &str, bold: bool) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>{}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        if bold { "<w:b/>" } else { "" },
        esc(text)
    )
}

fn para(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

/// A .docx of these body paragraphs (package, relationships, content types).
fn docx_of(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    );
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#;
    docx_with(
        document.as_bytes(),
        &[
            ("_rels/.rels", rels.to_vec()),
            ("word/_rels/document.xml.rels", doc_rels.to_vec()),
        ],
    )
}

/// The parts of a plan a reader can get wrong: header, title, bases, every item, Nơi nhận and
/// the signer.
fn essentials(plan: &kehoach_model::Plan) -> String {
    fn walk(out: &mut String, items: &[kehoach_model::Item], depth: usize) {
        for i in items {
            out.push_str(&format!("{}{} {}\n", "  ".repeat(depth), i.label, i.text));
            walk(out, &i.items, depth + 1);
        }
    }
    let mut out = format!(
        "{:?}\n{}\n{}\n{:?}\n",
        plan.header, plan.doc_type, plan.summary, plan.bases
    );
    for p in &plan.parts {
        out.push_str(&format!("{} {}\n", p.label, p.title));
        walk(&mut out, &p.items, 1);
    }
    out.push_str(&format!("{:?}\n{:?}\n", plan.recipients, plan.signer));
    out
}

/// The plan as a plain .docx gives it (Times New Roman, no tracked changes, no text boxes).
fn plain_plan() -> kehoach_model::Plan {
    let body: String = plan_paragraphs()
        .iter()
        .map(|(t, b)| para(&run(t, "Times New Roman", *b)))
        .collect();
    let plan = import::read_bytes("ke-hoach.docx", &docx_of(&body)).unwrap();
    assert_eq!(plan.header.issuer, "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH");
    assert!(plan.parts.len() >= 3, "{}", essentials(&plan));
    assert!(plan.notices.is_empty());
    plan
}

#[test]
fn decomposed_unicode_reads_as_composed() {
    use unicode_normalization::UnicodeNormalization;
    let expected = plain_plan();
    let body: String = plan_paragraphs()
        .iter()
        .map(|(t, b)| para(&run(&t.nfd().collect::<String>(), "Times New Roman", *b)))
        .collect();
    assert!(body.contains('\u{301}'), "the file is decomposed");
    let plan = import::read_bytes("nfd.docx", &docx_of(&body)).unwrap();
    assert_eq!(essentials(&plan), essentials(&expected));
}

/// Unicode text in TCVN3: (the Latin-1 text, whether it needs the capital font .VnTimeH) per
/// piece; a capital letter with a tone has no code of its own and is written as the small one in
/// .VnTimeH.
fn to_tcvn3(s: &str) -> Vec<(String, bool)> {
    use kehoach_text::legacy::Legacy;
    let small = Legacy::Tcvn3 { caps: false };
    let code = |c: char| -> Option<char> {
        if c.is_ascii() {
            return Some(c);
        }
        (0xA1u32..=0xFF)
            .filter_map(char::from_u32)
            .find(|&k| small.decode(&k.to_string()) == c.to_string())
    };
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for c in s.chars() {
        let (k, caps) = match code(c) {
            Some(k) => (k, false),
            None => {
                let lower = c.to_lowercase().next().unwrap();
                (code(lower).unwrap_or_else(|| panic!("{c} in TCVN3")), true)
            }
        };
        match pieces.last_mut() {
            Some((text, c)) if *c == caps => text.push(k),
            _ => pieces.push((k.to_string(), caps)),
        }
    }
    pieces
}

#[test]
fn a_plan_typed_in_tcvn3_fonts_reads_as_unicode_with_a_notice() {
    let expected = plain_plan();
    let body: String = plan_paragraphs()
        .iter()
        .map(|(t, b)| {
            // A line in capitals is typed in .VnTimeH as a whole, as offices did.
            let caps_line = kehoach_text::is_caps(t);
            let runs: String = if caps_line {
                let lower = t.to_lowercase();
                to_tcvn3(&lower)
                    .iter()
                    .map(|(p, _)| run(p, ".VnTimeH", *b))
                    .collect()
            } else {
                to_tcvn3(t)
                    .iter()
                    .map(|(p, caps)| run(p, if *caps { ".VnTimeH" } else { ".VnTime" }, *b))
                    .collect()
            };
            para(&runs)
        })
        .collect();
    assert!(
        body.contains("KÕ ho¹ch") || body.contains("ho¹ch"),
        "the file is in TCVN3"
    );
    let plan = import::read_bytes("tcvn3.docx", &docx_of(&body)).unwrap();
    assert_eq!(essentials(&plan), essentials(&expected));
    assert_eq!(plan.notices.len(), 1, "{:?}", plan.notices);
    assert!(plan.notices[0].contains("TCVN3"), "{:?}", plan.notices);
}

#[test]
fn a_plan_typed_in_vni_fonts_reads_as_unicode_with_a_notice() {
    use kehoach_text::legacy::Legacy;
    use std::collections::HashMap;
    // Every Vietnamese letter's VNI spelling, found by decoding every one- and two-character
    // spelling (the shortest wins).
    let mut vni: HashMap<char, String> = HashMap::new();
    let marks: Vec<char> = (0xC0u32..=0xFF).filter_map(char::from_u32).collect();
    let mut spellings: Vec<String> = marks.iter().map(char::to_string).collect();
    for base in "aeiouyAEIOUYôöÔÖ".chars() {
        for m in &marks {
            spellings.push(format!("{base}{m}"));
        }
    }
    for s in spellings {
        let d = Legacy::Vni.decode(&s);
        let mut cs = d.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            // A mark character is never the letter it looks like ("á" is a hat and an acute
            // after a vowel; "giá" is spelled "giaù").
            if !c.is_ascii() && d != s {
                vni.entry(c)
                    .and_modify(|e| {
                        if s.chars().count() < e.chars().count() {
                            *e = s.clone()
                        }
                    })
                    .or_insert(s);
            }
        }
    }
    let encode = |t: &str| -> String {
        t.chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    vni.get(&c).cloned().unwrap_or_else(|| panic!("{c} in VNI"))
                }
            })
            .collect()
    };
    let expected = plain_plan();
    let body: String = plan_paragraphs()
        .iter()
        .map(|(t, b)| para(&run(&encode(t), "VNI-Times", *b)))
        .collect();
    assert!(
        body.contains("Keá hoaïch") || body.contains("KEÁ HOAÏCH"),
        "the file is in VNI"
    );
    let plan = import::read_bytes("vni.docx", &docx_of(&body)).unwrap();
    assert_eq!(essentials(&plan), essentials(&expected));
    assert!(plan.notices[0].contains("VNI"), "{:?}", plan.notices);
}

#[test]
fn tracked_changes_read_as_they_print() {
    let expected = plain_plan();
    let paras = plan_paragraphs();
    let mut body = String::new();
    for (n, (t, b)) in paras.iter().enumerate() {
        let r = run(t, "Times New Roman", *b);
        body.push_str(&match n % 4 {
            // An item moved here with tracking on; where it came from is gone.
            0 => para(&format!(
                r#"<w:moveFromRangeStart w:id="{n}0" w:name="m{n}"/><w:moveFrom w:id="{n}1" w:author="A" w:date="2027-01-05T08:00:00Z">{}</w:moveFrom><w:moveFromRangeEnd w:id="{n}0"/><w:moveTo w:id="{n}2" w:author="A">{r}</w:moveTo>"#,
                run("ĐOẠN ĐÃ DỜI ĐI ", "Times New Roman", false)
            )),
            // Typed in with tracking on, beside words deleted with tracking on.
            1 => para(&format!(
                r#"<w:del w:id="{n}3" w:author="B"><w:r><w:delText>CHỮ ĐÃ XÓA </w:delText></w:r></w:del><w:ins w:id="{n}4" w:author="B">{r}</w:ins>"#
            )),
            // Bold set with tracking on: the old formatting is recorded inside.
            2 => para(&r.replace(
                "<w:rPr>",
                r#"<w:rPr><w:rPrChange w:id="9" w:author="C"><w:rPr><w:i/></w:rPr></w:rPrChange>"#,
            )),
            _ => para(&r),
        });
        // A whole paragraph deleted with tracking on.
        if n == 20 {
            body.push_str(&para(
                r#"<w:pPr><w:rPr><w:del w:id="7" w:author="B"/></w:rPr></w:pPr><w:del w:id="8" w:author="B"><w:r><w:delText>1.9. Nhiệm vụ đã bỏ khi góp ý.</w:delText></w:r></w:del>"#,
            ));
        }
    }
    let plan = import::read_bytes("tracked.docx", &docx_of(&body)).unwrap();
    let got = essentials(&plan);
    assert_eq!(got, essentials(&expected));
    assert!(!got.contains("ĐÃ DỜI ĐI") && !got.contains("ĐÃ XÓA") && !got.contains("đã bỏ"));
}

#[test]
fn a_header_in_text_boxes_is_read() {
    let expected = plain_plan();
    let paras = plan_paragraphs();
    let title = paras.iter().position(|(t, _)| t == "KẾ HOẠCH").unwrap();
    let lines = |range: std::ops::Range<usize>| -> String {
        paras[range]
            .iter()
            .map(|(t, b)| para(&run(t, "Times New Roman", *b)))
            .collect()
    };
    // Word 2010 and later: the box as a drawing, with a VML copy for older readers.
    let text_box = |content: String| {
        format!(
            r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
        )
    };
    // Issuer and number in a box on the left, the motto and the date in one on the right, both
    // anchored to an empty first paragraph.
    let body = format!(
        "{}{}",
        para(&format!(
            "{}{}",
            text_box(lines(0..3)),
            text_box(lines(3..6))
        )),
        lines(title..paras.len())
    );
    let plan = import::read_bytes("boxes.docx", &docx_of(&body)).unwrap();
    assert_eq!(plan.header, expected.header);
    assert_eq!(essentials(&plan), essentials(&expected));
}

#[test]
fn content_controls_are_read() {
    let expected = plain_plan();
    let body: String = plan_paragraphs()
        .iter()
        .enumerate()
        .map(|(n, (t, b))| {
            let r = run(t, "Times New Roman", *b);
            if n % 2 == 0 {
                // Around the paragraph (a form's field) …
                format!(
                    r#"<w:sdt><w:sdtPr><w:alias w:val="Ô {n}"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
                    para(&r)
                )
            } else {
                // … or inside it, around the run.
                para(&format!(
                    r#"<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>{r}</w:sdtContent></w:sdt>"#
                ))
            }
        })
        .collect();
    let plan = import::read_bytes("form.docx", &docx_of(&body)).unwrap();
    assert_eq!(essentials(&plan), essentials(&expected));
}

#[test]
fn text_files_in_other_encodings_are_read_with_a_notice() {
    let root = kehoach_testkit::root();
    let md =
        std::fs::read_to_string(root.join("tests/fixtures/parents/phuong-tan-dinh-2027/doc.md"))
            .unwrap();
    let text: String = md.replace("**", "");
    let expected = essentials(&import::read_bytes("ke-hoach.txt", text.as_bytes()).unwrap());
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let spelled = kehoach_text::legacy::windows_1258_spelling(&text);
    let (cp1258, _, bad) = encoding_rs::WINDOWS_1258.encode(&spelled);
    assert!(!bad);
    // UTF-16 without its byte-order mark is Unicode: read as it is, nothing to check.
    let plan = import::read_bytes("utf16.txt", &utf16).unwrap();
    assert_eq!(essentials(&plan), expected);
    assert!(plan.notices.is_empty(), "{:?}", plan.notices);
    // Windows-1258 may have lost a mark: the user is asked to check.
    let plan = import::read_bytes("cp1258.txt", &cp1258).unwrap();
    assert_eq!(essentials(&plan), expected);
    assert!(
        plan.notices[0].contains("Windows-1258"),
        "{:?}",
        plan.notices
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
fn a_pdf_set_in_tcvn3_fonts_reads_as_unicode_with_a_notice() {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let expected = plain_plan();
    // The plan up to the end of part II, one paragraph a line (long ones cut in lines of 90
    // characters), in .VnTime and, for what is in capitals, .VnTimeH: as Word printed such a
    // file to PDF.
    let paras = plan_paragraphs();
    let end = paras
        .iter()
        .position(|(t, _)| t.starts_with("III."))
        .unwrap();
    let mut doc = Document::with_version("1.5");
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => name,
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let f1 = doc.add_object(font(".VnTime"));
    let f2 = doc.add_object(font(".VnTimeH"));
    let mut pages = Vec::new();
    let mut ops: Vec<Operation> = Vec::new();
    let mut y = 800.0;
    let pages_id = doc.new_object_id();
    let mut flush = |ops: &mut Vec<Operation>, doc: &mut Document| {
        let content = Content {
            operations: std::mem::take(ops),
        };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        pages.push(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }));
    };
    for (text, _) in &paras[..end] {
        let chars: Vec<char> = text.chars().collect();
        for line in chars.chunks(90) {
            let line: String = line.iter().collect();
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Td", vec![60.into(), Object::Real(y)]));
            for (piece, caps) in to_tcvn3(&line) {
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&piece);
                let font = if caps { "F2" } else { "F1" };
                ops.push(Operation::new("Tf", vec![font.into(), 13.into()]));
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(bytes.to_vec())],
                ));
            }
            ops.push(Operation::new("ET", vec![]));
            y -= 18.0;
            if y < 60.0 {
                flush(&mut ops, &mut doc);
                y = 800.0;
            }
        }
        y -= 6.0;
    }
    flush(&mut ops, &mut doc);
    let kids: Vec<Object> = pages.iter().map(|p| (*p).into()).collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Count" => kids.len() as i64, "Kids" => kids,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1, "F2" => f2 } },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let plan = import::read_bytes("tcvn3.pdf", &bytes).unwrap();
    assert_eq!(plan.header.issuer, expected.header.issuer);
    assert_eq!(plan.header.date, expected.header.date);
    assert_eq!(plan.summary, expected.summary);
    let titles = |p: &kehoach_model::Plan| -> Vec<String> {
        p.parts.iter().take(2).map(|p| p.title.clone()).collect()
    };
    assert_eq!(titles(&plan), titles(&expected));
    assert!(plan.notices[0].contains("TCVN3"), "{:?}", plan.notices);
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
