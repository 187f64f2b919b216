//! .docx reader: docx-rs's `read_docx` for the body, the zip itself (with `zip` and `quick-xml`)
//! for what docx-rs does not expose — footnotes and where their marks sit — and for the safety
//! limits checked before anything is parsed.
//!
//! Word's automatic numbering (numbering.xml) is turned into the label Word shows ("1.", "1.1.",
//! "a)", "-"), so a numbered list reads the same as typed numbers.
mod footnotes;
mod numbering;
mod package;
mod page;
mod walk;

use package::unzip_checked;

use super::blocks::Source;
use super::ImportError;
use footnotes::{footnote_texts, mark_footnote_refs};
use numbering::Numbering;
use package::{check_depth, rezip_with};
use serde_json::Value;
use walk::{Styles, Walker};

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    let parts = unzip_checked(bytes)?;
    let document = parts
        .get("word/document.xml")
        .ok_or_else(|| ImportError::CorruptDocx("thiếu phần nội dung word/document.xml".into()))?;
    check_depth(document)?;
    let footnotes = match parts.get("word/footnotes.xml") {
        Some(xml) => {
            check_depth(xml)?;
            footnote_texts(xml)
        }
        None => Vec::new(),
    };
    // docx-rs drops footnote references: turn each into a private marker in the text first.
    let patched;
    let input: &[u8] = if contains(document, b"footnoteReference") {
        patched = rezip_with(bytes, "word/document.xml", &mark_footnote_refs(document))?;
        &patched
    } else {
        bytes
    };
    let docx = std::panic::catch_unwind(|| docx_rs::read_docx(input))
        .map_err(|_| ImportError::CorruptDocx("cấu trúc tài liệu không đọc được".into()))?
        .map_err(|e| ImportError::CorruptDocx(e.to_string()))?;
    let styles = serde_json::to_value(&docx.styles).unwrap_or(Value::Null);
    let numberings = serde_json::to_value(&docx.numberings).unwrap_or(Value::Null);
    let document = serde_json::to_value(&docx.document).unwrap_or(Value::Null);
    let mut walker = Walker {
        styles: Styles::new(&styles),
        numbering: Numbering::new(&numberings),
    };
    let mut blocks = Vec::new();
    for child in arr(&document["children"]) {
        walker.block(child, &mut blocks);
    }
    Ok(Source {
        blocks,
        footnotes,
        page: Some(page::page_format(&parts)),
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}
