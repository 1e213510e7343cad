//! A table of money by item whose last row is its total: the total is
//! checked against the rows above it. "EC2 12, RDS 7, Data transfer 2.5,
//! CloudWatch 0.5, Other 1, Total 20" adds up to 23, and a title that cuts
//! the bill "by 60%" rests on the 20. The CFO adds the column first.
//!
//! Only money is held to its sum: counts of people or users may overlap
//! (a user on two platforms), and rates and shares do not add at all. A
//! total above its rows may leave items out unless the rows claim to be
//! all of it (an "Other" row); one below them never adds up.

use super::super::claims::rounding_of;
use super::super::text::lower_words;
use super::{finding, info};
use crate::chart::names_a_total;
use crate::coach::{Finding, Target};
use crate::ChartSpec;

pub fn total_row_against_its_rows(chart: &ChartSpec) -> Vec<Finding> {
    let data = &chart.data;
    let Some((total, items)) = data.rows.split_last() else {
        return Vec::new();
    };
    if items.len() < 2 || !names_a_total(&total.label) {
        return Vec::new();
    }
    let complete = items.iter().any(|row| {
        lower_words(&row.label)
            .first()
            .is_some_and(|w| matches!(w.as_str(), "other" | "others" | "rest" | "everything"))
    });
    let slack = rounding_of(chart) * (items.len() + 1) as f64;
    let mut out = Vec::new();
    for (column, series) in data.series_names().iter().enumerate() {
        let in_money = is_money(series) || is_money(&data.header[0]);
        let Some(stated) = total.values.get(column).copied().flatten() else {
            continue;
        };
        let values: Option<Vec<f64>> = items
            .iter()
            .map(|row| row.values.get(column).copied().flatten())
            .collect();
        let Some(values) = values else {
            continue;
        };
        let sum: f64 = values.iter().sum();
        let gap = sum - stated;
        let short = gap > slack || (complete && -gap > slack);
        if !in_money || !short || gap.abs() <= 0.005 * stated.abs() {
            continue;
        }
        out.push(finding(
            "claim-contradicts-chart",
            info("claim-contradicts-chart"),
            Some(Target::Chart),
            format!(
                "The “{}” row says {} for “{}”, but the rows above it add up to {}: correct the total or the rows, and any figure worked out from them.",
                total.label.trim(),
                plain(stated),
                series.trim(),
                plain(sum)
            ),
            None,
        ));
    }
    out
}

/// A series or label column that names money: a currency sign or code, or
/// a word for spend ("Before ($k/month)", "Cost", "Revenue (£m)").
fn is_money(name: &str) -> bool {
    const WORDS: [&str; 12] = [
        "cost",
        "costs",
        "spend",
        "spending",
        "revenue",
        "bill",
        "budget",
        "income",
        "expenses",
        "expenditure",
        "usd",
        "gbp",
    ];
    name.contains(['$', '£', '€', '¥', '₹'])
        || lower_words(name)
            .iter()
            .any(|word| WORDS.contains(&word.as_str()))
}

fn plain(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChartKind, DataRow, DataTable};

    fn chart(header: &[&str], rows: &[(&str, f64, f64)]) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Bar,
            title: String::new(),
            alt: String::new(),
            highlight: None,
            unit: None,
            data: DataTable {
                header: header.iter().map(|h| (*h).to_owned()).collect(),
                rows: rows
                    .iter()
                    .map(|(label, a, b)| DataRow {
                        label: (*label).to_owned(),
                        values: vec![Some(*a), Some(*b)],
                    })
                    .collect(),
            },
            better: None,
            portfolio: None,
        }
    }

    const BILL: &[&str] = &["Service", "Before ($k/month)", "After ($k/month)"];

    #[test]
    fn a_money_total_its_rows_do_not_add_up_to_is_named() {
        let findings = total_row_against_its_rows(&chart(
            BILL,
            &[
                ("EC2", 28.0, 12.0),
                ("RDS", 12.0, 7.0),
                ("Data transfer", 6.0, 2.5),
                ("CloudWatch", 2.0, 0.5),
                ("Other", 2.0, 1.0),
                ("Total", 50.0, 20.0),
            ],
        ));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(findings[0]
            .message
            .contains("“Total” row says 20 for “After ($k/month)”"));
        assert!(findings[0].message.contains("add up to 23"));
    }

    #[test]
    fn totals_that_add_up_or_need_not_are_left_alone() {
        // Adds up, within the rounding of its figures.
        assert!(total_row_against_its_rows(&chart(
            BILL,
            &[
                ("EC2", 28.4, 12.2),
                ("RDS", 12.3, 7.4),
                ("Total", 40.6, 19.7)
            ],
        ))
        .is_empty());
        // Users may be on more than one platform.
        assert!(total_row_against_its_rows(&chart(
            &["Platform", "March users", "April users"],
            &[
                ("iOS", 300.0, 320.0),
                ("Android", 250.0, 270.0),
                ("Total", 480.0, 500.0)
            ],
        ))
        .is_empty());
        // Money above its listed items, with no "Other": items may be left out.
        assert!(total_row_against_its_rows(&chart(
            &["Line", "Q1 cost ($k)", "Q2 cost ($k)"],
            &[
                ("Cloud", 30.0, 32.0),
                ("Licences", 10.0, 11.0),
                ("Total", 50.0, 52.0)
            ],
        ))
        .is_empty());
        // No total row.
        assert!(total_row_against_its_rows(&chart(
            BILL,
            &[("EC2", 28.0, 12.0), ("RDS", 12.0, 7.0), ("Data", 6.0, 2.5)],
        ))
        .is_empty());
    }
}
