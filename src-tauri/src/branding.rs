//! The workspace's look: accent colour, footer label and logo.

use serde::Serialize;
use tauri::State;
use throughline_core::branding::{check_logo, MAX_LOGO_BYTES};
use throughline_core::BrandingSettings;

use crate::api_error::ApiError;
use crate::file_access::{FileGrants, FilePurpose};
use crate::slides::blocking;
use crate::state::AppState;

/// The branding as the settings panel shows it.
#[derive(Debug, Clone, Serialize)]
pub struct BrandingDto {
    pub accent: String,
    pub footer_label: String,
    /// The logo as a `data:` URL, to show beside its "Remove" button.
    pub logo: Option<String>,
}

impl From<&BrandingSettings> for BrandingDto {
    fn from(settings: &BrandingSettings) -> Self {
        Self {
            accent: settings.accent.clone(),
            footer_label: settings.footer_label.clone(),
            logo: settings.logo.as_deref().and_then(|bytes| {
                let format = check_logo(bytes).ok()?;
                Some(format!(
                    "data:{};base64,{}",
                    format.mime(),
                    throughline_render::base64(bytes)
                ))
            }),
        }
    }
}

#[tauri::command]
pub async fn get_branding(state: State<'_, AppState>) -> Result<BrandingDto, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(|ws| Ok((&ws.branding()?).into()))).await
}

/// Saves the accent colour and the footer label; the logo stays.
#[tauri::command]
pub async fn save_branding(
    state: State<'_, AppState>,
    accent: String,
    footer_label: String,
) -> Result<BrandingDto, ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        let current = state.with_workspace(|ws| Ok(ws.branding()?))?;
        let stored = state.save_branding(BrandingSettings {
            accent,
            footer_label,
            ..current
        })?;
        Ok((&stored).into())
    })
    .await
}

/// Sets the logo to the image the user picked in the open dialog.
#[tauri::command]
pub async fn set_logo(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<BrandingDto, ApiError> {
    let path = grants.check(&path, FilePurpose::Logo)?;
    let state = state.inner().clone();
    blocking(move || {
        let io = |err: std::io::Error| ApiError {
            code: "io",
            message: format!("cannot read {}: {err}", path.display()),
        };
        if std::fs::metadata(&path).map_err(io)?.len() > MAX_LOGO_BYTES as u64 {
            return Err(ApiError {
                code: "invalid_input",
                message: format!(
                    "the logo must be under {} MB; use a smaller image",
                    MAX_LOGO_BYTES / 1_048_576
                ),
            });
        }
        let bytes = std::fs::read(&path).map_err(io)?;
        let current = state.with_workspace(|ws| Ok(ws.branding()?))?;
        let stored = state.save_branding(BrandingSettings {
            logo: Some(bytes),
            ..current
        })?;
        Ok((&stored).into())
    })
    .await
}

#[tauri::command]
pub async fn clear_logo(state: State<'_, AppState>) -> Result<BrandingDto, ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        let current = state.with_workspace(|ws| Ok(ws.branding()?))?;
        let stored = state.save_branding(BrandingSettings {
            logo: None,
            ..current
        })?;
        Ok((&stored).into())
    })
    .await
}
