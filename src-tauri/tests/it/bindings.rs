//! The UI's TypeScript types are generated from the Rust types; the committed file must match.
use std::path::PathBuf;

#[test]
fn ui_bindings_match_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let generated = kehoach_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let diff = similar::TextDiff::from_lines(&committed, &generated);
        panic!(
            "ui/src/lib/bindings.ts is out of date; run `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it bindings`:\n{}",
            diff.unified_diff().context_radius(1)
        );
    }
}
