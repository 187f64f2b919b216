//! Deadlines as plans write them in the "Thời gian hoàn thành" column: "Trong năm 2024",
//! "Quý I/2027", "Quý II - Quý IV/2025", "Tháng 6 - 7/2027", "Trước ngày 20 tháng 01 năm 2027",
//! "Cuối năm học 2026 - 2027", "Thường xuyên", "Hằng quý", "Khi có phát sinh", "Theo hướng dẫn
//! của Sở Nội vụ"… A cell with several milestones ("- Quý I năm 2024: ban hành Kế hoạch; - Quý II
//! và quý III năm 2024: kiểm tra") is due at its last. What cannot be read is `Unknown`: the user
//! is asked.
use chrono::{Datelike, NaiveDate};
use kehoach_text::fold;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// When a task is due.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "due", rename_all = "kebab-case")]
pub enum Deadline {
    /// By a day: a date, or the last day of the month, quarter, half, year or school year named.
    By(NaiveDate),
    /// Done again and again through the year ("Thường xuyên", "Hằng quý", "Hằng học kỳ").
    Recurring,
    /// When the occasion arises ("Khi có phát sinh", "Đột xuất", "Theo hướng dẫn của …").
    OnOccasion,
    /// Not a deadline that can be read: ask the user.
    Unknown,
}

impl Deadline {
    /// Reads a deadline cell; a period without its year is in `year` (the plan's).
    pub fn parse(text: &str, year: i32) -> Deadline {
        let folded = fold(text);
        let has_year = YEAR.is_match(&folded);
        let mut dates: Vec<NaiveDate> = Vec::new();
        for line in folded.split(['\n', ';']) {
            dates.extend(dates_in(line, year));
        }
        if RECURRING.is_match(&folded) && !has_year {
            return Deadline::Recurring;
        }
        if let Some(last) = dates.into_iter().max() {
            return Deadline::By(last);
        }
        if RECURRING.is_match(&folded) {
            return Deadline::Recurring;
        }
        if OCCASION.is_match(&folded) {
            return Deadline::OnOccasion;
        }
        Deadline::Unknown
    }

    /// The day it is due, if it has one.
    pub fn due(self) -> Option<NaiveDate> {
        match self {
            Deadline::By(d) => Some(d),
            _ => None,
        }
    }

    /// As shown in a list: "31/03/2024", "Thường xuyên", "Khi phát sinh", "Chưa rõ".
    pub fn label(self) -> String {
        match self {
            Deadline::By(d) => d.format("%d/%m/%Y").to_string(),
            Deadline::Recurring => "Thường xuyên".into(),
            Deadline::OnOccasion => "Khi phát sinh".into(),
            Deadline::Unknown => "Chưa rõ".into(),
        }
    }
}

/// A date the user typed as the answer for an unreadable deadline ("31/3/2024", "31/03").
pub fn parse_answer(text: &str, year: i32) -> Option<NaiveDate> {
    let t = text.trim();
    let c = DAY.captures(t)?;
    let y = c
        .get(3)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(year);
    NaiveDate::from_ymd_opt(y, c[2].parse().ok()?, c[1].parse().ok()?)
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19|20)\d\d\b").unwrap());
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?$").unwrap());
/// Recurring work (folded text).
static RECURRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"thuong xuyen|hang (ngay|tuan|thang|quy|nam|hoc ky)|hang (thang|quy|nam)|dinh ky|tung quy|theo nam hoc|hang hoc ky").unwrap()
});
/// Work done when the occasion arises, or on someone else's schedule (folded text).
static OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"phat sinh|dot xuat|khi co|theo (quy dinh|huong dan|yeu cau|chi dao|ke hoach|tien do|lo trinh)|sau khi").unwrap()
});

