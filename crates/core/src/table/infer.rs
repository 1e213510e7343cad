//! Suggesting a chart kind from the shape of the data.

use crate::{ChartKind, DataTable};

/// Suggests the chart kind that fits the data's shape. The rules, tried in
/// this order (the first that holds wins):
///
/// 1. **Bubble** — three value columns named like x, y and size: the first
///    series' name has the word `x`, the second's `y`, the third's `size`,
///    `r`, `radius`, `z` or `weight` (`Effort (x)`, `Impact (y)`, `Size`).
/// 2. **Big number** — one row with one series: a single KPI.
/// 3. **Before/after** — two rows with one series: a change to show.
/// 4. **Funnel** — one series, at least three rows, every value present and
///    none larger than the one before, and stages for labels: the label
///    column is named like `stage`, `step` or `funnel`, or at least half the
///    labels hold a funnel word (`visits`, `sign-ups`, `trial`, `activated`,
///    `paid`…).
/// 5. **Line** — at least two rows whose labels all read as time (dates
///    `2026-11-23`, `11/23`, months `Jan`, `March 2026`, quarters `Q1`,
///    `2026 Q1`, halves `H2`, fiscal years `FY26`, weeks `W5`, `Week 5`,
///    `2026-W05`, days `Mon`, `Day 3`, sprints `Sprint 4`), or all read as
///    numbers in strictly increasing or strictly decreasing order (years,
///    versions as numbers).
/// 6. **Bar** — everything else: categories compared side by side.
pub fn infer_kind(table: &DataTable) -> ChartKind {
    let series = table.series_names().len();
    let rows = table.rows.len();
    if looks_like_bubble(table) {
        ChartKind::Bubble
    } else if series == 1 && rows == 1 {
        ChartKind::BigNumber
    } else if series == 1 && rows == 2 {
        ChartKind::BeforeAfter
    } else if looks_like_funnel(table) {
        ChartKind::Funnel
    } else if rows >= 2 && labels_look_sequential(table) {
        ChartKind::Line
    } else {
        ChartKind::Bar
    }
}

/// Whether a table runs its periods across the top and its measures down
/// the side ("Fund | 2022 | 2021 | 2020 | Cumulative"): at least two
/// column headers, and at least half of them, read as time, no row label
/// does, and the rows are few enough to be a chart's series (one measure
/// over the years is one series too).
pub(crate) fn periods_across(table: &DataTable) -> bool {
    let series = table.series_names();
    let periods = series.iter().filter(|name| reads_as_time(name)).count();
    periods >= 2
        && periods * 2 >= series.len()
        && (1..=MAX_ROWS_AS_SERIES).contains(&table.rows.len())
        && !table.rows.iter().any(|row| reads_as_time(&row.label))
}

/// The most rows a table may have to be turned into series: no more than
/// a reader tells apart.
const MAX_ROWS_AS_SERIES: usize = crate::chart::READABLE_SERIES;

/// A label that names a time: a date, a month, a quarter, a week, or a
/// year on its own ("2022").
fn reads_as_time(label: &str) -> bool {
    let label = label.trim();
    is_time_label(label)
        || label.len() == 4
            && label
                .parse::<u16>()
                .is_ok_and(|year| (1900..=2100).contains(&year))
}

/// Lower-case alphanumeric words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_word(text: &str, wanted: &[&str]) -> bool {
    words(text).iter().any(|w| wanted.contains(&w.as_str()))
}

fn looks_like_bubble(table: &DataTable) -> bool {
    match table.series_names() {
        [x, y, size] => {
            has_word(x, &["x"])
                && has_word(y, &["y"])
                && has_word(size, &["size", "r", "radius", "z", "weight"])
        }
        _ => false,
    }
}

/// Word beginnings of funnel stages.
const STAGE_STEMS: [&str; 44] = [
    "visit",
    "view",
    "impression",
    "click",
    "landing",
    "sign",
    "regist",
    "trial",
    "activ",
    "onboard",
    "lead",
    "mql",
    "sql",
    "qualif",
    "opportun",
    "demo",
    "proposal",
    "negotiat",
    "won",
    "close",
    "purchas",
    "checkout",
    "cart",
    "order",
    "paid",
    "pay",
    "subscri",
    "install",
    "download",
    "convert",
    "conversion",
    "retain",
    "retention",
    "renew",
    "upgrade",
    "invit",
    "engag",
    "complet",
    "submit",
    "application",
    "interview",
    "offer",
    "hire",
    "setup",
];

