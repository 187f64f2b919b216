//! Text a unit plan quotes as it is: citations of documents (Điều 8 of the decree: a document is
//! cited by its type, number and symbol, date, issuer and title), text in quotation marks and
//! proper names. The unit's own rewordings, the parent's scope cut and the capitaliser act on
//! the rest of the text; a change may take a protected span whole, never part of it.
//!
//! [`protected`] gives the spans of a text; [`Spans::allows`] says whether a change of a range
//! respects them. Every transform of an item's text asks it (one mechanism, not a list of
//! exceptions per rule).
use regex::Regex;
use std::sync::LazyLock;

/// What a protected span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// "Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ về …".
    Citation,
    /// “…”.
    Quote,
    /// Words each starting with a capital ("Thành phố Hồ Chí Minh", "Quận 1").
    Name,
}

/// A protected span: byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: SpanKind,
}

/// The protected spans of one text, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(pub Vec<Span>);

impl Spans {
    /// Whether changing `start..end` respects every span: each is left alone or taken whole.
    pub fn allows(&self, start: usize, end: usize) -> bool {
        self.0.iter().all(|s| {
            let apart = s.end <= start || s.start >= end;
            let whole = start <= s.start && s.end <= end;
            apart || whole
        })
    }

    /// Whether `at` is inside a span (not at its first byte).
    pub fn inside(&self, at: usize) -> bool {
        self.0.iter().any(|s| s.start < at && at < s.end)
    }

    /// The citations only.
    pub fn citations(&self) -> impl Iterator<Item = &Span> {
        self.0.iter().filter(|s| s.kind == SpanKind::Citation)
    }

    /// Whether a span starts at `at` (its first letter must keep its case).
    pub fn starts_at(&self, at: usize) -> bool {
        self.0.iter().any(|s| s.start == at)
    }
}

/// The types of documents as they are cited (capitalised, as Điều 8 writes them).
const CITED_TYPES: &[&str] = &[
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Kế hoạch",
    "Công văn",
    "Văn bản",
    "Thông báo",
    "Kết luận",
    "Chương trình hành động",
    "Chương trình",
    "Đề án",
    "Hướng dẫn",
    "Báo cáo",
    "Công điện",
    "Quy chế",
    "Quy định",
    "Tờ trình",
    "Phương án",
];

/// A document's number and symbol: "04/KH-UBND", "30/2020/NĐ-CP", "05-CTr/QU", "2474/UBND-NV".
const SYMBOL: &str = r"\d+(?:/\d{4})?(?:[-/]\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*)+";

/// A date as citations write it: "ngày 04 tháng 01 năm 2024", "ngày 04/01/2024".
const DATE: &str = r"ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4})";

static CITATION_START: LazyLock<Regex> = LazyLock::new(|| {
    let types = CITED_TYPES.join("|");
    Regex::new(&format!(
        r"\b(?:{types})(?:\s+(?:số|số:))?\s+{SYMBOL}(?:\s+{DATE})?"
    ))
    .expect("the citation pattern")
});

/// A law cited by its name and date: "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm
/// 2025".
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)\s+[^;:.()]{{0,160}}?{DATE}"
    ))
    .expect("the law pattern")
});

/// A law named with its year, no date: "Luật Cán bộ, công chức năm 2025", "Bộ luật Lao động
/// năm 2019", "Hiến pháp năm 2013" — the name a dozen words at most, with no word of a deadline
/// in it ("Luật Đất đai trong năm 2024" is a law and a deadline).
static LAW_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?:Bộ luật|Luật|Pháp lệnh)\s+\p{Lu}[\p{L}\p{M}]*(?:,?\s+[\p{L}\p{M}]+){0,12}?|Hiến pháp)\s+năm\s+\d{4}\b",
    )
    .expect("the law-by-year pattern")
});
const NOT_IN_A_LAWS_NAME: &[&str] = &[
    "trong", "của", "vào", "đến", "từ", "cuối", "đầu", "quý", "tháng", "và", "theo", "sau",
];

/// A standard with its year: "TCVN ISO 9001:2015", "ISO/IEC 27001:2022", "QCVN 01:2021".
static STANDARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:TCVN|QCVN|ISO)(?:[\s/](?:ISO|IEC))*\s+\d[\d.\-]*:\d{4}\b")
        .expect("the standard pattern")
});

static NEXT_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    let types = CITED_TYPES.join("|");
    Regex::new(&format!(r"^(?:{types})\b")).expect("the type pattern")
});

/// Words that start a clause of the citing sentence after a comma, not a part of the title.
const CLAUSE_STARTS: &[&str] = &[
    "nhằm",
    "đảm bảo",
    "bảo đảm",
    "trong đó",
    "theo đó",
    "cụ thể",
    "đồng thời",
    "góp phần",
    "qua đó",
    "từ đó",
    "để",
    "tạo",
    "kịp thời",
    "đúng",
    "phù hợp",
    "đạt",
    "hoàn thành",
    "chú trọng",
    "tập trung",
    "gắn với",
];

