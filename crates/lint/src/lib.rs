//! The checker (kiểm tra thể thức): a plan against Decree 30/2020/NĐ-CP and for leftover parent
//! wording. Rules are data ([`RULES`]): an id, the clause they come from ("domain" for scope
//! rules), a severity (error where the decree is explicit, warning where it is silent or practice
//! varies) and a Vietnamese message. Works on a plan (JSON or imported), and on any .docx, whose
//! text and formatting are checked too ([`check_docx`]).
mod consistency;
mod facts;
mod format;
mod layout;
pub mod lines;
mod plan;
pub mod sentences;

use kehoach_model::Topic;
use serde::{Deserialize, Serialize};

pub use facts::against_parent;
pub use format::check_docx;
pub use plan::check;

#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
    Rule { id: "year-mismatch", clause: "domain", severity: Severity::Warning, message: "Năm của kế hoạch khác năm của kế hoạch cấp trên được dẫn: chỉ tiêu, nhiệm vụ và kết quả là của năm khác; hãy chọn kế hoạch cấp trên đúng năm hoặc sửa năm của kế hoạch." },
    Rule { id: "parent-actor", clause: "domain", severity: Severity::Warning, message: "Câu còn giao việc cho cơ quan hoặc người của cấp trên; kế hoạch của đơn vị ghi việc đơn vị làm." },
    Rule { id: "broken-sentence", clause: "domain", severity: Severity::Warning, message: "Câu bị lỗi sau khi thay từ: lặp từ, thừa giới từ hay liên từ trước dấu câu, hoặc tên cơ quan bị cắt." },
    Rule { id: "date-format", clause: "Điều 9, Phụ lục I mục IV.4", severity: Severity::Error, message: "Ngày tháng viết chưa đúng: ngày dưới 10 và tháng 1, 2 phải có số 0 phía trước (ngày 05 tháng 01); tháng từ 3 trở đi không có số 0." },
    Rule { id: "symbol-type", clause: "Phụ lục III, mục I", severity: Severity::Error, message: "Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản." },
    Rule { id: "symbol-format", clause: "Phụ lục I, mục IV.3", severity: Severity::Error, message: "Số, ký hiệu viết chưa đúng (\"Số: 05/KH-ABC\": số dưới 10 có số 0, không có khoảng trắng quanh \"/\" và \"-\", không ghi năm)." },
    Rule { id: "recipients-luu", clause: "Phụ lục I, mục IV.9b", severity: Severity::Error, message: "Nơi nhận phải kết thúc bằng dòng \"Lưu: VT, …\"." },
    Rule { id: "recipients-punctuation", clause: "Phụ lục I, mục IV.9b", severity: Severity::Error, message: "Mỗi dòng nơi nhận bắt đầu bằng \"- \", kết thúc bằng \";\", dòng cuối kết thúc bằng \".\"." },
    Rule { id: "signer-name", clause: "Phụ lục I, mục IV.7b", severity: Severity::Error, message: "Thiếu họ và tên người ký." },
    Rule { id: "signer-authority", clause: "Điều 13, Phụ lục I mục IV.7a", severity: Severity::Error, message: "Quyền hạn ký viết chưa đúng: \"TM.\", \"KT.\", \"TL.\", \"TUQ.\", \"Q.\" viết hoa, có dấu chấm, đứng trước chức vụ của người đứng đầu." },
    Rule { id: "bases-punctuation", clause: "Phụ lục I, mục II.6", severity: Severity::Warning, message: "Mỗi căn cứ kết thúc bằng dấu \";\", căn cứ cuối cùng kết thúc bằng dấu \".\"." },
    Rule { id: "empty-item", clause: "Phụ lục I, mục II.6đ", severity: Severity::Error, message: "Mục không có nội dung." },
    Rule { id: "place-date-wraps", clause: "Phụ lục I, mục IV.4", severity: Severity::Warning, message: "Dòng địa danh, ngày tháng năm không vừa một dòng dưới Tiêu ngữ, kể cả ở cỡ chữ 13 và khi tên cơ quan bên trái đã xuống dòng: hãy ghi địa danh là tên phường, xã nơi đơn vị đóng trụ sở (Nghị định 30 cho phép), không viết tắt." },
    Rule { id: "place-abbreviated", clause: "Phụ lục I, mục IV.4", severity: Severity::Error, message: "Địa danh không được viết tắt (viết \"Thành phố Hồ Chí Minh\", \"Quận 1\", không viết \"TP. HCM\", \"Q.1\")." },
    Rule { id: "capitalisation", clause: "Phụ lục II", severity: Severity::Warning, message: "Viết hoa chưa đúng quy định (chỉ viết hoa chữ cái đầu của tên loại cơ quan: \"Ủy ban nhân dân\", \"Sở Tài chính\")." },
    Rule { id: "page-setup", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Khổ giấy hoặc lề trang không đúng (A4; lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm)." },
    Rule { id: "font", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Phông chữ phải là Times New Roman." },
    Rule { id: "header-format", clause: "Phụ lục I, mục IV.1–IV.4", severity: Severity::Error, message: "Cỡ chữ hoặc kiểu chữ ở phần đầu văn bản không đúng." },
    Rule { id: "page-number", clause: "Phụ lục I, mục I.1", severity: Severity::Error, message: "Số trang đặt ở giữa lề trên, không hiện ở trang đầu." },
    Rule { id: "title-format", clause: "Phụ lục I, mục IV.5a", severity: Severity::Error, message: "Tên loại văn bản in hoa, đậm, cỡ chữ 13–14." },
    Rule { id: "summary-format", clause: "Phụ lục I, mục IV.5a", severity: Severity::Error, message: "Trích yếu nội dung in thường, đậm, cỡ chữ 13–14, ngay dưới tên loại." },
    Rule { id: "bases-italic", clause: "Phụ lục I, mục IV.6", severity: Severity::Error, message: "Căn cứ ban hành văn bản in nghiêng." },
    Rule { id: "body-align", clause: "Phụ lục I, mục IV.6", severity: Severity::Error, message: "Nội dung văn bản căn đều hai lề." },
    Rule { id: "body-indent", clause: "Phụ lục I, mục IV.6", severity: Severity::Error, message: "Chữ đầu dòng của đoạn văn lùi vào 1 cm hoặc 1,27 cm." },
    Rule { id: "body-spacing", clause: "Phụ lục I, mục IV.6", severity: Severity::Error, message: "Khoảng cách giữa các đoạn văn tối thiểu 6 pt." },
    Rule { id: "recipients-format", clause: "Phụ lục I, mục IV.9b", severity: Severity::Error, message: "Chữ \"Nơi nhận:\" in nghiêng, đậm, cỡ chữ 12; các dòng nơi nhận in thường, đứng, cỡ chữ 11." },
    Rule { id: "appendix-title", clause: "Phụ lục I, mục III.1", severity: Severity::Error, message: "Từ \"Phụ lục\" viết in thường (\"Phụ lục\", \"Phụ lục I\"), không viết \"PHỤ LỤC\"." },
    Rule { id: "stale-year", clause: "domain", severity: Severity::Warning, message: "Năm cũ còn trong lời của đơn vị hoặc trong phụ lục: thời hạn, nhiệm vụ là của năm kế hoạch; chỉ giữ năm cũ khi nói về kết quả đã đạt." },
    Rule { id: "unit-name", clause: "domain", severity: Severity::Warning, message: "Kế hoạch gọi đơn vị mình bằng tên của loại đơn vị khác." },
    Rule { id: "parent-citation", clause: "Điều 8; Phụ lục I, mục II.6", severity: Severity::Error, message: "Căn cứ dẫn kế hoạch cấp trên chưa đúng số, ngày hoặc cơ quan ban hành ghi ở phần đầu của kế hoạch đó." },
    Rule { id: "bases-date", clause: "Điều 8; domain", severity: Severity::Error, message: "Căn cứ dẫn một văn bản ban hành sau ngày của kế hoạch: kế hoạch không thể căn cứ văn bản chưa có; hãy sửa ngày của kế hoạch hoặc bỏ căn cứ." },
    Rule { id: "appendix-subtitle", clause: "Phụ lục I, mục III", severity: Severity::Error, message: "Dòng “Kèm theo Kế hoạch số … ngày …” của phụ lục không khớp số, ngày của chính kế hoạch." },
    Rule { id: "title-year", clause: "domain", severity: Severity::Error, message: "Năm ở trích yếu hoặc tên phụ lục khác năm của kế hoạch." },
    Rule { id: "vv-format", clause: "Phụ lục I, mục IV.5b", severity: Severity::Error, message: "Trích yếu của công văn bắt đầu bằng \"V/v\", in thường, đứng, không đậm, cỡ chữ 12–13, dưới số và ký hiệu." },
    Rule { id: "kinh-gui", clause: "Phụ lục I, mục IV.9a", severity: Severity::Error, message: "Công văn phải có \"Kính gửi:\" và tên cơ quan, tổ chức hoặc cá nhân nhận văn bản." },
];

/// The part of the document a finding is in (the app opens the step where it is edited).
#[derive(ts_rs::TS, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// Ô 1–4: bodies, number, place and date.
    Header,
    /// Tên loại and trích yếu.
    Title,
    Bases,
    Intro,
    /// An item of the body (see the location's topic).
    #[default]
    Body,
    Closing,
    Recipients,
    Signer,
    Appendix,
    /// Page set-up, fonts, page numbers.
    Page,
}

