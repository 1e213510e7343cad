//! Decision journals in the app: thin commands over the store.

use serde::Serialize;
use tauri::State;
use throughline_core::journal::{
    diff, evaluate, parse_readings, to_markdown, Evaluation, JournalBody, Reading, ReadingProblem,
};
use throughline_core::UpdateId;
use throughline_store::{JournalId, JournalSummary, StoredJournal, Workspace};

use crate::api_error::ApiError;
use crate::clock;
use crate::file_access::{FileGrants, FilePurpose};
use crate::slides::{blocking, write_atomically};
use crate::state::AppState;

/// A journal with what the view needs beside it.
#[derive(Debug, Clone, Serialize)]
pub struct JournalView {
    pub journal: StoredJournal,
    pub readings: Vec<Reading>,
    /// One per criterion, in the criteria's order.
    pub evaluations: Vec<Evaluation>,
}

fn view(ws: &Workspace, id: JournalId) -> Result<JournalView, ApiError> {
    let journal = ws.journal(id)?;
    let readings = ws.readings(id)?;
    let evaluations = journal
        .body
        .criteria
        .iter()
        .map(|c| evaluate(c, &readings))
        .collect();
    Ok(JournalView {
        journal,
        readings,
        evaluations,
    })
}

async fn on_ws<T: Send + 'static>(
    state: State<'_, AppState>,
    work: impl FnOnce(&Workspace) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.inner().clone();
    blocking(move || state.with_workspace(work)).await
}

/// The author name for revisions: the one set in preferences, else the OS user.
fn author(ws: &Workspace) -> Result<String, ApiError> {
    Ok(ws.author_name()?.unwrap_or_else(os_user))
}

fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "unknown author".into())
}

#[tauri::command]
pub async fn list_journals(state: State<'_, AppState>) -> Result<Vec<JournalSummary>, ApiError> {
    on_ws(state, |ws| Ok(ws.list_journals()?)).await
}

#[tauri::command]
pub async fn get_journal(
    state: State<'_, AppState>,
    id: JournalId,
) -> Result<JournalView, ApiError> {
    on_ws(state, move |ws| view(ws, id)).await
}

#[tauri::command]
pub async fn create_journal(
    state: State<'_, AppState>,
    body: JournalBody,
) -> Result<JournalView, ApiError> {
    on_ws(state, move |ws| {
        let id = ws.create_journal(&body, clock::now_millis())?;
        view(ws, id)
    })
    .await
}

#[tauri::command]
pub async fn save_journal(
    state: State<'_, AppState>,
    id: JournalId,
    body: JournalBody,
) -> Result<JournalView, ApiError> {
    on_ws(state, move |ws| {
        ws.save_journal_draft(id, &body)?;
        view(ws, id)
    })
    .await
}

