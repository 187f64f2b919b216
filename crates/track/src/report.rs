//! The periodic CCHC report made from the plan of record: "Báo cáo kết quả thực hiện công tác cải
//! cách hành chính quý I / 6 tháng / 9 tháng / năm", in the outline the Ministry of Home Affairs
//! and the provinces use — I. công tác chỉ đạo, điều hành; II. kết quả per reform area of the plan;
//! III. tồn tại, hạn chế và nguyên nhân; IV. phương hướng kỳ tới; V. đề xuất, kiến nghị — with an
//! annex of every task and its status. The report is a [`Plan`] like any other document, so it is
//! laid out, checked and written by the same steps; the unit edits it as it likes.
use super::{Deadline, Period, Record, Task};
use chrono::NaiveDate;
use kehoach_model::{Appendix, AppendixGroup, AppendixRow, Item, Part, Plan, Status};
use kehoach_nd30::names;

/// The report for `period` of the plan `plan`, from what `record` holds.
pub fn report(plan: &Plan, record: &Record, period: Period) -> Plan {
    report_as(plan, record, period, None)
}

/// The same, naming the unit as its profile spells it ("Trường Mầm non Tuổi Hồng") when that
/// is the plan's issuer: the header's capitals do not say which words the unit capitalises.
pub fn report_as(plan: &Plan, record: &Record, period: Period, unit_name: Option<&str>) -> Plan {
    let year = record.year;
    let cutoff = period.cutoff(year);
    let issuer = unit_name
        .map(str::trim)
        .filter(|n| kehoach_text::fold(n) == kehoach_text::fold(&plan.header.issuer))
        .map(String::from)
        .unwrap_or_else(|| names::normal_case(&plan.header.issuer));
    let plan_ref = plan_ref(plan);
    let mut header = plan.header.clone();
    header.number = None;
    header.date = None;
    header.symbol = report_symbol(&plan.header.symbol);
    let phrase = period.phrase(year);
    let notes = record.notes.get(period.key()).cloned().unwrap_or_default();
    let mut parts = vec![
        direction(record, &plan_ref, cutoff),
        results(record),
        shortcomings(record, cutoff),
        next_period(record, period, &plan_ref),
    ];
    // The unit's own words: the causes after what is late, more tasks for the next period, the
    // proposals (or none).
    let causes = lines(&notes.causes);
    if !causes.is_empty() {
        parts[2].items.push(Item::new(
            "r.III.causes",
            "",
            format!("Nguyên nhân: {}", causes.join(" ")),
        ));
    }
    for (i, l) in lines(&notes.next).into_iter().enumerate() {
        parts[3]
            .items
            .push(Item::new(format!("r.IV.own.{i}"), "-", l));
    }
    let proposals: Vec<Item> = lines(&notes.proposals)
        .into_iter()
        .enumerate()
        .map(|(i, l)| Item::new(format!("r.V.{}", i + 1), "-", l))
        .collect();
    parts.push(Part::new(
        "V",
        "ĐỀ XUẤT, KIẾN NGHỊ",
        if proposals.is_empty() {
            vec![Item::new("r.V.1", "", "Không có đề xuất, kiến nghị.")]
        } else {
            proposals
        },
    ));
    Plan {
        header,
        year: Some(year),
        issued_with: None,
        doc_type: "Báo cáo".into(),
        summary: format!("Kết quả thực hiện công tác cải cách hành chính {phrase}"),
        bases: Vec::new(),
        intro: format!(
            "Thực hiện {plan_ref} của {issuer} về thực hiện công tác cải cách hành chính năm {year}, \
             {issuer} báo cáo kết quả thực hiện công tác cải cách hành chính {phrase} (số liệu tính \
             đến ngày {}) như sau:",
            cutoff.format("%d/%m/%Y")
        ),
        parts,
        closing: format!("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {phrase} của {issuer}."),
        recipients: recipients(plan),
        signer: plan.signer.clone(),
        footnotes: Vec::new(),
        emphasis: Vec::new(),
        appendix: Some(annex(record, &phrase)),
        ..Plan::default()
    }
}

