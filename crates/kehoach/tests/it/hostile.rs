//! Hostile PDFs, made here by a generator (lopdf), each read by the command line as a user's
//! file is: every one ends (a run still going after 10 s counts as a hang) within 500 MB of
//! address space, with exit status 2 and one Vietnamese line naming what is wrong — no English,
//! no panic, nothing written.
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A one-font document whose pages show what `pages` returns; `kids` lists the page objects
/// (an entry may repeat or point anywhere).
type Kids<'a> = Option<&'a dyn Fn(&[Object]) -> Vec<Object>>;

fn pdf(pages: &[Vec<u8>], compress: bool, kids: Kids) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut ids = Vec::new();
    for content in pages {
        let mut stream = Stream::new(dictionary! {}, content.clone());
        if compress {
            stream.compress().unwrap();
        }
        let c = doc.add_object(stream);
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => c,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        ids.push(Object::Reference(page));
    }
    let kids = kids.map_or(ids.clone(), |f| f(&ids));
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids.clone(), "Count" => kids.len() as i64,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Content showing `text` once in one string.
fn shows(text: &[u8]) -> Vec<u8> {
    Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(text.to_vec())]),
            Operation::new("ET", vec![]),
        ],
    }
    .encode()
    .unwrap()
}

/// A page of plan-like text, `lines` lines of `width` characters.
fn text_page(lines: usize, width: usize) -> Vec<u8> {
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 6.into()]),
        Operation::new("TL", vec![7.into()]),
        Operation::new("Td", vec![20.into(), 830.into()]),
    ];
    let line: Vec<u8> = b"Cai cach hanh chinh nam 2027 tai don vi "
        .iter()
        .copied()
        .cycle()
        .take(width)
        .collect();
    for _ in 0..lines {
        ops.push(Operation::new("T*", vec![]));
        ops.push(Operation::new(
            "Tj",
            vec![Object::string_literal(line.clone())],
        ));
    }
    ops.push(Operation::new("ET", vec![]));
    Content { operations: ops }.encode().unwrap()
}

/// `kehoach import FILE` in a fresh folder, under a 500 MB address-space limit, killed after
/// 60 s (a guard against a hang, not a measure of speed: alone a bomb is refused in about 3 s,
/// but the whole suite on two cores once took over 10 s); its exit status, stderr, the time it took, and the files it left in the folder. The
/// time and the peak memory are printed (`cargo test -p kehoach --test it hostile --
/// --nocapture`: the README's figures).
fn import(name: &str, bytes: &[u8]) -> (Option<i32>, String, Duration, usize) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let stats = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new("bash")
        .args([
            "-c",
            "ulimit -v 512000; exec /usr/bin/time -q -o \"$2\" -f '%M' \"$0\" import \"$1\"",
        ])
        .arg(env!("CARGO_BIN_EXE_kehoach"))
        .arg(&file)
        .arg(stats.path())
        .current_dir(dir.path())
        .env("KEHOACH_SOFFICE", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{name}: still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    let left = std::fs::read_dir(dir.path()).unwrap().count() - 1;
    let rss = std::fs::read_to_string(stats.path()).unwrap_or_default();
    eprintln!(
        "{name} ({} KB): {:?}, peak {} MB",
        bytes.len() / 1024,
        start.elapsed(),
        rss.trim().parse::<u64>().unwrap_or(0) / 1024
    );
    (status.code(), err, start.elapsed(), left)
}

fn refused_with(name: &str, bytes: &[u8], words: &str) {
    let (code, err, took, left) = import(name, bytes);
    eprintln!("{name}: {took:?} {}", err.trim());
    assert_eq!(code, Some(2), "{name}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{name}: one line: {err}");
    assert!(err.contains(words), "{name}: «{words}» in {err}");
    for english in ["panicked", "error:", "Error", "os error", "thread"] {
        assert!(!err.contains(english), "{name}: {err}");
    }
    assert_eq!(left, 0, "{name}: nothing written");
}

