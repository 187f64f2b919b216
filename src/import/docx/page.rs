//! The page set-up of a .docx as written — sections with their size, margins and first-page
//! setting, whether a header holds a PAGE field, the fonts its text is set in — for the checker.
use crate::import::blocks::{PageFormat, Section};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static PG_SZ: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgSz\b[^>]*>").unwrap());
static PG_MAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgMar\b[^>]*>").unwrap());
static SECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<w:sectPr\b.*?</w:sectPr>").unwrap());
static FONTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:rFonts\b[^>]*\bw:(?:ascii|hAnsi)="([^"]+)""#).unwrap());
static THEME_FONTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:rFonts\b[^>]*\bw:asciiTheme="#).unwrap());

fn attr(tag: &str, name: &str) -> Option<i64> {
    let re = Regex::new(&format!(r#"\bw:{name}="(-?\d+)""#)).ok()?;
    re.captures(tag)?.get(1)?.as_str().parse().ok()
}

pub fn page_format(parts: &HashMap<String, Vec<u8>>) -> PageFormat {
    let text = |name: &str| {
        parts
            .get(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    let document = text("word/document.xml");
    let styles = text("word/styles.xml");
    let sections = SECT
        .find_iter(&document)
        .map(|m| {
            let s = m.as_str();
            let size = PG_SZ.find(s).map(|m| m.as_str()).unwrap_or("");
            let mar = PG_MAR.find(s).map(|m| m.as_str()).unwrap_or("");
            let title_pg = s.contains("<w:titlePg")
                && !s.contains(r#"<w:titlePg w:val="0""#)
                && !s.contains(r#"<w:titlePg w:val="false""#);
            Section {
                width: attr(size, "w").unwrap_or(0),
                height: attr(size, "h").unwrap_or(0),
                margins: [
                    attr(mar, "top").unwrap_or(0),
                    attr(mar, "bottom").unwrap_or(0),
                    attr(mar, "left").unwrap_or(0),
                    attr(mar, "right").unwrap_or(0),
                ],
                title_pg,
            }
        })
        .collect();
    let page_field_in_header = parts.iter().any(|(name, data)| {
        name.starts_with("word/header") && String::from_utf8_lossy(data).contains("PAGE")
    });
    let mut fonts: Vec<String> = FONTS
        .captures_iter(&document)
        .chain(FONTS.captures_iter(&styles))
        .map(|c| c[1].to_string())
        .collect();
    fonts.dedup();
    let theme_fonts =
        THEME_FONTS.is_match(&styles) && !fonts.iter().any(|f| f == "Times New Roman");
    PageFormat {
        sections,
        page_field_in_header,
        fonts,
        theme_fonts,
    }
}
