//! Checks of a .docx as written: the text as typed (dates, "Số:", recipient punctuation), the
//! formatting of the header lines, page set-up, fonts and page numbers.
use super::{check, finding, Area, Finding};
use crate::import::blocks::{PageFormat, Para};
use crate::import::{self, ImportError};
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}").unwrap());
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Số\s*:?\s*(\d*)(\s*)/(\s*)(\S+?)\s*$").unwrap());

/// Checks a file (.docx, .md or .txt): its plan like [`check`], plus what only the file shows.
pub fn check_docx(name: &str, bytes: &[u8]) -> Result<Vec<Finding>, ImportError> {
    let source = import::read_source(name, bytes)?;
    let paras = source.paragraphs();
    let page = source.page.clone();
    let plan = import::recognize_source(source)?;
    let mut out = check(&plan);
    typed_text(&paras, &mut out);
    if let Some(page) = &page {
        header_format(&paras, &mut out);
        package(page, &mut out);
    }
    Ok(out)
}

fn typed_text(paras: &[Para], out: &mut Vec<Finding>) {
    // The date line of the header (ô 4) and the "Số:" line (ô 3), among the first paragraphs.
    for p in paras.iter().take(20) {
        let text = p.full_text();
        if let Some(c) = DATE.captures(&text) {
            let (day, month) = (&c[1], &c[2]);
            let m: u32 = month.parse().unwrap_or(0);
            let bad_day = day.len() == 1;
            let bad_month = (m <= 2 && month.len() == 1) || (m >= 3 && month.starts_with('0'));
            if bad_day || bad_month {
                out.push(finding(
                    "date-format",
                    Area::Header,
                    "Địa danh, ngày tháng",
                    &text,
                    "",
                ));
            }
            break;
        }
    }
    for p in paras.iter().take(20) {
        if let Some(c) = NUMBER.captures(p.text.trim()) {
            if !c[2].is_empty() || !c[3].is_empty() || c[4].contains(" -") || c[4].contains("- ") {
                out.push(finding(
                    "symbol-format",
                    Area::Header,
                    "Số, ký hiệu",
                    &p.text,
                    "",
                ));
            }
            break;
        }
    }
    // Recipients: "- …;" and the last "- ….".
    let Some(start) = paras
        .iter()
        .position(|p| fold(&p.text).starts_with("noi nhan"))
    else {
        return;
    };
    let lines: Vec<&Para> = paras[start + 1..]
        .iter()
        .take_while(|p| {
            let t = p.text.trim();
            p.numbered.is_some()
                || t.starts_with(['-', '–', '+', '•'])
                || t.ends_with(';')
                || fold(t).starts_with("luu")
        })
        .filter(|p| !p.text.trim().is_empty())
        .collect();
    let n = lines.len();
    for (i, p) in lines.iter().enumerate() {
        let t = p.text.trim();
        let dash = p.numbered.is_some() || t.starts_with('-');
        let end_ok = if i + 1 == n {
            t.ends_with('.')
        } else {
            t.ends_with(';')
        };
        if !dash || !end_ok {
            out.push(finding(
                "recipients-punctuation",
                Area::Recipients,
                "Nơi nhận",
                t,
                "",
            ));
        }
    }
}

/// Sizes and weights of the header lines (ô 1–4).
fn header_format(paras: &[Para], out: &mut Vec<Finding>) {
    let head: Vec<&Para> = paras.iter().take(12).collect();
    let size_in = |p: &Para, lo: f32, hi: f32| p.size_pt.is_none_or(|s| (lo..=hi).contains(&s));
    let mut bad = |p: &Para| {
        out.push(finding(
            "header-format",
            Area::Header,
            "Phần đầu văn bản",
            &p.text,
            "",
        ))
    };
    let national = head
        .iter()
        .position(|p| fold(&p.text).contains("cong hoa xa hoi chu nghia"));
    if let Some(i) = national {
        let p = head[i];
        if !p.bold || !crate::text::is_caps(&p.text) || !size_in(p, 12.0, 13.0) {
            bad(p);
        }
    }
    if let Some(p) = head.iter().find(|p| fold(&p.text).starts_with("doc lap")) {
        if !p.bold || !size_in(p, 13.0, 14.0) || p.text.contains('–') {
            bad(p);
        }
    }
    if let Some(p) = head.iter().find(|p| NUMBER.is_match(p.text.trim())) {
        if !size_in(p, 13.0, 13.0) {
            bad(p);
        }
    }
    if let Some(p) = head.iter().find(|p| DATE.is_match(&p.text)) {
        if !p.italic {
            bad(p);
        }
    }
    // The issuing body (the caps line right above "Số:", in the left column) is bold.
    if let Some(n) = head.iter().position(|p| NUMBER.is_match(p.text.trim())) {
        let caps: Vec<&&Para> = head[..n]
            .iter()
            .filter(|p| crate::text::is_caps(&p.text) && !fold(&p.text).contains("cong hoa"))
            .collect();
        if let Some(issuer) = caps.last() {
            if !issuer.bold {
                bad(issuer);
            }
        }
    }
}

/// Page set-up, fonts and page numbers, as the file states them.
fn package(page: &PageFormat, out: &mut Vec<Finding>) {
    let Some(first) = page.sections.first() else {
        // No page set-up at all: the reader's defaults (often Letter) apply.
        out.push(finding("page-setup", Area::Page, "Định dạng trang", "", ""));
        out.push(finding("page-number", Area::Page, "Số trang", "", ""));
        return;
    };
    // The body section: A4 portrait, margins in range.
    let a4 = (first.width - 11906).abs() <= 60 && (first.height - 16838).abs() <= 60;
    let within = |v: i64, lo: i64, hi: i64| (lo - 5..=hi + 5).contains(&v);
    let [top, bottom, left, right] = first.margins;
    let margins = within(top, 1134, 1417)
        && within(bottom, 1134, 1417)
        && within(left, 1701, 1985)
        && within(right, 850, 1134);
    if !a4 || !margins {
        let size = format!("{} × {} twips", first.width, first.height);
        out.push(finding(
            "page-setup",
            Area::Page,
            "Định dạng trang",
            &size,
            "",
        ));
    }
    // Page numbers: in a header, not on page 1.
    if !page.page_field_in_header || !first.title_pg {
        out.push(finding("page-number", Area::Page, "Số trang", "", ""));
    }
    let other = page.fonts.iter().find(|f| *f != "Times New Roman").cloned();
    if let Some(font) = other.or(page.theme_fonts.then(|| "phông theo chủ đề".to_string())) {
        out.push(finding("font", Area::Page, "Phông chữ", &font, ""));
    }
}
