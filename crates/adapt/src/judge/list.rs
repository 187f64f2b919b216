//! Lists of units as a parent writes them ("các phòng chuyên môn, các trường học và Trạm Y tế
//! xã", "Các bệnh viện, trung tâm y tế khu vực"): where a list ends, each name taken whole with
//! what qualifies it, and whether it names units like this one or others.
use super::Judge;
use kehoach_text::Haystack;

impl Judge {
    /// Where the name of a class of units goes on past the noun that ends at `end`, into a
    /// longer name of other units: words that are no verb, then whose they are ("Các đơn vị
    /// thông tin truyền thông trực thuộc quận", "các trung tâm văn hóa thuộc xã"). The end of
    /// that name.
    pub(super) fn longer_name(&self, text: &str, end: usize) -> Option<usize> {
        let n = crate::names::name_end(text, end);
        let rest = text[n..].strip_prefix(' ')?;
        if !rest.starts_with(char::is_lowercase) {
            return None;
        }
        let clause = &rest[..rest.find([',', ';', ':', '.', '(']).unwrap_or(rest.len())];
        let hay = Haystack::new(clause);
        let (q, _) = ["trực thuộc", "thuộc"]
            .iter()
            .flat_map(|q| hay.find_all(q))
            .filter(|&(s, _)| s > 0 && clause[..s].split_whitespace().count() <= 5)
            .filter(|&(s, _)| crate::names::name_end(text, n + s) > n + s + 1)
            .min()?;
        let between = &clause[..q];
        let found = self.phrases.find(between);
        if self.ids.actions.iter().any(|&v| !found.at(v).is_empty()) {
            return None;
        }
        Some(crate::names::name_end(text, n + q))
    }

    /// Where a list of units that starts at `from` ends ("các phòng chuyên môn, các trường học
    /// và Trạm Y tế xã"), whether it names units like this one, and units of another kind.
    pub(super) fn unit_list(&self, text: &str, from: usize) -> (usize, bool, bool) {
        let names: Vec<&String> = self
            .any_units
            .iter()
            .chain(&self.own_units)
            .chain(&self.other_units)
            .chain(
                // (The parent's organs as who acts, not its verbs: "Các đơn vị trực thuộc
                // hướng dẫn học sinh …" lists the units, then says what they do.)
                self.groups
                    .iter()
                    .filter(|g| g.subject)
                    .flat_map(|g| g.phrases.iter())
                    .filter(|p| !self.actions.contains(p)),
            )
            .collect();
        let titles: Vec<&str> = super::HEAD_TITLES.iter().copied().chain(["100%"]).collect();
        // Words a list of units goes on with: "các trường mầm non, tiểu học, trung học cơ sở",
        // "Ủy ban nhân dân các xã, phường, đặc khu", "cơ quan, địa phương".
        const MORE: &[&str] = &[
            "tiểu học",
            "trung học cơ sở",
            "trung học phổ thông",
            "mầm non",
            "phường",
            "xã",
            "đặc khu",
            "thị trấn",
            "địa phương",
            "đơn vị",
            "cơ quan",
            "trường học",
            "chi cục",
        ];
        let mut at = from;
        let mut end = from;
        let mut own = false;
        let mut others = false;
        loop {
            let rest = &text[at..];
            let trimmed = rest.trim_start_matches([' ', ',']);
            let trimmed = trimmed.strip_prefix("và ").unwrap_or(trimmed);
            let skip = rest.len() - trimmed.len();
            let hay = Haystack::new(trimmed);
            let title = titles.iter().find_map(|t| hay.prefix(t)).unwrap_or(0);
            let after_title = &trimmed[title..];
            let lead = after_title.len() - after_title.trim_start().len();
            let h2 = Haystack::new(&after_title[lead..]);
            let best = names
                .iter()
                .map(|n| n.as_str())
                .chain(if at > from { MORE } else { &[] }.iter().copied())
                .filter_map(|n| h2.prefix(n))
                .max()
                .map(|e| lead + e);
            let Some(e) = best else { break };
            let matched = Haystack::new(&after_title[..e]);
            let own_before = own;
            own |= self
                .own_units
                .iter()
                .any(|u| !matched.find_all(u).is_empty());
            others |= self
                .other_units
                .iter()
                .any(|u| !matched.find_all(u).is_empty());
            let mut stop = at + skip + title + e;
            // A place after the name: "Trạm Y tế xã", "Ủy ban nhân dân 21 xã, thị trấn".
            for w in [
                "xã",
                "phường",
                "thị trấn",
                "đặc khu",
                "huyện",
                "quận",
                "tỉnh",
            ] {
                let r = &text[stop..];
                if let Some(x) = r.strip_prefix(' ').and_then(|r| r.strip_prefix(w)) {
                    if x.is_empty() || x.starts_with([' ', ',', ':', ';', '.']) {
                        stop += 1 + w.len();
                        break;
                    }
                }
            }
            // With what qualifies it: "trung tâm y tế khu vực", "cơ sở y tế trực thuộc"; the
            // head of a longer name is other units ("các đơn vị thông tin truyền thông trực
            // thuộc quận" to a school), and the list goes on after it.
            let stop = match self.longer_name(text, stop) {
                Some(le) => {
                    own = own_before;
                    others = true;
                    le
                }
                None => crate::names::name_end(text, stop),
            };
            end = stop;
            at = stop;
        }
        (end, own, others)
    }
}