/// Where the title of a citation that starts at `from` ends: at the end of its sentence or
/// clause (";", ".", ":", a line break, a comma before a new clause or a capitalised word, the
/// next cited document, a closing bracket or quotation mark that opened before it).
fn title_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        let after = &rest[i + c.len_utf8()..];
        match c {
            ';' | ':' | '\n' | '”' | '»' => return from + i,
            '.' if after.is_empty() || after.starts_with([' ', '\n']) => return from + i,
            '(' => depth += 1,
            ')' if depth == 0 => return from + i,
            ')' => depth -= 1,
            ',' => {
                let next = after.trim_start();
                if next.is_empty() {
                    return from + i;
                }
                let starts_clause = CLAUSE_STARTS.iter().any(|w| {
                    next.starts_with(w) && !next[w.len()..].starts_with(char::is_alphanumeric)
                });
                let capital = next.chars().next().is_some_and(char::is_uppercase);
                if starts_clause
                    || (capital && !NEXT_TYPE.is_match(next))
                    || NEXT_TYPE.is_match(next)
                {
                    return from + i;
                }
            }
            ' ' if after.starts_with("và ") && NEXT_TYPE.is_match(&after[4..]) => return from + i,
            _ => {}
        }
    }
    text.len()
}

/// The citations of a text: each from its type to the end of its title.
pub fn citations(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let starts = CITATION_START
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .chain(LAW.find_iter(text).map(|m| (m.start(), m.end())));
    let mut found: Vec<(usize, usize)> = starts.collect();
    found.sort();
    for (s, head_end) in found {
        if out.last().is_some_and(|&(_, e)| s < e) {
            continue;
        }
        let end = title_end(text, head_end).max(head_end);
        let end = s + text[s..end].trim_end_matches([' ', ',', ';']).len();
        out.push((s, end));
    }
    // Laws by their year and standards: their whole name, where no citation already holds it.
    let named = LAW_YEAR
        .find_iter(text)
        .filter(|m| {
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            // (The words between the law's type and "năm".)
            let name = &words[1..words.len().saturating_sub(2)];
            !name.iter().any(|w| {
                NOT_IN_A_LAWS_NAME.contains(&w.trim_end_matches(',').to_lowercase().as_str())
            })
        })
        .chain(STANDARD.find_iter(text));
    for m in named {
        if !out.iter().any(|&(s, e)| s <= m.start() && m.end() <= e) {
            out.push((m.start(), m.end()));
        }
    }
    out.sort();
    out
}

/// Text in quotation marks, the marks included.
fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('«', '»'), ('"', '"')] {
        let mut from = 0;
        while let Some(i) = text[from..].find(open).map(|i| from + i) {
            let body = i + open.len_utf8();
            let Some(j) = text[body..].find(close).map(|j| body + j) else {
                break;
            };
            out.push((i, j + close.len_utf8()));
            from = j + close.len_utf8();
        }
    }
    out
}

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Two or more words each starting with a capital or a digit after a capitalised word.
    Regex::new(r"\p{Lu}[\p{L}\p{M}]*(?:\s+(?:\p{Lu}[\p{L}\p{M}]*|\d+\b))+")
        .expect("the name pattern")
});

/// Proper names: runs of capitalised words not at the start of a sentence ("Hồ Chí Minh", "Quận
/// 1", "Sài Gòn"); a run at the start of a sentence counts from its second word.
fn names(text: &str) -> Vec<(usize, usize)> {
    NAME.find_iter(text)
        .filter_map(|m| {
            let before = text[..m.start()].trim_end();
            let sentence_start =
                before.is_empty() || before.ends_with(['.', ':', ';', '\n', '-', '+']);
            if sentence_start {
                // "Ủy Ban …": the first word only begins the sentence.
                let first_end = m.as_str().find(char::is_whitespace)?;
                let rest = &m.as_str()[first_end..];
                let skip = rest.len() - rest.trim_start().len();
                let start = m.start() + first_end + skip;
                let second = &text[start..m.end()];
                (second.contains(char::is_whitespace)).then_some((start, m.end()))
            } else {
                Some((m.start(), m.end()))
            }
        })
        .collect()
}

