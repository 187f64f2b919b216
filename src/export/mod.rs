//! Writers: the Decree 30 .docx ([`docx`]), the HTML preview and plain text.
pub mod docx;
pub mod html;
mod package;
pub mod pdf;

pub use package::clean_xml_text;

use crate::model::{numbering::kind_of, numbering::LabelKind, Item, Plan};
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
    #[error("LibreOffice không chuyển được sang PDF: {0}")]
    Pdf(String),
}

/// The plan as a .docx file's bytes.
pub fn to_docx(plan: &Plan, opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let built = docx::build(plan, opts);
    let created = opts
        .created
        .clone()
        .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let title = if plan.summary.is_empty() {
        plan.doc_type.clone()
    } else {
        format!("{} {}", plan.doc_type, plan.summary)
    };
    package::package(
        built,
        &package::Meta {
            title: &title,
            author: &opts.author,
            created: &created,
        },
    )
}

/// An item printed as a heading (bold): a khoản with numbered points under it ("3. Về giải quyết
/// hồ sơ TTHC:"), or a short title over bullets ("1.11. Tuyên truyền, truyền thông về CCHC").
pub fn heading(item: &Item) -> bool {
    let numbered_children = item
        .items
        .iter()
        .any(|c| matches!(kind_of(&c.label), LabelKind::Numeric | LabelKind::Letter));
    let titled_list = !item.items.is_empty()
        && !crate::import::text_util::ends_sentence(&item.text)
        && item.text.chars().count() <= 150;
    kind_of(&item.label) != LabelKind::Paragraph && (numbered_children || titled_list)
}
