//! Decision journals: drafts edited in place until shared, then revisions
//! only (hash-chained, checked on every read), their metric readings, and
//! the update each one backs.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use throughline_core::coach::JournalContext;
use throughline_core::journal::{
    evaluate, verify_chain, Evaluation, JournalBody, Reading, Revision, TamperReport,
};
use throughline_core::journal::{EvidenceLevel, Importance};
use throughline_core::{CivilDate, CoreError, UpdateId};
use ts_rs::TS;

use crate::connection::write_transaction;
use crate::{StoreError, Workspace};

pub type JournalId = i64;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct JournalSummary {
    #[ts(type = "number")]
    pub id: JournalId,
    pub item: String,
    pub shared: bool,
}

/// A journal as the app shows it: its current body (the draft, or the
/// latest revision), its history, and whether that history checks out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredJournal {
    #[ts(type = "number")]
    pub id: JournalId,
    pub shared: bool,
    pub body: JournalBody,
    pub revisions: Vec<Revision>,
    /// The first revision that fails its check, when one does.
    pub tamper: Option<TamperReport>,
    /// A shared journal's change not yet recorded as a revision.
    pub pending: Option<JournalBody>,
}

/// One kill criterion's status, for `journal status` and the app.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionReport {
    pub journal_id: JournalId,
    pub journal: String,
    pub criterion: String,
    pub description: String,
    pub evaluation: Evaluation,
}

fn invalid(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(CoreError::InvalidJournal(message.into()))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|err| StoreError::Corrupt(err.to_string()))
}

fn body_from_json(json: &str, what: &str) -> Result<JournalBody, StoreError> {
    serde_json::from_str(json).map_err(|err| StoreError::Corrupt(format!("{what}: {err}")))
}

impl Workspace {
    pub fn create_journal(&self, body: &JournalBody, now_ms: i64) -> Result<JournalId, StoreError> {
        body.validate()?;
        self.conn.execute(
            "INSERT INTO journals (created_at, draft) VALUES (?1, ?2)",
            params![now_ms, to_json(body)?],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn list_journals(&self) -> Result<Vec<JournalSummary>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id FROM journals ORDER BY created_at DESC, id DESC")?;
        let ids: Vec<JournalId> = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| {
                let journal = self.journal(id)?;
                Ok(JournalSummary {
                    id,
                    item: journal.body.item,
                    shared: journal.shared,
                })
            })
            .collect()
    }

