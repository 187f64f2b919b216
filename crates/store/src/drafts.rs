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
            params![state.shown_title(), unit_name(state), t],
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
            params![rev, t, state.shown_title(), unit_name(state), draft],
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
        let state: DraftState = serde_json::from_str(&json)?;
        Ok(Draft {
            id,
            revision: rev,
            can_undo: self.neighbour(id, seq, &state, -1)?.is_some(),
            can_redo: self.neighbour(id, seq, &state, 1)?.is_some(),
            state,
            updated_at,
            change: None,
            change_step: None,
            change_in_tracking: false,
        })
    }

    /// Takes back the last change of content (undo); `None` when there is nothing to undo.
    /// Moving between the wizard's steps is not a change: undo skips it, and the draft stays on
    /// the step the user is on.
    pub fn undo(&mut self, id: i64) -> Result<Option<Draft>, StoreError> {
        self.step(id, -1, None)
    }

    /// Makes the last undone change again (redo); `None` when there is nothing to redo.
    pub fn redo(&mut self, id: i64) -> Result<Option<Draft>, StoreError> {
        self.step(id, 1, None)
    }

    /// Undo, or redo (`by` = 1), for a window on wizard step `on` (stored with the state only
    /// at the next save): the draft it returns is on that step.
    pub fn undo_on(&mut self, id: i64, by: i64, on: u32) -> Result<Option<Draft>, StoreError> {
        self.step(id, by.signum(), Some(on))
    }

    fn step(&mut self, id: i64, by: i64, on: Option<u32>) -> Result<Option<Draft>, StoreError> {
        self.writable()?;
        let current = self.draft(id)?;
        let seq: i64 = self.conn.query_row(
            "SELECT seq FROM revisions WHERE id = ?1",
            [current.revision],
            |r| r.get(0),
        )?;
        let Some(to) = self.neighbour(id, seq, &current.state, by)? else {
            return Ok(None);
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE drafts SET current_rev = ?1, title = ?2, unit = ?3 WHERE id = ?4 AND current_rev = ?5",
            params![to.id, to.state.shown_title(), unit_name(&to.state), id, current.revision],
        )?;
        if changed == 0 {
            // Another window saved in between: its state is the one to open.
            drop(tx);
            let at: String =
                self.conn
                    .query_row("SELECT updated_at FROM drafts WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
            return Err(StoreError::Conflict {
                draft: id,
                at: at.get(11..16).unwrap_or(&at).to_string(),
            });
        }
        tx.commit()?;
        let mut draft = self.draft(id)?;
        // The user stays where they are; only the content goes back or forward.
        draft.state.step = on.unwrap_or(current.state.step);
        draft.change = Some(to.change);
        draft.change_step = Some(to.made_on);
        draft.change_in_tracking = to.in_tracking;
        Ok(Some(draft))
    }

    /// The nearest revision before (`by` = -1) or after (`by` = 1) revision `seq` whose content
    /// differs from `state`'s, and the change between them (its note).
    fn neighbour(
        &self,
        id: i64,
        seq: i64,
        state: &DraftState,
        by: i64,
    ) -> Result<Option<Neighbour>, StoreError> {
        let sql = if by < 0 {
            "SELECT id, state, note FROM revisions WHERE draft_id = ?1 AND seq < ?2 ORDER BY seq DESC"
        } else {
            "SELECT id, state, note FROM revisions WHERE draft_id = ?1 AND seq > ?2 ORDER BY seq"
        };
        // Going back, the change undone is the one made by the revision after the target.
        let mut later_note: String = if by < 0 {
            self.conn
                .query_row(
                    "SELECT note FROM revisions WHERE draft_id = ?1 AND seq = ?2",
                    params![id, seq],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default()
        } else {
            String::new()
        };
        let content = state.content();
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query(params![id, seq])?;
        // Going back, the change undone was saved with the state after it (its step is where
        // the user made it); going forward, with the state it makes.
        let mut later = state.clone();
        while let Some(row) = rows.next()? {
            let (rev, json, note): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let other: DraftState = serde_json::from_str(&json)?;
            if other.content() != content {
                let (change, made) = if by < 0 {
                    (later_note, &later)
                } else {
                    (note, &other)
                };
                return Ok(Some(Neighbour {
                    id: rev,
                    made_on: made.step,
                    in_tracking: only_tracking(state, &other),
                    state: other,
                    change,
                }));
            }
            later_note = note;
            later = other;
        }
        Ok(None)
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
            let title: String = r.get(1)?;
            Ok(DraftSummary {
                id: r.get(0)?,
                year: kehoach_model::year_in(&title),
                title,
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

/// A revision undo or redo goes to.
struct Neighbour {
    id: i64,
    state: DraftState,
    /// The note of the change between it and the current revision.
    change: String,
    /// The wizard step that change was made on.
    made_on: u32,
    /// Whether it changed only the tracking (made on the tracking screen).
    in_tracking: bool,
}

/// Whether two states differ only in what the tracking screen records.
fn only_tracking(a: &DraftState, b: &DraftState) -> bool {
    let without = |s: &DraftState| DraftState {
        tracking: Default::default(),
        ..s.content()
    };
    a.tracking != b.tracking && without(a) == without(b)
}

fn unit_name(state: &DraftState) -> String {
    state
        .profile
        .as_ref()
        .map(|p| p.name.clone())
        .or_else(|| state.plan.as_ref().map(|p| p.header.issuer.clone()))
        .unwrap_or_default()
}
