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
mod footnotes;
mod header;
mod labels;
mod tail;

use super::blocks::{Flow, Para, Source};
use super::noise::Noise;
use super::ImportError;
use crate::model::{Appendix, Plan};
use crate::text::{fold, squash};
use appendix::is_appendix_heading;
use header::assign_issuer;

/// Builds the plan. Fails only when no plan structure is found at all.
pub fn recognize(src: Source) -> Result<Plan, ImportError> {
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
    let mut b = Builder {
        footnote_texts: src.footnotes,
        ..Default::default()
    };
    for f in flow {
        match f {
            Flow::P(mut p) => {
                p.text = noise.clean(&p.text);
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
    b.finish()
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
    /// Caps lines seen in the tail or above the appendix (an appendix repeats the issuer).
    late_caps: Vec<String>,
    /// An item or paragraph before the first part heading goes into an unnamed part.
    footnote_texts: Vec<(String, String)>,
    /// (footnote key, anchor, after)
    footnote_refs: Vec<(String, String, String)>,
    recipients_open: bool,
    appendix: Option<Appendix>,
    /// Text waiting for the appendix title ("PHỤ LỤC" seen, title lines follow).
    appendix_title_open: bool,
    pending_refs: Vec<(String, String)>,
}

impl Builder {
    pub(super) fn para(&mut self, p: Para) {
        let text = p.full_text();
        let text = squash(&text);
        let folded = fold(&text);
        self.pending_refs = p.footnote_refs.clone();

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

    pub(super) fn finish(mut self) -> Result<Plan, ImportError> {
        // Header issuer lines: bold caps lines are the issuing body, regular ones the parent body.
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
        // Items, or the Roman-numbered parts of a titled plan whose parts are still empty.
        let named = self
            .plan
            .parts
            .iter()
            .filter(|p| !p.title.is_empty())
            .count();
        let has_body = self.plan.parts.iter().any(|p| !p.items.is_empty())
            || (named >= 1 && !self.plan.doc_type.is_empty());
        if !has_body {
            return Err(ImportError::NoStructure);
        }
        self.plan.normalize();
        Ok(self.plan)
    }
}

/// An id not yet used in the plan (a source may repeat a label by mistake).
pub(super) fn unique_id(plan: &Plan, base: &str) -> String {
    let used = |id: &str| plan.items().iter().any(|(_, i)| i.id == id);
    if !used(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}~{n}"))
        .find(|id| !used(id))
        .expect("some suffix is free")
}