    pub fn journal(&self, id: JournalId) -> Result<StoredJournal, StoreError> {
        let row: Option<(bool, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT shared, draft, pending FROM journals WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (shared, draft, pending) =
            row.ok_or_else(|| invalid(format!("there is no journal {id}")))?;
        let pending = match pending {
            Some(json) if shared => Some(body_from_json(&json, "journal change")?),
            _ => None,
        };
        let revisions = self.revisions(id)?;
        let tamper = verify_chain(&revisions).err();
        let body = match revisions.last() {
            Some(latest) if shared => latest.body.clone(),
            _ => body_from_json(&draft, "journal draft")?,
        };
        Ok(StoredJournal {
            id,
            shared,
            body,
            revisions,
            tamper,
            pending,
        })
    }

    fn revisions(&self, id: JournalId) -> Result<Vec<Revision>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT seq, body, author, at_ms, reason, prev_hash, hash
             FROM journal_revisions WHERE journal_id = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, u32>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, body, author, at_ms, reason, prev_hash, hash) = row?;
            // A body that no longer parses was edited outside the app; keep
            // the revision with an empty body so the chain check names it.
            let body = serde_json::from_str(&body).unwrap_or_default();
            out.push(Revision {
                seq,
                body,
                author,
                at_ms,
                reason,
                prev_hash,
                hash,
            });
        }
        Ok(out)
    }

    /// Edits an unshared journal in place. A shared one is never edited in
    /// place: the body is kept as its pending change until
    /// [`Workspace::revise_journal`] records it or
    /// [`Workspace::discard_journal_change`] drops it.
    pub fn save_journal_draft(&self, id: JournalId, body: &JournalBody) -> Result<(), StoreError> {
        body.validate()?;
        let column = if self.journal(id)?.shared {
            "pending"
        } else {
            "draft"
        };
        self.conn.execute(
            &format!("UPDATE journals SET {column} = ?2 WHERE id = ?1"),
            params![id, to_json(body)?],
        )?;
        Ok(())
    }

    /// Drops a shared journal's pending change (the user chose to).
    pub fn discard_journal_change(&self, id: JournalId) -> Result<(), StoreError> {
        self.journal(id)?;
        self.conn
            .execute("UPDATE journals SET pending = NULL WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Shares a journal: its draft becomes revision 1, and it can no longer
    /// be edited in place.
    pub fn share_journal(
        &self,
        id: JournalId,
        author: &str,
        now_ms: i64,
    ) -> Result<Revision, StoreError> {
        let journal = self.journal(id)?;
        if journal.shared {
            return Err(invalid("this journal is already shared"));
        }
        journal.body.check_shareable()?;
        let tx = write_transaction(&self.conn)?;
        let revision = Revision::new(None, journal.body, author, now_ms, "shared");
        self.insert_revision(id, &revision)?;
        self.conn
            .execute("UPDATE journals SET shared = 1 WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(revision)
    }

    /// Records a change to a shared journal as a new revision.
    pub fn revise_journal(
        &self,
        id: JournalId,
        body: &JournalBody,
        author: &str,
        reason: &str,
        now_ms: i64,
    ) -> Result<Revision, StoreError> {
        body.check_shareable()?;
        if reason.trim().is_empty() {
            return Err(invalid(
                "say why the journal changes: the reason is part of its history",
            ));
        }
        let journal = self.journal(id)?;
        if !journal.shared {
            return Err(invalid("this journal is not shared yet: edit it directly"));
        }
        if let Some(report) = journal.tamper {
            return Err(invalid(format!(
                "{report}. The history must be checked before anything is added to it."
            )));
        }
        let revision = Revision::new(
            journal.revisions.last(),
            body.clone(),
            author,
            now_ms,
            reason,
        );
        let tx = write_transaction(&self.conn)?;
        self.insert_revision(id, &revision)?;
        self.conn
            .execute("UPDATE journals SET pending = NULL WHERE id = ?1", [id])?;
        // New criteria or thresholds can trigger: judge the backed updates again.
        self.resettle_backing(id)?;
        tx.commit()?;
        Ok(revision)
    }

    fn insert_revision(&self, id: JournalId, revision: &Revision) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO journal_revisions (journal_id, seq, body, author, at_ms, reason, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                revision.seq,
                to_json(&revision.body)?,
                revision.author,
                revision.at_ms,
                revision.reason,
                revision.prev_hash,
                revision.hash
            ],
        )?;
        Ok(())
    }

    /// Stores readings for a journal: all of them, or none (a reading of a
    /// metric on a date it already has is refused by name).
    pub fn add_readings(&self, id: JournalId, readings: &[Reading]) -> Result<usize, StoreError> {
        self.journal(id)?;
        let tx = write_transaction(&self.conn)?;
        for reading in readings {
            let exists: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM readings WHERE journal_id = ?1 AND lower(metric) = lower(?2) AND date = ?3)",
                params![id, reading.metric.trim(), reading.date.to_string()],
                |row| row.get(0),
            )?;
            if exists {
                return Err(invalid(format!(
                    "there is already a reading of “{}” on {}: nothing was imported",
                    reading.metric.trim(),
                    reading.date
                )));
            }
            self.conn.execute(
                "INSERT INTO readings (journal_id, metric, date, value) VALUES (?1, ?2, ?3, ?4)",
                params![
                    id,
                    reading.metric.trim(),
                    reading.date.to_string(),
                    reading.value
                ],
            )?;
        }
        // New readings can trigger a kill criterion: the updates backing
        // this journal are judged again.
        self.resettle_backing(id)?;
        tx.commit()?;
        Ok(readings.len())
    }

    /// Corrects a reading (`Some(value)`) or removes it (`None`). A draft
    /// journal's readings change freely; a frozen journal's change only as
    /// a recorded revision with its reason (the body as it stands, the
    /// change in the reason), so its history shows what was read before.
    #[allow(clippy::too_many_arguments)]
    pub fn change_reading(
        &self,
        id: JournalId,
        metric: &str,
        date: CivilDate,
        value: Option<f64>,
        author: &str,
        reason: &str,
        now_ms: i64,
    ) -> Result<Option<Revision>, StoreError> {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(invalid("a reading must be a number"));
        }
        let journal = self.journal(id)?;
        let old: Option<f64> = self
            .conn
            .query_row(
                "SELECT value FROM readings WHERE journal_id = ?1 AND lower(metric) = lower(?2) AND date = ?3",
                params![id, metric.trim(), date.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        let Some(old) = old else {
            return Err(invalid(format!(
                "there is no reading of “{}” on {date}",
                metric.trim()
            )));
        };
        let tx = write_transaction(&self.conn)?;
        let revision = if journal.shared {
            if reason.trim().is_empty() {
                return Err(invalid(
                    "say why the reading changes: on a frozen journal the reason is part of its history",
                ));
            }
            if let Some(report) = &journal.tamper {
                return Err(invalid(format!(
                    "{report}. The history must be checked before anything is added to it."
                )));
            }
            let Some(last) = journal.revisions.last() else {
                return Err(invalid("this frozen journal has no revision to add to"));
            };
            let old_text = throughline_core::table::format_number(old);
            let change = match value {
                Some(new) => format!(
                    "Reading of {} on {date} corrected from {old_text} to {}",
                    metric.trim(),
                    throughline_core::table::format_number(new)
                ),
                None => format!(
                    "Reading of {} on {date} ({old_text}) removed",
                    metric.trim()
                ),
            };
            let revision = Revision::new(
                Some(last),
                last.body.clone(),
                author,
                now_ms,
                &format!("{change}: {}", reason.trim()),
            );
            self.insert_revision(id, &revision)?;
            Some(revision)
        } else {
            None
        };
        match value {
            Some(new) => self.conn.execute(
                "UPDATE readings SET value = ?4 WHERE journal_id = ?1 AND lower(metric) = lower(?2) AND date = ?3",
                params![id, metric.trim(), date.to_string(), new],
            )?,
            None => self.conn.execute(
                "DELETE FROM readings WHERE journal_id = ?1 AND lower(metric) = lower(?2) AND date = ?3",
                params![id, metric.trim(), date.to_string()],
            )?,
        };
        // A corrected reading can trigger a criterion, or clear one.
        self.resettle_backing(id)?;
        tx.commit()?;
        Ok(revision)
    }

    pub fn readings(&self, id: JournalId) -> Result<Vec<Reading>, StoreError> {
        self.reading_rows(
            "SELECT metric, date, value FROM readings WHERE journal_id = ?1 ORDER BY date, metric",
            id,
        )
    }

    /// Readings as a query gives them (metric, date, value for one id),
    /// each date checked as it is read back.
    pub(crate) fn reading_rows(&self, sql: &str, id: i64) -> Result<Vec<Reading>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, f64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (metric, date, value) = row?;
            let date: CivilDate = date
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("a reading's date “{date}”")))?;
            out.push(Reading {
                metric,
                date,
                value,
            });
        }
        Ok(out)
    }

    /// Every kill criterion of every journal, judged by its readings.
    pub fn criterion_reports(&self) -> Result<Vec<CriterionReport>, StoreError> {
        let mut out = Vec::new();
        for summary in self.list_journals()? {
            let journal = self.journal(summary.id)?;
            let readings = self.readings(summary.id)?;
            for criterion in &journal.body.criteria {
                out.push(CriterionReport {
                    journal_id: summary.id,
                    journal: journal.body.item.clone(),
                    criterion: criterion.id.clone(),
                    description: criterion.describe(),
                    evaluation: evaluate(criterion, &readings, self.today()),
                });
            }
        }
        Ok(out)
    }

    /// Links an update to the journal it backs (or unlinks it with `None`).
    /// Leaving a journal while one of its kill criteria is triggered is
    /// recorded in the update's and the journal's history: nothing hides
    /// a trigger.
    pub fn link_update(
        &self,
        update: UpdateId,
        journal: Option<JournalId>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        if let Some(journal) = journal {
            self.journal(journal)?;
        }
        let tx = write_transaction(&self.conn)?;
        let previous = self.linked_journal(update)?;
        if let Some(left) = previous.filter(|p| Some(*p) != journal) {
            let triggered = self.triggered_for_update(update)?;
            if !triggered.is_empty() {
                let title = self.get_update(update)?.fields.title;
                let item = self.journal(left)?.body.item;
                let text = format!(
                    "Update “{}” stopped backing journal “{}” on {} while its kill criterion {} was triggered",
                    title.trim(),
                    item.trim(),
                    self.today(),
                    triggered
                        .iter()
                        .map(|c| format!("“{c}”"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                );
                self.record_event(Some(update), Some(left), &text, now_ms)?;
            }
        }
        let changed = self.conn.execute(
            "UPDATE updates SET journal_id = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![update, journal],
        )?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(update));
        }
        // The journal now backing it may hold a triggered criterion.
        self.resettle(update)?;
        tx.commit()?;
        Ok(())
    }

    pub fn linked_journal(&self, update: UpdateId) -> Result<Option<JournalId>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT journal_id FROM updates WHERE id = ?1 AND deleted_at IS NULL",
                [update],
                |row| row.get(0),
            )
            .optional()?
            .flatten())
    }
}

