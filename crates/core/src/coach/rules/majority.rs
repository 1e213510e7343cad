//! "Most projects are rated amber" over a chart of categories: the claim
//! of a majority is checked against the category's share of the total.
//! A category that is the largest but not more than half is not "most".

use super::super::claims::{chart_values, rounding_of};
use super::super::text::{sentences, words, Word};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::ChartSpec;

/// Phrases that claim more than half, as lower-case words.
const MAJORITY: &[&[&str]] = &[
    &["most"],
    &["the", "majority", "of"],
    &["a", "majority", "of"],
    &["more", "than", "half"],
    &["over", "half"],
];

/// Words before "most" that make it a superlative or a cap: "the most
/// vulnerable", "at most", "almost".
const NOT_A_MAJORITY_BEFORE: &[&str] = &["the", "at", "our", "their", "its", "your", "what"];

pub fn majority_against_the_chart(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let Some(categories) = categories(chart) else {
        return Vec::new();
    };
    let total: f64 = categories.iter().map(|(_, v)| v).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let slack = rounding_of(chart) * categories.len() as f64 / total;
    let mut out = Vec::new();
    let title = story.fields.title.as_str();
    let mut texts: Vec<(Target, &str, usize)> = vec![(Target::Title, title, 0)];
    for sentence in sentences(&story.fields.beats.evidence) {
        texts.push((Target::Evidence, sentence.text, sentence.start));
    }
    for (target, text, offset) in texts {
        let all = words(text);
        let Some(claim_at) = majority_at(&all) else {
            continue;
        };
        let named: Vec<&(String, f64)> = categories
            .iter()
            .filter(|(label, _)| names_after(&all, claim_at, label))
            .collect();
        let [(label, value)] = named.as_slice() else {
            continue;
        };
        let share = value / total;
        if share + slack > 0.5 {
            continue;
        }
        let largest = categories.iter().all(|(_, other)| other <= value);
        let instead = if largest {
            "the largest group, not more than half".to_owned()
        } else {
            "less than half".to_owned()
        };
        let start = all[claim_at].start;
        let end = all
            .iter()
            .skip(claim_at)
            .find(|w| {
                label_words(label)
                    .first()
                    .is_some_and(|first| w.lower() == *first)
            })
            .map_or(all[claim_at].end, |w| w.end);
        let quote: String = text.chars().skip(start).take(end - start).collect();
        out.push(finding(
            "claim-contradicts-chart",
            info("claim-contradicts-chart"),
            Some(target),
            format!(
                "“{quote}” is not what the chart shows: {label} is {} of {} ({:.1}%), {instead}. Say “the largest group” or give the share.",
                trim(*value),
                trim(total),
                share * 100.0
            ),
            Some([offset + start, offset + end]),
        ));
    }
    out
}

/// "Most of the traffic figures were higher this September than a year
/// ago" over a table of measures by period where three of six rose: a
/// majority of the measures claimed to move one way is counted, first
/// period to last, across the draft's own sentences.
pub fn majority_of_measures_against_the_chart(
    story: &Story<'_>,
    chart: &ChartSpec,
) -> Vec<Finding> {
    const MEASURES: &[&str] = &[
        "figures",
        "measures",
        "metrics",
        "numbers",
        "indicators",
        "kpis",
    ];
    const UP: &[&str] = &[
        "higher",
        "up",
        "rose",
        "grew",
        "increased",
        "improved",
        "better",
    ];
    const DOWN: &[&str] = &[
        "lower",
        "down",
        "fell",
        "dropped",
        "declined",
        "decreased",
        "worse",
    ];
    let data = &chart.data;
    if !super::super::claims::measures_by_period(data) || data.rows.len() < 3 {
        return Vec::new();
    }
    // Each measure's move from its first period to its last.
    let moves: Vec<(String, f64)> = data
        .rows
        .iter()
        .filter_map(|row| {
            let values: Vec<f64> = row.values.iter().flatten().copied().collect();
            let (first, last) = (values.first()?, values.last()?);
            (values.len() >= 2).then(|| (row.label.trim().to_owned(), last - first))
        })
        .collect();
    if moves.len() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let texts = std::iter::once(story.fields.title.as_str())
        .chain(story.passages().into_iter().map(|p| p.text));
    for text in texts {
        for sentence in sentences(text) {
            let all = words(sentence.text);
            let Some(at) = majority_at(&all) else {
                continue;
            };
            let lower: Vec<String> = all.iter().map(Word::lower).collect();
            let of_measures = lower
                .iter()
                .skip(at)
                .take(6)
                .any(|w| MEASURES.contains(&w.as_str()));
            let up = lower.iter().skip(at).any(|w| UP.contains(&w.as_str()));
            let down = lower.iter().skip(at).any(|w| DOWN.contains(&w.as_str()));
            if !of_measures || up == down {
                continue;
            }
            let moved: Vec<&str> = moves
                .iter()
                .filter(|(_, change)| if up { *change > 0.0 } else { *change < 0.0 })
                .map(|(label, _)| label.as_str())
                .collect();
            if moved.len() * 2 > moves.len() {
                continue;
            }
            let trimmed = sentence.text.trim();
            let mut quote: String = trimmed.chars().take(90).collect();
            if trimmed.chars().count() > 90 {
                quote.push('…');
            }
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                None,
                format!(
                    "“{quote}” is not what the chart shows: only {} of its {} measures went {} ({}). Say which rose and which fell.",
                    moved.len(),
                    moves.len(),
                    if up { "up" } else { "down" },
                    moved.join(", ")
                ),
                None,
            ));
        }
    }
    out
}

