//! Helpers shared by the integration tests of every crate: real tools (LibreOffice, poppler,
//! python-docx, openxml-audit) on real files in temporary folders, and the corpus of parent plans
//! (`tests/fixtures/parents/`) with its ground truth. A dev-dependency only.
pub mod corpus;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root (where `tests/fixtures/` is).
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .expect("the repository's root")
}

/// Converts every .docx in `dir` to PDF with one LibreOffice run (private profile).
pub fn libreoffice_to_pdf(dir: &Path, files: &[PathBuf]) {
    libreoffice_convert(dir, files, "pdf");
}

/// Opens each file in LibreOffice (one run, private profile) and saves it into `dir` as `to`
/// ("pdf", "docx"), under the same name.
pub fn libreoffice_convert(dir: &Path, files: &[PathBuf], to: &str) {
    let profile = dir.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .args(files)
        .output()
        .expect("LibreOffice (soffice) is installed by `make test`");
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The text of each page of a PDF (pdftotext).
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by `make test`");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Page sizes in points (width, height) from pdfinfo.
pub fn pdf_page_sizes(pdf: &Path, pages: usize) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", &pages.to_string()])
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok())
                .collect();
            // "Page    1 size: 595.304 x 841.89 pts (A4)"
            (nums[1], nums[2])
        })
        .collect()
}

/// Opens each .docx with python-docx and returns, per file, its paragraph count (or the error).
pub fn python_docx_open(files: &[PathBuf]) -> Vec<Result<usize, String>> {
    let script = r#"
import sys, docx
for path in sys.argv[1:]:
    try:
        d = docx.Document(path)
        # Opening parses every part; counting rows touches every table (cells are slow in python-docx).
        n = len(d.paragraphs) + sum(len(t.rows) for t in d.tables)
        print("ok", n)
    except Exception as e:
        print("err", repr(e).replace("\n", " "))
"#;
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 with python-docx is installed by `make test`");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| match l.split_once(' ') {
            Some(("ok", n)) => Ok(n.parse().unwrap_or(0)),
            Some((_, e)) => Err(e.to_string()),
            None => Err(l.to_string()),
        })
        .collect()
}

/// The Python that has python-docx: Debian's (python3-docx), unless KEHOACH_PYTHON says otherwise.
pub fn python() -> String {
    std::env::var("KEHOACH_PYTHON").unwrap_or_else(|_| {
        if Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3".into()
        } else {
            "python3".into()
        }
    })
}

/// The errors `openxml-audit -f office2019` (the Open XML SDK's schemas and rules, installed
/// by `make test` in `.tools/`) finds in each .docx of `dir`: (file name, error descriptions),
/// one entry per file. One run per file: in one recursive run (`-r`) openxml-audit 0.8 caches
/// the footnote ids of a package under the Python id of its object, which the next file may
/// reuse, and then reports footnotes 2, 3 … of later files as missing.
pub fn openxml_audit(dir: &Path) -> Vec<(String, Vec<String>)> {
    let tool = std::env::var("KEHOACH_OPENXML_AUDIT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join(".tools/bin/openxml-audit"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            let out = Command::new(&tool)
                .args(["-f", "office2019", "-m", "0", "-o", "json"])
                .arg(file)
                .output()
                .unwrap_or_else(|e| panic!("{} ({e}): installed by `make test`", tool.display()));
            let report: serde_json::Value =
                serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                    panic!(
                        "openxml-audit printed no JSON for {} ({e}): {}",
                        file.display(),
                        String::from_utf8_lossy(&out.stderr)
                    )
                });
            let report = match report {
                serde_json::Value::Array(mut a) if a.len() == 1 => a.remove(0),
                one => one,
            };
            let errors = report["errors"]
                .as_array()
                .map(|e| {
                    e.iter()
                        .map(|e| {
                            format!(
                                "{} {}: {}",
                                e["part_uri"].as_str().unwrap_or_default(),
                                e["path"].as_str().unwrap_or_default(),
                                e["description"].as_str().unwrap_or_default()
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            (name, errors)
        })
        .collect()
}

/// The .docx with one part's bytes changed by `change`; fails when the part is missing or the
/// change changed nothing.
pub fn with_part_bytes(docx: &[u8], part: &str, change: impl Fn(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut changed = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            let new = change(data.clone());
            assert!(new != data, "the change to {part} changed nothing");
            data = new;
            changed = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    assert!(changed, "no part {part}");
    out.finish().unwrap().into_inner()
}

/// The .docx with one part's XML changed by `change`.
pub fn with_part(docx: &[u8], part: &str, change: impl Fn(&str) -> String) -> Vec<u8> {
    with_part_bytes(docx, part, |data| {
        change(&String::from_utf8(data).unwrap()).into_bytes()
    })
}
