//! Last year's parent items in this year's parent plan, matched by what they say — not by their
//! labels, since between two years items are inserted, moved, merged, split and reworded, and
//! the areas regrouped. Each item is its words (folded, every year one token, with the pairs of
//! neighbouring words so that order counts), its heading's words and its place in the plan.
//! Pairs are taken best first; what stays unmatched is checked for a split (a new item whose
//! words are all within one of last year's) and a merge (one of last year's within a new item).
use kehoach_model::{ItemChange, Plan, Topic};
use std::collections::{BTreeMap, HashMap};

/// How alike two items' words must be to be the same item, reworded.
const ALIKE: f64 = 0.5;
/// Below this, a pair is not considered at all.
const FLOOR: f64 = 0.3;
/// The share of an item's words found in another for a split or a merge.
const WITHIN: f64 = 0.8;

/// One item of a plan, as matching sees it.
struct Entry {
    id: String,
    text: String,
    /// Its heading: the item it is under, or none for an item directly in its part.
    parent: Option<usize>,
    topic: Option<Topic>,
    /// Place in the plan, 0 … 1.
    at: f64,
    words: Bag,
    /// The words themselves, without pairs (for splits and merges).
    single: Bag,
    /// Words with years as one token, for "the same words".
    same: Vec<String>,
    /// Whether items are under it.
    heading: bool,
}

type Bag = HashMap<String, u32>;

fn words(text: &str) -> Vec<String> {
    kehoach_text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let year = w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit());
            if year {
                "#nam".to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

fn bag<'a>(tokens: impl Iterator<Item = String> + 'a) -> Bag {
    let mut b = Bag::new();
    for t in tokens {
        *b.entry(t).or_default() += 1;
    }
    b
}

fn size(b: &Bag) -> u32 {
    b.values().sum()
}

fn common(a: &Bag, b: &Bag) -> u32 {
    a.iter()
        .map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0)))
        .sum()
}

