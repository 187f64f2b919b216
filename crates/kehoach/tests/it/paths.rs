//! Folders and file names as teachers name them — Vietnamese letters, spaces, parentheses, a
//! dash — on the way in (a parent plan, a Word .odt converted by LibreOffice, the unit file), in
//! the data file's folder and on the way out (.docx, .pdf, backup), with nothing that assumes a
//! POSIX shell: every program is run by the `kehoach` binary itself.
use kehoach_testkit::*;
use std::path::Path;
use std::process::Command;

fn kehoach(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

#[test]
fn vietnamese_folder_and_file_names_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir
        .path()
        .join("Tài liệu của cô Hồng/Kế hoạch CCHC (năm 2027)");
    std::fs::create_dir_all(&folder).unwrap();
    let parent = folder.join("Kế hoạch CCHC – xã Hưng Thịnh (bản chính).docx");
    std::fs::copy(
        root().join("tests/fixtures/parents/xa-hung-thinh-2027/doc.docx"),
        &parent,
    )
    .unwrap();
    let unit = folder.join("Thông tin đơn vị.toml");
    std::fs::write(
        &unit,
        "name = \"Trường mầm non Hưng Thịnh\"\nshort_name = \"MNHT\"\ntype = \"mam-non\"\n\
         parent_body = \"Ủy ban nhân dân xã Hưng Thịnh\"\nplace = \"Hưng Thịnh\"\nyear = 2027\n\
         signer_title = \"HIỆU TRƯỞNG\"\nsigner_name = \"Lê Thị Hồng\"\n",
    )
    .unwrap();

    // Import and adapt from and into those folders, as .docx and as .pdf.
    let outline = ok(kehoach(&[p("import"), &parent]));
    assert!(outline.contains("HƯNG THỊNH"), "{outline}");
    for ext in ["docx", "pdf"] {
        let out = folder.join(format!(
            "Kế hoạch CCHC năm 2027 – Trường MN Hưng Thịnh.{ext}"
        ));
        ok(kehoach(&[
            p("adapt"),
            p("--from"),
            &parent,
            p("--unit"),
            &unit,
            p("-o"),
            &out,
        ]));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() > 5000, "{} is written", out.display());
    }
    let docx = folder.join("Kế hoạch CCHC năm 2027 – Trường MN Hưng Thịnh.docx");
    let check = ok(kehoach(&[p("check"), p("--json"), &docx]));
    assert!(check.trim_start().starts_with('['), "{check}");
    assert!(
        std::fs::read_dir(&folder).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains('%')),
        "no escaped names left behind"
    );

    // The data file in such a folder: a draft saved, listed, exported and backed up.
    let db = folder.join("Dữ liệu ứng dụng/kehoach.db");
    let plan = folder.join("kế hoạch đã sửa.json");
    ok(kehoach(&[
        p("adapt"),
        p("--from"),
        &parent,
        p("--unit"),
        &unit,
        p("-o"),
        &plan,
    ]));
    let id = ok(kehoach(&[p("drafts"), p("--db"), &db, p("save"), &plan]));
    let listed = ok(kehoach(&[p("drafts"), p("--db"), &db, p("list")]));
    assert!(listed.contains("Trường mầm non Hưng Thịnh"), "{listed}");
    let exported = folder.join("Bản nháp số 1.docx");
    ok(kehoach(&[
        p("drafts"),
        p("--db"),
        &db,
        p("export"),
        p(id.trim()),
        p("--output"),
        &exported,
    ]));
    assert!(exported.exists());
    let backup = folder.join("Sao lưu ngày 06-12-2026.db");
    ok(kehoach(&[
        p("drafts"),
        p("--db"),
        &db,
        p("backup"),
        p("--output"),
        &backup,
    ]));
    assert!(std::fs::metadata(&backup).unwrap().len() > 0);
}

#[test]
fn an_odt_in_a_vietnamese_folder_is_converted_by_libreoffice() {
    // LibreOffice reads its private profile from a file URL: a folder with letters and spaces
    // must reach it percent-encoded (a teacher's Windows user folder is "C:\Users\Nguyễn Văn An").
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Thư mục của thầy Nguyễn Văn An");
    std::fs::create_dir_all(&folder).unwrap();
    let odt = folder.join("Kế hoạch xã Hưng Thịnh.odt");
    std::fs::copy(root().join("tests/fixtures/forms/xa-hung-thinh.odt"), &odt).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("import")
        .arg(&odt)
        .env("TMPDIR", &folder)
        .output()
        .unwrap();
    let text = ok(out);
    assert!(text.contains("HƯNG THỊNH"), "{text}");
}
