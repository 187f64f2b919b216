//! The desktop shell of Kế hoạch CCHC: window, commands, capabilities. No business logic: every
//! command is a thin call into the `kehoach` core crate.
pub mod bindings;
pub mod commands;
mod dialogs;
pub mod error;
pub mod facts;
pub mod state;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;
use tauri::{Builder, Manager, Runtime};

/// When the process started (for the start-to-first-paint benchmark).
static STARTED: OnceLock<Instant> = OnceLock::new();

/// Called by the UI once its first frame is painted. With KEHOACH_BENCH_FIRST_PAINT set
/// (benches/compare.sh), prints the milliseconds since start and quits.
#[tauri::command]
fn first_paint<R: Runtime>(app: tauri::AppHandle<R>) {
    if std::env::var_os("KEHOACH_BENCH_FIRST_PAINT").is_some() {
        let ms = STARTED
            .get()
            .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
        println!("first-paint-ms {ms:.1}");
        app.exit(0);
    }
}

/// Set once the user asked to close the window: the UI saves what is pending, then quits.
static CLOSING: AtomicBool = AtomicBool::new(false);

/// The UI has saved everything: quit.
#[tauri::command]
fn quit<R: Runtime>(app: tauri::AppHandle<R>) {
    app.exit(0);
}

/// The data folder: KEHOACH_DATA_DIR when set (tests), else the OS's app data folder.
fn data_dir<R: Runtime, M: Manager<R>>(app: &M) -> std::path::PathBuf {
    std::env::var_os("KEHOACH_DATA_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| app.path().app_data_dir().ok())
        .unwrap_or_else(|| std::env::temp_dir().join("vn.kehoach.cchc"))
}

/// Opens the draft store in the data folder and hands it to the commands (run at start-up).
pub fn init<R: Runtime, M: Manager<R>>(app: &M) -> Result<(), String> {
    // Never fails: a data file that cannot be opened is shown in the window, not a crash.
    app.manage(state::AppState::open(data_dir(app)));
    Ok(())
}

/// The app's builder, generic over the runtime so that tests can use the mock runtime.
pub fn builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| Ok(init(app)?))
        .on_window_event(|window, event| {
            // Nothing typed is lost on close: ask the UI to save first (it then calls `quit`);
            // if it does not answer within 3 s, close anyway.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if !CLOSING.swap(true, Ordering::SeqCst) {
                    api.prevent_close();
                    let _ = tauri::Emitter::emit(window, "kehoach://close-requested", ());
                    let app = window.app_handle().clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        app.exit(0);
                    });
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_drafts,
            commands::list_units,
            commands::get_unit,
            commands::list_parent_plans,
            commands::parent_plan,
            commands::import_parent,
            commands::new_draft,
            commands::next_year_draft,
            commands::open_draft,
            commands::save_draft,
            commands::undo,
            commands::redo,
            commands::delete_draft,
            commands::render,
            commands::export_docx,
            commands::export_pdf,
            commands::print,
            commands::track,
            commands::track_task,
            commands::export_report,
            commands::show_in_folder,
            first_paint,
            quit,
        ])
}

/// Starts the desktop app.
pub fn run() {
    STARTED.get_or_init(Instant::now);
    builder::<tauri::Wry>()
        .run(tauri::generate_context!())
        .expect("không khởi động được ứng dụng Kế hoạch CCHC");
}