/// Dice's likeness of two bags: 1 for the same words, 0 for none in common.
fn dice(a: &Bag, b: &Bag) -> f64 {
    let total = size(a) + size(b);
    if total == 0 {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / total as f64
}

/// The share of `a`'s words found in `b`.
fn within(a: &Bag, b: &Bag) -> f64 {
    let n = size(a);
    if n == 0 {
        return 0.0;
    }
    common(a, b) as f64 / n as f64
}

fn entries(plan: &Plan) -> Vec<Entry> {
    fn walk(
        items: &[kehoach_model::Item],
        parent: Option<usize>,
        topic: Option<Topic>,
        out: &mut Vec<Entry>,
    ) {
        for item in items {
            let w = words(&item.text);
            let pairs = w.windows(2).map(|p| format!("{} {}", p[0], p[1]));
            let words_bag = bag(w.clone().into_iter().chain(pairs));
            out.push(Entry {
                id: item.id.clone(),
                text: item.text.clone(),
                parent,
                topic,
                at: 0.0,
                single: bag(w.clone().into_iter()),
                words: words_bag,
                same: w,
                heading: !item.items.is_empty(),
            });
            let me = out.len() - 1;
            walk(&item.items, Some(me), topic, out);
        }
    }
    let mut out = Vec::new();
    for part in &plan.parts {
        walk(&part.items, None, part.topic(), &mut out);
    }
    let n = out.len().max(1) as f64;
    for (i, e) in out.iter_mut().enumerate() {
        e.at = i as f64 / n;
    }
    out
}

/// What became of each item of `new` since `old` (by id of `new`), and the ids of `old` that no
/// item of `new` continues.
pub struct Matching {
    pub changes: BTreeMap<String, ItemChange>,
    pub removed: Vec<String>,
}

impl Matching {
    /// Last year's id → this year's ids that continue it.
    pub fn continued(&self) -> BTreeMap<&str, Vec<&str>> {
        kehoach_model::previous::continued(&self.changes)
    }
}

/// Matches the items of this year's parent plan `new` with last year's `old`.
pub fn match_items(old: &Plan, new: &Plan) -> Matching {
    let o = entries(old);
    let n = entries(new);
    // Every pair alike enough, best first.
    let mut pairs: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (i, a) in n.iter().enumerate() {
        for (j, b) in o.iter().enumerate() {
            let like = dice(&a.words, &b.words);
            if like < FLOOR {
                continue;
            }
            let heading = match (a.parent, b.parent) {
                (Some(x), Some(y)) => dice(&n[x].words, &o[y].words),
                (None, None) => f64::from(u8::from(a.topic == b.topic)),
                _ => 0.0,
            };
            let near = 1.0 - (a.at - b.at).abs();
            pairs.push((like + 0.1 * heading + 0.02 * near, like, i, j));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    let mut of_new: Vec<Option<usize>> = vec![None; n.len()];
    let mut of_old: Vec<Option<usize>> = vec![None; o.len()];
    for &(_, like, i, j) in &pairs {
        if like >= ALIKE && of_new[i].is_none() && of_old[j].is_none() {
            of_new[i] = Some(j);
            of_old[j] = Some(i);
        }
    }
    let mut changes: Vec<Option<ItemChange>> = vec![None; n.len()];
    for (i, j) in of_new.iter().enumerate() {
        let Some(j) = *j else { continue };
        let (a, b) = (&n[i], &o[j]);
        changes[i] = Some(if a.same == b.same {
            let same_heading = match (a.parent, b.parent) {
                (Some(x), Some(y)) => of_new[x] == Some(y),
                (None, None) => a.topic == b.topic,
                _ => false,
            };
            if same_heading {
                ItemChange::Same { was: b.id.clone() }
            } else {
                ItemChange::Moved { was: b.id.clone() }
            }
        } else {
            ItemChange::Changed {
                was: b.id.clone(),
                before: b.text.clone(),
            }
        });
    }
    // A new item whose words are all in one of last year's, with that item's other half
    // matched or not: a split.
    for i in 0..n.len() {
        if of_new[i].is_some() || size(&n[i].single) < 3 {
            continue;
        }
        // A half is shorter than the whole.
        let best = (0..o.len())
            .filter(|&j| 4 * size(&n[i].single) <= 3 * size(&o[j].single))
            .map(|j| (within(&n[i].single, &o[j].single), j))
            .filter(|(w, _)| *w >= WITHIN)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, j)) = best {
            let before = o[j].text.clone();
            let was = o[j].id.clone();
            if let Some(other) = of_old[j] {
                if !matches!(changes[other], Some(ItemChange::Same { .. })) {
                    changes[other] = Some(ItemChange::Split {
                        was: was.clone(),
                        before: before.clone(),
                    });
                }
            } else {
                of_old[j] = Some(i);
            }
            changes[i] = Some(ItemChange::Split { was, before });
        }
    }
    // One of last year's items whose words are all in a new item already matched: a merge.
    // (A heading that went is not merged into an item that names its area.)
    for j in 0..o.len() {
        if of_old[j].is_some() || size(&o[j].single) < 5 || o[j].heading {
            continue;
        }
        let best = (0..n.len())
            .filter(|&i| of_new[i].is_some())
            .map(|i| (within(&o[j].single, &n[i].single), i))
            .filter(|(w, _)| *w >= WITHIN)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, i)) = best {
            let mut was: Vec<String> = changes[i]
                .as_ref()
                .map(|c| c.was().into_iter().map(String::from).collect())
                .unwrap_or_default();
            let mut before: Vec<String> = was
                .iter()
                .filter_map(|id| o.iter().find(|e| &e.id == id).map(|e| e.text.clone()))
                .collect();
            was.push(o[j].id.clone());
            before.push(o[j].text.clone());
            changes[i] = Some(ItemChange::Merged { was, before });
            of_old[j] = Some(i);
        }
    }
    let removed = o
        .iter()
        .zip(&of_old)
        .filter(|(_, m)| m.is_none())
        .map(|(e, _)| e.id.clone())
        .collect();
    Matching {
        changes: n
            .iter()
            .zip(changes)
            .map(|(e, c)| (e.id.clone(), c.unwrap_or(ItemChange::New)))
            .collect(),
        removed,
    }
}
