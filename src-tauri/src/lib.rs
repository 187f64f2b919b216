//! The desktop shell of Kế hoạch CCHC: window, commands, capabilities. No business logic: every
//! command is a thin call into the `kehoach` core crate.
pub mod bindings;
pub mod commands;
mod dialogs;
pub mod error;
pub mod state;

use tauri::{Builder, Manager, Runtime};

/// The data folder: KEHOACH_DATA_DIR when set (tests), else the OS's app data folder.
fn data_dir<R: Runtime, M: Manager<R>>(app: &M) -> std::path::PathBuf {
    std::env::var_os("KEHOACH_DATA_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| app.path().app_data_dir().ok())
        .unwrap_or_else(|| std::env::temp_dir().join("vn.kehoach.cchc"))
}

/// Opens the draft store in the data folder and hands it to the commands (run at start-up).
pub fn init<R: Runtime, M: Manager<R>>(app: &M) -> Result<(), String> {
    let state = state::AppState::open(data_dir(app)).map_err(|e| e.message)?;
    app.manage(state);
    Ok(())
}

/// The app's builder, generic over the runtime so that tests can use the mock runtime.
pub fn builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| Ok(init(app)?))
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_drafts,
            commands::list_units,
            commands::get_unit,
            commands::list_parent_plans,
            commands::parent_plan,
            commands::import_parent,
            commands::new_draft,
            commands::open_draft,
            commands::save_draft,
            commands::undo,
            commands::redo,
            commands::delete_draft,
            commands::render,
            commands::export_docx,
            commands::export_pdf,
            commands::print,
        ])
}

/// Starts the desktop app.
pub fn run() {
    builder::<tauri::Wry>()
        .run(tauri::generate_context!())
        .expect("không khởi động được ứng dụng Kế hoạch CCHC");
}
