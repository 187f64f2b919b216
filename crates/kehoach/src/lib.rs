//! # kehoach — the facade of *Kế hoạch CCHC*
//!
//! One pipeline, like a document converter: readers → model → transforms → layout → writers,
//! each layer a crate (`docs/architecture.md`): `kehoach-text`, `kehoach-nd30`, `kehoach-model`,
//! `kehoach-parent`, `kehoach-import`, `kehoach-adapt`, `kehoach-lint`, `kehoach-layout`,
//! `kehoach-export` (.docx, HTML preview), `kehoach-pdf` (typst), `kehoach-store` (SQLite),
//! `kehoach-track`. This crate is what the command line (`src/bin/kehoach.rs`) and the desktop
//! app (`src-tauri`) share: [`app`], the actions both do. The shells call [`app`] only; the data
//! types they exchange are re-exported here.

/// The version of the app, shown on the start screen and by `kehoach --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod app;

pub use kehoach_adapt as adapt;
pub use kehoach_export as export;
pub use kehoach_import as import;
pub use kehoach_lint as lint;
pub use kehoach_model as model;
pub use kehoach_nd30 as nd30;
pub use kehoach_pdf as pdf;
pub use kehoach_store as store;
pub use kehoach_track as track;
