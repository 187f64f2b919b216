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
    let national = text_width_twips(nd30::NATIONAL_TITLE, size::NATIONAL_TITLE, true);
    // A plan issued with a decision has no number or date of its own.
    let attached = plan.issued_with.is_some() && h.number.is_none() && h.date.is_none();
    let place_date = if attached || h.place.trim().is_empty() && h.date.is_none() {
        String::new()
    } else {
        nd30::place_date_line(h.place.trim(), h.date, year)
    };
    let room = text_width + MAX_OVERHANG * 2;

    // The names on the left: a name too long for the usual column breaks before its place, as
    // offices print it; the column is as wide as its widest line needs. `tight`: every name that
    // can break does, to leave the place and date their line.
    let names_lines = |tight: bool| -> Vec<Line> {
        let fit = |name: &str, bold: bool| -> Vec<String> {
            if !tight && text_width_twips(name, size::ISSUER, bold) + 240 <= 4400 {
                return vec![name.to_string()];
            }
            match names::break_name(name) {
                Some((a, b)) => vec![a, b],
                None => vec![name.to_string()],
            }
        };
        let mut out = Vec::new();
        if let Some(p) = &parent {
            for l in fit(p, false) {
                out.push(Line::new(l, size::ISSUER, false, false));
            }
        }
        for l in fit(&issuer, true) {
            out.push(Line::new(l, size::ISSUER, true, false));
        }
        out
    };
    let widest = |lines: &[Line]| {
        lines
            .iter()
            .map(|l| text_width_twips(&l.text, l.pt, l.bold))
            .max()
            .unwrap_or(0)
    };

    // Quốc hiệu and Tiêu ngữ on the right; the place and date keep to one line there, as the
    // decree prints them ("Thành phố Hồ Chí Minh, ngày … tháng … năm …" in full, never "TP.
    // HCM"): at 14 pt, else at the 13 pt the decree allows (13–14), else with the names on the
    // left broken before their place to spare the room.
    let date_need = |pt: u32| text_width_twips(&place_date, pt, false) + 240;
    let mut left_lines = names_lines(false);
    let mut date_pt = size::PLACE_DATE;
    for (pt, tight) in [
        (size::PLACE_DATE, false),
        (size::PLACE_DATE - 1, false),
        (size::PLACE_DATE - 1, true),
    ] {
        let lines = names_lines(tight);
        let spare = room.saturating_sub(widest(&lines) + 240);
        (left_lines, date_pt) = (lines, pt);
        if date_need(pt) <= spare {
            break;
        }
    }
    let left_need = widest(&left_lines) + 240;
    // (The issuer's lines are the bold ones.)
    let issuer_width = left_lines
        .iter()
        .filter(|l| l.bold)
        .map(|l| text_width_twips(&l.text, l.pt, l.bold))
        .max()
        .unwrap_or(0);
    let mut left = (left_need + 240).clamp(3800, 4400).max(left_need);
    let spare = room.saturating_sub(left_need);
    let mut right = (national + 360)
        .clamp(5600, 6200)
        .max(date_need(date_pt).min(spare));
    if left + right > room {
        left = left_need.max(room.saturating_sub(right));
        right = room.saturating_sub(left).max(national + 120);
    }
    let total = left + right;
    let overhang = (total.saturating_sub(text_width) / 2) as i32;
    let motto_width = text_width_twips(nd30::MOTTO, size::MOTTO, true).min(right);
    let number = if attached {
        String::new()
    } else {
        nd30::number_line(h.number.as_deref(), &h.symbol)
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
        place_date_fits: text_width_twips(&place_date, date_pt, false) + 120 <= right,
        place_date: Line::new(place_date, date_pt, false, true),
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
        let held;
        let summary = if text_width_twips(summary, size::TITLE, true) > text_width {
            held = two_lines(summary, text_width);
            held.as_str()
        } else {
            summary
        };
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

/// Words a trích yếu's second line may open with: where its phrases join ("… cải cách hành
/// chính / tại Trường …", "… / năm 2027").
const BREAK_BEFORE: &[&str] = &[
    "tại", "của", "năm", "về", "trên", "cho", "thuộc", "giai", "đối",
];

/// A trích yếu too long for one line, as the decree's samples set it: two lines of about the same
/// length, the second opening a phrase, never a word or the year alone ("… năm" / "2027", "…" /
/// "năm 2027"). The second line's words are held together (no-break spaces), so that every
/// writer breaks the line where this one chose. Longer than two lines: its last two words held.
fn two_lines(summary: &str, text_width: u32) -> String {
    let words: Vec<&str> = summary.split(' ').filter(|w| !w.is_empty()).collect();
    let width = |ws: &[&str]| text_width_twips(&ws.join(" "), size::TITLE, true);
    let best = (1..words.len())
        .filter_map(|k| {
            let (first, second) = (width(&words[..k]), width(&words[k..]));
            // (Room to spare: Word's and typst's widths differ a little from this estimate, and
            // a held line that does not fit would be broken inside a word.)
            if first > text_width * 19 / 20 || second > text_width * 9 / 10 || words.len() - k < 3 {
                return None;
            }
            let phrase = BREAK_BEFORE.contains(&words[k].to_lowercase().as_str());
            // Balanced, the first line no shorter, a phrase's start preferred.
            let score = first.abs_diff(second)
                + if second > first { text_width / 10 } else { 0 }
                + if phrase { 0 } else { text_width / 4 };
            Some((score, k))
        })
        .min();
    match best {
        Some((_, k)) => format!("{} {}", words[..k].join(" "), words[k..].join("\u{a0}")),
        None => match summary.rsplit_once(' ') {
            Some((head, last)) => format!("{head}\u{a0}{last}"),
            None => summary.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_long_trich_yeu_is_set_on_two_balanced_lines_the_year_never_alone() {
        let layout = Layout::default();
        let text_width = layout.text_width_twips();
        for summary in [
            "Thực hiện công tác cải cách hành chính tại Trường mầm non Tuổi Hồng năm 2025",
            "Thực hiện công tác cải cách hành chính tại Trường Trung học phổ thông Nguyễn Thị Minh Khai năm 2027",
            "Thực hiện nhiệm vụ cải cách hành chính năm 2027 của Trạm Y tế phường Tân Định, Thành phố Hồ Chí Minh",
            "Thực hiện công tác cải cách hành chính tại Trường Mầm non Hoa Sen năm 2026",
        ] {
            let plan = Plan {
                summary: summary.into(),
                ..Plan::default()
            };
            let line = title(&plan, "Kế hoạch", &layout).summary.unwrap();
            let (first, second) = line.text.split_once(' ').map(|_| ()).and_then(|_| {
                let at = line.text.find('\u{a0}')?;
                let start = line.text[..at].rfind(' ')?;
                Some((&line.text[..start], &line.text[start + 1..]))
            }).unwrap_or_else(|| panic!("{summary}: not two lines: {:?}", line.text));
            assert_eq!(format!("{first} {}", second.replace('\u{a0}', " ")), summary);
            let w1 = text_width_twips(first, size::TITLE, true);
            let w2 = text_width_twips(&second.replace('\u{a0}', " "), size::TITLE, true);
            assert!(w1 <= text_width && w2 <= text_width, "{summary}: both lines fit");
            assert!(second.split('\u{a0}').count() >= 3, "{summary}: more than the year on line 2: {second:?}");
            assert!(w2 * 3 >= w1, "{summary}: balanced ({w1} / {w2}): {first:?} / {second:?}");
        }
    }

    /// The 34 provinces and centrally-run cities since 1 July 2025, as a place line names them.
    const PLACES: &[&str] = &[
        "Hà Nội",
        "Huế",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
        "Lạng Sơn",
        "Quảng Ninh",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Cao Bằng",
        "Tuyên Quang",
        "Lào Cai",
        "Thái Nguyên",
        "Phú Thọ",
        "Bắc Ninh",
        "Hưng Yên",
        "Hải Phòng",
        "Ninh Bình",
        "Quảng Trị",
        "Đà Nẵng",
        "Quảng Ngãi",
        "Gia Lai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Đắk Lắk",
        "Thành phố Hồ Chí Minh",
        "Đồng Nai",
        "Tây Ninh",
        "Cần Thơ",
        "Vĩnh Long",
        "Đồng Tháp",
        "Cà Mau",
        "An Giang",
    ];

    #[test]
    fn the_place_and_date_keep_to_one_line_for_every_province_and_city() {
        // The longest names a school's header holds, on the left.
        let heads = [
            (
                "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH",
                "TRƯỜNG MẦM NON TUỔI HỒNG",
            ),
            (
                "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH",
                "TRƯỜNG TRUNG HỌC PHỔ THÔNG NGUYỄN THỊ MINH KHAI",
            ),
        ];
        for place in PLACES {
            for (parent, issuer) in heads {
                // A draft ("ngày   tháng   năm 2027") and the longest dated line.
                for date in [None, NaiveDate::from_ymd_opt(2027, 12, 28)] {
                    let mut plan = Plan::default();
                    plan.header.parent_body = Some(parent.into());
                    plan.header.issuer = issuer.into();
                    plan.header.symbol = "KH-MNTH".into();
                    plan.header.place = place.to_string();
                    plan.header.date = date;
                    let h = header(&plan, &Layout::default(), 2027);
                    let (left, right) = h.widths;
                    let line = &h.place_date;
                    assert!(
                        line.pt == 13 || line.pt == 14,
                        "{place}: {} pt is outside the decree's 13–14",
                        line.pt
                    );
                    let width = text_width_twips(&line.text, line.pt, false);
                    assert_eq!(h.place_date_fits, width + 120 <= right);
                    // Only the longest place beside the longest names may not fit — and then
                    // the layout says so (the checker tells the user what to do).
                    if *place == "Thành phố Hồ Chí Minh" && issuer.len() > 40 {
                        continue;
                    }
                    assert!(
                        width + 120 <= right,
                        "{place}, {issuer}: “{}” ({width} twips at {} pt) wraps in a column of {right}",
                        line.text,
                        line.pt
                    );
                    // The left column still holds every line of its names.
                    for l in &h.left {
                        let w = text_width_twips(&l.text, l.pt, l.bold);
                        assert!(w <= left, "{place}: “{}” ({w}) wider than {left}", l.text);
                    }
                    assert!(
                        left + right <= Layout::default().text_width_twips() + 2 * MAX_OVERHANG
                    );
                }
            }
        }
    }
}
