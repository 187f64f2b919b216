//! Names and formats of the files the facade writes.
use kehoach::app::{file_stem, OutputFormat};
use kehoach::model::Plan;
use std::path::Path;

#[test]
fn file_names_carry_the_symbol_and_the_plans_year() {
    let mut plan = Plan {
        summary: "Thực hiện công tác CCHC năm 2027".into(),
        ..Default::default()
    };
    plan.header.symbol = "KH-MNTH".into();
    assert_eq!(file_stem(&plan), "Ke-hoach-CCHC-KH-MNTH-2027");
    assert!(OutputFormat::of(Path::new("a.PDF")).is_ok());
    assert!(OutputFormat::of(Path::new("a.doc"))
        .unwrap_err()
        .to_string()
        .contains(".docx"));
}
