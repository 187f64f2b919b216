//! The live preview: a laid-out document as HTML pages in A4 proportions — the same header
//! cells, title, bases, body, signature and appendix as the .docx, from the same layout — with
//! page breaks estimated from Times New Roman's advance widths and the page settings. Every
//! paragraph that shows a node carries its id (`data-node`) so that the app can show where the
//! user is editing. All text is escaped.
use kehoach_layout::{
    lay_out, AppendixPage, Block, Document, HeaderBlock, Line, PageMap, Para, Role, Row, Rule,
    SignatureBlock, Span, TitleBlock, TABLE_PT,
};
use kehoach_model::Plan;
use kehoach_nd30::{text_width_twips, Layout};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// One piece of the page flow with its estimated height in points.
struct Piece {
    html: String,
    height: f64,
}

/// The preview of a plan.
pub fn render(plan: &Plan, layout: &Layout) -> String {
    render_document(&lay_out(plan, layout))
}

/// The preview of a laid-out document, its page breaks estimated.
pub fn render_document(doc: &Document) -> String {
    render_with(doc, None)
}

/// The preview of a laid-out document with the PDF's page breaks (`kehoach_pdf::page_map`):
/// each block on the page where the PDF starts it, as many pages as the PDF has.
pub fn render_paged(doc: &Document, map: &PageMap) -> String {
    render_with(doc, Some(map))
}

fn render_with(doc: &Document, map: Option<&PageMap>) -> String {
    let l = &doc.layout;
    let width = doc.text_width();
    let mut pieces = Vec::new();
    for block in &doc.blocks {
        pieces.push(match block {
            Block::Header(h) => header(h),
            Block::Title(t) => title(t, width),
            Block::Para(p) => para(p, l, width),
            Block::Signature(s) => signature(s, l),
        });
    }
    let mut html = String::new();
    let pages = match map {
        Some(m) if m.blocks.len() == pieces.len() => by_page(pieces, &m.blocks, m.portrait_pages),
        _ => estimate(
            pieces,
            mm_to_pt(297.0 - l.margin_top_mm - l.margin_bottom_mm),
        ),
    };
    write_pages(&pages, l, false, &mut html);
    if let Some(app) = &doc.appendix {
        let rows = map.filter(|m| m.rows.len() == app.rows.len());
        let pages = appendix(app, l, rows);
        write_pages(&pages, l, true, &mut html);
    }
    html
}

fn mm_to_pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

fn line_height(pt: u32, spacing: f64) -> f64 {
    // Single spacing in Times New Roman is about 1.15 em.
    f64::from(pt) * 1.15 * spacing
}

/// Lines a text takes at a width, first-line indent included.
fn lines(text: &str, pt: u32, bold: bool, indent: u32, width: u32) -> f64 {
    let w = text_width_twips(text, pt, bold) + indent;
    (f64::from(w) / f64::from(width.max(1))).ceil().max(1.0)
}

fn style(l: &Line) -> String {
    let mut s = format!("font-size:{}pt", l.pt);
    s.push_str(if l.bold {
        ";font-weight:700"
    } else {
        ";font-weight:400"
    });
    if l.italic {
        s.push_str(";font-style:italic");
    }
    s
}

fn div(class: &str, l: &Line) -> String {
    format!(
        r#"<div class="{class}" style="{}">{}</div>"#,
        style(l),
        escape(&l.text)
    )
}

