//! # kehoach — the facade of *Kế hoạch CCHC*
//!
//! One pipeline, like a document converter: readers → model → transforms → layout → writers,
//! each layer a crate (`docs/architecture.md`): `kehoach-text`, `kehoach-nd30`, `kehoach-model`,
//! `kehoach-parent`, `kehoach-import`, `kehoach-adapt`, `kehoach-lint`, `kehoach-layout`,
//! `kehoach-export` (.docx, HTML preview), `kehoach-pdf` (typst), `kehoach-store` (SQLite),
//! `kehoach-track`. This crate is what the command line (`src/bin/kehoach/`) and the desktop
//! app (`src-tauri`) share: [`app`], the actions both do. The shells call [`app`] only; the data
//! they exchange with it is re-exported below — types, not the layers' functions.

/// The version of the app, shown on the start screen and by `kehoach --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod app;

/// The plan and the unit's data: plain types with no I/O.
pub use kehoach_model as model;

/// Decree 30's page settings and signing authorities, as the shells show and edit them.
pub mod nd30 {
    pub use kehoach_nd30::{Authority, Layout};
}

/// What the adaptation tells the user about each parent item.
pub mod adapt {
    pub use kehoach_adapt::judge::Verdict;
    pub use kehoach_adapt::worklist::{Ask, WorkItem};
    pub use kehoach_adapt::{
        AdaptError, Adaptation, Flag, NodeState, PartHeading, PresetError, Proposal, ProposalStatus,
    };
}

/// The checker's findings.
pub mod lint {
    pub use kehoach_lint::{Area, Finding, Location, Severity};
}

/// Drafts in the data file: the store handle the shells hold and what it lists.
pub mod store {
    pub use kehoach_store::{
        Draft, DraftState, DraftSummary, Opened, ParentPlanSummary, ParentRef, Revision, Store,
        StoreError, UnitSummary,
    };
}

/// The plan of record through the year.
pub mod track {
    pub use kehoach_track::{Area, Deadline, Overview, Period, Progress, Record, Task, TrackError};
}

/// Why a file could not be read or written.
pub mod import {
    pub use kehoach_import::{BuiltinPlan, ImportError};
}

/// Why a file could not be written.
pub mod export {
    pub use kehoach_export::ExportError;
    pub use kehoach_pdf::PdfError;
}
