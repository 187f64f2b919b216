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
        reason: write_reason(path, &e),
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
/// the one that was there. The file gets the permissions any new file of the user gets (their
/// umask: usually readable by others), not the owner-only ones of a temporary file.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kehoach-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode a new file is created with; the system takes the umask off it.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a text file (a plan or a report as JSON) whole; the message names the file and why.
pub fn save_text(path: &Path, text: &str) -> Result<()> {
    write_whole(path, text.as_bytes()).map_err(|e| {
        Error::Input(format!(
            "Không ghi được tệp {}: {}.",
            path.display(),
            write_reason(path, &e)
        ))
    })
}

/// Why a file could not be written, in words: a folder that does not exist is named as such
/// (the system says only "not found").
fn write_reason(path: &Path, e: &std::io::Error) -> String {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    match dir {
        Some(dir) if e.kind() == std::io::ErrorKind::NotFound && !dir.is_dir() => {
            format!("không có thư mục {}", dir.display())
        }
        _ if path.is_dir() => "đây là một thư mục, không phải tệp".into(),
        // What to do next, not only what went wrong.
        _ => match e.kind() {
            std::io::ErrorKind::PermissionDenied if path.exists() => {
                "tệp đang mở trong chương trình khác (như Word) hoặc chỉ cho đọc: hãy đóng tệp \
                 rồi xuất lại, hoặc lưu với tên khác"
                    .into()
            }
            std::io::ErrorKind::PermissionDenied => format!(
                "không có quyền ghi vào thư mục {}: hãy chọn thư mục khác, ví dụ Tài liệu \
                 (Documents) hoặc Màn hình nền (Desktop)",
                dir.map_or_else(String::new, |d| d.display().to_string())
            ),
            std::io::ErrorKind::ReadOnlyFilesystem => {
                "ổ đĩa chỉ cho đọc (đĩa CD, USB bị khóa ghi): hãy lưu vào ổ đĩa khác".into()
            }
            std::io::ErrorKind::StorageFull => {
                "ổ đĩa đã đầy: hãy xóa bớt tệp không cần hoặc lưu vào ổ đĩa khác".into()
            }
            _ => import::io_reason(e),
        },
    }
}

/// Whether an output can be written where the command line was told to: its folder exists, it
/// is not a folder, and no file is there unless `replace` says to replace it — the command line
/// never overwrites a file unasked (the app asks the user instead).
pub fn check_output(path: &Path, replace: bool) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(Error::Input(format!(
                "Không có thư mục {}: hãy tạo thư mục đó hoặc chọn nơi khác để ghi tệp.",
                dir.display()
            )));
        }
    }
    if path.is_dir() {
        return Err(Error::Input(format!(
            "{} là một thư mục: hãy ghi ra một tệp, ví dụ {}.",
            path.display(),
            path.join("ke-hoach.docx").display()
        )));
    }
    if path.exists() && !replace {
        return Err(Error::Exists(path.display().to_string()));
    }
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
        findings.extend(super::layout_findings(&plan, Layout::default()));
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
