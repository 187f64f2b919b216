//! The desktop shell of Kế hoạch CCHC: window, commands, capabilities. No business logic:
//! every command is a thin call into the `kehoach` core crate.
pub mod commands;

use tauri::{Builder, Runtime};

/// The app's builder, generic over the runtime so that tests can use the mock runtime.
pub fn builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new().invoke_handler(tauri::generate_handler![commands::app_info])
}

/// Starts the desktop app.
pub fn run() {
    builder::<tauri::Wry>()
        .run(tauri::generate_context!())
        .expect("không khởi động được ứng dụng Kế hoạch CCHC");
}
