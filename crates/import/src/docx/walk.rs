//! The walk over docx-rs's document: paragraphs with their text, bold, italic, alignment, size
//! and Word numbering (through the paragraph style's `basedOn` chain); tables with merged cells.
use super::numbering::Numbering;
use super::{arr, MARK_CLOSE, MARK_OPEN};
use crate::blocks::{emphasis_of, Block, Cell, Para, ParaFormat, RunFormat, Table};
use kehoach_text::legacy::Legacy;
use kehoach_text::{squash, squash_lines, tail};
use serde_json::Value;
use std::collections::HashMap;

/// Where a paragraph's formatting comes from besides itself: the style it names, the style of
/// the table it is in.
#[derive(Clone, Copy, Default)]
struct Place<'s> {
    named: Option<&'s str>,
    table: Option<&'s str>,
}

/// Styles and document defaults: what a paragraph or run that says nothing itself is set in.
pub(super) struct Styles<'a> {
    by_id: HashMap<&'a str, &'a Value>,
    /// The document's default run and paragraph properties.
    default_run: &'a Value,
    default_para: &'a Value,
    /// The theme's fonts: (major, minor) Latin typefaces.
    theme: (Option<String>, Option<String>),
    /// The default paragraph style (`w:default="1"`, "Normal" in Word's template): the style of
    /// a paragraph that names none (ECMA-376 part 1, 17.7.4.17).
    default_style: Option<String>,
}