/// "truoc ngay 20 thang 01 nam 2027", "truoc ngay 25/01/2025", "truoc ngay 31/3".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:ngay\s+)?(\d{1,2})\s*(?:/|thang\s+)(\d{1,2})(?:\s*(?:/|nam\s+)(\d{4}))?")
        .unwrap()
});
/// "quy ii - quy iv/2027", "quy ii, iii nam 2024", "quy ii va quy iii nam 2024", "quy i".
static QUARTERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"quy\s+((?:iv|iii|ii|i|[1-4])(?:\s*(?:,|-|–|va|den)\s*(?:quy\s+)?(?:iv|iii|ii|i|[1-4]))*)(?:\s*(?:/|nam)\s*(\d{4}))?").unwrap()
});
/// "thang 6 - 7/2027", "thang 01 nam 2027", "trong thang 10 2024", "thang 12/2025".
static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"thang\s+(\d{1,2})(?:\s*(?:-|–|,|va|den)\s*(\d{1,2}))?(?:\s*(?:/|nam)?\s*(\d{4}))?")
        .unwrap()
});
/// "6 thang dau nam", "6 thang cuoi nam".
static HALF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"6 thang (dau|cuoi) nam(?:\s+(\d{4}))?").unwrap());
/// "nam hoc 2026 - 2027", "cuoi nam hoc 2026-2027": the school year ends with May.
static SCHOOL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"nam hoc\s+(\d{4})\s*[-–]\s*(\d{4})").unwrap());
/// "trong nam 2024", "nam 2024", "cuoi nam 2024".
static IN_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"nam\s+(\d{4})").unwrap());

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn roman(q: &str) -> Option<u32> {
    Some(match q {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    })
}

/// Every day a line names as a deadline, periods as their last day.
fn dates_in(line: &str, year: i32) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let free =
        |taken: &[(usize, usize)], s: usize, e: usize| taken.iter().all(|&(a, b)| e <= a || s >= b);
    if let Some(c) = SCHOOL_YEAR.captures(line) {
        let m = c.get(0).unwrap();
        if let Some(d) = c[2]
            .parse()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 5, 31))
        {
            out.push(d);
            taken.push((m.start(), m.end()));
        }
    }
    for c in DATE.captures_iter(line) {
        let m = c.get(0).unwrap();
        // Only a day with its month: "ngày 31/3", "20 tháng 01"; not "Quý I/2027" nor "6 - 7/2027".
        let explicit = m.as_str().starts_with("ngay")
            || m.as_str().contains('/') && !line[..m.start()].trim_end().ends_with("quy");
        let before = &line[..m.start()];
        if !explicit || before.trim_end().ends_with("thang") || before.trim_end().ends_with('-') {
            continue;
        }
        let y = c
            .get(3)
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(year);
        if let Some(d) =
            NaiveDate::from_ymd_opt(y, c[2].parse().unwrap_or(0), c[1].parse().unwrap_or(0))
        {
            out.push(d);
            taken.push((m.start(), m.end()));
        }
    }
    for c in QUARTERS.captures_iter(line) {
        let m = c.get(0).unwrap();
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        let y = c
            .get(2)
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| trailing_year(&line[m.end()..]))
            .unwrap_or(year);
        let last = c[1]
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .filter_map(roman)
            .max();
        if let Some(d) = last.and_then(|q| last_day(y, q * 3)) {
            out.push(d);
            taken.push((m.start(), m.end()));
        }
    }
    if let Some(c) = HALF.captures(line) {
        let y = c
            .get(2)
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(year);
        let month = if &c[1] == "dau" { 6 } else { 12 };
        out.extend(last_day(y, month));
        let m = c.get(0).unwrap();
        taken.push((m.start(), m.end()));
    }
    for c in MONTHS.captures_iter(line) {
        let m = c.get(0).unwrap();
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        let y = c
            .get(3)
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(year);
        let month: u32 = c
            .get(2)
            .or(c.get(1))
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or(0);
        if let Some(d) = (1..=12)
            .contains(&month)
            .then(|| last_day(y, month))
            .flatten()
        {
            out.push(d);
            taken.push((m.start(), m.end()));
        }
    }
    if out.is_empty() {
        for c in IN_YEAR.captures_iter(line) {
            let m = c.get(0).unwrap();
            if free(&taken, m.start(), m.end()) {
                out.extend(
                    c[1].parse()
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
                );
            }
        }
    }
    out.retain(|d| kehoach_model::YEARS.contains(&d.year()));
    out
}

