//! The parent body as the unit plan sees it: its own scope (territory, subordinate units,
//! organs) learned from the parent plan, so that the adaptation proposes cutting it and the
//! checker reports what is left. One place for the parent's scope, used by `adapt` and `lint`.
pub mod profile;
pub mod scope;

pub use profile::{after_place, place_of, Level, ParentProfile};
pub use scope::{learn, occurrences, of_unit_plan};
