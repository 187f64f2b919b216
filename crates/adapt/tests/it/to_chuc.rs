//! "Tổ chức thực hiện" of a unit plan holds the unit's own roles and its reporting to its
//! parent: every corpus parent (and the built-in District 1 plan) adapted with the preset of
//! its answer key and with a school's, defaults accepted — no subordinate of the parent given
//! work, no request to another body, no audience of the parent, no funding but the unit's —
//! and, where the parent says how its plan is funded, the unit's own funding sentence.
use kehoach_adapt::{self as adapt, AdaptOptions, Preset};
use kehoach_import as import;
use kehoach_model::{Decisions, Item, Plan, Topic};
use kehoach_testkit::corpus::{keyed_parents, preset_id, unit_profile};

/// Words that give away a parent's sentence (folded, whole words).
const PARENT_WORDS: &[(&str, &str)] = &[
    ("đề nghị", "a request to another body"),
    ("các đơn vị trực thuộc", "the parent's subordinates"),
    ("các cơ quan, đơn vị", "the parent's subordinates"),
    ("thủ trưởng các", "the parent's subordinates"),
    ("các trường học", "the parent's subordinates"),
    ("đơn vị, trường học", "the parent's subordinates"),
    // (A People's Committee's plan names its own divisions so: checked for other units.)
    ("các phòng chuyên môn", "the parent's subordinates"),
    ("ủy ban nhân dân các xã", "the parent's subordinates"),
    // (A Sở's own divisions: checked for units that are not one.)
    ("thuộc sở", "the parent's divisions"),
    ("tại tất cả đơn vị", "the parent's audience"),
    ("và nhân dân", "the parent's audience"),
    ("cho nhân dân", "the parent's audience"),
    ("khu dân cư", "the parent's territory"),
    ("tổ dân phố", "the parent's territory"),
    ("khu phố", "the parent's territory"),
];

/// "Nhân dân" as the people the parent serves, not in the name of a body ("Ủy ban nhân dân",
/// "Hội đồng nhân dân").
fn names_the_people(text: &str) -> bool {
    kehoach_text::find_all(text, "nhân dân")
        .iter()
        .any(|&(s, _)| {
            let before = kehoach_text::fold(&text[..s]);
            ![
                "uy ban",
                "hoi dong",
                "toa an",
                "vien kiem sat",
                "cong an",
                "quan doi",
            ]
            .iter()
            .any(|b| before.trim_end().ends_with(b))
        })
}

fn texts(items: &[Item], out: &mut Vec<(String, String)>) {
    for i in items {
        out.push((i.id.clone(), i.text.clone()));
        texts(&i.items, out);
    }
}

fn to_chuc(plan: &Plan) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(part) = plan.part(Topic::ToChuc) {
        texts(&part.items, &mut out);
    }
    out
}

