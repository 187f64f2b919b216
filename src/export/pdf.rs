//! PDF through LibreOffice headless, when it is installed.
use super::ExportError;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The LibreOffice program, if one is installed.
pub fn libreoffice() -> Option<PathBuf> {
    let candidates = [
        "soffice",
        "libreoffice",
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ];
    candidates.iter().map(PathBuf::from).find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Converts a .docx to a PDF next to `pdf` (LibreOffice names its output after the input).
pub fn docx_to_pdf(docx: &Path, pdf: &Path) -> Result<(), ExportError> {
    let soffice = libreoffice().ok_or(ExportError::NoLibreOffice)?;
    let work = tempfile_dir()?;
    // A private profile: a LibreOffice window the user has open must not block the conversion.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );
    let out = Command::new(soffice)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&work)
        .arg(docx)
        .output()
        .map_err(|e| ExportError::Pdf(e.to_string()))?;
    let produced = work.join(docx.with_extension("pdf").file_name().unwrap_or_default());
    if !out.status.success() || !produced.exists() {
        let _ = std::fs::remove_dir_all(&work);
        return Err(ExportError::Pdf(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    let moved = std::fs::copy(&produced, pdf).map(|_| ());
    let _ = std::fs::remove_dir_all(&work);
    moved.map_err(|e| ExportError::Io {
        path: pdf.display().to_string(),
        reason: e.to_string(),
    })
}

fn tempfile_dir() -> Result<PathBuf, ExportError> {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-pdf-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| ExportError::Io {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(dir)
}
