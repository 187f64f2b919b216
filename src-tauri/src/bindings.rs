//! TypeScript declarations of every type the UI exchanges with the commands, generated from the
//! Rust types (ts-rs) into `ui/src/lib/bindings.ts`, so that the two cannot drift: a test fails
//! when the committed file differs (regenerate with `UPDATE_BINDINGS=1 cargo test -p kehoach-app`).
use ts_rs::TS;

macro_rules! decls {
    ($($t:ty),* $(,)?) => {
        vec![$(<$t as TS>::decl()),*]
    };
}

/// The content of `ui/src/lib/bindings.ts`.
pub fn typescript() -> String {
    use kehoach::{adapt, app, import, lint, model, nd30, store, track};
    let decls: Vec<String> = decls![
        crate::commands::AppInfo,
        app::PresetInfo,
        app::Rendered,
        app::ParentView,
        app::YearNote,
        crate::commands::ImportedParent,
        crate::error::AppError,
        import::BuiltinPlan,
        model::Plan,
        model::DocRef,
        model::Header,
        model::Part,
        model::Item,
        model::ItemKind,
        model::Topic,
        model::Signer,
        model::Footnote,
        model::Emphasis,
        model::Appendix,
        model::AppendixGroup,
        model::AppendixRow,
        nd30::Layout,
        model::UnitProfile,
        model::Decisions,
        model::NodeDecision,
        model::AddedItem,
        adapt::Adaptation,
        adapt::PartHeading,
        adapt::NodeState,
        adapt::Verdict,
        adapt::Flag,
        adapt::WorkItem,
        adapt::Ask,
        adapt::Proposal,
        adapt::ProposalStatus,
        lint::Finding,
        lint::Location,
        lint::Area,
        lint::Severity,
        model::Tracking,
        model::TaskRecord,
        model::ReportNotes,
        model::Previous,
        model::ItemChange,
        model::RemovedItem,
        model::UndoneTask,
        model::Status,
        track::Record,
        track::Task,
        track::Area,
        track::Overview,
        track::Progress,
        track::Period,
        track::Deadline,
        app::Tracked,
        app::Facts,
        app::StatusChoice,
        app::ChangeChoice,
        app::YearRange,
        app::Choice<ts_rs::Dummy>,
        model::ProfileField,
        store::ParentRef,
        store::DraftState,
        store::Draft,
        store::DraftSummary,
        store::Revision,
        store::ParentPlanSummary,
        store::UnitSummary,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit:\n// run `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it bindings` after changing a type.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out
}
