//! Who acts in an item: the unit or units like it, units of another type, or one of the
//! parent's organs; and the item put in the unit's own words where the parent gives it the work.
use super::{plain, Hit, Judge};
use kehoach_parent::scope::without_references as mask;
use kehoach_text::{fold, Haystack};

/// Who an item gives the work to.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Actor {
    /// The unit, or units like it ("các cơ quan, đơn vị", "các trường học").
    Own(String),
    /// Units of another type ("Trạm Y tế" in a school's plan).
    Other(String),
    /// One of the parent's organs ("Phòng Văn hóa - Xã hội").
    Organ(String),
}

impl Actor {
    pub(super) fn hit(&self) -> Hit {
        match self {
            Actor::Own(who) => Hit {
                own: true,
                weight: 4,
                why: format!("giao cho {who}"),
            },
            Actor::Other(who) => Hit {
                own: false,
                weight: 4,
                why: format!("giao cho {who}"),
            },
            Actor::Organ(who) => Hit {
                own: false,
                weight: 3,
                why: format!("giao cho {who}"),
            },
        }
    }
}

/// Words that may come before the units an item opens with (folded): nothing, a head's title,
/// a share, a plural.
static TITLES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let mut t = vec![String::new()];
    t.extend(super::HEAD_TITLES.iter().map(|h| fold(h)));
    t.extend(["100%", "100% cac", "cac"].map(String::from));
    t
});

impl Judge {
    /// A lead-in of a few words that opens with a verb ("Tham mưu Ủy ban nhân dân tỉnh:",
    /// "Hướng dẫn, kiểm tra:").
    pub(super) fn acts_lead_in(&self, text: &str) -> bool {
        let t = text.trim();
        if !t.ends_with(':') || t.split_whitespace().count() > 10 {
            return false;
        }
        let found = self.phrases.find(t);
        self.ids
            .actions
            .iter()
            .any(|&v| found.at(v).iter().any(|&(s, _)| s == 0))
    }

