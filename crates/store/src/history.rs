//! Each update's history: a revision per two minutes of editing, one at
//! each status change, import and restore, kept as the story's Markdown
//! (the app's round-trip format), viewable as a diff and restorable as a
//! new revision — the past is never rewritten. And the events that must
//! not be lost: an update that stopped backing a journal while one of its
//! kill criteria was triggered.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use throughline_core::{parse_story, to_markdown, Status, Story, UpdateId};
use ts_rs::TS;

use crate::connection::write_transaction;
use crate::{StoreError, Workspace};

/// Edits within this long of a revision's first write are folded into it.
pub const FOLD_MS: i64 = 2 * 60 * 1000;
/// Every revision younger than this is kept; older ones, one per day.
pub const KEEP_ALL_MS: i64 = 30 * DAY_MS;
/// An update's history holds at most this much text; the oldest revisions
/// go first (never the first one).
pub const MAX_HISTORY_BYTES: i64 = 5 * 1024 * 1024;
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionKind {
    Created,
    Edit,
    Status,
    Import,
    Restore,
}

impl RevisionKind {
    fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Created => "created",
            RevisionKind::Edit => "edit",
            RevisionKind::Status => "status",
            RevisionKind::Import => "import",
            RevisionKind::Restore => "restore",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        Ok(match text {
            "created" => RevisionKind::Created,
            "edit" => RevisionKind::Edit,
            "status" => RevisionKind::Status,
            "import" => RevisionKind::Import,
            "restore" => RevisionKind::Restore,
            other => {
                return Err(StoreError::Corrupt(format!(
                    "an update revision of kind “{other}”"
                )))
            }
        })
    }
}

/// One revision as the history list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateRevision {
    #[ts(type = "number")]
    pub id: i64,
    /// Unix milliseconds of its last write.
    #[ts(type = "number")]
    pub at_ms: i64,
    pub kind: RevisionKind,
    pub status: Status,
    /// What it was: "Marked ready", "Restored the version of …".
    pub note: String,
}

/// Something that happened to an update or a journal beside its edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryEvent {
    #[ts(type = "number")]
    pub at_ms: i64,
    pub text: String,
}

/// An update's history, newest first, with its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateHistory {
    pub revisions: Vec<UpdateRevision>,
    pub events: Vec<HistoryEvent>,
}

