//! Integration tests of the checker: planted faults in real documents, adapted plans of the corpus.
//! One test binary per crate (see docs/architecture.md).
mod check_adapted;
mod check_documents;
mod facts;
mod lint;
mod producers;
