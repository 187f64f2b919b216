//! PDF reader for text-layer PDFs (Word's "Save as PDF", LibreOffice, e-office printouts): each
//! glyph's position, size and face from the content streams ([`content`], [`fonts`]), lines and
//! their column gaps ([`lines`]), the reader's watermark line, page headers and page numbers
//! dropped, ruled tables rebuilt from their borders ([`tables`]), footnotes at page bottoms
//! attached to their marks, paragraphs rebuilt from indents and gaps and joined across pages
//! ([`paras`]). The result is the same [`Source`] the other readers give.
mod budget;
mod content;
mod fonts;
mod lines;
mod paras;
mod recover;
mod tables;

use super::blocks::{Block, Source};
use super::ImportError;
use lines::Segment;

/// A document's pages beyond this many are not read (no plan comes close).
const MAX_PAGES: usize = 400;
/// Glyphs shown in the whole document: about 300 pages of dense text, several times the
/// longest plan (its glyphs, with their places, then take about 100 MB).
const MAX_GLYPHS: usize = 1_000_000;
/// The pages' content inflated, all together: a page of text is tens of kilobytes, so a long
/// plan a few megabytes (each page's own limit is in `budget.rs`).
const MAX_CONTENT_TOTAL: usize = 64 * 1024 * 1024;

pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(64 * 1024 * 1024),
        ..Default::default()
    };
    let doc = crate::guard::guarded(|| lopdf::Document::load_mem_with_options(bytes, options))
        .map_err(|_| ImportError::CorruptPdf)?
        .map_err(|e| match e {
            lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ImportError::Encrypted,
            _ => ImportError::CorruptPdf,
        })?;
    if doc.is_encrypted() {
        return Err(ImportError::Encrypted);
    }
    // Each page object once: a page tree that lists one page many times (no real PDF does)
    // would have it read again and again.
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<_> = doc
        .get_pages()
        .into_values()
        .filter(|id| seen.insert(*id))
        .take(MAX_PAGES)
        .collect();
    if ids.is_empty() {
        return Err(ImportError::PdfNoPages);
    }
    let mut pages = Vec::new();
    let mut shown = 0;
    let mut inflated = 0;
    for id in ids {
        let page = crate::guard::guarded(|| content::page(&doc, bytes, id))
            .map_err(|_| ImportError::CorruptPdf)?
            .map_err(|e| match e {
                budget::PageError::Damaged => ImportError::CorruptPdf,
                budget::PageError::TooMuch(what) => ImportError::TooComplex(what),
            })?;
        shown += page.shown;
        inflated += page.content_bytes;
        if inflated > MAX_CONTENT_TOTAL {
            return Err(ImportError::TooComplex(format!(
                "nội dung các trang giải nén ra hơn {} MB",
                MAX_CONTENT_TOTAL / (1024 * 1024)
            )));
        }
        if shown > MAX_GLYPHS {
            return Err(ImportError::TooComplex(format!(
                "hơn {} ký tự",
                kehoach_text::thousands(MAX_GLYPHS)
            )));
        }
        pages.push(page);
    }
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs < 20 {
        let images: usize = pages.iter().map(|p| p.images).sum();
        let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
        return Err(if images > 0 {
            ImportError::Scanned
        } else if unmapped >= 20 {
            ImportError::PdfNoText
        } else {
            ImportError::Empty
        });
    }
    let legacy = pages.iter().find_map(|p| p.legacy);
    let mut source = rebuild(pages);
    source
        .notices
        .extend(legacy.map(|l| super::docx::legacy_notice(l.name())));
    Ok(source)
}

/// Pages into paragraphs and tables in reading order.
fn rebuild(pages: Vec<content::Page>) -> Source {
    let heights: Vec<f32> = pages.iter().map(|p| p.height).collect();
    let landscape: Vec<bool> = pages.iter().map(|p| p.width > p.height).collect();
    let mut flows: Vec<Vec<Segment>> = Vec::new();
    let mut found_tables = Vec::new();
    for (n, page) in pages.into_iter().enumerate() {
        let (found, rest) = tables::find(page.glyphs, &page.strokes, n);
        flows.push(lines::segments(&rest, n));
        found_tables.push(found);
    }
    lines::drop_page_furniture(&mut flows, &heights);
    let body_size = body_size(&flows);
    let marks: std::collections::HashSet<String> = flows
        .iter()
        .flatten()
        .flat_map(|s| s.marks.iter().map(|(_, n)| n.clone()))
        .collect();
    let mut footnotes = Vec::new();
    for (n, segs) in flows.iter_mut().enumerate() {
        *segs = paras::footnotes(
            std::mem::take(segs),
            body_size,
            heights[n],
            &marks,
            &mut footnotes,
        );
    }
    let frame_of = |want_landscape: bool| {
        let segs: Vec<&Segment> = flows
            .iter()
            .enumerate()
            .filter(|(n, _)| landscape[*n] == want_landscape)
            .flat_map(|(_, s)| s.iter())
            .collect();
        paras::frame(&segs, body_size)
    };
    let (portrait, wide) = (frame_of(false), frame_of(true));
    let frames = |page: usize| if landscape[page] { wide } else { portrait };
    // The flow, with each table between the lines above and below it.
    let mut blocks = Vec::new();
    let mut pending: Vec<Segment> = Vec::new();
    for (n, segs) in flows.into_iter().enumerate() {
        let mut tables = found_tables[n].drain(..).peekable();
        for s in segs {
            while tables.peek().is_some_and(|t| t.top < s.y) {
                blocks.extend(
                    paras::paragraphs(&pending, &frames)
                        .into_iter()
                        .map(Block::Para),
                );
                pending.clear();
                blocks.push(Block::Table(tables.next().expect("peeked").table));
            }
            pending.push(s);
        }
        for t in tables {
            blocks.extend(
                paras::paragraphs(&pending, &frames)
                    .into_iter()
                    .map(Block::Para),
            );
            pending.clear();
            blocks.push(Block::Table(t.table));
        }
    }
    blocks.extend(
        paras::paragraphs(&pending, &frames)
            .into_iter()
            .map(Block::Para),
    );
    if std::env::var_os("KEHOACH_DEBUG_PDF").is_some() {
        for b in &blocks {
            match b {
                Block::Para(p) => eprintln!("P{} {:?}", if p.bold { "b" } else { "" }, p.text),
                Block::Table(t) => eprintln!("T {} rows", t.rows.len()),
            }
        }
    }
    Source {
        blocks,
        footnotes,
        page: None,
        notices: Vec::new(),
    }
}

/// The size most of the text is set in.
fn body_size(flows: &[Vec<Segment>]) -> f32 {
    let mut by_size: Vec<(f32, usize)> = Vec::new();
    for s in flows.iter().flatten() {
        let size = (s.size * 2.0).round() / 2.0;
        match by_size.iter_mut().find(|(z, _)| (*z - size).abs() < 0.1) {
            Some((_, n)) => *n += s.text.len(),
            None => by_size.push((size, s.text.len())),
        }
    }
    by_size
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(13.0, |(z, _)| z)
}
