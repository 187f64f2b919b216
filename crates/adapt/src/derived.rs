//! The parts of the unit's plan that are derived rather than chosen: the header (its own body
//! under the parent body), the bases (the parent's, then the parent plan itself), the signer with
//! the decree's authority line, the recipients, the footnotes whose marks are still there.
use super::context::Context;
use super::Preset;
use kehoach_model::{Emphasis, Footnote, Header, Plan, Signer, UnitProfile};
use kehoach_nd30::{punctuation, Authority};
use kehoach_text::caps;

/// A basis that gives the issuer its power, not its plan's content: the law on its
/// organisation, the act setting its functions and structure.
fn gives_power(basis: &str) -> bool {
    let f = kehoach_text::fold(basis);
    [
        "to chuc chinh quyen",
        "to chuc chinh phu",
        "chuc nang, nhiem vu",
        "co cau to chuc",
    ]
    .iter()
    .any(|p| f.contains(p))
}

/// A basis that cites a law, decree, decision, plan or other document by its name or number.
fn cites_a_document(basis: &str) -> bool {
    let f = kehoach_text::fold(basis);
    // The issuer's own procedure ("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …"): who
    // proposed the parent's plan, not a document the unit acts on.
    if ["xet de nghi", "theo de nghi"]
        .iter()
        .any(|p| f.starts_with(p))
    {
        return false;
    }
    let body = f
        .trim_start_matches("can cu ")
        .trim_start_matches("thuc hien ");
    const KINDS: &[&str] = &[
        "luat",
        "bo luat",
        "nghi dinh",
        "nghi quyet",
        "quyet dinh",
        "thong tu",
        "chi thi",
        "ke hoach",
        "cong van",
        "huong dan",
        "chuong trinh",
        "de an",
        "thong bao",
        "van ban",
        "hien phap",
        "phap lenh",
        "ket luan",
    ];
    KINDS.iter().any(|k| body.starts_with(k)) || f.contains(" so ")
}

pub fn header(profile: &UnitProfile, ctx: &Context) -> Header {
    let parent_line = if profile.parent_body_header.trim().is_empty() {
        caps(&ctx.governing_body)
    } else {
        profile.parent_body_header.trim().to_string()
    };
    Header {
        parent_body: Some(parent_line).filter(|p| !p.is_empty()),
        issuer: caps(&profile.name),
        number: profile.number.clone().filter(|n| !n.trim().is_empty()),
        symbol: ctx.symbol.clone(),
        place: profile.place.clone(),
        date: profile.date,
    }
}

/// The parent's bases that cite a document, then the one that cites the parent plan, each with
/// its punctuation. The parent's own circumstances ("Căn cứ tình hình thực tế của địa phương
/// sau khi sắp xếp …", "Căn cứ kết quả thực hiện … năm 2026 của xã") are not the unit's.
/// `governs`: the unit is a government body or one of its organs, whose plan may stand on the
/// powers its parent's plan stands on.
pub fn bases(parent: &Plan, parent_basis: String, governs: bool) -> Vec<String> {
    // A plan issued with a decision rests on the decision's bases; not on those that give the
    // issuer its power to decide ("Luật Tổ chức chính quyền địa phương", "… quy định chức năng,
    // nhiệm vụ, quyền hạn …"), which are no basis of a unit's plan. A plan's own bases of that
    // kind are a commune's or a division's too, never a school's or a health unit's (a school
    // under the Sở does not act by the decision on the Sở's functions).
    let from_decision = parent.bases.is_empty();
    let source = if from_decision {
        &parent.decision_bases
    } else {
        &parent.bases
    };
    let mut bases: Vec<String> = source
        .iter()
        .filter(|b| cites_a_document(b) && !((from_decision || !governs) && gives_power(b)))
        .cloned()
        .collect();
    bases.push(parent_basis);
    let n = bases.len();
    bases
        .iter()
        .enumerate()
        .map(|(i, b)| punctuation::basis(b, i + 1 == n))
        .collect()
}

pub fn recipients(profile: &UnitProfile, preset: &Preset, ctx: &Context) -> Vec<String> {
    if profile.recipients.is_empty() {
        preset.recipients.iter().map(|r| ctx.fill(r)).collect()
    } else {
        profile.recipients.clone()
    }
}

/// The signer: "KT. HIỆU TRƯỞNG" over "PHÓ HIỆU TRƯỞNG" for a deputy, "TM. <collective>" for a
/// collective body, nothing when the head signs.
pub fn signer(profile: &UnitProfile, preset: &Preset, ctx: &Context) -> Signer {
    let preset_title = ctx.fill(&preset.signer_title);
    let title = if profile.signer_title.trim().is_empty() {
        preset_title.clone()
    } else {
        caps(profile.signer_title.trim())
    };
    let authority = match Authority::from_prefix(&profile.signer_authority) {
        None => String::new(),
        Some(Authority::Tm) => Authority::Tm.line(if preset.collective.is_empty() {
            &profile.name
        } else {
            &preset.collective
        }),
        Some(a) => a.line(&preset_title),
    };
    Signer {
        authority,
        title,
        name: profile.signer_name.trim().to_string(),
    }
}

/// The parent's emphasis on items whose words are still in the unit's text (a rewording that
/// changed them drops it).
pub fn kept_emphasis(emphasis: &[Emphasis], plan: &Plan) -> Vec<Emphasis> {
    emphasis
        .iter()
        .filter(|e| {
            e.anchor
                .item()
                .and_then(|id| plan.item(id))
                .is_some_and(|i| i.text.contains(e.text.as_str()))
        })
        .cloned()
        .collect()
}

/// The parent's footnotes whose mark is still in the unit's text.
pub fn kept_footnotes(footnotes: &[Footnote], plan: &Plan) -> Vec<Footnote> {
    footnotes
        .iter()
        .filter(|f| {
            f.anchor.item().is_some_and(|id| {
                plan.items()
                    .iter()
                    .any(|(_, i)| i.id == id && (f.after.is_empty() || i.text.contains(&f.after)))
            })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::cites_a_document;

    #[test]
    fn the_issuers_proposal_is_no_basis_of_the_unit() {
        assert!(!cites_a_document(
            "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2317/TTr-SNV ngày 16 tháng 12 năm 2026;"
        ));
        assert!(cites_a_document(
            "Căn cứ Quyết định số 282/QĐ-TTg ngày 12 tháng 02 năm 2026 của Thủ tướng Chính phủ;"
        ));
    }
}
