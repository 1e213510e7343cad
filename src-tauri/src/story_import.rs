//! "Import stories…": story Markdown files the user picked, stored as
//! updates, all or nothing (`throughline_api::stories`).

use tauri::State;
use throughline_api::stories::{import_stories as import, StoriesImport};
use throughline_api::ApiError;

use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;
use crate::tasks::blocking;

/// Imports files the user chose in the open dialog.
pub fn import_chosen_stories(
    state: &AppState,
    grants: &FileGrants,
    paths: &[String],
) -> Result<StoriesImport, ApiError> {
    let paths = paths
        .iter()
        .map(|path| grants.check(path, FilePurpose::Stories))
        .collect::<Result<Vec<_>, _>>()?;
    state.with_workspace(|ws| import(ws, &paths, state.clock()))
}

#[tauri::command]
pub async fn import_stories(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    paths: Vec<String>,
) -> Result<StoriesImport, ApiError> {
    let state = state.inner().clone();
    let grants = grants.inner().clone();
    blocking(move || import_chosen_stories(&state, &grants, &paths)).await
}
