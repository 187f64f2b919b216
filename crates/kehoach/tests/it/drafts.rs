//! The facade and the command line over the draft store: a draft's unit plan, the `drafts`
//! commands, and never the parent's plan exported in the unit's stead.
use kehoach::model::{Decisions, NodeDecision};
use kehoach_store::{DraftState, ParentRef, Store};
use std::process::Command;

fn state(step: u32) -> DraftState {
    let mut decisions = Decisions::default();
    decisions
        .nodes
        .insert(format!("III.1.{step}"), NodeDecision::Drop);
    DraftState {
        title: "Kế hoạch CCHC năm 2024".into(),
        parent: Some(ParentRef::Builtin("quan1-2024".into())),
        preset: Some("mam-non".into()),
        decisions,
        step,
        ..Default::default()
    }
}

#[test]
fn units_parent_plans_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("drafts.db");
    let mut s = Store::open(&db).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../..",
        "/tests/fixtures/tuoi-hong.unit.toml"
    ))
    .unwrap();
    let mut profile = kehoach::model::UnitProfile::from_toml(&text).unwrap();
    let id = s.save_unit(&profile).unwrap();
    profile.year = 2025;
    assert_eq!(
        s.save_unit(&profile).unwrap(),
        id,
        "next year updates the same unit"
    );
    assert_eq!(s.unit(id).unwrap().year, 2025);
    let original = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../..",
        "/tests/fixtures/quan1-2024.pandoc.docx"
    ))
    .unwrap();
    let plan = kehoach_import::read_bytes("quan1.docx", &original).unwrap();
    let pid = s
        .save_parent_plan(&plan, Some(("quan1.docx", &original)))
        .unwrap();
    assert_eq!(s.parent_plan(pid).unwrap(), plan);
    assert_eq!(s.parent_plan_original(pid).unwrap().unwrap().1, original);
    let draft = s
        .create_draft(&DraftState {
            parent: Some(ParentRef::Stored(pid)),
            profile: Some(profile.clone()),
            ..state(1)
        })
        .unwrap();
    let unit_plan = kehoach::app::draft_plan(&s, &s.draft(draft).unwrap().state).unwrap();
    assert_eq!(unit_plan.header.issuer, "TRƯỜNG MẦM NON TUỔI HỒNG");
    let backup = dir.path().join("backup.db");
    s.backup(&backup).unwrap();
    let b = Store::open(&backup).unwrap();
    assert!(b.integrity_ok().unwrap());
    assert_eq!(b.drafts().unwrap().len(), 1);
    assert!(
        s.backup(&backup).is_err(),
        "a backup never overwrites a file"
    );
}

#[test]
fn the_drafts_cli() {
    let bin = env!("CARGO_BIN_EXE_kehoach");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let plan = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../..",
        "/tests/fixtures/golden-plan.json"
    );
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap()
    };
    let out = run(&["drafts", "save", plan]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(id, "1");
    let list: serde_json::Value =
        serde_json::from_slice(&run(&["drafts", "list", "--json"]).stdout).unwrap();
    assert_eq!(list[0]["id"], 1);
    let show: serde_json::Value =
        serde_json::from_slice(&run(&["drafts", "show", "1"]).stdout).unwrap();
    assert_eq!(show["state"]["plan"]["header"]["symbol"], "KH-MNTH");
    let docx = dir.path().join("d.docx");
    assert!(
        run(&["drafts", "export", "1", "-o", docx.to_str().unwrap()])
            .status
            .success()
    );
    let exported = kehoach_import::read_path(&docx).unwrap();
    assert_eq!(exported.header.issuer, "TRƯỜNG MẦM NON TUỔI HỒNG");
    let backup = dir.path().join("b.db");
    assert!(run(&["drafts", "backup", "-o", backup.to_str().unwrap()])
        .status
        .success());
    let missing = run(&["drafts", "show", "42"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Không có bản nháp số 42"));
}

#[test]
fn a_draft_without_its_unit_is_never_exported_as_the_parents_plan() {
    use kehoach::app;
    let parent = kehoach_import::builtin("quan1-2024").unwrap();
    // No unit at all: the preview is the parent's plan, and says why.
    let bare = state(1);
    let rendered = app::render(Some(&parent), &bare).unwrap();
    assert_eq!(rendered.plan.header.number, parent.header.number);
    assert_eq!(
        rendered.unit_missing.as_deref(),
        Some("Chưa có thông tin đơn vị.")
    );
    let err = app::build_unit(Some(&parent), &bare)
        .unwrap_err()
        .to_string();
    assert!(err.contains("chưa có kế hoạch của đơn vị để xuất"), "{err}");
    // A unit without its name: the message names what is missing.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../..",
        "/tests/fixtures/tuoi-hong.unit.toml"
    ))
    .unwrap();
    let mut profile = kehoach::model::UnitProfile::from_toml(&text).unwrap();
    profile.name = "  ".into();
    let unnamed = DraftState {
        profile: Some(profile.clone()),
        ..state(1)
    };
    let missing = app::render(Some(&parent), &unnamed).unwrap().unit_missing;
    assert_eq!(
        missing.as_deref(),
        Some("Thiếu tên đơn vị trong thông tin đơn vị.")
    );
    assert!(app::build_unit(Some(&parent), &unnamed).is_err());
    // Described: nothing missing, and the plan is the unit's.
    profile.name = "Trường mầm non Tuổi Hồng".into();
    let described = DraftState {
        profile: Some(profile),
        ..state(1)
    };
    let rendered = app::render(Some(&parent), &described).unwrap();
    assert_eq!(rendered.unit_missing, None);
    let plan = app::build_unit(Some(&parent), &described).unwrap();
    assert_eq!(plan.header.issuer, "TRƯỜNG MẦM NON TUỔI HỒNG");
}
