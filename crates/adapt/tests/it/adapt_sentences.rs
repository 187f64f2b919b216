//! Every corpus parent (and the built-in District 1 plan) adapted with every preset, defaults
//! accepted: no sentence a substitution broke, no parent organ left giving the orders.
use kehoach_adapt::{self as adapt, preset::BUILTIN, AdaptOptions, Adaptation, Preset};
use kehoach_import as import;
use kehoach_lint::sentences::{broken, parent_actor_except};
use kehoach_model::{Decisions, Plan};
use kehoach_parent::{Level, ParentProfile};
use kehoach_testkit::corpus::{plans, unit_profile};

fn parents() -> Vec<(String, Plan)> {
    let mut out: Vec<(String, Plan)> = plans()
        .into_iter()
        .map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            (name, import::read_path(&d.join("doc.docx")).unwrap())
        })
        .collect();
    out.push(("quan1-2024".into(), import::builtin("quan1-2024").unwrap()));
    out
}

fn adapt_with(parent: &Plan, preset: &str) -> Adaptation {
    adapt::adapt(
        parent,
        &unit_profile(preset, parent),
        &Preset::builtin(preset).unwrap(),
        &Decisions::default(),
        AdaptOptions {
            apply_defaults: true,
        },
    )
    .unwrap()
}

/// Every sentence of a unit plan with where it is.
fn sentences(plan: &Plan) -> Vec<(String, String)> {
    let mut out = vec![
        ("trích yếu".to_string(), plan.summary.clone()),
        ("mở đầu".into(), plan.intro.clone()),
        ("kết thúc".into(), plan.closing.clone()),
    ];
    out.extend(
        plan.bases
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("căn cứ {}", i + 1), b.clone())),
    );
    out.extend(
        plan.items()
            .into_iter()
            .map(|(_, i)| (i.id.clone(), i.text.clone())),
    );
    if let Some(a) = &plan.appendix {
        for g in &a.groups {
            for r in &g.rows {
                for c in &r.cells {
                    out.push((format!("phụ lục {}", r.id), c.clone()));
                }
            }
        }
    }
    out
}

/// The unit's noun glued to what is left of a longer name it replaced the head of: "Đơn vị
/// khu vực kiện toàn …" (from "Các trung tâm y tế khu vực …"), "Nhà trường thông tin truyền
/// thông trực thuộc quận …" (from "Các đơn vị thông tin truyền thông trực thuộc quận …").
fn glued(text: &str, subjects: &[String]) -> Option<String> {
    const QUALIFIERS: &[&str] = &[
        "khu vực",
        "trực thuộc",
        "thuộc",
        "công lập",
        "sự nghiệp",
        "trên địa bàn",
        "trong lĩnh vực",
    ];
    const PLACES: &[&str] = &[
        "xã",
        "phường",
        "quận",
        "huyện",
        "tỉnh",
        "thành phố",
        "đặc khu",
    ];
    for s in subjects
        .iter()
        .filter(|s| s.split_whitespace().count() <= 6)
    {
        let Some(rest) = text
            .strip_prefix(s.as_str())
            .and_then(|r| r.strip_prefix(' '))
        else {
            continue;
        };
        if let Some(q) = QUALIFIERS
            .iter()
            .find(|q| rest.starts_with(*q) && rest[q.len()..].starts_with([' ', ',', ':', ';']))
        {
            return Some(format!("{s} {q}"));
        }
        // A few words of a name, then whose it is, before any word that takes an object.
        let words: Vec<&str> = rest.split(' ').take(6).collect();
        for i in 1..words.len().saturating_sub(1) {
            let owner = words[i + 1];
            let owned = (words[i] == "thuộc" || words[i] == "trực")
                && (owner.starts_with(char::is_uppercase)
                    || PLACES.contains(&owner.trim_end_matches([',', ';']))
                    || owner == "thuộc");
            let plain_name = words[..i].iter().all(|w| {
                !w.contains([',', ';', ':']) && !["các", "với", "cho", "của", "và"].contains(w)
            });
            if owned && plain_name {
                return Some(format!("{s} {}", words[..=i + 1].join(" ")));
            }
        }
    }
    None
}

