//! Each kill criterion judged against the readings: triggered, at risk
//! (within the margin, or trending to cross before its date), on track, or
//! no data yet — with the reading and date that decided it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::KillCriterion;
use super::readings::Reading;
use crate::CivilDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionStatus {
    OnTrack,
    AtRisk,
    Triggered,
    NoData,
}

impl CriterionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionStatus::OnTrack => "on-track",
            CriterionStatus::AtRisk => "at-risk",
            CriterionStatus::Triggered => "triggered",
            CriterionStatus::NoData => "no-data",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub status: CriterionStatus,
    /// The reading that decided it (the latest one).
    pub reading: Option<f64>,
    #[ts(as = "Option<String>")]
    pub date: Option<CivilDate>,
    /// Why, in a sentence.
    pub reason: String,
}

/// Judges one criterion by the readings of its metric (matched by name,
/// ignoring case and surrounding spaces).
pub fn evaluate(criterion: &KillCriterion, readings: &[Reading]) -> Evaluation {
    let wanted = criterion.metric.trim().to_lowercase();
    let mut own: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.metric.trim().to_lowercase() == wanted && r.value.is_finite())
        .collect();
    own.sort_by_key(|r| r.date);
    let Some(latest) = own.last() else {
        return Evaluation {
            status: CriterionStatus::NoData,
            reading: None,
            date: None,
            reason: format!("no reading of {} yet", criterion.metric.trim()),
        };
    };
    let decided = |status: CriterionStatus, reason: String| Evaluation {
        status,
        reading: Some(latest.value),
        date: Some(latest.date),
        reason,
    };
    let comparator = criterion.comparator;
    let threshold = criterion.threshold;
    if comparator.triggers(latest.value, threshold) {
        return decided(
            CriterionStatus::Triggered,
            format!(
                "{} on {} meets the stop condition ({} {}): {}",
                latest.value,
                latest.date,
                comparator.symbol(),
                threshold,
                criterion.action.describe()
            ),
        );
    }
    // How far the reading is from triggering, in the threshold's unit.
    let distance = (threshold - latest.value) * comparator.direction();
    if distance <= criterion.margin {
        return decided(
            CriterionStatus::AtRisk,
            format!(
                "{} on {} is within {} of the threshold {}",
                latest.value, latest.date, criterion.margin, threshold
            ),
        );
    }
    if let Some(projected) = projection(&own, &criterion.by) {
        if comparator.triggers(projected, threshold) {
            return decided(
                CriterionStatus::AtRisk,
                format!(
                    "the trend of the last two readings reaches {projected:.1} by {}, past the threshold {threshold}",
                    criterion.by.trim()
                ),
            );
        }
    }
    decided(
        CriterionStatus::OnTrack,
        format!(
            "{} on {} is clear of the threshold {threshold}",
            latest.value, latest.date
        ),
    )
}

/// The value on the decision date if the last two readings' straight line
/// goes on; `None` without two dated readings or when the date has passed.
fn projection(readings: &[&Reading], by: &str) -> Option<f64> {
    let by: CivilDate = by.trim().parse().ok()?;
    let [.., before, last] = readings else {
        return None;
    };
    let span = last.date.days_since_epoch() - before.date.days_since_epoch();
    let ahead = by.days_since_epoch() - last.date.days_since_epoch();
    if span <= 0 || ahead <= 0 {
        return None;
    }
    let slope = (last.value - before.value) / span as f64;
    Some(last.value + slope * ahead as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::model::{Action, Comparator};

    /// "If fewer than 20% of trial accounts activate sharing by 15 December, halt."
    fn sharing(margin: f64) -> KillCriterion {
        KillCriterion {
            id: "sharing".into(),
            metric: "Sharing activation".into(),
            comparator: Comparator::Below,
            threshold: 20.0,
            unit: "%".into(),
            cohort: "trial accounts, first 14 days".into(),
            by: "2026-12-15".into(),
            action: Action::Halt,
            margin,
        }
    }

    fn reading(date: &str, value: f64) -> Reading {
        Reading {
            metric: "sharing activation ".into(),
            date: date.parse().unwrap(),
            value,
        }
    }

    #[test]
    fn no_readings_is_no_data() {
        let result = evaluate(&sharing(2.0), &[]);
        assert_eq!(result.status, CriterionStatus::NoData);
        assert_eq!(result.reading, None);
    }

    #[test]
    fn below_the_threshold_triggers_and_exactly_on_it_does_not() {
        let triggered = evaluate(&sharing(2.0), &[reading("2026-11-20", 19.9)]);
        assert_eq!(triggered.status, CriterionStatus::Triggered);
        assert_eq!(triggered.reading, Some(19.9));
        assert_eq!(triggered.date, Some("2026-11-20".parse().unwrap()));
        let on_the_line = evaluate(&sharing(2.0), &[reading("2026-11-20", 20.0)]);
        assert_eq!(
            on_the_line.status,
            CriterionStatus::AtRisk,
            "20 is not < 20, but within the margin"
        );
        let mut at_most = sharing(0.0);
        at_most.comparator = Comparator::AtMost;
        assert_eq!(
            evaluate(&at_most, &[reading("2026-11-20", 20.0)]).status,
            CriterionStatus::Triggered
        );
    }

    #[test]
    fn the_margin_boundary_is_at_risk_and_beyond_it_on_track() {
        assert_eq!(
            evaluate(&sharing(2.0), &[reading("2026-11-20", 22.0)]).status,
            CriterionStatus::AtRisk
        );
        assert_eq!(
            evaluate(&sharing(2.0), &[reading("2026-11-20", 22.1)]).status,
            CriterionStatus::OnTrack
        );
    }

    #[test]
    fn a_trend_that_crosses_before_the_date_is_at_risk() {
        // 30 → 27 in a week: at −3/week it reaches ~18 by 15 December.
        let falling = [reading("2026-11-10", 30.0), reading("2026-11-17", 27.0)];
        let result = evaluate(&sharing(1.0), &falling);
        assert_eq!(result.status, CriterionStatus::AtRisk, "{}", result.reason);
        assert_eq!(result.reading, Some(27.0));
        // Flat or rising stays on track.
        let rising = [reading("2026-11-10", 26.0), reading("2026-11-17", 27.0)];
        assert_eq!(
            evaluate(&sharing(1.0), &rising).status,
            CriterionStatus::OnTrack
        );
        // The latest reading decides, whatever order the readings came in.
        let shuffled = [reading("2026-11-17", 19.0), reading("2026-11-10", 30.0)];
        assert_eq!(
            evaluate(&sharing(1.0), &shuffled).status,
            CriterionStatus::Triggered
        );
    }

    #[test]
    fn above_criteria_mirror_below_ones() {
        let mut cost = sharing(5.0);
        cost.metric = "Sharing activation".into();
        cost.comparator = Comparator::Above;
        cost.threshold = 100.0;
        assert_eq!(
            evaluate(&cost, &[reading("2026-11-20", 100.5)]).status,
            CriterionStatus::Triggered
        );
        assert_eq!(
            evaluate(&cost, &[reading("2026-11-20", 96.0)]).status,
            CriterionStatus::AtRisk
        );
        assert_eq!(
            evaluate(&cost, &[reading("2026-11-20", 90.0)]).status,
            CriterionStatus::OnTrack
        );
    }
}
