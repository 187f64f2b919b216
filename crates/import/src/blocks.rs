//! The reader-neutral form every reader produces and [`super::recognize`] turns into a plan:
//! paragraphs and tables in reading order, with the little formatting structure depends on.

use kehoach_model::Emphasis;

/// A paragraph as a reader saw it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// The text, whitespace collapsed, without markup. A Word-numbered paragraph's label is *not*
    /// in here: it is in `numbered`.
    pub text: String,
    /// Every run is bold.
    pub bold: bool,
    /// Every run is italic.
    pub italic: bool,
    /// Centred.
    pub centered: bool,
    /// The label Word's automatic numbering shows before the text ("1.", "1.1.", "a)", "-"),
    /// computed from numbering.xml; `None` for a typed label or no label.
    pub numbered: Option<String>,
    /// Footnote marks in the text: (the reader's footnote key, the text right before the mark).
    pub footnote_refs: Vec<(String, String)>,
    /// The largest run size in points, when the reader knows it (.docx).
    pub size_pt: Option<f32>,
    /// How the paragraph and each of its runs are set, when the reader knows it (.docx).
    pub format: Option<Box<ParaFormat>>,
    /// Words set apart inside it (bold in a regular paragraph, italic, underlined), their anchor
    /// not yet known.
    pub emphasis: Vec<Emphasis>,
}

/// How a paragraph is set, as the file has it once styles are applied: direct formatting, then
/// the paragraph's style and the styles it is based on, then the document's defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParaFormat {
    /// "both" (justified), "center", "left", "right", "distribute"; "" when nothing says (left).
    pub align: String,
    /// First-line indent in centimetres (negative: a hanging indent).
    pub first_line_cm: f32,
    pub space_before_pt: f32,
    pub space_after_pt: f32,
    /// The runs that hold text, in order; a soft line break (Shift+Enter) is a "\n" in a text.
    pub runs: Vec<RunFormat>,
}

/// One run of text and how it is set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunFormat {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub size_pt: Option<f32>,
    /// The font its Latin text is set in (a theme font named through the theme).
    pub font: Option<String>,
}

impl ParaFormat {
    /// The runs of each line (lines split at soft line breaks), blank runs left out; a line with
    /// no text gives no entry.
    pub fn lines(&self) -> Vec<Vec<RunFormat>> {
        let mut lines: Vec<Vec<RunFormat>> = vec![Vec::new()];
        for r in &self.runs {
            for (i, piece) in r.text.split('\n').enumerate() {
                if i > 0 {
                    lines.push(Vec::new());
                }
                // Tabs stay: they separate columns typed on one line.
                if !piece.trim().is_empty() || piece.contains('\t') {
                    lines.last_mut().unwrap().push(RunFormat {
                        text: piece.to_string(),
                        ..r.clone()
                    });
                }
            }
        }
        lines.retain(|l| l.iter().any(|r| !r.text.trim().is_empty()));
        lines
    }
}

/// A table cell: its paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// The lower part of a vertically merged cell: it shows the text of the cell above it.
    pub merged_above: bool,
}

/// A table: rows of cells (a merged cell appears once, at its first column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

/// What a reader hands to the recogniser.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub blocks: Vec<Block>,
    /// Footnote texts by the reader's key.
    pub footnotes: Vec<(String, String)>,
    /// The page set-up as the file states it (.docx only).
    pub page: Option<PageFormat>,
    /// What the reader changed for the user to know (text converted from an old encoding).
    pub notices: Vec<String>,
}

/// A section of a file as written: page size and margins (twips: top, bottom, left, right), and
/// whether its first page has its own (empty) header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub width: i64,
    pub height: i64,
    pub margins: [i64; 4],
    pub title_pg: bool,
}

/// The page set-up of a file, for the checker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFormat {
    pub sections: Vec<Section>,
    /// A header holds a PAGE field.
    pub page_field_in_header: bool,
    /// The fonts text is set in (each run's effective font), each once.
    pub fonts: Vec<String>,
}

/// A piece of the document in reading order: a paragraph, or a data table (the appendix). Layout
/// tables (the header, the signature block) are not data: their cells are read column by column,
/// as paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    P(Para),
    T(Table),
}

