//! Data pasted from a spreadsheet (Excel, Google Sheets, Numbers put
//! tab-separated text on the clipboard) or read from a CSV file, turned into
//! a [`DataTable`].
//!
//! The rules, in the order they apply:
//! - A UTF-8 byte-order mark is dropped; CRLF, LF and lone CR all end a line
//!   (also inside quoted cells, where they become LF). The bidi embedding
//!   and override controls (U+202A–U+202E) are removed everywhere, so a
//!   label or number shows in the order it is read ([`crate::text`]).
//! - The delimiter is read from the first non-blank row: a tab if it holds
//!   one, else `;` if it holds one, else a comma. Quotes follow RFC 4180
//!   (delimiters, doubled quotes and line breaks inside quotes).
//! - Empty rows (blank lines, or only delimiters) are skipped; one between
//!   rows still counts when rows are numbered, as it would in a sheet.
//! - The first row is the header, unless every one of its cells is an
//!   unquoted number: then the header is made up (`x`, `Series 1`, …).
//! - Decimal separator: `;` files use a decimal comma (`1.234,5`) and the
//!   others a decimal point (`1,234.5`), unless the value cells prove the
//!   other (a tab paste from a German sheet holds `12,5`). `12,5`, `1.234,5`
//!   and `1.234.567` prove a decimal comma; `12.5`, `1,234.5` and
//!   `1,234,567` a decimal point; `1,234` proves nothing.
//! - The first column holds labels, kept as text (trimmed); so does each
//!   next column whose every cell is a word ("Book | Measure | Feb | Mar"),
//!   as long as one column of values is left: the row's label is its label
//!   cells joined by " · ". Every other cell is a number or empty (a gap). A number may carry a sign (`+`, `-`,
//!   `−`), parentheses for a negative (`(12)`), a currency sign or code
//!   (`$`, `€`, `£`, `¥`, `₹`, `USD 12`), `%` (kept in percent units:
//!   `14%` is 14), a `k`/`M`/`B` multiplier (`1.2k` is 1200), thousands
//!   separators in groups of three (also spaces, no-break and thin spaces)
//!   and an exponent (`1.2E+06`). `NaN`, `inf`, `#DIV/0!` and `N/A` are
//!   errors, not numbers; so is a cell holding a bidi isolate or mark
//!   (U+2066–U+2069, U+200E, U+200F, U+061C): `1\u{2066}0` shows as "10",
//!   and is refused rather than read as 10 or as anything else. Labels keep
//!   isolates and marks.
//! - A Markdown pipe table (`| a | b |`, then a `|---|---|` row) is read
//!   as the same table; its rows keep their line numbers.
//! - Any error refuses the whole paste: nothing is half-imported.

mod document;
pub use document::{parse_document_table, DocumentTable};
mod file;
mod infer;
mod markdown;
pub use markdown::is_pipe_table;
mod number;
mod records;
mod workbook;

use std::borrow::Cow;

use thiserror::Error;

use crate::{DataRow, DataTable};
use number::{is_number, parse_number, separator_evidence};
pub(crate) use records::normalize;
use records::{detect_delimiter, split_records, Record, SplitError};

pub use file::{decode_text_file, read_data_file, DataFileError, MAX_DATA_FILE_BYTES};
pub use infer::infer_kind;
pub(crate) use infer::labels_look_sequential;
mod orient;
pub use number::format_number;
use number::DecimalSeparator;
pub use orient::periods_down;
mod units;
use records::Delimiter;
use units::unit_named;
pub use units::{one_unit_per_axis, UnitSplit};
pub use workbook::{read_workbook, SheetTable, WorkbookError};

/// The most data rows (header excluded) a chart takes.
pub const MAX_ROWS: usize = 10_000;
/// The most columns (label column included) a chart takes.
pub const MAX_COLUMNS: usize = 200;

