//! Spreadsheet files (`.xlsx`, `.xlsm`, `.xls`, `.ods`) read from their
//! bytes: every sheet becomes the same text a copy from that sheet would
//! paste, and goes through [`parse_table`], so a workbook obeys exactly the
//! rules (and gives exactly the errors) of a paste.
//!
//! A workbook is someone else's file, so it is bounded before anything is
//! built from it:
//! - a zip (`.xlsx`, `.ods`) is unpacked once, counting, and refused past
//!   [`MAX_UNPACKED_BYTES`], before a reader sees its parts;
//! - `.xlsx` sheets are streamed cell by cell; a sheet whose declared
//!   dimension or whose cells span more than a chart takes (a header and
//!   [`MAX_ROWS`] rows, [`MAX_COLUMNS`] columns) stops the read at once;
//! - `.ods` files are built whole by calamine when opened, so their
//!   `content.xml` is scanned first: the grid of every sheet (repeated rows
//!   and columns counted), the spaces it asks for, and its nesting;
//! - `.xls` (Excel 97–2003) files are read here, record by record, from
//!   the compound file (`xls` below), with the same limits.
//!
//! Excel binary workbooks (`.xlsb`) and Excel 5.0/95 files are refused.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::rc::Rc;

use calamine::{Data, Ods, Reader, Xlsx};
use thiserror::Error;

use super::{parse_table, TableError, MAX_COLUMNS, MAX_ROWS};
use crate::{CivilDate, DataTable};

/// One sheet of a workbook: its chart data, or why it is not chart data.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetTable {
    pub name: String,
    pub table: Result<DataTable, TableError>,
    /// The used cells as tab-separated text (empty for an empty sheet):
    /// for a table whose columns are not all numbers, as the portfolio's
    /// initiatives are, read the way a paste is.
    pub text: String,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    #[error("the file is not a spreadsheet this app can read ({0}); save it as .xlsx or CSV")]
    Unreadable(String),
    #[error("the workbook has no sheets")]
    NoSheets,
    #[error(
        "sheet {sheet:?} {} cells from {first} to {last}, more than a chart takes ({} rows \
         under a header row, {} columns): copy the chart's table into a sheet of its own, or \
         save that sheet as CSV",
        if *.declared { "declares" } else { "holds" }, MAX_ROWS, MAX_COLUMNS
    )]
    SheetTooLarge {
        sheet: String,
        /// The top-left and bottom-right cells, as the sheet names them.
        first: String,
        last: String,
        /// Whether the sheet's own dimension said so (before any cell was read).
        declared: bool,
    },
    #[error(
        "the workbook is too large to read ({0}): save the sheet with the chart's data as CSV"
    )]
    TooLarge(String),
    #[error("{0} are not read: save the workbook as .xlsx or CSV")]
    Unsupported(&'static str),
}

/// The most a zip workbook may unpack to, all its parts together. A sheet
/// as large as a chart takes (10,001 × 200 cells) is about 70 MB of XML.
pub const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;
/// The rows and columns a sheet's used cells may span: a header row and
/// [`MAX_ROWS`] rows of data, [`MAX_COLUMNS`] columns.
const MAX_SPAN_ROWS: u64 = MAX_ROWS as u64 + 1;
const MAX_SPAN_COLUMNS: u64 = MAX_COLUMNS as u64;

/// Reads every sheet of a workbook, in the workbook's order.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_zip_workbook(bytes)
    } else if bytes.starts_with(&xls::SIGNATURE) {
        xls::read(bytes)
    } else {
        Err(WorkbookError::Unreadable(
            "it is neither a zip nor an Excel 97–2003 file".into(),
        ))
    }
}

fn unreadable(err: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(err.to_string())
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The workbooks a zip can hold, told apart by the part that starts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
}

fn zip_kind(archive: &Archive<'_>) -> Option<ZipKind> {
    let has = |part: &str| {
        archive
            .file_names()
            .any(|name| name.replace('\\', "/").eq_ignore_ascii_case(part))
    };
    if has("xl/workbook.xml") {
        Some(ZipKind::Xlsx)
    } else if has("xl/workbook.bin") {
        Some(ZipKind::Xlsb)
    } else if has("content.xml") {
        Some(ZipKind::Ods)
    } else {
        None
    }
}

fn read_zip_workbook(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    check_unpacked_size(&mut archive, MAX_UNPACKED_BYTES)?;
    match zip_kind(&archive) {
        Some(ZipKind::Xlsx) => read_xlsx(bytes),
        Some(ZipKind::Ods) => {
            ods::check_content(&mut archive)?;
            read_ods(bytes)
        }
        Some(ZipKind::Xlsb) => Err(WorkbookError::Unsupported("Excel binary workbooks (.xlsb)")),
        None => Err(WorkbookError::Unreadable(
            "the zip holds no workbook".into(),
        )),
    }
}

/// Unpacks every part once, into nothing, counting: a part's declared size
/// is not trusted, its bytes are. Stops at the first byte past `limit`.
fn check_unpacked_size(archive: &mut Archive<'_>, limit: u64) -> Result<(), WorkbookError> {
    let mut total = 0u64;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(unreadable)?;
        let left = limit - total;
        let unpacked =
            std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).map_err(unreadable)?;
        total += unpacked;
        if total > limit {
            return Err(WorkbookError::TooLarge(format!(
                "it unpacks to more than {} MB",
                limit / (1024 * 1024)
            )));
        }
    }
    Ok(())
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
    let reads = Rc::new(Reads::default());
    let file = Metered {
        bytes: Cursor::new(bytes),
        reads: Rc::clone(&reads),
    };
    let mut workbook: Xlsx<_> = Xlsx::new(file).map_err(unreadable)?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(WorkbookError::NoSheets);
    }
    // What opening read (shared strings, styles, the sheet list) is not a
    // sheet's.
    reads.current.set(None);
    let budget = TextBudget::new();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        reads.start_sheet();
        let table = xlsx_sheet(&mut workbook, &name, &budget);
        if reads.twice.get() {
            return Err(WorkbookError::Unreadable(format!(
                "sheet {name:?} is a part of the file another sheet already is"
            )));
        }
        let (table, text) = table?;
        sheets.push(SheetTable { name, table, text });
    }
    Ok(sheets)
}

/// The bytes of the file each sheet read, so that no sheet reads what an
/// earlier one did: a workbook listing one part as a thousand sheets
/// would otherwise be unpacked and parsed a thousand times.
#[derive(Default)]
struct Reads {
    /// The range of the file read since the current sheet started.
    current: Cell<Option<(u64, u64)>>,
    earlier: RefCell<Vec<(u64, u64)>>,
    /// Set when a sheet read bytes an earlier sheet had read.
    twice: Cell<bool>,
}

impl Reads {
    fn start_sheet(&self) {
        if let Some(range) = self.current.take() {
            self.earlier.borrow_mut().push(range);
        }
    }

    /// Notes `[start, end)` as read; false if an earlier sheet read it.
    fn note(&self, start: u64, end: u64) -> bool {
        let overlaps = |(from, to): &(u64, u64)| start < *to && *from < end;
        if self.earlier.borrow().iter().any(overlaps) {
            self.twice.set(true);
            return false;
        }
        let range = match self.current.get() {
            Some((from, to)) => (from.min(start), to.max(end)),
            None => (start, end),
        };
        self.current.set(Some(range));
        true
    }
}

/// The file's bytes as calamine reads them, with every read noted.
struct Metered<'a> {
    bytes: Cursor<&'a [u8]>,
    reads: Rc<Reads>,
}

impl Read for Metered<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let start = self.bytes.position();
        let end = start
            .saturating_add(buf.len() as u64)
            .min(self.bytes.get_ref().len() as u64);
        if end > start && !self.reads.note(start, end) {
            return Err(std::io::Error::other("a part of the file is read twice"));
        }
        self.bytes.read(buf)
    }
}

impl Seek for Metered<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.bytes.seek(to)
    }
}

/// Streams one sheet's cells; a sheet that is not a worksheet (a chart
/// sheet) or cannot be opened is an empty sheet, as it always was.
fn xlsx_sheet(
    workbook: &mut Xlsx<Metered<'_>>,
    name: &str,
    budget: &TextBudget,
) -> Result<(Result<DataTable, TableError>, String), WorkbookError> {
    let Ok(mut reader) = workbook.worksheet_cells_reader(name) else {
        return Ok((Err(TableError::Empty), String::new()));
    };
    let declared = reader.dimensions();
    check_declared(name, declared.start, declared.end)?;
    let mut cells = SheetCells::new(name, budget);
    while let Some(cell) = reader
        .next_cell()
        .map_err(|err| unreadable(format!("sheet {name:?}: {err}")))?
    {
        cells.add(cell.get_position(), &Data::from(cell.get_value().clone()))?;
    }
    Ok(cells.into_table())
}