/// The non-empty lines of what the user wrote, each ending as a sentence.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches(['-', '+', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            if kehoach_text::ends_sentence(l) {
                l.to_string()
            } else {
                format!("{l}.")
            }
        })
        .collect()
}

/// "Kế hoạch số 14/KH-MNTH ngày 05/01/2024".
fn plan_ref(plan: &Plan) -> String {
    let number = plan.header.number.as_deref().unwrap_or("…");
    let date = plan
        .header
        .date
        .map(|d| format!(" ngày {}", d.format("%d/%m/%Y")))
        .unwrap_or_default();
    format!("Kế hoạch số {number}/{}{date}", plan.header.symbol)
}

/// "KH-MNTH" → "BC-MNTH".
fn report_symbol(symbol: &str) -> String {
    match symbol.split_once('-') {
        Some((_, unit)) => format!("BC-{unit}"),
        None => "BC".into(),
    }
}

/// The report goes up to the body the plan was sent to; the unit keeps its copy.
fn recipients(plan: &Plan) -> Vec<String> {
    let mut out: Vec<String> = plan
        .recipients
        .iter()
        .filter(|r| !kehoach_text::fold(r).starts_with("luu"))
        .take(1)
        .cloned()
        .collect();
    out.push(
        plan.recipients
            .iter()
            .find(|r| kehoach_text::fold(r).starts_with("luu"))
            .cloned()
            .unwrap_or_else(|| "Lưu: VT".into()),
    );
    out
}

/// What a report line names a task by: its words up to the first full stop, semicolon or colon,
/// and at most about twenty words ("Tăng cường kiểm tra, khảo sát CCHC, kiểm tra công vụ…").
fn named(task: &Task) -> String {
    let t = task.text.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ';' | '.' | ':') && i > 20 && !t[..i].ends_with(char::is_numeric)
        })
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let first = t[..end].trim_end_matches([',', ' ']);
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() <= 22 {
        first.to_string()
    } else {
        format!("{}…", words[..18].join(" ").trim_end_matches(','))
    }
}

/// "Hoàn thành. Đã ban hành Kế hoạch … (minh chứng: Kế hoạch số 03/KH-MNTH)".
fn outcome(task: &Task) -> String {
    let r = &task.record;
    let mut s = r.status.label().to_string();
    if r.status == Status::KhongThucHien && !r.reason.trim().is_empty() {
        s.push_str(&format!(" ({})", r.reason.trim().trim_end_matches('.')));
    }
    if !r.result.trim().is_empty() {
        s.push_str(&format!(": {}", r.result.trim().trim_end_matches('.')));
    }
    if !r.evidence.is_empty() {
        s.push_str(&format!(" (minh chứng: {})", r.evidence.join("; ")));
    }
    s.push('.');
    s
}

fn line(id: String, task: &Task) -> Item {
    Item::new(
        id,
        "-",
        format!(
            "Nhiệm vụ {} “{}”: {}",
            task.label,
            named(task),
            outcome(task)
        ),
    )
}

