//! Files: names, formats, writing whole, reading plans, presets and text, checking a file.
use super::{load_plan, Error, Result};
use kehoach_export::{self as export, ExportOptions};
use kehoach_import as import;
use kehoach_lint::{self as lint, Finding};
use kehoach_model::Plan;
use kehoach_nd30::Layout;
use std::path::Path;

/// A file name for the plan without the extension: "Ke-hoach-CCHC-KH-MNTH-2024".
pub fn file_stem(plan: &Plan) -> String {
    let symbol = plan
        .header
        .symbol
        .replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "-");
    let year = plan.year().map(|y| y.to_string()).unwrap_or_default();
    format!("Ke-hoach-CCHC-{symbol}-{year}")
        .replace("--", "-")
        .trim_end_matches('-')
        .to_string()
}

/// What an output file is, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Docx,
    Pdf,
}

impl OutputFormat {
    pub fn of(path: &Path) -> Result<OutputFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("docx") => Ok(OutputFormat::Docx),
            Some("pdf") => Ok(OutputFormat::Pdf),
            _ => Err(Error::Input(format!(
                "Không xuất được ra tệp {}: hãy đặt tên tệp kết thúc bằng .docx (Word) hoặc .pdf.",
                path.display()
            ))),
        }
    }
}

/// Export options for a plan: the unit's layout, the issuing body as the file's author.
pub fn export_options(plan: &Plan, layout: Layout) -> ExportOptions {
    ExportOptions {
        layout,
        author: if plan.header.issuer.trim().is_empty() {
            ExportOptions::default().author
        } else {
            plan.header.issuer.clone()
        },
        ..Default::default()
    }
}

/// Writes the plan as .docx or PDF, chosen by the file's extension.
pub fn export(plan: &Plan, layout: Layout, path: &Path) -> Result<()> {
    let opts = export_options(plan, layout);
    let io = |e: std::io::Error| export::ExportError::Io {
        path: path.display().to_string(),
        reason: import::io_reason(&e),
    };
    let bytes = match OutputFormat::of(path)? {
        OutputFormat::Docx => export::to_docx(plan, &opts)?,
        OutputFormat::Pdf => kehoach_pdf::to_pdf(plan, &opts.layout, &opts.author)?,
    };
    write_whole(path, &bytes).map_err(io)?;
    Ok(())
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so
/// that a full disk or a file open in another program never leaves a cut-off copy in place of
/// the one that was there.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".kehoach-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A name beside `path` that no file has yet: "Kế hoạch (2).docx", "(3)" … — where an export
/// goes when the user was not asked about the file already there.
pub fn free_path(path: &Path) -> std::path::PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Ke-hoach");
    let ext = path.extension().and_then(|e| e.to_str());
    (2..)
        .map(|n| {
            let name = match ext {
                Some(ext) => format!("{stem} ({n}).{ext}"),
                None => format!("{stem} ({n})"),
            };
            path.with_file_name(name)
        })
        .find(|p| !p.exists())
        .expect("some number is free")
}

/// Checks a plan file: PLAN.json and a built-in plan by their content, any other file also by
/// its formatting.
/// With the parent plan (`parent`), the citation of it is checked against its header too.
pub fn check_file(path: &Path, parent: Option<&Path>) -> Result<Vec<Finding>> {
    let against = |plan: &Plan| -> Result<Vec<Finding>> {
        Ok(match parent {
            Some(p) => lint::against_parent(plan, &load_plan(p)?),
            None => Vec::new(),
        })
    };
    let builtin = path.to_str().is_some_and(|p| p.starts_with("builtin:"));
    if builtin
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let plan = load_plan(path)?;
        let mut findings = lint::check(&plan);
        findings.extend(against(&plan)?);
        return Ok(findings);
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Error::Input(format!(
            "Không đọc được tệp {}: {}.",
            path.display(),
            import::io_reason(&e)
        ))
    })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut findings = lint::check_docx(name, &bytes)?;
    if parent.is_some() {
        findings.extend(against(&import::read_bytes(name, &bytes)?)?);
    }
    Ok(findings)
}
