//! The schema a workspace file must have: exactly what our migrations
//! produce for the file's own version, nothing more and nothing less.
//!
//! A shared file is someone else's database. A trigger, a view or an index
//! planted in it would run inside our statements (rewrite a saved metric,
//! loop for ever, fill the disk), so a file whose `sqlite_schema` differs
//! from ours in any object is refused before anything else runs. Every new
//! migration extends the check by itself: the expected schema is built by
//! running the migrations up to that version in memory.

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::migrations::MIGRATIONS;

/// One entry of `sqlite_schema`: its kind and the SQL that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    kind: String,
    table: String,
    sql: Option<String>,
}

type Schema = BTreeMap<String, Object>;

/// What SQLite creates by itself and may legitimately appear in any file.
fn is_sqlite_internal(name: &str, kind: &str) -> bool {
    (kind == "table" && (name == "sqlite_sequence" || name.starts_with("sqlite_stat")))
        || (kind == "index" && name.starts_with("sqlite_autoindex_"))
}

fn read_schema(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut statement = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(1)?,
            Object {
                kind: row.get(0)?,
                table: row.get(2)?,
                sql: row.get(3)?,
            },
        ))
    })?;
    rows.collect()
}

/// The schema the migrations up to `version` create.
fn expected_schema(version: i64) -> rusqlite::Result<Schema> {
    let conn = Connection::open_in_memory()?;
    let count = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    for sql in &MIGRATIONS[..count] {
        conn.execute_batch(sql)?;
    }
    read_schema(&conn)
}

/// Compares the file's schema with ours for its version; `Err` names the
/// first object that is foreign, changed or missing, in words.
pub(crate) fn check_schema(conn: &Connection, version: i64) -> Result<(), SchemaProblem> {
    let found = read_schema(conn).map_err(|err| SchemaProblem::Unreadable(err.to_string()))?;
    let expected =
        expected_schema(version).map_err(|err| SchemaProblem::Unreadable(err.to_string()))?;
    for (name, object) in &found {
        if is_sqlite_internal(name, &object.kind) && !expected.contains_key(name) {
            continue;
        }
        match expected.get(name) {
            None => return Err(SchemaProblem::Foreign(describe(name, object))),
            Some(ours) if ours != object => {
                return Err(SchemaProblem::Foreign(format!(
                    "a changed definition of {}",
                    describe(name, object)
                )))
            }
            Some(_) => {}
        }
    }
    if let Some((name, object)) = expected.iter().find(|(name, _)| !found.contains_key(*name)) {
        return Err(SchemaProblem::Missing(describe(name, object)));
    }
    Ok(())
}

/// "trigger \"t\" on updates", "view \"v\"", "table \"x\"".
fn describe(name: &str, object: &Object) -> String {
    match object.kind.as_str() {
        "trigger" | "index" => format!("{} \"{name}\" on {}", object.kind, object.table),
        kind => format!("{kind} \"{name}\""),
    }
}

/// Why a file's schema is not ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SchemaProblem {
    /// An object we did not create, or one of ours redefined.
    Foreign(String),
    /// One of ours is not there.
    Missing(String),
    /// The schema could not be read at all.
    Unreadable(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_at(version: i64) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..version as usize] {
            conn.execute_batch(sql).unwrap();
        }
        conn
    }

    #[test]
    fn our_own_schema_passes_at_every_version() {
        for version in 0..=MIGRATIONS.len() as i64 {
            assert_eq!(check_schema(&workspace_at(version), version), Ok(()));
        }
    }

    #[test]
    fn a_planted_trigger_is_named() {
        let conn = workspace_at(MIGRATIONS.len() as i64);
        conn.execute_batch(
            "CREATE TRIGGER rewrite AFTER UPDATE ON updates BEGIN
               UPDATE updates SET title = 'x'; END;",
        )
        .unwrap();
        let problem = check_schema(&conn, MIGRATIONS.len() as i64).unwrap_err();
        assert_eq!(
            problem,
            SchemaProblem::Foreign("trigger \"rewrite\" on updates".into())
        );
    }

    #[test]
    fn statistics_tables_are_allowed() {
        let conn = workspace_at(MIGRATIONS.len() as i64);
        conn.execute_batch("ANALYZE").unwrap();
        assert_eq!(check_schema(&conn, MIGRATIONS.len() as i64), Ok(()));
    }

    #[test]
    fn a_schema_of_another_version_is_not_ours() {
        let conn = workspace_at(MIGRATIONS.len() as i64);
        assert!(matches!(
            check_schema(&conn, MIGRATIONS.len() as i64 - 1),
            Err(SchemaProblem::Foreign(_))
        ));
        let older = workspace_at(2);
        assert!(check_schema(&older, 3).is_err());
        let dropped = workspace_at(MIGRATIONS.len() as i64);
        dropped.execute_batch("DROP TABLE meta").unwrap();
        assert_eq!(
            check_schema(&dropped, MIGRATIONS.len() as i64),
            Err(SchemaProblem::Missing("table \"meta\"".into()))
        );
    }
}
