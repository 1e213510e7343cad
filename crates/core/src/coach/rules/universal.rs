//! "Growth stayed modest across all modes" over a table in which three
//! modes fell: a direction claimed for every row (or every series) is
//! checked against each of them, and the ones that went the other way
//! are named.

use super::super::claims::{measures_in_rows, names_a_period, newest_first, rounding_of};
use super::super::text::{lower_words, sentences};
use super::{finding, info, Place, Story};
use crate::coach::{Finding, Target};
use crate::ChartSpec;

/// Words that claim a rise, and words that claim a fall.
const UP: &[&str] = &[
    "grew",
    "growth",
    "growing",
    "rose",
    "increased",
    "increase",
    "increases",
    "up",
    "gained",
    "improved",
    "climbed",
];
const DOWN: &[&str] = &[
    "fell",
    "falling",
    "declined",
    "decline",
    "decreased",
    "decrease",
    "down",
    "dropped",
    "shrank",
    "lost",
];

/// Row labels that sum the others up: the total does not have to follow
/// each part.
const TOTALS: &[&str] = &["total", "totals", "overall", "all", "average", "sum"];

/// Every text a claim may sit in: the title, the beats, and the sections a
/// draft written elsewhere keeps under its own headings (no target: the
/// finding points at no field).
fn every_text<'a>(story: &Story<'a>) -> Vec<(Option<Target>, &'a str)> {
    let mut texts = vec![(Some(Target::Title), story.fields.title.as_str())];
    texts.extend(story.passages().into_iter().map(|passage| {
        let target = match passage.place {
            Place::Beat(target) => Some(target),
            Place::Section(_) => None,
        };
        (target, passage.text)
    }));
    texts
}

/// One item the claim speaks of ("Sounder", "EU") and how it moved.
struct Movement {
    name: String,
    change: f64,
}

pub fn every_item_against_the_chart(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let Some(movements) = movements(chart) else {
        return Vec::new();
    };
    let slack = 2.0 * rounding_of(chart);
    let mut out = Vec::new();
    for (target, text) in every_text(story) {
        for sentence in sentences(text) {
            let Some(up) = claims_every_item_moved(sentence.text) else {
                continue;
            };
            let against: Vec<&str> = movements
                .iter()
                .filter(|m| {
                    if up {
                        m.change < -slack
                    } else {
                        m.change > slack
                    }
                })
                .map(|m| m.name.as_str())
                .collect();
            if against.is_empty() {
                continue;
            }
            let went = if up { "fell" } else { "rose" };
            let quote = quote_of(sentence.text);
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                target,
                format!(
                    "“{quote}” claims every one moved the same way, but the chart shows {} {went}: name the ones that did, or say “overall”.",
                    join(&against)
                ),
                target.map(|_| [sentence.start, sentence.end]),
            ));
        }
    }
    out
}

/// Whether the sentence says every item moved one way ("across all
/// modes", "in every region", "all five teams grew"): `Some(true)` for a
/// rise, `Some(false)` for a fall. An exception ("all but one", "except",
/// "not across all") claims nothing of the kind.
fn claims_every_item_moved(sentence: &str) -> Option<bool> {
    let lower = lower_words(sentence);
    // ("In all, 500 were sold" sums up; it claims nothing of each.)
    let every = lower.windows(2).any(|w| {
        matches!(w[0].as_str(), "across" | "in" | "for")
            && matches!(w[1].as_str(), "all" | "every" | "each")
    }) && !sentence.to_lowercase().contains("in all,")
        || lower
            .windows(3)
            .any(|w| w[0] == "across" && w[1] == "the" && w[2] == "board");
    let excepted = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "except"
                | "but"
                | "not"
                | "apart"
                | "besides"
                | "excluding"
                | "other"
                | "almost"
                | "nearly"
                | "most"
        )
    });
    if !every || excepted {
        return None;
    }
    let up = lower.iter().any(|w| UP.contains(&w.as_str()));
    let down = lower.iter().any(|w| DOWN.contains(&w.as_str()));
    match (up, down) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// How each item moved: in a table of measures down the rows, each row
/// from its older period column to its newer one (the first two the
/// table names); in a chart of periods down the rows, each series from
/// its first value to its last. Totals are left out. None when the chart
/// has neither shape, or fewer than two items.
fn movements(chart: &ChartSpec) -> Option<Vec<Movement>> {
    let data = &chart.data;
    let is_total = |label: &str| {
        lower_words(label)
            .iter()
            .any(|w| TOTALS.contains(&w.as_str()))
    };
    let out: Vec<Movement> = if measures_in_rows(data) {
        let periods: Vec<usize> = data
            .series_names()
            .iter()
            .enumerate()
            .filter(|(_, name)| names_a_period(name))
            .map(|(column, _)| column)
            .take(2)
            .collect();
        let [first, second] = periods.as_slice() else {
            return None;
        };
        let names = [
            data.series_names()[*first].clone(),
            data.series_names()[*second].clone(),
        ];
        let (older, newer) = if newest_first(&names) {
            (*second, *first)
        } else {
            (*first, *second)
        };
        data.rows
            .iter()
            .filter(|row| !is_total(&row.label))
            .filter_map(|row| {
                let from = row.values.get(older).copied().flatten()?;
                let to = row.values.get(newer).copied().flatten()?;
                Some(Movement {
                    name: row.label.trim().to_owned(),
                    change: to - from,
                })
            })
            .collect()
    } else if data.rows.len() >= 2 && data.rows.iter().all(|row| names_a_period(&row.label)) {
        data.series_names()
            .iter()
            .enumerate()
            .filter(|(_, name)| !is_total(name))
            .filter_map(|(column, name)| {
                let values: Vec<f64> = data
                    .rows
                    .iter()
                    .filter_map(|row| row.values.get(column).copied().flatten())
                    .collect();
                let (from, to) = (values.first()?, values.last()?);
                (values.len() >= 2).then(|| Movement {
                    name: name.trim().to_owned(),
                    change: to - from,
                })
            })
            .collect()
    } else {
        return None;
    };
    (out.len() >= 2).then_some(out)
}

