//! Opening a workspace and keeping it safe: the demo on first run, the
//! lifecycle re-run for a newer coach, verified backups.

use std::path::{Path, PathBuf};

use throughline_store::Workspace;

use crate::limits::BACKUPS_KEPT;
use crate::{ApiError, Clock};

/// Opens `path` as the window does: a new, empty workspace gets the
/// finished example, and every ready update is judged again (a newer coach
/// may find an error an older one did not).
pub fn open_for_app(path: &Path, clock: &dyn Clock) -> Result<Workspace, ApiError> {
    let workspace = Workspace::open(path)?;
    workspace.ensure_example(clock.today(), clock.now_millis())?;
    settle_after_open(&workspace)?;
    Ok(workspace)
}

/// Opens `path` as the CLI does: no example, the lifecycle re-run.
pub fn open_for_cli(path: &Path) -> Result<Workspace, ApiError> {
    let workspace = Workspace::open(path)?;
    settle_after_open(&workspace)?;
    Ok(workspace)
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
