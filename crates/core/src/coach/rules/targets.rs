//! A title that states the goal as reached: "60% of delivery trucks run on
//! electricity" over a table whose 60% is the "Medium-duty goal" and whose
//! current value is 0.45%. The figure is in the chart, so no level check
//! objects; but the only place it appears is a target, and the chart's
//! actual value is far from it.
//!
//! Only a share the title states plainly (no "goal", "target" or "aim" in
//! the title itself) and only when every chart value matching it is named
//! as a target, plan, budget or forecast while another value is not.

use super::super::claims::{chart_values, rounding_of};
use super::super::text::{lower_words, words};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::ChartSpec;

/// Words that name a value as aimed at rather than reached.
const AIMED: &[&str] = &[
    "goal",
    "goals",
    "target",
    "targets",
    "aim",
    "plan",
    "planned",
    "budget",
    "budgeted",
    "forecast",
    "projected",
    "projection",
    "ambition",
    "objective",
];

pub fn target_stated_as_reached(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let title = story.fields.title.as_str();
    if lower_words(title)
        .iter()
        .any(|w| AIMED.contains(&w.as_str()))
    {
        return Vec::new();
    }
    let names = chart.data.series_names();
    // A value's name: its row, and its series when there are several.
    let label_of = |series: usize, row: usize| {
        let row_label = chart.data.rows.get(row).map_or("", |r| r.label.trim());
        let series_name = names.get(series).map_or("", |n| n.trim());
        if names.len() > 1 {
            format!("{row_label} ({series_name})")
        } else {
            row_label.to_owned()
        }
    };
    let aimed = |series: usize, row: usize| {
        lower_words(&label_of(series, row))
            .iter()
            .any(|w| AIMED.contains(&w.as_str()))
    };
    let rounding = rounding_of(chart);
    let mut out = Vec::new();
    for (value, decimals, span) in shares_in(title) {
        let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + rounding + 1e-9;
        let matches: Vec<(usize, usize)> = chart_values(chart)
            .filter(|(_, _, v)| (v - value).abs() <= tolerance)
            .map(|(series, row, _)| (series, row))
            .collect();
        let reached: Vec<(usize, usize, f64)> = chart_values(chart)
            .filter(|(series, row, _)| !aimed(*series, *row))
            .collect();
        let all_aimed = !matches.is_empty() && matches.iter().all(|&(s, r)| aimed(s, r));
        let Some(&(series, row, actual)) = reached.first() else {
            continue;
        };
        if !all_aimed || (actual - value).abs() <= tolerance {
            continue;
        }
        let (goal_series, goal_row) = matches[0];
        out.push(finding(
            "claim-contradicts-chart",
            info("claim-contradicts-chart"),
            Some(Target::Title),
            format!(
                "“{value}%” is what the chart names as {}, not a level reached: {} is {actual}%. Say the goal as a goal, or state the level reached.",
                label_of(goal_series, goal_row),
                label_of(series, row)
            ),
            Some(span),
        ));
    }
    out
}

/// The shares a text states ("60%", "12.5 percent"): value, decimals and
/// span in chars.
fn shares_in(text: &str) -> Vec<(f64, usize, [usize; 2])> {
    let all = words(text);
    let chars: Vec<char> = text.chars().collect();
    all.iter()
        .enumerate()
        .filter_map(|(at, word)| {
            let value = super::super::claims::parse_number(word.text)?;
            let end = if chars.get(word.end) == Some(&'%') {
                word.end + 1
            } else if all
                .get(at + 1)
                .is_some_and(|next| matches!(next.lower().as_str(), "percent" | "per"))
            {
                all[at + 1].end
            } else {
                return None;
            };
            let decimals = word.text.split('.').nth(1).map_or(0, str::len);
            Some((value, decimals, [word.start, end]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    fn contradicts(draft: &str) -> bool {
        super::super::raises_on_draft(draft, "claim-contradicts-chart")
    }

    const TABLE: &str =
        "**Progress to target**\n\n| Measure | Value |\n|---|---|\n| Current value | 0.45% |\n| Medium-duty goal | 60% |\n";

    #[test]
    fn a_title_stating_the_goal_as_reached_contradicts_the_chart() {
        let draft =
            format!("# 60% of delivery trucks run on electricity\n\nFleets are moving.\n\n{TABLE}");
        assert!(contradicts(&draft));
    }

    #[test]
    fn a_goal_said_as_a_goal_or_a_level_reached_is_no_contradiction() {
        let as_goal =
            format!("# Our goal: 60% of delivery trucks electric\n\nFleets are moving.\n\n{TABLE}");
        assert!(!contradicts(&as_goal));
        let reached = "# 60% of delivery trucks run on electricity\n\nFleets are moving.\n\n| Measure | Value |\n|---|---|\n| Current value | 60% |\n| Medium-duty goal | 60% |\n";
        assert!(!contradicts(reached));
        let no_goal = "# 60% of delivery trucks run on electricity\n\nFleets are moving.\n\n| Measure | Value |\n|---|---|\n| Vans | 60% |\n| Trucks | 0.45% |\n";
        assert!(!contradicts(no_goal));
    }
}