fn looks_like_funnel(table: &DataTable) -> bool {
    if table.series_names().len() != 1 || table.rows.len() < 3 {
        return false;
    }
    let mut previous = f64::INFINITY;
    for row in &table.rows {
        match row.values.first() {
            Some(Some(value)) if *value <= previous => previous = *value,
            _ => return false,
        }
    }
    let label_header = table.header.first().map(String::as_str).unwrap_or("");
    if has_word(
        label_header,
        &["stage", "stages", "step", "steps", "funnel"],
    ) {
        return true;
    }
    let stage_like = table
        .rows
        .iter()
        .filter(|row| {
            words(&row.label)
                .iter()
                .any(|w| STAGE_STEMS.iter().any(|stem| w.starts_with(stem)))
        })
        .count();
    stage_like * 2 >= table.rows.len()
}

pub(crate) fn labels_look_sequential(table: &DataTable) -> bool {
    let labels: Vec<&str> = table.rows.iter().map(|r| r.label.trim()).collect();
    if labels.iter().all(|l| is_time_label(l)) {
        return true;
    }
    let numbers: Option<Vec<f64>> = labels
        .iter()
        .map(|l| l.parse::<f64>().ok().filter(|n| n.is_finite()))
        .collect();
    match numbers {
        Some(numbers) => {
            numbers.windows(2).all(|w| matches!(w, [a, b] if a < b))
                || numbers.windows(2).all(|w| matches!(w, [a, b] if a > b))
        }
        None => false,
    }
}

const MONTHS: [&str; 25] = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mai",
];

const DAYS: [&str; 14] = [
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const PERIOD_WORDS: [&str; 11] = [
    "week", "wk", "cw", "kw", "w", "day", "month", "year", "sprint", "quarter", "period",
];

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// `q1`, `h2`, `w05`, `wk5`, `fy26`, `2026q1`, `1q26`.
fn is_period_token(word: &str) -> bool {
    let with_prefix =
        |prefix: &str, rest_ok: fn(&str) -> bool| word.strip_prefix(prefix).is_some_and(rest_ok);
    let quarter = |rest: &str| {
        let mut chars = rest.chars();
        matches!(chars.next(), Some('1'..='4'))
            && (chars.as_str().is_empty() || all_digits(chars.as_str()))
    };
    let half = |rest: &str| {
        let mut chars = rest.chars();
        matches!(chars.next(), Some('1' | '2'))
            && (chars.as_str().is_empty() || all_digits(chars.as_str()))
    };
    if with_prefix("q", quarter)
        || with_prefix("h", half)
        || with_prefix("fy", all_digits)
        || with_prefix("wk", all_digits)
        || with_prefix("w", |rest| all_digits(rest) && rest.len() <= 2)
    {
        return true;
    }
    // `2026q1` and `1q26`
    match word.split_once('q') {
        Some((before, after)) => all_digits(before) && all_digits(after),
        None => false,
    }
}

/// `2026-11-23`, `11/23/2026`, `23.11.26`, `2026-11`: two or three groups of
/// digits joined by `-`, `/` or `.`, one of them a plausible year or all of
/// them short.
fn is_numeric_date(label: &str) -> bool {
    if !label
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
    {
        return false;
    }
    let parts: Vec<&str> = label.split(['-', '/', '.']).collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| all_digits(p) && p.len() <= 4)
        && parts.iter().filter(|p| p.len() > 2).count() <= 1
        && (label.contains(['-', '/']) || parts.len() == 3)
}

