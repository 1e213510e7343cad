//! Measures in different units never share one axis. A shareholder
//! letter's table ("Streaming revenue ($m) | Operating margin (%) |
//! Earnings per share ($)") drawn whole puts a margin of 11.8 beside a
//! revenue of 3,814 on one scale, and a percent read from the prose turns
//! the revenue into "3814%". The chart keeps the measures in the unit of
//! the first one; the others stay in the text as a table, as written.

use crate::DataTable;

/// A table split by the units its measures state.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSplit {
    /// What is drawn: the measures in the first measure's unit.
    pub charted: DataTable,
    /// That unit, when the names state percent (`Margin (%)`).
    pub percent: bool,
    /// The data rows (0-based) the text keeps under the table's header, as
    /// written: the rows left out, or every row when the measures left out
    /// are columns (a column cannot be cut out of the text without
    /// rewriting its rows). `None` when every measure is drawn.
    pub rows_kept_in_text: Option<Vec<usize>>,
    /// The names of the measures left out of the chart.
    pub left_out: Vec<String>,
}

/// Splits a table when its measures —
/// its rows, or else its value columns — state at least two different
/// units in their names. Measures whose names state no unit stay with the
/// chart: nothing says they differ.
pub fn one_unit_per_axis(table: DataTable) -> UnitSplit {
    // "Q4 2008 | Q4 2007 | % change": the change is worked out from the
    // levels by the chart itself; drawn as a bar it is a third measure.
    let names = table.series_names();
    let changes: Vec<usize> = (0..names.len())
        .filter(|&j| names_a_change(&names[j]))
        .collect();
    if !changes.is_empty() && changes.len() < names.len() {
        let keep: Vec<usize> = (0..names.len()).filter(|j| !changes.contains(j)).collect();
        let mut split = keep_columns(&table, &keep);
        let rest = one_unit_per_axis(split.charted);
        split.charted = rest.charted;
        split.percent = rest.percent;
        split.left_out.extend(rest.left_out);
        return split;
    }
    let row_units: Vec<Option<String>> = table.rows.iter().map(|r| unit_named(&r.label)).collect();
    if let Some(keep) = kept(&row_units) {
        let percent = unit_of_kept(&row_units, &keep);
        let rest = (0..table.rows.len())
            .filter(|i| !keep.contains(i))
            .collect();
        let left_out = names_left_out(table.rows.iter().map(|r| r.label.as_str()), &keep);
        let charted = DataTable {
            header: table.header.clone(),
            rows: keep.iter().map(|&i| table.rows[i].clone()).collect(),
        };
        return UnitSplit {
            charted,
            percent,
            rows_kept_in_text: Some(rest),
            left_out,
        };
    }
    let column_units: Vec<Option<String>> =
        table.series_names().iter().map(|n| unit_named(n)).collect();
    if let Some(keep) = kept(&column_units) {
        let mut split = keep_columns(&table, &keep);
        split.percent = unit_of_kept(&column_units, &keep);
        return split;
    }
    UnitSplit {
        percent: false,
        charted: table,
        rows_kept_in_text: None,
        left_out: Vec::new(),
    }
}

/// The table with only the value columns `keep`; the text keeps the
/// whole table, as written (a column cannot be cut out of its rows).
fn keep_columns(table: &DataTable, keep: &[usize]) -> UnitSplit {
    let left_out = names_left_out(table.series_names().iter().map(String::as_str), keep);
    let mut header = vec![table.header[0].clone()];
    header.extend(keep.iter().map(|&j| table.header[j + 1].clone()));
    let rows = table
        .rows
        .iter()
        .map(|row| crate::DataRow {
            label: row.label.clone(),
            values: keep
                .iter()
                .map(|&j| row.values.get(j).copied().flatten())
                .collect(),
        })
        .collect();
    UnitSplit {
        charted: DataTable { header, rows },
        percent: false,
        rows_kept_in_text: Some((0..table.rows.len()).collect()),
        left_out,
    }
}

