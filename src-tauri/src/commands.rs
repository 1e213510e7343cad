//! One thin command per use case: read the arguments, call the store off
//! the UI thread, map the error to `{code, message}`.

use tauri::{AppHandle, State};
use throughline_core::{Status, Update, UpdateFields, UpdateId, UpdateSummary};
use throughline_store::Workspace;

use crate::api_error::ApiError;
use crate::clock;
use crate::desktop;
use crate::file_access::{FileGrants, FilePurpose};
use crate::state::{AppState, WorkspaceInfoDto, WorkspaceState};

/// Runs `work` against the open workspace on a blocking thread.
async fn on_workspace<T: Send + 'static>(
    state: State<'_, AppState>,
    work: impl FnOnce(&Workspace) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.with_workspace(work))
        .await
        .map_err(|err| ApiError::internal(format!("the background task failed: {err}")))?
}

#[tauri::command]
pub async fn workspace_state(state: State<'_, AppState>) -> Result<WorkspaceState, ApiError> {
    Ok(state.describe())
}

/// Opens, or creates, the workspace the user chose in the dialog.
#[tauri::command]
pub async fn open_workspace(
    app: AppHandle,
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<WorkspaceInfoDto, ApiError> {
    let path = grants
        .check(&path, FilePurpose::OpenWorkspace)
        .or_else(|_| grants.check(&path, FilePurpose::NewWorkspace))?;
    desktop::switch_workspace(app, path).await
}

#[tauri::command]
pub async fn list_updates(
    state: State<'_, AppState>,
    filter: String,
) -> Result<Vec<UpdateSummary>, ApiError> {
    on_workspace(state, move |ws| Ok(ws.list_updates(&filter)?)).await
}

#[tauri::command]
pub async fn get_update(state: State<'_, AppState>, id: UpdateId) -> Result<Update, ApiError> {
    on_workspace(state, move |ws| Ok(ws.get_update(id)?)).await
}

#[tauri::command]
pub async fn create_update(state: State<'_, AppState>) -> Result<Update, ApiError> {
    on_workspace(state, |ws| {
        let fields = UpdateFields {
            date: clock::today().to_string(),
            ..UpdateFields::default()
        };
        Ok(ws.create_update(&fields, clock::now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn save_update(
    state: State<'_, AppState>,
    id: UpdateId,
    fields: UpdateFields,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws| {
        Ok(ws.save_update(id, &fields, clock::now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn set_status(
    state: State<'_, AppState>,
    id: UpdateId,
    status: Status,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws| {
        Ok(ws.set_status(id, status, clock::now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn delete_update(state: State<'_, AppState>, id: UpdateId) -> Result<(), ApiError> {
    on_workspace(state, move |ws| {
        Ok(ws.delete_update(id, clock::now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn restore_update(state: State<'_, AppState>, id: UpdateId) -> Result<(), ApiError> {
    on_workspace(state, move |ws| Ok(ws.restore_update(id)?)).await
}

#[tauri::command]
pub async fn duplicate_update(
    state: State<'_, AppState>,
    id: UpdateId,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws| {
        Ok(ws.duplicate_for_next_week(id, clock::today(), clock::now_millis())?)
    })
    .await
}

/// Backups kept beside the workspace (scheduled and on demand together).
pub const BACKUPS_KEPT: usize = 20;

/// "Back up now": a verified copy of the workspace beside it.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<String, ApiError> {
    on_workspace(state, |ws| {
        let dir = throughline_store::backup_dir_for(ws.path());
        let path = ws.back_up(&dir, BACKUPS_KEPT, clock::now_millis())?;
        Ok(path.display().to_string())
    })
    .await
}

/// Opens the newest good backup in place of a workspace that cannot be opened.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>) -> Result<WorkspaceInfoDto, ApiError> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.restore_newest_backup())
        .await
        .map_err(|err| ApiError::internal(format!("the background task failed: {err}")))?
}

/// Whether another program (the CLI, say) wrote to the workspace since the
/// last call, so the window can show its changes without a restart.
#[tauri::command]
pub async fn external_changes(state: State<'_, AppState>) -> Result<bool, ApiError> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let version = state.with_workspace(|ws| Ok(ws.data_version()?))?;
        Ok(state.note_data_version(version))
    })
    .await
    .map_err(|err| ApiError::internal(format!("the background task failed: {err}")))?
}
