//! The proof: one number or one attributed quote, complete, and agreeing
//! with the chart.

use super::super::claims::{
    chart_values, claims, facts, levels, shows_level, supports, title_direction,
};
use super::super::text::{
    has_digit, has_number, lower_words, mentions, sentences, MONTHS, PERIODS,
};
use super::{finding, info, Story};
use crate::chart_reading::{headline, read_chart, ChartReading};
use crate::coach::{Finding, Target};
use crate::{ChartSpec, Evidence};

pub fn evidence_missing(story: &Story<'_>) -> Vec<Finding> {
    let fields = story.fields;
    let text = fields.beats.evidence.trim();
    let number = match &fields.evidence {
        Evidence::Metric(metric) => has_digit(&metric.value),
        _ => false,
    } || has_number(text);
    let quote = match &fields.evidence {
        Evidence::Quote(quote) => !quote.text.trim().is_empty() && !quote.who.trim().is_empty(),
        _ => false,
    };
    // An empty beat with no metric or quote is already "beat-missing".
    let nothing_at_all = text.is_empty() && matches!(fields.evidence, Evidence::None);
    // Its only numbers count what the team did: "we shipped 400 features"
    // proves nothing.
    let numbered: Vec<&str> = sentences(text)
        .into_iter()
        .map(|s| s.text)
        .filter(|s| has_number(s))
        .collect();
    let metric = matches!(&fields.evidence, Evidence::Metric(m) if has_digit(&m.value));
    let activity_only = !metric
        && !numbered.is_empty()
        && numbered.iter().all(|s| super::wording::reports_activity(s));
    if (number && !activity_only) || quote || nothing_at_all {
        return Vec::new();
    }
    vec![finding(
        "evidence-missing",
        info("evidence-missing"),
        Some(Target::Evidence),
        "The evidence has no number and no attributed quote: give one metric with its baseline, or one customer quote with who said it.",
        None,
    )]
}

pub fn claim_contradicts_chart(story: &Story<'_>) -> Vec<Finding> {
    let Some(chart) = story.fields.chart.as_ref() else {
        return Vec::new();
    };
    let facts = facts(chart);
    if facts.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (target, text) in [
        (Target::Title, story.fields.title.as_str()),
        (Target::Evidence, story.fields.beats.evidence.as_str()),
    ] {
        for claim in claims(text) {
            if facts.iter().any(|fact| supports(fact, &claim)) {
                continue;
            }
            let closest = facts
                .iter()
                .min_by(|a, b| {
                    let distance = |v: f64| (v.abs() - claim.value).abs();
                    distance(a.value).total_cmp(&distance(b.value))
                })
                .map(|fact| fact.description.clone())
                .unwrap_or_default();
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(target),
                format!(
                    "“{}” is not what the chart shows (closest: {closest}): correct the number or the chart's data.",
                    claim.text
                ),
                Some(claim.span),
            ));
        }
    }
    let reading = read_chart(chart, &[&story.fields.title, &story.fields.beats.evidence]);
    out.extend(levels_the_chart_lacks(story, chart, reading.in_points));
    out.extend(direction_against_the_chart(story, chart, &reading));
    out
}

/// "Conversion rose to 11.4%" over a chart of shares whose values never
/// come near 11.4: the level is checked against every value, at the
/// claim's precision and the values' own rounding.
fn levels_the_chart_lacks(story: &Story<'_>, chart: &ChartSpec, shares: bool) -> Vec<Finding> {
    if !shares {
        return Vec::new();
    }
    let names = chart.data.series_names();
    let mut out = Vec::new();
    // The title only: the evidence names levels of other measures too
    // ("churn held at 3%" beside a conversion chart).
    for (target, text) in [(Target::Title, story.fields.title.as_str())] {
        for level in levels(text) {
            if shows_level(chart, &level) {
                continue;
            }
            let Some((series, row, value)) = chart_values(chart).min_by(|a, b| {
                (a.2 - level.value)
                    .abs()
                    .total_cmp(&(b.2 - level.value).abs())
            }) else {
                continue;
            };
            let name = names.get(series).map_or("", String::as_str);
            let label = chart.data.rows.get(row).map_or("", |r| r.label.trim());
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(target),
                format!(
                    "“{}” is not a level the chart shows: the closest is {name} at {value}% ({label}). Correct the number or the chart's data.",
                    level.text
                ),
                Some(level.span),
            ));
        }
    }
    out
}

