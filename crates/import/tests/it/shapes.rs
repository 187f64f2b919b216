//! Plans of every shape, drawn from seeds (`tests/fixtures/parents/shapes.py`: part styles "I." /
//! "A." with Roman sections / "1.", 2–4 levels, Mục tiêu/Nhiệm vụ subsections, typed or Word
//! numbering, bullets, footnotes real or left as text, appendices with merged, spanning or empty
//! group rows, split tables and vertical merges, a decision's page first, three header shapes)
//! and rendered by every producer (python-docx, LibreOffice's round trip, pandoc, a converter's
//! markdown, an e-office PDF): each import gives the plan's outline — header fields, parts,
//! every item's label and text, appendix groups and rows, footnotes.
//!
//! `KEHOACH_SHAPES=N` draws N plans (default 60: 300 files), `KEHOACH_SHAPES_FIRST=S` starts
//! at seed S (default 1; `make fuzz` draws 400 from a new seed);
//! `KEHOACH_SHAPES_DIR=DIR` reads plans already rendered there instead.
use kehoach_import as import;
use kehoach_testkit::corpus::{compare, compare_appendix, compare_outline, facts, Cells, FORMS};
use kehoach_testkit::root;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Draws and renders the plans; their folders, in seed order.
fn draw(out: &Path) -> Vec<PathBuf> {
    let (count, first) = (
        env_number("KEHOACH_SHAPES", 60),
        env_number("KEHOACH_SHAPES_FIRST", 1),
    );
    let script = root().join("tests/fixtures/parents/shapes.py");
    let run = Command::new("/usr/bin/python3")
        .arg(&script)
        .arg("--out")
        .arg(out)
        .args(["--render", "--count", &count.to_string()])
        .args(["--first", &first.to_string()])
        .output()
        .expect("/usr/bin/python3 is installed by `make test`");
    assert!(
        run.status.success(),
        "shapes.py failed:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    folders(out)
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let seed = |p: &PathBuf| -> u64 {
        p.file_name()
            .and_then(|n| n.to_str()?.strip_prefix("shape-")?.parse().ok())
            .unwrap_or(u64::MAX)
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    out.sort_by_key(seed);
    out
}

/// How a form shows the appendix's cells: pandoc.docx is made from doc.md, whose merged cells
/// are in their first row only; a PDF cannot show a merge that goes on from the page before.
pub fn cells(form: &str) -> Cells {
    match form {
        "doc.md" | "pandoc.docx" => Cells::No,
        "eoffice.pdf" => Cells::PagesMayCutMerges,
        _ => Cells::Exact,
    }
}

/// What differs between one file's import and its plan's outline.
fn differences(dir: &Path, form: &str, expected: &Value) -> Vec<String> {
    match import::read_path(&dir.join(form)) {
        Ok(plan) => {
            let mut d = compare(expected, &facts(&plan));
            d.extend(compare_outline(expected, &plan, 6));
            d.extend(compare_appendix(expected, &plan, cells(form), 6));
            d
        }
        Err(e) => vec![format!("not imported: {e}")],
    }
}

#[test]
fn plans_of_every_shape_import_to_their_outline_from_every_producer() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = match std::env::var_os("KEHOACH_SHAPES_DIR") {
        Some(d) => folders(Path::new(&d)),
        None => draw(tmp.path()),
    };
    assert!(!dirs.is_empty(), "no plan was drawn");
    let mut failures = Vec::new();
    let mut files = 0;
    for dir in &dirs {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        for form in FORMS {
            if !dir.join(form).exists() {
                failures.push(format!("{name}/{form}: not rendered"));
                continue;
            }
            files += 1;
            let diffs = differences(dir, form, &expected);
            if !diffs.is_empty() {
                failures.push(format!("{name}/{form}:\n    {}", diffs.join("\n    ")));
            }
        }
    }
    let seeds: Vec<String> = failures
        .iter()
        .filter_map(|f| f.split('/').next())
        .map(|n| n.trim_start_matches("shape-").to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {files} files differ from their plan's outline (seeds {}; draw one again with \
         `/usr/bin/python3 tests/fixtures/parents/shapes.py --out DIR --render SEED`):\n{}",
        failures.len(),
        seeds.join(" "),
        failures.join("\n")
    );
}
