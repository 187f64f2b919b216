//! The judge on sentences of real plans.
use super::*;
use crate::preset::Preset;
use kehoach_model::Plan;
use kehoach_parent::ParentProfile;

fn judge(preset: &str, issuer: &str) -> Judge {
    let mut plan = Plan::default();
    plan.header.issuer = issuer.into();
    Judge::new(
        &Preset::builtin(preset).unwrap(),
        &ParentProfile::of(&plan),
        "",
    )
}

#[test]
fn reports_to_the_parent_are_the_units_own() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH");
    let v = j.judge("Báo cáo kết quả thực hiện CCHC định kỳ về Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND phường) trước ngày 15 của tháng cuối kỳ.", Above::Nothing);
    assert_eq!(v.verdict, Verdict::Keep, "{}", v.reason);
}

#[test]
fn the_parents_organs_and_territory_are_its_own() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
    for text in [
        "Phòng Văn hóa - Xã hội: chủ trì tham mưu công tác thông tin, tuyên truyền cải cách hành chính.",
        "Kiện toàn tổ chức, hoạt động của các ấp trên địa bàn xã.",
        "Phối hợp với Công an xã triển khai Đề án 06.",
    ] {
        assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Drop, "{text}");
    }
}

#[test]
fn guidance_is_the_units_work_unless_an_organ_gives_it() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
    let text = "Hướng dẫn, kiểm tra các trường học thực hiện tự chủ tài chính.";
    assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Keep);
    assert_eq!(j.judge(text, Above::Others).verdict, Verdict::Drop);
    let organ = "Phòng Văn hóa - Xã hội hướng dẫn các trường học thực hiện tự chủ tài chính.";
    assert_eq!(j.judge(organ, Above::Nothing).verdict, Verdict::Drop);
}

#[test]
fn work_given_to_the_units_is_theirs() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH");
    for text in [
        "Chủ tịch Ủy ban nhân dân xã chỉ đạo các phòng chuyên môn, các trường học, Trạm Y tế xã xây dựng và ban hành kế hoạch.",
        "Các đơn vị sự nghiệp công lập chủ động bố trí kinh phí từ nguồn được giao tự chủ.",
        "100% văn bản đi của Ủy ban nhân dân xã và các đơn vị được ký số.",
    ] {
        assert_eq!(j.judge(text, Above::Nothing).verdict, Verdict::Keep, "{text}");
    }
}

