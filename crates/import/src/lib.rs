//! Readers: a parent plan from .docx, markdown or plain text, and the built-in plans.
//!
//! Every reader produces the same [`blocks::Source`] (paragraphs and tables in reading order);
//! [`recognize`] turns it into a [`Plan`] from numbering and content.
pub mod blocks;
mod builtin;
pub(crate) mod docx;
mod guard;
mod markdown;
mod noise;
pub mod office;
mod pdf;
mod recognize;

pub use builtin::{builtin, builtin_list, BuiltinPlan};

use kehoach_model::Plan;
use std::path::Path;

/// A size in MB as a message gives it: "51 MB", or rounded up to a tenth ("50,1 MB") so that
/// a file just over the limit is not said to be exactly at it.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes % MB == 0 {
        return format!("{} MB", bytes / MB);
    }
    let tenths = (bytes * 10).div_ceil(MB);
    format!("{},{} MB", tenths / 10, tenths % 10)
}

/// The largest file the importer opens.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// More table cells than this in one file are refused (a plan's appendix has a few thousand).
pub const MAX_CELLS: usize = 100_000;

/// Why a file could not be read. Messages are in Vietnamese: they are shown to the user as they
/// are.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("Không mở được tệp {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("Tệp rỗng: không có nội dung để nhập.")]
    Empty,
    #[error("Tệp quá lớn ({}): chỉ nhập được tệp đến 50 MB.", megabytes(*bytes))]
    TooLarge { bytes: u64 },
    #[error("Tệp có {0}: quá nhiều so với một kế hoạch nên không được mở. Hãy kiểm tra lại có đúng tệp kế hoạch không.")]
    TooComplex(String),
    #[error(
        "Không nhận ra loại tệp. Hãy chọn tệp Word (.docx), PDF, Markdown (.md) hoặc văn bản (.txt)."
    )]
    UnknownType,
    #[error("Tệp {0} cần LibreOffice để đọc mà máy chưa cài. Hãy mở tệp trong Word, chọn Lưu thành (Save As) › Word Document (.docx), rồi nhập tệp .docx đó.")]
    NeedsOffice(&'static str),
    #[error("LibreOffice không mở được tệp {0}: tệp bị hỏng hoặc không phải văn bản. Hãy mở tệp trong Word và lưu lại dạng .docx.")]
    Conversion(&'static str),
    #[error("LibreOffice không chuyển xong tệp {0} sau {1} giây nên đã được dừng lại: tệp quá lớn hoặc có chỗ LibreOffice không đọc được. Hãy mở tệp trong Word, lưu lại dạng .docx rồi nhập tệp .docx đó.")]
    OfficeTimeout(&'static str, u64),
    #[error("Tệp .docx bị hỏng hoặc không phải tệp Word: {0}")]
    CorruptDocx(String),
    #[error("Tệp .docx có thành phần bất thường ({0}) nên không được mở, để bảo vệ máy tính.")]
    Suspicious(String),
    #[error("Không đọc được chữ trong tệp: bảng mã không phải Unicode (UTF-8, UTF-16), Windows-1258, TCVN3 hay VNI. Hãy mở tệp trong Word và lưu lại dạng .docx.")]
    NotUtf8,
    #[error("Tệp PDF bị hỏng hoặc không đọc được. Hãy tải lại tệp từ hệ thống văn bản điện tử, hoặc dùng tệp Word (.docx) của văn bản.")]
    CorruptPdf,
    #[error("Tệp PDF không có trang nào đọc được (danh mục trang của tệp bị hỏng). Hãy tải lại tệp từ hệ thống văn bản điện tử, hoặc dùng tệp Word (.docx) của văn bản.")]
    PdfNoPages,
    #[error("Tệp PDF có chữ nhưng phông chữ trong tệp không cho biết đó là những chữ gì (thiếu hoặc hỏng bảng mã ToUnicode), nên không đọc được. Hãy dùng tệp Word (.docx) của văn bản, hoặc xuất lại PDF từ Word.")]
    PdfNoText,
    #[error("Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng mật khẩu rồi lưu lại bản không có mật khẩu, hoặc xin văn bản dạng Word (.docx).")]
    Encrypted,
    #[error("Tệp PDF này là bản quét (ảnh chụp trang giấy), không có chữ để đọc. Hãy xin văn bản dạng Word (.docx) hoặc bản PDF tải từ hệ thống văn bản điện tử, hoặc nhận dạng chữ (OCR) rồi lưu thành .docx.")]
    Scanned,
    #[error("Tệp {0} là ảnh: ứng dụng không đọc chữ trong ảnh chụp văn bản. Hãy xin văn bản dạng Word (.docx) hoặc bản PDF tải từ hệ thống văn bản điện tử; nếu chỉ có ảnh, hãy nhận dạng chữ (OCR, ví dụ bằng Google Drive hoặc Word) rồi lưu thành .docx và nhập tệp đó.")]
    Photo(&'static str),
    #[error("Không tìm thấy cấu trúc kế hoạch (các mục I., 1., 1.1. …) trong tệp.")]
    NoStructure,
    /// The id asked for, and the ids there are.
    #[error("Không có kế hoạch có sẵn mang mã \"{0}\". Các mã có sẵn: {1}.")]
    UnknownBuiltin(String, String),
}

/// The kind of a file, from its content first and its name second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
    /// Word 97–2003 (.doc), OpenDocument (.odt) or RTF: read through LibreOffice.
    Legacy(&'static str),
    Markdown,
    Text,
}

pub use kehoach_text::io_reason;

/// Reads a plan from a file on disk, or `builtin:ID`.
pub fn read_path(path: &Path) -> Result<Plan, ImportError> {
    if let Some(id) = path.to_str().and_then(|s| s.strip_prefix("builtin:")) {
        return builtin(id);
    }
    let io = |e: std::io::Error| ImportError::Io {
        path: path.display().to_string(),
        reason: io_reason(&e),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ImportError::Io {
            path: path.display().to_string(),
            reason: "đây là thư mục, không phải tệp".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: meta.len() });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    read_bytes(name, &bytes)
}

/// Reads a plan from a file's bytes; `name` (the file name) helps tell markdown from text.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Plan, ImportError> {
    recognize::recognize(read_source(name, bytes)?)
}

/// The paragraphs and tables of a file as its reader sees them (what the checker inspects for
/// formatting), before the plan structure is recognised.
pub fn read_source(name: &str, bytes: &[u8]) -> Result<blocks::Source, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let mut source = match detect(name, bytes)? {
        Format::Docx => docx::read(bytes)?,
        Format::Pdf => pdf::read(bytes)?,
        Format::Legacy(kind) => {
            let ext = kind.trim_start_matches('.');
            let converted = crate::office::convert_bytes(&format!("tep.{ext}"), bytes, "docx")
                .map_err(|e| match e {
                    crate::office::OfficeError::Missing => ImportError::NeedsOffice(kind),
                    crate::office::OfficeError::Failed(_) => ImportError::Conversion(kind),
                    crate::office::OfficeError::Timeout(secs) => {
                        ImportError::OfficeTimeout(kind, secs)
                    }
                })?;
            docx::read(&converted)?
        }
        format @ (Format::Markdown | Format::Text) => {
            let (text, encoding) = text(bytes)?;
            // Each table cell costs a paragraph: a file of nothing but cells is refused before
            // it is read (a 2 MB one took 580 MB).
            let cells = text.bytes().filter(|b| *b == b'|').count();
            if cells > MAX_CELLS {
                return Err(ImportError::TooComplex(format!("{cells} ô bảng")));
            }
            let mut source = if format == Format::Markdown {
                markdown::read_markdown(&text)
            } else {
                markdown::read_text(&text)
            };
            // UTF-16 is Unicode: nothing to check. The old encodings may have lost a mark.
            source.notices.extend(
                encoding
                    .filter(|e| !e.starts_with("UTF-16"))
                    .map(docx::legacy_notice),
            );
            source
        }
    };
    source.normalize();
    Ok(source)
}

/// Recognises the plan in a reader's paragraphs and tables.
pub fn recognize_source(source: blocks::Source) -> Result<Plan, ImportError> {
    recognize::recognize(source)
}

/// Any administrative document from what a reader gave, plan structure or not (for the checker).
pub fn recognize_document(source: blocks::Source) -> Plan {
    recognize::recognize_document(source)
}

/// Tells the format from the content (a zip is a .docx; text is markdown when it has markdown
/// marks or a .md name), refusing binary files.
pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, ImportError> {
    let trimmed = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if trimmed.is_none() {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // An OpenDocument file names its type in a first, stored "mimetype" entry.
        let head = &bytes[..bytes.len().min(200)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        if has(b"mimetype") && has(b"application/vnd.oasis.opendocument") {
            return Ok(Format::Legacy(".odt"));
        }
        return Ok(Format::Docx);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Ok(Format::Legacy(".rtf"));
    }
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An Office file with a password is an OLE file holding the encrypted package.
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes
            .windows(encrypted.len())
            .any(|w| w == encrypted.as_slice())
        {
            return Err(ImportError::Encrypted);
        }
        return Ok(Format::Legacy(".doc"));
    }
    if let Some(kind) = photo(bytes) {
        return Err(ImportError::Photo(kind));
    }
    let lower = name.to_lowercase();
    if lower.ends_with(".docx") {
        return Err(ImportError::CorruptDocx("không phải tệp nén .docx".into()));
    }
    if lower.ends_with(".pdf") {
        return Err(ImportError::CorruptPdf);
    }
    let (s, _) = text(bytes)?;
    if lower.ends_with(".md")
        || lower.ends_with(".markdown")
        || s.contains("**")
        || s.contains("\n|")
    {
        Ok(Format::Markdown)
    } else {
        Ok(Format::Text)
    }
}

/// The kind of picture a file is, by its first bytes (a photo of a plan sent over Zalo, a scan
/// saved as an image).
fn photo(bytes: &[u8]) -> Option<&'static str> {
    let at = |i: usize, magic: &[u8]| bytes.get(i..i + magic.len()) == Some(magic);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some(".jpg")
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Some(".png")
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Some(".gif")
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some(".webp")
    } else if at(4, b"ftypheic") || at(4, b"ftypheix") || at(4, b"ftypmif1") {
        Some(".heic")
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        Some(".tif")
    } else if at(0, b"BM") && bytes.len() > 26 && bytes.get(14) == Some(&40) {
        Some(".bmp")
    } else {
        None
    }
}

/// The text of a text file: UTF-8, UTF-16 with its byte-order mark (Notepad's "Unicode"), or
/// an old encoding that reads as Vietnamese (UTF-16 without the mark, Windows-1258, TCVN3, VNI),
/// named so that the user is told.
fn text(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Option<&'static str>), ImportError> {
    let utf16 = |be: bool| {
        kehoach_text::legacy::utf16(&bytes[2..], be)
            .map(|s| (std::borrow::Cow::Owned(s), None))
            .ok_or(ImportError::UnknownType)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(false);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(true);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (s, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => match kehoach_text::legacy::decode_bytes(bytes) {
            Some((s, name)) => (std::borrow::Cow::Owned(s), Some(name)),
            // A binary file is not text in another encoding: say so, not "not UTF-8".
            None if bytes.iter().take(4096).any(|b| *b == 0) => {
                return Err(ImportError::UnknownType)
            }
            None => return Err(ImportError::NotUtf8),
        },
    };
    // Binary data that happens to be valid UTF-8 is still not a document.
    let controls = s
        .chars()
        .take(4096)
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 8 {
        return Err(ImportError::UnknownType);
    }
    Ok((s, encoding))
}
