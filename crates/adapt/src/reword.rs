//! Rewording proposals: every occurrence of a rule's phrase in a kept item is one proposal, shown
//! in context, accepted or rejected on its own or with all of its rule. The clause that carries
//! the parent's scope is a proposal too (rule "pham-vi"), and so is each of last year's years
//! (rule "nam-cu"). Only accepted proposals change text, and none changes part of a protected
//! span (a cited document, a quotation, a name: [`kehoach_nd30::spans`]).
use super::preset::{Preset, RewordRule};
use super::{AdaptOptions, Flag};
use kehoach_model::{Decisions, Item, Part};
use kehoach_nd30::spans::protected;
use kehoach_parent::scope;
use kehoach_text::{context, match_case};
use serde::{Deserialize, Serialize};

/// The rule id of scope-clause removals.
pub const SCOPE_RULE: &str = "pham-vi";
/// The rule id of sentences in which the parent gives the work, put in the unit's own words.
pub const OWN_WORDS_RULE: &str = "loi-don-vi";
/// What such a proposal is called (where the parent gives the work).
pub const OWN_WORDS_LABEL: &str = "Cấp trên giao việc → việc đơn vị tự làm";
/// The rule id of last year's years moved to the plan's.
pub const STALE_YEAR_RULE: &str = "nam-cu";

#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProposalStatus {
    Pending,
    Accepted,
    Rejected,
}

/// One proposed change at one place.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Stable: "<rule>:<item id>:<occurrence>".
    pub id: String,
    pub rule: String,
    /// The rule as the user reads it.
    pub label: String,
    /// The unit item id.
    pub node: String,
    pub before: String,
    pub after: String,
    pub context_before: String,
    pub context_after: String,
    pub status: ProposalStatus,
    /// Whether the preset turns it on by default.
    pub default: bool,
    /// In a cell of the appendix row of `node`, not in the item's text.
    #[serde(default)]
    pub in_appendix: bool,
}

fn status(
    id: &str,
    rule: &str,
    default: bool,
    decisions: &Decisions,
    opts: AdaptOptions,
) -> ProposalStatus {
    let decided = decisions
        .rewordings
        .get(id)
        .or_else(|| decisions.rules.get(rule));
    match decided {
        Some(true) => ProposalStatus::Accepted,
        Some(false) => ProposalStatus::Rejected,
        None if opts.apply_defaults && default => ProposalStatus::Accepted,
        None => ProposalStatus::Pending,
    }
}

/// Proposes and applies rewordings and scope cuts in every kept parent item; flags the scope
/// that is left.
#[allow(clippy::too_many_arguments)]
pub fn review(
    parts: &mut [Part],
    preset: &Preset,
    scope_phrases: &[String],
    flag_phrases: &[String],
    own_wording: &dyn Fn(&str) -> Option<(String, &'static str)>,
    edited: &[&str],
    decisions: &Decisions,
    opts: AdaptOptions,
    fill: &impl Fn(&str) -> String,
    plan_year: i32,
) -> (Vec<Proposal>, Vec<Flag>) {
    let mut proposals = Vec::new();
    let mut flags = Vec::new();
    for part in parts.iter_mut() {
        let topic = part.topic();
        // Each rule with its phrases, its replacement and its title filled in for this unit
        // (a title naming "{{parent.place}}" shows the place).
        let rules: Vec<(&RewordRule, Vec<String>, (String, String))> = preset
            .reword
            .iter()
            .filter(|r| r.parts.is_empty() || topic.is_some_and(|t| r.parts.contains(&t)))
            .map(|r| {
                // (A phrase whose value at its edge is empty — a parent named by no place — is
                // no phrase: "trên địa bàn " would take every territory.)
                let froms = r
                    .from
                    .iter()
                    .map(|f| fill(f))
                    .filter(|f| !f.is_empty() && f.trim() == f)
                    .collect();
                (r, froms, (fill(&r.to), fill(&r.label)))
            })
            .collect();
        let ctx = Ctx {
            rules: &rules,
            scope_phrases,
            flag_phrases,
            own_wording,
            edited,
            decisions,
            opts,
            plan_year,
        };
        walk(&mut part.items, &ctx, &mut proposals, &mut flags);
    }
    (proposals, flags)
}

struct Ctx<'a> {
    rules: &'a [(&'a RewordRule, Vec<String>, (String, String))],
    scope_phrases: &'a [String],
    /// The parent's scope that is only pointed out ("của xã", "trên địa bàn").
    flag_phrases: &'a [String],
    own_wording: &'a dyn Fn(&str) -> Option<(String, &'static str)>,
    edited: &'a [&'a str],
    decisions: &'a Decisions,
    opts: AdaptOptions,
    plan_year: i32,
}

