//! Any bytes as markdown or plain text: a plan or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kehoach_fuzz::import_text(data));
