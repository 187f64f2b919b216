//! Markdown and plain text (a PDF or a scan converted to text). Both are read line by line: the
//! markdown reader takes each non-empty line as a paragraph and pipe tables as tables, with
//! emphasis, headings and the HTML a converter leaves (`<br>`, `<b>`, `<li>`, `<sup>`) removed;
//! the text reader joins the lines of a wrapped paragraph.
use super::blocks::{Block, Cell, Para, Source, Table};
use kehoach_model::Emphasis;
use kehoach_text::squash;
use regex::Regex;
use std::sync::LazyLock;

static SUP_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:<sup>\s*(\d+)\s*</sup>|\[\^(\w+)\]:)\s*(.*)$").unwrap());
static SUP_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<sup>\s*(\d+)\s*</sup>|\[\^(\w+)\]").unwrap());
static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new("\u{2}(\\w+)\u{3}").unwrap());
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^<>]*>").unwrap());
static BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>|</p>|<li[^>]*>|</li>").unwrap());

/// Reads markdown (as written by converters from PDF or Word).
pub fn read_markdown(src: &str) -> Source {
    let mut out = Source::default();
    let lines: Vec<&str> = src.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.starts_with('|') {
            let mut rows = Vec::new();
            while i < lines.len() && lines[i].trim().starts_with('|') {
                rows.push(lines[i].trim());
                i += 1;
            }
            out.blocks.push(Block::Table(pipe_table(&rows)));
            continue;
        }
        i += 1;
        if line.is_empty() || is_rule(line) {
            continue;
        }
        // "**KẾ HOẠCH****Thực hiện …**": two bold paragraphs glued by a converter.
        for piece in line.split("****") {
            if let Some(c) = SUP_DEF.captures(piece) {
                let key = c.get(1).or(c.get(2)).unwrap().as_str().to_string();
                out.footnotes
                    .push((key, inline(c.get(3).unwrap().as_str()).text));
                continue;
            }
            let para = inline(strip_heading(piece));
            if !para.text.is_empty() {
                out.blocks.push(Block::Para(para));
            }
        }
    }
    out
}

/// Reads plain text: paragraphs are separated by blank lines; inside one, a line that starts with
/// a label ("1.", "1.1.", "a)", "-", "+", "I.") starts a new paragraph, any other line continues
/// the one before.
pub fn read_text(src: &str) -> Source {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–+•])\s").unwrap()
    });
    let mut out = Source::default();
    let mut current: Option<String> = None;
    let flush = |current: &mut Option<String>, out: &mut Source| {
        if let Some(text) = current.take() {
            let text = squash(&text);
            if !text.is_empty() {
                out.blocks.push(Block::Para(Para::new(text)));
            }
        }
    };
    for raw in src.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        match current.as_mut() {
            Some(text) if !LABEL.is_match(line) => {
                text.push(' ');
                text.push_str(line);
            }
            _ => {
                flush(&mut current, &mut out);
                current = Some(line.to_string());
            }
        }
    }
    flush(&mut current, &mut out);
    out
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '-' | '_' | '*' | '=' | ' '))
}

fn strip_heading(line: &str) -> &str {
    line.trim_start_matches('#').trim_start()
}

/// Inline markup → a paragraph: emphasis marks, HTML tags and footnote marks removed; a
/// paragraph wholly in `**…**` is bold.
fn inline(s: &str) -> Para {
    let t = s.trim();
    let bold = t.len() > 4
        && t.starts_with("**")
        && t.ends_with("**")
        && !t[2..t.len() - 2].contains("**");
    let (text, refs) = cell_text(t, "\n");
    let mut para = Para::new(text);
    para.bold = bold;
    para.footnote_refs = refs;
    para.emphasis = emphasis(t, &para.text);
    // A paragraph wholly in one style takes it from the layout. (Bold stays as the check
    // above says: a converter bolds the first half of a heading's paragraph cut by a page
    // break, and the second half must still join it.)
    if let [only] = para.emphasis.as_slice() {
        if only.text == para.text {
            para.italic = only.italic;
            para.emphasis.clear();
        }
    }
    para
}