impl Workspace {
    /// Records the update as it is stored now. An edit folds into the
    /// latest revision when that is an edit first written under two
    /// minutes ago; a revision identical to the latest is not repeated.
    /// The caller holds the transaction.
    pub(crate) fn record_revision(
        &self,
        id: UpdateId,
        kind: RevisionKind,
        note: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let update = self.get_update_including_deleted(id)?;
        let story = to_markdown(&Story::from_update_fields(&update.fields, update.status));
        let latest: Option<(i64, String, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, kind, first_ms, story, status FROM update_revisions
                 WHERE update_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                },
            )
            .optional()?;
        if let Some((latest_id, latest_kind, first_ms, latest_story, latest_status)) = latest {
            let same = latest_story == story && latest_status == update.status.as_str();
            if same && kind == RevisionKind::Edit {
                return Ok(());
            }
            if kind == RevisionKind::Edit
                && latest_kind == RevisionKind::Edit.as_str()
                && now_ms - first_ms < FOLD_MS
            {
                self.conn.execute(
                    "UPDATE update_revisions SET story = ?2, status = ?3, at_ms = ?4 WHERE id = ?1",
                    params![latest_id, story, update.status.as_str(), now_ms],
                )?;
                return self.prune_history(id, now_ms);
            }
        }
        self.conn.execute(
            "INSERT INTO update_revisions (update_id, first_ms, at_ms, kind, status, story, note)
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                now_ms,
                kind.as_str(),
                update.status.as_str(),
                story,
                note
            ],
        )?;
        self.prune_history(id, now_ms)
    }

    /// An update stored before history was kept gets its stored state as
    /// its first revision before anything changes it.
    pub(crate) fn ensure_first_revision(
        &self,
        id: UpdateId,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let any: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM update_revisions WHERE update_id = ?1)",
            [id],
            |row| row.get(0),
        )?;
        if !any {
            let created: i64 = self
                .conn
                .query_row(
                    "SELECT created_at FROM updates WHERE id = ?1",
                    [id],
                    |row| row.get(0),
                )
                .optional()?
                .unwrap_or(now_ms);
            self.record_revision(
                id,
                RevisionKind::Created,
                "As it was before its history was kept",
                created.min(now_ms),
            )?;
        }
        Ok(())
    }

    /// Keeps everything for 30 days, then the last revision of each day;
    /// then drops the oldest until the history holds at most 5 MB. The
    /// first revision always stays.
    fn prune_history(&self, id: UpdateId, now_ms: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM update_revisions
             WHERE update_id = ?1
               AND at_ms < ?2
               AND id <> (SELECT min(id) FROM update_revisions WHERE update_id = ?1)
               AND id NOT IN (
                   SELECT max(id) FROM update_revisions
                   WHERE update_id = ?1 AND at_ms < ?2
                   GROUP BY at_ms / ?3
               )",
            params![id, now_ms - KEEP_ALL_MS, DAY_MS],
        )?;
        loop {
            let total: i64 = self.conn.query_row(
                "SELECT coalesce(sum(length(CAST(story AS BLOB)) + length(CAST(note AS BLOB))), 0)
                 FROM update_revisions WHERE update_id = ?1",
                [id],
                |row| row.get(0),
            )?;
            if total <= MAX_HISTORY_BYTES {
                return Ok(());
            }
            let removed = self.conn.execute(
                "DELETE FROM update_revisions WHERE id = (
                     SELECT id FROM update_revisions WHERE update_id = ?1
                     ORDER BY id LIMIT 1 OFFSET 1)",
                [id],
            )?;
            if removed == 0 {
                return Ok(());
            }
        }
    }

    /// The update's revisions, newest first, and its events.
    pub fn update_history(&self, id: UpdateId) -> Result<UpdateHistory, StoreError> {
        self.get_update(id)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT id, at_ms, kind, status, note FROM update_revisions
             WHERE update_id = ?1 ORDER BY id DESC",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
            ))
        })?;
        let mut revisions = Vec::new();
        for row in rows {
            let (rev, at_ms, kind, status, note) = row?;
            revisions.push(UpdateRevision {
                id: rev,
                at_ms,
                kind: RevisionKind::parse(&kind)?,
                status: Status::parse(&status)
                    .map_err(|_| StoreError::Corrupt(format!("a revision's status “{status}”")))?,
                note,
            });
        }
        Ok(UpdateHistory {
            revisions,
            events: self.events("update_id", id)?,
        })
    }

    /// One revision's story, as stored.
    fn revision_story(&self, id: UpdateId, revision: i64) -> Result<String, StoreError> {
        self.conn
            .query_row(
                "SELECT story FROM update_revisions WHERE update_id = ?1 AND id = ?2",
                params![id, revision],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(StoreError::RevisionNotFound {
                update: id,
                revision,
            })
    }

    /// What changed from the revision to the update as it is now, line by
    /// line of the story.
    pub fn revision_diff(&self, id: UpdateId, revision: i64) -> Result<Vec<String>, StoreError> {
        let old = self.revision_story(id, revision)?;
        let update = self.get_update(id)?;
        let now = to_markdown(&Story::from_update_fields(&update.fields, update.status));
        let lines = |text: &str| text.lines().map(str::to_owned).collect::<Vec<_>>();
        Ok(throughline_core::line_diff::line_diff(
            &lines(&old),
            &lines(&now),
        ))
    }

    /// Brings back a revision's story as a new revision (the ones after it
    /// stay). The status stays as it is, re-decided by the lifecycle: a
    /// ready update whose restored story has an error returns to draft.
    pub fn restore_revision(
        &self,
        id: UpdateId,
        revision: i64,
        now_ms: i64,
    ) -> Result<throughline_core::Update, StoreError> {
        let story = self.revision_story(id, revision)?;
        let at_ms: i64 = self.conn.query_row(
            "SELECT at_ms FROM update_revisions WHERE update_id = ?1 AND id = ?2",
            params![id, revision],
            |row| row.get(0),
        )?;
        let fields = parse_story(&story)
            .map_err(|err| StoreError::Corrupt(format!("revision {revision}: {err}")))?
            .update_fields();
        let tx = write_transaction(&self.conn)?;
        self.write_fields(id, &fields, now_ms)?;
        self.resettle(id)?;
        let note = format!("Restored the version of {}", when(at_ms));
        self.record_revision(id, RevisionKind::Restore, &note, now_ms)?;
        tx.commit()?;
        self.get_update(id)
    }

    /// Records an event on an update and a journal (the caller holds the
    /// transaction).
    pub(crate) fn record_event(
        &self,
        update: Option<UpdateId>,
        journal: Option<i64>,
        text: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO history_events (at_ms, kind, update_id, journal_id, text)
             VALUES (?1, 'unlinked-while-triggered', ?2, ?3, ?4)",
            params![now_ms, update, journal, text],
        )?;
        Ok(())
    }

    /// A journal's events, oldest first.
    pub fn journal_events(&self, journal: i64) -> Result<Vec<HistoryEvent>, StoreError> {
        self.events("journal_id", journal)
    }

    fn events(&self, column: &str, id: i64) -> Result<Vec<HistoryEvent>, StoreError> {
        let column = if column == "journal_id" {
            "journal_id"
        } else {
            "update_id"
        };
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT at_ms, text FROM history_events WHERE {column} = ?1 ORDER BY id"
        ))?;
        let rows = statement.query_map([id], |row| {
            Ok(HistoryEvent {
                at_ms: row.get(0)?,
                text: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The texts of the events that say an update stopped backing a
    /// journal while a criterion was triggered, for the coach.
    /// Once the update backs that journal again, its banner is back and
    /// the coach has nothing to add; the record stays in both histories.
    pub(crate) fn unlinked_while_triggered(
        &self,
        update: UpdateId,
    ) -> Result<Vec<String>, StoreError> {
        let backing = self.linked_journal(update)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT text FROM history_events
             WHERE update_id = ?1 AND (journal_id IS NOT ?2) ORDER BY id",
        )?;
        let rows = statement.query_map(params![update, backing], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A revision's time as the history says it: "2026-12-06 14:02 UTC".
pub(crate) fn when(at_ms: i64) -> String {
    let date = throughline_core::CivilDate::from_unix_millis(at_ms);
    let minutes = at_ms.rem_euclid(DAY_MS) / 60_000;
    format!("{date} {:02}:{:02} UTC", minutes / 60, minutes % 60)
}
