//! Work off the UI thread, on tokio (Tauri's own runtime): blocking use
//! cases, and the background tasks that run while the window is open — the
//! backup schedule, the watch for other programs' writes and, once the
//! workspace joined a team, the exchange with it — each stopped when the
//! app quits.

use tauri::{AppHandle, Emitter, Manager};
use throughline_api::limits::{BACKUP_INTERVAL, EXTERNAL_CHANGE_POLL, TEAM_SYNC_PERIOD};
use throughline_api::ApiError;
use tokio::sync::watch;

use crate::applog;
use crate::state::AppState;

/// The event the page hears when another program wrote to the workspace.
pub const WORKSPACE_CHANGED: &str = "workspace-changed";

/// Runs a blocking use case on tokio's blocking pool.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|err| ApiError::internal(format!("the background task failed: {err}")))?
}

/// Tells the background tasks to stop.
pub struct Shutdown(watch::Sender<bool>);

impl Shutdown {
    pub fn stop(&self) {
        let _ = self.0.send(true);
    }
}

/// Starts the background tasks; they end when [`Shutdown::stop`] is called.
pub fn start(app: &AppHandle) -> Shutdown {
    let (stop, stopped) = watch::channel(false);
    let state = app.state::<AppState>().inner().clone();
    tauri::async_runtime::spawn(every(BACKUP_INTERVAL, stopped.clone(), {
        let state = state.clone();
        move || {
            let state = state.clone();
            async move { back_up(state).await }
        }
    }));
    tauri::async_runtime::spawn(every(TEAM_SYNC_PERIOD, stopped.clone(), {
        let state = state.clone();
        let handle = app.clone();
        move || crate::team::scheduled_exchange(state.clone(), handle.clone())
    }));
    let handle = app.clone();
    tauri::async_runtime::spawn(every(EXTERNAL_CHANGE_POLL, stopped, move || {
        let state = state.clone();
        let handle = handle.clone();
        async move { look_for_changes(state, handle).await }
    }));
    Shutdown(stop)
}

/// Runs `tick` every `period` (the first after one period) until stopped.
async fn every<F, Fut>(period: std::time::Duration, mut stopped: watch::Receiver<bool>, tick: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut interval = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = interval.tick() => tick().await,
            _ = stopped.changed() => return,
        }
    }
}

/// A verified backup of the open workspace; a failed one is retried next time.
async fn back_up(state: AppState) {
    let done = blocking(move || {
        state.with_workspace(|ws| throughline_api::workspace::back_up(ws, state.clock()))
    })
    .await;
    match done {
        Ok(path) => applog::info(format_args!("backed up to {}", path.display())),
        Err(err) => applog::warn(format_args!("scheduled backup failed: {}", err.message)),
    }
}

/// Tells the page when another program (the CLI) wrote to the workspace: its
/// writes land in the `-wal`, which only SQLite's `data_version` sees.
async fn look_for_changes(state: AppState, app: AppHandle) {
    let moved = blocking(move || {
        let version = state.with_workspace(|ws| Ok(ws.data_version()?))?;
        Ok(state.note_data_version(version))
    })
    .await;
    if moved.unwrap_or(false) {
        let _ = app.emit(WORKSPACE_CHANGED, ());
    }
}
