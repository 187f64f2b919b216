//! Sentences a substitution broke: a word or phrase said twice ("của đơn vị, đơn vị"), a
//! preposition or conjunction left before a stop ("tại.", "của ,", "và;"), "tại" followed by a verb
//! ("đang công tác tại tham gia"), a body's name cut short ("Chủ tịch Ủy ban nhân dân tập trung"),
//! empty brackets and doubled punctuation. Each finding quotes the words.
use kehoach_text::Haystack;
use regex::Regex;
use std::sync::LazyLock;

/// A preposition or conjunction with nothing after it.
static DANGLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tại|của|và|hoặc|với|cho|thuộc|đối với|giữa|gồm)\s*(?:[,.;:)]|$)").unwrap()
});
/// A plural marker with its noun cut out: "điều hành các của Thành phố".
static NO_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(các|những)\s+(?:của|và|thuộc|tại|cho|với|đối với|[,.;:)])").unwrap()
});
/// Punctuation doubled or misplaced, and empty brackets.
static PUNCT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*,|;\s*;|\s+[,;.]\s|\(\s*\)|,\s*\.|;\s*\.|\.\s*,").unwrap());

/// Words a place or body name follows in "tại …" and "Ủy ban nhân dân …"; a verb right after
/// them means the name was cut out.
const VERBS: &[&str] = &[
    "tham gia",
    "thực hiện",
    "triển khai",
    "xây dựng",
    "tập trung",
    "chỉ đạo",
    "tổ chức",
    "bảo đảm",
    "đảm bảo",
    "ban hành",
    "phối hợp",
    "chủ trì",
    "tham mưu",
    "rà soát",
    "theo dõi",
    "báo cáo",
    "kiểm tra",
    "hướng dẫn",
    "đẩy mạnh",
    "nâng cao",
    "quán triệt",
    "có trách nhiệm",
];

/// Compounds whose second word is also a preposition ("tồn tại", "trực thuộc").
const COMPOUNDS: &[(&str, &str)] = &[
    ("tồn", "tại"),
    ("hiện", "tại"),
    ("trực", "thuộc"),
    ("phụ", "thuộc"),
    ("lệ", "thuộc"),
    ("bao", "gồm"),
    ("dành", "cho"),
];

/// Words that may follow "Ủy ban nhân dân" in a whole name.
const BODY_NEXT: &[&str] = &[
    "xã",
    "phường",
    "tỉnh",
    "thành",
    "quận",
    "huyện",
    "đặc",
    "thị",
    "cấp",
    "các",
    "và",
    "hai",
];

/// The first broken spot in a text, quoted.
pub fn broken(text: &str) -> Option<String> {
    // The same one to four words twice in a row, or either side of a comma.
    let words: Vec<(usize, &str)> = word_spans(text);
    let lower: Vec<String> = words.iter().map(|w| w.1.to_lowercase()).collect();
    for n in 1..=4 {
        for i in 0..words.len().saturating_sub(2 * n - 1) {
            let (a, b) = (&lower[i..i + n], &lower[i + n..i + 2 * n]);
            // One word twice is a mistake only for the small words ("của của"); Vietnamese
            // compounds repeat syllables ("hành vi vi phạm", "thanh tra, kiểm tra").
            if a == b && (n > 1 || FUNCTION_WORDS.contains(&a[0].as_str())) {
                let start = words[i].0;
                let last = words[i + 2 * n - 1];
                let between = &text[words[i + n - 1].0 + words[i + n - 1].1.len()..words[i + n].0];
                let end = last.0 + last.1.len();
                // "tiêu chí, tiêu chí thành phần", "tuyên truyền, truyền thông": the second goes
                // on into a longer word; a repeat is one that stops there.
                let after = text[end..].trim_start();
                let stops = after.is_empty()
                    || after.starts_with([',', '.', ';', ':', ')'])
                    || ["và ", "hoặc ", "với "]
                        .iter()
                        .any(|c| after.starts_with(c));
                if (n == 1 && between == " ")
                    || (n > 1 && (between.trim().is_empty() || between.trim() == ",") && stops)
                {
                    return Some(text[start..end].to_string());
                }
            }
        }
    }
    for m in DANGLING.find_iter(text) {
        // "… các đơn vị trực thuộc.", "tồn tại, hạn chế" are whole: the word ends a compound.
        let word = m.as_str().to_lowercase();
        let before = text[..m.start()].trim_end().to_lowercase();
        let previous = before.rsplit(' ').next().unwrap_or("");
        if COMPOUNDS
            .iter()
            .any(|(first, second)| word.starts_with(second) && previous == *first)
        {
            continue;
        }
        return Some(m.as_str().trim().to_string());
    }
    if let Some(m) = NO_NOUN.find(text) {
        return Some(m.as_str().trim().to_string());
    }
    if let Some(m) = PUNCT.find(text) {
        return Some(m.as_str().trim().to_string());
    }
    let hay = Haystack::new(text);
    for (_, e) in hay.find_all("tại") {
        let rest = text[e..].trim_start();
        let rest: String = rest.chars().take(20).flat_map(char::to_lowercase).collect();
        if let Some(v) = VERBS.iter().find(|v| rest.starts_with(*v)) {
            return Some(format!("tại {v}"));
        }
    }
    for (s, e) in hay.find_all("ủy ban nhân dân") {
        let rest = text[e..].trim_start();
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let ok = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || BODY_NEXT.iter().any(|w| next.to_lowercase() == *w)
            // "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, …": the office's name at any level.
            || text[..s]
                .to_lowercase()
                .trim_end()
                .ends_with("hội đồng nhân dân và");
        if !ok {
            return Some(format!("{} {next}", &text[s..e]).trim().to_string());
        }
    }
    None
}

