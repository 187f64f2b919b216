//! How the parts of a document are set (Phụ lục I, mục IV): tên loại and trích yếu, căn cứ, the
//! body's paragraphs, Nơi nhận, the appendix heading, and a công văn's "V/v" and "Kính gửi". Each
//! finding quotes the line at fault and says what is wrong with it.
use super::lines::{lines, Line};
use super::{finding, Area, Finding};
use kehoach_import::blocks::Para;
use kehoach_model::Plan;
use kehoach_nd30::DOC_TYPES;
use kehoach_text::{fold, is_caps, squash};

/// Where the parts of the document are, as paragraph indices.
struct Map {
    /// The tên loại line ("KẾ HOẠCH").
    title: Option<usize>,
    /// The trích yếu's paragraphs (after the title, or a công văn's "V/v").
    summary: Vec<usize>,
    bases: Vec<usize>,
    /// "Kính gửi:" and the recipients listed under it.
    kinh_gui: Vec<usize>,
    /// The body: from after the bases (or trích yếu, or Kính gửi) to Nơi nhận or the appendix.
    body: std::ops::Range<usize>,
    /// The appendix heading, when there is one.
    appendix: Option<usize>,
}

/// The kind of document, for the rules that depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A document with a tên loại (kế hoạch, thông báo, báo cáo, tờ trình, quyết định …).
    Named,
    /// A công văn: no tên loại, a "V/v" trích yếu, "Kính gửi".
    CongVan,
}

/// What kind the document is: a công văn has no tên loại line, and its trích yếu starts with
/// "V/v" (or, written wrongly, "Về việc") or its ký hiệu has no type code.
pub fn kind(paras: &[Para], plan: &Plan) -> Kind {
    if title_index(paras).is_some() || !plan.doc_type.trim().is_empty() {
        return Kind::Named;
    }
    let vv = vv_line(paras).is_some();
    let code = plan.header.symbol.split('-').next().unwrap_or("");
    let typed = DOC_TYPES
        .iter()
        .any(|t| t.code.is_some_and(|c| c.eq_ignore_ascii_case(code)));
    if vv || !typed {
        Kind::CongVan
    } else {
        Kind::Named
    }
}

pub fn check(paras: &[Para], plan: &Plan, kind: Kind, out: &mut Vec<Finding>) {
    let map = map(paras, plan, kind);
    let all = lines(paras, false);
    let of = |i: usize| all.iter().filter(move |l| l.para == i);
    if let Some(t) = map.title {
        for l in of(t) {
            let mut wrong = Vec::new();
            if !is_caps(&l.text) {
                wrong.push("chưa in hoa".to_string());
            }
            if l.formatted() && !l.bold() {
                wrong.push("chưa in đậm".into());
            }
            wrong.extend(l.size_outside(13.0, 14.0));
            report(out, "title-format", Area::Title, "Tên loại", l, &wrong);
        }
    }
    if kind == Kind::Named {
        for l in map.summary.iter().flat_map(|&i| of(i)) {
            let mut wrong = Vec::new();
            if l.formatted() && !l.bold() {
                wrong.push("chưa in đậm".to_string());
            }
            wrong.extend(l.size_outside(13.0, 14.0));
            report(out, "summary-format", Area::Title, "Trích yếu", l, &wrong);
        }
    } else {
        cong_van(paras, &map, out);
    }
    for (n, l) in map
        .bases
        .iter()
        .flat_map(|&i| of(i))
        .enumerate()
        .filter(|(_, l)| fold(&l.text).starts_with("can cu"))
    {
        if l.formatted() && !l.italic() {
            let label = format!("Căn cứ {}", n + 1);
            report(
                out,
                "bases-italic",
                Area::Bases,
                &label,
                l,
                &["chưa in nghiêng".into()],
            );
        }
    }
    body(paras, &map, &all, out);
    recipients(&all, out);
    if let Some(l) = map.appendix.and_then(|i| of(i).next()) {
        if is_caps(&l.text) {
            let mut f = finding("appendix-title", Area::Appendix, "Phụ lục", &l.text, "");
            f.message = format!("“{}”: {}", l.text, f.message);
            out.push(f);
        }
    }
}

