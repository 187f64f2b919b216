//! The checker (kiểm tra thể thức): a plan against Decree 30/2020/NĐ-CP and for leftover parent
//! wording. Rules are data ([`RULES`]): an id, the clause they come from ("domain" for scope
//! rules), a severity (error where the decree is explicit, warning where it is silent or practice
//! varies) and a Vietnamese message. Works on a plan (JSON or imported), and on any .docx, whose
//! text and formatting are checked too ([`check_docx`]).
mod format;

use crate::import::text_util::fold;
use crate::model::numbering::{kind_of, LabelKind};
use crate::model::{Item, Plan};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub use format::check_docx;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A rule of the checker.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    /// The clause of Decree 30/2020/NĐ-CP (or "domain").
    pub clause: &'static str,
    pub severity: Severity,
    /// What is wrong, for the user.
    pub message: &'static str,
}

/// Every rule.
pub const RULES: &[Rule] = &[
    Rule { id: "numbering-gap", clause: "Phụ lục I, mục II.6đ", severity: Severity::Error, message: "Số thứ tự bị nhảy: mục trước không liền với mục này." },
    Rule { id: "numbering-duplicate", clause: "Phụ lục I, mục II.6đ", severity: Severity::Error, message: "Số thứ tự bị trùng với một mục khác cùng cấp." },
    Rule { id: "parent-scope", clause: "domain", severity: Severity::Warning, message: "Nội dung còn nói về phạm vi của cấp trên (phường, khu phố, địa bàn…), không phải của đơn vị." },
    Rule { id: "date-format", clause: "Điều 9, Phụ lục I mục IV.4", severity: Severity::Error, message: "Ngày tháng viết chưa đúng: ngày dưới 10 và tháng 1, 2 phải có số 0 phía trước (ngày 05 tháng 01); tháng từ 3 trở đi không có số 0." },
    Rule { id: "symbol-type", clause: "Phụ lục III, mục I", severity: Severity::Error, message: "Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản." },
    Rule { id: "symbol-format", clause: "Phụ lục I, mục IV.3", severity: Severity::Error, message: "Số, ký hiệu viết chưa đúng (\"Số: 05/KH-ABC\": số dưới 10 có số 0, không có khoảng trắng quanh \"/\" và \"-\", không ghi năm)." },
    Rule { id: "recipients-luu", clause: "Phụ lục I, mục IV.9b", severity: Severity::Error, message: "Nơi nhận phải kết thúc bằng dòng \"Lưu: VT, …\"." },
    Rule { id: "recipients-punctuation", clause: "Phụ lục I, mục IV.9b", severity: Severity::Error, message: "Mỗi dòng nơi nhận bắt đầu bằng \"- \", kết thúc bằng \";\", dòng cuối kết thúc bằng \".\"." },
    Rule { id: "signer-name", clause: "Phụ lục I, mục IV.7b", severity: Severity::Error, message: "Thiếu họ và tên người ký." },
    Rule { id: "signer-authority", clause: "Điều 13, Phụ lục I mục IV.7a", severity: Severity::Error, message: "Quyền hạn ký viết chưa đúng: \"TM.\", \"KT.\", \"TL.\", \"TUQ.\", \"Q.\" viết hoa, có dấu chấm, đứng trước chức vụ của người đứng đầu." },
    Rule { id: "bases-punctuation", clause: "Phụ lục I, mục II.6", severity: Severity::Error, message: "Mỗi căn cứ kết thúc bằng dấu \";\", căn cứ cuối cùng kết thúc bằng dấu \".\"." },
    Rule { id: "empty-item", clause: "Phụ lục I, mục II.6đ", severity: Severity::Error, message: "Mục không có nội dung." },
    Rule { id: "place-abbreviated", clause: "Phụ lục I, mục IV.4", severity: Severity::Error, message: "Địa danh không được viết tắt (viết \"Thành phố Hồ Chí Minh\", \"Quận 1\", không viết \"TP. HCM\", \"Q.1\")." },
    Rule { id: "capitalisation", clause: "Phụ lục II", severity: Severity::Warning, message: "Viết hoa chưa đúng quy định (chỉ viết hoa chữ cái đầu của tên loại cơ quan: \"Ủy ban nhân dân\", \"Sở Tài chính\")." },
    Rule { id: "page-setup", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Khổ giấy hoặc lề trang không đúng (A4; lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm)." },
    Rule { id: "font", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Phông chữ phải là Times New Roman." },
    Rule { id: "header-format", clause: "Phụ lục I, mục IV.1–IV.4", severity: Severity::Error, message: "Cỡ chữ hoặc kiểu chữ ở phần đầu văn bản không đúng." },
    Rule { id: "page-number", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Số trang đặt ở giữa lề trên, không hiện ở trang đầu." },
];

/// Where a finding is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The item's label as printed ("5.12."), or the part of the document ("Nơi nhận").
    pub label: String,
    /// An excerpt of the text.
    pub text: String,
    /// The item id, to jump to it in the app; empty for parts that are not items.
    #[serde(default)]
    pub node: String,
}

/// One thing the checker found.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
}

/// The rule with an id.
pub fn rule(id: &str) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.id == id)
        .expect("rule ids are constants")
}

