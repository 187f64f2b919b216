//! The parent body as its plan shows it: its level (a province or centrally-run city, a
//! department, a commune/ward/special zone, a former district, a division), its name and place,
//! and the phrases that speak of its own territory and organs ("của xã", "trên địa bàn phường",
//! "ngân sách xã", "cấp xã", "xã Hưng Thịnh").
use kehoach_model::Plan;
use kehoach_nd30::names;
use kehoach_text::fold;

/// Where the parent stands in the two-tier local government (and before July 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Tỉnh, thành phố trực thuộc trung ương.
    Province,
    /// Sở, ban, ngành of a province.
    Department,
    /// Xã, phường, đặc khu (thị trấn before 2025).
    Commune,
    /// Quận, huyện, thị xã — abolished on 1 July 2025.
    District,
    /// A division (phòng) of a People's Committee or department.
    Division,
    Unknown,
}

/// What the adaptation and the checker know of the parent.
#[derive(Debug, Clone)]
pub struct ParentProfile {
    pub level: Level,
    /// The issuing body in normal case: "Ủy ban nhân dân xã Hưng Thịnh".
    pub body: String,
    /// The generic noun of its territory: "xã", "phường", "huyện", "tỉnh", "Sở".
    pub unit_word: String,
    /// The noun its plan names its territory with ("trên địa bàn tỉnh"): its own level's, a
    /// Sở's the province's (the body above it), empty when none is named.
    pub territory: String,
    /// Its place: "xã Hưng Thịnh", "Quận 1".
    pub place: String,
    /// Phrases that speak of the parent's own territory and organs: "của xã", "ngân sách xã",
    /// "cấp xã", "trên địa bàn xã" …
    pub strong_scope: Vec<String>,
    /// … and weaker ones: its place, "thuộc xã".
    pub scope: Vec<String>,
    /// Its reform areas: the numbered headings of its tasks ("Cải cách thể chế", …) — six
    /// under Nghị quyết 76/NQ-CP, eight in District 1's 2024 plan.
    pub areas: Vec<String>,
}

impl ParentProfile {
    /// Every phrase of the parent's own scope to look for in a unit's plan: its budget, staff,
    /// government and territory ("ngân sách xã", "của xã", "trên địa bàn", "của phường Sài
    /// Gòn"). Its bare name is not among them: a unit names its parent as the one it reports to.
    pub fn flag_phrases(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .strong_scope
            .iter()
            .chain(&self.scope)
            .filter(|p| **p != self.place)
            .cloned()
            .collect();
        if !self.place.is_empty() {
            let place = &self.place;
            out.extend([
                format!("của {place}"),
                format!("tại {place}"),
                format!("thuộc {place}"),
            ]);
        }
        out.push("trên địa bàn".into());
        out.sort();
        out.dedup();
        out
    }

