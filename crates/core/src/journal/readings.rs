//! Metric readings as the user imports them: a date column and one column
//! per metric, in any dialect a chart's data accepts (the same parser).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::dates::read_date_column;
use super::units::{classify, split_header, UnitKind};
use super::KillCriterion;
use crate::table::{format_number, parse_table, percent_columns, TableError};
use crate::CivilDate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reading {
    pub metric: String,
    /// YYYY-MM-DD
    #[ts(as = "String")]
    pub date: CivilDate,
    pub value: f64,
}

/// A row or cell that could not be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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

/// Reads `date, metric A, metric B…` rows, the dates as spreadsheets write
/// them (see [`read_date_column`]). A date that does not parse, a
/// date after `today`, and a second reading of a metric on the same date
/// are problems; a cell that is not a number refuses the whole file with
/// its row and column, as a chart paste does.
///
/// A header may name its unit ("Activation (%)"); the metric is then the
/// name before it. Readings of a metric a kill criterion watches are checked
/// against the criterion's unit: a different unit, or fractions (0.18) where
/// the threshold is a percentage (20%), are problems on their rows.
pub fn parse_readings(
    text: &str,
    today: CivilDate,
    criteria: &[KillCriterion],
) -> Result<ParsedReadings, TableError> {
    let table = parse_table(text)?;
    let columns: Vec<Column> = table
        .series_names()
        .iter()
        .zip(
            percent_columns(text)
                .into_iter()
                .chain(std::iter::repeat(false)),
        )
        .map(|(header, percent_cells)| Column::new(header, percent_cells, criteria))
        .collect();
    let mut out = ParsedReadings::default();
    let mut taken: Vec<(usize, usize, Reading)> = Vec::new();
    let mut seen: std::collections::HashSet<(String, CivilDate)> = Default::default();
    let labels: Vec<&str> = table.rows.iter().map(|row| row.label.as_str()).collect();
    let dates = read_date_column(&labels);
    for (index, (row, date)) in table.rows.iter().zip(dates).enumerate() {
        let row_number = index + 2;
        let date = match date {
            Ok(date) => date,
            Err(message) => {
                out.problems.push(ReadingProblem {
                    row: row_number,
                    message,
                });
                continue;
            }
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
        for (column, (meta, value)) in columns.iter().zip(&row.values).enumerate() {
            let Some(value) = value else { continue };
            if !seen.insert((meta.metric.to_lowercase(), date)) {
                out.problems.push(ReadingProblem {
                    row: row_number,
                    message: format!("a second reading of “{}” on {date}", meta.metric),
                });
                continue;
            }
            let reading = Reading {
                metric: meta.metric.clone(),
                date,
                value: *value,
            };
            taken.push((row_number, column, reading));
        }
    }
    for (column, meta) in columns.iter().enumerate() {
        let values: Vec<f64> = taken
            .iter()
            .filter(|(_, c, _)| *c == column)
            .map(|(_, _, r)| r.value)
            .collect();
        let Some(problem) = meta.unit_problem(&values) else {
            continue;
        };
        for (row, _, reading) in taken.iter().filter(|(_, c, _)| *c == column) {
            out.problems.push(ReadingProblem {
                row: *row,
                message: problem(reading.value),
            });
        }
        taken.retain(|(_, c, _)| *c != column);
    }
    out.problems.sort_by_key(|problem| problem.row);
    out.readings = taken.into_iter().map(|(_, _, reading)| reading).collect();
    Ok(out)
}

/// A metric column of the file, with what it says of its unit and the kill
/// criterion that will judge it.
struct Column<'a> {
    metric: String,
    /// The unit the header names, or `%` when cells are written with it.
    unit: Option<UnitKind>,
    criterion: Option<&'a KillCriterion>,
}

impl<'a> Column<'a> {
    fn new(header: &str, percent_cells: bool, criteria: &'a [KillCriterion]) -> Self {
        let watched = |metric: &str| {
            criteria
                .iter()
                .find(|c| c.metric.trim().to_lowercase() == metric.trim().to_lowercase())
        };
        // A criterion's metric may itself end in brackets: the whole header first.
        let (metric, header_unit) = match watched(header) {
            Some(_) => (header.trim().to_owned(), None),
            None => split_header(header),
        };
        let unit = header_unit.or(percent_cells.then_some(UnitKind::Percent));
        let criterion = watched(&metric);
        Column {
            metric,
            unit,
            criterion,
        }
    }

