//! Names of bodies and places in normal case (Phụ lục II): the type of a body and its field are
//! capitalised at their first letter ("Ủy ban nhân dân", "Sở Giáo dục và Đào tạo", "Phòng Văn hóa -
//! Xã hội"); an administrative unit's generic noun is lower case and its proper name capitalised
//! ("phường Sài Gòn", "tỉnh Lâm Đồng"), except units named after a number ("Quận 1") and the
//! special cases "Thành phố Hồ Chí Minh", "Thủ đô Hà Nội".
use kehoach_text::{capitalise, fold};

/// Types of bodies as the decree writes them, longest first where they share a beginning.
const BODY_TYPES: &[&str] = &[
    "ủy ban nhân dân",
    "ủy ban mặt trận tổ quốc việt nam",
    "hội đồng nhân dân",
    "ban chỉ đạo",
    "ban quản lý",
    "văn phòng",
    "trường mầm non",
    "trường tiểu học",
    "trường trung học cơ sở",
    "trường trung học phổ thông",
    "trường trung học cơ sở và trung học phổ thông",
    "trường tiểu học và trung học cơ sở",
    "trường phổ thông dân tộc nội trú",
    "trường",
    "trạm",
    "trung tâm",
    "đảng ủy",
    "công an",
    "sở",
    "phòng",
    "ban",
    "bộ",
    "cục",
    "chi cục",
    "viện",
    "bệnh viện",
];

/// Bodies followed by their field of work, each component of which is capitalised.
const FIELD_BODIES: &[&str] = &[
    "sở",
    "phòng",
    "ban",
    "bộ",
    "cục",
    "chi cục",
    "trung tâm",
    "trạm",
    "văn phòng",
];

/// Generic nouns of administrative units, longest first.
const UNITS: &[&str] = &[
    "thành phố",
    "thị xã",
    "thị trấn",
    "đặc khu",
    "tỉnh",
    "quận",
    "huyện",
    "phường",
    "xã",
];

/// Generic names of bodies as the decree writes them inside a sentence.
const COMMON_BODIES: &[&str] = &[
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Chỉ đạo",
    "Ủy ban Mặt trận Tổ quốc",
];

/// The first name in a sentence written in the wrong case ("Ủy Ban Nhân Dân", "ủy ban nhân dân",
/// "quận 1"), as a byte range.
pub fn miscapitalised(text: &str) -> Option<(usize, usize)> {
    let hay = kehoach_text::Haystack::new(text);
    for name in COMMON_BODIES {
        for (s, e) in hay.find_all(name) {
            let found = &text[s..e];
            if found != *name && !kehoach_text::is_caps(found) {
                return Some((s, e));
            }
        }
    }
    // A unit named after a number keeps its generic noun capitalised: "Quận 1", "Phường 5".
    let bytes = text.as_bytes();
    for generic in ["quận ", "phường "] {
        for (i, _) in text.match_indices(generic) {
            let after = i + generic.len();
            let word_start = i == 0 || !text[..i].ends_with(char::is_alphanumeric);
            if word_start && bytes.get(after).is_some_and(u8::is_ascii_digit) {
                return Some((i, after + 1));
            }
        }
    }
    None
}

/// Where a body's name printed in capitals breaks into two lines when it is too long for its
/// column: before the administrative unit ("ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ"), else after the type
/// of body ("SỞ GIÁO DỤC" … is kept whole). `None` when there is no such place.
pub fn break_name(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let at = (1..words.len())
        .rev()
        .find(|&i| longest(&lower, i, UNITS).is_some())
        .or_else(|| longest(&lower, 0, BODY_TYPES).filter(|&n| n < words.len()))?;
    Some((words[..at].join(" "), words[at..].join(" ")))
}

/// Titles of officials that may stand before a body's name.
const OFFICIALS: &[&str] = &[
    "giám đốc",
    "phó giám đốc",
    "chủ tịch",
    "phó chủ tịch",
    "hiệu trưởng",
    "thủ trưởng",
    "chánh văn phòng",
    "trưởng phòng",
    "bộ trưởng",
];

