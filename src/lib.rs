//! # kehoach — the core of *Kế hoạch CCHC*
//!
//! One pipeline, like a document converter: readers → model → transforms → writers.
//!
//! - [`model`]: the plan (kế hoạch) as data — header, bases, parts, items, recipients, signer,
//!   footnotes, appendix. No I/O.
//! - `import`: readers for .docx, markdown and plain text, plus the built-in parent plans.
//! - `nd30`: Decree 30/2020/NĐ-CP as data.
//! - `adapt`: turn a parent plan into a unit's own plan.
//! - `export`: writers (.docx, HTML preview, text).
//! - `lint`: findings against the decree and leftover parent wording.
//! - `store`: drafts in SQLite.
//! - `track`: the plan of record through the year, its progress and the periodic reports.
//! - [`app`]: the facade the command line and the desktop app share.
//!
//! Layers and the imports each may use are in `docs/architecture.md`; a test keeps them.

/// The version of the core crate, shown on the start screen and by `kehoach --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod adapt;
pub mod app;
pub mod boilerplate;
pub mod export;
pub mod import;
pub mod layout;
pub mod lint;
pub mod model;
pub mod nd30;
pub mod office;
pub mod outline;
pub mod parent;
pub mod store;
pub mod text;
pub mod track;
