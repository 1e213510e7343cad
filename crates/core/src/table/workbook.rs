//! Spreadsheet files (`.xlsx`, `.xlsm`, `.xls`, `.ods`) read from their
//! bytes: every sheet becomes the same text a copy from that sheet would
//! paste, and goes through [`parse_table`], so a workbook obeys exactly the
//! rules (and gives exactly the errors) of a paste.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use thiserror::Error;

use super::{parse_table, TableError};
use crate::{CivilDate, DataTable};

/// One sheet of a workbook: its chart data, or why it is not chart data.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetTable {
    pub name: String,
    pub table: Result<DataTable, TableError>,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    #[error("the file is not a spreadsheet this app can read ({0}); save it as .xlsx or CSV")]
    Unreadable(String),
    #[error("the workbook has no sheets")]
    NoSheets,
}

/// Reads every sheet of a workbook, in the workbook's order.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|err| WorkbookError::Unreadable(err.to_string()))?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(WorkbookError::NoSheets);
    }
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let table = match workbook.worksheet_range(&name) {
            Ok(range) => {
                let (first_row, first_column) = range.start().unwrap_or((0, 0));
                let rows = range.rows().map(|row| row.iter().map(cell_text).collect());
                sheet_to_table(first_row as usize, first_column as usize, rows)
            }
            Err(_) => Err(TableError::Empty),
        };
        sheets.push(SheetTable { name, table });
    }
    Ok(sheets)
}

/// Parses a sheet's cells (as text) whose top-left used cell is at
/// (`first_row`, `first_column`), both 0-based, so that errors name the
/// sheet's own row and column numbers.
fn sheet_to_table(
    first_row: usize,
    first_column: usize,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<DataTable, TableError> {
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| quote_cell(cell)).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    parse_table(&text).map_err(|err| shift(err, first_row, first_column))
}

/// Moves an error's row and column from the used range to the sheet's own
/// numbering (the used range may start below and right of A1).
fn shift(err: TableError, rows: usize, columns: usize) -> TableError {
    match err {
        TableError::OneColumn { row, line } => TableError::OneColumn {
            row: row + rows,
            line,
        },
        TableError::NotANumber {
            row,
            column,
            header,
            text,
            line,
            hint,
        } => TableError::NotANumber {
            row: row + rows,
            column: column + columns,
            header,
            text,
            line,
            hint,
        },
        TableError::RaggedRow {
            row,
            line,
            found,
            expected,
        } => TableError::RaggedRow {
            row: row + rows,
            line,
            found,
            expected,
        },
        TableError::UnclosedQuote { row, line } => TableError::UnclosedQuote {
            row: row + rows,
            line,
        },
        TableError::TooManyColumns { row, max, line } => TableError::TooManyColumns {
            row: row + rows,
            max,
            line,
        },
        other
        @ (TableError::Empty | TableError::NoRows { .. } | TableError::TooManyRows { .. }) => other,
    }
}

/// A cell as a sheet would copy it: numbers in plain decimal notation,
/// dates as `YYYY-MM-DD`, errors as Excel writes them (so they are refused
/// with their row and column).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => super::format_number(*value),
        Data::String(text) => text.trim().to_owned(),
        Data::Bool(value) => value.to_string().to_uppercase(),
        Data::DateTime(value) if value.is_datetime() => excel_serial_to_date(value.as_f64()),
        Data::DateTime(value) => super::format_number(value.as_f64()),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
fn excel_serial_to_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return super::format_number(serial);
    }
    let epoch_offset = 25_569; // days from 1899-12-30 to 1970-01-01
    let days = serial.floor() as i64 - epoch_offset;
    CivilDate::from_unix_millis(days * 86_400_000).to_string()
}

/// Quotes a cell that holds a tab, a quote or a line break.
fn quote_cell(cell: &str) -> String {
    if cell.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> impl Iterator<Item = Vec<String>> {
        cells
            .iter()
            .map(|row| row.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn a_sheet_reads_like_a_paste() {
        let table = sheet_to_table(
            0,
            0,
            rows(&[&["Week", "Trial→paid"], &["W1", "10.5"], &["W2", "12"]]),
        )
        .unwrap();
        assert_eq!(table.series_names(), vec!["Trial→paid"]);
        assert_eq!(table.rows.len(), 2);
    }

    #[test]
    fn errors_name_the_sheets_own_row_and_column() {
        // The used range starts at C3 (row index 2, column index 2).
        let err = sheet_to_table(
            2,
            2,
            rows(&[&["Week", "Signups"], &["W1", "12"], &["W2", "lots"]]),
        )
        .unwrap_err();
        assert_eq!(err.row(), Some(5));
        assert_eq!(err.column(), Some(4));
    }

    #[test]
    fn cells_with_tabs_and_quotes_survive() {
        let table = sheet_to_table(
            0,
            0,
            rows(&[&["Stage", "Users"], &["Sign\tup \"free\"", "100"]]),
        )
        .unwrap();
        assert_eq!(table.rows[0].label, "Sign\tup \"free\"");
    }

    #[test]
    fn excel_dates_become_iso_dates() {
        assert_eq!(excel_serial_to_date(45_658.0), "2025-01-01");
        assert_eq!(excel_serial_to_date(25_569.75), "1970-01-01");
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_refused() {
        assert!(matches!(
            read_workbook(b"Week,Signups\nW1,3\n"),
            Err(WorkbookError::Unreadable(_))
        ));
    }
}
