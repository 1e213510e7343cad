//! Embedded, ordered schema migrations, applied in one transaction.

use rusqlite::Connection;

use crate::{StoreError, APPLICATION_ID};

/// Each entry moves the schema from version `index` to `index + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_updates.sql"),
    include_str!("migrations/0002_chart.sql"),
    include_str!("migrations/0003_branding_and_coach.sql"),
    include_str!("migrations/0004_journals.sql"),
    include_str!("migrations/0005_status_note.sql"),
    include_str!("migrations/0006_sources_and_beat_names.sql"),
    include_str!("migrations/0007_other_parts.sql"),
    include_str!("migrations/0008_significance_note.sql"),
    include_str!("migrations/0009_update_history.sql"),
    include_str!("migrations/0010_portfolio.sql"),
    include_str!("migrations/0011_templates_and_audit.sql"),
    include_str!("migrations/0012_speaker_notes.sql"),
    include_str!("migrations/0013_pptx_template.sql"),
    include_str!("migrations/0014_journal_graph.sql"),
    include_str!("migrations/0015_team.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the file up to [`SCHEMA_VERSION`]. Either every pending migration
/// applies and the version moves, or nothing changes.
pub fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        // Re-checked inside the write lock: another process may have upgraded it.
        return Err(StoreError::NewerSchema {
            path: tx.path().unwrap_or_default().into(),
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for sql in MIGRATIONS.iter().skip(current as usize) {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA user_version = {SCHEMA_VERSION}; PRAGMA application_id = {APPLICATION_ID};"
    ))?;
    tx.commit()?;
    Ok(SCHEMA_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_migration_that_fails_half_way_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch("PRAGMA user_version = 3; CREATE TABLE readings (x INTEGER);")
            .unwrap();
        assert!(migrate(&mut conn).is_err());
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        let journals: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'journals'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!((version, journals), (3, 0));
    }
}
