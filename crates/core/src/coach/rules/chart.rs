//! The chart: a takeaway title, alt text, one highlighted series, few series.

use super::super::text::words;
use super::title::is_action_title;
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::ChartKind;

use crate::chart::READABLE_SERIES as MAX_SERIES;

pub fn chart_rules(story: &Story<'_>) -> Vec<Finding> {
    let Some(chart) = story.fields.chart.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let title = chart.title.trim();
    // An untitled chart sits under the update's own title, which the title
    // rules judge; a title that only names the data is what misleads.
    if !title.is_empty() && story.english && !is_action_title(title) {
        out.push(finding(
            "chart-no-takeaway-title",
            info("chart-no-takeaway-title"),
            Some(Target::Chart),
            "The chart's title names the data; make it state the takeaway (“Activation rose 9 points with the checklist”).",
            None,
        ));
    }
    if chart.alt.trim().is_empty() {
        out.push(finding(
            "chart-no-alt-text",
            info("chart-no-alt-text"),
            Some(Target::Chart),
            "Add alt text: one sentence on what the chart shows, for screen readers and the Markdown export.",
            None,
        ));
    }
    let series = chart.data.series_names().len();
    let multi_series_kind = matches!(chart.kind, ChartKind::Line | ChartKind::Bar);
    if multi_series_kind && series > MAX_SERIES {
        out.push(finding(
            "chart-too-many-series",
            info("chart-too-many-series"),
            Some(Target::Chart),
            format!("{series} series is too many to read: keep the one that matters and at most {MAX_SERIES} in all."),
            None,
        ));
    }
    let highlighted = chart
        .highlight
        .as_deref()
        .is_some_and(|h| !words(h).is_empty());
    if multi_series_kind && series >= 2 && !highlighted {
        out.push(finding(
            "chart-no-highlight",
            info("chart-no-highlight"),
            Some(Target::Chart),
            "Choose the series the story is about as the highlight: it is drawn in the accent colour, the rest in grey.",
            None,
        ));
    }
    out
}
