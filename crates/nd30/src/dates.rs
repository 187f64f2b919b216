//! Dates (Điều 9, Phụ lục I mục IV.4) and the "Số:" line (mục IV.3).
use chrono::{Datelike, NaiveDate};

/// "ngày 05 tháng 01 năm 2024": a leading zero for days below 10 and for months 1 and 2 only
/// ("ngày 29 tháng 6 năm 2024"; never "tháng 03").
pub fn date_text(date: NaiveDate) -> String {
    let month = date.month();
    let month = if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// The first date a text gives, as citations write it: "ngày 04 tháng 01 năm 2024" or "ngày
/// 04/01/2024" (the word "ngày" may be left out before the digits: "04/01/2024").
pub fn first_date(text: &str) -> Option<NaiveDate> {
    let c = DATE.captures(text)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (day, month, year) = match (n(1), n(2), n(3)) {
        (Some(d), Some(m), Some(y)) => (d, m, y),
        _ => (n(4)?, n(5)?, n(6)?),
    };
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
    )
    .expect("the date pattern")
});

/// The blank for the văn thư to fill in by hand ("Số:      /KH-MNTH", "ngày      tháng …").
pub const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// "Quận 1, ngày 05 tháng 01 năm 2024", or with blanks for the day and month of a draft.
pub fn place_date_line(place: &str, date: Option<NaiveDate>, year: i32) -> String {
    match date {
        Some(d) => format!("{place}, {}", date_text(d)),
        None => format!("{place}, ngày{BLANK}tháng{BLANK}năm {year}"),
    }
}

/// "Số: 14/KH-MNTH"; numbers below 10 get a leading zero; a draft leaves the number blank.
pub fn number_line(number: Option<&str>, symbol: &str) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            let n = match n.parse::<u32>() {
                Ok(v) if v < 10 => format!("{v:02}"),
                _ => n.to_string(),
            };
            format!("Số: {n}/{symbol}")
        }
        None => format!("Số:{BLANK}/{symbol}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_follow_the_decree() {
        assert_eq!(date_text(d(2024, 1, 5)), "ngày 05 tháng 01 năm 2024");
        assert_eq!(date_text(d(2024, 6, 29)), "ngày 29 tháng 6 năm 2024");
        assert_eq!(date_text(d(2020, 3, 5)), "ngày 05 tháng 3 năm 2020");
        assert_eq!(date_text(d(2020, 2, 15)), "ngày 15 tháng 02 năm 2020");
        assert_eq!(date_text(d(2020, 12, 31)), "ngày 31 tháng 12 năm 2020");
    }

    #[test]
    fn number_lines() {
        assert_eq!(number_line(Some("14"), "KH-MNTH"), "Số: 14/KH-MNTH");
        assert_eq!(number_line(Some("4"), "KH-UBND"), "Số: 04/KH-UBND");
        assert!(number_line(None, "KH-MNTH").starts_with("Số:\u{a0}"));
        assert!(number_line(None, "KH-MNTH").ends_with("/KH-MNTH"));
    }

    #[test]
    fn draft_date_keeps_the_year() {
        let line = place_date_line("Quận 1", None, 2024);
        assert!(line.starts_with("Quận 1, ngày") && line.ends_with("năm 2024"));
        assert_eq!(
            place_date_line("Quận 1", Some(d(2024, 1, 5)), 2024),
            "Quận 1, ngày 05 tháng 01 năm 2024"
        );
    }
}