    /// Why this column's readings cannot be judged by its criterion (a
    /// message for each value), if they cannot.
    fn unit_problem(&self, values: &[f64]) -> Option<Box<dyn Fn(f64) -> String + '_>> {
        let criterion = self.criterion?;
        let wanted = classify(&criterion.unit)?;
        let metric = &self.metric;
        match &self.unit {
            Some(unit) if *unit != wanted => Some(Box::new(move |_| {
                format!(
                    "“{metric}” is in {} in this file, but its kill criterion's threshold is in {}: \
                     a reading is never compared with a threshold in another unit",
                    unit.name(),
                    wanted.name()
                )
            })),
            None if wanted == UnitKind::Percent
                && criterion.threshold.abs() > 1.0
                && values.iter().all(|v| v.abs() <= 1.0)
                && values.iter().any(|v| *v != 0.0) =>
            {
                Some(Box::new(move |value| {
                    format!(
                        "{} looks like a fraction, but “{metric}” is judged against {}%: a sheet \
                         formatted as percent exports 18% as 0.18 — write the readings as \
                         percentages (18% or 18)",
                        format_number(value),
                        format_number(criterion.threshold)
                    )
                }))
            }
            _ => None,
        }
    }
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
            &[],
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
            &[],
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
        let err = parse_readings("date,activation\n2026-11-01,lots\n", today(), &[]).unwrap_err();
        assert_eq!((err.row(), err.column()), (Some(2), Some(2)));
    }

    fn criteria() -> Vec<KillCriterion> {
        let mut criteria = crate::example::example_journal().criteria;
        let mut revenue = criteria[0].clone();
        revenue.metric = "Expansion revenue".into();
        revenue.threshold = 40_000.0;
        revenue.unit = "USD".into();
        criteria.push(revenue);
        criteria
    }

    #[test]
    fn a_header_that_names_its_unit_feeds_the_criterion_of_that_metric() {
        let parsed = parse_readings(
            "date,Sharing activation (%),Expansion revenue [$]\n2026-11-01,18,41000\n",
            today(),
            &criteria(),
        )
        .unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let metrics: Vec<&str> = parsed.readings.iter().map(|r| r.metric.as_str()).collect();
        assert_eq!(metrics, ["Sharing activation", "Expansion revenue"]);
    }

    #[test]
    fn a_column_in_another_unit_than_its_criterion_is_a_problem_on_every_row() {
        let parsed = parse_readings(
            "date;Sharing activation (EUR);trials\n2026-11-01;18;300\n2026-11-08;17;310\n",
            today(),
            &criteria(),
        )
        .unwrap();
        let rows: Vec<usize> = parsed.problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, [2, 3]);
        assert!(
            parsed.problems[0]
                .message
                .contains("is in EUR in this file")
                && parsed.problems[0].message.contains("threshold is in %"),
            "{}",
            parsed.problems[0].message
        );
        // The other column is kept, for the user to confirm.
        assert_eq!(parsed.readings.len(), 2);
        assert!(parsed.readings.iter().all(|r| r.metric == "trials"));
    }

    #[test]
    fn fractions_where_the_threshold_is_a_percentage_are_caught() {
        let parsed = parse_readings(
            "date,Sharing activation\n2026-11-01,0.18\n2026-11-08,0.215\n",
            today(),
            &criteria(),
        )
        .unwrap();
        assert!(parsed.readings.is_empty());
        assert_eq!(parsed.problems.len(), 2);
        assert!(
            parsed.problems[0]
                .message
                .starts_with("0.18 looks like a fraction")
                && parsed.problems[0].message.contains("20%"),
            "{}",
            parsed.problems[0].message
        );
    }

    #[test]
    fn percentages_small_ones_written_with_a_sign_and_unknown_units_pass() {
        for text in [
            // Written with %: a real collapse below 1%, not a fraction.
            "date,Sharing activation\n2026-11-01,0.5%\n2026-11-08,0.4%\n",
            // Plain percentages.
            "date,Sharing activation\n2026-11-01,18\n2026-11-08,0.9\n",
            // A unit this module does not know is not called a mismatch.
            "date,Sharing activation (of trials)\n2026-11-01,18\n",
            // A metric no criterion watches keeps any unit.
            "date,NPS (EUR)\n2026-11-01,0.3\n",
        ] {
            let parsed = parse_readings(text, today(), &criteria()).unwrap();
            assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
            assert!(!parsed.readings.is_empty());
        }
    }
}