/// "… năm 2024" after a list of quarters: "Quý II, III năm 2024".
fn trailing_year(rest: &str) -> Option<i32> {
    let r = rest.trim_start();
    let r = r.strip_prefix("nam").unwrap_or(r).trim_start();
    let r = r.strip_prefix('/').unwrap_or(r).trim_start();
    r.get(..4).and_then(|y| y.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::Deadline::{self, *};
    use chrono::NaiveDate;

    fn by(y: i32, m: u32, d: u32) -> Deadline {
        By(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn deadlines_as_plans_write_them() {
        for (text, want) in [
            ("Trong năm 2024", by(2024, 12, 31)),
            ("Trong năm 2024 và các năm tiếp theo", by(2024, 12, 31)),
            ("Quý I/2027", by(2027, 3, 31)),
            ("Quý II năm 2027", by(2027, 6, 30)),
            ("Trong quý I năm 2024", by(2024, 3, 31)),
            ("Quý I năm 2024:", by(2024, 3, 31)),
            ("Quý I", by(2026, 3, 31)),
            ("- Quý I: trình kê hoạch", by(2026, 3, 31)),
            ("Quý II - Quý IV/2027", by(2027, 12, 31)),
            ("Quý II, III năm 2024: tổ chức thực hiện", by(2024, 9, 30)),
            ("Quý II, quý III năm 2027", by(2027, 9, 30)),
            ("- Quý II và quý III năm 2024 tiến hành kiểm tra và báo cáo kết quả", by(2024, 9, 30)),
            ("Tháng 01/2027", by(2027, 1, 31)),
            ("Tháng 6 năm 2027", by(2027, 6, 30)),
            ("Tháng 12/2025", by(2025, 12, 31)),
            ("Tháng 6 - 7/2027", by(2027, 7, 31)),
            ("Tháng 8 - 9/2027", by(2027, 9, 30)),
            ("Hoàn thành trong tháng 10 năm 2024", by(2024, 10, 31)),
            ("- Trong tháng 10 2024: Các sản phẩm còn lại.", by(2024, 10, 31)),
            ("- Báo cáo trong tháng 11 năm 2024", by(2024, 11, 30)),
            ("Trước ngày 25/01/2025", by(2025, 1, 25)),
            ("Trước ngày 01/3/2025", by(2025, 3, 1)),
            ("Trước ngày 30/6/2027", by(2027, 6, 30)),
            ("Trước ngày 20 tháng 01 năm 2027", by(2027, 1, 20)),
            ("Trước ngày 31/3", by(2026, 3, 31)),
            ("Năm học 2027 - 2028", by(2028, 5, 31)),
            ("Cuối năm học 2026 - 2027", by(2027, 5, 31)),
            ("6 tháng đầu năm 2027", by(2027, 6, 30)),
            (
                "- Quý I năm 2024: trình và triển khai Kế hoạch;\n- Trong tháng 10 2024: Các sản phẩm còn lại.",
                by(2024, 10, 31),
            ),
            ("- Kiểm tra thường xuyên trong năm 2024.", by(2024, 12, 31)),
            ("Năm 2023 triển khai thực hiện, năm 2024 thực hiện thường xuyên.", by(2024, 12, 31)),
            ("Thường xuyên", Recurring),
            ("Hằng quý", Recurring),
            ("Hằng tháng", Recurring),
            ("Định kỳ hàng quý", Recurring),
            ("Hằng học kỳ", Recurring),
            ("Theo năm học", Recurring),
            ("Theo từng Quý (Quý I, II, III) và tổng kết năm", Recurring),
            ("Khi có phát sinh", OnOccasion),
            ("Khi phát sinh", OnOccasion),
            ("Đột xuất", OnOccasion),
            ("Khi có văn bản chỉ đạo của Trung ương và Thành phố", OnOccasion),
            ("Theo hướng dẫn của Bộ Nội vụ, Sở Nội vụ", OnOccasion),
            ("Theo quy định", OnOccasion),
            ("Theo yêu cầu của Sở Nội vụ", OnOccasion),
            ("Theo kế hoạch của Thành phố", OnOccasion),
            ("Theo tiến độ sắp xếp", OnOccasion),
            ("Sau khi công bố Chỉ số CCHC", OnOccasion),
            ("Ban hành Kế hoạch.", Unknown),
            ("", Unknown),
        ] {
            assert_eq!(Deadline::parse(text, 2026), want, "{text:?}");
        }
    }

    #[test]
    fn answers_the_user_types() {
        assert_eq!(
            super::parse_answer("31/3", 2024),
            NaiveDate::from_ymd_opt(2024, 3, 31)
        );
        assert_eq!(
            super::parse_answer("5/01/2025", 2024),
            NaiveDate::from_ymd_opt(2025, 1, 5)
        );
        assert_eq!(super::parse_answer("31/2", 2024), None);
        assert_eq!(super::parse_answer("quý 1", 2024), None);
    }
}
