//! What a period's report files where: a task overdue at the cut-off in III with its reason, the
//! tasks about inspection and communication of the reform in I.2 and I.3 (not the teaching of
//! the law), the unit's name as its profile spells it.
use chrono::NaiveDate;
use kehoach_model::{Plan, Status, TaskRecord};
use kehoach_track::report::{report, report_as};
use kehoach_track::{Area, Deadline, Period, Record, Task};

fn task(label: &str, text: &str, deadline: Deadline, status: Status, reason: &str) -> Task {
    Task {
        id: format!("III.{label}"),
        label: label.into(),
        area: 0,
        text: text.into(),
        lead: "Hiệu trưởng".into(),
        partners: String::new(),
        product: "Báo cáo".into(),
        deadline_text: deadline.label(),
        deadline_label: deadline.label(),
        deadline,
        record: TaskRecord {
            status,
            reason: reason.into(),
            ..Default::default()
        },
    }
}

fn plan() -> Plan {
    let mut p = Plan::default();
    p.header.issuer = "TRƯỜNG MẦM NON TUỔI HỒNG".into();
    p.header.parent_body = Some("ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH".into());
    p.header.symbol = "KH-MNTH".into();
    p.header.number = Some("07".into());
    p.header.date = NaiveDate::from_ymd_opt(2027, 1, 12);
    p.year = Some(2027);
    p
}

/// The plan of record of 2027 with one reform area and these tasks.
fn record(tasks: Vec<Task>) -> Record {
    Record {
        year: 2027,
        notes: Default::default(),
        areas: vec![Area {
            label: "1".into(),
            title: "Cải cách thể chế".into(),
        }],
        tasks,
    }
}

fn texts(report: &Plan, part: usize) -> Vec<String> {
    report.parts[part]
        .items
        .iter()
        .flat_map(|i| i.walk())
        .map(|i| i.text.clone())
        .collect()
}

#[test]
fn an_overdue_task_is_a_shortcoming_with_its_reason() {
    let feb = Deadline::By(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
    let record = record(vec![
        task(
            "1.1",
            "Rà soát, sửa đổi quy chế chi tiêu nội bộ của nhà trường.",
            feb,
            Status::DangThucHien,
            "Chờ hướng dẫn mới về định mức chi",
        ),
        task(
            "1.2",
            "Ban hành quy chế dân chủ cơ sở của nhà trường.",
            feb,
            Status::HoanThanh,
            "",
        ),
    ]);
    let r = report(&plan(), &record, Period::Q1);
    assert_eq!(r.parts[2].title, "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    let iii = texts(&r, 2);
    let late: Vec<&String> = iii
        .iter()
        .filter(|t| t.contains("quy chế chi tiêu"))
        .collect();
    assert_eq!(late.len(), 1, "{iii:#?}");
    assert!(
        late[0].contains("chưa hoàn thành đúng thời hạn (28/02/2027)")
            && late[0].contains("Nguyên nhân: Chờ hướng dẫn mới về định mức chi."),
        "{}",
        late[0]
    );
    assert!(
        !iii.iter().any(|t| t.contains("dân chủ cơ sở")),
        "a task done is no shortcoming: {iii:#?}"
    );
}

#[test]
fn direction_reports_inspection_and_communication_of_the_reform_by_what_they_are_about() {
    let may = Deadline::By(NaiveDate::from_ymd_opt(2027, 5, 31).unwrap());
    let done = |label: &str, text: &str| task(label, text, may, Status::HoanThanh, "");
    let record = record(vec![
            done(
                "1.1",
                "Tuyên truyền, phổ biến, giáo dục pháp luật cho viên chức, người lao động và cha mẹ học sinh.",
            ),
            done(
                "1.2",
                "Đẩy mạnh thông tin, truyền thông về cải cách hành chính trên trang thông tin điện tử của nhà trường.",
            ),
            done(
                "1.3",
                "Tự kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại nhà trường.",
            ),
            done("1.4", "Phối hợp Trạm Y tế khám sức khỏe định kỳ, kiểm tra sức khỏe cho trẻ."),
    ]);
    let r = report(&plan(), &record, Period::H1);
    let i = &r.parts[0];
    let under = |n: usize| -> String {
        i.items[n]
            .items
            .iter()
            .map(|x| x.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(i.items[1].text.starts_with("Công tác kiểm tra"));
    assert!(
        under(1).contains("Tự kiểm tra việc thực hiện"),
        "{}",
        under(1)
    );
    assert!(!under(1).contains("sức khỏe"), "{}", under(1));
    assert!(i.items[2]
        .text
        .starts_with("Công tác thông tin, tuyên truyền"));
    assert!(
        under(2).contains("truyền thông về cải cách hành chính"),
        "{}",
        under(2)
    );
    assert!(!under(2).contains("giáo dục pháp luật"), "{}", under(2));
}

#[test]
fn the_report_names_the_unit_as_its_profile_spells_it() {
    let record = record(vec![]);
    let r = report_as(
        &plan(),
        &record,
        Period::Q1,
        Some("Trường Mầm non Tuổi Hồng"),
    );
    assert!(
        r.intro.contains("Trường Mầm non Tuổi Hồng báo cáo"),
        "{}",
        r.intro
    );
    assert!(
        r.closing.ends_with("của Trường Mầm non Tuổi Hồng."),
        "{}",
        r.closing
    );
    // Another name than the plan's issuer is not taken for it.
    let r = report_as(
        &plan(),
        &record,
        Period::Q1,
        Some("Trường Tiểu học Kết Đoàn"),
    );
    assert!(!r.intro.contains("Kết Đoàn"), "{}", r.intro);
}
