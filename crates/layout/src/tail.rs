//! Ô 9b beside ô 7a–7b: "Nơi nhận:" with the list (each line "- …;", the last "."), the
//! authority and title in capitals, room for the signature and seal, the name.
use super::{Line, SignatureBlock};
use kehoach_model::Plan;
use kehoach_nd30::{punctuation, size, Layout};
use kehoach_text::caps;

pub fn signature(plan: &Plan, layout: &Layout) -> SignatureBlock {
    let text_width = layout.text_width_twips();
    let left = text_width * 2 / 5;
    let mut recipients = Vec::new();
    let list: Vec<&String> = plan
        .recipients
        .iter()
        .filter(|r| !r.trim().is_empty())
        .collect();
    if !list.is_empty() {
        recipients.push(Line::new("Nơi nhận:", size::RECIPIENTS_HEADING, true, true));
        let n = list.len();
        for (i, r) in list.into_iter().enumerate() {
            let text = format!("- {}", punctuation::recipient(r, i + 1 == n));
            recipients.push(Line::new(text, size::RECIPIENTS, false, false));
        }
    }
    let s = &plan.signer;
    let signer = [&s.authority, &s.title]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Line::new(caps(l.trim()), size::SIGNER, true, false))
        .collect();
    let name =
        (!s.name.trim().is_empty()).then(|| Line::new(s.name.trim(), size::SIGNER, true, false));
    SignatureBlock {
        recipients,
        signer,
        blank_lines: layout.signature_lines,
        name,
        widths: (left, text_width - left),
    }
}
