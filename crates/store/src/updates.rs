//! The updates repository: create, read, save, delete (with undo), duplicate.

use rusqlite::{params, Row};
use throughline_core::coach::JournalContext;
use throughline_core::lifecycle;
use throughline_core::{
    example::example_update_fields, Beats, ChartSpec, CivilDate, Evidence, MetricEvidence,
    OtherParts, QuoteEvidence, Status, Update, UpdateFields, UpdateId, UpdateSummary,
};

use throughline_core::template::TemplateId;

use crate::connection::write_transaction;
use crate::history::RevisionKind;
use crate::{StoreError, Workspace};

const EXAMPLE_CREATED_KEY: &str = "example_created";

const UPDATE_COLUMNS: &str = "id, title, audience, priority, date, context, conflict, resolution, \
     evidence, evidence_kind, metric_value, metric_unit, metric_baseline, metric_window, \
     quote_text, quote_who, quote_when, status, is_example, created_at, updated_at, chart, \
     status_note, metric_source, metric_sample, other_parts, template, notes";

impl Workspace {
    /// Updates whose title contains `filter` (case-insensitive), newest first.
    pub fn list_updates(&self, filter: &str) -> Result<Vec<UpdateSummary>, StoreError> {
        let needle = filter.trim().to_lowercase();
        let filled = |column: &str| format!("length(trim({column}, ' ' || char(9, 10, 13))) > 0");
        let sql = format!(
            "SELECT id, title, audience, date, status, is_example, updated_at, {}, {}, {}, {}
             FROM updates WHERE deleted_at IS NULL
             ORDER BY created_at DESC, id DESC",
            filled("context"),
            filled("conflict"),
            filled("resolution"),
            filled("evidence"),
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], |row| {
            Ok(UpdateSummary {
                id: row.get(0)?,
                title: text_lossy(row, 1)?,
                audience: text_lossy(row, 2)?,
                date: text_lossy(row, 3)?,
                status: status_from_sql(row, 4)?,
                is_example: row.get(5)?,
                updated_at: row.get(6)?,
                filled: [row.get(7)?, row.get(8)?, row.get(9)?, row.get(10)?],
            })
        })?;
        let mut summaries = Vec::new();
        for summary in rows {
            let summary = summary?;
            if needle.is_empty() || summary.title.to_lowercase().contains(&needle) {
                summaries.push(summary);
            }
        }
        Ok(summaries)
    }

    pub fn get_update(&self, id: UpdateId) -> Result<Update, StoreError> {
        let sql =
            format!("SELECT {UPDATE_COLUMNS} FROM updates WHERE id = ?1 AND deleted_at IS NULL");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query_map([id], update_from_row)?;
        match rows.next() {
            Some(update) => checked(id, update),
            None => Err(StoreError::UpdateNotFound(id)),
        }
    }

    pub fn create_update(&self, fields: &UpdateFields, now_ms: i64) -> Result<Update, StoreError> {
        self.insert_update(fields, false, now_ms)
    }

    /// Stores several updates at once: all of them, or none.
    pub fn import_updates(
        &self,
        updates: &[(UpdateFields, Status)],
        now_ms: i64,
    ) -> Result<Vec<UpdateId>, StoreError> {
        let tx = write_transaction(&self.conn)?;
        let mut ids = Vec::with_capacity(updates.len());
        for (offset, (fields, status)) in updates.iter().enumerate() {
            // A new update backs no journal yet: the coach alone decides.
            let verdict = lifecycle::settle(*status, fields, &JournalContext::default());
            // Later files are newer, so the list shows them in import order.
            let at = now_ms + offset as i64;
            let id = self.insert_row(fields, verdict.status, false, at)?;
            self.write_status(id, &verdict)?;
            self.record_revision(id, RevisionKind::Import, "Imported", at)?;
            ids.push(id);
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Stores every editable field of an update, then re-decides its status
    /// ([`lifecycle::settle`]): a ready update the coach now rejects returns
    /// to draft, with the reason in `status_note`.
    pub fn save_update(
        &self,
        id: UpdateId,
        fields: &UpdateFields,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        self.save_as_revision(id, fields, RevisionKind::Edit, "", now_ms)
    }

    /// Stores a teammate's change to a shared update, as [`Self::save_update`]
    /// does (the same checks, the same status lifecycle), and keeps it in the
    /// update's history as a revision of its own saying who made it.
    pub fn save_update_from_team(
        &self,
        id: UpdateId,
        fields: &UpdateFields,
        by: &str,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        let who: String = by.chars().filter(|c| !c.is_control()).take(80).collect();
        let note = if who.trim().is_empty() {
            "Changed by the team".to_owned()
        } else {
            format!("Changed by {} (team)", who.trim())
        };
        self.save_as_revision(id, fields, RevisionKind::Import, &note, now_ms)
    }

    /// One save: the fields, the history revision (`kind`, `note`), then
    /// the status re-decided — a change the coach makes after the edit is a
    /// revision of its own.
    fn save_as_revision(
        &self,
        id: UpdateId,
        fields: &UpdateFields,
        kind: RevisionKind,
        note: &str,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        fields.validate()?;
        let tx = write_transaction(&self.conn)?;
        self.get_update_including_deleted(id)?;
        self.ensure_first_revision(id, now_ms)?;
        self.write_fields(id, fields, now_ms)?;
        self.record_revision(id, kind, note, now_ms)?;
        self.resettle_at(id, now_ms)?;
        tx.commit()?;
        self.get_update_including_deleted(id)
    }

    /// Writes every editable field (the caller holds the transaction).
    pub(crate) fn write_fields(
        &self,
        id: UpdateId,
        fields: &UpdateFields,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        fields.validate()?;
        let changed = self.conn.execute(
            "UPDATE updates SET title = ?2, audience = ?3, priority = ?4, date = ?5,
                 context = ?6, conflict = ?7, resolution = ?8, evidence = ?9,
                 evidence_kind = ?10, updated_at = ?11, chart = ?12, other_parts = ?13,
                 template = ?14, notes = ?15
             WHERE id = ?1",
            params![
                id,
                fields.title,
                fields.audience,
                fields.priority,
                fields.date,
                fields.beats.context,
                fields.beats.conflict,
                fields.beats.resolution,
                fields.beats.evidence,
                fields.evidence.kind(),
                now_ms,
                chart_to_sql(fields)?,
                other_parts_to_sql(fields)?,
                template_to_sql(fields),
                fields.notes,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(id));
        }
        self.save_evidence_details(id, &fields.evidence)
    }

    /// Sets the status the user asked for, if [`lifecycle::request`] allows it.
    pub fn set_status(
        &self,
        id: UpdateId,
        status: Status,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        let update = self.get_update(id)?;
        let status = lifecycle::request(status, &update.fields, &self.coach_context(id)?)?;
        let tx = write_transaction(&self.conn)?;
        self.ensure_first_revision(id, now_ms)?;
        self.conn.execute(
            "UPDATE updates SET status = ?2, status_note = NULL, updated_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), now_ms],
        )?;
        if status != update.status {
            let note = match status {
                Status::Ready => "Marked ready",
                Status::Draft => "Back to draft",
            };
            self.record_revision(id, RevisionKind::Status, note, now_ms)?;
        }
        tx.commit()?;
        self.get_update(id)
    }

    /// Re-decides one update's status from what is stored (its fields and the
    /// journal it backs). The caller holds the transaction when it needs one.
    pub(crate) fn resettle(&self, id: UpdateId) -> Result<(), StoreError> {
        self.resettle_at(id, crate::workspace::wall_clock_ms())
    }

    /// [`Self::resettle`] at `now_ms`: a status it changes is recorded in
    /// the update's history with the reason.
    pub(crate) fn resettle_at(&self, id: UpdateId, now_ms: i64) -> Result<(), StoreError> {
        let update = self.get_update_including_deleted(id)?;
        let verdict = lifecycle::settle(update.status, &update.fields, &self.coach_context(id)?);
        if verdict.status != update.status {
            self.ensure_first_revision(id, now_ms)?;
            self.write_status(id, &verdict)?;
            let note = verdict.note.as_deref().unwrap_or("Status changed");
            self.record_revision(id, RevisionKind::Status, note, now_ms)?;
        }
        Ok(())
    }

    /// Re-decides every ready update (a newer coach may judge them otherwise).
    /// Returns how many returned to draft.
    pub fn resettle_all(&self) -> Result<usize, StoreError> {
        let ready: Vec<UpdateId> = {
            let mut statement = self
                .conn
                .prepare("SELECT id FROM updates WHERE status = 'ready' AND deleted_at IS NULL")?;
            let ids = statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            ids
        };
        if ready.is_empty() {
            return Ok(0);
        }
        let tx = write_transaction(&self.conn)?;
        for id in &ready {
            match self.resettle(*id) {
                // A stored update that fails its checks keeps its status; it
                // says why when it is opened, and the others still settle.
                Err(StoreError::InvalidRecord { .. }) => {}
                other => other?,
            }
        }
        let still: i64 = self.conn.query_row(
            "SELECT count(*) FROM updates WHERE status = 'ready' AND deleted_at IS NULL",
            [],
            |row| row.get(0),
        )?;
        tx.commit()?;
        Ok(ready.len().saturating_sub(still.max(0) as usize))
    }

    /// Re-decides the updates that back `journal` (its readings or body changed).
    pub(crate) fn resettle_backing(&self, journal: i64) -> Result<(), StoreError> {
        let ids: Vec<UpdateId> = {
            let mut statement = self.conn.prepare(
                "SELECT id FROM updates WHERE journal_id = ?1 AND status = 'ready'
                 AND deleted_at IS NULL",
            )?;
            let ids = statement
                .query_map([journal], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            ids
        };
        for id in ids {
            self.resettle(id)?;
        }
        Ok(())
    }

    fn write_status(&self, id: UpdateId, verdict: &lifecycle::Verdict) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE updates SET status = ?2, status_note = ?3 WHERE id = ?1",
            params![id, verdict.status.as_str(), verdict.note],
        )?;
        Ok(())
    }

    /// Hides an update; [`Workspace::restore_update`] brings it back.
    pub fn delete_update(&self, id: UpdateId, now_ms: i64) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE updates SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now_ms],
        )?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(id));
        }
        Ok(())
    }

    pub fn restore_update(&self, id: UpdateId) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("UPDATE updates SET deleted_at = NULL WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(id));
        }
        Ok(())
    }

    /// Starts next week's update from this one: the same story, a week later.
    pub fn duplicate_for_next_week(
        &self,
        id: UpdateId,
        today: CivilDate,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        let original = self.get_update(id)?;
        self.insert_update(&original.next_week_fields(today), false, now_ms)
    }

    /// Creates the finished example update the first time the app opens a
    /// new, empty workspace, and never again for that file (deleting it
    /// sticks; a file that already holds updates gets none).
    /// Returns whether it was created now.
    pub fn ensure_example(&self, today: CivilDate, now_ms: i64) -> Result<bool, StoreError> {
        if self.meta(EXAMPLE_CREATED_KEY)?.is_some() {
            return Ok(false);
        }
        let existing: i64 = self
            .conn
            .query_row("SELECT count(*) FROM updates", [], |row| row.get(0))?;
        if existing > 0 {
            // Not a new file (the CLI filled it): leave its content as it is.
            self.set_meta(EXAMPLE_CREATED_KEY, "skipped")?;
            return Ok(false);
        }
        let tx = write_transaction(&self.conn)?;
        let fields = example_update_fields(&today.to_string());
        let id = self.insert_row(&fields, Status::Ready, true, now_ms)?;
        self.record_revision(id, RevisionKind::Created, "Created", now_ms)?;
        self.set_meta(EXAMPLE_CREATED_KEY, &now_ms.to_string())?;
        // …and an example decision journal to learn from.
        let (journal, readings) = throughline_core::example::demo_journal(today);
        let journal = self.create_journal(&journal, now_ms)?;
        tx.commit()?;
        self.add_readings(journal, &readings)?;
        // …and the method's example portfolio, when there is none yet.
        if self.list_initiatives()?.is_empty() {
            self.add_initiatives(&throughline_core::example::demo_portfolio(today), now_ms)?;
        }
        Ok(true)
    }

    fn insert_update(
        &self,
        fields: &UpdateFields,
        is_example: bool,
        now_ms: i64,
    ) -> Result<Update, StoreError> {
        let tx = write_transaction(&self.conn)?;
        let id = self.insert_row(fields, Status::Draft, is_example, now_ms)?;
        self.record_revision(id, RevisionKind::Created, "Created", now_ms)?;
        tx.commit()?;
        self.get_update(id)
    }

    /// Inserts one update; the caller holds the transaction.
    fn insert_row(
        &self,
        fields: &UpdateFields,
        status: Status,
        is_example: bool,
        now_ms: i64,
    ) -> Result<UpdateId, StoreError> {
        fields.validate()?;
        self.conn.execute(
            "INSERT INTO updates (title, audience, priority, date, context, conflict, resolution,
                 evidence, evidence_kind, status, is_example, created_at, updated_at, chart,
                 other_parts, template, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?16)",
            params![
                fields.title,
                fields.audience,
                fields.priority,
                fields.date,
                fields.beats.context,
                fields.beats.conflict,
                fields.beats.resolution,
                fields.beats.evidence,
                fields.evidence.kind(),
                status.as_str(),
                is_example,
                now_ms,
                chart_to_sql(fields)?,
                other_parts_to_sql(fields)?,
                template_to_sql(fields),
                fields.notes,
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        self.save_evidence_details(id, &fields.evidence)?;
        Ok(id)
    }

    /// Writes the active evidence shape's columns; the other shape's columns
    /// keep what they held, so switching back finds it again.
    fn save_evidence_details(&self, id: UpdateId, evidence: &Evidence) -> Result<(), StoreError> {
        match evidence {
            Evidence::None => {}
            Evidence::Metric(m) => {
                self.conn.execute(
                    "UPDATE updates SET metric_value = ?2, metric_unit = ?3,
                         metric_baseline = ?4, metric_window = ?5, metric_source = ?6,
                         metric_sample = ?7 WHERE id = ?1",
                    params![id, m.value, m.unit, m.baseline, m.window, m.source, m.sample],
                )?;
            }
            Evidence::Quote(q) => {
                self.conn.execute(
                    "UPDATE updates SET quote_text = ?2, quote_who = ?3, quote_when = ?4
                     WHERE id = ?1",
                    params![id, q.text, q.who, q.when],
                )?;
            }
        }
        Ok(())
    }

    pub(crate) fn get_update_including_deleted(&self, id: UpdateId) -> Result<Update, StoreError> {
        let sql = format!("SELECT {UPDATE_COLUMNS} FROM updates WHERE id = ?1");
        match self.conn.query_row(&sql, [id], update_from_row) {
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::UpdateNotFound(id)),
            read => checked(id, read),
        }
    }
}

