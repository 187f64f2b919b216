//! Writers: each serialises the laid-out document of [`crate::layout`] — the Decree 30 .docx
//! ([`docx`]), the HTML preview ([`html`]), the PDF ([`pdf`], typeset by typst). None decides
//! what is printed; the layout did.
pub mod docx;
pub mod html;
pub mod pdf;

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
    #[error("Máy chưa có phông chữ Times New Roman (hoặc Liberation Serif, Tinos) nên chưa xuất được PDF. Hãy cài một trong các phông này, hoặc mở tệp .docx bằng Word rồi lưu thành PDF.")]
    NoFont,
    #[error("Không dàn trang được bản PDF. Hãy xuất tệp .docx rồi mở bằng Word để lưu thành PDF.")]
    Typeset,
}

/// The plan as a PDF file's bytes, typeset from the same layout as the .docx.
pub fn to_pdf(plan: &Plan, opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let doc = lay_out(plan, &opts.layout);
    pdf::write(&doc, &doc.title, &opts.author)
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