/// "Net adds keep climbing" over a chart whose headline falls: the title's
/// one word of direction against the sign of the change the chart shows.
fn direction_against_the_chart(
    story: &Story<'_>,
    chart: &ChartSpec,
    reading: &ChartReading,
) -> Option<Finding> {
    let found = headline(chart, reading)?;
    let (way, word, span) = title_direction(&story.fields.title, reading.better)?;
    let names = chart.data.series_names();
    let name = |i: usize| names.get(i).map_or("", String::as_str);
    let label = |row: usize| chart.data.rows.get(row).map_or("", |r| r.label.trim());
    // A title's verb speaks of the measure's own course ("churn falls"),
    // not of its gap to a target or another line: on a line chart, the
    // highlighted series from its first value to its last.
    let (from, to, from_row, to_row, reference) = match (chart.kind, found.reference) {
        (crate::ChartKind::Line, Some(_)) => {
            let points: Vec<(usize, f64)> = chart
                .data
                .rows
                .iter()
                .enumerate()
                .filter_map(|(row, r)| Some((row, r.values.get(found.series).copied().flatten()?)))
                .filter(|(_, v)| v.is_finite())
                .collect();
            let (&(first_row, first), &(last_row, last)) = (points.first()?, points.last()?);
            (first, last, first_row, last_row, None)
        }
        _ => (
            found.from,
            found.to,
            found.from_row,
            found.to_row,
            found.reference,
        ),
    };
    let shown: i8 = if found.conversion || to == from {
        0
    } else if to > from {
        1
    } else {
        -1
    };
    if shown == 0 || shown == way {
        return None;
    }
    let truth = match reference {
        Some(reference) => format!(
            "{} is {} {} in {} ({} against {})",
            name(found.series),
            if shown > 0 { "above" } else { "below" },
            name(reference),
            label(to_row),
            to,
            from
        ),
        None => format!(
            "{} {} from {} to {} ({} to {})",
            name(found.series),
            if shown > 0 { "rises" } else { "falls" },
            from,
            to,
            label(from_row),
            label(to_row)
        ),
    };
    Some(finding(
        "claim-contradicts-chart",
        info("claim-contradicts-chart"),
        Some(Target::Title),
        format!(
            "“{word}” says {}, but the chart shows the opposite: {truth}. Correct the title or the chart's data.",
            if way > 0 { "up" } else { "down" }
        ),
        Some(span),
    ))
}

/// Besides month names and quarters ([`MONTHS`], [`PERIODS`]).
#[rustfmt::skip]
const WINDOW_SIGNS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "sprint", "since", "ytd", "mtd", "weekly", "monthly", "daily", "annual", "pilot", "cohort",
    "period", "window",
];
#[rustfmt::skip]
const COMPARISON_SIGNS: &[&str] = &[
    "vs", "versus", "against", "compared", "baseline", "before", "from", "than", "control",
    "without", "previous", "prior", "last", "up", "down", "rose", "fell", "grew", "dropped",
    "increase", "decrease", "benchmark", "target", "average",
];

pub fn metric_incomplete(story: &Story<'_>) -> Vec<Finding> {
    let fields = story.fields;
    let missing: Vec<&str> = match &fields.evidence {
        Evidence::Metric(metric) => {
            if !has_digit(&metric.value) {
                return Vec::new(); // evidence-missing, or the prose carries the number
            }
            let mut missing = Vec::new();
            if metric.unit.trim().is_empty() {
                missing.push("its unit");
            }
            if metric.window.trim().is_empty() {
                missing.push("a time window (e.g. “6 weeks, Oct–Nov”)");
            }
            if metric.baseline.trim().is_empty() {
                missing.push("a baseline or comparison (e.g. “vs 32% without”)");
            }
            missing
        }
        Evidence::Quote(quote) => {
            if quote.text.trim().is_empty() {
                return Vec::new();
            }
            let mut missing = Vec::new();
            if quote.who.trim().is_empty() {
                missing.push("who said it (role or segment)");
            }
            if quote.when.trim().is_empty() {
                missing.push("when it was said");
            }
            missing
        }
        Evidence::None => {
            let text = &fields.beats.evidence;
            if !has_digit(text) || !story.english {
                return Vec::new();
            }
            let words = lower_words(text);
            let mut missing = Vec::new();
            if ![WINDOW_SIGNS, MONTHS, PERIODS]
                .iter()
                .any(|signs| mentions(&words, signs))
            {
                missing.push("a time window");
            }
            if !mentions(&words, COMPARISON_SIGNS) && !text.contains("→") {
                missing.push("a baseline or comparison");
            }
            missing
        }
    };
    if missing.is_empty() {
        return Vec::new();
    }
    vec![finding(
        "metric-incomplete",
        info("metric-incomplete"),
        Some(Target::Evidence),
        format!("The evidence needs {}.", missing.join(" and ")),
        None,
    )]
}
