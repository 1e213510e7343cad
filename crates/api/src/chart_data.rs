//! Chart data pasted or picked in a file: one table per sheet, or the row
//! and column that is wrong.

use std::path::Path;

use serde::Serialize;
use throughline_core::table::{
    decode_text_file, infer_kind, parse_table, read_data_file, stated_unit,
};
use throughline_core::{ChartKind, DataTable};
use ts_rs::TS;

use crate::files::{display_name, read_limited};
use crate::limits::MAX_DATA_FILE_BYTES;
use crate::ApiError;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ParsedTable {
    pub table: DataTable,
    pub suggested_kind: ChartKind,
    /// The unit the pasted cells state (`%`), for a chart that has none yet.
    pub suggested_unit: Option<String>,
}

/// Reads pasted spreadsheet data, or says which cell is wrong.
pub fn parse_chart_data(text: &str) -> Result<ParsedTable, ApiError> {
    let table = parse_table(text).map_err(|err| ApiError::invalid(err.to_string()))?;
    Ok(ParsedTable {
        suggested_kind: infer_kind(&table),
        suggested_unit: stated_unit(text),
        table,
    })
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportedSheet {
    /// The sheet's name; empty for a text file.
    pub name: String,
    pub parsed: Option<ParsedTable>,
    /// Why this sheet is not chart data (row and column named).
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportedFile {
    pub file_name: String,
    pub sheets: Vec<ImportedSheet>,
}

/// Reads a CSV, TSV or spreadsheet file into one chart table per sheet.
pub fn read_chart_file(path: &Path) -> Result<ImportedFile, ApiError> {
    let file_name = display_name(path);
    let bytes = read_limited(path, MAX_DATA_FILE_BYTES as u64, "chart data")?;
    // A text file's cells may state a unit (4.1%); a workbook's hold numbers.
    let stated = decode_text_file(&bytes)
        .ok()
        .and_then(|text| stated_unit(&text));
    let sheets = read_data_file(&bytes)
        .map_err(|err| ApiError::invalid(format!("{file_name}: {err}")))?
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
}
