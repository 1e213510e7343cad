//! The misalignment audit's commands and the templates: each checks nothing
//! but its input and calls one use case.

use tauri::State;
use throughline_api::audit::{self, AuditView, Pathfinder};
use throughline_api::ApiError;
use throughline_core::audit::{AuditBucket, Strategy, UpdateAudit};
use throughline_core::template::{Template, TemplateId};
use throughline_core::{Update, UpdateId};
use throughline_store::JournalId;

use crate::commands::on_workspace;
use crate::state::AppState;

#[tauri::command]
pub async fn get_audit(state: State<'_, AppState>, id: UpdateId) -> Result<AuditView, ApiError> {
    on_workspace(state, move |ws, _| audit::audit_view(ws, id)).await
}

/// The update's stakeholders and opposed beliefs.
#[tauri::command]
pub async fn save_audit(
    state: State<'_, AppState>,
    id: UpdateId,
    audit: UpdateAudit,
) -> Result<AuditView, ApiError> {
    on_workspace(state, move |ws, clock| {
        audit::save_audit(ws, id, &audit, clock)
    })
    .await
}

/// The workspace's strategy (board target, why users switch, horizon
/// bands, cascade); answers with the open update's audit seen through it.
#[tauri::command]
pub async fn save_strategy(
    state: State<'_, AppState>,
    id: UpdateId,
    strategy: Strategy,
) -> Result<AuditView, ApiError> {
    on_workspace(state, move |ws, _| audit::save_strategy(ws, id, &strategy)).await
}

/// Follows a bucket's playbook to a new, pre-filled draft; answers with it.
#[tauri::command]
pub async fn follow_playbook(
    state: State<'_, AppState>,
    id: UpdateId,
    bucket: AuditBucket,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        let created = audit::follow_playbook(ws, id, bucket, clock)?;
        Ok(ws.get_update(created)?)
    })
    .await
}

/// Starts a pathfinder experiment as a decision journal; answers with its id.
#[tauri::command]
pub async fn start_pathfinder(
    state: State<'_, AppState>,
    experiment: Pathfinder,
) -> Result<JournalId, ApiError> {
    on_workspace(state, move |ws, clock| {
        audit::start_pathfinder(ws, &experiment, clock)
    })
    .await
}

/// The templates, with their prompts, examples and expectations.
#[tauri::command]
pub fn templates() -> Vec<Template> {
    TemplateId::ALL.iter().map(|t| *t.template()).collect()
}

/// A new update from a template.
#[tauri::command]
pub async fn create_from_template(
    state: State<'_, AppState>,
    template: TemplateId,
) -> Result<Update, ApiError> {
    on_workspace(state, move |ws, clock| {
        let id = audit::new_from_template(ws, template, clock)?;
        Ok(ws.get_update(id)?)
    })
    .await
}
