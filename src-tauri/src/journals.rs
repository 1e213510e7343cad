//! Decision journals in the app: thin commands over the store and
//! `throughline_api::journals`.

use tauri::State;
use throughline_api::files::{check_save_target, write_atomically};
use throughline_api::journals::{
    self, CriterionChart, JournalFormat, JournalView, ReadingsImport, UpdateJournal,
};
use throughline_api::ApiError;
use throughline_core::journal::JournalBody;
use throughline_core::UpdateId;
use throughline_store::{JournalId, JournalSummary};

use crate::commands::on_workspace;
use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;

#[tauri::command]
pub async fn list_journals(state: State<'_, AppState>) -> Result<Vec<JournalSummary>, ApiError> {
    on_workspace(state, |ws, _| Ok(ws.list_journals()?)).await
}

#[tauri::command]
pub async fn get_journal(
    state: State<'_, AppState>,
    id: JournalId,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, _| journals::view(ws, id)).await
}

#[tauri::command]
pub async fn create_journal(
    state: State<'_, AppState>,
    body: JournalBody,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, clock| {
        let id = ws.create_journal(&body, clock.now_millis())?;
        journals::view(ws, id)
    })
    .await
}

/// Saves what was typed: in place for an unshared journal, as the pending
/// change of a shared one (kept until recorded or discarded).
#[tauri::command]
pub async fn save_journal(
    state: State<'_, AppState>,
    id: JournalId,
    body: JournalBody,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, _| {
        ws.save_journal_draft(id, &body)?;
        journals::view(ws, id)
    })
    .await
}

/// Drops a shared journal's pending change.
#[tauri::command]
pub async fn discard_journal_change(
    state: State<'_, AppState>,
    id: JournalId,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, _| {
        ws.discard_journal_change(id)?;
        journals::view(ws, id)
    })
    .await
}

#[tauri::command]
pub async fn share_journal(
    state: State<'_, AppState>,
    id: JournalId,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, clock| {
        ws.share_journal(id, &journals::author(ws)?, clock.now_millis())?;
        journals::view(ws, id)
    })
    .await
}

#[tauri::command]
pub async fn revise_journal(
    state: State<'_, AppState>,
    id: JournalId,
    body: JournalBody,
    reason: String,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, clock| {
        ws.revise_journal(
            id,
            &body,
            &journals::author(ws)?,
            &reason,
            clock.now_millis(),
        )?;
        journals::view(ws, id)
    })
    .await
}

#[tauri::command]
pub async fn import_readings(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    id: JournalId,
    path: String,
    accept_valid: bool,
) -> Result<ReadingsImport, ApiError> {
    let path = grants.check(&path, FilePurpose::Readings)?;
    on_workspace(state, move |ws, clock| {
        journals::import_readings(ws, id, &path, accept_valid, clock)
    })
    .await
}

/// One reading typed in by hand.
#[tauri::command]
pub async fn add_reading(
    state: State<'_, AppState>,
    id: JournalId,
    metric: String,
    date: String,
    value: f64,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, clock| {
        journals::add_reading(ws, id, &metric, &date, value, clock)?;
        journals::view(ws, id)
    })
    .await
}

/// Corrects a reading (a value) or removes it (none); a frozen journal's
/// only with a reason, recorded as a revision.
#[tauri::command]
pub async fn change_reading(
    state: State<'_, AppState>,
    id: JournalId,
    metric: String,
    date: String,
    value: Option<f64>,
    reason: String,
) -> Result<JournalView, ApiError> {
    on_workspace(state, move |ws, clock| {
        journals::change_reading(ws, id, (&metric, &date), value, &reason, clock)?;
        journals::view(ws, id)
    })
    .await
}

/// Writes the journal for the team to the file the user chose: Markdown,
/// or a one-page PDF/PNG stamped with its latest revision and hash.
#[tauri::command]
pub async fn export_journal_markdown(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    id: JournalId,
    path: String,
    format: Option<JournalFormat>,
) -> Result<String, ApiError> {
    let format = format.unwrap_or_default();
    let purpose = match format {
        JournalFormat::Md => FilePurpose::ExportMd,
        JournalFormat::Pdf => FilePurpose::ExportPdf,
        JournalFormat::Png => FilePurpose::ExportPng,
    };
    let path = grants.check(&path, purpose)?;
    check_save_target(&path)?;
    let branding = state.branding();
    let written = on_workspace(state, move |ws, _| {
        write_atomically(&path, &journals::export_journal(ws, id, format, &branding)?)?;
        Ok(path)
    })
    .await?;
    crate::applog::info(format_args!(
        "journal {id:?} exported to {}",
        written.display()
    ));
    grants.grant(&written, FilePurpose::Exported);
    Ok(written.display().to_string())
}

#[tauri::command]
pub async fn journal_diff(
    state: State<'_, AppState>,
    id: JournalId,
    from: String,
    to: String,
) -> Result<Vec<String>, ApiError> {
    on_workspace(state, move |ws, _| {
        journals::revision_diff(ws, id, &from, &to)
    })
    .await
}

/// A kill criterion's readings as chart data, for the Evidence step.
#[tauri::command]
pub async fn criterion_chart(
    state: State<'_, AppState>,
    journal: JournalId,
    index: usize,
) -> Result<CriterionChart, ApiError> {
    on_workspace(state, move |ws, _| {
        journals::criterion_chart(ws, journal, index)
    })
    .await
}

#[tauri::command]
pub async fn get_author(state: State<'_, AppState>) -> Result<String, ApiError> {
    on_workspace(state, |ws, _| journals::author(ws)).await
}

#[tauri::command]
pub async fn set_author(state: State<'_, AppState>, name: String) -> Result<String, ApiError> {
    on_workspace(state, move |ws, _| {
        ws.set_author_name(&name)?;
        journals::author(ws)
    })
    .await
}

#[tauri::command]
pub async fn link_update(
    state: State<'_, AppState>,
    update: UpdateId,
    journal: Option<JournalId>,
) -> Result<(), ApiError> {
    on_workspace(state, move |ws, clock| {
        Ok(ws.link_update(update, journal, clock.now_millis())?)
    })
    .await
}

/// The journal an update backs, and its triggered criteria (for the banner).
#[tauri::command]
pub async fn update_journal(
    state: State<'_, AppState>,
    update: UpdateId,
) -> Result<UpdateJournal, ApiError> {
    on_workspace(state, move |ws, _| journals::update_journal(ws, update)).await
}
