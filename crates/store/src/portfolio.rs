//! The portfolio in the workspace file: initiatives (JSON, checked when
//! read back), their readings, and the portfolio's settings.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use throughline_core::journal::Reading;
use throughline_core::portfolio::{Initiative, PortfolioSettings};
use throughline_core::CoreError;
use ts_rs::TS;

use crate::connection::write_transaction;
use crate::{StoreError, Workspace};

pub type InitiativeId = i64;

const SETTINGS_KEY: &str = "portfolio_settings";

/// An initiative as stored, with its id.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredInitiative {
    #[ts(type = "number")]
    pub id: InitiativeId,
    pub initiative: Initiative,
}

fn invalid(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(CoreError::InvalidPortfolio(message.into()))
}

fn from_json(json: &str, what: &str) -> Result<Initiative, StoreError> {
    let initiative: Initiative =
        serde_json::from_str(json).map_err(|err| StoreError::Corrupt(format!("{what}: {err}")))?;
    initiative
        .validate()
        .map_err(|err| StoreError::Corrupt(format!("{what}: {err}")))?;
    Ok(initiative)
}

impl Workspace {
    /// The initiatives alone, in the listing's order (without their ids).
    pub fn initiatives(&self) -> Result<Vec<Initiative>, StoreError> {
        Ok(self
            .list_initiatives()?
            .into_iter()
            .map(|stored| stored.initiative)
            .collect())
    }

    /// Every initiative, in the order they were added.
    pub fn list_initiatives(&self) -> Result<Vec<StoredInitiative>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, body FROM initiatives ORDER BY id")?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, body) = row?;
            out.push(StoredInitiative {
                id,
                initiative: from_json(&body, &format!("initiative {id}"))?,
            });
        }
        Ok(out)
    }

    /// Adds initiatives: all of them, or none (a name already taken is
    /// refused by name).
    pub fn add_initiatives(
        &self,
        initiatives: &[Initiative],
        now_ms: i64,
    ) -> Result<Vec<InitiativeId>, StoreError> {
        let tx = write_transaction(&self.conn)?;
        let mut ids = Vec::with_capacity(initiatives.len());
        for initiative in initiatives {
            initiative.validate()?;
            self.refuse_taken_name(&initiative.name, None)?;
            self.conn.execute(
                "INSERT INTO initiatives (name, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![initiative.name.trim(), to_json(initiative)?, now_ms],
            )?;
            ids.push(self.conn.last_insert_rowid());
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Replaces one initiative.
    pub fn save_initiative(
        &self,
        id: InitiativeId,
        initiative: &Initiative,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        initiative.validate()?;
        let tx = write_transaction(&self.conn)?;
        self.refuse_taken_name(&initiative.name, Some(id))?;
        let changed = self.conn.execute(
            "UPDATE initiatives SET name = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, initiative.name.trim(), to_json(initiative)?, now_ms],
        )?;
        if changed == 0 {
            return Err(invalid(format!("there is no initiative {id}")));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_initiative(&self, id: InitiativeId) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM initiatives WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(invalid(format!("there is no initiative {id}")));
        }
        Ok(())
    }

    fn refuse_taken_name(
        &self,
        name: &str,
        except: Option<InitiativeId>,
    ) -> Result<(), StoreError> {
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM initiatives WHERE lower(name) = lower(?1)",
                [name.trim()],
                |row| row.get(0),
            )
            .optional()?;
        match taken {
            Some(id) if Some(id) != except => Err(invalid(format!(
                "there is already an initiative called “{}”",
                name.trim()
            ))),
            _ => Ok(()),
        }
    }

    /// The initiative named `name` (ignoring case), with its id.
    pub fn initiative_named(&self, name: &str) -> Result<StoredInitiative, StoreError> {
        self.list_initiatives()?
            .into_iter()
            .find(|s| s.initiative.name.trim().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| invalid(format!("there is no initiative called “{}”", name.trim())))
    }

    /// Stores readings of an initiative's gate and stopping-rule metrics:
    /// all of them, or none (a metric already read on a date is refused).
    pub fn add_initiative_readings(
        &self,
        id: InitiativeId,
        readings: &[Reading],
    ) -> Result<usize, StoreError> {
        let tx = write_transaction(&self.conn)?;
        for reading in readings {
            if !reading.value.is_finite() {
                return Err(invalid("a reading must be a number"));
            }
            let inserted = self.conn.execute(
                "INSERT OR IGNORE INTO initiative_readings (initiative_id, metric, date, value)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    id,
                    reading.metric.trim(),
                    reading.date.to_string(),
                    reading.value
                ],
            )?;
            if inserted == 0 {
                return Err(invalid(format!(
                    "there is already a reading of “{}” on {}: nothing was imported",
                    reading.metric.trim(),
                    reading.date
                )));
            }
        }
        tx.commit()?;
        Ok(readings.len())
    }

    pub fn initiative_readings(&self, id: InitiativeId) -> Result<Vec<Reading>, StoreError> {
        self.reading_rows(
            "SELECT metric, date, value FROM initiative_readings WHERE initiative_id = ?1 ORDER BY date, metric",
            id,
        )
    }

    /// The portfolio's settings; the defaults (quarters, 10 %, 70/20/10,
    /// slider threshold 60) until they are changed.
    pub fn portfolio_settings(&self) -> Result<PortfolioSettings, StoreError> {
        match self.meta(SETTINGS_KEY)? {
            None => Ok(PortfolioSettings::default()),
            Some(json) => serde_json::from_str(&json)
                .map_err(|err| StoreError::Corrupt(format!("the portfolio settings: {err}"))),
        }
    }

    pub fn save_portfolio_settings(&self, settings: &PortfolioSettings) -> Result<(), StoreError> {
        if !settings.discount_rate.is_finite() || settings.discount_rate <= -1.0 {
            return Err(invalid(
                "the discount rate must be a yearly rate above −100%",
            ));
        }
        if settings.slider_threshold > 100 {
            return Err(invalid("the slider threshold runs from 0 to 100"));
        }
        if settings
            .quadrant_fit
            .is_some_and(|fit| !(0.0..=10.0).contains(&fit))
        {
            return Err(invalid("the matrix's fit line lies between 0 and 10"));
        }
        if settings
            .quadrant_value
            .is_some_and(|v| !v.is_finite() || v.abs() > throughline_core::portfolio::MAX_AMOUNT)
        {
            return Err(invalid(
                "the matrix's value line must be a number of a sensible size",
            ));
        }
        self.set_meta(SETTINGS_KEY, &to_json(settings)?)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|err| StoreError::Corrupt(err.to_string()))
}
