//! Integration tests of tracking on the corpus.
//! One test binary per crate (see docs/architecture.md).
mod report;
mod track_corpus;
