//! Drafts that are never lost: a SQLite file (rusqlite, bundled SQLite) with versioned
//! migrations, WAL, foreign keys and a busy timeout; units, parent plans (with the original file),
//! drafts and their revisions — every saved state, so that undo and redo survive a restart and
//! any earlier version can be opened. Each save is one transaction.
mod drafts;
mod error;
mod library;
pub mod migrations;
mod state;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

use error::opening;
pub use error::StoreError;
pub use migrations::SCHEMA_VERSION;
pub use state::{
    Draft, DraftState, DraftSummary, ParentPlanSummary, ParentRef, Revision, UnitSummary,
};

/// The database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

/// What happened on opening that the user must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// The file was damaged: it was moved to `aside`, and `rescued` drafts were copied out of it.
    Recovered { aside: PathBuf, rescued: usize },
    /// The file cannot be written (`reason`): it is open for reading only.
    ReadOnly { reason: String },
}

/// A path as the path of a `file:` URI (percent-encoding what a URI reserves).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    // A Windows drive ("C:\\…") is written "/C:/…".
    if path.to_string_lossy().as_bytes().get(1) == Some(&b':') {
        out.push('/');
    }
    for b in path.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' | b' ' => out.push_str(&format!("%{b:02X}")),
            b'\\' => out.push('/'),
            0x80.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out
}

