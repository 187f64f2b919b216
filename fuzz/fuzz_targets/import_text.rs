//! Any bytes as markdown or plain text: a plan or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = kehoach::import::read_bytes("fuzz.md", data) {
        // Whatever was read can be checked, previewed and written.
        let _ = kehoach::lint::check(&plan);
        let _ = kehoach::export::html::render(&plan, &Default::default());
        let _ = kehoach::export::to_docx(&plan, &Default::default());
    }
    let _ = kehoach::import::read_bytes("fuzz.txt", data);
});
