//! How items worded like this one were decided: a second reading of an item, beside the judge's
//! lexicon, learned from the answer keys of the corpus plans tuned on (never the held-out ones)
//! and kept as data (`templates/likeness.tsv`, made by `UPDATE_LIKENESS=1 cargo test -p
//! kehoach-adapt --test it likeness`). A naive Bayes count of words and word pairs, by the kind
//! of unit deciding (a school keeps what a commune drops), with the counts of every kind behind
//! it. It decides nothing: where it firmly disagrees with the judge the item is asked, with the
//! judge's proposal (left as a silent decision, such items were wrong four times in ten).
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::LazyLock;

/// The counts as shipped.
const DATA: &str = include_str!("../templates/likeness.tsv");
/// The feature line holding a kind's number of items kept and dropped.
pub const ITEMS: &str = "#items";
/// How firmly the reading must disagree with the judge to ask: the probability of the other
/// answer (chosen on the plans tuned on, each left out in turn).
pub const FIRM: f64 = 0.8;
/// How much the counts of every kind weigh beside the unit's own kind.
const ALL_WEIGHT: f64 = 0.3;

/// A reading of an item: the probability that a unit of a kind keeps an item worded so.
pub type Reading = dyn Fn(&str, &str) -> Option<f64>;
/// A stand-in reading and its threshold.
type StandIn = Rc<(Box<Reading>, f64)>;

thread_local! {
    /// A reading and threshold standing in for the shipped ones on this thread ([`measured_with`]).
    static STAND_IN: RefCell<Option<StandIn>> = const { RefCell::new(None) };
}

/// Runs `f` with `reading` and `firm` in place of the shipped counts and [`FIRM`] — how the
/// reading is measured on a plan it did not learn from (each tuning plan left out in turn).
pub fn measured_with<R>(
    reading: impl Fn(&str, &str) -> Option<f64> + 'static,
    firm: f64,
    f: impl FnOnce() -> R,
) -> R {
    STAND_IN.with(|s| *s.borrow_mut() = Some(Rc::new((Box::new(reading), firm))));
    let out = f();
    STAND_IN.with(|s| *s.borrow_mut() = None);
    out
}

/// The probability that a unit of `kind` keeps `text`, and how firm a disagreement must be to
/// ask: the shipped counts and [`FIRM`], or their stand-ins ([`measured_with`]).
pub fn reading(kind: &str, text: &str) -> Option<(f64, f64)> {
    match STAND_IN.with(|s| s.borrow().clone()) {
        Some(stand_in) => Some(((stand_in.0)(kind, text)?, stand_in.1)),
        None => Some((Likeness::builtin().keep(kind, text)?, FIRM)),
    }
}

/// Kept and dropped counts of each feature, for one kind of unit.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts {
    pub items: (u32, u32),
    pub features: HashMap<String, (u32, u32)>,
}

/// The counts of every kind of unit ("truong-hoc", "y-te", "xa", "phong") and of all of them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Likeness {
    pub kinds: BTreeMap<String, Counts>,
    pub all: Counts,
}

/// The word pairs of a text, folded ("chữ ký số" → "chu_ky", "ky_so"; a text of one word,
/// that word); numbers left out. (Single words beside the pairs counted the same evidence
/// twice: leaving each tuning plan out in turn, the reading with them asked 76 more items of
/// 4,958 for the same wrong decisions left unasked.)
pub fn features(text: &str) -> BTreeSet<String> {
    let folded = kehoach_text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 1 {
        return words.iter().map(|w| w.to_string()).collect();
    }
    words
        .windows(2)
        .map(|p| format!("{}_{}", p[0], p[1]))
        .collect()
}

impl Counts {
    fn add(&mut self, text: &str, keep: bool) {
        let bump = |c: &mut (u32, u32)| {
            if keep {
                c.0 += 1
            } else {
                c.1 += 1
            }
        };
        bump(&mut self.items);
        for f in features(text) {
            bump(self.features.entry(f).or_default());
        }
    }

    /// log P(text | keep) + log P(keep), and the same for drop: one item more of each side
    /// (the prior), then add-one smoothing over those counts — a feature present in k of the
    /// n + 1 items kept counts (k + 1) / (n + 3). (The smoothing the ask threshold was chosen
    /// with, leaving each tuning plan out in turn.)
    fn log_odds(&self, feats: &BTreeSet<String>) -> (f64, f64) {
        let (k, d) = (self.items.0 as f64 + 1.0, self.items.1 as f64 + 1.0);
        let (mut lk, mut ld) = ((k / (k + d)).ln(), (d / (k + d)).ln());
        for f in feats {
            let (fk, fd) = self.features.get(f).copied().unwrap_or_default();
            lk += ((fk as f64 + 1.0) / (k + 2.0)).ln();
            ld += ((fd as f64 + 1.0) / (d + 2.0)).ln();
        }
        (lk, ld)
    }
}