/// A stored update is data from outside too: it passes the checks of an
/// update typed in the app, or it is refused alone, naming itself.
fn checked(id: UpdateId, read: rusqlite::Result<Update>) -> Result<Update, StoreError> {
    let invalid = |detail: String| StoreError::InvalidRecord {
        what: format!("Update {id}"),
        detail,
    };
    let update = match read {
        Ok(update) => update,
        Err(
            err @ (rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(..)),
        ) => return Err(invalid(err.to_string())),
        Err(err) => return Err(err.into()),
    };
    update
        .fields
        .validate()
        .map_err(|err| invalid(err.to_string()))?;
    Ok(update)
}

/// Text for a list, readable even when the stored bytes are not UTF-8.
fn text_lossy(row: &Row<'_>, index: usize) -> rusqlite::Result<String> {
    Ok(String::from_utf8_lossy(row.get_ref(index)?.as_bytes()?).into_owned())
}

fn chart_to_sql(fields: &UpdateFields) -> Result<Option<String>, StoreError> {
    fields
        .chart
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|err| StoreError::Corrupt(format!("the chart could not be stored: {err}")))
}

fn chart_from_sql(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<ChartSpec>> {
    let text: Option<String> = row.get(index)?;
    text.map(|json| {
        serde_json::from_str(&json).map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Text,
                err.into(),
            )
        })
    })
    .transpose()
}

