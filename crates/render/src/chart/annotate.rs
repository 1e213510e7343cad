//! Annotations computed from the data: the difference a chart exists to show.

use throughline_core::{ChartKind, ChartSpec};

use super::data::{compact, ChartData, Unit};
use super::wide::Wide;

/// The change from `from` to `to`, as a PM would say it: points for
/// percentages ("+9 pts"), otherwise the relative change ("+23%"), or the
/// plain difference when there is no base to compare with. Any finite
/// values give a finite label: changes too large to write plainly are in
/// scientific notation ("+3.6e308 pts").
pub fn delta_label(from: f64, to: f64, unit: &Unit) -> String {
    let delta = Wide::difference(from, to);
    if matches!(unit, Unit::Percent) {
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
/// the highlighted line and the others at the end, a line's growth, the
/// before/after difference, a funnel's overall conversion, a KPI's delta.
pub fn chart_annotation(spec: &ChartSpec) -> Option<String> {
    let data = ChartData::from_spec(spec);
    annotation(spec.kind, &data)
}

pub(crate) fn annotation(kind: ChartKind, data: &ChartData) -> Option<String> {
    let highlighted = data.highlighted()?;
    match kind {
        ChartKind::Line => {
            let (last_index, last) = highlighted.last()?;
            let others: Vec<f64> = data
                .series
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != data.highlight_series)
                .filter_map(|(_, s)| s.values.get(last_index).copied().flatten())
                .collect();
            if let Some(reference) = others.iter().copied().reduce(f64::max) {
                Some(delta_label(reference, last, &data.unit))
            } else {
                let (first_index, first) = highlighted.first()?;
                (first_index != last_index).then(|| delta_label(first, last, &data.unit))
            }
        }
        ChartKind::BeforeAfter | ChartKind::BigNumber => {
            let (first_index, first) = highlighted.first()?;
            let (last_index, last) = highlighted.last()?;
            (first_index != last_index).then(|| delta_label(first, last, &data.unit))
        }
        ChartKind::Funnel => {
            let (first_index, first) = highlighted.first()?;
            let (last_index, last) = highlighted.last()?;
            (first_index != last_index && first > 0.0).then(|| {
                let rate = Wide::new(last).over(first).times(100.0);
                format!("{}% convert end to end", rounded(rate))
            })
        }
        ChartKind::Bar | ChartKind::Bubble => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_change_in_points_and_others_relatively() {
        assert_eq!(delta_label(32.0, 41.0, &Unit::Percent), "+9 pts");
        assert_eq!(delta_label(34.5, 45.6, &Unit::Percent), "+11.1 pts");
        assert_eq!(delta_label(200.0, 150.0, &Unit::None), "−25%");
        assert_eq!(delta_label(0.0, 5.0, &Unit::None), "+5");
        assert_eq!(delta_label(10.0, 10.0, &Unit::None), "±0%");
    }

    #[test]
    fn changes_too_large_for_f64_are_written_not_infinite() {
        assert_eq!(
            delta_label(-f64::MAX, f64::MAX, &Unit::Percent),
            "+3.6e308 pts"
        );
        assert_eq!(delta_label(1.0, 1.6e308, &Unit::None), "+1.6e310%");
        assert_eq!(delta_label(1.7e308, -1.7e308, &Unit::None), "−200%");
        assert_eq!(delta_label(0.0, f64::MAX, &Unit::None), "+1.8e308");
        assert_eq!(delta_label(5e-324, 1e-323, &Unit::Percent), "+0 pts");
    }
}
