//! Is the difference real? Two groups with their rates and sizes — a pilot
//! and its control, A and B, before and after — give the difference's 95 %
//! interval (Newcombe's hybrid score method, [`crate::stats`]); an interval
//! that holds zero is a difference the data cannot tell from noise.

use super::super::claims::{parse_number, sign_of};
use super::super::text::words;
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::stats::{difference_interval, Group, Interval};
use crate::{Evidence, UpdateFields};

/// Two groups as the update states them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub first: Group,
    pub second: Group,
}

/// The first percentage written in a text ("9.1% in control" → 0.091).
fn first_share(text: &str) -> Option<f64> {
    let chars: Vec<char> = text.chars().collect();
    words(text).into_iter().find_map(|word| {
        let value = parse_number(word.text)?;
        (chars.get(word.end) == Some(&'%') && (0.0..=100.0).contains(&value))
            .then_some(value / 100.0)
    })
}

/// Each group's size from a `sample` of two ("1420, 1410", "1,420 / 1,410").
fn two_sizes(sample: &str) -> Option<(f64, f64)> {
    let sizes: Vec<f64> = sample
        .split([';', '/', '|'])
        .flat_map(|part| part.split(", "))
        .filter_map(|part| parse_number(part.split_whitespace().next()?))
        .collect();
    match sizes.as_slice() {
        [a, b] if *a >= 1.0 && *b >= 1.0 => Some((*a, *b)),
        _ => None,
    }
}

