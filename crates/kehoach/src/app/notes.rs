//! What step 2 tells the user about the unit's profile against its parent plan: the parent plan
//! issued by another body than the unit's parent body, and the place Decree 30 wants.
use kehoach_model::Plan;
use kehoach_nd30::names;
use kehoach_store::DraftState;
use kehoach_text::fold;

/// When the parent plan's issuer is not the unit's parent body (a plan of a district that no
/// longer exists, a city's or a department's plan): both facts, each where it belongs.
pub fn parent_note(parent: Option<&Plan>, draft: &DraftState) -> Option<String> {
    if draft.plan.is_some() {
        return None;
    }
    let parent = parent?;
    let issuer = names::normal_case(parent.header.issuer.trim());
    let body = draft.profile.as_ref()?.parent_body.trim().to_string();
    if issuer.is_empty() || body.is_empty() || fold(&issuer) == fold(&body) {
        return None;
    }
    Some(format!(
        "Kế hoạch cấp trên do {issuer} ban hành, còn cơ quan chủ quản của đơn vị là {body}: \
         căn cứ của kế hoạch dẫn đúng {issuer} là cơ quan ban hành, phần đầu văn bản và nơi \
         nhận ghi {body}."
    ))
}

/// The place name Decree 30 wants (Phụ lục I: the administrative unit where the unit has its
/// seat), from the unit's parent body when it is a local government: "Sài Gòn" for a school of
/// phường Sài Gòn.
pub fn place_hint(draft: &DraftState) -> Option<String> {
    let profile = draft.profile.as_ref()?;
    let body = profile.parent_body.trim();
    let place = kehoach_parent::place_of(body)?;
    Some(format!(
        "Địa danh là tên đơn vị hành chính nơi đơn vị đóng trụ sở (Nghị định 30/2020/NĐ-CP, Phụ \
         lục I); đơn vị thuộc {body} thường ghi “{place}”."
    ))
}
