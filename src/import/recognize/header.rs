//! The header (ô 1–4) and the title (ô 5a): issuer lines, "Số: …", the place and date; tên loại
//! and trích yếu.
use super::body::starts_bases;
use super::labels::PART;
use super::{Builder, Last, Para, Stage};
use crate::model::Header;
use crate::text::{ends_sentence, fold, is_caps, prefix_of_folded};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^s[ốoố]\s*:?\s*(\d*)\s*/\s*([\p{L}\d][\p{L}\d.\-]*[\p{L}\d])\s*(.*)$").unwrap()
});
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?),?\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})").unwrap()
});

impl Builder {
    pub(super) fn head(&mut self, text: &str, folded: &str, p: &Para) {
        if let Some((dt, rest)) = crate::nd30::doc_types::heading(text) {
            self.plan.doc_type = dt.name.to_string();
            self.stage = Stage::Title;
            if !rest.is_empty() {
                self.plan.summary = rest;
                self.last = Last::Summary;
            }
            return;
        }
        if starts_bases(folded) || PART.is_match(text) && is_caps(text) {
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
        if let Some(pos) = folded.find("cong hoa xa hoi") {
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

    pub(super) fn title(&mut self, text: &str, folded: &str, p: &Para) {
        if self.plan.summary.is_empty() {
            if starts_bases(folded) && text.ends_with(';') || PART.is_match(text) {
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
            && !PART.is_match(text)
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

pub(super) fn assign_issuer(h: &mut Header, caps: &[(String, bool)]) {
    if caps.is_empty() {
        return;
    }
    let any_bold = caps.iter().any(|(_, b)| *b);
    let any_regular = caps.iter().any(|(_, b)| !*b);
    if any_bold && any_regular {
        let parent: Vec<&str> = caps
            .iter()
            .filter(|(_, b)| !b)
            .map(|(t, _)| t.as_str())
            .collect();
        let issuer: Vec<&str> = caps
            .iter()
            .filter(|(_, b)| *b)
            .map(|(t, _)| t.as_str())
            .collect();
        h.parent_body = Some(parent.join(" "));
        h.issuer = issuer.join(" ");
        return;
    }
    match caps.len() {
        1 => h.issuer = caps[0].0.clone(),
        _ => {
            h.parent_body = Some(caps[0].0.clone());
            h.issuer = caps[1..]
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
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