/// Every protected span of a text, merged where they overlap (a citation takes the names and
/// quotes inside it).
pub fn protected(text: &str) -> Spans {
    let mut all: Vec<Span> = citations(text)
        .into_iter()
        .map(|(start, end)| Span {
            start,
            end,
            kind: SpanKind::Citation,
        })
        .chain(quotes(text).into_iter().map(|(start, end)| Span {
            start,
            end,
            kind: SpanKind::Quote,
        }))
        .chain(names(text).into_iter().map(|(start, end)| Span {
            start,
            end,
            kind: SpanKind::Name,
        }))
        .collect();
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::new();
    for s in all {
        match out.last_mut() {
            Some(last) if s.start < last.end => {
                if s.end > last.end {
                    last.end = s.end;
                }
            }
            _ => out.push(s),
        }
    }
    Spans(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<&str> {
        citations(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn a_citation_runs_from_its_type_to_the_end_of_its_title() {
        let t = "Tiếp tục triển khai Kế hoạch số 288/KH-UBND ngày 29 tháng 10 năm 2021 của Ủy ban nhân dân Quận 1 về thực hiện Chương trình tổng thể cải cách hành chính nhà nước trên địa bàn Quận 1 giai đoạn 2021 - 2030; Kế hoạch số 175/KH-UBND ngày 28 tháng 5 năm 2021 về thực hiện Chương trình.";
        assert_eq!(
            cited(t),
            [
                "Kế hoạch số 288/KH-UBND ngày 29 tháng 10 năm 2021 của Ủy ban nhân dân Quận 1 về thực hiện Chương trình tổng thể cải cách hành chính nhà nước trên địa bàn Quận 1 giai đoạn 2021 - 2030",
                "Kế hoạch số 175/KH-UBND ngày 28 tháng 5 năm 2021 về thực hiện Chương trình"
            ]
        );
        let t = "Thực hiện Quyết định số 893/QĐ-TTg ngày 25 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Đề án xây dựng cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức trong các cơ quan nhà nước, đảm bảo đúng tiến độ.";
        assert_eq!(
            cited(t),
            ["Quyết định số 893/QĐ-TTg ngày 25 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Đề án xây dựng cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức trong các cơ quan nhà nước"]
        );
    }

    #[test]
    fn symbols_of_every_shape_and_laws_by_name() {
        for (t, c) in [
            ("theo Chỉ thị số 27-CT/TU của Thành ủy và Nghị quyết số 18/NQ-HĐND của Hội đồng nhân dân Thành phố", vec!["Chỉ thị số 27-CT/TU của Thành ủy", "Nghị quyết số 18/NQ-HĐND của Hội đồng nhân dân Thành phố"]),
            ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", vec!["Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"]),
            ("Công văn số 2474/UBND-NV ngày 12/7/2023 của Ủy ban nhân dân Quận 1", vec!["Công văn số 2474/UBND-NV ngày 12/7/2023 của Ủy ban nhân dân Quận 1"]),
            ("Quyết định 282/QĐ-TTg ngày 12/02/2026.", vec!["Quyết định 282/QĐ-TTg ngày 12/02/2026"]),
        ] {
            assert_eq!(cited(t), c, "{t}");
        }
        assert!(cited("Kế hoạch công tác CCHC năm 2024 của đơn vị mình").is_empty());
    }

    #[test]
    fn laws_by_their_year_and_standards_are_names_not_deadlines() {
        for (t, c) in [
            ("Triển khai Luật Cán bộ, công chức năm 2025; quản lý cán bộ", vec!["Luật Cán bộ, công chức năm 2025"]),
            ("theo Bộ luật Lao động năm 2019 và Hiến pháp năm 2013.", vec!["Bộ luật Lao động năm 2019", "Hiến pháp năm 2013"]),
            ("Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 trong hoạt động", vec!["TCVN ISO 9001:2015"]),
            ("thực hiện Luật Ngân sách nhà nước năm 2025.", vec!["Luật Ngân sách nhà nước năm 2025"]),
        ] {
            assert_eq!(cited(t), c, "{t}");
        }
        // A law and then a deadline: the deadline is the unit's own words.
        assert!(cited("Tuyên truyền Luật Đất đai trong năm 2024").is_empty());
        assert!(cited("phổ biến Luật Đất đai đến hết năm 2024").is_empty());
    }

    #[test]
    fn a_change_takes_a_span_whole_or_leaves_it() {
        let t = "Nâng cao chất lượng phục vụ người dân, doanh nghiệp theo Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ về phê duyệt Bộ chỉ số phục vụ người dân, doanh nghiệp.";
        let spans = protected(t);
        let first = t.find("người dân, doanh nghiệp").unwrap();
        let second = t.rfind("người dân, doanh nghiệp").unwrap();
        let n = "người dân, doanh nghiệp".len();
        assert!(spans.allows(first, first + n), "the unit's own words");
        assert!(!spans.allows(second, second + n), "inside the cited title");
        let whole = t.find("theo Quyết").unwrap();
        assert!(spans.allows(whole, t.len() - 1), "the citation cut whole");
    }

    #[test]
    fn quotes_and_names_are_kept() {
        let t = "Tuyên truyền “Năm dân vận chính quyền” tại Thành phố Hồ Chí Minh và Quận 1.";
        let spans = protected(t);
        let q = t.find('“').unwrap();
        assert!(!spans.allows(q + 5, q + 10));
        let hcm = t.find("Hồ Chí").unwrap();
        assert!(!spans.allows(hcm, hcm + 3));
        assert!(spans.starts_at(t.find("Quận 1").unwrap()));
    }
}
