//! .docx reader: docx-rs's `read_docx` for the body, the zip itself (with `zip` and `quick-xml`)
//! for what docx-rs does not expose — footnotes and where their marks sit — and for the safety
//! limits checked before anything is parsed.
//!
//! Word's automatic numbering (numbering.xml) is turned into the label Word shows ("1.", "1.1.",
//! "a)", "-"), so a numbered list reads the same as typed numbers.
use super::blocks::{Block, Cell, Para, Source, Table};
use super::markdown::tail;
use super::text_util::squash;
use super::ImportError;
use crate::model::numbering::{letter, roman};
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

/// Larger uncompressed parts are refused (a "zip bomb").
pub const MAX_ENTRY_BYTES: u64 = 100 * 1024 * 1024;
/// Parts that expand more than this many times are refused.
pub const MAX_RATIO: u64 = 100;
/// XML nested deeper than this is refused (no real document comes close).
pub const MAX_XML_DEPTH: usize = 256;
const MAX_ENTRIES: usize = 5000;

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
    Ok(Source { blocks, footnotes })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Reads every part of the zip, refusing what no real .docx has: parts larger than
/// [`MAX_ENTRY_BYTES`], parts compressed more than [`MAX_RATIO`] times, too many parts.
pub(crate) fn unzip_checked(bytes: &[u8]) -> Result<HashMap<String, Vec<u8>>, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::CorruptDocx(zip_reason(&e)))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ImportError::Suspicious(format!("{} phần", zip.len())));
    }
    let mut parts = HashMap::new();
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| ImportError::CorruptDocx(zip_reason(&e)))?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > MAX_ENTRY_BYTES {
            return Err(ImportError::Suspicious(format!(
                "phần {} giải nén ra {} MB",
                entry.name(),
                size / (1024 * 1024)
            )));
        }
        if size > 64 * 1024 && size / packed > MAX_RATIO {
            return Err(ImportError::Suspicious(format!(
                "phần {} nén {} lần",
                entry.name(),
                size / packed
            )));
        }
        let name = entry.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut data = Vec::with_capacity(size as usize);
        // Read at most the declared size (+1 to notice a lying header).
        (&mut entry)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|e| ImportError::CorruptDocx(format!("không giải nén được {name}: {e}")))?;
        if data.len() as u64 > MAX_ENTRY_BYTES {
            return Err(ImportError::Suspicious(format!("phần {name} quá lớn")));
        }
        parts.insert(name, data);
    }
    Ok(parts)
}

fn zip_reason(e: &zip::result::ZipError) -> String {
    match e {
        zip::result::ZipError::InvalidArchive(_) => "tệp nén bị hỏng".into(),
        zip::result::ZipError::UnsupportedArchive(_) => "kiểu nén không được hỗ trợ".into(),
        zip::result::ZipError::FileNotFound => "thiếu một phần của tệp".into(),
        other => other.to_string(),
    }
}

/// Refuses XML nested deeper than [`MAX_XML_DEPTH`] and XML that does not parse.
fn check_depth(xml: &[u8]) -> Result<(), ImportError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(_)) => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(ImportError::Suspicious(format!(
                        "XML lồng sâu hơn {MAX_XML_DEPTH} tầng"
                    )));
                }
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(ImportError::CorruptDocx(format!("XML hỏng: {e}"))),
        }
        buf.clear();
    }
}

