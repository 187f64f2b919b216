//! Glyphs into lines: glyphs on one baseline form a row; a row is cut into segments where the
//! gap between glyphs is wider than a column gap (the two columns of a header or of the
//! signature block); words are spaced where the glyphs are apart; small raised digits are
//! footnote marks.
use super::content::Glyph;

/// A run of text on one baseline with no column gap in it.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    pub page: usize,
    /// The row (baseline) it is on, numbered on its page from the top.
    pub row: usize,
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
    pub size: f32,
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Footnote marks: the byte position in `text` after which each stands, and its number.
    pub marks: Vec<(usize, String)>,
    /// The text in pieces set alike: (text, bold, italic); spaces join the piece before them.
    pub runs: Vec<(String, bool, bool)>,
}

impl Segment {
    fn push_run(&mut self, text: &str, bold: bool, italic: bool) {
        match self.runs.last_mut() {
            Some(last) if text.trim().is_empty() || (last.1, last.2) == (bold, italic) => {
                last.0.push_str(text)
            }
            _ => self.runs.push((text.to_string(), bold, italic)),
        }
    }
}

/// Gaps wider than this many times the font size separate columns.
const COLUMN_GAP_EM: f32 = 2.5;

/// The rows of a page's glyphs, top to bottom, each cut into segments.
pub fn segments(glyphs: &[Glyph], page: usize) -> Vec<Segment> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Rows: glyphs whose baselines are closer than about half a line. A glyph is measured
    // against the row's glyphs of its own size where it has some: a signer's name set large
    // beside two lines of the recipients' list lies between their baselines and must not glue
    // them into one row.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    let mut row_y = f32::MIN;
    let mut row_size = 0.0f32;
    // The lowest baseline of each size in the current row: (size, y).
    let mut by_size: Vec<(f32, f32)> = Vec::new();
    for g in sorted {
        let same_size = by_size
            .iter()
            .find(|(size, _)| (size - g.size).abs() <= size * 0.1)
            .map(|&(_, y)| y);
        let new_row = rows.is_empty()
            || match same_size {
                Some(y) => g.y - y > g.size * 0.45,
                None => g.y - row_y > row_size.max(g.size) * 0.45,
            };
        if new_row {
            rows.push(Vec::new());
            row_y = g.y;
            row_size = g.size;
            by_size.clear();
        } else {
            // The row's baseline is that of its larger glyphs (a raised mark is smaller).
            if g.size > row_size * 1.1 {
                row_y = g.y;
            }
            row_size = row_size.max(g.size);
        }
        match by_size
            .iter_mut()
            .find(|(size, _)| (*size - g.size).abs() <= *size * 0.1)
        {
            Some(entry) => entry.1 = entry.1.max(g.y),
            None => by_size.push((g.size, g.y)),
        }
        rows.last_mut().expect("a row").push(g);
    }
    let mut out = Vec::new();
    for (r, mut row) in rows.into_iter().enumerate() {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let size = main_size(&row);
        let base = row
            .iter()
            .filter(|g| (g.size - size).abs() < 0.5)
            .map(|g| g.y)
            .fold(f32::MIN, f32::max);
        let mut current: Option<Segment> = None;
        let mut prev_end = f32::MIN;
        for g in row {
            let gap = g.x - prev_end;
            if current.is_some() && gap > (COLUMN_GAP_EM * size).max(18.0) {
                out.extend(current.take().map(finish));
            }
            let seg = current.get_or_insert_with(|| Segment {
                page,
                row: r,
                y: base,
                x0: g.x,
                x1: g.x,
                size,
                bold: true,
                italic: true,
                ..Default::default()
            });
            let is_space = g.text.trim().is_empty();
            let raised = g.size < size * 0.8 && g.y < base - 1.0;
            if raised && g.text.chars().all(|c| c.is_ascii_digit()) {
                match seg.marks.last_mut() {
                    Some((at, digits)) if *at == seg.text.trim_end().len() && gap < size * 0.3 => {
                        digits.push_str(&g.text)
                    }
                    _ => seg.marks.push((seg.text.trim_end().len(), g.text.clone())),
                }
            } else {
                if !seg.text.is_empty()
                    && !is_space
                    && !seg.text.ends_with(' ')
                    && gap > size * 0.18
                {
                    seg.text.push(' ');
                    seg.push_run(" ", g.bold, g.italic);
                }
                seg.text.push_str(&g.text);
                seg.push_run(&g.text, g.bold, g.italic);
                if !is_space {
                    seg.bold &= g.bold;
                    seg.italic &= g.italic;
                }
            }
            seg.x1 = seg.x1.max(g.x + g.width);
            prev_end = g.x + g.width;
        }
        out.extend(current.take().map(finish));
    }
    out.retain(|s| !s.text.trim().is_empty());
    out
}

fn finish(mut s: Segment) -> Segment {
    let trimmed = s.text.trim_end().len();
    s.text.truncate(trimmed);
    let lead = s.text.len() - s.text.trim_start().len();
    s.text = kehoach_text::nfc(s.text.trim_start());
    for run in &mut s.runs {
        run.0 = kehoach_text::nfc(&run.0);
    }
    for (at, _) in &mut s.marks {
        *at = at.saturating_sub(lead).min(s.text.len());
    }
    s
}

/// The size most of a row's text is set in.
fn main_size(row: &[&Glyph]) -> f32 {
    let mut best = (0usize, 0.0f32);
    for g in row {
        let n = row
            .iter()
            .filter(|h| (h.size - g.size).abs() < 0.5)
            .map(|h| h.text.chars().count())
            .sum::<usize>();
        if n > best.0 {
            best = (n, g.size);
        }
    }
    best.1
}

/// Drops what the e-office system or the printer repeats on every page — a reader's watermark
/// line, a header or footer — and page numbers, all near the top or bottom edge.
pub fn drop_page_furniture(pages: &mut [Vec<Segment>], heights: &[f32]) {
    let key = |s: &Segment| -> String {
        s.text
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    // The top band is deep enough for the watermark line pushed down by the e-office system's
    // signature box ("Người ký: … / Cơ quan: … / Thời gian ký: …") on the first page.
    let near_edge = |s: &Segment, h: f32| s.y < h * 0.15 || s.y > h * 0.93;
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (p, segs) in pages.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for s in segs.iter().filter(|s| near_edge(s, heights[p])) {
            if seen.insert(key(s)) {
                *counts.entry(key(s)).or_default() += 1;
            }
        }
    }
    // On most pages (all of a short document): a header on only some pages is the document's.
    let least = if pages.len() <= 3 {
        pages.len().max(2)
    } else {
        (pages.len() * 3).div_ceil(5).max(3)
    };
    let repeated = |k: &str| counts.get(k).copied().unwrap_or(0) >= least;
    for (p, segs) in pages.iter_mut().enumerate() {
        segs.retain(|s| {
            let edge = near_edge(s, heights[p]);
            let page_number = s
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
                && s.text.chars().any(|c| c.is_ascii_digit())
                && s.text.len() <= 9;
            !(edge && (page_number || repeated(&key(s))))
        });
    }
}
