#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A real .xlsx file (written by tests/fixtures/make_workbook.py) read the
//! way the app's "Import file…" reads it.

use throughline_core::table::{read_workbook, TableError};

#[test]
fn every_sheet_is_read_in_order_with_dates_as_dates() {
    let bytes = std::fs::read("tests/fixtures/chart-data.xlsx").unwrap();
    let sheets = read_workbook(&bytes).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Weekly", "Pipeline"]);

    let weekly = sheets[0].table.as_ref().unwrap();
    assert_eq!(weekly.series_names(), vec!["Trial → paid (%)", "Target"]);
    assert_eq!(weekly.rows.len(), 5);
    assert_eq!(weekly.rows[0].label, "2025-12-09");
    assert_eq!(weekly.rows[4].values, vec![Some(14.1), Some(12.0)]);
}

#[test]
fn a_bad_cell_is_named_by_the_sheets_own_row_and_column() {
    let bytes = std::fs::read("tests/fixtures/chart-data.xlsx").unwrap();
    let sheets = read_workbook(&bytes).unwrap();
    let err = sheets[1].table.as_ref().unwrap_err();
    assert!(matches!(err, TableError::NotANumber { .. }), "{err}");
    // "about 90" sits in C5: row 5, column 3.
    assert_eq!((err.row(), err.column()), (Some(5), Some(3)), "{err}");
}

#[test]
fn a_truncated_workbook_is_refused_not_half_read() {
    let bytes = std::fs::read("tests/fixtures/chart-data.xlsx").unwrap();
    assert!(read_workbook(&bytes[..bytes.len() / 2]).is_err());
}
