//! The fuzz targets' bodies, so that the test build compiles them and `make test` replays each
//! target's corpus (`corpus/<target>/`: the seeds and the small finds of earlier runs; a quarter
//! of it for the part targets) through them: every input must end in a plan or an error, never a
//! panic. The binaries in
//! `fuzz_targets/` hand libFuzzer's bytes to these (`make fuzz`).
use std::io::{Read, Write};

/// Any bytes as a .docx: the importer and the .docx checker.
pub fn import_docx(data: &[u8]) {
    let _ = kehoach_import::read_bytes("fuzz.docx", data);
    let _ = kehoach_lint::check_docx("fuzz.docx", data);
}

/// Any bytes as a PDF.
pub fn import_pdf(data: &[u8]) {
    let _ = kehoach_import::read_bytes("fuzz.pdf", data);
}

/// Any bytes as markdown or plain text; whatever was read is checked, previewed and written.
pub fn import_text(data: &[u8]) {
    if let Ok(plan) = kehoach_import::read_bytes("fuzz.md", data) {
        let _ = kehoach_lint::check(&plan);
        let _ = kehoach_export::html::render(&plan, &Default::default());
        let _ = kehoach_export::to_docx(&plan, &Default::default());
    }
    let _ = kehoach_import::read_bytes("fuzz.txt", data);
}

/// A real plan's .docx (a commune's, from the corpus) with one part replaced by the fuzzer's
/// bytes, so that the fuzzer mutates the XML a part reader sees rather than the zip around it.
const BASE: &[u8] = include_bytes!("../../tests/fixtures/parents/xa-an-phu-2027/doc.docx");

/// Any bytes as one part (`word/document.xml`, …) of a real plan's .docx.
pub fn part(part: &str, data: &[u8]) {
    let docx = docx_with(part, data);
    let _ = kehoach_import::read_bytes("fuzz.docx", &docx);
    let _ = kehoach_lint::check_docx("fuzz.docx", &docx);
}

/// The base .docx with `part` holding `data` (added when the base has no such part).
pub fn docx_with(part: &str, data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(BASE)).expect("the base is a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut replaced = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("the base is whole");
        let name = entry.name().to_string();
        out.start_file(name.as_str(), stored)
            .expect("writing to memory");
        if name == part {
            out.write_all(data).expect("writing to memory");
            replaced = true;
        } else {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("the base is whole");
            out.write_all(&bytes).expect("writing to memory");
        }
    }
    if !replaced {
        out.start_file(part, stored).expect("writing to memory");
        out.write_all(data).expect("writing to memory");
    }
    out.finish().expect("writing to memory").into_inner()
}

/// The objects of a one-page plan PDF: catalog, page tree, page, content stream, font, the
/// font's ToUnicode map.
const PDF_OBJECTS: [&[u8]; 6] = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length 177 >>\nstream\nBT /F1 11 Tf 14 TL 60 800 Td (KE HOACH) Tj T* (I. MUC DICH, YEU CAU) Tj T* (1. Ra soat thu tuc hanh chinh cua don vi) Tj T* (2. Cong khai thu tuc hanh chinh tai don vi) Tj T* ET\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
    b"<< /Length 161 >>\nstream\n/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange endcmap\nendstream",
];

/// A one-page plan PDF with one object's body (the first byte chooses which) replaced by the
/// rest of the fuzzer's bytes, its cross-reference table right: the fuzzer mutates the objects
/// the PDF reader parses (a page tree, a page, a content stream and its /Length, a font, a
/// CMap) rather than the file around them.
pub fn pdf_objects(data: &[u8]) {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let _ = kehoach_import::read_bytes("fuzz.pdf", &pdf_with(usize::from(which), body));
}

