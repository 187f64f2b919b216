//! The one error type every command returns: a code for the UI's logic and a Vietnamese message
//! for the user.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError {
            code: code.into(),
            message: message.into(),
        }
    }

    pub fn io(path: &std::path::Path, e: std::io::Error) -> Self {
        let reason = kehoach::app::io_reason(&e);
        AppError::new(
            "io",
            format!("Không đọc hoặc ghi được tệp {}: {reason}", path.display()),
        )
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every error of the core becomes the facade's, whose code the UI reads (one mapping, in
/// `kehoach::app::Error::code`).
macro_rules! from_core {
    ($($t:ty),* $(,)?) => {$(
        impl From<$t> for AppError {
            fn from(e: $t) -> Self {
                kehoach::app::Error::from(e).into()
            }
        }
    )*};
}

from_core! {
    kehoach::import::ImportError,
    kehoach::export::ExportError,
    kehoach::adapt::AdaptError,
    kehoach::adapt::PresetError,
    kehoach::model::ProfileError,
    kehoach::store::StoreError,
}

impl From<kehoach::app::Error> for AppError {
    fn from(e: kehoach::app::Error) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}
