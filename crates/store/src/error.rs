use std::path::PathBuf;

use rusqlite::ErrorCode;
use thiserror::Error;
use throughline_core::{CoreError, UpdateId};

/// Why the workspace could not do what was asked. Every message names the
/// file or the record and says what the user can do about it.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path} is empty (0 bytes), so it is not a Throughline workspace. It was left untouched; open another file or create a new workspace.")]
    EmptyFile { path: PathBuf },
    #[error("{path} is not a database file: it does not start with a SQLite header. It was left untouched.")]
    NotADatabase { path: PathBuf },
    #[error("{path} is a SQLite database of another program, not a Throughline workspace. It was left untouched.")]
    NotAWorkspace { path: PathBuf },
    #[error(
        "{path} is damaged ({detail}). It was left untouched; open a backup or another workspace."
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("{path} was written by a newer version of Throughline (schema {found}; this app knows up to {supported}). It was not changed: update Throughline to open it.")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} holds {detail}, which Throughline did not create. Such an object could change what you write or stop the app, so the file was left untouched and not opened: open a backup, or ask the sender for a clean copy (Prepare to send…).")]
    UnknownSchema { path: PathBuf, detail: String },
    #[error("{path} is not a regular file ({kind}), so it cannot be a workspace. Nothing was read from it or written to it.")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path} is a link to {target}, which does not exist. Nothing was created there: choose the file itself.")]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error("the workspace took longer than {seconds} seconds to answer, so the operation was stopped; nothing was changed. The file may be damaged or crafted: open a backup.", seconds = crate::connection::WORK_BUDGET.as_secs())]
    TooSlow,
    #[error("{what} could not be read: {detail}. The rest of the workspace is unaffected.")]
    InvalidRecord { what: String, detail: String },
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the disk is full: the last change was not saved. Free some space; your text is still in the editor.")]
    DiskFull,
    #[error("the workspace file is read-only: changes cannot be saved")]
    ReadOnly,
    #[error("the workspace is busy in another program; try again in a moment")]
    Busy,
    #[error("the backup into {path} failed ({detail}); the workspace and the older backups were left as they were")]
    BackupFailed { path: PathBuf, detail: String },
    #[error("there is no update with id {0}")]
    UpdateNotFound(UpdateId),
    #[error("update {update} has no revision {revision} (it may have been pruned: after 30 days one a day is kept)")]
    RevisionNotFound { update: UpdateId, revision: i64 },
    #[error(
        "a revision received for journal {journal} was refused, and nothing was written: {reason}"
    )]
    RevisionRefused {
        journal: i64,
        reason: crate::RevisionRefusal,
    },
    #[error(transparent)]
    Invalid(#[from] CoreError),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// A stable code for the UI and the CLI to act on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::EmptyFile { .. } | StoreError::NotADatabase { .. } => "not_a_workspace",
            StoreError::NotAWorkspace { .. } => "not_a_workspace",
            StoreError::Damaged { .. } => "workspace_damaged",
            StoreError::UnknownSchema { .. } => "workspace_untrusted",
            StoreError::NotAFile { .. } | StoreError::DanglingLink { .. } => "not_a_workspace",
            StoreError::TooSlow => "too_slow",
            StoreError::InvalidRecord { .. } => "invalid_record",
            StoreError::NewerSchema { .. } => "workspace_newer",
            StoreError::Unreadable { .. } => "io",
            StoreError::DiskFull => "disk_full",
            StoreError::ReadOnly => "read_only",
            StoreError::Busy => "busy",
            StoreError::UpdateNotFound(_) | StoreError::RevisionNotFound { .. } => "not_found",
            StoreError::BackupFailed { .. } => "backup_failed",
            StoreError::Invalid(_) => "invalid_input",
            StoreError::RevisionRefused { .. } => "tampered",
            StoreError::Sqlite(_) | StoreError::Corrupt(_) => "internal",
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::OperationInterrupted) => StoreError::TooSlow,
            _ => StoreError::Sqlite(err),
        }
    }
}
