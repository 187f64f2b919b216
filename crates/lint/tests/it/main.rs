//! Integration tests of the checker: planted faults in real documents, adapted plans of the corpus.
//! One test binary per crate (see docs/architecture.md).
mod check_adapted;
mod check_documents;
mod facts;
mod lint;
mod producers;

use kehoach_lint::{Finding, Severity};
use std::collections::BTreeSet;

/// The rules of the findings at error level.
fn errors(findings: &[Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.clone())
        .collect()
}

/// "NAME: expected {…}, got {…}" with each unexpected error quoted, when the errors are not
/// `want`.
fn mismatch(name: &str, want: &BTreeSet<String>, findings: &[Finding]) -> Option<String> {
    let got = errors(findings);
    (got != *want).then(|| {
        let detail: Vec<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !want.contains(&f.rule))
            .map(|f| format!("{}: {} «{}»", f.rule, f.message, f.location.text))
            .collect();
        format!(
            "{name}: expected {want:?}, got {got:?}\n  {}",
            detail.join("\n  ")
        )
    })
}
