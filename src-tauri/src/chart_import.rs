//! "Import file…" in the Evidence step: a CSV, TSV or spreadsheet the user
//! picked in the open dialog, read into one chart table per sheet.

use tauri::State;
use throughline_api::chart_data::{read_chart_file, ImportedFile};
use throughline_api::ApiError;

use crate::file_access::{FileGrants, FilePurpose};
use crate::tasks::blocking;

#[tauri::command]
pub async fn import_chart_file(
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<ImportedFile, ApiError> {
    let path = grants.check(&path, FilePurpose::ChartData)?;
    blocking(move || read_chart_file(&path)).await
}
