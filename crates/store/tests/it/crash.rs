//! Crashes and two writers: a process killed at random moments never loses a committed revision,
//! and two processes saving at once do not corrupt the file.
use crate::store::state;
use kehoach_store::Store;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Not a test of its own: the child process the crash and concurrency tests start (this same test
/// binary, run with KEHOACH_CHILD_DB set). It saves revisions in a loop and prints the id of each
/// one right after its transaction commits.
#[test]
fn child_process_saving_revisions() {
    let Ok(db) = std::env::var("KEHOACH_CHILD_DB") else {
        return;
    };
    let draft: i64 = std::env::var("KEHOACH_CHILD_DRAFT")
        .unwrap()
        .parse()
        .unwrap();
    let count: u32 = std::env::var("KEHOACH_CHILD_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(u32::MAX);
    let mut store = Store::open(std::path::Path::new(&db)).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let rev = store.save(draft, &state(i % 50), "lưu tự động").unwrap();
        writeln!(out, "{rev}").unwrap();
        out.flush().unwrap();
    }
}

fn child(db: &std::path::Path, draft: i64, count: Option<u32>) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "crash::child_process_saving_revisions",
        "--nocapture",
        "--test-threads=1",
        "--quiet",
    ])
    .env("KEHOACH_CHILD_DB", db)
    .env("KEHOACH_CHILD_DRAFT", draft.to_string())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(n) = count {
        cmd.env("KEHOACH_CHILD_COUNT", n.to_string());
    }
    cmd.spawn().unwrap()
}

/// Revision ids a child printed.
fn committed(lines: &[String]) -> Vec<i64> {
    lines.iter().filter_map(|l| l.trim().parse().ok()).collect()
}

#[test]
fn sigkill_at_random_moments_never_loses_a_committed_revision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("drafts.db");
    let draft = Store::open(&db).unwrap().create_draft(&state(0)).unwrap();
    let mut seed = 0x9E3779B97F4A7C15u64;
    let mut total = 0;
    for round in 0..100 {
        let mut c = child(&db, draft, None);
        let stdout = c.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 40_000));
        c.kill().unwrap(); // SIGKILL
        c.wait().unwrap();
        let revs = committed(&reader.join().unwrap());
        total += revs.len();
        let store = Store::open(&db).unwrap();
        assert!(
            store.integrity_ok().unwrap(),
            "round {round}: integrity_check failed"
        );
        for rev in &revs {
            assert!(
                store.has_revision(*rev).unwrap(),
                "round {round}: committed revision {rev} lost"
            );
        }
        // The draft opens at its last committed state.
        let d = store.draft(draft).unwrap();
        if let Some(last) = revs.last() {
            assert!(d.revision >= *last, "round {round}");
        }
    }
    assert!(
        total > 100,
        "the children committed {total} revisions in all"
    );
}

#[test]
fn two_processes_writing_at_once_do_not_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("drafts.db");
    let (a, b) = {
        let mut s = Store::open(&db).unwrap();
        (
            s.create_draft(&state(0)).unwrap(),
            s.create_draft(&state(0)).unwrap(),
        )
    };
    let children = [
        child(&db, a, Some(60)),
        child(&db, b, Some(60)),
        child(&db, a, Some(60)),
    ];
    for mut c in children {
        let lines: Vec<String> = BufReader::new(c.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .collect();
        let out = committed(&lines).len();
        assert!(c.wait().unwrap().success());
        assert_eq!(out, 60);
    }
    let store = Store::open(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    assert_eq!(store.revisions(a).unwrap().len(), 121);
    assert_eq!(store.revisions(b).unwrap().len(), 61);
}
