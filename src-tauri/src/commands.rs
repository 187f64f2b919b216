//! Commands called by the UI through Tauri's bridge.
use serde::Serialize;

/// What the start screen shows about the app.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AppInfo {
    pub version: String,
}

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo {
        version: kehoach::VERSION.to_string(),
    }
}
