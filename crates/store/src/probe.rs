//! Looks at a workspace file without changing it.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::connection::{harden, WORK_BUDGET};
use crate::schema::{check_schema, SchemaProblem};
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

/// Checks a path read-only: what kind of file it is, header, integrity,
/// owner, schema version and the schema itself. Never writes to the file;
/// every refusal is a typed [`StoreError`].
pub fn probe(path: &Path) -> Result<Probe, StoreError> {
    let unreadable = |source| StoreError::Unreadable {
        path: path.to_owned(),
        source,
    };
    if !check_file_kind(path)? {
        return Ok(Probe::Missing);
    }
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
        check_schema(&conn, schema_version).map_err(|problem| match problem {
            SchemaProblem::Foreign(detail) => StoreError::UnknownSchema {
                path: path.to_owned(),
                detail,
            },
            SchemaProblem::Missing(detail) => damaged(format!("{detail} is missing")),
            SchemaProblem::Unreadable(detail) => damaged(detail),
        })?;
        Ok(Probe::Workspace { schema_version })
    } else if application_id == 0 && table_count == 0 {
        Ok(Probe::EmptyDatabase)
    } else {
        Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
        })
    }
}

/// Whether something is at `path` that could be a workspace: `false` when
/// nothing is there (a new workspace may be created), an error for a link
/// to nowhere (creating through it would put a file where the link points)
/// and for anything but a regular file (a FIFO or a device is never read).
fn check_file_kind(path: &Path) -> Result<bool, StoreError> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(link) => link,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Unreadable {
                path: path.to_owned(),
                source,
            })
        }
    };
    let target = match std::fs::metadata(path) {
        Ok(target) => target,
        Err(err) if err.kind() == ErrorKind::NotFound && link.file_type().is_symlink() => {
            return Err(StoreError::DanglingLink {
                path: path.to_owned(),
                target: std::fs::read_link(path).unwrap_or_default(),
            })
        }
        Err(source) => {
            return Err(StoreError::Unreadable {
                path: path.to_owned(),
                source,
            })
        }
    };
    if target.is_file() {
        Ok(true)
    } else {
        Err(StoreError::NotAFile {
            path: path.to_owned(),
            kind: file_kind(&target.file_type()),
        })
    }
}

/// "a folder", "a named pipe"… for the message.
pub(crate) fn file_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// A read-only connection that leaves no trace. Without a `-wal` beside the
/// file, `immutable=1` keeps SQLite from creating `-wal`/`-shm` files; with
/// one (left by a crash), a plain read-only open replays its commits.
pub(crate) fn open_for_probe(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut conn = if Path::new(&wal).exists() {
        Connection::open_with_flags(path, flags)?
    } else {
        let uri = format!("file:{}?immutable=1", uri_escape(path));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?
    };
    harden(&mut conn, WORK_BUDGET)?;
    Ok(conn)
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