#[test]
fn no_adapted_plan_has_a_broken_sentence_or_a_parent_organ_giving_orders() {
    let mut problems = Vec::new();
    for (name, parent) in parents() {
        let level = ParentProfile::of(&parent).level;
        for (preset, _) in BUILTIN {
            // A commune's own plan is made from a province's or a former district's, not from
            // a commune's.
            if *preset == "phuong" && matches!(level, Level::Commune | Level::Division) {
                continue;
            }
            let result = adapt_with(&parent, preset);
            let unit = result.plan.header.issuer.clone();
            let place = result.plan.header.parent_body.clone().unwrap_or_default();
            // What the review screen shows of each proposal: no template text.
            for p in &result.proposals {
                if p.label.contains("{{") || p.after.contains("{{") {
                    problems.push(format!("{name} / {preset}: đề xuất “{}”", p.label));
                }
            }
            // How this plan names its unit where it put an item in the unit's words.
            let own_subject = Preset::builtin(preset).unwrap().subject(&|s| s.to_string());
            let subjects: Vec<String> = result
                .proposals
                .iter()
                .filter(|p| p.rule == "loi-don-vi")
                .map(|p| p.after.trim_end_matches(':').to_string())
                .chain([own_subject].into_iter().filter(|s| !s.contains("{{")))
                .collect();
            let offers = result
                .nodes
                .iter()
                .filter_map(|n| Some((format!("{} (nếu giữ)", n.id), n.offer.clone()?)));
            // An appendix row's product is never its deadline (a parent's table without a
            // product column gave its deadline as the product: "Quý II/2027").
            for r in result
                .plan
                .appendix
                .iter()
                .flat_map(|a| &a.groups)
                .flat_map(|g| &g.rows)
            {
                let cell = |i: usize| r.cells.get(i).map_or("", |c| c.trim());
                let (product, deadline) = (cell(1), cell(4));
                let when = ["Quý ", "Tháng ", "Trước ngày", "Trước "].iter().any(|w| {
                    product.strip_prefix(w).is_some_and(|d| {
                        d.starts_with(|c: char| c.is_ascii_digit() || "IV".contains(c))
                    })
                });
                if !product.is_empty() && (product == deadline || when) {
                    problems.push(format!(
                        "{name} / {preset} / phụ lục {}: sản phẩm “{product}”",
                        r.id
                    ));
                }
            }
            let plan = sentences(&result.plan);
            for (at, text) in plan.iter().cloned().chain(offers) {
                if let Some(q) = glued(&text, &subjects) {
                    problems.push(format!(
                        "{name} / {preset} / {at}: tên cắt dở “{q}”: {text}"
                    ));
                }
                // (An offer is what Giữ gives: no broken sentence either.)
                if at.ends_with("(nếu giữ)") {
                    if let Some(q) = broken(&text) {
                        problems.push(format!("{name} / {preset} / {at}: câu lỗi “{q}”: {text}"));
                    }
                }
            }
            // A school's plan does not speak of every school of the territory as if it were
            // another's ("giáo viên, nhân viên các trường học trên địa bàn xã").
            let school = Preset::builtin(preset).unwrap().own == ["truong-hoc"];
            for (at, text) in &plan {
                for q in [
                    "các trường học trên địa bàn",
                    "các cơ sở giáo dục trên địa bàn",
                ] {
                    if school && !kehoach_text::find_all(text, q).is_empty() {
                        problems.push(format!("{name} / {preset} / {at}: còn “{q}”: {text}"));
                    }
                }
            }
            for (at, text) in plan {
                if let Some(q) = broken(&text) {
                    problems.push(format!("{name} / {preset} / {at}: câu lỗi “{q}”: {text}"));
                }
                if let Some(q) = parent_actor_except(&text, &place, &unit) {
                    problems.push(format!("{name} / {preset} / {at}: còn “{q}”: {text}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
