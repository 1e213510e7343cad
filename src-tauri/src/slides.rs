//! Preview, clipboard and export: the same render call for each
//! (`throughline_api::export`), so what the editor shows is what the file holds.

use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use throughline_api::chart_data::{parse_chart_data as parse, ParsedTable};
use throughline_api::export::{self, ExportProgress, ExportRequest, Look, Slide, ThemeName};
use throughline_api::files::{check_save_target, write_atomically};
use throughline_api::{ApiError, ErrorCode};
use throughline_core::{UpdateFields, UpdateId};
use throughline_render::RgbaImage;

use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;
use crate::tasks::blocking;

/// The slide for the fields being edited, as a PNG data URL (half size):
/// the renderer's own pixels, never the webview's text.
#[tauri::command]
pub async fn render_preview(
    state: State<'_, AppState>,
    fields: UpdateFields,
    theme: ThemeName,
    id: Option<UpdateId>,
) -> Result<String, ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        let banner = banner_of(&state, id);
        let look = Look::new(theme, (*state.branding()).clone());
        export::preview(&fields, banner.as_deref(), &look)
    })
    .await
}

/// The kill-criterion banner of a stored update (none for a story not stored).
fn banner_of(state: &AppState, id: Option<UpdateId>) -> Option<String> {
    let id = id?;
    state
        .with_workspace(|ws| export::banner_for(ws, id))
        .ok()
        .flatten()
}

/// The slide being edited as the clipboard gets it: 1920×1080 pixels, with
/// the banner its journal gives it.
pub fn clipboard_image(
    state: &AppState,
    id: Option<UpdateId>,
    fields: UpdateFields,
    theme: ThemeName,
) -> Result<RgbaImage, ApiError> {
    let slide = Slide {
        banner: banner_of(state, id),
        fields,
        status: throughline_core::Status::Draft,
        name: String::new(),
    };
    export::slide_image(&slide, &Look::new(theme, (*state.branding()).clone()))
}

/// Puts the slide (1920×1080) on the clipboard as an image, to paste into
/// a chat, a mail or another deck.
#[tauri::command]
pub async fn copy_slide_image(
    app: AppHandle,
    state: State<'_, AppState>,
    fields: UpdateFields,
    theme: ThemeName,
    id: Option<UpdateId>,
) -> Result<(), ApiError> {
    let state = state.inner().clone();
    blocking(move || {
        let image = clipboard_image(&state, id, fields, theme)?;
        let image = tauri::image::Image::new_owned(image.pixels, image.width, image.height);
        app.clipboard().write_image(&image).map_err(|err| {
            ApiError::new(
                ErrorCode::Clipboard,
                format!("the slide could not be put on the clipboard: {err}"),
            )
        })
    })
    .await
}

/// Reads pasted or imported spreadsheet data, or says which cell is wrong.
#[tauri::command]
pub async fn parse_chart_data(text: String) -> Result<ParsedTable, ApiError> {
    blocking(move || parse(&text)).await
}

/// Writes the updates (in the order given) to the file the user chose:
/// one PDF deck, one PNG, or the story Markdown. Returns the path written.
pub fn export_to_chosen_file(
    state: &AppState,
    grants: &FileGrants,
    request: ExportRequest,
    progress: impl Fn(usize),
) -> Result<PathBuf, ApiError> {
    let purpose = FilePurpose::for_export(request.format);
    let path = grants.check(&request.path, purpose)?;
    check_save_target(&path)?;
    let slides = state.with_workspace(|ws| export::stored_slides(ws, &request.ids))?;
    let mut look = Look::new(request.theme, (*state.branding()).clone());
    look.pptx_template =
        state.with_workspace(throughline_api::branding::workspace_pptx_template)?;
    if let Some(frame) = &request.frame {
        look.frame =
            state.with_workspace(|ws| export::deck_frame(&slides, frame, Some(ws), &look))?;
    }
    let bytes = export::export_bytes(
        &slides,
        request.format,
        &look,
        request.scale.unwrap_or(1.0),
        progress,
    )?;
    write_atomically(&path, &bytes)?;
    grants.grant(&path, FilePurpose::Exported);
    Ok(path)
}

