//! Adaptation (xây dựng kế hoạch của đơn vị): the parent plan, a unit profile, a unit-type
//! preset and the user's decisions give the unit's own plan.
//!
//! - Every parent item is kept (parent wording), edited (own wording) or dropped; the preset
//!   decides what the user has not; items can be added and moved within their container.
//! - Every unit item records its source: the parent item's label path ("III.3.4"), or none.
//! - Rewordings are proposals, one per occurrence, each accepted or rejected (or all of a rule);
//!   the parent's own scope is flagged and its clause proposed for removal.
//! - The header, title, bases, intro, funding, closing, recipients, signer and appendix are
//!   derived; labels are derived from the tree, so numbering never has gaps.
pub mod preset;
pub mod profile;
mod reword;
pub mod scope;
pub mod text;

pub use preset::{Preset, PresetError};
pub use profile::{ProfileError, UnitProfile};
pub use reword::{Proposal, ProposalStatus};

use crate::boilerplate::{Boilerplate, TemplateError};
use crate::model::numbering::{kind_of, renumber, LabelKind};
use crate::model::{
    Appendix, AppendixGroup, AppendixRow, Footnote, Header, Item, Part, Plan, Signer,
};
use crate::nd30::{self, caps};
use preset::{topic_of, PartMode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user decided about one parent item.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum NodeDecision {
    /// Keep the parent's wording.
    Keep,
    /// Keep the item in the unit's own wording.
    Edit { text: String },
    /// Leave the item (and what is under it) out.
    Drop,
}

/// An item the unit adds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddedItem {
    /// A stable id ("u1", "u2"…).
    pub id: String,
    /// The container: an item id, or "part:<topic>" ("part:nhiem_vu").
    pub parent: String,
    /// The sibling it follows; first when `None`.
    pub after: Option<String>,
    /// "numeric" (a numbered point), "bullet" or "paragraph".
    pub kind: String,
    pub text: String,
}

/// Everything the user decided; stored with the draft so that adapting again asks nothing twice.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Decisions {
    /// Per parent item id.
    pub nodes: BTreeMap<String, NodeDecision>,
    pub added: Vec<AddedItem>,
    /// The order of children per container (item id or "part:<topic>"), for moved items.
    pub order: BTreeMap<String, Vec<String>>,
    /// Per proposal id: accepted (true) or rejected (false).
    pub rewordings: BTreeMap<String, bool>,
    /// Per rule id: accept or reject every proposal of the rule not decided one by one.
    pub rules: BTreeMap<String, bool>,
    /// Appendix cells the user wrote, per unit item id (task, product, lead, cooperate, deadline).
    pub appendix: BTreeMap<String, Vec<String>>,
    /// Own wording for derived sentences: "summary", "intro", "funding", "closing".
    pub texts: BTreeMap<String, String>,
}

/// How to adapt.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdaptOptions {
    /// Accept every undecided proposal whose rule is on by default (the CLI); the app leaves
    /// them for the user to review.
    pub apply_defaults: bool,
}

/// One parent item and what became of it (for the item review screen).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeState {
    pub id: String,
    /// The part's topic ("nhiem_vu").
    pub topic: String,
    pub label: String,
    pub text: String,
    pub depth: usize,
    pub kept: bool,
    /// "user" when the user decided, "preset" otherwise.
    pub decided_by: String,
    /// The user's own wording, if any.
    pub edited: Option<String>,
}

/// A unit item that still carries the parent's scope.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The unit item id.
    pub node: String,
    pub phrase: String,
    pub excerpt: String,
}

/// The result: the unit's plan and what the user should review.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Adaptation {
    pub plan: Plan,
    pub proposals: Vec<Proposal>,
    pub flags: Vec<Flag>,
    pub nodes: Vec<NodeState>,
}

#[derive(Debug, thiserror::Error)]
pub enum AdaptError {
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("Kế hoạch cấp trên không có mục nào để xây dựng kế hoạch.")]
    EmptyParent,
}

/// Builds the unit's plan.
pub fn adapt(
    parent: &Plan,
    profile: &UnitProfile,
    preset: &Preset,
    decisions: &Decisions,
    opts: AdaptOptions,
) -> Result<Adaptation, AdaptError> {
    adapt_with(
        parent,
        profile,
        preset,
        decisions,
        opts,
        &Boilerplate::builtin(),
    )
}

