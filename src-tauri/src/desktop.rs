//! What a desktop app is expected to do around its documents: one window
//! per workspace, a recent list in the File menu, showing an exported file
//! or the log in the file manager.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, State};

use crate::applog;
use crate::file_access::{FileGrants, FilePurpose};
use crate::instance::WindowClaim;
use crate::menu;
use crate::recent::RecentWorkspaces;
use crate::state::AppState;
use crate::tasks::blocking;
use throughline_api::workspace::WorkspaceInfoDto;
use throughline_api::{ApiError, ErrorCode};

/// Switches the window to `path` — unless another window has it open, which
/// is brought forward instead. On any failure the current workspace stays.
pub async fn switch_workspace(app: AppHandle, path: PathBuf) -> Result<WorkspaceInfoDto, ApiError> {
    blocking(move || {
        let claim = app
            .state::<WindowClaim>()
            .claim(&path)
            .map_err(|_| open_elsewhere(&path))?;
        let info = app.state::<AppState>().switch_to(path.clone())?;
        app.state::<WindowClaim>().hold(claim);
        applog::info(format_args!("opened {}", path.display()));
        remember_recent(&app, &path);
        Ok(info)
    })
    .await
}

pub fn open_elsewhere(path: &Path) -> ApiError {
    ApiError {
        code: ErrorCode::OpenElsewhere,
        message: format!(
            "{} is already open in another Throughline window, which was brought forward",
            path.display()
        ),
    }
}

/// Puts `path` first in File › Open recent.
pub fn remember_recent<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    match app.state::<RecentWorkspaces>().remember(path) {
        Ok(list) => refresh_menu(app, &list),
        Err(err) => applog::warn(format_args!("the recent list could not be saved: {err}")),
    }
}

pub fn refresh_menu<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) {
    let result = menu::build(app, recent).and_then(|menu| app.set_menu(menu).map(|_| ()));
    if let Err(err) = result {
        applog::warn(format_args!("the menu could not be rebuilt: {err}"));
    }
}

/// The recent workspaces, newest first (the File menu lists the same).
#[tauri::command]
pub async fn recent_workspaces(
    recent: State<'_, RecentWorkspaces>,
) -> Result<Vec<String>, ApiError> {
    Ok(recent
        .list()
        .iter()
        .map(|path| path.display().to_string())
        .collect())
}

/// Opens the `index`th recent workspace (as listed by the menu).
#[tauri::command]
pub async fn open_recent(
    app: AppHandle,
    recent: State<'_, RecentWorkspaces>,
    index: usize,
) -> Result<WorkspaceInfoDto, ApiError> {
    let path = recent.list().get(index).cloned().ok_or_else(|| ApiError {
        code: ErrorCode::NotFound,
        message: "that workspace is no longer in the recent list (moved or deleted?)".into(),
    })?;
    switch_workspace(app, path).await
}

/// Shows a file the app exported in this session, selected in its folder.
#[tauri::command]
pub async fn reveal_exported(grants: State<'_, FileGrants>, path: String) -> Result<(), ApiError> {
    let path = grants.check(&path, FilePurpose::Exported)?;
    blocking(move || reveal(&path)).await
}

/// Help › Show the log file.
pub fn reveal_log() {
    let result = match applog::path() {
        Some(path) => reveal(&path),
        None => Err(ApiError::internal("the log could not be started")),
    };
    if let Err(err) = result {
        applog::warn(format_args!(
            "the log file could not be shown: {}",
            err.message
        ));
    }
}

fn reveal(path: &Path) -> Result<(), ApiError> {
    tauri_plugin_opener::reveal_item_in_dir(path).map_err(|err| ApiError {
        code: ErrorCode::RevealFailed,
        message: format!(
            "{} could not be shown in the file manager ({err}); it is saved there",
            path.display()
        ),
    })
}

/// Brings the main window to the front (a second launch asked for it).
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    applog::info("a second launch on this workspace brought the window forward");
}
