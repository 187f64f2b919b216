//! Where the name of a class of units ends. A parent names units by a noun and what qualifies
//! them ("các trung tâm y tế khu vực", "các đơn vị sự nghiệp công lập trong lĩnh vực giáo dục",
//! "các trường trực thuộc Sở", "các cơ quan, đơn vị trên địa bàn xã"): a rewording of the noun
//! takes the whole name, never its head alone ("Đơn vị khu vực kiện toàn …" was written).
use kehoach_parent::after_place;
use kehoach_text::Haystack;

/// Words that qualify a unit's noun without making it another kind of unit: what it is
/// ("công lập"), where it is, and whose it is.
const KINDS: &[&str] = &[
    "sự nghiệp công lập",
    "sự nghiệp",
    "công lập",
    "khu vực",
    // An organ's: "các phòng chức năng", "các phòng chuyên môn".
    "chuyên môn",
    "chức năng",
    "nghiệp vụ",
];

/// Fields a name may be limited to ("trong lĩnh vực giáo dục, y tế").
const FIELDS: &[&str] = &[
    "giáo dục và đào tạo",
    "giáo dục",
    "đào tạo",
    "y tế",
    "văn hóa",
    "thể thao",
    "du lịch",
    "lao động",
    "xã hội",
    "nông nghiệp",
    "khoa học",
    "công nghệ",
    "thông tin",
    "truyền thông",
];

/// The fields of departments besides those of units ("Sở Nội vụ", "Sở Tài chính").
const DEPARTMENTS: &[&str] = &[
    "nội vụ",
    "tài chính",
    "tư pháp",
    "xây dựng",
    "công thương",
    "nông nghiệp và môi trường",
    "văn hóa, thể thao và du lịch",
    "khoa học và công nghệ",
    "dân tộc và tôn giáo",
];

/// A People's Committee or an organ named after "thuộc": "thuộc Ủy ban nhân dân huyện",
/// "trực thuộc Sở", "thuộc xã".
fn owner_end(rest: &str) -> usize {
    let t = rest.trim_start();
    let lead = rest.len() - t.len();
    // A department by its field: "Sở Y tế", "Sở Giáo dục và Đào tạo" (only the first word of
    // each is capitalised, so its name is not a run of capitals).
    if let Some(field) = t.strip_prefix("Sở ") {
        let h = Haystack::new(field);
        if let Some(e) = FIELDS
            .iter()
            .chain(DEPARTMENTS)
            .filter_map(|f| h.prefix(f))
            .max()
        {
            return lead + "Sở ".len() + e;
        }
    }
    let body = ["Ủy ban nhân dân", "UBND"]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .unwrap_or(t);
    let after = after_place(body);
    if after.len() < body.len() || body.len() < t.len() {
        lead + t.len() - after.len()
    } else {
        0
    }
}

/// Whether a text opens with a place's noun ("xã Tân An", "phường").
fn opens_with_place(text: &str) -> bool {
    let h = Haystack::new(text.trim_start());
    [
        "xã",
        "phường",
        "đặc khu",
        "thị trấn",
        "tỉnh",
        "thành phố",
        "quận",
        "huyện",
    ]
    .iter()
    .any(|p| h.prefix(p).is_some())
}

