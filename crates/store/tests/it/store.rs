//! The draft store on real SQLite files in temporary folders: crashes, restarts, migrations,
//! broken files and two writers at once.
use kehoach_model::{Decisions, NodeDecision, UnitProfile};
use kehoach_store::{migrations, DraftState, Opened, ParentRef, Store, StoreError, SCHEMA_VERSION};
use std::process::Command;

/// Which `state(n)` a state is, by its content (undo keeps the step the user is on).
fn mark(d: &DraftState) -> u32 {
    let key = d.decisions.nodes.keys().next().expect("a marked state");
    key.trim_start_matches("III.1.").parse().unwrap()
}

pub(crate) fn state(step: u32) -> DraftState {
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
fn undo_and_redo_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("drafts.db");
    let id = {
        let mut s = Store::open(&db).unwrap();
        let id = s.create_draft(&state(1)).unwrap();
        s.save(id, &state(2), "").unwrap();
        s.save(id, &state(3), "").unwrap();
        id
    };
    {
        let mut s = Store::open(&db).unwrap();
        let d = s.undo(id).unwrap().unwrap();
        assert_eq!(mark(&d.state), 2);
        assert_eq!(d.state.step, 3, "the user stays on their step");
        assert!(d.can_undo && d.can_redo);
    }
    {
        let mut s = Store::open(&db).unwrap();
        assert_eq!(mark(&s.draft(id).unwrap().state), 2, "the undo was saved");
        assert_eq!(mark(&s.redo(id).unwrap().unwrap().state), 3);
        assert!(s.redo(id).unwrap().is_none(), "nothing more to redo");
        s.undo(id).unwrap();
        s.undo(id).unwrap();
        assert!(s.undo(id).unwrap().is_none(), "nothing more to undo");
        // A new change after undo replaces what could have been redone.
        s.save(id, &state(9), "").unwrap();
        let d = s.draft(id).unwrap();
        assert!(!d.can_redo && d.can_undo);
        let revs = s.revisions(id).unwrap();
        assert_eq!(revs.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(
            s.revision_state(revs[0].id).unwrap().step,
            1,
            "any earlier version opens"
        );
    }
}

#[test]
fn migrations_from_every_earlier_schema_keep_the_data() {
    for from in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("old.db");
        {
            let mut conn = rusqlite::Connection::open(&db).unwrap();
            migrations::migrate_to(&mut conn, from).unwrap();
            if from >= 1 {
                // What version 1 stored.
                let json = serde_json::to_string(&state(4)).unwrap();
                conn.execute_batch(&format!(
                    "INSERT INTO drafts (id, title, current_rev, created_at, updated_at) VALUES (7, 'cũ', 70, '2024-01-01', '2024-01-01');
                     INSERT INTO revisions (id, draft_id, seq, created_at, state) VALUES (70, 7, 1, '2024-01-01', '{json}');
                     INSERT INTO units (name, unit_type, profile, updated_at) VALUES ('Trường A', 'mam-non', '{{\"name\":\"Trường A\"}}', '2024-01-01');"
                ))
                .unwrap();
            }
        }
        let mut s = Store::open(&db).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION, "from {from}");
        if from >= 1 {
            let d = s.draft(7).unwrap();
            assert_eq!(d.state.step, 4, "from {from}");
            assert_eq!(s.units().unwrap()[0].name, "Trường A");
            s.save(7, &state(5), "sau nâng cấp").unwrap();
            assert_eq!(s.draft(7).unwrap().state.step, 5);
        }
    }
}

#[test]
fn broken_files_get_a_clear_message_and_are_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // Random bytes.
    let random = dir.path().join("random.db");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&random, &bytes).unwrap();
    let err = Store::open(&random).err().unwrap();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("bị hỏng"));
    let (mut fresh, opened) = Store::open_or_recover(&random).unwrap();
    let Some(Opened::Recovered { aside, rescued: 0 }) = opened else {
        panic!("moved aside: {opened:?}")
    };
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the broken file is kept as it was"
    );
    fresh.create_draft(&state(1)).unwrap();

    // A truncated database.
    let good = dir.path().join("good.db");
    {
        let mut s = Store::open(&good).unwrap();
        for i in 0..50 {
            let id = s.create_draft(&state(i)).unwrap();
            s.save(id, &state(i + 1), "").unwrap();
        }
    }
    let full = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &full[..full.len() / 3]).unwrap();
    assert!(matches!(
        Store::open(&truncated),
        Err(StoreError::Corrupt { .. })
    ));

    // A database from a newer version: a clear message, and it is left alone.
    let newer = dir.path().join("newer.db");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&newer).unwrap();
    let err = Store::open_or_recover(&newer).err().unwrap();
    assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("phiên bản mới hơn"));
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn drafts_that_can_still_be_read_are_rescued_from_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let mut ids = Vec::new();
    {
        let mut s = Store::open(&db).unwrap();
        for i in 1..=5 {
            let id = s.create_draft(&state(i)).unwrap();
            s.save(id, &state(i + 10), "").unwrap();
            ids.push(id);
        }
        // A parent plan with its original file: the last pages of the database.
        let plan = kehoach_import::builtin("quan1-2024").unwrap();
        let original = vec![b'x'; 300 * 1024];
        s.save_parent_plan(&plan, Some(("ke-hoach.pdf", &original)))
            .unwrap();
    }
    // The end of the file overwritten (a disk that failed while the plan's file was written).
    let mut bytes = std::fs::read(&db).unwrap();
    let n = bytes.len();
    for (i, b) in bytes[n - 40 * 4096..].iter_mut().enumerate() {
        *b = (i.wrapping_mul(2654435761) >> 7) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    assert!(matches!(Store::open(&db), Err(StoreError::Corrupt { .. })));

    let (store, opened) = Store::open_or_recover(&db).unwrap();
    let Some(Opened::Recovered { aside, rescued }) = opened else {
        panic!("{opened:?}")
    };
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the damaged file is kept"
    );
    assert_eq!(rescued, 5, "every draft was on an undamaged page");
    assert!(store.integrity_ok().unwrap());
    for (i, id) in ids.iter().enumerate() {
        let d = store.draft(*id).unwrap();
        assert_eq!(
            d.state,
            state(i as u32 + 11),
            "draft {id} at its last revision"
        );
        assert!(d.can_undo, "with its history");
    }
}

