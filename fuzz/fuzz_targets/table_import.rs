//! Any bytes as a pasted table or a CSV file: a table or a typed error,
//! never a panic; a table read back from its canonical CSV is the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use throughline_core::table::{parse_table, read_data_file, to_csv};

fuzz_target!(|data: &[u8]| {
    let _ = read_data_file(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(table) = parse_table(text) {
            let again = parse_table(&to_csv(&table)).expect("canonical CSV reads back");
            assert_eq!(again.rows.len(), table.rows.len());
        }
    }
});
