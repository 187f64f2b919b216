//! The header (ô 1–4) and the title (ô 5a): issuer lines, "Số: …", the place and date; tên loại
//! and trích yếu.
use super::body::starts_bases;
use super::labels::{is_caps_heading, is_item_label, outer};
use super::{Builder, Last, Para, Stage};
use chrono::NaiveDate;
use kehoach_model::Header;
use kehoach_text::{ends_sentence, fold, is_caps, prefix_of_folded};
use regex::Regex;
use std::sync::LazyLock;

pub(super) static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^s[ốoố]\s*:?\s*(\d*)\s*/\s*([\p{L}\d][\p{L}\d.\-]*[\p{L}\d])\s*(.*)$").unwrap()
});
/// "ngày 18 tháng 12 năm 2025 của …" inside a citation.
static DATE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*(.*)$").unwrap()
});
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?),?\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})").unwrap()
});

impl Builder {
    pub(super) fn head(&mut self, text: &str, folded: &str, p: &Para) {
        if let Some((dt, rest)) = kehoach_nd30::doc_types::heading(text) {
            self.plan.doc_type = dt.name.to_string();
            self.stage = Stage::Title;
            if !rest.is_empty() {
                self.plan.summary = rest;
                self.last = Last::Summary;
            }
            return;
        }
        if starts_bases(folded) || is_caps_heading(text) {
            // No title: the header ends here.
            self.stage = Stage::Bases;
            self.bases(text, folded, p);
            return;
        }
        self.header_line(text, folded, p.bold);
    }

    /// One line of a header block: issuer lines, "Số: …", the place and date; the national
    /// title and the motto are recognised and skipped, also when a converter glued them to the
    /// line of the other column.
    pub(super) fn header_line(&mut self, text: &str, folded: &str, bold: bool) {
        // The national title's last word, wrapped onto a line of its own when a long line of
        // the other column pushed it over ("… CHỦ NGHĨA VIỆT" / "NAM").
        if folded.trim() == "nam" && std::mem::take(&mut self.title_cut) {
            return;
        }
        if let Some(pos) = folded.find("cong hoa xa hoi") {
            self.title_cut = folded.trim_end().ends_with("viet");
            let before = prefix_of_folded(text, folded, pos);
            if !before.is_empty() {
                self.header_line(&before, &fold(&before), bold);
            }
            return;
        }
        if let Some(pos) = folded.find("doc lap") {
            let before = prefix_of_folded(text, folded, pos);
            if !before.is_empty() {
                self.header_line(&before, &fold(&before), bold);
            }
            return;
        }
        if let Some(c) = NUMBER_LINE.captures(text) {
            let number = c[1].to_string();
            self.plan.header.number = (!number.is_empty()).then_some(number);
            // Ký hiệu as written: the decree's codes keep their lower-case letters (TTr, CTr, QyĐ).
            self.plan.header.symbol = c[2].trim().to_string();
            let rest = c[3].trim().to_string();
            if !rest.is_empty() {
                self.header_line(&rest, &fold(&rest), bold);
            }
            return;
        }
        if let Some((place, date)) = place_date(text) {
            self.plan.header.place = place;
            self.plan.header.date = date;
            return;
        }
        if is_caps(text) && !text.chars().all(|c| !c.is_alphanumeric()) {
            self.head_caps.push((text.to_string(), bold));
        }
    }

    /// "(Ban hành kèm theo Quyết định số 119/QĐ-UBND ngày 18 tháng 12 năm 2025 của Ủy ban nhân dân
    /// xã Tân Phú)": the plan is issued with that decision. True when the line was one.
    pub(super) fn attached_line(&mut self, text: &str, folded: &str) -> bool {
        static ATTACHED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)kèm\s+theo\s+(\p{L}+(?:\s+\p{L}+)?)\s+số\s*:?\s*(\d*)\s*/\s*([\p{L}\d.\-]+)(.*)$").unwrap()
        });
        if !(folded.contains("kem theo")
            && (folded.starts_with('(') || folded.starts_with("ban hanh")))
        {
            return false;
        }
        let Some(c) = ATTACHED.captures(text) else {
            return false;
        };
        let doc_type = kehoach_nd30::doc_types::by_name(&c[1]);
        // "(Kèm theo Kế hoạch số …)" under an appendix title is not this.
        if doc_type.is_none_or(|t| t.name == "Kế hoạch") {
            return false;
        }
        let rest = c[4].trim().trim_end_matches(')').trim();
        let (date, issuer) = match DATE_IN.captures(rest) {
            Some(d) => (
                NaiveDate::from_ymd_opt(
                    d[3].parse().unwrap_or(0),
                    d[2].parse().unwrap_or(0),
                    d[1].parse().unwrap_or(0),
                ),
                d.get(4).map_or("", |m| m.as_str()),
            ),
            None => (None, rest),
        };
        let issuer = issuer.trim().trim_start_matches("của").trim().to_string();
        self.plan.issued_with = Some(kehoach_model::DocRef {
            doc_type: doc_type.map(|t| t.name.to_string()).unwrap_or_default(),
            number: (!c[2].is_empty()).then(|| c[2].to_string()),
            symbol: c[3].trim_end_matches(['.', ',']).to_string(),
            date,
            issuer,
        });
        true
    }

    pub(super) fn title(&mut self, text: &str, folded: &str, p: &Para) {
        if self.attached_line(text, folded) {
            return;
        }
        if self.plan.summary.is_empty() {
            if starts_bases(folded) && text.ends_with(';') || outer(text, false).is_some() {
                self.stage = Stage::Bases;
                self.bases(text, folded, p);
                return;
            }
            self.plan.summary = text.to_string();
            self.last = Last::Summary;
            return;
        }
        // A summary may wrap onto a second short line ("Năm 2024").
        let short = text.chars().count() <= 60;
        if self.last == Last::Summary
            && !starts_bases(folded)
            && !ends_sentence(text)
            && (p.bold || p.centered || short)
            && outer(text, false).is_none()
            && !is_item_label(text)
            && !is_rule_line(text)
        {
            self.plan.summary = format!("{} {}", self.plan.summary, text);
            return;
        }
        if is_rule_line(text) {
            return;
        }
        self.stage = Stage::Bases;
        self.bases(text, folded, p);
    }
}

