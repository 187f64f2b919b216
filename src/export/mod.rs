//! Writers: each serialises the laid-out document of [`crate::layout`] — the Decree 30 .docx
//! ([`docx`]), the HTML preview ([`html`]) — or converts it ([`pdf`]). None decides what is
//! printed; the layout did.
pub mod docx;
pub mod html;

use crate::layout::lay_out;
use crate::model::Plan;
use crate::nd30::Layout;

/// How to write a document.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub layout: Layout,
    /// Written to the file's properties as its author.
    pub author: String,
    /// W3CDTF creation time for the file's properties; now when `None`.
    pub created: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            layout: Layout::default(),
            author: "Kế hoạch CCHC".into(),
            created: None,
        }
    }
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Không tạo được tệp .docx: {0}")]
    Write(String),
    #[error("Không ghi được tệp {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("Chưa cài LibreOffice nên không xuất được PDF. Hãy cài LibreOffice (gói libreoffice-writer) hoặc mở tệp .docx bằng Word rồi lưu thành PDF.")]
    NoLibreOffice,
    #[error(
        "LibreOffice không chuyển được tệp sang PDF. Hãy mở tệp .docx bằng Word rồi lưu thành PDF."
    )]
    Pdf,
}

/// The plan as a .docx file's bytes.
pub fn to_docx(plan: &Plan, opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let doc = lay_out(plan, &opts.layout);
    let created = opts
        .created
        .clone()
        .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string());
    docx::write(
        &doc,
        &docx::Meta {
            title: &doc.title,
            author: &opts.author,
            created: &created,
        },
    )
}