/// The footnotes' texts by id (separators skipped).
fn footnote_texts(xml: &[u8]) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"footnote" => {
                let mut id = String::new();
                let mut special = false;
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref() {
                        b"id" => id = String::from_utf8_lossy(&a.value).into_owned(),
                        b"type" => special = true,
                        _ => {}
                    }
                }
                current = (!special).then_some((id, String::new()));
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"t" => in_text = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"t" => in_text = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"p" => {
                if let Some((_, text)) = current.as_mut() {
                    text.push(' ');
                }
            }
            Ok(Event::Text(t)) if in_text => {
                if let (Some((_, text)), Ok(s)) = (current.as_mut(), t.unescape()) {
                    text.push_str(&s);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"footnote" => {
                if let Some((id, text)) = current.take() {
                    let text = squash(&text);
                    if !text.is_empty() {
                        out.push((id, text));
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// `<w:footnoteReference w:id="3"/>` → `<w:t>\u{E000}3\u{E001}</w:t>`.
fn mark_footnote_refs(xml: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(xml);
    let re = regex::Regex::new(r#"<w:footnoteReference\b[^>]*?w:id="(-?\d+)"[^>]*?/>"#).unwrap();
    re.replace_all(&s, |c: &regex::Captures| {
        format!("<w:t>{MARK_OPEN}{}{MARK_CLOSE}</w:t>", &c[1])
    })
    .into_owned()
    .into_bytes()
}

/// The same zip with one part replaced (stored, in memory).
fn rezip_with(bytes: &[u8], name: &str, data: &[u8]) -> Result<Vec<u8>, ImportError> {
    let bad = |e: zip::result::ZipError| ImportError::CorruptDocx(zip_reason(&e));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(bad)?;
        let entry_name = entry.name().to_string();
        out.start_file(entry_name.as_str(), options).map_err(bad)?;
        if entry_name == name {
            out.write_all(data)
                .map_err(|e| ImportError::CorruptDocx(e.to_string()))?;
        } else {
            let mut buf = Vec::new();
            (&mut entry)
                .take(MAX_ENTRY_BYTES)
                .read_to_end(&mut buf)
                .map_err(|e| ImportError::CorruptDocx(e.to_string()))?;
            out.write_all(&buf)
                .map_err(|e| ImportError::CorruptDocx(e.to_string()))?;
        }
    }
    Ok(out.finish().map_err(bad)?.into_inner())
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// Paragraph styles: bold, alignment and numbering inherited through `basedOn`.
struct Styles<'a> {
    by_id: HashMap<&'a str, &'a Value>,
    /// The document's default run size, in half-points.
    default_size: Option<f64>,
}

impl<'a> Styles<'a> {
    fn new(styles: &'a Value) -> Self {
        let by_id = arr(&styles["styles"])
            .iter()
            .filter_map(|s| Some((s["styleId"].as_str()?, s)))
            .collect();
        let default_size =
            styles["docDefaults"]["runPropertyDefault"]["runProperty"]["sz"].as_f64();
        Styles {
            by_id,
            default_size,
        }
    }

    /// Looks a property up along the style's `basedOn` chain.
    fn lookup(
        &self,
        style: Option<&str>,
        get: impl Fn(&'a Value) -> Option<&'a Value>,
    ) -> Option<&'a Value> {
        let mut id = style;
        for _ in 0..16 {
            let s = self.by_id.get(id?)?;
            if let Some(v) = get(s) {
                if !v.is_null() {
                    return Some(v);
                }
            }
            id = s["basedOn"].as_str();
        }
        None
    }
}

/// Word's list counters, per numbering instance and level.
struct Numbering {
    /// numId → (abstract levels, start overrides by level)
    nums: HashMap<i64, (Vec<Value>, HashMap<i64, i64>)>,
    counters: HashMap<i64, Vec<i64>>,
}

impl Numbering {
    fn new(n: &Value) -> Self {
        let abstracts: HashMap<i64, Vec<Value>> = arr(&n["abstractNums"])
            .iter()
            .filter_map(|a| Some((a["id"].as_i64()?, arr(&a["levels"]).to_vec())))
            .collect();
        let nums = arr(&n["numberings"])
            .iter()
            .filter_map(|num| {
                let levels = abstracts.get(&num["abstractNumId"].as_i64()?)?.clone();
                let overrides = arr(&num["levelOverrides"])
                    .iter()
                    .filter_map(|o| Some((o["level"].as_i64()?, o["overrideStart"].as_i64()?)))
                    .collect();
                Some((num["id"].as_i64()?, (levels, overrides)))
            })
            .collect();
        Numbering {
            nums,
            counters: HashMap::new(),
        }
    }

    /// Advances the counter of (num, level) and returns the label Word prints.
    fn label(&mut self, num: i64, level: i64) -> Option<String> {
        let (levels, overrides) = self.nums.get(&num)?;
        let level = level.clamp(0, 8) as usize;
        let start_of = |l: usize| -> i64 {
            overrides
                .get(&(l as i64))
                .copied()
                .or_else(|| levels.get(l).and_then(|v| v["start"].as_i64()))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num).or_insert_with(|| vec![0; 9]);
        for (l, c) in counters.iter_mut().enumerate().take(level) {
            if *c == 0 {
                *c = start_of(l);
            }
        }
        counters[level] = if counters[level] == 0 {
            start_of(level)
        } else {
            counters[level] + 1
        };
        for c in counters.iter_mut().skip(level + 1) {
            *c = 0;
        }
        let def = levels.get(level)?;
        let format = def["format"].as_str().unwrap_or("decimal");
        if format == "bullet" {
            return Some("-".into());
        }
        if format == "none" {
            return Some(String::new());
        }
        let text = def["text"].as_str().unwrap_or("%1.");
        let mut label = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as usize).saturating_sub(1).min(8);
                    let f = levels
                        .get(l)
                        .and_then(|v| v["format"].as_str())
                        .unwrap_or("decimal");
                    label.push_str(&format_number(counters[l].max(1), f));
                    continue;
                }
            }
            label.push(c);
        }
        Some(label.trim().to_string())
    }
}

fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letter(n.max(1) as usize),
        "upperLetter" => letter(n.max(1) as usize).to_uppercase(),
        "lowerRoman" => roman(n.max(1) as usize).to_lowercase(),
        "upperRoman" => roman(n.max(1) as usize),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

struct Walker<'a> {
    styles: Styles<'a>,
    numbering: Numbering,
}

