//! Readers of other people's code (docx-rs, lopdf) may panic on a damaged file: the panic is
//! caught and becomes the file's message. Rust's default panic hook would still print its English
//! "thread … panicked at …" line on the terminal before that message; inside a guarded read it
//! prints nothing. A panic anywhere else still reaches the hook that was there before.
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Runs `f`, a call into a reader that may panic on a damaged file; a panic is returned as an
/// error, silently.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let outer = GUARDED.with(|g| g.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(outer));
    result
}
