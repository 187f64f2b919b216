//! The unit's share in the parent's results. A target set on the parent's own index or ranking
//! ("Nâng cao Chỉ số cải cách hành chính … của tỉnh Lâm Đồng", "Chỉ số CCHC năm 2027 của phường
//! Tân Định thuộc nhóm 30 đơn vị dẫn đầu …") is no unit's to reach on its own: kept in a unit's
//! plan, it is the unit's contribution ("Góp phần nâng cao …", "Góp phần để Chỉ số …"), and
//! naming the parent in it is then right (its result, by right its own).
use kehoach_text::{fold, Haystack};

/// What the proposal is called.
pub const LABEL: &str = "Chỉ số của cấp trên → đơn vị góp phần";

/// Verbs that raise or keep a measure ("Nâng cao Chỉ số …"), folded.
const RAISE: &[&str] = &[
    "nang cao",
    "cai thien",
    "giu vung",
    "duy tri",
    "nang hang",
    "tang",
];

/// What a result of the parent is measured by ("Chỉ số …", "thứ hạng …"), folded.
const MEASURES: &[&str] = &["chi so", "thu hang", "xep hang", "bo chi so", "cac chi so"];

/// Words a target opens with before its verb, dropped in the contribution ("Phấn đấu", "Tiếp
/// tục"), folded.
const LEADS: &[&str] = &["phan dau", "tiep tuc", "no luc"];

/// The text as the unit's contribution, where its first clause sets a target on a measure of
/// the parent (a phrase of `parent_scope` after the measure): `None` otherwise, or where it is
/// already one.
pub fn contribution(text: &str, parent_scope: &[String]) -> Option<String> {
    let folded = fold(text);
    if folded.contains("gop phan") {
        return None;
    }
    // The words after any lead ("Phấn đấu nâng cao …" → "nâng cao …").
    let start = LEADS
        .iter()
        .find(|lead| folded.starts_with(*lead))
        .map_or(0, |lead| {
            kehoach_text::prefix_of_folded(text, &folded, lead.len()).len()
        });
    let rest = text[start..].trim_start();
    let rest_folded = fold(rest);
    let opens = |words: &[&'static str]| -> Option<&'static str> {
        words.iter().copied().find(|w| {
            rest_folded.starts_with(w)
                && rest_folded[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    // "Nâng cao Chỉ số …" (a raise right before a measure), or "Chỉ số … đạt …".
    let verb = opens(RAISE);
    let measure_at = match verb {
        Some(v) => {
            // (Verbs in a row: "Giữ vững, cải thiện thứ hạng …".)
            let mut after = rest_folded[v.len()..].trim_start();
            while let Some(next) = [", ", "va ", "hoac "]
                .iter()
                .find_map(|sep| after.strip_prefix(sep))
                .and_then(|a| RAISE.iter().find_map(|r| a.strip_prefix(r)))
            {
                after = next.trim_start();
            }
            MEASURES
                .iter()
                .any(|m| after.starts_with(m))
                .then_some(rest_folded.len() - after.len())?
        }
        None => {
            opens(MEASURES)?;
            0
        }
    };
    // The parent's scope, after the measure, in the first clause.
    let clause_end = rest.find(';').unwrap_or(rest.len());
    let measure_at = kehoach_text::prefix_of_folded(rest, &rest_folded, measure_at).len();
    let clause = &rest[measure_at..clause_end];
    if !parent_scope
        .iter()
        .any(|p| !Haystack::new(clause).find_all(p).is_empty())
    {
        return None;
    }
    Some(match verb {
        Some(_) => format!("Góp phần {}", kehoach_text::decapitalise(rest)),
        None => format!("Góp phần để {rest}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(place: &str) -> Vec<String> {
        [
            "của tỉnh".to_string(),
            "của phường".to_string(),
            "của Sở".to_string(),
            format!("của {place}"),
        ]
        .to_vec()
    }

    /// Targets on the parent's measures, in the shapes plans set them, over parents of every
    /// level, become the unit's contribution; the same sentences on the unit's own measures,
    /// or on no one's, stay as they are.
    #[test]
    fn a_target_on_the_parents_measure_is_the_units_contribution() {
        for (owner, place) in [
            ("của tỉnh Lâm Đồng", "tỉnh Lâm Đồng"),
            ("của phường Tân Định", "phường Tân Định"),
            ("của Sở", "Sở Y tế"),
            ("của tỉnh", "tỉnh Gia Lai"),
        ] {
            let s = scope(place);
            for (t, want) in [
                (
                    "Nâng cao Chỉ số cải cách hành chính (PAR Index), Chỉ số SIPAS {o}.",
                    "Góp phần nâng cao Chỉ số cải cách hành chính (PAR Index), Chỉ số SIPAS {o}.",
                ),
                (
                    "Phấn đấu cải thiện thứ hạng Chỉ số cải cách hành chính {o}; 100% hồ sơ đúng hạn.",
                    "Góp phần cải thiện thứ hạng Chỉ số cải cách hành chính {o}; 100% hồ sơ đúng hạn.",
                ),
                (
                    "Giữ vững, cải thiện thứ hạng các chỉ số PAR INDEX, SIPAS {o}.",
                    "Góp phần giữ vững, cải thiện thứ hạng các chỉ số PAR INDEX, SIPAS {o}.",
                ),
                (
                    "Chỉ số CCHC năm 2027 {o} thuộc nhóm 30 đơn vị dẫn đầu; Chỉ số SIPAS đạt từ 90% trở lên.",
                    "Góp phần để Chỉ số CCHC năm 2027 {o} thuộc nhóm 30 đơn vị dẫn đầu; Chỉ số SIPAS đạt từ 90% trở lên.",
                ),
            ] {
                let (t, want) = (t.replace("{o}", owner), want.replace("{o}", owner));
                assert_eq!(contribution(&t, &s).as_deref(), Some(want.as_str()), "{t}");
            }
            for t in [
                "Nâng cao Chỉ số hài lòng của cha mẹ học sinh đối với nhà trường.",
                "Nâng cao chất lượng phục vụ {o}.",
                "Tăng cường kỷ luật, kỷ cương hành chính {o}.",
                "Góp phần nâng cao Chỉ số cải cách hành chính {o}.",
                "Chỉ đạo nâng cao Chỉ số cải cách hành chính {o}.",
                "Chỉ số hài lòng đạt 90%; công khai kết quả {o}.",
            ] {
                let t = t.replace("{o}", owner);
                assert_eq!(contribution(&t, &s), None, "{t}");
            }
        }
    }
}
