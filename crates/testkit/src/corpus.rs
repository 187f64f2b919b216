//! The corpus of parent plans (tests/fixtures/parents/): the facts an import gives, compared with
//! the facts written by hand in each plan.yaml (rendered into expected.json).
use super::root;
use kehoach_model::{Item, Plan, UnitProfile};
use serde_json::{json, Value};
use std::path::PathBuf;

/// The forms each plan comes in.
pub const FORMS: &[&str] = &[
    "doc.docx",
    "lo.docx",
    "pandoc.docx",
    "doc.md",
    "eoffice.pdf",
];

pub fn plans() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/parents");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    out.sort();
    out
}

/// The plans of the year pairs (`tests/fixtures/pairs/<pair>/old`, `…/new`): imported like the
/// corpus, kept out of the adaptation's tuning figures.
pub fn pair_plans() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/pairs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flat_map(|e| {
            let p = e.unwrap().path();
            [p.join("old"), p.join("new")]
        })
        .filter(|p| p.join("expected.json").exists())
        .collect();
    out.sort();
    out
}

/// A plan's answer keys: `answer.json` (its `answer_unit`), then `answer-2.json` (its
/// `second_unit`) where it has one.
pub fn answer_keys(dir: &std::path::Path) -> Vec<PathBuf> {
    ["answer.json", "answer-2.json"]
        .iter()
        .map(|f| dir.join(f))
        .filter(|p| p.exists())
        .collect()
}

/// The unit type an answer key is written for.
pub fn key_unit(key: &std::path::Path) -> String {
    let answer: Value = serde_json::from_str(&std::fs::read_to_string(key).unwrap()).unwrap();
    answer["unit"].as_str().unwrap().to_string()
}

