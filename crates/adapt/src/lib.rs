//! Adaptation (xây dựng kế hoạch của đơn vị): the parent plan, a unit profile, a unit-type
//! preset and the user's decisions give the unit's own plan. The pipeline, in [`adapt_with`]:
//!
//! 1. select ([`select`]): every parent item is kept (parent wording), edited (own wording) or
//!    dropped; the preset decides what the user has not;
//! 2. edit ([`edits`]): items added and moved within their container, own wording applied;
//! 3. reword ([`reword`]): rewordings are proposals, one per occurrence, accepted or rejected on
//!    their own or with all of their rule; the parent's own scope ([`kehoach_parent`]) is flagged
//!    and its clause proposed for removal;
//! 4. derive ([`derived`], [`appendix`]): header, title, bases, intro, funding, closing,
//!    recipients, signer and appendix. Labels are derived from the tree, so numbering never has
//!    gaps; every unit item records its source (the parent item's id) or none.
mod appendix;
pub mod boilerplate;
pub mod carry;
mod cells;
mod context;
mod derived;
mod edits;
mod funding;
pub mod judge;
pub mod likeness;
mod names;
mod own_voice;
pub mod preset;
mod readdress;
mod reword;
mod select;
mod share;
pub mod worklist;

pub use preset::{Preset, PresetError};
pub use reword::{Proposal, ProposalStatus};

use crate::boilerplate::{Boilerplate, TemplateError};
use kehoach_model::numbering::renumber;
use kehoach_model::{
    Decisions, Item, ItemKind, NodeDecision, Part, Plan, ProfileError, Topic, UnitProfile,
};
use preset::PartMode;
use serde::{Deserialize, Serialize};

/// How to adapt.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdaptOptions {
    /// Accept every undecided proposal whose rule is on by default (the CLI); the app leaves
    /// them for the user to review.
    pub apply_defaults: bool,
}

/// One parent item and what became of it (for the item review screen).
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeState {
    pub id: String,
    /// The topic of the part it is in.
    pub topic: Option<Topic>,
    pub label: String,
    pub text: String,
    pub depth: usize,
    pub kept: bool,
    /// "user" when the user decided, "preset" otherwise.
    pub decided_by: String,
    /// The user's own wording, if any.
    pub edited: Option<String>,
    /// What the judge made of the item's text, and why (shown to the user).
    pub verdict: judge::Verdict,
    pub reason: String,
    /// In a plan made from last year's: what the parent changed in this item since then.
    #[serde(default)]
    pub change: Option<kehoach_model::ItemChange>,
    /// A dropped item in the unit's words, where they differ from the parent's: what keeping it
    /// would give (the same rewordings as a kept item), offered beside it so that a duty the
    /// unit also has is not lost with the parent's wording.
    #[serde(default)]
    pub offer: Option<String>,
    /// Why the item is asked although the judge decided it: units of its kind firmly decided
    /// items worded like it the other way ([`likeness`]).
    #[serde(default)]
    pub doubt: Option<String>,
}

/// A unit item that still carries the parent's scope.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The unit item id.
    pub node: String,
    pub phrase: String,
    pub excerpt: String,
}

/// A part of the parent plan as its heading reads.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartHeading {
    pub label: String,
    pub title: String,
    pub topic: Option<Topic>,
}

/// The result: the unit's plan and what the user should review.
#[derive(ts_rs::TS, Debug, Clone, Serialize, Deserialize)]
pub struct Adaptation {
    pub plan: Plan,
    /// The parent plan's parts (the review screens group items under them).
    pub parent_parts: Vec<PartHeading>,
    pub proposals: Vec<Proposal>,
    pub flags: Vec<Flag>,
    pub nodes: Vec<NodeState>,
    /// The items of the whole plan that need the user's judgement ([`worklist::list`]).
    pub worklist: Vec<worklist::WorkItem>,
    /// The parts whose items the unit's own sentence replaces (its funding, by its preset).
    pub replaced: Vec<Topic>,
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
    let ctx = context::Context::new(parent, profile, preset);
    let render = |name: &str| -> Result<String, AdaptError> {
        match decisions.texts.get(name) {
            Some(own) if !own.trim().is_empty() => Ok(own.trim().to_string()),
            _ => Ok(boilerplate.render(name, ctx.data())?),
        }
    };
    let fill = |t: &str| ctx.fill(t);

