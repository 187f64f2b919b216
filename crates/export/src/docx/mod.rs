//! The .docx writer: a laid-out [`Document`] serialised as WordprocessingML. Every part is
//! written here, in the order the Office schemas require (see [`xml`]); docx-rs is kept for
//! reading. Split by concern: [`blocks`] (header, title, body, signature), [`appendix`],
//! [`package`] (the other parts and the zip).
//!
//! Page 1 has no page number (`w:titlePg`); later pages show it centred in the header. The body
//! is an A4 portrait section; the appendix a landscape section numbered from 1.
mod appendix;
mod blocks;
mod package;
pub mod xml;

pub use package::Meta;

use super::ExportError;
use kehoach_layout::{Block, Document};
use kehoach_nd30::{mm_to_twips, Layout, A4};

/// The relationship id of the page-number header.
const HEADER_RID: &str = "rIdHeader";

/// The .docx bytes of a laid-out document.
pub fn write(doc: &Document, meta: &Meta) -> Result<Vec<u8>, ExportError> {
    package::package(&document_xml(doc), doc, meta)
}

/// `w:sectPr` in schema order: headerReference, pgSz, pgMar, pgNumType, cols, titlePg.
fn sect_pr(layout: &Layout, landscape: bool, restart: bool) -> String {
    let (w, h) = if landscape { (A4.1, A4.0) } else { A4 };
    let orient = if landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    format!(
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{rid}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"{orient}/>"#,
            r#"<w:pgMar w:top="{t}" w:right="{r}" w:bottom="{b}" w:left="{l}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            "{restart}",
            r#"<w:cols w:space="720"/><w:titlePg/></w:sectPr>"#
        ),
        rid = HEADER_RID,
        w = w,
        h = h,
        orient = orient,
        t = mm_to_twips(layout.margin_top_mm),
        r = mm_to_twips(layout.margin_right_mm),
        b = mm_to_twips(layout.margin_bottom_mm),
        l = mm_to_twips(layout.margin_left_mm),
        restart = if restart {
            r#"<w:pgNumType w:start="1"/>"#
        } else {
            ""
        },
    )
}

fn document_xml(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
    ));
    for block in &doc.blocks {
        match block {
            Block::Header(h) => blocks::header(&mut out, h),
            Block::Title(t) => blocks::title(&mut out, t),
            Block::Para(p) => blocks::body(&mut out, p, &doc.layout),
            Block::Signature(s) => blocks::signature(&mut out, s),
        }
    }
    match &doc.appendix {
        Some(app) => {
            // The body's section ends with a paragraph that carries its properties.
            let ppr = xml::PPr {
                spacing: Some((0, 0, None, false)),
                sect: Some(sect_pr(&doc.layout, false, false)),
                ..Default::default()
            };
            xml::para(&mut out, &ppr, |_| {});
            appendix::appendix(&mut out, app);
            // A body must not end with a table.
            xml::para(&mut out, &xml::PPr::default(), |_| {});
            out.push_str(&sect_pr(&doc.layout, true, true));
        }
        None => {
            xml::para(&mut out, &xml::PPr::default(), |_| {});
            out.push_str(&sect_pr(&doc.layout, false, false));
        }
    }
    out.push_str("</w:body></w:document>");
    out
}
