//! The PDF writer: the laid-out [`Document`] as typst source ([`markup`]), typeset by typst as a
//! library and written by typst-pdf — no office suite needed. Fonts: Times New Roman where the
//! system has it, else Liberation Serif or Tinos (same metrics, Vietnamese glyphs); the faces
//! used are subset and embedded.
pub mod markup;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("Máy chưa có phông chữ Times New Roman (hoặc Liberation Serif, Tinos) nên chưa xuất được PDF. Hãy cài một trong các phông này, hoặc mở tệp .docx bằng Word rồi lưu thành PDF.")]
    NoFont,
    #[error("Không dàn trang được bản PDF. Hãy xuất tệp .docx rồi mở bằng Word để lưu thành PDF.")]
    Typeset,
}

/// The plan as a PDF file's bytes, typeset from the same layout as the .docx.
pub fn to_pdf(plan: &Plan, layout: &Layout, author: &str) -> Result<Vec<u8>, PdfError> {
    let doc = lay_out(plan, layout);
    write(&doc, &doc.title, author)
}

use kehoach_layout::{lay_out, Document, PageMap};
use kehoach_model::Plan;
use kehoach_nd30::Layout;
use std::sync::{Arc, OnceLock};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::{FontPath, FontStore};

/// The serif faces found on this computer, scanned once per process.
fn fonts() -> &'static Arc<FontStore> {
    static FONTS: OnceLock<Arc<FontStore>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut store = FontStore::new();
        let wanted = |family: &str| markup::FONTS.iter().any(|f| f.eq_ignore_ascii_case(family));
        let found: Vec<(FontPath, typst::text::FontInfo)> = typst_kit::fonts::system()
            .filter(|(_, info)| wanted(&info.family))
            .collect();
        store.extend(found);
        Arc::new(store)
    })
}

/// Whether a serif face the PDF can be set in is installed.
pub fn has_fonts() -> bool {
    fonts().book().families().next().is_some()
}

struct Sheet {
    library: LazyHash<Library>,
    fonts: Arc<FontStore>,
    main: FileId,
    source: Source,
}

impl World for Sheet {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, _: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// The typeset pages of a document.
pub fn typeset(
    doc: &Document,
    title: &str,
    author: &str,
) -> Result<typst_layout::PagedDocument, PdfError> {
    if !has_fonts() {
        return Err(PdfError::NoFont);
    }
    let path = VirtualPath::new("ke-hoach.typ").map_err(|_| PdfError::Typeset)?;
    let main = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let sheet = Sheet {
        library: LazyHash::new(Library::default()),
        fonts: fonts().clone(),
        main,
        source: Source::new(main, markup::source(doc, title, author)),
    };
    typst::compile::<typst_layout::PagedDocument>(&sheet)
        .output
        .map_err(|_| PdfError::Typeset)
}

/// Where each labelled element ("b3", "r12", "phu-luc") was set: its page, from 0.
fn label_pages(pages: &typst_layout::PagedDocument) -> std::collections::HashMap<String, usize> {
    use typst::introspection::Introspector;
    let intro = pages.introspector();
    let mut found: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in intro.query_labelled() {
        let (Some(label), Some(at)) = (c.label(), c.location()) else {
            continue;
        };
        if let Some(page) = intro.page(at) {
            found.insert(label.resolve().to_string(), page.get() - 1);
        }
    }
    found
}

/// The appendix rows' pages, from the appendix's first page.
fn row_pages(
    doc: &Document,
    found: &std::collections::HashMap<String, usize>,
    total: usize,
) -> Vec<usize> {
    let appendix_start = found.get("phu-luc").copied().unwrap_or(total);
    let rows_n = doc.appendix.as_ref().map_or(0, |a| a.rows.len());
    let mut rows = Vec::with_capacity(rows_n);
    let mut last = 0;
    for j in 0..rows_n {
        last = found
            .get(&format!("r{j}"))
            .map(|p| p.saturating_sub(appendix_start))
            .unwrap_or(last);
        rows.push(last);
    }
    rows
}

/// Where to break the appendix so that its last row does not stand alone on the last page: before
/// the row above it (and before its group's heading row, which goes with it), when the page
/// before keeps rows of its own. None when no row would be alone, or a row is taller than a page.
fn orphan_break(doc: &Document, rows: &[usize]) -> Option<usize> {
    let a = doc.appendix.as_ref()?;
    let n = rows.len();
    if n < 3 || a.break_before.is_some() || rows[n - 1] == rows[n - 2] {
        return None;
    }
    let mut k = n - 2;
    if k > 0 && matches!(a.rows[k - 1], kehoach_layout::Row::Group { .. }) {
        k -= 1;
    }
    let stays = k > 0 && rows[k - 1] == rows[n - 2];
    let tall = a.rows[k..].iter().any(|r| {
        matches!(
            r,
            kehoach_layout::Row::Task {
                splittable: true,
                ..
            }
        )
    });
    (stays && !tall).then_some(k)
}

/// The document as it is typeset: with the appendix broken where its last row would otherwise
/// stand alone, and its pages.
fn typeset_final(
    doc: &Document,
    title: &str,
    author: &str,
) -> Result<(Document, typst_layout::PagedDocument), PdfError> {
    let pages = typeset(doc, title, author)?;
    let found = label_pages(&pages);
    let rows = row_pages(doc, &found, pages.pages().len());
    match orphan_break(doc, &rows) {
        Some(k) => {
            let mut broken = doc.clone();
            if let Some(a) = broken.appendix.as_mut() {
                a.break_before = Some(k);
            }
            let pages = typeset(&broken, title, author)?;
            Ok((broken, pages))
        }
        None => Ok((doc.clone(), pages)),
    }
}

/// The page map of a document, from typst's layout of it.
pub fn page_map(doc: &Document) -> Result<PageMap, PdfError> {
    let (doc, pages) = typeset_final(doc, &doc.title, "")?;
    let doc = &doc;
    let found = label_pages(&pages);
    let total = pages.pages().len();
    let appendix_start = doc
        .appendix
        .as_ref()
        .and_then(|_| found.get("phu-luc").copied())
        .unwrap_or(total);
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    let mut last = 0;
    for i in 0..doc.blocks.len() {
        last = found.get(&format!("b{i}")).copied().unwrap_or(last);
        blocks.push(last);
    }
    let rows = row_pages(doc, &found, total);
    Ok(PageMap {
        blocks,
        rows,
        portrait_pages: appendix_start,
        appendix_pages: total - appendix_start,
    })
}

/// The PDF bytes of a document.
pub fn write(doc: &Document, title: &str, author: &str) -> Result<Vec<u8>, PdfError> {
    let (_, pages) = typeset_final(doc, title, author)?;
    let options = typst_pdf::PdfOptions {
        creator: Smart::Custom(Some("Kế hoạch CCHC".into())),
        tagged: false,
        ..Default::default()
    };
    typst_pdf::pdf(&pages, &options).map_err(|_| PdfError::Typeset)
}
