//! Word's automatic numbering (numbering.xml) turned into the label Word shows ("1.", "1.1.",
//! "a)", "-"), so a numbered list reads the same as typed numbers.
use super::arr;
use kehoach_model::numbering::roman;
use serde_json::Value;
use std::collections::HashMap;

/// Word's list counters. Lists that share an abstract definition share its counters — a new
/// numbering instance goes on from the last number ("3." after "2.", as Word and LibreOffice
/// print it) — unless the instance overrides a level's start, which restarts that level where
/// the instance is first used.
pub(super) struct Numbering {
    nums: HashMap<i64, Instance>,
    /// abstractNumId → counters by level
    counters: HashMap<i64, Vec<i64>>,
    /// Instances already used (their start overrides applied).
    used: std::collections::HashSet<i64>,
}

/// A numbering instance (numId): its abstract definition's id and levels, and its start
/// overrides by level.
type Instance = (i64, Vec<Value>, HashMap<i64, i64>);

impl Numbering {
    pub(super) fn new(n: &Value) -> Self {
        let abstracts: HashMap<i64, Vec<Value>> = arr(&n["abstractNums"])
            .iter()
            .filter_map(|a| Some((a["id"].as_i64()?, arr(&a["levels"]).to_vec())))
            .collect();
        let nums = arr(&n["numberings"])
            .iter()
            .filter_map(|num| {
                let abs = num["abstractNumId"].as_i64()?;
                let levels = abstracts.get(&abs)?.clone();
                let overrides = arr(&num["levelOverrides"])
                    .iter()
                    .filter_map(|o| Some((o["level"].as_i64()?, o["overrideStart"].as_i64()?)))
                    .collect();
                Some((num["id"].as_i64()?, (abs, levels, overrides)))
            })
            .collect();
        Numbering {
            nums,
            counters: HashMap::new(),
            used: Default::default(),
        }
    }

    /// Advances the counter of (num, level) and returns the label Word prints.
    pub(super) fn label(&mut self, num: i64, level: i64) -> Option<String> {
        let (abs, levels, overrides) = self.nums.get(&num)?;
        let level = level.clamp(0, 8) as usize;
        let start_of = |l: usize| -> i64 {
            overrides
                .get(&(l as i64))
                .copied()
                .or_else(|| levels.get(l).and_then(|v| v["start"].as_i64()))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(*abs).or_insert_with(|| vec![0; 9]);
        if self.used.insert(num) {
            // A start override restarts its level (and the levels under it) here.
            for &l in overrides.keys() {
                if let Some(l) = usize::try_from(l).ok().filter(|l| *l < 9) {
                    counters[l..].iter_mut().for_each(|c| *c = 0);
                }
            }
        }
        for (l, c) in counters.iter_mut().enumerate().take(level) {
            if *c == 0 {
                *c = start_of(l);
            }
        }
        counters[level] = if counters[level] == 0 {
            start_of(level)
        } else {
            counters[level] + 1
        };
        for c in counters.iter_mut().skip(level + 1) {
            *c = 0;
        }
        let def = levels.get(level)?;
        let format = def["format"].as_str().unwrap_or("decimal");
        if format == "bullet" {
            return Some("-".into());
        }
        if format == "none" {
            return Some(String::new());
        }
        let text = def["text"].as_str().unwrap_or("%1.");
        let mut label = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as usize).saturating_sub(1).min(8);
                    let f = levels
                        .get(l)
                        .and_then(|v| v["format"].as_str())
                        .unwrap_or("decimal");
                    label.push_str(&format_number(counters[l].max(1), f));
                    continue;
                }
            }
            label.push(c);
        }
        Some(label.trim().to_string())
    }
}

/// A counter as Word prints it. Word's letters are the Latin alphabet (a … z, then aa, bb …), not
/// the Vietnamese point letters: its fifth "a)" point is "e)", never "đ)".
fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" => latin_letter(n),
        "upperLetter" => latin_letter(n).to_uppercase(),
        "lowerRoman" => roman(n.max(1) as usize).to_lowercase(),
        "upperRoman" => roman(n.max(1) as usize),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// a … z, aa … zz, aaa …: Word's lowerLetter.
fn latin_letter(n: i64) -> String {
    let i = (n.max(1) - 1) as usize;
    let c = char::from(b'a' + (i % 26) as u8);
    c.to_string().repeat(i / 26 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_level_labels_follow_numbering_xml() {
        let n = serde_json::json!({
            "abstractNums": [{"id": 1, "levels": [
                {"format": "decimal", "start": 1, "text": "%1."},
                {"format": "decimal", "start": 1, "text": "%1.%2."},
                {"format": "bullet", "start": 1, "text": "-"}
            ]}],
            "numberings": [{"abstractNumId": 1, "id": 7, "levelOverrides": []}]
        });
        let mut num = Numbering::new(&n);
        let labels: Vec<String> = [(0, 0), (1, 0), (1, 1), (1, 1), (2, 2), (0, 0), (1, 1)]
            .iter()
            .map(|&(_, l)| num.label(7, l).unwrap())
            .collect();
        assert_eq!(labels, ["1.", "2.", "2.1.", "2.2.", "-", "3.", "3.1."]);
    }

    #[test]
    fn instances_of_one_list_go_on_unless_they_restart() {
        let n = serde_json::json!({
            "abstractNums": [{"id": 1, "levels": [{"format": "decimal", "start": 1, "text": "%1."}]}],
            "numberings": [
                {"abstractNumId": 1, "id": 7, "levelOverrides": []},
                {"abstractNumId": 1, "id": 8, "levelOverrides": []},
                {"abstractNumId": 1, "id": 9, "levelOverrides": [{"level": 0, "overrideStart": 1}]}
            ]
        });
        let mut num = Numbering::new(&n);
        let labels: Vec<String> = [7, 7, 8, 9, 9, 8]
            .iter()
            .map(|&id| num.label(id, 0).unwrap())
            .collect();
        assert_eq!(labels, ["1.", "2.", "3.", "1.", "2.", "3."]);
    }

    #[test]
    fn word_letters_are_latin() {
        let labels: Vec<String> = (1..=7).map(|n| format_number(n, "lowerLetter")).collect();
        assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(6, "upperLetter"), "F");
    }
}