/// Refuses a sheet whose declared range (`first` to `last`, inclusive)
/// spans more than a chart takes.
fn check_declared(sheet: &str, first: (u32, u32), last: (u32, u32)) -> Result<(), WorkbookError> {
    let span = Span::of(first).with(last);
    if span.fits() {
        return Ok(());
    }
    Err(span.too_large(sheet, true))
}

fn read_ods(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
    let mut workbook: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(WorkbookError::NoSheets);
    }
    let budget = TextBudget::new();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let (table, text) = match workbook.worksheet_range(&name) {
            Ok(range) => {
                let (first_row, first_column) = range.start().unwrap_or((0, 0));
                let mut cells = SheetCells::new(&name, &budget);
                for (row, column, value) in range.used_cells() {
                    let at = (
                        first_row.saturating_add(row as u32),
                        first_column.saturating_add(column as u32),
                    );
                    cells.add(at, value)?;
                }
                cells.into_table()
            }
            Err(_) => (Err(TableError::Empty), String::new()),
        };
        sheets.push(SheetTable { name, table, text });
    }
    Ok(sheets)
}

/// The rectangle a sheet's used cells cover, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    first: (u32, u32),
    last: (u32, u32),
}

impl Span {
    fn of(at: (u32, u32)) -> Self {
        Span {
            first: at,
            last: at,
        }
    }

    fn with(self, at: (u32, u32)) -> Self {
        Span {
            first: (self.first.0.min(at.0), self.first.1.min(at.1)),
            last: (self.last.0.max(at.0), self.last.1.max(at.1)),
        }
    }

    fn fits(&self) -> bool {
        let rows = u64::from(self.last.0 - self.first.0) + 1;
        let columns = u64::from(self.last.1 - self.first.1) + 1;
        rows <= MAX_SPAN_ROWS && columns <= MAX_SPAN_COLUMNS
    }

    fn too_large(&self, sheet: &str, declared: bool) -> WorkbookError {
        WorkbookError::SheetTooLarge {
            sheet: sheet.to_owned(),
            first: cell_name(self.first),
            last: cell_name(self.last),
            declared,
        }
    }
}

/// `(0, 0)` is A1, `(1048575, 16383)` is XFD1048576.
fn cell_name((row, column): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let digit = ((rest - 1) % 26) as u8;
        letters.push(char::from(b'A' + digit));
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        u64::from(row) + 1
    )
}

/// The text the sheets of one workbook may hold together. A shared string
/// is stored once in the file but copied into every cell that shows it, so
/// the file's size does not bound it.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// What is left of [`MAX_TEXT_BYTES`] while a workbook is read.
struct TextBudget(Cell<u64>);

impl TextBudget {
    fn new() -> Self {
        TextBudget(Cell::new(MAX_TEXT_BYTES))
    }

    fn spend(&self, bytes: usize) -> Result<(), WorkbookError> {
        let left = self.0.get().checked_sub(bytes as u64).ok_or_else(|| {
            WorkbookError::TooLarge(format!(
                "its cells hold more than {} MB of text",
                MAX_TEXT_BYTES / (1024 * 1024)
            ))
        })?;
        self.0.set(left);
        Ok(())
    }
}

/// One sheet's used cells as text, gathered cell by cell and refused as
/// soon as they span more than a chart takes, so a sheet never costs more
/// than the largest table a chart takes.
struct SheetCells<'a> {
    sheet: &'a str,
    budget: &'a TextBudget,
    text: BTreeMap<(u32, u32), String>,
    span: Option<Span>,
}

impl<'a> SheetCells<'a> {
    fn new(sheet: &'a str, budget: &'a TextBudget) -> Self {
        SheetCells {
            sheet,
            budget,
            text: BTreeMap::new(),
            span: None,
        }
    }

    /// Adds a cell at (row, column), 0-based; an empty cell adds nothing.
    fn add(&mut self, at: (u32, u32), cell: &Data) -> Result<(), WorkbookError> {
        if matches!(cell, Data::Empty) {
            return Ok(());
        }
        let span = self.span.map_or(Span::of(at), |span| span.with(at));
        if !span.fits() {
            return Err(span.too_large(self.sheet, false));
        }
        self.span = Some(span);
        let text = cell_text(cell);
        self.budget.spend(text.len())?;
        if text.is_empty() {
            self.text.remove(&at);
        } else {
            self.text.insert(at, text);
        }
        Ok(())
    }

    /// The cells as the rows a copy of the used range would paste: read
    /// as chart data, and as that text.
    fn into_table(self) -> (Result<DataTable, TableError>, String) {
        let Some(span) = self.span else {
            return (Err(TableError::Empty), String::new());
        };
        let text = self.text;
        let rows = (span.first.0..=span.last.0).map(move |row| {
            (span.first.1..=span.last.1)
                .map(|column| text.get(&(row, column)).cloned().unwrap_or_default())
                .collect()
        });
        let pasted = sheet_text(rows);
        let table = parse_table(&pasted)
            .map_err(|err| shift(err, span.first.0 as usize, span.first.1 as usize));
        (table, pasted)
    }
}

