//! Footnotes, which docx-rs does not read: their texts from footnotes.xml, and their marks in
//! document.xml turned into private markers in the text before docx-rs reads it.
use super::{MARK_CLOSE, MARK_OPEN};
use kehoach_text::squash;
use quick_xml::events::Event;

/// The footnotes' texts by id (separators skipped).
pub(super) fn footnote_texts(xml: &[u8]) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"footnote" => {
                let mut id = String::new();
                let mut special = false;
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref() {
                        b"id" => id = String::from_utf8_lossy(&a.value).into_owned(),
                        b"type" => special = true,
                        _ => {}
                    }
                }
                current = (!special).then_some((id, String::new()));
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"t" => in_text = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"t" => in_text = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"p" => {
                if let Some((_, text)) = current.as_mut() {
                    text.push(' ');
                }
            }
            Ok(Event::Text(t)) if in_text => {
                if let (Some((_, text)), Ok(s)) = (current.as_mut(), t.unescape()) {
                    text.push_str(&s);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"footnote" => {
                if let Some((id, text)) = current.take() {
                    let text = squash(&text);
                    if !text.is_empty() {
                        out.push((id, text));
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// `<w:footnoteReference w:id="3"/>` → `<w:t>\u{E000}3\u{E001}</w:t>`.
pub(super) fn mark_footnote_refs(xml: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(xml);
    let re = regex::Regex::new(r#"<w:footnoteReference\b[^>]*?w:id="(-?\d+)"[^>]*?/>"#).unwrap();
    re.replace_all(&s, |c: &regex::Captures| {
        format!("<w:t>{MARK_OPEN}{}{MARK_CLOSE}</w:t>", &c[1])
    })
    .into_owned()
    .into_bytes()
}
