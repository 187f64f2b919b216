//! Checks of a .docx as written: the text as typed (dates, "Số:", recipient punctuation), the
//! formatting of the header lines, page set-up, fonts and page numbers.
use super::{check, finding, Finding};
use crate::import::blocks::{Block, Para, Source};
use crate::import::{self, text_util::fold, ImportError};
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}").unwrap());
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Số\s*:?\s*(\d*)(\s*)/(\s*)(\S+?)\s*$").unwrap());

/// Checks a file (.docx, .md or .txt): its plan like [`check`], plus what only the file shows.
pub fn check_docx(name: &str, bytes: &[u8]) -> Result<Vec<Finding>, ImportError> {
    let source = import::read_source(name, bytes)?;
    let paras = flat(&source);
    let plan = import::recognize_source(source)?;
    let mut out = check(&plan);
    typed_text(&paras, &mut out);
    if import::detect(name, bytes)? == import::Format::Docx {
        header_format(&paras, &mut out);
        package(bytes, &mut out)?;
    }
    Ok(out)
}

/// Every paragraph in reading order, table cells column by column as the recogniser reads them.
fn flat(source: &Source) -> Vec<Para> {
    let mut out = Vec::new();
    for b in &source.blocks {
        match b {
            Block::Para(p) => out.push(p.clone()),
            Block::Table(t) => {
                let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
                for c in 0..cols {
                    for row in &t.rows {
                        if let Some(cell) = row.get(c) {
                            out.extend(cell.paras.iter().cloned());
                        }
                    }
                }
            }
        }
    }
    out
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
                out.push(finding("date-format", "Địa danh, ngày tháng", &text, ""));
            }
            break;
        }
    }
    for p in paras.iter().take(20) {
        if let Some(c) = NUMBER.captures(p.text.trim()) {
            if !c[2].is_empty() || !c[3].is_empty() || c[4].contains(" -") || c[4].contains("- ") {
                out.push(finding("symbol-format", "Số, ký hiệu", &p.text, ""));
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
            out.push(finding("recipients-punctuation", "Nơi nhận", t, ""));
        }
    }
}

/// Sizes and weights of the header lines (ô 1–4).
fn header_format(paras: &[Para], out: &mut Vec<Finding>) {
    let head: Vec<&Para> = paras.iter().take(12).collect();
    let size_in = |p: &Para, lo: f32, hi: f32| p.size_pt.is_none_or(|s| (lo..=hi).contains(&s));
    let mut bad = |p: &Para| out.push(finding("header-format", "Phần đầu văn bản", &p.text, ""));
    let national = head
        .iter()
        .position(|p| fold(&p.text).contains("cong hoa xa hoi chu nghia"));
    if let Some(i) = national {
        let p = head[i];
        if !p.bold || !crate::import::text_util::is_caps(&p.text) || !size_in(p, 12.0, 13.0) {
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
            .filter(|p| {
                crate::import::text_util::is_caps(&p.text) && !fold(&p.text).contains("cong hoa")
            })
            .collect();
        if let Some(issuer) = caps.last() {
            if !issuer.bold {
                bad(issuer);
            }
        }
    }
}

static PG_SZ: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgSz\b[^>]*>").unwrap());
static PG_MAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgMar\b[^>]*>").unwrap());
static SECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<w:sectPr\b.*?</w:sectPr>").unwrap());
static FONTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:rFonts\b[^>]*\bw:(ascii|hAnsi)="([^"]+)""#).unwrap());
static THEME_FONTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:rFonts\b[^>]*\bw:asciiTheme="#).unwrap());

fn attr(tag: &str, name: &str) -> Option<i64> {
    let re = Regex::new(&format!(r#"\bw:{name}="(-?\d+)""#)).ok()?;
    re.captures(tag)?.get(1)?.as_str().parse().ok()
}

/// Page set-up, fonts and page numbers, from the package's XML.
fn package(bytes: &[u8], out: &mut Vec<Finding>) -> Result<(), ImportError> {
    let parts = crate::import::docx::unzip_checked(bytes)?;
    let text = |name: &str| {
        parts
            .get(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    let document = text("word/document.xml");
    let styles = text("word/styles.xml");
    let sections: Vec<&str> = SECT.find_iter(&document).map(|m| m.as_str()).collect();
    if sections.is_empty() {
        // No page set-up at all: the reader's defaults (often Letter) apply.
        out.push(finding("page-setup", "Định dạng trang", "", ""));
        out.push(finding("page-number", "Số trang", "", ""));
    }
    if let Some(first) = sections.first() {
        // The body section: A4 portrait, margins in range.
        let size = PG_SZ.find(first).map(|m| m.as_str()).unwrap_or("");
        let (w, h) = (attr(size, "w").unwrap_or(0), attr(size, "h").unwrap_or(0));
        let a4 = (w - 11906).abs() <= 60 && (h - 16838).abs() <= 60;
        let mar = PG_MAR.find(first).map(|m| m.as_str()).unwrap_or("");
        let within = |name: &str, lo: i64, hi: i64| {
            attr(mar, name).is_some_and(|v| (lo - 5..=hi + 5).contains(&v))
        };
        let margins = within("top", 1134, 1417)
            && within("bottom", 1134, 1417)
            && within("left", 1701, 1985)
            && within("right", 850, 1134);
        if !a4 || !margins {
            out.push(finding("page-setup", "Định dạng trang", size, ""));
        }
        // Page numbers: in a header, not on page 1.
        let has_page_field = parts.iter().any(|(name, data)| {
            name.starts_with("word/header") && String::from_utf8_lossy(data).contains("PAGE")
        });
        let title_pg = first.contains("<w:titlePg")
            && !first.contains(r#"<w:titlePg w:val="0""#)
            && !first.contains(r#"<w:titlePg w:val="false""#);
        if !has_page_field || !title_pg {
            out.push(finding("page-number", "Số trang", "", ""));
        }
    }
    let other_font = FONTS
        .captures_iter(&document)
        .chain(FONTS.captures_iter(&styles))
        .find(|c| c[2] != *"Times New Roman")
        .map(|c| c[2].to_string());
    let theme = THEME_FONTS.is_match(&styles)
        && !FONTS
            .captures_iter(&styles)
            .any(|c| c[2] == *"Times New Roman");
    if let Some(font) = other_font.or(theme.then(|| "phông theo chủ đề".to_string())) {
        out.push(finding("font", "Phông chữ", &font, ""));
    }
    Ok(())
}
