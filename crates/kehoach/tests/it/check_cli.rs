//! `kehoach check`: exit 0 for a correct document, 1 when the checker finds an error (the
//! findings as JSON on stdout), 2 with one Vietnamese line when the file cannot be read.
use kehoach_testkit::root;
use std::process::Command;

#[test]
fn the_cli_exit_codes() {
    let documents = root().join("tests/fixtures/documents");
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.docx");
    std::fs::write(&junk, b"not a zip at all").unwrap();
    let run = |f: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .arg("check")
            .arg(f)
            .arg("--json")
            .output()
            .unwrap()
    };
    let clean = run(&documents.join("thong-bao-xa/doc.docx"));
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let out = run(&documents.join("cong-van-sai-vv/doc.docx"));
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fault = json
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "vv-format")
        .expect("the planted fault is reported");
    for key in ["rule", "severity", "message"] {
        assert!(fault[key].is_string(), "{key}");
    }
    assert!(fault["location"]["label"].is_string() && fault["location"]["text"].is_string());
    let out = run(&junk);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("Tệp .docx bị hỏng"), "{err}");
}
