//! Turns a reader's paragraphs and tables into a [`Plan`], from numbering and content — not from
//! heading styles, which real files use inconsistently.
//!
//! The document is read in stages: header (ô 1–4, [`header`]) → title (tên loại, trích yếu) →
//! bases and intro → body (parts "I.", items "1.", "1.1.", "a)", bullets "-"/"+", plain
//! paragraphs; [`body`], [`labels`]) → tail (closing sentence, "Nơi nhận:", signer; [`tail`]) →
//! appendix ("PHỤ LỤC", title, "(Kèm theo …)", the table; [`appendix`]); footnotes are anchored
//! where their marks were ([`footnotes`]). Layout tables (the header and the signature are often
//! two-column tables) are read column by column, as if they were plain paragraphs.
mod appendix;
mod body;
mod decision;
mod footnotes;
mod header;
mod ids;
mod labels;
mod tail;

use super::blocks::{Flow, Para, Source};
use super::noise::Noise;
use super::ImportError;
use appendix::is_appendix_heading;
use header::assign_issuer;
use kehoach_model::{Appendix, Emphasis, Plan};
use kehoach_text::{fold, squash};

/// Builds the plan. Fails only when no plan structure is found at all.
///
/// A plan distributed with the decision that issues it (the decision's page first: QUYẾT ĐỊNH,
/// Căn cứ, Điều 1…, its Nơi nhận and signer) is read as two documents: the decision gives the
/// plan's `issued_with` (when the plan does not cite it itself) and the plan is the rest.
pub fn recognize(src: Source) -> Result<Plan, ImportError> {
    let (plan, has_body) = read(src);
    if has_body {
        Ok(plan)
    } else {
        Err(ImportError::NoStructure)
    }
}

/// Any administrative document read the same way — header, title, bases, body, Nơi nhận, signer
/// — whether or not it has a plan's structure (a công văn's body may be plain paragraphs).
pub fn recognize_document(src: Source) -> Plan {
    read(src).0
}

/// The document, and whether it has a body of items or parts.
fn read(src: Source) -> (Plan, bool) {
    let flow = src.reading_order();
    let noise = {
        let texts = || {
            flow.iter().filter_map(|f| match f {
                Flow::P(p) => Some(p.text.as_str()),
                Flow::T(_) => None,
            })
        };
        let mut n = Noise::learn(texts());
        n.learn_stray(texts());
        n
    };
    let (decision, plan_flow) = match decision::split(&flow) {
        Some(at) => {
            let mut d = Builder::default();
            feed(&mut d, &noise, &flow[..at]);
            (Some(d.finish_header()), &flow[at..])
        }
        None => (None, &flow[..]),
    };
    let mut b = Builder {
        footnote_texts: src.footnotes,
        ..Default::default()
    };
    b.plan.notices = src.notices;
    feed(&mut b, &noise, plan_flow);
    if let Some(d) = decision {
        decision::attach(&mut b.plan, d);
    }
    b.finish()
}

/// Hands the flow to a builder, noise removed.
fn feed(b: &mut Builder, noise: &Noise, flow: &[Flow]) {
    for f in flow {
        match f.clone() {
            Flow::P(mut p) => {
                p.text = clean_lines(noise, &p.text);
                if p.text.is_empty() && p.numbered.is_none() {
                    continue;
                }
                b.para(p);
            }
            Flow::T(mut t) => {
                for row in &mut t.rows {
                    for cell in row {
                        for p in &mut cell.paras {
                            p.text = noise.clean(&p.text);
                        }
                    }
                }
                b.table(&t);
            }
        }
    }
}

#[derive(Debug, Default, PartialEq, Clone, Copy)]
enum Stage {
    #[default]
    Head,
    Title,
    Bases,
    Body,
    Tail,
    Appendix,
}