/// [`adapt`] with the boilerplate templates given (the app passes the user's copies).
pub fn adapt_with(
    parent: &Plan,
    profile: &UnitProfile,
    preset: &Preset,
    decisions: &Decisions,
    opts: AdaptOptions,
    boilerplate: &Boilerplate,
) -> Result<Adaptation, AdaptError> {
    profile.validate()?;
    if parent.parts.iter().all(|p| p.items.is_empty()) {
        return Err(AdaptError::EmptyParent);
    }
    let ctx = Context::new(parent, profile, preset);
    let data = ctx.data();
    let render = |name: &str| -> Result<String, AdaptError> {
        match decisions.texts.get(name) {
            Some(own) if !own.trim().is_empty() => Ok(own.trim().to_string()),
            _ => Ok(boilerplate.render(name, &data)?),
        }
    };
    let fill = |t: &str| fill(t, &data);

    // The body, part by part.
    let mut nodes = Vec::new();
    let mut parts = Vec::new();
    for part in &parent.parts {
        let topic = topic_of(&part.title).unwrap_or("");
        let mode = if topic.is_empty() {
            PartMode::Keep
        } else {
            preset.part_mode(topic)
        };
        let items = match mode {
            PartMode::Keep | PartMode::Drop => {
                let sel = Selector::new(preset, decisions, topic);
                let mut items = Vec::new();
                for item in &part.items {
                    if let Some(kept) = sel.select(item, mode, 0, &mut nodes) {
                        items.push(kept);
                    }
                }
                items
            }
            PartMode::Template => {
                record_all(&part.items, topic, 0, false, &mut nodes);
                let source = part.items.first().map(|i| i.id.clone());
                vec![Item {
                    id: format!("{topic}.1"),
                    label: "1.".into(),
                    text: render("funding")?,
                    source,
                    items: Vec::new(),
                }]
            }
            PartMode::Own => {
                record_all(&part.items, topic, 0, false, &mut nodes);
                let mut own = own_items(&preset.own_items, &format!("{topic}.own"), &fill);
                own.retain(|i| decisions.nodes.get(&i.id) != Some(&NodeDecision::Drop));
                own
            }
        };
        parts.push(Part {
            label: part.label.clone(),
            title: part.title.clone(),
            items,
        });
    }

    // Added and moved items.
    for added in &decisions.added {
        insert_added(&mut parts, &parent.parts, added);
    }
    for (container, order) in &decisions.order {
        if let Some(children) = container_mut(&mut parts, &parent.parts, container) {
            reorder(children, order);
        }
    }
    // Own wording for edited items.
    let edited: Vec<(&String, &String)> = decisions
        .nodes
        .iter()
        .filter_map(|(id, d)| match d {
            NodeDecision::Edit { text } => Some((id, text)),
            _ => None,
        })
        .collect();
    for part in &mut parts {
        for item in part.items.iter_mut() {
            apply_edits(item, &edited);
        }
    }
    parts.retain(|p| !p.items.is_empty());

    // Rewordings and the parent's scope.
    let scope_phrases = scope::learn(parent, &preset.scope_phrases);
    let edited_ids: Vec<&str> = edited.iter().map(|(id, _)| id.as_str()).collect();
    let (proposals, flags) = reword::review(
        &mut parts,
        preset,
        &scope_phrases,
        &edited_ids,
        decisions,
        opts,
        &fill,
    );

    // Derived parts.
    let mut bases: Vec<String> = parent.bases.clone();
    bases.push(render("parent_basis")?);
    let n = bases.len();
    let bases = bases
        .iter()
        .enumerate()
        .map(|(i, b)| crate::export::docx::basis_punctuation(b, i + 1 == n))
        .collect();
    let recipients = if profile.recipients.is_empty() {
        preset.recipients.iter().map(|r| fill(r)).collect()
    } else {
        profile.recipients.clone()
    };
    let mut plan = Plan {
        header: Header {
            parent_body: Some(if profile.parent_body_header.trim().is_empty() {
                caps(&ctx.parent_body)
            } else {
                profile.parent_body_header.trim().to_string()
            })
            .filter(|p| !p.is_empty()),
            issuer: caps(&profile.name),
            number: profile.number.clone().filter(|n| !n.trim().is_empty()),
            symbol: ctx.symbol.clone(),
            place: profile.place.clone(),
            date: profile.date,
        },
        doc_type: "Kế hoạch".into(),
        summary: render("summary")?,
        bases,
        intro: render("intro")?,
        parts,
        closing: render("closing")?,
        recipients,
        signer: signer(profile, preset),
        footnotes: Vec::new(),
        appendix: None,
    };
    plan.footnotes = kept_footnotes(&parent.footnotes, &plan);
    renumber(&mut plan);
    plan.appendix = Some(appendix(
        &plan,
        parent,
        preset,
        decisions,
        &scope_phrases,
        &render,
        &fill,
    )?);
    plan.normalize();
    Ok(Adaptation {
        plan,
        proposals,
        flags,
        nodes,
    })
}

