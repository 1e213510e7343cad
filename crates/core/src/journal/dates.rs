//! The date column of a readings file, as spreadsheets really write it:
//! ISO dates (with or without a time after them), `21.11.2026`, `Nov 21,
//! 2026`, `21 Nov 2026`, Excel's day numbers, and slashed dates whose order
//! (day or month first) the column itself decides — `13/11/2026` is day
//! first, `11/13/2026` month first. A slashed date that could be either,
//! in a column that never says which, is refused rather than guessed.

use crate::CivilDate;

/// Which part comes first in the column's slashed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlashOrder {
    DayFirst,
    MonthFirst,
    /// Nothing in the column tells.
    Unknown,
}

/// Reads a column's dates; each is a date, or a message saying why not.
pub(crate) fn read_date_column(labels: &[&str]) -> Vec<Result<CivilDate, String>> {
    let order = slash_order(labels);
    labels.iter().map(|label| read_date(label, order)).collect()
}

fn read_date(label: &str, order: SlashOrder) -> Result<CivilDate, String> {
    let text = label.trim();
    let not_a_date = || format!("“{text}” is not a date: write it as YYYY-MM-DD");
    // A time after the date (spreadsheet exports add one) says nothing more.
    let date_part = text
        .split(['T', ' '])
        .next()
        .filter(|first| {
            first.len() >= 8 && first.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .unwrap_or(text);
    if let Some(date) = iso(date_part) {
        return Ok(date);
    }
    if let Some(date) = excel_day_number(text) {
        return Ok(date);
    }
    if let Some(date) = with_month_name(text) {
        return Ok(date);
    }
    if let Some([a, b, year]) = three_numbers(date_part, '.') {
        // 21.11.2026: day first wherever dots are used.
        return date(year, b, a).ok_or_else(not_a_date);
    }
    for separator in ['/', '-'] {
        if let Some([a, b, year]) = three_numbers(date_part, separator) {
            return match order {
                SlashOrder::DayFirst => date(year, b, a).ok_or_else(not_a_date),
                SlashOrder::MonthFirst => date(year, a, b).ok_or_else(not_a_date),
                SlashOrder::Unknown if a == b => date(year, a, b).ok_or_else(not_a_date),
                SlashOrder::Unknown => Err(format!(
                    "“{text}” could be day/month or month/day and no date in this column says \
                     which: write dates as YYYY-MM-DD"
                )),
            };
        }
    }
    Err(not_a_date())
}

/// `2026-11-21`, `2026/11/21`, `2026.11.21`.
fn iso(text: &str) -> Option<CivilDate> {
    for separator in ['-', '/', '.'] {
        let parts: Vec<&str> = text.split(separator).collect();
        if let [year, month, day] = parts.as_slice() {
            if year.len() == 4 {
                return date(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
            }
        }
    }
    None
}

/// `a<sep>b<sep>yyyy` with a four-digit year last.
fn three_numbers(text: &str, separator: char) -> Option<[u32; 3]> {
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || a.is_empty() || a.len() > 2 || b.is_empty() || b.len() > 2 {
        return None;
    }
    Some([a.parse().ok()?, b.parse().ok()?, year.parse().ok()?])
}

fn slash_order(labels: &[&str]) -> SlashOrder {
    let mut day_first = false;
    let mut month_first = false;
    for label in labels {
        let first = label.trim().split(['T', ' ']).next().unwrap_or("");
        for separator in ['/', '-'] {
            if let Some([a, b, _]) = three_numbers(first, separator) {
                day_first |= a > 12 && b <= 12;
                month_first |= b > 12 && a <= 12;
            }
        }
    }
    match (day_first, month_first) {
        (true, false) => SlashOrder::DayFirst,
        (false, true) => SlashOrder::MonthFirst,
        _ => SlashOrder::Unknown,
    }
}

/// Excel and Sheets count days from 1899-12-30; a whole number in the range
/// of the years 1960–2100 in a date column is one of those.
fn excel_day_number(text: &str) -> Option<CivilDate> {
    let serial: i64 = text.parse().ok()?;
    if !(21_916..=73_415).contains(&serial) {
        return None;
    }
    Some(CivilDate::from_unix_millis((serial - 25_569) * 86_400_000))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Nov 21, 2026`, `November 21 2026`, `21 Nov 2026`, `21-Nov-2026`.
fn with_month_name(text: &str) -> Option<CivilDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |word: &str| {
        let stem = word.get(..3)?;
        MONTHS
            .iter()
            .position(|m| *m == stem)
            .filter(|_| word.chars().all(char::is_alphabetic))
            .map(|i| i as u32 + 1)
    };
    let [first, second, year] = words.as_slice() else {
        return None;
    };
    let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
    let (month, day) = match (month_of(first), month_of(second)) {
        (Some(month), None) => (month, second.parse().ok()?),
        (None, Some(month)) => (month, first.parse().ok()?),
        _ => return None,
    };
    CivilDate::new(year, month, day).ok()
}

fn date(year: u32, month: u32, day: u32) -> Option<CivilDate> {
    CivilDate::new(i32::try_from(year).ok()?, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(labels: &[&str]) -> Vec<Result<String, String>> {
        read_date_column(labels)
            .into_iter()
            .map(|r| r.map(|d| d.to_string()))
            .collect()
    }

    fn ok(dates: &[&str]) -> Vec<Result<String, String>> {
        dates.iter().map(|d| Ok((*d).to_owned())).collect()
    }

    #[test]
    fn the_ways_spreadsheets_write_dates_are_read() {
        assert_eq!(
            read(&[
                "2026-11-21",
                "2026/11/22",
                "2026-11-23 00:00:00",
                "2026-11-24T09:30:00Z",
                "25.11.2026",
                "Nov 26, 2026",
                "27 November 2026",
                "28-Nov-2026",
                "46353",
            ]),
            ok(&[
                "2026-11-21",
                "2026-11-22",
                "2026-11-23",
                "2026-11-24",
                "2026-11-25",
                "2026-11-26",
                "2026-11-27",
                "2026-11-28",
                "2026-11-27",
            ])
        );
    }

    #[test]
    fn the_column_decides_whether_slashed_dates_are_day_or_month_first() {
        assert_eq!(
            read(&["03/11/2026", "13/11/2026"]),
            ok(&["2026-11-03", "2026-11-13"])
        );
        assert_eq!(
            read(&["11/03/2026", "11/13/2026"]),
            ok(&["2026-11-03", "2026-11-13"])
        );
        assert_eq!(read(&["11/11/2026"]), ok(&["2026-11-11"]));
        let ambiguous = read(&["03/11/2026", "04/11/2026"]);
        assert!(
            ambiguous[0]
                .as_ref()
                .unwrap_err()
                .contains("could be day/month or month/day"),
            "{ambiguous:?}"
        );
    }

    #[test]
    fn what_is_not_a_date_says_how_to_write_one() {
        for label in [
            "last week",
            "2026-13-01",
            "31.02.2026",
            "12",
            "Q3 2026",
            "Smarch 3, 2026",
        ] {
            let read = read(&[label]);
            assert!(
                read[0]
                    .as_ref()
                    .unwrap_err()
                    .contains("write it as YYYY-MM-DD"),
                "{label}: {read:?}"
            );
        }
    }
}