/// A finding that quotes the line and says what is wrong, when something is.
pub(super) fn report(
    out: &mut Vec<Finding>,
    rule: &str,
    area: Area,
    label: &str,
    l: &Line,
    wrong: &[String],
) {
    if wrong.is_empty() {
        return;
    }
    let mut f = finding(rule, area, label, &l.text, "");
    f.message = format!(
        "“{}”: {}. {}",
        super::first_words(&l.text, 10),
        wrong.join(", "),
        f.message
    );
    out.push(f);
}

fn title_index(paras: &[Para]) -> Option<usize> {
    paras.iter().take(30).position(|p| {
        let f = fold(p.text.trim());
        // "Công văn" is never printed as a title line.
        DOC_TYPES.iter().any(|t| fold(t.name) == f) && f != "cong van"
    })
}

/// The line of a công văn's trích yếu: "V/v …", or written wrongly "Về việc …", in the header.
fn vv_line(paras: &[Para]) -> Option<Line> {
    let head = paras.len().min(20);
    lines(&paras[..head], true).into_iter().find(|l| {
        let f = fold(&l.text);
        f.starts_with("v/v") || f.starts_with("ve viec") || f.starts_with("v.v")
    })
}

fn map(paras: &[Para], plan: &Plan, kind: Kind) -> Map {
    let starts = |p: &Para, text: &str| {
        let a = fold(&squash(&p.text));
        let b = fold(&squash(text));
        let n = b.len().min(40);
        !b.is_empty() && a.starts_with(&b[..floor(&b, n)])
    };
    let title = (kind == Kind::Named).then(|| title_index(paras)).flatten();
    let mut summary = Vec::new();
    if let Some(t) = title {
        let whole = fold(&squash(&plan.summary));
        for (i, p) in paras.iter().enumerate().skip(t + 1) {
            let f = fold(&squash(&p.text));
            if f.is_empty() {
                continue;
            }
            if !whole.is_empty() && whole.contains(&f) {
                summary.push(i);
            } else {
                break;
            }
        }
    } else if let Some(l) = vv_line(paras) {
        summary.push(l.para);
    }
    let bases: Vec<usize> = paras
        .iter()
        .enumerate()
        .take(80)
        .filter(|(_, p)| plan.bases.iter().any(|b| starts(p, b)))
        .map(|(i, _)| i)
        .collect();
    let mut kinh_gui = Vec::new();
    if let Some(k) = paras
        .iter()
        .take(40)
        .position(|p| fold(&p.text).starts_with("kinh gui"))
    {
        kinh_gui.push(k);
        for (i, p) in paras.iter().enumerate().skip(k + 1) {
            let t = p.text.trim();
            if t.starts_with(['-', '–', '+']) && t.split_whitespace().count() <= 25 {
                kinh_gui.push(i);
            } else {
                break;
            }
        }
    }
    let start = [
        title,
        summary.last().copied(),
        bases.last().copied(),
        kinh_gui.last().copied(),
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(0, |i| i + 1);
    let appendix = paras.iter().enumerate().skip(start).find_map(|(i, p)| {
        let f = fold(p.text.trim());
        (f.starts_with("phu luc") && p.text.split_whitespace().count() <= 4).then_some(i)
    });
    let tail = paras
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, p)| fold(&p.text).starts_with("noi nhan"))
        .map(|(i, _)| i);
    let end = [appendix, tail]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(paras.len());
    Map {
        title,
        summary,
        bases,
        kinh_gui,
        body: start..end.max(start),
        appendix,
    }
}

