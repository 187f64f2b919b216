//! What Word shows is what is read: the same plan (a ward's, from the corpus) written into .docx
//! files in the ways older offices and other editors write them — decomposed Unicode, TCVN3 and
//! VNI fonts, tracked changes, text boxes, content controls — and text files and PDFs in old
//! encodings: each imports to the plan the plain file gives.
use crate::limits::docx_with;
use kehoach_import as import;

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

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text in a font (bold as the paragraph is).
pub(crate) fn run(text: &str, font: &str, bold: bool) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>{}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        if bold { "<w:b/>" } else { "" },
        esc(text)
    )
}

pub(crate) fn para(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

/// A .docx of these body paragraphs (package, relationships, content types).
pub(crate) fn docx_of(body: &str) -> Vec<u8> {
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
