//! Next year's plan from last year's, through the facade and the command line: the kindergarten's
//! issued 2024 plan (a task dropped, one in its own words, two tasks recorded as not finished) and
//! the district's 2025 plan (the 2024 plan a year on, one of those tasks gone).
use kehoach::app;
use kehoach::model::{NodeDecision, Status, TaskRecord, UnitProfile};
use kehoach::store::{DraftState, ParentRef};
use kehoach_testkit::root;
use std::path::Path;
use std::process::Command;

fn last_year() -> (kehoach::model::Plan, DraftState) {
    let parent = kehoach_import::builtin("quan1-2024").unwrap();
    let profile = UnitProfile::from_toml(
        &std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap(),
    )
    .unwrap();
    let mut last = DraftState {
        parent: Some(ParentRef::Builtin("quan1-2024".into())),
        profile: Some(profile),
        preset: Some("mam-non".into()),
        ..Default::default()
    };
    last.decisions
        .nodes
        .insert("III.1.2".into(), NodeDecision::Drop);
    last.decisions.nodes.insert(
        "III.1.3".into(),
        NodeDecision::Edit {
            text: "Nhà trường xây dựng kế hoạch tự kiểm tra CCHC, hoàn thành trước ngày 31/3/2024."
                .into(),
        },
    );
    let plan = app::build_unit(Some(&parent), &last).unwrap();
    let record = kehoach::track::Record::of(&plan, &last.tracking).unwrap();
    let tasks: Vec<_> = record.tasks.iter().map(|t| t.id.clone()).collect();
    for (id, status, reason) in [
        (&tasks[3], Status::DangThucHien, "Chờ hướng dẫn của phường"),
        (&tasks[5], Status::ChuaThucHien, ""),
        (&tasks[6], Status::HoanThanh, ""),
    ] {
        let update = TaskRecord {
            status,
            reason: reason.into(),
            ..Default::default()
        };
        app::record_task(&plan, &mut last, id, update).unwrap();
    }
    (parent, last)
}

/// The district's 2025 plan: the 2024 plan's words a year on, without one item.
fn next_parent(dir: &std::path::Path, without: &str) -> std::path::PathBuf {
    let md = std::fs::read_to_string(
        root().join("crates/import/builtin/ke-hoach-04-KH-UBND-quan1-2024.md"),
    )
    .unwrap();
    let md: String = md
        .lines()
        .filter(|l| !l.contains(without))
        .map(|l| l.replace("2024", "2025") + "\n")
        .collect();
    let path = dir.join("ke-hoach-2025.md");
    std::fs::write(&path, md).unwrap();
    path
}

#[test]
fn last_years_decisions_and_undone_tasks_carry_to_next_years_draft() {
    let (parent, last) = last_year();
    let plan = app::build_unit(Some(&parent), &last).unwrap();
    let record = kehoach::track::Record::of(&plan, &last.tracking).unwrap();
    let gone = record.tasks[5].text.clone();
    let dir = tempfile::tempdir().unwrap();
    let words: String = gone
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let new = kehoach_import::read_path(&next_parent(dir.path(), &words)).unwrap();
    let draft = app::next_year_draft(&parent, &last, &new, Some(ParentRef::Stored(7))).unwrap();
    let profile = draft.profile.as_ref().unwrap();
    assert_eq!(profile.year, 2025);
    assert_eq!(
        (profile.number.as_deref(), profile.date),
        (None, None),
        "a draft: number and date blank"
    );
    assert_eq!(
        profile.signer_name,
        last.profile.as_ref().unwrap().signer_name
    );
    assert_eq!(draft.parent, Some(ParentRef::Stored(7)));
    assert_eq!(draft.title, "Kế hoạch CCHC năm 2025");
    let previous = draft.previous.as_ref().unwrap();
    assert_eq!(previous.year, 2024);
    assert!(
        !previous.removed.is_empty(),
        "the item taken out is removed"
    );
    // Last year's decisions stand; last year's own words are this year's.
    let same = |id: &str| {
        previous
            .changes
            .iter()
            .find(|(_, c)| c.was() == [id])
            .map(|(n, _)| n.clone())
            .unwrap()
    };
    assert_eq!(
        draft.decisions.nodes.get(&same("III.1.2")),
        Some(&NodeDecision::Drop)
    );
    assert_eq!(
        draft.decisions.nodes.get(&same("III.1.3")),
        Some(&NodeDecision::Edit {
            text: "Nhà trường xây dựng kế hoạch tự kiểm tra CCHC, hoàn thành trước ngày 31/3/2025."
                .into()
        })
    );
    // What last year left undone: the task in progress with its reason, still in the parent's
    // plan; the one not started, gone from it; the finished one not offered.
    let undone: Vec<_> = previous
        .undone
        .iter()
        .map(|t| (t.status, t.reason.as_str(), t.continued_by.is_some()))
        .collect();
    assert_eq!(
        undone,
        [
            (Status::DangThucHien, "Chờ hướng dẫn của phường", true),
            (Status::ChuaThucHien, "", false)
        ]
    );
    // The unit's plan for 2025 says no 2024 outside its citations.
    let unit = app::build_unit(Some(&new), &draft).unwrap();
    assert_eq!(unit.year(), Some(2025));
    for (_, item) in unit.items() {
        assert!(
            !item.text.contains("năm 2024") && !item.text.contains("/2024"),
            "{}",
            item.text
        );
    }
}

/// `kehoach adapt --from NEW --previous PREVIOUS -o OUT`.
fn next_year_cli(new: &Path, previous: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["adapt", "--from"])
        .arg(new)
        .arg("--previous")
        .arg(previous)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_makes_next_years_plan_from_last_years_draft() {
    let (_, last) = last_year();
    let dir = tempfile::tempdir().unwrap();
    let prev = dir.path().join("nam-truoc.json");
    std::fs::write(&prev, serde_json::to_string(&last).unwrap()).unwrap();
    let new = next_parent(dir.path(), "no line has this");
    let out = dir.path().join("ke-hoach-2025.json");
    let run = next_year_cli(&new, &prev, &out);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    assert!(
        said.contains("So với kế hoạch cấp trên năm 2024:"),
        "{said}"
    );
    assert!(said.contains("Việc năm trước chưa hoàn thành:"), "{said}");
    assert!(said.contains("Chờ hướng dẫn của phường"), "{said}");
    let plan: kehoach::model::Plan =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(plan.year(), Some(2025));
    assert!(plan.item("III.1.2").is_none(), "last year's drop carried");
    // A draft that is not last year's gets one clear message.
    let bad = dir.path().join("hong.json");
    std::fs::write(&bad, "{\"title\": 3}").unwrap();
    let run = next_year_cli(&new, &bad, &dir.path().join("x.json"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("không phải bản nháp năm trước"));
}
