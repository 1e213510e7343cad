//! The one place that opens a connection and sets its PRAGMAs.
//!
//! A workspace may come from someone else (a file sent by mail, a copy on a
//! shared drive), so every connection follows SQLite's guidance for
//! untrusted database files: the schema is not trusted to call functions
//! with side effects, defensive mode forbids writes that corrupt the file on
//! purpose, cells are size-checked as they are read, values are bounded, and
//! a statement that runs too long is interrupted. The schema itself is
//! compared with ours before anything runs ([`crate::schema`]).

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::StoreError;

/// How long a writer waits for another process (the CLI, a second window)
/// to finish before giving up with [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How long the database may work without a pause before the statement is
/// interrupted ([`StoreError::TooSlow`]). Real work on a workspace takes
/// milliseconds; only a crafted file gets near this.
pub const WORK_BUDGET: Duration = Duration::from_secs(20);

/// The largest text or blob a connection reads or writes. The biggest
/// legitimate value is a 16 MB story field; a logo is at most 2 MB.
pub const MAX_VALUE_BYTES: i32 = 64 * 1024 * 1024;

/// SQLite's own memory, for every connection of the process.
const HEAP_LIMIT_BYTES: i64 = 1024 * 1024 * 1024;

/// How many virtual-machine steps pass between two looks at the clock.
const STEPS_PER_CHECK: i32 = 10_000;

/// A pause longer than this between two looks means a new statement began.
const IDLE_GAP: Duration = Duration::from_millis(50);

pub fn open_read_write(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    harden(&mut conn, WORK_BUDGET)?;
    configure(&conn)?;
    Ok(conn)
}

/// Every writing connection gets the same settings: write-ahead log
/// (readers never block the writer), foreign keys enforced, a busy timeout
/// instead of instant `SQLITE_BUSY`, a full sync so a saved word survives a
/// crash, and deleted content overwritten rather than left in free pages.
pub fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;",
    )?;
    Ok(())
}

/// The settings for a file from outside, on every connection (reading
/// ones included), before any statement touches the file's content.
pub fn harden(conn: &mut Connection, budget: Duration) -> Result<(), StoreError> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    conn.execute_batch(&format!(
        "PRAGMA trusted_schema = OFF;
         PRAGMA cell_size_check = ON;
         PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES};"
    ))?;
    conn.progress_handler(STEPS_PER_CHECK, Some(budget_keeper(budget)))?;
    Ok(())
}

/// A progress handler that interrupts once the database has been busy for
/// longer than `budget` with no pause (a pause marks a new statement).
fn budget_keeper(budget: Duration) -> impl FnMut() -> bool + Send + 'static {
    let mut last_look = Instant::now();
    let mut busy_since = last_look;
    move || {
        let now = Instant::now();
        if now.duration_since(last_look) > IDLE_GAP {
            busy_since = now;
        }
        last_look = now;
        now.duration_since(busy_since) > budget
    }
}

/// Starts a transaction that writes. It takes the write lock at `BEGIN`
/// (waiting up to the busy timeout for another writer), so a read inside it
/// can never leave it holding a stale snapshot that SQLite refuses to
/// upgrade with an immediate `SQLITE_BUSY` — what a deferred transaction
/// does when the CLI commits between its read and its first write.
pub fn write_transaction(conn: &Connection) -> Result<Transaction<'_>, StoreError> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hardened_in_memory(budget: Duration) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        harden(&mut conn, budget).unwrap();
        conn
    }

    #[test]
    fn a_statement_that_never_ends_is_interrupted() {
        let conn = hardened_in_memory(Duration::from_millis(200));
        let started = Instant::now();
        let result: rusqlite::Result<i64> = conn.query_row(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n",
            [],
            |row| row.get(0),
        );
        let err = StoreError::from(result.unwrap_err());
        assert!(matches!(err, StoreError::TooSlow), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
        // The connection still answers the next statement.
        let one: i64 = conn.query_row("SELECT 1", [], |row| row.get(0)).unwrap();
        assert_eq!(one, 1);
    }

    #[test]
    fn values_beyond_the_limit_are_refused() {
        let conn = hardened_in_memory(WORK_BUDGET);
        let result: rusqlite::Result<Vec<u8>> = conn.query_row(
            "SELECT zeroblob(?1)",
            [i64::from(MAX_VALUE_BYTES) + 1],
            |row| row.get(0),
        );
        assert!(result.is_err());
    }

    #[test]
    fn defensive_mode_forbids_writing_the_schema_by_hand() {
        let conn = hardened_in_memory(WORK_BUDGET);
        conn.execute_batch("CREATE TABLE t (x); PRAGMA writable_schema = ON;")
            .unwrap();
        let result = conn.execute(
            "UPDATE sqlite_schema SET sql = 'CREATE TABLE t (y)' WHERE name = 't'",
            [],
        );
        assert!(result.is_err());
    }
}
