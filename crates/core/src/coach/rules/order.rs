//! "Subscriptions with a single slot churn fastest, followed by those with
//! two slots, then three, and so on" over a table whose rows are 1, 2, 3…
//! slots: an order said to run on through numbered rows ("and so on") is
//! held to every one of them. Where no measure of the chart keeps that
//! order from row to row (two rows tie, or a later row turns back), the
//! claim is an error naming the first row that breaks it.

use super::super::claims::{number_word_value, parse_number};
use super::super::text::{lower_words, sentences};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::ChartSpec;

/// The most rows read for an order: a table a reader scans.
const MAX_ROWS: usize = 200;

pub fn order_across_rows_against_the_chart(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let rows = &chart.data.rows;
    if rows.len() < 3 || rows.len() > MAX_ROWS {
        return Vec::new();
    }
    let numbers = leading_numbers(chart);
    if numbers.len() < 2 {
        return Vec::new();
    }
    let title = story.fields.title.as_str();
    let texts = std::iter::once((Some(Target::Title), title)).chain(
        story
            .passages()
            .into_iter()
            .map(|p| (None::<Target>, p.text)),
    );
    for (target, text) in texts {
        for sentence in sentences(text) {
            let words = lower_words(sentence.text);
            if !runs_on(&words) || !names_rows_in_order(&words, &numbers) {
                continue;
            }
            let series: Vec<Vec<f64>> = (0..chart.data.series_names().len())
                .map(|column| {
                    rows.iter()
                        .filter_map(|row| row.values.get(column).copied().flatten())
                        .filter(|v| v.is_finite())
                        .collect()
                })
                .collect();
            if series.iter().any(|values| keeps_an_order(values)) {
                return Vec::new();
            }
            let Some((column, at)) = series
                .iter()
                .enumerate()
                .rev()
                .find_map(|(column, values)| Some((column, first_break(values)?)))
            else {
                return Vec::new();
            };
            let name = &chart.data.series_names()[column];
            let labelled: Vec<(&str, f64)> = rows
                .iter()
                .filter_map(|row| {
                    let value = row.values.get(column).copied().flatten()?;
                    Some((row.label.trim(), value))
                })
                .collect();
            let ((a, va), (b, vb)) = (labelled[at], labelled[at + 1]);
            let breaks = if va == vb {
                format!("{a} and {b} tie at {va}")
            } else {
                format!("{b} ({vb}) turns back from {a} ({va})")
            };
            return vec![finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                target,
                format!(
                    "“{}” says the order runs on through the rows, but the chart's {name} does not: {breaks}. Say which rows keep the order, or correct the chart's data.",
                    sentence.text.trim()
                ),
                None,
            )];
        }
    }
    Vec::new()
}

/// "And so on", "and so forth": the order named runs on.
fn runs_on(words: &[String]) -> bool {
    words
        .windows(3)
        .any(|w| w[0] == "and" && w[1] == "so" && matches!(w[2].as_str(), "on" | "forth"))
}

/// The whole numbers the rows open with, while they do (1, 2, 3, …).
fn leading_numbers(chart: &ChartSpec) -> Vec<u32> {
    chart
        .data
        .rows
        .iter()
        .map_while(|row| row.label.trim().parse::<u32>().ok())
        .collect()
}

/// Whether the sentence names the first rows by their numbers, in order
/// ("a single slot, followed by two slots, then three"): at least two.
fn names_rows_in_order(words: &[String], numbers: &[u32]) -> bool {
    let said: Vec<u32> = words
        .iter()
        .filter_map(|word| {
            let value = if word == "single" {
                Some(1.0)
            } else {
                parse_number(word).or_else(|| number_word_value(word))
            }?;
            (value.fract() == 0.0 && (0.0..=1e6).contains(&value)).then_some(value as u32)
        })
        .collect();
    said.len() >= 2 && numbers.len() >= said.len() && said == numbers[..said.len()]
}

/// Whether the values rise at every step, or fall at every step.
fn keeps_an_order(values: &[f64]) -> bool {
    values.len() >= 3
        && (values.windows(2).all(|w| w[1] > w[0]) || values.windows(2).all(|w| w[1] < w[0]))
}

/// The first step (its index) that does not go the way the first went; a
/// first step that goes nowhere breaks at once.
fn first_break(values: &[f64]) -> Option<usize> {
    let first = values.windows(2).next()?;
    let rising = first[1] > first[0];
    values
        .windows(2)
        .position(|w| if rising { w[1] <= w[0] } else { w[1] >= w[0] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChartKind, DataRow, DataTable, UpdateFields};

    fn slots(values: &[f64]) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Bar,
            data: DataTable {
                header: vec!["Channel slots".into(), "Median survival (days)".into()],
                rows: values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| DataRow {
                        label: (i + 1).to_string(),
                        values: vec![Some(*v)],
                    })
                    .collect(),
            },
            ..ChartSpec::default()
        }
    }

    fn check(evidence: &str, chart: &ChartSpec) -> Vec<Finding> {
        let fields = UpdateFields {
            title: "Churn by channel slots".into(),
            beats: crate::Beats {
                evidence: evidence.into(),
                ..crate::Beats::default()
            },
            ..UpdateFields::default()
        };
        let (journal, slide) = (
            crate::coach::JournalContext::default(),
            crate::coach::SlideFacts::default(),
        );
        let story = Story::new(&fields, &journal, &slide);
        order_across_rows_against_the_chart(&story, chart)
    }

    const CLAIM: &str =
        "Subscriptions with a single slot churn fastest, followed by those with two slots, then three, and so on.";

    #[test]
    fn an_order_said_to_run_on_is_held_to_every_row() {
        let found = check(CLAIM, &slots(&[264.0, 386.0, 386.0, 747.0, 570.0]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("2 and 3 tie at 386"),
            "{}",
            found[0].message
        );
        let turns = check(CLAIM, &slots(&[264.0, 386.0, 420.0, 747.0, 570.0]));
        assert!(
            turns[0].message.contains("5 (570) turns back from 4 (747)"),
            "{}",
            turns[0].message
        );
    }

    #[test]
    fn an_order_the_rows_keep_or_one_not_said_to_run_on_is_left_alone() {
        assert!(check(CLAIM, &slots(&[264.0, 386.0, 420.0, 747.0, 770.0])).is_empty());
        assert!(check(CLAIM, &slots(&[770.0, 747.0, 420.0, 386.0, 264.0])).is_empty());
        // Without "and so on" the sentence speaks of the rows it names.
        let named_only = "A single slot churns fastest, then two slots.";
        assert!(check(named_only, &slots(&[264.0, 386.0, 386.0, 747.0, 570.0])).is_empty());
        // Numbers that are not the rows' own.
        let other = "Churn peaks at 30 days, then 60, and so on.";
        assert!(check(other, &slots(&[264.0, 386.0, 386.0, 747.0, 570.0])).is_empty());
    }
}
