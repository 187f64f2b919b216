//! "Tổ chức thực hiện" in the unit's own voice. The parent's instruction to its subordinates
//! ("Thủ trưởng các đơn vị trực thuộc: xây dựng kế hoạch của đơn vị, gửi về Sở trước ngày …") is
//! the unit's own obligation, addressed to its head ("Hiệu trưởng: xây dựng kế hoạch …"); the
//! parent steering its subordinates ("… hướng dẫn, kiểm tra các đơn vị trực thuộc") and a request
//! to another body ("Đề nghị Ủy ban MTTQ Việt Nam xã phối hợp …") are not the unit's to write.
use kehoach_model::Item;
use kehoach_text::{ends_sentence, find_all, fold};

/// How a parent names its subordinates as a class.
const SUBORDINATES: &[&str] = &[
    "thủ trưởng các cơ quan, đơn vị",
    "thủ trưởng các cơ quan",
    "thủ trưởng các đơn vị",
    "các đơn vị trực thuộc",
    "các cơ quan, đơn vị",
    "các cơ quan chuyên môn",
    "các sở, ban, ngành",
    "ủy ban nhân dân các xã",
    "ủy ban nhân dân các phường",
    "các trường học",
    "hiệu trưởng các trường",
];

/// Verbs of the parent steering its subordinates, right before their name.
const STEERING: &[&str] = &[
    "hướng dẫn",
    "kiểm tra",
    "đôn đốc",
    "chỉ đạo",
    "theo dõi",
    "tổng hợp",
    "giám sát",
];

/// The verbs a list of addressees ends before (folded): "… trực thuộc các sở triển khai …".
const LIST_ENDS: &[&str] = &[
    "trien khai",
    "xay dung",
    "thuc hien",
    "to chuc",
    "chu dong",
    "ban hanh",
    "bao cao",
    "ra soat",
    "quan triet",
    "phoi hop",
    "chiu trach nhiem",
];

/// What becomes of a kept parent item of "Tổ chức thực hiện".
#[derive(Debug, PartialEq)]
pub enum Voice {
    /// The unit's as it stands.
    Same,
    /// The unit's, in these words.
    Reworded(String),
    /// Not the unit's; why.
    Drop(&'static str),
}

/// Why the parent's funding sentences in Tổ chức thực hiện are not the unit's.
pub const FUNDING: &str = "Câu kinh phí của cấp trên: thay bằng câu kinh phí của đơn vị.";

/// Whether an item is about the plan's funding: its sentence ("Kinh phí thực hiện Kế hoạch được
/// bố trí …") or a section titled so ("Kinh phí thực hiện").
pub fn is_funding(item: &Item) -> bool {
    let f = kehoach_text::fold(&item.text);
    let f = f.trim_start();
    f.starts_with("kinh phi") || f.starts_with("nguon kinh phi")
}

pub const REQUEST: &str =
    "Đề nghị gửi cơ quan, tổ chức khác: không phải việc đơn vị viết trong kế hoạch của mình.";
pub const STEERS: &str =
    "Việc cấp trên hướng dẫn, kiểm tra các đơn vị cấp dưới, không phải việc của đơn vị.";

fn names_subordinates(text: &str) -> Option<(usize, usize)> {
    SUBORDINATES
        .iter()
        .filter_map(|p| find_all(text, p).first().copied())
        .min()
}

/// The item's text in the unit's voice; `head` is how the unit names its head ("Hiệu trưởng");
/// `steers`: steering the parent's subordinates is the unit's own work (a division of the
/// parent).
pub fn own_voice(text: &str, has_children: bool, head: &str, steers: bool) -> Voice {
    let t = text.trim();
    if fold(t).starts_with("de nghi ") {
        return Voice::Drop(REQUEST);
    }
    let words = |s: &str| s.split_whitespace().count();
    // "Thủ trưởng các đơn vị trực thuộc (bệnh viện, trạm y tế …): xây dựng …"
    if let Some((addressee, rest)) = t.split_once(':') {
        if words(addressee) <= 25 && names_subordinates(addressee).is_some() {
            let rest = rest.trim();
            return Voice::Reworded(if rest.is_empty() {
                format!("{head}:")
            } else {
                format!("{head}: {rest}")
            });
        }
    }
    // A heading naming them, its duties below it (a list of addressees may be long: "Hiệu
    // trưởng các trường …, Giám đốc các trung tâm … và Thủ trưởng các đơn vị trực thuộc Sở").
    if has_children && words(t) <= 40 && !ends_sentence(t) && names_subordinates(t).is_some() {
        return Voice::Reworded(head.to_string());
    }
    let Some((start, end)) = names_subordinates(t) else {
        return Voice::Same;
    };
    let before = fold(&t[..start]);
    let before = before.trim_end().trim_end_matches(',').trim_end();
    if STEERING.iter().any(|v| before.ends_with(&fold(v))) {
        // A division of the parent keeps its own duties of the item, not the clause steering
        // the parent's subordinates (its plan names none of them).
        if steers {
            let rest: Vec<&str> = t
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty() && names_subordinates(c).is_none())
                .collect();
            if !rest.is_empty() && rest.len() < t.split(';').count() {
                let mut out = rest.join("; ");
                if !ends_sentence(&out) {
                    out.push('.');
                }
                return Voice::Reworded(out);
            }
        }
        return Voice::Drop(STEERS);
    }
    // A sentence opening with a longer list of addressees by title ("Hiệu trưởng các trường
    // trung học phổ thông, Thủ trưởng các đơn vị sự nghiệp công lập trực thuộc các sở triển khai
    // …"): the work after the list is the unit's, addressed to its head.
    if start == 0 {
        let clause = &t[..t.find(';').unwrap_or(t.len())];
        let folded = fold(clause);
        let last_title = [", thu truong", ", chu tich", ", giam doc", ", hieu truong"]
            .iter()
            .filter_map(|p| folded.rfind(p))
            .max();
        if let Some(last) = last_title {
            // (A verb, not the noun inside a name: "các cơ quan, tổ chức chính trị - xã hội",
            // "Ban Quản lý dự án đầu tư xây dựng".)
            let verb = LIST_ENDS
                .iter()
                .flat_map(|v| {
                    let pattern = format!(" {v}");
                    folded[last..]
                        .match_indices(&pattern)
                        .map(|(i, _)| (last + i + 1, v.len()))
                        .collect::<Vec<_>>()
                })
                .filter(|&(at, len)| {
                    let after = &folded[at + len..];
                    let before = folded[..at].trim_end();
                    (after.starts_with(' ') || after.starts_with(','))
                        && !after.trim_start().starts_with("chinh tri")
                        && !before.ends_with("dau tu")
                        && !before.ends_with(',')
                })
                .map(|(at, _)| at)
                .min();
            return match verb {
                Some(at) => {
                    let from = kehoach_text::prefix_of_folded(t, &folded, at).len();
                    Voice::Reworded(format!("{head} {}", t[from..].trim_start()))
                }
                None => Voice::Same,
            };
        }
    }
    // "… trong dự toán của các cơ quan, đơn vị": the unit's own.
    let rest = &t[end..];
    let mut out = format!("{}đơn vị{}", &t[..start], rest);
    if start == 0 {
        out = kehoach_text::capitalise(&out);
    }
    Voice::Reworded(out)
}

