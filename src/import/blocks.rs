//! The reader-neutral form every reader produces and [`super::recognize`] turns into a plan:
//! paragraphs and tables in reading order, with the little formatting structure depends on.

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
}

/// A table cell: its paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
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
