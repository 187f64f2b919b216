//! Prints what the judge counts for the texts in KEHOACH_EXPLAIN (one per line) — a tool for
//! tuning `templates/lexicon.toml`; it asserts nothing when the variable is unset.
use kehoach::adapt::judge::{Above, Judge};
use kehoach::adapt::Preset;
use kehoach::model::Plan;
use kehoach::parent::ParentProfile;

#[test]
fn explain() {
    let Some(texts) = std::env::var_os("KEHOACH_EXPLAIN") else {
        return;
    };
    let preset = std::env::var("KEHOACH_PRESET").unwrap_or_else(|_| "mam-non".into());
    let mut plan = Plan::default();
    plan.header.issuer =
        std::env::var("KEHOACH_ISSUER").unwrap_or_else(|_| "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH".into());
    let judge = Judge::new(
        &Preset::builtin(&preset).unwrap(),
        &ParentProfile::of(&plan),
        "",
    );
    for text in texts.to_string_lossy().lines() {
        let j = judge.judge(text, Above::Nothing);
        eprintln!("{:?} {}\n{}", j.verdict, j.reason, judge.explain(text));
    }
}
