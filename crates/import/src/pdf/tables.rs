//! Ruled tables rebuilt from their borders: horizontal strokes across the table cut it into
//! rows, the vertical strokes that cross a row cut that row into cells (a merged group row has
//! fewer), a cell with no rule over it is the lower part of a cell merged down the rows, and
//! each glyph goes to the cell it stands in.
use super::content::{Glyph, Stroke};
use super::lines::{segments, Segment};
use crate::blocks::{Cell, Para, Table};

/// A table found on a page: where it is and its glyphs by cell.
pub struct Found {
    pub top: f32,
    pub table: Table,
}

fn merge(mut xs: Vec<f32>) -> Vec<f32> {
    xs.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in xs {
        if out.last().is_none_or(|l| x - l > 2.0) {
            out.push(x);
        }
    }
    out
}

/// The ruled tables of a page (at most one per stretch of strokes), and the glyphs left outside
/// them.
pub fn find(glyphs: Vec<Glyph>, strokes: &[Stroke], page: usize) -> (Vec<Found>, Vec<Glyph>) {
    let h: Vec<&Stroke> = strokes.iter().filter(|s| s.horizontal()).collect();
    let v: Vec<&Stroke> = strokes.iter().filter(|s| s.vertical()).collect();
    if h.len() < 2 || v.len() < 3 {
        return (Vec::new(), glyphs);
    }
    let left = v.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let right = v.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    let width = right - left;
    if width < 100.0 {
        return (Vec::new(), glyphs);
    }
    // Row boundaries: y where horizontal strokes cover most of the width.
    let ys = merge(h.iter().map(|s| s.y0).collect());
    let rows: Vec<f32> = ys
        .into_iter()
        .filter(|y| {
            let covered: f32 = h
                .iter()
                .filter(|s| (s.y0 - y).abs() <= 2.0)
                .map(|s| s.x1 - s.x0)
                .sum();
            covered >= width * 0.4
        })
        .collect();
    if rows.len() < 2 {
        return (Vec::new(), glyphs);
    }
    let (top, bottom) = (rows[0], *rows.last().expect("two rows"));
    let inside = |g: &Glyph| {
        g.x + g.width / 2.0 > left && g.x < right && g.y > top && g.y - g.size * 0.3 < bottom
    };
    let (in_table, outside): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(inside);
    // Each row's cells: their left edge, glyphs, and whether a rule is over them.
    let mut grid: Vec<Vec<(f32, Vec<Glyph>, bool)>> = Vec::new();
    for band in rows.windows(2) {
        let (y0, y1) = (band[0], band[1]);
        if y1 - y0 < 4.0 {
            continue;
        }
        let mid = (y0 + y1) / 2.0;
        let mut xs = merge(
            v.iter()
                .filter(|s| s.y0 <= mid && s.y1 >= mid)
                .map(|s| s.x0)
                .collect(),
        );
        if xs.first().is_none_or(|x| *x > left + 2.0) {
            xs.insert(0, left);
        }
        if xs.last().is_none_or(|x| *x < right - 2.0) {
            xs.push(right);
        }
        let first = grid.is_empty();
        grid.push(
            xs.windows(2)
                .map(|c| {
                    let glyphs: Vec<Glyph> = in_table
                        .iter()
                        .filter(|g| {
                            let cx = g.x + g.width / 2.0;
                            cx >= c[0] && cx < c[1] && g.y > y0 && g.y - g.size * 0.3 <= y1
                        })
                        .cloned()
                        .collect();
                    let x = (c[0] + c[1]) / 2.0;
                    let ruled_above = h
                        .iter()
                        .any(|s| (s.y0 - y0).abs() <= 2.0 && s.x0 <= x && s.x1 >= x);
                    (c[0], glyphs, first || ruled_above)
                })
                .collect(),
        );
    }
    // A cell with no rule over it is the lower part of a cell merged down the rows: its lines
    // (a long name wraps on past the row) are the merged cell's, and it shows that text.
    let mut owner: Vec<Vec<(usize, usize)>> = Vec::new();
    for r in 0..grid.len() {
        let mut own = Vec::new();
        for c in 0..grid[r].len() {
            let (x0, ruled) = (grid[r][c].0, grid[r][c].2);
            let above = (r > 0 && !ruled)
                .then(|| grid[r - 1].iter().position(|a| (a.0 - x0).abs() <= 2.0))
                .flatten()
                .map(|j| owner[r - 1][j]);
            match above {
                Some((or, oc)) => {
                    let moved = std::mem::take(&mut grid[r][c].1);
                    grid[or][oc].1.extend(moved);
                    own.push((or, oc));
                }
                None => own.push((r, c)),
            }
        }
        owner.push(own);
    }
    let mut table = Table::default();
    for (r, row) in grid.iter().enumerate() {
        table.rows.push(
            row.iter()
                .enumerate()
                .map(|(c, (_, glyphs, _))| Cell {
                    paras: cell_paras(&segments(glyphs, page)),
                    merged_above: owner[r][c] != (r, c),
                })
                .collect(),
        );
    }
    (vec![Found { top, table }], outside)
}

/// The lines of a cell as paragraphs: a line that goes on with the sentence above joins it.
fn cell_paras(lines: &[Segment]) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    for l in lines {
        let joins = out.last().is_some_and(|p| {
            !kehoach_text::ends_sentence(&p.text)
                && !l.text.starts_with(['-', '+', '•'])
                && !p.text.ends_with('/')
        });
        match out.last_mut() {
            Some(p) if joins => {
                // "GDNN-" / "GDTX": a compound cut at its hyphen joins without a space.
                let cut_compound = p.text.ends_with('-')
                    && p.text[..p.text.len() - 1].ends_with(char::is_alphanumeric);
                if !cut_compound {
                    p.text.push(' ');
                }
                p.text.push_str(&l.text);
            }
            _ => {
                let mut p = Para::new(l.text.clone());
                p.bold = l.bold;
                p.size_pt = Some(l.size);
                out.push(p);
            }
        }
    }
    out
}
