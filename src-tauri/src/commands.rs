//! The updates and the workspace: one thin command per use case — call the
//! store or `throughline-api` off the UI thread, return `{code, message}`.

use tauri::{AppHandle, State};
use throughline_api::ApiError;
use throughline_core::{Status, Update, UpdateFields, UpdateId, UpdateSummary};
use throughline_store::Workspace;

use crate::desktop;
use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;
use crate::tasks::blocking;
use throughline_api::workspace::{WorkspaceInfoDto, WorkspaceState};

/// Runs `work` against the open workspace (and the app's clock) on a
/// blocking thread.
pub(crate) async fn on_workspace<T: Send + 'static>(
    state: State<'_, AppState>,
    work: impl FnOnce(&Workspace, &dyn throughline_api::Clock) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(|ws| work(ws, state.clock()))).await
}

#[tauri::command]
pub async fn workspace_state(state: State<'_, AppState>) -> Result<WorkspaceState, ApiError> {
    Ok(state.describe())
}

/// Today in the user's time zone, from the app's clock: the page never
/// computes it itself.
#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Result<String, ApiError> {
    Ok(state.clock().today().to_string())
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
    on_workspace(state, move |ws, _| Ok(ws.list_updates(&filter)?)).await
}

#[tauri::command]
pub async fn get_update(state: State<'_, AppState>, id: UpdateId) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, _| Ok(ws.get_update(id)?)).await
}

#[tauri::command]
pub async fn create_update(state: State<'_, AppState>) -> Result<Update, ApiError> {
    on_workspace(state, |ws, clock| {
        let fields = UpdateFields {
            date: clock.today().to_string(),
            ..UpdateFields::default()
        };
        Ok(ws.create_update(&fields, clock.now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn save_update(
    state: State<'_, AppState>,
    id: UpdateId,
    fields: UpdateFields,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.save_update(id, &fields, clock.now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn set_status(
    state: State<'_, AppState>,
    id: UpdateId,
    status: Status,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.set_status(id, status, clock.now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn delete_update(state: State<'_, AppState>, id: UpdateId) -> Result<(), ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.delete_update(id, clock.now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn restore_update(state: State<'_, AppState>, id: UpdateId) -> Result<(), ApiError> {
    on_workspace(state, move |ws, _| Ok(ws.restore_update(id)?)).await
}

/// "Delete permanently": the update's rows leave the workspace file.
#[tauri::command]
pub async fn delete_permanently(state: State<'_, AppState>, id: UpdateId) -> Result<(), ApiError> {
    on_workspace(state, move |ws, _| {
        throughline_api::sending::delete_permanently(ws, id)
    })
    .await
}

/// The update's history: its revisions, newest first, and its events.
#[tauri::command]
pub async fn update_history(
    state: State<'_, AppState>,
    id: UpdateId,
) -> Result<throughline_store::UpdateHistory, ApiError> {
    on_workspace(state, move |ws, _| Ok(ws.update_history(id)?)).await
}

/// What changed from a revision to the update as it is now, line by line.
#[tauri::command]
pub async fn update_revision_diff(
    state: State<'_, AppState>,
    id: UpdateId,
    revision: i64,
) -> Result<Vec<String>, ApiError> {
    on_workspace(state, move |ws, _| Ok(ws.revision_diff(id, revision)?)).await
}

/// Brings a revision back as a new revision; the later ones stay.
#[tauri::command]
pub async fn restore_update_revision(
    state: State<'_, AppState>,
    id: UpdateId,
    revision: i64,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.restore_revision(id, revision, clock.now_millis())?)
    })
    .await
}

#[tauri::command]
pub async fn duplicate_update(
    state: State<'_, AppState>,
    id: UpdateId,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.duplicate_for_next_week(id, clock.today(), clock.now_millis())?)
    })
    .await
}

/// "Back up now": a verified copy of the workspace beside it.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<String, ApiError> {
    on_workspace(state, |ws, clock| {
        Ok(throughline_api::workspace::back_up(ws, clock)?
            .display()
            .to_string())
    })
    .await
}

/// Opens the newest good backup in place of a workspace that cannot be opened.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>) -> Result<WorkspaceInfoDto, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.restore_newest_backup()).await
}
