//! Writers without a typesetter: each serialises the laid-out document of [`kehoach_layout`] —
//! the Decree 30 .docx ([`docx`]) and the HTML preview ([`html`]). The PDF is `kehoach-pdf`'s
//! (typst). None decides what is printed; the layout did.
pub mod docx;
pub mod html;

use kehoach_layout::lay_out;
use kehoach_model::Plan;
use kehoach_nd30::Layout;

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
