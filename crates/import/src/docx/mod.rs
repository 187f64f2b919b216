//! .docx reader: docx-rs's `read_docx` for the body, the zip itself (with `zip` and `quick-xml`)
//! for what docx-rs does not expose — footnotes and where their marks sit — and for the safety
//! limits checked before anything is parsed.
//!
//! Word's automatic numbering (numbering.xml) is turned into the label Word shows ("1.", "1.1.",
//! "a)", "-"), so a numbered list reads the same as typed numbers.
mod flatten;
mod footnotes;
mod numbering;
mod package;
mod page;
mod walk;

use package::unzip_checked;

use super::blocks::{Block, Source};
use super::ImportError;
use footnotes::{footnote_texts, mark_footnote_refs};
use numbering::Numbering;
use package::{check_roots, check_xml, zip_parts};
use serde_json::Value;
use walk::{Styles, Walker};

/// Paragraphs and runs together in one body, at most (20,000 paragraphs of one run each take
/// about 240 MB to read; a 100-page plan has a few thousand).
const MAX_PIECES: usize = 80_000;
/// Numbering definitions (abstract and concrete) beyond this many are not read: a long plan
/// edited for years has a few hundred; 20,000 of them (a 408 KB file) took 1.87 GB.
const MAX_NUMBERINGS: usize = 2_000;

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    let mut parts = unzip_checked(bytes)?;
    let mut names: Vec<&String> = parts.keys().collect();
    names.sort();
    let mut roots = std::collections::HashMap::new();
    for name in names {
        roots.insert(name.clone(), check_xml(name, &parts[name])?);
    }
    check_roots(&parts, &roots)?;
    // The body as it prints: tracked changes accepted, text boxes and content controls read.
    if let Some(body) = parts
        .get("word/document.xml")
        .filter(|b| flatten::needed(b))
    {
        let flat = flatten::flatten(body);
        parts.insert("word/document.xml".into(), flat);
    }
    let document = parts
        .get("word/document.xml")
        .ok_or_else(|| ImportError::CorruptDocx("thiếu phần nội dung word/document.xml".into()))?;
    // Reading costs about 100 bytes of memory per byte of body XML (docx-rs's tree, then its
    // JSON form): the body's paragraphs, runs and cells are counted before anything is parsed.
    let count = |tag: &[u8]| {
        document
            .windows(tag.len() + 1)
            .filter(|w| w.starts_with(tag) && matches!(w[tag.len()], b'>' | b' ' | b'/'))
            .count()
    };
    let cells = count(b"<w:tc");
    if cells > super::MAX_CELLS {
        return Err(ImportError::TooComplex(format!("{cells} ô bảng")));
    }
    // Numbering definitions: a plan has tens; docx-rs keeps each with its nine levels.
    if let Some(numbering) = parts.get("word/numbering.xml") {
        let tag = |t: &[u8]| {
            numbering
                .windows(t.len() + 1)
                .filter(|w| w.starts_with(t) && matches!(w[t.len()], b'>' | b' ' | b'/'))
                .count()
        };
        let definitions = tag(b"<w:abstractNum") + tag(b"<w:num");
        if definitions > MAX_NUMBERINGS {
            return Err(ImportError::TooComplex(format!(
                "{} kiểu đánh số tự động",
                kehoach_text::thousands(definitions)
            )));
        }
    }
    let pieces = count(b"<w:p") + count(b"<w:r");
    if pieces > MAX_PIECES {
        return Err(ImportError::TooComplex(format!(
            "{pieces} đoạn văn và đoạn chữ"
        )));
    }
    let footnotes = parts
        .get("word/footnotes.xml")
        .map(|xml| footnote_texts(xml))
        .unwrap_or_default();
    // docx-rs drops footnote references: turn each into a private marker in the text first.
    if contains(document, b"footnoteReference") {
        let marked = mark_footnote_refs(document);
        parts.insert("word/document.xml".into(), marked);
    }
    let input = zip_parts(&parts)?;
    let docx = crate::guard::guarded(|| docx_rs::read_docx(&input))
        .map_err(|_| ImportError::CorruptDocx("cấu trúc tài liệu không đọc được".into()))?
        .map_err(|e| ImportError::CorruptDocx(reader_reason(&e)))?;
    let styles = serde_json::to_value(&docx.styles).unwrap_or(Value::Null);
    let numberings = serde_json::to_value(&docx.numberings).unwrap_or(Value::Null);
    let document = serde_json::to_value(&docx.document).unwrap_or(Value::Null);
    let mut walker = Walker {
        styles: Styles::new(
            &styles,
            page::theme_fonts(&parts),
            page::default_paragraph_style(&parts),
        ),
        numbering: Numbering::new(&numberings),
        legacy: None,
        table_style: None,
    };
    let mut blocks = Vec::new();
    for child in arr(&document["children"]) {
        walker.block(child, &mut blocks);
    }
    let mut footnotes = footnotes;
    typed_footnotes(&mut blocks, &mut footnotes);
    let mut page = page::page_format(&parts);
    page.fonts = fonts_used(&blocks);
    let notices = walker
        .legacy
        .map(|l| legacy_notice(l.name()))
        .into_iter()
        .collect();
    Ok(Source {
        blocks,
        footnotes,
        page: Some(page),
        notices,
    })
}

