//! Years that belong to the plan: a year earlier than the plan's in the unit's own wording —
//! "trong năm 2024", "Kế hoạch … năm 2024", "Quý I năm 2024", "trước ngày 20/01/2024" in a
//! 2025 plan — is last year's left behind, and moves to the plan's year. Not a year inside a
//! protected span (a cited document's date or title), nor a period that holds the plan's year
//! ("giai đoạn 2021 - 2030"), nor one in a statement about past results ("so với năm 2024",
//! "kết quả năm 2024").
use crate::spans::Spans;
use regex::Regex;
use std::sync::LazyLock;

/// A year (or a period of years) earlier than the plan's, and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleYear {
    pub start: usize,
    pub end: usize,
    /// As written: "2024", "2023 - 2024".
    pub found: String,
    /// For the plan's year: "2025", "2024 - 2025".
    pub proposed: String,
}

/// A year alone or a period "2021 - 2030" / "2021-2025" / "2020 – 2025".
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\b").expect("the year pattern")
});

/// A day and month before a year: "20/01/".
static DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d/])\d{1,2}/\d{1,2}/$").expect("the date pattern"));

/// A quarter or a month before a year: "Quý I/", "quý IV/", "tháng 12/".
static PERIOD_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:quý\s+[IV]{1,3}|tháng\s+\d{1,2})\s*/$").expect("the period pattern")
});

/// A deadline right before the year, in folded text: "truoc ngay 15/12/", "han 31/3/".
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:truoc(?: ngay)?|han(?: chot)?|cham nhat(?: ngay)?)\s*\d{1,2}/\d{1,2}/$")
        .expect("the deadline pattern")
});

/// Words before a year that make it a statement about the past, within its clause.
const PAST: &[&str] = &[
    "so với",
    "kết quả",
    "đã đạt",
    "đạt được",
    "đã thực hiện",
    "đã triển khai",
    "đã hoàn thành",
    "tổng kết",
    "sơ kết",
    "năm trước",
    "năm qua",
    "từ năm",
    "đến nay",
    "thành lập",
    // An earlier year's index, published or its lost points mended in the plan's year: "công
    // bố Chỉ số cải cách hành chính năm 2026", "tiêu chí bị trừ điểm trong Chỉ số … năm 2026"
    // (a target "Chỉ số … năm 2026 đạt …" copied into a 2027 plan is stale).
    "bị trừ điểm",
    "công bố chỉ số",
    "công bố kết quả",
    // A fact dated in the past: "văn bản … ban hành trước ngày 01 tháng 7 năm 2025".
    "ban hành trước",
    "ban hành từ",
    "có hiệu lực từ",
];

/// The clause a position is in: from the last ";", "." or ":" before it.
fn clause_before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind([';', '.', ':', '\n']).map_or(0, |i| i + 1);
    &text[start..at]
}

/// The years of `text` earlier than `plan_year`, outside the protected `spans`.
pub fn stale(text: &str, plan_year: i32, spans: &Spans) -> Vec<StaleYear> {
    let mut out = Vec::new();
    for c in YEAR.captures_iter(text) {
        let m = c.get(0).expect("the match");
        let (start, end) = (m.start(), m.end());
        if spans.inside(start) || spans.0.iter().any(|s| s.start <= start && end <= s.end) {
            continue;
        }
        // A year within a document's symbol ("41/2011/QĐ-UBND") or a number ("2024/2025"),
        // not a date's ("20/01/2024").
        let before = &text[..start];
        let after = &text[end..];
        let dated = DAY_MONTH.is_match(before) || PERIOD_OF.is_match(before);
        if after.starts_with('/') || (before.ends_with('/') && !dated) {
            continue;
        }
        let first: i32 = c[1].parse().unwrap_or(plan_year);
        let last: Option<i32> = c.get(2).and_then(|y| y.as_str().parse().ok());
        let newest = last.unwrap_or(first);
        // A year of the plan or after it, or a period that ends in it or later (so holds it or
        // is to come), belongs to the plan.
        if newest >= plan_year {
            continue;
        }
        let clause = kehoach_text::fold(clause_before(text, start));
        // A deadline ("báo cáo kết quả trước ngày 15/12/2024") is the plan's, whatever the
        // clause says before it.
        let deadline = DEADLINE.is_match(&clause);
        if !deadline && PAST.iter().any(|p| clause.contains(&kehoach_text::fold(p))) {
            continue;
        }
        let shift = plan_year - newest;
        let proposed = match last {
            Some(l) => {
                let sep = &m.as_str()[c.get(1).expect("first").end() - start
                    ..c.get(2).expect("last").start() - start];
                format!("{}{sep}{}", first + shift, l + shift)
            }
            None => plan_year.to_string(),
        };
        out.push(StaleYear {
            start,
            end,
            found: m.as_str().to_string(),
            proposed,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spans::protected;

    fn found(text: &str, year: i32) -> Vec<(String, String)> {
        stale(text, year, &protected(text))
            .into_iter()
            .map(|s| (s.found, s.proposed))
            .collect()
    }

    #[test]
    fn a_deadline_and_a_quarter_are_the_plans_even_after_a_result() {
        assert_eq!(
            found(
                "Báo cáo kết quả trước ngày 15/12/2024; hoàn thành trong Quý I/2024, tháng 6/2024.",
                2025
            ),
            [
                ("2024".into(), "2025".into()),
                ("2024".into(), "2025".into()),
                ("2024".into(), "2025".into())
            ]
        );
        // A result of a past year is still the past; a symbol is not a year.
        assert!(found(
            "Duy trì kết quả năm 2024; Quyết định số 41/2011/QĐ-UBND",
            2025
        )
        .is_empty());
    }

    #[test]
    fn last_years_wording_moves_to_the_plans_year() {
        assert_eq!(
            found(
                "Xây dựng Kế hoạch công tác CCHC năm 2024 của đơn vị mình; báo cáo Quý I năm 2024.",
                2025
            ),
            [
                ("2024".into(), "2025".into()),
                ("2024".into(), "2025".into())
            ]
        );
        assert_eq!(
            found("Trong năm 2023", 2025),
            [("2023".into(), "2025".into())]
        );
        assert_eq!(
            found("Trước ngày 20/01/2024", 2025),
            [("2024".into(), "2025".into())]
        );
        assert_eq!(
            found("Năm học 2023 - 2024", 2025),
            [("2023 - 2024".into(), "2024 - 2025".into())]
        );
    }

    #[test]
    fn citations_periods_and_past_results_stay() {
        for text in [
            "Thực hiện Kế hoạch số 288/KH-UBND ngày 29 tháng 10 năm 2021 về thực hiện Chương trình giai đoạn 2021 - 2030",
            "giai đoạn 2021 - 2030",
            "Chỉ số CCHC năm 2025 tăng so với năm 2024",
            "Phát huy kết quả đạt được năm 2024",
            "Quyết định số 41/2011/QĐ-UBND",
            "Kế hoạch năm 2025",
            // Laws by their year, standards, facts dated in the past.
            "Triển khai Luật Cán bộ, công chức năm 2023; quản lý cán bộ",
            "Duy trì Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
            "khắc phục các tiêu chí bị trừ điểm trong Chỉ số cải cách hành chính năm 2024 của xã",
            "Rà soát văn bản do các tỉnh ban hành trước ngày 01 tháng 7 năm 2024 còn hiệu lực",
        ] {
            assert!(found(text, 2025).is_empty(), "{text}");
        }
    }
}
