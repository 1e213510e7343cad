//! Annotations computed from the data: the difference a chart exists to show.

use throughline_core::chart_reading::{Better, ChartReading};
use throughline_core::ChartSpec;

use super::data::{compact, ChartData, Unit};
use super::wide::Wide;

/// The headline a chart carries: the change it exists to show, what the
/// change is between, and whether it is good news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// The signed change: "+1.3 pts", "−25%", "12%".
    pub change: String,
    /// What the change is: "Pilot vs Control, W6", "W1 to W6",
    /// "convert end to end".
    pub about: String,
    /// Whether the change goes the better way (`None`: no change, or no
    /// way is better).
    pub good: Option<bool>,
}

impl Annotation {
    /// The whole statement, as one line: "+1.3 pts · Pilot vs Control, W6".
    pub fn statement(&self) -> String {
        format!("{} · {}", self.change, self.about)
    }

    fn change(from: f64, to: f64, data: &ChartData, about: String) -> Self {
        Self {
            change: delta_label(from, to, data.in_points, &data.unit),
            about,
            good: is_good(from, to, data.better),
        }
    }
}

/// Whether going from `from` to `to` is good news (`None`: no change).
pub(crate) fn is_good(from: f64, to: f64, better: Better) -> Option<bool> {
    match (Wide::difference(from, to).signum(), better) {
        (0, _) => None,
        (direction, Better::Up) => Some(direction > 0),
        (direction, Better::Down) => Some(direction < 0),
    }
}

/// The change from `from` to `to`, as a PM would say it: points for
/// percentages and other values read in points ("+9 pts"), otherwise the
/// relative change ("+23%"), or the plain difference when there is no
/// base to compare with. Any finite values give a finite label: changes
/// too large to write plainly are in scientific notation ("+3.6e308 pts").
pub fn delta_label(from: f64, to: f64, in_points: bool, unit: &Unit) -> String {
    let delta = Wide::difference(from, to);
    if in_points || matches!(unit, Unit::Percent) {
        return format!("{}{} pts", sign(delta), rounded(delta.abs()));
    }
    if from.abs() > f64::EPSILON {
        let relative = delta.over(from.abs()).times(100.0);
        return format!("{}{}%", sign(relative), rounded(relative.abs()));
    }
    format!("{}{}", sign(delta), written(delta.abs()))
}

fn sign(value: Wide) -> &'static str {
    match value.signum() {
        1 => "+",
        -1 => "−",
        _ => "±",
    }
}

/// Compact to one decimal, or scientific when too large to write plainly.
fn rounded(value: Wide) -> String {
    match value.plain() {
        Some(plain) => compact(round1(plain)),
        None => value.scientific(),
    }
}

/// Compact, or scientific when too large to write plainly.
fn written(value: Wide) -> String {
    match value.plain() {
        Some(plain) => compact(plain),
        None => value.scientific(),
    }
}

/// Rounded to one decimal; `plain` values (below 1e15) cannot overflow.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The chart's headline annotation, if its kind has one: the gap between
/// the highlighted series and its comparison at the end (lines, grouped
/// bars), a line's change from first to last, the before/after
/// difference, a funnel's overall conversion, a KPI's delta.
pub fn chart_annotation(spec: &ChartSpec, reading: &ChartReading) -> Option<Annotation> {
    annotation(&ChartData::from_spec(spec, reading))
}

pub(crate) fn annotation(data: &ChartData) -> Option<Annotation> {
    let found = data.headline?;
    let name = |index: usize| data.series.get(index).map_or("", |s| s.name.as_str());
    let label = |row: usize| data.labels.get(row).map_or("", String::as_str);
    if found.conversion {
        let rate = Wide::new(found.to).over(found.from).times(100.0);
        return Some(Annotation {
            change: format!("{}%", rounded(rate)),
            about: format!("{}, end to end", span(data, found.from_row, found.to_row)),
            good: None,
        });
    }
    let about = match found.reference {
        Some(reference) if found.across_rows => format!(
            "{} vs {}, {}",
            name(found.series),
            name(reference),
            all_of(&data.rows_name)
        ),
        Some(reference) => format!(
            "{} vs {}, {}",
            name(found.series),
            name(reference),
            label(found.to_row)
        ),
        None => span(data, found.from_row, found.to_row),
    };
    Some(Annotation::change(found.from, found.to, data, about))
}

/// A headline summed over every row: "all regions" when the rows are
/// named in one word ("Region"), else "in total".
fn all_of(rows_name: &str) -> String {
    let name = rows_name.trim().to_lowercase();
    let one_word = !name.is_empty() && name.chars().all(char::is_alphabetic);
    if !one_word {
        return "in total".to_owned();
    }
    let plural = if name.ends_with('s')
        || name.ends_with('x')
        || name.ends_with("ch")
        || name.ends_with("sh")
    {
        if name.ends_with("ss") || !name.ends_with('s') {
            format!("{name}es")
        } else {
            name
        }
    } else if let Some(stem) = name
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{name}s")
    };
    format!("all {plural}")
}

/// "W1 to W6".
fn span(data: &ChartData, from: usize, to: usize) -> String {
    format!("{} to {}", data.labels[from], data.labels[to])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_change_in_points_and_others_relatively() {
        assert_eq!(delta_label(32.0, 41.0, false, &Unit::Percent), "+9 pts");
        assert_eq!(delta_label(34.5, 45.6, false, &Unit::Percent), "+11.1 pts");
        assert_eq!(delta_label(200.0, 150.0, false, &Unit::None), "−25%");
        assert_eq!(delta_label(0.0, 5.0, false, &Unit::None), "+5");
        assert_eq!(delta_label(10.0, 10.0, false, &Unit::None), "±0%");
    }

    #[test]
    fn changes_too_large_for_f64_are_written_not_infinite() {
        assert_eq!(
            delta_label(-f64::MAX, f64::MAX, false, &Unit::Percent),
            "+3.6e308 pts"
        );
        assert_eq!(delta_label(1.0, 1.6e308, false, &Unit::None), "+1.6e310%");
        assert_eq!(delta_label(1.7e308, -1.7e308, false, &Unit::None), "−200%");
        assert_eq!(delta_label(0.0, f64::MAX, false, &Unit::None), "+1.8e308");
        assert_eq!(delta_label(5e-324, 1e-323, false, &Unit::Percent), "+0 pts");
    }
}
