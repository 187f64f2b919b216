//! The shipped likeness counts (`templates/likeness.tsv`) are exactly what the answer keys of
//! the plans tuned on give — never the held-out ones, whose figures would otherwise measure
//! what was learned from them. `UPDATE_LIKENESS=1` writes them again after a key changes.
use crate::adapt_corpus::cases;
use kehoach_adapt::likeness::Likeness;
use kehoach_adapt::Preset;
use kehoach_testkit::corpus::preset_id;

#[test]
fn the_likeness_counts_are_learned_from_the_tuning_keys_only() {
    let cases = cases(false);
    let mut items = Vec::new();
    for case in cases {
        let kind = Preset::builtin(preset_id(&case.unit)).unwrap().likeness;
        for n in &case.result.nodes {
            if let Some(&keep) = case.answer.get(&n.id) {
                items.push((kind.clone(), n.text.clone(), keep));
            }
        }
    }
    let learned = Likeness::learn(
        items
            .iter()
            .map(|(k, t, keep)| (k.as_str(), t.as_str(), *keep)),
    )
    .to_tsv();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/likeness.tsv");
    if std::env::var_os("UPDATE_LIKENESS").is_some() {
        std::fs::write(&path, &learned).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap();
    assert!(
        shipped == learned,
        "templates/likeness.tsv is not what the tuning keys give: run UPDATE_LIKENESS=1 cargo test -p kehoach-adapt --test it likeness"
    );
    // Every kind a preset names has decisions to learn from.
    for (id, _) in kehoach_adapt::preset::BUILTIN {
        let kind = Preset::builtin(id).unwrap().likeness;
        assert!(
            Likeness::builtin()
                .keep(&kind, "Xây dựng kế hoạch")
                .is_some(),
            "{id}: no decisions of kind {kind}"
        );
    }
}

/// The decided items of the tuning keys of every plan but `left_out`: (kind, text, kept).
fn items_without(left_out: &str) -> Vec<(String, String, bool)> {
    let mut items = Vec::new();
    for case in cases(false).iter().filter(|c| c.name != left_out) {
        let kind = Preset::builtin(preset_id(&case.unit)).unwrap().likeness;
        for n in &case.result.nodes {
            if let Some(&keep) = case.answer.get(&n.id) {
                items.push((kind.clone(), n.text.clone(), keep));
            }
        }
    }
    items
}

type Reading = Box<dyn Fn(&str, &str) -> Option<f64>>;
type Learn = Box<dyn Fn(&[(String, String, bool)]) -> Reading>;
type Variant = (String, f64, Learn);

fn variants() -> Vec<Variant> {
    // (Tried on 2026-12-07 and left: single words beside the pairs, 76 more items asked for the
    // same errors; words only, 4.9 %; counts by the parent's level too, no better; the nearest
    // decided items by shared words instead of counts, 4.6–5.5 %.)
    [
        (0.8, "the shipped threshold"),
        (0.6, "a lower threshold"),
        (1.01, "no reading"),
    ]
    .into_iter()
    .map(|(firm, name)| {
        let make: Learn = Box::new(|items: &[(String, String, bool)]| {
            let l = Likeness::learn(items.iter().map(|(k, t, b)| (k.as_str(), t.as_str(), *b)));
            Box::new(move |k: &str, t: &str| l.keep(k, t)) as Reading
        });
        (name.to_string(), firm, make)
    })
    .collect()
}

/// Each tuning plan adapted with readings learned from the others: items asked and wrong
/// decisions left without asking (`cargo test -p kehoach-adapt --test it leave_one -- --ignored
/// --nocapture`). How the reading and FIRM were chosen.
#[test]
#[ignore = "a measurement (prints figures), a few minutes"]
fn leave_one_plan_out() {
    use kehoach_testkit::corpus::{answer_keys, is_held_out, plans};
    let variants = variants();
    let mut totals = vec![(0usize, 0usize, 0usize); variants.len()];
    for dir in plans().into_iter().filter(|d| !is_held_out(d)) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let items = items_without(&name);
        for (i, (_, firm, make)) in variants.iter().enumerate() {
            let reading = make(&items);
            let reading = std::rc::Rc::new(reading);
            for key in answer_keys(&dir) {
                let r = reading.clone();
                let case = kehoach_adapt::likeness::measured_with(
                    move |k, t| r(k, t),
                    *firm,
                    || crate::adapt_corpus::adapt_case(&dir, &key),
                );
                let s = crate::adapt_corpus::score(&case);
                totals[i].0 += s.items;
                totals[i].1 += s.asked;
                totals[i].2 += s.silent_wrong;
            }
        }
    }
    for ((name, firm, _), (items, asked, wrong)) in variants.iter().zip(totals) {
        println!(
            "{name} firm {firm:.2}: {items} items, {asked} asked, of the {} decided without asking {wrong} wrong ({:.2} %)",
            items - asked,
            100.0 * wrong as f64 / (items - asked) as f64
        );
    }
}