impl Source {
    /// Every text in NFC (some editors and converters write Vietnamese decomposed: "ê" + U+0301;
    /// the recogniser's words and the checker's phrases are composed).
    pub fn normalize(&mut self) {
        fn para(p: &mut Para) {
            norm(&mut p.text);
            for (_, before) in &mut p.footnote_refs {
                norm(before);
            }
            for e in &mut p.emphasis {
                norm(&mut e.text);
            }
            if let Some(f) = p.format.as_mut() {
                for r in &mut f.runs {
                    norm(&mut r.text);
                }
            }
        }
        fn norm(s: &mut String) {
            if let std::borrow::Cow::Owned(n) = kehoach_text::nfc_cow(s) {
                *s = n;
            }
        }
        for b in &mut self.blocks {
            match b {
                Block::Para(p) => para(p),
                Block::Table(t) => t
                    .rows
                    .iter_mut()
                    .flatten()
                    .flat_map(|c| &mut c.paras)
                    .for_each(para),
            }
        }
        for (_, text) in &mut self.footnotes {
            norm(text);
        }
    }

    /// The document in reading order — the one way every part of the program reads tables.
    pub fn reading_order(&self) -> Vec<Flow> {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Para(p) => out.push(Flow::P(p.clone())),
                Block::Table(t) if t.is_data() => out.push(Flow::T(t.clone())),
                Block::Table(t) => {
                    let cols = t.rows.iter().map(|r| r.len()).max().unwrap_or(0);
                    for c in 0..cols {
                        for row in &t.rows {
                            if let Some(cell) = row.get(c) {
                                out.extend(cell.paras.iter().cloned().map(Flow::P));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// The paragraphs in reading order (data tables left out).
    pub fn paragraphs(&self) -> Vec<Para> {
        self.reading_order()
            .into_iter()
            .filter_map(|f| match f {
                Flow::P(p) => Some(p),
                Flow::T(_) => None,
            })
            .collect()
    }
}

impl Table {
    /// A data table has an "STT" heading or the shape of a task table (4 columns and rows or
    /// more, or 4 columns or more and every row numbered or going on from the row above: the
    /// rows of a task table that a page break carried over without its heading); anything else
    /// is layout.
    pub fn is_data(&self) -> bool {
        // (A row cut at the page end goes on at the top of the next page with an empty STT.)
        let stt = |r: &Vec<Cell>| r.first().map(|c| c.text()).unwrap_or_default();
        let numbered_rows = self.rows.iter().any(|r| !stt(r).trim().is_empty())
            && self.rows.iter().all(|r| {
                let t = stt(r);
                let t = t.trim().trim_end_matches('.');
                t.is_empty()
                    || t.len() <= 4
                        && (t.chars().all(|c| c.is_ascii_digit())
                            || t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
            });
        let stt = self.rows.iter().take(3).any(|r| {
            r.first().is_some_and(|c| {
                matches!(kehoach_text::fold(&c.text()).trim(), "stt" | "tt" | "so tt")
            })
        });
        let cols = self.rows.iter().map(|r| r.len()).max().unwrap_or(0);
        stt || (cols >= 4 && (self.rows.len() >= 4 || numbered_rows))
    }
}

impl Para {
    pub fn new(text: impl Into<String>) -> Self {
        Para {
            text: text.into(),
            ..Default::default()
        }
    }

    /// The label and the text as printed, the Word-numbered label included.
    pub fn full_text(&self) -> String {
        match &self.numbered {
            Some(label) if !label.is_empty() => format!("{label} {}", self.text),
            _ => self.text.clone(),
        }
    }
}

impl Cell {
    /// The cell's text, one line per paragraph.
    pub fn text(&self) -> String {
        self.paras
            .iter()
            .map(|p| p.full_text())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The emphasised words of a paragraph from its runs, given as (text, bold, italic, underline):
/// neighbouring runs set alike joined, a style every run of the paragraph has left out (the
/// layout sets a heading bold and the bases italic), blank runs joined to their neighbours, and
/// nothing shorter than two letters or digits.
pub fn emphasis_of<'a>(
    runs: impl IntoIterator<Item = (&'a str, bool, bool, bool)>,
    para_bold: bool,
    para_italic: bool,
) -> Vec<Emphasis> {
    let mut out: Vec<Emphasis> = Vec::new();
    let mut current: Option<Emphasis> = None;
    for (text, bold, italic, underline) in runs {
        let blank = text.trim().is_empty();
        let style = (bold && !para_bold, italic && !para_italic, underline);
        match current.as_mut() {
            Some(c) if blank || (c.bold, c.italic, c.underline) == style => c.text.push_str(text),
            _ => {
                out.extend(current.take());
                current = Some(Emphasis {
                    text: text.to_string(),
                    bold: style.0,
                    italic: style.1,
                    underline: style.2,
                    ..Default::default()
                });
            }
        }
    }
    out.extend(current);
    out.into_iter()
        .filter(|e| e.is_set())
        .map(|mut e| {
            e.text = kehoach_text::squash(&e.text);
            e
        })
        .filter(|e| e.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .collect()
}
