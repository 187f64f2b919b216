//! A PDF font as the text extractor needs it: codes split from a string (one byte for simple
//! fonts, two for composite ones), each code's Unicode text (the ToUnicode map first, then the
//! font's encoding) and advance width, and whether the face is bold or italic.
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// Streams (ToUnicode maps) are never inflated beyond this.
const MAX_STREAM: usize = 8 * 1024 * 1024;

pub struct Font<'a> {
    two_byte: bool,
    to_unicode: Option<Encoding<'a>>,
    encoding: Option<Encoding<'a>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    pub bold: bool,
    pub italic: bool,
    /// The face is a TCVN3 (.VnTime) or VNI one: its codes are Latin-1 letters that stand for
    /// Vietnamese ones.
    pub legacy: Option<kehoach_text::legacy::Legacy>,
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    deref(doc, d.get(key).ok()?).as_dict().ok()
}

fn array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    deref(doc, d.get(key).ok()?).as_array().ok()
}

impl<'a> Font<'a> {
    pub fn load(doc: &'a Document, f: &'a Dictionary) -> Font<'a> {
        let two_byte = f.get(b"Subtype").and_then(Object::as_name).ok() == Some(&b"Type0"[..]);
        let descendant = two_byte
            .then(|| array(doc, f, b"DescendantFonts"))
            .flatten()
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        // The ToUnicode map wins over the encoding (lopdf prefers /Encoding when both exist).
        let to_unicode = f.get(b"ToUnicode").ok().and_then(|_| {
            let mut only_map = f.clone();
            only_map.remove(b"Encoding");
            match only_map.get_font_encoding_with_limit(doc, MAX_STREAM) {
                Ok(Encoding::UnicodeMapEncoding(m)) => Some(Encoding::UnicodeMapEncoding(m)),
                _ => None,
            }
        });
        let encoding = (!two_byte)
            .then(|| f.get_font_encoding_with_limit(doc, MAX_STREAM).ok())
            .flatten();
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(d) = descendant {
            default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Some(w) = array(doc, d, b"W") {
                read_cid_widths(doc, w, &mut widths);
            }
        } else if let Some(w) = array(doc, f, b"Widths") {
            let first = f.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
            for (i, o) in w.iter().enumerate() {
                if let Some(n) = number(deref(doc, o)) {
                    widths.insert(first + i as u32, n);
                }
            }
            default_width = 500.0;
        }
        let base = |d: &Dictionary| {
            d.get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).to_lowercase())
                .unwrap_or_default()
        };
        let name = format!("{} {}", base(f), descendant.map(base).unwrap_or_default());
        // "ABCDEF+.VnTimeH": the subset prefix is not the font's name.
        let legacy = f
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .and_then(|n| {
                let face = n.split_once('+').map_or(n.as_str(), |(_, f)| f).to_string();
                kehoach_text::legacy::Legacy::of_font(&face)
            });
        let descriptor = dict(doc, descendant.unwrap_or(f), b"FontDescriptor");
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(number)
            .unwrap_or(0.0) as u32;
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(0.0);
        Font {
            two_byte,
            to_unicode,
            encoding,
            widths,
            default_width,
            bold: name.contains("bold")
                || name.contains("heavy")
                || name.contains("black")
                || weight >= 600.0
                || flags & (1 << 18) != 0,
            italic: name.contains("italic") || name.contains("oblique") || flags & (1 << 6) != 0,
            legacy,
        }
    }

    /// A composite font: two bytes per code (word spacing never applies).
    pub fn two_byte(&self) -> bool {
        self.two_byte
    }

    /// The codes of a string, each with its text and advance width (thousandths of an em).
    pub fn decode(&self, bytes: &[u8]) -> Vec<(u32, String, f32)> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|c| {
                let code = c.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|e| e.bytes_to_string(c).ok())
                    .filter(|s| !s.is_empty() && !s.contains('\u{FFFD}'))
                    .or_else(|| {
                        self.encoding
                            .as_ref()
                            .and_then(|e| e.bytes_to_string(c).ok())
                    })
                    .unwrap_or_default();
                // A TCVN3 or VNI face draws its letter at the code itself, whatever the encoding
                // or ToUnicode map call it (WinAnsi names 0xAD, TCVN3's "ư", a hyphen).
                let text = match self.legacy {
                    Some(l) if !self.two_byte => {
                        let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(c);
                        l.decode_glyph(&latin)
                    }
                    Some(l) => l.decode_glyph(&text),
                    None => text,
                };
                let width = self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width);
                (code, text, width)
            })
            .collect()
    }
}

/// A CIDFont's /W array: `c [w1 w2 …]` or `c_first c_last w`.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(deref(doc, &w[i])) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65536) {
                    if let Some(n) = number(deref(doc, o)) {
                        out.insert(first as u32 + k as u32, n);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) =
                    (number(o), w.get(i + 2).and_then(|x| number(deref(doc, x))))
                else {
                    break;
                };
                let (first, last) = (first as u32, (last as u32).min(first as u32 + 65535));
                for c in first..=last {
                    out.insert(c, width);
                }
                i += 3;
            }
            None => break,
        }
    }
}
