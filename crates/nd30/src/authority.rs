//! Quyền hạn ký (Điều 13, Phụ lục I mục IV.7a): who signs for whom. The prefix is in capitals with
//! a dot and goes before the title of the head (or the collective for TM.): "TM. ỦY BAN NHÂN DÂN",
//! "KT. HIỆU TRƯỞNG" over the deputy's own title "PHÓ HIỆU TRƯỞNG".
use kehoach_text::{fold, is_caps};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Authority {
    /// Thay mặt: on behalf of a collective.
    Tm,
    /// Ký thay: a deputy for the head.
    Kt,
    /// Thừa lệnh.
    Tl,
    /// Thừa ủy quyền.
    Tuq,
    /// Quyền: an acting head.
    Q,
}

impl Authority {
    pub const ALL: [Authority; 5] = [
        Authority::Tm,
        Authority::Kt,
        Authority::Tl,
        Authority::Tuq,
        Authority::Q,
    ];

    /// "TM.", "KT.", "TL.", "TUQ.", "Q.".
    pub fn prefix(self) -> &'static str {
        match self {
            Authority::Tm => "TM.",
            Authority::Kt => "KT.",
            Authority::Tl => "TL.",
            Authority::Tuq => "TUQ.",
            Authority::Q => "Q.",
        }
    }

    /// As the form offers it: "KT. (cấp phó ký thay)".
    pub fn label(self) -> &'static str {
        match self {
            Authority::Tm => "TM. (thay mặt tập thể)",
            Authority::Kt => "KT. (cấp phó ký thay)",
            Authority::Tl => "TL. (thừa lệnh)",
            Authority::Tuq => "TUQ. (thừa ủy quyền)",
            Authority::Q => "Q. (quyền)",
        }
    }

    fn code(self) -> &'static str {
        self.prefix().trim_end_matches('.')
    }

    /// The authority a prefix names, however it is typed ("Kt", "KT.", "kt").
    pub fn from_prefix(p: &str) -> Option<Authority> {
        let p = p.trim().trim_end_matches('.').trim();
        Authority::ALL
            .into_iter()
            .find(|a| a.code().eq_ignore_ascii_case(p))
    }

    /// An authority line as the decree writes it: the prefix in capitals with its dot, then the
    /// title of the head or collective ("KT. HIỆU TRƯỞNG" → (KT, "HIỆU TRƯỞNG")).
    pub fn parse(line: &str) -> Option<(Authority, String)> {
        let (p, rest) = line.trim().split_once('.')?;
        let a = Authority::ALL.into_iter().find(|a| a.code() == p.trim())?;
        let rest = rest.trim();
        (!rest.is_empty()).then(|| (a, rest.to_string()))
    }

    /// A line that starts like an authority, typed any way ("Kt. Hiệu trưởng", "KT HIỆU
    /// TRƯỞNG"), with whether it is written as the decree asks.
    pub fn parse_loose(line: &str) -> Option<(Authority, String, bool)> {
        let t = line.trim();
        let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
        let a = Authority::from_prefix(&word)?;
        let rest = t[word.len()..].trim_start();
        let dotted = rest.starts_with('.');
        let rest = rest.trim_start_matches('.').trim();
        if rest.is_empty() || (!dotted && !is_caps(t)) {
            return None;
        }
        let proper = dotted && word == a.code() && is_caps(rest);
        Some((a, rest.to_string(), proper))
    }

    /// The authority line for a signer: "TM. ỦY BAN NHÂN DÂN", "KT. HIỆU TRƯỞNG".
    pub fn line(self, head: &str) -> String {
        format!("{} {}", self.prefix(), kehoach_text::caps(head.trim()))
    }
}

/// A deputy's own title ("PHÓ HIỆU TRƯỞNG", "PHÓ CHỦ TỊCH"): the prefix never goes before it.
pub fn is_deputy_title(title: &str) -> bool {
    fold(title).trim_start().starts_with("pho ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_lines() {
        assert_eq!(
            Authority::parse("KT. HIỆU TRƯỞNG"),
            Some((Authority::Kt, "HIỆU TRƯỞNG".into()))
        );
        assert_eq!(Authority::parse("Kt. Hiệu trưởng"), None);
        assert_eq!(
            Authority::parse_loose("Kt. Hiệu trưởng").map(|x| (x.0, x.2)),
            Some((Authority::Kt, false))
        );
        assert_eq!(
            Authority::parse_loose("TM. ỦY BAN NHÂN DÂN").map(|x| x.2),
            Some(true)
        );
        assert_eq!(Authority::parse_loose("Quận 1"), None);
        assert_eq!(Authority::Tm.line("Ủy ban nhân dân"), "TM. ỦY BAN NHÂN DÂN");
        assert!(is_deputy_title("PHÓ HIỆU TRƯỞNG"));
    }
}
