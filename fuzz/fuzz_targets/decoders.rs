//! Any bytes as a logo and as a chart-data file, mutated from seeds of
//! every format (PNG, JPEG, .xlsx, .ods, .xls; fuzz/make_decoders_corpus.py
//! writes them): a typed error or a value within the limits, never a
//! panic, an abort on allocation or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use throughline_core::branding::{check_logo, LogoFormat, MAX_LOGO_BYTES};
use throughline_core::table::{read_data_file, MAX_COLUMNS, MAX_ROWS};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(format) = check_logo(bytes) {
        assert!(bytes.len() <= MAX_LOGO_BYTES);
        assert_eq!(LogoFormat::sniff(bytes), Some(format));
    }
    if let Ok(sheets) = read_data_file(bytes) {
        for table in sheets.iter().filter_map(|sheet| sheet.table.as_ref().ok()) {
            assert!(table.rows.len() <= MAX_ROWS);
            assert!(table.header.len() <= MAX_COLUMNS);
        }
    }
});
