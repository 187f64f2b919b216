//! The user's decisions respected by the check: an item the user kept on purpose is not raised
//! again as a fault about the parent's scope (it is listed once, "đã chọn giữ"), and the text the
//! user wrote is checked for its form, not for the parent's scope.
use kehoach_lint::Finding;
use kehoach_model::{Decisions, NodeDecision};

/// The rules that judge whose scope a text speaks of.
const SCOPE_RULES: &[&str] = &["parent-scope", "parent-actor"];

/// The findings to show, and those on items the user kept on purpose.
pub fn respect_decisions(
    findings: Vec<Finding>,
    decisions: &Decisions,
) -> (Vec<Finding>, Vec<Finding>) {
    let mut shown = Vec::new();
    let mut kept = Vec::new();
    for f in findings {
        let node = f.location.node.as_str();
        let scope = SCOPE_RULES.contains(&f.rule.as_str());
        let written = matches!(decisions.nodes.get(node), Some(NodeDecision::Edit { .. }))
            || decisions.added.iter().any(|a| a.id == node);
        match decisions.nodes.get(node) {
            _ if scope && written => {}
            Some(NodeDecision::Keep) if scope => kept.push(f),
            _ => shown.push(f),
        }
    }
    (shown, kept)
}
