//! Shared by the part targets: a real plan's .docx (a commune's, from the corpus) with one part
//! replaced by the fuzzer's bytes, so that the fuzzer mutates the XML a part reader sees rather
//! than the zip around it.
use std::io::{Read, Write};

const BASE: &[u8] = include_bytes!("../../tests/fixtures/parents/xa-an-phu-2027/doc.docx");

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

/// Imports and checks the file: a plan or an error, never a panic or a hang.
pub fn run(part: &str, data: &[u8]) {
    let docx = docx_with(part, data);
    let _ = kehoach_import::read_bytes("fuzz.docx", &docx);
    let _ = kehoach_lint::check_docx("fuzz.docx", &docx);
}