/// Heads of the names of a parent's organs ("Phòng Văn hóa - Xã hội", "Sở Nội vụ", "Văn phòng
/// Ủy ban nhân dân"): a unit's sentence that opens with one still gives the work to the parent.
const ORGANS: &[&str] = &[
    "phòng",
    "sở",
    "văn phòng",
    "trung tâm",
    "chi cục",
    "công an",
    "thanh tra",
    "đài",
    "kho bạc",
    "chi nhánh",
];

/// The parent's organs or officials left acting in a unit's sentence ("Chủ tịch Ủy ban nhân dân
/// Quận 1 chỉ đạo …", "Phòng Văn hóa - Xã hội: …", "Thủ trưởng các cơ quan, đơn vị …"), quoted.
/// `parent_body` is the unit's parent as its header names it.
pub fn parent_actor(text: &str, parent_body: &str) -> Option<String> {
    parent_actor_except(text, parent_body, "")
}

/// [`parent_actor`], not counting the unit itself (a division's plan names its own division).
pub fn parent_actor_except(text: &str, parent_body: &str, unit: &str) -> Option<String> {
    let found = find_parent_actor(text, parent_body)?;
    let unit = kehoach_text::fold(unit.trim());
    (unit.is_empty() || !kehoach_text::fold(&found).contains(&unit)).then_some(found)
}