/// "10.4% of 1,420 trials … 9.1% of 1,410": rates with their group sizes,
/// in the order written.
fn groups_in_text(text: &str) -> Vec<Group> {
    let all = words(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (index, word) in all.iter().enumerate() {
        let Some(rate) = parse_number(word.text) else {
            continue;
        };
        if chars.get(word.end) != Some(&'%') || !(0.0..=100.0).contains(&rate) {
            continue;
        }
        let of = all.get(index + 1).is_some_and(|w| w.lower() == "of");
        if let (true, Some(size)) = (of, all.get(index + 2).and_then(|w| parse_number(w.text))) {
            if size >= 1.0 {
                out.push(Group {
                    rate: rate / 100.0,
                    size,
                });
            }
        }
    }
    out
}

/// The two groups the evidence compares, with their sizes, if it gives
/// them: the metric's value and baseline with a `sample` of two, else two
/// "x% of n" in the evidence's text.
pub fn comparison(fields: &UpdateFields) -> Option<Comparison> {
    if let Evidence::Metric(metric) = &fields.evidence {
        if let (Some(first), Some(second), Some((n1, n2))) = (
            first_share(&metric.value),
            first_share(&metric.baseline),
            two_sizes(&metric.sample),
        ) {
            return Some(Comparison {
                first: Group {
                    rate: first,
                    size: n1,
                },
                second: Group {
                    rate: second,
                    size: n2,
                },
            });
        }
    }
    match groups_in_text(&fields.beats.evidence).as_slice() {
        [first, second, ..] => Some(Comparison {
            first: *first,
            second: *second,
        }),
        _ => None,
    }
}

/// A difference of rates (0–1) in points, to one decimal: "+1.3", "+2.0".
fn points(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 10.0;
    format!("{}{:.1}", sign_of(rounded), rounded.abs())
}

/// A group's size with its thousands grouped: "14,200".
fn grouped(size: f64) -> String {
    let digits = format!("{:.0}", size.round());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn share(group: Group) -> String {
    let percent = (group.rate * 1000.0).round() / 10.0;
    format!("{percent}% of {}", grouped(group.size))
}

/// The interval as the coach and the slide say it.
pub fn interval_statement(comparison: &Comparison, interval: &Interval) -> String {
    format!(
        "95% interval {} to {} points ({} against {})",
        points(interval.low),
        points(interval.high),
        share(comparison.first),
        share(comparison.second)
    )
}

/// The slide's small print under the evidence, when the update compares
/// two groups with their sizes: the difference's 95 % interval, and
/// whether it could be noise. The coach and the slide say it alike.
pub fn slide_note(fields: &UpdateFields) -> Option<String> {
    let comparison = comparison(fields)?;
    let interval = difference_interval(comparison.first, comparison.second)?;
    let verdict = if interval.spans_zero() {
        "could be noise"
    } else {
        "not noise"
    };
    Some(format!(
        "Difference {} points, {verdict}: {}",
        points(comparison.first.rate - comparison.second.rate),
        interval_statement(&comparison, &interval)
    ))
}

pub fn difference_within_noise(story: &Story<'_>) -> Option<Finding> {
    let comparison = comparison(story.fields)?;
    let interval = difference_interval(comparison.first, comparison.second)?;
    if !interval.spans_zero() {
        return None;
    }
    let difference = comparison.first.rate - comparison.second.rate;
    Some(finding(
        "difference-within-noise",
        info("difference-within-noise"),
        Some(Target::Evidence),
        format!(
            "The {}-point difference could be noise: {}. Run it longer or on more users, or say it is not yet significant.",
            points(difference).trim_start_matches('+'),
            interval_statement(&comparison, &interval)
        ),
        None,
    ))
}

/// Words that name one of two groups in a sentence of results.
const GROUP_WORDS: &[&str] = &[
    "control",
    "variant",
    "variation",
    "treatment",
    "holdout",
    "cohort",
    "arm",
    "group",
    "pilot",
];

/// A sentence of the evidence giving two rates, one of them a group's:
/// "opened by 19.9% of recipients against 20.4% for the control".
fn compares_two_groups_in_prose(text: &str) -> bool {
    super::super::text::sentences(text).iter().any(|sentence| {
        let chars: Vec<char> = sentence.text.chars().collect();
        let all = words(sentence.text);
        let shares = all
            .iter()
            .filter(|w| parse_number(w.text).is_some() && chars.get(w.end) == Some(&'%'))
            .count();
        shares >= 2
            && all
                .iter()
                .any(|w| GROUP_WORDS.contains(&w.lower().trim_end_matches('s')))
    })
}

/// Whether the text gives how many were in the groups: a count of 20 or
/// more that is not a share, a year, or a size someone needed ("needed a
/// sample of 42,595" is a target, not the groups).
fn states_sizes(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let all = words(text);
    all.iter().enumerate().any(|(i, word)| {
        let Some(value) = parse_number(word.text) else {
            return false;
        };
        let share = chars.get(word.end) == Some(&'%');
        let year = !word.text.contains(',') && (1900.0..=2100.0).contains(&value);
        let needed = all[i.saturating_sub(5)..i].iter().any(|w| {
            matches!(
                w.lower().as_str(),
                "needed" | "need" | "needs" | "required" | "requires" | "require" | "target"
            )
        });
        value >= 20.0 && !share && !year && !needed
    })
}

/// A baseline taken from another group: a control, a holdout, "without",
/// "before", "vs" — what a sample size would be asked of.
fn names_a_group(baseline: &str) -> bool {
    const GROUPS: [&str; 9] = [
        "without", "with", "vs", "versus", "group", "arm", "variant", "cohort", "old",
    ];
    crate::chart_reading::is_comparison(baseline)
        || words(baseline)
            .iter()
            .any(|word| GROUPS.contains(&word.lower().as_str()))
}

pub fn sample_size_missing(story: &Story<'_>) -> Option<Finding> {
    let missing = match &story.fields.evidence {
        Evidence::Metric(metric) => {
            let two_rates =
                first_share(&metric.value).is_some() && first_share(&metric.baseline).is_some();
            // Groups, not a level against a norm ("99% against 99.999% on a normal day").
            two_rates && names_a_group(&metric.baseline) && metric.sample.trim().is_empty()
        }
        Evidence::Quote(_) => false,
        Evidence::None => {
            let text = &story.fields.beats.evidence;
            compares_two_groups_in_prose(text) && !states_sizes(text)
        }
    };
    if !missing || comparison(story.fields).is_some() {
        return None;
    }
    Some(finding(
        "sample-size-missing",
        info("sample-size-missing"),
        Some(Target::Evidence),
        "Say how many were in each group (sample: 1420, 1410): without the sizes nobody can tell whether the difference is real.",
        None,
    ))
}