/// Not a test of its own: run by the full-disk test with a file-size limit of 0 (every write
/// that grows a file fails, as on a full disk). Opens the store the way the app does and prints
/// what happened.
#[test]
fn child_process_opening_on_a_full_disk() {
    let Ok(db) = std::env::var("KEHOACH_FULL_DISK_DB") else {
        return;
    };
    let db = std::path::PathBuf::from(db);
    match Store::open(&db) {
        Err(StoreError::Unavailable(reason)) => println!("open: không ghi được: {reason}"),
        Err(e) => println!("open: {e:?}"),
        Ok(_) => println!("open: ok"),
    }
    let (mut store, opened) = Store::open_or_recover(&db).unwrap();
    println!("opened: {opened:?}");
    println!("drafts: {}", store.drafts().unwrap().len());
    let first = store.drafts().unwrap()[0].id;
    println!("draft: {:?}", store.draft(first).unwrap().state.step);
    match store.save(first, &state(42), "") {
        Err(e) => println!("save: {e}"),
        Ok(_) => println!("save: ok"),
    }
}

#[test]
fn a_full_disk_at_start_up_opens_the_drafts_read_only_and_moves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    {
        let mut s = Store::open(&db).unwrap();
        for i in 1..=3 {
            s.create_draft(&state(i)).unwrap();
        }
    }
    let before = std::fs::read(&db).unwrap();
    // A file-size limit of 0 (SIGXFSZ ignored, so writes fail with EFBIG as with ENOSPC).
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("bash")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 0; exec \"$0\" --exact store::child_process_opening_on_a_full_disk --nocapture --test-threads=1 --quiet",
        ])
        .arg(&exe)
        .env("KEHOACH_FULL_DISK_DB", &db)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("open: không ghi được: "), "{stdout}");
    assert!(stdout.contains("opened: Some(ReadOnly"), "{stdout}");
    assert!(stdout.contains("drafts: 3"), "{stdout}");
    assert!(
        stdout.contains("save: Tệp dữ liệu đang mở ở chế độ chỉ đọc"),
        "{stdout}"
    );
    // Nothing was moved aside or changed; once there is space, everything is there.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".hong-")), "{names:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let s = Store::open(&db).unwrap();
    assert_eq!(s.drafts().unwrap().len(), 3);
}

#[test]
fn undo_takes_back_content_not_moves_between_steps_and_says_what() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let mut s = Store::open(&db).unwrap();
    let mut d = state(1);
    d.profile = Some(UnitProfile {
        name: "Trường Mầm non Hoa Sen".into(),
        year: 2026,
        ..Default::default()
    });
    let id = s.create_draft(&d).unwrap();
    // A new draft is named by its year, whatever title it was given.
    assert_eq!(s.drafts().unwrap()[0].title, "Kế hoạch CCHC năm 2026");
    d.profile.as_mut().unwrap().year = 2024;
    s.save(id, &d, "Năm kế hoạch").unwrap();
    assert_eq!(
        s.drafts().unwrap()[0].title,
        "Kế hoạch CCHC năm 2024",
        "the title follows the year"
    );
    d.decisions
        .nodes
        .insert("III.2.1".into(), NodeDecision::Drop);
    s.save(id, &d, "Bỏ nhiệm vụ III.2.1").unwrap();
    // Moving on through steps 2 → 3 → 4: not changes undo takes back.
    for step in [2, 3, 4] {
        d.step = step;
        s.save(id, &d, &format!("Bước {step}")).unwrap();
    }
    let back = s.undo(id).unwrap().expect("something to undo");
    assert_eq!(back.change.as_deref(), Some("Bỏ nhiệm vụ III.2.1"));
    assert!(!back.state.decisions.nodes.contains_key("III.2.1"));
    assert_eq!(back.state.step, 4, "still on step 4");
    let back = s.undo(id).unwrap().unwrap();
    assert_eq!(back.change.as_deref(), Some("Năm kế hoạch"));
    assert_eq!(back.state.profile.as_ref().unwrap().year, 2026);
    assert_eq!(s.drafts().unwrap()[0].title, "Kế hoạch CCHC năm 2026");
    assert!(!back.can_undo, "the first state is reached");
    assert!(s.undo(id).unwrap().is_none());
    let again = s.redo(id).unwrap().unwrap();
    assert_eq!(again.change.as_deref(), Some("Năm kế hoạch"));
    let again = s.redo(id).unwrap().unwrap();
    assert_eq!(again.change.as_deref(), Some("Bỏ nhiệm vụ III.2.1"));
    assert!(again.state.decisions.nodes.contains_key("III.2.1"));
    assert!(
        !again.can_redo,
        "the step moves after it are no change to redo"
    );
    assert!(s.redo(id).unwrap().is_none());
}

