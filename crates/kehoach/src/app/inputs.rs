//! What the command line reads: plans (PLAN.json or any file the importer reads), unit profiles,
//! presets, the user's decisions; and the adaptation made from them.
use super::{Error, Result};
use kehoach_adapt::{self as adapt, AdaptOptions, Adaptation, Preset};
use kehoach_import as import;
use kehoach_model::{Decisions, Plan, UnitProfile};
use std::path::Path;

/// A plan from PLAN.json (the plan file format) or from any file the importer reads.
pub fn load_plan(path: &Path) -> Result<Plan> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = read_text(path)?;
        let mut plan: Plan = serde_json::from_str(&text).map_err(|e| {
            Error::Input(format!(
                "Tệp {} không phải kế hoạch JSON hợp lệ (dòng {}, cột {}).",
                path.display(),
                e.line(),
                e.column()
            ))
        })?;
        plan.normalize();
        Ok(plan)
    } else {
        Ok(import::read_path(path)?)
    }
}

/// A unit-type preset: a built-in id, or a .toml file.
pub fn load_preset(id_or_path: &str) -> Result<Preset> {
    if id_or_path.ends_with(".toml") {
        let text = read_text(Path::new(id_or_path))?;
        Ok(Preset::from_toml(id_or_path, &text)?)
    } else {
        Ok(Preset::builtin(id_or_path)?)
    }
}

/// A text file, with a Vietnamese message when it cannot be read.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::Input(format!(
            "Không đọc được tệp {}: {}.",
            path.display(),
            import::io_reason(&e)
        ))
    })
}

/// The user's decisions on a parent plan, from a JSON file (`kehoach adapt --decisions`).
pub fn load_decisions(path: &Path) -> Result<Decisions> {
    serde_json::from_str(&read_text(path)?).map_err(|e| {
        Error::Input(format!(
            "Tệp quyết định {} không hợp lệ (dòng {}, cột {}).",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

/// The unit's plan from files: the parent plan, the unit's profile (.toml), a preset (the
/// profile's unit type when none is given) and the user's decisions (none: every default
/// proposal accepted).
pub fn adapt_files(
    from: &Path,
    unit: &Path,
    preset: Option<&str>,
    decisions: Option<&Path>,
) -> Result<Adaptation> {
    let parent = load_plan(from)?;
    let profile = UnitProfile::from_toml(&read_text(unit)?)?;
    let preset = load_preset(preset.unwrap_or(&profile.unit_type))?;
    let decisions = match decisions {
        Some(path) => load_decisions(path)?,
        None => Decisions::default(),
    };
    let opts = AdaptOptions {
        apply_defaults: true,
    };
    Ok(adapt::adapt(&parent, &profile, &preset, &decisions, opts)?)
}

/// The plan's outline as `kehoach import` prints it.
pub fn outline(plan: &Plan) -> String {
    kehoach_model::outline::outline(plan)
}
