//! Decision journals: drafts edited in place until shared, then revisions
//! only (a hash-linked graph, checked on every read: revisions made apart
//! on the same parent fork it, a revision naming both joins it), their
//! metric readings, and the update each one backs.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use throughline_core::coach::{ForkedRevision, JournalContext};
use throughline_core::journal::{
    current_head, evaluate, heads, next_parents, verify_history, Evaluation, JournalBody, Reading,
    Revision, TamperReport,
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
/// current head of its history), its history, and whether that history
/// checks out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredJournal {
    #[ts(type = "number")]
    pub id: JournalId,
    pub shared: bool,
    pub body: JournalBody,
    /// Every revision, in the order this copy stored them (each after the
    /// revisions it was made on).
    pub revisions: Vec<Revision>,
    /// The hashes of the revisions nothing was made on yet, in stored
    /// order: one for a straight history, more when it forked (revisions
    /// made apart on the same earlier one) until a revision joins them.
    pub heads: Vec<String>,
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
        let tamper = verify_history(&revisions).err();
        // A forked journal reads as its latest head; the fork is shown
        // beside it, never resolved by picking one silently.
        let body = match current_head(&revisions) {
            Some(head) if shared => head.body.clone(),
            _ => body_from_json(&draft, "journal draft")?,
        };
        let heads = heads(&revisions).iter().map(|h| h.hash.clone()).collect();
        Ok(StoredJournal {
            id,
            shared,
            body,
            revisions,
            heads,
            tamper,
            pending,
        })
    }

    fn revisions(&self, id: JournalId) -> Result<Vec<Revision>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT seq, body, author, at_ms, reason, prev_hash, merged, hash
             FROM journal_revisions WHERE journal_id = ?1 ORDER BY ord",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok(Revision {
                seq: row.get(0)?,
                // A body that no longer parses was edited outside the app;
                // keep the revision with an empty body so the check names it.
                body: serde_json::from_str(&row.get::<_, String>(1)?).unwrap_or_default(),
                author: row.get(2)?,
                at_ms: row.get(3)?,
                reason: row.get(4)?,
                prev_hash: row.get(5)?,
                merged: merged_from_column(&row.get::<_, String>(6)?),
                hash: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
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
        // On a forked journal the new revision is made on every head, so
        // recording it joins the fork.
        let revision = Revision::merging(
            &next_parents(&journal.revisions),
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

    /// Appends a revision after every one this copy holds (the next `ord`),
    /// so stored order stays an order in which parents come first.
    pub(crate) fn insert_revision(
        &self,
        id: JournalId,
        revision: &Revision,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO journal_revisions
                 (journal_id, ord, seq, body, author, at_ms, reason, prev_hash, merged, hash)
             VALUES (?1,
                     (SELECT coalesce(max(ord), 0) + 1 FROM journal_revisions WHERE journal_id = ?1),
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                revision.seq,
                to_json(&revision.body)?,
                revision.author,
                revision.at_ms,
                revision.reason,
                revision.prev_hash,
                merged_to_column(&revision.merged)?,
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
            let Some(current) = current_head(&journal.revisions) else {
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
            let revision = Revision::merging(
                &next_parents(&journal.revisions),
                current.body.clone(),
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
        let journal = self.journal(journal)?;
        let forked_heads = forked_heads(&journal.revisions);
        let body = journal.body;
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
            forked_heads,
        })
    }
}

/// The heads of a forked history as the coach names them; none for a
/// straight one.
fn forked_heads(revisions: &[Revision]) -> Vec<ForkedRevision> {
    let heads = heads(revisions);
    if heads.len() < 2 {
        return Vec::new();
    }
    heads
        .into_iter()
        .map(|head| ForkedRevision {
            seq: head.seq,
            author: head.author.clone(),
            reason: head.reason.clone(),
        })
        .collect()
}

/// The `merged` column: '' for a revision with one parent (every revision
/// written before schema 14), else a JSON array of hashes.
fn merged_to_column(merged: &[String]) -> Result<String, StoreError> {
    if merged.is_empty() {
        Ok(String::new())
    } else {
        to_json(&merged)
    }
}

/// Reads the `merged` column back. Text that is not a list of hashes was
/// written outside the app: it is kept as a parent no revision has, so the
/// history check reports the revision instead of trusting it.
fn merged_from_column(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    serde_json::from_str(text).unwrap_or_else(|_| vec![format!("unreadable: {text}")])
}
