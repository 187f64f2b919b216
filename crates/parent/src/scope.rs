//! The parent's own scope (phạm vi của cấp trên): phrases that describe the parent's territory or
//! organisation ("10 phường", "khu phố", "trên địa bàn Quận 1", "Chi nhánh Văn phòng đăng ký đất
//! đai"). They are learned from the parent plan — recurring subordinate units and its place — plus
//! the preset's list. A unit plan that still carries them is almost always wrong, so items with
//! them are flagged, and the clause that carries them is proposed for removal.
//! References to the parent as an authority ("do Ủy ban nhân dân Quận 1 ban hành") are not scope.
use kehoach_model::Plan;
use kehoach_text::{capitalise, ends_sentence, Haystack};
use regex::Regex;
use std::sync::LazyLock;

/// Parentheses naming the channel of a report: "(qua Văn phòng Hội đồng nhân dân và Ủy ban
/// nhân dân xã)".
static CHANNEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\(\s*qua\s[^)]*\)").unwrap());
/// The parent as the addressee of a report or plan: "gửi về Ủy ban nhân dân phường", "báo cáo
/// Sở Nội vụ", "về Phòng Văn hóa - Xã hội trước ngày …"; and the parent as the source of the
/// rules the unit follows: "theo hướng dẫn của Sở".
static ADDRESSEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:gửi\s+về|gửi|nộp\s+về|nộp|báo\s+cáo\s+về|báo\s+cáo|về|lên|qua)\s+(?:ủy\s+ban|ubnd|sở|phòng|văn\s+phòng|ban\s+chỉ\s+đạo|thường\s+trực|chủ\s+tịch|bộ\s+phận|hệ\s+thống)\b[^,;.:()]*|\btheo\s+(?:sự\s+)?(?:chỉ\s+đạo|hướng\s+dẫn|yêu\s+cầu|kế\s+hoạch|quy\s+định|phân\s+cấp)\s+(?:của|tại)\s+[^,;.:()]*",
    )
    .unwrap()
});
/// The parent together with its units: "của Sở và các đơn vị trực thuộc", "của Ủy ban nhân dân
/// xã và các cơ quan, đơn vị" — the units' work too.
static INCLUSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcủa\s+[^,;.()]{1,45}?\s+và\s+(?:của\s+)?(?:các\s+)?(?:cơ\s+quan,\s+)?đơn\s+vị(?:\s+trực\s+thuộc)?")
        .unwrap()
});
/// A cited document's number, date and issuer: "số 303/KH-UBND ngày 28 tháng 9 năm 2022 của
/// Ủy ban nhân dân Quận 1" — implementing it is no sign of whose work it is.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?i:\bsố)|(?i:\b(?:quyết\s+định|nghị\s+quyết|chỉ\s+thị|kế\s+hoạch|công\s+văn|nghị\s+định|thông\s+tư|đề\s+án)))\s+[0-9]\S*(?:\s+(?i:ngày)\s+\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4})?(?:\s+(?i:của)\s+(?i:(?:chủ\s+tịch\s+)?(?:ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|thủ\s+tướng|chính\s+phủ|bộ|sở|thành\s+ủy|tỉnh\s+ủy|quốc\s+hội|văn\s+phòng|ban))(?:\s+(?:\p{Lu}\S*|(?i:tỉnh|thành\s+phố|quận|huyện|xã|phường|đặc\s+khu|chính\s+phủ|trung\s+ương|phủ|phố|nhân|dân|tướng|đồng|chính\s+trị))|\s+\d+)*)?")
        .unwrap()
});
/// A cited document's title, after its number: "số về thực hiện Chương trình …" up to the next
/// semicolon (the words of a title say what the document is about, not whose work this is).
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bsố\s+(?i:về|ban\s+hành|phê\s+duyệt)\s[^;]*").unwrap());
/// One of the parent's shared systems the unit works on: "ký số và gửi, nhận trên Hệ thống
/// quản lý văn bản và điều hành của tỉnh", "kết nối với Nền tảng tích hợp, chia sẻ dữ liệu của
/// tỉnh", "tra cứu trên Cổng tuyển sinh của Sở" — using it is the unit's work, naming its owner
/// no scope. (Not the system as the object of work — "Nâng cấp Cổng thông tin điện tử của xã":
/// only after a preposition of use; not the parent's own channels — its page or portal, its
/// loudspeakers, what it receives "qua" its one-stop software or hotline.)
static SHARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\b(trên|với|vào|lên)\s+(?:các\s+)?(?:hệ\s+thống\s+(?:thông\s+tin|quản\s+lý|phần\s+mềm|báo\s+cáo|điều\s+hành|hội\s+nghị\s+truyền\s+hình|dữ\s+liệu)|cổng\s+(?:dịch\s+vụ\s+công|tuyển\s+sinh|thanh\s+toán)|nền\s+tảng|ứng\s+dụng|phần\s+mềm|cơ\s+sở\s+dữ\s+liệu|kho)\b[^;.():]{0,90}?\b(?:của|thuộc)\s+(?:(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+)?(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu|sở|bộ)\b)(?:\s+\p{Lu}\S*|\s+\d+)*")
        .unwrap()
});
/// The unit's share in the parent's result: "góp phần cải thiện Chỉ số cải cách hành chính,
/// Chỉ số chuyển đổi số của Sở" — what it contributes to is the parent's by right, and so are
/// the measures listed after it ("…; Chỉ số SIPAS của phường đạt từ 90% trở lên").
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bgóp\s+phần\b[^;.]*(?:;\s*(?:chỉ\s+số|thứ\s+hạng|mức\s+độ\s+hài\s+lòng)\b[^;.]*)*",
    )
    .unwrap()
});
/// A quantity a target opens with: "tối thiểu 90%", "100%", "ít nhất 03".
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:tối\s+thiểu|ít\s+nhất|trên|từ|đạt|không\s+quá|dưới)\s+)?\d").unwrap()
});
static SUBUNITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,3}\s+(?:phường|xã|thị trấn|đơn vị hành chính)\b").unwrap()
});
static BRANCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Chi nhánh Văn phòng [Đđ]ăng ký đất đai").unwrap());

