//! Where the unit sends what it owes. A parent plan tells its own subordinates where to send
//! their plans and reports ("gửi Sở Nội vụ trước ngày 20 tháng 01", "báo cáo về Ủy ban nhân
//! dân tỉnh (qua Sở Nội vụ)"). A unit adapting a plan of a body above its parent (a school
//! under the Sở Giáo dục và Đào tạo following the province's plan, a health station under its
//! ward following the Sở Y tế's) sends them to its own parent body: each such addressee is a
//! rewording to the unit's parent, proposed (on by default) so the user sees it.
use crate::preset::RewordRule;
use kehoach_model::{Plan, UnitProfile};
use kehoach_text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// The rule id of the addressees moved to the unit's parent.
pub const RULE: &str = "noi-gui";

/// A verb of sending, then the addressees ("Văn phòng Ủy ban nhân dân tỉnh, Sở Nội vụ"; "Sở
/// qua Văn phòng Sở") up to where the sentence goes on ("trước ngày …", "để tổng hợp", ",", ";").
static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(gửi\s+về|gửi|nộp\s+về|nộp|báo\s+cáo\s+về|về))\s+((?:Ủy\s+ban\s+nhân\s+dân|UBND|Sở|Văn\s+phòng|Phòng|Bộ|Ban)(?:\s[^,;.()]*?)?(?:\s*\([^()]*\))?(?:(?:,\s*|\s+và\s+)(?:Ủy\s+ban\s+nhân\s+dân|UBND|Sở|Văn\s+phòng|Phòng|Bộ|Ban)(?:\s[^,;.()]*?)?(?:\s*\([^()]*\))?)*(?:\s+qua\s+(?:Ủy\s+ban\s+nhân\s+dân|UBND|Sở|Văn\s+phòng|Phòng|Bộ|Ban)(?:\s[^,;.()]*?)?(?:\s*\([^()]*\))?)?)(?:\s+(?i:trước|để|theo|trong|định\s+kỳ|chậm\s+nhất|hằng|khi|sau|và|tổng\s+hợp|theo\s+dõi|kiểm\s+tra|thẩm\s+định|xem\s+xét|trình|báo\s+cáo)\b|\s*[,;.:]|$)",
    )
    .unwrap()
});

/// Whether two names of a body are the same body ("Ủy ban nhân dân xã Tam Nông", "UBND xã Tam
/// Nông", "ỦY BAN NHÂN DÂN XÃ TAM NÔNG").
fn same_body(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let f = fold(s);
        let f = f.replace("ubnd ", "uy ban nhan dan ");
        f.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (a, b) = (norm(a), norm(b));
    // (A name with or without its place: "Sở Y tế" is "Sở Y tế tỉnh Nghệ An".)
    !a.is_empty()
        && !b.is_empty()
        && (a.starts_with(&b) || b.starts_with(&a) || a.ends_with(&b) || b.ends_with(&a))
}

