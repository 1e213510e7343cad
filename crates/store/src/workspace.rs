//! An open workspace: the file, its connection and what it holds.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use crate::{connection, migrations, probe, Probe, StoreError};

/// The wall clock, where the store is given no time: naming a backup, a
/// status the lifecycle changes on its own.
pub(crate) fn wall_clock_ms() -> i64 {
    chrono_free_now_ms()
}

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
    calendar: Calendar,
}

/// Where the workspace reads today's date from, to judge deadline kill
/// criteria. The doors (window, CLI) give it their clock's "today" (the
/// user's local date, [`Workspace::with_calendar`]); a bare workspace reads
/// the UTC date.
pub type Calendar = std::sync::Arc<dyn Fn() -> throughline_core::CivilDate + Send + Sync>;

fn utc_calendar() -> Calendar {
    std::sync::Arc::new(|| throughline_core::CivilDate::from_unix_millis(chrono_free_now_ms()))
}

impl Workspace {
    /// Opens the workspace at `path`, creating it when there is no file yet.
    /// The file is probed read-only first; anything that is not a healthy
    /// workspace of this or an older schema is refused and left untouched.
    ///
    /// A file already at this app's schema is not written to by opening it:
    /// the header (`user_version`) is only set when a migration runs.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let found = probe(path)?;
        let mut conn = connection::open_read_write(path)?;
        let migration_due = match found {
            Probe::Workspace { schema_version } => schema_version < migrations::SCHEMA_VERSION,
            Probe::Missing | Probe::EmptyDatabase => true,
        };
        if let Probe::Workspace { .. } = found {
            if migration_due {
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
        if migration_due {
            migrations::migrate(&mut conn)?;
        }
        Ok(Self {
            path: path.to_owned(),
            conn,
            calendar: utc_calendar(),
        })
    }

    /// The workspace, reading today's date from `calendar`.
    pub fn with_calendar(mut self, calendar: Calendar) -> Self {
        self.calendar = calendar;
        self
    }

    /// Today, as the calendar the workspace was given says.
    pub fn today(&self) -> throughline_core::CivilDate {
        (self.calendar)()
    }

    /// Opens `path` for reading only (an export, a status report): the file
    /// is never written, so a read-only copy works too. A workspace of an
    /// older schema is copied into memory and migrated there; a missing
    /// file is an error (nothing is created).
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let schema_version = match probe(path)? {
            Probe::Workspace { schema_version } => schema_version,
            Probe::Missing => {
                return Err(StoreError::Unreadable {
                    path: path.to_owned(),
                    source: std::io::ErrorKind::NotFound.into(),
                })
            }
            Probe::EmptyDatabase => {
                return Err(StoreError::NotAWorkspace {
                    path: path.to_owned(),
                })
            }
        };
        let source = crate::probe::open_for_probe(path)?;
        source.busy_timeout(connection::BUSY_TIMEOUT)?;
        let conn = if schema_version < migrations::SCHEMA_VERSION {
            let mut copy = Connection::open_in_memory()?;
            connection::harden(&mut copy, connection::WORK_BUDGET)?;
            rusqlite::backup::Backup::new(&source, &mut copy)?.run_to_completion(
                256,
                std::time::Duration::ZERO,
                None,
            )?;
            migrations::migrate(&mut copy)?;
            // The copy in memory would take writes and lose them on close.
            copy.execute_batch("PRAGMA query_only = ON;")?;
            copy
        } else {
            source
        };
        Ok(Self {
            path: path.to_owned(),
            conn,
            calendar: utc_calendar(),
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