fn find_parent_actor(text: &str, parent_body: &str) -> Option<String> {
    let hay = Haystack::new(text);
    let mut phrases: Vec<String> = [
        "thủ trưởng các cơ quan, đơn vị",
        "thủ trưởng cơ quan, đơn vị",
        "thủ trưởng các sở",
        "trưởng các phòng chuyên môn",
        "các phòng chuyên môn",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let body = kehoach_nd30::names::normal_case(parent_body);
    if !body.trim().is_empty() {
        let place = kehoach_parent::place_of(&body).unwrap_or_default();
        phrases.push(format!("Chủ tịch {body}"));
        phrases.push(format!("{body} chỉ đạo"));
        if let Some(word) = place
            .split_whitespace()
            .next()
            .filter(|_| !place.is_empty())
        {
            phrases.push(format!("Chủ tịch Ủy ban nhân dân {word}"));
            phrases.push(format!("Ủy ban nhân dân {word} chỉ đạo"));
        }
    }
    // Acting: at the start of the sentence or of a clause, or giving an order.
    for p in &phrases {
        for (s, e) in hay.find_all(p) {
            let before = text[..s].trim_end();
            let opens = before.is_empty() || before.ends_with([';', ':', '.']);
            let rest = text[e..].trim_start().to_lowercase();
            let orders = ["chỉ đạo", "yêu cầu", "giao", "đề nghị"]
                .iter()
                .any(|v| rest.starts_with(v));
            if opens || orders || p.ends_with("chỉ đạo") {
                return Some(text[s..e].to_string());
            }
        }
    }
    // Opens with an organ's name: a head noun and a capitalised word.
    let start = text.trim_start();
    for head in ORGANS {
        if let Some(&(0, e)) = Haystack::new(start).find_all(head).first() {
            let rest = start[e..].trim_start();
            if rest.chars().next().is_some_and(char::is_uppercase) {
                let name_end = start.find([':', ',']).unwrap_or(start.len()).min(60);
                let mut end = name_end;
                while !start.is_char_boundary(end) {
                    end -= 1;
                }
                return Some(start[..end].trim().to_string());
            }
        }
    }
    None
}

/// Small words that are never said twice in a row.
const FUNCTION_WORDS: &[&str] = &[
    "của", "và", "các", "tại", "cho", "được", "những", "với", "trong", "theo", "để", "là", "có",
];

fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_careless_substitution_leaves_is_found() {
        for (text, quoted) in [
            ("Báo cáo của đơn vị, đơn vị và UBND.", "đơn vị, đơn vị"),
            (
                "viên chức đang công tác tại tham gia bồi dưỡng.",
                "tại tham gia",
            ),
            ("Kinh phí của .", "của ."),
            ("Thực hiện công khai tại.", "tại."),
            (
                "Chủ tịch Ủy ban nhân dân tập trung thực hiện.",
                "Ủy ban nhân dân tập",
            ),
            ("Tổ chức hội nghị hội nghị.", "hội nghị hội nghị"),
            ("Báo cáo của của đơn vị.", "của của"),
            ("Thực hiện và ; báo cáo.", "và ;"),
            ("Thực hiện ( ) kịp thời.", "( )"),
            ("Vận hành nền tảng điều hành các của Thành phố.", "các của"),
        ] {
            assert_eq!(broken(text).as_deref(), Some(quoted), "{text}");
        }
    }

    #[test]
    fn the_parents_organs_left_acting_are_found() {
        let parent = "ỦY BAN NHÂN DÂN QUẬN 1";
        for (text, quoted) in [
            (
                "Chủ tịch Ủy ban nhân dân Quận 1 chỉ đạo Hiệu trưởng tập trung thực hiện.",
                "Chủ tịch Ủy ban nhân dân Quận 1",
            ),
            (
                "Phòng Văn hóa - Xã hội: hướng dẫn các trường học.",
                "Phòng Văn hóa - Xã hội",
            ),
            (
                "Thủ trưởng các cơ quan, đơn vị xây dựng kế hoạch.",
                "Thủ trưởng các cơ quan, đơn vị",
            ),
        ] {
            assert_eq!(
                parent_actor(text, parent).as_deref(),
                Some(quoted),
                "{text}"
            );
        }
        for text in [
            "Hiệu trưởng chỉ đạo xây dựng kế hoạch của nhà trường.",
            "Báo cáo kết quả về Ủy ban nhân dân Quận 1 trước ngày 15.",
            "Phòng, chống tham nhũng, lãng phí trong nhà trường.",
        ] {
            assert_eq!(parent_actor(text, parent), None, "{text}");
        }
    }

    #[test]
    fn whole_sentences_pass() {
        for text in [
            "Hiệu trưởng chỉ đạo xây dựng và tổ chức thực hiện Kế hoạch công tác CCHC năm 2027 của nhà trường.",
            "Báo cáo kết quả về Ủy ban nhân dân phường Sài Gòn (qua Phòng Văn hóa - Xã hội) trước ngày 15.",
            "Từng bước số hóa hồ sơ, dần dần thay thế hồ sơ giấy tại nhà trường.",
            "Phối hợp với Ủy ban nhân dân các xã, phường và Ủy ban nhân dân cấp xã.",
            "100% văn bản đi được ký số (trừ văn bản mật).",
            "Xử lý nghiêm các hành vi vi phạm đạo đức nhà giáo.",
            "Thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước.",
            "Khắc phục các tiêu chí, tiêu chí thành phần bị mất điểm.",
            "Liên thông từ Sở đến các cơ sở giáo dục trực thuộc; ký số văn bản đi.",
            "Kiện toàn Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, các phòng chuyên môn.",
        ] {
            assert_eq!(broken(text), None, "{text}");
        }
    }
}
