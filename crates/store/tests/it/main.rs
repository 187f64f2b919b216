//! Integration tests of the store on real SQLite files in temporary folders.
//! One test binary per crate (see docs/architecture.md).
mod crash;
mod store;
