//! A small WordprocessingML writer: paragraphs, runs and tables with their properties written in
//! the order the Open XML schema (ECMA-376 Part 1, wml.xsd) requires — CT_PPr, CT_RPr, CT_TblPr,
//! CT_TcPr and CT_SectPr are sequences, and Word rejects or drops what is out of order.

/// Escapes text for XML content and attributes; characters XML 1.0 cannot carry are dropped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Run properties (CT_RPr, in schema order: rStyle, b, bCs, i, iCs, sz, szCs, u, vertAlign).
#[derive(Debug, Clone, Copy, Default)]
pub struct RPr {
    pub bold: bool,
    pub italic: bool,
    /// Half-points; the document default when `None`.
    pub size: Option<u32>,
    pub underline: bool,
    pub style: Option<&'static str>,
}

impl RPr {
    pub fn pt(pt: u32, bold: bool, italic: bool) -> RPr {
        RPr {
            bold,
            italic,
            size: Some(pt * 2),
            underline: false,
            style: None,
        }
    }

    pub fn write(&self, out: &mut String) {
        let mut inner = String::new();
        if let Some(s) = self.style {
            inner.push_str(&format!(r#"<w:rStyle w:val="{s}"/>"#));
        }
        if self.bold {
            inner.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            inner.push_str("<w:i/><w:iCs/>");
        }
        if let Some(sz) = self.size {
            inner.push_str(&format!(r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#));
        }
        if self.underline {
            inner.push_str(r#"<w:u w:val="single"/>"#);
        }
        if !inner.is_empty() {
            out.push_str("<w:rPr>");
            out.push_str(&inner);
            out.push_str("</w:rPr>");
        }
    }
}

/// Paragraph alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Jc {
    #[default]
    Left,
    Center,
    Both,
}

/// A bottom border (a short rule).
#[derive(Debug, Clone, Copy, Default)]
pub struct BottomRule;

/// Paragraph properties (CT_PPr, in schema order: pStyle, keepNext, pBdr, spacing, ind, jc,
/// rPr, sectPr).
#[derive(Debug, Clone, Default)]
pub struct PPr {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub bottom_rule: bool,
    /// before, after (twips), line (240ths), exact line height.
    pub spacing: Option<(u32, u32, Option<u32>, bool)>,
    /// left, right, first line (twips).
    pub ind: Option<(i32, i32, i32)>,
    pub jc: Jc,
    /// A section break ending at this paragraph.
    pub sect: Option<String>,
}

impl PPr {
    pub fn write(&self, out: &mut String) {
        let mut inner = String::new();
        if let Some(s) = self.style {
            inner.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
        }
        if self.keep_next {
            inner.push_str("<w:keepNext/>");
        }
        if self.bottom_rule {
            inner.push_str(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            );
        }
        if let Some((before, after, line, exact)) = self.spacing {
            inner.push_str(&format!(
                r#"<w:spacing w:before="{before}" w:after="{after}""#
            ));
            if let Some(l) = line {
                let rule = if exact { "exact" } else { "auto" };
                inner.push_str(&format!(r#" w:line="{l}" w:lineRule="{rule}""#));
            }
            inner.push_str("/>");
        }
        if let Some((left, right, first)) = self.ind {
            inner.push_str("<w:ind");
            if left != 0 {
                inner.push_str(&format!(r#" w:left="{left}""#));
            }
            if right != 0 {
                inner.push_str(&format!(r#" w:right="{right}""#));
            }
            if first != 0 {
                inner.push_str(&format!(r#" w:firstLine="{first}""#));
            }
            inner.push_str("/>");
        }
        match self.jc {
            Jc::Left => {}
            Jc::Center => inner.push_str(r#"<w:jc w:val="center"/>"#),
            Jc::Both => inner.push_str(r#"<w:jc w:val="both"/>"#),
        }
        if let Some(s) = &self.sect {
            inner.push_str(s);
        }
        if !inner.is_empty() {
            out.push_str("<w:pPr>");
            out.push_str(&inner);
            out.push_str("</w:pPr>");
        }
    }
}

/// A run of text.
pub fn run(out: &mut String, text: &str, rpr: RPr) {
    out.push_str("<w:r>");
    rpr.write(out);
    out.push_str(r#"<w:t xml:space="preserve">"#);
    out.push_str(&esc(text));
    out.push_str("</w:t></w:r>");
}

/// A paragraph of runs written by `body`.
pub fn para(out: &mut String, ppr: &PPr, body: impl FnOnce(&mut String)) {
    out.push_str("<w:p>");
    ppr.write(out);
    body(out);
    out.push_str("</w:p>");
}

/// A paragraph of one run.
pub fn text_para(out: &mut String, ppr: &PPr, text: &str, rpr: RPr) {
    para(out, ppr, |o| {
        if !text.is_empty() {
            run(o, text, rpr)
        }
    });
}

/// Table properties (CT_TblPr, in schema order: tblW, tblInd, tblBorders, tblLayout,
/// tblCellMar).
pub struct TblPr {
    pub width: u32,
    pub indent: i32,
    pub borders: bool,
    /// left/right cell margins, twips.
    pub cell_margin: u32,
}

impl TblPr {
    pub fn write(&self, out: &mut String) {
        out.push_str("<w:tblPr>");
        out.push_str(&format!(r#"<w:tblW w:w="{}" w:type="dxa"/>"#, self.width));
        if self.indent != 0 {
            out.push_str(&format!(
                r#"<w:tblInd w:w="{}" w:type="dxa"/>"#,
                self.indent
            ));
        }
        if self.borders {
            out.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                out.push_str(&format!(
                    r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
                ));
            }
            out.push_str("</w:tblBorders>");
        }
        out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        let m = self.cell_margin;
        out.push_str(&format!(
            r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>"#
        ));
        out.push_str("</w:tblPr>");
    }
}

/// The grid of a table.
pub fn grid(out: &mut String, widths: &[u32]) {
    out.push_str("<w:tblGrid>");
    for w in widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    out.push_str("</w:tblGrid>");
}

/// Row properties: can't split, repeated heading row.
pub fn row_start(out: &mut String, cant_split: bool, heading: bool) {
    out.push_str("<w:tr>");
    if cant_split || heading {
        out.push_str("<w:trPr>");
        if cant_split {
            out.push_str("<w:cantSplit/>");
        }
        if heading {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
    }
}

/// Vertical alignment of a cell.
#[derive(Debug, Clone, Copy)]
pub enum VAlign {
    Top,
    Center,
}

/// A cell (CT_TcPr in schema order: tcW, gridSpan, vAlign) whose paragraphs `body` writes; a
/// cell must hold at least one paragraph.
pub fn cell(
    out: &mut String,
    width: u32,
    span: usize,
    valign: Option<VAlign>,
    body: impl FnOnce(&mut String),
) {
    out.push_str("<w:tc><w:tcPr>");
    out.push_str(&format!(r#"<w:tcW w:w="{width}" w:type="dxa"/>"#));
    if span > 1 {
        out.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match valign {
        Some(VAlign::Top) => out.push_str(r#"<w:vAlign w:val="top"/>"#),
        Some(VAlign::Center) => out.push_str(r#"<w:vAlign w:val="center"/>"#),
        None => {}
    }
    out.push_str("</w:tcPr>");
    let start = out.len();
    body(out);
    if !out[start..].contains("<w:p>") {
        out.push_str("<w:p/>");
    }
    out.push_str("</w:tc>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_come_in_schema_order() {
        let mut s = String::new();
        PPr {
            keep_next: true,
            spacing: Some((120, 0, Some(276), false)),
            ind: Some((0, 0, 567)),
            jc: Jc::Both,
            ..Default::default()
        }
        .write(&mut s);
        let at = |t: &str| s.find(t).unwrap();
        assert!(
            at("keepNext") < at("spacing")
                && at("spacing") < at("w:ind")
                && at("w:ind") < at("w:jc")
        );
        let mut r = String::new();
        RPr::pt(13, true, true).write(&mut r);
        assert_eq!(
            r,
            r#"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>"#
        );
        assert_eq!(esc("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