    /// Learns the profile from a parent plan's header.
    pub fn of(plan: &Plan) -> ParentProfile {
        let issuer = plan.header.issuer.trim();
        let body = names::normal_case(issuer);
        let f = fold(issuer);
        let (level, mut unit_word) = level_of(&f);
        let mut place = place_of(&body).unwrap_or_default();
        // A division's territory is its People's Committee's: "Phòng Văn hóa - Xã hội" under
        // "Ủy ban nhân dân phường Hòa Hưng" speaks of "phường", "phường Hòa Hưng".
        if level == Level::Division {
            if let Some(above) = plan.header.parent_body.as_deref() {
                let above = names::normal_case(above);
                unit_word = level_of(&fold(&above)).1;
                place = place_of(&above).unwrap_or_default();
            }
        }
        let territory = match level {
            Level::Department => plan
                .header
                .parent_body
                .as_deref()
                .map(|above| level_of(&fold(above)).1)
                .unwrap_or_default(),
            _ => unit_word.clone(),
        };
        let w = unit_word.as_str();
        let mut strong_scope = Vec::new();
        let mut scope = Vec::new();
        if !w.is_empty() {
            strong_scope = vec![
                format!("ngân sách {w}"),
                format!("cấp {w}"),
                format!("tại Ủy ban nhân dân {w}"),
                format!("tại UBND {w}"),
                format!("tại cấp {w}"),
                format!("công chức {w}"),
                format!("cán bộ, công chức {w}"),
                format!("của Ủy ban nhân dân {w}"),
                format!("của UBND {w}"),
            ];
            scope = vec![
                format!("của {w}"),
                format!("trên địa bàn {w}"),
                format!("thuộc {w}"),
                format!("thuộc Ủy ban nhân dân {w}"),
                // The parent's leaders as the ones who act ("điều hành nội bộ của lãnh đạo quận").
                format!("lãnh đạo {w}"),
            ];
        }
        if !place.is_empty() {
            scope.push(place.clone());
            // The parent's own government and its image: "chính quyền phường Sài Gòn", "nền
            // hành chính đặc khu Phú Quốc", "phường Bến Thành trở thành phường kiểu mẫu".
            strong_scope.extend([
                format!("chính quyền {place}"),
                format!("nền hành chính {place}"),
                format!("{place} trở thành"),
            ]);
        }
        if !w.is_empty() {
            strong_scope.extend([format!("chính quyền {w}"), format!("nền hành chính {w}")]);
        }
        // A department's field is its province's territory: "trên địa bàn tỉnh", "toàn tỉnh",
        // "hệ thống … y tế tỉnh Đồng Nai" are the department's, not a school's or a station's.
        if level == Level::Department {
            if let Some(above) = plan.header.parent_body.as_deref() {
                let above = names::normal_case(above);
                let word = level_of(&fold(&above)).1;
                if !word.is_empty() {
                    strong_scope.extend([
                        format!("trên địa bàn {word}"),
                        format!("toàn {word}"),
                        format!("của {word}"),
                    ]);
                }
                if let Some(p) = place_of(&above) {
                    strong_scope.push(p);
                }
                // Advising the province and submitting to it is the department's office.
                strong_scope.extend([
                    format!("tham mưu {above}"),
                    format!("trình {above}"),
                    format!("tham mưu Ủy ban nhân dân {word}"),
                    format!("trình Ủy ban nhân dân {word}"),
                ]);
            }
        }
        let areas = plan
            .part(kehoach_model::Topic::NhiemVu)
            .map(|p| {
                p.items
                    .iter()
                    .filter(|i| i.kind == kehoach_model::ItemKind::Numbered && !i.items.is_empty())
                    .map(|i| i.text.trim_end_matches([':', '.']).to_string())
                    .collect()
            })
            .unwrap_or_default();
        ParentProfile {
            level,
            body,
            unit_word,
            territory,
            place,
            strong_scope,
            scope,
            areas,
        }
    }
}

fn level_of(f: &str) -> (Level, String) {
    let has = |w: &str| {
        f.split_whitespace()
            .collect::<Vec<_>>()
            .windows(w.split(' ').count())
            .any(|x| x.join(" ") == w)
    };
    if f.starts_with("so ") {
        return (Level::Department, "Sở".into());
    }
    if f.starts_with("phong ") {
        return (Level::Division, "phòng".into());
    }
    for (w, word, level) in [
        ("dac khu", "đặc khu", Level::Commune),
        ("thi tran", "thị trấn", Level::Commune),
        ("phuong", "phường", Level::Commune),
        ("thi xa", "thị xã", Level::District),
        ("xa", "xã", Level::Commune),
        ("quan", "quận", Level::District),
        ("huyen", "huyện", Level::District),
        ("thanh pho", "thành phố", Level::Province),
        ("tinh", "tỉnh", Level::Province),
    ] {
        if has(w) {
            return (level, word.into());
        }
    }
    (Level::Unknown, String::new())
}

