//! A laid-out [`Document`] as typst source. Every piece of text goes in as a string literal
//! (`#"…"`), never as markup, so that nothing a user types ("1. " at a line start, `*`, `#`, `<`,
//! `$`) can change the page; only the structure is typst markup.
use kehoach_layout::{
    AppendixPage, Block, Document, HeaderBlock, Line, Para, Role, Row, Rule, SignatureBlock, Span,
    TitleBlock, TABLE_PT,
};
use kehoach_nd30::size;
use std::fmt::Write;

/// The serif faces, in order of preference: Times New Roman (Windows, macOS), then the two
/// metric-compatible ones with Vietnamese glyphs.
pub const FONTS: &[&str] = &["Times New Roman", "Liberation Serif", "Tinos"];

/// Word's single line for Times New Roman and Liberation Serif: 13.8 pt at 12 pt (ascent,
/// descent and line gap; measured on LibreOffice's rendering of our .docx: 18.5 pt at 14 pt ×
/// 1.15).
const SINGLE_LINE_EM: f64 = 1.149;
/// typst's line box for them (typographic ascender + descender).
const BOX_EM: f64 = 0.909;

/// Twips to points.
fn pt(twips: impl Into<i64>) -> String {
    format!("{:.2}pt", twips.into() as f64 / 20.0)
}

/// An invisible marker whose page the preview asks for: `b{i}` for the i-th block of the
/// document, `r{j}` for the j-th row of the appendix.
pub fn marker(name: &str) -> String {
    format!("#metadata(none)<{name}>")
}