/// Where the last paragraph went, so that a paragraph split at a page break can be joined to it.
#[derive(Debug, Default, Clone, PartialEq)]
enum Last {
    #[default]
    None,
    Summary,
    Basis,
    Intro,
    PartTitle,
    /// Path of indices: part, then child indices.
    Item(Vec<usize>),
    Closing,
    Recipient,
}

#[derive(Default)]
struct Builder {
    plan: Plan,
    stage: Stage,
    last: Last,
    /// Caps lines of the header: (text, bold).
    head_caps: Vec<(String, bool)>,
    /// The national title was cut after "VIỆT": its "NAM" comes on a line of its own.
    title_cut: bool,
    /// Caps lines seen in the tail or above the appendix (an appendix repeats the issuer).
    late_caps: Vec<String>,
    /// An item or paragraph before the first part heading goes into an unnamed part.
    footnote_texts: Vec<(String, String)>,
    /// (footnote key, anchor, after)
    footnote_refs: Vec<(String, String, String)>,
    recipients_open: bool,
    /// "Nơi nhận:" was seen.
    recipients_started: bool,
    /// The last paragraph was bold (a heading).
    last_bold: bool,
    /// Temporary ids given so far.
    ids: usize,
    appendix: Option<Appendix>,
    /// Text waiting for the appendix title ("PHỤ LỤC" seen, title lines follow).
    appendix_title_open: bool,
    pending_refs: Vec<(String, String)>,
    pending_emphasis: Vec<Emphasis>,
    /// The label style of the document's parts ("I.", "A.", "Phần I"), once its first part
    /// heading is seen.
    part_style: Option<labels::LabelKind>,
    /// The open items of the current part, outermost first, each with its label's style.
    levels: Vec<(labels::LabelKind, Vec<usize>)>,
}

impl Builder {
    /// A paragraph. Lines typed with Shift+Enter are lines of their own in the header, the title
    /// and the tail (a cell "ỦY BAN NHÂN DÂN↵XÃ HƯNG THỊNH", a Nơi nhận list, a signature block),
    /// and wherever the next line starts a new point; elsewhere they are one paragraph.
    pub(super) fn para(&mut self, p: Para) {
        if !p.text.contains('\n') {
            return self.line(p);
        }
        let lines: Vec<&str> = p.text.split('\n').collect();
        let split = matches!(self.stage, Stage::Head | Stage::Title | Stage::Tail)
            || lines.iter().skip(1).any(|l| {
                labels::split_label(l).is_some()
                    || fold(l).starts_with("noi nhan")
                    || kehoach_text::is_caps(l)
            });
        if !split {
            return self.line(Para {
                text: lines.join(" "),
                ..p
            });
        }
        for (i, l) in lines.iter().enumerate() {
            let refs = p
                .footnote_refs
                .iter()
                .filter(|(_, after)| l.contains(kehoach_text::tail(after, 12).as_str()))
                .cloned()
                .collect();
            let emphasis = p
                .emphasis
                .iter()
                .filter(|e| l.contains(e.text.as_str()))
                .cloned()
                .collect();
            self.line(Para {
                text: l.to_string(),
                numbered: if i == 0 { p.numbered.clone() } else { None },
                footnote_refs: refs,
                emphasis,
                ..p.clone()
            });
        }
    }

    fn line(&mut self, p: Para) {
        self.dispatch(&p);
        self.last_bold = p.bold;
    }

    fn dispatch(&mut self, p: &Para) {
        let p = p.clone();
        let text = p.full_text();
        let text = squash(&text);
        let folded = fold(&text);
        self.pending_refs = p.footnote_refs.clone();
        self.pending_emphasis = p.emphasis.clone();

        // Markers that switch stage wherever they appear.
        if is_appendix_heading(&folded) && self.stage != Stage::Head {
            self.stage = Stage::Appendix;
            self.appendix.get_or_insert_with(Appendix::default);
            self.appendix_title_open = true;
            return;
        }
        if folded.starts_with("noi nhan") {
            self.stage = Stage::Tail;
            self.recipients_open = true;
            self.recipients_started = true;
            self.last = Last::None;
            let rest = text.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
            if !rest.is_empty() {
                self.tail_line(rest, &p);
            }
            return;
        }

        match self.stage {
            Stage::Head => self.head(&text, &folded, &p),
            Stage::Title => self.title(&text, &folded, &p),
            Stage::Bases => self.bases(&text, &folded, &p),
            Stage::Body => self.body(&text, &folded, &p),
            Stage::Tail => self.tail_line(&text, &p),
            Stage::Appendix => self.appendix_line(&text, &folded),
        }
    }