/// Every corpus plan with its name and the unit type of each of its answer keys (a plan with
/// keys for two unit types comes twice).
pub fn keyed_plans() -> Vec<(String, PathBuf, String)> {
    plans()
        .into_iter()
        .flat_map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            answer_keys(&d)
                .into_iter()
                .map(move |k| (name.clone(), d.clone(), key_unit(&k)))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every keyed corpus plan read as `read` reads a file (the importer; testkit does not depend on
/// it), then the built-in District 1 sample for a kindergarten: (name, parent plan, unit type).
pub fn keyed_parents<E: std::fmt::Debug>(
    read: impl Fn(&std::path::Path) -> Result<Plan, E>,
    district_sample: Plan,
) -> Vec<(String, Plan, String)> {
    let mut out: Vec<(String, Plan, String)> = keyed_plans()
        .into_iter()
        .map(|(name, d, unit)| (name, read(&d.join("doc.docx")).unwrap(), unit))
        .collect();
    out.push(("quan1-2024".into(), district_sample, "mam-non".into()));
    out
}

/// The plans held out of tuning (`tests/fixtures/parents/HOLDOUT`): measured, never tuned on.
pub fn held_out() -> std::collections::BTreeSet<String> {
    std::fs::read_to_string(root().join("tests/fixtures/parents/HOLDOUT"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Whether a plan's folder is in the held-out set.
pub fn is_held_out(dir: &std::path::Path) -> bool {
    dir.file_name()
        .is_some_and(|n| held_out().contains(n.to_string_lossy().as_ref()))
}

fn counts(items: &[Item]) -> Vec<usize> {
    fn walk(items: &[Item], depth: usize, out: &mut Vec<usize>) {
        if items.is_empty() {
            return;
        }
        if out.len() <= depth {
            out.resize(depth + 1, 0);
        }
        out[depth] += items.len();
        for i in items {
            walk(&i.items, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(items, 0, &mut out);
    out
}

/// The facts of an imported plan, in the shape of expected.json.
pub fn facts(plan: &Plan) -> Value {
    let h = &plan.header;
    json!({
        "header": {
            "parent_body": h.parent_body,
            "issuer": h.issuer,
            "number": h.number,
            "symbol": (!h.symbol.is_empty()).then_some(&h.symbol),
            "place": (!h.place.is_empty()).then_some(&h.place),
            "date": h.date.map(|d| d.to_string()),
        },
        "issued_with": plan.issued_with.as_ref().map(|d| json!({
            "doc_type": d.doc_type, "number": d.number, "symbol": d.symbol,
            "date": d.date.map(|d| d.to_string()), "issuer": d.issuer,
        })),
        "doc_type": plan.doc_type,
        "summary": plan.summary,
        "bases": plan.bases.len(),
        "parts": plan.parts.iter().map(|p| json!({
            "label": p.label, "title": p.title, "counts": counts(&p.items),
        })).collect::<Vec<_>>(),
        "recipients": {
            "count": plan.recipients.len(),
            "last": plan.recipients.last(),
        },
        "signer": {
            "authority": plan.signer.authority,
            "title": plan.signer.title,
            "name": plan.signer.name,
        },
        "appendix": plan.appendix.as_ref().map(|a| json!({
            "groups": a.groups.len(),
            "rows": a.groups.iter().map(|g| g.rows.len()).sum::<usize>(),
        })),
        "footnotes": plan.footnotes.len(),
    })
}

fn norm(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => kehoach_text::squash(s),
        other => other.to_string(),
    }
}

/// The differences between expected and imported facts, one line each.
pub fn compare(expected: &Value, got: &Value) -> Vec<String> {
    let out = std::cell::RefCell::new(Vec::new());
    let field = |name: &str, e: &Value, g: &Value, fold_case: bool| {
        let (a, b) = (norm(e), norm(g));
        let same = if fold_case {
            a.to_lowercase() == b.to_lowercase()
        } else {
            a == b
        };
        if !same {
            out.borrow_mut()
                .push(format!("{name}: expected {a:?}, got {b:?}"));
        }
    };
    for k in ["parent_body", "issuer", "number", "symbol", "place", "date"] {
        field(
            &format!("header.{k}"),
            &expected["header"][k],
            &got["header"][k],
            false,
        );
    }
    match (&expected["issued_with"], &got["issued_with"]) {
        (Value::Null, Value::Null) => {}
        (e, g) => {
            for k in ["doc_type", "number", "symbol", "date", "issuer"] {
                field(&format!("issued_with.{k}"), &e[k], &g[k], true);
            }
        }
    }
    field("doc_type", &expected["doc_type"], &got["doc_type"], false);
    field("summary", &expected["summary"], &got["summary"], true);
    field("bases", &expected["bases"], &got["bases"], false);
    let (ep, gp) = (
        expected["parts"].as_array().unwrap(),
        got["parts"].as_array().unwrap(),
    );
    if ep.len() != gp.len() {
        let titles = |v: &[Value]| -> Vec<String> {
            v.iter()
                .map(|p| format!("{} {}", norm(&p["label"]), norm(&p["title"])))
                .collect()
        };
        out.borrow_mut().push(format!(
            "parts: expected {:?}, got {:?}",
            titles(ep),
            titles(gp)
        ));
    } else {
        for (i, (e, g)) in ep.iter().zip(gp).enumerate() {
            field(
                &format!("parts[{i}].label"),
                &e["label"],
                &g["label"],
                false,
            );
            field(&format!("parts[{i}].title"), &e["title"], &g["title"], true);
            let trim = |v: &Value| -> Vec<u64> {
                let mut c: Vec<u64> = v
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_u64().unwrap())
                    .collect();
                while c.last() == Some(&0) {
                    c.pop();
                }
                c
            };
            let (ec, gc) = (trim(&e["counts"]), trim(&g["counts"]));
            if ec != gc {
                out.borrow_mut()
                    .push(format!("parts[{i}].counts: expected {ec:?}, got {gc:?}"));
            }
        }
    }
    field(
        "recipients.count",
        &expected["recipients"]["count"],
        &got["recipients"]["count"],
        false,
    );
    field(
        "recipients.last",
        &expected["recipients"]["last"],
        &got["recipients"]["last"],
        false,
    );
    for k in ["authority", "title", "name"] {
        field(
            &format!("signer.{k}"),
            &expected["signer"][k],
            &got["signer"][k],
            false,
        );
    }
    match (&expected["appendix"], &got["appendix"]) {
        (Value::Null, Value::Null) => {}
        (Value::Null, g) => out
            .borrow_mut()
            .push(format!("appendix: expected none, got {g}")),
        (e, Value::Null) => out
            .borrow_mut()
            .push(format!("appendix: expected {e}, got none")),
        (e, g) => {
            field("appendix.groups", &e["groups"], &g["groups"], false);
            field("appendix.rows", &e["rows"], &g["rows"], false);
        }
    }
    field(
        "footnotes",
        &expected["footnotes"],
        &got["footnotes"],
        false,
    );
    out.into_inner()
}

/// The preset for an answer key's unit.
pub fn preset_id(unit: &str) -> &str {
    match unit {
        "xa" => "phuong",
        "phong" => "phong-ban",
        other => other,
    }
}

/// The unit's parent body: the body that issued the parent plan (the ward for a school under it,
/// the Sở for an upper-secondary school), or for a division's plan the People's Committee over
/// the division.
fn parent_body_of(parent: &Plan) -> String {
    let issuer = &parent.header.issuer;
    let division = kehoach_text::fold(issuer).starts_with("phong ");
    match parent.header.parent_body.as_deref() {
        Some(above) if division => kehoach_nd30::names::normal_case(above),
        _ => kehoach_nd30::names::normal_case(issuer),
    }
}

/// A profile of a unit of that type under the corpus plan's issuer.
pub fn unit_profile(unit: &str, parent: &Plan) -> UnitProfile {
    let (name, short) = match unit {
        "mam-non" => ("Trường Mầm non Hoa Sen", "MNHS"),
        "tieu-hoc" => ("Trường Tiểu học Lê Lợi", "THLL"),
        "thcs" => ("Trường Trung học cơ sở Nguyễn Du", "THCSND"),
        "thpt" => ("Trường Trung học phổ thông Trần Phú", "THPTTP"),
        "y-te" => ("Trạm Y tế Hòa Bình", "TYT"),
        "xa" | "phuong" => ("Ủy ban nhân dân xã Phước Hòa", "UBND"),
        _ => ("Phòng Kinh tế", "PKT"),
    };
    UnitProfile {
        name: name.into(),
        short_name: short.into(),
        unit_type: preset_id(unit).into(),
        parent_body: parent_body_of(parent),
        place: if parent.header.place.is_empty() {
            "Phước Hòa".into()
        } else {
            parent.header.place.clone()
        },
        year: parent.year().unwrap_or(2027),
        signer_title: String::new(),
        signer_name: "Nguyễn Văn An".into(),
        ..Default::default()
    }
}

/// The differences between the expected outline (each part's `items` tree: label and text of
/// every item, in order) and the imported plan's, at most `limit` of them, each naming the item.
pub fn compare_outline(expected: &Value, plan: &Plan, limit: usize) -> Vec<String> {
    fn walk(e: &[Value], g: &[Item], at: &str, out: &mut Vec<String>) {
        if e.len() != g.len() {
            let show = |labels: Vec<String>| labels.join(" ");
            out.push(format!(
                "{at}: expected {} items [{}], got {} [{}]",
                e.len(),
                show(e.iter().map(|i| norm(&i["label"])).collect()),
                g.len(),
                show(g.iter().map(|i| i.label.clone()).collect()),
            ));
        }
        for (ei, gi) in e.iter().zip(g) {
            let here = format!("{at} › {}", norm(&ei["id"]));
            let (el, et) = (norm(&ei["label"]), norm(&ei["text"]));
            let (gl, gt) = (
                kehoach_text::squash(&gi.label),
                kehoach_text::squash(&gi.text),
            );
            if el != gl {
                out.push(format!("{here}: label expected {el:?}, got {gl:?}"));
            }
            if et != gt {
                out.push(format!("{here}: text expected {et:?}, got {gt:?}"));
            }
            let children = ei["items"].as_array().map_or(&[][..], Vec::as_slice);
            walk(children, &gi.items, &here, out);
        }
    }
    let mut out = Vec::new();
    let parts = expected["parts"].as_array().map_or(&[][..], Vec::as_slice);
    for (ep, gp) in parts.iter().zip(&plan.parts) {
        let items = ep["items"].as_array().map_or(&[][..], Vec::as_slice);
        let at = format!("{} {}", norm(&ep["label"]), norm(&ep["title"]));
        walk(items, &gp.items, at.trim(), &mut out);
    }
    out.truncate(limit);
    out
}

/// How the cells of an appendix are compared.
#[derive(Clone, Copy, PartialEq)]
pub enum Cells {
    /// Not at all (a converter's markdown keeps a cell merged down several rows in its first
    /// row only).
    No,
    /// Every cell, a cell merged down several rows in each of them.
    Exact,
    /// Every cell, except that a merged cell cut by a page break may show, on the rows after
    /// the break, nothing or the rest of its text (a printed page cannot tell a merge that
    /// goes on from the page before).
    PagesMayCutMerges,
}

/// The differences between the expected appendix table (each group's label and title, each
/// row's label and cells) and the imported one, at most `limit`.
pub fn compare_appendix(expected: &Value, plan: &Plan, cells: Cells, limit: usize) -> Vec<String> {
    let Some(groups) = expected["appendix"]["table"].as_array() else {
        return Vec::new();
    };
    let Some(app) = &plan.appendix else {
        return vec!["appendix: none imported".into()];
    };
    let mut out = Vec::new();
    let squash = |v: &Value| norm(v);
    for (eg, gg) in groups.iter().zip(&app.groups) {
        let at = format!("appendix {}", squash(&eg["label"]));
        if squash(&eg["label"]) != gg.label.trim().trim_end_matches('.')
            || squash(&eg["title"]).to_lowercase() != kehoach_text::squash(&gg.title).to_lowercase()
        {
            out.push(format!(
                "{at}: group expected {:?} {:?}, got {:?} {:?}",
                squash(&eg["label"]),
                squash(&eg["title"]),
                gg.label,
                gg.title
            ));
        }
        let rows = eg["rows"].as_array().map_or(&[][..], Vec::as_slice);
        if rows.len() != gg.rows.len() {
            out.push(format!(
                "{at}: expected {} rows, got {}",
                rows.len(),
                gg.rows.len()
            ));
        }
        let cells_of = |r: &Value| -> Vec<String> {
            r["cells"]
                .as_array()
                .map_or(Vec::new(), |c| c.iter().map(squash).collect())
        };
        for (n, (er, gr)) in rows.iter().zip(&gg.rows).enumerate() {
            let here = format!("{at} › {}", squash(&er["label"]));
            if squash(&er["label"]) != gr.label.trim().trim_end_matches('.') {
                out.push(format!("{here}: label got {:?}", gr.label));
            }
            if cells == Cells::No {
                continue;
            }
            let want = cells_of(er);
            let merged_from_above = |i: usize| {
                let w = &want[i];
                !w.is_empty()
                    && (n > 0 && cells_of(&rows[n - 1]).get(i) == Some(w)
                        || rows
                            .get(n + 1)
                            .is_some_and(|next| cells_of(next).get(i) == Some(w)))
            };
            let got: Vec<String> = gr.cells.iter().map(|c| kehoach_text::squash(c)).collect();
            for i in 0..want.len().max(got.len()) {
                let (w, g) = (
                    want.get(i).map_or("", String::as_str),
                    got.get(i).map_or("", String::as_str),
                );
                let cut = cells == Cells::PagesMayCutMerges
                    && i < want.len()
                    && merged_from_above(i)
                    && w.contains(g);
                if w != g && !cut {
                    out.push(format!("{here} cell {}: expected {w:?}, got {g:?}", i + 2));
                }
            }
        }
    }
    out.truncate(limit);
    out
}
