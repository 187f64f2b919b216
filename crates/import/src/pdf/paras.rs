//! Lines into paragraphs, as the page shows them: two-column stretches (the header cells, Nơi
//! nhận beside the signature) read column by column; a paragraph starts on an indented line, a
//! centred line, after a short line or a wider gap, or where the weight changes, and goes on
//! across a page break; footnotes at a page's bottom, in a smaller size, are taken apart.
use super::lines::Segment;
use crate::blocks::{emphasis_of, Para};
use kehoach_text::ends_sentence;

/// The text area of a page, measured from its lines.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub left: f32,
    pub right: f32,
    /// The usual distance between baselines.
    pub leading: f32,
}

impl Frame {
    fn center(&self) -> f32 {
        (self.left + self.right) / 2.0
    }
}

/// The frame of pages from their segments of the body size (left and right edges most lines
/// share).
pub fn frame(segs: &[&Segment], body_size: f32) -> Frame {
    let body: Vec<&&Segment> = segs
        .iter()
        .filter(|s| (s.size - body_size).abs() < 1.0)
        .collect();
    let pick = |mut v: Vec<f32>, q: f32| -> f32 {
        v.sort_by(f32::total_cmp);
        v.get(((v.len() as f32 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let left = pick(body.iter().map(|s| s.x0).collect(), 0.1);
    let right = pick(body.iter().map(|s| s.x1).collect(), 0.9);
    let mut gaps: Vec<f32> = body
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[1].row == w[0].row + 1)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let leading = gaps.get(gaps.len() / 3).copied().unwrap_or(body_size * 1.2);
    Frame {
        left,
        right,
        leading,
    }
}

/// Footnote definitions at the bottom of a page: small lines starting with their number, and
/// the small lines that go on from them — at the top of the page's notes, the rest of the last
/// note of the page before, which Word and LibreOffice carry over when it does not fit. Adds the
/// (number, text) to `notes`; returns the page's other segments.
pub fn footnotes(
    segs: Vec<Segment>,
    body_size: f32,
    height: f32,
    marks: &std::collections::HashSet<String>,
    notes: &mut Vec<(String, String)>,
) -> Vec<Segment> {
    let lowest_body = segs
        .iter()
        .filter(|s| s.size >= body_size * 0.9)
        .map(|s| s.y)
        .fold(f32::MIN, f32::max);
    let mut rest = Vec::new();
    let before = notes.len();
    for s in segs {
        let small = s.size < body_size * 0.9 && s.y > lowest_body && s.y > height * 0.5;
        if !small {
            rest.push(s);
            continue;
        }
        let number_first = s
            .marks
            .first()
            .filter(|(at, _)| *at == 0)
            .map(|(_, n)| n.clone());
        // A typed number starts a note only when a mark in the text has it ("…năm 2011¹" /
        // "1 Quyết định …"), not a line that wraps at "107" / "/2020/NĐ-CP".
        let typed: String = s.text.chars().take_while(char::is_ascii_digit).collect();
        let typed_note = marks.contains(&typed)
            && s.text[typed.len()..].starts_with(|c: char| c.is_whitespace() || c == '.');
        match number_first.or(typed_note.then_some(typed.clone())) {
            Some(n) => {
                let text = if s.marks.first().is_some_and(|(at, _)| *at == 0) {
                    s.text.trim().to_string()
                } else {
                    s.text[typed.len()..].trim().to_string()
                };
                notes.push((n, text));
            }
            None => {
                // The rest of a note cut at the page before: that note stops mid-sentence.
                let goes_on = notes.len() > before
                    || notes.last().is_some_and(|(_, t)| !ends_sentence(t))
                        && !s.text.trim_start().starts_with(['-', '+', '•']);
                match notes.last_mut() {
                    Some((_, t)) if goes_on => {
                        t.push(' ');
                        t.push_str(s.text.trim());
                    }
                    _ => rest.push(s),
                }
            }
        }
    }
    rest
}

/// A line of the flow as the paragraph builder sees it.
struct Line<'a> {
    seg: &'a Segment,
    /// In a two-column stretch: its own paragraph unless it goes on with the one above.
    column: bool,
}

/// The segments of the pages in reading order: two-column stretches column by column.
fn reading_order(segs: &[Segment]) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        // A row cut into two by a column gap starts a two-column stretch.
        let row_of = |k: usize| -> Vec<usize> {
            (k..segs.len())
                .take_while(|&j| segs[j].page == segs[k].page && segs[j].row == segs[k].row)
                .collect()
        };
        let row = row_of(i);
        if row.len() >= 2 {
            // The gap between the columns: a line starting left of its middle belongs to the
            // left column unless it runs on past where the right column's text begins (a line of
            // the body, which ends the stretch).
            let right_start = segs[row[1]].x0;
            let mid = (segs[row[0]].x1 + right_start) / 2.0;
            let crosses = |s: &Segment| s.x0 < mid && s.x1 > right_start + 10.0;
            let mut end = i;
            while end < segs.len() && segs[end].page == segs[i].page && !crosses(&segs[end]) {
                end += 1;
            }
            let zone = &segs[i..end];
            for s in zone.iter().filter(|s| s.x0 < mid) {
                out.push(Line {
                    seg: s,
                    column: true,
                });
            }
            for s in zone.iter().filter(|s| s.x0 >= mid) {
                out.push(Line {
                    seg: s,
                    column: true,
                });
            }
            i = end;
        } else {
            out.push(Line {
                seg: &segs[i],
                column: false,
            });
            i += 1;
        }
    }
    out
}

