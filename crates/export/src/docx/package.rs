//! The package around document.xml: styles (Times New Roman in all four font slots, the body
//! size), settings (footnote separators, Word 2013+ compatibility), the page-number header, the
//! footnotes, fonts, the theme, relationships, content types and the document's properties (title,
//! author, dates), deflate-compressed with `[Content_Types].xml` first.
use super::xml::esc;
use super::HEADER_RID;
use crate::ExportError;
use kehoach_layout::Document;
use kehoach_nd30::size;
use std::io::{Cursor, Write};

/// Document metadata written to docProps/core.xml.
pub struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// W3CDTF timestamp, e.g. "2024-01-05T08:00:00Z".
    pub created: &'a str,
}

const FONT: &str = "Times New Roman";
/// The theme Word requires of a document part (Office 2019 schemas): Office colours, Times New
/// Roman as both theme fonts, the minimal format scheme.
const THEME: &str = include_str!("theme1.xml");
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub fn package(document: &str, doc: &Document, meta: &Meta) -> Result<Vec<u8>, ExportError> {
    let footnotes = !doc.footnotes.is_empty();
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(footnotes)),
        ("_rels/.rels", root_rels()),
        ("docProps/core.xml", core_xml(meta)),
        ("docProps/app.xml", app_xml()),
        ("word/_rels/document.xml.rels", document_rels(footnotes)),
        ("word/document.xml", document.to_string()),
        ("word/styles.xml", styles(doc.layout.body_pt)),
        ("word/settings.xml", settings(footnotes)),
        ("word/fontTable.xml", font_table()),
        ("word/header1.xml", page_number_header()),
        ("word/theme/theme1.xml", THEME.to_string()),
    ];
    if footnotes {
        parts.push(("word/footnotes.xml", footnotes_xml(&doc.footnotes)));
    }
    let err = |_: zip::result::ZipError| ExportError::Write("lỗi khi nén các phần của tệp".into());
    let total: usize = parts.iter().map(|(_, d)| d.len()).sum();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(total / 5)));
    // Level 3: about a tenth larger than level 6, in about half the time.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(3));
    for (name, data) in parts {
        out.start_file(name, options).map_err(err)?;
        out.write_all(data.as_bytes())
            .map_err(|_| ExportError::Write("lỗi khi nén các phần của tệp".into()))?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

fn content_types(footnotes: bool) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut s = format!(
        concat!(
            "{decl}",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>"#,
            r#"<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>"#,
            r#"<Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/>"#,
            r#"<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>"#,
            r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        ),
        decl = XML_DECL,
        wml = wml
    );
    if footnotes {
        s.push_str(&format!(
            r#"<Override PartName="/word/footnotes.xml" ContentType="{wml}.footnotes+xml"/>"#
        ));
    }
    s.push_str("</Types>");
    s
}

fn root_rels() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        decl = XML_DECL,
        rel = REL
    )
}

fn document_rels(footnotes: bool) -> String {
    let mut s = format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rIdStyles" Type="{rel}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdSettings" Type="{rel}/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="rIdFonts" Type="{rel}/fontTable" Target="fontTable.xml"/>"#,
            r#"<Relationship Id="{header}" Type="{rel}/header" Target="header1.xml"/>"#,
            r#"<Relationship Id="rIdTheme" Type="{rel}/theme" Target="theme/theme1.xml"/>"#,
        ),
        decl = XML_DECL,
        rel = REL,
        header = HEADER_RID
    );
    if footnotes {
        s.push_str(&format!(
            r#"<Relationship Id="rIdFootnotes" Type="{REL}/footnotes" Target="footnotes.xml"/>"#
        ));
    }
    s.push_str("</Relationships>");
    s
}

fn styles(body_pt: u32) -> String {
    let sz = body_pt * 2;
    format!(
        concat!(
            "{decl}",
            r#"<w:styles xmlns:w="{w}"><w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/>"#,
            r#"<w:color w:val="000000"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="{fn_sz}"/><w:szCs w:val="{fn_sz}"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>"#,
            "</w:styles>"
        ),
        decl = XML_DECL,
        w = W_NS,
        f = FONT,
        sz = sz,
        fn_sz = 24
    )
}

fn settings(footnotes: bool) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:settings xmlns:w="{w}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/>{notes}"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            "</w:settings>"
        ),
        decl = XML_DECL,
        w = W_NS,
        notes = if footnotes {
            r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
        } else {
            ""
        }
    )
}

fn font_table() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:fonts xmlns:w="{w}"><w:font w:name="{f}"><w:panose1 w:val="02020603050405020304"/>"#,
            r#"<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
        ),
        decl = XML_DECL,
        w = W_NS,
        f = FONT
    )
}

/// The page number, centred in the header (13–14 pt), as a PAGE field.
fn page_number_header() -> String {
    let sz = size::PAGE_NUMBER * 2;
    let rpr = format!(r#"<w:rPr><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>"#);
    format!(
        concat!(
            "{decl}",
            r#"<w:hdr xmlns:w="{w}" xmlns:r="{r}"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r>{rpr}<w:t>2</w:t></w:r>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#
        ),
        decl = XML_DECL,
        w = W_NS,
        r = R_NS,
        rpr = rpr
    )
}

/// The separators Word expects, then each footnote with its own number in superscript.
fn footnotes_xml(notes: &[String]) -> String {
    let mut s = format!(
        concat!(
            "{decl}",
            r#"<w:footnotes xmlns:w="{w}" xmlns:r="{r}">"#,
            r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"#,
            r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
        ),
        decl = XML_DECL,
        w = W_NS,
        r = R_NS
    );
    for (i, text) in notes.iter().enumerate() {
        s.push_str(&format!(
            concat!(
                r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>"#,
                r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"#,
                r#"<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>"#
            ),
            id = i + 1,
            text = esc(text)
        ));
    }
    s.push_str("</w:footnotes>");
    s
}

fn app_xml() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            r#"<Application>Kế hoạch CCHC</Application></Properties>"#
        ),
        decl = XML_DECL
    )
}

fn core_xml(meta: &Meta) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"#,
            r#"<cp:revision>1</cp:revision>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#
        ),
        decl = XML_DECL,
        title = esc(meta.title),
        author = esc(meta.author),
        created = esc(meta.created),
    )
}