fn walk(items: &mut Vec<Item>, ctx: &Ctx, proposals: &mut Vec<Proposal>, flags: &mut Vec<Flag>) {
    for item in items.iter_mut() {
        // Only the parent's wording is reviewed: own wording and the unit's own items are the
        // user's.
        if item.source.as_deref() == Some(item.id.as_str())
            && !ctx.edited.contains(&item.id.as_str())
        {
            own_words(item, ctx, proposals);
            reword_item(item, ctx, proposals);
            cut_scope(item, ctx, proposals);
            let node = item.id.clone();
            let at = Place {
                node: &node,
                cell: None,
            };
            stale_years(
                &mut item.text,
                &at,
                ctx.plan_year,
                ctx.decisions,
                ctx.opts,
                proposals,
            );
        }
        // What is left of the parent's scope (not where the parent is named as an authority).
        let text = scope::without_references(&item.text);
        let phrases: Vec<String> = ctx
            .scope_phrases
            .iter()
            .chain(ctx.flag_phrases)
            .cloned()
            .collect();
        for (s, e, phrase) in scope::occurrences(&text, &phrases) {
            let (b, a) = context(&text, s, e, 6);
            flags.push(Flag {
                node: item.id.clone(),
                phrase,
                excerpt: format!("{b}{}{a}", &text[s..e]),
            });
        }
        walk(&mut item.items, ctx, proposals, flags);
    }
    // A cut that took the whole text takes the item too.
    items.retain(|i| !i.text.trim().is_empty() || !i.items.is_empty());
}

