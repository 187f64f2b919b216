//! Any bytes as a .docx: the importer answers with a plan or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kehoach_import::read_bytes("fuzz.docx", data);
    let _ = kehoach_lint::check_docx("fuzz.docx", data);
});