#[tauri::command]
pub async fn share_journal(
    state: State<'_, AppState>,
    id: JournalId,
) -> Result<JournalView, ApiError> {
    on_ws(state, move |ws| {
        ws.share_journal(id, &author(ws)?, clock::now_millis())?;
        view(ws, id)
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
    on_ws(state, move |ws| {
        ws.revise_journal(id, &body, &author(ws)?, &reason, clock::now_millis())?;
        view(ws, id)
    })
    .await
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadingsImport {
    /// How many readings were stored (0 when the user must confirm first).
    pub imported: usize,
    /// Rows that could not be taken; with `accept_valid` false and some
    /// problems, nothing is stored and the user is asked.
    pub problems: Vec<ReadingProblem>,
    pub valid: usize,
    pub view: JournalView,
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
    on_ws(state, move |ws| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let invalid = |message: String| ApiError {
            code: "invalid_input",
            message: format!("{name}: {message}"),
        };
        let bytes = std::fs::read(&path).map_err(|err| ApiError {
            code: "io",
            message: format!("cannot read {name}: {err}"),
        })?;
        let text = throughline_core::table::decode_text_file(&bytes)
            .map_err(|err| invalid(err.to_string()))?;
        let criteria = ws.journal(id)?.body.criteria;
        let parsed = parse_readings(&text, clock::today(), &criteria)
            .map_err(|err| invalid(err.to_string()))?;
        let valid = parsed.readings.len();
        let imported = if parsed.problems.is_empty() || accept_valid {
            ws.add_readings(id, &parsed.readings)?
        } else {
            0
        };
        Ok(ReadingsImport {
            imported,
            problems: parsed.problems,
            valid,
            view: view(ws, id)?,
        })
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
    on_ws(state, move |ws| {
        let invalid = |message: String| ApiError {
            code: "invalid_input",
            message,
        };
        if metric.trim().is_empty() {
            return Err(invalid("say which metric the reading is of".into()));
        }
        if !value.is_finite() {
            return Err(invalid("the reading must be a number".into()));
        }
        let date: throughline_core::CivilDate = date
            .trim()
            .parse()
            .map_err(|_| invalid(format!("“{}” is not a date: use YYYY-MM-DD", date.trim())))?;
        if date > clock::today() {
            return Err(invalid(format!(
                "{date} is in the future: a reading is something already measured"
            )));
        }
        ws.add_readings(
            id,
            &[Reading {
                metric: metric.trim().to_owned(),
                date,
                value,
            }],
        )?;
        view(ws, id)
    })
    .await
}

#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JournalFormat {
    Md,
    Pdf,
    Png,
}

/// Writes the journal for the team: Markdown for the channel or wiki, or a
/// one-page PDF/PNG drawn like the slides — each stamped with its latest
/// revision and hash.
#[tauri::command]
pub async fn export_journal_markdown(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    id: JournalId,
    path: String,
    format: Option<JournalFormat>,
) -> Result<String, ApiError> {
    let format = format.unwrap_or(JournalFormat::Md);
    let purpose = match format {
        JournalFormat::Md => FilePurpose::ExportMd,
        JournalFormat::Pdf => FilePurpose::ExportPdf,
        JournalFormat::Png => FilePurpose::ExportPng,
    };
    let path = grants.check(&path, purpose)?;
    let branding = state.branding();
    let written = on_ws(state, move |ws| {
        let journal = ws.journal(id)?;
        if let Some(report) = &journal.tamper {
            return Err(ApiError {
                code: "tampered",
                message: report.to_string(),
            });
        }
        let readings = ws.readings(id)?;
        let (revision, hash) = journal
            .revisions
            .last()
            .map_or((0, "draft, not shared yet".to_owned()), |r| {
                (r.seq, r.hash.clone())
            });
        let bytes = match format {
            JournalFormat::Md => {
                to_markdown(&journal.body, &readings, revision, &hash).into_bytes()
            }
            JournalFormat::Pdf | JournalFormat::Png => {
                let evaluations: Vec<Evaluation> = journal
                    .body
                    .criteria
                    .iter()
                    .map(|c| evaluate(c, &readings))
                    .collect();
                let stamp = if revision == 0 {
                    "Draft, not shared yet".to_owned()
                } else {
                    format!("Revision {revision} · {hash}")
                };
                let svg = throughline_render::render_journal_svg(
                    &journal.body,
                    &evaluations,
                    &stamp,
                    &throughline_render::Theme::light(),
                    &branding,
                );
                let rendered = match format {
                    JournalFormat::Pdf => throughline_render::slides_to_pdf(&[svg]),
                    _ => throughline_render::svg_to_png(
                        &svg,
                        1.0,
                        throughline_render::PngCompression::Small,
                    ),
                };
                rendered.map_err(|err| ApiError {
                    code: "render_failed",
                    message: err.to_string(),
                })?
            }
        };
        let extension = match format {
            JournalFormat::Md => "md",
            JournalFormat::Pdf => "pdf",
            JournalFormat::Png => "png",
        };
        let path = if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        };
        if !path.is_absolute() {
            return Err(ApiError {
                code: "invalid_input",
                message: "choose where to save the file in the dialog".into(),
            });
        }
        write_atomically(&path, &bytes)?;
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
    from: u32,
    to: u32,
) -> Result<Vec<String>, ApiError> {
    on_ws(state, move |ws| {
        let journal = ws.journal(id)?;
        let find = |seq: u32| {
            journal
                .revisions
                .iter()
                .find(|r| r.seq == seq)
                .map(|r| r.body.clone())
                .ok_or_else(|| ApiError {
                    code: "not_found",
                    message: format!("there is no revision {seq}"),
                })
        };
        Ok(diff(&find(from)?, &find(to)?))
    })
    .await
}

#[tauri::command]
pub async fn get_author(state: State<'_, AppState>) -> Result<String, ApiError> {
    on_ws(state, author).await
}

#[tauri::command]
pub async fn set_author(state: State<'_, AppState>, name: String) -> Result<String, ApiError> {
    on_ws(state, move |ws| {
        ws.set_author_name(&name)?;
        author(ws)
    })
    .await
}

#[tauri::command]
pub async fn link_update(
    state: State<'_, AppState>,
    update: UpdateId,
    journal: Option<JournalId>,
) -> Result<(), ApiError> {
    on_ws(state, move |ws| Ok(ws.link_update(update, journal)?)).await
}

/// The journal an update backs, and its triggered criteria (for the banner).
#[derive(Debug, Clone, Serialize)]
pub struct UpdateJournal {
    pub journal: Option<JournalId>,
    pub triggered: Vec<String>,
}

#[tauri::command]
pub async fn update_journal(
    state: State<'_, AppState>,
    update: UpdateId,
) -> Result<UpdateJournal, ApiError> {
    on_ws(state, move |ws| {
        Ok(UpdateJournal {
            journal: ws.linked_journal(update)?,
            triggered: ws.triggered_for_update(update)?,
        })
    })
    .await
}
