//! The labels, options, defaults and rules the UI shows are generated from Rust; the committed\n//! file must match, so that the UI never restates a fact of its own.
use std::path::PathBuf;

#[test]
fn ui_facts_match_rust() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/facts.ts");
    let generated = kehoach_app::facts::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let diff = similar::TextDiff::from_lines(&committed, &generated);
        panic!(
            "ui/src/lib/facts.ts is out of date; run `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it facts`:\n{}",
            diff.unified_diff().context_radius(1)
        );
    }
}
