//! A table inside a document (a Markdown draft) is written for a reader,
//! not a spreadsheet: cells in bold (`**6m 22s**`), approximate values
//! (`~12 min`, `almost 11`), and durations in whatever unit reads best
//! (`11.5 min`, `456 s`, `5m 03s`). A paste is read strictly
//! ([`super::parse_table`]); a document's table is first put in plain
//! terms, then read by the same rules:
//! - emphasis around a whole cell (`**…**`, `__…__`, `*…*`, `_…_`, `` `…` ``)
//!   comes off every cell, header and labels included;
//! - a dash or `n/a` in a value cell is a gap, as an empty cell is;
//! - a value cell's approximation mark (`~`, `≈`, `c.`, `approx.`, `about`,
//!   `around`, `almost`, `nearly`, `roughly`) comes off when a number
//!   follows it: the value is the number written;
//! - a value column whose every filled cell is a duration with its unit
//!   (`ms`, `s`, `min`, `h`, `days`, `weeks`, or compounds such as `5m 03s`
//!   and `1h 20m`) is converted to one unit for the whole table, the one
//!   its cells use most (ties to the larger), to two decimals. A lone `5m`
//!   is five million to a spreadsheet and stays so.

use super::records::Record;
use super::{records_of, table_of, unit_named, TableError};
use crate::DataTable;

/// A document's table, read, and the unit its durations were put in.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentTable {
    pub data: DataTable,
    /// The unit every value column is in when they are all durations
    /// (`min`); columns of durations beside other measures say their unit
    /// in their header instead (`after (min)`).
    pub unit: Option<String>,
}

/// Reads a table written in a document; see the module docs.
pub fn parse_document_table(text: &str) -> Result<DocumentTable, TableError> {
    let (mut records, delimiter) = records_of(text)?;
    for record in &mut records {
        for cell in &mut record.cells {
            cell.text = without_emphasis(&cell.text).to_owned();
        }
    }
    let width = records.first().map_or(0, |r| r.cells.len());
    for record in records.iter_mut().skip(1) {
        for cell in record.cells.iter_mut().skip(1) {
            if is_gap(&cell.text) {
                cell.text.clear();
            } else if let Some(plain) = without_approximation(&cell.text) {
                cell.text = plain.to_owned();
            }
        }
    }
    let unit = convert_durations(&mut records, width);
    let data = table_of(records, delimiter)?;
    Ok(DocumentTable { data, unit })
}

/// The cell without emphasis marks around all of it.
fn without_emphasis(cell: &str) -> &str {
    let mut text = cell.trim();
    loop {
        let inner = ["**", "__", "*", "_", "`"].iter().find_map(|mark| {
            text.strip_prefix(mark)
                .and_then(|t| t.strip_suffix(mark))
                .filter(|t| !t.trim().is_empty())
        });
        match inner {
            Some(inner) => text = inner.trim(),
            None => return text,
        }
    }
}

/// Marks of an approximate value, before its number.
const APPROXIMATELY: &[&str] = &[
    "~",
    "≈",
    "c.",
    "ca.",
    "approx.",
    "approximately",
    "approx",
    "about",
    "around",
    "almost",
    "nearly",
    "roughly",
];

/// The number after an approximation mark, when the cell has one.
fn without_approximation(cell: &str) -> Option<&str> {
    let trimmed = cell.trim();
    let lower = trimmed.to_lowercase();
    APPROXIMATELY.iter().find_map(|mark| {
        if !lower.starts_with(mark) {
            return None;
        }
        let rest = trimmed.get(mark.len()..)?;
        // A word mark is a whole word: "about" but not "aboutness".
        let ends_word =
            !mark.chars().all(char::is_alphabetic) || rest.starts_with(|c: char| c.is_whitespace());
        let rest = rest.trim_start();
        (ends_word && rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')).then_some(rest)
    })
}

/// A unit of time as tables write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TimeUnit {
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
}

