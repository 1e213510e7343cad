//! The open workspace, shared by the commands.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use throughline_api::export::workspace_branding;
use throughline_api::workspace::{open_for_app, WorkspaceInfoDto, WorkspaceState};
use throughline_api::{ApiError, Clock, ErrorCode, SystemClock};
use throughline_core::BrandingSettings;
use throughline_render::Branding;
use throughline_store::Workspace;

fn good_backup_of(path: &std::path::Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    throughline_store::newest_good_backup(&throughline_store::backup_dir_for(path), &stem)
        .map(|p| p.display().to_string())
}

enum Slot {
    Open(Workspace),
    Failed { path: PathBuf, error: ApiError },
}

#[derive(Clone)]
pub struct AppState {
    slot: Arc<Mutex<Slot>>,
    /// The open workspace's branding as the renderer wants it, read once per
    /// open or save rather than on every preview keystroke.
    branding: Arc<Mutex<Arc<Branding>>>,
    /// The workspace's `data_version` when the window last looked.
    seen_data_version: Arc<std::sync::atomic::AtomicI64>,
    /// "Now" and "today" for every command (`THROUGHLINE_NOW` pins it).
    clock: SystemClock,
}

impl AppState {
    /// Opens `path` as the app does: a new, empty workspace gets the example.
    pub fn open(path: PathBuf) -> Self {
        let clock = SystemClock::from_env();
        let mut seen = i64::MIN;
        let (slot, branding) = match open_for_app(&path, &clock) {
            Ok(workspace) => {
                log_look_warnings(&workspace);
                let branding = workspace_branding(&workspace);
                seen = workspace.data_version().unwrap_or(i64::MIN);
                (Slot::Open(workspace), branding)
            }
            Err(error) => (Slot::Failed { path, error }, Branding::default()),
        };
        Self {
            slot: Arc::new(Mutex::new(slot)),
            branding: Arc::new(Mutex::new(Arc::new(branding))),
            seen_data_version: Arc::new(std::sync::atomic::AtomicI64::new(seen)),
            clock,
        }
    }

    pub fn clock(&self) -> &dyn Clock {
        &self.clock
    }

    /// Records the workspace's data version; true when it moved since the
    /// last call (the first call only records it).
    pub fn note_data_version(&self, version: i64) -> bool {
        use std::sync::atomic::Ordering;
        let previous = self.seen_data_version.swap(version, Ordering::SeqCst);
        previous != i64::MIN && previous != version
    }

    /// The branding every slide of the open workspace is drawn with.
    pub fn branding(&self) -> Arc<Branding> {
        self.branding
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Stores new branding settings and draws every later slide with them.
    pub fn save_branding(
        &self,
        change: throughline_api::branding::BrandingChange,
    ) -> Result<BrandingSettings, ApiError> {
        let stored =
            self.with_workspace(|ws| throughline_api::branding::change_branding(ws, change))?;
        self.set_branding(Branding::from_settings(&stored));
        Ok(stored)
    }

    fn set_branding(&self, branding: Branding) {
        *self
            .branding
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(branding);
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
                    backup: good_backup_of(workspace.path()),
                },
            },
            Slot::Failed { path, error } => WorkspaceState::Failed {
                path: path.display().to_string(),
                error: error.clone(),
                backup: good_backup_of(path),
            },
        }
    }

    /// Replaces the workspace that failed to open by its newest good backup
    /// (the damaged file is kept beside it) and opens it.
    pub fn restore_newest_backup(&self) -> Result<WorkspaceInfoDto, ApiError> {
        let path = match &*self.lock() {
            Slot::Failed { path, .. } => path.clone(),
            Slot::Open(_) => {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    "the workspace is open: there is nothing to restore",
                ))
            }
        };
        throughline_store::restore_newest_backup(&path, self.clock.now_millis())?;
        self.switch_to(path)
    }

    /// Switches to another file. On failure the current workspace stays open.
    pub fn switch_to(&self, path: PathBuf) -> Result<WorkspaceInfoDto, ApiError> {
        let workspace = open_for_app(&path, &self.clock)?;
        let info = workspace.info()?;
        log_look_warnings(&workspace);
        let branding = workspace_branding(&workspace);
        let seen = workspace.data_version().unwrap_or(i64::MIN);
        *self.lock() = Slot::Open(workspace);
        self.set_branding(branding);
        self.seen_data_version
            .store(seen, std::sync::atomic::Ordering::SeqCst);
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

/// A stored look that is left off the slides is said in the log.
fn log_look_warnings(workspace: &throughline_store::Workspace) {
    for warning in throughline_api::export::look_warnings(workspace) {
        crate::applog::warn(format_args!("{warning}"));
    }
}
