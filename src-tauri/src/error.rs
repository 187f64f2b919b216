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
        let reason = kehoach::import::io_reason(&e);
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

macro_rules! from_core {
    ($($code:literal => $t:ty),* $(,)?) => {$(
        impl From<$t> for AppError {
            fn from(e: $t) -> Self {
                AppError::new($code, e.to_string())
            }
        }
    )*};
}

from_core! {
    "import" => kehoach::import::ImportError,
    "export" => kehoach::export::ExportError,
    "adapt" => kehoach::adapt::AdaptError,
    "preset" => kehoach::adapt::PresetError,
    "profile" => kehoach::model::ProfileError,
}

impl From<kehoach::store::StoreError> for AppError {
    fn from(e: kehoach::store::StoreError) -> Self {
        use kehoach::store::StoreError as S;
        let code = match e {
            S::Conflict { .. } => "conflict",
            S::ReadOnly(_) => "read-only",
            _ => "store",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<kehoach::app::Error> for AppError {
    fn from(e: kehoach::app::Error) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}
