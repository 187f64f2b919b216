//! A document's lines as printed, each with the runs it is set in: a paragraph split at its soft
//! line breaks (Shift+Enter), and in the header also at tabs (a left and a right column typed on
//! one line). Formatting rules look at lines, so that a header cell, a Nơi nhận list or a
//! signature typed as one paragraph is checked line by line.
use kehoach_import::blocks::{Para, RunFormat};

/// One printed line.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    /// The runs with text; empty when the reader knows no formatting (markdown, plain text).
    pub runs: Vec<RunFormat>,
    /// Which paragraph of the document it is in.
    pub para: usize,
}

impl Line {
    fn shown(&self) -> impl Iterator<Item = &RunFormat> {
        self.runs.iter().filter(|r| !r.text.trim().is_empty())
    }

    /// Whether formatting is known.
    pub fn formatted(&self) -> bool {
        self.shown().next().is_some()
    }

    pub fn bold(&self) -> bool {
        self.formatted() && self.shown().all(|r| r.bold)
    }

    pub fn italic(&self) -> bool {
        self.formatted() && self.shown().all(|r| r.italic)
    }

    /// Whether some of the text is bold (or italic): a line that should be regular.
    pub fn any_bold(&self) -> bool {
        self.shown().any(|r| r.bold)
    }

    pub fn any_italic(&self) -> bool {
        self.shown().any(|r| r.italic)
    }

    /// The sizes its text is set in, smallest and largest (points).
    pub fn sizes(&self) -> Option<(f32, f32)> {
        self.shown().filter_map(|r| r.size_pt).fold(None, |acc, s| {
            Some(acc.map_or((s, s), |(lo, hi): (f32, f32)| (lo.min(s), hi.max(s))))
        })
    }

    /// What is wrong with its size, when it is set outside `lo..=hi` points ("cỡ 14 pt, cần
    /// 13 pt").
    pub fn size_outside(&self, lo: f32, hi: f32) -> Option<String> {
        let (min, max) = self.sizes()?;
        if min >= lo - 0.01 && max <= hi + 0.01 {
            return None;
        }
        let got = if (max - min).abs() < 0.01 {
            pt(max)
        } else {
            format!("{}–{}", pt(min), pt(max))
        };
        let want = if (hi - lo).abs() < 0.01 {
            pt(lo)
        } else {
            format!("{}–{}", pt(lo), pt(hi))
        };
        Some(format!("cỡ chữ {got} pt, cần {want} pt"))
    }
}

/// A size as Vietnamese write it: "13", "10,5".
pub fn pt(v: f32) -> String {
    if (v - v.round()).abs() < 0.01 {
        format!("{}", v.round() as i32)
    } else {
        format!("{v:.1}").replace('.', ",")
    }
}

/// The lines of paragraphs: split at soft line breaks, and at tabs when `tabs` is set.
pub fn lines(paras: &[Para], tabs: bool) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let Some(format) = &p.format else {
            for l in p.text.split('\n').filter(|l| !l.trim().is_empty()) {
                out.push(Line {
                    text: l.trim().to_string(),
                    runs: Vec::new(),
                    para: i,
                });
            }
            continue;
        };
        let before = out.len();
        for runs in format.lines() {
            let columns = if tabs {
                split_at_tabs(runs)
            } else {
                vec![runs]
            };
            for runs in columns {
                let text =
                    kehoach_text::squash(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
                if !text.is_empty() {
                    out.push(Line {
                        text,
                        runs,
                        para: i,
                    });
                }
            }
        }
        // A label from Word's numbering is not in the runs: it goes before the first line.
        if let (Some(label), Some(first)) = (&p.numbered, out.get_mut(before)) {
            if !label.is_empty() {
                first.text = format!("{label} {}", first.text);
            }
        }
        if out.len() == before && !p.text.trim().is_empty() {
            out.push(Line {
                text: p.text.clone(),
                runs: Vec::new(),
                para: i,
            });
        }
    }
    out
}

/// Runs split where a tab separates two columns of text.
fn split_at_tabs(runs: Vec<RunFormat>) -> Vec<Vec<RunFormat>> {
    let mut columns: Vec<Vec<RunFormat>> = vec![Vec::new()];
    for r in runs {
        for (i, piece) in r.text.split('\t').enumerate() {
            if i > 0 && columns.last().is_some_and(|c| !c.is_empty()) {
                columns.push(Vec::new());
            }
            if !piece.trim().is_empty() {
                columns.last_mut().unwrap().push(RunFormat {
                    text: piece.to_string(),
                    ..r.clone()
                });
            }
        }
    }
    columns.retain(|c| !c.is_empty());
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_import::blocks::ParaFormat;

    fn run(text: &str, bold: bool, size: f32) -> RunFormat {
        RunFormat {
            text: text.into(),
            bold,
            size_pt: Some(size),
            ..Default::default()
        }
    }

    #[test]
    fn soft_breaks_and_tabs_make_lines_with_their_own_runs() {
        let p = Para {
            text: "Nơi nhận:\n- Như trên;".into(),
            format: Some(Box::new(ParaFormat {
                runs: vec![
                    run("Nơi nhận:", true, 12.0),
                    run("\n- Như trên;", false, 11.0),
                ],
                ..Default::default()
            })),
            ..Default::default()
        };
        let l = lines(&[p], false);
        assert_eq!(l.len(), 2);
        assert!(l[0].bold() && l[0].size_outside(12.0, 12.0).is_none());
        assert!(!l[1].bold() && l[1].size_outside(11.0, 11.0).is_none());
        let p = Para {
            text: "Số: 04/KH-UBND An Phú, ngày 06 tháng 01 năm 2027".into(),
            format: Some(Box::new(ParaFormat {
                runs: vec![
                    run("Số: 04/KH-UBND\t\t", false, 13.0),
                    run("An Phú, ngày 06 tháng 01 năm 2027", false, 14.0),
                ],
                ..Default::default()
            })),
            ..Default::default()
        };
        let l = lines(&[p], true);
        assert_eq!(l.len(), 2, "{l:?}");
        assert_eq!(l[1].text, "An Phú, ngày 06 tháng 01 năm 2027");
        assert_eq!(
            l[1].size_outside(13.0, 13.0).as_deref(),
            Some("cỡ chữ 14 pt, cần 13 pt")
        );
    }
}
