//! The types of administrative documents (Điều 7) and their codes in the ký hiệu (Phụ lục III,
//! mục I). Note the decree's mixed case: TTr, CTr, QyĐ, TrS keep their lower-case letters.
use kehoach_text::{fold, is_caps};

/// A type of administrative document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocType {
    /// In normal case: "Kế hoạch".
    pub name: &'static str,
    /// The code in the ký hiệu ("KH"); công văn and thư công have none.
    pub code: Option<&'static str>,
}

const fn t(name: &'static str, code: &'static str) -> DocType {
    DocType {
        name,
        code: Some(code),
    }
}

/// Every type, with its code.
pub const DOC_TYPES: &[DocType] = &[
    t("Nghị quyết", "NQ"),
    t("Quyết định", "QĐ"),
    t("Chỉ thị", "CT"),
    t("Quy chế", "QC"),
    t("Quy định", "QyĐ"),
    t("Thông cáo", "TC"),
    t("Thông báo", "TB"),
    t("Hướng dẫn", "HD"),
    t("Chương trình", "CTr"),
    t("Kế hoạch", "KH"),
    t("Phương án", "PA"),
    t("Đề án", "ĐA"),
    t("Dự án", "DA"),
    t("Báo cáo", "BC"),
    t("Biên bản", "BB"),
    t("Tờ trình", "TTr"),
    t("Hợp đồng", "HĐ"),
    t("Công điện", "CĐ"),
    t("Bản ghi nhớ", "BGN"),
    t("Bản thỏa thuận", "BTT"),
    t("Giấy ủy quyền", "GUQ"),
    t("Giấy mời", "GM"),
    t("Giấy giới thiệu", "GGT"),
    t("Giấy nghỉ phép", "GNP"),
    t("Phiếu gửi", "PG"),
    t("Phiếu chuyển", "PC"),
    t("Phiếu báo", "PB"),
    DocType {
        name: "Công văn",
        code: None,
    },
    DocType {
        name: "Thư công",
        code: None,
    },
];

/// The code of a document type ("Kế hoạch" → "KH"), compared without case.
pub fn type_code(doc_type: &str) -> Option<&'static str> {
    by_name(doc_type).and_then(|t| t.code)
}

/// The document type a code stands for ("KH" → "Kế hoạch"); case-sensitive as the decree is.
pub fn type_name(code: &str) -> Option<&'static str> {
    DOC_TYPES
        .iter()
        .find(|t| t.code == Some(code))
        .map(|t| t.name)
}

/// A type by its name in any case ("KẾ HOẠCH", "kế hoạch").
pub fn by_name(name: &str) -> Option<&'static DocType> {
    let f = fold(name.trim());
    DOC_TYPES.iter().find(|t| fold(t.name) == f)
}

/// Whether every letter of `text` that carries a diacritic is the letter `name` has there:
/// folding alone makes "PHƯỜNG AN" (a ward's name) "PHƯƠNG ÁN" (a type); a letter written
/// without its marks (OCR, old encodings) still matches.
fn marks_agree(text: &str, name: &str) -> bool {
    text.chars().zip(name.chars()).all(|(a, b)| {
        let plain = fold(&a.to_string()) == a.to_lowercase().to_string();
        plain || a.to_lowercase().eq(b.to_lowercase())
    })
}

/// The tên loại line of a document (ô 5a): a type name in capitals, alone ("KẾ HOẠCH") or followed
/// by a summary in normal case on the same line, as converters glue them. Returns the type and
/// the rest. "KẾ HOẠCH CỤ THỂ …" all in capitals is an appendix title, not a tên loại.
pub fn heading(text: &str) -> Option<(&'static DocType, String)> {
    let folded = fold(text);
    let mut best: Option<(&DocType, usize)> = None;
    for t in DOC_TYPES {
        let key = fold(t.name);
        // A converter may glue the summary to the type ("KẾ HOẠCHThực hiện …"): the capitals
        // end where the type does.
        if folded.starts_with(&key) && marks_agree(text, t.name) {
            let n = key.chars().count();
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((t, n));
            }
        }
    }
    let (t, n) = best?;
    let head: String = text.chars().take(n).collect();
    if !is_caps(&head) {
        return None;
    }
    let rest: String = text.chars().skip(n).collect();
    if rest.starts_with(char::is_alphabetic) {
        // Glued: only a word in normal case can follow ("KẾ HOẠCHThực", not "THÔNG BÁOX").
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if !word.chars().skip(1).any(char::is_lowercase) {
            return None;
        }
    }
    let rest = rest.trim().trim_start_matches([':', '-', '–']).trim();
    (rest.is_empty() || !is_caps(rest)).then(|| (t, rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ward_named_an_in_a_tabbed_header_is_not_a_plan_type() {
        assert!(heading("PHƯỜNG AN KHÁNH\tĐộc lập - Tự do - Hạnh phúc").is_none());
        assert!(heading("PHƯỜNG AN KHÁNH Độc lập - Tự do - Hạnh phúc").is_none());
        assert_eq!(heading("PHƯƠNG ÁN").map(|(t, _)| t.name), Some("Phương án"));
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(type_code("Kế hoạch"), Some("KH"));
        assert_eq!(type_code("THÔNG BÁO"), Some("TB"));
        assert_eq!(type_code("Công văn"), None);
        assert_eq!(type_name("TTr"), Some("Tờ trình"));
        assert_eq!(type_name("TTR"), None);
    }

    #[test]
    fn headings() {
        assert_eq!(heading("KẾ HOẠCH").map(|(t, _)| t.name), Some("Kế hoạch"));
        let (t, rest) = heading("QUYẾT ĐỊNH Về việc ban hành Kế hoạch").unwrap();
        assert_eq!(
            (t.name, rest.as_str()),
            ("Quyết định", "Về việc ban hành Kế hoạch")
        );
        assert!(heading("KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ").is_none());
        assert!(heading("Kế hoạch số 04/KH-UBND").is_none());
        assert!(heading("THÔNG BÁOX").is_none());
        assert_eq!(
            heading("KẾ HOẠCHThực hiện công tác").map(|(_, r)| r),
            Some("Thực hiện công tác".to_string())
        );
    }
}
