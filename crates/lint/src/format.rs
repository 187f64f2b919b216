//! Checks of a .docx as written: the text as typed (dates, "Số:", recipient punctuation), the
//! formatting of the header lines, page set-up, fonts and page numbers.
use super::lines::{lines, Line};
use super::{check, finding, layout, Area, Finding};
use kehoach_import::blocks::{PageFormat, Para};
use kehoach_import::{self as import, ImportError};
use kehoach_text::fold;
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}").unwrap());
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Số\s*:?\s*(\d*)(\s*)/(\s*)(\S+?)\s*$").unwrap());

/// Checks a file (.docx, .md or .txt) of any administrative document: its content like
/// [`check`] (a plan's structure where it has one), plus what only the file shows — the text as
/// typed and, for a .docx, how each part is set.
pub fn check_docx(name: &str, bytes: &[u8]) -> Result<Vec<Finding>, ImportError> {
    let source = import::read_source(name, bytes)?;
    let paras = source.paragraphs();
    let page = source.page.clone();
    let plan = import::recognize_document(source);
    let kind = layout::kind(&paras, &plan);
    let has_text = plan.parts.iter().any(|p| !p.items.is_empty())
        || paras
            .iter()
            .any(|p| p.text.split_whitespace().count() >= 10);
    if !has_text {
        return Err(ImportError::NoStructure);
    }
    let mut out = check(&plan);
    if kind == layout::Kind::CongVan {
        // A công văn has no tên loại, so its ký hiệu has no type code to match.
        out.retain(|f| f.rule != "symbol-type");
    }
    typed_text(&paras, &mut out);
    layout::check(&paras, &plan, kind, &mut out);
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
    // Recipients: "- …;" and the last "- …." (lines typed with Shift+Enter are lines).
    let all = lines(paras, false);
    let Some(start) = all
        .iter()
        .rposition(|l| fold(&l.text).starts_with("noi nhan"))
    else {
        return;
    };
    let list: Vec<&Line> = all[start + 1..]
        .iter()
        .take_while(|l| {
            let t = l.text.trim();
            paras[l.para].numbered.is_some()
                || t.starts_with(['-', '–', '+', '•'])
                || t.ends_with(';')
                || fold(t).starts_with("luu")
        })
        .collect();
    let n = list.len();
    for (i, l) in list.iter().enumerate() {
        let t = l.text.trim();
        let dash = paras[l.para].numbered.is_some() || t.starts_with('-');
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

/// Sizes and weights of the header lines (ô 1–4), line by line: a cell typed with Shift+Enter
/// and a left and right column typed on one line with tabs are separate lines.
fn header_format(paras: &[Para], out: &mut Vec<Finding>) {
    let head: Vec<Line> = lines(&paras[..paras.len().min(12)], true);
    let mut check =
        |l: &Line, bold: Option<bool>, italic: bool, size: (f32, f32), extra: &[&str]| {
            let mut wrong: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
            if l.formatted() {
                match bold {
                    Some(true) if !l.bold() => wrong.push("chưa in đậm".into()),
                    Some(false) if l.any_bold() => wrong.push("không in đậm".into()),
                    _ => {}
                }
                if italic && !l.italic() {
                    wrong.push("chưa in nghiêng".into());
                }
            }
            wrong.extend(l.size_outside(size.0, size.1));
            layout::report(
                out,
                "header-format",
                Area::Header,
                "Phần đầu văn bản",
                l,
                &wrong,
            );
        };
    if let Some(l) = head
        .iter()
        .find(|l| fold(&l.text).contains("cong hoa xa hoi chu nghia"))
    {
        let caps = if kehoach_text::is_caps(&l.text) {
            &[][..]
        } else {
            &["chưa in hoa"][..]
        };
        check(l, Some(true), false, (12.0, 13.0), caps);
    }
    if let Some(l) = head.iter().find(|l| fold(&l.text).starts_with("doc lap")) {
        let dash = if l.text.contains('–') {
            &["dùng gạch nối “-”, không dùng “–”"][..]
        } else {
            &[][..]
        };
        check(l, Some(true), false, (13.0, 14.0), dash);
    }
    let number = head.iter().position(|l| NUMBER.is_match(l.text.trim()));
    if let Some(n) = number {
        check(&head[n], Some(false), false, (13.0, 13.0), &[]);
    }
    if let Some(l) = head.iter().find(|l| DATE.is_match(&l.text)) {
        check(l, None, true, (13.0, 14.0), &[]);
    }
    // The issuing body: the caps line right above "Số:" in the left column.
    if let Some(n) = number {
        let issuer = head[..n]
            .iter()
            .rfind(|l| kehoach_text::is_caps(&l.text) && !fold(&l.text).contains("cong hoa"));
        if let Some(l) = issuer {
            check(l, Some(true), false, (12.0, 13.0), &[]);
        }
    }
}

/// Page set-up, fonts and page numbers, as the file states them.
fn package(page: &PageFormat, out: &mut Vec<Finding>) {
    if let Some(font) = page.fonts.iter().find(|f| *f != "Times New Roman") {
        out.push(finding("font", Area::Page, "Phông chữ", font, ""));
    }
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
}
