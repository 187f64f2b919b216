//! Typed references into a plan: the part topics (mục tiêu, chỉ tiêu, nhiệm vụ…), the containers
//! items live in, and the anchors footnotes hang on. Each serialises as the short string the
//! plan and draft files have always used ("part:nhiem_vu", "basis:2", "intro", an item id).
use kehoach_text::fold;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What a part of a plan is about, read from its title.
#[derive(
    ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Mục tiêu; also "Mục đích, yêu cầu".
    MucTieu,
    /// Chỉ tiêu.
    ChiTieu,
    /// Nhiệm vụ (trọng tâm), nội dung, giải pháp.
    NhiemVu,
    /// Kinh phí.
    KinhPhi,
    /// Tổ chức thực hiện, trách nhiệm.
    ToChuc,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::MucTieu,
        Topic::ChiTieu,
        Topic::NhiemVu,
        Topic::KinhPhi,
        Topic::ToChuc,
    ];

    /// The key used in presets and draft files: "muc_tieu", "nhiem_vu"…
    pub fn key(self) -> &'static str {
        match self {
            Topic::MucTieu => "muc_tieu",
            Topic::ChiTieu => "chi_tieu",
            Topic::NhiemVu => "nhiem_vu",
            Topic::KinhPhi => "kinh_phi",
            Topic::ToChuc => "to_chuc",
        }
    }

    pub fn from_key(key: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The topic of a part from its title ("II. CHỈ TIÊU" → chỉ tiêu, "MỤC ĐÍCH, YÊU CẦU" → mục
    /// tiêu, "NỘI DUNG, NHIỆM VỤ" → nhiệm vụ). The first keyword found in the title decides.
    pub fn of_title(title: &str) -> Option<Topic> {
        const KEYS: &[(&str, Topic)] = &[
            ("to chuc thuc hien", Topic::ToChuc),
            ("trach nhiem", Topic::ToChuc),
            ("kinh phi", Topic::KinhPhi),
            ("chi tieu", Topic::ChiTieu),
            ("muc tieu", Topic::MucTieu),
            ("muc dich", Topic::MucTieu),
            ("nhiem vu", Topic::NhiemVu),
            ("noi dung", Topic::NhiemVu),
            ("giai phap", Topic::NhiemVu),
        ];
        let f = fold(title);
        KEYS.iter()
            .filter_map(|(k, t)| f.find(k).map(|at| (at, *t)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, t)| t)
    }
}

/// Settles which part holds the plan's tasks when no title puts them first (the titles' own
/// words, read once all parts are known): the part whose title names them after something else
/// ("MỤC TIÊU, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027", whose areas each hold their objectives and
/// their tasks); failing that, the first titled part that names no topic and holds items.
pub fn settle_topics(parts: &mut [crate::Part]) {
    if parts.iter().any(|p| p.topic == Some(Topic::NhiemVu)) {
        return;
    }
    let names_tasks = |title: &str| {
        let f = fold(title);
        ["nhiem vu", "giai phap", "noi dung"]
            .iter()
            .any(|k| f.contains(k))
    };
    let at = parts
        .iter()
        .position(|p| names_tasks(&p.title))
        .or_else(|| {
            parts
                .iter()
                .position(|p| p.topic.is_none() && !p.title.is_empty() && !p.items.is_empty())
        });
    if let Some(at) = at {
        parts[at].topic = Some(Topic::NhiemVu);
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Where an item lives: directly in a part (by its topic) or under another item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Container {
    Part(Topic),
    Item(String),
}

impl Container {
    fn parse(s: &str) -> Option<Container> {
        match s.strip_prefix("part:") {
            Some(key) => Topic::from_key(key).map(Container::Part),
            None => Some(Container::Item(s.to_string())),
        }
    }
}

impl fmt::Display for Container {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Container::Part(t) => write!(f, "part:{}", t.key()),
            Container::Item(id) => f.write_str(id),
        }
    }
}

/// Where a footnote's mark is: a basis (by index), the intro, the closing, or an item (by id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Anchor {
    Basis(usize),
    Intro,
    Closing,
    Item(String),
    /// Nowhere known (a footnote whose mark was lost).
    #[default]
    None,
}

impl Anchor {
    /// Reads the short string form ("basis:2", "intro", "closing", an item id).
    pub fn parse(s: &str) -> Anchor {
        match s {
            "" => Anchor::None,
            "intro" => Anchor::Intro,
            "closing" => Anchor::Closing,
            _ => match s.strip_prefix("basis:").and_then(|n| n.parse().ok()) {
                Some(i) => Anchor::Basis(i),
                None => Anchor::Item(s.to_string()),
            },
        }
    }

