//! The tail: the closing sentence, "Nơi nhận:" and its list, the signer (authority, title,
//! name).
use super::body::is_closing;
use super::labels::BULLET;
use super::{Builder, Last, Para};
use kehoach_nd30::Authority;
use kehoach_text::{fold, is_caps};

impl Builder {
    pub(super) fn tail_line(&mut self, text: &str, p: &Para) {
        let folded = fold(text);
        if self.plan.closing.is_empty() && is_closing(&folded, text) {
            self.plan.closing = text.to_string();
            self.last = Last::Closing;
            return;
        }
        let dash = BULLET.captures(text).map(|c| c[2].to_string());
        let word_bullet = p.numbered.as_deref().is_some_and(|l| !l.is_empty());
        // A dashed line under "Nơi nhận:" is a recipient even when the signer's lines came
        // between (a PDF read row by row, a cell typed with Shift+Enter).
        let listed = self.recipients_started && (dash.is_some() || word_bullet);
        if listed || self.recipients_open && looks_like_recipient(text) {
            let r = dash.unwrap_or_else(|| p.text.clone());
            let r = r.trim().trim_end_matches([';', ',']).trim().to_string();
            if !r.is_empty() {
                self.plan.recipients.push(r);
            }
            self.last = Last::Recipient;
            return;
        }
        if text.is_empty() || is_placeholder(text) {
            return;
        }
        // The signer: authority line, title, name — in that order.
        let signer = &mut self.plan.signer;
        if !signer.name.is_empty() {
            if is_caps(text) {
                self.late_caps.push(text.to_string());
            }
            return;
        }
        if let Some((a, head)) = Authority::parse(text) {
            // "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH": both lines are the authority.
            if !signer.authority.is_empty() && signer.title.is_empty() {
                signer.authority.push('\n');
            } else {
                signer.authority.clear();
            }
            signer.authority.push_str(&a.line(&head));
            self.recipients_open = false;
            return;
        }
        if is_caps(text) {
            if signer.title.is_empty() && text.split_whitespace().count() <= 8 {
                signer.title = text.to_string();
                self.recipients_open = false;
            } else {
                self.late_caps.push(text.to_string());
            }
            return;
        }
        if looks_like_name(text) {
            signer.name = text.to_string();
            self.recipients_open = false;
        }
    }
}

pub(super) fn is_placeholder(text: &str) -> bool {
    let f = fold(text);
    text.starts_with('(') && (f.contains("ky") || f.contains("dau")) || f == "da ky"
}

pub(super) fn looks_like_recipient(text: &str) -> bool {
    !is_caps(text) && (text.ends_with(';') || fold(text).starts_with("luu"))
}

/// A person's name: 2–6 words, each capitalised, no digits (an academic title may precede it).
pub(super) fn looks_like_name(text: &str) -> bool {
    let t = text
        .trim_start_matches("ThS.")
        .trim_start_matches("TS.")
        .trim_start_matches("PGS.TS.")
        .trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !is_caps(t)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(looks_like_name("Lê Đức Thanh"));
        assert!(!looks_like_name("CHỦ TỊCH"));
        assert!(!looks_like_name("Lưu: VT, B.Th(3b)."));
    }
}
