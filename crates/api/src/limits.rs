//! Every size limit and schedule, named once.

use std::time::Duration;

/// A story file larger than this is not a story.
pub const MAX_STORY_BYTES: u64 = 16 * 1024 * 1024;

/// Backups kept beside a workspace (scheduled and on demand together).
pub const BACKUPS_KEPT: usize = 20;

/// How often the app backs the open workspace up while it runs.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(30 * 60);

/// How often the app looks whether another program (the CLI) wrote to the
/// open workspace. Its writes land in the `-wal` file, which file-change
/// notifications on the main file miss, so the app asks SQLite.
pub const EXTERNAL_CHANGE_POLL: Duration = Duration::from_secs(2);
/// How often the window exchanges with its team, once joined (never before).
pub const TEAM_SYNC_PERIOD: Duration = Duration::from_secs(3);

/// A logo file's bytes, and its pixels on each side (read from its header
/// before it is decoded).
pub use throughline_core::branding::{MAX_LOGO_BYTES, MAX_LOGO_SIDE};
pub use throughline_core::table::MAX_DATA_FILE_BYTES;

/// "16 MB" (or "64 KB") for a byte limit.
pub fn megabytes(bytes: u64) -> String {
    if bytes >= 1_048_576 {
        format!("{} MB", bytes / 1_048_576)
    } else {
        format!("{} KB", bytes / 1024)
    }
}
