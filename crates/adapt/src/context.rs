//! The values templates and preset rules can use ({{unit.name}}, {{parent.body}}, …), computed
//! once per adaptation.
use super::Preset;
use kehoach_model::{Plan, UnitProfile};
use kehoach_nd30::{self as nd30, names};
use kehoach_text::{decapitalise, is_caps};

pub struct Context {
    /// The body over the unit in its header (cơ quan chủ quản): the parent body, or for a
    /// division's plan the People's Committee over the division.
    pub governing_body: String,
    /// The unit's ký hiệu: "KH-MNTH".
    pub symbol: String,
    json: serde_json::Value,
}

impl Context {
    pub fn new(parent: &Plan, profile: &UnitProfile, preset: &Preset) -> Context {
        // The unit's parent body is the profile's, always (asked for, never guessed): the
        // parent plan may be a body's that no longer exists (a district's) or a city's.
        let parent_body = profile.parent_body.trim().to_string();
        let governing_body = parent_body.clone();
        let symbol = profile.symbol(nd30::type_code("Kế hoạch").unwrap_or("KH"));
        let place = if parent.header.place.trim().is_empty() {
            profile.place.clone()
        } else {
            parent.header.place.clone()
        };
        let blank = nd30::BLANK;
        let doc_type = parent.type_name();
        let issued_with = parent.issued_with.as_ref().map(|d| {
            serde_json::json!({
                "doc_type": d.type_name(),
                "number": d.number.clone().unwrap_or_else(|| blank.to_string()),
                "symbol": d.symbol,
                "date_text": d.date.map(nd30::date_text).unwrap_or_default(),
                "issuer": names::normal_case(&d.issuer),
            })
        });
        let unit = serde_json::json!({
            "name": profile.name.trim(),
            "short_name": profile.short_name.trim(),
            "year": profile.year,
            "previous_year": profile.year - 1,
            "place": profile.place,
            "number": profile.number.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| blank.to_string()),
            "symbol": symbol,
            "date_text": profile.date.map(nd30::date_text)
                .unwrap_or_else(|| format!("ngày{blank}tháng{blank}năm {}", profile.year)),
            "kind": names::kind_of(&profile.name),
            "level": names::level_of(&profile.name),
        });
        let profile_of_parent = kehoach_parent::ParentProfile::of(parent);
        let parent_json = serde_json::json!({
            "body": parent_body,
            // Who issued the parent plan, as its own header says: the plan is cited so.
            "issuer": names::normal_case(&parent.header.issuer),
            "place": place,
            // The parent's level ("tỉnh", "thành phố", "xã" …), as its plan says "trên địa bàn
            // tỉnh"; empty for a body named by no place.
            "level": profile_of_parent.territory,
            // What the parent calls itself ("Sở", "xã", "tỉnh"): "Trang thông tin điện tử của
            // Sở" is the parent's own page.
            "word": profile_of_parent.unit_word,
            "doc_type": doc_type,
            "number": parent.header.number.clone().unwrap_or_else(|| blank.to_string()),
            "numbered": parent.header.number.as_deref().is_some_and(|n| !n.trim().is_empty()),
            "symbol": parent.header.symbol,
            "date_text": parent.header.date.map(nd30::date_text).unwrap_or_default(),
            "summary": cited_summary(&parent.summary, &cited_names(parent)),
            "issued_with": issued_with,
        });
        // The preset's words by unit type, made the unit's own ("Giám đốc" of a centre,
        // "Trưởng trạm" of a station; "xã" or "phường").
        let base = serde_json::json!({ "unit": unit, "parent": parent_json });
        let own = |t: &str| render(t, &base);
        let json = serde_json::json!({
            "unit": unit,
            "parent": parent_json,
            "preset": {
                "name": preset.name,
                "unit_noun": own(&preset.unit_noun),
                "audience": own(&preset.audience),
                "service_users": own(&preset.service_users),
                "head": own(&preset.head),
            },
        });
        Context {
            governing_body,
            symbol,
            json,
        }
    }

    pub fn data(&self) -> &serde_json::Value {
        &self.json
    }

    /// Renders the `{{…}}` placeholders of preset text.
    pub fn fill(&self, template: &str) -> String {
        render(template, &self.json)
    }
}

fn render(template: &str, data: &serde_json::Value) -> String {
    if !template.contains("{{") {
        return template.to_string();
    }
    let mut hb = handlebars::Handlebars::new();
    hb.register_escape_fn(handlebars::no_escape);
    hb.render_template(template, data)
        .unwrap_or_else(|_| template.to_string())
}

/// A trích yếu as cited after "về": its first letter in lower case ("về thực hiện công tác …"),
/// unless it starts with an abbreviation ("về CCHC …" stays).
pub fn cited_summary(summary: &str, names: &[String]) -> String {
    let s = summary.trim();
    // A trích yếu printed in capitals ("CẢI CÁCH HÀNH CHÍNH NĂM 2028 CỦA SỞ GIÁO DỤC VÀ ĐÀO
    // TẠO") is cited in normal case, the names the plan writes (its issuer, its parent body) as
    // they are written.
    let words = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words > 2 && is_caps(s) {
        return kehoach_nd30::names::sentence_case(s, names);
    }
    let first = s.split_whitespace().next().unwrap_or("");
    let keeps_capital = is_caps(first) || first.chars().skip(1).any(char::is_uppercase);
    if keeps_capital {
        s.to_string()
    } else {
        decapitalise(s)
    }
}

/// The names a parent plan writes in its header, in normal case: its issuer and its parent body.
fn cited_names(parent: &Plan) -> Vec<String> {
    std::iter::once(&parent.header.issuer)
        .chain(parent.header.parent_body.as_ref())
        .filter(|n| !n.trim().is_empty())
        .map(|n| names::normal_case(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_summary_starts_in_lower_case() {
        assert_eq!(
            cited_summary("Thực hiện công tác cải cách hành chính năm 2024", &[]),
            "thực hiện công tác cải cách hành chính năm 2024"
        );
        assert_eq!(cited_summary("CCHC năm 2027", &[]), "CCHC năm 2027");
        let names = ["Sở Giáo dục và Đào tạo thành phố Đà Nẵng".to_string()];
        assert_eq!(
            cited_summary(
                "CẢI CÁCH HÀNH CHÍNH NĂM 2028 CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                &names
            ),
            "cải cách hành chính năm 2028 của Sở Giáo dục và Đào tạo"
        );
    }
}
