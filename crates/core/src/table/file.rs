//! A chart-data file as the user picked it: a workbook (`.xlsx`, `.xls`,
//! `.ods`) or delimited text (CSV, TSV, Excel's "Unicode text"), told apart
//! by its bytes, never by its name.

use thiserror::Error;

use super::{parse_table, read_workbook, SheetTable, WorkbookError};

/// The largest data file read; a chart takes at most 10,000 rows.
pub const MAX_DATA_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DataFileError {
    #[error("the file is {0} MB; chart data files are at most 20 MB")]
    TooLarge(usize),
    #[error("the file is not UTF-8 text (line {line} holds a byte that is not): save it as \"CSV UTF-8\" and import it again")]
    NotUtf8 { line: usize },
    #[error(transparent)]
    Workbook(#[from] WorkbookError),
    #[error("the file is a workbook, not text: save the sheet as \"CSV UTF-8\" and import that")]
    WorkbookNotText,
}

/// Reads a data file's bytes into one table per sheet (one, named `""`,
/// for a text file).
pub fn read_data_file(bytes: &[u8]) -> Result<Vec<SheetTable>, DataFileError> {
    if bytes.len() > MAX_DATA_FILE_BYTES {
        return Err(DataFileError::TooLarge(bytes.len() / (1024 * 1024)));
    }
    if is_workbook(bytes) {
        return Ok(read_workbook(bytes)?);
    }
    let text = decode_text(bytes)?;
    Ok(vec![SheetTable {
        name: String::new(),
        table: parse_table(&text),
        text,
    }])
}

/// Zip (xlsx, ods) and OLE compound files (xls) start with these bytes.
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A delimited text file's bytes as text: UTF-8 (with or without a BOM) or
/// UTF-16 with its BOM (Excel's "Unicode text"). A workbook is refused.
pub fn decode_text_file(bytes: &[u8]) -> Result<String, DataFileError> {
    if bytes.len() > MAX_DATA_FILE_BYTES {
        return Err(DataFileError::TooLarge(bytes.len() / (1024 * 1024)));
    }
    if is_workbook(bytes) {
        return Err(DataFileError::WorkbookNotText);
    }
    decode_text(bytes)
}

fn decode_text(bytes: &[u8]) -> Result<String, DataFileError> {
    let utf16 = |rest: &[u8], little_endian: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| {
                if little_endian {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| DataFileError::NotUtf8 { line: 1 })
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|err| {
                let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
                DataFileError::NotUtf8 {
                    line: valid.iter().filter(|b| **b == b'\n').count() + 1,
                }
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_bytes_with_a_bom_read_as_one_table() {
        let sheets = read_data_file("\u{feff}Week,Signups\nW1,3\nW2,5\n".as_bytes()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].table.as_ref().unwrap().rows.len(), 2);
    }

    #[test]
    fn excel_unicode_text_is_utf16_with_tabs() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Week\tSignups\r\nW1\t3\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let sheets = read_data_file(&bytes).unwrap();
        assert_eq!(
            sheets[0].table.as_ref().unwrap().rows[0].values,
            vec![Some(3.0)]
        );
    }

    #[test]
    fn latin1_text_is_refused_with_the_offset() {
        let err = read_data_file(b"Stage,Users\nAnmeldung f\xfcr,3\n").unwrap_err();
        assert_eq!(err, DataFileError::NotUtf8 { line: 2 });
        assert!(err.to_string().contains("CSV UTF-8"));
    }
}