    /// A few words naming who, with no action in them ("Ủy ban nhân dân các xã, phường:").
    pub(super) fn names_only(&self, text: &str) -> bool {
        let t = text.trim();
        if t.split_whitespace().count() > 10 || t.trim_end_matches(':').contains([':', ';', '.']) {
            return false;
        }
        // (Not where it names units like this one, or opens as they are called: "Các phòng,
        // chi cục thuộc Sở" to a division.)
        let first_two = |s: &str| -> String {
            fold(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let opening = first_two(t);
        // (By the names of this unit's class: every unit's "các phòng, đơn vị" does not make
        // "Các phòng, chi cục thuộc Sở" a health centre's.)
        let addressees = &super::lexicon::LEXICON_FILE.addressees.phrases;
        let like_own = self.own_units.iter().any(|u| {
            u.split_whitespace().count() > 2
                && first_two(u) == opening
                && !addressees.iter().any(|a| fold(a) == fold(u))
        });
        let found = self.phrases.find(t);
        let names_own = self.ids.own_units.iter().any(|&u| !found.at(u).is_empty());
        !like_own && !names_own && self.ids.actions.iter().all(|&v| found.at(v).is_empty())
    }

    /// The parent's organ a text is addressed to, as its section ("Văn phòng Sở:", "Phòng Tổ
    /// chức cán bộ: chủ trì …"): what follows is that organ's work, whatever its words.
    /// (Not where the organ directs units like this one: "Phòng Giáo dục và Đào tạo: chỉ đạo
    /// các trường mầm non … xây dựng kế hoạch" gives the work to the school.)
    pub fn organ_section(&self, text: &str) -> Option<String> {
        let (addressee, rest) = text.split_once(':')?;
        if addressee.split_whitespace().count() > 15 {
            return None;
        }
        let rest = rest.trim_start();
        let directs_own = ["chỉ đạo", "yêu cầu", "đề nghị", "giao"].iter().any(|v| {
            kehoach_text::fold(rest).starts_with(&format!("{} ", kehoach_text::fold(v)))
                && rest
                    .get(v.len()..)
                    .is_some_and(|r| self.gives_to_own(r.trim_start()))
        });
        if directs_own {
            return None;
        }
        // Only a name before the colon, no verb: "Sở Nội vụ hướng dẫn … các nội dung sau:" is
        // a lead-in, its points stand or fall on their own.
        let Some(Actor::Organ(name)) = self.actor(&plain(&mask(addressee))) else {
            return None;
        };
        let after_name: Vec<&str> = addressee
            .split_whitespace()
            .skip(name.split_whitespace().count())
            .collect();
        let found = self.phrases.find(&after_name.join(" "));
        if self.ids.actions.iter().any(|&v| !found.at(v).is_empty()) {
            return None;
        }
        Some(name)
    }

    /// Whether a text opens by giving the work to units like this one ("Phòng Y tế, Trung tâm
    /// Y tế huyện: …" to a health centre).
    pub fn gives_to_own(&self, text: &str) -> bool {
        matches!(self.actor(&plain(&mask(text))), Some(Actor::Own(_)))
    }

    /// The item in the unit's own words where the parent gives the work to units like it: the
    /// parent directing them ("Chủ tịch Ủy ban nhân dân xã chỉ đạo các phòng chuyên môn, các
    /// trường học, Trạm Y tế xã xây dựng kế hoạch …", "Phòng Giáo dục và Đào tạo: chỉ đạo các
    /// trường mầm non … xây dựng kế hoạch …") gives the task ("Xây dựng kế hoạch …"); the units
    /// named as who acts ("Các phòng chuyên môn, đơn vị sự nghiệp công lập xây dựng …",
    /// "Thủ trưởng các cơ quan, đơn vị trực thuộc: …") give way to the unit (`subject`, or
    /// `head` after a title). `None` when the item does not read so.
    pub fn own_wording(&self, text: &str, subject: &str, head: &str) -> Option<String> {
        let clause_end = text.find(';').unwrap_or(text.len());
        let clause = &text[..clause_end];
        let hay = Haystack::new(clause);
        // a. Directed: [who][:] verb [units, units và units] task.
        let mut verbs: Vec<(usize, usize)> = self
            .direct
            .iter()
            .chain(&self.guide)
            .flat_map(|v| hay.find_all(v))
            .filter(|&(s, _)| s <= 120)
            .collect();
        verbs.sort();
        for (vs, ve) in verbs {
            let who = clause[..vs].trim().trim_end_matches(':').trim();
            if !who.is_empty() && self.actor(who).is_none() && !clause[..vs].contains(':') {
                continue;
            }
            let (end, own, _) = self.unit_list(text, ve);
            if !own {
                continue;
            }
            let rest = text[end..].trim_start_matches([',', ' ']);
            // (Not where the list of units goes on past what it recognised: "… Chủ tịch Ủy ban
            // nhân dân 21 xã, thị trấn tập trung …" is no task "Thị trấn tập trung …".)
            let more_units = kehoach_parent::after_place(rest).len() < rest.len()
                && !rest.starts_with(char::is_uppercase);
            if rest.split_whitespace().count() >= 3 && !more_units {
                return Some(kehoach_text::capitalise(rest));
            }
        }
        // b. Units like this one (after a title, in a list) as who acts — not a target's
        // "100% đơn vị …", and only where the work follows the list.
        // A target over every unit like this one is the unit's own ("100% cơ quan, đơn vị
        // thuộc xã sử dụng phần mềm …" → "Nhà trường sử dụng phần mềm …"); not one that names
        // other kinds too, or a share of units ("100% đơn vị hành chính cấp xã …").
        if let Some(rest) = text.strip_prefix("100%") {
            let from = text.len() - rest.trim_start().len();
            let (end, own, others) = self.unit_list(text, from);
            let next = text[end..].trim_start();
            // (What the list did not take in is still the name: "… thuộc phạm vi quản lý của
            // Quận 1 được giao quản lý tài sản …".)
            let qualified = [
                "thuộc",
                "trực thuộc",
                "của",
                "trên",
                "tại",
                "được",
                "trong",
                "có",
            ]
            .iter()
            .any(|w| Haystack::new(next).prefix(w).is_some());
            let acts = next.chars().next().is_some_and(char::is_lowercase) && !qualified;
            if own && !others && end > from && acts && next.split_whitespace().count() >= 3 {
                return Some(format!("{subject} {next}"));
            }
            return None;
        }
        let (end, own, others) = self.unit_list(text, 0);
        let next = text[end..].trim_start();
        // A list of all the parent's subordinates by title ("Thủ trưởng các sở, ban, ngành, Chủ
        // tịch Ủy ban nhân dân các xã, phường, đặc khu ban hành kế hoạch …"), naming no other
        // kind of unit: the task is every unit's, this one's too.
        // (Every name in it a class, "các …", "cấp xã": not "… và Văn phòng Ủy ban nhân dân tỉnh", one
        // of the parent's own organs.)
        let classes_only = text[..end]
            .split(", ")
            .flat_map(|s| s.split(" và "))
            .filter(|s| s.starts_with(char::is_uppercase))
            .all(|s| fold(s).contains("cac ") || fold(s).contains("cap "));
        let titled_list = text[..end].matches(", ").count() >= 1
            && super::opens_with_title(&fold(&text[..end]))
            && fold(&text[..end]).contains(", chu tich")
            && classes_only;
        if !own && !others && titled_list && next.chars().next().is_some_and(char::is_lowercase) {
            return Some(kehoach_text::capitalise(next));
        }
        let acts = next.starts_with(':')
            || next.chars().next().is_some_and(char::is_lowercase)
            || next.starts_with("Trạm")
            || next.is_empty();
        if own && end > 0 && acts {
            let before = fold(&text[..end]);
            let titled = super::opens_with_title(&before);
            let rest = text[end..].trim_start();
            let who = if titled { head } else { subject };
            let gap = if rest.is_empty() || rest.starts_with(':') {
                ""
            } else {
                " "
            };
            return Some(format!("{who}{gap}{rest}"));
        }
        None
    }

    /// Who the item gives the work to, when it opens by naming someone: the unit or units like
    /// it (own), units of another type, or one of the parent's organs. A list that names units
    /// like this one among others ("Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các
    /// xã …") gives it to them too.
    pub(super) fn actor(&self, text: &str) -> Option<Actor> {
        // "Đối với Trạm Y tế phường", "Nhiệm vụ của Phòng Văn hóa - Xã hội": who follows.
        let folded = fold(text);
        let skip = [
            "doi voi cac ",
            "doi voi ",
            "nhiem vu cua ",
            "trach nhiem cua ",
            // "Đề nghị Ủy ban nhân dân các xã, phường: …" asks the addressees to do the work.
            "de nghi ",
        ]
        .iter()
        .find(|p| folded.starts_with(*p))
        .map_or(0, |p| {
            kehoach_text::prefix_of_folded(text, &folded, p.len()).len()
        });
        let text = text[skip..].trim_start();
        // The opening words: up to a colon close to the start, or the first words.
        let colon = text.find(':').filter(|&c| c <= 120);
        let region_end = colon.unwrap_or_else(|| nth_word_end(text, 10));
        let list_end = colon.unwrap_or_else(|| nth_word_end(text, 15));
        let name = || {
            let end = colon.unwrap_or_else(|| nth_word_end(text, 6));
            text[..end].trim().to_string()
        };
        if !self.unit_name.is_empty() && fold(&text[..region_end]).contains(&self.unit_name) {
            return Some(Actor::Own("chính đơn vị".into()));
        }
        // Units after a title at the very start: "Thủ trưởng các cơ quan, đơn vị …", "100% đơn
        // vị …".
        let found = self.phrases.find(text);
        let ids = &self.ids;
        // The longest opening phrase of a list ("các đơn vị trực thuộc", not "các đơn vị").
        let opening = |phrases: &[usize]| {
            phrases
                .iter()
                .filter_map(|&p| {
                    found.at(p).iter().copied().find(|(s, e)| {
                        *e <= region_end && {
                            let before = fold(&text[..*s]);
                            TITLES.iter().any(|t| t == before.trim())
                        }
                    })
                })
                .max_by_key(|&(_, e)| e)
        };
        let (own_open, other_open) = (opening(&ids.own_units), opening(&ids.other_units));
        // Units like this one only by the head of a longer name are others: "Các đơn vị thông
        // tin truyền thông trực thuộc quận …" to a school.
        if let Some((s, e)) = own_open {
            if let Some(le) = self.longer_name(text, e) {
                return Some(Actor::Other(kehoach_text::decapitalise(&text[s..le])));
            }
        }
        let longest = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
            (Some((_, ae)), Some((_, be))) => ae >= be,
            (a, _) => a.is_some(),
        };
        let opens_with = |own: bool| {
            let (this, that) = if own {
                (own_open, other_open)
            } else {
                (other_open, own_open)
            };
            longest(this, that)
                .then(|| this.map(|(s, e)| kehoach_text::decapitalise(&text[s..e])))
                .flatten()
        };
        // Units like this one further on in a list of addressees.
        let first_action = ids
            .actions
            .iter()
            .filter_map(|&v| found.at(v).first().map(|&(_, e)| e))
            .min()
            .unwrap_or(usize::MAX);
        let listed = || {
            ids.own_units.iter().find_map(|&p| {
                found
                    .at(p)
                    .iter()
                    .find(|(s, e)| {
                        // Not inside the other units that open the list.
                        other_open.is_none_or(|(_, oe)| *s >= oe)
                            && *e <= list_end
                            && first_action > *s
                            && {
                                let before = text[..*s].trim_end();
                                let before = before
                                    .strip_suffix(|c: char| c == ',' || c == ';')
                                    .map(str::trim_end)
                                    .unwrap_or(before);
                                let f = fold(before);
                                text[..*s].trim_end().ends_with(',')
                                    || f.ends_with(" va")
                                    || TITLES
                                        .iter()
                                        .any(|t| !t.is_empty() && f.ends_with(t.as_str()))
                            }
                    })
                    .map(|(s, e)| kehoach_text::decapitalise(&text[*s..*e]))
            })
        };
        if let Some(units) = opens_with(true) {
            // Schools of other levels only ("Các trường tiểu học, trung học cơ sở cấp bản sao học
            // bạ …" to a kindergarten) are other units, though the lexicon calls them schools.
            let (s, e) = own_open.or(other_open).unwrap_or((0, 0));
            let names_end = first_action.min(list_end).max(e);
            if self.names_other_kind(&text[s..names_end]) {
                return Some(Actor::Other(units));
            }
            return Some(Actor::Own(units));
        }
        if let Some(units) = opens_with(false) {
            return Some(listed().map_or(Actor::Other(units), Actor::Own));
        }
        // "Trưởng các khu dân cư: …": who is addressed names only the parent's territory or
        // people, no unit like this one.
        if let Some(c) = colon {
            let addressee = &text[..c];
            let found = self.phrases.find(addressee);
            let parents = self.groups.iter().enumerate().any(|(n, g)| {
                g.side == "parent" && ids.groups[n].iter().any(|&p| !found.at(p).is_empty())
            });
            // (Someone by a title or a plural, not a topic: "Về giải quyết thủ tục hành chính:".)
            // (Not the parent's own organs, "Trưởng phòng Văn hóa - Xã hội:", read further on.)
            let who = [
                "trưởng",
                "các",
                "ban",
                "tổ",
                "hội",
                "bí thư",
                "người đứng đầu",
            ]
            .iter()
            .any(|w| Haystack::new(addressee.trim()).prefix(w).is_some());
            let organ_led = ids
                .organ_heads
                .iter()
                .any(|&h| found.at(h).iter().any(|&(s, _)| s == 0));
            if parents && who && !organ_led && self.names_only(addressee) {
                return Some(Actor::Other(kehoach_text::decapitalise(addressee.trim())));
            }
        }
        // "Phòng Văn hóa - Xã hội: …", "Sở Nội vụ công bố …": a head noun and a capitalised name.
        let head = ids
            .organ_heads
            .iter()
            .find_map(|&h| found.at(h).iter().find(|(s, _)| *s == 0).map(|&(_, e)| e))?;
        if let Some(units) = listed() {
            return Some(Actor::Own(units));
        }
        let named = text[head..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // The parent naming itself by its generic noun, alone ("Sở kiểm tra …", "Sở ban hành
        // …"; not "Sở và các cơ sở giáo dục tiếp nhận …").
        let rest = fold(text[head..].trim_start());
        let itself = !self.parent_word.is_empty()
            && fold(&text[..head]) == self.parent_word
            && !rest.starts_with("va ")
            && !rest.starts_with(',');
        // … or by its name without its place ("Ủy ban nhân dân xã tập trung chỉ đạo …").
        let opening = fold(text);
        let generic = self.parent_generic.iter().any(|g| {
            opening.strip_prefix(g.as_str()).is_some_and(|r| {
                r.is_empty() || r.starts_with(' ') && !r.starts_with(" va ") || r.starts_with(':')
            })
        });
        (named || itself || generic).then(|| Actor::Organ(name()))
    }
}

impl Judge {
    /// Whether the names of units a text opens with are all of other kinds than this unit, by
    /// the unit type's groups that say so (`unless`: the words naming this kind too).
    fn names_other_kind(&self, names: &str) -> bool {
        let folded = fold(names);
        let found = self.phrases.find(names);
        self.groups.iter().enumerate().any(|(n, g)| {
            g.side == "parent"
                && !g.unless.is_empty()
                && !g
                    .unless
                    .iter()
                    .any(|u| kehoach_text::has_folded_words(&folded, u))
                && self.ids.groups[n].iter().any(|&p| !found.at(p).is_empty())
        })
    }
}

/// The byte offset after the `n`th word.
fn nth_word_end(text: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}
