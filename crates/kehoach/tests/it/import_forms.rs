//! The other forms a parent plan reaches a unit in: an old Word .doc, an .odt or .rtf (read
//! through LibreOffice when it is installed, otherwise a message that says how to save it as
//! .docx), a scan, a file with a password, and footnotes a converter turned into text. Bad
//! files get one Vietnamese line naming the problem and exit code 2, quickly, with nothing
//! written.
use kehoach_import as import;
use kehoach_testkit::corpus::{compare, facts};
use kehoach_testkit::*;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn forms() -> PathBuf {
    root().join("tests/fixtures/forms")
}

/// Runs `kehoach import FILE` with the environment given; (exit code, stdout, stderr).
fn cli_import(file: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    cmd.arg("import").arg(forms().join(file));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{file}: still running after two minutes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn old_word_odt_and_rtf_files_read_like_the_docx_when_libreoffice_is_there() {
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("tests/fixtures/parents/xa-hung-thinh-2027/expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for file in [
        "xa-hung-thinh.doc",
        "xa-hung-thinh.odt",
        "xa-hung-thinh.rtf",
    ] {
        let plan = import::read_path(&forms().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let diffs = compare(&expected, &facts(&plan));
        assert!(diffs.is_empty(), "{file}:\n{}", diffs.join("\n"));
    }
}

#[test]
fn without_libreoffice_an_old_file_gets_a_message_that_says_how_to_save_it_as_docx() {
    for (file, kind) in [
        ("xa-hung-thinh.doc", ".doc"),
        ("xa-hung-thinh.odt", ".odt"),
        ("xa-hung-thinh.rtf", ".rtf"),
    ] {
        let (code, out, err) = cli_import(file, &[("KEHOACH_SOFFICE", "none")]);
        assert_eq!(code, 2, "{file}");
        assert!(out.is_empty(), "{file}: {out}");
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(
            err.contains(kind) && err.contains("LibreOffice") && err.contains(".docx"),
            "{err}"
        );
        assert!(!err.contains("UTF-8"), "{err}");
    }
}

#[test]
fn a_scan_and_files_with_a_password_get_one_clear_line() {
    for (file, says) in [
        ("scan.pdf", "bản quét"),
        ("encrypted.pdf", "mật khẩu"),
        ("encrypted.docx", "mật khẩu"),
    ] {
        let (code, out, err) = cli_import(file, &[]);
        assert_eq!(code, 2, "{file}");
        assert!(out.is_empty(), "{file}: {out}");
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(
            err.starts_with("Lỗi: ") && err.contains(says),
            "{file}: {err}"
        );
    }
}

#[test]
fn footnotes_a_converter_turned_into_text_are_footnotes_again() {
    let plan = import::read_path(&forms().join("typed-footnotes.docx")).unwrap();
    assert_eq!(plan.footnotes.len(), 1);
    let note = &plan.footnotes[0];
    assert!(
        note.text.starts_with("Quyết định số 41/2011/QĐ-UBND"),
        "{}",
        note.text
    );
    let item = plan.item(note.anchor.item().unwrap()).unwrap();
    assert_eq!(item.label, "1.");
    assert!(item.text.ends_with("khen thưởng."), "{}", item.text);
    assert!(!item.text.contains("20111"), "the mark is out of the text");
    // The note is not an item of the body.
    assert_eq!(plan.parts[0].items.len(), 3);
    assert!(plan
        .items()
        .iter()
        .all(|(_, i)| !i.text.starts_with("Quyết định số 41")));
}
