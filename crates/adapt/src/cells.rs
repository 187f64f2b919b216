//! The appendix cells of one of the unit's tasks when the parent's appendix has no row for it:
//! the product, lead, partners and deadline its words call for (`templates/tasks.toml`, the
//! unit's roles from its preset), the deadline it states itself first; the preset's defaults
//! when nothing matches.
use super::Preset;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

const TASKS: &str = include_str!("../templates/tasks.toml");

#[derive(Debug, Deserialize)]
struct Rule {
    phrases: Vec<String>,
    product: String,
    lead: String,
    #[serde(default)]
    partners: Vec<String>,
    deadline: String,
}

#[derive(Deserialize)]
struct Rules {
    /// Names of bodies that hold a rule's words ("Sở Giáo dục và Đào tạo"): not what a task is
    /// about.
    #[serde(default)]
    names: Vec<String>,
    task: Vec<Rule>,
}

static TABLE: LazyLock<Rules> = LazyLock::new(|| {
    toml::from_str::<Rules>(TASKS).expect("templates/tasks.toml is checked by the tests")
});
static RULES: LazyLock<&'static [Rule]> = LazyLock::new(|| &TABLE.task);

/// A deadline the task states: "trước ngày 31/3/2027", "Quý II/2027", "tháng 6/2027",
/// "hằng quý", "thường xuyên".
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(trước ngày \d{1,2}/\d{1,2}(?:/\d{4})?|(?:trong )?quý [IV]{1,3}(?:/\d{4})?|(?:trong )?tháng \d{1,2}/\d{4}|hằng (?:tháng|quý|năm)|định kỳ hằng (?:tháng|quý|năm)|thường xuyên)\b",
    )
    .unwrap()
});

/// A "theo …" complement, to its clause's end.
static THEO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i) theo ([^,;.]*)").unwrap());

/// A deadline as the appendix writes it: "Quý I/{{unit.year}}" for "trong quý I".
fn stated_deadline(words: &str) -> String {
    let w = words.trim();
    let w = w
        .strip_prefix("trong ")
        .or_else(|| w.strip_prefix("Trong "))
        .unwrap_or(w);
    let mut out = kehoach_text::capitalise(w);
    let quarter = kehoach_text::fold(&out).starts_with("quy ");
    if quarter && !out.contains('/') {
        out = format!(
            "Quý {}/{{{{unit.year}}}}",
            out[out.find(' ').map_or(0, |i| i + 1)..].trim()
        );
    }
    out
}

/// Product, lead, partners and deadline of a task (templates not yet filled: `{{unit.year}}`).
pub struct TaskCells {
    pub product: String,
    pub lead: String,
    pub partners: String,
    pub deadline: String,
}

