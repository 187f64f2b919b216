//! The page set-up of a .docx as written — sections with their size, margins and first-page
//! setting, whether a header holds a PAGE field — for the checker; and the theme's fonts, which
//! text that names no font of its own is set in.
use crate::blocks::{PageFormat, Section};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static PG_SZ: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgSz\b[^>]*>").unwrap());
static PG_MAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:pgMar\b[^>]*>").unwrap());
static SECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<w:sectPr\b.*?</w:sectPr>").unwrap());
static THEME_FONT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<a:(major|minor)Font>.*?<a:latin\b[^>]*\btypeface="([^"]*)""#).unwrap()
});

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
    PageFormat {
        sections,
        page_field_in_header,
        fonts: Vec::new(),
    }
}

/// The theme's (major, minor) Latin fonts, from the first theme part.
pub fn theme_fonts(parts: &HashMap<String, Vec<u8>>) -> (Option<String>, Option<String>) {
    let Some(theme) = parts
        .iter()
        .filter(|(name, _)| name.starts_with("word/theme/"))
        .min_by_key(|(name, _)| name.as_str())
        .map(|(_, data)| String::from_utf8_lossy(data))
    else {
        return (None, None);
    };
    let mut fonts = (None, None);
    for c in THEME_FONT.captures_iter(&theme) {
        let face = Some(c[2].to_string()).filter(|f| !f.is_empty());
        match &c[1] {
            "major" => fonts.0 = fonts.0.or(face),
            _ => fonts.1 = fonts.1.or(face),
        }
    }
    fonts
}

/// The id of the default paragraph style: the `w:style` of type paragraph marked `w:default`
/// (docx-rs does not keep the mark, so it is read from the styles part itself).
pub fn default_paragraph_style(parts: &HashMap<String, Vec<u8>>) -> Option<String> {
    let xml = String::from_utf8_lossy(parts.get("word/styles.xml")?);
    STYLE_TAG.find_iter(&xml).find_map(|tag| {
        let attr = |name: &str| {
            STYLE_ATTR
                .captures_iter(tag.as_str())
                .find(|c| &c[1] == name)
                .map(|c| c[2].to_string())
        };
        let default = attr("default").is_some_and(|d| d == "1" || d == "true" || d == "on");
        (default && attr("type").as_deref() == Some("paragraph")).then(|| attr("styleId"))?
    })
}

static STYLE_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<w:style\b[^>]*>").unwrap());
static STYLE_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"w:(\w+)\s*=\s*"([^"]*)""#).unwrap());