impl TimeUnit {
    fn seconds(self) -> f64 {
        match self {
            TimeUnit::Milliseconds => 0.001,
            TimeUnit::Seconds => 1.0,
            TimeUnit::Minutes => 60.0,
            TimeUnit::Hours => 3_600.0,
            TimeUnit::Days => 86_400.0,
            TimeUnit::Weeks => 604_800.0,
        }
    }

    fn name(self) -> &'static str {
        match self {
            TimeUnit::Milliseconds => "ms",
            TimeUnit::Seconds => "s",
            TimeUnit::Minutes => "min",
            TimeUnit::Hours => "h",
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
        }
    }

    /// The unit a word names. `m` and `d` name minutes and days only inside
    /// a compound ("5m 03s", "2d 4h"): alone, `5m` is five million.
    fn of(word: &str, in_compound: bool) -> Option<TimeUnit> {
        Some(match word.to_lowercase().as_str() {
            "ms" | "msec" | "millisecond" | "milliseconds" => TimeUnit::Milliseconds,
            "s" | "sec" | "secs" | "second" | "seconds" => TimeUnit::Seconds,
            "min" | "mins" | "minute" | "minutes" => TimeUnit::Minutes,
            "m" if in_compound => TimeUnit::Minutes,
            "h" | "hr" | "hrs" | "hour" | "hours" => TimeUnit::Hours,
            "day" | "days" => TimeUnit::Days,
            "d" if in_compound => TimeUnit::Days,
            "wk" | "wks" | "week" | "weeks" => TimeUnit::Weeks,
            _ => return None,
        })
    }
}

/// A duration: its length in seconds and the largest unit it is written in.
fn duration(cell: &str) -> Option<(f64, TimeUnit)> {
    let parts = duration_parts(cell.trim())?;
    let compound = parts.len() > 1;
    let mut total = 0.0;
    let mut previous: Option<TimeUnit> = None;
    for (index, (number, word)) in parts.iter().enumerate() {
        let unit = TimeUnit::of(word, compound)?;
        // Largest first, each once; only the first part may have decimals.
        if previous.is_some_and(|p| unit >= p) || (index > 0 && number.contains('.')) {
            return None;
        }
        total += number.parse::<f64>().ok()? * unit.seconds();
        previous = Some(unit);
    }
    let largest = TimeUnit::of(&parts.first()?.1, compound)?;
    total.is_finite().then_some((total, largest))
}

/// "5m 03s" → [("5", "m"), ("03", "s")]: numbers, each with the word after it.
fn duration_parts(text: &str) -> Option<Vec<(String, String)>> {
    let mut parts = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut number = String::new();
        while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit() || **c == '.') {
            number.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
            word.push(c);
            chars.next();
        }
        if number.is_empty() || word.is_empty() || parts.len() == 4 {
            return None;
        }
        parts.push((number, word));
    }
    (!parts.is_empty()).then_some(parts)
}

/// Cells that mark a gap, as documents write them.
fn is_gap(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "" | "-" | "—" | "–" | "n/a" | "na"
    )
}

/// Converts every column of durations to one unit; the unit, when every
/// value column was one.
fn convert_durations(records: &mut [Record], width: usize) -> Option<String> {
    if records.len() < 2 || width < 2 {
        return None;
    }
    let mut columns: Vec<usize> = Vec::new();
    let mut units: Vec<TimeUnit> = Vec::new();
    for column in 1..width {
        let cells: Vec<&str> = records[1..]
            .iter()
            .filter_map(|r| r.cells.get(column))
            .map(|c| c.text.as_str())
            .filter(|text| !is_gap(text))
            .collect();
        let read: Option<Vec<(f64, TimeUnit)>> = cells.iter().map(|c| duration(c)).collect();
        if let Some(read) = read.filter(|r| !r.is_empty()) {
            columns.push(column);
            units.extend(read.iter().map(|(_, unit)| *unit));
        }
    }
    let unit = most_used(&units)?;
    for record in records[1..].iter_mut() {
        for &column in &columns {
            if let Some(cell) = record.cells.get_mut(column) {
                if let Some((seconds, _)) = duration(&cell.text) {
                    cell.text = format_in(seconds, unit);
                }
            }
        }
    }
    if columns.len() == width - 1 {
        return Some(unit.name().to_owned());
    }
    if let Some(header) = records.first_mut() {
        for &column in &columns {
            if let Some(cell) = header.cells.get_mut(column) {
                if unit_named(&cell.text).is_none() {
                    cell.text = format!("{} ({})", cell.text, unit.name());
                }
            }
        }
    }
    None
}

