//! A one-page plan PDF with one of its objects (catalog, page tree, page, content stream,
//! font, ToUnicode map) replaced by the fuzzer's bytes: a plan or an error, never a panic or a
//! hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kehoach_fuzz::pdf_objects(data));
