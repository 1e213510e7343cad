//! The one place that opens a read-write connection and sets its PRAGMAs.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::StoreError;

/// How long a writer waits for another process (the CLI, a second window)
/// to finish before giving up with [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub fn open_read_write(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    Ok(conn)
}

/// Every connection gets the same settings: write-ahead log (readers never
/// block the writer), foreign keys enforced, a busy timeout instead of
/// instant `SQLITE_BUSY`, and a full sync so a saved word survives a crash.
pub fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;",
    )?;
    Ok(())
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