/// Words that start the name of a body: a new name in the header begins with one of them; any
/// other caps line continues the name above it ("ỦY BAN NHÂN DÂN" / "XÃ HƯNG THỊNH" is one name,
/// "ỦY BAN NHÂN DÂN QUẬN 1" / "TRƯỜNG MẦM NON TUỔI HỒNG" two).
const BODY_STARTS: &[&str] = &[
    "uy ban",
    "ubnd",
    "hoi dong",
    "hdnd",
    "so ",
    "phong ",
    "truong ",
    "tram ",
    "trung tam",
    "ban ",
    "bo ",
    "cong an",
    "van phong",
    "dang uy",
    "chi cuc",
    "cuc ",
    "benh vien",
    "vien ",
    "doan ",
    "cong ty",
    "tong cuc",
    "thanh doan",
    "mat tran",
];

/// Stamps that may stand in the header but name no body (độ khẩn, độ mật, a draft's mark).
const STAMPS: &[&str] = &[
    "du thao",
    "khan",
    "hoa toc",
    "thuong khan",
    "mat",
    "toi mat",
    "tuyet mat",
    "luu hanh noi bo",
];

/// The header's caps lines in the left column: the last name is the issuing body, the names
/// above it the parent body (chủ quản). Names are found from their words; a regular-weight name
/// over a bold one agrees with that.
pub(super) fn assign_issuer(h: &mut Header, caps: &[(String, bool)]) {
    let mut names: Vec<Vec<&str>> = Vec::new();
    for (text, _) in caps {
        let f = fold(text);
        let f = f.trim();
        if STAMPS.contains(&f) {
            continue;
        }
        let starts_name = BODY_STARTS
            .iter()
            .any(|w| f.starts_with(w) || f == w.trim_end());
        match names.last_mut() {
            Some(name) if !starts_name => name.push(text),
            _ => names.push(vec![text]),
        }
    }
    let join = |n: &[&str]| n.join(" ");
    match names.len() {
        0 => {}
        1 => h.issuer = join(&names[0]),
        n => {
            h.parent_body = Some(
                names[..n - 1]
                    .iter()
                    .map(|x| join(x))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            h.issuer = join(&names[n - 1]);
        }
    }
}

pub(super) fn place_date(text: &str) -> Option<(String, Option<NaiveDate>)> {
    let c = DATE.captures(text)?;
    let place = c[1].trim().trim_end_matches(',').trim().to_string();
    let day = c.get(2).and_then(|m| m.as_str().parse().ok());
    let month = c.get(3).and_then(|m| m.as_str().parse().ok());
    let year = c[4].parse().ok()?;
    let date = match (day, month) {
        (Some(d), Some(m)) => NaiveDate::from_ymd_opt(year, m, d),
        _ => None,
    };
    Some((place, date))
}

pub(super) fn is_rule_line(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '-' | '_' | '—' | '–' | ' ' | '=' | '*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        let c = NUMBER_LINE.captures("Số: 04 /KH-UBND").unwrap();
        assert_eq!((&c[1], &c[2]), ("04", "KH-UBND"));
        let c = NUMBER_LINE.captures("Số:      /KH-MNTH").unwrap();
        assert_eq!((&c[1], &c[2]), ("", "KH-MNTH"));
        let (place, date) = place_date("Quận 1, ngày 04 tháng 01 năm 2024").unwrap();
        assert_eq!(place, "Quận 1");
        assert_eq!(date, NaiveDate::from_ymd_opt(2024, 1, 4));
        assert_eq!(
            place_date("Quận 1, ngày   tháng   năm 2024").unwrap().1,
            None
        );
    }
}