/// Parses a sheet's cells (as text) whose top-left used cell is at
/// (`first_row`, `first_column`), both 0-based, so that errors name the
/// sheet's own row and column numbers.
#[cfg(test)]
fn sheet_to_table(
    first_row: usize,
    first_column: usize,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<DataTable, TableError> {
    parse_table(&sheet_text(rows)).map_err(|err| shift(err, first_row, first_column))
}

/// Rows of cells as a tab-separated paste, each cell quoted where it must.
fn sheet_text(rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| quote_cell(cell)).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    text
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

/// The scan of an `.ods` file's `content.xml` that comes before calamine
/// opens it. calamine builds the grid of every sheet at once when it opens
/// the file (rows and columns repeated by `number-rows-repeated` and
/// `number-columns-repeated` written out), fills `<text:s text:c="…">`
/// spaces one by one, and waits for the end of a table or a note without
/// checking for the end of the file; a few hundred bytes could ask it for
/// gigabytes, or keep it reading forever. The scan reads the same events
/// (the same reader, also checking that each element is closed by its own
/// end tag), refuses what would cost too much, a file whose elements are
/// not all closed, and a table, row or cell inside another (where calamine
/// and the scan could count different cells).
mod ods {
    use std::io::BufReader;

    use quick_xml::events::{BytesStart, Event};

    use super::{unreadable, Archive, Span, WorkbookError};

    /// Cells the opened file may make calamine hold, counted twice over:
    /// the cells it gathers row by row, and the grids it builds from them
    /// (empty cells included), each across all sheets. A quarter more than
    /// the largest table a chart takes (10,001 × 200); calamine keeps 56
    /// bytes a cell (a value and a formula), so about 140 MB for each.
    pub(super) const MAX_CELLS: u64 = 2_500_000;
    /// Spaces `<text:s text:c="…">` may ask for, in the whole file.
    pub(super) const MAX_SPACES: u64 = 1_000_000;
    /// calamine's own limits: rows of a sheet and cells of a row.
    const SHEET_ROWS: u64 = 1_048_576;
    const ROW_CELLS: u64 = 16_384;

    pub(super) fn check_content(archive: &mut Archive<'_>) -> Result<(), WorkbookError> {
        let Ok(content) = archive.by_name("content.xml") else {
            return Ok(()); // calamine refuses the file itself
        };
        let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
        let config = reader.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut scan = Scan::default();
        let mut depth = 0usize;
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf).map_err(unreadable)? {
                Event::Start(element) => {
                    depth += 1;
                    scan.start(&element, reader.decoder())?;
                }
                Event::End(element) => {
                    depth = depth.checked_sub(1).ok_or_else(not_nested)?;
                    scan.end(element.name().as_ref())?;
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        if depth != 0 {
            return Err(not_nested());
        }
        Ok(())
    }

    fn not_nested() -> WorkbookError {
        WorkbookError::Unreadable("its content.xml is cut short or badly nested".into())
    }

    fn inside_another() -> WorkbookError {
        WorkbookError::Unreadable("its content.xml puts a table, row or cell inside another".into())
    }

    fn too_large(what: String) -> WorkbookError {
        WorkbookError::TooLarge(what)
    }

    /// A sheet being scanned: where its next row goes, and the rows and
    /// columns its non-empty cells reach (expanded repeats included).
    #[derive(Default)]
    struct Table {
        name: String,
        next_row: u64,
        used: Option<(u64, u64, u64, u64)>, // first row, last row, first column, last column
    }

    #[derive(Default)]
    struct Row {
        repeats: u64,
        next_column: u64,
        used: Option<(u64, u64)>, // first column, last column
    }

    #[derive(Default)]
    struct Scan {
        table: Option<Table>,
        row: Option<Row>,
        in_cell: bool,
        spaces: u64,
        gathered: u64,
        grids: u64,
    }

    /// The value of `key`, as a number; a missing one is 1 (no repeat).
    fn count(element: &BytesStart<'_>, key: &[u8]) -> Result<u64, WorkbookError> {
        match element.try_get_attribute(key).map_err(unreadable)? {
            None => Ok(1),
            Some(value) => std::str::from_utf8(&value.value)
                .ok()
                .and_then(|text| text.trim().parse().ok())
                .ok_or_else(|| unreadable(format!("{:?} is not a count", value.value))),
        }
    }

    /// What calamine reads a value from: a value attribute, a string
    /// cell (whose text is the value) or a formula.
    fn holds_value(element: &BytesStart<'_>) -> bool {
        element
            .attributes()
            .flatten()
            .any(|attribute| match attribute.key.as_ref() {
                b"office:value"
                | b"office:string-value"
                | b"office:date-value"
                | b"office:time-value"
                | b"office:boolean-value"
                | b"table:formula" => true,
                b"office:value-type" => &*attribute.value == b"string",
                _ => false,
            })
    }

    impl Scan {
        fn start(
            &mut self,
            element: &BytesStart<'_>,
            decoder: quick_xml::encoding::Decoder,
        ) -> Result<(), WorkbookError> {
            match element.name().as_ref() {
                b"table:table" if self.table.is_some() => return Err(inside_another()),
                b"table:table-row" if self.row.is_some() => return Err(inside_another()),
                b"table:table-cell" | b"table:covered-table-cell" if self.in_cell => {
                    return Err(inside_another())
                }
                b"table:table" => {
                    let name = element
                        .try_get_attribute(b"table:name")
                        .ok()
                        .flatten()
                        .and_then(|value| value.decode_and_unescape_value(decoder).ok())
                        .unwrap_or_default()
                        .into_owned();
                    self.table = Some(Table {
                        name,
                        ..Table::default()
                    });
                }
                b"table:table-row" => {
                    if let Some(table) = &self.table {
                        let left = SHEET_ROWS.saturating_sub(table.next_row);
                        self.row = Some(Row {
                            repeats: count(element, b"table:number-rows-repeated")?.min(left),
                            ..Row::default()
                        });
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    if let Some(row) = &mut self.row {
                        let left = ROW_CELLS.saturating_sub(row.next_column);
                        let repeats = count(element, b"table:number-columns-repeated")?.min(left);
                        if repeats > 0 && holds_value(element) {
                            let last = row.next_column + repeats - 1;
                            let first = row.used.map_or(row.next_column, |used| used.0);
                            row.used = Some((first, last));
                        }
                        row.next_column += repeats;
                        self.in_cell = true;
                    }
                }
                b"text:s" => {
                    self.spaces = self.spaces.saturating_add(count(element, b"text:c")?);
                    if self.spaces > MAX_SPACES {
                        return Err(too_large(format!(
                            "it asks for more than {MAX_SPACES} spaces"
                        )));
                    }
                }
                _ => {}
            }
            Ok(())
        }

        fn end(&mut self, name: &[u8]) -> Result<(), WorkbookError> {
            match name {
                b"table:table-cell" | b"table:covered-table-cell" => self.in_cell = false,
                b"table:table" => {
                    if let Some(table) = self.table.take() {
                        self.end_table(table)?;
                    }
                }
                b"table:table-row" => {
                    if let Some(row) = self.row.take() {
                        self.end_row(row)?;
                    }
                }
                _ => {}
            }
            Ok(())
        }

        /// calamine keeps a row's cells up to its last value (once, however
        /// often the row repeats); the sheet's grid grows by the repeats.
        fn end_row(&mut self, row: Row) -> Result<(), WorkbookError> {
            let Some(table) = &mut self.table else {
                return Ok(());
            };
            if let (Some((first_column, last_column)), true) = (row.used, row.repeats > 0) {
                let last_row = table.next_row + row.repeats - 1;
                table.used = Some(match table.used {
                    None => (table.next_row, last_row, first_column, last_column),
                    Some((first, _, left, right)) => (
                        first,
                        last_row,
                        left.min(first_column),
                        right.max(last_column),
                    ),
                });
                self.gathered += last_column + 1;
            }
            table.next_row += row.repeats;
            self.check_cells()
        }

        fn end_table(&mut self, table: Table) -> Result<(), WorkbookError> {
            let Some((first_row, last_row, first_column, last_column)) = table.used else {
                return Ok(());
            };
            let rows = last_row - first_row + 1;
            let columns = last_column - first_column + 1;
            let at = |row: u64, column: u64| {
                (
                    u32::try_from(row).unwrap_or(u32::MAX),
                    u32::try_from(column).unwrap_or(u32::MAX),
                )
            };
            let span = Span {
                first: at(first_row, first_column),
                last: at(last_row, last_column),
            };
            if !span.fits() {
                return Err(span.too_large(&table.name, false));
            }
            self.grids += rows * columns;
            self.check_cells()
        }

        fn check_cells(&self) -> Result<(), WorkbookError> {
            if self.gathered > MAX_CELLS || self.grids > MAX_CELLS {
                return Err(too_large(format!(
                    "its sheets hold more than {MAX_CELLS} cells"
                )));
            }
            Ok(())
        }
    }
}

/// Excel 97–2003 workbooks (BIFF8 records in a compound file), read here
/// rather than by calamine, whose reader builds every sheet's grid when the
/// file opens and trusts sizes and offsets in the file. The compound file
/// is opened by the `cfb` crate (which checks every sector chain); the
/// records are read with every length checked, and cells go through the
/// same bounded [`SheetCells`] as a streamed `.xlsx` sheet.
mod xls {
    use std::io::{Cursor, Read};

    use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType};

    use super::{check_declared, unreadable, SheetCells, SheetTable, TextBudget, WorkbookError};
    use crate::table::TableError;
    use crate::DataTable;

    /// A compound file (OLE2) starts with these bytes.
    pub(super) const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    const BOF: u16 = 0x0809;
    const EOF: u16 = 0x000A;
    const CONTINUE: u16 = 0x003C;
    const BIFF8: u16 = 0x0600;

    pub(super) fn read(bytes: &[u8]) -> Result<Vec<SheetTable>, WorkbookError> {
        let stream = workbook_stream(bytes)?;
        let globals = Globals::read(&stream)?;
        if globals.sheets.is_empty() {
            return Err(WorkbookError::NoSheets);
        }
        // The ranges of the stream read so far: each is read once, so a
        // workbook listing one sheet a thousand times costs one read.
        let mut read = vec![(0, globals.end)];
        let budget = TextBudget::new();
        let mut sheets = Vec::with_capacity(globals.sheets.len());
        for sheet in &globals.sheets {
            let (table, text) = if sheet.worksheet {
                let (read_cells, range) = read_sheet(&stream, &read, &globals, sheet, &budget)?;
                read.push(range);
                read_cells
            } else {
                (Err(TableError::Empty), String::new())
            };
            sheets.push(SheetTable {
                name: sheet.name.clone(),
                table,
                text,
            });
        }
        Ok(sheets)
    }

    /// The `Workbook` stream (BIFF8); a `Book` stream is Excel 5.0/95.
    fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, WorkbookError> {
        let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(unreadable)?;
        let names: Vec<String> = file
            .read_root_storage()
            .filter(|entry| entry.is_stream())
            .map(|entry| entry.name().to_owned())
            .collect();
        let named = |wanted: &str| names.iter().find(|name| name.eq_ignore_ascii_case(wanted));
        let Some(name) = named("Workbook") else {
            return Err(match named("Book") {
                Some(_) => WorkbookError::Unsupported("Excel 5.0/95 workbooks"),
                None => unreadable("the file holds no workbook"),
            });
        };
        let mut file = file;
        let stream = file.open_stream(format!("/{name}")).map_err(unreadable)?;
        let mut data = Vec::new();
        // A stream lies within the file, so it is never longer than it.
        stream
            .take(bytes.len() as u64)
            .read_to_end(&mut data)
            .map_err(unreadable)?;
        Ok(data)
    }

    /// One record: its type and its data.
    struct Record<'a> {
        kind: u16,
        data: &'a [u8],
    }

    /// The records of a stream from `at` on; a record that runs past the
    /// end of the stream is an error, and the last item.
    struct Records<'a> {
        stream: &'a [u8],
        at: usize,
    }

    impl Records<'_> {
        /// The type of the next record, without reading it.
        fn next_kind(&self) -> Option<u16> {
            let rest = self.stream.get(self.at..)?;
            u16_at(rest, 0)
        }
    }

    impl<'a> Iterator for Records<'a> {
        type Item = Result<Record<'a>, WorkbookError>;

        fn next(&mut self) -> Option<Self::Item> {
            let rest = self.stream.get(self.at..).filter(|rest| !rest.is_empty())?;
            let record = match rest {
                [k0, k1, l0, l1, data @ ..] => {
                    let length = usize::from(u16::from_le_bytes([*l0, *l1]));
                    data.get(..length).map(|data| Record {
                        kind: u16::from_le_bytes([*k0, *k1]),
                        data,
                    })
                }
                _ => None,
            };
            match record {
                Some(record) => {
                    self.at += 4 + record.data.len();
                    Some(Ok(record))
                }
                None => {
                    self.at = self.stream.len();
                    Some(Err(unreadable(
                        "a record runs past the end of the workbook",
                    )))
                }
            }
        }
    }

    fn records(stream: &[u8], at: usize) -> Records<'_> {
        Records { stream, at }
    }

    fn u16_at(data: &[u8], at: usize) -> Option<u16> {
        data.get(at..at + 2)
            .map(|two| u16::from_le_bytes([two[0], two[1]]))
    }

    fn u32_at(data: &[u8], at: usize) -> Option<u32> {
        data.get(at..at + 4)
            .map(|four| u32::from_le_bytes([four[0], four[1], four[2], four[3]]))
    }

    fn f64_at(data: &[u8], at: usize) -> Option<f64> {
        let bytes: [u8; 8] = data.get(at..at + 8)?.try_into().ok()?;
        Some(f64::from_le_bytes(bytes))
    }

    fn short(what: &str) -> WorkbookError {
        unreadable(format!("a {what} record is too short"))
    }

    /// How a number is shown: as a number, a date or a duration.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum NumberFormat {
        Plain,
        Date,
        Duration,
    }

    /// Excel's built-in formats that show a date or a time.
    fn builtin_format(id: u16) -> NumberFormat {
        match id {
            14..=22 | 45 | 47 => NumberFormat::Date,
            46 => NumberFormat::Duration,
            _ => NumberFormat::Plain,
        }
    }

    /// Whether a format code (`yyyy-mm-dd`, `[h]:mm`, `0.0%`) shows a date:
    /// a date or time letter outside quotes, escapes and brackets, in the
    /// first section; `[h]`, `[m]`, `[s]` make it a duration.
    pub(super) fn custom_format(code: &str) -> NumberFormat {
        let mut escaped = false;
        let mut quoted = false;
        let mut brackets = 0u8;
        let mut previous = ' ';
        let mut elapsed = false;
        let mut am_pm = false;
        for c in code.chars() {
            if escaped {
                escaped = false;
            } else if quoted {
                quoted = c != '"';
            } else {
                match c {
                    '_' | '\\' => escaped = true,
                    '"' => quoted = true,
                    ';' => return NumberFormat::Plain,
                    '[' => brackets = brackets.saturating_add(1),
                    ']' if brackets == 1 && elapsed => return NumberFormat::Duration,
                    ']' => brackets = brackets.saturating_sub(1),
                    'a' | 'A' if brackets == 0 && !am_pm => am_pm = true,
                    'p' | 'm' | '/' | 'P' | 'M' if brackets == 0 && am_pm => {
                        return NumberFormat::Date
                    }
                    'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S' if brackets == 0 => {
                        return NumberFormat::Date
                    }
                    _ => {
                        if !(elapsed && c.eq_ignore_ascii_case(&previous)) {
                            elapsed =
                                previous == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                        }
                    }
                }
            }
            previous = c;
        }
        NumberFormat::Plain
    }

    /// A BIFF8 string: `count` characters, one byte each (Latin-1) or two
    /// (UTF-16), after a flags byte; the characters may be cut short at the
    /// end of `data`, never read past it.
    fn characters(data: &[u8], count: usize, wide: bool) -> (String, usize) {
        if wide {
            let units: Vec<u16> = data
                .chunks_exact(2)
                .take(count)
                .map(|two| u16::from_le_bytes([two[0], two[1]]))
                .collect();
            let used = units.len() * 2;
            let text = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            (text, used)
        } else {
            let used = count.min(data.len());
            let text = data.iter().take(used).map(|b| char::from(*b)).collect();
            (text, used)
        }
    }

    /// `XLUnicodeString`: a 2-byte count, a flags byte, the characters.
    fn unicode_string(data: &[u8]) -> Option<String> {
        let count = usize::from(u16_at(data, 0)?);
        let flags = *data.get(2)?;
        Some(characters(data.get(3..)?, count, flags & 1 == 1).0)
    }

    /// `ShortXLUnicodeString`: a 1-byte count, a flags byte, the characters.
    fn short_unicode_string(data: &[u8]) -> Option<String> {
        let count = usize::from(*data.first()?);
        let flags = *data.get(1)?;
        Some(characters(data.get(2..)?, count, flags & 1 == 1).0)
    }

    /// The bytes of a record and of the `CONTINUE` records after it, read
    /// as one sequence; a string's characters that go on in the next
    /// record start there with a new flags byte.
    struct Pieces<'a> {
        pieces: Vec<&'a [u8]>,
        piece: usize,
        at: usize,
    }

    impl<'a> Pieces<'a> {
        fn current(&self) -> &'a [u8] {
            let piece = self.pieces.get(self.piece).copied().unwrap_or_default();
            piece.get(self.at..).unwrap_or_default()
        }

        /// Moves to the next piece once this one is used up.
        fn next_piece(&mut self) -> bool {
            if self.piece + 1 < self.pieces.len() {
                self.piece += 1;
                self.at = 0;
                true
            } else {
                false
            }
        }

        fn at_end(&mut self) -> bool {
            while self.current().is_empty() {
                if !self.next_piece() {
                    return true;
                }
            }
            false
        }

        fn byte(&mut self) -> Option<u8> {
            if self.at_end() {
                return None;
            }
            let byte = *self.current().first()?;
            self.at += 1;
            Some(byte)
        }

        fn u16(&mut self) -> Option<u16> {
            Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
        }

        fn u32(&mut self) -> Option<u32> {
            Some(u32::from_le_bytes([
                self.byte()?,
                self.byte()?,
                self.byte()?,
                self.byte()?,
            ]))
        }

        fn skip(&mut self, mut count: usize) -> Option<()> {
            while count > 0 {
                if self.at_end() {
                    return None;
                }
                let step = count.min(self.current().len());
                self.at += step;
                count -= step;
            }
            Some(())
        }

        /// `count` characters, going on into the next pieces as needed.
        fn characters(&mut self, mut count: usize, mut wide: bool) -> Option<String> {
            let mut text = String::new();
            loop {
                let (part, used) = characters(self.current(), count, wide);
                text.push_str(&part);
                self.at += used;
                count -= part.chars().count().min(count);
                if count == 0 {
                    return Some(text);
                }
                if self.current().len() > usize::from(wide) || !self.next_piece() {
                    return None; // an odd byte left, or no more pieces
                }
                wide = self.byte()? & 1 == 1;
            }
        }

        /// `XLUnicodeRichExtendedString`, as the shared string table holds.
        fn rich_string(&mut self) -> Option<String> {
            let count = usize::from(self.u16()?);
            let flags = self.byte()?;
            let runs = if flags & 0x08 != 0 { self.u16()? } else { 0 };
            let extra = if flags & 0x04 != 0 { self.u32()? } else { 0 };
            let text = self.characters(count, flags & 1 == 1)?;
            self.skip(usize::from(runs) * 4)?;
            self.skip(usize::try_from(extra).ok()?)?;
            Some(text)
        }
    }

    /// The shared strings: the `SST` record (two counts, then strings) and
    /// its `CONTINUE` records.
    fn shared_strings(pieces: Vec<&[u8]>) -> Result<Vec<String>, WorkbookError> {
        let mut pieces = Pieces {
            pieces,
            piece: 0,
            at: 0,
        };
        pieces.skip(8).ok_or_else(|| short("shared strings"))?;
        let mut strings = Vec::new();
        while !pieces.at_end() {
            let text = pieces
                .rich_string()
                .ok_or_else(|| unreadable("a shared string is cut short"))?;
            strings.push(text);
        }
        Ok(strings)
    }

    /// A sheet as the workbook lists it.
    struct BoundSheet {
        name: String,
        /// Where its records start in the stream.
        offset: usize,
        worksheet: bool,
    }

    /// What the workbook's first records say: its sheets, shared strings,
    /// number formats and date system.
    struct Globals {
        sheets: Vec<BoundSheet>,
        strings: Vec<String>,
        /// Custom number formats, by format id.
        formats: std::collections::BTreeMap<u16, NumberFormat>,
        /// The format id of each cell style (XF), by style index.
        styles: Vec<u16>,
        date_1904: bool,
        /// Where the first records end (after their `EOF`).
        end: usize,
    }

    impl Globals {
        fn read(stream: &[u8]) -> Result<Globals, WorkbookError> {
            let mut globals = Globals {
                sheets: Vec::new(),
                strings: Vec::new(),
                formats: std::collections::BTreeMap::new(),
                styles: Vec::new(),
                date_1904: false,
                end: 0,
            };
            let mut records = records(stream, 0);
            check_bof(records.next())?;
            while let Some(record) = records.next() {
                let record = record?;
                match record.kind {
                    EOF => {
                        globals.end = records.at;
                        return Ok(globals);
                    }
                    0x002F => {
                        return Err(WorkbookError::Unsupported("password-protected workbooks"))
                    }
                    0x0022 => globals.date_1904 = u16_at(record.data, 0) == Some(1),
                    0x041E => {
                        let id = u16_at(record.data, 0).ok_or_else(|| short("format"))?;
                        let code = record.data.get(2..).and_then(unicode_string);
                        let format = code.as_deref().map_or(NumberFormat::Plain, custom_format);
                        globals.formats.insert(id, format);
                    }
                    0x00E0 => globals
                        .styles
                        .push(u16_at(record.data, 2).ok_or_else(|| short("style"))?),
                    0x0085 => globals.sheets.push(bound_sheet(record.data)?),
                    0x00FC => {
                        let mut pieces = vec![record.data];
                        while records.next_kind() == Some(CONTINUE) {
                            pieces.push(records.next().transpose()?.map_or(&[][..], |r| r.data));
                        }
                        globals.strings = shared_strings(pieces)?;
                    }
                    _ => {}
                }
            }
            Err(unreadable("the workbook's records end early"))
        }

        /// How a cell with style `style` shows its number.
        fn number_format(&self, style: u16) -> NumberFormat {
            match self.styles.get(usize::from(style)) {
                Some(id) => self
                    .formats
                    .get(id)
                    .copied()
                    .unwrap_or_else(|| builtin_format(*id)),
                None => NumberFormat::Plain,
            }
        }

        fn number(&self, value: f64, style: u16) -> Data {
            let kind = match self.number_format(style) {
                NumberFormat::Plain => return Data::Float(value),
                NumberFormat::Date => ExcelDateTimeType::DateTime,
                NumberFormat::Duration => ExcelDateTimeType::TimeDelta,
            };
            Data::DateTime(ExcelDateTime::new(value, kind, self.date_1904))
        }
    }

    /// The first records start with a BIFF8 `BOF` record.
    fn check_bof(record: Option<Result<Record<'_>, WorkbookError>>) -> Result<(), WorkbookError> {
        match starts_substream(record)? {
            Some(BIFF8) => Ok(()),
            _ => Err(WorkbookError::Unsupported("Excel 5.0/95 workbooks")),
        }
    }

    /// A substream (the first records, or a sheet's) starts with a `BOF`
    /// record; the BIFF version it gives, if any.
    fn starts_substream(
        record: Option<Result<Record<'_>, WorkbookError>>,
    ) -> Result<Option<u16>, WorkbookError> {
        match record {
            Some(Ok(Record { kind: BOF, data })) => Ok(u16_at(data, 0)),
            Some(Ok(_)) | None => Err(unreadable("a sheet does not start where the workbook says")),
            Some(Err(err)) => Err(err),
        }
    }

    /// `BoundSheet8`: where the sheet starts, its state, its type, its name.
    fn bound_sheet(data: &[u8]) -> Result<BoundSheet, WorkbookError> {
        let offset = u32_at(data, 0).ok_or_else(|| short("sheet"))?;
        let kind = *data.get(5).ok_or_else(|| short("sheet"))?;
        let name = data
            .get(6..)
            .and_then(short_unicode_string)
            .ok_or_else(|| short("sheet"))?;
        Ok(BoundSheet {
            name: name.replace('\0', ""),
            offset: usize::try_from(offset).unwrap_or(usize::MAX),
            worksheet: kind == 0,
        })
    }

    /// A cell's row and column (the first four bytes of a cell record).
    fn position(data: &[u8], what: &str) -> Result<(u32, u32), WorkbookError> {
        match (u16_at(data, 0), u16_at(data, 2)) {
            (Some(row), Some(column)) => Ok((u32::from(row), u32::from(column))),
            _ => Err(short(what)),
        }
    }

    /// An `RK` number: 30 bits of an integer or the top of a double,
    /// perhaps to be divided by 100.
    fn rk_number(rk: u32) -> f64 {
        let value = if rk & 2 != 0 {
            f64::from((rk as i32) >> 2)
        } else {
            f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
        };
        if rk & 1 != 0 {
            value / 100.0
        } else {
            value
        }
    }

    fn cell_error(code: u8) -> Data {
        Data::Error(match code {
            0x00 => CellErrorType::Null,
            0x07 => CellErrorType::Div0,
            0x0F => CellErrorType::Value,
            0x17 => CellErrorType::Ref,
            0x1D => CellErrorType::Name,
            0x24 => CellErrorType::Num,
            0x2B => CellErrorType::GettingData,
            _ => CellErrorType::NA,
        })
    }

    /// Reads one sheet's cells, from its `BOF` to its `EOF` (an embedded
    /// chart's records, between a nested `BOF` and `EOF`, are skipped),
    /// and the range of the stream it read. A sheet that starts inside a
    /// range already `read`, or runs into one, is refused.
    fn read_sheet(
        stream: &[u8],
        read: &[(usize, usize)],
        globals: &Globals,
        sheet: &BoundSheet,
        budget: &TextBudget,
    ) -> Result<(SheetRead, Range), WorkbookError> {
        let start = sheet.offset;
        let twice = || {
            WorkbookError::Unreadable(format!(
                "sheet {:?} overlaps another part of the workbook",
                sheet.name
            ))
        };
        if read.iter().any(|(from, to)| (*from..*to).contains(&start)) {
            return Err(twice());
        }
        let limit = read
            .iter()
            .map(|(from, _)| *from)
            .filter(|from| *from > start)
            .min()
            .unwrap_or(stream.len());
        let mut records = records(stream.get(..limit).unwrap_or(stream), start);
        let cut = |err: WorkbookError| if limit < stream.len() { twice() } else { err };
        starts_substream(records.next())?;
        let mut cells = SheetCells::new(&sheet.name, budget);
        let mut depth = 1usize;
        let mut formula_string_at = None;
        loop {
            let Some(record) = records.next() else {
                if limit < stream.len() {
                    return Err(twice());
                }
                break; // the stream ends without the sheet's EOF
            };
            let record = record.map_err(cut)?;
            match record.kind {
                BOF => depth += 1,
                EOF if depth == 1 => break,
                EOF => depth -= 1,
                _ if depth > 1 => {}
                0x0207 => {
                    if let Some(at) = formula_string_at.take() {
                        let text = unicode_string(record.data).unwrap_or_default();
                        cells.add(at, &Data::String(text))?;
                    }
                }
                kind => {
                    formula_string_at = None;
                    for (at, value) in cell_values(kind, record.data, globals, &sheet.name)? {
                        match value {
                            Value::Cell(data) => cells.add(at, &data)?,
                            Value::StringFollows => formula_string_at = Some(at),
                        }
                    }
                }
            }
        }
        Ok((cells.into_table(), (start, records.at)))
    }

    /// A range of the stream, `start..end`.
    type Range = (usize, usize);

    /// A sheet as chart data, and its cells as text.
    type SheetRead = (Result<DataTable, TableError>, String);

    /// The cells of one record, with their row and column.
    type Cells = Vec<((u32, u32), Value)>;

    enum Value {
        Cell(Data),
        /// A formula whose text result is in the `STRING` record after it.
        StringFollows,
    }

    /// The cells a record holds (none for records that are not cells).
    fn cell_values(
        kind: u16,
        data: &[u8],
        globals: &Globals,
        sheet: &str,
    ) -> Result<Cells, WorkbookError> {
        let style = || u16_at(data, 4).unwrap_or(0);
        let one = |value: Data, what: &str| Ok(vec![(position(data, what)?, Value::Cell(value))]);
        match kind {
            0x0200 => {
                dimensions(data, sheet)?;
                Ok(Vec::new())
            }
            0x0203 => {
                let value = f64_at(data, 6).ok_or_else(|| short("number"))?;
                one(globals.number(value, style()), "number")
            }
            0x027E => {
                let rk = u32_at(data, 6).ok_or_else(|| short("number"))?;
                one(globals.number(rk_number(rk), style()), "number")
            }
            0x00BD => multiple_numbers(data, globals),
            0x00FD => {
                let index = u32_at(data, 6).ok_or_else(|| short("text"))?;
                match globals
                    .strings
                    .get(usize::try_from(index).unwrap_or(usize::MAX))
                {
                    Some(text) => one(Data::String(text.clone()), "text"),
                    None => Ok(Vec::new()),
                }
            }
            0x0204 => {
                let text = data.get(6..).and_then(unicode_string).unwrap_or_default();
                one(Data::String(text), "text")
            }
            0x0205 => match (data.get(6), data.get(7)) {
                (Some(value), Some(0)) => one(Data::Bool(*value != 0), "boolean"),
                (Some(code), Some(_)) => one(cell_error(*code), "error"),
                _ => Err(short("boolean")),
            },
            0x0006 => formula_value(data, globals),
            _ => Ok(Vec::new()),
        }
    }

    /// `MulRk`: a row, a first column, six bytes per cell, a last column.
    fn multiple_numbers(data: &[u8], globals: &Globals) -> Result<Cells, WorkbookError> {
        let (row, first) = position(data, "numbers")?;
        let cells = data
            .get(4..data.len().saturating_sub(2))
            .ok_or_else(|| short("numbers"))?;
        Ok(cells
            .chunks_exact(6)
            .zip(first..)
            .map(|(cell, column)| {
                let style = u16::from_le_bytes([cell[0], cell[1]]);
                let rk = u32::from_le_bytes([cell[2], cell[3], cell[4], cell[5]]);
                let value = globals.number(rk_number(rk), style);
                ((row, column), Value::Cell(value))
            })
            .collect())
    }

    /// A formula's last result: a number, or (when the last two bytes are
    /// `FFFF`) text in the next record, a boolean, an error or nothing.
    fn formula_value(data: &[u8], globals: &Globals) -> Result<Cells, WorkbookError> {
        let at = position(data, "formula")?;
        let result = data.get(6..14).ok_or_else(|| short("formula"))?;
        let value = if result[6..8] == [0xFF, 0xFF] {
            match result[0] {
                0 => Value::StringFollows,
                1 => Value::Cell(Data::Bool(result[2] != 0)),
                2 => Value::Cell(cell_error(result[2])),
                _ => Value::Cell(Data::String(String::new())),
            }
        } else {
            let number = f64_at(result, 0).ok_or_else(|| short("formula"))?;
            Value::Cell(globals.number(number, u16_at(data, 4).unwrap_or(0)))
        };
        Ok(vec![(at, value)])
    }

    /// `Dimensions`: first row, last row + 1 (4 bytes each), first column,
    /// last column + 1 (2 bytes each).
    fn dimensions(data: &[u8], sheet: &str) -> Result<(), WorkbookError> {
        let (Some(first_row), Some(end_row), Some(first_column), Some(end_column)) = (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ) else {
            return Err(short("dimensions"));
        };
        if end_row <= first_row || end_column <= first_column {
            return Ok(()); // an empty sheet
        }
        check_declared(
            sheet,
            (first_row, u32::from(first_column)),
            (end_row - 1, u32::from(end_column) - 1),
        )
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

    /// A zip of `parts`, deflated, as Excel and LibreOffice write them.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in parts {
            // The ODS mimetype comes first and is stored, as the format asks.
            let method = if *name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            zip.start_file(*name, options).unwrap();
            zip.write_all(body).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A minimal `.xlsx` with one sheet, "Data", holding `cells`
    /// (`("A1", "Week")`: numbers as numbers, the rest as inline strings),
    /// under a `<dimension ref>` when one is given.
    fn xlsx(cells: &[(&str, &str)], dimension: Option<&str>) -> Vec<u8> {
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        );
        if let Some(range) = dimension {
            sheet.push_str(&format!(r#"<dimension ref="{range}"/>"#));
        }
        sheet.push_str("<sheetData>");
        for (reference, value) in cells {
            let row: String = reference.chars().filter(char::is_ascii_digit).collect();
            let cell = if value.parse::<f64>().is_ok() {
                format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
            } else {
                format!(r#"<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>"#)
            };
            sheet.push_str(&format!(r#"<row r="{row}">{cell}</row>"#));
        }
        sheet.push_str("</sheetData></worksheet>");
        let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        zip_of(&[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ])
    }

    fn column_letter(column: usize) -> char {
        char::from(b'A' + column as u8)
    }

    /// `rows` rows of `columns` cells: a header, then labels and numbers.
    fn grid(rows: usize, columns: usize) -> Vec<(String, String)> {
        let mut cells = Vec::new();
        for row in 1..=rows {
            for column in 0..columns {
                let value = match (row, column) {
                    (1, 0) => "Week".to_owned(),
                    (1, c) => format!("Series {c}"),
                    (r, 0) => format!("W{}", r - 1),
                    (r, c) => (r * 10 + c).to_string(),
                };
                cells.push((format!("{}{row}", column_letter(column)), value));
            }
        }
        cells
    }

    fn refs(cells: &[(String, String)]) -> Vec<(&str, &str)> {
        cells
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect()
    }

    #[test]
    fn an_ordinary_xlsx_sheet_imports_as_before() {
        let cells = grid(21, 3);
        let sheets = read_workbook(&xlsx(&refs(&cells), Some("A1:C21"))).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].name, "Data");
        let table = sheets[0].table.as_ref().unwrap();
        assert_eq!(table.series_names(), vec!["Series 1", "Series 2"]);
        assert_eq!(table.rows.len(), 20);
        assert_eq!(table.rows[0].label, "W1");
        assert_eq!(table.rows[19].values, vec![Some(211.0), Some(212.0)]);
    }

    #[test]
    fn cells_at_a1_and_xfd1048576_stop_the_read_at_once() {
        let bytes = xlsx(&[("A1", "Week"), ("B1", "12"), ("XFD1048576", "1")], None);
        assert!(bytes.len() < 2048, "{} bytes", bytes.len());
        let started = std::time::Instant::now();
        let err = read_workbook(&bytes).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(
            err,
            WorkbookError::SheetTooLarge {
                sheet: "Data".into(),
                first: "A1".into(),
                last: "XFD1048576".into(),
                declared: false,
            }
        );
        assert_eq!(
            err.to_string(),
            "sheet \"Data\" holds cells from A1 to XFD1048576, more than a chart takes (10000 \
             rows under a header row, 200 columns): copy the chart's table into a sheet of its \
             own, or save that sheet as CSV"
        );
    }

    #[test]
    fn a_declared_dimension_beyond_the_limits_is_refused_before_any_cell() {
        let bytes = xlsx(&[("A1", "Week"), ("B1", "12")], Some("A1:XFD1048576"));
        let err = read_workbook(&bytes).unwrap_err();
        assert!(matches!(
            err,
            WorkbookError::SheetTooLarge { declared: true, .. }
        ));
        assert!(err
            .to_string()
            .contains("declares cells from A1 to XFD1048576"));
    }

    #[test]
    fn a_sheet_as_large_as_a_chart_takes_is_read_and_one_row_more_is_not() {
        let mut cells = vec![
            ("A1".to_owned(), "Day".to_owned()),
            ("B1".to_owned(), "Users".to_owned()),
        ];
        for row in 2..=MAX_ROWS + 1 {
            cells.push((format!("A{row}"), format!("d{row}")));
            cells.push((format!("B{row}"), "1".to_owned()));
        }
        let sheets = read_workbook(&xlsx(&refs(&cells), None)).unwrap();
        assert_eq!(sheets[0].table.as_ref().unwrap().rows.len(), MAX_ROWS);

        let last = MAX_ROWS + 2;
        cells.push((format!("A{last}"), "one more".to_owned()));
        let err = read_workbook(&xlsx(&refs(&cells), None)).unwrap_err();
        assert!(
            err.to_string().contains(&format!("from A1 to B{last}")),
            "{err}"
        );

        let wide: Vec<(String, String)> = (0..=MAX_COLUMNS)
            .map(|column| {
                (
                    format!("{}1", cell_name((0, column as u32)).trim_end_matches('1')),
                    "1".to_owned(),
                )
            })
            .collect();
        let err = read_workbook(&xlsx(&refs(&wide), None)).unwrap_err();
        assert!(err.to_string().contains("from A1 to GS1"), "{err}");
    }

    #[test]
    fn cells_name_their_place_as_the_sheet_does() {
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((9, 25)), "Z10");
        assert_eq!(cell_name((0, 26)), "AA1");
        assert_eq!(cell_name((1_048_575, 16_383)), "XFD1048576");
    }

    #[test]
    fn a_zip_is_refused_by_what_it_unpacks_to_not_what_it_says() {
        // 2 MB of zeros deflate to about 2 KB; the limit here is 1 MB.
        let bytes = zip_of(&[("xl/workbook.xml", &vec![0u8; 2 << 20])]);
        assert!(bytes.len() < 16 * 1024);
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        assert_eq!(
            check_unpacked_size(&mut archive, 1 << 20),
            Err(WorkbookError::TooLarge(
                "it unpacks to more than 1 MB".into()
            ))
        );
        assert_eq!(check_unpacked_size(&mut archive, 4 << 20), Ok(()));
    }

    #[test]
    fn an_xlsb_workbook_is_refused_by_name() {
        let bytes = zip_of(&[("xl/workbook.bin", b"\x83\x01\x00")]);
        let err = read_workbook(&bytes).unwrap_err();
        assert_eq!(
            err,
            WorkbookError::Unsupported("Excel binary workbooks (.xlsb)")
        );
        assert!(err
            .to_string()
            .ends_with("save the workbook as .xlsx or CSV"));
    }

    /// A minimal `.ods` whose one table, "Data", holds `rows` (the XML of
    /// its `<table:table-row>` elements).
    fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_of(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ])
    }

    fn text_cell(text: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    }

    fn number_cell(value: f64) -> String {
        format!(r#"<table:table-cell office:value-type="float" office:value="{value}"/>"#)
    }

    fn row(cells: &[String], repeated: Option<u64>) -> String {
        let repeat = repeated.map_or(String::new(), |n| {
            format!(r#" table:number-rows-repeated="{n}""#)
        });
        format!(
            "<table:table-row{repeat}>{}</table:table-row>",
            cells.concat()
        )
    }

    #[test]
    fn an_ordinary_ods_sheet_imports() {
        let mut rows = row(&[text_cell("Week"), text_cell("Signups")], None);
        for week in 1..=3 {
            rows.push_str(&row(
                &[
                    text_cell(&format!("W{week}")),
                    number_cell(f64::from(week) * 1.5),
                ],
                None,
            ));
        }
        // LibreOffice ends a sheet with its empty rows and columns repeated.
        rows.push_str(r#"<table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
        let sheets = read_workbook(&ods(&rows)).unwrap();
        let table = sheets[0].table.as_ref().unwrap();
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2].values, vec![Some(4.5)]);
    }

    #[test]
    fn an_ods_row_of_values_repeated_a_million_times_is_refused_before_it_is_built() {
        let rows = row(&[text_cell("Week"), number_cell(1.0)], Some(1_048_576));
        let started = std::time::Instant::now();
        let err = read_workbook(&ods(&rows)).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(
            err.to_string().contains("holds cells from A1 to B1048576"),
            "{err}"
        );

        let wide = r#"<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        let err = read_workbook(&ods(wide)).unwrap_err();
        assert!(err.to_string().contains("from A1 to XFD1"), "{err}");
    }

    #[test]
    fn an_ods_with_values_far_to_the_right_is_refused_by_the_cells_it_gathers() {
        // One value per row at column 16001: a narrow grid, but calamine
        // would gather 16,001 cells for each of these rows.
        let far = format!(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="16000"/>{}</table:table-row>"#,
            number_cell(1.0)
        );
        let err = read_workbook(&ods(&far.repeat(300))).unwrap_err();
        assert_eq!(
            err,
            WorkbookError::TooLarge(format!(
                "its sheets hold more than {} cells",
                ods::MAX_CELLS
            ))
        );
    }

    #[test]
    fn an_ods_asking_for_a_billion_spaces_is_refused() {
        let cell = r#"<table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell>"#;
        let err =
            read_workbook(&ods(&row(&[cell.to_owned(), number_cell(1.0)], None))).unwrap_err();
        assert!(matches!(err, WorkbookError::TooLarge(_)), "{err}");
    }

    #[test]
    fn an_ods_cut_inside_a_table_or_a_note_is_refused_not_read_forever() {
        let whole = ods(&row(&[text_cell("Week"), number_cell(1.0)], None));
        assert!(read_workbook(&whole).is_ok());
        for open in [
            "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"/>",
            "<table:table-row><table:table-cell office:value-type=\"string\"><office:annotation><text:p>note",
        ] {
            let content = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content><office:body><office:spreadsheet><table:table table:name="Data">{open}"#
            );
            let bytes = zip_of(&[
                ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                ("META-INF/manifest.xml", b"<manifest:manifest/>"),
                ("content.xml", content.as_bytes()),
            ]);
            let err = read_workbook(&bytes).unwrap_err();
            assert_eq!(err, WorkbookError::Unreadable("its content.xml is cut short or badly nested".into()));
        }
    }

    #[test]
    fn an_ods_row_inside_a_cell_is_refused() {
        // calamine would count the outer row's cells, the scan the inner
        // row's: neither reading is trusted.
        let rows = format!(
            r#"<table:table-row table:number-rows-repeated="400000">{}<table:table-cell office:value-type="string"><table:table-row><table:table-cell/></table:table-row></table:table-cell></table:table-row>"#,
            number_cell(1.0)
        );
        assert_eq!(
            read_workbook(&ods(&rows)),
            Err(WorkbookError::Unreadable(
                "its content.xml puts a table, row or cell inside another".into()
            ))
        );
    }

    /// A BIFF8 record.
    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn bof(kind: u16) -> Vec<u8> {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(kind.to_le_bytes());
        data.extend([0; 12]);
        record(0x0809, &data)
    }

    /// A cell record: row, column, style, then `rest`.
    fn cell(kind: u16, row: u16, column: u16, style: u16, rest: &[u8]) -> Vec<u8> {
        let mut data = Vec::new();
        for value in [row, column, style] {
            data.extend(value.to_le_bytes());
        }
        data.extend(rest);
        record(kind, &data)
    }

    fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
        cell(0x0203, row, column, 0, &value.to_le_bytes())
    }

    fn label(row: u16, column: u16, text: &str) -> Vec<u8> {
        let mut rest = (text.len() as u16).to_le_bytes().to_vec();
        rest.push(0); // one byte a character
        rest.extend(text.bytes());
        cell(0x0204, row, column, 0, &rest)
    }

    fn dimensions(rows: u32, columns: u16) -> Vec<u8> {
        let mut data = 0u32.to_le_bytes().to_vec();
        data.extend(rows.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend(columns.to_le_bytes());
        data.extend([0, 0]);
        record(0x0200, &data)
    }

    /// The workbook stream: globals (`extra` records, then one
    /// `BoundSheet8` per sheet), then each sheet's records between its own
    /// `BOF` and `EOF`.
    fn biff8(extra: &[Vec<u8>], sheets: &[(&str, Vec<Vec<u8>>)]) -> Vec<u8> {
        let bound = |name: &str, offset: u32| {
            let mut data = offset.to_le_bytes().to_vec();
            data.extend([0, 0, name.len() as u8, 0]);
            data.extend(name.bytes());
            record(0x0085, &data)
        };
        let mut globals = bof(0x0005);
        globals.extend(extra.concat());
        let bounds_len: usize = sheets.iter().map(|(name, _)| bound(name, 0).len()).sum();
        let mut offset = globals.len() + bounds_len + 4;
        let mut bodies = Vec::new();
        for (name, records) in sheets {
            globals.extend(bound(name, offset as u32));
            let mut body = bof(0x0010);
            body.extend(records.concat());
            body.extend(record(0x000A, &[]));
            offset += body.len();
            bodies.extend(body);
        }
        globals.extend(record(0x000A, &[]));
        globals.extend(bodies);
        globals
    }

    /// A compound file (version 3, 512-byte sectors, as Excel writes them)
    /// holding `stream` as its `Workbook`.
    fn xls(stream: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut file =
            cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
                .unwrap();
        file.create_stream("/Workbook")
            .unwrap()
            .write_all(stream)
            .unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn an_xls_sheet_reads_like_a_paste() {
        // Style 1 shows format 14 (a date); the shared string table holds
        // "Signups" split across a CONTINUE record, in two byte widths.
        let mut xf = vec![0; 20];
        xf[2] = 14;
        let style_0 = record(0x00E0, &[0; 20]);
        let style_1 = record(0x00E0, &xf);
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0];
        sst.extend([7, 0, 0]);
        sst.extend(b"Sig");
        let mut rest = vec![1]; // the rest in two bytes a character
        for c in "nups".encode_utf16() {
            rest.extend(c.to_le_bytes());
        }
        let stream = biff8(
            &[
                style_0,
                style_1,
                record(0x00FC, &sst),
                record(0x003C, &rest),
            ],
            &[(
                "Weekly",
                vec![
                    dimensions(3, 2),
                    label(0, 0, "Week"),
                    cell(0x00FD, 0, 1, 0, &0u32.to_le_bytes()),
                    cell(0x0203, 1, 0, 1, &45_658.0f64.to_le_bytes()),
                    cell(0x027E, 1, 1, 0, &((12 << 2) | 2u32).to_le_bytes()),
                    number(2, 0, 45_665.0),
                    number(2, 1, 12.5),
                ],
            )],
        );
        let sheets = read_workbook(&xls(&stream)).unwrap();
        assert_eq!(sheets[0].name, "Weekly");
        let table = sheets[0].table.as_ref().unwrap();
        assert_eq!(table.series_names(), vec!["Signups"]);
        assert_eq!(table.rows[0].label, "2025-01-01");
        assert_eq!(table.rows[0].values, vec![Some(12.0)]);
        assert_eq!(table.rows[1].label, "45665");
        assert_eq!(table.rows[1].values, vec![Some(12.5)]);
    }

    #[test]
    fn an_xls_cell_at_the_last_row_and_column_is_refused() {
        let far = biff8(
            &[],
            &[("Data", vec![label(0, 0, "Week"), number(65_535, 255, 1.0)])],
        );
        let bytes = xls(&far);
        assert!(bytes.len() < 8192, "{} bytes", bytes.len());
        let err = read_workbook(&bytes).unwrap_err();
        assert!(
            err.to_string().contains("holds cells from A1 to IV65536"),
            "{err}"
        );

        let declared = biff8(
            &[],
            &[("Data", vec![dimensions(65_536, 256), label(0, 0, "Week")])],
        );
        let err = read_workbook(&xls(&declared)).unwrap_err();
        assert!(
            err.to_string()
                .contains("declares cells from A1 to IV65536"),
            "{err}"
        );
    }

    #[test]
    fn damaged_or_unsupported_xls_files_are_refused() {
        let good = biff8(
            &[],
            &[(
                "Data",
                vec![
                    label(0, 0, "Week"),
                    label(0, 1, "Users"),
                    number(1, 0, 1.0),
                    number(1, 1, 2.0),
                ],
            )],
        );
        assert!(read_workbook(&xls(&good)).is_ok());
        // Cut inside a record.
        assert!(matches!(
            read_workbook(&xls(&good[..good.len() - 7])),
            Err(WorkbookError::Unreadable(_))
        ));
        // A sheet said to start past the end of the stream.
        let mut moved = good.clone();
        let at = moved.windows(2).position(|w| w == [0x85, 0x00]).unwrap() + 4;
        moved[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            read_workbook(&xls(&moved)),
            Err(WorkbookError::Unreadable(_))
        ));
        // Encrypted, and Excel 5.0.
        let encrypted = biff8(&[record(0x002F, &[1, 0])], &[("Data", vec![])]);
        assert_eq!(
            read_workbook(&xls(&encrypted)),
            Err(WorkbookError::Unsupported("password-protected workbooks"))
        );
        let mut biff5 = good.clone();
        biff5[4..6].copy_from_slice(&0x0500u16.to_le_bytes());
        assert_eq!(
            read_workbook(&xls(&biff5)),
            Err(WorkbookError::Unsupported("Excel 5.0/95 workbooks"))
        );
        // A compound file without a workbook, and one cut in half.
        let bytes = xls(&good);
        assert!(matches!(
            read_workbook(&bytes[..bytes.len() / 2]),
            Err(WorkbookError::Unreadable(_))
        ));
    }

    #[test]
    fn an_xls_listing_one_sheet_many_times_is_refused_not_read_many_times() {
        let good = biff8(
            &[],
            &[(
                "Data",
                vec![
                    label(0, 0, "Week"),
                    label(0, 1, "Users"),
                    number(1, 0, 1.0),
                    number(1, 1, 2.0),
                ],
            )],
        );
        // A second BoundSheet8 record pointing where the first one does.
        let at = good.windows(2).position(|w| w == [0x85, 0x00]).unwrap();
        let length = usize::from(u16::from_le_bytes([good[at + 2], good[at + 3]]));
        let bound = good[at..at + 4 + length].to_vec();
        let mut twice = good[..at].to_vec();
        twice.extend(&bound);
        twice.extend(&bound);
        twice.extend(&good[at + bound.len()..]);
        // The sheet's offset moves by the length of the extra record.
        for start in [at, at + bound.len()] {
            let offset = u32::from_le_bytes(twice[start + 4..start + 8].try_into().unwrap());
            twice[start + 4..start + 8]
                .copy_from_slice(&(offset + bound.len() as u32).to_le_bytes());
        }
        let err = read_workbook(&xls(&twice)).unwrap_err();
        assert_eq!(
            err,
            WorkbookError::Unreadable(
                "sheet \"Data\" overlaps another part of the workbook".into()
            )
        );
    }

    #[test]
    fn an_xlsx_listing_one_part_as_two_sheets_is_refused() {
        let bytes = xlsx(
            &[("A1", "Week"), ("B1", "Users"), ("A2", "W1"), ("B2", "3")],
            None,
        );
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut parts = Vec::new();
        for index in 0..archive.len() {
            let mut part = archive.by_index(index).unwrap();
            let mut body = Vec::new();
            part.read_to_end(&mut body).unwrap();
            parts.push((part.name().to_owned(), body));
        }
        let workbook = parts
            .iter_mut()
            .find(|(name, _)| name == "xl/workbook.xml")
            .unwrap();
        let listed = String::from_utf8(workbook.1.clone()).unwrap().replace(
            r#"<sheet name="Data" sheetId="1" r:id="rId1"/>"#,
            r#"<sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Again" sheetId="2" r:id="rId1"/>"#,
        );
        workbook.1 = listed.into_bytes();
        let parts: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let err = read_workbook(&zip_of(&parts)).unwrap_err();
        assert_eq!(
            err,
            WorkbookError::Unreadable(
                "sheet \"Again\" is a part of the file another sheet already is".into()
            )
        );
    }

    #[test]
    fn a_shared_string_shown_in_many_cells_is_bounded_by_the_text_it_makes() {
        // One string of 65,535 characters, over CONTINUE records, shown in
        // 1,100 cells: 72 MB of cell text from a file of about 80 KB.
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0];
        let mut records = Vec::new();
        let mut left = 65_535usize;
        let first = 8_000;
        sst.extend(vec![b'x'; first]);
        left -= first;
        records.push(record(0x00FC, &sst));
        while left > 0 {
            let part = left.min(8_000);
            let mut data = vec![0]; // one byte a character
            data.extend(vec![b'x'; part]);
            records.push(record(0x003C, &data));
            left -= part;
        }
        let cells: Vec<Vec<u8>> = (0..1_100)
            .map(|row| cell(0x00FD, row, 0, 0, &0u32.to_le_bytes()))
            .collect();
        let bytes = xls(&biff8(&records, &[("Data", cells)]));
        assert!(bytes.len() < 100 * 1024, "{} bytes", bytes.len());
        assert_eq!(
            read_workbook(&bytes),
            Err(WorkbookError::TooLarge(
                "its cells hold more than 64 MB of text".into()
            ))
        );
    }

    #[test]
    fn date_formats_are_told_from_number_formats() {
        use xls::{custom_format, NumberFormat};
        for code in [
            "yyyy-mm-dd",
            "d/m/yy",
            "h:mm AM/PM",
            "[$-409]mmm d",
            "dd\\.mm",
        ] {
            assert_eq!(custom_format(code), NumberFormat::Date, "{code}");
        }
        for code in ["0.0%", "#,##0", "\"days\" 0", "[Red]0.00", "0;[Red]-0"] {
            assert_eq!(custom_format(code), NumberFormat::Plain, "{code}");
        }
        assert_eq!(custom_format("[h]:mm:ss"), NumberFormat::Duration);
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_refused() {
        assert!(matches!(
            read_workbook(b"Week,Signups\nW1,3\n"),
            Err(WorkbookError::Unreadable(_))
        ));
    }
}