/// A string literal holding `s` as text.
pub fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text(…)[#"…"]` for a line with its size and style.
fn styled(l: &Line) -> String {
    format!(
        "text(size: {}pt, weight: \"{}\", style: \"{}\", {})",
        l.pt,
        if l.bold { "bold" } else { "regular" },
        if l.italic { "italic" } else { "normal" },
        lit(&l.text)
    )
}

/// A centred line of its own (header cells, title, signature, appendix heading).
fn line(out: &mut String, l: &Line, above: f32) {
    let gap = SINGLE_LINE_EM - BOX_EM;
    let _ = writeln!(
        out,
        // (Centred, never stretched: a line that wraps keeps its natural spaces.)
        "#block(above: {above}pt, below: {gap:.3}em, width: 100%, {{ set par(justify: false, first-line-indent: 0pt); align(center, {}) }})",
        styled(l)
    );
}

fn rule(out: &mut String, r: Rule, above: f32) {
    let _ = writeln!(
        out,
        "#block(above: {above}pt, below: 0pt, width: 100%, align(center, line(length: {}, stroke: 0.6pt)))",
        pt(r.width)
    );
}

/// The whole typst source of a document.
pub fn source(doc: &Document, title: &str, author: &str) -> String {
    let l = &doc.layout;
    let mut out = String::with_capacity(64 * 1024);
    let fonts = FONTS.iter().map(|f| lit(f)).collect::<Vec<_>>().join(", ");
    // Word's "multiple" line spacing is a multiple of the font's single line, 1.149 em for
    // Times New Roman and Liberation Serif alike. typst sets a
    // line box from the typographic ascender to the descender (0.909 em for both); its leading
    // is the gap between two boxes. Paragraphs are 6 pt further apart (spacing before).
    let leading = (l.line_spacing * SINGLE_LINE_EM - BOX_EM).max(0.0);
    let _ = write!(
        out,
        concat!(
            "#set document(title: {title}, author: {author})\n",
            "#set page(paper: \"a4\", margin: (top: {t}mm, bottom: {b}mm, left: {left}mm, right: {r}mm),\n",
            // The page number, centred at the top from page 2; the appendix is numbered on its
            // own from its first page (which shows none, as page 1 does).
            "  header: context {{ let p = here().page(); let a = query(<phu-luc>);\n",
            "    let n = if a.len() > 0 and p >= a.first().location().page() {{ p - a.first().location().page() + 1 }} else {{ p }};\n",
            "    if n > 1 {{ align(center, text(size: {pn}pt, str(n))) }} }})\n",
            "#set text(font: ({fonts}), size: {body}pt, lang: \"vi\", hyphenate: false, top-edge: \"ascender\", bottom-edge: \"descender\")\n",
            // Lines broken and justified as Word does: first fit, spaces never narrower than
            // their natural width.
            "#set par(justify: true, linebreaks: \"simple\", justification-limits: (spacing: (min: 100%, max: 1000%)),\n",
            "  leading: {leading:.3}em, spacing: {leading:.3}em + 6pt, first-line-indent: (amount: 1cm, all: true))\n",
            "#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))\n",
            "#show footnote.entry: set text(size: 12pt)\n",
            "#show footnote.entry: set par(first-line-indent: 0pt)\n",
        ),
        title = lit(title),
        author = lit(author),
        t = l.margin_top_mm,
        b = l.margin_bottom_mm,
        left = l.margin_left_mm,
        r = l.margin_right_mm,
        pn = size::PAGE_NUMBER,
        fonts = fonts,
        body = l.body_pt,
        leading = leading,
    );
    for (i, block) in doc.blocks.iter().enumerate() {
        let mark = marker(&format!("b{i}"));
        match block {
            Block::Header(h) => header(&mut out, h, &mark),
            Block::Title(t) => title_block(&mut out, t, &mark),
            Block::Para(p) => para(&mut out, p, &doc.footnotes, &mark),
            Block::Signature(s) => signature(&mut out, s, &mark),
        }
    }
    if let Some(a) = &doc.appendix {
        appendix(&mut out, a);
    }
    out
}

/// A two-column grid with no lines, reaching `indent` into the left margin (and as far into
/// the right one).
fn header(out: &mut String, h: &HeaderBlock, mark: &str) {
    let (lw, rw) = h.widths;
    let cell = |lines: &[Line], r: Rule| -> String {
        let mut c = format!("[{mark}");
        for x in lines {
            line(&mut c, x, 0.0);
        }
        rule(&mut c, r, 2.0);
        c.push(']');
        c
    };
    let _ = writeln!(
        out,
        "#move(dx: {dx}, block(width: {w}, grid(columns: ({lw}, {rw}), row-gutter: 6pt,\n  {left}, {right},\n  align(center, {number}), {{ set par(justify: false, first-line-indent: 0pt); align(center, {date}) }})))",
        dx = pt(h.indent),
        w = pt(lw + rw),
        lw = pt(lw),
        rw = pt(rw),
        left = cell(&h.left, h.left_rule),
        right = cell(&h.right, h.right_rule),
        number = styled(&h.number),
        date = styled(&h.place_date),
    );
}

fn title_block(out: &mut String, t: &TitleBlock, mark: &str) {
    let _ = writeln!(out, "{mark}");
    line(out, &t.doc_type, 22.0);
    if let Some(s) = &t.summary {
        line(out, s, 0.0);
    }
    if let Some(a) = &t.attached {
        line(out, a, 0.0);
    }
    if let Some(r) = t.rule {
        rule(out, r, 3.0);
    }
    out.push_str("#v(6pt)\n");
}

/// A body paragraph: its spans as string literals, emphasis as `strong`/`emph`/`underline`,
/// footnote marks as typst footnotes (numbered in the same order).
fn para(out: &mut String, p: &Para, notes: &[String], mark: &str) {
    let mut inner = mark.to_string();
    for s in &p.spans {
        match s {
            Span::Text(t) => {
                let _ = write!(inner, "#{}", lit(t));
            }
            Span::Styled(t, em) => {
                let mut x = lit(t);
                if em.bold {
                    x = format!("strong({x})");
                }
                if em.italic {
                    x = format!("emph({x})");
                }
                if em.underline {
                    x = format!("underline({x})");
                }
                let _ = write!(inner, "#{x}");
            }
            Span::Note(n) => {
                let text = notes.get(n - 1).map(String::as_str).unwrap_or("");
                let _ = write!(inner, "#footnote({})", lit(text));
            }
        }
    }
    let weight = if p.bold { "bold" } else { "regular" };
    let style = if p.italic || p.role == Role::Basis {
        "italic"
    } else {
        "normal"
    };
    let text = format!("text(weight: \"{weight}\", style: \"{style}\")[{inner}]");
    if p.keep_next {
        // A heading stays on the page of what follows it (Word's "keep with next").
        let _ = writeln!(out, "#block(sticky: true, par[#{text}])\n");
    } else {
        let _ = writeln!(out, "#{text}\n");
    }
}

/// Nơi nhận on the left, the signer on the right, side by side.
fn signature(out: &mut String, s: &SignatureBlock, mark: &str) {
    let (lw, rw) = s.widths;
    let mut left = format!("[{mark}");
    for (i, x) in s.recipients.iter().enumerate() {
        let _ = writeln!(
            left,
            "#block(above: {}pt, below: 0pt, {})",
            if i == 0 { 12 } else { 0 },
            styled(x)
        );
    }
    left.push(']');
    let mut right = String::from("[");
    for (i, x) in s.signer.iter().enumerate() {
        line(&mut right, x, if i == 0 { 12.0 } else { 0.0 });
    }
    let _ = writeln!(right, "#v({}em)", s.blank_lines as f32 * 1.15);
    if let Some(n) = &s.name {
        line(&mut right, n, 0.0);
    }
    right.push(']');
    let _ = writeln!(
        out,
        "#block(breakable: false, above: 12pt, {{ set par(justify: false, leading: 0.2em); grid(columns: ({}, {}), {left}, {right}) }})",
        pt(lw),
        pt(rw)
    );
}

/// The landscape appendix, numbered from 1 on its own, its heading row on every page.
fn appendix(out: &mut String, a: &AppendixPage) {
    out.push_str("#set page(flipped: true)\n#metadata(none) <phu-luc>\n");
    for (i, l) in a.heading.iter().enumerate() {
        line(out, l, if i == 0 { 0.0 } else { 2.0 });
    }
    rule(out, a.rule, 3.0);
    out.push_str("#v(10pt)\n");
    let cols: Vec<String> = a.widths.iter().map(|w| pt(*w)).collect();
    let cell = |text: &str, bold: bool, center: bool| -> String {
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(lit)
            .collect();
        format!(
            "align({}, text(size: {TABLE_PT}pt, weight: \"{}\", {}))",
            if center { "center" } else { "left" },
            if bold { "bold" } else { "regular" },
            if lines.is_empty() {
                "\"\"".to_string()
            } else {
                format!(
                    "[{}]",
                    lines
                        .iter()
                        .map(|l| format!("#{l}"))
                        .collect::<Vec<_>>()
                        .join("#linebreak()")
                )
            }
        )
    };
    out.push_str(
        "#set par(justify: false, first-line-indent: 0pt, leading: 0.15em)\n#set table.cell(breakable: false)\n",
    );
    let open = format!(
        "#table(columns: ({}), stroke: 0.5pt, inset: 4pt,\n  table.header(repeat: true, {}),\n",
        cols.join(", "),
        a.columns
            .iter()
            .map(|c| cell(c, true, true))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(&open);
    let n = a.widths.len();
    for (j, row) in a.rows.iter().enumerate() {
        if a.break_before == Some(j) && j > 0 {
            // The table goes on on the next page, its heading row repeated as on every page.
            out.push_str(")\n#pagebreak()\n");
            out.push_str(&open);
        }
        let mark = marker(&format!("r{j}"));
        let marked = |c: String| format!("[{mark}#{c}]");
        match row {
            Row::Group { label, title } => {
                let _ = writeln!(
                    out,
                    "  {}, table.cell(colspan: {}, {}),",
                    marked(cell(label, true, true)),
                    n - 1,
                    cell(title, true, false)
                );
            }
            Row::Task {
                label,
                cells,
                splittable,
            } => {
                // A row is kept on one page unless it is taller than a page.
                let wrap = |c: String| {
                    if *splittable {
                        format!("table.cell(breakable: true, {c})")
                    } else {
                        c
                    }
                };
                let mut row = vec![wrap(marked(cell(label, false, true)))];
                for i in 1..n {
                    row.push(wrap(cell(
                        cells.get(i - 1).map(String::as_str).unwrap_or(""),
                        false,
                        false,
                    )));
                }
                let _ = writeln!(out, "  {},", row.join(", "));
            }
        }
    }
    out.push_str(")\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_a_string_literal_whatever_it_holds() {
        assert_eq!(lit("1. *a* #b \"c\" \\d"), r#""1. *a* #b \"c\" \\d""#);
        assert_eq!(lit("a\u{7}b\nc"), "\"ab\\nc\"");
    }
}