/// Values the templates and rules can use.
struct Context {
    parent_body: String,
    symbol: String,
    json: serde_json::Value,
}

impl Context {
    fn new(parent: &Plan, profile: &UnitProfile, preset: &Preset) -> Context {
        let parent_body = if profile.parent_body.trim().is_empty() {
            title_case_body(&parent.header.issuer)
        } else {
            profile.parent_body.trim().to_string()
        };
        let symbol = profile.symbol(nd30::type_code("Kế hoạch").unwrap_or("KH"));
        let place = if parent.header.place.trim().is_empty() {
            profile.place.clone()
        } else {
            parent.header.place.clone()
        };
        let blank = nd30::BLANK;
        let json = serde_json::json!({
            "unit": {
                "name": profile.name.trim(),
                "short_name": profile.short_name.trim(),
                "year": profile.year,
                "previous_year": profile.year - 1,
                "place": profile.place,
                "number": profile.number.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| blank.to_string()),
                "symbol": symbol,
                "date_text": profile.date.map(nd30::date_text)
                    .unwrap_or_else(|| format!("ngày{blank}tháng{blank}năm {}", profile.year)),
            },
            "parent": {
                "body": parent_body,
                "place": place,
                "doc_type": if parent.doc_type.is_empty() { "Kế hoạch" } else { &parent.doc_type },
                "number": parent.header.number.clone().unwrap_or_else(|| blank.to_string()),
                "symbol": parent.header.symbol,
                "date_text": parent.header.date.map(nd30::date_text).unwrap_or_default(),
                "summary": parent.summary,
            },
            "preset": {
                "name": preset.name,
                "unit_noun": preset.unit_noun,
                "audience": preset.audience,
                "service_users": preset.service_users,
                "head": preset.head,
            },
        });
        Context {
            parent_body,
            symbol,
            json,
        }
    }

    fn data(&self) -> serde_json::Value {
        self.json.clone()
    }
}

/// "ỦY BAN NHÂN DÂN QUẬN 1" → "Ủy ban nhân dân Quận 1" (a fallback when the profile does not
/// say how the parent body is written).
fn title_case_body(caps_name: &str) -> String {
    let lower = caps_name.to_lowercase();
    let mut words: Vec<String> = lower.split_whitespace().map(String::from).collect();
    if let Some(first) = words.first_mut() {
        *first = text::capitalise(first);
    }
    // A unit named after a number keeps its generic noun capitalised ("Quận 1", "Phường 5").
    for i in 0..words.len().saturating_sub(1) {
        if words[i + 1].chars().all(|c| c.is_ascii_digit()) {
            words[i] = text::capitalise(&words[i]);
        }
    }
    words.join(" ")
}

/// Renders `{{…}}` placeholders of preset text.
fn fill(template: &str, data: &serde_json::Value) -> String {
    if !template.contains("{{") {
        return template.to_string();
    }
    let mut hb = handlebars::Handlebars::new();
    hb.register_escape_fn(handlebars::no_escape);
    hb.render_template(template, data)
        .unwrap_or_else(|_| template.to_string())
}

struct Selector<'a> {
    decisions: &'a Decisions,
    topic: &'a str,
    /// The preset's drop and keep phrases for this part, folded once.
    drop: Vec<String>,
    keep: Vec<String>,
}

