//! The checker: each rule fires where it should and stays silent elsewhere, on plans and on real
//! .docx files (our own export, and files built with the real kindergarten plan's mistakes).
use docx_rs::{AlignmentType, Docx, Paragraph, Run};
use kehoach_export::{to_docx, ExportOptions};
use kehoach_lint::{check, check_docx, Finding, Severity};
use kehoach_model::{Item, Plan};
use kehoach_testkit::*;

/// The golden plan made clean: its labels renumbered and its last basis ending in ".".
fn golden() -> Plan {
    let text = std::fs::read_to_string(root().join("tests/fixtures/golden-plan.json")).unwrap();
    let mut plan: Plan = serde_json::from_str(&text).unwrap();
    kehoach_model::numbering::renumber(&mut plan);
    let last = plan.bases.last_mut().unwrap();
    *last = format!("{}.", last.trim_end_matches(';'));
    plan
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

fn fires(plan: &Plan, rule: &str) -> Vec<Finding> {
    check(plan).into_iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn a_clean_plan_has_no_finding() {
    assert_eq!(check(&golden()), vec![], "the golden plan is clean");
}

#[test]
fn numbering_gap_and_duplicate() {
    let mut p = golden();
    let area = &mut p.parts[1].items[0];
    area.items[1].label = "1.3.".into();
    let gap = fires(&p, "numbering-gap");
    assert_eq!(gap.len(), 1);
    assert_eq!(gap[0].location.label, "1.3.");
    assert_eq!(gap[0].location.node, "III.1.5");
    assert_eq!(gap[0].location.text, "Tuyên truyền về CCHC");
    p.parts[1].items[0].items[1].label = "1.1.".into();
    assert_eq!(fires(&p, "numbering-duplicate").len(), 1);
    assert!(fires(&golden(), "numbering-gap").is_empty());
}

#[test]
fn parent_scope_in_a_units_plan_but_not_in_a_wards() {
    let mut p = golden();
    p.parts[0].items[1].text = "Phối hợp với Ủy ban nhân dân 10 phường và các khu phố.".into();
    let f = fires(&p, "parent-scope");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    p.header.issuer = "ỦY BAN NHÂN DÂN QUẬN 1".into();
    assert!(fires(&p, "parent-scope").is_empty());
    let mut authority = golden();
    authority.parts[0].items[1].text =
        "Thực hiện Quyết định do Ủy ban nhân dân Quận 1 ban hành.".into();
    assert!(fires(&authority, "parent-scope").is_empty());
}

#[test]
fn symbol_type_and_format() {
    // (The appendix says it comes with the plan of that number: it is written the same.)
    let with_subtitle = |p: &mut Plan, from: &str, to: &str| {
        let a = p.appendix.as_mut().unwrap();
        a.subtitle = a.subtitle.replace(from, to);
    };
    let mut p = golden();
    p.header.symbol = "TB-MNTH".into();
    with_subtitle(&mut p, "KH-MNTH", "TB-MNTH");
    assert_eq!(rules(&check(&p)), ["symbol-type"]);
    let mut p = golden();
    p.header.number = Some("5".into());
    with_subtitle(&mut p, "số 14/", "số 5/");
    assert_eq!(rules(&check(&p)), ["symbol-format"]);
    p.header.number = Some("05".into());
    p.header.symbol = "KH - MNTH".into();
    assert!(rules(&check(&p)).contains(&"symbol-format"));
    p.header.symbol = "KH-MNTH".into();
    with_subtitle(&mut p, "số 5/", "số 05/");
    assert!(check(&p).is_empty());
    // A subtitle that names another plan is a fault of its own.
    let mut p = golden();
    with_subtitle(&mut p, "số 14/", "số 41/");
    assert_eq!(rules(&check(&p)), ["appendix-subtitle"]);
}

#[test]
fn recipients_need_luu_last() {
    let mut p = golden();
    p.recipients.pop();
    assert_eq!(rules(&check(&p)), ["recipients-luu"]);
}

#[test]
fn signer_name_and_authority() {
    let mut p = golden();
    p.signer.name.clear();
    assert_eq!(rules(&check(&p)), ["signer-name"]);
    let mut p = golden();
    p.signer.authority = "Kt HIỆU TRƯỞNG".into();
    assert_eq!(rules(&check(&p)), ["signer-authority"]);
    p.signer.authority = "KT. PHÓ HIỆU TRƯỞNG".into();
    assert_eq!(rules(&check(&p)), ["signer-authority"]);
}

#[test]
fn bases_punctuation() {
    let mut p = golden();
    p.bases[0] = p.bases[0].trim_end_matches(';').to_string();
    assert_eq!(rules(&check(&p)), ["bases-punctuation"]);
}

#[test]
fn empty_item() {
    let mut p = golden();
    p.parts[0].items.push(Item::new("x", "3.", "  "));
    assert_eq!(rules(&check(&p)), ["empty-item"]);
}

#[test]
fn place_abbreviated() {
    let mut p = golden();
    p.header.place = "TP. HCM".into();
    assert_eq!(rules(&check(&p)), ["place-abbreviated"]);
    p.header.place = "Thành phố Hồ Chí Minh".into();
    assert!(check(&p).is_empty());
}

#[test]
fn capitalisation() {
    let mut p = golden();
    p.parts[0].items[0].text = "Báo cáo Ủy Ban Nhân Dân Quận 1.".into();
    assert_eq!(rules(&check(&p)), ["capitalisation"]);
    p.parts[0].items[0].text = "Báo cáo ỦY BAN NHÂN DÂN QUẬN 1 và Ủy ban nhân dân Quận 1.".into();
    assert!(check(&p).is_empty());
}

/// A .docx typed the way a unit did in Word, with the real kindergarten plan's mistakes.
fn mistakes_docx() -> Vec<u8> {
    let p = |t: &str| Paragraph::new().add_run(Run::new().add_text(t).size(26));
    let bold = |t: &str| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(t).bold().size(26))
    };
    // Areas 1–4 with one task each; 5.11 and 6.5 deleted by hand, the rest not renumbered.
    let mut lines: Vec<String> = Vec::new();
    for area in 1..=4 {
        lines.push(format!("{area}. Lĩnh vực cải cách số {area}"));
        lines.push(format!(
            "{area}.1. Triển khai nhiệm vụ của lĩnh vực {area} tại đơn vị."
        ));
    }
    lines.push("5. Cải cách chế độ công vụ".into());
    for n in (1..=12).filter(|n| *n != 11) {
        lines.push(format!(
            "5.{n}. Thực hiện nhiệm vụ công vụ thứ {n} của viên chức."
        ));
    }
    lines.push("6. Cải cách tài chính công".into());
    for n in (1..=6).filter(|n| *n != 5) {
        let text = if n == 4 {
            "Phối hợp với Ủy ban nhân dân 10 phường thực hiện ứng dụng thanh toán điện tử."
                .to_string()
        } else {
            format!("Thực hiện nhiệm vụ tài chính thứ {n} của đơn vị.")
        };
        lines.push(format!("6.{n}. {text}"));
    }
    let mut docx = Docx::new()
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("ỦY BAN NHÂN DÂN QUẬN 1").size(26)),
        )
        .add_paragraph(bold("TRƯỜNG MẦM NON TUỔI HỒNG"))
        .add_paragraph(p("Số: 14/TB-MNTH"))
        .add_paragraph(bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        .add_paragraph(bold("Độc lập - Tự do - Hạnh phúc"))
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text("Quận 1, ngày 5 tháng 1 năm 2024")
                    .italic()
                    .size(28),
            ),
        )
        .add_paragraph(bold("KẾ HOẠCH"))
        .add_paragraph(bold("Thực hiện công tác cải cách hành chính năm 2024"))
        .add_paragraph(p(
            "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1.",
        ))
        .add_paragraph(p("I. MỤC TIÊU"))
        .add_paragraph(p(
            "1. Nâng cao chất lượng công tác cải cách hành chính của đơn vị.",
        ))
        .add_paragraph(p("III. NHIỆM VỤ TRỌNG TÂM"));
    for l in &lines {
        docx = docx.add_paragraph(p(l));
    }
    docx = docx
        .add_paragraph(p("Trên đây là Kế hoạch thực hiện công tác cải cách hành chính năm 2024 của Trường mầm non Tuổi Hồng./."))
        .add_paragraph(p("Nơi nhận:"))
        .add_paragraph(p("- Phòng Nội vụ Q1;"))
        .add_paragraph(p("- Viên chức, NLĐ (MNTH)."))
        .add_paragraph(bold("HIỆU TRƯỞNG"));
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).unwrap();
    buf.into_inner()
}

