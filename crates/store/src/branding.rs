//! The workspace's branding (one row) and each update's silenced coach rules.

use rusqlite::params;
use throughline_core::{BrandingSettings, UpdateId};

use crate::{StoreError, Workspace};

/// A stored logo is checked as one being added is (its declared size, a
/// full bounded decode); one that fails is left out of every slide, and the
/// settings panel offers to replace it, rather than stopping the workspace.
fn without_bad_logo(settings: BrandingSettings) -> BrandingSettings {
    match settings
        .logo
        .as_deref()
        .map(throughline_core::branding::check_logo)
    {
        Some(Err(_)) => BrandingSettings {
            logo: None,
            ..settings
        },
        _ => settings,
    }
}

impl Workspace {
    pub fn branding(&self) -> Result<BrandingSettings, StoreError> {
        let row = self.conn.query_row(
            "SELECT accent, footer_label, logo, beat_names, significance_note FROM branding WHERE id = 1",
            [],
            |row| {
                Ok(BrandingSettings {
                    accent: row.get(0)?,
                    footer_label: row.get(1)?,
                    logo: row.get(2)?,
                    beat_names: row.get(3)?,
                    significance_note: row.get(4)?,
                })
            },
        );
        match row {
            Ok(settings) => Ok(without_bad_logo(settings)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(BrandingSettings::default()),
            Err(err) => Err(err.into()),
        }
    }

    /// Why the stored logo is left out of every slide, when it is: the
    /// reason [`throughline_core::branding::check_logo`] gives.
    pub fn stored_logo_problem(&self) -> Result<Option<String>, StoreError> {
        let logo: Option<Option<Vec<u8>>> =
            match self
                .conn
                .query_row("SELECT logo FROM branding WHERE id = 1", [], |row| {
                    row.get(0)
                }) {
                Ok(logo) => Some(logo),
                Err(rusqlite::Error::QueryReturnedNoRows) => None,
                Err(err) => return Err(err.into()),
            };
        Ok(logo
            .flatten()
            .and_then(|bytes| throughline_core::branding::check_logo(&bytes).err())
            .map(|err| err.to_string()))
    }

    /// Stores the branding after checking it; returns what was stored.
    pub fn save_branding(
        &self,
        settings: BrandingSettings,
    ) -> Result<BrandingSettings, StoreError> {
        let settings = settings.normalized()?;
        self.conn.execute(
            "INSERT INTO branding (id, accent, footer_label, logo, beat_names, significance_note)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET accent = excluded.accent,
                 footer_label = excluded.footer_label, logo = excluded.logo,
                 beat_names = excluded.beat_names,
                 significance_note = excluded.significance_note",
            params![
                settings.accent,
                settings.footer_label,
                settings.logo,
                settings.beat_names,
                settings.significance_note
            ],
        )?;
        Ok(settings)
    }

    /// The coach rules silenced for one update, sorted.
    pub fn silenced_rules(&self, id: UpdateId) -> Result<Vec<String>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT silenced_rules FROM updates WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |row| row.get(0),
            )
            .map(Some)
            .or_else(|err| match err {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                err => Err(err),
            })?;
        let json = json.ok_or(StoreError::UpdateNotFound(id))?;
        serde_json::from_str(&json)
            .map_err(|err| StoreError::Corrupt(format!("silenced rules of update {id}: {err}")))
    }

    pub fn set_silenced_rules(
        &self,
        id: UpdateId,
        rules: &[String],
    ) -> Result<Vec<String>, StoreError> {
        let mut rules: Vec<String> = rules
            .iter()
            .map(|rule| rule.trim().to_owned())
            .filter(|rule| !rule.is_empty())
            .collect();
        rules.sort();
        rules.dedup();
        let json = serde_json::to_string(&rules)
            .map_err(|err| StoreError::Corrupt(format!("silenced rules: {err}")))?;
        let changed = self.conn.execute(
            "UPDATE updates SET silenced_rules = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, json],
        )?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(id));
        }
        Ok(rules)
    }
}