fn now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%d %H:%M:%S%.3f")
        .to_string()
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date. Only a file
    /// that is not a database, or one SQLite finds damaged, is [`StoreError::Corrupt`]; a file
    /// that cannot be opened or written (full disk, read-only folder, no permission) is
    /// [`StoreError::Unavailable`], a newer one [`StoreError::Newer`], a locked one
    /// [`StoreError::Busy`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Unavailable(format!(
                    "{} ({})",
                    kehoach_text::io_reason(&e),
                    dir.display()
                ))
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| opening(path, e))?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(|e| opening(path, e))?;
        let version = Self::version(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| opening(path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| opening(path, e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| opening(path, e))?;
        Self::checked(&conn, path)?;
        if version == SCHEMA_VERSION {
            // One write nobody sees (the version it already has): a file that cannot be written
            // is found now and opened read-only, not at the user's first save.
            conn.pragma_update(None, "user_version", version)
                .map_err(|e| opening(path, e))?;
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        };
        if version < SCHEMA_VERSION {
            migrations::migrate(&mut store.conn).map_err(|e| match e {
                StoreError::Sql(_) => StoreError::Corrupt {
                    path: path.display().to_string(),
                },
                other => other,
            })?;
        }
        Ok(store)
    }

    /// Opens an existing database for reading only (a full disk, a read-only folder): drafts can
    /// be seen and exported, not saved. Its schema must be this build's or older.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Unavailable(format!(
                "không có tệp {}",
                path.display()
            )));
        }
        // immutable: no -shm or -wal is created next to a file in a folder that cannot be
        // written (what is in a -wal left there is not seen).
        let uri = format!("file:{}?mode=ro&immutable=1", uri_path(path));
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| opening(path, e))?;
        Self::version(&conn, path)?;
        Self::checked(&conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }

    /// The schema version, telling a database from anything else, and refusing a newer one.
    fn version(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| opening(path, e))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.display().to_string(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(version)
    }

    /// SQLite's quick check of every page.
    fn checked(conn: &Connection, path: &Path) -> Result<(), StoreError> {
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| opening(path, e))?;
        if ok != "ok" {
            return Err(StoreError::Corrupt {
                path: path.display().to_string(),
            });
        }
        Ok(())
    }

    /// Opens the database, and what the user must be told about it:
    /// - damaged (not when it cannot be opened, is newer or busy): what can still be read is
    ///   copied into a fresh file, the damaged one moved aside — never overwriting anything;
    /// - cannot be written (full disk, read-only folder): opened read-only when it exists.
    pub fn open_or_recover(path: &Path) -> Result<(Store, Option<Opened>), StoreError> {
        match Store::open(path) {
            Ok(s) => Ok((s, None)),
            Err(StoreError::Corrupt { .. }) => {
                let aside = move_aside(path)?;
                let mut store = Store::open(path)?;
                let rescued = store.rescue_from(&aside);
                Ok((store, Some(Opened::Recovered { aside, rescued })))
            }
            Err(StoreError::Unavailable(reason)) if path.exists() => {
                match Store::open_read_only(path) {
                    Ok(store) => Ok((store, Some(Opened::ReadOnly { reason }))),
                    Err(_) => Err(StoreError::Unavailable(reason)),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Copies what can still be read from a damaged database (units, parent plans, drafts with
    /// their revisions), row by row, skipping what cannot be read. Returns the number of drafts
    /// rescued.
    fn rescue_from(&mut self, damaged: &Path) -> usize {
        let Ok(old) = Connection::open_with_flags(
            format!("file:{}?mode=ro&immutable=1", uri_path(damaged)),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        ) else {
            return 0;
        };
        let tables: [(&str, &str); 4] = [
            ("units", "id, name, unit_type, profile, updated_at"),
            (
                "parent_plans",
                "id, title, plan, file_name, original, created_at",
            ),
            ("drafts", "id, title, current_rev, created_at, updated_at"),
            ("revisions", "id, draft_id, seq, created_at, state"),
        ];
        let _ = self.conn.pragma_update(None, "foreign_keys", "OFF");
        for (table, cols) in tables {
            let n = cols.split(',').count();
            let max: i64 = old
                .query_row(&format!("SELECT MAX(rowid) FROM {table}"), [], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .ok()
                .flatten()
                .unwrap_or(0);
            let select = format!("SELECT {cols} FROM {table} WHERE rowid = ?1");
            let insert = format!(
                "INSERT OR IGNORE INTO {table} ({cols}) VALUES ({})",
                vec!["?"; n].join(", ")
            );
            for rowid in 1..=max.min(1_000_000) {
                let row: Result<Vec<rusqlite::types::Value>, _> =
                    old.query_row(&select, [rowid], |r| {
                        (0..n)
                            .map(|i| r.get::<_, rusqlite::types::Value>(i))
                            .collect()
                    });
                if let Ok(values) = row {
                    let _ = self
                        .conn
                        .execute(&insert, rusqlite::params_from_iter(values));
                }
            }
        }
        // A draft whose current revision was lost opens at its last readable one.
        let _ = self.conn.execute_batch(
            "UPDATE drafts SET current_rev = (SELECT MAX(r.id) FROM revisions r WHERE r.draft_id = drafts.id)
               WHERE current_rev IS NULL OR current_rev NOT IN (SELECT id FROM revisions);
             DELETE FROM drafts WHERE current_rev IS NULL;",
        );
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
        self.conn
            .query_row("SELECT COUNT(*) FROM drafts", [], |r| r.get::<_, i64>(0))
            .map_or(0, |n| n as usize)
    }

    /// Whether saves are refused (the database was opened read-only).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses a write on a read-only database, in words.
    fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(
                "ổ đĩa đầy hoặc thư mục không cho ghi".into(),
            ));
        }
        Ok(())
    }

    /// Replaces the whole database with a backup made by [`Store::backup`] (SQLite's online
    /// backup into the open file, so that its -wal is rewritten with it: a file copied over the
    /// database next to an old -wal would be replayed into a damaged one).
    pub fn restore(&mut self, from: &Path) -> Result<(), StoreError> {
        self.writable()?;
        let src = Store::open_read_only(from)?;
        {
            let backup = rusqlite::backup::Backup::new(&src.conn, &mut self.conn)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        migrations::migrate(&mut self.conn)?;
        Ok(())
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
        let mut dst = Connection::open(to).map_err(|e| opening(to, e))?;
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
        reason: kehoach_text::io_reason(&e),
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
