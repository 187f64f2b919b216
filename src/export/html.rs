//! The live preview: the plan as it will print, as HTML pages in A4 proportions — header table,
//! title, bases, numbered body, signature block, landscape appendix — with page breaks estimated
//! from Times New Roman's advance widths and the layout settings. Every item carries its id
//! (`data-node`) so that the app can show where the user is editing.
use super::docx::{basis_punctuation, closing_punctuation, recipient_punctuation};
use super::heading;
use crate::model::numbering::renumber;
use crate::model::{Item, Plan};
use crate::nd30::{self, caps, size, text_width_twips, Layout};
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

/// One block of the page flow with its estimated height in points.
struct Block {
    html: String,
    height: f64,
}

struct Flow {
    layout: Layout,
    /// Text width in twips.
    width: u32,
    blocks: Vec<Block>,
}

impl Flow {
    fn line_height(&self, pt: u32) -> f64 {
        // Single spacing in Times New Roman is about 1.15 em.
        f64::from(pt) * 1.15 * self.layout.line_spacing
    }

    /// Lines a paragraph takes: its measured width over the text width, first-line indent
    /// included.
    fn lines(&self, text: &str, pt: u32, bold: bool, indent: u32, width: u32) -> f64 {
        let w = text_width_twips(text, pt, bold) + indent;
        (f64::from(w) / f64::from(width.max(1))).ceil().max(1.0)
    }

