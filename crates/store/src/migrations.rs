//! Versioned schema migrations (`PRAGMA user_version`); each runs in one transaction. A database
//! at any earlier version is brought up to date on open.
use super::StoreError;
use rusqlite::Connection;

/// The migrations, in order; migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: units, parent plans, drafts and their revisions.
    "CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        unit_type TEXT NOT NULL DEFAULT '',
        profile TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE parent_plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        plan TEXT NOT NULL,
        file_name TEXT,
        original BLOB,
        created_at TEXT NOT NULL
    );
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        current_rev INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL
    );",
    // 2: the unit's name on the draft list, a note per revision, one revision per step.
    "ALTER TABLE drafts ADD COLUMN unit TEXT NOT NULL DEFAULT '';
    ALTER TABLE revisions ADD COLUMN note TEXT NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX revisions_draft_seq ON revisions(draft_id, seq);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations the database has not had yet.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Applies migrations up to `target` (tests build every earlier schema with it).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version >= target {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