/// A column of changes between the others, or of a statistic about them:
/// "% change", "% Δ", "YoY", "Growth", "Difference", "Reduction", "Change
/// vs prior year", "Confidence", "p-value", "Lift".
fn names_a_change(name: &str) -> bool {
    let name = name.trim();
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    name.starts_with(['%', 'Δ', '±'])
        || words.iter().any(|w| {
            matches!(
                *w,
                "change"
                    | "chg"
                    | "growth"
                    | "yoy"
                    | "difference"
                    | "diff"
                    | "delta"
                    | "variance"
                    | "confidence"
                    | "significance"
                    | "lift"
                    | "uplift"
                    | "reduction"
                    | "increase"
                    | "decrease"
            )
        })
        || matches!(words.as_slice(), ["p"] | ["p", "value"])
        // "Week %", "MoM %": a change over a period, in percent.
        || name.contains('%')
            && words.iter().any(|w| {
                matches!(
                    *w,
                    "week" | "weekly" | "wow" | "month" | "monthly" | "mom" | "quarter" | "qoq"
                        | "year" | "yearly" | "ly"
                )
            })
}

/// The indices of the measures to draw, when the stated units differ:
/// those in the unit of the first measure that states one, and those that
/// state none.
fn kept(units: &[Option<String>]) -> Option<Vec<usize>> {
    let first = units.iter().flatten().next()?;
    if units.iter().flatten().all(|unit| unit == first) {
        return None;
    }
    Some(
        units
            .iter()
            .enumerate()
            .filter(|(_, unit)| unit.as_ref().is_none_or(|unit| unit == first))
            .map(|(index, _)| index)
            .collect(),
    )
}

fn unit_of_kept(units: &[Option<String>], keep: &[usize]) -> bool {
    keep.iter()
        .filter_map(|&i| units[i].as_deref())
        .any(|unit| unit == "%")
}

fn names_left_out<'a>(names: impl Iterator<Item = &'a str>, keep: &[usize]) -> Vec<String> {
    names
        .enumerate()
        .filter(|(index, _)| !keep.contains(index))
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// The unit a measure's name states: the last parenthesised part when it
/// reads as a unit ("Streaming revenue ($m)" → `$m`, "Margin (%)" → `%`,
/// "Latency (ms)"), a closing `%` ("Margin %"), or the whole name when it
/// is a unit ("Count", "Percent"). "Sales (EMEA)" states
/// none. Units are compared lower-cased, spaces removed.
pub(crate) fn unit_named(name: &str) -> Option<String> {
    let name = name.trim();
    // A column named by its unit alone: "Count", "Percent".
    match name.to_lowercase().as_str() {
        "count" | "number" | "#" | "n" => return Some("count".to_owned()),
        "percent" | "percentage" | "%" | "share" => return Some("%".to_owned()),
        _ => {}
    }
    if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) {
        let inside = &name[open + 1..name.len() - 1];
        let unit: String = inside
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        return reads_as_unit(&unit).then_some(unit);
    }
    name.ends_with('%').then(|| "%".to_owned())
}

