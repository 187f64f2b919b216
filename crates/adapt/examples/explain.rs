//! What the judge counts for each text given — a tool for tuning `templates/lexicon.toml`:
//!
//! ```sh
//! cargo run -p kehoach-adapt --example explain -- [--preset mam-non] [--issuer "ỦY BAN …"] "text" …
//! ```
use kehoach_adapt::judge::{Above, Judge};
use kehoach_adapt::Preset;
use kehoach_model::Plan;
use kehoach_parent::ParentProfile;

fn main() {
    let mut preset = "mam-non".to_string();
    let mut issuer = "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH".to_string();
    let mut texts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--preset" => preset = args.next().unwrap_or(preset),
            "--issuer" => issuer = args.next().unwrap_or(issuer),
            _ => texts.push(a),
        }
    }
    let mut plan = Plan::default();
    plan.header.issuer = issuer;
    let preset = match Preset::builtin(&preset) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let judge = Judge::new(&preset, &ParentProfile::of(&plan), "");
    for text in &texts {
        let j = judge.judge(text, Above::Nothing);
        println!("{:?} {}\n{}", j.verdict, j.reason, judge.explain(text));
        if let Some(own) = judge.own_wording(text, "Nhà trường", "Hiệu trưởng") {
            println!("in the unit's words: {own}");
        }
    }
}
