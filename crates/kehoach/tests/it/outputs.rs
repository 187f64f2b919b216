//! What the command line writes: never over a file that is there (each kind of output), never
//! into a folder that is not there without saying so, whole files with the user's permissions;
//! and what it prints: a reader that stops reading (`| head`) ends it quietly.
use kehoach_testkit::root;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kehoach(dir: &Path, args: &[&str]) -> Output {
    // umask 027: a file the program creates is then rw-r----- (0640), not the 0600 of a
    // temporary file nor a fixed 0644.
    Command::new("bash")
        .args(["-c", "umask 027; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(dir)
        .env("KEHOACH_SOFFICE", "none")
        .output()
        .unwrap()
}

fn refused(out: &Output, file: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&format!("Tệp {file} đã có")) && err.contains("--ghi-de"),
        "{err}"
    );
    err
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_output_is_overwritten_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let unit = root().join("tests/fixtures/tuoi-hong.unit.toml");
    let unit = unit.to_str().unwrap();
    let kept = b"ban cua nguoi dung".to_vec();
    for name in ["a.docx", "a.pdf", "b.json", "c.docx", "r.docx"] {
        std::fs::write(d.join(name), &kept).unwrap();
    }
    // export, export --pdf (the PDF beside it is there), adapt, drafts export, report.
    let export = kehoach(d, &["export", "builtin:quan1-2024", "-o", "a.docx"]);
    refused(&export, "a.docx");
    std::fs::remove_file(d.join("a.docx")).unwrap();
    let both = kehoach(
        d,
        &["export", "builtin:quan1-2024", "-o", "a.docx", "--pdf"],
    );
    refused(&both, "a.pdf");
    assert!(
        !d.join("a.docx").exists(),
        "nothing written before refusing"
    );
    let adapt = [
        "adapt",
        "--from",
        "builtin:quan1-2024",
        "--unit",
        unit,
        "-o",
        "b.json",
    ];
    refused(&kehoach(d, &adapt), "b.json");
    ok(&kehoach(
        d,
        &[
            "adapt",
            "--from",
            "builtin:quan1-2024",
            "--unit",
            unit,
            "-o",
            "plan.json",
        ],
    ));
    ok(&kehoach(
        d,
        &["drafts", "--db", "k.db", "save", "plan.json"],
    ));
    refused(
        &kehoach(
            d,
            &["drafts", "--db", "k.db", "export", "1", "-o", "c.docx"],
        ),
        "c.docx",
    );
    refused(
        &kehoach(
            d,
            &[
                "report", "--db", "k.db", "1", "--period", "q1", "-o", "r.docx",
            ],
        ),
        "r.docx",
    );
    for name in ["a.pdf", "b.json", "c.docx", "r.docx"] {
        assert_eq!(
            std::fs::read(d.join(name)).unwrap(),
            kept,
            "{name} untouched"
        );
    }
    // Asked to: replaced, whole, with the user's permissions (umask 027).
    ok(&kehoach(
        d,
        &["export", "builtin:quan1-2024", "-o", "c.docx", "--ghi-de"],
    ));
    let bytes = std::fs::read(d.join("c.docx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a .docx now");
    ok(&kehoach(
        d,
        &["export", "builtin:quan1-2024", "-o", "new.docx"],
    ));
    #[cfg(unix)]
    for name in ["c.docx", "new.docx", "plan.json"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o640, "{name}: {mode:o}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_folder_that_is_not_there_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in [
        &["export", "builtin:quan1-2024", "-o", "thieu/a.docx"][..],
        &[
            "adapt",
            "--from",
            "builtin:quan1-2024",
            "--unit",
            root()
                .join("tests/fixtures/tuoi-hong.unit.toml")
                .to_str()
                .unwrap(),
            "-o",
            "thieu/plan.json",
        ][..],
    ] {
        let out = kehoach(d, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("Không có thư mục thieu"), "{err}");
        assert!(
            !err.contains("os error") && !err.contains("No such"),
            "{err}"
        );
    }
    // A folder given as the output file.
    std::fs::create_dir(d.join("ra")).unwrap();
    let out = kehoach(d, &["export", "builtin:quan1-2024", "-o", "ra"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_reading_ends_the_program_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["import", "builtin:quan1-2024", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -c 100`: read a little, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    // (The JSON is far larger than a pipe holds, so the program was still writing.)
    let full = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["import", "builtin:quan1-2024", "--json"])
        .output()
        .unwrap();
    assert!(full.stdout.len() > 128 * 1024, "{}", full.stdout.len());
}