fn other_parts_to_sql(fields: &UpdateFields) -> Result<String, StoreError> {
    if fields.other.is_empty() {
        return Ok(String::new());
    }
    serde_json::to_string(&fields.other).map_err(|err| {
        StoreError::Corrupt(format!("the other sections could not be stored: {err}"))
    })
}

/// The stored other parts; a value that is not their JSON refuses the
/// update (naming it) rather than dropping what it held.
fn other_parts_from_sql(row: &Row<'_>, index: usize) -> rusqlite::Result<OtherParts> {
    let text: String = row.get(index)?;
    if text.is_empty() {
        return Ok(OtherParts::default());
    }
    serde_json::from_str(&text).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, err.into())
    })
}

fn status_from_sql(row: &Row<'_>, index: usize) -> rusqlite::Result<Status> {
    let text: String = row.get(index)?;
    Status::parse(&text).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, err.into())
    })
}

fn update_from_row(row: &Row<'_>) -> rusqlite::Result<Update> {
    let kind: String = row.get(9)?;
    let evidence = match kind.as_str() {
        "metric" => Evidence::Metric(MetricEvidence {
            value: row.get(10)?,
            unit: row.get(11)?,
            baseline: row.get(12)?,
            window: row.get(13)?,
            source: row.get(23)?,
            sample: row.get(24)?,
        }),
        "quote" => Evidence::Quote(QuoteEvidence {
            text: row.get(14)?,
            who: row.get(15)?,
            when: row.get(16)?,
        }),
        _ => Evidence::None,
    };
    Ok(Update {
        id: row.get(0)?,
        fields: UpdateFields {
            title: row.get(1)?,
            audience: row.get(2)?,
            priority: row.get(3)?,
            date: row.get(4)?,
            beats: Beats {
                context: row.get(5)?,
                conflict: row.get(6)?,
                resolution: row.get(7)?,
                evidence: row.get(8)?,
            },
            evidence,
            chart: chart_from_sql(row, 21)?,
            other: other_parts_from_sql(row, 25)?,
            template: template_from_sql(row, 26)?,
            notes: row.get(27)?,
        },
        status: status_from_sql(row, 17)?,
        is_example: row.get(18)?,
        created_at: row.get(19)?,
        updated_at: row.get(20)?,
        status_note: row.get(22)?,
    })
}

fn template_to_sql(fields: &UpdateFields) -> &'static str {
    fields.template.map_or("", |t| t.as_str())
}

/// The stored template, read back as any value from the file is: a name
/// the app does not know is refused, not guessed.
fn template_from_sql(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<TemplateId>> {
    let text: String = row.get(index)?;
    if text.is_empty() {
        return Ok(None);
    }
    TemplateId::parse(&text).map(Some).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{text:?} is not a template").into(),
        )
    })
}