#[test]
fn the_real_kindergarten_mistakes_are_each_reported_by_the_right_rule_at_the_right_item() {
    let findings = check_docx("th.docx", &mistakes_docx()).unwrap();
    let at = |rule: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.location.label.clone())
            .collect()
    };
    assert_eq!(at("numbering-gap"), ["5.12.", "6.6."], "{findings:#?}");
    assert_eq!(at("date-format").len(), 1);
    assert_eq!(at("symbol-type").len(), 1);
    assert_eq!(at("parent-scope"), ["6.4."]);
    assert_eq!(at("recipients-luu").len(), 1);
    assert_eq!(at("signer-name").len(), 1);
    for f in &findings {
        assert!(!f.message.is_ascii(), "Vietnamese message");
    }
}

#[test]
fn our_own_export_passes_the_docx_checks_and_a_bare_docx_does_not() {
    let clean = to_docx(&golden(), &ExportOptions::default()).unwrap();
    let findings = check_docx("clean.docx", &clean).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    // docx-rs's defaults: Japanese margins, no page numbers.
    let bare = rules(&check_docx("bare.docx", &mistakes_docx()).unwrap()).join(" ");
    for rule in ["page-setup", "page-number"] {
        assert!(bare.contains(rule), "{rule} in {bare}");
    }
    assert!(
        !bare.contains("recipients-punctuation") && !bare.contains("font"),
        "{bare}"
    );
}