/// The cells of `task` for a unit of `preset`.
pub fn task_cells(task: &str, preset: &Preset) -> TaskCells {
    let stated = STATED.find(task).map(|m| stated_deadline(m.as_str()));
    // What the task is about, not the bodies it names: "theo hướng dẫn của Sở Giáo dục và Đào
    // tạo" is no training. (A cited document's title stays: "triển khai Nghị quyết … về cải
    // cách thủ tục hành chính" is about procedures.)
    let about = TABLE
        .names
        .iter()
        .fold(task.to_string(), |t, name| t.replace(name.as_str(), "…"));
    // … nor what it goes by: "hỗ trợ chuyên môn cho trạm y tế theo quy chế phối hợp" is no
    // rule-making ("theo dõi" is a verb of its own).
    let about = THEO.replace_all(&about, |c: &regex::Captures| {
        if c[1].to_lowercase().starts_with("dõi") {
            c[0].to_string()
        } else {
            " …".to_string()
        }
    });
    let task = about.as_ref();
    // The rule whose words come first in the task: its work, not a detail named after it
    // ("rà soát quy chế làm việc, quy chế chi tiêu nội bộ" is about rules, not finances) —
    // in its first clause where that names one ("Thu giá dịch vụ … ; công khai bảng giá … trên
    // trang thông tin điện tử" is no news item).
    let first = |text: &str| {
        RULES
            .iter()
            .enumerate()
            .filter_map(|(n, r)| {
                r.phrases
                    .iter()
                    .filter_map(|p| kehoach_text::find_all(text, p).first().map(|m| m.0))
                    .min()
                    .map(|at| (at, n, r))
            })
            .min_by_key(|(at, n, _)| (*at, *n))
            .map(|(_, _, r)| r)
    };
    let first_clause = &task[..task.find(';').unwrap_or(task.len())];
    let rule = first(first_clause).or_else(|| first(task));
    let role = |key: &str| preset.roles.get(key).cloned();
    match rule {
        Some(r) => {
            let lead = role(&r.lead).unwrap_or_else(|| preset.lead.clone());
            let mut partners: Vec<String> = Vec::new();
            for p in r.partners.iter().filter_map(|k| role(k)) {
                if p != lead && !partners.contains(&p) {
                    partners.push(p);
                }
            }
            TaskCells {
                product: r.product.clone(),
                partners: if partners.is_empty() {
                    preset.cooperate.clone()
                } else {
                    partners.join("; ")
                },
                lead,
                deadline: stated.unwrap_or_else(|| r.deadline.clone()),
            }
        }
        None => TaskCells {
            product: preset.product.clone(),
            lead: preset.lead.clone(),
            partners: preset.cooperate.clone(),
            deadline: stated.unwrap_or_else(|| preset.deadline.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_a_task_cites_do_not_decide_its_cells() {
        let preset = Preset::builtin("mam-non").unwrap();
        let enrolment = task_cells(
            "Phối hợp thực hiện tuyển sinh trực tuyến vào lớp mầm non 5 tuổi năm học 2027 - 2028 theo hướng dẫn của Sở Giáo dục và Đào tạo.",
            &preset,
        );
        assert!(
            !enrolment.product.contains("giấy chứng nhận"),
            "{}",
            enrolment.product
        );
        let training = task_cells(
            "Cử viên chức tham gia bồi dưỡng, tập huấn kỹ năng số.",
            &preset,
        );
        assert!(
            training.product.contains("giấy chứng nhận"),
            "{}",
            training.product
        );
    }

    #[test]
    fn every_rule_reads_and_its_roles_are_a_school_s() {
        let preset = Preset::builtin("mam-non").unwrap();
        assert!(RULES.len() >= 15);
        for r in RULES.iter() {
            assert!(preset.roles.contains_key(&r.lead), "{}", r.lead);
            for p in &r.partners {
                assert!(preset.roles.contains_key(p), "{p}");
            }
        }
    }

    #[test]
    fn a_task_gets_the_cells_its_words_call_for() {
        let preset = Preset::builtin("mam-non").unwrap();
        let c = task_cells(
            "Nhà trường thực hiện tự chủ tài chính; công khai tài chính theo quy định.",
            &preset,
        );
        assert_eq!(c.lead, "Hiệu trưởng");
        assert_eq!(c.partners, "Kế toán");
        assert!(c.product.contains("chi tiêu nội bộ"));
        let c = task_cells(
            "Cử viên chức tham gia bồi dưỡng chuyên môn, nghiệp vụ trước ngày 30/6/2027.",
            &preset,
        );
        assert_eq!(c.deadline, "Trước ngày 30/6/2027");
        assert!(c.product.contains("giấy chứng nhận"), "{}", c.product);
        let c = task_cells(
            "Nhà trường rà soát, sửa đổi quy chế làm việc, quy chế chi tiêu nội bộ trong quý I.",
            &preset,
        );
        assert_eq!(c.product, "Quy chế được ban hành, sửa đổi");
        assert_eq!(c.deadline, "Quý I/{{unit.year}}");
        // What the task goes by is not what it makes ("theo quy chế phối hợp"); its first clause
        // says what it is where that names anything ("…; tổ chức hội nghị, tập huấn …" is no
        // training).
        let c = task_cells(
            "Hỗ trợ chuyên môn, kỹ thuật cho trạm y tế theo quy chế phối hợp với Ủy ban nhân dân xã.",
            &preset,
        );
        assert_eq!(c.product, preset.product);
        let c = task_cells(
            "Thực hành tiết kiệm, chống lãng phí trong sử dụng điện, nước; tổ chức hội nghị, tập huấn trực tuyến khi có thể.",
            &preset,
        );
        assert!(c.product.contains("tiết kiệm"), "{}", c.product);
        let c = task_cells(
            "Thu học phí đúng mức quy định; công khai các khoản thu trên trang thông tin điện tử của nhà trường.",
            &preset,
        );
        assert!(c.product.contains("Tin, bài"), "{}", c.product);
        // Nothing to go by: the preset's defaults.
        let c = task_cells("Thực hiện các nhiệm vụ khác được giao.", &preset);
        assert_eq!(c.product, preset.product);
        assert_eq!(c.lead, preset.lead);
    }
}