/// Whether the text claims a majority of one of the chart's categories,
/// which the claim check weighs against the data: its "most" then has a
/// number behind it, on the chart.
pub fn claims_a_category_majority(chart: &ChartSpec, text: &str) -> bool {
    let Some(categories) = categories(chart) else {
        return false;
    };
    let all = words(text);
    majority_at(&all).is_some_and(|at| {
        categories
            .iter()
            .filter(|(label, _)| names_after(&all, at, label))
            .count()
            == 1
    })
}

/// The chart's categories when it shows one series of parts of a whole:
/// one value column, two or more rows, none negative.
fn categories(chart: &ChartSpec) -> Option<Vec<(String, f64)>> {
    if chart.data.series_names().len() != 1 || chart.portfolio.is_some() {
        return None;
    }
    let values: Vec<(usize, usize, f64)> = chart_values(chart).collect();
    if values.len() < 2 || values.iter().any(|(_, _, v)| *v < 0.0) {
        return None;
    }
    Some(
        values
            .into_iter()
            .filter_map(|(_, row, v)| {
                let label = chart.data.rows.get(row)?.label.trim().to_owned();
                (!label.is_empty()).then_some((label, v))
            })
            .collect(),
    )
}

/// Where a claim of a majority starts.
fn majority_at(all: &[Word<'_>]) -> Option<usize> {
    (0..all.len()).find(|&i| {
        MAJORITY.iter().any(|phrase| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, part)| all.get(i + k).is_some_and(|w| w.lower() == *part))
        }) && !(all[i].lower() == "most"
            && i.checked_sub(1)
                .is_some_and(|b| NOT_A_MAJORITY_BEFORE.contains(&all[b].lower().as_str())))
    })
}

fn label_words(label: &str) -> Vec<String> {
    words(label).iter().map(Word::lower).collect()
}

/// Whether the category's label is named, word for word, after the claim,
/// and no longer label holds it ("amber" is not "amber/red").
fn names_after(all: &[Word<'_>], from: usize, label: &str) -> bool {
    let parts = label_words(label);
    if parts.is_empty() {
        return false;
    }
    (from..all.len()).any(|i| {
        parts
            .iter()
            .enumerate()
            .all(|(k, part)| all.get(i + k).is_some_and(|w| w.lower() == *part))
    })
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    fn contradicts(draft: &str) -> bool {
        super::super::raises_on_draft(draft, "claim-contradicts-chart")
    }

    fn draft(claim: &str, rows: &str) -> String {
        format!(
            "# Traffic in September\n\n{claim}\n\n| Measure | September 2014 | September 2015 |\n|---|---|---|\n{rows}"
        )
    }

    const HALF_ROSE: &str = "| App page views | 5,123 | 21,818 |\n| App sessions | 1,537 | 4,367 |\n| App visitors | 1,067 | 799 |\n| Web visitors | 30,448 | 41,443 |\n| Web page views | 814,405 | 474,252 |\n| Pages per visit | almost 11 | 2.6 |\n";

    #[test]
    fn most_measures_up_when_only_half_rose_contradicts_the_chart() {
        assert!(contradicts(&draft(
            "Most of the traffic figures were higher this September than a year ago.",
            HALF_ROSE
        )));
    }

    #[test]
    fn a_true_majority_or_no_direction_is_no_contradiction() {
        let four_of_six = HALF_ROSE.replace("| 1,067 | 799 |", "| 1,067 | 1,799 |");
        assert!(!contradicts(&draft(
            "Most of the traffic figures were higher this September than a year ago.",
            &four_of_six
        )));
        assert!(!contradicts(&draft(
            "Most of the traffic figures come from the web analytics.",
            HALF_ROSE
        )));
    }
}
