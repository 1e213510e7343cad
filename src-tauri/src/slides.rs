//! Preview and export commands: the same render call for both, so what the
//! editor shows is what the file holds.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use throughline_core::story::{to_markdown, Story};
use throughline_core::table::{infer_kind, parse_table};
use throughline_core::{ChartKind, DataTable, UpdateFields, UpdateId};
use throughline_render::{
    png_data_url, render_update_slide, slides_to_pdf_with_progress, svg_to_png, svg_to_rgba,
    PngCompression, Theme,
};

use crate::api_error::ApiError;
use crate::file_access::{FileGrants, FilePurpose};
use crate::state::AppState;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Light,
    Dark,
}

impl ThemeName {
    fn theme(self) -> Theme {
        match self {
            ThemeName::Light => Theme::light(),
            ThemeName::Dark => Theme::dark(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Png,
    Md,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParsedTable {
    pub table: DataTable,
    pub suggested_kind: ChartKind,
    /// The unit the pasted cells state (`%`), for a chart that has none yet.
    pub suggested_unit: Option<String>,
}

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|err| ApiError::internal(format!("the background task failed: {err}")))?
}

fn render_error(err: throughline_render::RenderError) -> ApiError {
    ApiError {
        code: "render_failed",
        message: err.to_string(),
    }
}

/// The slide for the fields being edited, as a PNG data URL (half size,
/// fast encoding): the renderer's own pixels, never the webview's text.
/// The banner a slide carries when the journal its update backs has a
/// triggered kill criterion.
fn kill_banner(triggered: &[String]) -> Option<String> {
    (!triggered.is_empty()).then(|| format!("Kill criterion triggered: {}", triggered.join("; ")))
}

fn slide_svg(
    fields: &UpdateFields,
    (page, count): (u32, u32),
    theme: &Theme,
    branding: &throughline_render::Branding,
    banner: Option<&str>,
) -> String {
    let input = throughline_render::SlideInput {
        fields,
        chart: fields.chart.as_ref(),
        page,
        page_count: count,
        banner,
    };
    throughline_render::render_slide_svg(&input, theme, branding)
}

#[tauri::command]
pub async fn render_preview(
    state: State<'_, AppState>,
    fields: UpdateFields,
    theme: ThemeName,
    id: Option<UpdateId>,
) -> Result<String, ApiError> {
    let branding = state.branding();
    let state = state.inner().clone();
    blocking(move || {
        let triggered = match id {
            Some(id) => state
                .with_workspace(|ws| Ok(ws.triggered_for_update(id)?))
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let banner = kill_banner(&triggered);
        let svg = slide_svg(
            &fields,
            (1, 1),
            &theme.theme(),
            &branding,
            banner.as_deref(),
        );
        let png = svg_to_png(&svg, 0.5, PngCompression::Fast).map_err(render_error)?;
        Ok(png_data_url(&png))
    })
    .await
}

/// Puts the slide (1920×1080) on the clipboard as an image, to paste into
/// a chat, a mail or another deck.
#[tauri::command]
pub async fn copy_slide_image(
    app: AppHandle,
    state: State<'_, AppState>,
    fields: UpdateFields,
    theme: ThemeName,
) -> Result<(), ApiError> {
    let branding = state.branding();
    blocking(move || {
        let svg = render_update_slide(&fields, 1, 1, &theme.theme(), &branding);
        let image = svg_to_rgba(&svg, 1.0).map_err(render_error)?;
        let image = tauri::image::Image::new_owned(image.pixels, image.width, image.height);
        app.clipboard().write_image(&image).map_err(|err| ApiError {
            code: "clipboard",
            message: format!("the slide could not be put on the clipboard: {err}"),
        })
    })
    .await
}

/// How far a deck export has come, sent while it runs.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
}

/// Reads pasted or imported spreadsheet data, or says which cell is wrong.
#[tauri::command]
pub async fn parse_chart_data(text: String) -> Result<ParsedTable, ApiError> {
    blocking(move || {
        let table = parse_table(&text).map_err(|err| ApiError {
            code: "invalid_input",
            message: err.to_string(),
        })?;
        let suggested_kind = infer_kind(&table);
        Ok(ParsedTable {
            table,
            suggested_kind,
            suggested_unit: throughline_core::table::stated_unit(&text),
        })
    })
    .await
}

/// What to export, and where: the path the user chose in the save dialog.
#[derive(Debug, Clone, Deserialize)]
pub struct ExportRequest {
    pub ids: Vec<UpdateId>,
    pub path: String,
    pub format: ExportFormat,
    pub theme: ThemeName,
    pub scale: Option<f32>,
}

/// Writes the updates (in the order given) to the file the user chose in
/// the save dialog: one PDF deck, one PNG, or the story Markdown.
#[tauri::command]
pub async fn export_updates(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    request: ExportRequest,
    on_progress: Channel<ExportProgress>,
) -> Result<String, ApiError> {
    let ExportRequest {
        ids,
        path,
        format,
        theme,
        scale,
    } = request;
    let purpose = match format {
        ExportFormat::Pdf => FilePurpose::ExportPdf,
        ExportFormat::Png => FilePurpose::ExportPng,
        ExportFormat::Md => FilePurpose::ExportMd,
    };
    let chosen = grants.check(&path, purpose)?;
    let state = state.inner().clone();
    let branding = state.branding();
    let started = std::time::Instant::now();
    let written = blocking(move || {
        if ids.is_empty() {
            return Err(invalid("choose at least one update to export"));
        }
        let path = export_path(&chosen, format)?;
        let updates = state.with_workspace(|ws| {
            ids.iter()
                .map(|id| {
                    let update = ws.get_update(*id)?;
                    let banner = kill_banner(&ws.triggered_for_update(*id)?);
                    Ok((update, banner))
                })
                .collect::<Result<Vec<_>, ApiError>>()
        })?;
        let theme = theme.theme();
        let count = updates.len() as u32;
        let total = updates.len();
        let progress = |done: usize| {
            // A closed window no longer listens; the export goes on.
            let _ = on_progress.send(ExportProgress { done, total });
        };
        progress(0);
        let bytes = match format {
            ExportFormat::Pdf => {
                let svgs: Vec<String> = updates
                    .iter()
                    .enumerate()
                    .map(|(i, (u, banner))| {
                        slide_svg(
                            &u.fields,
                            (i as u32 + 1, count),
                            &theme,
                            &branding,
                            banner.as_deref(),
                        )
                    })
                    .collect();
                slides_to_pdf_with_progress(&svgs, progress).map_err(render_error)?
            }
            ExportFormat::Png | ExportFormat::Md if updates.len() != 1 => {
                return Err(invalid(
                    "PNG and Markdown export one update at a time; use PDF for a deck",
                ));
            }
            ExportFormat::Png => {
                let (update, banner) = &updates[0];
                let svg = slide_svg(&update.fields, (1, 1), &theme, &branding, banner.as_deref());
                svg_to_png(&svg, scale.unwrap_or(1.0), PngCompression::Small)
                    .map_err(render_error)?
            }
            ExportFormat::Md => {
                let (update, _) = &updates[0];
                to_markdown(&Story::from_update_fields(&update.fields, update.status)).into_bytes()
            }
        };
        write_atomically(&path, &bytes)?;
        Ok(path)
    })
    .await?;
    crate::applog::info(format_args!(
        "exported {} in {} ms",
        written.display(),
        started.elapsed().as_millis()
    ));
    grants.grant(&written, FilePurpose::Exported);
    Ok(written.display().to_string())
}

fn invalid(message: &str) -> ApiError {
    ApiError {
        code: "invalid_input",
        message: message.into(),
    }
}

/// The chosen path, with the format's extension added when it has none.
fn export_path(path: &Path, format: ExportFormat) -> Result<PathBuf, ApiError> {
    if !path.is_absolute() || path.file_name().is_none() {
        return Err(invalid("choose where to save the file in the dialog"));
    }
    let extension = match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Png => "png",
        ExportFormat::Md => "md",
    };
    Ok(if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path.to_path_buf()
    })
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let io = |err: std::io::Error| ApiError {
        code: "io",
        message: format!("cannot write {}: {err}", path.display()),
    };
    let mut temp = path.as_os_str().to_owned();
    temp.push(".partial");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes).map_err(io)?;
    std::fs::rename(&temp, path).map_err(|err| {
        let _ = std::fs::remove_file(&temp);
        io(err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_paths_get_their_extension_and_must_be_absolute() {
        assert_eq!(
            export_path(Path::new("/tmp/deck"), ExportFormat::Pdf).unwrap(),
            PathBuf::from("/tmp/deck.pdf")
        );
        assert_eq!(
            export_path(Path::new("/tmp/slide.PNG"), ExportFormat::Png).unwrap(),
            PathBuf::from("/tmp/slide.PNG")
        );
        assert!(export_path(Path::new("relative.pdf"), ExportFormat::Pdf).is_err());
    }
}
