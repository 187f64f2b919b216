//! What PDF viewers read and lopdf drops: a page's content stream whose /Length is wrong — a
//! reference to the stream itself, a number larger than the file — comes back empty. Poppler
//! and Acrobat read such a stream from its `stream` keyword to its `endstream`; so does this.
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// The page's content read from the file's own bytes, when lopdf gave none; at most `limit`
/// bytes once inflated (the page's budget).
pub fn page_content(doc: &Document, file: &[u8], page: ObjectId, limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for id in doc.get_page_contents(page) {
        let (dict_text, raw) = raw_stream(file, id)?;
        let mut dict = match doc.get_object(id) {
            Ok(Object::Stream(s)) => s.dict.clone(),
            _ => Dictionary::new(),
        };
        dict.remove(b"Length");
        if !dict.has(b"Filter") && contains(dict_text, b"/FlateDecode") {
            dict.set("Filter", "FlateDecode");
        }
        let stream = Stream::new(dict, raw.to_vec());
        let data = stream
            .get_plain_content_with_limit(limit.saturating_sub(out.len()))
            .ok()?;
        out.extend_from_slice(&data);
        out.push(b'\n');
    }
    out.iter().any(|b| !b.is_ascii_whitespace()).then_some(out)
}

/// The dictionary's text and the data of object `id` as written in the file (its last
/// definition: an incremental update appends a newer one).
fn raw_stream(file: &[u8], id: ObjectId) -> Option<(&[u8], &[u8])> {
    let head = format!("{} {} obj", id.0, id.1);
    let head = head.as_bytes();
    let at = (0..file.len().checked_sub(head.len())? + 1)
        .rev()
        .find(|&i| file[i..].starts_with(head) && (i == 0 || file[i - 1].is_ascii_whitespace()))?;
    let object = &file[at + head.len()..];
    let object = &object[..find(object, b"endobj").unwrap_or(object.len())];
    let keyword = find(object, b"stream")?;
    let mut start = keyword + b"stream".len();
    if object[start..].starts_with(b"\r\n") {
        start += 2;
    } else if object[start..].starts_with(b"\n") || object[start..].starts_with(b"\r") {
        start += 1;
    }
    let end = rfind(object, b"endstream")?;
    let data = &object[start..end.max(start)];
    let data = data.strip_suffix(b"\n").unwrap_or(data);
    let data = data.strip_suffix(b"\r").unwrap_or(data);
    Some((&object[..keyword], data))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}