#[test]
fn units_that_guide_keep_their_verb() {
    let j = judge("thpt", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    let t = "Các đơn vị trực thuộc hướng dẫn học sinh, cha mẹ học sinh nộp hồ sơ trên Cổng Dịch vụ công quốc gia.";
    assert_eq!(
        j.own_wording(t, "Nhà trường", "Hiệu trưởng").as_deref(),
        Some("Nhà trường hướng dẫn học sinh, cha mẹ học sinh nộp hồ sơ trên Cổng Dịch vụ công quốc gia.")
    );
}

#[test]
fn a_heading_naming_schools_and_gdnn_gdtx_centres_is_the_schools() {
    let j = judge("thpt", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    assert_eq!(
        j.own_wording(
            "Các trường trung học phổ thông, trung tâm GDNN-GDTX",
            "Nhà trường",
            "Hiệu trưởng"
        )
        .as_deref(),
        Some("Nhà trường")
    );
}

#[test]
fn public_service_units_named_as_who_acts_become_the_unit_whole() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ");
    for (text, want) in [
        (
            "Các phòng chuyên môn, đơn vị sự nghiệp công lập xây dựng kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị trong tháng 01 năm 2026.",
            "Nhà trường xây dựng kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị trong tháng 01 năm 2026.",
        ),
        (
            "Các đơn vị sự nghiệp công lập thuộc xã thực hiện tự chủ tài chính; xây dựng quy chế chi tiêu nội bộ.",
            "Nhà trường thực hiện tự chủ tài chính; xây dựng quy chế chi tiêu nội bộ.",
        ),
    ] {
        assert_eq!(j.own_wording(text, "Nhà trường", "Hiệu trưởng").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_list_of_units_read_only_in_part_gives_no_task() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI");
    let text = "Chủ tịch Ủy ban nhân dân huyện chỉ đạo Thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân 21 xã, thị trấn tập trung thực hiện các nội dung sau:";
    let got = j.own_wording(text, "Nhà trường", "Hiệu trưởng");
    assert!(
        got.as_deref().is_none_or(|t| !t.starts_with("Thị trấn")),
        "{got:?}"
    );
}

#[test]
fn points_under_a_heading_addressed_to_others_are_theirs() {
    let j = judge("thpt", "ỦY BAN NHÂN DÂN TỈNH GIA LAI");
    let head = j.judge("Ủy ban nhân dân các xã, phường:", Above::Nothing);
    assert!(head.by_actor && head.by_organ, "{head:?}");
    let text = "Cập nhật thường xuyên trang thông tin điện tử của xã, phường, công khai thủ tục hành chính.";
    let v = j.judge(text, Above::Others);
    assert_eq!(v.verdict, Verdict::Drop, "{}", v.reason);
}

/// Generated: every way a parent names units like this one, with what qualifies them, before
/// work worded with verbs the lexicon knows and verbs it does not. A qualified name is taken
/// whole ("Các trung tâm y tế khu vực kiện toàn …" → "Đơn vị kiện toàn …"); the head of a
/// longer name of other units is not the unit ("Các đơn vị thông tin truyền thông trực thuộc
/// quận …" is never "Nhà trường thông tin truyền thông …").
#[test]
fn a_units_name_is_reworded_whole_or_not_at_all() {
    let predicates = [
        "kiện toàn tổ chức bộ máy, sắp xếp viên chức theo vị trí việc làm.",
        "tiếp tục duy trì chuyên mục cải cách hành chính trên trang thông tin điện tử.",
        "thực hiện cơ chế tự chủ tài chính theo quy định.",
        "rà soát, cập nhật quy chế chi tiêu nội bộ.",
    ];
    let qualifiers = [
        "khu vực",
        "trực thuộc",
        "trực thuộc Sở",
        "thuộc Ủy ban nhân dân xã Tân An",
        "trực thuộc Sở Y tế",
        "thuộc Sở Giáo dục và Đào tạo",
        "trên địa bàn xã",
        "trên địa bàn",
        "trong lĩnh vực giáo dục, y tế",
        "công lập",
    ];
    let longer = [
        "thông tin truyền thông trực thuộc quận",
        "văn hóa thể thao thuộc xã",
        "dịch vụ công ích trực thuộc Ủy ban nhân dân phường",
        "quản lý dự án thuộc Sở",
    ];
    for (preset, issuer, subject, nouns) in [
        (
            "mam-non",
            "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH",
            "Nhà trường",
            &[
                "Các trường học",
                "Các cơ sở giáo dục",
                "Các cơ quan, đơn vị",
                "Các đơn vị",
            ][..],
        ),
        (
            "y-te",
            "SỞ Y TẾ TỈNH THANH HÓA",
            "Đơn vị",
            &[
                "Các trung tâm y tế",
                "Các bệnh viện, trung tâm y tế",
                "Các cơ sở y tế",
            ][..],
        ),
    ] {
        let j = judge(preset, issuer);
        for noun in nouns {
            for p in predicates {
                let whole = format!("{subject} {p}");
                let bare = format!("{noun} {p}");
                assert_eq!(
                    j.own_wording(&bare, subject, "Hiệu trưởng"),
                    Some(whole.clone())
                );
                for q in qualifiers {
                    let text = format!("{noun} {q} {p}");
                    let got = j.own_wording(&text, subject, "Hiệu trưởng");
                    assert_eq!(got.as_ref(), Some(&whole), "{text}");
                }
                for l in longer {
                    let text = format!("{noun} {l} {p}");
                    let got = j.own_wording(&text, subject, "Hiệu trưởng");
                    // (A list that names units like this one before the longer name still
                    // gives them the work: "Các bệnh viện, trung tâm y tế …".)
                    if noun.contains(',') {
                        assert!(
                            got.is_none() || got == Some(whole.clone()),
                            "{text}: {got:?}"
                        );
                    } else {
                        assert_eq!(got, None, "{text}");
                    }
                    // … and the judge reads other units as who acts.
                    let why = j.judge(&text, Above::Nothing).reason;
                    assert!(
                        !why.contains(&format!("giao cho {}", noun.to_lowercase()))
                            || why.contains(l),
                        "{text}: {why}"
                    );
                }
            }
        }
    }
}

/// A list of all the parent's subordinates by title gives each of them the task; a list that
/// also names one of the parent's own organs does not give it to the unit.
#[test]
fn a_titled_list_of_subordinates_gives_the_task_unless_it_names_an_organ() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN TỈNH GIA LAI");
    // (By any head's title: "Người đứng đầu các sở, ban, ngành, …" too.)
    for title in ["Thủ trưởng", "Người đứng đầu", "Lãnh đạo", "Giám đốc"] {
        let all = format!("{title} các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường ban hành kế hoạch cải cách hành chính năm 2027 của cơ quan, địa phương.");
        assert_eq!(
            j.own_wording(&all, "Nhà trường", "Hiệu trưởng").as_deref(),
            Some("Ban hành kế hoạch cải cách hành chính năm 2027 của cơ quan, địa phương."),
            "{all}"
        );
    }
    let organ = "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường và Văn phòng Ủy ban nhân dân tỉnh tham mưu tổng kết công tác cải cách hành chính.";
    let got = j.own_wording(organ, "Nhà trường", "Hiệu trưởng");
    assert!(
        got.as_deref().is_none_or(|t| !t.starts_with("Tham mưu")),
        "{got:?}"
    );
}

/// Schools of other levels than this one are other units, whether the item gives them the work
/// ("Các trường tiểu học, trung học cơ sở cấp bản sao học bạ …") or names them or their grades
/// as its place ("… tại các trường mầm non", "tuyển sinh vào lớp 1 và lớp 6"); an item naming
/// this level too stays the school's.
#[test]
fn schools_of_other_levels_are_other_units() {
    // (level's preset, how an item names that level's schools, one of its grades)
    let levels = [
        ("mam-non", "mầm non", "nhóm trẻ"),
        ("tieu-hoc", "tiểu học", "lớp 1"),
        ("thcs", "trung học cơ sở", "lớp 6"),
        ("thpt", "trung học phổ thông", "lớp 10"),
    ];
    let work = [
        ("Các trường {o} cấp bản sao học bạ, giấy xác nhận đúng thời hạn; quản lý sổ gốc theo quy định.", "Các trường {o} và {u} cấp bản sao học bạ đúng thời hạn."),
        ("Sử dụng phần mềm quản lý bán trú, xây dựng khẩu phần ăn tại các trường {o};", "Sử dụng phần mềm quản lý bán trú tại các trường {u}, {o};"),
        ("Tổ chức tuyển sinh trực tuyến vào {g} năm học 2027 - 2028; công khai chỉ tiêu tuyển sinh.", "Tổ chức tuyển sinh trực tuyến vào {g} và {h} năm học 2027 - 2028."),
    ];
    for (preset, own, own_grade) in levels {
        let j = judge(preset, "ỦY BAN NHÂN DÂN XÃ TAM NÔNG");
        for (other_preset, other, grade) in levels {
            if other_preset == preset || (grade == "nhóm trẻ") {
                continue;
            }
            for (theirs, shared) in work {
                let fill = |t: &str| {
                    t.replace("{o}", other)
                        .replace("{u}", own)
                        .replace("{g}", grade)
                        .replace("{h}", own_grade)
                };
                if own_grade == "nhóm trẻ" && shared.contains("{h}") {
                    continue;
                }
                let v = j.judge(&fill(theirs), Above::Units);
                assert_eq!(
                    v.verdict,
                    Verdict::Drop,
                    "{preset}: {} — {}",
                    fill(theirs),
                    v.reason
                );
                let v = j.judge(&fill(shared), Above::Units);
                assert_eq!(
                    v.verdict,
                    Verdict::Keep,
                    "{preset}: {} — {}",
                    fill(shared),
                    v.reason
                );
            }
        }
    }
}

/// The parent naming itself without its place ("Ủy ban nhân dân xã tập trung chỉ đạo …") is the
/// parent directing: the unit's words keep only the work, whatever adverb stands before the
/// verb, for a commune's, a ward's and a province's plan.
#[test]
fn the_parent_by_its_generic_name_directs() {
    for (issuer, word) in [
        ("ỦY BAN NHÂN DÂN XÃ TAM NÔNG", "xã"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU", "phường"),
        ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "tỉnh"),
    ] {
        let j = judge("mam-non", issuer);
        for name in ["Ủy ban nhân dân", "UBND"] {
            for adverb in ["", "tập trung ", "tiếp tục ", "thường xuyên "] {
                let text = format!(
                    "{name} {word} {adverb}chỉ đạo các cơ quan, đơn vị thực hiện đồng bộ các nội dung sau:"
                );
                assert_eq!(
                    j.own_wording(&text, "Nhà trường", "Hiệu trưởng").as_deref(),
                    Some("Thực hiện đồng bộ các nội dung sau:"),
                    "{text}"
                );
            }
        }
    }
}

/// A target over every unit like this one is the unit's own; not one over a longer name or
/// over other kinds of unit too.
#[test]
fn a_target_over_every_unit_is_the_units_own() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ TAM NÔNG");
    let own = |t: &str| j.own_wording(t, "Nhà trường", "Hiệu trưởng");
    assert_eq!(
        own("100% cơ quan, đơn vị thuộc xã sử dụng phần mềm quản lý văn bản và điều hành; 100% văn bản đi được ký số.").as_deref(),
        Some("Nhà trường sử dụng phần mềm quản lý văn bản và điều hành; 100% văn bản đi được ký số.")
    );
    assert_eq!(
        own("100% trường mầm non, tiểu học, trung học cơ sở thu học phí bằng phương thức không dùng tiền mặt.").as_deref(),
        Some("Nhà trường thu học phí bằng phương thức không dùng tiền mặt.")
    );
    for t in [
        "100% các cơ quan, đơn vị thuộc phạm vi quản lý của Quận 1 được giao quản lý tài sản đều xây dựng quy chế.",
        "100% cơ quan, đơn vị, trường học và Trạm Y tế xã thực hiện ký số văn bản đi.",
        "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
    ] {
        assert_eq!(own(t), None, "{t}");
    }
}

/// A point addressed to people of the parent's territory by title ("Trưởng các khu dân cư:",
/// "Các tổ dân phố:") is theirs; a topic before a colon is no addressee.
#[test]
fn the_parents_territory_addressed_is_not_the_unit() {
    let j = judge("mam-non", "ỦY BAN NHÂN DÂN XÃ TAM NÔNG");
    for who in [
        "Trưởng các khu dân cư",
        "Các tổ dân phố",
        "Trưởng các thôn, ấp",
    ] {
        let text = format!("{who}: tuyên truyền, vận động thực hiện thủ tục hành chính trên môi trường điện tử; phản ánh kịp thời vướng mắc.");
        assert_eq!(
            j.judge(&text, Above::Nothing).verdict,
            Verdict::Drop,
            "{text}"
        );
    }
    let topic =
        "Về giải quyết thủ tục hành chính: 100% hồ sơ trễ hạn được thông báo xin lỗi bằng văn bản.";
    assert_eq!(j.actor(topic), None);
}

/// Heads addressed by one title over the parent's divisions and units like this one ("Người
/// đứng đầu các phòng, chi cục, đơn vị trực thuộc Sở chịu trách nhiệm …") give the unit's head
/// the duty, for a unit and for a division; the parent's divisions alone after a title
/// ("Trưởng các phòng thuộc Sở căn cứ …") do not, to a unit.
#[test]
fn heads_of_a_list_with_units_like_this_one_are_its_head() {
    let text = "Người đứng đầu các phòng, chi cục, đơn vị trực thuộc Sở chịu trách nhiệm trước Giám đốc Sở về kết quả cải cách hành chính trong phạm vi quản lý.";
    for preset in ["y-te", "phong-ban"] {
        let j = judge(preset, "SỞ Y TẾ TỈNH THANH HÓA");
        let v = j.judge(text, Above::Nothing);
        assert_eq!(v.verdict, Verdict::Keep, "{preset}: {}", v.reason);
    }
    let j = judge("y-te", "SỞ Y TẾ TỈNH THANH HÓA");
    let divisions = "Trưởng các phòng thuộc Sở căn cứ chức năng, nhiệm vụ tham mưu Giám đốc Sở triển khai các nhiệm vụ cải cách hành chính.";
    assert_eq!(j.judge(divisions, Above::Nothing).verdict, Verdict::Drop);
}

/// Heads of the parent's organs named by their kind ("Trưởng các phòng chức năng", "… chuyên
/// môn, nghiệp vụ") beside the heads of units like this one: the work is the unit's head's, in
/// its words (kept, or asked about); the organs' heads alone, never the unit's.
#[test]
fn heads_of_the_parents_organs_beside_the_units_heads() {
    for (preset, issuer, head) in [
        ("y-te", "SỞ Y TẾ TỈNH BẮC NINH", "Giám đốc"),
        (
            "thpt",
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH KHÁNH HÒA",
            "Hiệu trưởng",
        ),
        ("mam-non", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH", "Hiệu trưởng"),
    ] {
        let j = judge(preset, issuer);
        let work = "trực tiếp chỉ đạo và chịu trách nhiệm về kết quả cải cách hành chính trong phạm vi phụ trách.";
        for organs in [
            "Trưởng các phòng chức năng",
            "Trưởng các phòng chuyên môn",
            "Trưởng các phòng chuyên môn, nghiệp vụ",
            "Trưởng các phòng nghiệp vụ",
        ] {
            for units in [
                "Thủ trưởng các đơn vị trực thuộc",
                "Thủ trưởng các cơ quan, đơn vị",
            ] {
                let text = format!("{organs}, {units} {work}");
                assert_eq!(
                    j.own_wording(&text, "Nhà trường", head).as_deref(),
                    Some(format!("{head} {work}").as_str()),
                    "{issuer}: {text}"
                );
                assert_ne!(
                    j.judge(&text, Above::Nothing).verdict,
                    Verdict::Drop,
                    "{text}"
                );
            }
            let alone = format!("{organs} {work}");
            assert_eq!(j.own_wording(&alone, "Nhà trường", head), None, "{alone}");
            assert_ne!(
                j.judge(&alone, Above::Nothing).verdict,
                Verdict::Keep,
                "{alone}"
            );
        }
    }
}
