//! The story coach beside the editor, and the rules silenced per update.

use tauri::State;
use throughline_api::coach::ReviewView;
use throughline_api::ApiError;
use throughline_core::{UpdateFields, UpdateId};

use crate::commands::on_workspace;
use crate::state::AppState;

#[tauri::command]
pub async fn review_update(
    state: State<'_, AppState>,
    id: UpdateId,
    fields: UpdateFields,
) -> Result<ReviewView, ApiError> {
    on_workspace(state, move |ws, _| {
        throughline_api::coach::review_update(ws, id, &fields)
    })
    .await
}

#[tauri::command]
pub async fn set_silenced_rules(
    state: State<'_, AppState>,
    id: UpdateId,
    rules: Vec<String>,
) -> Result<Vec<String>, ApiError> {
    on_workspace(state, move |ws, _| Ok(ws.set_silenced_rules(id, &rules)?)).await
}