/// The emphasised words of a line of markdown: `***…***`, `**…**`, `*…*` and the HTML a
/// converter leaves (`<b>`, `<strong>`, `<i>`, `<em>`, `<u>`), as they read once the markup is
/// removed; words that `text` does not hold are left out.
fn emphasis(line: &str, text: &str) -> Vec<Emphasis> {
    /// A mark and what it sets: (bold, italic, underline).
    type Mark = (Regex, (bool, bool, bool));
    static MARKS: LazyLock<[Mark; 6]> = LazyLock::new(|| {
        let r = |p: &str| Regex::new(p).unwrap();
        [
            (r(r"\*\*\*([^*]+?)\*\*\*"), (true, true, false)),
            (r(r"\*\*([^*]+?)\*\*"), (true, false, false)),
            (r(r"\*([^*\s](?:[^*]*[^*\s])?)\*"), (false, true, false)),
            (
                r(r"(?i)<(?:b|strong)>(.+?)</(?:b|strong)>"),
                (true, false, false),
            ),
            (r(r"(?i)<(?:i|em)>(.+?)</(?:i|em)>"), (false, true, false)),
            (r(r"(?i)<u>(.+?)</u>"), (false, false, true)),
        ]
    });
    if !line.contains(['*', '<']) {
        return Vec::new();
    }
    let mut work = line.replace("\\*", "\u{4}");
    let mut out: Vec<Emphasis> = Vec::new();
    for (re, (bold, italic, underline)) in MARKS.iter() {
        for c in re.captures_iter(&work) {
            let words = cell_text(&c[1].replace('\u{4}', "*"), " ").0;
            if words.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && text.contains(words.as_str())
            {
                out.push(Emphasis {
                    text: words,
                    bold: *bold,
                    italic: *italic,
                    underline: *underline,
                    ..Default::default()
                });
            }
        }
        work = re.replace_all(&work, "$1").into_owned();
    }
    out
}

