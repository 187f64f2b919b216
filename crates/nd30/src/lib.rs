//! Decree 30/2020/NĐ-CP (công tác văn thư) as data and small pure functions — the one place for
//! each rule of the decree: page set-up and its lawful ranges, sizes of each component, the
//! national title and motto ([here](self)); dates and the "Số:" line ([`dates`]); document types
//! and their codes ([`doc_types`]); signing authority ([`authority`]); the punctuation of bases,
//! recipients and the closing ([`punctuation`]); capitalisation of the names of bodies and places
//! ([`names`]). Each value names the clause it comes from (Phụ lục I unless said). Knows no plan.
pub mod authority;
pub mod dates;
pub mod doc_types;
mod metrics;
pub mod names;
pub mod punctuation;
pub mod spans;
pub mod years;

pub use authority::Authority;
pub use dates::{date_text, number_line, place_date_line, BLANK};
pub use doc_types::{type_code, type_name, DocType, DOC_TYPES};

use serde::{Deserialize, Serialize};

/// Quốc hiệu (ô 1), caps, bold, 12–13 pt.
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ (ô 1), bold, 13–14 pt, hyphens with spaces (ASCII U+002D).
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// A4 portrait, in twips (mục I.1).
pub const A4: (u32, u32) = (11906, 16838);
/// Twips per millimetre.
pub const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// Font sizes in points, per component (mục IV, ô numbers in brackets).
pub mod size {
    /// Parent body and issuing body (ô 2): 12–13.
    pub const ISSUER: u32 = 13;
    /// Số, ký hiệu (ô 3): 13.
    pub const NUMBER: u32 = 13;
    /// Quốc hiệu (ô 1): 12–13.
    pub const NATIONAL_TITLE: u32 = 13;
    /// Tiêu ngữ (ô 1): 13–14.
    pub const MOTTO: u32 = 14;
    /// Địa danh, ngày tháng (ô 4): 13–14.
    pub const PLACE_DATE: u32 = 14;
    /// Tên loại and trích yếu (ô 5a): 13–14.
    pub const TITLE: u32 = 14;
    /// "Nơi nhận:" (ô 9b): 12, bold italic.
    pub const RECIPIENTS_HEADING: u32 = 12;
    /// The recipient list (ô 9b): 11.
    pub const RECIPIENTS: u32 = 11;
    /// Signer's authority, title and name (ô 7a, 7b): 13–14.
    pub const SIGNER: u32 = 14;
    /// Page numbers: 13–14.
    pub const PAGE_NUMBER: u32 = 14;
}

/// Lawful ranges (mục I.1 and IV.6).
pub mod range {
    /// Margins in mm: top 20–25, bottom 20–25, left 30–35, right 15–20.
    pub const TOP: (f64, f64) = (20.0, 25.0);
    pub const BOTTOM: (f64, f64) = (20.0, 25.0);
    pub const LEFT: (f64, f64) = (30.0, 35.0);
    pub const RIGHT: (f64, f64) = (15.0, 20.0);
    /// Body text 13–14 pt.
    pub const BODY_PT: (u32, u32) = (13, 14);
    /// Line spacing single to 1.5 lines.
    pub const LINE_SPACING: (f64, f64) = (1.0, 1.5);
    /// Paragraph spacing at least 6 pt.
    pub const MIN_PARAGRAPH_SPACING_PT: u32 = 6;
}

/// The page and body settings a unit may choose, within the decree's ranges.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Layout {
    pub margin_top_mm: f64,
    pub margin_bottom_mm: f64,
    pub margin_left_mm: f64,
    pub margin_right_mm: f64,
    /// Body text size: 13 or 14.
    pub body_pt: u32,
    /// 1.0–1.5 lines.
    pub line_spacing: f64,
    /// Empty lines between the signer's title and name (practice: 3–5).
    pub signature_lines: u32,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            margin_top_mm: 20.0,
            margin_bottom_mm: 20.0,
            margin_left_mm: 30.0,
            margin_right_mm: 15.0,
            body_pt: 14,
            line_spacing: 1.15,
            signature_lines: 4,
        }
    }
}

impl Layout {
    /// The same settings moved into the decree's ranges.
    pub fn clamped(self) -> Layout {
        let c = |v: f64, (lo, hi): (f64, f64)| if v.is_nan() { lo } else { v.clamp(lo, hi) };
        Layout {
            margin_top_mm: c(self.margin_top_mm, range::TOP),
            margin_bottom_mm: c(self.margin_bottom_mm, range::BOTTOM),
            margin_left_mm: c(self.margin_left_mm, range::LEFT),
            margin_right_mm: c(self.margin_right_mm, range::RIGHT),
            body_pt: self.body_pt.clamp(range::BODY_PT.0, range::BODY_PT.1),
            line_spacing: c(self.line_spacing, range::LINE_SPACING),
            signature_lines: self.signature_lines.clamp(2, 6),
        }
    }

    /// Width of the text area of an A4 portrait page, in twips.
    pub fn text_width_twips(&self) -> u32 {
        A4.0 - mm_to_twips(self.margin_left_mm) - mm_to_twips(self.margin_right_mm)
    }
}

pub fn mm_to_twips(mm: f64) -> u32 {
    (mm * TWIPS_PER_MM).round() as u32
}

/// Width of a text in twips at a size, in Times New Roman (regular or bold).
pub fn text_width_twips(text: &str, pt: u32, bold: bool) -> u32 {
    let table: &[u16] = if bold {
        &metrics::BOLD
    } else {
        &metrics::REGULAR
    };
    let extra = |c: char| -> Option<u16> {
        let i = "ĐđƠơƯư".chars().position(|x| x == c)?;
        Some(table[95 + i])
    };
    let ascii = |c: char| {
        let code = c as u32;
        (0x20..0x7f)
            .contains(&code)
            .then(|| table[(code - 0x20) as usize])
    };
    let mut thousandths: u64 = 0;
    for c in text.chars() {
        let w = if c.is_ascii() {
            ascii(c)
        } else {
            // A Vietnamese letter is as wide as its base letter (Đ, Ơ, Ư have their own widths).
            extra(c).or_else(|| {
                let mut base = None;
                unicode_normalization::char::decompose_canonical(c, |b| {
                    base.get_or_insert(b);
                });
                base.and_then(|b| extra(b).or_else(|| ascii(b)))
            })
        };
        thousandths += u64::from(w.unwrap_or(500));
    }
    // 1 pt = 20 twips.
    (thousandths * u64::from(pt) * 20 / 1000) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_clamped_into_the_ranges() {
        let l = Layout {
            margin_top_mm: 5.0,
            margin_left_mm: 50.0,
            body_pt: 16,
            line_spacing: 3.0,
            ..Layout::default()
        }
        .clamped();
        assert_eq!(
            (l.margin_top_mm, l.margin_left_mm, l.body_pt, l.line_spacing),
            (20.0, 35.0, 14, 1.5)
        );
    }

    #[test]
    fn bold_caps_are_wider_than_regular_text() {
        let bold = text_width_twips(MOTTO, 14, true);
        let regular = text_width_twips(MOTTO, 14, false);
        assert!(bold > regular);
        // About 2.4 inches at 14 pt bold (measured on the rendered page).
        assert!((3000..4200).contains(&bold), "{bold}");
    }
}