    fn para(&mut self, class: &str, text: &str, node: Option<&str>, bold: bool) {
        let pt = self.layout.body_pt;
        let lines = self.lines(text, pt, bold, 567, self.width);
        let node_attr = node
            .map(|n| format!(r#" data-node="{}""#, escape(n)))
            .unwrap_or_default();
        self.blocks.push(Block {
            html: format!(r#"<p class="{class}"{node_attr}>{}</p>"#, escape(text)),
            height: lines * self.line_height(pt) + 6.0,
        });
    }

    fn raw(&mut self, html: String, height: f64) {
        self.blocks.push(Block { html, height });
    }
}

/// The preview of a plan.
pub fn render(plan: &Plan, layout: &Layout) -> String {
    let layout = layout.clamped();
    let mut plan = plan.clone();
    renumber(&mut plan);
    let width = layout.text_width_twips();
    let mut flow = Flow {
        layout,
        width,
        blocks: Vec::new(),
    };
    header(&plan, &mut flow);
    for (i, b) in plan.bases.iter().enumerate() {
        let text = basis_punctuation(b, i + 1 == plan.bases.len());
        flow.para("basis", &text, Some(&format!("basis:{i}")), false);
    }
    for line in plan.intro.lines().filter(|l| !l.trim().is_empty()) {
        flow.para("body", line, Some("intro"), false);
    }
    for part in &plan.parts {
        if !part.title.is_empty() {
            let text = format!("{}. {}", part.label, caps(&part.title));
            flow.para("body heading", &text, None, true);
        }
        for item in &part.items {
            items(item, &mut flow);
        }
    }
    if !plan.closing.is_empty() {
        flow.para(
            "body",
            &closing_punctuation(&plan.closing),
            Some("closing"),
            false,
        );
    }
    signature(&plan, &mut flow);
    let mut html = String::new();
    let page_height = 297.0 - layout.margin_top_mm - layout.margin_bottom_mm;
    paginate(
        &flow.blocks,
        mm_to_pt(page_height),
        &layout,
        false,
        &mut html,
    );
    if let Some(app) = plan.appendix.as_ref().filter(|a| !a.groups.is_empty()) {
        let blocks = appendix(&plan, app, &layout);
        let landscape_height = 210.0 - layout.margin_top_mm - layout.margin_bottom_mm;
        paginate(
            &blocks,
            mm_to_pt(landscape_height),
            &layout,
            true,
            &mut html,
        );
    }
    html
}

fn mm_to_pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// Splits blocks into pages; page numbers from page 2, in the header.
fn paginate(
    blocks: &[Block],
    page_height: f64,
    layout: &Layout,
    landscape: bool,
    out: &mut String,
) {
    let mut pages: Vec<Vec<&Block>> = vec![Vec::new()];
    let mut used = 0.0;
    for b in blocks {
        if used + b.height > page_height && !pages.last().unwrap().is_empty() {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += b.height;
        pages.last_mut().unwrap().push(b);
    }
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

fn items(item: &Item, flow: &mut Flow) {
    let text = if item.label.is_empty() {
        item.text.clone()
    } else {
        format!("{} {}", item.label, item.text)
    };
    let bold = heading(item);
    flow.para(
        if bold { "body heading" } else { "body" },
        &text,
        Some(&item.id),
        bold,
    );
    for c in &item.items {
        items(c, flow);
    }
}

fn header(plan: &Plan, flow: &mut Flow) {
    let h = &plan.header;
    let year = h
        .date
        .map(|d| chrono::Datelike::year(&d))
        .unwrap_or_else(|| chrono::Datelike::year(&chrono::Local::now().date_naive()));
    let mut left = String::new();
    if let Some(p) = h.parent_body.as_deref().filter(|p| !p.is_empty()) {
        let _ = write!(left, r#"<div class="parent">{}</div>"#, escape(&caps(p)));
    }
    let _ = write!(
        left,
        r#"<div class="issuer">{}</div><div class="rule short"></div><div class="number">{}</div>"#,
        escape(&caps(&h.issuer)),
        escape(&nd30::number_line(h.number.as_deref(), &h.symbol))
    );
    let right = format!(
        r#"<div class="national">{}</div><div class="motto">{}</div><div class="rule motto-rule"></div><div class="date">{}</div>"#,
        nd30::NATIONAL_TITLE,
        nd30::MOTTO,
        escape(&nd30::place_date_line(&h.place, h.date, year))
    );
    flow.raw(
        format!(r#"<div class="doc-header"><div class="left">{left}</div><div class="right">{right}</div></div>"#),
        90.0,
    );
    let doc_type = if plan.doc_type.is_empty() {
        "Kế hoạch"
    } else {
        &plan.doc_type
    };
    let summary_lines = flow.lines(&plan.summary, size::TITLE, true, 0, flow.width);
    flow.raw(
        format!(
            r#"<div class="title"><div class="doc-type">{}</div><div class="summary">{}</div><div class="rule short"></div></div>"#,
            escape(&caps(doc_type)),
            escape(&plan.summary)
        ),
        30.0 + summary_lines * 17.0,
    );
}

fn signature(plan: &Plan, flow: &mut Flow) {
    let mut left = String::from(r#"<div class="recipients-heading">Nơi nhận:</div>"#);
    let n = plan.recipients.len();
    for (i, r) in plan.recipients.iter().enumerate() {
        let _ = write!(
            left,
            "<div class=\"recipient\">- {}</div>",
            escape(&recipient_punctuation(r, i + 1 == n))
        );
    }
    let s = &plan.signer;
    let mut right = String::new();
    for line in [&s.authority, &s.title] {
        if !line.trim().is_empty() {
            let _ = write!(
                right,
                r#"<div class="signer-title">{}</div>"#,
                escape(&caps(line))
            );
        }
    }
    let _ = write!(
        right,
        r#"<div class="signature-space" style="height:{}em"></div><div class="signer-name">{}</div>"#,
        flow.layout.signature_lines,
        escape(&s.name)
    );
    let height = (n as f64 * 13.0 + 20.0).max(f64::from(flow.layout.signature_lines + 3) * 17.0);
    flow.raw(
        format!(r#"<div class="signature"><div class="left">{left}</div><div class="right">{right}</div></div>"#),
        height,
    );
}

fn appendix(plan: &Plan, app: &crate::model::Appendix, layout: &Layout) -> Vec<Block> {
    let mut blocks = Vec::new();
    let subtitle = if app.subtitle.is_empty() {
        String::new()
    } else {
        app.subtitle.clone()
    };
    blocks.push(Block {
        html: format!(
            r#"<div class="appendix-title" data-node="appendix"><div class="doc-type">Phụ lục</div><div class="doc-type">{}</div><div class="subtitle">{}</div><div class="rule short"></div></div>"#,
            escape(&caps(&app.title)),
            escape(&subtitle)
        ),
        height: 70.0,
    });
    let _ = plan;
    let columns = if app.columns.is_empty() {
        crate::model::Appendix::default_columns()
    } else {
        app.columns.clone()
    };
    let head: String = columns
        .iter()
        .map(|c| format!("<th>{}</th>", escape(c)))
        .collect();
    // The same proportions as the .docx table.
    let widths = super::docx::column_widths(columns.len(), 10_000);
    let cols: String = widths
        .iter()
        .map(|w| format!(r#"<col style="width:{}%">"#, w / 100))
        .collect();
    let head = format!("<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>");
    let landscape_width = nd30::A4.1
        - nd30::mm_to_twips(layout.margin_left_mm)
        - nd30::mm_to_twips(layout.margin_right_mm);
    let col_width = landscape_width / columns.len().max(1) as u32;
    let mut rows = Vec::new();
    for g in &app.groups {
        rows.push((
            format!(
                r#"<tr class="group"><td>{}</td><td colspan="{}">{}</td></tr>"#,
                escape(&g.label),
                columns.len() - 1,
                escape(&g.title)
            ),
            18.0,
        ));
        for r in &g.rows {
            let cells: String = r
                .cells
                .iter()
                .map(|c| format!("<td>{}</td>", escape(c).replace('\n', "<br>")))
                .collect();
            let lines = r
                .cells
                .iter()
                .map(|c| {
                    c.lines()
                        .map(|l| {
                            (f64::from(text_width_twips(l, 12, false))
                                / f64::from(col_width.max(1)))
                            .ceil()
                            .max(1.0)
                        })
                        .sum::<f64>()
                })
                .fold(1.0, f64::max);
            rows.push((
                format!("<tr><td>{}</td>{cells}</tr>", escape(&r.label)),
                lines * 14.0 + 6.0,
            ));
        }
    }
    // Rows in tables of about a page each, the heading row repeated.
    let page = mm_to_pt(210.0 - layout.margin_top_mm - layout.margin_bottom_mm) - 30.0;
    let mut chunk = String::new();
    let mut used = 0.0;
    let mut first = true;
    for (row, h) in rows {
        let limit = if first { page - 70.0 } else { page };
        if used + h > limit && !chunk.is_empty() {
            blocks.push(Block {
                html: format!(r#"<table class="appendix">{head}<tbody>{chunk}</tbody></table>"#),
                height: used + 30.0,
            });
            chunk.clear();
            used = 0.0;
            first = false;
        }
        chunk.push_str(&row);
        used += h;
    }
    if !chunk.is_empty() {
        blocks.push(Block {
            html: format!(r#"<table class="appendix">{head}<tbody>{chunk}</tbody></table>"#),
            height: used + 30.0,
        });
    }
    blocks
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

    #[test]
    fn the_district_plan_fills_several_pages_numbered_from_two() {
        let plan = crate::import::builtin("quan1-2024").unwrap();
        let html = render(&plan, &Layout::default());
        let pages = html.matches("<section class=\"page\"").count();
        assert!((12..=30).contains(&pages), "{pages} portrait pages");
        assert!(html.contains(r#"<div class="page-number">2</div>"#));
        assert!(
            !html.contains(r#"<div class="page-number">1</div><"#) || html.contains("landscape")
        );
        assert!(html.contains("page landscape"));
        assert!(html.contains(r#"data-node="III.3.4""#));
    }

    #[test]
    fn a_larger_font_gives_more_pages() {
        let plan = crate::import::builtin("quan1-2024").unwrap();
        let small = Layout {
            body_pt: 13,
            line_spacing: 1.0,
            ..Layout::default()
        };
        let large = Layout {
            body_pt: 14,
            line_spacing: 1.5,
            ..Layout::default()
        };
        let count = |l: &Layout| render(&plan, l).matches("<section class=\"page\"").count();
        assert!(count(&large) > count(&small));
    }
}
