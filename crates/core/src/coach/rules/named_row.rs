//! "PR gate cut from about 12 minutes to about 5" over a table of job
//! times whose "gate (wall clock)" row went from 12 to 6.37 minutes: a
//! title that names one row of the chart and gives it a course "from A to
//! B" is held to that row, first value to last, at the title's own
//! precision. Any other row's 5.05 does not make it true.
//!
//! Only when exactly one row is named (by a word of four letters or more
//! that no other row has), and only in the chart's own unit: a share in a
//! share chart, a time in a chart of times.

use super::super::claims::{parse_number, rounding_of};
use super::super::text::{words, Word};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::ChartSpec;

/// Words before a number that only soften it.
const ROUGHLY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "~",
];

pub fn named_row_course_against_the_chart(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    let title = story.fields.title.as_str();
    let Some(unit) = chart.unit.as_deref().and_then(unit_words) else {
        return Vec::new();
    };
    let Some(row) = the_row_named(title, chart) else {
        return Vec::new();
    };
    let values: Vec<f64> = chart.data.rows[row]
        .values
        .iter()
        .flatten()
        .copied()
        .collect();
    let (Some(&first), Some(&last)) = (values.first(), values.last()) else {
        return Vec::new();
    };
    if values.len() < 2 {
        return Vec::new();
    }
    let Some(course) = from_to(title, unit) else {
        return Vec::new();
    };
    let rounding = rounding_of(chart);
    let holds = |claimed: f64, decimals: usize, actual: f64| {
        (claimed - actual).abs() <= 0.5 * 10f64.powi(-(decimals as i32)) + rounding + 1e-9
    };
    if holds(course.from, course.from_decimals, first) && holds(course.to, course.to_decimals, last)
    {
        return Vec::new();
    }
    let label = chart.data.rows[row].label.trim();
    let shown_unit = chart.unit.as_deref().unwrap_or_default();
    vec![finding(
        "claim-contradicts-chart",
        info("claim-contradicts-chart"),
        Some(Target::Title),
        format!(
            "“{}” is not what the chart shows for {label}: it went from {first} to {last} {shown_unit}. Correct the number or the chart's data.",
            course.text
        ),
        Some(course.span),
    )]
}

/// The words a chart's unit is written with in prose.
fn unit_words(unit: &str) -> Option<&'static [&'static str]> {
    Some(match unit.trim().to_lowercase().as_str() {
        "min" | "mins" | "minutes" => &["minutes", "minute", "min", "mins"],
        "s" | "sec" | "secs" | "seconds" => &["seconds", "second", "s", "sec", "secs"],
        "h" | "hours" | "hrs" => &["hours", "hour", "h", "hrs"],
        "ms" => &["ms", "milliseconds"],
        "days" => &["days", "day"],
        "%" => &["%", "percent"],
        _ => return None,
    })
}

/// The one row whose name the title uses: a word of four letters or more
/// that is in that row's label and in no other.
fn the_row_named(title: &str, chart: &ChartSpec) -> Option<usize> {
    let labels: Vec<&str> = chart.data.rows.iter().map(|r| r.label.as_str()).collect();
    match crate::chart_reading::rows_named_in(title, &labels).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A course claimed: "from about 12 minutes to about 5".
struct Course {
    from: f64,
    from_decimals: usize,
    to: f64,
    to_decimals: usize,
    text: String,
    span: [usize; 2],
}

fn from_to(title: &str, unit: &[&str]) -> Option<Course> {
    let all: Vec<Word<'_>> = words(title);
    let chars: Vec<char> = title.chars().collect();
    let lower: Vec<String> = all.iter().map(Word::lower).collect();
    let number_at = |mut at: usize| -> Option<(usize, f64, usize)> {
        while lower.get(at).is_some_and(|w| ROUGHLY.contains(&w.as_str())) {
            at += 1;
        }
        let word = all.get(at)?;
        let value = parse_number(word.text.trim_start_matches('~'))?;
        let decimals = word.text.split('.').nth(1).map_or(0, str::len);
        Some((at, value, decimals))
    };
    // The unit right after a number ("12 minutes", "12%"), if any.
    let unit_after = |at: usize| {
        chars.get(all[at].end) == Some(&'%') && unit.contains(&"%")
            || lower
                .get(at + 1)
                .is_some_and(|w| unit.contains(&w.as_str()))
    };
    let start = lower.iter().position(|w| w == "from")?;
    let (from_at, from, from_decimals) = number_at(start + 1)?;
    let to_word = from_at
        + 1
        + usize::from(
            lower
                .get(from_at + 1)
                .is_some_and(|w| unit.contains(&w.as_str())),
        );
    if lower.get(to_word).map(String::as_str) != Some("to") {
        return None;
    }
    let (to_at, to, to_decimals) = number_at(to_word + 1)?;
    // The chart's unit must be said at least once.
    if !unit_after(from_at) && !unit_after(to_at) {
        return None;
    }
    let end = if unit_after(to_at) && chars.get(all[to_at].end) != Some(&'%') {
        all[to_at + 1].end
    } else {
        all[to_at].end + usize::from(chars.get(all[to_at].end) == Some(&'%'))
    };
    let span = [all[start].start, end];
    Some(Course {
        from,
        from_decimals,
        to,
        to_decimals,
        text: chars[span[0]..span[1]].iter().collect(),
        span,
    })
}

#[cfg(test)]
mod tests {
    fn contradicts(title: &str) -> bool {
        let draft = format!(
            "# {title}\n\n## Evidence\n\nMeasured on the last run.\n\n| job | before | after |\n|---|---|---|\n| Run Tests | 11.5 min | 5m 03s |\n| Lint | 8.9 min | 4m 03s |\n| gate (wall clock) | ~12 min | 6m 22s |\n"
        );
        super::super::raises_on_draft(&draft, "claim-contradicts-chart")
    }

    #[test]
    fn a_course_for_the_row_the_title_names_is_held_to_that_row() {
        // 5 is Run Tests' time, not the gate's 6.37.
        assert!(contradicts("PR gate cut from about 12 minutes to about 5"));
        assert!(!contradicts("PR gate cut from about 12 minutes to about 6"));
        assert!(!contradicts("PR gate cut from 12 minutes to 6.4"));
    }

    #[test]
    fn no_row_named_or_another_unit_is_not_checked() {
        // "jobs" names no row: nothing to hold the course to.
        assert!(!contradicts("CI jobs cut from about 12 minutes to about 5"));
        assert!(!contradicts("PR gate cut from 12 engineers to 5"));
    }
}