#[test]
fn to_chuc_thuc_hien_of_every_unit_plan_is_the_units_own() {
    let parents = keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap());
    let mut problems = Vec::new();
    for (name, parent, unit) in &parents {
        let mut units = vec![preset_id(unit).to_string()];
        if units[0] != "mam-non" {
            units.push("mam-non".into());
        }
        for preset in units {
            let profile = unit_profile(&preset, parent);
            let plan = adapt::adapt(
                parent,
                &profile,
                &Preset::builtin(&preset).unwrap(),
                &Decisions::default(),
                AdaptOptions {
                    apply_defaults: true,
                },
            )
            .unwrap()
            .plan;
            // Where the parent says how its plan is funded (a part of its own, or a sentence of
            // Tổ chức thực hiện), the unit's plan says how its own is.
            let funding = |t: &str| {
                let f = kehoach_text::fold(t);
                f.starts_with("kinh phi") || f.starts_with("nguon kinh phi")
            };
            let parent_funds = parent.part(Topic::KinhPhi).is_some()
                || to_chuc(parent).iter().any(|(_, t)| funding(t));
            let unit_funds = plan
                .items()
                .iter()
                .any(|(_, i)| funding(&i.text) && i.text.contains(&profile.name));
            if parent_funds && !unit_funds {
                problems.push(format!(
                    "{name} / {preset}: no funding sentence of the unit's"
                ));
            }
            // Its sections go by roles ("1. Giám đốc", "1. Hiệu trưởng"), not by the unit's
            // noun over its duties ("1. Đơn vị", "1. Nhà trường").
            if let Some(part) = plan.part(Topic::ToChuc) {
                for item in part.items.iter().filter(|i| !i.items.is_empty()) {
                    let heading = item.text.trim().trim_end_matches(':');
                    if ["Đơn vị", "Nhà trường"].contains(&heading) {
                        problems.push(format!(
                            "{name} / {preset} {}: a section headed by the unit's noun",
                            item.id
                        ));
                    }
                }
            }
            for (id, text) in to_chuc(&plan) {
                // Its funding is the unit's own sentence, not the parent's budget (its title
                // "Kinh phí thực hiện" aside).
                let folded = kehoach_text::fold(&text);
                if ["kinh phi", "nguon kinh phi"]
                    .iter()
                    .any(|w| folded.starts_with(w))
                    && text.split_whitespace().count() > 4
                    && !text.contains(&profile.name)
                {
                    problems.push(format!(
                        "{name} / {preset} {id}: the parent's funding: {text}"
                    ));
                }
                // A school serves parents and pupils: "người dân" is its parent's audience,
                // "người bệnh" a health unit's.
                // (No school is under a Sở Y tế: there the kindergarten stands in for a unit
                // of another field, whose plan is all about patients.)
                let school = Preset::builtin(&preset).unwrap().own == ["truong-hoc"];
                let health = kehoach_text::fold(&parent.header.issuer).contains("y te");
                for words in ["người dân", "người bệnh"] {
                    if words == "người bệnh" && health {
                        continue;
                    }
                    if school && !kehoach_text::find_all(&text, words).is_empty() {
                        problems.push(format!(
                            "{name} / {preset} {id}: another's audience “{words}”: {text}"
                        ));
                    }
                }
                // … and a health unit serves patients, not pupils (no health unit is under a Sở
                // Giáo dục và Đào tạo).
                let education = kehoach_text::fold(&parent.header.issuer).contains("giao duc");
                for words in ["người học", "cha mẹ học sinh"] {
                    if preset == "y-te"
                        && !education
                        && !kehoach_text::find_all(&text, words).is_empty()
                    {
                        problems.push(format!(
                            "{name} / {preset} {id}: another's audience “{words}”: {text}"
                        ));
                    }
                }
                if names_the_people(&text) {
                    problems.push(format!(
                        "{name} / {preset} {id}: the parent's audience “Nhân dân”: {text}"
                    ));
                }
                for (words, what) in PARENT_WORDS {
                    if *words == "các phòng chuyên môn" && preset == "phuong" {
                        continue;
                    }
                    if *words == "thuộc sở" && preset == "phong-ban" {
                        continue;
                    }
                    if !kehoach_text::find_all(&text, words).is_empty() {
                        problems.push(format!("{name} / {preset} {id}: {what} “{words}”: {text}"));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} sentences of the parent in Tổ chức thực hiện:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// "Bỏ" on the unit's own funding sentence of Tổ chức thực hiện takes it out, and no funding
/// sentence of the parent's comes back in its place (it did nothing: the sentence was made
/// again on every render).
#[test]
fn the_unit_drops_its_own_funding_sentence() {
    let parents = keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap());
    let adapt_with = |parent: &Plan, decisions: &Decisions| {
        adapt::adapt(
            parent,
            &unit_profile("mam-non", parent),
            &Preset::builtin("mam-non").unwrap(),
            decisions,
            AdaptOptions {
                apply_defaults: true,
            },
        )
        .unwrap()
    };
    let funding = |t: &str| kehoach_text::fold(t).contains("kinh phi");
    let mut tried = 0;
    for (name, parent, _) in &parents {
        let before = adapt_with(parent, &Decisions::default());
        let Some((id, _)) = to_chuc(&before.plan)
            .into_iter()
            .find(|(id, _)| id.ends_with(".kinh-phi"))
        else {
            continue;
        };
        tried += 1;
        let mut decisions = Decisions::default();
        decisions
            .nodes
            .insert(id.clone(), kehoach_model::NodeDecision::Drop);
        let after = adapt_with(parent, &decisions);
        let left: Vec<String> = to_chuc(&after.plan)
            .into_iter()
            .filter(|(_, t)| funding(t) && t.split_whitespace().count() > 4)
            .map(|(i, t)| format!("{i}: {t}"))
            .collect();
        assert!(left.is_empty(), "{name}: {id} dropped, still {left:?}");
        // Nor is the parent's sentence it stood in for counted as kept.
        let source = id.trim_end_matches(".kinh-phi");
        assert!(
            after.nodes.iter().all(|n| n.id != source || !n.kept),
            "{name}: {source} still kept"
        );
    }
    assert!(
        tried >= 3,
        "only {tried} plans put the unit's funding in Tổ chức thực hiện"
    );
}

/// A unit whose parent body did not issue the plan (a school under a Sở following the
/// province's plan): every plan and report it sends goes to its own parent, in every corpus
/// plan that says where to send — and a unit under the issuer sends where the plan says.
#[test]
fn what_the_unit_sends_goes_to_its_own_parent() {
    // (A body no corpus plan names, nor names by its noun alone.)
    let elsewhere = "Trung tâm Y tế khu vực Điện Biên";
    // "gửi Sở Nội vụ", "gửi về Ủy ban nhân dân tỉnh", "báo cáo về Sở …": where they go, as
    // read here independently of the adaptation.
    let sent = regex::Regex::new(
        r"(?i:\b(?:gửi\s+về|gửi|nộp\s+về|báo\s+cáo\s+về))\s+((?:Ủy ban nhân dân|UBND|Sở|Văn phòng|Phòng|Trung tâm)\s)",
    )
    .unwrap();
    let (mut moved, mut kept_where) = (0, 0);
    let parents = keyed_parents(import::read_path, import::builtin("quan1-2024").unwrap());
    for (name, parent, key) in &parents {
        let preset = Preset::builtin(preset_id(key)).unwrap();
        for own_parent in [false, true] {
            let mut profile = unit_profile(key, parent);
            if !own_parent {
                profile.parent_body = elsewhere.into();
                profile.parent_body_header = elsewhere.to_uppercase();
            }
            let a = adapt::adapt(
                parent,
                &profile,
                &preset,
                &Decisions::default(),
                AdaptOptions {
                    apply_defaults: true,
                },
            )
            .unwrap();
            for (_, item) in a.plan.items() {
                for c in sent.captures_iter(&item.text) {
                    let to = &item.text[c.get(1).unwrap().start()..];
                    if own_parent {
                        kept_where += usize::from(!to.starts_with(elsewhere));
                        continue;
                    }
                    assert!(
                        to.starts_with(elsewhere),
                        "{name} ({key}): «{}» sends elsewhere than the unit's parent",
                        item.text
                    );
                    moved += 1;
                }
            }
        }
    }
    assert!(moved >= 10, "only {moved} addressees moved over the corpus");
    assert!(kept_where >= 10, "only {kept_where} addressees kept");
}
