//! Through the year, end to end with the `kehoach` command line on a real data file: the issued
//! kindergarten plan becomes the plan of record, a dozen tasks get a status, a result and their
//! evidence, and the quarter-I and annual reports are written as .docx (checked by the checker,
//! validated against the Open XML schemas, read back with python-docx) and PDF.
use kehoach_testkit::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kehoach(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The kindergarten plan, issued (number 14, 05/01/2024), saved as a draft; its id.
fn issued_plan(dir: &Path, db: &Path, issued: bool) -> String {
    let mut unit =
        std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap();
    if !issued {
        unit = unit
            .lines()
            .filter(|l| !l.starts_with("number") && !l.starts_with("date"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let unit_file = dir.join(if issued { "unit.toml" } else { "draft.toml" });
    std::fs::write(&unit_file, unit).unwrap();
    let plan = dir.join(if issued { "plan.json" } else { "draft.json" });
    ok(kehoach(&[
        "adapt",
        "--from",
        "builtin:quan1-2024",
        "--unit",
        s(&unit_file),
        "-o",
        s(&plan),
    ]));
    ok(kehoach(&["drafts", "--db", s(db), "save", s(&plan)]))
        .trim()
        .to_string()
}

fn record(db: &Path, id: &str, today: &str) -> Value {
    serde_json::from_str(&ok(kehoach(&[
        "track",
        "--db",
        s(db),
        id,
        "list",
        "--json",
        "--today",
        today,
    ])))
    .unwrap()
}

#[test]
fn a_years_tracking_and_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");

    // A draft that is not issued is not tracked yet: the user is told what to do.
    let draft = issued_plan(dir.path(), &db, false);
    let refused = kehoach(&["track", "--db", s(&db), &draft]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("chưa có số và ngày ban hành"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    let id = issued_plan(dir.path(), &db, true);
    let start = record(&db, &id, "2024-01-10");
    let tasks = start["record"]["tasks"].as_array().unwrap().clone();
    let areas = start["record"]["areas"].as_array().unwrap().clone();
    // One task per row of the plan's appendix, in the plan's order.
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("plan.json")).unwrap())
            .unwrap();
    let rows: Vec<&str> = plan["appendix"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["rows"].as_array().unwrap())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let ids: Vec<&str> = tasks.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, rows, "the plan of record is the appendix's tasks");
    assert!(tasks.len() > 30, "{} tasks", tasks.len());
    // Each with the lead and deadline of its row.
    assert!(tasks
        .iter()
        .all(|t| !t["lead"].as_str().unwrap().is_empty()));
    assert!(areas.len() >= 6, "{} areas", areas.len());
    // Every task has its deadline read from the appendix: a date, recurring or on occasion.
    let unread: Vec<&Value> = tasks
        .iter()
        .filter(|t| {
            t["deadline"]["kind"] == "unknown" && !t["deadline_text"].as_str().unwrap().is_empty()
        })
        .collect();
    assert!(unread.len() <= 2, "unread deadlines: {unread:#?}");
    assert_eq!(start["overview"]["plan"]["done"], 0);
    assert_eq!(start["overview"]["cutoff"], "2024-03-14");

    // A dozen tasks recorded, in the first areas, through the command line.
    let ids: Vec<String> = tasks
        .iter()
        .take(12)
        .map(|t| t["label"].as_str().unwrap().to_string())
        .collect();
    for (i, label) in ids.iter().enumerate() {
        let (status, reason) = match i % 4 {
            0 | 1 => ("hoan-thanh", ""),
            2 => ("dang", ""),
            _ => ("khong", "Đơn vị không có bộ phận một cửa"),
        };
        let result = format!("Đã thực hiện phần việc {i} của nhiệm vụ & báo cáo <đúng hạn>");
        let evidence = format!("Kế hoạch số {}/KH-MNTH", i + 20);
        ok(kehoach(&[
            "track",
            "--db",
            s(&db),
            &id,
            "set",
            label,
            "--status",
            status,
            "--result",
            &result,
            "--evidence",
            &evidence,
            "--ly-do",
            reason,
        ]));
    }
    // "Không thực hiện" without a reason is refused, in Vietnamese, and nothing changes.
    let refused = kehoach(&[
        "track",
        "--db",
        s(&db),
        &id,
        "set",
        &ids[0],
        "--status",
        "khong",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cần ghi lý do"));
    let unknown = kehoach(&[
        "track",
        "--db",
        s(&db),
        &id,
        "set",
        "99.9",
        "--status",
        "dang",
    ]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Không có nhiệm vụ 99.9"));

    let later = record(&db, &id, "2024-03-01");
    assert_eq!(later["overview"]["plan"]["done"], 6);
    assert_eq!(later["overview"]["plan"]["in_progress"], 3);
    assert_eq!(later["overview"]["plan"]["dropped"], 3);
    // Progress per area: the first area holds the recorded tasks.
    assert!(later["overview"]["areas"][0]["done"].as_u64().unwrap() > 0);

    // The history is the draft's: undo takes the last record back.
    let drafts: Value =
        serde_json::from_str(&ok(kehoach(&["drafts", "--db", s(&db), "list", "--json"]))).unwrap();
    let revisions = drafts
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"].as_i64() == id.parse().ok())
        .unwrap()["revisions"]
        .as_i64()
        .unwrap();
    assert_eq!(revisions, 13, "one revision per recorded task");

    // The unit's own words for the quarter-I report.
    ok(kehoach(&[
        "track",
        "--db",
        s(&db),
        &id,
        "note",
        "--period",
        "q1",
        "--causes",
        "Đơn vị mới sáp nhập, thiếu nhân sự văn thư",
        "--next",
        "Tập huấn phần mềm quản lý văn bản cho viên chức",
        "--proposals",
        "Đề nghị Ủy ban nhân dân phường hướng dẫn mẫu báo cáo mới\nBổ sung kinh phí tập huấn",
    ]));

    // The reports.
    for (period, name) in [("q1", "bao-cao-quy-1"), ("nam", "bao-cao-nam")] {
        for ext in ["json", "docx", "pdf"] {
            let out = dir.path().join(format!("{name}.{ext}"));
            ok(kehoach(&[
                "report",
                "--db",
                s(&db),
                &id,
                "--period",
                period,
                "-o",
                s(&out),
            ]));
        }
        let json = dir.path().join(format!("{name}.json"));
        let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(report["doc_type"], "Báo cáo");
        assert_eq!(report["header"]["symbol"], "BC-MNTH");
        assert_eq!(report["header"]["issuer"], "TRƯỜNG MẦM NON TUỔI HỒNG");
        assert!(report["header"]["number"].is_null(), "the clerk numbers it");
        let parts: Vec<&str> = report["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap())
            .collect();
        assert_eq!(parts[0], "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
        assert_eq!(parts[2], "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
        assert!(parts[3].starts_with("PHƯƠNG HƯỚNG, NHIỆM VỤ"));
        assert_eq!(parts[4], "ĐỀ XUẤT, KIẾN NGHỊ");
        // Part II follows the plan's reform areas, one section each, every task in it.
        let sections = report["parts"][1]["items"].as_array().unwrap();
        assert_eq!(sections.len(), areas.len());
        for (section, area) in sections.iter().zip(&areas) {
            assert_eq!(section["text"], area["title"]);
        }
        // Each section counts its tasks, then reports those with something to report.
        for (section, area) in sections.iter().zip(0..) {
            let of_area = tasks.iter().filter(|t| t["area"] == area).count();
            let counts = section["items"][0]["text"].as_str().unwrap();
            assert!(counts.contains(&format!("/{of_area} nhiệm vụ")), "{counts}");
        }
        let reported: Vec<&str> = sections
            .iter()
            .flat_map(|s| s["items"].as_array().unwrap())
            .filter_map(|i| i["text"].as_str())
            .filter(|t| t.starts_with("Nhiệm vụ "))
            .collect();
        assert_eq!(
            reported.len(),
            12,
            "the twelve recorded tasks: {reported:#?}"
        );
        assert!(reported
            .iter()
            .all(|r| r.contains("(minh chứng: Kế hoạch số ")));
        // The annex: one row per task, with its status.
        let rows: Vec<&Value> = report["appendix"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["rows"].as_array().unwrap())
            .collect();
        assert_eq!(
            rows.len(),
            tasks.len(),
            "the annex lists every task with its status"
        );
        assert!(rows
            .iter()
            .all(|r| !r["cells"][2].as_str().unwrap().is_empty()));
        let done = rows
            .iter()
            .filter(|r| r["cells"][2] == "Hoàn thành")
            .count();
        assert_eq!(done, 6);
        assert!(rows
            .iter()
            .any(|r| r["cells"][2] == "Không thực hiện (Đơn vị không có bộ phận một cửa)"));

        let docx = dir.path().join(format!("{name}.docx"));
        let findings: Value =
            serde_json::from_str(&ok(kehoach(&["check", "--json", s(&docx)]))).unwrap();
        let errors: Vec<&Value> = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let text = docx_text(&docx);
        assert!(text.contains("BÁO CÁO"), "{text}");
        assert!(text.contains("Số:") && text.contains("/BC-MNTH"));
        assert!(text.contains("& báo cáo <đúng hạn>"), "typed text kept");
        let pdf = pdf_pages(&dir.path().join(format!("{name}.pdf"))).join("\n");
        assert!(pdf.contains("BÁO CÁO"));
    }
    let q1 = std::fs::read_to_string(dir.path().join("bao-cao-quy-1.json")).unwrap();
    assert!(q1.contains("quý I năm 2024") && q1.contains("14/03/2024"));
    let q1: Value = serde_json::from_str(&q1).unwrap();
    let part = |i: usize| {
        q1["parts"][i]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|it| it["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        part(2).contains(&"Nguyên nhân: Đơn vị mới sáp nhập, thiếu nhân sự văn thư.".to_string())
    );
    assert!(part(3).contains(&"Tập huấn phần mềm quản lý văn bản cho viên chức.".to_string()));
    assert_eq!(
        part(4),
        [
            "Đề nghị Ủy ban nhân dân phường hướng dẫn mẫu báo cáo mới.",
            "Bổ sung kinh phí tập huấn."
        ]
    );
    // The annual report has its own words: none given, so none proposed.
    let year: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("bao-cao-nam.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        year["parts"][4]["items"][0]["text"],
        "Không có đề xuất, kiến nghị."
    );
    let year_text = std::fs::read_to_string(dir.path().join("bao-cao-nam.json")).unwrap();
    assert!(year_text.contains("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"));

    // Both reports pass the Open XML schemas.
    let only_reports = dir.path().join("reports");
    std::fs::create_dir_all(&only_reports).unwrap();
    for name in ["bao-cao-quy-1", "bao-cao-nam"] {
        std::fs::copy(
            dir.path().join(format!("{name}.docx")),
            only_reports.join(format!("{name}.docx")),
        )
        .unwrap();
    }
    for (file, errors) in openxml_audit(&only_reports) {
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

/// The paragraphs of a .docx, tables included, read by python-docx.
fn docx_text(file: &PathBuf) -> String {
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nout = [p.text for p in d.paragraphs]\nfor t in d.tables:\n    for r in t.rows:\n        for c in r.cells:\n            out.append(c.text)\nprint('\\n'.join(out))\n";
    let out = Command::new(python())
        .args(["-c", script])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