fn is_time_label(label: &str) -> bool {
    if label.is_empty() {
        return false;
    }
    if is_numeric_date(label) {
        return true;
    }
    // An ISO date with a time: `2026-11-23T10:00`.
    if let Some((date, _)) = label.split_once(['T', ' ']) {
        if is_numeric_date(date) {
            return true;
        }
    }
    let words = words(label);
    if words
        .iter()
        .any(|w| MONTHS.contains(&w.as_str()) || DAYS.contains(&w.as_str()) || is_period_token(w))
    {
        return true;
    }
    match words.as_slice() {
        [first, rest @ ..] => {
            PERIOD_WORDS.contains(&first.as_str()) && rest.iter().any(|w| all_digits(w))
        }
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataRow;

    fn table(header: &[&str], rows: &[(&str, &[Option<f64>])]) -> DataTable {
        DataTable {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|(label, values)| DataRow {
                    label: (*label).to_owned(),
                    values: values.to_vec(),
                })
                .collect(),
        }
    }

    #[test]
    fn each_rule_and_its_neighbour() {
        let one = |labels: &[&str], values: &[f64]| {
            let rows: Vec<(&str, Vec<Option<f64>>)> = labels
                .iter()
                .zip(values)
                .map(|(l, v)| (*l, vec![Some(*v)]))
                .collect();
            let rows: Vec<(&str, &[Option<f64>])> =
                rows.iter().map(|(l, v)| (*l, v.as_slice())).collect();
            infer_kind(&table(&["Label", "Value"], &rows))
        };
        assert_eq!(one(&["Activation"], &[41.0]), ChartKind::BigNumber);
        assert_eq!(
            one(&["Before", "After"], &[32.0, 41.0]),
            ChartKind::BeforeAfter
        );
        assert_eq!(
            one(
                &["Visits", "Sign-ups", "Activated", "Paid"],
                &[1000.0, 300.0, 120.0, 40.0]
            ),
            ChartKind::Funnel
        );
        // The same labels with a value that grows are not a funnel.
        assert_eq!(
            one(
                &["Visits", "Sign-ups", "Activated", "Paid"],
                &[1000.0, 300.0, 320.0, 40.0]
            ),
            ChartKind::Bar
        );
        assert_eq!(
            one(&["Jan", "Feb", "Mar", "Apr"], &[1.0, 3.0, 2.0, 5.0]),
            ChartKind::Line
        );
        assert_eq!(
            one(&["2026-W01", "2026-W02", "2026-W03"], &[1.0, 3.0, 2.0]),
            ChartKind::Line
        );
        assert_eq!(
            one(&["Q1 2026", "Q2 2026", "Q3 2026"], &[1.0, 3.0, 2.0]),
            ChartKind::Line
        );
        assert_eq!(
            one(&["2022", "2023", "2024"], &[1.0, 3.0, 2.0]),
            ChartKind::Line
        );
        assert_eq!(
            one(&["2023", "2022", "2024"], &[1.0, 3.0, 2.0]),
            ChartKind::Bar
        );
        assert_eq!(
            one(
                &["2026-11-01", "2026-11-08", "2026-11-15"],
                &[1.0, 3.0, 2.0]
            ),
            ChartKind::Line
        );
        assert_eq!(
            one(&["Week 1", "Week 2", "Week 3"], &[1.0, 3.0, 2.0]),
            ChartKind::Line
        );
        assert_eq!(
            one(&["EMEA", "APAC", "Americas"], &[1.0, 3.0, 2.0]),
            ChartKind::Bar
        );
        // Decreasing countries are not stages.
        assert_eq!(
            one(&["Poland", "Finland", "Ireland"], &[3.0, 2.0, 1.0]),
            ChartKind::Bar
        );
    }

    #[test]
    fn funnel_by_label_header() {
        let t = table(
            &["Stage", "Users"],
            &[
                ("A", &[Some(9.0)]),
                ("B", &[Some(5.0)]),
                ("C", &[Some(5.0)]),
            ],
        );
        assert_eq!(infer_kind(&t), ChartKind::Funnel);
    }

    #[test]
    fn bubble_needs_x_y_and_size_names() {
        let rows: &[(&str, &[Option<f64>])] = &[
            ("Bet A", &[Some(1.0), Some(2.0), Some(3.0)]),
            ("Bet B", &[Some(2.0), Some(1.0), Some(5.0)]),
        ];
        let bubble = table(&["Bet", "Effort (x)", "Impact (y)", "Size"], rows);
        assert_eq!(infer_kind(&bubble), ChartKind::Bubble);
        let bars = table(&["Bet", "Effort", "Impact", "Size"], rows);
        assert_eq!(infer_kind(&bars), ChartKind::Bar);
    }

    #[test]
    fn grouped_series_over_time_are_lines_and_one_row_of_many_is_bars() {
        let rows: &[(&str, &[Option<f64>])] = &[
            ("Jan", &[Some(1.0), Some(2.0)]),
            ("Feb", &[Some(2.0), None]),
        ];
        assert_eq!(
            infer_kind(&table(&["Month", "Pilot", "Control"], rows)),
            ChartKind::Line
        );
        let one_row: &[(&str, &[Option<f64>])] = &[("Now", &[Some(1.0), Some(2.0)])];
        assert_eq!(infer_kind(&table(&["", "A", "B"], one_row)), ChartKind::Bar);
        assert_eq!(infer_kind(&DataTable::default()), ChartKind::Bar);
    }
}
