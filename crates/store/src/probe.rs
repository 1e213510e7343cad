//! Looks at a workspace file without changing it.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{migrations::SCHEMA_VERSION, StoreError, APPLICATION_ID};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a read-only look at a path found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// No file there yet: opening creates a new workspace.
    Missing,
    /// A SQLite database with no tables: safe to make into a workspace.
    EmptyDatabase,
    /// A Throughline workspace at this schema version (≤ the app's).
    Workspace { schema_version: i64 },
}

/// Checks a path read-only: header, integrity, owner and schema version.
/// Never writes to the file; every refusal is a typed [`StoreError`].
pub fn probe(path: &Path) -> Result<Probe, StoreError> {
    let unreadable = |source| StoreError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(Probe::Missing),
        Err(err) => return Err(unreadable(err)),
    };
    let mut header = Vec::with_capacity(100);
    (&mut file)
        .take(100)
        .read_to_end(&mut header)
        .map_err(unreadable)?;
    if header.is_empty() {
        return Err(StoreError::EmptyFile {
            path: path.to_owned(),
        });
    }
    if header.len() < 100 || !header.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
        });
    }
    drop(file);

    let damaged = |detail: String| StoreError::Damaged {
        path: path.to_owned(),
        detail,
    };
    let conn = open_for_probe(path).map_err(|err| damaged(err.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|err| damaged(err.to_string()))?;
    if check != "ok" {
        return Err(damaged(format!("integrity check: {check}")));
    }
    let read_pragma = |name: &str| -> Result<i64, StoreError> {
        conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
            .map_err(|err| damaged(err.to_string()))
    };
    let application_id = read_pragma("application_id")?;
    let schema_version = read_pragma("user_version")?;
    let table_count: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(|err| damaged(err.to_string()))?;

    if application_id == i64::from(APPLICATION_ID) {
        if schema_version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: path.to_owned(),
                found: schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Probe::Workspace { schema_version })
    } else if application_id == 0 && table_count == 0 {
        Ok(Probe::EmptyDatabase)
    } else {
        Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
        })
    }
}

/// A read-only connection that leaves no trace. Without a `-wal` beside the
/// file, `immutable=1` keeps SQLite from creating `-wal`/`-shm` files; with
/// one (left by a crash), a plain read-only open replays its commits.
fn open_for_probe(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if Path::new(&wal).exists() {
        return Connection::open_with_flags(path, flags);
    }
    let uri = format!("file:{}?immutable=1", uri_escape(path));
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
}

/// Percent-encodes a path for a `file:` URI (RFC 3986 unreserved and `/` kept).
fn uri_escape(path: &Path) -> String {
    let mut out = String::new();
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(*byte))
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escape_keeps_plain_paths_and_encodes_the_rest() {
        assert_eq!(
            uri_escape(Path::new("/tmp/a-b_c.throughline")),
            "/tmp/a-b_c.throughline"
        );
        assert_eq!(
            uri_escape(Path::new("/tmp/Q3 #1?.db")),
            "/tmp/Q3%20%231%3F.db"
        );
        assert_eq!(uri_escape(Path::new("/tmp/é")), "/tmp/%C3%A9");
    }
}