/// The rules moving the parent plan's addressees to the unit's parent body (one per verb of
/// sending: "gửi Sở Nội vụ" → "gửi Sở Giáo dục và Đào tạo …", "về Ủy ban nhân dân tỉnh" → "về
/// …"), where the plan is not its parent's: none where it is, where the unit names no parent
/// body, or where the plan sends nothing anywhere.
pub fn rules(parent: &Plan, profile: &UnitProfile) -> Vec<RewordRule> {
    let to = profile.parent_body.trim();
    let issuer = parent.header.issuer.trim();
    // (Nor a plan an organ of the parent issues for it: "Phòng Văn hóa - Xã hội" under
    // "Ủy ban nhân dân phường Hòa Hưng" says where to send, for the ward.)
    let above = parent.header.parent_body.as_deref().unwrap_or("");
    if to.is_empty()
        || [issuer, above]
            .iter()
            .any(|b| same_body(b, to) || same_body(b, &profile.parent_body_header))
    {
        return Vec::new();
    }
    // (verb as written, lower-cased; the phrases sent with it)
    let mut by_verb: Vec<(String, Vec<String>)> = Vec::new();
    for (_, item) in parent.items() {
        for c in SENT_TO.captures_iter(&item.text) {
            let (verb, body) = (c[1].to_lowercase(), c[2].trim());
            // (Its name, not what it goes through: "(qua Văn phòng Hội đồng nhân dân và Ủy
            // ban nhân dân phường)".)
            let words = body
                .split(['(', ')'])
                .step_by(2)
                .flat_map(str::split_whitespace)
                .count();
            // (The issuer by its noun alone: "gửi về Sở qua Văn phòng Sở".)
            let alone = body.split_whitespace().next() == Some("Sở");
            if same_body(body, to) || !(2..=14).contains(&words) && !alone {
                continue;
            }
            let verb = verb.split_whitespace().collect::<Vec<_>>().join(" ");
            let phrase = format!("{verb} {body}");
            match by_verb.iter_mut().find(|(v, _)| *v == verb) {
                Some((_, phrases)) if phrases.contains(&phrase) => {}
                Some((_, phrases)) => phrases.push(phrase),
                None => by_verb.push((verb, vec![phrase])),
            }
        }
    }
    by_verb
        .into_iter()
        .enumerate()
        .map(|(k, (verb, mut from))| {
            // Longest first: "gửi Ủy ban nhân dân tỉnh (qua Sở Nội vụ)" before "gửi Ủy ban
            // nhân dân tỉnh".
            from.sort_by_key(|p| std::cmp::Reverse(p.len()));
            RewordRule {
                id: if k == 0 {
                    RULE.to_string()
                } else {
                    format!("{RULE}-{}", k + 1)
                },
                label: format!(
                    "{verb} … của kế hoạch cấp trên → {verb} {to} (cấp trên trực tiếp của đơn vị)"
                ),
                from,
                to: format!("{verb} {to}"),
                default: true,
                parts: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_model::{Item, Part};

    fn plan(issuer: &str, above: Option<&str>, texts: &[&str]) -> Plan {
        let items = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Item::new(format!("V.{}", i + 1), format!("{}.", i + 1), *t))
            .collect();
        let mut p = Plan {
            parts: vec![Part::new("V", "TỔ CHỨC THỰC HIỆN", items)],
            ..Default::default()
        };
        p.header.issuer = issuer.into();
        p.header.parent_body = above.map(str::to_string);
        p
    }

    fn unit(parent: &str) -> UnitProfile {
        UnitProfile {
            parent_body: parent.into(),
            parent_body_header: parent.to_uppercase(),
            ..Default::default()
        }
    }

    /// Each way a plan sends ("gửi", "gửi về", "báo cáo về", "nộp về"; an addressee with "(qua
    /// …)"; what follows it: a date, a purpose, a comma) under a plan of a body above the
    /// unit's parent becomes the parent; the addressee's own name is left whole.
    #[test]
    fn what_a_plan_above_the_parent_sends_goes_to_the_units_parent() {
        let sent = [
            (
                "gửi Sở Nội vụ trước ngày 20 tháng 01 năm 2027.",
                "gửi {to} trước ngày 20 tháng 01 năm 2027.",
            ),
            (
                "gửi về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/12/2027.",
                "gửi về {to} trước ngày 15/12/2027.",
            ),
            (
                "báo cáo về Sở Y tế để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
                "báo cáo về {to} để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
            ),
            (
                "nộp về Văn phòng Ủy ban nhân dân tỉnh, Sở Nội vụ.",
                "nộp về {to}.",
            ),
            (
                "gửi Sở Nội vụ và Văn phòng Ủy ban nhân dân tỉnh để theo dõi.",
                "gửi {to} để theo dõi.",
            ),
            (
                "gửi Ủy ban nhân dân tỉnh trước ngày 25 tháng 01 năm 2027.",
                "gửi {to} trước ngày 25 tháng 01 năm 2027.",
            ),
            (
                "gửi về Sở qua Văn phòng Sở và cập nhật lên phần mềm.",
                "gửi về {to} và cập nhật lên phần mềm.",
            ),
            (
                "gửi Sở Nội vụ tổng hợp; đồng thời cập nhật lên phần mềm.",
                "gửi {to} tổng hợp; đồng thời cập nhật lên phần mềm.",
            ),
        ];
        for (issuer, to) in [
            (
                "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
                "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng",
            ),
            ("SỞ Y TẾ TỈNH NGHỆ AN", "Ủy ban nhân dân phường Trường Vinh"),
            ("SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân xã Sóc Sơn"),
        ] {
            for (text, want) in sent {
                let text = format!("Xây dựng kế hoạch năm 2027, {text}");
                let want = format!("Xây dựng kế hoạch năm 2027, {}", want.replace("{to}", to));
                let rules = rules(&plan(issuer, None, &[&text]), &unit(to));
                let mut got = text.clone();
                for r in &rules {
                    for f in &r.from {
                        got = got.replace(f.as_str(), &r.to);
                    }
                }
                assert_eq!(got, want, "{issuer} → {to}");
            }
        }
    }

    /// A plan of the unit's own parent (by any spelling of its name, with or without its
    /// place), or of an organ issuing for it, sends where it says.
    #[test]
    fn a_plan_of_the_units_own_parent_sends_where_it_says() {
        let text = ["Xây dựng kế hoạch, gửi Phòng Văn hóa - Xã hội trước ngày 20/01/2027."];
        for (issuer, above, to) in [
            (
                "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH",
                None,
                "Ủy ban nhân dân phường Tân Định",
            ),
            (
                "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH",
                None,
                "UBND phường Tân Định",
            ),
            (
                "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                Some("ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
                "Sở Giáo dục và Đào tạo tỉnh Gia Lai",
            ),
            (
                "PHÒNG VĂN HÓA - XÃ HỘI",
                Some("ỦY BAN NHÂN DÂN PHƯỜNG HÒA HƯNG"),
                "Ủy ban nhân dân phường Hòa Hưng",
            ),
        ] {
            assert!(
                rules(&plan(issuer, above, &text), &unit(to)).is_empty(),
                "{issuer} / {to}"
            );
        }
        // (Nor where the plan names the unit's parent by its noun: a Sở Y tế's "gửi Ủy ban
        // nhân dân phường" to a station under its ward.)
        let generic = ["Báo cáo kết quả, gửi Ủy ban nhân dân phường trước ngày 15/12/2027."];
        let r = rules(
            &plan("SỞ Y TẾ TỈNH NGHỆ AN", None, &generic),
            &unit("Ủy ban nhân dân phường Trường Vinh"),
        );
        assert!(r.is_empty(), "{r:?}");
        // (Nor a unit that names no parent.)
        assert!(rules(
            &plan("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", None, &text),
            &unit("")
        )
        .is_empty());
    }
}