fn rule(class: &str, r: Rule) -> String {
    let pct = f64::from(r.width) * 100.0 / f64::from(r.space.max(1));
    format!(r#"<div class="rule {class}" style="width:{pct:.1}%"></div>"#)
}

fn header(h: &HeaderBlock) -> Piece {
    let total = f64::from(h.widths.0 + h.widths.1).max(1.0);
    let mut left = String::new();
    for (i, l) in h.left.iter().enumerate() {
        let class = if l.bold || i + 1 == h.left.len() {
            "issuer"
        } else {
            "parent"
        };
        left.push_str(&div(class, l));
    }
    left.push_str(&rule("short", h.left_rule));
    left.push_str(&div("number", &h.number));
    let mut right = String::new();
    for (i, l) in h.right.iter().enumerate() {
        right.push_str(&div(if i == 0 { "national" } else { "motto" }, l));
    }
    right.push_str(&rule("motto-rule", h.right_rule));
    right.push_str(&div("date", &h.place_date));
    let lines = (h.left.len() + 2).max(h.right.len() + 2) as f64;
    Piece {
        html: format!(
            r#"<div class="doc-header" data-node="header"><div class="left" style="width:{:.1}%">{left}</div><div class="right" style="width:{:.1}%">{right}</div></div>"#,
            f64::from(h.widths.0) * 100.0 / total,
            f64::from(h.widths.1) * 100.0 / total
        ),
        height: lines * 16.0 + 12.0,
    }
}

fn title(t: &TitleBlock, width: u32) -> Piece {
    let mut html = format!(
        r#"<div class="title" data-node="title">{}"#,
        div("doc-type", &t.doc_type)
    );
    let mut height = 30.0;
    for l in [&t.summary, &t.attached].into_iter().flatten() {
        html.push_str(&div(if l.italic { "subtitle" } else { "summary" }, l));
        height += lines(&l.text, l.pt, l.bold, 0, width) * 17.0;
    }
    if let Some(r) = t.rule {
        html.push_str(&rule("short", r));
    }
    html.push_str("</div>");
    Piece { html, height }
}

fn para(p: &Para, layout: &Layout, width: u32) -> Piece {
    let class = match (p.role, p.bold) {
        (Role::Basis, _) => "basis",
        (_, true) => "body heading",
        _ => "body",
    };
    let node = p
        .node
        .as_deref()
        .map(|n| format!(r#" data-node="{}""#, escape(n)))
        .unwrap_or_default();
    let mut inner = String::new();
    for s in &p.spans {
        match s {
            Span::Text(t) => inner.push_str(&escape(t)),
            Span::Styled(t, em) => {
                let tags: Vec<&str> = [(em.bold, "b"), (em.italic, "i"), (em.underline, "u")]
                    .into_iter()
                    .filter_map(|(on, tag)| on.then_some(tag))
                    .collect();
                for tag in &tags {
                    let _ = write!(inner, "<{tag}>");
                }
                inner.push_str(&escape(t));
                for tag in tags.iter().rev() {
                    let _ = write!(inner, "</{tag}>");
                }
            }
            Span::Note(n) => {
                let _ = write!(inner, "<sup>{n}</sup>");
            }
        }
    }
    let pt = layout.body_pt;
    let n = lines(&p.text(), pt, p.bold, 567, width);
    Piece {
        html: format!(r#"<p class="{class}"{node}>{inner}</p>"#),
        height: n * line_height(pt, layout.line_spacing) + 6.0,
    }
}

fn signature(s: &SignatureBlock, layout: &Layout) -> Piece {
    let mut left = String::new();
    for (i, l) in s.recipients.iter().enumerate() {
        left.push_str(&div(
            if i == 0 {
                "recipients-heading"
            } else {
                "recipient"
            },
            l,
        ));
    }
    let mut right = String::new();
    for l in &s.signer {
        right.push_str(&div("signer-title", l));
    }
    let _ = write!(
        right,
        r#"<div class="signature-space" style="height:{}em"></div>"#,
        s.blank_lines
    );
    if let Some(n) = &s.name {
        right.push_str(&div("signer-name", n));
    }
    let total = f64::from(s.widths.0 + s.widths.1).max(1.0);
    let height =
        (s.recipients.len() as f64 * 13.0 + 20.0).max(f64::from(layout.signature_lines + 3) * 17.0);
    Piece {
        html: format!(
            r#"<div class="signature" data-node="signature"><div class="left" style="width:{:.1}%">{left}</div><div class="right" style="width:{:.1}%">{right}</div></div>"#,
            f64::from(s.widths.0) * 100.0 / total,
            f64::from(s.widths.1) * 100.0 / total
        ),
        height,
    }
}

/// The appendix's pages: its heading, then its rows in tables of a page each (the heading row
/// repeated), broken where the PDF breaks them when `rows` gives each row's page.
fn appendix(app: &AppendixPage, layout: &Layout, rows_map: Option<&PageMap>) -> Vec<Vec<Piece>> {
    let mut heading = String::from(r#"<div class="appendix-title" data-node="appendix">"#);
    for l in &app.heading {
        heading.push_str(&div(if l.italic { "subtitle" } else { "doc-type" }, l));
    }
    heading.push_str(&rule("short", app.rule));
    heading.push_str("</div>");
    let mut pieces = vec![Piece {
        html: heading,
        height: 24.0 * app.heading.len() as f64 + 10.0,
    }];
    let total: u32 = app.widths.iter().sum::<u32>().max(1);
    let cols: String = app
        .widths
        .iter()
        .map(|w| {
            format!(
                r#"<col style="width:{:.1}%">"#,
                f64::from(*w) * 100.0 / f64::from(total)
            )
        })
        .collect();
    let head: String = app
        .columns
        .iter()
        .map(|c| format!("<th>{}</th>", escape(c)))
        .collect();
    let head = format!("<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>");
    let mut rows = Vec::new();
    for row in &app.rows {
        match row {
            Row::Group { label, title } => rows.push((
                format!(
                    r#"<tr class="group"><td>{}</td><td colspan="{}">{}</td></tr>"#,
                    escape(label),
                    app.columns.len().saturating_sub(1),
                    escape(title)
                ),
                18.0,
            )),
            Row::Task { label, cells, .. } => {
                let tds: String = cells
                    .iter()
                    .map(|c| format!("<td>{}</td>", escape(c).replace('\n', "<br>")))
                    .collect();
                let n = cells
                    .iter()
                    .zip(&app.widths[1..])
                    .map(|(c, w)| {
                        c.lines()
                            .map(|l| lines(l, TABLE_PT, false, 170, *w))
                            .sum::<f64>()
                    })
                    .fold(1.0, f64::max);
                rows.push((
                    format!("<tr><td>{}</td>{tds}</tr>", escape(label)),
                    n * 14.0 + 6.0,
                ));
            }
        }
    }
    let table = |chunk: &str, used: f64| Piece {
        html: format!(r#"<table class="appendix">{head}<tbody>{chunk}</tbody></table>"#),
        height: used + 30.0,
    };
    if let Some(map) = rows_map {
        let count = map
            .appendix_pages
            .max(map.rows.iter().max().map_or(1, |p| p + 1));
        let mut pages: Vec<Vec<Piece>> = (0..count).map(|_| Vec::new()).collect();
        pages[0].append(&mut pieces);
        let mut chunks: Vec<String> = vec![String::new(); count];
        for ((row, _), page) in rows.into_iter().zip(&map.rows) {
            chunks[*page].push_str(&row);
        }
        for (page, chunk) in pages.iter_mut().zip(chunks) {
            if !chunk.is_empty() {
                page.push(table(&chunk, 0.0));
            }
        }
        return pages;
    }
    // Rows in tables of about a page each, the heading row repeated.
    let page = mm_to_pt(210.0 - layout.margin_top_mm - layout.margin_bottom_mm) - 30.0;
    let mut tables = Vec::new();
    let mut chunk = String::new();
    let mut used = 0.0;
    for (row, h) in rows {
        // The first table shares its page with the heading.
        let limit = if tables.is_empty() { page - 70.0 } else { page };
        if used + h > limit && !chunk.is_empty() {
            tables.push(table(&chunk, used));
            chunk.clear();
            used = 0.0;
        }
        chunk.push_str(&row);
        used += h;
    }
    if !chunk.is_empty() {
        tables.push(table(&chunk, used));
    }
    let mut tables = tables.into_iter();
    pieces.extend(tables.next());
    std::iter::once(pieces)
        .chain(tables.map(|t| vec![t]))
        .collect()
}

/// Pieces into pages by their estimated heights.
fn estimate(pieces: Vec<Piece>, page_height: f64) -> Vec<Vec<Piece>> {
    let mut pages: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut used = 0.0;
    for b in pieces {
        if used + b.height > page_height && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += b.height;
        if let Some(page) = pages.last_mut() {
            page.push(b);
        }
    }
    pages
}

/// Pieces into the pages given for each (from 0), `count` pages in all.
fn by_page(pieces: Vec<Piece>, pages_of: &[usize], count: usize) -> Vec<Vec<Piece>> {
    let count = count.max(pages_of.iter().max().map_or(1, |p| p + 1));
    let mut pages: Vec<Vec<Piece>> = (0..count).map(|_| Vec::new()).collect();
    for (piece, page) in pieces.into_iter().zip(pages_of) {
        pages[*page].push(piece);
    }
    pages
}

/// Writes the pages; page numbers from page 2, in the header.
fn write_pages(pages: &[Vec<Piece>], layout: &Layout, landscape: bool, out: &mut String) {
    let class = if landscape { "page landscape" } else { "page" };
    let style = format!(
        "padding:{}mm {}mm {}mm {}mm;font-size:{}pt;line-height:{:.2}",
        layout.margin_top_mm,
        layout.margin_right_mm,
        layout.margin_bottom_mm,
        layout.margin_left_mm,
        layout.body_pt,
        1.15 * layout.line_spacing
    );
    for (i, page) in pages.iter().enumerate() {
        let _ = write!(out, r#"<section class="{class}" style="{style}">"#);
        if i > 0 {
            let _ = write!(out, r#"<div class="page-number">{}</div>"#, i + 1);
        }
        for b in page {
            out.push_str(&b.html);
        }
        out.push_str("</section>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped() {
        let plan = Plan {
            summary: "<script>alert(1)</script> & \"x\"".into(),
            ..Default::default()
        };
        let html = render(&plan, &Layout::default());
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(!html.contains("<script>"));
    }
}