/// Whether the inside of a name's parentheses is a unit: a percent or a
/// currency sign with at most a scale after it, or a unit word.
fn reads_as_unit(unit: &str) -> bool {
    const SCALES: [&str; 10] = [
        "", "k", "m", "mn", "bn", "b", "000", "000s", "'000", "'000s",
    ];
    const WORDS: [&str; 33] = [
        "%",
        "pts",
        "pp",
        "bps",
        "x",
        "#",
        "count",
        "number",
        "no.",
        "ms",
        "s",
        "sec",
        "secs",
        "seconds",
        "min",
        "mins",
        "minutes",
        "hours",
        "hrs",
        "h",
        "days",
        "weeks",
        "m",
        "bn",
        "k",
        "millions",
        "billions",
        "thousands",
        "gb",
        "tb",
        "mb",
        "bytes",
        "kb",
    ];
    if WORDS.contains(&unit) {
        return true;
    }
    for currency in ["$", "£", "€", "¥", "₹", "usd", "gbp", "eur"] {
        if let Some(scale) = unit.strip_prefix(currency) {
            if SCALES.contains(&scale) || SCALES.contains(&scale.trim_start_matches(',')) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::parse_table;

    const LETTER: &str = "\
| Measure | Q2 2017 | Q2 2018 | Q3 2018 forecast |
|---|---|---|---|
| Streaming revenue ($m) | 2671 | 3814 | 3900 |
| Operating margin (%) | 4.6 | 11.8 | 10.5 |
| Diluted earnings per share ($) | 0.15 | 0.85 | 0.68 |
| Streaming cost ($m) | 2000 | 2900 | 3000 |";

    fn split(markdown: &str) -> UnitSplit {
        one_unit_per_axis(parse_table(markdown).unwrap())
    }

    #[test]
    fn names_state_units_or_not() {
        for (name, unit) in [
            ("Streaming revenue ($m)", Some("$m")),
            ("Operating margin (%)", Some("%")),
            ("Margin %", Some("%")),
            ("Latency (ms)", Some("ms")),
            ("Revenue (USD m)", Some("usdm")),
            ("Net additions (m)", Some("m")),
            ("Sales (EMEA)", None),
            ("Count", Some("count")),
            ("Percent", Some("%")),
            ("Conversion (control)", None),
            ("Revenue", None),
        ] {
            assert_eq!(unit_named(name).as_deref(), unit, "{name}");
        }
    }

    #[test]
    fn rows_in_other_units_are_left_out_of_the_chart() {
        let split = split(LETTER);
        let labels: Vec<&str> = split
            .charted
            .rows
            .iter()
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(labels, ["Streaming revenue ($m)", "Streaming cost ($m)"]);
        assert!(!split.percent);
        assert_eq!(
            split.left_out,
            ["Operating margin (%)", "Diluted earnings per share ($)"]
        );
        assert_eq!(split.rows_kept_in_text, Some(vec![1, 2]));
    }

    #[test]
    fn columns_in_other_units_are_left_out_of_the_chart() {
        let markdown = "\
| Quarter | Margin (%) | Revenue ($m) | Churn (%) |
|:--|--:|--:|--:|
| Q1 | 11.8 | 3,814 | 2.1 |
| Q2 | 10.5 | 3,900 | 1.9 |";
        let split = split(markdown);
        assert_eq!(split.charted.header, ["Quarter", "Margin (%)", "Churn (%)"]);
        assert_eq!(split.charted.rows[1].values, [Some(10.5), Some(1.9)]);
        assert!(split.percent);
        assert_eq!(split.left_out, ["Revenue ($m)"]);
        assert_eq!(split.rows_kept_in_text, Some(vec![0, 1]));
    }

    #[test]
    fn columns_of_changes_are_left_to_the_chart() {
        let markdown = "\
| Measure | Q4 2008 | Q4 2007 | % change | FY 2008 | FY 2007 | % change |
|---|---|---|---|---|---|---|
| Net sales | 36500 | 32300 | 13% | 139600 | 122000 | 14% |";
        let levels = split(markdown);
        assert_eq!(
            levels.charted.series_names(),
            ["Q4 2008", "Q4 2007", "FY 2008", "FY 2007"]
        );
        assert_eq!(levels.left_out, ["% change", "% change"]);
        assert_eq!(levels.rows_kept_in_text, Some(vec![0]));
        // A test's statistics are not a third bar beside its rates.
        let test = "| Variant | Conv. rate | Confidence |\n|---|---|---|\n| Control | 0.08 | |\n| Align | 0.16 | 98.1 |";
        assert_eq!(split(test).charted.series_names(), ["Conv. rate"]);
        let sizes = "| Build | Before (MiB) | After (MiB) | Reduction |\n|---|---|---|---|\n| dev | 180 | 171 | 4.7 |";
        assert_eq!(
            split(sizes).charted.series_names(),
            ["Before (MiB)", "After (MiB)"]
        );
        let weekly = "| Metric | Current | Previous | Week % |\n|---|---|---|---|\n| Views | 623 | 839 | -25.7 |";
        assert_eq!(
            split(weekly).charted.series_names(),
            ["Current", "Previous"]
        );
        // A table of changes alone is drawn as it is.
        let only = "| Region | YoY growth |\n|---|---|\n| EMEA | 4 |\n| APAC | 7 |";
        assert_eq!(split(only).rows_kept_in_text, None);
    }

    #[test]
    fn one_unit_or_none_stated_is_drawn_whole() {
        for markdown in [
            // One unit throughout.
            "| Fund | 2022 | 2021 |\n|---|---|---|\n| A (%) | 1 | 2 |\n| B (%) | 3 | 4 |",
            // Parentheses that name a region, not a unit.
            "| Region | Q1 | Q2 |\n|---|---|---|\n| Sales (EMEA) | 1 | 2 |\n| Sales (US) | 3 | 4 |",
            // No units stated.
            "| Plan | Churn | Signups |\n|---|---|---|\n| Free | 1 | 2 |\n| Pro | 3 | 4 |",
        ] {
            let table = parse_table(markdown).unwrap();
            let split = one_unit_per_axis(table.clone());
            assert_eq!(split.charted, table, "{markdown}");
            assert_eq!(split.rows_kept_in_text, None);
        }
    }
}
