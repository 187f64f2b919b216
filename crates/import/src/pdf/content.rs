//! The content streams of a page interpreted far enough to know where every glyph is: the text
//! state (font, size, spacing, scaling, rise), the text and graphics matrices, form XObjects, and
//! the straight lines and thin rectangles that draw table borders. Coordinates are returned
//! top-down, in points from the page's top-left corner.
use super::budget::{
    check_operations, too_large, too_many_operations, PageError, MAX_CONTENT, MAX_OPERATIONS,
    MAX_PAGE_GLYPHS,
};
use super::fonts::Font;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// A glyph: its text, where its baseline starts and how far it advances, its size and face.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

/// A straight horizontal or vertical stroke (a table border).
#[derive(Debug, Clone, Copy)]
pub struct Stroke {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Stroke {
    pub fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 1.5 && (self.x1 - self.x0).abs() > 3.0
    }
    pub fn vertical(&self) -> bool {
        (self.x1 - self.x0).abs() < 1.5 && (self.y1 - self.y0).abs() > 3.0
    }
}

/// What a page holds.
#[derive(Debug, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub strokes: Vec<Stroke>,
    pub images: usize,
    /// Character codes the page's text operators show, whether or not the font says what
    /// letters they are (a page whose codes give no text has a font we cannot read).
    pub shown: usize,
    /// Of those, the codes the font gives no text for.
    pub unmapped: usize,
    /// The bytes of its content once inflated.
    pub content_bytes: usize,
    /// Text in an old Vietnamese encoding was converted (the font's).
    pub legacy: Option<kehoach_text::legacy::Legacy>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Vec<u8>>,
    size: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            size: 0.0,
        }
    }
}

struct Interpreter<'a> {
    doc: &'a Document,
    page: Page,
    /// The page's top in user space (MediaBox y1) and left (x0).
    top: f32,
    left: f32,
    operations: usize,
}

/// Reads one page of the document read from `file`.
pub fn page(doc: &Document, file: &[u8], id: ObjectId) -> Result<Page, PageError> {
    // A page whose dictionary lopdf could not take (nested too deep, cut) is damaged, not empty.
    doc.get_dictionary(id)?;
    let media = media_box(doc, id).unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let mut content = doc
        .get_page_content_with_limit(id, MAX_CONTENT)
        .map_err(too_large)?;
    if content.iter().all(u8::is_ascii_whitespace) {
        // A content stream lopdf could not take (a wrong /Length), read as viewers read it.
        if let Some(found) = super::recover::page_content(doc, file, id, MAX_CONTENT) {
            content = found;
        }
    }
    let content_bytes = content.len();
    let fonts: HashMap<Vec<u8>, Font> = doc
        .get_page_fonts(id)?
        .into_iter()
        .map(|(name, d)| (name, Font::load(doc, d)))
        .collect();
    let resources = doc.get_page_resources(id).ok();
    let mut it = Interpreter {
        doc,
        page: Page {
            width: media[2] - media[0],
            height: media[3] - media[1],
            content_bytes,
            ..Default::default()
        },
        top: media[3],
        left: media[0],
        operations: 0,
    };
    check_operations(&content)?;
    let ops = Content::decode(&content)?.operations;
    let xobjects = resources
        .and_then(|(r, _)| r)
        .map(|r| xobject_names(doc, r));
    it.run(&ops, State::default(), &fonts, xobjects.as_ref(), 0)?;
    Ok(it.page)
}