#[test]
fn a_save_made_from_an_older_revision_is_a_conflict_not_an_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let mut one = Store::open(&db).unwrap();
    let mut two = Store::open(&db).unwrap();
    let id = one.create_draft(&state(1)).unwrap();
    let base = one.draft(id).unwrap().revision;
    // Window two saves first.
    let theirs = two.save_on(id, Some(base), &state(2), "").unwrap();
    // Window one, still at `base`, is refused and told when the draft changed.
    let err = one.save_on(id, Some(base), &state(3), "").unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert!(err.to_string().contains("cửa sổ khác"), "{err}");
    assert_eq!(
        one.draft(id).unwrap().state,
        state(2),
        "nothing overwritten"
    );
    // Choosing to keep its own: saved on top, the other's edit one undo away.
    one.save_on(id, Some(theirs), &state(3), "").unwrap();
    assert_eq!(two.draft(id).unwrap().state, state(3));
    assert_eq!(mark(&two.undo(id).unwrap().unwrap().state), 2);
    // An undo in one window also moves the revision the other started from.
    assert!(matches!(
        one.save_on(id, Some(theirs + 1), &state(4), ""),
        Err(StoreError::Conflict { .. })
    ));
}

#[test]
fn restoring_a_backup_next_to_a_live_wal_gives_the_backup_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let backup = dir.path().join("sao-luu.db");
    let mut s = Store::open(&db).unwrap();
    let id = s.create_draft(&state(1)).unwrap();
    s.save(id, &state(2), "").unwrap();
    s.backup(&backup).unwrap();
    // Later work, still in the -wal (another connection keeps it from being checkpointed).
    let reader = Store::open(&db).unwrap();
    for i in 3..30 {
        s.save(id, &state(i), "").unwrap();
    }
    let other = s.create_draft(&state(7)).unwrap();
    assert!(std::fs::metadata(format!("{}-wal", db.display()))
        .map(|m| m.len() > 0)
        .unwrap_or(false));
    s.restore(&backup).unwrap();
    drop(reader);
    drop(s);
    let s = Store::open(&db).unwrap();
    assert!(s.integrity_ok().unwrap());
    assert_eq!(s.draft(id).unwrap().state, state(2));
    assert!(matches!(s.draft(other), Err(StoreError::NoDraft(_))));
}

#[test]
fn undo_says_where_the_change_was_made_a_step_or_the_tracking_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("kehoach.db")).unwrap();
    let mut d = state(1);
    let id = s.create_draft(&d).unwrap();
    // A task dropped on step 4, then the user moves on to step 6 and records a task's status on
    // the tracking screen.
    d.step = 4;
    s.save(id, &d, "Bước 4").unwrap();
    d.decisions
        .nodes
        .insert("III.2.1".into(), NodeDecision::Drop);
    s.save(id, &d, "Bỏ nhiệm vụ III.2.1").unwrap();
    d.step = 6;
    s.save(id, &d, "Bước 6").unwrap();
    d.tracking.tasks.insert(
        "III.1.1".into(),
        kehoach_model::TaskRecord {
            status: kehoach_model::Status::HoanThanh,
            ..Default::default()
        },
    );
    s.save(id, &d, "Theo dõi nhiệm vụ 1.1").unwrap();
    let back = s.undo_on(id, -1, 6).unwrap().unwrap();
    assert_eq!(back.change.as_deref(), Some("Theo dõi nhiệm vụ 1.1"));
    assert!(back.change_in_tracking, "made on the tracking screen");
    assert_eq!(back.state.step, 6, "the window's step");
    let back = s.undo_on(id, -1, 6).unwrap().unwrap();
    assert_eq!(back.change.as_deref(), Some("Bỏ nhiệm vụ III.2.1"));
    assert!(!back.change_in_tracking);
    assert_eq!(
        back.change_step,
        Some(4),
        "made on step 4, undone from step 6"
    );
    let again = s.undo_on(id, 1, 6).unwrap().unwrap();
    assert_eq!(again.change.as_deref(), Some("Bỏ nhiệm vụ III.2.1"));
    assert_eq!(again.change_step, Some(4));
}
