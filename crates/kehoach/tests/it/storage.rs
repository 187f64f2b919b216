//! The data file where it cannot be written — a full disk, a read-only folder — and given as a
//! folder: everything that only reads works (listing, showing, exporting elsewhere, the
//! tracker's list, reports), and what would save says why it cannot, in one Vietnamese line.
//! As root the full disk is a full tmpfs and the read-only folder a tmpfs mounted read-only
//! (a root process writes through a folder's permissions); otherwise a folder without write
//! permission and a file-size limit of 0.
use kehoach_testkit::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kehoach(args: &[&str], limit_size: bool) -> Output {
    let script = if limit_size {
        "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\""
    } else {
        "exec \"$0\" \"$@\""
    };
    Command::new("bash")
        .args(["-c", script])
        .arg(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .env("KEHOACH_SOFFICE", "none")
        .output()
        .unwrap()
}

fn ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: &Output, what: &str, words: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{what}: {err}");
    assert!(
        words.iter().any(|w| err.contains(w)),
        "{what}: one of {words:?} in {err}"
    );
    assert!(
        !err.contains("hỏng"),
        "{what}: not said to be damaged: {err}"
    );
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
}

/// A tmpfs mounted at a folder, unmounted when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn mount_tmpfs(at: &Path, size: &str) -> Mount {
    std::fs::create_dir_all(at).unwrap();
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(at)
        .status()
        .unwrap();
    assert!(status.success(), "mount a tmpfs at {}", at.display());
    Mount(at.to_path_buf())
}

/// Makes a mounted tmpfs read-only (root writes through folder permissions: a read-only mount
/// stands for them).
fn remount_read_only(at: &Path) {
    let status = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(at)
        .status()
        .unwrap();
    assert!(status.success(), "remount {} read-only", at.display());
}

/// A data file with one draft (the kindergarten's plan), made in `dir`.
fn data_file(dir: &Path) -> PathBuf {
    let plan = dir.join("plan.json");
    let unit = root().join("tests/fixtures/tuoi-hong.unit.toml");
    ok(
        &kehoach(
            &[
                "adapt",
                "--from",
                "builtin:quan1-2024",
                "--unit",
                unit.to_str().unwrap(),
                "-o",
                plan.to_str().unwrap(),
            ],
            false,
        ),
        "adapt",
    );
    let db = dir.join("k.db");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    ok(
        &kehoach(&["drafts", "--db", &s(&db), "save", &s(&plan)], false),
        "save",
    );
    db
}

/// Every command that only reads works on `db`; saving is refused with one of `why`.
fn reads_work_saving_says_why(db: &Path, out_dir: &Path, limit_size: bool, why: &[&str]) {
    let db = db.to_str().unwrap();
    let list = ok(
        &kehoach(&["drafts", "--db", db, "list"], limit_size),
        "list",
    );
    assert!(list.contains("TUỔI HỒNG"), "{list}");
    let show = ok(
        &kehoach(&["drafts", "--db", db, "show", "1"], limit_size),
        "show",
    );
    assert!(show.contains("\"plan\""));
    let tracked = ok(&kehoach(&["track", "--db", db, "1"], limit_size), "track");
    assert!(tracked.contains("nhiệm vụ"), "{tracked}");
    if !limit_size {
        // (Under a file-size limit nothing can be written anywhere.)
        let docx = out_dir.join("ban-nhap.docx");
        let docx = docx.to_str().unwrap();
        ok(
            &kehoach(
                &["drafts", "--db", db, "export", "1", "-o", docx, "--ghi-de"],
                false,
            ),
            "export",
        );
        let report = out_dir.join("bao-cao.docx");
        let report = report.to_str().unwrap();
        ok(
            &kehoach(
                &[
                    "report", "--db", db, "1", "--period", "q1", "-o", report, "--ghi-de",
                ],
                false,
            ),
            "report",
        );
    }
    let plan = out_dir.join("plan.json");
    refused(
        &kehoach(
            &["drafts", "--db", db, "save", plan.to_str().unwrap()],
            limit_size,
        ),
        "save",
        why,
    );
    refused(
        &kehoach(
            &["track", "--db", db, "1", "set", "1.1", "--status", "dang"],
            limit_size,
        ),
        "track set",
        why,
    );
}

#[test]
fn a_read_only_folder_and_a_full_disk_allow_all_that_reads() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let db = data_file(&work);
    if is_root() {
        // Read-only: a tmpfs holding a copy, remounted read-only.
        let ro = dir.path().join("chi-doc");
        let _m = mount_tmpfs(&ro, "20M");
        std::fs::copy(&db, ro.join("k.db")).unwrap();
        remount_read_only(&ro);
        reads_work_saving_says_why(&ro.join("k.db"), &work, false, &["chỉ cho đọc"]);
        // Full: a tmpfs holding a copy and a file filling the rest.
        let full = dir.path().join("day");
        let _f = mount_tmpfs(&full, "4M");
        std::fs::copy(&db, full.join("k.db")).unwrap();
        let _ = std::fs::write(full.join("lap-day"), vec![0u8; 8 * 1024 * 1024]);
        reads_work_saving_says_why(&full.join("k.db"), &work, false, &["đầy"]);
    } else {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("chi-doc");
        std::fs::create_dir(&ro).unwrap();
        std::fs::copy(&db, ro.join("k.db")).unwrap();
        std::fs::set_permissions(ro.join("k.db"), std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        reads_work_saving_says_why(
            &ro.join("k.db"),
            &work,
            false,
            &["không có quyền", "chỉ cho đọc"],
        );
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        reads_work_saving_says_why(&db, &work, true, &["đầy", "giới hạn"]);
    }
}

#[test]
fn a_folder_given_as_the_data_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = kehoach(
        &["drafts", "--db", dir.path().to_str().unwrap(), "list"],
        false,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("đây là một thư mục"), "{err}");
    assert!(!err.contains("ổ đĩa"), "{err}");
}

#[test]
fn exporting_into_a_folder_that_cannot_be_written_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let db = data_file(&work);
    let db = db.to_str().unwrap();
    let ro = dir.path().join("khong-ghi-duoc");
    let _m;
    if is_root() {
        _m = Some(mount_tmpfs(&ro, "4M"));
        remount_read_only(&ro);
    } else {
        use std::os::unix::fs::PermissionsExt;
        _m = None;
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let out = ro.join("ke-hoach.docx");
    let run = kehoach(
        &[
            "drafts",
            "--db",
            db,
            "export",
            "1",
            "-o",
            out.to_str().unwrap(),
        ],
        false,
    );
    refused(&run, "export", &["chỉ cho đọc", "không có quyền ghi"]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("hãy lưu vào ổ đĩa khác") || err.contains("hãy chọn thư mục khác"),
        "what to do next: {err}"
    );
    assert!(!out.exists());
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
