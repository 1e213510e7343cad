//! The workspace's look: accent colour, footer label and logo.

use tauri::State;
use throughline_api::branding::{read_logo, BrandingChange, BrandingView};
use throughline_api::ApiError;

use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;
use crate::tasks::blocking;

#[tauri::command]
pub async fn get_branding(state: State<'_, AppState>) -> Result<BrandingView, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(|ws| Ok((&ws.branding()?).into()))).await
}

async fn change(
    state: State<'_, AppState>,
    change: BrandingChange,
) -> Result<BrandingView, ApiError> {
    let state = state.inner().clone();
    blocking(move || Ok((&state.save_branding(change)?).into())).await
}

/// Saves the accent colour, the footer label, whether slides print the
/// beat names and the significance note; the logo stays.
#[tauri::command]
pub async fn save_branding(
    state: State<'_, AppState>,
    accent: String,
    footer_label: String,
    beat_names: bool,
    significance_note: bool,
) -> Result<BrandingView, ApiError> {
    change(
        state,
        BrandingChange::Text {
            accent,
            footer_label,
            beat_names,
            significance_note,
        },
    )
    .await
}

/// Sets the logo to the image the user picked in the open dialog.
#[tauri::command]
pub async fn set_logo(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<BrandingView, ApiError> {
    let path = grants.check(&path, FilePurpose::Logo)?;
    let logo = blocking(move || read_logo(&path)).await?;
    change(state, logo).await
}

#[tauri::command]
pub async fn clear_logo(state: State<'_, AppState>) -> Result<BrandingView, ApiError> {
    change(state, BrandingChange::NoLogo).await
}

/// The company PowerPoint template's file name, if one is set.
#[tauri::command]
pub async fn get_pptx_template(state: State<'_, AppState>) -> Result<Option<String>, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(|ws| Ok(ws.pptx_template_name()?))).await
}

/// Sets the template PowerPoint exports build on to the file the user
/// picked (checked first); answers with its name.
#[tauri::command]
pub async fn set_pptx_template(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<Option<String>, ApiError> {
    let path = grants.check(&path, FilePurpose::PptxTemplate)?;
    let state = state.inner().clone();
    blocking(move || {
        state.with_workspace(|ws| throughline_api::branding::set_pptx_template(ws, &path))
    })
    .await
}

#[tauri::command]
pub async fn clear_pptx_template(state: State<'_, AppState>) -> Result<Option<String>, ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        state.with_workspace(|ws| {
            ws.clear_pptx_template()?;
            Ok(None)
        })
    })
    .await
}