fn finding(id: &str, label: impl Into<String>, text: &str, node: &str) -> Finding {
    let r = rule(id);
    Finding {
        rule: r.id.into(),
        severity: r.severity,
        message: r.message.into(),
        location: Location {
            label: label.into(),
            text: excerpt(text),
            node: node.into(),
        },
    }
}

fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 16 {
        format!("{} …", words[..16].join(" "))
    } else {
        words.join(" ")
    }
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// How a user finds an item: its label, or for a bullet or plain paragraph the numbered item it
/// belongs to ("1.11. (gạch đầu dòng 5)").
fn display_labels(plan: &Plan) -> std::collections::HashMap<String, String> {
    fn walk(items: &[Item], parent: &str, out: &mut std::collections::HashMap<String, String>) {
        let mut bullets = 0;
        let mut paras = 0;
        for i in items {
            let label = match kind_of(&i.label) {
                LabelKind::Bullet => {
                    bullets += 1;
                    format!("{parent} (gạch đầu dòng {bullets})")
                        .trim()
                        .to_string()
                }
                LabelKind::Paragraph => {
                    paras += 1;
                    if parent.is_empty() {
                        format!("Đoạn văn {paras}")
                    } else {
                        format!("{parent} (đoạn {paras})")
                    }
                }
                _ => i.label.clone(),
            };
            let own = if matches!(kind_of(&i.label), LabelKind::Numeric | LabelKind::Letter) {
                i.label.clone()
            } else {
                parent.to_string()
            };
            out.insert(i.id.clone(), label);
            walk(&i.items, &own, out);
        }
    }
    let mut out = std::collections::HashMap::new();
    for part in &plan.parts {
        walk(&part.items, "", &mut out);
    }
    out
}

/// Checks a plan's content.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut out = check_raw(plan);
    let labels = display_labels(plan);
    for f in &mut out {
        if let Some(label) = labels.get(&f.location.node) {
            f.location.label = label.clone();
        }
    }
    out
}

fn check_raw(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    numbering(plan, &mut out);
    header(plan, &mut out);
    bases(plan, &mut out);
    recipients(plan, &mut out);
    signer(plan, &mut out);
    scope(plan, &mut out);
    capitalisation(plan, &mut out);
    for (_, item) in plan.items() {
        if item.text.trim().is_empty() && item.items.is_empty() {
            out.push(finding("empty-item", &item.label, "", &item.id));
        }
    }
    out
}

fn numbering(plan: &Plan, out: &mut Vec<Finding>) {
    fn siblings(items: &[Item], out: &mut Vec<Finding>) {
        let mut prev: Option<(Vec<u32>, &Item)> = None;
        let mut seen: Vec<&str> = Vec::new();
        for item in items {
            if kind_of(&item.label) == LabelKind::Numeric {
                let nums: Vec<u32> = item
                    .label
                    .trim_end_matches('.')
                    .split('.')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect();
                if seen.contains(&item.label.as_str()) {
                    out.push(finding(
                        "numbering-duplicate",
                        &item.label,
                        &item.text,
                        &item.id,
                    ));
                } else if let (Some(last), Some((p, _))) = (nums.last(), &prev) {
                    let expected = p.last().map_or(1, |n| n + 1);
                    if p.len() == nums.len() && *last != expected && *last > expected {
                        out.push(finding("numbering-gap", &item.label, &item.text, &item.id));
                    }
                } else if prev.is_none() && nums.last().is_some_and(|n| *n > 1) {
                    out.push(finding("numbering-gap", &item.label, &item.text, &item.id));
                }
                seen.push(&item.label);
                prev = Some((nums, item));
            }
            siblings(&item.items, out);
        }
    }
    for part in &plan.parts {
        siblings(&part.items, out);
    }
}

static PLACE_ABBR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tp\.?\s*hcm|tp\.|tx\.|q\.\s*\d+|p\.\s*\d+|h\.\s)").unwrap()
});

