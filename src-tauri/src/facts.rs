//! Every label, option, default and rule the UI shows, as the facade keeps them
//! (`kehoach::app::facts`), written into `ui/src/lib/facts.ts`: the UI renders them and never
//! restates them. A test fails when the committed file differs (regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it facts`).

/// The content of `ui/src/lib/facts.ts`.
pub fn typescript() -> String {
    let json = serde_json::to_string_pretty(&kehoach::app::facts()).expect("facts serialise");
    format!(
        "// Generated from Rust by src-tauri/src/facts.rs. Do not edit: run\n\
         // `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it facts` after changing a fact.\n\
         import type {{ Facts }} from \"./bindings\";\n\n\
         export const FACTS: Facts = {json};\n"
    )
}
