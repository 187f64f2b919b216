//! What the user keeps besides drafts: the parent plans they imported (with the original file)
//! and the units they described (reused next year).
use super::{now, ParentPlanSummary, Store, StoreError, UnitSummary};
use kehoach_model::{Plan, UnitProfile};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Stores an imported parent plan with the original file; returns its id.
    pub fn save_parent_plan(
        &mut self,
        plan: &Plan,
        file: Option<(&str, &[u8])>,
    ) -> Result<i64, StoreError> {
        self.writable()?;
        let title = plan.list_title();
        self.conn.execute(
            "INSERT INTO parent_plans (title, plan, file_name, original, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![title, serde_json::to_string(plan)?, file.map(|f| f.0), file.map(|f| f.1), now()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn parent_plans(&self) -> Result<Vec<ParentPlanSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, file_name, created_at FROM parent_plans ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ParentPlanSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                file_name: r.get(2)?,
                created_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn parent_plan(&self, id: i64) -> Result<Plan, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT plan FROM parent_plans WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(serde_json::from_str(
            &json.ok_or(StoreError::NoParentPlan(id))?,
        )?)
    }

    /// The original file of a stored parent plan, as the user gave it.
    pub fn parent_plan_original(&self, id: i64) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row: Option<(Option<String>, Option<Vec<u8>>)> = self
            .conn
            .query_row(
                "SELECT file_name, original FROM parent_plans WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (name, bytes) = row.ok_or(StoreError::NoParentPlan(id))?;
        Ok(name.zip(bytes))
    }

    /// Saves a unit profile (by name: the same unit next year updates its row); returns its id.
    pub fn save_unit(&mut self, profile: &UnitProfile) -> Result<i64, StoreError> {
        self.writable()?;
        let json = serde_json::to_string(profile)?;
        self.conn.execute(
            "INSERT INTO units (name, unit_type, profile, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET unit_type = excluded.unit_type, profile = excluded.profile, updated_at = excluded.updated_at",
            params![profile.name.trim(), profile.unit_type, json, now()],
        )?;
        Ok(self.conn.query_row(
            "SELECT id FROM units WHERE name = ?1",
            [profile.name.trim()],
            |r| r.get(0),
        )?)
    }

    pub fn units(&self) -> Result<Vec<UnitSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, unit_type, updated_at FROM units ORDER BY updated_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UnitSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                unit_type: r.get(2)?,
                updated_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn unit(&self, id: i64) -> Result<UnitProfile, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT profile FROM units WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(serde_json::from_str(&json.ok_or(StoreError::NoUnit(id))?)?)
    }
}
