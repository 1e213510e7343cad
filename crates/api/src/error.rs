//! Errors of every use case: a code the window and the CLI act on, and a
//! message that says what happened and what to do.

use serde::Serialize;
use throughline_store::StoreError;
use ts_rs::TS;

/// What went wrong, as the window switches on it (`code` in `{code, message}`)
/// and as the CLI maps it to an exit code.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The file is not a Throughline workspace (empty, not SQLite, another program's).
    NotAWorkspace,
    /// The workspace is damaged; it was left untouched.
    WorkspaceDamaged,
    /// A newer Throughline wrote the workspace.
    WorkspaceNewer,
    /// The workspace holds tables, triggers or views Throughline did not make.
    WorkspaceUntrusted,
    /// The workspace took too long to answer; the statement was stopped.
    TooSlow,
    /// One stored record fails its checks; the rest of the workspace is fine.
    InvalidRecord,
    /// No workspace is open.
    NoWorkspace,
    /// A file could not be read.
    Io,
    /// An output file could not be written.
    WriteFailed,
    DiskFull,
    ReadOnly,
    /// Another program holds the workspace for a moment.
    Busy,
    BackupFailed,
    /// What was asked does not make sense (the message says why).
    InvalidInput,
    /// The record asked for does not exist.
    NotFound,
    /// A journal's history fails its hash check.
    Tampered,
    /// A slide or page could not be drawn.
    RenderFailed,
    /// The clipboard refused the slide.
    Clipboard,
    /// A path that was not chosen in the app's own dialog.
    NotChosen,
    /// The workspace is open in another window.
    OpenElsewhere,
    /// The file manager could not show a file.
    RevealFailed,
    /// The workspace has not joined a team.
    NotInTeam,
    /// The team server could not be reached or does not know the team.
    TeamUnreachable,
    /// The server did not confirm every local change in time; they wait
    /// in the workspace for the next exchange.
    SyncPending,
    /// A bug: something that should not happen.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotAWorkspace => "not_a_workspace",
            ErrorCode::WorkspaceDamaged => "workspace_damaged",
            ErrorCode::WorkspaceNewer => "workspace_newer",
            ErrorCode::WorkspaceUntrusted => "workspace_untrusted",
            ErrorCode::TooSlow => "too_slow",
            ErrorCode::InvalidRecord => "invalid_record",
            ErrorCode::NoWorkspace => "no_workspace",
            ErrorCode::Io => "io",
            ErrorCode::WriteFailed => "write_failed",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::Busy => "busy",
            ErrorCode::BackupFailed => "backup_failed",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Tampered => "tampered",
            ErrorCode::RenderFailed => "render_failed",
            ErrorCode::Clipboard => "clipboard",
            ErrorCode::NotChosen => "not_chosen",
            ErrorCode::OpenElsewhere => "open_elsewhere",
            ErrorCode::RevealFailed => "reveal_failed",
            ErrorCode::NotInTeam => "not_in_team",
            ErrorCode::TeamUnreachable => "team_unreachable",
            ErrorCode::SyncPending => "sync_pending",
            ErrorCode::Internal => "internal",
        }
    }
}

/// `{code, message}`: what the window shows and the CLI prints.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, thiserror::Error, TS)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub fn io(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Io, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub fn no_workspace() -> Self {
        Self::new(
            ErrorCode::NoWorkspace,
            "No workspace is open: open or create one first.",
        )
    }

    pub fn render(err: throughline_render::RenderError) -> Self {
        Self::new(ErrorCode::RenderFailed, err.to_string())
    }

    /// The same error, its message prefixed (a file name, say).
    pub fn about(self, what: &str) -> Self {
        Self {
            message: format!("{what}: {}", self.message),
            ..self
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        let code = match &err {
            StoreError::EmptyFile { .. }
            | StoreError::NotADatabase { .. }
            | StoreError::NotAWorkspace { .. }
            | StoreError::NotAFile { .. }
            | StoreError::DanglingLink { .. } => ErrorCode::NotAWorkspace,
            StoreError::UnknownSchema { .. } => ErrorCode::WorkspaceUntrusted,
            StoreError::TooSlow => ErrorCode::TooSlow,
            StoreError::InvalidRecord { .. } => ErrorCode::InvalidRecord,
            StoreError::Damaged { .. } => ErrorCode::WorkspaceDamaged,
            StoreError::NewerSchema { .. } => ErrorCode::WorkspaceNewer,
            StoreError::Unreadable { .. } => ErrorCode::Io,
            StoreError::DiskFull => ErrorCode::DiskFull,
            StoreError::ReadOnly => ErrorCode::ReadOnly,
            StoreError::Busy => ErrorCode::Busy,
            StoreError::UpdateNotFound(_) | StoreError::RevisionNotFound { .. } => {
                ErrorCode::NotFound
            }
            StoreError::BackupFailed { .. } => ErrorCode::BackupFailed,
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            // A received revision that does not check out is what the hash
            // check exists for.
            StoreError::RevisionRefused { .. } => ErrorCode::Tampered,
            StoreError::Sqlite(_) | StoreError::Corrupt(_) => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}

impl From<throughline_core::CoreError> for ApiError {
    fn from(err: throughline_core::CoreError) -> Self {
        Self::invalid(err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_the_strings_the_window_switches_on() {
        for code in [
            ErrorCode::NotAWorkspace,
            ErrorCode::WorkspaceDamaged,
            ErrorCode::NoWorkspace,
            ErrorCode::InvalidInput,
            ErrorCode::OpenElsewhere,
            ErrorCode::Internal,
        ] {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, serde_json::Value::String(code.as_str().into()));
        }
    }
}
