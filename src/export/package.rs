//! What docx-rs 0.4.22 cannot write, added to the parts it builds: the appendix heading row that
//! repeats on every page (`w:tblHeader`), title and author in the core properties, and deflate
//! compression (docx-rs stores parts uncompressed: a 16 KB document becomes 300 KB).
use super::docx::HEADING_ROW_MARK;
use super::ExportError;
use std::io::{Cursor, Write};

/// Document metadata written to docProps/core.xml.
pub struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// W3CDTF timestamp, e.g. "2024-01-05T08:00:00Z".
    pub created: &'a str,
}

/// Builds the parts, patches them and returns the compressed .docx bytes.
pub fn package(docx: docx_rs::Docx, meta: &Meta) -> Result<Vec<u8>, ExportError> {
    let mut xml = docx.build();
    xml.document = mark_heading_rows(&xml.document);
    if !xml.footnotes.is_empty() {
        xml.footnotes = patch_footnotes(&xml.footnotes);
        xml.styles = add_footnote_styles(&xml.styles);
    }
    xml.doc_props.core = core_xml(meta).into_bytes();
    write_zip(xml)
}

/// The package's parts, as docx-rs's own `pack` names them, deflate-compressed;
/// `[Content_Types].xml` first as Word expects.
fn write_zip(xml: docx_rs::XMLDocx) -> Result<Vec<u8>, ExportError> {
    let err = |e: zip::result::ZipError| ExportError::Write(e.to_string());
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (i, h) in xml.headers.into_iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), h));
        if let Some(rels) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, f) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }
    // The writer adds no images, custom XML or task panes, which `pack` would also write.
    debug_assert!(xml.media.is_empty() && xml.custom_items.is_empty() && xml.taskpanes.is_none());
    let total: usize = parts.iter().map(|(_, d)| d.len()).sum();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(total / 5)));
    // Level 3: about a tenth larger than level 6, in about half the time.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(3));
    for (name, data) in parts {
        out.start_file(name, options).map_err(err)?;
        out.write_all(&data)
            .map_err(|e| ExportError::Write(e.to_string()))?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

/// Adds `<w:tblHeader/>` to the rows marked with the heading-row height.
pub fn mark_heading_rows(document: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(document);
    let mark = format!(r#"<w:trHeight w:val="{HEADING_ROW_MARK}" w:hRule="atLeast" />"#);
    if !s.contains(&mark) {
        return document.to_vec();
    }
    s.replace(&mark, &format!("{mark}<w:tblHeader />"))
        .into_bytes()
}

/// Word's footnote part: the separator footnotes Word expects, and each footnote's own number
/// (`w:footnoteRef`) in superscript before its text.
fn patch_footnotes(xml: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(xml);
    let number = r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#;
    let mut out = String::with_capacity(s.len() + 1024);
    let mut rest: &str = &s;
    while let Some(start) = rest.find("<w:footnote ") {
        let (head, tail) = rest.split_at(start);
        out.push_str(head);
        let end = tail
            .find("</w:footnote>")
            .map_or(tail.len(), |e| e + "</w:footnote>".len());
        let note = &tail[..end];
        let insert_at = note
            .find("</w:pPr>")
            .map(|i| i + "</w:pPr>".len())
            .or_else(|| {
                note.find("<w:p")
                    .and_then(|i| note[i..].find('>').map(|j| i + j + 1))
            });
        match insert_at {
            Some(i) => {
                out.push_str(&note[..i]);
                out.push_str(number);
                out.push_str(&note[i..]);
            }
            None => out.push_str(note),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    let separators = concat!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:separator /></w:r></w:p></w:footnote>"#,
        r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:continuationSeparator /></w:r></w:p></w:footnote>"#
    );
    if let Some(open) = out
        .find("<w:footnotes ")
        .and_then(|i| out[i..].find('>').map(|j| i + j + 1))
    {
        out.insert_str(open, separators);
    }
    out.into_bytes()
}

/// The character style that puts footnote numbers in superscript.
fn add_footnote_styles(xml: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(xml);
    if s.contains(r#"w:styleId="FootnoteReference""#) {
        return xml.to_vec();
    }
    let style = concat!(
        r#"<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference" />"#,
        r#"<w:rPr><w:vertAlign w:val="superscript" /></w:rPr></w:style>"#
    );
    s.replacen("</w:styles>", &format!("{style}</w:styles>"), 1)
        .into_bytes()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core_xml(meta: &Meta) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = escape(&clean_xml_text(meta.title)),
        author = escape(&clean_xml_text(meta.author)),
        created = escape(meta.created),
    )
}

/// Text safe for XML 1.0: control characters other than tab and newline removed.
pub fn clean_xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}
