//! The body as it prints, before docx-rs reads it: tracked changes accepted (insertions and
//! moves kept, deletions and the old side of a move left out, a deleted table row gone), text
//! boxes read (their paragraphs put before the paragraph that anchors them), and the wrappers
//! docx-rs does not look into unwrapped — content controls, Office 2010 alternatives (the first
//! choice kept, its fallback copy dropped), smart tags, custom XML, simple fields, bidi runs.
//!
//! The part has already passed [`super::package::check_xml`] (whole, well-formed), so this is a
//! single pass that copies the input's bytes event by event.
use quick_xml::events::{BytesStart, Event};

/// What becomes of an element.
#[derive(Clone, Copy, PartialEq)]
enum Fate {
    /// Copied with its tags.
    Keep,
    /// Its tags go, its content stays.
    Unwrap,
    /// Left out with everything inside it.
    Drop,
}

fn fate(local: &[u8], prefix: &[u8]) -> Fate {
    match (prefix, local) {
        (b"mc", b"AlternateContent" | b"Choice") => Fate::Unwrap,
        (b"mc", b"Fallback") => Fate::Drop,
        (_, b"ins" | b"moveTo" | b"sdt" | b"sdtContent" | b"smartTag" | b"customXml")
        | (_, b"fldSimple" | b"dir" | b"bdo") => Fate::Unwrap,
        // The text before a change, and the old properties of a formatting change.
        (_, b"del" | b"moveFrom" | b"sdtPr" | b"sdtEndPr" | b"customXmlPr" | b"smartTagPr")
        | (_, b"rPrChange" | b"pPrChange" | b"tblPrChange" | b"trPrChange" | b"tcPrChange")
        | (_, b"sectPrChange" | b"tblGridChange" | b"numberingChange") => Fate::Drop,
        _ => Fate::Keep,
    }
}

/// Output under construction: a paragraph waits for the text boxes it anchors, a table row for
/// whether it was deleted, a text box's content for the paragraph it moves before.
enum Frame {
    Para { out: Vec<u8>, boxes: Vec<u8> },
    Row { out: Vec<u8>, deleted: bool },
    TextBox { out: Vec<u8> },
}

impl Frame {
    fn out(&mut self) -> &mut Vec<u8> {
        match self {
            Frame::Para { out, .. } | Frame::Row { out, .. } | Frame::TextBox { out } => out,
        }
    }
}

/// Whether a part needs the pass at all (most do not: one scan instead of a copy).
pub(super) fn needed(xml: &[u8]) -> bool {
    const MARKS: [&[u8]; 13] = [
        b"<w:ins ",
        b"<w:del ",
        b"<w:moveTo",
        b"<w:moveFrom",
        b"txbxContent",
        b"AlternateContent",
        b"<w:sdt",
        b"Change",
        b"<w:smartTag",
        b"<w:customXml",
        b"<w:fldSimple",
        b"<w:dir",
        b"<w:bdo",
    ];
    MARKS.iter().any(|m| xml.windows(m.len()).any(|w| w == *m))
}

/// What an element is to the pass.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Para,
    Row,
    RowProps,
    TextBox,
    Del,
    Other,
}

fn classify(e: &BytesStart) -> (Fate, Kind) {
    let name = e.name();
    let local = name.local_name();
    let prefix = name.prefix().map(|p| p.into_inner()).unwrap_or(b"");
    let kind = match local.into_inner() {
        b"p" => Kind::Para,
        b"tr" => Kind::Row,
        b"trPr" => Kind::RowProps,
        b"txbxContent" => Kind::TextBox,
        b"del" => Kind::Del,
        _ => Kind::Other,
    };
    let fate = match kind {
        // The box's own tags go; its paragraphs move before the anchoring paragraph.
        Kind::TextBox => Fate::Unwrap,
        _ => fate(local.into_inner(), prefix),
    };
    (fate, kind)
}

/// The innermost row is marked deleted when a `w:del` sits right in its properties.
fn mark_row_deleted(frames: &mut [Frame], open: &[(Fate, Kind)]) {
    if open.len() >= 2 && open[open.len() - 2].1 == Kind::RowProps {
        if let Some(Frame::Row { deleted, .. }) = frames
            .iter_mut()
            .rev()
            .find(|f| matches!(f, Frame::Row { .. }))
        {
            *deleted = true;
        }
    }
}

/// Where output goes now: the innermost frame, or the part itself.
fn parent<'a>(frames: &'a mut [Frame], root: &'a mut Vec<u8>) -> &'a mut Vec<u8> {
    match frames.last_mut() {
        Some(f) => f.out(),
        None => root,
    }
}

