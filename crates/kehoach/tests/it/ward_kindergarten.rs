//! The case a principal meets today: a kindergarten under phường Sài Gòn makes its 2025 plan from
//! the built-in 2024 plan of District 1 (which no longer exists), every default accepted, through
//! the command line, and the exported .docx is read back: every document the parent cites is
//! quoted word for word, the parent plan is cited as UBND Quận 1's with its number and date, and
//! every year before 2025 left in the unit's wording or appendix is a checker warning quoting it.
use kehoach_nd30::spans::{citations, protected};
use kehoach_nd30::years::stale;
use kehoach_text::{nfc, squash};
use std::process::Command;

fn kehoach(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "kehoach {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

const UNIT: &str = r#"
name = "Trường Mầm non Tuổi Hồng"
short_name = "MNTH"
type = "mam-non"
parent_body = "Ủy ban nhân dân phường Sài Gòn"
place = "Sài Gòn"
year = 2025
signer_title = "HIỆU TRƯỞNG"
signer_name = "Nguyễn Thị Hồng"
"#;

#[test]
fn a_wards_kindergarten_2025_from_the_district_plan_of_2024() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.toml");
    std::fs::write(&unit, UNIT).unwrap();
    let json = dir.path().join("ke-hoach.json");
    let docx = dir.path().join("ke-hoach.docx");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    kehoach(&[
        "adapt",
        "--from",
        "builtin:quan1-2024",
        "--unit",
        &s(&unit),
        "-o",
        &s(&json),
    ]);
    kehoach(&["export", &s(&json), "-o", &s(&docx)]);
    let unit_plan = kehoach_import::read_path(&docx).unwrap();
    let parent = kehoach_import::builtin("quan1-2024").unwrap();

    // The parent plan, cited by its own header.
    let basis = unit_plan.bases.last().unwrap();
    assert!(
        basis.contains(
            "Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1"
        ),
        "{basis}"
    );
    assert!(!basis.contains("Sài Gòn"), "{basis}");
    assert_eq!(
        unit_plan.header.parent_body.as_deref(),
        Some("ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN")
    );

    // Every citation the unit kept, word for word.
    let text = squash(&nfc(&unit_plan
        .items()
        .iter()
        .map(|(_, i)| i.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")));
    let mut kept = 0;
    for (_, item) in parent.items() {
        for (s, e) in citations(&item.text) {
            let cited = squash(&nfc(&item.text[s..e]));
            let Some(at) = cited.find(" số ") else {
                continue;
            };
            let cited = &cited[at + 1..];
            let symbol = cited.split_whitespace().nth(1).unwrap_or("");
            if symbol.contains('/') && text.contains(&format!("số {symbol} ")) {
                kept += 1;
                assert!(text.contains(cited), "«{cited}» altered");
            }
        }
    }
    assert!(kept >= 20, "{kept} citations kept");

    // No year before 2025 in the unit's wording or appendix, or each one a warning quoting it.
    let out = kehoach(&[
        "check",
        &s(&docx),
        "--parent",
        "builtin:quan1-2024",
        "--json",
    ]);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let warned: Vec<String> = findings
        .iter()
        .filter(|f| f["rule"] == "stale-year")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        findings.iter().all(|f| f["rule"] != "parent-citation"),
        "{findings:?}"
    );
    let mut texts: Vec<String> = unit_plan
        .items()
        .iter()
        .map(|(_, i)| i.text.clone())
        .collect();
    for row in unit_plan
        .appendix
        .iter()
        .flat_map(|a| a.groups.iter().flat_map(|g| &g.rows))
    {
        texts.extend(row.cells.iter().skip(1).cloned());
    }
    for t in texts {
        for y in stale(&t, 2025, &protected(&t)) {
            assert!(
                warned.iter().any(|w| w.contains(&y.found)),
                "«{}» in «{t}» is not reported: {warned:?}",
                y.found
            );
        }
    }
}
