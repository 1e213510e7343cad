//! The workspace file: one SQLite database per workspace.
//!
//! [`Workspace::open`] probes a file read-only before anything writes to it,
//! then opens it with the house PRAGMAs and runs the embedded migrations in
//! one transaction. A file that is not ours, is damaged, or was written by a
//! newer app is refused with a typed error and left byte-for-byte untouched.

mod audit;
mod backup;
mod branding;
mod connection;
mod error;
mod history;
mod journal_receive;
mod journals;
mod migrations;
mod portfolio;
mod pptx_template;
mod privacy;
mod probe;
mod schema;
mod team;
mod updates;
mod workspace;

pub use backup::{
    backup_dir_for, list_backups, newest_good_backup, restore_newest_backup, KEEP_BEFORE_MIGRATION,
};
pub use error::StoreError;
pub use history::{
    HistoryEvent, RevisionKind, UpdateHistory, UpdateRevision, FOLD_MS, KEEP_ALL_MS,
    MAX_HISTORY_BYTES,
};
pub use journal_receive::{ReceiveOutcome, RevisionRefusal};
pub use journals::{CriterionReport, JournalId, JournalSummary, StoredJournal};
pub use migrations::SCHEMA_VERSION;
pub use portfolio::{InitiativeId, StoredInitiative};
pub use pptx_template::MAX_TEMPLATE_BYTES;
pub use probe::{probe, Probe};
pub use team::{SharedItem, SharedKind, TeamBlobs, TeamMembership, TeamSharing};
pub use workspace::{Calendar, Workspace, WorkspaceInfo};

/// Marks a SQLite file as a Throughline workspace (`PRAGMA application_id`): "THLN".
pub const APPLICATION_ID: i32 = 0x5448_4C4E;