/// The part as it prints (see the module's description). Reading stops at the first error:
/// the caller checked the part before.
pub(super) fn flatten(xml: &[u8]) -> Vec<u8> {
    if !needed(xml) {
        return xml.to_vec();
    }
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut root: Vec<u8> = Vec::with_capacity(xml.len());
    let mut frames: Vec<Frame> = Vec::new();
    // Each open element's fate and kind, so that its end tag is treated as its start was.
    let mut open: Vec<(Fate, Kind)> = Vec::new();
    // How many dropped elements are open around here (0: copying).
    let mut dropping = 0usize;
    let mut buf = Vec::new();
    let mut start = 0usize;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let end = (reader.buffer_position() as usize).min(xml.len());
        let raw = &xml[start..end];
        start = end;
        match &event {
            Event::Start(e) => {
                let (f, kind) = classify(e);
                open.push((f, kind));
                if dropping > 0 || f == Fate::Drop {
                    if dropping == 0 && kind == Kind::Del {
                        mark_row_deleted(&mut frames, &open);
                    }
                    dropping += 1;
                } else {
                    match kind {
                        Kind::Para => frames.push(Frame::Para {
                            out: raw.to_vec(),
                            boxes: Vec::new(),
                        }),
                        Kind::Row => frames.push(Frame::Row {
                            out: raw.to_vec(),
                            deleted: false,
                        }),
                        Kind::TextBox => frames.push(Frame::TextBox { out: Vec::new() }),
                        _ if f == Fate::Keep => {
                            parent(&mut frames, &mut root).extend_from_slice(raw)
                        }
                        _ => {}
                    }
                }
            }
            Event::End(_) => {
                let Some((f, kind)) = open.pop() else { break };
                if dropping > 0 {
                    dropping -= 1;
                } else {
                    end_element(f, kind, raw, &mut frames, &mut root);
                }
            }
            Event::Empty(e) => {
                let (f, kind) = classify(e);
                if dropping == 0 {
                    if kind == Kind::Del {
                        open.push((f, kind));
                        mark_row_deleted(&mut frames, &open);
                        open.pop();
                    }
                    if f == Fate::Keep {
                        parent(&mut frames, &mut root).extend_from_slice(raw);
                    }
                }
            }
            _ => {
                if dropping == 0 {
                    parent(&mut frames, &mut root).extend_from_slice(raw);
                }
            }
        }
        buf.clear();
    }
    // Frames are left open only if the part ended early (it was checked: not expected).
    while let Some(mut f) = frames.pop() {
        let o = std::mem::take(f.out());
        parent(&mut frames, &mut root).extend_from_slice(&o);
    }
    root
}

fn end_element(f: Fate, kind: Kind, raw: &[u8], frames: &mut Vec<Frame>, root: &mut Vec<u8>) {
    match kind {
        Kind::Para => {
            if let Some(Frame::Para { mut out, boxes }) = frames.pop() {
                out.extend_from_slice(raw);
                let o = parent(frames, root);
                o.extend_from_slice(&boxes);
                o.extend_from_slice(&out);
            }
        }
        Kind::Row => {
            if let Some(Frame::Row { mut out, deleted }) = frames.pop() {
                if !deleted {
                    out.extend_from_slice(raw);
                    parent(frames, root).extend_from_slice(&out);
                }
            }
        }
        Kind::TextBox => {
            if let Some(Frame::TextBox { out }) = frames.pop() {
                // Before the paragraph that anchors the box; a box outside any paragraph stays
                // where it is.
                let anchor = frames.iter_mut().rev().find_map(|f| match f {
                    Frame::Para { boxes, .. } => Some(boxes),
                    _ => None,
                });
                match anchor {
                    Some(boxes) => boxes.extend_from_slice(&out),
                    None => parent(frames, root).extend_from_slice(&out),
                }
            }
        }
        _ if f == Fate::Keep => parent(frames, root).extend_from_slice(raw),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::flatten;

    fn flat(body: &str) -> String {
        String::from_utf8(flatten(body.as_bytes())).unwrap()
    }

    #[test]
    fn insertions_and_moves_are_kept_deletions_left_out() {
        let xml = r#"<w:body><w:p><w:r><w:t>A </w:t></w:r><w:ins w:id="1"><w:r><w:t>mới</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>cũ</w:delText></w:r></w:del></w:p><w:p><w:moveTo w:id="3"><w:r><w:t>dời đến</w:t></w:r></w:moveTo><w:moveFrom w:id="4"><w:r><w:t>dời đi</w:t></w:r></w:moveFrom></w:p></w:body>"#;
        assert_eq!(
            flat(xml),
            "<w:body><w:p><w:r><w:t>A </w:t></w:r><w:r><w:t>mới</w:t></w:r></w:p><w:p><w:r><w:t>dời đến</w:t></w:r></w:p></w:body>"
        );
    }

    #[test]
    fn a_text_box_comes_before_its_paragraph_once() {
        let xml = r#"<w:body><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>neo</w:t></w:r></w:p></w:body>"#;
        assert_eq!(
            flat(xml),
            "<w:body><w:p><w:r><w:t>HỘP</w:t></w:r></w:p><w:p><w:r><w:drawing><wps:txbx></wps:txbx></w:drawing></w:r><w:r><w:t>neo</w:t></w:r></w:p></w:body>"
        );
    }

    #[test]
    fn a_deleted_row_and_content_controls() {
        let xml = r#"<w:tbl><w:tr><w:trPr><w:del w:id="1"/></w:trPr><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>"#;
        assert_eq!(
            flat(xml),
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        );
    }
}
