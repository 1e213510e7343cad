//! The proof: one number or one attributed quote, complete, and agreeing
//! with the chart.

use super::super::claims::{claims, facts, supports};
use super::super::text::{has_digit, has_number, lower_words, mentions, MONTHS, PERIODS};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::Evidence;

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
    if number || quote || nothing_at_all {
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
    out
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
