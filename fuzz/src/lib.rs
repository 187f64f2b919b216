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