/// The unit used most, the larger on a tie.
fn most_used(units: &[TimeUnit]) -> Option<TimeUnit> {
    let count = |unit: TimeUnit| units.iter().filter(|u| **u == unit).count();
    units
        .iter()
        .copied()
        .max_by(|a, b| count(*a).cmp(&count(*b)).then(a.cmp(b)))
}

/// Seconds in the unit, to two decimals, without trailing zeros.
fn format_in(seconds: f64, unit: TimeUnit) -> String {
    let value = (seconds / unit.seconds() * 100.0).round() / 100.0;
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> DocumentTable {
        parse_document_table(text).unwrap()
    }

    #[test]
    fn durations_in_mixed_units_are_read_in_the_unit_used_most() {
        let read = table(
            "| job | before | after |\n|---|---|---|\n\
             | Run Tests | 11.5 min | **5m 03s** |\n\
             | verification step | 456 s | **218 s** |\n\
             | Packaging (new) | — | **2m 21s** |\n\
             | **gate (wall clock)** | **~12 min** | **6m 22s** |",
        );
        assert_eq!(read.unit.as_deref(), Some("min"));
        let row = |label: &str| {
            read.data
                .rows
                .iter()
                .find(|r| r.label == label)
                .map(|r| r.values.clone())
                .unwrap()
        };
        assert_eq!(row("Run Tests"), vec![Some(11.5), Some(5.05)]);
        assert_eq!(row("verification step"), vec![Some(7.6), Some(3.63)]);
        assert_eq!(row("Packaging (new)"), vec![None, Some(2.35)]);
        assert_eq!(row("gate (wall clock)"), vec![Some(12.0), Some(6.37)]);
    }

    #[test]
    fn a_duration_column_beside_counts_says_its_unit_in_its_header() {
        let read = table(
            "| Team | Tickets | Median reply |\n|---|---|---|\n\
             | EMEA | 410 | 4h 30m |\n| APAC | 380 | 2 hours |",
        );
        assert_eq!(read.unit, None);
        assert_eq!(read.data.header[2], "Median reply (h)");
        assert_eq!(read.data.rows[0].values, vec![Some(410.0), Some(4.5)]);
    }

    #[test]
    fn approximate_and_bold_values_are_the_numbers_written() {
        let read = table(
            "| Measure | 2014 | 2015 |\n|---|---|---|\n\
             | Pages per visit | almost 11 | 2.6 |\n| **Visits** | ~1,200 | **c. 1,500** |",
        );
        assert_eq!(read.data.rows[0].values, vec![Some(11.0), Some(2.6)]);
        assert_eq!(read.data.rows[1].label, "Visits");
        assert_eq!(read.data.rows[1].values, vec![Some(1200.0), Some(1500.0)]);
    }

    #[test]
    fn what_is_not_a_duration_or_a_number_is_still_refused() {
        // A lone "5m" is five million, as in a spreadsheet.
        let read = table("| Region | Revenue |\n|---|---|\n| EMEA | 5m |\n| APAC | 3.2m |");
        assert_eq!(read.unit, None);
        assert_eq!(read.data.rows[0].values, vec![Some(5_000_000.0)]);
        // Units out of order, a word that is no unit, "about" with no number.
        for cell in ["3s 2m", "5 apples", "about right", "2h 30.5m"] {
            let text = format!("| Job | Time |\n|---|---|\n| a | {cell} |\n| b | 3 s |");
            assert!(parse_document_table(&text).is_err(), "{cell} was read");
        }
        // Emphasis that wraps nothing is left alone.
        assert_eq!(without_emphasis("**"), "**");
    }
}