impl Walker<'_> {
    fn block(&mut self, v: &Value, out: &mut Vec<Block>) {
        match v["type"].as_str() {
            Some("paragraph") => out.push(Block::Para(self.para(&v["data"]))),
            Some("table") => out.push(Block::Table(self.table(&v["data"]))),
            Some("structuredDataTag") | Some("tableOfContents") => {
                for c in arr(&v["data"]["children"]) {
                    self.block(c, out);
                }
            }
            _ => {}
        }
    }

    fn table(&mut self, t: &Value) -> Table {
        let mut table = Table::default();
        for row in arr(&t["rows"]) {
            let mut cells = Vec::new();
            for cell in arr(&row["data"]["cells"]) {
                let data = &cell["data"];
                let merged_below = data["property"]["verticalMerge"].as_str() == Some("continue");
                let mut paras = Vec::new();
                if !merged_below {
                    let mut blocks = Vec::new();
                    for c in arr(&data["children"]) {
                        self.block(c, &mut blocks);
                    }
                    for b in blocks {
                        match b {
                            Block::Para(p) => paras.push(p),
                            Block::Table(inner) => {
                                for r in inner.rows {
                                    for c in r {
                                        paras.extend(c.paras);
                                    }
                                }
                            }
                        }
                    }
                }
                cells.push(Cell { paras });
                let span = data["property"]["gridSpan"]
                    .as_i64()
                    .unwrap_or(1)
                    .clamp(1, 64);
                for _ in 1..span {
                    cells.push(Cell::default());
                }
            }
            table.rows.push(cells);
        }
        table
    }

    fn para(&mut self, p: &Value) -> Para {
        let prop = &p["property"];
        let style = prop["style"].as_str();
        let mut raw = String::new();
        let mut runs_bold = Vec::new();
        let mut runs_italic = Vec::new();
        let mut sizes = Vec::new();
        collect_runs(
            &p["children"],
            &mut raw,
            &mut runs_bold,
            &mut runs_italic,
            &mut sizes,
        );
        let style_size = self
            .styles
            .lookup(style, |s| s["runProperty"].get("sz"))
            .and_then(Value::as_f64)
            .or(self.styles.default_size);
        let size_pt = sizes
            .iter()
            .map(|s| s.or(style_size))
            .fold(None, |acc: Option<f64>, s| match (acc, s) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            })
            .map(|half_points| (half_points / 2.0) as f32);
        let style_bold = self
            .styles
            .lookup(style, |s| s["runProperty"].get("bold"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let style_italic = self
            .styles
            .lookup(style, |s| s["runProperty"].get("italic"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let bold = !runs_bold.is_empty() && runs_bold.iter().all(|b| b.unwrap_or(style_bold));
        let italic =
            !runs_italic.is_empty() && runs_italic.iter().all(|b| b.unwrap_or(style_italic));
        let alignment = prop["alignment"]
            .as_str()
            .or_else(|| {
                self.styles
                    .lookup(style, |s| s["paragraphProperty"].get("alignment"))
                    .and_then(Value::as_str)
            })
            .unwrap_or("");
        let num = if prop["numberingProperty"].is_object() {
            Some(&prop["numberingProperty"])
        } else {
            self.styles
                .lookup(style, |s| s["paragraphProperty"].get("numberingProperty"))
        };
        let numbered = num.and_then(|n| {
            let id = n["id"].as_i64()?;
            if id == 0 {
                return None; // numId 0 switches numbering off
            }
            self.numbering.label(id, n["level"].as_i64().unwrap_or(0))
        });
        let (text, footnote_refs) = take_marks(&raw);
        Para {
            text,
            bold,
            italic,
            centered: alignment == "center",
            numbered,
            footnote_refs,
            size_pt,
        }
    }
}

/// Appends the text of runs (inside hyperlinks and insertions too) and each run's bold/italic.
fn collect_runs(
    children: &Value,
    text: &mut String,
    bold: &mut Vec<Option<bool>>,
    italic: &mut Vec<Option<bool>>,
    sizes: &mut Vec<Option<f64>>,
) {
    for c in arr(children) {
        match c["type"].as_str() {
            Some("run") => {
                let run = &c["data"];
                let before = text.len();
                for rc in arr(&run["children"]) {
                    match rc["type"].as_str() {
                        Some("text") => text.push_str(rc["data"]["text"].as_str().unwrap_or("")),
                        Some("tab") | Some("break") | Some("carriageReturn") => text.push(' '),
                        Some("sym") => {
                            if let Some(ch) = rc["data"]["char"]
                                .as_str()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32)
                            {
                                text.push(ch);
                            }
                        }
                        _ => {}
                    }
                }
                if text[before..].trim().is_empty() {
                    continue;
                }
                bold.push(run["runProperty"]["bold"].as_bool());
                italic.push(run["runProperty"]["italic"].as_bool());
                sizes.push(run["runProperty"]["sz"].as_f64());
            }
            Some("hyperlink") | Some("insert") => {
                collect_runs(&c["data"]["children"], text, bold, italic, sizes)
            }
            _ => {}
        }
    }
}

/// Removes footnote markers, remembering the text before each.
fn take_marks(raw: &str) -> (String, Vec<(String, String)>) {
    if !raw.contains(MARK_OPEN) {
        return (squash(raw), Vec::new());
    }
    let mut text = String::new();
    let mut refs = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find(MARK_OPEN) {
        text.push_str(&rest[..start]);
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            rest = after;
            break;
        };
        refs.push((after[..end].to_string(), tail(&squash(&text), 60)));
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    text.push_str(rest);
    (squash(&text), refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_level_labels_follow_numbering_xml() {
        let n = serde_json::json!({
            "abstractNums": [{"id": 1, "levels": [
                {"format": "decimal", "start": 1, "text": "%1."},
                {"format": "decimal", "start": 1, "text": "%1.%2."},
                {"format": "bullet", "start": 1, "text": "-"}
            ]}],
            "numberings": [{"abstractNumId": 1, "id": 7, "levelOverrides": []}]
        });
        let mut num = Numbering::new(&n);
        let labels: Vec<String> = [(0, 0), (1, 0), (1, 1), (1, 1), (2, 2), (0, 0), (1, 1)]
            .iter()
            .map(|&(_, l)| num.label(7, l).unwrap())
            .collect();
        assert_eq!(labels, ["1.", "2.", "2.1.", "2.2.", "-", "3.", "3.1."]);
    }

    #[test]
    fn footnote_marks_are_taken_out_of_the_text() {
        let (text, refs) = take_marks("năm 2011\u{E000}2\u{E001}. Tiếp");
        assert_eq!(text, "năm 2011. Tiếp");
        assert_eq!(refs, [("2".to_string(), "năm 2011".to_string())]);
    }
}