fn reword_item(item: &mut Item, ctx: &Ctx, proposals: &mut Vec<Proposal>) {
    // Every occurrence of every phrase; the longest wins where they overlap.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    let phrases: Vec<String> = ctx
        .rules
        .iter()
        .flat_map(|(_, from, _)| from.clone())
        .collect();
    let rule_of: Vec<usize> = ctx
        .rules
        .iter()
        .enumerate()
        .flat_map(|(r, (_, from, _))| std::iter::repeat_n(r, from.len()))
        .collect();
    kehoach_text::with_phrase_set(&phrases, |set, ids| {
        let found = set.find(&item.text);
        for (n, id) in ids.iter().enumerate() {
            for &(s, e) in id.map_or(&[][..], |id| found.at(id)) {
                hits.push((s, e, rule_of[n]));
            }
        }
    });
    // What qualified the units goes with them: "các cơ quan, đơn vị thuộc xã" → "đơn vị".
    for h in hits.iter_mut() {
        h.1 = super::names::name_end(&item.text, h.1);
    }
    // Never inside a cited document's title, a quotation or a name — nor the head of a longer
    // name: "Trang thông tin điện tử của tỉnh" in "… của tỉnh Gia Lai" is the province's.
    let spans = protected(&item.text);
    let text = &item.text;
    let names_more = |e: usize| {
        text[..e].ends_with(char::is_lowercase)
            && text[e..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
    };
    hits.retain(|&(s, e, _)| spans.allows(s, e) && !names_more(e));
    hits.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
    let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
    for h in hits {
        if chosen.last().is_none_or(|c| h.0 >= c.1) {
            chosen.push(h);
        }
    }
    let mut counts = vec![0usize; ctx.rules.len()];
    let mut accepted: Vec<(usize, usize, String)> = Vec::new();
    for (s, e, r) in chosen {
        let (rule, _, (to, title)) = &ctx.rules[r];
        counts[r] += 1;
        let id = format!("{}:{}:{}", rule.id, item.id, counts[r]);
        let before = item.text[s..e].to_string();
        let mut after = match_case(&before, to);
        // At the start of the text or of a sentence, a capital whatever the words replaced.
        let head = item.text[..s].trim_end();
        if head.is_empty() || head.ends_with('.') {
            after = kehoach_text::capitalise(&after);
        }
        if before == after {
            continue;
        }
        let (cb, ca) = context(&item.text, s, e, 6);
        let st = status(&id, &rule.id, rule.default, ctx.decisions, ctx.opts);
        if st == ProposalStatus::Accepted {
            accepted.push((s, e, after.clone()));
        }
        proposals.push(Proposal {
            id,
            rule: rule.id.clone(),
            label: if title.is_empty() {
                format!("{before} → {after}")
            } else {
                title.clone()
            },
            node: item.id.clone(),
            before,
            after,
            context_before: cb,
            context_after: ca,
            status: st,
            default: rule.default,
            in_appendix: false,
        });
    }
    for (s, e, after) in accepted.into_iter().rev() {
        // A phrase taken out with nothing in its place takes the space before it ("của người
        // dân và cha mẹ học sinh" → "của người dân"; phrases are matched trimmed).
        let s = if after.is_empty() && item.text[..s].ends_with(' ') {
            s - 1
        } else {
            s
        };
        item.text.replace_range(s..e, &after);
    }
}

/// The parent giving the work ("Chủ tịch Ủy ban nhân dân xã chỉ đạo các trường học xây dựng
/// …") becomes the unit doing it ("Xây dựng …"): one proposal for the changed opening.
fn own_words(item: &mut Item, ctx: &Ctx, proposals: &mut Vec<Proposal>) {
    let Some((new, label)) = (ctx.own_wording)(&item.text) else {
        return;
    };
    if new == item.text {
        return;
    }
    // The changed opening: what differs before the common ending.
    let common = item
        .text
        .chars()
        .rev()
        .zip(new.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    // Whole words: the shared ending from its first word boundary on.
    let shared = &item.text[item.text.len() - common..];
    let to_word = if item.text[..item.text.len() - common].ends_with(' ') {
        0
    } else {
        shared.find(' ').map_or(shared.len(), |i| i + 1)
    };
    let old_end = item.text.len() - common + to_word;
    let new_end = new.len() - common + to_word;
    if !protected(&item.text).allows(0, old_end) {
        return;
    }
    let before = item.text[..old_end].trim().to_string();
    let after = new[..new_end].trim().to_string();
    let id = format!("{OWN_WORDS_RULE}:{}:1", item.id);
    let st = status(&id, OWN_WORDS_RULE, true, ctx.decisions, ctx.opts);
    proposals.push(Proposal {
        id,
        rule: OWN_WORDS_RULE.into(),
        label: label.into(),
        node: item.id.clone(),
        before,
        after,
        context_before: String::new(),
        context_after: kehoach_text::short(&item.text[old_end..], 6),
        status: st,
        default: true,
        in_appendix: false,
    });
    if st == ProposalStatus::Accepted {
        item.text = new;
    }
}

fn cut_scope(item: &mut Item, ctx: &Ctx, proposals: &mut Vec<Proposal>) {
    let spans = protected(&item.text);
    let mut ranges = scope::trim_ranges(&item.text, ctx.scope_phrases);
    ranges.retain(|&(s, e)| spans.allows(s, e));
    if ranges.is_empty() {
        return;
    }
    // Cutting whole clauses must not leave the item without text: cut the phrases instead.
    if scope::remove_ranges(&item.text, &ranges).is_empty() {
        ranges = scope::phrase_ranges(&item.text, ctx.scope_phrases);
        ranges.retain(|&(s, e)| spans.allows(s, e));
    }
    // Not a counted noun out of its phrase: "điều hành các khu phố của Thành phố" would read
    // "điều hành các của Thành phố".
    let text = &item.text;
    ranges.retain(|&(s, _)| {
        let before = kehoach_text::fold(text[..s].trim_end());
        !["cac", "nhung", "moi", "tung"]
            .iter()
            .any(|w| before == *w || before.ends_with(&format!(" {w}")))
    });
    if ranges.is_empty() {
        return;
    }
    let mut accepted = Vec::new();
    for (k, &(s, e)) in ranges.iter().enumerate() {
        let id = format!("{SCOPE_RULE}:{}:{}", item.id, k + 1);
        let st = status(&id, SCOPE_RULE, true, ctx.decisions, ctx.opts);
        if st == ProposalStatus::Accepted {
            accepted.push((s, e));
        }
        let (cb, ca) = context(&item.text, s, e, 6);
        proposals.push(Proposal {
            id,
            rule: SCOPE_RULE.into(),
            label: "Bỏ phần nói về phạm vi của cấp trên".into(),
            node: item.id.clone(),
            before: item.text[s..e].trim().to_string(),
            after: String::new(),
            context_before: cb,
            context_after: ca,
            status: st,
            default: true,
            in_appendix: false,
        });
    }
    if !accepted.is_empty() {
        item.text = scope::remove_ranges(&item.text, &accepted);
    }
}

/// Where a text is: an item of the body, or a cell of an appendix row (the row's task id).
pub struct Place<'a> {
    pub node: &'a str,
    /// The cell of the appendix row (after STT), for an appendix cell.
    pub cell: Option<usize>,
}

/// Each of last year's years in a text of the parent's wording is a proposal for the plan's
/// year ("Trong năm 2024" → "Trong năm 2025"), on by default; accepted ones change the text.
pub fn stale_years(
    text: &mut String,
    at: &Place,
    plan_year: i32,
    decisions: &Decisions,
    opts: AdaptOptions,
    proposals: &mut Vec<Proposal>,
) {
    let spans = protected(text);
    let found = kehoach_nd30::years::stale(text, plan_year, &spans);
    let mut accepted = Vec::new();
    for (k, y) in found.into_iter().enumerate() {
        let id = match at.cell {
            None => format!("{STALE_YEAR_RULE}:{}:{}", at.node, k + 1),
            Some(c) => format!("{STALE_YEAR_RULE}:{}:o{c}:{}", at.node, k + 1),
        };
        let st = status(&id, STALE_YEAR_RULE, true, decisions, opts);
        if st == ProposalStatus::Accepted {
            accepted.push((y.start, y.end, y.proposed.clone()));
        }
        let (cb, ca) = context(text, y.start, y.end, 6);
        proposals.push(Proposal {
            id,
            rule: STALE_YEAR_RULE.into(),
            label: format!("Năm cũ → năm {plan_year} của kế hoạch"),
            node: at.node.to_string(),
            before: y.found,
            after: y.proposed,
            context_before: cb,
            context_after: ca,
            status: st,
            default: true,
            in_appendix: at.cell.is_some(),
        });
    }
    for (s, e, after) in accepted.into_iter().rev() {
        text.replace_range(s..e, &after);
    }
}

/// The dropped items of the parent's parts that `body` names (by topic), each alone, as parts
/// to reword like kept ones ([`offer`]): an item of work, not a heading over others, the
/// parent's pointer to its appendix or its sentence setting its units to the tasks.
pub fn dropped_parts(
    parent: &kehoach_model::Plan,
    nodes: &[super::NodeState],
    body: impl Fn(Option<kehoach_model::Topic>) -> bool,
) -> Vec<Part> {
    let dropped: std::collections::BTreeSet<&str> = nodes
        .iter()
        .filter(|n| {
            !n.kept && n.reason != super::select::POINTER && n.reason != super::select::LEAD
        })
        .map(|n| n.id.as_str())
        .collect();
    parent
        .parts
        .iter()
        .filter(|p| body(p.topic()))
        .map(|p| Part {
            label: p.label.clone(),
            title: p.title.clone(),
            topic: p.topic,
            items: p
                .items
                .iter()
                .flat_map(Item::walk)
                .filter(|i| {
                    i.items.is_empty()
                        && !i.text.trim_end().ends_with(':')
                        && dropped.contains(i.id.as_str())
                })
                .map(|i| Item {
                    source: Some(i.id.clone()),
                    items: Vec::new(),
                    ..i.clone()
                })
                .collect(),
        })
        .filter(|p| !p.items.is_empty())
        .collect()
}

/// Each dropped item's offer: its text after the rewordings, where it differs.
pub fn offer(before: &[Part], after: &[Part], nodes: &mut [super::NodeState]) {
    let reworded: std::collections::BTreeMap<&str, &str> = after
        .iter()
        .flat_map(|p| &p.items)
        .map(|i| (i.id.as_str(), i.text.as_str()))
        .collect();
    for item in before.iter().flat_map(|p| &p.items) {
        let now = reworded.get(item.id.as_str()).map(|t| t.trim());
        if let Some(n) = nodes.iter_mut().find(|n| n.id == item.id) {
            n.offer = now
                .filter(|t| !t.is_empty() && *t != item.text.trim())
                .map(str::to_string);
        }
    }
}
