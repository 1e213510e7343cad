//! The team's commands, and the exchange the background task runs once the
//! workspace has joined a team (never before). Each exchange runs on a
//! thread of its own: the sync engine drives its own runtime.

use tauri::{AppHandle, Emitter, State};
use throughline_api::team::{self, JoinRequest, SyncOutcome, TeamStatus, Wait};
use throughline_api::ApiError;
use throughline_store::{SharedKind, TeamSharing};

use crate::applog;
use crate::commands::on_workspace;
use crate::state::AppState;

/// The event the page hears after an exchange (its outcome).
pub const TEAM_SYNCED: &str = "team-synced";

/// One exchange at a time, whether the schedule or the user asked.
static EXCHANGE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn on_own_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let (done, result) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("team-exchange".into())
        .spawn(move || {
            let _ = done.send(work());
        })
        .map_err(|err| ApiError::internal(format!("cannot start the team exchange: {err}")))?;
    result
        .await
        .map_err(|_| ApiError::internal("the team exchange stopped"))?
}

fn path_of(state: &AppState) -> Result<std::path::PathBuf, ApiError> {
    state.with_workspace(|ws| Ok(ws.path().to_owned()))
}

#[tauri::command]
pub async fn team_status(state: State<'_, AppState>) -> Result<TeamStatus, ApiError> {
    on_workspace(state, |ws, _| team::status(ws)).await
}

#[tauri::command]
pub async fn team_join(
    state: State<'_, AppState>,
    server: String,
    team: Option<String>,
    team_name: String,
    display_name: String,
    allow_plain: bool,
) -> Result<TeamStatus, ApiError> {
    let app = state.inner().clone();
    let path = path_of(&app)?;
    let request = JoinRequest {
        server,
        team: team.filter(|t| !t.trim().is_empty()),
        team_name,
        display_name,
        allow_plain,
    };
    let _one = EXCHANGE.lock().await;
    let clock = app.clone();
    on_own_thread(move || {
        team::block_on(team::join(&path, request, Wait::default(), clock.clock()))?.map(|_| ())
    })
    .await?;
    on_workspace(state, |ws, _| team::status(ws)).await
}

#[tauri::command]
pub async fn team_leave(state: State<'_, AppState>) -> Result<TeamStatus, ApiError> {
    let _one = EXCHANGE.lock().await;
    on_workspace(state, |ws, _| {
        team::leave(ws)?;
        team::status(ws)
    })
    .await
}

#[tauri::command]
pub async fn team_share(
    state: State<'_, AppState>,
    kind: SharedKind,
    id: i64,
    shared: bool,
) -> Result<TeamStatus, ApiError> {
    on_workspace(state, move |ws, _| {
        if shared {
            team::share(ws, kind, id)?;
        } else {
            team::unshare(ws, kind, id)?;
        }
        team::status(ws)
    })
    .await
}

#[tauri::command]
pub async fn team_set_sharing(
    state: State<'_, AppState>,
    sharing: TeamSharing,
) -> Result<TeamStatus, ApiError> {
    on_workspace(state, move |ws, _| {
        team::set_sharing(ws, sharing)?;
        team::status(ws)
    })
    .await
}

#[tauri::command]
pub async fn team_invitation(state: State<'_, AppState>) -> Result<String, ApiError> {
    on_workspace(state, |ws, _| Ok(team::invitation(ws)?.to_json())).await
}

#[tauri::command]
pub async fn team_sync_now(state: State<'_, AppState>) -> Result<SyncOutcome, ApiError> {
    exchange(state.inner()).await
}

async fn exchange(state: &AppState) -> Result<SyncOutcome, ApiError> {
    let _one = EXCHANGE.lock().await;
    let path = path_of(state)?;
    let clock = state.clone();
    on_own_thread(move || team::block_on(team::sync(&path, Wait::default(), clock.clock()))?).await
}

/// The scheduled exchange: nothing at all unless the workspace joined a team.
pub async fn scheduled_exchange(state: AppState, app: AppHandle) {
    let joined = {
        let state = state.clone();
        crate::tasks::blocking(move || state.with_workspace(|ws| Ok(ws.team()?.is_some()))).await
    };
    if !joined.unwrap_or(false) {
        return;
    }
    match exchange(&state).await {
        Ok(outcome) => {
            for problem in &outcome.problems {
                applog::warn(format_args!("team item not applied: {problem}"));
            }
            let _ = app.emit(TEAM_SYNCED, outcome);
        }
        Err(err) => applog::warn(format_args!("team exchange failed: {}", err.message)),
    }
}
