//! The story coach beside the editor: reviews the fields being edited (off
//! the UI thread) with the update's silenced rules, and stores silences.

use serde::Serialize;
use tauri::State;
use throughline_core::coach::{review_with, Finding};
use throughline_core::{UpdateFields, UpdateId};

use crate::api_error::ApiError;
use crate::slides::blocking;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize)]
pub struct ReviewDto {
    pub score: u8,
    pub ready: bool,
    pub findings: Vec<Finding>,
    pub silenced: Vec<Finding>,
    pub silenced_rules: Vec<String>,
}

#[tauri::command]
pub async fn review_update(
    state: State<'_, AppState>,
    id: UpdateId,
    fields: UpdateFields,
) -> Result<ReviewDto, ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        let (silenced_rules, context) =
            state.with_workspace(|ws| Ok((ws.silenced_rules(id)?, ws.coach_context(id)?)))?;
        let review = review_with(&fields, &silenced_rules, &context);
        Ok(ReviewDto {
            score: review.score,
            ready: review.ready,
            findings: review.findings,
            silenced: review.silenced,
            silenced_rules,
        })
    })
    .await
}

#[tauri::command]
pub async fn set_silenced_rules(
    state: State<'_, AppState>,
    id: UpdateId,
    rules: Vec<String>,
) -> Result<Vec<String>, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(|ws| Ok(ws.set_silenced_rules(id, &rules)?))).await
}
