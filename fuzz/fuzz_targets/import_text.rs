//! Any bytes as markdown or plain text: a plan or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = kehoach_import::read_bytes("fuzz.md", data) {
        // Whatever was read can be checked, previewed and written.
        let _ = kehoach_lint::check(&plan);
        let _ = kehoach_export::html::render(&plan, &Default::default());
        let _ = kehoach_export::to_docx(&plan, &Default::default());
    }
    let _ = kehoach_import::read_bytes("fuzz.txt", data);
});
