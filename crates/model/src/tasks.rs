//! The plan's tasks: the leaves of work of its "Nhiệm vụ" part, each in its reform area — one
//! definition for the appendix, the plan of record and the reports.
//!
//! An area is an item of the part with items under it ("1. Cải cách thể chế"); its tasks are
//! its numbered and lettered points, or its bullets when it has no points. A subsection that
//! only names a topic ("1.1. Mục tiêu", "1.2. Nhiệm vụ, giải pháp:") is not a task: the points
//! of a "Nhiệm vụ" subsection are the area's tasks, and a "Mục tiêu" subsection states
//! objectives, not work.
use super::{Item, ItemKind, Plan, Topic};

/// A reform area and its tasks. `heading` is None for a task the part states on its own.
#[derive(Debug, Clone)]
pub struct TaskArea<'a> {
    pub heading: Option<&'a Item>,
    pub tasks: Vec<&'a Item>,
    /// Each task's label, its own: a numbered task's number ("2.3"); a bullet under a numbered
    /// lead-in counted under it ("2.4.1"); another point or bullet counted in its area ("2.3"
    /// for the area's third task). The appendix row and the tracker show the same.
    pub labels: Vec<String>,
}

/// The labels of an area's tasks (see [`TaskArea::labels`]).
fn labels(area: &str, tasks: &[(&Item, Option<&Item>)]) -> Vec<String> {
    let area = area.trim_end_matches('.');
    let mut under: Vec<(&str, usize)> = Vec::new();
    // Counted in the area past the numbers its numbered tasks already have.
    let mut taken: Vec<String> = tasks
        .iter()
        .filter(|(t, _)| t.kind == ItemKind::Numbered)
        .map(|(t, _)| t.label.trim_end_matches('.').to_string())
        .collect();
    tasks
        .iter()
        .enumerate()
        .map(|(n, (task, lead))| {
            if task.kind == ItemKind::Numbered {
                return task.label.trim_end_matches('.').to_string();
            }
            match lead.filter(|l| l.kind == ItemKind::Numbered) {
                Some(lead) => {
                    let l = lead.label.trim_end_matches('.');
                    let k = match under.iter_mut().find(|(x, _)| *x == lead.id.as_str()) {
                        Some((_, k)) => {
                            *k += 1;
                            *k
                        }
                        None => {
                            under.push((lead.id.as_str(), 1));
                            1
                        }
                    };
                    format!("{l}.{k}")
                }
                None => {
                    let mut k = n + 1;
                    while taken.contains(&format!("{area}.{k}")) {
                        k += 1;
                    }
                    let label = format!("{area}.{k}");
                    taken.push(label.clone());
                    label
                }
            }
        })
        .collect()
}

impl Plan {
    /// The tasks of the "Nhiệm vụ" part, by area, in order.
    pub fn task_areas(&self) -> Vec<TaskArea<'_>> {
        let Some(part) = self.part(Topic::NhiemVu) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in &part.items {
            // The part's own paragraphs ("Bên cạnh việc thực hiện…") are not tasks.
            if item.kind == ItemKind::Paragraph {
                continue;
            }
            let tasks = tasks_under(&item.items, None);
            // (An area with only its objectives kept has no task: its heading is none.)
            if tasks.is_empty() && !item.items.is_empty() {
                continue;
            }
            if tasks.is_empty() {
                out.push(TaskArea {
                    heading: None,
                    labels: labels(&part.label, &[(item, None)]),
                    tasks: vec![item],
                });
            } else {
                out.push(TaskArea {
                    heading: Some(item),
                    labels: labels(&item.label, &tasks),
                    tasks: tasks.into_iter().map(|(t, _)| t).collect(),
                });
            }
        }
        out
    }
}

