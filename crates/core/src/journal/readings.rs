//! Metric readings as the user imports them: a date column and one column
//! per metric, in any dialect a chart's data accepts (the same parser).

use serde::{Deserialize, Serialize};

use crate::table::{parse_table, TableError};
use crate::CivilDate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub metric: String,
    pub date: CivilDate,
    pub value: f64,
}

/// A row or cell that could not be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingProblem {
    /// The file's row (the header is row 1).
    pub row: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParsedReadings {
    /// The readings that are valid.
    pub readings: Vec<Reading>,
    /// What is wrong with the others; the caller keeps the valid ones only
    /// when the user says so.
    pub problems: Vec<ReadingProblem>,
}

/// Reads `date, metric A, metric B…` rows. A date that does not parse, a
/// date after `today`, and a second reading of a metric on the same date
/// are problems; a cell that is not a number refuses the whole file with
/// its row and column, as a chart paste does.
pub fn parse_readings(text: &str, today: CivilDate) -> Result<ParsedReadings, TableError> {
    let table = parse_table(text)?;
    let metrics: Vec<String> = table
        .series_names()
        .iter()
        .map(|m| m.trim().to_owned())
        .collect();
    let mut out = ParsedReadings::default();
    let mut seen: std::collections::HashSet<(String, CivilDate)> = Default::default();
    for (index, row) in table.rows.iter().enumerate() {
        let row_number = index + 2;
        let Ok(date) = row.label.trim().parse::<CivilDate>() else {
            out.problems.push(ReadingProblem {
                row: row_number,
                message: format!(
                    "“{}” is not a date: write it as YYYY-MM-DD",
                    row.label.trim()
                ),
            });
            continue;
        };
        if date > today {
            out.problems.push(ReadingProblem {
                row: row_number,
                message: format!(
                    "{date} is in the future: a reading is something already measured"
                ),
            });
            continue;
        }
        for (metric, value) in metrics.iter().zip(&row.values) {
            let Some(value) = value else { continue };
            if !seen.insert((metric.to_lowercase(), date)) {
                out.problems.push(ReadingProblem {
                    row: row_number,
                    message: format!("a second reading of “{metric}” on {date}"),
                });
                continue;
            }
            out.readings.push(Reading {
                metric: metric.clone(),
                date,
                value: *value,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> CivilDate {
        "2026-11-24".parse().unwrap()
    }

    #[test]
    fn wide_rows_become_one_reading_per_metric_and_date() {
        let parsed = parse_readings(
            "date;sharing activation;trials\n2026-11-01;12,5%;300\n2026-11-08;18%;\n",
            today(),
        )
        .unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.readings.len(), 3);
        assert_eq!(parsed.readings[0].value, 12.5);
        assert_eq!(parsed.readings[2].metric, "sharing activation");
    }

    #[test]
    fn bad_dates_future_dates_and_duplicates_are_named_by_row() {
        let parsed = parse_readings(
            "date,activation\n2026-11-01,12\nlast week,13\n2027-01-01,14\n2026-11-01,15\n",
            today(),
        )
        .unwrap();
        assert_eq!(parsed.readings.len(), 1);
        let rows: Vec<usize> = parsed.problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![3, 4, 5]);
        assert!(parsed.problems[1].message.contains("future"));
        assert!(parsed.problems[2].message.contains("second reading"));
    }

    #[test]
    fn a_value_that_is_not_a_number_refuses_the_file() {
        let err = parse_readings("date,activation\n2026-11-01,lots\n", today()).unwrap_err();
        assert_eq!((err.row(), err.column()), (Some(2), Some(2)));
    }
}