/// Where a finding is.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    #[serde(default)]
    pub area: Area,
    /// For an item: the topic of its part.
    #[serde(default)]
    pub topic: Option<Topic>,
    /// The item's label as printed ("5.12."), or the part of the document ("Nơi nhận").
    pub label: String,
    /// An excerpt of the text.
    pub text: String,
    /// The item id, to jump to it in the app; empty for parts that are not items.
    #[serde(default)]
    pub node: String,
}

/// One thing the checker found.
#[derive(ts_rs::TS, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

fn finding(id: &str, area: Area, label: impl Into<String>, text: &str, node: &str) -> Finding {
    let r = rule(id);
    Finding {
        rule: r.id.into(),
        severity: r.severity,
        message: r.message.into(),
        location: Location {
            area,
            topic: None,
            label: label.into(),
            text: excerpt(text),
            node: node.into(),
        },
    }
}

fn excerpt(text: &str) -> String {
    first_words(text, 16)
}

/// The first `n` words of a text, "…" after them when there are more.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > n {
        format!("{} …", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

/// True when any finding is an error.
/// The place and date line that the layout could not keep to one line (`kehoach-layout` says
/// which), quoting it.
pub fn place_date_wraps(line: &str) -> Finding {
    finding(
        "place-date-wraps",
        Area::Header,
        "Địa danh, ngày tháng năm",
        line,
        "",
    )
}

pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
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