/// The scope phrases of a parent plan, learned from its text, plus `extra` (the preset's).
pub fn learn(parent: &Plan, extra: &[String]) -> Vec<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut add = |p: String| {
        let key = p.to_lowercase();
        if !p.trim().is_empty() && !phrases.iter().any(|q| q.to_lowercase() == key) {
            phrases.push(p);
        }
    };
    let texts: Vec<&str> = parent
        .items()
        .into_iter()
        .map(|(_, i)| i.text.as_str())
        .collect();
    // Subordinate units named with a count recur through the plan ("10 phường").
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in &texts {
        for m in SUBUNITS.find_iter(t) {
            let s = m.as_str().to_string();
            match counts.iter_mut().find(|(p, _)| *p == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
        for m in BRANCH.find_iter(t) {
            add(m.as_str().to_string());
        }
    }
    for (p, n) in counts {
        if n >= 2 {
            add(p);
        }
    }
    let place = parent.header.place.trim();
    if !place.is_empty() {
        add(format!("trên địa bàn {place}"));
    }
    for p in extra {
        add(p.clone());
    }
    phrases
}

/// Phrases that name a territorial parent's own subdivisions in any plan: its quarters and
/// residential groups, hamlets and villages, a land registry branch.
const GENERIC: &[&str] = &[
    "khu phố",
    "tổ dân phố",
    "Chi nhánh Văn phòng đăng ký đất đai",
    "ấp",
    "các ấp",
    "thôn",
    "các thôn",
    "ban điều hành khu phố",
    "tổ công nghệ số cộng đồng",
    "khu dân cư",
];

/// The scope phrases to look for in a unit's own plan, learned from the plan itself: its parent
/// body's place and the generic ones. `None` for a plan that is not a unit's (no parent body, or
/// a People's Committee's own plan, which may speak of its own territory).
pub fn of_unit_plan(plan: &Plan) -> Option<Vec<String>> {
    let issuer = kehoach_text::fold(&plan.header.issuer);
    // A People's Committee speaks of its own territory; of its parent's only under one.
    let government = is_government(&issuer);
    // A department, division or office of a government body works for that body, on its
    // territory: its plan speaks of both as its own ("của Thành phố" in a Sở's plan, "khu phố"
    // in a ward division's).
    if !government && is_agency(&issuer) {
        return None;
    }
    let parent = plan
        .header
        .parent_body
        .as_deref()
        .filter(|p| !p.trim().is_empty());
    if government && parent.is_none() {
        return None;
    }
    let mut phrases: Vec<String> = Vec::new();
    if !government {
        phrases.extend(GENERIC.iter().map(|s| s.to_string()));
        for t in plan.items().into_iter().map(|(_, i)| i.text.as_str()) {
            for m in SUBUNITS.find_iter(t) {
                phrases.push(m.as_str().to_string());
            }
        }
    }
    if let Some(parent) = parent {
        phrases.extend(parent_profile(parent).flag_phrases());
        if government {
            phrases.retain(|p| p != "trên địa bàn");
        }
    }
    phrases.sort();
    phrases.dedup();
    Some(phrases)
}

/// The profile of a parent known only by its name (a unit plan's parent body line).
pub fn parent_profile(parent_body: &str) -> super::ParentProfile {
    let mut plan = Plan::default();
    plan.header.issuer = parent_body.trim().to_string();
    super::ParentProfile::of(&plan)
}

/// The text without the parent named as an authority rather than a scope: the addressee of
/// reports ("gửi về Ủy ban nhân dân phường (qua Văn phòng …)"), the source of rules ("theo
/// hướng dẫn của Sở"), the issuer and title of a cited document ("Kế hoạch số 303/KH-UBND … của
/// Ủy ban nhân dân Quận 1 về …"), and the parent together with its units ("của Sở và các đơn vị
/// trực thuộc" → "của các đơn vị"); the parent's shared systems the unit works on ("trên Hệ
/// thống … của tỉnh") and its results the unit contributes to ("góp phần nâng cao Chỉ số … của
/// tỉnh").
pub fn without_references(text: &str) -> String {
    let t = CITATION.replace_all(text, "số");
    let t = SHARED.replace_all(&t, "$1 hệ thống");
    let t = SHARE.replace_all(&t, "góp phần");
    let t = TITLE.replace_all(&t, "số");
    let t = CHANNEL.replace_all(&t, "");
    let t = ADDRESSEE.replace_all(&t, "");
    INCLUSIVE.replace_all(&t, "của các đơn vị").into_owned()
}

/// The scope phrases found in a text, with their byte ranges.
pub fn occurrences(text: &str, phrases: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    if phrases.len() <= 4 {
        let hay = Haystack::new(text);
        for p in phrases {
            for (s, e) in hay.find_all(p) {
                out.push((s, e, p.clone()));
            }
        }
    } else {
        // The same lists are searched item after item: each is made into one automaton once.
        kehoach_text::with_phrase_set(phrases, |set, ids| {
            let found = set.find(text);
            for (p, id) in phrases.iter().zip(ids) {
                for &(s, e) in id.map_or(&[][..], |id| found.at(id)) {
                    out.push((s, e, p.clone()));
                }
            }
        });
    }
    // Longest first where phrases start together; none inside another.
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, String)> = Vec::new();
    for o in out {
        if kept.last().is_none_or(|k| o.0 >= k.1) {
            kept.push(o);
        }
    }
    kept
}