/// Why pasted data was refused. Rows and columns are 1-based as the
/// spreadsheet shows them (the header is row 1); `line` is the line of the
/// pasted text where the row starts, for callers that embed the data in a
/// larger file.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TableError {
    #[error("there is no data: paste a header row and at least one row of numbers")]
    Empty,
    #[error(
        "row {row} has only one column: put the labels in the first column and the numbers in \
         the next ones, separated by tabs, commas or semicolons"
    )]
    OneColumn { row: usize, line: usize },
    #[error("there are no rows of numbers under the header row")]
    NoRows { line: usize },
    #[error("row {row}, column {column} ({header:?}): {text:?} is not a number{hint}")]
    NotANumber {
        row: usize,
        column: usize,
        /// The column's name in the header.
        header: String,
        /// The cell as written (shortened when very long).
        text: String,
        line: usize,
        hint: &'static str,
    },
    #[error(
        "row {row} has {found} cells but the header has {expected}: give every row one cell per \
         column (an empty cell marks a gap)"
    )]
    RaggedRow {
        row: usize,
        line: usize,
        found: usize,
        expected: usize,
    },
    #[error(
        "row {row}: a quoted cell is never closed: add the closing \" or remove the opening one"
    )]
    UnclosedQuote { row: usize, line: usize },
    #[error(
        "the data has more than {max} rows, the most a chart takes: chart a summary (weekly or \
         monthly totals) instead"
    )]
    TooManyRows { max: usize, line: usize },
    #[error("row {row} has more than {max} columns, the most a chart takes: keep the ones the chart needs")]
    TooManyColumns { row: usize, max: usize, line: usize },
}

impl TableError {
    /// The line of the pasted text the error is about, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            TableError::Empty => None,
            TableError::OneColumn { line, .. }
            | TableError::NoRows { line }
            | TableError::NotANumber { line, .. }
            | TableError::RaggedRow { line, .. }
            | TableError::UnclosedQuote { line, .. }
            | TableError::TooManyRows { line, .. }
            | TableError::TooManyColumns { line, .. } => Some(*line),
        }
    }

    /// The spreadsheet row (the header is row 1), when the error names one.
    pub fn row(&self) -> Option<usize> {
        match self {
            TableError::OneColumn { row, .. }
            | TableError::NotANumber { row, .. }
            | TableError::RaggedRow { row, .. }
            | TableError::UnclosedQuote { row, .. }
            | TableError::TooManyColumns { row, .. } => Some(*row),
            TableError::Empty | TableError::NoRows { .. } | TableError::TooManyRows { .. } => None,
        }
    }

    /// The spreadsheet column (the label column is column 1), when the error
    /// names one.
    pub fn column(&self) -> Option<usize> {
        match self {
            TableError::NotANumber { column, .. } => Some(*column),
            _ => None,
        }
    }
}

/// The longest cell text an error message quotes.
const QUOTED_CELL_CHARS: usize = 40;

fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(QUOTED_CELL_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// The text's records, split in the delimiter it uses, within the row and
/// column limits.
fn records_of(text: &str) -> Result<(Vec<Record>, Delimiter), TableError> {
    let text = prepare(text);
    let delimiter = detect_delimiter(&text);
    let records =
        split_records(&text, delimiter, MAX_ROWS + 1, MAX_COLUMNS).map_err(|err| match err {
            SplitError::UnclosedQuote { row, line } => TableError::UnclosedQuote { row, line },
            SplitError::TooManyRecords { line } => TableError::TooManyRows {
                max: MAX_ROWS,
                line,
            },
            SplitError::TooManyCells { row, line } => TableError::TooManyColumns {
                row,
                max: MAX_COLUMNS,
                line,
            },
        })?;
    Ok((records, delimiter))
}

/// Reads pasted spreadsheet data or a CSV file. See the module docs for the
/// rules; any problem refuses the whole text with an error naming the row
/// and column to fix.
pub fn parse_table(text: &str) -> Result<DataTable, TableError> {
    let (records, delimiter) = records_of(text)?;
    table_of(records, delimiter)
}

/// The table the records hold: a header, then rows of a label and numbers.
fn table_of(records: Vec<Record>, delimiter: Delimiter) -> Result<DataTable, TableError> {
    let Some(first) = records.first() else {
        return Err(TableError::Empty);
    };
    let width = first.cells.len();
    if width < 2 {
        return Err(TableError::OneColumn {
            row: first.row,
            line: first.line,
        });
    }
    let first_is_data = first.cells.iter().all(|c| !c.quoted && is_number(&c.text));
    let (header, data): (Vec<String>, &[Record]) = if first_is_data {
        let mut header = vec!["x".to_owned()];
        header.extend((1..width).map(|i| format!("Series {i}")));
        (header, &records)
    } else {
        let header = first
            .cells
            .iter()
            .map(|c| c.text.trim().to_owned())
            .collect();
        (header, records.get(1..).unwrap_or(&[]))
    };
    if data.is_empty() {
        return Err(TableError::NoRows { line: first.line });
    }
    if let Some(extra) = data.get(MAX_ROWS) {
        return Err(TableError::TooManyRows {
            max: MAX_ROWS,
            line: extra.line,
        });
    }
    for record in data {
        if record.cells.len() != width {
            return Err(TableError::RaggedRow {
                row: record.row,
                line: record.line,
                found: record.cells.len(),
                expected: width,
            });
        }
    }
    let separator = decimal_separator(delimiter, data);
    let labels = label_columns(data, width, separator);
    let mut rows = Vec::with_capacity(data.len());
    for record in data {
        let label = join_labels(record.cells[..labels].iter().map(|c| c.text.as_str()));
        let mut values = Vec::with_capacity(width - labels);
        for (index, cell) in record.cells.iter().enumerate().skip(labels) {
            let value =
                parse_number(&cell.text, separator).map_err(|problem| TableError::NotANumber {
                    row: record.row,
                    column: index + 1,
                    header: header.get(index).cloned().unwrap_or_default(),
                    text: shorten(&cell.text),
                    line: record.line,
                    hint: problem.hint(),
                })?;
            values.push(value);
        }
        rows.push(DataRow { label, values });
    }
    let mut header = header;
    if labels > 1 {
        let joined = join_labels(header[..labels].iter().map(String::as_str));
        header.splice(..labels, [joined]);
    }
    Ok(DataTable { header, rows })
}

/// How many leading columns hold labels: the first, and each next one
/// whose every cell is a word ("Book | Measure | Feb | Mar"), as long as a
/// column of values is left. A column with one number in it, or an error
/// such as `N/A` or `#DIV/0!`, is data: its text cells are refused.
fn label_columns(data: &[Record], width: usize, separator: DecimalSeparator) -> usize {
    let is_word = |text: &str| {
        let text = text.trim();
        let lower = text.to_lowercase();
        text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.starts_with('#')
            && !matches!(
                lower.as_str(),
                "n/a" | "na" | "nan" | "inf" | "-inf" | "infinity" | "null" | "none"
            )
            && parse_number(text, separator).is_err()
    };
    let mut labels = 1;
    while labels + 1 < width
        && data
            .iter()
            .all(|record| is_word(&record.cells[labels].text))
    {
        labels += 1;
    }
    labels
}

/// One label from several label cells: "Dead Dwarves · Copies sold".
fn join_labels<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    cells
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `;` files use a decimal comma unless a value proves a decimal point and
/// none proves a comma; tab and comma data the other way round.
fn decimal_separator(delimiter: Delimiter, data: &[Record]) -> DecimalSeparator {
    let (mut points, mut commas) = (0usize, 0usize);
    for cell in data.iter().flat_map(|r| r.cells.iter().skip(1)) {
        match separator_evidence(&cell.text) {
            Some(DecimalSeparator::Point) => points += 1,
            Some(DecimalSeparator::Comma) => commas += 1,
            None => {}
        }
    }
    match delimiter {
        Delimiter::Semicolon if points > 0 && commas == 0 => DecimalSeparator::Point,
        Delimiter::Semicolon => DecimalSeparator::Comma,
        _ if commas > 0 && points == 0 => DecimalSeparator::Comma,
        _ => DecimalSeparator::Point,
    }
}

/// Whether a cell must be quoted so that [`parse_table`] reads it back as
/// the same text in comma-separated data.
fn needs_quotes(text: &str) -> bool {
    text.contains([',', '"', '\n', '\r', '\t', ';'])
        || text.trim() != text
        // A byte-order mark first in the data would be dropped.
        || text.starts_with('\u{feff}')
}

fn push_cell(out: &mut String, text: &str, force_quotes: bool) {
    if force_quotes || needs_quotes(text) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// One CSV line of text cells, quoted where a cell needs it, with its line
/// end: what [`text_rows`] reads back cell for cell.
pub(crate) fn csv_row(cells: &[String]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // An empty first cell is quoted so that a row of empty cells is
        // still a row.
        push_cell(&mut out, cell, i == 0 && cell.is_empty());
    }
    out.push('\n');
    out
}

/// Rows of text cells, as a pasted table or a CSV file holds them (the
/// same dialect handling as chart data: tabs, commas or semicolons, RFC
/// 4180 quotes, a Markdown pipe table), with each row's spreadsheet number.
/// For tables whose columns are not all numbers: the portfolio's import.
pub(crate) struct TextRows {
    pub rows: Vec<(usize, Vec<String>)>,
    /// `true` where a decimal comma is the locale's (semicolon-separated).
    pub decimal_comma: bool,
}

pub(crate) fn text_rows(text: &str) -> Result<TextRows, TableError> {
    let (records, delimiter) = records_of(text)?;
    Ok(TextRows {
        rows: records
            .into_iter()
            .map(|r| (r.row, r.cells.into_iter().map(|c| c.text).collect()))
            .collect(),
        decimal_comma: delimiter == Delimiter::Semicolon,
    })
}

/// One number cell of such a table; `Ok(None)` for an empty cell, `Err`
/// with why it is not a number.
pub(crate) fn number_cell(cell: &str, decimal_comma: bool) -> Result<Option<f64>, &'static str> {
    let separator = if decimal_comma {
        DecimalSeparator::Comma
    } else {
        DecimalSeparator::Point
    };
    parse_number(cell, separator).map_err(|problem| match problem {
        number::NumberProblem::NotANumber => "is not a number",
        number::NumberProblem::Missing => "holds no value",
        number::NumberProblem::TooLarge => "is too large",
        number::NumberProblem::DirectionControl => "holds an invisible text-direction control",
        number::NumberProblem::OtherSeparator(_) => "uses the other decimal separator",
    })
}

