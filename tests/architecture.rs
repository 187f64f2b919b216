//! The layers of `docs/architecture.md` hold: every `crate::X` a module of `src/` uses must be
//! allowed by the table in that file. Code under `#[cfg(test)]` is not checked (tests may build
//! their inputs with any module).
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The allowed table: module → modules it may use ("*" for any).
fn allowed(doc: &str) -> BTreeMap<String, BTreeSet<String>> {
    let start = doc
        .find("```deps")
        .expect("docs/architecture.md has a ```deps block")
        + 7;
    let end = start + doc[start..].find("```").expect("the deps block ends");
    doc[start..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(m, deps)| {
            (
                m.trim().to_string(),
                deps.split_whitespace().map(String::from).collect(),
            )
        })
        .collect()
}

/// The top-level module a file of `src/` belongs to; `None` for lib.rs and the binaries.
fn module_of(rel: &Path) -> Option<String> {
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = parts.next()?;
    match first.strip_suffix(".rs") {
        Some("lib") => None,
        Some(m) => Some(m.to_string()),
        None if first == "bin" => None,
        None => Some(first),
    }
}

/// Uses the table forbids: (module, used module, file) for each `crate::X` outside tests.
fn violations(
    files: &[(PathBuf, String)],
    allowed: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let crate_use = Regex::new(r"crate::([a-z_0-9]+)").unwrap();
    let mut out = Vec::new();
    for (rel, text) in files {
        let Some(module) = module_of(rel) else {
            continue;
        };
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let Some(deps) = allowed.get(&module) else {
            out.push(format!(
                "{}: module {module} is not in the table",
                rel.display()
            ));
            continue;
        };
        let used: BTreeSet<&str> = crate_use
            .captures_iter(code)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        for u in used {
            if u != module && !deps.contains(u) && !deps.contains("*") {
                out.push(format!("{}: {module} uses crate::{u}", rel.display()));
            }
        }
    }
    out
}

fn sources(dir: &Path, base: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.strip_prefix(base).unwrap().to_path_buf(), text));
        }
    }
}

#[test]
fn every_module_uses_only_what_the_architecture_allows() {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let table = allowed(&doc);
    let mut files = Vec::new();
    let src = root().join("src");
    sources(&src, &src, &mut files);
    assert!(files.len() > 30, "the sources were found");
    let bad = violations(&files, &table);
    assert!(bad.is_empty(), "forbidden uses:\n{}", bad.join("\n"));
}

#[test]
fn the_checker_fails_on_a_forbidden_use() {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let table = allowed(&doc);
    let file = |path: &str, text: &str| (PathBuf::from(path), text.to_string());
    // The model using a writer, and a writer using a reader: both forbidden.
    let files = [
        file(
            "model/mod.rs",
            "use crate::export::docx;\nuse crate::text::fold;",
        ),
        file("export/html.rs", "fn f() { crate::import::read_path(p); }"),
        file("adapt/mod.rs", "use crate::parent::scope;"),
        file(
            "layout/mod.rs",
            "use crate::model::Plan;\n#[cfg(test)]\nmod tests { use crate::import; }",
        ),
        file("lib.rs", "pub mod export;"),
    ];
    let bad = violations(&files, &table);
    assert_eq!(
        bad,
        [
            "model/mod.rs: model uses crate::export",
            "export/html.rs: export uses crate::import",
        ]
    );
}
