//! A readable outline of a plan: what `kehoach import` prints and the importer's snapshot test
//! compares.
use crate::{Item, Plan};
use std::fmt::Write;

/// The plan's structure as indented text, each item cut to its first words.
pub fn outline(plan: &Plan) -> String {
    let mut out = String::new();
    let h = &plan.header;
    if let Some(p) = &h.parent_body {
        let _ = writeln!(out, "Cơ quan chủ quản: {p}");
    }
    let _ = writeln!(out, "Cơ quan ban hành: {}", h.issuer);
    let _ = writeln!(
        out,
        "Số: {}/{}  {}, {}",
        h.number.as_deref().unwrap_or("…"),
        h.symbol,
        h.place,
        h.date
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| "(chưa có ngày)".into())
    );
    if let Some(d) = &plan.issued_with {
        let _ = writeln!(
            out,
            "Ban hành kèm theo: {} số {}/{} ngày {} của {}",
            d.doc_type,
            d.number.as_deref().unwrap_or("…"),
            d.symbol,
            d.date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| "…".into()),
            d.issuer
        );
    }
    let _ = writeln!(out, "{}: {}", plan.doc_type.to_uppercase(), plan.summary);
    for b in &plan.bases {
        let _ = writeln!(out, "Căn cứ: {}", short(b, 12));
    }
    if !plan.intro.is_empty() {
        let _ = writeln!(out, "Mở đầu: {}", short(&plan.intro, 12));
    }
    for part in &plan.parts {
        let _ = writeln!(out, "{}. {}", part.label, part.title);
        for item in &part.items {
            item_lines(&mut out, item, 1);
        }
    }
    if !plan.closing.is_empty() {
        let _ = writeln!(out, "Kết: {}", short(&plan.closing, 12));
    }
    let _ = writeln!(out, "Nơi nhận ({}):", plan.recipients.len());
    for r in &plan.recipients {
        let _ = writeln!(out, "  - {r}");
    }
    let s = &plan.signer;
    let _ = writeln!(
        out,
        "Người ký: {} / {} / {}",
        if s.authority.is_empty() {
            "—"
        } else {
            &s.authority
        },
        s.title,
        s.name
    );
    for (i, f) in plan.footnotes.iter().enumerate() {
        let _ = writeln!(
            out,
            "Chú thích {} (tại {}): {}",
            i + 1,
            f.anchor,
            short(&f.text, 10)
        );
    }
    if let Some(a) = &plan.appendix {
        let rows: usize = a.groups.iter().map(|g| g.rows.len()).sum();
        let _ = writeln!(
            out,
            "Phụ lục: {} — {} nhóm, {} dòng, {} cột",
            a.title,
            a.groups.len(),
            rows,
            a.columns.len()
        );
        for g in &a.groups {
            let _ = writeln!(
                out,
                "  {} {} ({} dòng)",
                g.label,
                short(&g.title, 10),
                g.rows.len()
            );
        }
    }
    out
}

fn item_lines(out: &mut String, item: &Item, depth: usize) {
    let label = if item.label.is_empty() {
        "¶"
    } else {
        &item.label
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        "  ".repeat(depth),
        label,
        short(&item.text, 10)
    );
    for child in &item.items {
        item_lines(out, child, depth + 1);
    }
}

/// The first `words` words of a text, with "…" when cut.
pub fn short(text: &str, words: usize) -> String {
    let mut it = text.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut s = head.join(" ");
    if it.next().is_some() {
        s.push_str(" …");
    }
    s
}
