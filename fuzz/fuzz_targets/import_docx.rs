//! Any bytes as a .docx: the importer answers with a plan or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kehoach_fuzz::import_docx(data));
