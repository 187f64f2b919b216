//! Rewordings on sentences made for them, kept by the user: the parent's own page becomes the
//! unit's (not a page named after a place in full), and who another kind of unit serves leaves a
//! list of who is asked.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_model::{Decisions, NodeDecision};

/// `texts` put as points "T.0", "T.1" … at the head of the tasks of a corpus parent, kept, and
/// adapted with every default of `preset`: each point's text in the unit's plan, in order.
fn kept_points(parent_dir: &str, preset: &str, texts: &[&str]) -> Vec<String> {
    let dir = kehoach_testkit::corpus::plans()
        .into_iter()
        .find(|d| d.ends_with(parent_dir))
        .unwrap();
    let mut parent = kehoach_import::read_path(&dir.join("doc.docx")).unwrap();
    let part = parent
        .parts
        .iter_mut()
        .find(|p| p.topic() == Some(kehoach_model::Topic::NhiemVu))
        .unwrap();
    let mut decisions = Decisions::default();
    for (n, t) in texts.iter().enumerate().rev() {
        let mut item = part.items[0].clone();
        item.id = format!("T.{n}");
        item.items.clear();
        item.text = t.to_string();
        part.items.insert(0, item);
        decisions.nodes.insert(format!("T.{n}"), NodeDecision::Keep);
    }
    let plan = adapt::adapt(
        &parent,
        &kehoach_testkit::corpus::unit_profile(preset, &parent),
        &Preset::builtin(preset).unwrap(),
        &decisions,
        AdaptOptions {
            apply_defaults: true,
        },
    )
    .unwrap()
    .plan;
    (0..texts.len())
        .map(|n| {
            let source = format!("T.{n}");
            plan.items()
                .into_iter()
                .find(|(_, i)| i.source.as_deref() == Some(source.as_str()))
                .map(|(_, i)| i.text.clone())
                .unwrap()
        })
        .collect()
}

/// A rewording never takes the head of a longer name: the parent's own page becomes the
/// unit's, the page of a province named in full stays the province's.
#[test]
fn the_parents_own_page_is_reworded_but_not_a_name_that_goes_on() {
    let texts = kept_points(
        "tinh-gia-lai-2027",
        "mam-non",
        &[
            "Duy trì chuyên mục cải cách hành chính trên Trang thông tin điện tử của tỉnh; khảo sát sự hài lòng đối với sự phục vụ của tỉnh.",
            "Đăng tải kết quả trên Trang thông tin điện tử của tỉnh Gia Lai.",
        ],
    );
    assert_eq!(
        texts[0],
        "Duy trì chuyên mục cải cách hành chính trên Trang thông tin điện tử của nhà trường; khảo sát sự hài lòng đối với sự phục vụ của nhà trường."
    );
    assert_eq!(
        texts[1],
        "Đăng tải kết quả trên Trang thông tin điện tử của tỉnh Gia Lai."
    );
}

/// Who another kind of unit serves leaves a list of who is asked, wherever it stands in the
/// list: a school asks no patients, a health unit no pupils or their parents; the sentence
/// reads whole (no space left where the words were).
#[test]
fn another_kinds_audience_leaves_the_list() {
    let texts = [
        "Khảo sát sự hài lòng của người học, người bệnh; công khai kết quả.",
        "Khảo sát sự hài lòng của cha mẹ học sinh và người bệnh; công khai kết quả.",
        "Lấy ý kiến cha mẹ trẻ, cha mẹ học sinh, người bệnh về chất lượng phục vụ.",
        "Khảo sát sự hài lòng của người bệnh và cha mẹ học sinh; công khai kết quả.",
    ];
    for (preset, gone, kept) in [
        ("mam-non", "người bệnh", "học"),
        ("y-te", "học sinh", "người bệnh"),
    ] {
        for text in kept_points("xa-tam-nong-2027", preset, &texts) {
            assert!(
                !text.contains(gone) && text.contains(kept),
                "{preset}: {text}"
            );
            assert!(
                !text.contains("  ") && !text.contains(" ;") && !text.contains(" ,"),
                "{preset}: {text}"
            );
        }
    }
}

/// The unit puts its own users at the centre of its service, and its staff are viên chức:
/// every school level and a health unit, the parent's words in several shapes.
#[test]
fn the_unit_serves_its_own_users_with_its_own_staff() {
    let texts = [
        "Xây dựng nền hành chính phục vụ, lấy người dân làm trung tâm.",
        "Đẩy mạnh chuyển đổi số; lấy người dân, doanh nghiệp làm trung tâm phục vụ.",
        "Phân công lãnh đạo phụ trách, công chức đầu mối theo dõi từng tiêu chí.",
        "Bố trí công chức phụ trách công tác cải cách hành chính.",
    ];
    for (preset, users) in [
        ("mam-non", "cha mẹ học sinh"),
        ("tieu-hoc", "cha mẹ học sinh"),
        ("thpt", "cha mẹ học sinh"),
        ("y-te", "người bệnh"),
    ] {
        let got = kept_points("xa-tam-nong-2027", preset, &texts);
        assert!(
            got[0].ends_with(&format!("lấy {users} làm trung tâm.")),
            "{preset}: {}",
            got[0]
        );
        assert!(
            got[1].contains(&format!("lấy {users} làm trung tâm phục vụ")),
            "{preset}: {}",
            got[1]
        );
        for t in &got[2..] {
            assert!(
                !t.contains("công chức") && t.contains("viên chức"),
                "{preset}: {t}"
            );
        }
    }
}

/// The parent's own organs and units as the place of internal work become the unit's parts,
/// under parents of every level (a ward, a Sở, a province, a district).
#[test]
fn the_parents_organs_as_the_place_of_internal_work_are_the_units_parts() {
    for (parent, word) in [
        ("phuong-cau-ong-lanh-2027", "phường"),
        ("so-gddt-khanh-hoa-2027", "Sở"),
        ("tinh-gia-lai-2027", "tỉnh"),
        ("huyen-cu-chi-2025", "huyện"),
    ] {
        let texts = [
            format!("Rà soát, đơn giản hóa TTHC nội bộ giữa các cơ quan, đơn vị thuộc {word}; ban hành quy trình nội bộ."),
            format!("Xác định rõ nhiệm vụ, tiến độ và trách nhiệm của từng phòng thuộc {word}, từng đơn vị trực thuộc."),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        for (preset, noun) in [("mam-non", "nhà trường"), ("y-te", "đơn vị")] {
            let got = kept_points(parent, preset, &texts);
            assert_eq!(
                got[0],
                format!("Rà soát, đơn giản hóa TTHC nội bộ giữa các bộ phận của {noun}; ban hành quy trình nội bộ."),
                "{parent} / {preset}"
            );
            assert_eq!(
                got[1],
                format!(
                    "Xác định rõ nhiệm vụ, tiến độ và trách nhiệm của từng bộ phận của {noun}."
                ),
                "{parent} / {preset}"
            );
        }
    }
}