/// The fonts the text is set in: every run with text, in tables too, each font once.
fn fonts_used(blocks: &[Block]) -> Vec<String> {
    let mut fonts: Vec<String> = Vec::new();
    let mut add = |p: &super::blocks::Para| {
        for r in p.format.iter().flat_map(|f| &f.runs) {
            if let Some(font) = r.font.as_ref().filter(|_| !r.text.trim().is_empty()) {
                if !fonts.contains(font) {
                    fonts.push(font.clone());
                }
            }
        }
    };
    for b in blocks {
        match b {
            Block::Para(p) => add(p),
            Block::Table(t) => t
                .rows
                .iter()
                .flatten()
                .flat_map(|c| &c.paras)
                .for_each(&mut add),
        }
    }
    fonts
}

/// What the user is told when text was converted from an old encoding.
pub(crate) fn legacy_notice(name: &str) -> String {
    format!("Văn bản gõ bằng bảng mã cũ {name}: đã chuyển sang Unicode. Hãy soát lại chữ có dấu.")
}

/// What docx-rs could not read, in words (its own messages are English).
fn reader_reason(e: &docx_rs::ReaderError) -> String {
    match e {
        docx_rs::ReaderError::DocumentNotFoundError => "thiếu phần nội dung chính".into(),
        docx_rs::ReaderError::DocumentRelsNotFoundError => {
            "thiếu bảng liên kết word/_rels/document.xml.rels".into()
        }
        docx_rs::ReaderError::ZipError(_) => "tệp nén bị hỏng".into(),
        _ => "cấu trúc tài liệu không đọc được".into(),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// Footnotes that a conversion turned into text: a superscript number in a paragraph, and at the
/// page's bottom a paragraph in a smaller size that starts with that number ("1 Quyết định số
/// …"). The paragraph becomes the footnote.
fn typed_footnotes(blocks: &mut Vec<Block>, footnotes: &mut Vec<(String, String)>) {
    let marks: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
        .flat_map(|p| p.footnote_refs.iter().map(|(k, _)| k.clone()))
        .filter(|k| !footnotes.iter().any(|(f, _)| f == k))
        .collect();
    if marks.is_empty() {
        return;
    }
    let mut sizes: Vec<f32> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => p.size_pt,
            _ => None,
        })
        .collect();
    sizes.sort_by(f32::total_cmp);
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(13.0);
    blocks.retain(|b| {
        let Block::Para(p) = b else { return true };
        let small = p.size_pt.is_some_and(|s| s < body - 0.5);
        let number: String = p.text.chars().take_while(char::is_ascii_digit).collect();
        if small && marks.contains(&number) && !footnotes.iter().any(|(k, _)| *k == number) {
            let text = p.text[number.len()..]
                .trim_start_matches(['.', ')', ' '])
                .trim();
            footnotes.push((number, text.to_string()));
            return false;
        }
        true
    });
}