/// The part of `text` to cut so that no scope phrase is left: for each clause (";" or sentence)
/// that carries one, either its last comma-separated piece (", nhất là ở 10 phường") when the
/// phrase is only there and the piece is short, or the whole clause. Returns the byte ranges to
/// remove (sorted, not overlapping) — empty when the text has no scope phrase.
pub fn trim_ranges(text: &str, phrases: &[String]) -> Vec<(usize, usize)> {
    let hits = occurrences(text, phrases);
    if hits.is_empty() {
        return Vec::new();
    }
    let clauses = clauses(text);
    // Whether the clause after the first goes on with the first one's subject ("…; trả lời
    // trong thời hạn …", "…; công khai kết quả …"), not with its own ("…; 100% các đơn vị …",
    // "…; các trường học …").
    let goes_on = clauses.get(1).is_some_and(|&(s, e)| {
        let next = text[s..e].trim_start();
        let first = next.split_whitespace().next().unwrap_or("");
        next.starts_with(char::is_lowercase)
            && !["các", "những", "mỗi", "mọi", "từng"].contains(&first)
            && !QUANTITY.is_match(next)
    });
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, (cs, ce)) in clauses.into_iter().enumerate() {
        let inside: Vec<&(usize, usize, String)> = hits
            .iter()
            .filter(|(s, _, _)| *s >= cs && *s < ce)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let clause = &text[cs..ce];
        let body_end = cs + clause.trim_end_matches(['.', ';', ' ']).len();
        if let Some(comma) = text[cs..body_end].rfind(", ").map(|i| cs + i) {
            let tail_words = text[comma..body_end].split_whitespace().count();
            if inside.iter().all(|(s, _, _)| *s > comma) && tail_words <= 10 {
                out.push((comma, body_end));
                continue;
            }
        }
        // A first clause the next one goes on from holds the item's work: cut out of it only
        // the phrases, or what is left reads as a fragment ("… Hệ thống thông tin tiếp nhận
        // phản ánh của tỉnh; trả lời trong thời hạn …" gave "Trả lời trong thời hạn …").
        // (Not one that opens with the parent's scope — "Tham mưu Ủy ban nhân dân tỉnh ban hành
        // quy định …": without it, the unit would issue the province's rules.)
        // (Nor one whose subject is the phrase: "100% công chức cấp xã đạt chuẩn" is no
        // "100% đạt chuẩn".)
        let opens = inside.iter().any(|(s, _, _)| {
            let before = text[cs..*s].trim();
            before.is_empty()
                || ORGANS.iter().any(|o| before == o.trim_end())
                || QUANTITY.is_match(before) && before.split_whitespace().count() <= 3
        });
        if k == 0 && goes_on && !opens {
            out.extend(
                phrase_ranges(text, phrases)
                    .into_iter()
                    .filter(|&(s, _)| s >= cs && s < body_end),
            );
            continue;
        }
        out.push((cs, ce));
    }
    out
}

