//! The zip around the XML parts, read with limits checked before anything is parsed: parts
//! larger than [`MAX_ENTRY_BYTES`], compressed more than [`MAX_RATIO`] times, too many parts,
//! XML nested too deep; and the same zip with one part replaced.
use crate::ImportError;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

/// Larger uncompressed parts are refused (a "zip bomb").
pub const MAX_ENTRY_BYTES: u64 = 100 * 1024 * 1024;
/// Parts that expand more than this many times are refused.
pub const MAX_RATIO: u64 = 100;
/// XML nested deeper than this is refused (no real document comes close).
pub const MAX_XML_DEPTH: usize = 256;
const MAX_ENTRIES: usize = 5000;
/// All the XML read from one file together (a long plan's document.xml is a few MB).
const MAX_XML_TOTAL: u64 = 64 * 1024 * 1024;

/// Parts no plan's text is in, never unpacked: charts, diagrams, embedded files, the building
/// blocks of a template, custom XML data.
fn unread(name: &str) -> bool {
    const SKIPPED: [&str; 6] = [
        "word/charts/",
        "word/diagrams/",
        "word/embeddings/",
        "word/glossary/",
        "customXml/",
        "word/media/",
    ];
    SKIPPED.iter().any(|p| name.starts_with(p))
        || !(name.ends_with(".xml") || name.ends_with(".rels"))
}

/// Reads every part of the zip, refusing what no real .docx has: parts larger than
/// [`MAX_ENTRY_BYTES`], parts compressed more than [`MAX_RATIO`] times, too many parts.
pub(crate) fn unzip_checked(bytes: &[u8]) -> Result<HashMap<String, Vec<u8>>, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::CorruptDocx(zip_reason(&e)))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ImportError::Suspicious(format!("{} phần", zip.len())));
    }
    if let Some(name) = listed_twice(bytes) {
        return Err(ImportError::Suspicious(format!("hai phần cùng tên {name}")));
    }
    let mut parts = HashMap::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| ImportError::CorruptDocx(zip_reason(&e)))?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > MAX_ENTRY_BYTES {
            return Err(ImportError::Suspicious(format!(
                "phần {} giải nén ra {} MB",
                entry.name(),
                size / (1024 * 1024)
            )));
        }
        if size > 64 * 1024 && size / packed > MAX_RATIO {
            return Err(ImportError::Suspicious(format!(
                "phần {} nén {} lần",
                entry.name(),
                size / packed
            )));
        }
        let name = entry.name().to_string();
        if unread(&name) {
            continue;
        }
        // The header's sizes may lie: what is read is bounded by the compressed size the file
        // really has, and by what is left of the budget for all parts.
        let limit = packed
            .saturating_mul(MAX_RATIO)
            .clamp(64 * 1024, MAX_ENTRY_BYTES)
            .min(MAX_XML_TOTAL - total);
        let mut data = Vec::with_capacity(size.min(limit) as usize);
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|_| ImportError::CorruptDocx(format!("không giải nén được phần {name}")))?;
        if data.len() as u64 > limit {
            return Err(ImportError::Suspicious(format!(
                "phần {name} giải nén ra nhiều hơn tệp khai báo"
            )));
        }
        total += data.len() as u64;
        parts.insert(name, data);
    }
    Ok(parts)
}

/// A part name the zip's central directory lists twice (names compared as OPC does, without
/// case). The zip reader keeps the last entry of a name, Word may show the first: a second
/// `word/document.xml` could hide another text behind the one the user sees. None when the
/// directory cannot be walked (the zip reader then says what is wrong).
fn listed_twice(bytes: &[u8]) -> Option<String> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const ENTRY: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    // The end record: 22 bytes and a comment of at most 64 KB, at the end of the file.
    let last = bytes.len().checked_sub(22)?;
    let end = (last.saturating_sub(65_535)..=last)
        .rev()
        .find(|&i| bytes[i..i + 4] == END)?;
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)?;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..count.min(MAX_ENTRIES + 1) {
        if bytes.get(at..at + 4)? != ENTRY {
            return None;
        }
        let (name_len, extra, comment) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_len)?);
        let key = name.replace('\\', "/").to_lowercase();
        if !seen.insert(key) {
            return Some(name.into_owned());
        }
        at += 46 + name_len + extra + comment;
    }
    None
}

pub(super) fn zip_reason(e: &zip::result::ZipError) -> String {
    match e {
        zip::result::ZipError::InvalidArchive(_) => "tệp nén bị hỏng".into(),
        zip::result::ZipError::UnsupportedArchive(_) => "kiểu nén không được hỗ trợ".into(),
        zip::result::ZipError::FileNotFound => "thiếu một phần của tệp".into(),
        _ => "tệp nén không đọc được".into(),
    }
}

