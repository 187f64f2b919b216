//! Tests of the desktop shell: the generated UI files match Rust, and the commands answer through
//! Tauri's real IPC layer. One test binary (see docs/architecture.md).
mod bindings;
mod commands;
mod facts;
mod ipc;
