//! Ô 1–4 (the header cells) and ô 5a (tên loại, trích yếu, a plan's "Ban hành kèm theo" line).
use super::{HeaderBlock, Line, Rule, TitleBlock};
use kehoach_model::Plan;
use kehoach_nd30::{self as nd30, names, size, text_width_twips, Layout};
use kehoach_text::caps;

/// The header: parent and issuing bodies with "Số", Quốc hiệu and Tiêu ngữ with the place and
/// date. Each column is as wide as its longest line needs (within bounds), so that "CỘNG HÒA XÃ
/// HỘI CHỦ NGHĨA VIỆT NAM" and a school's name keep to one line; as in the decree's sample forms
/// the table may reach into the margins, by the same amount on both sides (at most 8 mm).
/// How far the header may reach into each margin: 8 mm.
const MAX_OVERHANG: u32 = 454;

pub fn header(plan: &Plan, layout: &Layout, year: i32) -> HeaderBlock {
    let h = &plan.header;
    let text_width = layout.text_width_twips();
    let issuer = caps(h.issuer.trim());
    let parent = h
        .parent_body
        .as_deref()
        .map(|p| caps(p.trim()))
        .filter(|p| !p.is_empty());
    let widest_left = text_width_twips(&issuer, size::ISSUER, true).max(
        parent
            .as_deref()
            .map_or(0, |p| text_width_twips(p, size::ISSUER, false)),
    );
    let national = text_width_twips(nd30::NATIONAL_TITLE, size::NATIONAL_TITLE, true);
    let mut left = (widest_left + 480).clamp(3800, 4400);
    let mut right = (national + 360).clamp(5600, 6200);
    let total = (left + right).min(text_width + MAX_OVERHANG * 2);
    if left + right > total {
        left = left * total / (left + right);
        right = total - left;
    }
    let overhang = (total.saturating_sub(text_width) / 2) as i32;

    // A name too long for its column breaks before its place, as offices print it.
    let fit = |name: &str, bold: bool| -> Vec<String> {
        if text_width_twips(name, size::ISSUER, bold) + 240 <= left {
            return vec![name.to_string()];
        }
        match names::break_name(name) {
            Some((a, b)) => vec![a, b],
            None => vec![name.to_string()],
        }
    };
    let mut left_lines = Vec::new();
    if let Some(p) = parent {
        for l in fit(&p, false) {
            left_lines.push(Line::new(l, size::ISSUER, false, false));
        }
    }
    let issuer_lines = fit(&issuer, true);
    let issuer_width = issuer_lines
        .iter()
        .map(|l| text_width_twips(l, size::ISSUER, true))
        .max()
        .unwrap_or(0)
        .min(left);
    for l in issuer_lines {
        left_lines.push(Line::new(l, size::ISSUER, true, false));
    }
    let motto_width = text_width_twips(nd30::MOTTO, size::MOTTO, true).min(right);
    // A plan issued with a decision has no number or date of its own.
    let attached = plan.issued_with.is_some() && h.number.is_none() && h.date.is_none();
    let number = if attached {
        String::new()
    } else {
        nd30::number_line(h.number.as_deref(), &h.symbol)
    };
    let place_date = if attached || h.place.trim().is_empty() && h.date.is_none() {
        String::new()
    } else {
        nd30::place_date_line(h.place.trim(), h.date, year)
    };
    HeaderBlock {
        left: left_lines,
        left_rule: Rule {
            width: issuer_width * 2 / 5,
            space: left,
        },
        number: Line::new(number, size::NUMBER, false, false),
        right: vec![
            Line::new(nd30::NATIONAL_TITLE, size::NATIONAL_TITLE, true, false),
            Line::new(nd30::MOTTO, size::MOTTO, true, false),
        ],
        right_rule: Rule {
            width: motto_width,
            space: right,
        },
        place_date: Line::new(place_date, size::PLACE_DATE, false, true),
        widths: (left, right),
        indent: -overhang,
    }
}

/// Tên loại in capitals, the trích yếu, its rule (2/5 of its length, within the decree's 1/3–1/2),
/// and the "(Ban hành kèm theo Quyết định số …)" line of a plan issued with a decision.
pub fn title(plan: &Plan, doc_type: &str, layout: &Layout) -> TitleBlock {
    let text_width = layout.text_width_twips();
    let summary = plan.summary.trim();
    let (summary, rule) = if summary.is_empty() {
        (None, None)
    } else {
        let width = text_width_twips(summary, size::TITLE, true).min(text_width);
        (
            Some(Line::new(summary, size::TITLE, true, false)),
            Some(Rule {
                width: width * 2 / 5,
                space: text_width,
            }),
        )
    };
    let attached = plan.issued_with.as_ref().map(|d| {
        let date = d.date.map(nd30::date_text).unwrap_or_default();
        let number = d.number.as_deref().unwrap_or(nd30::BLANK);
        let issuer = names::normal_case(&d.issuer);
        let text = format!(
            "(Ban hành kèm theo {} số {number}/{} {date} của {issuer})",
            d.type_name(),
            d.symbol
        );
        Line::new(kehoach_text::squash(&text), size::TITLE, false, true)
    });
    TitleBlock {
        doc_type: Line::new(caps(doc_type), size::TITLE, true, false),
        summary,
        rule,
        attached,
    }
}
