//! An open workspace: the file, its connection and what it holds.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use crate::{connection, migrations, probe, Probe, StoreError};

/// The wall clock for naming a backup (the store takes no clock otherwise).
fn chrono_free_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

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
        let found = probe(path)?;
        let mut conn = connection::open_read_write(path)?;
        if let Probe::Workspace { schema_version } = found {
            if schema_version < migrations::SCHEMA_VERSION {
                // An older file is backed up (and the backup verified)
                // before a migration touches it.
                crate::backup::back_up_connection(
                    &conn,
                    path,
                    &crate::backup::backup_dir_for(path),
                    crate::backup::KEEP_BEFORE_MIGRATION,
                    chrono_free_now_ms(),
                )?;
            }
        }
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

impl Workspace {
    /// Changes whenever another connection (the CLI, a second window)
    /// commits to the file; our own writes leave it as it is.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}
