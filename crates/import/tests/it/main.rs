//! Integration tests of the readers: the corpus of parent plans in every form, the built-in plan, forms and limits.
//! One test binary per crate (see docs/architecture.md).
mod corpus;
mod import;
mod limits;
mod shapes;
mod word_shows;
