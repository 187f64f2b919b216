//! Any bytes as word/document.xml of a real plan's .docx: a plan or an error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kehoach_fuzz::part("word/document.xml", data));
