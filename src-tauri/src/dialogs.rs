//! The native file dialogs, run from Rust so that the UI needs no file-system permission.
//! For the end-to-end tests, which cannot drive native dialogs, two variables stand in for the
//! user's choice: KEHOACH_E2E_OPEN (the file to open, or a "….path" file holding that file's path,
//! which a test rewrites between imports) and KEHOACH_E2E_SAVE_DIR (where to save).
use crate::error::AppError;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// Asks for a parent plan file.
pub fn pick_parent_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KEHOACH_E2E_OPEN").map(PathBuf::from) {
        if p.extension().is_some_and(|e| e == "path") {
            let named = std::fs::read_to_string(&p).ok()?;
            return Some(PathBuf::from(named.trim()));
        }
        return Some(p);
    }
    app.dialog()
        .file()
        .set_title("Chọn kế hoạch cấp trên")
        .add_filter(
            "Kế hoạch (Word, PDF, văn bản)",
            &["docx", "pdf", "doc", "odt", "rtf", "md", "txt"],
        )
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
}

/// Where the user chose to save, and whether they were asked about a file already there.
pub enum Picked {
    /// The native dialog asked before choosing an existing file (it does on every system).
    Confirmed(PathBuf),
    /// Not asked: the extension was added after the dialog, or the tests chose.
    Unconfirmed(PathBuf),
}

/// Asks where to save a file.
pub fn pick_save_path<R: Runtime>(app: &AppHandle<R>, name: &str, ext: &str) -> Option<Picked> {
    if let Some(dir) = std::env::var_os("KEHOACH_E2E_SAVE_DIR") {
        return Some(Picked::Unconfirmed(PathBuf::from(dir).join(name)));
    }
    let label = if ext == "pdf" { "PDF" } else { "Word" };
    app.dialog()
        .file()
        .set_title("Lưu kế hoạch")
        .set_file_name(name)
        .add_filter(label, &[ext])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
        .map(|p| {
            if p.extension().is_none() {
                Picked::Unconfirmed(p.with_extension(ext))
            } else {
                Picked::Confirmed(p)
            }
        })
}

/// Asks whether to replace a file that is there (never asked in the end-to-end tests, where the
/// answer is no).
pub fn confirm_overwrite<R: Runtime>(app: &AppHandle<R>, path: &Path) -> bool {
    if std::env::var_os("KEHOACH_E2E_SAVE_DIR").is_some() {
        return false;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    app.dialog()
        .message(format!(
            "Đã có tệp “{name}” trong thư mục này. Ghi đè lên tệp đó? Chọn Không để lưu thành tệp mới bên cạnh."
        ))
        .title("Tệp đã có")
        .buttons(tauri_plugin_dialog::MessageDialogButtons::OkCancelCustom(
            "Ghi đè".into(),
            "Không".into(),
        ))
        .blocking_show()
}

/// Shows a saved file in the system's file manager, selected (after an export).
pub fn show_in_folder<R: Runtime>(app: &AppHandle<R>, file: &Path) -> Result<(), AppError> {
    if std::env::var_os("KEHOACH_E2E_SAVE_DIR").is_some() {
        return Ok(());
    }
    app.opener().reveal_item_in_dir(file).map_err(|_| {
        AppError::new(
            "open-folder",
            format!(
                "Máy không mở được thư mục chứa tệp {}: hãy tìm tệp đó trong File Explorer.",
                file.display()
            ),
        )
    })
}

/// Opens a PDF in the system's viewer (to print it).
pub fn open_for_printing<R: Runtime>(app: &AppHandle<R>, pdf: &Path) -> Result<(), AppError> {
    if std::env::var_os("KEHOACH_E2E_SAVE_DIR").is_some() {
        return Ok(());
    }
    app.opener()
        .open_path(pdf.display().to_string(), None::<&str>)
        .map_err(|_| {
            AppError::new(
                "print",
                format!(
                    "Đã tạo tệp PDF {} nhưng máy không mở được nó để in: hãy mở tệp đó bằng trình đọc PDF rồi in.",
                    pdf.display()
                ),
            )
        })
}
