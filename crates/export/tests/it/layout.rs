//! One layout, several writers: the .docx and the HTML preview serialise the same laid-out
//! document, so they agree on the year of a draft's date line, the appendix's title and "(Kèm
//! theo …)" line, and the punctuation of bases and recipients.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_export::{docx, html};
use kehoach_import as import;
use kehoach_layout::{lay_out, Block, Document};
use kehoach_model::{Appendix, Decisions, Plan, UnitProfile};
use kehoach_nd30::Layout;
use kehoach_testkit::*;
use std::io::Read;

fn document_xml(doc: &Document) -> String {
    let meta = docx::Meta {
        title: &doc.title,
        author: "x",
        created: "2027-01-05T00:00:00Z",
    };
    let bytes = docx::write(doc, &meta).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The texts both writers must show: the date line, each basis, each recipient, the appendix
/// heading lines.
fn printed_lines(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Header(h) => out.push(h.place_date.text.clone()),
            Block::Para(p) if p.role == kehoach_layout::Role::Basis => out.push(p.text()),
            Block::Signature(s) => out.extend(s.recipients.iter().map(|l| l.text.clone())),
            _ => {}
        }
    }
    if let Some(a) = &doc.appendix {
        out.extend(a.heading.iter().map(|l| l.text.clone()));
    }
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn agree(name: &str, plan: &Plan) -> Document {
    let doc = lay_out(plan, &Layout::default());
    let xml = document_xml(&doc);
    let preview = html::render_document(&doc);
    for line in printed_lines(&doc) {
        assert!(
            xml.contains(&xml_escape(&line)),
            "{name}: .docx lacks {line:?}"
        );
        assert!(
            preview.contains(&html::escape(&line)),
            "{name}: preview lacks {line:?}"
        );
    }
    // Same appendix or none in both.
    assert_eq!(
        xml.contains("w:orient=\"landscape\""),
        preview.contains("page landscape"),
        "{name}: appendix"
    );
    doc
}

fn kindergarten_draft() -> Plan {
    let text = std::fs::read_to_string(root().join("tests/fixtures/tuoi-hong.unit.toml")).unwrap();
    let mut profile = UnitProfile::from_toml(&text).unwrap();
    profile.number = None;
    profile.date = None;
    let parent = import::builtin("quan1-2024").unwrap();
    let preset = Preset::builtin("mam-non").unwrap();
    adapt::adapt(
        &parent,
        &profile,
        &preset,
        &Decisions::default(),
        AdaptOptions::default(),
    )
    .unwrap()
    .plan
}

#[test]
fn a_draft_shows_the_plans_year_and_the_same_lines_in_both_writers() {
    let plan = kindergarten_draft();
    let doc = agree("draft", &plan);
    let Block::Header(h) = &doc.blocks[0] else {
        panic!("the header comes first")
    };
    assert!(
        h.place_date.text.ends_with("năm 2024"),
        "{}",
        h.place_date.text
    );
    let app = doc.appendix.expect("the kindergarten plan has task rows");
    assert_eq!(app.heading[0].text, "Phụ lục");
    // The number and the date are left blank with room to write them by hand, as in the header.
    let line = &app.heading.last().unwrap().text;
    let blank = kehoach_nd30::BLANK;
    assert!(
        line.starts_with(&format!(
            "(Kèm theo Kế hoạch số {blank}/KH-MNTH ngày{blank}tháng{blank}năm 2024"
        )),
        "{line}"
    );
    // The header table reaches into the margins by the same amount on both sides, 8 mm at most.
    let overhang = (h.widths.0 + h.widths.1) as i32 - doc.layout.text_width_twips() as i32;
    assert!(
        (overhang + 2 * h.indent).abs() <= 1,
        "{:?} {}",
        h.widths,
        h.indent
    );
    assert!(-h.indent <= 454, "{} twips into each margin", -h.indent);
}

#[test]
fn the_full_district_plan_agrees_in_both_writers() {
    let doc = agree("district", &import::builtin("quan1-2024").unwrap());
    assert!(doc.appendix.is_some());
    assert_eq!(doc.footnotes.len(), 2);
}

#[test]
fn an_appendix_with_a_title_but_no_rows_is_in_neither() {
    let mut plan = kindergarten_draft();
    plan.appendix = Some(Appendix {
        title: "Kế hoạch cụ thể".into(),
        subtitle: String::new(),
        ..Default::default()
    });
    let doc = agree("empty appendix", &plan);
    assert!(doc.appendix.is_none());
}

#[test]
fn the_preview_of_the_district_plan_fills_pages_numbered_from_two() {
    let plan = import::builtin("quan1-2024").unwrap();
    let html = html::render(&plan, &Layout::default());
    let pages = html.matches("<section class=\"page\"").count();
    assert!((12..=30).contains(&pages), "{pages} portrait pages");
    assert!(html.contains(r#"<div class="page-number">2</div>"#));
    assert!(html.contains("page landscape"));
    assert!(html.contains(r#"data-node="III.3.4""#));
    let large = Layout {
        body_pt: 14,
        line_spacing: 1.5,
        ..Layout::default()
    };
    let small = Layout {
        body_pt: 13,
        line_spacing: 1.0,
        ..Layout::default()
    };
    let count = |l: &Layout| {
        html::render(&plan, l)
            .matches("<section class=\"page\"")
            .count()
    };
    assert!(count(&large) > count(&small));
}
