//! Opening a workspace and keeping it safe: the demo on first run, the
//! lifecycle re-run for a newer coach, verified backups.

use std::path::{Path, PathBuf};

use serde::Serialize;
use throughline_store::{Workspace, WorkspaceInfo};
use ts_rs::TS;

use crate::limits::BACKUPS_KEPT;
use crate::{ApiError, Clock, SystemClock};

/// What the window shows at start: the workspace, or why it could not open.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum WorkspaceState {
    Open {
        info: WorkspaceInfoDto,
    },
    Failed {
        path: String,
        error: ApiError,
        /// The newest backup that passes its checks, offered instead.
        backup: Option<String>,
    },
}

/// The open workspace, as the window names it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "WorkspaceInfo")]
pub struct WorkspaceInfoDto {
    pub path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub update_count: i64,
}

impl From<WorkspaceInfo> for WorkspaceInfoDto {
    fn from(info: WorkspaceInfo) -> Self {
        Self {
            path: info.path.display().to_string(),
            schema_version: info.schema_version,
            update_count: info.update_count,
        }
    }
}

/// Opens `path` as the window does: a new, empty workspace gets the
/// finished example, and every ready update is judged again (a newer coach
/// may find an error an older one did not).
pub fn open_for_app(path: &Path, clock: &dyn Clock) -> Result<Workspace, ApiError> {
    let workspace = Workspace::open(path)?.with_calendar(clock.calendar());
    workspace.ensure_example(clock.today(), clock.now_millis())?;
    settle_after_open(&workspace)?;
    Ok(workspace)
}

/// Opens `path` as the CLI does: no example, the lifecycle re-run.
pub fn open_for_cli(path: &Path) -> Result<Workspace, ApiError> {
    let workspace = Workspace::open(path)?.with_calendar(SystemClock::from_env().calendar());
    settle_after_open(&workspace)?;
    Ok(workspace)
}

/// Opens `path` to read from it only (an export, a status report): the
/// file is never written, so a copy someone sent, or one on read-only
/// media, works too. Statuses are read as stored.
pub fn open_for_reading(path: &Path) -> Result<Workspace, ApiError> {
    Ok(Workspace::open_read_only(path)?.with_calendar(SystemClock::from_env().calendar()))
}

fn settle_after_open(workspace: &Workspace) -> Result<(), ApiError> {
    match workspace.resettle_all() {
        Ok(_) => Ok(()),
        // A read-only file still opens for reading and exporting.
        Err(throughline_store::StoreError::ReadOnly) => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// A verified backup beside the workspace; the newest [`BACKUPS_KEPT`] stay.
pub fn back_up(workspace: &Workspace, clock: &dyn Clock) -> Result<PathBuf, ApiError> {
    let dir = throughline_store::backup_dir_for(workspace.path());
    Ok(workspace.back_up(&dir, BACKUPS_KEPT, clock.now_millis())?)
}