    // 1. The body, part by part.
    let parent_profile = kehoach_parent::ParentProfile::of(parent);
    let judge = judge::Judge::new(preset, &parent_profile, &profile.name);
    let leads = appendix::leads(parent);
    let mut nodes = Vec::new();
    let mut parts = Vec::new();
    for part in &parent.parts {
        let topic = part.topic();
        let mode = topic.map_or(PartMode::Keep, |t| preset.part_mode(t));
        let sel = select::Selector::new(&judge, decisions, topic, &leads, &preset.likeness);
        let key = topic.map_or("P", Topic::key);
        let items = match mode {
            PartMode::Keep | PartMode::Drop => {
                let mut items = Vec::new();
                for (i, item) in part.items.iter().enumerate() {
                    // The parent's pointer to its appendix: the unit's own follows its own
                    // appendix (step 4).
                    if select::points_to_appendix(&item.text) {
                        select::record(item, topic, 0, false, select::POINTER, &mut nodes);
                        continue;
                    }
                    // The sentence in which the parent sets its units to the tasks: the
                    // unit's own sentence.
                    // (Kept or reworded by the user, it is theirs.)
                    let user = decisions.nodes.get(&item.id);
                    if select::leads_tasks(part, i)
                        && topic == Some(Topic::NhiemVu)
                        && matches!(user, None | Some(NodeDecision::Drop))
                    {
                        select::record(item, topic, 0, false, select::LEAD, &mut nodes);
                        if user.is_none() {
                            items.push(Item::new(format!("{key}.lead"), "", render("tasks_lead")?));
                        }
                        continue;
                    }
                    items.extend(sel.select(item, mode, 0, &mut nodes));
                }
                items
            }
            PartMode::Template => {
                // The parent's funding sentences the unit has a counterpart of are covered by
                // its own sentence.
                let kept: Vec<Item> = part
                    .items
                    .iter()
                    .filter_map(|item| sel.select(item, PartMode::Keep, 0, &mut nodes))
                    .collect();
                let mut item = Item::new(format!("{key}.1"), "1.", render("funding")?);
                item.kind = ItemKind::Numbered;
                item.source = kept.first().or(part.items.first()).map(|i| i.id.clone());
                vec![item]
            }
            PartMode::Own => {
                // The parent's items addressed to units like this one, then the unit's own.
                let mut items: Vec<Item> = part
                    .items
                    .iter()
                    .filter_map(|item| sel.select(item, PartMode::Drop, 0, &mut nodes))
                    .collect();
                // The parent's funding sentences, where its plan has no part of its own for
                // them: the unit's own sentence, once ([`funding::to_chuc`]).
                funding::to_chuc(
                    &mut items,
                    part,
                    parent.part(Topic::KinhPhi).is_some(),
                    &render("funding")?,
                    decisions,
                    &mut nodes,
                );
                // In the unit's voice: the parent's instructions to its units are the unit's
                // own, addressed to its head; its steering of them and its requests to other
                // bodies go (what the user decided stands).
                let head = fill(&preset.head);
                items.retain_mut(|item| {
                    if decisions.nodes.contains_key(&item.id) {
                        return true;
                    }
                    if own_voice::addressed_to_head(item, &|t| judge.gives_to_own(t), &head) {
                        return true;
                    }
                    let steers = preset.ignore.iter().any(|g| g == "chi-dao");
                    match own_voice::own_voice(&item.text, !item.items.is_empty(), &head, steers) {
                        own_voice::Voice::Same => true,
                        own_voice::Voice::Reworded(text) => {
                            item.text = text;
                            true
                        }
                        own_voice::Voice::Drop(why) => {
                            let ids: Vec<String> =
                                item.walk().iter().map(|i| i.id.clone()).collect();
                            mark(&mut nodes, &ids, |n| {
                                n.kept = false;
                                n.reason = why.to_string();
                                n.doubt = None;
                            });
                            false
                        }
                    }
                });
                let mut own = select::own_items(&preset.own_items, &format!("{key}.own"), &fill);
                edits::drop_dropped(&mut own, decisions);
                // (Not what a kept parent item, or a point under it, already says — not a
                // role heading over points, "Giám đốc", which says nothing yet.)
                let kept: Vec<&str> = items
                    .iter()
                    .flat_map(|i| std::iter::once(i).chain(i.items.iter()))
                    .map(|i| i.text.as_str())
                    .filter(|t| t.split_whitespace().count() >= 5)
                    .collect();
                own.retain(|o| !kept.iter().any(|k| select::alike(k, &o.text)));
                items.extend(own);
                items
            }
        };
        parts.push(Part {
            items,
            ..part.clone()
        });
    }