/// The text as the record splitter reads it: line ends normalized, and a
/// Markdown pipe table turned into CSV.
fn prepare(text: &str) -> Cow<'_, str> {
    let text = normalize(text);
    match markdown::pipe_table_as_csv(&text) {
        Some(csv) => Cow::Owned(csv),
        None => text,
    }
}

/// The unit a pasted table states in its cells: `%` when every value
/// column is written with `%` signs (`4.1%`), else none.
pub fn stated_unit(text: &str) -> Option<String> {
    let percent = percent_columns(text);
    (!percent.is_empty() && percent.iter().all(|p| *p)).then(|| "%".to_owned())
}

/// The unit the draft's own words give a table that states none: `%` when
/// at least two of its values are written in the text with a `%` sign
/// ("the fund fell 7.3% … 31.0% in 2021" over a table of plain -7.3 and
/// 31.0). Signs aside: "fell 7.3%" speaks of -7.3.
pub fn unit_from_prose(data: &DataTable, prose: &str) -> Option<String> {
    let values: Vec<f64> = data
        .rows
        .iter()
        .flat_map(|row| row.values.iter().flatten().copied())
        .collect();
    let mut matched: Vec<f64> = Vec::new();
    for percent in percents_written(prose) {
        if let Some(value) = values
            .iter()
            .find(|value| (value.abs() - percent).abs() < 1e-9)
        {
            if !matched.contains(value) {
                matched.push(*value);
            }
        }
    }
    (matched.len() >= 2).then(|| "%".to_owned())
}