const AUTHOR_KEY: &str = "author_name";

impl Workspace {
    /// The name revisions are signed with, if the user set one.
    pub fn author_name(&self) -> Result<Option<String>, StoreError> {
        self.meta(AUTHOR_KEY)
    }

    pub fn set_author_name(&self, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
            return Err(invalid(
                "the author name must be one line of at most 80 characters",
            ));
        }
        self.set_meta(AUTHOR_KEY, name)
    }

    /// The kill criteria of the journal an update backs that are triggered now,
    /// described for a banner ("Sharing activation < 20% … → halt").
    pub fn triggered_for_update(&self, update: UpdateId) -> Result<Vec<String>, StoreError> {
        let Some(journal) = self.linked_journal(update)? else {
            return Ok(Vec::new());
        };
        Ok(self
            .criterion_reports()?
            .into_iter()
            .filter(|r| r.journal_id == journal)
            .filter(|r| {
                r.evaluation.status == throughline_core::journal::CriterionStatus::Triggered
            })
            .map(|r| r.description)
            .collect())
    }
}

impl Workspace {
    /// What the journal an update backs tells the coach about it.
    pub fn coach_context(&self, update: UpdateId) -> Result<JournalContext, StoreError> {
        let unlinked_while_triggered = self.unlinked_while_triggered(update)?;
        let Some(journal) = self.linked_journal(update)? else {
            return Ok(JournalContext {
                unlinked_while_triggered,
                kill_criteria: Some(0),
                ..JournalContext::default()
            });
        };
        let body = self.journal(journal)?.body;
        Ok(JournalContext {
            triggered: self.triggered_for_update(update)?,
            anecdotal_assumptions: body
                .assumptions
                .iter()
                .filter(|a| {
                    a.importance == Importance::High && a.evidence == EvidenceLevel::Anecdote
                })
                .map(|a| a.statement.clone())
                .collect(),
            unlinked_while_triggered,
            kill_criteria: Some(body.criteria.len()),
        })
    }
}
