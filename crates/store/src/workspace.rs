//! An open workspace: the file, its connection and what it holds.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use crate::{connection, migrations, probe, StoreError};

/// Facts about the open workspace for the title bar and the About box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceInfo {
    pub path: PathBuf,
    pub schema_version: i64,
    pub update_count: i64,
}

pub struct Workspace {
    path: PathBuf,
    pub(crate) conn: Connection,
}

impl Workspace {
    /// Opens the workspace at `path`, creating it when there is no file yet.
    /// The file is probed read-only first; anything that is not a healthy
    /// workspace of this or an older schema is refused and left untouched.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        probe(path)?;
        let mut conn = connection::open_read_write(path)?;
        migrations::migrate(&mut conn)?;
        Ok(Self {
            path: path.to_owned(),
            conn,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn info(&self) -> Result<WorkspaceInfo, StoreError> {
        let schema_version = self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let update_count = self.conn.query_row(
            "SELECT count(*) FROM updates WHERE deleted_at IS NULL",
            [],
            |row| row.get(0),
        )?;
        Ok(WorkspaceInfo {
            path: self.path.clone(),
            schema_version,
            update_count,
        })
    }

    pub(crate) fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub(crate) fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}
