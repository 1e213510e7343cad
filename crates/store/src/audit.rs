//! The misalignment audit in the workspace file: the strategy (one JSON
//! value in `meta`) and each update's audit (one JSON document per
//! update), both checked by the core when written and when read back.

use rusqlite::{params, OptionalExtension};
use throughline_core::audit::{Strategy, UpdateAudit};
use throughline_core::UpdateId;

use crate::{StoreError, Workspace};

const STRATEGY_KEY: &str = "strategy";

impl Workspace {
    /// The workspace's strategy; empty (with the default horizon bands)
    /// until one is saved.
    pub fn strategy(&self) -> Result<Strategy, StoreError> {
        let Some(json) = self.meta(STRATEGY_KEY)? else {
            return Ok(Strategy::default());
        };
        let strategy: Strategy = serde_json::from_str(&json)
            .map_err(|err| StoreError::Corrupt(format!("the strategy: {err}")))?;
        strategy
            .validate()
            .map_err(|err| StoreError::Corrupt(format!("the strategy: {err}")))?;
        Ok(strategy)
    }

    pub fn save_strategy(&self, strategy: &Strategy) -> Result<(), StoreError> {
        strategy.validate()?;
        let json =
            serde_json::to_string(strategy).map_err(|err| StoreError::Corrupt(err.to_string()))?;
        self.set_meta(STRATEGY_KEY, &json)
    }

    /// An update's audit; empty until one is saved.
    pub fn update_audit(&self, id: UpdateId) -> Result<UpdateAudit, StoreError> {
        self.get_update(id)?;
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM update_audits WHERE update_id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(json) = json else {
            return Ok(UpdateAudit::default());
        };
        let audit: UpdateAudit = serde_json::from_str(&json)
            .map_err(|err| StoreError::Corrupt(format!("the audit of update {id}: {err}")))?;
        audit
            .validate()
            .map_err(|err| StoreError::Corrupt(format!("the audit of update {id}: {err}")))?;
        Ok(audit)
    }

    pub fn save_update_audit(
        &self,
        id: UpdateId,
        audit: &UpdateAudit,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        audit.validate()?;
        self.get_update(id)?;
        let json =
            serde_json::to_string(audit).map_err(|err| StoreError::Corrupt(err.to_string()))?;
        self.conn.execute(
            "INSERT INTO update_audits (update_id, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (update_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![id, json, now_ms],
        )?;
        Ok(())
    }
}
