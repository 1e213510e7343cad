//! "Import file…" in the Evidence step: a CSV, TSV or spreadsheet the user
//! picked in the open dialog, read into one chart table per sheet.

use serde::Serialize;
use tauri::State;
use throughline_core::table::{infer_kind, read_data_file, MAX_DATA_FILE_BYTES};

use crate::api_error::ApiError;
use crate::file_access::{FileGrants, FilePurpose};
use crate::slides::{blocking, ParsedTable};

#[derive(Debug, Clone, Serialize)]
pub struct ImportedSheet {
    /// The sheet's name; empty for a text file.
    pub name: String,
    pub parsed: Option<ParsedTable>,
    /// Why this sheet is not chart data (row and column named).
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportedFile {
    pub file_name: String,
    pub sheets: Vec<ImportedSheet>,
}

#[tauri::command]
pub async fn import_chart_file(
    grants: State<'_, FileGrants>,
    path: String,
) -> Result<ImportedFile, ApiError> {
    let path = grants.check(&path, FilePurpose::ChartData)?;
    blocking(move || {
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let io = |err: std::io::Error| ApiError {
            code: "io",
            message: format!("cannot read {file_name}: {err}"),
        };
        let size = std::fs::metadata(&path).map_err(io)?.len();
        if size > MAX_DATA_FILE_BYTES as u64 {
            return Err(invalid(format!(
                "{file_name} is {} MB; chart data files are at most {} MB",
                size / 1_048_576,
                MAX_DATA_FILE_BYTES / 1_048_576
            )));
        }
        let bytes = std::fs::read(&path).map_err(io)?;
        // A text file's cells may state a unit (4.1%); a workbook's hold numbers.
        let stated = throughline_core::table::decode_text_file(&bytes)
            .ok()
            .and_then(|text| throughline_core::table::stated_unit(&text));
        let sheets = read_data_file(&bytes)
            .map_err(|err| invalid(format!("{file_name}: {err}")))?
            .into_iter()
            .map(|sheet| match sheet.table {
                Ok(table) => ImportedSheet {
                    name: sheet.name,
                    parsed: Some(ParsedTable {
                        suggested_kind: infer_kind(&table),
                        suggested_unit: stated.clone(),
                        table,
                    }),
                    error: None,
                },
                Err(err) => ImportedSheet {
                    name: sheet.name,
                    parsed: None,
                    error: Some(err.to_string()),
                },
            })
            .collect();
        Ok(ImportedFile { file_name, sheets })
    })
    .await
}

fn invalid(message: String) -> ApiError {
    ApiError {
        code: "invalid_input",
        message,
    }
}
