//! The plan of record and its reports on every corpus parent (communes, wards, a province, a
//! department, a division; .docx and Word numbering), not only the district sample: each adapted
//! and issued unit plan gives one task per appendix row — each a sentence of work (a "Mục
//! tiêu"/"Nhiệm vụ" subsection is not a task), each once, the rows not one boilerplate
//! repeated — with the appendix headings standing over the cells they head, its deadlines read,
//! and a quarter-I report the checker finds no error in.
use chrono::NaiveDate;
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_lint as lint;
use kehoach_model::{Column, Decisions, Tracking};
use kehoach_testkit::corpus::{keyed_plans, preset_id, unit_profile};
use kehoach_track::{report::report, Deadline, Period, Record};

#[test]
fn every_corpus_plan_is_tracked_and_reported() {
    let mut problems = Vec::new();
    for (name, dir, unit) in keyed_plans() {
        let unit = unit.as_str();
        let parent = import::read_path(&dir.join("doc.docx")).unwrap();
        let mut profile = unit_profile(unit, &parent);
        profile.number = Some("07".into());
        profile.date = NaiveDate::from_ymd_opt(profile.year, 1, 12);
        let preset = Preset::builtin(preset_id(unit)).unwrap();
        let plan = adapt::adapt(
            &parent,
            &profile,
            &preset,
            &Decisions::default(),
            AdaptOptions {
                apply_defaults: true,
            },
        )
        .unwrap()
        .plan;
        let Some(appendix) = &plan.appendix else {
            continue;
        };
        // Each heading stands over its cells, whatever order the parent's table had.
        let cells: Vec<Option<usize>> = [
            Column::Task,
            Column::Product,
            Column::Lead,
            Column::Partners,
            Column::Deadline,
        ]
        .map(|c| appendix.cell_of(c))
        .to_vec();
        if cells != [Some(0), Some(1), Some(2), Some(3), Some(4)] {
            problems.push(format!("{name}: headings {:?}", appendix.columns));
        }
        let record = match Record::of(&plan, &Tracking::default()) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let rows: Vec<&str> = appendix
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| r.id.as_str())
            .collect();
        let tasks: Vec<&str> = record.tasks.iter().map(|t| t.id.as_str()).collect();
        if tasks != rows {
            problems.push(format!("{name}: tasks {tasks:?} ≠ appendix rows {rows:?}"));
        }
        // Each task is a sentence of work, not a subsection's heading ("Mục tiêu", "Nhiệm
        // vụ"), each once; and the rows are not one boilerplate repeated.
        let mut seen = std::collections::BTreeSet::new();
        let mut labels = std::collections::BTreeSet::new();
        for t in &record.tasks {
            // The screen and the command line pick a task by its label.
            if !labels.insert(t.label.clone()) {
                problems.push(format!("{name}: two tasks labelled {}", t.label));
            }
            let words = t.text.split_whitespace().count();
            if words <= 4 && kehoach_model::Topic::of_title(&t.text).is_some() {
                problems.push(format!(
                    "{name} {}: a heading as a task: {:?}",
                    t.label, t.text
                ));
            }
            if !seen.insert(t.text.clone()) {
                problems.push(format!("{name} {}: the task twice: {:?}", t.label, t.text));
            }
        }
        let cells: std::collections::BTreeSet<Vec<String>> = appendix
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| r.cells[1..].to_vec())
            .collect();
        if rows.len() >= 4 && cells.len() * 3 < rows.len() {
            problems.push(format!(
                "{name}: {} rows with {} different sets of product, lead, partners and deadline",
                rows.len(),
                cells.len()
            ));
        }
        for t in &record.tasks {
            if t.deadline == Deadline::Unknown && !t.deadline_text.trim().is_empty() {
                problems.push(format!(
                    "{name} {}: deadline {:?} unread",
                    t.label, t.deadline_text
                ));
            }
        }
        let q1 = report(&plan, &record, Period::Q1);
        for f in lint::check(&q1)
            .iter()
            .filter(|f| f.severity == lint::Severity::Error)
        {
            problems.push(format!("{name}: report {}: {}", f.rule, f.message));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
