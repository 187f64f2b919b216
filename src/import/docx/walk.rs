//! The walk over docx-rs's document: paragraphs with their text, bold, italic, alignment, size
//! and Word numbering (through the paragraph style's `basedOn` chain); tables with merged cells.
use super::numbering::Numbering;
use super::{arr, MARK_CLOSE, MARK_OPEN};
use crate::import::blocks::{Block, Cell, Para, Table};
use crate::text::{squash, squash_lines, tail};
use serde_json::Value;
use std::collections::HashMap;

/// Paragraph styles: bold, alignment and numbering inherited through `basedOn`.
pub(super) struct Styles<'a> {
    by_id: HashMap<&'a str, &'a Value>,
    /// The document's default run size, in half-points.
    default_size: Option<f64>,
}

impl<'a> Styles<'a> {
    pub(super) fn new(styles: &'a Value) -> Self {
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

pub(super) struct Walker<'a> {
    pub(super) styles: Styles<'a>,
    pub(super) numbering: Numbering,
}

impl Walker<'_> {
    pub(super) fn block(&mut self, v: &Value, out: &mut Vec<Block>) {
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
                // A superscript number typed into the text (a footnote a converter turned into
                // text) is a footnote mark.
                if run["runProperty"]["vertAlign"].as_str() == Some("superscript") {
                    let digits: String = arr(&run["children"])
                        .iter()
                        .filter_map(|rc| rc["data"]["text"].as_str())
                        .collect();
                    let digits = digits.trim();
                    if (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
                    {
                        text.push(MARK_OPEN);
                        text.push_str(digits);
                        text.push(MARK_CLOSE);
                        continue;
                    }
                }
                for rc in arr(&run["children"]) {
                    match rc["type"].as_str() {
                        Some("text") => text.push_str(rc["data"]["text"].as_str().unwrap_or("")),
                        Some("tab") => text.push(' '),
                        // A line break (Shift+Enter) keeps its line; a page break does not.
                        Some("break") if rc["data"]["breakType"].as_str() == Some("page") => {
                            text.push(' ')
                        }
                        Some("break") | Some("carriageReturn") => text.push('\n'),
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
        return (squash_lines(raw), Vec::new());
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
    (squash_lines(&text), refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_are_taken_out_of_the_text() {
        let (text, refs) = take_marks("năm 2011\u{E000}2\u{E001}. Tiếp");
        assert_eq!(text, "năm 2011. Tiếp");
        assert_eq!(refs, [("2".to_string(), "năm 2011".to_string())]);
    }
}