/// The text after a place at its start ("xã", " phường Sài Gòn", " Quận 1"): the generic noun,
/// then the capitalised words and numbers of its name; what follows is left as it stands.
pub fn after_place(text: &str) -> &str {
    let t = text.trim_start();
    let nouns = [
        "xã",
        "phường",
        "tỉnh",
        "thành phố",
        "quận",
        "huyện",
        "đặc khu",
        "thị trấn",
    ];
    let mut rest = nouns
        .iter()
        .find(|n| {
            t.strip_prefix(**n)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', ';', '.', ':']))
        })
        .map_or(text, |n| &t[n.len()..]);
    // A proper name: capitalised words and numbers.
    loop {
        let t = rest.trim_start();
        let Some(w) = t.split_whitespace().next() else {
            break;
        };
        let w = w.trim_end_matches([',', ';', '.', ':']);
        if !w.is_empty()
            && w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            rest = &t[w.len()..];
        } else {
            break;
        }
    }
    rest
}

/// The place in a body's name ("Ủy ban nhân dân Quận 1" → "Quận 1").
pub fn place_of(body: &str) -> Option<String> {
    let f = fold(body);
    [
        "thanh pho ",
        "tinh ",
        "quan ",
        "huyen ",
        "thi xa ",
        "phuong ",
        "xa ",
        "dac khu ",
        "thi tran ",
    ]
    .iter()
    .filter_map(|k| {
        f.match_indices(k)
            .find(|(at, _)| *at == 0 || f[..*at].ends_with(' '))
            .map(|(at, _)| at)
    })
    .min()
    .map(|at| kehoach_text::prefix_of_folded(body, &f, at))
    .map(|before| body[before.len()..].trim().to_string())
    .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_model::Plan;

    #[test]
    fn after_a_place_its_name_is_skipped_and_nothing_else() {
        assert_eq!(after_place(" phường Sài Gòn: thực hiện"), ": thực hiện");
        assert_eq!(after_place(" xã, các ấp"), ", các ấp");
        assert_eq!(after_place(" Quận 1 và"), " và");
        assert_eq!(after_place(" thẩm quyền"), " thẩm quyền");
    }

    fn of(issuer: &str) -> ParentProfile {
        let mut plan = Plan::default();
        plan.header.issuer = issuer.into();
        ParentProfile::of(&plan)
    }

    #[test]
    fn levels_and_places_of_any_parent() {
        let p = of("ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
        assert_eq!(p.level, Level::Commune);
        assert_eq!(p.place, "xã Hưng Thịnh");
        assert!(p.strong_scope.contains(&"ngân sách xã".to_string()));
        // Its leaders acting are the commune's work, pointed out in a school's plan.
        assert!(p.flag_phrases().contains(&"lãnh đạo xã".to_string()));
        assert_eq!(of("ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN").unit_word, "phường");
        assert_eq!(of("ỦY BAN NHÂN DÂN QUẬN 1").place, "Quận 1");
        assert_eq!(of("ỦY BAN NHÂN DÂN QUẬN 1").level, Level::District);
        assert_eq!(of("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG").level, Level::Province);
        assert_eq!(of("SỞ GIÁO DỤC VÀ ĐÀO TẠO").level, Level::Department);
        assert_eq!(
            of("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC").place,
            "đặc khu Phú Quốc"
        );
        assert_eq!(
            of("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH").level,
            Level::Province
        );
        let mut plan = Plan::default();
        plan.header.issuer = "PHÒNG VĂN HÓA - XÃ HỘI".into();
        plan.header.parent_body = Some("ỦY BAN NHÂN DÂN PHƯỜNG HÒA HƯNG".into());
        let p = ParentProfile::of(&plan);
        assert_eq!(p.level, Level::Division);
        assert_eq!(p.body, "Phòng Văn hóa - Xã hội");
        assert_eq!(
            (p.unit_word.as_str(), p.place.as_str()),
            ("phường", "phường Hòa Hưng")
        );
        let q1 = ParentProfile::of(&kehoach_import::builtin("quan1-2024").unwrap());
        assert_eq!(q1.areas.len(), 8, "{:?}", q1.areas);
        assert_eq!(q1.areas[1], "Công tác cải cách thể chế");
    }
}