/// Refuses a part that is not whole, well-formed XML — cut short, a tag left open or closed
/// wrongly, nested deeper than [`MAX_XML_DEPTH`], or with a DTD (no Word part has one; it is
/// how entity bombs are made). docx-rs loops for ever on some malformed parts, so nothing
/// reaches it before every part has passed.
pub(super) fn check_xml(name: &str, xml: &[u8]) -> Result<String, ImportError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    // Elements seen at the top: a part is one root element (docx-rs loops for ever on an empty
    // styles.xml).
    let mut roots = 0usize;
    let mut root = String::new();
    let broken = |at: u64| {
        ImportError::CorruptDocx(format!(
            "phần {name} không phải XML hoàn chỉnh (hỏng hoặc bị cắt ngang ở byte {at})"
        ))
    };
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                    root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                }
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(ImportError::Suspicious(format!(
                        "XML của {name} lồng sâu hơn {MAX_XML_DEPTH} tầng"
                    )));
                }
            }
            Ok(Event::End(_)) => {
                if depth == 0 {
                    return Err(broken(reader.buffer_position()));
                }
                depth -= 1;
            }
            Ok(Event::DocType(_)) => {
                return Err(ImportError::Suspicious(format!(
                    "khai báo DTD trong {name}"
                )))
            }
            Ok(Event::Empty(e)) if depth == 0 => {
                roots += 1;
                root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            }
            Ok(Event::Eof) if depth == 0 && roots == 1 => return Ok(root),
            Ok(Event::Eof) if depth == 0 && roots == 0 => {
                return Err(ImportError::CorruptDocx(format!(
                    "phần {name} rỗng, không có nội dung XML"
                )))
            }
            Ok(Event::Eof) => return Err(broken(reader.buffer_position())),
            Ok(_) => {}
            Err(_) => return Err(broken(reader.error_position())),
        }
        buf.clear();
    }
}

/// The root element each part a reader reads must have, by the relationship that names it:
/// docx-rs reads a part by its relationship and loops for ever when the root is not the one it
/// expects (a relationships part whose root is `<w:styles>`, a styles part whose root is `<a/>`).
const ROOTS: [(&str, &str); 12] = [
    ("/officeDocument", "document"),
    ("/styles", "styles"),
    ("/numbering", "numbering"),
    ("/settings", "settings"),
    ("/footnotes", "footnotes"),
    ("/endnotes", "endnotes"),
    ("/comments", "comments"),
    ("/theme", "theme"),
    ("/fontTable", "fonts"),
    ("/webSettings", "webSettings"),
    ("/header", "hdr"),
    ("/footer", "ftr"),
];

/// Checks every part's root: relationships parts are `Relationships`, the content types
/// `Types`, and each part a relationship names has the root its type calls for. `roots` maps
/// each part to its root's local name (from [`check_xml`]).
pub(super) fn check_roots(
    parts: &HashMap<String, Vec<u8>>,
    roots: &HashMap<String, String>,
) -> Result<(), ImportError> {
    let wrong = |name: &str, root: &str| {
        ImportError::CorruptDocx(format!(
            "phần {name} không đúng loại (phần tử gốc <{root}>)"
        ))
    };
    for (name, root) in roots {
        let expected = if name.ends_with(".rels") {
            "Relationships"
        } else if name == "[Content_Types].xml" {
            "Types"
        } else {
            continue;
        };
        if root != expected {
            return Err(wrong(name, root));
        }
    }
    for (rels, xml) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        // "word/_rels/document.xml.rels" names targets relative to "word/"; "_rels/.rels" to "".
        let base = rels.rsplit_once("_rels/").map(|(dir, _)| dir).unwrap_or("");
        for (kind, target, external) in relationships(xml) {
            let Some((_, root)) = ROOTS.iter().find(|(k, _)| kind.ends_with(k)) else {
                continue;
            };
            // A part the document needs (its body, styles, numbering…) taken from outside the
            // file — a web address or a shared folder — is never fetched.
            if external || target.contains("://") || target.starts_with("\\\\") {
                return Err(ImportError::Suspicious(format!(
                    "một phần của văn bản lấy từ ngoài tệp, tại {target}"
                )));
            }
            let path = resolve(base, &target);
            match roots.get(&path) {
                Some(found) if found != root => return Err(wrong(&path, found)),
                Some(_) => {}
                // docx-rs reads a missing part as empty and loops for ever on it.
                None => {
                    return Err(ImportError::CorruptDocx(format!(
                        "thiếu phần {path} mà {rels} trỏ tới"
                    )))
                }
            }
        }
    }
    Ok(())
}

/// (Type, Target, whether it is outside the file) of each relationship of a relationships part.
fn relationships(xml: &[u8]) -> Vec<(String, String, bool)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let attr = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                if let (Some(kind), Some(target)) = (attr(b"Type"), attr(b"Target")) {
                    let external = attr(b"TargetMode").as_deref() == Some("External");
                    out.push((kind, target, external));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// A relationship's target as a part name: relative to `base`, or absolute from the root ("/").
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for piece in joined.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// A zip (stored) of the given parts only, in name order: what docx-rs reads, so that it sees
/// no part that was not checked — no image whose header lies about its size, no XML that was
/// not parsed once.
pub(super) fn zip_parts(parts: &HashMap<String, Vec<u8>>) -> Result<Vec<u8>, ImportError> {
    let bad = |e: zip::result::ZipError| ImportError::CorruptDocx(zip_reason(&e));
    let mut names: Vec<&String> = parts.keys().collect();
    names.sort();
    let total: usize = parts.values().map(Vec::len).sum();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(total + 4096)));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in names {
        out.start_file(name.as_str(), options).map_err(bad)?;
        out.write_all(&parts[name])
            .map_err(|_| ImportError::CorruptDocx("không ghép lại được các phần của tệp".into()))?;
    }
    Ok(out.finish().map_err(bad)?.into_inner())
}