/// The one-page plan PDF with object `which` (modulo their number) holding `body`.
pub fn pdf_with(which: usize, body: &[u8]) -> Vec<u8> {
    let which = which % PDF_OBJECTS.len();
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in PDF_OBJECTS.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(if i == which { body } else { object });
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 7\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// The seeds of `pdf_objects`: each object as it is, then as the hostile files had it (a
/// content stream whose /Length names itself or is larger than any file, arrays 10,000 deep, a
/// page tree that is its own kid, a font its own descendant, a ToUnicode map that inflates to
/// 200 MB is left to the corpus files).
pub fn pdf_object_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = PDF_OBJECTS
        .iter()
        .enumerate()
        .map(|(i, o)| [&[i as u8][..], o].concat())
        .collect();
    let content = PDF_OBJECTS[3];
    let stream_at = content
        .windows(6)
        .position(|w| w == b"stream")
        .expect("a stream");
    for dict in [
        &b"<< /Length 4 0 R >>\n"[..],
        b"<< /Length 18446744073709551615 >>\n",
    ] {
        seeds.push([&[3u8][..], dict, &content[stream_at..]].concat());
    }
    let deep = [
        &b"<< /Type /Page /Parent 2 0 R /Deep "[..],
        &[b'['; 10_000],
        &[b']'; 10_000],
        b" >>",
    ]
    .concat();
    seeds.push([&[2u8][..], &deep].concat());
    seeds.push([&[1u8][..], b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"].concat());
    seeds.push([&[4u8][..], b"<< /Type /Font /Subtype /Type0 /BaseFont /Times-Roman /Encoding /Identity-H /DescendantFonts [5 0 R] >>"].concat());
    seeds
}

/// A target's body.
pub type Target = fn(&[u8]);

/// Every target by its name, as the binaries and the corpus folders name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("import_docx", import_docx),
    ("import_pdf", import_pdf),
    ("import_text", import_text),
    ("docx_document", |d| part("word/document.xml", d)),
    ("docx_styles", |d| part("word/styles.xml", d)),
    ("docx_numbering", |d| part("word/numbering.xml", d)),
    ("docx_footnotes", |d| part("word/footnotes.xml", d)),
    ("docx_rels", |d| part("word/_rels/document.xml.rels", d)),
    ("pdf_objects", pdf_objects),
];

#[cfg(test)]
mod tests {
    use super::TARGETS;
    use std::path::Path;
    use std::time::{Duration, Instant};

    /// Replays one target's corpus: no input panics, none takes more than 10 s. The part
    /// targets, whose inputs are each a whole plan to read, replay every fourth file (by name)
    /// to keep `make test` short; `make fuzz` starts from all of them.
    fn replay(name: &str) {
        let every = if name.starts_with("docx_") { 4 } else { 1 };
        let run = TARGETS
            .iter()
            .find(|(n, _)| *n == name)
            .expect("a target")
            .1;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{name} has a corpus");
        for f in files.into_iter().step_by(every) {
            let data = std::fs::read(&f).unwrap();
            let started = Instant::now();
            run(&data);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{}: {:?}",
                f.display(),
                started.elapsed()
            );
        }
    }

    #[test]
    fn import_docx() {
        replay("import_docx");
    }
    #[test]
    fn import_pdf() {
        replay("import_pdf");
    }
    #[test]
    fn pdf_objects() {
        replay("pdf_objects");
    }

    /// The seeds in the corpus are the ones `pdf_object_seeds` makes (written there when
    /// UPDATE_SEEDS is set), and the untouched objects make a PDF that is read.
    #[test]
    fn pdf_object_seeds_are_in_the_corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf_objects");
        for (i, seed) in super::pdf_object_seeds().iter().enumerate() {
            let path = dir.join(format!("seed-{i:02}"));
            if std::env::var_os("UPDATE_SEEDS").is_some() {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, seed).unwrap();
            }
            assert_eq!(&std::fs::read(&path).unwrap(), seed, "{}", path.display());
        }
        let plan =
            kehoach_import::read_bytes("ke-hoach.pdf", &super::pdf_with(0, super::PDF_OBJECTS[0]))
                .expect("the untouched PDF is a plan");
        let text: String = plan.items().iter().map(|(_, i)| i.text.clone()).collect();
        assert!(text.contains("Cong khai thu tuc"), "{text}");
    }
    #[test]
    fn import_text() {
        replay("import_text");
    }
    #[test]
    fn docx_document() {
        replay("docx_document");
    }
    #[test]
    fn docx_styles() {
        replay("docx_styles");
    }
    #[test]
    fn docx_numbering() {
        replay("docx_numbering");
    }
    #[test]
    fn docx_footnotes() {
        replay("docx_footnotes");
    }
    #[test]
    fn docx_rels() {
        replay("docx_rels");
    }
}
