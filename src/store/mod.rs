//! Drafts that are never lost: a SQLite file (rusqlite, bundled SQLite) with versioned
//! migrations, WAL, foreign keys and a busy timeout; units, parent plans (with the original file),
//! drafts and their revisions — every saved state, so that undo and redo survive a restart and
//! any earlier version can be opened. Each save is one transaction.
mod drafts;
mod library;
pub mod migrations;

use crate::model::Plan;
use crate::model::{Decisions, UnitProfile};
use crate::nd30::Layout;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use migrations::SCHEMA_VERSION;

/// Where a draft's parent plan comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum ParentRef {
    /// A plan that ships with the app ("quan1-2024").
    Builtin(String),
    /// A plan the user imported (a row of `parent_plans`).
    Stored(#[cfg_attr(feature = "ts", ts(type = "number"))] i64),
}

/// What a draft holds: everything needed to rebuild the unit's plan, or a finished plan.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftState {
    pub title: String,
    pub parent: Option<ParentRef>,
    pub profile: Option<UnitProfile>,
    /// The unit-type preset id.
    pub preset: Option<String>,
    pub decisions: Decisions,
    pub layout: Layout,
    /// The wizard step the user was on.
    pub step: u32,
    /// A finished plan saved as it is (`kehoach drafts save PLAN.json`).
    pub plan: Option<Plan>,
}

/// A draft as listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub title: String,
    pub unit: String,
    pub created_at: String,
    pub updated_at: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub revisions: i64,
}

/// A draft opened: its current state and where it stands in its history.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub revision: i64,
    pub state: DraftState,
    pub can_undo: bool,
    pub can_redo: bool,
    pub updated_at: String,
}

/// One saved state, labelled with its time.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: i64,
    pub created_at: String,
    pub note: String,
}

/// A stored parent plan as listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParentPlanSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub title: String,
    pub file_name: Option<String>,
    pub created_at: String,
}

/// A stored unit as listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub unit_type: String,
    pub updated_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Tệp dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của Kế hoạch CCHC.")]
    Corrupt { path: String },
    #[error("Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của Kế hoạch CCHC (lược đồ {found}, phiên bản này đọc đến {supported}). Hãy cập nhật ứng dụng.")]
    Newer {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "Tệp dữ liệu đang được một cửa sổ Kế hoạch CCHC khác dùng; hãy đóng cửa sổ đó rồi thử lại."
    )]
    Busy,
    #[error("Không có bản nháp số {0}.")]
    NoDraft(i64),
    #[error("Không có kế hoạch cấp trên số {0}.")]
    NoParentPlan(i64),
    #[error("Không có đơn vị số {0}.")]
    NoUnit(i64),
    #[error("Không mở được tệp dữ liệu {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Sql(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sql(e.to_string()),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Sql(format!("dữ liệu JSON không đọc được: {e}"))
    }
}

/// The database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%d %H:%M:%S%.3f")
        .to_string()
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                path: dir.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let corrupt = || StoreError::Corrupt {
            path: path.display().to_string(),
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|_| corrupt())?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // The first read tells a database from anything else.
        let version: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
            Ok(v) => v,
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy)
                ) =>
            {
                return Err(StoreError::Busy)
            }
            Err(_) => return Err(corrupt()),
        };
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.display().to_string(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| match StoreError::from(e) {
                StoreError::Busy => StoreError::Busy,
                _ => corrupt(),
            })?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|_| corrupt())?;
        if ok != "ok" {
            return Err(corrupt());
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrations::migrate(&mut store.conn).map_err(|e| match e {
            StoreError::Sql(_) => corrupt(),
            other => other,
        })?;
        Ok(store)
    }

    /// Opens the database; when it is broken (not when it is newer or busy), moves the file aside
    /// — never overwriting anything — and starts a fresh one. Returns where the old file went.
    pub fn open_or_recover(path: &Path) -> Result<(Store, Option<PathBuf>), StoreError> {
        match Store::open(path) {
            Ok(s) => Ok((s, None)),
            Err(StoreError::Corrupt { .. }) => {
                let aside = move_aside(path)?;
                Ok((Store::open(path)?, Some(aside)))
            }
            Err(e) => Err(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check` answered "ok".
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(s == "ok")
    }

    // --- drafts -----------------------------------------------------------------------------

    /// A consistent copy of the whole database (SQLite's online backup), while it is in use.
    pub fn backup(&self, to: &Path) -> Result<(), StoreError> {
        if to.exists() {
            return Err(StoreError::Io {
                path: to.display().to_string(),
                reason: "tệp đã có, chọn tên khác để không ghi đè".into(),
            });
        }
        let mut dst = Connection::open(to).map_err(|e| StoreError::Io {
            path: to.display().to_string(),
            reason: e.to_string(),
        })?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dst)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
        Ok(())
    }
}

/// Moves a broken database (and its -wal/-shm files) to "<name>.hong-<time>", never over an
/// existing file.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("kehoach.db");
    let mut n = 0;
    let aside = loop {
        let candidate = path.with_file_name(if n == 0 {
            format!("{name}.hong-{stamp}")
        } else {
            format!("{name}.hong-{stamp}-{n}")
        });
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    let io = |e: std::io::Error| StoreError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::rename(path, &aside).map_err(io)?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{ext}", aside.display()));
        }
    }
    Ok(aside)
}

/// The database file the app and the CLI use by default: the OS's per-user data folder
/// (XDG on Linux, Application Support on macOS, %APPDATA% on Windows), as Tauri's app data dir.
pub fn default_path() -> PathBuf {
    const ID: &str = "vn.kehoach.cchc";
    let base = if cfg!(windows) {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
    };
    base.unwrap_or_else(std::env::temp_dir)
        .join(ID)
        .join("kehoach.db")
}
