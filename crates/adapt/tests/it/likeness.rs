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
