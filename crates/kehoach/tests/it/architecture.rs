//! The workspace is what docs/architecture.md says: its layer table is every crate's
//! `[dependencies]` on the others (Cargo then refuses any other use), no source file is over 500
//! lines, and every file or folder the page names exists.
use kehoach_testkit::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn doc() -> String {
    std::fs::read_to_string(root().join("docs/architecture.md")).unwrap()
}

/// The table of the ```deps block: crate → the workspace crates it may depend on.
fn documented(doc: &str) -> Graph {
    let start = doc
        .find("```deps")
        .expect("docs/architecture.md has a ```deps block")
        + 7;
    let end = start + doc[start..].find("```").expect("the deps block ends");
    doc[start..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(m, deps)| {
            let deps = deps.split_whitespace().map(String::from).collect();
            (m.trim().to_string(), deps)
        })
        .collect()
}

/// Every manifest of the workspace (the crates, the desktop shell, the fuzz targets).
fn manifests() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path().join("Cargo.toml"))
        .filter(|p| p.exists())
        .collect();
    out.push(root().join("src-tauri/Cargo.toml"));
    out.push(root().join("fuzz/Cargo.toml"));
    out.sort();
    out
}

/// A manifest's package name and the workspace crates of its `[dependencies]` section (not the
/// dev-dependencies: a test may use crates above its own).
fn normal_deps(manifest: &str) -> (String, BTreeSet<String>) {
    let mut name = String::new();
    let mut section = "";
    let mut deps = BTreeSet::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = if line == "[dependencies]" {
                "deps"
            } else if line == "[package]" {
                "package"
            } else {
                ""
            };
            continue;
        }
        let key = line.split(['=', '.', ' ']).next().unwrap_or("");
        match section {
            "package" if key == "name" && name.is_empty() => {
                name = line.split('"').nth(1).unwrap_or("").to_string();
            }
            "deps" if key.starts_with("kehoach") => {
                deps.insert(key.to_string());
            }
            _ => {}
        }
    }
    (name, deps)
}

fn actual() -> Graph {
    manifests()
        .iter()
        .map(|m| normal_deps(&std::fs::read_to_string(m).unwrap()))
        .collect()
}

#[test]
fn the_layer_table_is_the_crates_dependencies() {
    let documented = documented(&doc());
    let actual = actual();
    let mut wrong = Vec::new();
    for (krate, deps) in &actual {
        match documented.get(krate) {
            None => wrong.push(format!("{krate} is not in the table")),
            Some(allowed) if allowed != deps => wrong.push(format!(
                "{krate}: Cargo.toml has {deps:?}, the table {allowed:?}"
            )),
            _ => {}
        }
    }
    for krate in documented.keys() {
        if !actual.contains_key(krate) {
            wrong.push(format!("the table names {krate}, which is no crate"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_parser_sees_a_forbidden_dependency() {
    // The check above can fail: a model that depended on the importer is caught.
    let (name, deps) = normal_deps(
        "[package]\nname = \"kehoach-model\"\n[dependencies]\nkehoach-import.workspace = true\nserde = \"1\"\n[dev-dependencies]\nkehoach-adapt.workspace = true\n",
    );
    assert_eq!(name, "kehoach-model");
    assert_eq!(deps, BTreeSet::from(["kehoach-import".to_string()]));
    let table = documented(&doc());
    assert!(!table["kehoach-model"].contains("kehoach-import"));
}

#[test]
fn the_shells_use_the_facade_only() {
    let (_, app) =
        normal_deps(&std::fs::read_to_string(root().join("src-tauri/Cargo.toml")).unwrap());
    assert_eq!(app, BTreeSet::from(["kehoach".to_string()]));
    // The command line lives in the facade's crate: it names only `kehoach::app` and the data
    // types the facade re-exports, never a layer crate.
    let mut files = Vec::new();
    sources(&root().join("crates/kehoach/src/bin"), &mut files);
    assert!(files.len() >= 2, "found the command line's files");
    let cli: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for layer in ["kehoach_", "::adapt(", "Store::open", "lint::check"] {
        assert!(
            !cli.contains(layer),
            "the command line calls {layer} itself"
        );
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && !matches!(name.as_str(), "target" | "corpus" | "node_modules") {
            sources(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_500_lines() {
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri/src", "fuzz/fuzz_targets"] {
        sources(&root().join(dir), &mut files);
    }
    assert!(files.len() > 100, "found the sources");
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > 500).then(|| format!("{} ({n} lines)", f.strip_prefix(root()).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split by concern: {long:?}");
}

#[test]
fn every_path_the_page_names_exists() {
    let doc = doc();
    let mut missing = Vec::new();
    for quoted in doc.split('`').skip(1).step_by(2) {
        let path = quoted.trim_end_matches('/');
        let rooted = [
            "crates/",
            "src-tauri",
            "ui/",
            "tests/",
            "fuzz",
            "docs/",
            "templates/",
        ];
        if path.contains(' ') || !rooted.iter().any(|r| path.starts_with(r)) {
            continue;
        }
        if path.contains('*') || path.contains('<') {
            continue;
        }
        if !root().join(path).exists() {
            missing.push(path.to_string());
        }
    }
    assert!(missing.is_empty(), "docs/architecture.md names {missing:?}");
}
