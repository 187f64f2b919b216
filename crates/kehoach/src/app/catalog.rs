//! What the app offers on its start screen and in its forms: the built-in parent plans, the
//! unit-type presets, whether a PDF can be made here; and every fact the UI shows ([`facts`]).
use kehoach_adapt::preset::BUILTIN;
use kehoach_adapt::Preset;
use kehoach_import::BuiltinPlan;
use kehoach_lint::Finding;
use kehoach_model::{ProfileField, Status, UnitProfile, YEARS};
use kehoach_nd30::{Authority, Layout};
use kehoach_store::{DraftState, ParentRef};
use kehoach_track::Period;
use serde::{Deserialize, Serialize};

/// A unit-type preset, as offered in the profile form.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct PresetInfo {
    pub id: String,
    pub name: String,
    pub signer_title: String,
}

/// Every built-in preset.
pub fn presets() -> Vec<PresetInfo> {
    BUILTIN
        .iter()
        .filter_map(|(id, _)| Preset::builtin(id).ok())
        .map(|p| PresetInfo {
            id: p.id,
            name: p.name,
            signer_title: p.signer_title,
        })
        .collect()
}

/// The built-in parent plans.
pub fn builtins() -> Vec<BuiltinPlan> {
    kehoach_import::builtin_list()
}

/// Whether a serif face the PDF is set in is installed (PDF export and printing need no office
/// suite).
pub fn pdf_available() -> bool {
    kehoach_pdf::has_fonts()
}

/// Whether the checker found an error (not only warnings).
pub fn has_errors(findings: &[Finding]) -> bool {
    kehoach_lint::has_errors(findings)
}

/// Why a file operation failed, in Vietnamese.
pub fn io_reason(e: &std::io::Error) -> String {
    kehoach_import::io_reason(e)
}

/// A value the UI offers, with its label.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Choice<T: ts_rs::TS> {
    pub value: T,
    pub label: String,
}

/// A task's state as the tracking screen offers it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StatusChoice {
    pub value: Status,
    pub label: String,
    /// The task must say why ("không thực hiện").
    pub needs_reason: bool,
}

/// A kind of change between last year's parent plan and this year's, as the screens name it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ChangeChoice {
    /// "same", "moved", "changed", "split", "merged", "new".
    pub kind: String,
    pub label: String,
    /// The unit must decide the item again.
    pub asks: bool,
}

/// The years a plan can be for.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct YearRange {
    pub min: i32,
    pub max: i32,
}

/// Every label, option, default and rule the UI shows, as Rust keeps them: the UI renders these
/// and never restates them (`ui/src/lib/facts.ts` is generated from this).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Facts {
    pub years: YearRange,
    /// A new draft before anything is chosen: the first built-in parent plan and preset, the
    /// decree's page settings. Its year and title are set when it is created.
    pub new_draft: DraftState,
    /// The fields of the unit's profile a plan cannot do without.
    pub profile_fields: Vec<Choice<ProfileField>>,
    /// Who signs: the head ("") or on someone's behalf.
    pub authorities: Vec<Choice<String>>,
    pub statuses: Vec<StatusChoice>,
    pub periods: Vec<Choice<Period>>,
    pub changes: Vec<ChangeChoice>,
}

fn choice<T: ts_rs::TS>(value: T, label: &str) -> Choice<T> {
    Choice {
        value,
        label: label.to_string(),
    }
}

/// The facts of [`Facts`].
pub fn facts() -> Facts {
    let preset = BUILTIN.first().map(|(id, _)| id.to_string());
    let parent = builtins()
        .first()
        .map(|b| ParentRef::Builtin(b.id.to_string()));
    let profile = UnitProfile {
        unit_type: preset.clone().unwrap_or_default(),
        ..Default::default()
    };
    let mut authorities = vec![choice(String::new(), "Người đứng đầu ký")];
    authorities.extend(
        Authority::ALL
            .into_iter()
            .map(|a| choice(a.prefix().to_string(), a.label())),
    );
    Facts {
        years: YearRange {
            min: *YEARS.start(),
            max: *YEARS.end(),
        },
        new_draft: DraftState {
            parent,
            profile: Some(profile),
            preset,
            layout: Layout::default(),
            step: 1,
            ..Default::default()
        },
        profile_fields: ProfileField::ALL
            .into_iter()
            .map(|f| choice(f, f.label()))
            .collect(),
        authorities,
        statuses: Status::ALL
            .into_iter()
            .map(|s| StatusChoice {
                value: s,
                label: s.label().to_string(),
                needs_reason: s.needs_reason(),
            })
            .collect(),
        changes: kehoach_model::CHANGE_KINDS
            .into_iter()
            .map(|(kind, label, asks)| ChangeChoice {
                kind: kind.into(),
                label: label.into(),
                asks,
            })
            .collect(),
        periods: Period::ALL
            .into_iter()
            .map(|p| choice(p, p.label()))
            .collect(),
    }
}
