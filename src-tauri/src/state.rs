//! The open workspace, shared by the commands.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use throughline_store::{Workspace, WorkspaceInfo};

use crate::api_error::ApiError;
use crate::clock;

/// What the window shows at start: the workspace, or why it could not open.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum WorkspaceState {
    Open { info: WorkspaceInfoDto },
    Failed { path: String, error: ApiError },
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkspaceInfoDto {
    pub path: String,
    pub schema_version: i64,
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

enum Slot {
    Open(Workspace),
    Failed { path: PathBuf, error: ApiError },
}

#[derive(Clone)]
pub struct AppState {
    slot: Arc<Mutex<Slot>>,
}

impl AppState {
    /// Opens `path` as the app does: a new, empty workspace gets the example.
    pub fn open(path: PathBuf) -> Self {
        let slot = match open_for_app(&path) {
            Ok(workspace) => Slot::Open(workspace),
            Err(error) => Slot::Failed { path, error },
        };
        Self {
            slot: Arc::new(Mutex::new(slot)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock leaves the connection usable:
        // SQLite rolled back anything half-done.
        self.slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn describe(&self) -> WorkspaceState {
        match &*self.lock() {
            Slot::Open(workspace) => match workspace.info() {
                Ok(info) => WorkspaceState::Open { info: info.into() },
                Err(err) => WorkspaceState::Failed {
                    path: workspace.path().display().to_string(),
                    error: err.into(),
                },
            },
            Slot::Failed { path, error } => WorkspaceState::Failed {
                path: path.display().to_string(),
                error: error.clone(),
            },
        }
    }

    /// Switches to another file. On failure the current workspace stays open.
    pub fn switch_to(&self, path: PathBuf) -> Result<WorkspaceInfoDto, ApiError> {
        let workspace = open_for_app(&path)?;
        let info = workspace.info()?;
        *self.lock() = Slot::Open(workspace);
        Ok(info.into())
    }

    pub fn with_workspace<T>(
        &self,
        work: impl FnOnce(&Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match &*self.lock() {
            Slot::Open(workspace) => work(workspace),
            Slot::Failed { .. } => Err(ApiError::no_workspace()),
        }
    }
}

fn open_for_app(path: &std::path::Path) -> Result<Workspace, ApiError> {
    let workspace = Workspace::open(path)?;
    workspace.ensure_example(clock::today(), clock::now_millis())?;
    Ok(workspace)
}