/// A label that starts a point: "1.", "1.1.", "a)", "-", "+", "I.".
fn starts_point(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '+' | '•' | '–') => true,
        Some(c) if c.is_ascii_digit() => t
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with('.') || w.ends_with(')')),
        Some(c) if c.is_alphabetic() => {
            let w = t.split_whitespace().next().unwrap_or("");
            w.ends_with(')') && w.chars().count() <= 3
                || w.ends_with('.') && w.trim_end_matches('.').chars().all(|c| "IVXL".contains(c))
        }
        _ => false,
    }
}

/// The paragraphs of the pages' flow (segments in page order, tables and footnotes taken out).
pub fn paragraphs(segs: &[Segment], frames: &dyn Fn(usize) -> Frame) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    // Each paragraph's runs: (text, bold, italic).
    let mut runs: Vec<Vec<(&str, bool, bool)>> = Vec::new();
    let mut prev: Option<(&Segment, bool, bool)> = None; // (segment, centred, column)
    for line in reading_order(segs) {
        let s = line.seg;
        let f = frames(s.page);
        let width = s.x1 - s.x0;
        let centred =
            !line.column && ((s.x0 + s.x1) / 2.0 - f.center()).abs() < 12.0 && s.x0 > f.left + 18.0;
        let indented = s.x0 > f.left + 10.0;
        let new_para = match prev {
            None => true,
            Some((p, p_centred, p_column)) => {
                let p_full = p.x1 >= f.right - 15.0 || p_column && !ends_sentence(&p.text);
                let gap = if p.page == s.page { s.y - p.y } else { 0.0 };
                let goes_on = kehoach_text::continues(&p.text, &s.text);
                if line.column || p_column {
                    // In a column: a line of its own unless it goes on with the one above.
                    // A recipient wrapped onto a second line ("- Báo … Truyền hình Lâm" /
                    // "Đồng;") goes on too.
                    let wrapped_point = starts_point(&p.text) && !ends_sentence(&p.text);
                    !(line.column
                        && p_column
                        && (goes_on || wrapped_point)
                        && !starts_point(&s.text))
                } else {
                    let open_bracket = p.text.matches('(').count() > p.text.matches(')').count();
                    if open_bracket && gap <= f.leading * 1.6 {
                        false
                    } else {
                        centred
                            || p_centred
                            || p.bold != s.bold
                            || indented && width < f.right - f.left - 5.0
                            || !p_full
                            || gap > f.leading * 1.6
                            || starts_point(&s.text) && ends_sentence(&p.text)
                    }
                }
            }
        };
        if new_para {
            let mut p = Para::new(String::new());
            p.bold = s.bold;
            p.italic = s.italic;
            p.centered = centred;
            p.size_pt = Some(s.size);
            out.push(p);
            runs.push(Vec::new());
        }
        let para_runs = runs.last_mut().expect("a paragraph");
        para_runs.push((" ", false, false));
        para_runs.extend(s.runs.iter().map(|(t, b, i)| (t.as_str(), *b, *i)));
        let p = out.last_mut().expect("a paragraph");
        // "CT-" / "XH huyện": a compound cut at its hyphen joins without a space.
        let cut_compound =
            p.text.ends_with('-') && p.text[..p.text.len() - 1].ends_with(char::is_alphanumeric);
        if !p.text.is_empty() && !cut_compound {
            p.text.push(' ');
        }
        let base = p.text.len();
        p.text.push_str(&s.text);
        p.bold &= s.bold;
        p.italic &= s.italic;
        for (at, n) in &s.marks {
            let before = &p.text[..(base + at).min(p.text.len())];
            p.footnote_refs
                .push((n.clone(), kehoach_text::tail(before.trim_end(), 60)));
        }
        prev = Some((s, centred, line.column));
    }
    for (p, runs) in out.iter_mut().zip(runs) {
        p.emphasis = emphasis_of(
            runs.into_iter().map(|(t, b, i)| (t, b, i, false)),
            p.bold,
            p.italic,
        );
    }
    out
}