#[tauri::command]
pub async fn export_updates(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    request: ExportRequest,
    on_progress: Channel<ExportProgress>,
) -> Result<String, ApiError> {
    let state = state.inner().clone();
    let grants = grants.inner().clone();
    let started = std::time::Instant::now();
    let total = request.ids.len();
    let written = blocking(move || {
        // A closed window no longer listens; the export goes on.
        let progress = |done: usize| {
            let _ = on_progress.send(ExportProgress { done, total });
        };
        progress(0);
        export_to_chosen_file(&state, &grants, request, progress)
    })
    .await?;
    crate::applog::info(format_args!(
        "exported {} in {} ms",
        written.display(),
        started.elapsed().as_millis()
    ));
    Ok(written.display().to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::path::Path;

    /// A workspace with one update, and the grants of a fresh window.
    fn window_with_update(dir: &Path) -> (AppState, FileGrants, UpdateId) {
        let state = AppState::open(dir.join("w.throughline"));
        let fields = UpdateFields {
            title: "Q3 update".into(),
            ..UpdateFields::default()
        };
        let id = state
            .with_workspace(|ws| Ok(ws.create_update(&fields, 0)?.id))
            .unwrap();
        (state, FileGrants::default(), id)
    }

    fn request(path: &Path, id: UpdateId) -> ExportRequest {
        ExportRequest {
            ids: vec![id],
            path: path.display().to_string(),
            format: throughline_api::export::ExportFormat::Md,
            theme: ThemeName::Light,
            scale: None,
            frame: None,
        }
    }

    #[test]
    fn the_file_written_is_the_one_chosen_even_without_an_extension() {
        let dir = tempfile::tempdir().unwrap();
        let (state, grants, id) = window_with_update(dir.path());
        let chosen = dir.path().join("Q3 update");
        grants.grant(&chosen, FilePurpose::ExportMd);

        let written = export_to_chosen_file(&state, &grants, request(&chosen, id), |_| {}).unwrap();
        assert_eq!(written, chosen);
        assert!(std::fs::read_to_string(&chosen)
            .unwrap()
            .contains("Q3 update"));
        assert!(
            !dir.path().join("Q3 update.md").exists(),
            "an extension was added"
        );
        assert!(grants
            .check(&chosen.display().to_string(), FilePurpose::Exported)
            .is_ok());
    }

    #[test]
    fn a_chosen_file_named_like_another_kind_is_not_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let (state, grants, id) = window_with_update(dir.path());
        let chosen = dir.path().join("notes.txt");
        grants.grant(&chosen, FilePurpose::ExportMd);
        let written = export_to_chosen_file(&state, &grants, request(&chosen, id), |_| {}).unwrap();
        assert_eq!(written, chosen);
        assert!(chosen.is_file());
    }
}

/// "Read-ahead…": the open update's memo (PDF or Markdown) written to the
/// file the user chose. Returns the path written.
#[tauri::command]
pub async fn export_memo(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    id: throughline_core::UpdateId,
    path: String,
    format: export::MemoFormat,
) -> Result<String, ApiError> {
    let state = state.inner().clone();
    let grants = grants.inner().clone();
    blocking(move || {
        let purpose = match format {
            export::MemoFormat::Pdf => FilePurpose::ExportPdf,
            export::MemoFormat::Md => FilePurpose::ExportMd,
        };
        let path = grants.check(&path, purpose)?;
        check_save_target(&path)?;
        let look = Look::new(ThemeName::Light, (*state.branding()).clone());
        let bytes = state.with_workspace(|ws| export::stored_memo(ws, id, format, &look))?;
        write_atomically(&path, &bytes)?;
        grants.grant(&path, FilePurpose::Exported);
        Ok(path.display().to_string())
    })
    .await
}