    // 2. Added and moved items, own wording.
    for added in &decisions.added {
        edits::insert_added(&mut parts, added);
    }
    for (container, order) in &decisions.order {
        if let Some(children) = edits::container_mut(&mut parts, container) {
            edits::reorder(children, order);
        }
    }
    let edited = edits::edited(&decisions.nodes);
    for part in &mut parts {
        edits::apply_edits(&mut part.items, &edited);
    }
    parts.retain(|p| !p.items.is_empty());

    // 3. Rewordings and the parent's scope.
    // The parent's scope to cut (its wards counted, its quarters, its budget, staff and
    // government), and what is only pointed out ("của xã", "trên địa bàn").
    let mut scope_phrases = kehoach_parent::learn(parent, &preset.scope_phrases);
    if !preset.ignore.iter().any(|i| i == "pham-vi") {
        for p in &parent_profile.strong_scope {
            if !scope_phrases.iter().any(|q| q.eq_ignore_ascii_case(p)) {
                scope_phrases.push(p.clone());
            }
        }
    }
    let edited_ids: Vec<&str> = edited.keys().copied().collect();
    let subject = preset.subject(&fill);
    let head = fill(&preset.head);
    // A division or office of the parent works for it, on its territory: its plan speaks of
    // both as its own (as the checker reads it), nothing of them is a leftover.
    let unit = kehoach_text::fold(&profile.name);
    let flag_phrases = if kehoach_parent::scope::is_agency(&unit) {
        Vec::new()
    } else {
        let mut phrases = parent_profile.flag_phrases();
        // A People's Committee's bare "trên địa bàn" is its own territory (as the checker reads
        // its plan).
        if kehoach_parent::scope::is_government(&unit) {
            phrases.retain(|p| p != "trên địa bàn");
        }
        phrases
    };
    // The unit's words for a parent's duty: given to units like it ("… các đơn vị trực thuộc
    // triển khai …" → "Nhà trường triển khai …"), or a target on the parent's own measure (its
    // share: "Góp phần nâng cao Chỉ số … của tỉnh").
    let parent_scope: Vec<String> = scope_phrases.iter().chain(&flag_phrases).cloned().collect();
    let own_wording = |t: &str| {
        judge
            .own_wording(t, &subject, &head)
            .map(|w| (w, reword::OWN_WORDS_LABEL))
            .or_else(|| share::contribution(t, &parent_scope).map(|w| (w, share::LABEL)))
    };
    // A plan of a body above the unit's parent: what the unit sends goes to its own parent.
    let readdressed;
    let preset = {
        let moved = readdress::rules(parent, profile);
        if moved.is_empty() {
            preset
        } else {
            let mut p = preset.clone();
            p.reword.extend(moved);
            readdressed = p;
            &readdressed
        }
    };
    let (proposals, flags) = reword::review(
        &mut parts,
        preset,
        &scope_phrases,
        &flag_phrases,
        &own_wording,
        &edited_ids,
        decisions,
        opts,
        &fill,
        profile.year,
    );
    // Reword before you drop: each dropped item of the body in the unit's words.
    let dropped = reword::dropped_parts(parent, &nodes, |t| {
        t.is_none_or(|t| matches!(preset.part_mode(t), PartMode::Keep | PartMode::Drop))
    });
    let mut offered = dropped.clone();
    // (With the rewordings the unit's type makes by default, as "Dùng tất cả đề xuất mặc
    // định" does, and none the user turned down: a dropped item has no proposals of its own
    // yet, so in the app its offer was its parent's words.)
    reword::review(
        &mut offered,
        preset,
        &scope_phrases,
        &flag_phrases,
        &own_wording,
        &[],
        decisions,
        AdaptOptions {
            apply_defaults: true,
        },
        &fill,
        profile.year,
    );
    reword::offer(&dropped, &offered, &mut nodes);