    /// Only the header and title of what was read (the page of a decision).
    fn finish_header(mut self) -> Plan {
        let caps = std::mem::take(&mut self.head_caps);
        assign_issuer(&mut self.plan.header, &caps);
        self.plan
    }

    pub(super) fn finish(mut self) -> (Plan, bool) {
        // Header issuer lines: the last name is the issuing body, the ones above the parent.
        let caps = std::mem::take(&mut self.head_caps);
        let h = &mut self.plan.header;
        assign_issuer(h, &caps);
        if h.issuer.is_empty() {
            // The appendix repeats the issuer above its own title.
            if let Some(line) = self.late_caps.iter().find(|l| !fold(l).contains("phu luc")) {
                h.issuer = line.clone();
            }
        }
        if let Some(app) = self.appendix.take() {
            if !app.groups.is_empty() || !app.title.is_empty() {
                self.plan.appendix = Some(app);
            }
        }
        self.attach_footnotes();
        self.keep_present_emphasis();
        parts_from_numbered_headings(&mut self.plan);
        kehoach_model::refs::settle_topics(&mut self.plan.parts);
        ids::assign(&mut self.plan);
        // Items, or the Roman-numbered parts of a titled plan whose parts are still empty.
        let named = self
            .plan
            .parts
            .iter()
            .filter(|p| !p.title.is_empty())
            .count();
        let has_body = self.plan.parts.iter().any(|p| !p.items.is_empty())
            || (named >= 1 && !self.plan.doc_type.is_empty());
        self.plan.normalize();
        (self.plan, has_body)
    }
}

/// Each line of a text without the document's noise; lines that were only noise dropped.
fn clean_lines(noise: &Noise, text: &str) -> String {
    text.split('\n')
        .map(|l| noise.clean(l))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plan without Roman parts whose top level reads "1. MỤC TIÊU" … "5. TỔ CHỨC THỰC HIỆN": those
/// headings are its parts.
fn parts_from_numbered_headings(plan: &mut Plan) {
    use kehoach_model::{ItemKind, Part, Topic};
    let [only] = plan.parts.as_slice() else {
        return;
    };
    if !only.label.is_empty() || !only.title.is_empty() {
        return;
    }
    let heading = |i: &kehoach_model::Item| {
        i.kind == ItemKind::Numbered
            && !i.label.trim_end_matches('.').contains('.')
            && i.text.split_whitespace().count() <= 12
            && !kehoach_text::ends_sentence(i.text.trim_end_matches(':'))
            && (kehoach_text::is_caps(&i.text) || Topic::of_title(&i.text).is_some())
    };
    let headings = only.items.iter().filter(|i| heading(i)).count();
    let numbered = only
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Numbered)
        .count();
    if headings < 2 || headings < numbered {
        return;
    }
    let items = std::mem::take(&mut plan.parts[0].items);
    let mut parts: Vec<Part> = Vec::new();
    for item in items {
        if heading(&item) {
            let title = item.text.trim().trim_end_matches(':').trim();
            parts.push(Part::new(
                item.label.trim_end_matches('.'),
                title,
                item.items,
            ));
        } else {
            match parts.last_mut() {
                Some(p) => p.items.push(item),
                None => parts.push(Part::new("", "", vec![item])),
            }
        }
    }
    plan.parts = parts;
}