/// A name in normal case from any case ("ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN" → "Ủy ban nhân dân
/// phường Sài Gòn"; "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo"; "TRƯỜNG MẦM NON TUỔI
/// HỒNG" → "Trường mầm non Tuổi Hồng"). Abbreviations in capitals ("UBND", "THCS") stay.
pub fn normal_case(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // An official of a body ("Giám đốc Sở Giáo dục và Đào tạo …", as a plan may name its
    // decision's issuer): the title in normal case, then the body's name.
    if let Some(n) = longest(&lower, 0, OFFICIALS).filter(|&n| n < words.len()) {
        return format!(
            "{} {}",
            capitalise(&lower[..n].join(" ")),
            normal_case(&words[n..].join(" "))
        );
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    // The type of body, then its field.
    if let Some(n) = longest(&lower, 0, BODY_TYPES) {
        let body = lower[..n].join(" ");
        out.push(capitalise(&lower[0]));
        out.extend(lower[1..n].iter().cloned());
        i = n;
        if FIELD_BODIES.contains(&body.as_str()) {
            let mut start_component = true;
            // A field ends where an administrative unit starts ("… và Đào tạo tỉnh Lâm Đồng"), but
            // not right after a joining word ("Văn hóa - Xã hội").
            while i < lower.len() && (start_component || longest(&lower, i, UNITS).is_none()) {
                let w = &lower[i];
                if matches!(w.as_str(), "và" | "-" | "–" | ",") {
                    out.push(w.clone());
                    start_component = true;
                } else {
                    out.push(if start_component {
                        capitalise(w)
                    } else {
                        w.clone()
                    });
                    start_component = w.ends_with(',');
                }
                i += 1;
            }
        }
    }
    // Administrative units and proper names, possibly several ("xã Tân Phú, tỉnh Đồng Nai").
    while i < lower.len() {
        if let Some(n) = longest(&lower, i, UNITS) {
            let generic = lower[i..i + n].join(" ");
            let rest: Vec<&String> = lower[i + n..].iter().collect();
            let numbered = rest
                .first()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
            let special = generic == "thành phố"
                && rest.len() >= 3
                && rest[..3].iter().map(|s| s.as_str()).collect::<Vec<_>>()
                    == ["hồ", "chí", "minh"];
            if numbered || special {
                out.push(capitalise(&lower[i]));
                out.extend(lower[i + 1..i + n].iter().cloned());
            } else {
                out.extend(lower[i..i + n].iter().cloned());
            }
            i += n;
        } else if lower[i] == "thủ" && lower.get(i + 1).map(String::as_str) == Some("đô") {
            out.push("Thủ".into());
            out.push("đô".into());
            i += 2;
        } else {
            out.push(proper(words[i], &lower[i]));
            i += 1;
        }
    }
    out.join(" ")
}

/// A text printed in capitals ("CẢI CÁCH HÀNH CHÍNH NĂM 2028 CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO"), in
/// normal case, starting in lower case, as a citation quotes it: every word in lower case but
/// abbreviations ("CCHC") and the `names` the document itself writes (its issuer, its parent
/// body, and the body and the administrative unit each of them is made of: "Sở Giáo dục và Đào
/// tạo", "thành phố Đà Nẵng").
pub fn sentence_case(text: &str, names: &[String]) -> String {
    let mut out: String = text
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let abbreviation = (2..=6).contains(&letters)
                && !lower.chars().any(|c| "aeiouy".contains(c))
                && !kehoach_text::has_diacritics(&lower.replace('đ', "d"));
            if abbreviation || ABBREVIATIONS.contains(&w) {
                w.to_string()
            } else {
                lower
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut known: Vec<String> = COMMON_BODIES.iter().map(|b| b.to_string()).collect();
    for name in names {
        let words: Vec<&str> = name.split_whitespace().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        known.push(name.clone());
        for at in 1..words.len() {
            if longest(&lower, at, UNITS).is_some() {
                // The unit ("thành phố Đà Nẵng") and the body before it ("Sở Giáo dục và Đào tạo").
                known.push(words[at..].join(" "));
                known.push(words[..at].join(" "));
            }
        }
    }
    known.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in known {
        let found = kehoach_text::find_all(&out, &name);
        for (a, b) in found.into_iter().rev() {
            out.replace_range(a..b, &name);
        }
    }
    out
}

/// Abbreviations with a vowel, kept in capitals in a text made normal case.
const ABBREVIATIONS: &[&str] = &["UBND", "HĐND", "GDĐT", "BCĐ"];

/// A word of a proper name: capitalised; an abbreviation in capitals ("THCS", "ĐH") kept.
fn proper(original: &str, lower: &str) -> String {
    let letters = original.chars().filter(|c| c.is_alphabetic()).count();
    let is_abbr = (2..=5).contains(&letters)
        && original
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !kehoach_text::has_diacritics(original)
        && lower.chars().all(|c| !"aeiouy".contains(c));
    if is_abbr {
        original.to_string()
    } else {
        capitalise(lower)
    }
}

/// The number of words of the longest phrase of `table` that starts at word `at`.
fn longest(words: &[String], at: usize, table: &[&str]) -> Option<usize> {
    table
        .iter()
        .filter_map(|p| {
            let n = p.split(' ').count();
            let here = words.get(at..at + n)?.join(" ");
            let here = here.trim_end_matches(',');
            (here == *p).then_some(n)
        })
        .max()
}

/// What kind of body the unit is, by the first words of its name: "trường", "trạm", "trung
/// tâm", "bệnh viện", "phòng", "ủy ban", else "đơn vị".
pub fn kind_of(name: &str) -> &'static str {
    let f = fold(name.trim());
    [
        ("truong", "trường"),
        ("tram", "trạm"),
        ("trung tam", "trung tâm"),
        ("benh vien", "bệnh viện"),
        ("phong", "phòng"),
        ("uy ban nhan dan", "ủy ban"),
        ("ubnd", "ủy ban"),
    ]
    .into_iter()
    .find(|(k, _)| f.starts_with(k))
    .map_or("đơn vị", |(_, v)| v)
}

/// The level of the local government the unit is (a People's Committee) or is named after:
/// "phường", "xã", "đặc khu"; "xã" when the name says none.
pub fn level_of(name: &str) -> &'static str {
    let f = format!(" {} ", fold(name));
    [
        (" phuong ", "phường"),
        (" dac khu ", "đặc khu"),
        (" xa ", "xã"),
    ]
    .into_iter()
    .find(|(k, _)| f.contains(k))
    .map_or("xã", |(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_in_capitals_in_normal_case_with_its_names() {
        let names = [
            "Sở Giáo dục và Đào tạo".to_string(),
            "Ủy ban nhân dân phường An Khánh".to_string(),
        ];
        assert_eq!(
            sentence_case(
                "CẢI CÁCH HÀNH CHÍNH NĂM 2028 CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                &names
            ),
            "cải cách hành chính năm 2028 của Sở Giáo dục và Đào tạo"
        );
        assert_eq!(
            sentence_case(
                "THỰC HIỆN CÔNG TÁC CCHC TRÊN ĐỊA BÀN PHƯỜNG AN KHÁNH NĂM 2027",
                &names
            ),
            "thực hiện công tác CCHC trên địa bàn phường An Khánh năm 2027"
        );
        assert_eq!(
            sentence_case("KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN PHƯỜNG", &names),
            "kế hoạch của Ủy ban nhân dân phường"
        );
    }

    #[test]
    fn long_names_break_before_the_place() {
        assert_eq!(
            break_name("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
            Some(("ỦY BAN NHÂN DÂN".into(), "XÃ TÂN PHÚ".into()))
        );
        assert_eq!(
            break_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
            Some(("ỦY BAN NHÂN DÂN".into(), "THÀNH PHỐ HỒ CHÍ MINH".into()))
        );
        assert_eq!(
            break_name("TRƯỜNG MẦM NON TUỔI HỒNG"),
            Some(("TRƯỜNG MẦM NON".into(), "TUỔI HỒNG".into()))
        );
    }

    #[test]
    fn names_in_the_wrong_case_are_found() {
        assert!(miscapitalised("của Ủy Ban Nhân Dân Quận 1").is_some());
        assert!(miscapitalised("của quận 1 và").is_some());
        assert!(miscapitalised("của Ủy ban nhân dân Quận 1").is_none());
        assert!(miscapitalised("ỦY BAN NHÂN DÂN").is_none());
    }

    #[test]
    fn bodies_and_places_follow_phu_luc_ii() {
        for (caps, normal) in [
            ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1"),
            // An official of a body, as a plan's "(Ban hành kèm theo …)" line may name it.
            (
                "Giám đốc Sở Giáo dục và Đào tạo thành phố Cần Thơ",
                "Giám đốc Sở Giáo dục và Đào tạo thành phố Cần Thơ",
            ),
            (
                "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH",
                "Chủ tịch Ủy ban nhân dân xã Hưng Thịnh",
            ),
            (
                "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN",
                "Ủy ban nhân dân phường Sài Gòn",
            ),
            (
                "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH",
                "Ủy ban nhân dân xã Hưng Thịnh",
            ),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
                "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            ),
            (
                "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
                "Ủy ban nhân dân tỉnh Lâm Đồng",
            ),
            ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
            ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
            ("TRƯỜNG MẦM NON TUỔI HỒNG", "Trường mầm non Tuổi Hồng"),
            ("TRẠM Y TẾ PHƯỜNG TÂN ĐỊNH", "Trạm Y tế phường Tân Định"),
            (
                "ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC",
                "Ủy ban nhân dân đặc khu Phú Quốc",
            ),
            (
                "Ủy ban nhân dân phường sài gòn",
                "Ủy ban nhân dân phường Sài Gòn",
            ),
        ] {
            assert_eq!(normal_case(caps), normal, "{caps}");
        }
    }
}