/// Removes markup; `<br>`, `</p>` and `<li>` become `line_break`. Returns the text and the
/// footnote marks found in it.
fn cell_text(s: &str, line_break: &str) -> (String, Vec<(String, String)>) {
    // Footnote marks become private markers before tags are stripped.
    let s = SUP_REF.replace_all(s, |c: &regex::Captures| {
        format!("\u{2}{}\u{3}", c.get(1).or(c.get(2)).unwrap().as_str())
    });
    let s = BLOCK_TAG.replace_all(&s, "\u{1}");
    let s = TAG.replace_all(&s, "");
    let s = s.replace("**", "").replace("__", "");
    // Backslash escapes of punctuation ("1\.", "a\)", "\-", "\+"): the character itself.
    static ESCAPED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\([!-/:-@\[-`{-~])").unwrap());
    let s = ESCAPED.replace_all(&s, "$1");
    let s = strip_single_emphasis(&s);
    let s = decode_entities(&s);
    // Footnote marks: remember the text before each, then drop the mark.
    let mut refs = Vec::new();
    let mut text = String::new();
    let mut last = 0;
    for c in MARK.captures_iter(&s) {
        let m = c.get(0).unwrap();
        text.push_str(&s[last..m.start()]);
        refs.push((c[1].to_string(), squash(&text.replace('\u{1}', " "))));
        last = m.end();
    }
    text.push_str(&s[last..]);
    let lines: Vec<String> = text
        .split('\u{1}')
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect();
    let text = join_wrapped(lines).join(line_break);
    // The text before a mark, in the final spacing, trimmed to a short tail.
    let refs = refs
        .into_iter()
        .map(|(k, before)| (k, tail(&before, 60)))
        .collect();
    (text, refs)
}

/// A converter breaks long cell text with `<br>` where the PDF wrapped it: a line that continues
/// a sentence (the one before has no closing punctuation, this one starts in lower case and is no
/// new point) is joined back.
///
/// A converter may also interleave the halves of a wrapped word with the next line ("Kế" /
/// "Báo cáo" / "hoạch/" for "Kế hoạch/" + "Báo cáo"): a lone word left open, then a short line
/// in lower case, are one word's halves.
fn join_wrapped(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // A line of one word, no punctuation, that the next line did not continue.
    let mut lone: Option<usize> = None;
    for line in lines {
        let lower = line
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if let (Some(d), true) = (lone, lower && line.split_whitespace().count() <= 2) {
            if d + 1 < out.len() {
                out[d].push(' ');
                out[d].push_str(&line);
                if out[d].ends_with('/') {
                    let next = out.remove(d + 1);
                    out[d].push_str(&next);
                }
                lone = None;
                continue;
            }
        }
        if let Some(prev) = out.last_mut() {
            let continues = !kehoach_text::ends_sentence(prev) && lower;
            if prev.ends_with('/') {
                prev.push_str(&line);
                continue;
            }
            if continues {
                prev.push(' ');
                prev.push_str(&line);
                continue;
            }
        }
        let one_word = !line.contains(char::is_whitespace)
            && line.chars().all(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_uppercase);
        lone = if one_word {
            Some(out.len())
        } else {
            lone.filter(|_| !lower)
        };
        out.push(line);
    }
    out
}

/// The last `n` characters of `s` (whole string if shorter).
pub(crate) fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// `*italic*` → `italic`, keeping lone asterisks that are not emphasis.
fn strip_single_emphasis(s: &str) -> String {
    static EM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\*([^*\s](?:[^*]*[^*\s])?)\*").unwrap());
    EM.replace_all(s, "$1").into_owned()
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn pipe_table(rows: &[&str]) -> Table {
    let mut table = Table::default();
    for row in rows {
        let inner = row.trim().trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let cells: Vec<&str> = inner.split('|').collect();
        if cells
            .iter()
            .all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            continue; // the |---|---| line
        }
        table.rows.push(
            cells
                .iter()
                .map(|c| {
                    let (text, _) = cell_text(c, "\n");
                    Cell {
                        paras: text.lines().map(Para::new).collect(),
                        merged_above: false,
                    }
                })
                .collect(),
        );
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(src: &Source) -> Vec<String> {
        src.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn emphasis_inside_a_paragraph_is_kept_and_a_wholly_italic_one_is_italic() {
        let p = inline(
            "Thực hiện chủ đề “*Năm dân vận*”, ***Ngày thứ bảy*** và <u>Giờ cao điểm</u>, **Phòng Nội vụ:** 2 \\* 3",
        );
        let got: Vec<(&str, bool, bool, bool)> = p
            .emphasis
            .iter()
            .map(|e| (e.text.as_str(), e.bold, e.italic, e.underline))
            .collect();
        assert_eq!(
            got,
            [
                ("Ngày thứ bảy", true, true, false),
                ("Phòng Nội vụ:", true, false, false),
                ("Năm dân vận", false, true, false),
                ("Giờ cao điểm", false, false, true),
            ]
        );
        assert!(p.text.ends_with("Phòng Nội vụ: 2 * 3"), "{}", p.text);
        let whole = inline("*(Nội dung chi tiết theo phụ lục đính kèm)*");
        assert!(whole.italic && whole.emphasis.is_empty());
    }

    #[test]
    fn the_halves_of_a_word_split_around_a_line_are_joined() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_wrapped(lines(&["Kế", "Báo cáo", "hoạch/"])),
            lines(&["Kế hoạch/Báo cáo"])
        );
        assert_eq!(
            join_wrapped(lines(&["Kế", "Công văn", "hoạch"])),
            lines(&["Kế hoạch", "Công văn"])
        );
        // A list of products stays a list.
        assert_eq!(
            join_wrapped(lines(&["Kế hoạch", "Báo cáo"])),
            lines(&["Kế hoạch", "Báo cáo"])
        );
    }

    #[test]
    fn glued_bold_paragraphs_are_split() {
        let s = read_markdown("**KẾ HOẠCH****Thực hiện công tác năm 2024**\n");
        assert_eq!(paras(&s), ["KẾ HOẠCH", "Thực hiện công tác năm 2024"]);
    }

    #[test]
    fn footnote_marks_and_definitions() {
        let s = read_markdown(
            "10.4. theo Quyết định năm 2011<sup>1</sup>.\n\n<sup>1</sup> Quyết định số 41\n",
        );
        let Block::Para(p) = &s.blocks[0] else {
            panic!()
        };
        assert_eq!(p.text, "10.4. theo Quyết định năm 2011.");
        assert_eq!(
            p.footnote_refs,
            [("1".into(), "10.4. theo Quyết định năm 2011".into())]
        );
        assert_eq!(s.footnotes, [("1".into(), "Quyết định số 41".into())]);
    }

    #[test]
    fn table_cells_keep_line_breaks() {
        let s = read_markdown(
            "| STT | Sản phẩm |\n|---|---|\n| 1.1 | <ul><li>- A;</li><li>- B.</li></ul> |\n",
        );
        let Block::Table(t) = &s.blocks[0] else {
            panic!()
        };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][1].text(), "- A;\n- B.");
    }

    #[test]
    fn text_lines_of_a_paragraph_are_joined() {
        let s =
            read_text("1. Tập trung xây dựng\nkế hoạch năm 2024.\n2. Trên cơ sở\n\nII. CHỈ TIÊU\n");
        assert_eq!(
            paras(&s),
            [
                "1. Tập trung xây dựng kế hoạch năm 2024.",
                "2. Trên cơ sở",
                "II. CHỈ TIÊU"
            ]
        );
    }
}