impl<'a> Selector<'a> {
    fn new(preset: &Preset, decisions: &'a Decisions, topic: &'a str) -> Self {
        let phrases = |matches: &[preset::Match]| -> Vec<String> {
            matches
                .iter()
                .filter(|m| m.parts.is_empty() || m.parts.iter().any(|p| p == topic))
                .flat_map(|m| m.phrases.iter().map(|p| crate::import::text_util::fold(p)))
                .collect()
        };
        Selector {
            decisions,
            topic,
            drop: phrases(&preset.drop),
            keep: phrases(&preset.keep),
        }
    }

    /// The rule verdict for one item's own text: Some(true) keep, Some(false) drop.
    fn rules(&self, text: &str) -> Option<bool> {
        let f = crate::import::text_util::fold(text);
        if self.drop.iter().any(|p| f.contains(p.as_str())) {
            return Some(false);
        }
        if self.keep.iter().any(|p| f.contains(p.as_str())) {
            return Some(true);
        }
        None
    }

    /// The kept copy of `item` (with its kept children), or `None` when it is dropped. `inherited`
    /// is what applies when neither the user nor a rule decides.
    fn select(
        &self,
        item: &Item,
        mode: PartMode,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        let default_keep = mode == PartMode::Keep;
        self.select_with(item, default_keep, depth, nodes)
    }

    fn select_with(
        &self,
        item: &Item,
        inherited: bool,
        depth: usize,
        nodes: &mut Vec<NodeState>,
    ) -> Option<Item> {
        let user = self.decisions.nodes.get(&item.id);
        let rule = self.rules(&item.text);
        let own = match user {
            Some(NodeDecision::Drop) => Some(false),
            Some(_) => Some(true),
            None => rule,
        };
        let state_index = nodes.len();
        nodes.push(NodeState {
            id: item.id.clone(),
            topic: self.topic.to_string(),
            label: item.label.clone(),
            text: item.text.clone(),
            depth,
            kept: false,
            decided_by: if user.is_some() { "user" } else { "preset" }.into(),
            edited: match user {
                Some(NodeDecision::Edit { text }) => Some(text.clone()),
                _ => None,
            },
        });
        if own == Some(false) {
            record_all(&item.items, self.topic, depth + 1, false, nodes);
            return None;
        }
        let numbered_children = item
            .items
            .iter()
            .any(|c| matches!(kind_of(&c.label), LabelKind::Numeric | LabelKind::Letter));
        let child_default = own.unwrap_or(inherited);
        let mut children = Vec::new();
        for child in &item.items {
            if let Some(c) = self.select_with(child, child_default, depth + 1, nodes) {
                children.push(c);
            }
        }
        let kept = if numbered_children && user.is_none() {
            // A heading stands or falls with its numbered points.
            children
                .iter()
                .any(|c| matches!(kind_of(&c.label), LabelKind::Numeric | LabelKind::Letter))
        } else {
            own.unwrap_or(inherited)
        };
        if !kept {
            // Children kept by a rule under a dropped item go with it.
            let start = state_index + 1;
            for n in nodes.iter_mut().skip(start) {
                n.kept = false;
            }
            return None;
        }
        nodes[state_index].kept = true;
        Some(Item {
            id: item.id.clone(),
            label: item.label.clone(),
            text: item.text.clone(),
            source: Some(item.id.clone()),
            items: children,
        })
    }
}

/// Records the states of items that a part-level rule replaced or dropped.
fn record_all(items: &[Item], topic: &str, depth: usize, kept: bool, nodes: &mut Vec<NodeState>) {
    for i in items {
        nodes.push(NodeState {
            id: i.id.clone(),
            topic: topic.to_string(),
            label: i.label.clone(),
            text: i.text.clone(),
            depth,
            kept,
            decided_by: "preset".into(),
            edited: None,
        });
        record_all(&i.items, topic, depth + 1, kept, nodes);
    }
}

fn own_items(items: &[preset::OwnItem], prefix: &str, fill: &impl Fn(&str) -> String) -> Vec<Item> {
    items
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("{prefix}{}", i + 1);
            Item {
                id: id.clone(),
                label: "1.".into(),
                text: fill(&o.text),
                source: o.source.clone(),
                items: own_items(&o.items, &format!("{id}."), fill),
            }
        })
        .collect()
}