fn small_docx(lines: &[&str], font: &str) -> Vec<u8> {
    let fonts = docx_rs::RunFonts::new()
        .ascii(font)
        .hi_ansi(font)
        .east_asia(font)
        .cs(font);
    let mut d = Docx::new().default_fonts(fonts);
    for l in lines {
        d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*l)));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut buf).unwrap();
    buf.into_inner()
}

#[test]
fn recipient_lines_and_fonts_as_typed() {
    let body = [
        "KẾ HOẠCH",
        "Về CCHC",
        "I. MỤC TIÊU",
        "1. Một việc.",
        "Nơi nhận:",
    ];
    let good = [&body[..], &["- Phòng Nội vụ;", "- Lưu: VT."]].concat();
    let bad = [&body[..], &["Phòng Nội vụ;", "- Lưu: VT;"]].concat();
    let f = rules(&check_docx("a.docx", &small_docx(&good, "Times New Roman")).unwrap()).join(" ");
    assert!(
        !f.contains("recipients-punctuation") && !f.contains("font"),
        "{f}"
    );
    let f = check_docx("a.docx", &small_docx(&bad, "Arial")).unwrap();
    assert_eq!(
        f.iter()
            .filter(|x| x.rule == "recipients-punctuation")
            .count(),
        2
    );
    let font = f.iter().find(|x| x.rule == "font").expect("font finding");
    assert_eq!(font.location.text, "Arial");
}

#[test]
fn header_lines_with_wrong_weight_or_size() {
    let bytes = mistakes_docx();
    let findings = check_docx("th.docx", &bytes).unwrap();
    // The national title is 13 pt bold caps and the date italic: no header-format finding there.
    assert!(findings
        .iter()
        .all(|f| f.rule != "header-format" || !f.location.text.contains("CỘNG HÒA")));
    let mut plain = Docx::new();
    for t in [
        "TRƯỜNG MẦM NON TUỔI HỒNG",
        "Số: 14/KH-MNTH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Quận 1, ngày 05 tháng 01 năm 2024",
        "KẾ HOẠCH",
        "Về CCHC",
        "I. MỤC TIÊU",
        "1. Một.",
    ] {
        plain = plain.add_paragraph(Paragraph::new().add_run(Run::new().add_text(t).size(30)));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    plain.build().pack(&mut buf).unwrap();
    let findings = check_docx("plain.docx", &buf.into_inner()).unwrap();
    let header: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "header-format")
        .map(|f| f.location.text.as_str())
        .collect();
    for t in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 14/KH-MNTH",
        "Quận 1, ngày 05 tháng 01 năm 2024",
        "TRƯỜNG MẦM NON TUỔI HỒNG",
    ] {
        assert!(header.contains(&t), "{t} in {header:?}");
    }
}