/// The sentence as the message quotes it: whole up to 90 characters, else
/// cut at a word and ended with "…".
fn quote_of(sentence: &str) -> String {
    let sentence = sentence.trim();
    if sentence.chars().count() <= 90 {
        return sentence.to_owned();
    }
    let head: String = sentence.chars().take(90).collect();
    let cut = head.rfind(' ').map_or(head.as_str(), |at| &head[..at]);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn join(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Words that set one series above another, and below.
const ABOVE: &[&str] = &[
    "above",
    "higher",
    "ahead",
    "exceeds",
    "outperforms",
    "beats",
];
const BELOW: &[&str] = &["below", "lower", "behind", "trails", "underperforms"];

/// Whether the word at `at` sets one series against another: a verb that
/// compares ("outperforms", "trails"), a comparative with its "than"
/// ("higher than"), or a place after a verb of being ("sits above", "is
/// behind"). ("The size under the old default" places nothing.)
fn compares_at(lower: &[String], at: usize) -> bool {
    let word = lower[at].as_str();
    let verb = matches!(
        word,
        "exceeds" | "outperforms" | "beats" | "trails" | "underperforms"
    );
    let than = matches!(word, "higher" | "lower") && lower.get(at + 1).is_some_and(|w| w == "than");
    let placed = matches!(word, "above" | "below" | "ahead" | "behind")
        && at
            .checked_sub(1)
            .and_then(|b| lower.get(b))
            .is_some_and(|b| {
                matches!(
                    b.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "sits"
                        | "sat"
                        | "stays"
                        | "stayed"
                        | "remains"
                        | "remained"
                        | "runs"
                        | "ran"
                        | "lies"
                        | "stands"
                        | "stood"
                        | "been"
                        | "well"
                        | "far"
                        | "just"
                        | "still"
                        | "always"
                        | "consistently"
                )
            });
    verb || than || placed
}

/// "The New Buffer curve sits above the Publish curve" over a table in
/// which New Buffer is lower at every row: one series set above (or
/// below) another, against the chart. Only a claim the data contradicts at
/// every row where both have a value is named; a mixed picture is left
/// to the reader.
pub fn series_against_series(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let data = &chart.data;
    let names: Vec<(usize, Vec<String>)> = data
        .series_names()
        .iter()
        .enumerate()
        .map(|(column, name)| {
            let bare = name.split('(').next().unwrap_or(name);
            (column, lower_words(bare))
        })
        .filter(|(_, words)| !words.is_empty())
        .collect();
    if names.len() < 2 {
        return Vec::new();
    }
    let slack = 2.0 * rounding_of(chart);
    let mut out = Vec::new();
    for (target, text) in every_text(story) {
        for sentence in sentences(text) {
            let lower = lower_words(sentence.text);
            let at = |words: &[String]| {
                (0..lower.len()).find(|&i| {
                    words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| lower.get(i + k) == Some(w))
                })
            };
            let found: Vec<(usize, usize)> = names
                .iter()
                .filter_map(|(column, words)| at(words).map(|i| (i, *column)))
                .collect();
            let [(first_at, first), (second_at, second)] = found.as_slice() else {
                continue;
            };
            let ((a_at, a), (b_at, b)) = if first_at < second_at {
                ((*first_at, *first), (*second_at, *second))
            } else {
                ((*second_at, *second), (*first_at, *first))
            };
            let compared = |words: &[&str]| {
                (a_at..b_at).any(|i| words.contains(&lower[i].as_str()) && compares_at(&lower, i))
            };
            let above = compared(ABOVE);
            let below = compared(BELOW);
            if above == below {
                continue;
            }
            let pairs: Vec<(f64, f64)> = data
                .rows
                .iter()
                .filter_map(|row| {
                    Some((
                        row.values.get(a).copied().flatten()?,
                        row.values.get(b).copied().flatten()?,
                    ))
                })
                .collect();
            if pairs.len() < 2 {
                continue;
            }
            let contradicted = pairs.iter().all(|(x, y)| {
                if above {
                    *x < *y - slack
                } else {
                    *x > *y + slack
                }
            });
            if !contradicted {
                continue;
            }
            let series = data.series_names();
            let (a_name, b_name) = (series[a].trim(), series[b].trim());
            let quote = quote_of(sentence.text);
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                target,
                format!(
                    "“{quote}” is not what the chart shows: {a_name} is {} {b_name} at every point. Correct the sentence or the chart's data.",
                    if above { "below" } else { "above" }
                ),
                target.map(|_| [sentence.start, sentence.end]),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_about_every_item_is_read_with_its_direction() {
        assert_eq!(
            claims_every_item_moved("Growth stayed modest across all modes."),
            Some(true)
        );
        assert_eq!(
            claims_every_item_moved("Sales fell in every region."),
            Some(false)
        );
        assert_eq!(
            claims_every_item_moved("Sales grew in all regions but one."),
            None
        );
        assert_eq!(claims_every_item_moved("Sales grew in most regions."), None);
        assert_eq!(claims_every_item_moved("Sales grew in the EU."), None);
        assert_eq!(claims_every_item_moved("In all, sales grew 4%."), None);
    }
}