/// I. The plan issued and made known; inspection and propaganda as the tasks about them went.
fn direction(record: &Record, plan_ref: &str, cutoff: NaiveDate) -> Part {
    let about = |topic: &str| -> Vec<&Task> {
        record
            .tasks
            .iter()
            .filter(|t| is_about(&t.text, topic))
            .filter(|t| t.record.status != Status::ChuaThucHien)
            .collect()
    };
    let mut items = vec![Item::new(
        "r.I.1",
        "1.",
        format!(
            "Ban hành {plan_ref} về thực hiện công tác cải cách hành chính năm {}; phổ biến, triển khai kế hoạch đến các bộ phận và cá nhân trong đơn vị.",
            record.year
        ),
    )];
    for (n, (title, word)) in [
        ("Công tác kiểm tra cải cách hành chính", "kiem tra"),
        (
            "Công tác thông tin, tuyên truyền về cải cách hành chính",
            "tuyen truyen",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("r.I.{}", n + 2);
        let tasks = about(word);
        let mut item = Item::new(id.clone(), format!("{}.", n + 2), format!("{title}:"));
        if tasks.is_empty() {
            item.items.push(Item::new(
                format!("{id}.0"),
                "",
                format!(
                    "Đến ngày {}, chưa có nhiệm vụ nào về {} được thực hiện.",
                    cutoff.format("%d/%m/%Y"),
                    title.to_lowercase().trim_start_matches("công tác ")
                ),
            ));
        }
        for (i, t) in tasks.into_iter().enumerate() {
            item.items.push(line(format!("{id}.{i}"), t));
        }
        items.push(item);
    }
    Part::new("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", items)
}

/// Whether a task is about inspection ("kiem tra") or communication ("tuyen truyen") of the
/// reform — not a health check, not the teaching of the law ("phổ biến, giáo dục pháp luật" is
/// its own work, reported under its area), unless it is about the reform too.
pub fn is_about(text: &str, topic: &str) -> bool {
    let f = kehoach_text::fold(text);
    let reform = f.contains("cai cach hanh chinh") || f.contains("cchc");
    match topic {
        "kiem tra" => {
            f.contains("kiem tra")
                && !f.contains("kiem tra suc khoe")
                && !f.contains("kham suc khoe")
        }
        "tuyen truyen" => {
            let talks = f.contains("tuyen truyen")
                || f.contains("truyen thong")
                || f.contains("thong tin, tuyen truyen");
            let law = f.contains("giao duc phap luat") || f.contains("pho bien phap luat");
            talks && (reform || !law)
        }
        other => f.contains(other),
    }
}

/// II. Each reform area of the plan: how many tasks stand where, then each task.
fn results(record: &Record) -> Part {
    let mut items = Vec::new();
    for (a, area) in record.areas.iter().enumerate() {
        let tasks: Vec<&Task> = record.tasks.iter().filter(|t| t.area == a).collect();
        let p = super::Progress::of(tasks.iter().map(|t| t.record.status));
        let id = format!("r.II.{}", a + 1);
        let mut item = Item::new(id.clone(), format!("{}.", a + 1), area.title.clone());
        let mut counts = format!("Hoàn thành {}/{} nhiệm vụ", p.done, p.total);
        for (n, what) in [
            (p.in_progress, "đang thực hiện"),
            (p.not_started, "chưa thực hiện"),
            (p.dropped, "không thực hiện"),
        ] {
            if n > 0 {
                counts.push_str(&format!(", {n} nhiệm vụ {what}"));
            }
        }
        counts.push('.');
        item.items.push(Item::new(format!("{id}.0"), "", counts));
        // The tasks with something to report; every task is in the annex.
        let moved: Vec<&Task> = tasks
            .into_iter()
            .filter(|t| t.record.status != Status::ChuaThucHien || !t.record.result.is_empty())
            .collect();
        for (i, t) in moved.iter().enumerate() {
            item.items.push(line(format!("{id}.{}", i + 1), t));
        }
        if p.not_started > 0 && !moved.is_empty() {
            item.items.push(Item::new(
                format!("{id}.rest"),
                "",
                "Các nhiệm vụ còn lại của lĩnh vực chưa thực hiện trong kỳ (chi tiết tại phụ lục).",
            ));
        }
        items.push(item);
    }
    Part::new(
        "II",
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        items,
    )
}

/// III. What was due by the cut-off and is not done, what was given up, and why.
fn shortcomings(record: &Record, cutoff: NaiveDate) -> Part {
    let mut items = Vec::new();
    for t in &record.tasks {
        let late = matches!(t.record.status, Status::ChuaThucHien | Status::DangThucHien)
            && t.deadline.due().is_some_and(|d| d <= cutoff);
        let text = if late {
            let why = if t.record.reason.trim().is_empty() {
                String::new()
            } else {
                format!(
                    " Nguyên nhân: {}.",
                    t.record.reason.trim().trim_end_matches('.')
                )
            };
            format!(
                "Nhiệm vụ {} “{}” chưa hoàn thành đúng thời hạn ({}).{why}",
                t.label,
                named(t),
                t.deadline.label()
            )
        } else if t.record.status == Status::KhongThucHien {
            format!(
                "Nhiệm vụ {} “{}” không thực hiện. Nguyên nhân: {}.",
                t.label,
                named(t),
                t.record.reason.trim().trim_end_matches('.')
            )
        } else {
            continue;
        };
        items.push(Item::new(format!("r.III.{}", items.len() + 1), "-", text));
    }
    if items.is_empty() {
        items.push(Item::new(
            "r.III.0",
            "",
            format!(
                "Các nhiệm vụ đến hạn trước ngày {} đều đã hoàn thành đúng thời hạn.",
                cutoff.format("%d/%m/%Y")
            ),
        ));
    }
    Part::new("III", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", items)
}

/// IV. What is left for the next period: unfinished tasks due by its cut-off, the recurring ones.
fn next_period(record: &Record, period: Period, plan_ref: &str) -> Part {
    let year = record.year;
    let (next_cutoff, title_phrase) = match period {
        Period::Q1 => (Period::H1.cutoff(year), period.next_phrase(year)),
        Period::H1 => (Period::Q3.cutoff(year), period.next_phrase(year)),
        Period::Q3 => (Period::Year.cutoff(year), period.next_phrase(year)),
        Period::Year => (
            NaiveDate::from_ymd_opt(year + 1, 3, 14).expect("a valid date"),
            period.next_phrase(year),
        ),
    };
    let mut items = Vec::new();
    for t in &record.tasks {
        let open = matches!(t.record.status, Status::ChuaThucHien | Status::DangThucHien);
        let due_next = t.deadline.due().is_some_and(|d| d <= next_cutoff);
        if open && (due_next || period == Period::Year) {
            items.push(Item::new(
                format!("r.IV.{}", items.len() + 1),
                "-",
                format!(
                    "Tiếp tục thực hiện nhiệm vụ {} “{}”{}.",
                    t.label,
                    named(t),
                    match t.deadline {
                        Deadline::By(d) => format!(" (thời hạn {})", d.format("%d/%m/%Y")),
                        _ => String::new(),
                    }
                ),
            ));
        }
    }
    if period != Period::Year {
        items.push(Item::new(
            format!("r.IV.{}", items.len() + 1),
            "-",
            format!("Thực hiện các nhiệm vụ thường xuyên và các nhiệm vụ còn lại theo {plan_ref}."),
        ));
    } else {
        items.push(Item::new(
            format!("r.IV.{}", items.len() + 1),
            "-",
            format!(
                "Xây dựng và ban hành Kế hoạch cải cách hành chính năm {} theo kế hoạch của cấp trên.",
                year + 1
            ),
        ));
    }
    Part::new(
        "IV",
        format!("PHƯƠNG HƯỚNG, NHIỆM VỤ {}", title_phrase.to_uppercase()),
        items,
    )
}

/// The annex: one row per task with its deadline, status, result and evidence, by area.
fn annex(record: &Record, phrase: &str) -> Appendix {
    Appendix {
        title: format!(
            "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {}",
            phrase.to_uppercase()
        ),
        subtitle: String::new(),
        columns: [
            "STT",
            "Nhiệm vụ",
            "Thời hạn",
            "Tình trạng",
            "Kết quả",
            "Minh chứng",
        ]
        .map(String::from)
        .to_vec(),
        groups: record
            .areas
            .iter()
            .enumerate()
            .map(|(a, area)| AppendixGroup {
                label: area.label.clone(),
                title: area.title.clone(),
                rows: record
                    .tasks
                    .iter()
                    .filter(|t| t.area == a)
                    .map(|t| AppendixRow {
                        id: t.id.clone(),
                        label: t.label.clone(),
                        cells: vec![
                            t.text.clone(),
                            if t.deadline_text.trim().is_empty() {
                                t.deadline.label()
                            } else {
                                t.deadline_text.clone()
                            },
                            match t.record.status {
                                Status::KhongThucHien if !t.record.reason.is_empty() => {
                                    format!("{} ({})", t.record.status.label(), t.record.reason)
                                }
                                s => s.label().to_string(),
                            },
                            t.record.result.clone(),
                            t.record.evidence.join("\n"),
                        ],
                        source: None,
                    })
                    .collect(),
            })
            .collect(),
    }
}