fn header(plan: &Plan, out: &mut Vec<Finding>) {
    let h = &plan.header;
    let line = format!("Số: {}/{}", h.number.as_deref().unwrap_or(""), h.symbol);
    if let Some(n) = h.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        let bad = n
            .parse::<u32>()
            .map(|v| v < 10 && n.len() < 2)
            .unwrap_or(true);
        if bad {
            out.push(finding("symbol-format", "Số, ký hiệu", &line, ""));
        }
    }
    let symbol = h.symbol.trim();
    if !symbol.is_empty() {
        let spaced = symbol.contains(' ');
        let year = YEAR_IN_NUMBER.is_match(&line);
        let upper_code = ["TTR", "CTR", "QYĐ", "TRS"]
            .iter()
            .any(|c| symbol.starts_with(&format!("{c}-")));
        if spaced || year || upper_code {
            out.push(finding("symbol-format", "Số, ký hiệu", &line, ""));
        }
        let code = symbol.split('-').next().unwrap_or("");
        if let Some(expected) = crate::nd30::type_code(&plan.doc_type) {
            if code != expected && !code.is_empty() {
                out.push(finding("symbol-type", "Số, ký hiệu", &line, ""));
            }
        }
    }
    if PLACE_ABBR.is_match(&h.place) {
        out.push(finding("place-abbreviated", "Địa danh", &h.place, ""));
    }
}

fn bases(plan: &Plan, out: &mut Vec<Finding>) {
    let n = plan.bases.len();
    for (i, b) in plan.bases.iter().enumerate() {
        let t = b.trim_end();
        let ok = if i + 1 == n {
            t.ends_with('.')
        } else {
            t.ends_with(';')
        };
        if !ok {
            out.push(finding(
                "bases-punctuation",
                format!("Căn cứ {}", i + 1),
                b,
                &format!("basis:{i}"),
            ));
        }
    }
}

fn recipients(plan: &Plan, out: &mut Vec<Finding>) {
    if plan.recipients.is_empty() {
        return;
    }
    let last = plan.recipients.last().unwrap();
    if !fold(last).trim_start_matches(['-', ' ']).starts_with("luu") {
        out.push(finding("recipients-luu", "Nơi nhận", last, ""));
    }
}

static LOOSE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(tm|kt|tl|tuq|q)\.?\s").unwrap());
static YEAR_IN_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(19|20)\d\d/").unwrap());
static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\. \S").unwrap());

fn signer(plan: &Plan, out: &mut Vec<Finding>) {
    let s = &plan.signer;
    if s.name.trim().is_empty() {
        out.push(finding("signer-name", "Người ký", &s.title, ""));
    }
    let a = s.authority.trim();
    if !a.is_empty() {
        let prefix_ok = AUTHORITY.is_match(a) && crate::import::text_util::is_caps(a);
        // The prefix goes before the head's title, not the deputy's own ("KT. PHÓ …").
        let on_deputy = fold(a)
            .split_once(". ")
            .is_some_and(|(_, t)| t.starts_with("pho "));
        if !prefix_ok || on_deputy || s.title.trim().is_empty() {
            out.push(finding("signer-authority", "Người ký", a, ""));
        }
    } else {
        if LOOSE_PREFIX.is_match(s.title.trim()) {
            out.push(finding("signer-authority", "Người ký", &s.title, ""));
        }
    }
}

static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,3}\s+(phường|xã)\b|\bkhu phố\b|\btổ dân phố\b|Chi nhánh Văn phòng [đĐ]ăng ký đất đai").unwrap()
});

fn scope(plan: &Plan, out: &mut Vec<Finding>) {
    // A ward's or district's own plan may speak of its wards and quarters.
    let issuer = fold(&plan.header.issuer);
    if issuer.starts_with("uy ban nhan dan") || issuer.starts_with("ubnd") {
        return;
    }
    for (_, item) in plan.items() {
        if SCOPE.is_match(&item.text) {
            out.push(finding("parent-scope", &item.label, &item.text, &item.id));
        }
    }
}

static LOWER_DISTRICT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bquận \d").unwrap());

/// Generic names of bodies in the case the decree writes them (Phụ lục II).
const BODY_NAMES: &[&str] = &[
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Chỉ đạo",
    "Ủy ban Mặt trận Tổ quốc",
];

fn capitalisation(plan: &Plan, out: &mut Vec<Finding>) {
    let mut texts: Vec<(String, String, String)> = plan
        .items()
        .into_iter()
        .map(|(_, i)| (i.label.clone(), i.text.clone(), i.id.clone()))
        .collect();
    texts.push(("Trích yếu".into(), plan.summary.clone(), String::new()));
    for (i, b) in plan.bases.iter().enumerate() {
        texts.push((format!("Căn cứ {}", i + 1), b.clone(), format!("basis:{i}")));
    }
    for (label, text, node) in texts {
        let wrong = BODY_NAMES.iter().any(|name| {
            super::adapt::text::find_all(&text, name)
                .iter()
                .any(|&(s, e)| {
                    let found = &text[s..e];
                    found != *name && !crate::import::text_util::is_caps(found)
                })
        }) || LOWER_DISTRICT.is_match(&text);
        if wrong {
            out.push(finding("capitalisation", &label, &text, &node));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_vietnamese_message_and_a_clause() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        for r in RULES {
            assert!(!r.message.is_ascii(), "{}", r.id);
            assert!(!r.clause.is_empty());
        }
    }
}