/// The heads of a subdivision's organs, as they stand before "10 phường" or "các xã".
const ORGANS: &[&str] = &[
    "Chủ tịch Ủy ban nhân dân ",
    "Chủ tịch UBND ",
    "Ủy ban nhân dân ",
    "UBND ",
];

/// A smaller cut when removing whole clauses would leave nothing: each phrase with the connector
/// that joins it to its neighbour ("10 phường, " in "của 10 phường, cấp quận và Thành phố"; " và
/// 10 phường" in "Quận 1 và 10 phường").
pub fn phrase_ranges(text: &str, phrases: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e, _) in occurrences(text, phrases) {
        // A phrase that tells one quantity from the next ("100% hồ sơ công việc cấp tỉnh và
        // tối thiểu 90% hồ sơ công việc cấp xã") is left to the user: without it the two run
        // together ("100% hồ sơ công việc tối thiểu 90% …").
        if text[e..]
            .strip_prefix(" và ")
            .or_else(|| text[e..].strip_prefix(", "))
            .is_some_and(|next| QUANTITY.is_match(next))
        {
            continue;
        }
        // The preposition that leads to the phrase goes with it ("đang công tác tại 10 phường
        // tham gia" → "đang công tác tham gia", not "… tại tham gia").
        // (Not when the phrase heads a list: "của 10 phường, cấp quận" keeps "của".)
        // The organ whose subdivisions the phrase names goes with it ("và Chủ tịch UBND 10
        // phường" → nothing of it is left acting: not "… và Chủ tịch UBND").
        let s = ORGANS
            .iter()
            .find(|o| text[..s].ends_with(*o))
            .map_or(s, |o| s - o.len());
        let lower = text[..s].to_lowercase();
        let listed = [", ", " và "].iter().any(|c| text[e..].starts_with(c));
        let s = [
            "tại ",
            "ở ",
            "của ",
            "thuộc ",
            "trên ",
            "cho ",
            "đối với ",
            "với ",
        ]
        .iter()
        .find(|p| !listed && lower.ends_with(*p) && lower[..lower.len() - p.len()].ends_with(' '))
        .map_or(s, |p| s - p.len());
        let range = [", ", " và "]
            .iter()
            .find_map(|c| text[e..].starts_with(c).then(|| (s, e + c.len())))
            .or_else(|| {
                [", ", " và ", " "]
                    .iter()
                    .find_map(|c| text[..s].ends_with(c).then(|| (s - c.len(), e)))
            })
            .unwrap_or((s, e));
        if out.last().is_none_or(|l| range.0 >= l.1) {
            out.push(range);
        }
    }
    out
}

/// Clause boundaries: after "; " and after a sentence-ending ". " (not inside numbers).
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if (c == b';' || c == b'.') && bytes.get(i + 1) == Some(&b' ') {
            let next_upper = text[i + 2..].chars().next().is_some_and(char::is_uppercase);
            if c == b';' || next_upper {
                out.push((start, i + 2));
                start = i + 2;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The text with the ranges removed, punctuation and capitals mended.
pub fn remove_ranges(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(s, e) in ranges {
        out.push_str(&text[last..s]);
        last = e;
    }
    out.push_str(&text[last..]);
    let mut t = out
        .trim()
        .trim_start_matches([';', ',', '.', ' '])
        .trim()
        .to_string();
    while t.ends_with(';') || t.ends_with(',') {
        t.pop();
        t = t.trim_end().to_string();
    }
    if t.is_empty() {
        return t;
    }
    if ends_sentence(text) && !ends_sentence(&t) {
        t.push('.');
    }
    capitalise(&t)
}

/// A People's Committee (its plan's bare "trên địa bàn" is its own territory). `issuer` is folded.
pub fn is_government(issuer: &str) -> bool {
    issuer.starts_with("uy ban nhan dan") || issuer.starts_with("ubnd")
}

/// A body that is part of, or serves, a government body ("Sở …", "Phòng …", "Văn phòng …",
/// "Ban …"), as opposed to a unit (a school, a health station, a centre) that carries out a plan
/// of its own. `issuer` is folded.
pub fn is_agency(issuer: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "so ",
        "phong ",
        "van phong",
        "ban ",
        "cuc ",
        "chi cuc",
        "bo ",
        "hoi dong",
        "dang uy",
        "thanh tra",
        "cong an",
        "uy ban mat tran",
    ];
    AGENCIES.iter().any(|a| issuer.starts_with(a))
}

#[cfg(test)]
#[path = "scope_tests.rs"]
mod tests;