    // 4. Derived parts.
    let mut plan = Plan {
        header: derived::header(profile, &ctx),
        year: Some(profile.year),
        issued_with: None,
        doc_type: "Kế hoạch".into(),
        summary: render("summary")?,
        bases: derived::bases(parent, render("parent_basis")?, {
            // A People's Committee or one of its organs acts by the powers its parent's plan
            // stands on; a school or a health unit does not.
            let unit = kehoach_text::fold(&profile.name);
            kehoach_parent::scope::is_government(&unit) || kehoach_parent::scope::is_agency(&unit)
        }),
        decision_bases: Vec::new(),
        intro: render("intro")?,
        parts,
        closing: render("closing")?,
        recipients: derived::recipients(profile, preset, &ctx),
        signer: derived::signer(profile, preset, &ctx),
        footnotes: Vec::new(),
        emphasis: Vec::new(),
        appendix: None,
        // What was converted when the parent was read concerns the parent, not this plan.
        notices: Vec::new(),
    };
    plan.footnotes = derived::kept_footnotes(&parent.footnotes, &plan);
    plan.emphasis = derived::kept_emphasis(&parent.emphasis, &plan);
    renumber(&mut plan);
    let mut proposals = proposals;
    plan.appendix = Some(appendix::appendix(
        &plan,
        parent,
        preset,
        decisions,
        &scope_phrases,
        &render,
        &ctx,
        opts,
        &mut proposals,
    )?);
    // The pointer to the appendix, where the unit has one.
    let has_rows = plan
        .appendix
        .as_ref()
        .is_some_and(|a| a.groups.iter().any(|g| !g.rows.is_empty()));
    if has_rows {
        if let Some(part) = plan
            .parts
            .iter_mut()
            .find(|p| p.topic() == Some(Topic::NhiemVu))
        {
            let key = Topic::NhiemVu.key();
            part.items.push(Item::new(
                format!("{key}.phu-luc"),
                "",
                render("appendix_pointer")?,
            ));
        }
    }
    plan.normalize();
    let parent_parts = parent
        .parts
        .iter()
        .map(|p| PartHeading {
            label: p.label.clone(),
            title: p.title.clone(),
            topic: p.topic(),
        })
        .collect();
    let replaced = Topic::ALL
        .into_iter()
        .filter(|&t| preset.part_mode(t) == PartMode::Template)
        .collect();
    let mut adaptation = Adaptation {
        plan,
        parent_parts,
        proposals,
        flags,
        nodes,
        worklist: Vec::new(),
        replaced,
    };
    adaptation.worklist = worklist::list(&adaptation, decisions);
    Ok(adaptation)
}

/// Changes the review states of the items `ids` (an item decided by a rule, with its points).
impl Adaptation {
    /// Whether the unit's own funding sentence stands in place of this parent item (its funding
    /// part, or a funding sentence of Tổ chức thực hiện): neither kept nor dropped in the
    /// parent's words, and never asked.
    pub fn replaced_by_unit(&self, n: &NodeState) -> bool {
        n.topic.is_some_and(|t| self.replaced.contains(&t)) || n.reason == own_voice::FUNDING
    }
}

pub(crate) fn mark(nodes: &mut [NodeState], ids: &[String], f: impl Fn(&mut NodeState)) {
    for n in nodes.iter_mut().filter(|n| ids.contains(&n.id)) {
        f(n);
    }
}