#[test]
fn pdf_text_bombs_are_refused_by_their_budgets() {
    // One string of 8 million glyphs on a page, deflated to a few kilobytes.
    let bomb = pdf(&[shows(&vec![b'A'; 8_000_000])], true, None);
    assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
    refused_with("mot-chuoi.pdf", &bomb, "một trang hơn 40.000 ký tự");
    // Many strings on a page that together are over the page's budget.
    let many = pdf(&[text_page(1_200, 40)], true, None);
    refused_with("nhieu-dong.pdf", &many, "một trang hơn 40.000 ký tự");
    // Half a million drawing operations.
    let mut ops = Vec::new();
    for i in 0..500_000 {
        ops.extend_from_slice(format!("{} 10 m\n", i % 500).as_bytes());
    }
    refused_with("ve.pdf", &pdf(&[ops], true, None), "lệnh vẽ");
    // A content stream that inflates to 40 MB.
    let spaces = pdf(&[vec![b' '; 40 * 1024 * 1024]], true, None);
    refused_with("phong.pdf", &spaces, "giải nén ra hơn 16 MB");
    // Pages each under the page's budget (30,000 glyphs), together over the document's.
    let heavy = pdf(
        &(0..40).map(|_| text_page(1_000, 30)).collect::<Vec<_>>(),
        true,
        None,
    );
    refused_with("nang.pdf", &heavy, "hơn 1.000.000 ký tự");
    // Pages each inflating to 8 MB of nothing (under a page's limit), 80 MB together.
    let empty_pages = pdf(
        &(0..10)
            .map(|_| vec![b' '; 8 * 1024 * 1024])
            .collect::<Vec<_>>(),
        true,
        None,
    );
    refused_with("trang-rong.pdf", &empty_pages, "giải nén ra hơn 64 MB");
}

#[test]
fn a_page_listed_many_times_is_read_once() {
    // The same page object 400 times in the page tree: read once, so no more than one page costs.
    let page = text_page(1_000, 30);
    let listed = pdf(
        &[page],
        true,
        Some(&|ids: &[Object]| vec![ids[0].clone(); 400]),
    );
    let (code, err, took, _) = import("lap-trang.pdf", &listed);
    eprintln!("lap-trang.pdf: {took:?} {code:?} {}", err.trim());
    // Text without a plan's structure: refused for that, not for its size.
    assert_eq!(code, Some(2), "{err}");
    assert!(!err.contains("ký tự"), "{err}");
}

#[test]
fn a_pdf_without_readable_pages_or_letters_says_which() {
    // A page tree whose only kid is itself.
    let cycle = pdf(
        &[shows(b"x")],
        false,
        Some(&|_ids: &[Object]| vec![Object::Reference((1, 0))]),
    );
    refused_with("vong.pdf", &cycle, "không có trang nào đọc được");
    // A font with no encoding and no ToUnicode map: codes the reader cannot name.
    let mut doc = Document::load_mem(&pdf(&[shows(&[0x01; 200])], false, None)).unwrap();
    for (_, o) in doc.objects.iter_mut() {
        if let Ok(d) = o.as_dict_mut() {
            if d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type1") {
                d.remove(b"Encoding");
                d.set("BaseFont", "ABCDEF+Custom");
                d.set("Subtype", "Type0");
                d.set("Encoding", "Identity-H");
            }
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let (code, err, _, _) = import("phong-chu.pdf", &bytes);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("phông chữ") || err.contains("không có chữ"),
        "{err}"
    );
    assert!(!err.contains("Tệp rỗng"), "{err}");
}

