//! LibreOffice, when it is installed: the one place that finds it and converts a file with it
//! (old Word .doc, .odt and .rtf files to .docx on import). Nothing needs it: a
//! school's laptop usually has none. `KEHOACH_SOFFICE` names the program to use, or "none" to act
//! as if there were none (the tests use it).
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a conversion failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OfficeError {
    #[error("Chưa cài LibreOffice trên máy này.")]
    Missing,
    #[error("LibreOffice không chuyển được tệp: {0}")]
    Failed(String),
}

/// The LibreOffice program, if one is installed.
pub fn libreoffice() -> Option<PathBuf> {
    if let Some(v) = std::env::var_os("KEHOACH_SOFFICE") {
        if v == "none" {
            return None;
        }
        return Some(PathBuf::from(v)).filter(|p| runs(p));
    }
    let candidates = [
        "soffice",
        "libreoffice",
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ];
    candidates.iter().map(PathBuf::from).find(|p| runs(p))
}

fn runs(p: &Path) -> bool {
    Command::new(p)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts `input` to the format `to` ("docx", "pdf") and returns the converted file's bytes.
/// Runs in a private folder with a private profile, so that a LibreOffice window the user has
/// open does not block it and nothing is left behind.
pub fn convert(input: &Path, to: &str) -> Result<Vec<u8>, OfficeError> {
    let soffice = libreoffice().ok_or(OfficeError::Missing)?;
    let work = private_dir().map_err(|e| OfficeError::Failed(e.to_string()))?;
    let result = (|| {
        let profile = format!(
            "-env:UserInstallation=file://{}",
            work.join("profile").display()
        );
        let out = Command::new(soffice)
            .arg(profile)
            .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
            .arg(&work)
            .arg(input)
            .output()
            .map_err(|e| OfficeError::Failed(e.to_string()))?;
        let stem = input.file_stem().unwrap_or_default();
        let produced = work.join(stem).with_extension(to);
        if !out.status.success() || !produced.exists() {
            return Err(OfficeError::Failed(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ));
        }
        std::fs::read(&produced).map_err(|e| OfficeError::Failed(e.to_string()))
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Converts bytes of a file named `name` (the extension tells LibreOffice what it is).
pub fn convert_bytes(name: &str, bytes: &[u8], to: &str) -> Result<Vec<u8>, OfficeError> {
    let work = private_dir().map_err(|e| OfficeError::Failed(e.to_string()))?;
    let input = work.join(Path::new(name).file_name().unwrap_or_default());
    let result = std::fs::write(&input, bytes)
        .map_err(|e| OfficeError::Failed(e.to_string()))
        .and_then(|_| convert(&input, to));
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn private_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-office-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
