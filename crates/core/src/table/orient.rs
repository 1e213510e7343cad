//! Turning a table written for reading into one drawn for the eye: time
//! runs along the x axis.

use super::infer::periods_across;
use crate::{DataRow, DataTable};

/// A table with its periods across the top ("Fund | 2022 | 2021 | 2020")
/// turned so the periods run down its rows and each measure is a series:
/// drawn, each fund is one colour across the years instead of each year a
/// colour across the funds. Any other table comes back as it was.
pub fn periods_down(table: DataTable) -> DataTable {
    if !periods_across(&table) {
        return table;
    }
    let mut header = vec![String::new()];
    header.extend(table.rows.iter().map(|row| row.label.clone()));
    let mut rows: Vec<DataRow> = table
        .series_names()
        .iter()
        .enumerate()
        .map(|(column, period)| DataRow {
            label: period.clone(),
            values: table
                .rows
                .iter()
                .map(|row| row.values.get(column).copied().flatten())
                .collect(),
        })
        .collect();
    oldest_first(&mut rows);
    DataTable { header, rows }
}

/// Years written newest first, as annual reports print them ("2022 |
/// 2021 | 2020 | Cumulative"), put in time order for the x axis; the
/// columns after them (a total, an average) stay last.
fn oldest_first(rows: &mut [DataRow]) {
    let years: Vec<Option<u16>> = rows.iter().map(|row| year_in(&row.label)).collect();
    let dated = years.iter().take_while(|year| year.is_some()).count();
    let newest_first = dated >= 2
        && years[dated..].iter().all(Option::is_none)
        && years[..dated].windows(2).all(|pair| pair[0] > pair[1]);
    if newest_first {
        rows[..dated].reverse();
    }
}

/// The year a period label names ("2022", "Q4 2008", "FY 2023").
fn year_in(label: &str) -> Option<u16> {
    label
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .find_map(|part| {
            part.parse::<u16>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[(&str, &[f64])]) -> DataTable {
        DataTable {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|(label, values)| DataRow {
                    label: (*label).to_owned(),
                    values: values.iter().map(|v| Some(*v)).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn periods_across_the_top_run_down_the_rows() {
        let turned = periods_down(table(
            &["", "2022", "2021", "2020", "Cumulative"],
            &[
                ("Fund", &[-7.3, 31.0, 28.4, 117.7]),
                ("Index", &[-7.6, 19.3, 21.0, 60.6]),
            ],
        ));
        assert_eq!(turned.series_names(), ["Fund", "Index"]);
        let labels: Vec<&str> = turned.rows.iter().map(|r| r.label.as_str()).collect();
        // Newest first as printed; oldest first as drawn, the total last.
        assert_eq!(labels, ["2020", "2021", "2022", "Cumulative"]);
        assert_eq!(turned.rows[1].values, [Some(31.0), Some(19.3)]);
    }

    #[test]
    fn one_measure_over_the_years_is_one_series() {
        let turned = periods_down(table(
            &["Measure", "Q2 2017", "Q2 2018", "Q3 2018 forecast"],
            &[("Streaming revenue ($m)", &[2671.0, 3814.0, 3900.0])],
        ));
        assert_eq!(turned.series_names(), ["Streaming revenue ($m)"]);
        let labels: Vec<&str> = turned.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Q2 2017", "Q2 2018", "Q3 2018 forecast"]);
    }

    #[test]
    fn other_tables_stay_as_written() {
        for kept in [
            // Time already runs down the rows.
            table(
                &["Month", "Fund", "Index"],
                &[("Jan", &[1.0, 2.0]), ("Feb", &[3.0, 4.0])],
            ),
            // Categories across, no time.
            table(
                &["Treatment", "Conversion", "Confidence"],
                &[("Control", &[0.08, 0.0]), ("Variant", &[0.16, 98.1])],
            ),
            // One period column among statistics.
            table(
                &["Measure", "2023", "% change", "Share", "Rank"],
                &[
                    ("Sales", &[1.0, 2.0, 3.0, 4.0]),
                    ("Costs", &[1.0, 2.0, 3.0, 4.0]),
                ],
            ),
        ] {
            assert_eq!(periods_down(kept.clone()), kept);
        }
    }
}