/// A PDF written by hand, object by object, with its cross-reference table: for the damage a
/// PDF library will not write.
fn raw_pdf(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (n, body) in objects {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let size = offsets.keys().max().unwrap() + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for n in 1..size {
        let line = match offsets.get(&n) {
            Some(o) => format!("{o:010} 00000 n \n"),
            None => "0000000000 65535 f \n".to_string(),
        };
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// A one-page plan whose content stream has the dictionary `stream_dict`.
fn plan_with_content_dict(stream_dict: &str) -> Vec<u8> {
    let mut content =
        String::from("BT /F1 11 Tf 14 TL 60 800 Td (KE HOACH) Tj T* (I. MUC DICH, YEU CAU) Tj T*");
    for i in 1..30 {
        content.push_str(&format!(
            " ({i}. Nhiem vu cai cach hanh chinh so {i} cua don vi trong nam 2027) Tj T*"
        ));
    }
    content.push_str(" ET");
    let stream_dict = stream_dict.replace("LEN", &content.len().to_string());
    raw_pdf(&[
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec()),
        (4, format!("{stream_dict}\nstream\n{content}\nendstream").into_bytes()),
        (5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>".to_vec()),
    ])
}

#[test]
fn a_content_stream_with_a_wrong_length_is_read_as_viewers_read_it() {
    for (name, dict) in [
        ("dung.pdf", "<< /Length LEN >>"),
        ("do-dai-tu-tro.pdf", "<< /Length 4 0 R >>"),
        ("do-dai-qua-lon.pdf", "<< /Length 18446744073709551615 >>"),
        ("do-dai-sai.pdf", "<< /Length 7 >>"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, plan_with_content_dict(dict)).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .args(["import", "--json"])
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("Nhiem vu cai cach hanh chinh so 29"),
            "{name}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A .docx under 2 MB holding 20,000 numbering definitions of nine levels.
fn numbering_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut numbering = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    // Word's own identifiers (nsid, tmpl, tplc) are random: the part compresses as Word's do.
    let mut seed: u32 = 0x2545_F491;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for i in 0..20_000 {
        numbering.push_str(&format!(
            r#"<w:abstractNum w:abstractNumId="{i}"><w:nsid w:val="{:08X}"/><w:tmpl w:val="{:08X}"/>"#,
            random(),
            random()
        ));
        for l in 0..9 {
            numbering.push_str(&format!(
                r#"<w:lvl w:ilvl="{l}" w:tplc="{:08X}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{}."/></w:lvl>"#,
                random(),
                l + 1
            ));
        }
        numbering.push_str("</w:abstractNum>");
    }
    numbering.push_str("</w:numbering>");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#.to_string()),
        ("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{r}/officeDocument" Target="word/document.xml"/></Relationships>"#)),
        ("word/_rels/document.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{r}/numbering" Target="numbering.xml"/></Relationships>"#)),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>I. MỤC ĐÍCH, YÊU CẦU</w:t></w:r></w:p></w:body></w:document>"#)),
        ("word/numbering.xml", numbering),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, deflate).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_docx_with_thousands_of_numberings_and_a_pdf_page_nested_too_deep_are_refused() {
    let bomb = numbering_bomb();
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    refused_with("danh-so.docx", &bomb, "20.000 kiểu đánh số tự động");
    // A page dictionary holding arrays 10,000 deep: damaged, not empty.
    let deep = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Deep {}{} >>",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (3, deep.into_bytes()),
    ];
    let content = shows(b"KE HOACH");
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"\nendstream");
    objects.push((4, stream));
    objects.push((
        5,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>".to_vec(),
    ));
    refused_with("long-sau.pdf", &raw_pdf(&objects), "bị hỏng");
}

/// Every damaged file the fuzzers kept (the .docx and PDF corpora), read by the command
/// line: a plan or one Vietnamese line, never a reader's English panic text on the terminal.
#[test]
fn no_damaged_file_prints_a_panic() {
    let corpus = kehoach_testkit::root().join("fuzz/corpus");
    let mut read = 0;
    for (target, ext) in [("import_docx", "docx"), ("import_pdf", "pdf")] {
        let mut files: Vec<_> = std::fs::read_dir(corpus.join(target))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let dir = tempfile::tempdir().unwrap();
        for (i, f) in files.iter().enumerate() {
            let bytes = std::fs::read(f).unwrap();
            let file = dir.path().join(format!("tep-{i}.{ext}"));
            std::fs::write(&file, &bytes).unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
                .arg("import")
                .arg(&file)
                .env("KEHOACH_SOFFICE", "none")
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                !err.contains("panicked") && !err.contains("thread '"),
                "{}: {err}",
                f.display()
            );
            if !out.status.success() {
                assert_eq!(out.status.code(), Some(2), "{}: {err}", f.display());
                assert_eq!(err.trim().lines().count(), 1, "{}: {err}", f.display());
            }
            read += 1;
        }
    }
    assert!(read > 100, "{read} files");
}
