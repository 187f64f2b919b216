//! Why the store failed, in words: a damaged file, one that cannot be opened or written (a full
//! disk, a read-only folder), a newer schema, a conflict with another window.
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Tệp dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của Kế hoạch CCHC.")]
    Corrupt { path: String },
    #[error("Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của Kế hoạch CCHC (lược đồ {found}, phiên bản này đọc đến {supported}). Hãy cập nhật ứng dụng.")]
    Newer {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "Tệp dữ liệu đang được một cửa sổ Kế hoạch CCHC khác dùng; hãy đóng cửa sổ đó rồi thử lại."
    )]
    Busy,
    #[error("Bản nháp này vừa được sửa ở một cửa sổ khác (lúc {at}); những gì bạn vừa sửa chưa được lưu đè lên đó. Hãy chọn giữ bản của bạn hoặc mở bản mới nhất.")]
    Conflict { draft: i64, at: String },
    #[error(
        "Không mở hoặc không ghi được tệp dữ liệu: {0}. Những gì đã lưu trước đó vẫn còn nguyên."
    )]
    Unavailable(String),
    #[error("Tệp dữ liệu đang mở ở chế độ chỉ đọc ({0}): chưa lưu được thay đổi. Những gì đã lưu trước đó vẫn còn nguyên.")]
    ReadOnly(String),
    #[error("Không có bản nháp số {0}.")]
    NoDraft(i64),
    #[error("Không có kế hoạch cấp trên số {0}.")]
    NoParentPlan(i64),
    #[error("Không có đơn vị số {0}.")]
    NoUnit(i64),
    #[error("Không mở được tệp dữ liệu {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Sql(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => StoreError::Busy,
            Some(code) => match cannot_reason(code) {
                Some(reason) => StoreError::Unavailable(reason.into()),
                None => StoreError::Sql(sql_reason(code).into()),
            },
            None => StoreError::Sql("thao tác dữ liệu không thực hiện được".into()),
        }
    }
}

/// Why SQLite could not open or write a file, when the file itself is not at fault.
fn cannot_reason(code: rusqlite::ErrorCode) -> Option<&'static str> {
    use rusqlite::ErrorCode as C;
    Some(match code {
        C::DiskFull => "ổ đĩa đã đầy; hãy xóa bớt tệp cho có chỗ trống rồi mở lại ứng dụng",
        C::ReadOnly => "thư mục hoặc tệp chỉ cho đọc, không ghi được",
        C::PermissionDenied => "không có quyền truy cập",
        C::CannotOpen => "không mở được tệp (thư mục không có, không có quyền hoặc ổ đĩa đã đầy)",
        C::SystemIoFailure => {
            "hệ điều hành báo lỗi khi đọc hoặc ghi (ổ đĩa đầy, bị rút ra hoặc hỏng)"
        }
        C::FileLockingProtocolFailed => "không khóa được tệp (ổ đĩa mạng?)",
        C::OutOfMemory => "máy không đủ bộ nhớ",
        _ => return None,
    })
}

/// SQLite's other failures, in words.
fn sql_reason(code: rusqlite::ErrorCode) -> &'static str {
    use rusqlite::ErrorCode as C;
    match code {
        C::DatabaseCorrupt | C::NotADatabase => "tệp dữ liệu bị hỏng",
        C::ConstraintViolation => "dữ liệu không hợp lệ (trùng hoặc thiếu liên kết)",
        C::TooBig => "dữ liệu quá lớn",
        _ => "thao tác dữ liệu không thực hiện được",
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Sql(format!(
            "dữ liệu đã lưu không đọc được (dòng {}, cột {})",
            e.line(),
            e.column()
        ))
    }
}

/// An open failure in words: a damaged file is [`StoreError::Corrupt`], one that cannot be
/// opened or written [`StoreError::Unavailable`].
pub(crate) fn opening(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    if path.is_dir() {
        return StoreError::Io {
            path: path.display().to_string(),
            reason: "đây là một thư mục, không phải tệp dữ liệu; hãy chỉ tới tệp .db".into(),
        };
    }
    match e.sqlite_error_code() {
        Some(C::DatabaseCorrupt) | Some(C::NotADatabase) => StoreError::Corrupt {
            path: path.display().to_string(),
        },
        _ => match StoreError::from(e) {
            StoreError::Unavailable(reason) => {
                // SQLite says only that it could not open or write; the folder says why.
                let reason = unwritable(path).unwrap_or(reason);
                StoreError::Unavailable(format!("{reason} ({})", path.display()))
            }
            StoreError::Sql(reason) => {
                StoreError::Unavailable(format!("{reason} ({})", path.display()))
            }
            other => other,
        },
    }
}

/// Why nothing can be written beside `path`, found by creating (and removing) a small file
/// there: a read-only disk, no permission, a full disk. None when that works.
fn unwritable(path: &Path) -> Option<String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Some(format!("không có thư mục {}", dir.display()));
    }
    let probe = dir.join(format!(".kehoach-thu-ghi-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &[0u8; 4096]));
    let _ = std::fs::remove_file(&probe);
    match written {
        Ok(()) => None,
        Err(e) => Some(match e.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem => {
                "ổ đĩa hoặc thư mục chỉ cho đọc, không ghi được".into()
            }
            std::io::ErrorKind::PermissionDenied => "không có quyền ghi vào thư mục này".into(),
            _ => kehoach_text::io_reason(&e),
        }),
    }
}
