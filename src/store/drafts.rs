//! Drafts and their revisions: every saved state is a revision, so that undo and redo walk the
//! stored history and survive a restart; each save is one transaction.
use super::{now, Draft, DraftState, DraftSummary, Revision, Store, StoreError};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

impl Store {
    /// Creates a draft with its first revision; returns its id.
    pub fn create_draft(&mut self, state: &DraftState) -> Result<i64, StoreError> {
        let json = serde_json::to_string(state)?;
        let t = now();
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO drafts (title, unit, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![state.title, unit_name(state), t],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO revisions (draft_id, seq, created_at, state, note) VALUES (?1, 1, ?2, ?3, ?4)",
            params![id, t, json, "Tạo bản nháp"],
        )?;
        let rev = tx.last_insert_rowid();
        tx.execute(
            "UPDATE drafts SET current_rev = ?1 WHERE id = ?2",
            params![rev, id],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves a new state of a draft as a new revision (one transaction); returns the revision id.
    /// After an undo, the states that could have been redone are replaced by this one.
    pub fn save(&mut self, draft: i64, state: &DraftState, note: &str) -> Result<i64, StoreError> {
        self.save_on(draft, None, state, note)
    }

    /// Saves a state made from revision `base` (the one the window opened or last saved): when
    /// the draft has moved on since — another window saved, undid or redid — nothing is written
    /// and [`StoreError::Conflict`] says when it changed. `None` saves whatever the current
    /// revision is (the CLI).
    pub fn save_on(
        &mut self,
        draft: i64,
        base: Option<i64>,
        state: &DraftState,
        note: &str,
    ) -> Result<i64, StoreError> {
        let json = serde_json::to_string(state)?;
        let t = now();
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: Option<(i64, i64, String)> = tx
            .query_row(
                "SELECT r.seq, r.id, d.updated_at FROM drafts d JOIN revisions r ON r.id = d.current_rev WHERE d.id = ?1",
                [draft],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((seq, rev, updated_at)) = current else {
            return Err(StoreError::NoDraft(draft));
        };
        if base.is_some_and(|b| b != rev) {
            return Err(StoreError::Conflict {
                draft,
                at: updated_at.get(11..16).unwrap_or(&updated_at).to_string(),
            });
        }
        tx.execute(
            "DELETE FROM revisions WHERE draft_id = ?1 AND seq > ?2",
            params![draft, seq],
        )?;
        tx.execute(
            "INSERT INTO revisions (draft_id, seq, created_at, state, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![draft, seq + 1, t, json, note],
        )?;
        let rev = tx.last_insert_rowid();
        tx.execute(
            "UPDATE drafts SET current_rev = ?1, updated_at = ?2, title = ?3, unit = ?4 WHERE id = ?5",
            params![rev, t, state.title, unit_name(state), draft],
        )?;
        tx.commit()?;
        Ok(rev)
    }

    /// Opens a draft at its current revision.
    pub fn draft(&self, id: i64) -> Result<Draft, StoreError> {
        let row: Option<(i64, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT r.id, r.seq, r.state, d.updated_at FROM drafts d JOIN revisions r ON r.id = d.current_rev WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((rev, seq, json, updated_at)) = row else {
            return Err(StoreError::NoDraft(id));
        };
        let max: i64 = self.conn.query_row(
            "SELECT MAX(seq) FROM revisions WHERE draft_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        Ok(Draft {
            id,
            revision: rev,
            state: serde_json::from_str(&json)?,
            can_undo: seq > 1,
            can_redo: seq < max,
            updated_at,
        })
    }

    /// Steps back one revision (undo); `None` when there is nothing to undo.
    pub fn undo(&mut self, id: i64) -> Result<Option<Draft>, StoreError> {
        self.step(id, -1)
    }

    /// Steps forward one revision (redo); `None` when there is nothing to redo.
    pub fn redo(&mut self, id: i64) -> Result<Option<Draft>, StoreError> {
        self.step(id, 1)
    }

    fn step(&mut self, id: i64, by: i64) -> Result<Option<Draft>, StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq: Option<i64> = tx
            .query_row(
                "SELECT r.seq FROM drafts d JOIN revisions r ON r.id = d.current_rev WHERE d.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(seq) = seq else {
            return Err(StoreError::NoDraft(id));
        };
        let target: Option<i64> = tx
            .query_row(
                "SELECT id FROM revisions WHERE draft_id = ?1 AND seq = ?2",
                params![id, seq + by],
                |r| r.get(0),
            )
            .optional()?;
        let Some(target) = target else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE drafts SET current_rev = ?1 WHERE id = ?2",
            params![target, id],
        )?;
        tx.commit()?;
        self.draft(id).map(Some)
    }

    /// Every saved state of a draft, oldest first.
    pub fn revisions(&self, id: i64) -> Result<Vec<Revision>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, seq, created_at, note FROM revisions WHERE draft_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Revision {
                id: r.get(0)?,
                seq: r.get(1)?,
                created_at: r.get(2)?,
                note: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The state saved in one revision.
    pub fn revision_state(&self, revision: i64) -> Result<DraftState, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT state FROM revisions WHERE id = ?1",
                [revision],
                |r| r.get(0),
            )
            .optional()?;
        let json = json.ok_or(StoreError::Sql(format!("không có phiên bản số {revision}")))?;
        Ok(serde_json::from_str(&json)?)
    }

    /// Whether a revision is stored.
    pub fn has_revision(&self, revision: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM revisions WHERE id = ?1", [revision], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    /// Drafts, most recently changed first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.title, d.unit, d.created_at, d.updated_at, (SELECT COUNT(*) FROM revisions r WHERE r.draft_id = d.id)
             FROM drafts d ORDER BY d.updated_at DESC, d.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DraftSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                unit: r.get(2)?,
                created_at: r.get(3)?,
                updated_at: r.get(4)?,
                revisions: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a draft and its revisions.
    pub fn delete_draft(&mut self, id: i64) -> Result<(), StoreError> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoDraft(id));
        }
        Ok(())
    }

    // --- parent plans and units -------------------------------------------------------------
}

fn unit_name(state: &DraftState) -> String {
    state
        .profile
        .as_ref()
        .map(|p| p.name.clone())
        .or_else(|| state.plan.as_ref().map(|p| p.header.issuer.clone()))
        .unwrap_or_default()
}