fn label_for_kind(kind: &str) -> &'static str {
    match kind {
        "bullet" => "-",
        "paragraph" => "",
        "letter" => "a)",
        _ => "1.",
    }
}

/// The children list of a container: "part:<topic>" or an item id.
fn container_mut<'a>(
    parts: &'a mut [Part],
    parent_parts: &[Part],
    container: &str,
) -> Option<&'a mut Vec<Item>> {
    if let Some(topic) = container.strip_prefix("part:") {
        let index = parent_parts
            .iter()
            .zip(parts.iter())
            .position(|(pp, _)| topic_of(&pp.title).unwrap_or("") == topic)
            .or_else(|| {
                parts
                    .iter()
                    .position(|p| topic_of(&p.title).unwrap_or("") == topic)
            })?;
        return parts.get_mut(index).map(|p| &mut p.items);
    }
    fn find<'b>(items: &'b mut [Item], id: &str) -> Option<&'b mut Item> {
        for i in items {
            if i.id == id {
                return Some(i);
            }
            if let Some(found) = find(&mut i.items, id) {
                return Some(found);
            }
        }
        None
    }
    parts
        .iter_mut()
        .find_map(|p| find(&mut p.items, container))
        .map(|i| &mut i.items)
}

fn insert_added(parts: &mut [Part], parent_parts: &[Part], added: &AddedItem) {
    let item = Item {
        id: added.id.clone(),
        label: label_for_kind(&added.kind).into(),
        text: added.text.clone(),
        source: None,
        items: Vec::new(),
    };
    let Some(children) = container_mut(parts, parent_parts, &added.parent) else {
        return;
    };
    let pos = match &added.after {
        Some(after) => children
            .iter()
            .position(|c| &c.id == after)
            .map_or(children.len(), |p| p + 1),
        None => 0,
    };
    children.insert(pos, item);
}

/// Puts the children in the given order; children not named keep their relative order after.
fn reorder(children: &mut Vec<Item>, order: &[String]) {
    let mut taken: Vec<Item> = Vec::with_capacity(children.len());
    for id in order {
        if let Some(pos) = children.iter().position(|c| &c.id == id) {
            taken.push(children.remove(pos));
        }
    }
    taken.append(children);
    *children = taken;
}

fn apply_edits(item: &mut Item, edited: &[(&String, &String)]) {
    if let Some((_, text)) = edited.iter().find(|(id, _)| **id == item.id) {
        item.text = text.trim().to_string();
    }
    for c in &mut item.items {
        apply_edits(c, edited);
    }
}

fn signer(profile: &UnitProfile, preset: &Preset) -> Signer {
    let prefix = profile
        .signer_authority
        .trim()
        .trim_end_matches('.')
        .to_uppercase();
    let title = if profile.signer_title.trim().is_empty() {
        preset.signer_title.clone()
    } else {
        caps(profile.signer_title.trim())
    };
    let authority = match prefix.as_str() {
        "" => String::new(),
        "TM" => format!(
            "TM. {}",
            if preset.collective.is_empty() {
                caps(&profile.name)
            } else {
                preset.collective.clone()
            }
        ),
        p => format!("{p}. {}", preset.signer_title),
    };
    Signer {
        authority,
        title,
        name: profile.signer_name.trim().to_string(),
    }
}

/// The parent's footnotes whose mark is still in the unit's text.
fn kept_footnotes(footnotes: &[Footnote], plan: &Plan) -> Vec<Footnote> {
    footnotes
        .iter()
        .filter(|f| {
            plan.items()
                .iter()
                .any(|(_, i)| i.id == f.anchor && (f.after.is_empty() || i.text.contains(&f.after)))
        })
        .cloned()
        .collect()
}