impl Likeness {
    /// The shipped counts.
    pub fn builtin() -> &'static Likeness {
        static BUILTIN: LazyLock<Likeness> = LazyLock::new(|| Likeness::parse(DATA));
        &BUILTIN
    }

    /// Counts from decided items: (kind of unit, text, kept).
    pub fn learn<'a>(items: impl IntoIterator<Item = (&'a str, &'a str, bool)>) -> Likeness {
        let mut out = Likeness::default();
        for (kind, text, keep) in items {
            out.kinds
                .entry(kind.to_string())
                .or_default()
                .add(text, keep);
            out.all.add(text, keep);
        }
        out
    }

    /// The probability that a unit of `kind` keeps an item worded so; `None` for a kind the
    /// corpus has no decisions of.
    pub fn keep(&self, kind: &str, text: &str) -> Option<f64> {
        let own = self.kinds.get(kind)?;
        let feats = features(text);
        let (ok, od) = own.log_odds(&feats);
        let (ak, ad) = self.all.log_odds(&feats);
        let (lk, ld) = (ok + ALL_WEIGHT * ak, od + ALL_WEIGHT * ad);
        Some(1.0 / (1.0 + (ld - lk).exp()))
    }

    /// As a table: "kind<TAB>feature<TAB>kept<TAB>dropped", one line each, sorted; the kind
    /// "*" for all of them. Features seen once in all the corpus are left out.
    pub fn to_tsv(&self) -> String {
        let mut lines = Vec::new();
        let seen = |f: &str| self.all.features.get(f).is_some_and(|(k, d)| k + d >= 2);
        for (kind, c) in self.kinds.iter().chain([(&"*".to_string(), &self.all)]) {
            lines.push(format!("{kind}\t{ITEMS}\t{}\t{}", c.items.0, c.items.1));
            let mut feats: Vec<_> = c.features.iter().filter(|(f, _)| seen(f)).collect();
            feats.sort();
            for (f, (k, d)) in feats {
                lines.push(format!("{kind}\t{f}\t{k}\t{d}"));
            }
        }
        lines.join("\n") + "\n"
    }

    /// Reads [`Likeness::to_tsv`]'s table.
    pub fn parse(tsv: &str) -> Likeness {
        let mut out = Likeness::default();
        for line in tsv.lines() {
            let cells: Vec<&str> = line.split('\t').collect();
            let [kind, feature, k, d] = cells[..] else {
                continue;
            };
            let counts = (k.parse().unwrap_or(0), d.parse().unwrap_or(0));
            let target = if kind == "*" {
                &mut out.all
            } else {
                out.kinds.entry(kind.to_string()).or_default()
            };
            if feature == ITEMS {
                target.items = counts;
            } else {
                target.features.insert(feature.to_string(), counts);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_worded_like_those_a_kind_kept_are_likely_kept_by_it() {
        let l = Likeness::learn([
            (
                "truong-hoc",
                "Xây dựng kế hoạch cải cách hành chính của nhà trường",
                true,
            ),
            (
                "truong-hoc",
                "Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình",
                false,
            ),
            (
                "xa",
                "Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình",
                true,
            ),
        ]);
        let school = |t| l.keep("truong-hoc", t).unwrap();
        assert!(school("Xây dựng kế hoạch cải cách hành chính năm 2027") > 0.5);
        assert!(school("Cấp giấy chứng nhận quyền sử dụng đất") < 0.5);
        assert!(
            l.keep("xa", "Cấp giấy chứng nhận quyền sử dụng đất")
                .unwrap()
                > 0.5
        );
        assert_eq!(l.keep("y-te", "Cấp giấy"), None);
        // The table reads back as it was written (features seen twice or more).
        let back = Likeness::parse(&l.to_tsv());
        assert_eq!(back.to_tsv(), l.to_tsv());
        assert_eq!(back.all.items, (2, 1));
    }

    #[test]
    fn features_are_folded_word_pairs_without_numbers() {
        let f = features("Ký số 100% văn bản đi");
        assert!(f.contains("ky_so") && f.contains("van_ban") && f.contains("ban_di"));
        assert!(!f.contains("ky"), "pairs only");
        assert_eq!(
            features("Kiểm tra"),
            BTreeSet::from(["kiem_tra".to_string()])
        );
        assert_eq!(features("Nhiệm vụ:").len(), 1);
        assert!(!f.iter().any(|x| x.chars().any(|c| c.is_ascii_digit())));
    }
}