fn media_box(doc: &Document, mut id: ObjectId) -> Option<[f32; 4]> {
    for _ in 0..32 {
        let d = doc.get_dictionary(id).ok()?;
        if let Ok(b) = d.get(b"MediaBox") {
            let b = match b {
                Object::Reference(r) => doc.get_object(*r).ok()?,
                o => o,
            };
            let a = b.as_array().ok()?;
            if a.len() == 4 {
                let v: Vec<f32> = a.iter().map(num).collect();
                return Some([
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                ]);
            }
        }
        id = d.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

/// The XObjects a resource dictionary names.
fn xobject_names(doc: &Document, resources: &Dictionary) -> HashMap<Vec<u8>, ObjectId> {
    let mut out = HashMap::new();
    let x = match resources.get(b"XObject") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    if let Some(x) = x {
        for (name, o) in x.iter() {
            if let Object::Reference(r) = o {
                out.insert(name.clone(), *r);
            }
        }
    }
    out
}

impl<'a> Interpreter<'a> {
    fn run(
        &mut self,
        ops: &[Operation],
        mut gs: State,
        fonts: &HashMap<Vec<u8>, Font<'a>>,
        xobjects: Option<&HashMap<Vec<u8>, ObjectId>>,
        depth: usize,
    ) -> Result<(), PageError> {
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut path: Vec<(f32, f32)> = Vec::new();
        let mut rects: Vec<[f32; 4]> = Vec::new();
        for op in ops {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return Err(too_many_operations());
            }
            let a = &op.operands;
            let f = |i: usize| a.get(i).map(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => gs.ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &gs.ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tc" => gs.char_spacing = f(0),
                "Tw" => gs.word_spacing = f(0),
                "Tz" => gs.scale = f(0) / 100.0,
                "TL" => gs.leading = f(0),
                "Ts" => gs.rise = f(0),
                "Tf" => {
                    gs.font = a.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                    gs.size = f(1);
                }
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -f(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if op.operator == "\"" {
                        gs.word_spacing = f(0);
                        gs.char_spacing = f(1);
                    }
                    if let Some(Object::String(bytes, _)) = a.last() {
                        self.show(bytes, &gs, &mut tm, fonts)?;
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = a.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => {
                                    self.show(bytes, &gs, &mut tm, fonts)?
                                }
                                o => {
                                    let tx = -num(o) / 1000.0 * gs.size * gs.scale;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "m" => {
                    path.clear();
                    path.push(apply(&gs.ctm, f(0), f(1)));
                }
                "l" => path.push(apply(&gs.ctm, f(0), f(1))),
                "re" => {
                    let (x0, y0) = apply(&gs.ctm, f(0), f(1));
                    let (x1, y1) = apply(&gs.ctm, f(0) + f(2), f(1) + f(3));
                    rects.push([x0, y0, x1, y1]);
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    let stroked = !matches!(op.operator.as_str(), "f" | "F" | "f*");
                    self.strokes(&path, &rects, stroked);
                    path.clear();
                    rects.clear();
                }
                "n" => {
                    path.clear();
                    rects.clear();
                }
                "BI" | "ID" => self.page.images += 1,
                "Do" => {
                    let name = a.first().and_then(|o| o.as_name().ok());
                    let id = name.and_then(|n| xobjects.and_then(|x| x.get(n)));
                    if let Some(id) = id {
                        self.xobject(*id, &gs, fonts, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A form XObject is interpreted with its own matrix and fonts; an image is counted.
    fn xobject(
        &mut self,
        id: ObjectId,
        gs: &State,
        fonts: &HashMap<Vec<u8>, Font<'a>>,
        depth: usize,
    ) -> Result<(), PageError> {
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
            return Ok(());
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(&b"Image"[..]) {
            self.page.images += 1;
            return Ok(());
        }
        if subtype != Some(&b"Form"[..]) || depth >= 8 {
            return Ok(());
        }
        let content = stream
            .get_plain_content_with_limit(MAX_CONTENT)
            .map_err(too_large)?;
        check_operations(&content)?;
        let ops = Content::decode(&content)?.operations;
        let mut inner = gs.clone();
        if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
            if m.len() == 6 {
                let m: Vec<f32> = m.iter().map(num).collect();
                inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
            }
        }
        let resources = match stream.dict.get(b"Resources") {
            Ok(Object::Reference(r)) => self.doc.get_dictionary(*r).ok(),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let doc = self.doc;
        let own_fonts: Option<HashMap<Vec<u8>, Font<'a>>> = resources
            .and_then(|r| match r.get(b"Font") {
                Ok(Object::Reference(f)) => doc.get_dictionary(*f).ok(),
                Ok(Object::Dictionary(d)) => Some(d),
                _ => None,
            })
            .map(|fd| {
                fd.iter()
                    .filter_map(|(name, o)| {
                        let d = match o {
                            Object::Reference(r) => doc.get_dictionary(*r).ok()?,
                            Object::Dictionary(d) => d,
                            _ => return None,
                        };
                        Some((name.clone(), Font::load(doc, d)))
                    })
                    .collect()
            });
        let xobjects = resources.map(|r| xobject_names(doc, r));
        self.run(
            &ops,
            inner,
            own_fonts.as_ref().unwrap_or(fonts),
            xobjects.as_ref(),
            depth + 1,
        )
    }

    /// Places the glyphs of one string. The page's budget of glyphs is checked before the
    /// string is decoded (a single string can hold millions).
    fn show(
        &mut self,
        bytes: &[u8],
        gs: &State,
        tm: &mut Matrix,
        fonts: &HashMap<Vec<u8>, Font>,
    ) -> Result<(), PageError> {
        let Some(font) = gs.font.as_ref().and_then(|n| fonts.get(n)) else {
            return Ok(());
        };
        let codes = if font.two_byte() {
            bytes.len() / 2
        } else {
            bytes.len()
        };
        self.page.shown += codes;
        if self.page.shown > MAX_PAGE_GLYPHS {
            return Err(PageError::TooMuch(format!(
                "một trang hơn {} ký tự",
                kehoach_text::thousands(MAX_PAGE_GLYPHS)
            )));
        }
        if font.legacy.is_some() {
            self.page.legacy = font.legacy;
        }
        for (code, text, width) in font.decode(bytes) {
            if text.is_empty() {
                self.page.unmapped += 1;
            }
            let trm = mul(
                &mul(&[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let space = code == 32 && !font.two_byte();
            let tx = (width / 1000.0 * gs.size
                + gs.char_spacing
                + if space { gs.word_spacing } else { 0.0 })
                * gs.scale;
            let advance = tx * (trm[0] / (gs.size * gs.scale).max(0.001));
            // Text that is not upright (a diagonal watermark) is not the document's.
            let upright = trm[1].abs() < 0.01 && trm[2].abs() < 0.01 && trm[0] > 0.0;
            if upright && !text.is_empty() && size > 0.5 {
                self.page.glyphs.push(Glyph {
                    text,
                    x: trm[4] - self.left,
                    y: self.top - trm[5],
                    width: advance,
                    size,
                    bold: font.bold,
                    italic: font.italic,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
        Ok(())
    }

    fn strokes(&mut self, path: &[(f32, f32)], rects: &[[f32; 4]], stroked: bool) {
        let (top, left) = (self.top, self.left);
        let mut add = |x0: f32, y0: f32, x1: f32, y1: f32| {
            let s = Stroke {
                x0: x0.min(x1) - left,
                y0: top - y0.max(y1),
                x1: x0.max(x1) - left,
                y1: top - y0.min(y1),
            };
            if s.horizontal() || s.vertical() {
                self.page.strokes.push(s);
            }
        };
        if stroked {
            for w in path.windows(2) {
                add(w[0].0, w[0].1, w[1].0, w[1].1);
            }
        }
        for r in rects {
            let (w, h) = ((r[2] - r[0]).abs(), (r[3] - r[1]).abs());
            if w < 2.5 || h < 2.5 {
                // A thin filled rectangle is a rule.
                add(r[0], r[1], r[2], r[3]);
            } else if stroked {
                add(r[0], r[1], r[2], r[1]);
                add(r[0], r[3], r[2], r[3]);
                add(r[0], r[1], r[0], r[3]);
                add(r[2], r[1], r[2], r[3]);
            }
        }
    }
}
