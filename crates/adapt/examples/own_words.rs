//! Every rewording into the unit's own words ("loi-don-vi") the presets propose on the corpus of
//! parent plans, with the sentence it gives — to read them all at once:
//!
//! ```sh
//! cargo run -p kehoach-adapt --example own_words [-- mam-non phuong …]
//! ```
use kehoach_adapt::{adapt, AdaptOptions, Preset};
use kehoach_model::Decisions;
use kehoach_testkit::corpus::{plans, unit_profile};

fn main() {
    let mut presets: Vec<String> = std::env::args().skip(1).collect();
    if presets.is_empty() {
        presets = ["mam-non", "phuong", "y-te", "thpt"]
            .map(String::from)
            .to_vec();
    }
    let mut parents: Vec<(String, kehoach_model::Plan)> = plans()
        .into_iter()
        .filter_map(|d| {
            let name = d.file_name()?.to_string_lossy().into_owned();
            Some((name, kehoach_import::read_path(&d.join("doc.docx")).ok()?))
        })
        .collect();
    parents.push((
        "quan1-2024".into(),
        kehoach_import::builtin("quan1-2024").unwrap(),
    ));
    for (name, parent) in &parents {
        for preset in &presets {
            let Ok(p) = Preset::builtin(preset) else {
                eprintln!("Không có mẫu loại hình {preset}.");
                std::process::exit(2);
            };
            let opts = AdaptOptions {
                apply_defaults: true,
            };
            let profile = unit_profile(preset, parent);
            let Ok(result) = adapt(parent, &profile, &p, &Decisions::default(), opts) else {
                continue;
            };
            for p in result.proposals.iter().filter(|p| p.rule == "loi-don-vi") {
                let text = result.plan.item(&p.node).map(|i| i.text.clone());
                println!(
                    "{name}/{preset} {}: «{}» → «{}» ⇒ {}",
                    p.node,
                    p.before,
                    p.after,
                    text.unwrap_or_default()
                );
            }
        }
    }
}