/// The unit's appendix: one group per kept reform area, one row per kept task, with products
/// and deadlines from the parent's matching row and owners from the preset.
fn appendix(
    plan: &Plan,
    parent: &Plan,
    preset: &Preset,
    decisions: &Decisions,
    scope_phrases: &[String],
    render: &impl Fn(&str) -> Result<String, AdaptError>,
    fill: &impl Fn(&str) -> String,
) -> Result<Appendix, AdaptError> {
    let parent_rows: Vec<(Words, &AppendixRow)> = parent
        .appendix
        .iter()
        .flat_map(|a| a.groups.iter().flat_map(|g| g.rows.iter()))
        .map(|r| (words(r.cells.first().map_or("", String::as_str)), r))
        .collect();
    let columns = parent
        .appendix
        .as_ref()
        .map(|a| a.columns.clone())
        .filter(|c| c.len() == 6)
        .unwrap_or_else(Appendix::default_columns);
    let tasks = plan
        .parts
        .iter()
        .find(|p| topic_of(&p.title) == Some("nhiem_vu"));
    let mut groups = Vec::new();
    for area in tasks.iter().flat_map(|p| &p.items) {
        if kind_of(&area.label) != LabelKind::Numeric {
            continue;
        }
        let mut rows = Vec::new();
        for task in area
            .items
            .iter()
            .filter(|t| kind_of(&t.label) == LabelKind::Numeric)
        {
            let matched = best_row(&task.text, &parent_rows);
            let clean = |cell: Option<&String>, default: &str| -> String {
                let lines: Vec<&str> = cell
                    .map(|c| {
                        c.lines()
                            .filter(|l| scope::occurrences(l, scope_phrases).is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                if lines.is_empty() {
                    fill(default)
                } else {
                    lines.join("\n")
                }
            };
            let cells = match decisions.appendix.get(&task.id) {
                Some(own) => own.clone(),
                None => vec![
                    table_task(&task.text),
                    clean(matched.and_then(|r| r.cells.get(1)), &preset.product),
                    fill(&preset.lead),
                    fill(&preset.cooperate),
                    clean(matched.and_then(|r| r.cells.get(4)), &preset.deadline),
                ],
            };
            rows.push(AppendixRow {
                id: task.id.clone(),
                label: task.label.trim_end_matches('.').to_string(),
                cells,
                source: matched.map(|r| r.label.clone()),
            });
        }
        if !rows.is_empty() {
            groups.push(AppendixGroup {
                label: area.label.trim_end_matches('.').to_string(),
                title: area.text.trim_end_matches([':', '.']).to_string(),
                rows,
            });
        }
    }
    Ok(Appendix {
        title: render("appendix_title")?,
        subtitle: render("appendix_subtitle")?,
        columns,
        groups,
    })
}

/// The task as the appendix states it: a long item is cut to its first sentence (the body keeps
/// the whole text).
fn table_task(text: &str) -> String {
    const LONG: usize = 45;
    if text.split_whitespace().count() <= LONG {
        return text.to_string();
    }
    let end = text
        .match_indices(['.', ';'])
        .map(|(i, _)| i)
        .find(|&i| text[..i].split_whitespace().count() >= 8 && text[i + 1..].starts_with(' '))
        .unwrap_or(text.len());
    let first = text[..end].trim_end_matches([';', '.', ',']).trim();
    format!("{first}.")
}

type Words = std::collections::BTreeSet<String>;

/// The distinct words of a text, folded.
fn words(s: &str) -> Words {
    crate::import::text_util::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(String::from)
        .collect()
}

/// The parent appendix row whose task is most like `text` (shared words), if alike enough.
fn best_row<'a>(text: &str, rows: &[(Words, &'a AppendixRow)]) -> Option<&'a AppendixRow> {
    let a = words(text);
    if a.is_empty() {
        return None;
    }
    rows.iter()
        .filter_map(|(b, r)| {
            let common = a.intersection(b).count() as f64;
            let score = common / (a.len().min(b.len()).max(1) as f64);
            (score >= 0.6).then_some((score, *r))
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_body_in_normal_case() {
        assert_eq!(
            title_case_body("ỦY BAN NHÂN DÂN QUẬN 1"),
            "Ủy ban nhân dân Quận 1"
        );
        assert_eq!(
            title_case_body("ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN"),
            "Ủy ban nhân dân phường sài gòn"
        );
    }

    #[test]
    fn reorder_puts_named_children_first() {
        let mut items: Vec<Item> = ["a", "b", "c"]
            .iter()
            .map(|id| Item::new(*id, "1.", *id))
            .collect();
        reorder(&mut items, &["c".to_string(), "a".to_string()]);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
    }
}