    /// The item id, for an item anchor.
    pub fn item(&self) -> Option<&str> {
        match self {
            Anchor::Item(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Basis(i) => write!(f, "basis:{i}"),
            Anchor::Intro => f.write_str("intro"),
            Anchor::Closing => f.write_str("closing"),
            Anchor::Item(id) => f.write_str(id),
            Anchor::None => Ok(()),
        }
    }
}

macro_rules! string_serde {
    ($t:ty, $parse:expr, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let parse: fn(&str) -> Option<$t> = $parse;
                parse(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!("{} không hợp lệ: {s}", $what)))
            }
        }
    };
}

string_serde!(Container, Container::parse, "vị trí");
string_serde!(Anchor, |s| Some(Anchor::parse(s)), "vị trí chú thích");

/// The parent's pointer to its appendix: "(Nội dung chi tiết theo Phụ lục đính kèm)",
/// "(Nhiệm vụ cụ thể tại Phụ lục kèm theo)",
/// "Các nhiệm vụ cụ thể, cơ quan chủ trì … được phân công tại Phụ lục kèm theo Kế hoạch này."
pub fn points_to_appendix(text: &str) -> bool {
    let f = fold(text);
    let f = f.trim().trim_end_matches('.');
    let words = f.split_whitespace().count();
    let bracketed = f.starts_with('(') && f.ends_with(')') && words <= 14;
    let sentence = !f.contains(';')
        && words <= 40
        && ["tai phu luc", "theo phu luc", "o phu luc"]
            .iter()
            .any(|p| f.contains(p))
        && ["kem theo", "dinh kem"].iter().any(|p| f.contains(p));
    f.contains("phu luc") && (bracketed || sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_from_titles_of_any_issuer() {
        assert_eq!(Topic::of_title("CHỈ TIÊU:"), Some(Topic::ChiTieu));
        assert_eq!(Topic::of_title("TỔ CHỨC THỰC HIỆN"), Some(Topic::ToChuc));
        assert_eq!(Topic::of_title("NHIỆM VỤ TRỌNG TÂM"), Some(Topic::NhiemVu));
        assert_eq!(Topic::of_title("MỤC ĐÍCH, YÊU CẦU"), Some(Topic::MucTieu));
        assert_eq!(Topic::of_title("NỘI DUNG, NHIỆM VỤ"), Some(Topic::NhiemVu));
        // Settled once every part is known: the part that names the tasks after the objectives
        // holds them when no part puts them first; else the first untitled-topic part with items.
        let part = |title: &str, items: usize| {
            crate::Part::new(
                "",
                title,
                (0..items)
                    .map(|i| crate::Item::new(format!("x{i}"), "1.", "Việc"))
                    .collect(),
            )
        };
        let mut parts = vec![
            part("MỤC ĐÍCH, YÊU CẦU", 2),
            part("MỤC TIÊU, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027", 6),
            part("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3),
            part("TỔ CHỨC THỰC HIỆN", 3),
        ];
        settle_topics(&mut parts);
        let topics: Vec<_> = parts.iter().map(|p| p.topic()).collect();
        assert_eq!(
            topics,
            [
                Some(Topic::MucTieu),
                Some(Topic::NhiemVu),
                None,
                Some(Topic::ToChuc)
            ]
        );
        let mut parts = vec![
            part("MỤC TIÊU", 2),
            part("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3),
            part("TỔ CHỨC THỰC HIỆN", 1),
        ];
        settle_topics(&mut parts);
        assert_eq!(parts[1].topic(), Some(Topic::NhiemVu));
        // A plan with a tasks part keeps its topics as its titles give them.
        let mut parts = vec![part("MỤC TIÊU, NHIỆM VỤ", 2), part("NHIỆM VỤ TRỌNG TÂM", 3)];
        settle_topics(&mut parts);
        assert_eq!(parts[0].topic(), Some(Topic::MucTieu));
        assert_eq!(
            Topic::of_title("Mục tiêu và chỉ tiêu"),
            Some(Topic::MucTieu)
        );
        assert_eq!(Topic::of_title("KẾT QUẢ"), None);
    }

    #[test]
    fn containers_and_anchors_read_and_write_their_old_strings() {
        for s in ["part:nhiem_vu", "III.3.4"] {
            let c: Container = serde_json::from_value(serde_json::json!(s)).unwrap();
            assert_eq!(serde_json::to_value(&c).unwrap(), serde_json::json!(s));
        }
        for s in ["basis:2", "intro", "closing", "II.1"] {
            let a: Anchor = serde_json::from_value(serde_json::json!(s)).unwrap();
            assert_eq!(a.to_string(), s);
        }
        assert!(serde_json::from_value::<Container>(serde_json::json!("part:x")).is_err());
    }
}
