//! "Reword before you drop": a dropped item is offered in the unit's words, beside it.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_model::Decisions;
use std::collections::BTreeMap;

/// A dropped item's offer ("Nếu giữ: …") is its text with the rewordings the unit's type makes
/// by default, in the app (which accepts nothing by itself) as in the command line: the app
/// showed the parent's words, the item having no proposals of its own to accept yet. A rule the
/// user turned down is not applied.
#[test]
fn the_app_offers_dropped_items_in_the_units_words() {
    let parent = import::builtin("quan1-2024").unwrap();
    let unit = kehoach_testkit::corpus::unit_profile("mam-non", &parent);
    let preset = Preset::builtin("mam-non").unwrap();
    let offers = |decisions: &Decisions, apply_defaults: bool| {
        adapt::adapt(
            &parent,
            &unit,
            &preset,
            decisions,
            AdaptOptions { apply_defaults },
        )
        .unwrap()
        .nodes
        .into_iter()
        .filter_map(|n| Some((n.id, n.offer?)))
        .collect::<BTreeMap<String, String>>()
    };
    let app = offers(&Decisions::default(), false);
    assert!(app.len() >= 10, "{} offers", app.len());
    assert_eq!(app, offers(&Decisions::default(), true));
    assert!(app.values().any(|o| o.contains("cha mẹ học sinh")));
    let mut declined = Decisions::default();
    for rule in ["nguoi-dan", "nguoi-dan-to-chuc", "ca-nhan-to-chuc"] {
        declined.rules.insert(rule.into(), false);
    }
    assert!(!offers(&declined, false)
        .values()
        .any(|o| o.contains("cha mẹ học sinh")));
}