fn floor(s: &str, mut n: usize) -> usize {
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The body's paragraphs of running text: justified, indented 1–1.27 cm on the first line, 6 pt
/// or more apart. Headings (all bold, or in capitals) and short lines are not running text.
fn body(paras: &[Para], map: &Map, all: &[Line], out: &mut Vec<Finding>) {
    let text_paras: Vec<(usize, &Para)> = paras
        .iter()
        .enumerate()
        .filter(|(i, _)| map.body.contains(i))
        .filter(|&(i, p)| {
            // A paragraph that goes on from the one before (split at a page break): it starts
            // in lower case, or the one before stops mid-sentence.
            let goes_on = p.text.trim_start().starts_with(char::is_lowercase)
                || i.checked_sub(1).is_some_and(|j| {
                    !paras[j]
                        .text
                        .trim_end()
                        .ends_with(['.', ';', ':', '!', '?', ')', '…'])
                        && paras[j].text.split_whitespace().count() >= 10
                });
            p.format.is_some()
                && p.text.split_whitespace().count() >= 10
                && !p.bold
                && !is_caps(&p.text)
                && !goes_on
        })
        .collect();
    let line = |i: usize| all.iter().find(|l| l.para == i);
    let mut faults: [(&str, Vec<usize>); 3] = [
        ("body-align", Vec::new()),
        ("body-indent", Vec::new()),
        ("body-spacing", Vec::new()),
    ];
    for &(i, p) in &text_paras {
        let f = p.format.as_deref().expect("filtered");
        if !matches!(f.align.as_str(), "both" | "distribute" | "justify") {
            faults[0].1.push(i);
        }
        // A numbered paragraph takes its indent from Word's numbering; a typed tab indents.
        let tab = f.runs.first().is_some_and(|r| r.text.starts_with('\t'));
        if p.numbered.is_none() && !tab && !(0.95..=1.32).contains(&f.first_line_cm) {
            faults[1].1.push(i);
        }
        if f.space_before_pt + f.space_after_pt < 5.9 {
            faults[2].1.push(i);
        }
    }
    for (rule, at) in faults {
        let Some(l) = at.first().and_then(|&i| line(i)) else {
            continue;
        };
        let p = paras[l.para].format.as_deref().expect("filtered");
        let what = match rule {
            "body-align" => match p.align.as_str() {
                "center" => "căn giữa".to_string(),
                "right" => "căn phải".to_string(),
                _ => "căn trái".to_string(),
            },
            "body-indent" => format!("lùi đầu dòng {} cm", super::lines::pt(p.first_line_cm)),
            _ => format!(
                "cách đoạn {} pt",
                super::lines::pt(p.space_before_pt + p.space_after_pt)
            ),
        };
        let count = format!("{what} ({} trên {} đoạn văn)", at.len(), text_paras.len());
        report(out, rule, Area::Body, "Nội dung", l, &[count]);
    }
}

/// "Nơi nhận:" 12 pt bold italic, the list under it 11 pt regular.
fn recipients(all: &[Line], out: &mut Vec<Finding>) {
    let Some(at) = all
        .iter()
        .rposition(|l| fold(&l.text).starts_with("noi nhan"))
    else {
        return;
    };
    let head = &all[at];
    let mut wrong = Vec::new();
    if head.formatted() && !(head.bold() && head.italic()) {
        wrong.push("chưa in nghiêng đậm".to_string());
    }
    wrong.extend(head.size_outside(12.0, 12.0));
    report(
        out,
        "recipients-format",
        Area::Recipients,
        "Nơi nhận",
        head,
        &wrong,
    );
    for l in all[at + 1..].iter().take_while(|l| {
        let t = l.text.trim();
        t.starts_with(['-', '–', '+', '•']) || fold(t).starts_with("luu") || t.ends_with(';')
    }) {
        let mut wrong: Vec<String> = l.size_outside(11.0, 11.0).into_iter().collect();
        if l.any_bold() || l.any_italic() {
            wrong.push("không in đậm, nghiêng".into());
        }
        if !wrong.is_empty() {
            report(
                out,
                "recipients-format",
                Area::Recipients,
                "Nơi nhận",
                l,
                &wrong,
            );
            break;
        }
    }
}

/// A công văn's trích yếu ("V/v …", regular, 12–13 pt) and its "Kính gửi".
fn cong_van(paras: &[Para], map: &Map, out: &mut Vec<Finding>) {
    match vv_line(paras) {
        Some(l) => {
            let mut wrong = Vec::new();
            if !l.text.starts_with("V/v ") {
                wrong.push("phải bắt đầu bằng “V/v”".to_string());
            }
            if l.any_bold() || l.any_italic() || is_caps(&l.text) {
                wrong.push("in thường, đứng, không đậm".into());
            }
            wrong.extend(l.size_outside(12.0, 13.0));
            report(out, "vv-format", Area::Title, "Trích yếu", &l, &wrong);
        }
        None => out.push(finding(
            "vv-format",
            Area::Title,
            "Trích yếu",
            "không có dòng “V/v …”",
            "",
        )),
    }
    if map.kinh_gui.is_empty() {
        out.push(finding("kinh-gui", Area::Intro, "Kính gửi", "", ""));
    }
}