impl<'a> Styles<'a> {
    pub(super) fn new(
        styles: &'a Value,
        theme: (Option<String>, Option<String>),
        default_style: Option<String>,
    ) -> Self {
        let by_id = arr(&styles["styles"])
            .iter()
            .filter_map(|s| Some((s["styleId"].as_str()?, s)))
            .collect();
        Styles {
            by_id,
            default_run: &styles["docDefaults"]["runPropertyDefault"]["runProperty"],
            default_para: &styles["docDefaults"]["paragraphPropertyDefault"]["paragraphProperty"],
            theme,
            default_style,
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

    /// A run property as it takes effect (ECMA-376 part 1, 17.7.2): the run's own, its
    /// character style's, the paragraph style's it names (along `basedOn`), the table style's of
    /// the table it is in, the default paragraph style's, the document default.
    fn run(&self, rp: &'a Value, at: Place, key: &str) -> Option<&'a Value> {
        let set = |v: &'a Value| v.get(key).filter(|v| !v.is_null());
        let style = |id: Option<&str>| self.lookup(id, |s| set(&s["runProperty"]));
        set(rp)
            .or_else(|| style(rp["style"].as_str()))
            .or_else(|| style(at.named))
            .or_else(|| style(at.table))
            .or_else(|| style(self.default_style.as_deref()))
            .or_else(|| set(self.default_run))
    }

    /// A paragraph property as it takes effect: direct, the named style's (along `basedOn`),
    /// the table style's, the default paragraph style's, the document default.
    fn para(&self, pp: &'a Value, at: Place, key: &str) -> Option<&'a Value> {
        let set = |v: &'a Value| v.get(key).filter(|v| !v.is_null());
        let style = |id: Option<&str>| self.lookup(id, |s| set(&s["paragraphProperty"]));
        set(pp)
            .or_else(|| style(at.named))
            .or_else(|| style(at.table))
            .or_else(|| style(self.default_style.as_deref()))
            .or_else(|| set(self.default_para))
    }

    /// The font of a run's Latin text, a theme font named through the theme.
    fn font(&self, rp: &'a Value, at: Place) -> Option<String> {
        let fonts = self.run(rp, at, "fonts")?;
        let theme = |t: &str| {
            if t.starts_with("major") {
                self.theme.0.clone()
            } else {
                self.theme.1.clone()
            }
        };
        fonts["ascii"]
            .as_str()
            .or(fonts["hiAnsi"].as_str())
            .map(str::to_string)
            .or_else(|| fonts["asciiTheme"].as_str().and_then(theme))
            .or_else(|| fonts["hiAnsiTheme"].as_str().and_then(theme))
    }
}

pub(super) struct Walker<'a> {
    pub(super) styles: Styles<'a>,
    pub(super) numbering: Numbering,
    /// The old encoding some text was in (a run in a .VnTime or VNI-Times font), converted.
    pub(super) legacy: Option<Legacy>,
    /// The style of the table being read, if any.
    pub(super) table_style: Option<String>,
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
        let outer = self.table_style.take();
        self.table_style = t["property"]["style"]
            .as_str()
            .map(String::from)
            .or(outer.clone());
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
                cells.push(Cell {
                    paras,
                    merged_above: merged_below,
                });
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
        self.table_style = outer;
        table
    }

    fn para(&mut self, p: &Value) -> Para {
        let prop = &p["property"];
        // A paragraph that names no style has the default paragraph style.
        let style = prop["style"]
            .as_str()
            .or(self.styles.default_style.as_deref());
        let at = Place {
            named: prop["style"].as_str(),
            table: self.table_style.as_deref(),
        };
        let mut raw = String::new();
        let mut runs = Vec::new();
        collect_runs(&p["children"], &mut raw, &mut runs);
        let st = &self.styles;
        let mut legacy = None;
        let starts: Vec<usize> = runs.iter().map(|r| r.2).collect();
        let mut runs: Vec<RunFormat> = runs
            .into_iter()
            .map(|(text, rp, _)| RunFormat {
                bold: st.run(rp, at, "bold").and_then(Value::as_bool) == Some(true),
                italic: st.run(rp, at, "italic").and_then(Value::as_bool) == Some(true),
                underline: st
                    .run(rp, at, "underline")
                    .and_then(Value::as_str)
                    .is_some_and(|u| u != "none"),
                size_pt: st
                    .run(rp, at, "sz")
                    .and_then(Value::as_f64)
                    .map(|half_points| (half_points / 2.0) as f32),
                font: st.font(rp, at),
                text,
            })
            .collect();
        // Text in a font of an old Vietnamese encoding: each such run converted, the paragraph's
        // text rebuilt from the runs (marks of footnotes kept where they were).
        for (r, start) in runs.iter_mut().zip(starts).rev() {
            if let Some(l) = r.font.as_deref().and_then(Legacy::of_font) {
                let converted = l.decode(&r.text);
                if converted != r.text {
                    raw.replace_range(start..start + r.text.len(), &converted);
                    r.text = converted;
                    legacy = Some(l);
                }
            }
        }
        if legacy.is_some() {
            self.legacy = legacy;
        }
        let shown: Vec<&RunFormat> = runs.iter().filter(|r| !r.text.trim().is_empty()).collect();
        let size_pt = shown
            .iter()
            .filter_map(|r| r.size_pt)
            .fold(None, |acc: Option<f32>, s| {
                Some(acc.map_or(s, |a| a.max(s)))
            });
        let bold = !shown.is_empty() && shown.iter().all(|r| r.bold);
        let italic = !shown.is_empty() && shown.iter().all(|r| r.italic);
        let alignment = st
            .para(prop, at, "alignment")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let indent = st.para(prop, at, "indent");
        let special = indent.map(|i| &i["specialIndent"]);
        let first_line_twips = match special.and_then(|s| s["type"].as_str()) {
            Some("firstLine") => special.and_then(|s| s["val"].as_f64()).unwrap_or(0.0),
            Some("hanging") => -special.and_then(|s| s["val"].as_f64()).unwrap_or(0.0),
            _ => 0.0,
        };
        let spacing = st.para(prop, at, "lineSpacing");
        let space = |key: &str| {
            spacing
                .and_then(|s| s[key].as_f64())
                .map_or(0.0, |twips| (twips / 20.0) as f32)
        };
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
        let unmarked: Vec<String> = runs.iter().map(|r| without_marks(&r.text)).collect();
        let emphasis = emphasis_of(
            runs.iter()
                .zip(&unmarked)
                .map(|(r, t)| (t.as_str(), r.bold, r.italic, r.underline)),
            bold,
            italic,
        );
        Para {
            emphasis,
            text,
            bold,
            italic,
            centered: alignment == "center",
            numbered,
            footnote_refs,
            size_pt,
            format: Some(Box::new(ParaFormat {
                first_line_cm: (first_line_twips / 567.0) as f32,
                space_before_pt: space("before"),
                space_after_pt: space("after"),
                align: alignment,
                runs,
            })),
        }
    }
}

/// A run's text, its properties and where its text starts in the paragraph's.
type Collected<'v> = (String, &'v Value, usize);

/// Appends the text of runs (inside hyperlinks and insertions too), and gives each run's text
/// with its properties.
fn collect_runs<'v>(children: &'v Value, text: &mut String, runs: &mut Vec<Collected<'v>>) {
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
                        Some("tab") => text.push('\t'),
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
                if !text[before..].is_empty() {
                    runs.push((text[before..].to_string(), &run["runProperty"], before));
                }
            }
            Some("hyperlink") | Some("insert") => collect_runs(&c["data"]["children"], text, runs),
            _ => {}
        }
    }
}

/// A run's text without the private markers of footnote references.
fn without_marks(s: &str) -> String {
    if !s.contains(MARK_OPEN) {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find(MARK_OPEN) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match rest.find(MARK_CLOSE) {
            Some(end) => rest = &rest[end + MARK_CLOSE.len_utf8()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
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
