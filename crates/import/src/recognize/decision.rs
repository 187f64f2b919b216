//! A plan distributed after the decision that issues it ("Ban hành kèm theo Quyết định số …"):
//! where the decision's page ends, and what of it the plan records.
use super::header::{is_rule_line, place_date, NUMBER_LINE};
use crate::blocks::Flow;
use kehoach_model::{DocRef, Plan};
use kehoach_nd30::doc_types;
use kehoach_text::{fold, is_caps};

/// The index in the flow where the plan after a decision starts, if the file is a decision
/// followed by another document: after the decision's last line (its signer's name), before the
/// plan's header (its issuer lines, national title, motto, number, place and date).
pub fn split(flow: &[Flow]) -> Option<usize> {
    let heading = |f: &Flow| match f {
        Flow::P(p) => {
            doc_types::heading(&kehoach_text::squash(&p.full_text())).map(|(t, _)| t.name)
        }
        Flow::T(_) => None,
    };
    let first = flow.iter().position(|f| heading(f).is_some())?;
    if heading(&flow[first]) != Some("Quyết định") {
        return None;
    }
    let articles = |f: &Flow| match f {
        Flow::P(p) => {
            let t = fold(&p.text);
            t.starts_with("dieu ") || t.starts_with("noi nhan")
        }
        Flow::T(_) => false,
    };
    let second = flow
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, f)| heading(f).is_some_and(|n| n != "Quyết định"))
        .map(|(i, _)| i)?;
    if !flow[first..second].iter().any(articles) {
        return None;
    }
    // Back over the plan's own header.
    let mut at = second;
    while at > first + 1 {
        let Flow::P(p) = &flow[at - 1] else { break };
        let t = kehoach_text::squash(&p.text);
        let f = fold(&t);
        let header_like = t.is_empty()
            || is_caps(&t)
            || f.contains("cong hoa xa hoi")
            || f.starts_with("doc lap")
            || is_rule_line(&t)
            || NUMBER_LINE.is_match(&t)
            || place_date(&t).is_some();
        if !header_like || f.starts_with("noi nhan") {
            break;
        }
        at -= 1;
    }
    Some(at)
}

/// What the plan records of the decision that issues it: the decision itself when the plan does
/// not cite it; its bases when the plan's page has none; the issuer and the place when the plan's page lacks them; the decision's Nơi nhận
/// and signer when the plan has none of its own (it is signed through the decision). The
/// decision's articles never become the plan's items.
pub fn attach(plan: &mut Plan, decision: Plan) {
    let h = &decision.header;
    if plan.issued_with.is_none() {
        plan.issued_with = Some(DocRef {
            doc_type: "Quyết định".into(),
            number: h.number.clone(),
            symbol: h.symbol.clone(),
            date: h.date,
            issuer: h.issuer.clone(),
        });
    }
    if plan.header.issuer.is_empty() {
        plan.header.issuer = h.issuer.clone();
        plan.header.parent_body = h.parent_body.clone();
    }
    if plan.header.place.is_empty() && plan.header.number.is_none() {
        plan.header.place = h.place.clone();
    }
    if plan.bases.is_empty() {
        plan.decision_bases = decision.bases.clone();
    }
    if plan.recipients.is_empty() {
        plan.recipients = decision.recipients.clone();
    }
    if plan.signer.name.trim().is_empty() && plan.signer.title.trim().is_empty() {
        plan.signer = decision.signer.clone();
    }
}
