//! The parent plans that ship inside the app.
use super::{read_bytes, ImportError};
use kehoach_model::Plan;
use serde::Serialize;

/// A built-in parent plan, as listed on the start screen.
#[derive(ts_rs::TS, Debug, Clone, Serialize, PartialEq)]
pub struct BuiltinPlan {
    pub id: &'static str,
    pub title: &'static str,
    pub issuer: &'static str,
    pub year: i32,
}

struct Entry {
    meta: BuiltinPlan,
    file: &'static str,
    source: &'static str,
    complete: fn(&mut Plan),
}

const ENTRIES: &[Entry] = &[Entry {
    meta: BuiltinPlan {
        id: "quan1-2024",
        title: "Kế hoạch 04/KH-UBND ngày 04/01/2024: thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2024",
        issuer: "Ủy ban nhân dân Quận 1",
        year: 2024,
    },
    file: "ke-hoach-04-KH-UBND-quan1-2024.md",
    source: include_str!("../builtin/ke-hoach-04-KH-UBND-quan1-2024.md"),
    complete: complete_quan1_2024,
}];

/// The built-in plans.
pub fn builtin_list() -> Vec<BuiltinPlan> {
    ENTRIES.iter().map(|e| e.meta.clone()).collect()
}

/// Reads a built-in plan by id ("quan1-2024").
pub fn builtin(id: &str) -> Result<Plan, ImportError> {
    let entry = ENTRIES.iter().find(|e| e.meta.id == id).ok_or_else(|| {
        let ids: Vec<&str> = ENTRIES.iter().map(|e| e.meta.id).collect();
        ImportError::UnknownBuiltin(id.to_string(), ids.join(", "))
    })?;
    let mut plan = read_bytes(entry.file, entry.source.as_bytes())?;
    (entry.complete)(&mut plan);
    Ok(plan)
}

/// The converted seed lost the header's issuer column and the signer's title; the printed
/// original has them.
fn complete_quan1_2024(plan: &mut Plan) {
    plan.header.issuer = "ỦY BAN NHÂN DÂN QUẬN 1".into();
    plan.header.parent_body = None;
    if plan.signer.title.is_empty() {
        plan.signer.title = "CHỦ TỊCH".into();
    }
    if plan.signer.name.is_empty() {
        plan.signer.name = "Lê Đức Thanh".into();
    }
}