/// The end of a unit's name that `end` (the end of its noun) is in, with what qualifies it:
/// its kind, its field, its place and the body it belongs to.
pub(crate) fn name_end(text: &str, end: usize) -> usize {
    let mut at = end;
    // A name that ends in its qualifier ("các đơn vị trực thuộc") goes on with its owner.
    if text[..end].ends_with(" trực thuộc") || text[..end].ends_with(" thuộc") {
        at += owner_end(&text[end..]);
    }
    'more: loop {
        let rest = &text[at..];
        // An organ's kinds in a row: "các phòng chuyên môn, nghiệp vụ".
        const ORGAN_KINDS: [&str; 3] = ["chuyên môn", "nghiệp vụ", "chức năng"];
        if ORGAN_KINDS.iter().any(|k| text[..at].ends_with(k)) {
            let next = Haystack::new(rest.strip_prefix(", ").unwrap_or(""));
            if let Some(e) = ORGAN_KINDS.iter().filter_map(|k| next.prefix(k)).max() {
                at += 2 + e;
                continue;
            }
        }
        let Some(r) = rest.strip_prefix(' ') else {
            return at;
        };
        let hay = Haystack::new(r);
        // What kind of unit, with its place if it has one ("khu vực Hậu Lộc").
        if let Some(e) = KINDS.iter().filter_map(|k| hay.prefix(k)).max() {
            at += 1 + e;
            // Its field right after ("sự nghiệp công lập giáo dục"; not after the noun alone:
            // "Nhà trường giáo dục …" is a verb).
            let field = Haystack::new(text[at..].strip_prefix(' ').unwrap_or(""));
            if let Some(f) = FIELDS.iter().filter_map(|f| field.prefix(f)).max() {
                at += 1 + f;
            }
            at = text.len() - after_place(&text[at..]).len();
            continue;
        }
        // Whose: "trực thuộc" alone or with its body; "thuộc" only with one ("thuộc thẩm
        // quyền" is no owner).
        if let Some(e) = hay.prefix("trực thuộc") {
            at += 1 + e;
            at += owner_end(&text[at..]);
            continue;
        }
        for q in ["thuộc", "trên địa bàn", "tại"] {
            if let Some(e) = hay.prefix(q) {
                let after = &r[e..];
                let owner = if q == "tại" && !opens_with_place(after) {
                    0
                } else {
                    owner_end(after)
                };
                // ("trên địa bàn" qualifies whatever follows: "… trên địa bàn rà soát …")
                let bare = q == "trên địa bàn";
                if owner > 0 || bare {
                    at += 1 + e + owner;
                    continue 'more;
                }
            }
        }
        // What field: "trong lĩnh vực giáo dục, y tế".
        if let Some(e) = hay.prefix("trong lĩnh vực") {
            let mut f_at = at + 1 + e;
            let mut took = false;
            loop {
                let fr = &text[f_at..];
                let sep = [" và ", ", ", " "]
                    .iter()
                    .find(|s| fr.starts_with(**s) && (took || **s == " "));
                let Some(sep) = sep else { break };
                let h = Haystack::new(&fr[sep.len()..]);
                let Some(fe) = FIELDS.iter().filter_map(|f| h.prefix(f)).max() else {
                    break;
                };
                f_at += sep.len() + fe;
                took = true;
            }
            if took {
                at = f_at;
                continue;
            }
        }
        return at;
    }
}

#[cfg(test)]
mod tests {
    use super::name_end;

    fn rest(text: &str, noun: &str) -> String {
        let end = text.find(noun).unwrap() + noun.len();
        text[name_end(text, end)..].to_string()
    }

    #[test]
    fn a_name_is_taken_with_what_qualifies_it() {
        for (text, noun, left) in [
            (
                "Các trung tâm y tế khu vực kiện toàn các khoa",
                "trung tâm y tế",
                " kiện toàn các khoa",
            ),
            (
                "Các bệnh viện, trung tâm y tế khu vực và đơn vị sự nghiệp trực thuộc Sở:",
                "trung tâm y tế",
                " và đơn vị sự nghiệp trực thuộc Sở:",
            ),
            (
                "Các đơn vị sự nghiệp công lập trong lĩnh vực giáo dục, y tế khảo sát sự hài lòng",
                "Các đơn vị",
                " khảo sát sự hài lòng",
            ),
            (
                "các trường trung học phổ thông, cơ sở y tế trực thuộc thực hiện nhiệm vụ",
                "cơ sở y tế",
                " thực hiện nhiệm vụ",
            ),
            (
                "Các đơn vị thuộc Ủy ban nhân dân xã Tân An rà soát",
                "Các đơn vị",
                " rà soát",
            ),
            (
                "Các đơn vị trực thuộc Sở Y tế thực hiện",
                "Các đơn vị",
                " thực hiện",
            ),
            (
                "Các trường học thuộc Sở Giáo dục và Đào tạo triển khai",
                "Các trường học",
                " triển khai",
            ),
            (
                "Các cơ quan, đơn vị trên địa bàn xã triển khai",
                "đơn vị",
                " triển khai",
            ),
            // Not an owner: the work itself.
            (
                "Các đơn vị giải quyết hồ sơ thuộc thẩm quyền",
                "Các đơn vị",
                " giải quyết hồ sơ thuộc thẩm quyền",
            ),
            (
                "Các đơn vị thông tin truyền thông trực thuộc quận tiếp tục duy trì",
                "Các đơn vị",
                " thông tin truyền thông trực thuộc quận tiếp tục duy trì",
            ),
        ] {
            assert_eq!(rest(text, noun), left, "{text}");
        }
    }
}
