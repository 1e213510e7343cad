//! The only way the window reaches a file: a native dialog the app itself
//! opens. Each path the user chooses is granted for what it was chosen for
//! (read a chart, write a PDF…), and the commands that touch files refuse
//! any other path — a page that was tricked into asking for
//! `~/.ssh/id_rsa` or into writing over `~/.bashrc` gets an error.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;
use tauri::{AppHandle, State, Window};
#[cfg(not(target_os = "linux"))]
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::tasks::blocking;
use throughline_api::{ApiError, ErrorCode};

/// What the user chose a file for; the dialog's filters follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FilePurpose {
    Stories,
    ChartData,
    Readings,
    Logo,
    OpenWorkspace,
    NewWorkspace,
    ExportPdf,
    ExportPng,
    ExportMd,
    ExportPptx,
    PptxTemplate,
    /// A file this app wrote, which may be shown in its folder.
    Exported,
}

impl FilePurpose {
    fn filter(self) -> Option<(&'static str, &'static [&'static str])> {
        Some(match self {
            Self::Stories => ("Story Markdown", &["md", "markdown", "txt"]),
            Self::ChartData => (
                "Spreadsheet or CSV",
                &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"],
            ),
            Self::Readings => ("Readings (CSV)", &["csv", "tsv", "txt"]),
            Self::Logo => ("Logo image", &["png", "jpg", "jpeg"]),
            Self::OpenWorkspace | Self::NewWorkspace => ("Throughline workspace", &["throughline"]),
            Self::ExportPdf => ("PDF", &["pdf"]),
            Self::ExportPng => ("PNG image", &["png"]),
            Self::ExportMd => ("Markdown", &["md"]),
            Self::ExportPptx => ("PowerPoint", &["pptx"]),
            Self::PptxTemplate => ("PowerPoint template", &["pptx", "potx"]),
            Self::Exported => return None,
        })
    }

    /// The dialog's title: what the user is choosing.
    fn title(self) -> String {
        match self {
            Self::Stories => "Open story files",
            Self::ChartData => "Open chart data",
            Self::Readings => "Open readings",
            Self::Logo => "Open a logo",
            Self::OpenWorkspace => "Open a workspace",
            Self::NewWorkspace => "Save the new workspace",
            Self::ExportPdf => "Save as PDF",
            Self::ExportPng => "Save as PNG",
            Self::ExportMd => "Save as Markdown",
            Self::ExportPptx => "Save as PowerPoint",
            Self::PptxTemplate => "Open a PowerPoint template",
            Self::Exported => "Show a file",
        }
        .to_owned()
    }

    fn saves(self) -> bool {
        matches!(
            self,
            Self::NewWorkspace
                | Self::ExportPdf
                | Self::ExportPng
                | Self::ExportMd
                | Self::ExportPptx
        )
    }

    /// The save dialog an export's file comes from.
    pub fn for_export(format: throughline_api::export::ExportFormat) -> Self {
        use throughline_api::export::ExportFormat;
        match format {
            ExportFormat::Pdf => Self::ExportPdf,
            ExportFormat::Png => Self::ExportPng,
            ExportFormat::Md => Self::ExportMd,
            ExportFormat::Pptx => Self::ExportPptx,
        }
    }
}

/// The paths the user chose in this session, each with its purpose.
/// Cheap to clone: clones share the same grants.
#[derive(Default, Clone)]
pub struct FileGrants(Arc<Mutex<HashSet<(PathBuf, FilePurpose)>>>);

impl FileGrants {
    pub fn grant(&self, path: &Path, purpose: FilePurpose) {
        self.lock().insert((path.to_path_buf(), purpose));
    }

    /// The path, when the user chose it for `purpose`.
    pub fn check(&self, path: &str, purpose: FilePurpose) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(path);
        if self.lock().contains(&(path.clone(), purpose)) {
            Ok(path)
        } else {
            Err(ApiError {
                code: ErrorCode::NotChosen,
                message: format!(
                    "{} was not chosen in Throughline's file dialog: choose the file again",
                    path.display()
                ),
            })
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<(PathBuf, FilePurpose)>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Opens the native dialog for `purpose` over the window; resolves with the
/// chosen paths ([] when cancelled), each granted for that purpose.
#[tauri::command]
pub async fn choose_files(
    app: AppHandle,
    window: Window,
    grants: State<'_, FileGrants>,
    purpose: FilePurpose,
    suggested_name: Option<String>,
) -> Result<Vec<String>, ApiError> {
    let Some((filter_name, extensions)) = purpose.filter() else {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "nothing to choose for that purpose".into(),
        });
    };
    let chosen = blocking(move || {
        Ok(pick(
            &app,
            &window,
            purpose,
            (filter_name, extensions),
            suggested_name,
        ))
    })
    .await?;
    for path in &chosen {
        grants.grant(path, purpose);
    }
    Ok(chosen.iter().map(|p| p.display().to_string()).collect())
}

/// The native dialog for `purpose`: GTK's own on Linux (released after
/// use, see `native_dialog`), the dialog plugin's elsewhere.
#[cfg(target_os = "linux")]
fn pick(
    _app: &AppHandle,
    window: &Window,
    purpose: FilePurpose,
    (filter_name, extensions): (&'static str, &'static [&'static str]),
    suggested_name: Option<String>,
) -> Vec<PathBuf> {
    use crate::native_dialog::{choose, Choice, Request};
    let choice = if purpose.saves() {
        Choice::Save
    } else if purpose == FilePurpose::Stories {
        Choice::OpenMany
    } else {
        Choice::OpenOne
    };
    choose(
        window,
        Request {
            title: purpose.title(),
            choice,
            filter_name,
            extensions,
            suggested_name,
        },
    )
}

#[cfg(not(target_os = "linux"))]
fn pick(
    app: &AppHandle,
    window: &Window,
    purpose: FilePurpose,
    (filter_name, extensions): (&'static str, &'static [&'static str]),
    suggested_name: Option<String>,
) -> Vec<PathBuf> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(window)
        .add_filter(filter_name, extensions);
    if let Some(name) = suggested_name.filter(|name| !name.is_empty()) {
        dialog = dialog.set_file_name(name);
    }
    let picked: Vec<FilePath> = if purpose.saves() {
        dialog.blocking_save_file().into_iter().collect()
    } else if purpose == FilePurpose::Stories {
        dialog.blocking_pick_files().unwrap_or_default()
    } else {
        dialog.blocking_pick_file().into_iter().collect()
    };
    picked
        .into_iter()
        .filter_map(|path| path.into_path().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_path_chosen_for_that_purpose_is_let_through() {
        let grants = FileGrants::default();
        grants.grant(Path::new("/home/pm/board.pdf"), FilePurpose::ExportPdf);
        assert_eq!(
            grants
                .check("/home/pm/board.pdf", FilePurpose::ExportPdf)
                .unwrap(),
            PathBuf::from("/home/pm/board.pdf")
        );
        // Chosen to write a PDF is not chosen to be read as a chart.
        let err = grants
            .check("/home/pm/board.pdf", FilePurpose::ChartData)
            .unwrap_err();
        assert_eq!(err.code.as_str(), "not_chosen");
        assert!(grants
            .check("/home/pm/.bashrc", FilePurpose::ExportMd)
            .is_err());
        assert!(grants
            .check("/home/pm/x/../board.pdf", FilePurpose::ExportPdf)
            .is_err());
    }
}
