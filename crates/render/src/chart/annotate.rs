//! Annotations computed from the data: the difference a chart exists to show.

use throughline_core::{ChartKind, ChartSpec};

use super::data::{compact, ChartData, Unit};

/// The change from `from` to `to`, as a PM would say it: points for
/// percentages ("+9 pts"), otherwise the relative change ("+23%"), or the
/// plain difference when there is no base to compare with.
pub fn delta_label(from: f64, to: f64, unit: &Unit) -> String {
    let sign = |v: f64| {
        if v > 0.0 {
            "+"
        } else if v < 0.0 {
            "−"
        } else {
            "±"
        }
    };
    if matches!(unit, Unit::Percent) {
        let delta = to - from;
        return format!("{}{} pts", sign(delta), compact(round1(delta.abs())));
    }
    if from.abs() > f64::EPSILON {
        let relative = (to - from) / from.abs() * 100.0;
        return format!("{}{}%", sign(relative), compact(round1(relative.abs())));
    }
    let delta = to - from;
    format!("{}{}", sign(delta), compact(delta.abs()))
}

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
                format!(
                    "{}% convert end to end",
                    compact(round1(last / first * 100.0))
                )
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
}