/// "Phòng Y tế, Trung tâm Y tế huyện: triển khai …" in a health centre's "Tổ chức thực hiện":
/// its own duties, addressed to its head (at any depth); `own` tells whether an addressee names
/// units like this one (the judge's reading). Whether the item itself was.
/// A section kept for its points and addressed to heads by their title ("Trưởng các phòng,
/// Giám đốc các Trung tâm thuộc Sở có trách nhiệm:") is the unit's head's too.
pub fn addressed_to_head(item: &mut Item, own: &dyn Fn(&str) -> bool, head: &str) -> bool {
    let mut addressed = false;
    if let Some((addressee, rest)) = item.text.split_once(':') {
        let heads = !item.items.is_empty()
            && rest.trim().is_empty()
            && crate::judge::opens_with_title(&fold(addressee));
        if addressee.split_whitespace().count() <= 25
            && (!rest.trim().is_empty() || !item.items.is_empty())
            && (heads || own(addressee))
        {
            // (What the addressees have, the head has: "… có trách nhiệm:".)
            let duty = ["có trách nhiệm", "có nhiệm vụ"]
                .into_iter()
                .find(|d| addressee.trim_end().ends_with(d))
                .map_or(String::new(), |d| format!(" {d}"));
            item.text = format!("{head}{duty}: {}", rest.trim())
                .trim_end()
                .to_string();
            addressed = true;
        }
    }
    // A section over the unit's duties headed by the units' name alone ("Các bệnh viện, trung
    // tâm y tế khu vực và đơn vị sự nghiệp trực thuộc", its points below) is its head's: the
    // unit's Tổ chức thực hiện goes by roles ("1. Giám đốc"), not "1. Đơn vị".
    let t = item.text.trim();
    let bare_name = !t.contains(':')
        && !ends_sentence(t)
        && t.split_whitespace().count() <= 25
        && !LIST_ENDS
            .iter()
            .chain(&["co trach nhiem", "co nhiem vu"])
            .any(|v| fold(t).contains(v));
    if !addressed && !item.items.is_empty() && bare_name && own(t) {
        item.text = head.to_string();
        addressed = true;
    }
    for child in &mut item.items {
        addressed_to_head(child, own, head);
    }
    addressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_section_addressed_to_heads_by_title_is_the_units_heads() {
        let mut item = Item::new(
            "V.8",
            "8.",
            "Trưởng các phòng, Giám đốc các Trung tâm thuộc Sở có trách nhiệm:",
        );
        item.items = vec![Item::new(
            "V.8.a",
            "a)",
            "Quán triệt Kế hoạch đến từng viên chức;",
        )];
        assert!(addressed_to_head(&mut item, &|_| false, "Hiệu trưởng"));
        assert_eq!(item.text, "Hiệu trưởng có trách nhiệm:");
        // A section headed by the units' name alone, its duties below: the head's too.
        let mut named = Item::new(
            "V.6",
            "VI.",
            "Các bệnh viện, trung tâm y tế khu vực và đơn vị sự nghiệp trực thuộc",
        );
        named.items = vec![Item::new("V.6.1", "1.", "Ban hành kế hoạch của đơn vị.")];
        let own = |t: &str| t.contains("trung tâm y tế");
        assert!(addressed_to_head(&mut named, &own, "Giám đốc"));
        assert_eq!(named.text, "Giám đốc");
        // (Not a heading that says what they do, nor one that names others.)
        for t in [
            "Các trung tâm y tế khu vực thực hiện các nội dung sau",
            "Các phòng, chi cục thuộc Sở",
        ] {
            let mut item = Item::new("V.7", "VII.", t);
            item.items = named.items.clone();
            assert!(!addressed_to_head(&mut item, &own, "Giám đốc"), "{t}");
            assert_eq!(item.text, t);
        }
        // Not a sentence with its work after the colon, nor a named organ's section.
        let mut organ = Item::new("V.2", "2.", "Văn phòng Sở: tổng hợp báo cáo.");
        assert!(!addressed_to_head(&mut organ, &|_| false, "Hiệu trưởng"));
        assert_eq!(organ.text, "Văn phòng Sở: tổng hợp báo cáo.");
    }

    #[test]
    fn a_noun_inside_a_list_of_addressees_is_not_its_verb() {
        assert_eq!(
            own_voice(
                "Hiệu trưởng các trường, Thủ trưởng các cơ quan, tổ chức chính trị - xã hội triển khai, thực hiện Kế hoạch này.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Reworded("Hiệu trưởng triển khai, thực hiện Kế hoạch này.".into())
        );
    }

    #[test]
    fn a_list_of_addressees_by_title_gives_way_to_the_head() {
        assert_eq!(
            own_voice(
                "Hiệu trưởng các trường trung học phổ thông, Thủ trưởng các đơn vị sự nghiệp công lập trực thuộc các sở triển khai nhiệm vụ cải cách hành chính theo kế hoạch của cơ quan chủ quản.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Reworded(
                "Hiệu trưởng triển khai nhiệm vụ cải cách hành chính theo kế hoạch của cơ quan chủ quản.".into()
            )
        );
    }

    #[test]
    fn an_instruction_to_the_parents_units_is_the_units_own() {
        assert_eq!(
            own_voice(
                "Thủ trưởng các đơn vị trực thuộc (bệnh viện, trạm y tế xã, phường): xây dựng kế hoạch của đơn vị, gửi về Sở trước ngày 31 tháng 01 năm 2027.",
                false,
                "Trưởng trạm",
                false
            ),
            Voice::Reworded(
                "Trưởng trạm: xây dựng kế hoạch của đơn vị, gửi về Sở trước ngày 31 tháng 01 năm 2027.".into()
            )
        );
        assert_eq!(
            own_voice(
                "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường",
                true,
                "Hiệu trưởng",
                false
            ),
            Voice::Reworded("Hiệu trưởng".into())
        );
        assert_eq!(
            own_voice(
                "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán năm 2027 của các cơ quan, đơn vị.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Reworded(
                "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán năm 2027 của đơn vị.".into()
            )
        );
    }

    #[test]
    fn the_parent_steering_its_units_and_requests_are_not_the_units() {
        assert_eq!(
            own_voice(
                "Các phòng chức năng thuộc Sở: chủ trì các nhiệm vụ được phân công; hướng dẫn, kiểm tra các đơn vị trực thuộc.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Drop(STEERS)
        );
        assert_eq!(
            own_voice(
                "Đề nghị Ủy ban MTTQ Việt Nam xã phối hợp giám sát việc thực hiện.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Drop(REQUEST)
        );
        assert_eq!(
            own_voice(
                "Hiệu trưởng chỉ đạo xây dựng kế hoạch.",
                false,
                "Hiệu trưởng",
                false
            ),
            Voice::Same
        );
    }
}