/// The numbers a text writes with a `%` sign ("7.3%", "31.0 %"), unsigned.
fn percents_written(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (at, c) in chars.iter().enumerate() {
        if *c != '%' {
            continue;
        }
        let mut end = at;
        while end > 0 && chars[end - 1] == ' ' {
            end -= 1;
        }
        let mut start = end;
        while start > 0
            && (chars[start - 1].is_ascii_digit() || matches!(chars[start - 1], '.' | ','))
        {
            start -= 1;
        }
        let number: String = chars[start..end].iter().filter(|c| **c != ',').collect();
        if let Ok(value) = number.trim_matches('.').parse::<f64>() {
            out.push(value);
        }
    }
    out
}

/// For each value column of a table (the columns after the label), whether
/// any of its cells was written with a `%` sign. [`parse_table`] keeps `14%`
/// as 14 and forgets the sign; this tells a column of percentages from one of
/// plain numbers. Text that does not split into records gives no columns.
pub fn percent_columns(text: &str) -> Vec<bool> {
    let text = prepare(text);
    let delimiter = detect_delimiter(&text);
    let Ok(records) = split_records(&text, delimiter, MAX_ROWS + 1, MAX_COLUMNS) else {
        return Vec::new();
    };
    let width = records.first().map_or(0, |first| first.cells.len());
    let mut percent = vec![false; width.saturating_sub(1)];
    for record in records.iter().skip(1) {
        for (column, cell) in record.cells.iter().enumerate().skip(1) {
            if let Some(flag) = percent.get_mut(column - 1) {
                *flag |= cell.text.trim().ends_with('%');
            }
        }
    }
    percent
}

/// The canonical comma-separated form of a table: the header, then one line
/// per row, each ending with `\n`; plain numbers ([`format_number`]), empty
/// cells for gaps, and labels quoted (RFC 4180) when they hold a comma,
/// quote, line break, tab or `;`. A header whose cells all read as numbers
/// is quoted whole, so that it reads back as a header; so is the first cell
/// of a header of empty names, and the empty label of a row of gaps.
///
/// [`parse_table`] reads the result back as the same table. A table built in
/// code with rows of uneven length is padded with gaps (and the header with
/// made-up names) so that it stays readable.
pub fn to_csv(table: &DataTable) -> String {
    let widest_row = table
        .rows
        .iter()
        .map(|row| row.values.len() + 1)
        .max()
        .unwrap_or(0);
    let width = table.header.len().max(widest_row).max(2);
    let header: Vec<String> = (0..width)
        .map(|i| match table.header.get(i) {
            Some(name) => name.clone(),
            None if i == 0 => "x".to_owned(),
            None => format!("Series {i}"),
        })
        .collect();
    // A header of numbers would be read as data, and one of empty names as
    // an empty row: quoting keeps it a header.
    let quote_header = header.iter().all(|name| is_number(name));
    let blank_header = header.iter().all(String::is_empty);
    let mut out = String::new();
    for (i, name) in header.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(&mut out, name, quote_header || (blank_header && i == 0));
    }
    out.push('\n');
    for row in &table.rows {
        // A row with an empty label and only gaps is written `"",,` so that
        // it is not read back as an empty row and skipped.
        let only_gaps =
            (0..width - 1).all(|i| !matches!(row.values.get(i), Some(Some(v)) if v.is_finite()));
        push_cell(&mut out, &row.label, row.label.is_empty() && only_gaps);
        for i in 0..width - 1 {
            out.push(',');
            if let Some(Some(value)) = row.values.get(i) {
                out.push_str(&format_number(*value));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
