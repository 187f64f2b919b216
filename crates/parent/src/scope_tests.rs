//! Tests of `scope`.
use super::*;
use kehoach_model::{Item, Part};

/// A parent plan in the District 1 2024 plan's words.
fn phrases() -> Vec<String> {
    let items = [
        "Ủy ban nhân dân Quận 1 và 10 phường thực hiện ứng dụng thanh toán điện tử.",
        "Đẩy mạnh ứng dụng công nghệ thông tin, nhất là ở 10 phường.",
        "Phối hợp với Chi nhánh Văn phòng đăng ký đất đai Quận 1.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Item::new(format!("III.{}", i + 1), format!("{}.", i + 1), *t))
    .collect();
    let mut parent = Plan {
        parts: vec![Part::new("III", "NHIỆM VỤ", items)],
        ..Default::default()
    };
    parent.header.place = "Quận 1".into();
    learn(&parent, &["khu phố".to_string()])
}

#[test]
fn learns_the_districts_wards_place_and_branch_office() {
    let p = phrases();
    for expected in [
        "10 phường",
        "trên địa bàn Quận 1",
        "Chi nhánh Văn phòng đăng ký đất đai",
        "khu phố",
    ] {
        assert!(
            p.iter().any(|x| x.eq_ignore_ascii_case(expected)),
            "{expected} in {p:?}"
        );
    }
}

#[test]
fn the_parent_as_an_authority_is_not_scope() {
    let text = "Thực hiện Quyết định số 2272/QĐ-UBND do Ủy ban nhân dân Quận 1 ban hành.";
    assert!(occurrences(text, &phrases()).is_empty());
}

/// A first clause the next one goes on from loses only its phrase: cut whole, it left "Trả
/// lời trong thời hạn …" or "Công khai kết quả …" with nothing to answer or publish.
#[test]
fn a_clause_the_next_goes_on_from_keeps_its_work() {
    let p = phrases();
    for (t, want) in [
        (
            "Đánh giá, xếp loại chất lượng viên chức hằng tháng, quý và năm trên phần mềm đánh giá của 10 phường; công khai kết quả trong cơ quan, đơn vị.",
            "Đánh giá, xếp loại chất lượng viên chức hằng tháng, quý và năm trên phần mềm đánh giá; công khai kết quả trong cơ quan, đơn vị.",
        ),
        (
            "Tiếp nhận, xử lý phản ánh, kiến nghị qua đường dây nóng, hộp thư góp ý, Tổng đài 1022 và Hệ thống thông tin tiếp nhận phản ánh của 10 phường; trả lời trong thời hạn không quá 05 ngày làm việc.",
            "Tiếp nhận, xử lý phản ánh, kiến nghị qua đường dây nóng, hộp thư góp ý, Tổng đài 1022 và Hệ thống thông tin tiếp nhận phản ánh; trả lời trong thời hạn không quá 05 ngày làm việc.",
        ),
        // (A clause whose subject is the scope, or followed by a target of its own, is cut
        // whole.)
        (
            "100% công chức tại 10 phường đạt chuẩn theo quy định; tối thiểu 90% viên chức được bồi dưỡng kỹ năng số.",
            "Tối thiểu 90% viên chức được bồi dưỡng kỹ năng số.",
        ),
        (
            "Số hóa hồ sơ lưu trữ của 10 phường; 80% hồ sơ được số hóa.",
            "80% hồ sơ được số hóa.",
        ),
        // (A clause that opens with the parent's scope is its own, whole.)
        (
            "Ủy ban nhân dân 10 phường ban hành quy định phân cấp quản lý; hướng dẫn quản lý chuyên môn đối với trạm y tế.",
            "Hướng dẫn quản lý chuyên môn đối với trạm y tế.",
        ),
    ] {
        assert_eq!(remove_ranges(t, &trim_ranges(t, &p)), want);
    }
}

#[test]
fn the_clause_with_the_scope_is_cut() {
    let p = phrases();
    let t = "Ủy ban nhân dân Quận 1 và 10 phường thực hiện ứng dụng thanh toán điện tử trong giải quyết TTHC; 100% các đơn vị sự nghiệp công lập ứng dụng thanh toán điện tử.";
    let cut = remove_ranges(t, &trim_ranges(t, &p));
    assert_eq!(
        cut,
        "100% các đơn vị sự nghiệp công lập ứng dụng thanh toán điện tử."
    );
    let t = "Đẩy mạnh ứng dụng công nghệ thông tin trong phối hợp giữa các đơn vị, nhất là ở 10 phường.";
    assert_eq!(
        remove_ranges(t, &trim_ranges(t, &p)),
        "Đẩy mạnh ứng dụng công nghệ thông tin trong phối hợp giữa các đơn vị."
    );
    let t = "Thông tin về kết quả thực hiện công tác CCHC của 10 phường, cấp quận và Thành phố.";
    assert_eq!(remove_ranges(t, &trim_ranges(t, &p)), "");
    assert_eq!(
        remove_ranges(t, &phrase_ranges(t, &p)),
        "Thông tin về kết quả thực hiện công tác CCHC của cấp quận và Thành phố."
    );
    let t = "Cử viên chức đang công tác tại 10 phường tham gia các lớp bồi dưỡng.";
    assert_eq!(
        remove_ranges(t, &phrase_ranges(t, &p)),
        "Cử viên chức đang công tác tham gia các lớp bồi dưỡng."
    );
    // The subdivisions' organ goes with them: no "Chủ tịch UBND" left acting.
    let t = "Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND 10 phường";
    assert_eq!(
        remove_ranges(t, &phrase_ranges(t, &p)),
        "Thủ trưởng các cơ quan, đơn vị"
    );
}

/// The parent's shared systems the unit works on and the results it contributes to are named
/// by their owner, not as a scope left over; the same systems as the object of work, and the
/// parent's results as a target of its own, still are — over parents of every level.
#[test]
fn a_shared_system_in_use_and_a_share_in_the_parents_result_are_no_scope() {
    let parents = [
        (
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "của tỉnh",
            "của tỉnh Đắk Lắk",
        ),
        (
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HÀ NỘI",
            "của Sở",
            "của Sở Giáo dục và Đào tạo",
        ),
        (
            "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH",
            "của phường",
            "của phường Tân Định",
        ),
        (
            "ỦY BAN NHÂN DÂN XÃ TAM NÔNG",
            "của xã",
            "của Ủy ban nhân dân xã Tam Nông",
        ),
    ];
    let uses = [
        "100% văn bản đi được ký số và gửi, nhận trên Hệ thống quản lý văn bản và điều hành {owner}.",
        "Kết nối với Nền tảng tích hợp, chia sẻ dữ liệu {owner}; cập nhật dữ liệu hằng tháng.",
        "Thí sinh tra cứu kết quả trên Cổng tuyển sinh {owner} và ứng dụng iHanoi.",
        "Nâng cao năng lực số của viên chức; góp phần cải thiện Chỉ số cải cách hành chính, Chỉ số chuyển đổi số {owner}.",
        "Góp phần nâng cao Chỉ số hài lòng về sự phục vụ hành chính {owner}.",
        "Góp phần để Chỉ số CCHC năm 2027 {owner} thuộc nhóm dẫn đầu; Chỉ số SIPAS {owner} đạt từ 90% trở lên.",
    ];
    let owned = [
        "Nâng cấp Cổng thông tin điện tử {owner} đáp ứng yêu cầu.",
        "Chỉ số cải cách hành chính {owner} thuộc nhóm dẫn đầu.",
        "Góp phần nâng cao chất lượng giáo dục; công khai thủ tục hành chính {owner}.",
        "Cập nhật dữ liệu lên Hệ thống thông tin báo cáo {owner} hằng tháng; rà soát các đơn vị trực thuộc {owner}.",
        "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính {owner}.",
        "Tiếp nhận hồ sơ qua phần mềm một cửa điện tử {owner}.",
        "Duy trì chuyên mục “Cải cách hành chính” trên Trang thông tin điện tử {owner}.",
        "Đăng tải tin, bài trên Cổng thông tin điện tử {owner}.",
        "Tuyên truyền trên hệ thống loa truyền thanh {owner}.",
    ];
    for (issuer, short, long) in parents {
        let flagged = parent_profile(issuer).flag_phrases();
        for owner in [short, long] {
            for u in uses {
                let t = u.replace("{owner}", owner);
                let left = occurrences(&without_references(&t), &flagged);
                assert!(left.is_empty(), "{issuer}: {t} → {left:?}");
            }
            for o in owned {
                let t = o.replace("{owner}", owner);
                let left = occurrences(&without_references(&t), &flagged);
                assert!(!left.is_empty(), "{issuer}: {t} flags nothing");
            }
        }
    }
}

/// A phrase that tells one quantity from the next is not cut alone (the two would run
/// together); one before any other word still is.
#[test]
fn a_phrase_between_two_quantities_is_left_to_the_user() {
    let p = vec!["cấp tỉnh".to_string(), "10 phường".to_string()];
    for (phrase, t) in [
        ("cấp tỉnh", "100% hồ sơ công việc cấp tỉnh và tối thiểu 90% hồ sơ công việc cấp xã được xử lý trên môi trường mạng."),
        ("cấp tỉnh", "Tỷ lệ hồ sơ đúng hạn đạt 98% đối với cấp tỉnh và 100% đối với cấp xã."),
        ("10 phường", "Số hóa 100% hồ sơ tại 10 phường, ít nhất 80% tại các xã."),
    ] {
        assert!(phrase_ranges(t, &p).is_empty(), "{phrase}: {t}");
        assert!(!occurrences(t, &p).is_empty(), "{phrase} is still pointed out: {t}");
    }
    let t = "Kiểm tra công vụ cấp tỉnh và cấp xã.";
    assert_eq!(
        remove_ranges(t, &phrase_ranges(t, &p)),
        "Kiểm tra công vụ cấp xã."
    );
}
