//! What one clause of an item shows: the lexicon's groups it has, whether the parent directs
//! units like this one or guides, checks and reorganises its units, who acts at its start.
use super::{Hit, Judge, Reading};
use kehoach_text::fold;

impl Judge {
    /// What one clause shows. `organ_acts`: one of the parent's organs is who acts;
    /// `parent_acts`: the parent is; `aim`: it states a general aim (other types' words do not
    /// count against it).
    pub(super) fn read_clause(
        &self,
        clause: &str,
        organ_acts: bool,
        parent_acts: bool,
        aim: bool,
    ) -> Reading {
        let found = self.phrases.find(clause);
        let lead_at = clause.len() - clause.trim_start().len();
        // … or after the title of its head: "Trưởng các phòng thuộc Sở căn cứ …" opens with
        // the divisions.
        let titled_at = super::HEAD_TITLES
            .iter()
            .find_map(|t| kehoach_text::Haystack::new(&clause[lead_at..]).prefix(t))
            .map_or(lead_at, |e| lead_at + e + 1);
        let ids = &self.ids;
        let spans = |phrases: &[usize]| -> Vec<(usize, usize)> {
            phrases
                .iter()
                .flat_map(|&p| found.at(p).iter().copied())
                .collect()
        };
        // What the parent does to units: directs them (their work) or guides, checks,
        // reorganises them (its own). Guidance with no organ named is the units' work too
        // ("Hướng dẫn các trường học xây dựng kế hoạch" in a plan of the schools' division).
        // Gives the span from the verb to the units.
        let after = |verbs: &[usize], units: &[usize]| -> Option<(usize, usize)> {
            verbs.iter().find_map(|&v| {
                found.at(v).iter().find_map(|&(vs, e)| {
                    let mut end = clause.len().min(e + 130);
                    while !clause.is_char_boundary(end) {
                        end -= 1;
                    }
                    let window = &clause[e..end];
                    let end = e + window.find([';', '.']).unwrap_or(window.len());
                    units
                        .iter()
                        .filter_map(|&u| {
                            found
                                .at(u)
                                .iter()
                                .find(|&&(s, ue)| s >= e && ue <= end)
                                .copied()
                                .filter(|&(s, _)| {
                                    // "kiện toàn tổ chức bên trong của các đơn vị": their own
                                    // structure.
                                    let before = fold(&clause[e..s]);
                                    !before.contains("ben trong") && !before.contains("noi bo")
                                })
                        })
                        .map(|(_, ue)| (vs, ue))
                        .max_by_key(|&(_, ue)| ue)
                })
            })
        };
        let directed = after(&ids.direct, &ids.own_units).or_else(|| {
            (!organ_acts)
                .then(|| after(&ids.guide, &ids.own_units))
                .flatten()
        });
        let directs = directed.is_some();
        let supervises = !directs && after(&ids.supervise, &ids.any_units).is_some();
        // The parent's organs after a title are no sign of the parent's work where the heads
        // addressed are also those of units like this one ("Người đứng đầu các phòng, chi cục,
        // đơn vị trực thuộc Sở chịu trách nhiệm …").
        let heads_own = titled_at != lead_at && self.unit_list(clause, titled_at).1;
        // Words inside the list of units directed are not evidence of whose work it is.
        let outside = |n: usize, ignore: &[(usize, usize)]| {
            let g = &self.groups[n];
            let titled = counts_after_title(g, heads_own);
            ids.groups[n].iter().any(|&p| {
                found.at(p).iter().any(|&(s, e)| {
                    (!g.lead || s == lead_at || (titled && s == titled_at))
                        && !directed.is_some_and(|(a, b)| s < b && a < e)
                        && !ignore.iter().any(|&(a, b)| s < b && a < e)
                })
            })
        };
        let subject = self
            .groups
            .iter()
            .enumerate()
            .any(|(n, g)| g.subject && g.side == "parent" && outside(n, &[]));
        // A clause that opens with units like this one is theirs whatever came before.
        // (Not "các đơn vị" inside "các đơn vị trực thuộc" where those are others to this unit.)
        let mut other_spans = spans(&ids.other_units);
        // … nor the head of a longer name of other units: "Các đơn vị thông tin truyền thông
        // trực thuộc quận …".
        other_spans.extend(spans(&ids.own_units).into_iter().filter_map(|(s, e)| {
            let le = self.longer_name(clause, e)?;
            (s == lead_at || s == titled_at).then_some((s, le))
        }));
        let own_lead = self
            .groups
            .iter()
            .enumerate()
            .any(|(n, g)| g.lead && g.side == "own" && outside(n, &other_spans));
        let parent_acts = !own_lead && (parent_acts || supervises || subject);
        // Spans of the unit type's own words: another type's words inside them do not count
        // ("dịch vụ giáo dục, y tế" is a school's as much as a health station's); where units
        // like this one are named, other types' words do not count at all ("đối với cấp tỉnh
        // và cấp xã").
        let own_spans: Vec<(usize, usize)> = self
            .groups
            .iter()
            .zip(&ids.groups)
            .filter(|(g, _)| g.side == "own" && !g.units.is_empty())
            .flat_map(|(_, p)| spans(p))
            .collect();
        // (Units like this one, not "các đơn vị" inside "các đơn vị sự nghiệp y tế" where those
        // are others.)
        let names_units = spans(&ids.own_units).iter().any(|&(s, e)| {
            !other_spans
                .iter()
                .any(|&(os, oe)| os <= s && e <= oe && (os, oe) != (s, e))
        });
        let mut hits = Vec::new();
        let mut hit = |id: &str, own: bool, weight: i32, why: &str| {
            hits.push((
                id.to_string(),
                Hit {
                    own,
                    weight,
                    why: why.to_string(),
                },
            ))
        };
        if directs {
            hit(
                "directs",
                true,
                4,
                "cấp trên giao việc cho các đơn vị, trong đó có đơn vị mình",
            );
        }
        // "… đề án vị trí việc làm của các đơn vị sự nghiệp y tế" to a division: the internal
        // work of other units.
        let of_others = !names_units
            && !aim
            && other_spans.iter().any(|&(s, _)| {
                fold(clause[..s].trim_end())
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w == "cua")
            });
        if of_others {
            hit(
                "cua-don-vi-khac",
                false,
                3,
                "việc nội bộ của các đơn vị khác, không phải của đơn vị mình",
            );
        }
        if supervises {
            hit(
                "supervises",
                false,
                3,
                "cấp trên hướng dẫn, kiểm tra, sắp xếp các đơn vị cấp dưới",
            );
        }
        let folded = fold(clause);
        for (n, g) in self.groups.iter().enumerate() {
            let own = g.side == "own";
            if g.unless
                .iter()
                .any(|u| kehoach_text::has_folded_words(&folded, u))
            {
                continue;
            }
            if parent_acts && own && !g.lead && !directs {
                continue;
            }
            let other_type = !own && !g.units.is_empty();
            if other_type && (names_units || aim) {
                continue;
            }
            let found = if own {
                // "các đơn vị" inside "các đơn vị trực thuộc" where those are others (to a
                // division of the parent) is not this unit.
                outside(n, &other_spans)
            } else if !g.unless.is_empty() {
                // Other kinds of unit like this one are named as units like it ("các trường
                // mầm non" to a primary school).
                outside(n, &[])
            } else {
                outside(n, &own_spans)
            };
            if found {
                hit(&g.id, own, g.weight, &g.why);
            }
        }
        // Where a clause names only other kinds of unit like this one ("tại 100% trường tiểu
        // học, THCS" for a kindergarten), its school words are theirs, not this unit's.
        let other_kind = self.groups.iter().any(|g| {
            !g.unless.is_empty() && g.side == "parent" && hits.iter().any(|(id, _)| *id == g.id)
        });
        if other_kind {
            hits.retain(|(id, h)| !(h.own && self.is_class(id)));
        }
        Reading {
            hits,
            subject,
            directs,
            supervises,
            other_kind,
        }
    }
}

/// Whether a lead phrase of a group counts after a head's title.
fn counts_after_title(g: &super::Group, heads_own: bool) -> bool {
    !(heads_own && g.side == "parent")
}