/// The tasks among an area's items: its points, a "Nhiệm vụ" subsection's points in its
/// place, no "Mục tiêu" subsection; its bullets when it has no points.
/// Each with the lead-in it is under, if any.
fn tasks_under<'a>(items: &'a [Item], lead: Option<&'a Item>) -> Vec<(&'a Item, Option<&'a Item>)> {
    let points = items.iter().any(|i| i.kind.is_point());
    let mut out = Vec::new();
    for item in items {
        match subsection(item) {
            Some(Topic::MucTieu | Topic::ChiTieu) => continue,
            Some(_) => {
                out.extend(tasks_under(&item.items, lead));
                continue;
            }
            None => {}
        }
        let task = if points {
            item.kind.is_point()
        } else {
            item.is_bullet()
        };
        // A lead-in ("Đơn vị:", "Các đơn vị trực thuộc:") is no work of its own: the items
        // under it are the tasks.
        if task && item.text.trim_end().ends_with(':') && !item.items.is_empty() {
            out.extend(tasks_under(&item.items, Some(item)));
        } else if task {
            out.push((item, lead));
        }
    }
    out
}

/// A subsection that only names its topic ("Mục tiêu", "Nhiệm vụ, giải pháp:"), with items.
fn subsection(item: &Item) -> Option<Topic> {
    let title = item.text.trim().trim_end_matches([':', '.']).trim();
    if item.items.is_empty() || title.split_whitespace().count() > 6 {
        return None;
    }
    let topic = Topic::of_title(title)?;
    // The topic's words are the whole title ("Nhiệm vụ", "Mục tiêu cụ thể"), not a task that
    // mentions them ("Thực hiện nhiệm vụ …").
    let folded = kehoach_text::fold(title);
    let starts = [
        "muc tieu",
        "muc dich",
        "chi tieu",
        "nhiem vu",
        "noi dung",
        "giai phap",
    ]
    .iter()
    .any(|k| folded.starts_with(k));
    starts.then_some(topic)
}

#[cfg(test)]
mod tests {
    use crate::{Item, Part, Plan};

    fn item(id: &str, label: &str, text: &str, items: Vec<Item>) -> Item {
        let mut i = Item::new(id, label, text);
        i.items = items;
        i
    }

    fn plan(items: Vec<Item>) -> Plan {
        Plan {
            parts: vec![Part::new("II", "NHIỆM VỤ TRỌNG TÂM", items)],
            ..Default::default()
        }
    }

    fn ids(plan: &Plan) -> Vec<(Option<String>, Vec<String>)> {
        plan.task_areas()
            .iter()
            .map(|a| {
                (
                    a.heading.map(|h| h.id.clone()),
                    a.tasks.iter().map(|t| t.id.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_tasks_of_a_nhiem_vu_subsection_are_the_areas_and_its_objectives_are_not() {
        let p = plan(vec![item(
            "1",
            "1.",
            "Cải cách thể chế",
            vec![
                item(
                    "1.1",
                    "1.1.",
                    "Mục tiêu",
                    vec![item("1.1.b1", "-", "100% văn bản đúng quy định", vec![])],
                ),
                item(
                    "1.2",
                    "1.2.",
                    "Nhiệm vụ:",
                    vec![
                        item("1.2.a", "a)", "Rà soát văn bản quy phạm pháp luật", vec![]),
                        item("1.2.b", "b)", "Kiểm tra văn bản sau ban hành", vec![]),
                    ],
                ),
            ],
        )]);
        assert_eq!(
            ids(&p),
            [(Some("1".into()), vec!["1.2.a".into(), "1.2.b".into()])]
        );
    }

    #[test]
    fn points_are_tasks_and_bullets_only_when_an_area_has_no_points() {
        let p = plan(vec![
            item(
                "1",
                "1.",
                "Cải cách thủ tục hành chính",
                vec![
                    item("1.1", "1.1.", "Công khai thủ tục hành chính", vec![]),
                    item("1.b1", "-", "chi tiết", vec![]),
                ],
            ),
            item(
                "2",
                "2.",
                "Chế độ công vụ",
                vec![item("2.b1", "-", "Tăng cường kỷ luật, kỷ cương", vec![])],
            ),
            item("3", "3.", "Tuyên truyền cải cách hành chính.", vec![]),
        ]);
        assert_eq!(
            ids(&p),
            [
                (Some("1".into()), vec!["1.1".into()]),
                (Some("2".into()), vec!["2.b1".into()]),
                (None, vec!["3".into()]),
            ]
        );
    }
}
