//! Each kill criterion judged against the readings: triggered, at risk
//! (within the margin, or trending to cross before its date), on track, or
//! no data yet — with the reading and date that decided it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{CriterionWindow, KillCriterion};
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
/// ignoring case and surrounding spaces), over its window, on `today`.
pub fn evaluate(criterion: &KillCriterion, readings: &[Reading], today: CivilDate) -> Evaluation {
    let wanted = criterion.metric.trim().to_lowercase();
    let mut own: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.metric.trim().to_lowercase() == wanted && r.value.is_finite())
        .collect();
    own.sort_by_key(|r| r.date);
    let Some(&latest) = own.last() else {
        return no_data(format!("no reading of {} yet", criterion.metric.trim()));
    };
    match &criterion.window {
        CriterionWindow::Latest | CriterionWindow::Consecutive { readings: 0 | 1 } => {
            latest_decides(criterion, &own, latest)
        }
        CriterionWindow::Consecutive { readings } => consecutive(criterion, &own, *readings),
        CriterionWindow::RollingAverage { days } => rolling_average(criterion, &own, *days),
        CriterionWindow::ByDay { .. } => match criterion.window.deadline() {
            Some(deadline) => by_deadline(criterion, &own, deadline, today),
            None => latest_decides(criterion, &own, latest),
        },
    }
}

fn no_data(reason: String) -> Evaluation {
    Evaluation {
        status: CriterionStatus::NoData,
        reading: None,
        date: None,
        reason,
    }
}

fn decided(status: CriterionStatus, value: f64, date: CivilDate, reason: String) -> Evaluation {
    Evaluation {
        status,
        reading: Some(value),
        date: Some(date),
        reason,
    }
}

fn stop_condition(criterion: &KillCriterion) -> String {
    format!(
        "{} {}",
        criterion.comparator.symbol(),
        crate::table::format_number(criterion.threshold)
    )
}

/// Not past the line: at risk within the margin, or when the trend of the
/// last two readings crosses before `until`; else on track.
fn short_of_the_line(
    criterion: &KillCriterion,
    own: &[&Reading],
    (value, date): (f64, CivilDate),
    until: Option<CivilDate>,
    what: &str,
) -> Evaluation {
    let threshold = criterion.threshold;
    // How far the value is from triggering, in the threshold's unit.
    let distance = (threshold - value) * criterion.comparator.direction();
    if distance <= criterion.margin {
        return decided(
            CriterionStatus::AtRisk,
            value,
            date,
            format!(
                "{what} {value} on {date} is within {} of the threshold {threshold}",
                criterion.margin
            ),
        );
    }
    if let Some(until) = until {
        if let Some(projected) = projection(own, until) {
            if criterion.comparator.triggers(projected, threshold) {
                return decided(
                    CriterionStatus::AtRisk,
                    value,
                    date,
                    format!(
                        "the trend of the last two readings reaches {projected:.1} by {until}, past the threshold {threshold}"
                    ),
                );
            }
        }
    }
    decided(
        CriterionStatus::OnTrack,
        value,
        date,
        format!("{what} {value} on {date} is clear of the threshold {threshold}"),
    )
}

fn latest_decides(criterion: &KillCriterion, own: &[&Reading], latest: &Reading) -> Evaluation {
    if criterion
        .comparator
        .triggers(latest.value, criterion.threshold)
    {
        return decided(
            CriterionStatus::Triggered,
            latest.value,
            latest.date,
            format!(
                "{} on {} meets the stop condition ({}): {}",
                latest.value,
                latest.date,
                stop_condition(criterion),
                criterion.action.describe()
            ),
        );
    }
    let until = criterion.by.trim().parse().ok();
    short_of_the_line(
        criterion,
        own,
        (latest.value, latest.date),
        until,
        "the reading",
    )
}

/// The latest `n` readings in date order all meet the condition; fewer
/// than `n` readings never trigger.
fn consecutive(criterion: &KillCriterion, own: &[&Reading], n: u32) -> Evaluation {
    let n = n as usize;
    let Some(&latest) = own.last() else {
        return no_data(String::new());
    };
    let meeting = own
        .iter()
        .rev()
        .take_while(|r| criterion.comparator.triggers(r.value, criterion.threshold))
        .count();
    if meeting >= n {
        return decided(
            CriterionStatus::Triggered,
            latest.value,
            latest.date,
            format!(
                "the last {n} readings, to {} on {}, all meet the stop condition ({}): {}",
                latest.value,
                latest.date,
                stop_condition(criterion),
                criterion.action.describe()
            ),
        );
    }
    if meeting > 0 {
        let needs = if own.len() < n {
            format!("; needs {n} readings, {} so far", own.len())
        } else {
            String::new()
        };
        return decided(
            CriterionStatus::AtRisk,
            latest.value,
            latest.date,
            format!(
                "{meeting} of {n} consecutive readings meet the stop condition ({}){needs}",
                stop_condition(criterion)
            ),
        );
    }
    let until = criterion.by.trim().parse().ok();
    short_of_the_line(
        criterion,
        own,
        (latest.value, latest.date),
        until,
        "the reading",
    )
}

/// The mean of the readings within the `days` days ending at the latest
/// one; fewer than two readings there never trigger.
fn rolling_average(criterion: &KillCriterion, own: &[&Reading], days: u32) -> Evaluation {
    let Some(&latest) = own.last() else {
        return no_data(String::new());
    };
    let from = latest.date.add_days(1 - i64::from(days.max(1)));
    let inside: Vec<f64> = own
        .iter()
        .filter(|r| r.date >= from)
        .map(|r| r.value)
        .collect();
    if inside.len() < 2 {
        let status = if criterion
            .comparator
            .triggers(latest.value, criterion.threshold)
        {
            CriterionStatus::AtRisk
        } else {
            CriterionStatus::OnTrack
        };
        return decided(
            status,
            latest.value,
            latest.date,
            format!("needs two readings within {days} days to average; one so far"),
        );
    }
    let mean = inside.iter().sum::<f64>() / inside.len() as f64;
    let shown = (mean * 100.0).round() / 100.0;
    if criterion.comparator.triggers(mean, criterion.threshold) {
        return decided(
            CriterionStatus::Triggered,
            shown,
            latest.date,
            format!(
                "the {days}-day average to {} ({shown}, {} readings) meets the stop condition ({}): {}",
                latest.date,
                inside.len(),
                stop_condition(criterion),
                criterion.action.describe()
            ),
        );
    }
    short_of_the_line(
        criterion,
        &[],
        (shown, latest.date),
        None,
        &format!("the {days}-day average"),
    )
}

/// A deadline: judged on its day with the latest reading on or before it;
/// before that day, on track or at risk, never triggered.
fn by_deadline(
    criterion: &KillCriterion,
    own: &[&Reading],
    deadline: CivilDate,
    today: CivilDate,
) -> Evaluation {
    let upto: Vec<&Reading> = own.iter().copied().filter(|r| r.date <= deadline).collect();
    let Some(&judged) = upto.last() else {
        return no_data(format!(
            "no reading of {} on or before {deadline}",
            criterion.metric.trim()
        ));
    };
    let meets = criterion
        .comparator
        .triggers(judged.value, criterion.threshold);
    if today >= deadline {
        return if meets {
            decided(
                CriterionStatus::Triggered,
                judged.value,
                judged.date,
                format!(
                    "on {deadline}, the deadline, the latest reading ({} on {}) meets the stop condition ({}): {}",
                    judged.value,
                    judged.date,
                    stop_condition(criterion),
                    criterion.action.describe()
                ),
            )
        } else {
            decided(
                CriterionStatus::OnTrack,
                judged.value,
                judged.date,
                format!(
                    "on {deadline}, the deadline, {} on {} cleared the threshold {}",
                    judged.value, judged.date, criterion.threshold
                ),
            )
        };
    }
    if meets {
        return decided(
            CriterionStatus::AtRisk,
            judged.value,
            judged.date,
            format!(
                "{} on {} would trigger if it is still so on {deadline}",
                judged.value, judged.date
            ),
        );
    }
    short_of_the_line(
        criterion,
        &upto,
        (judged.value, judged.date),
        Some(deadline),
        "the reading",
    )
}

/// The value on the decision date if the last two readings' straight line
/// goes on; `None` without two dated readings or when the date has passed.
fn projection(readings: &[&Reading], by: CivilDate) -> Option<f64> {
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

    fn evaluate(criterion: &KillCriterion, readings: &[Reading]) -> Evaluation {
        super::evaluate(criterion, readings, "2026-11-25".parse().unwrap())
    }

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
            window: CriterionWindow::Latest,
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

    fn windowed(window: CriterionWindow) -> KillCriterion {
        KillCriterion {
            window,
            ..sharing(0.5)
        }
    }

    fn on(criterion: &KillCriterion, readings: &[Reading], today: &str) -> CriterionStatus {
        super::evaluate(criterion, readings, today.parse().unwrap()).status
    }

    #[test]
    fn n_consecutive_readings_trigger_and_n_minus_one_do_not() {
        let two_weeks = windowed(CriterionWindow::Consecutive { readings: 2 });
        let today = "2026-11-30";
        // One reading below: needs two, so at risk, not triggered.
        let one = [reading("2026-11-16", 25.0), reading("2026-11-23", 19.0)];
        let result = super::evaluate(&two_weeks, &one, today.parse().unwrap());
        assert_eq!(result.status, CriterionStatus::AtRisk, "{}", result.reason);
        assert!(result.reason.contains("1 of 2"), "{}", result.reason);
        // Fewer readings than N, all below: still not triggered.
        let only = [reading("2026-11-23", 19.0)];
        let result = super::evaluate(&two_weeks, &only, today.parse().unwrap());
        assert_eq!(result.status, CriterionStatus::AtRisk);
        assert!(
            result.reason.contains("needs 2 readings, 1 so far"),
            "{}",
            result.reason
        );
        // Two in a row below: triggered, whatever order they were entered in.
        let two = [
            reading("2026-11-23", 19.0),
            reading("2026-11-16", 18.0),
            reading("2026-11-09", 25.0),
        ];
        assert_eq!(on(&two_weeks, &two, today), CriterionStatus::Triggered);
        // Below, back above, below again: the run is broken.
        let broken = [
            reading("2026-11-09", 18.0),
            reading("2026-11-16", 25.0),
            reading("2026-11-23", 19.0),
        ];
        assert_eq!(on(&two_weeks, &broken, today), CriterionStatus::AtRisk);
        // Clear of the line: on track.
        assert_eq!(
            on(&two_weeks, &[reading("2026-11-23", 30.0)], today),
            CriterionStatus::OnTrack
        );
    }

    #[test]
    fn a_rolling_average_at_the_threshold_does_not_trigger_and_below_it_does() {
        let week = windowed(CriterionWindow::RollingAverage { days: 7 });
        let today = "2026-11-30";
        // 18 and 22 within seven days: a mean of exactly 20 is not < 20.
        let at = [reading("2026-11-17", 18.0), reading("2026-11-23", 22.0)];
        let result = super::evaluate(&week, &at, today.parse().unwrap());
        assert_eq!(result.status, CriterionStatus::AtRisk, "{}", result.reason);
        assert_eq!(result.reading, Some(20.0));
        // 18 and 21.8: a mean of 19.9 is.
        let below = [reading("2026-11-17", 18.0), reading("2026-11-23", 21.8)];
        let result = super::evaluate(&week, &below, today.parse().unwrap());
        assert_eq!(
            result.status,
            CriterionStatus::Triggered,
            "{}",
            result.reason
        );
        assert_eq!(result.reading, Some(19.9));
        // The window is the seven days ending at the latest reading: a
        // reading eight days before it is left out, and one reading alone
        // never triggers (days without readings do not count as zero).
        let outside = [reading("2026-11-15", 2.0), reading("2026-11-23", 19.0)];
        let result = super::evaluate(&week, &outside, today.parse().unwrap());
        assert_eq!(result.status, CriterionStatus::AtRisk, "{}", result.reason);
        assert!(
            result.reason.contains("needs two readings within 7 days"),
            "{}",
            result.reason
        );
        // "At most" includes the threshold itself.
        let at_most = KillCriterion {
            comparator: Comparator::AtMost,
            ..week.clone()
        };
        assert_eq!(on(&at_most, &at, today), CriterionStatus::Triggered);
    }

    #[test]
    fn a_deadline_triggers_on_its_day_and_after_never_before() {
        // "Fewer than 20% activate sharing within 14 days" of a 1 December start.
        let deadline = windowed(CriterionWindow::ByDay {
            start: "2026-12-01".into(),
            days: 14,
        });
        let low = [reading("2026-12-10", 12.0)];
        // The day before the deadline: at risk, never triggered.
        let before = super::evaluate(&deadline, &low, "2026-12-14".parse().unwrap());
        assert_eq!(before.status, CriterionStatus::AtRisk, "{}", before.reason);
        assert!(before.reason.contains("2026-12-15"), "{}", before.reason);
        // On the deadline and after: triggered by the latest reading on or before it.
        assert_eq!(
            on(&deadline, &low, "2026-12-15"),
            CriterionStatus::Triggered
        );
        assert_eq!(
            on(&deadline, &low, "2026-12-16"),
            CriterionStatus::Triggered
        );
        // A reading after the deadline does not rescue it: the deadline's
        // own latest reading decides.
        let late = [reading("2026-12-10", 12.0), reading("2026-12-20", 30.0)];
        assert_eq!(
            on(&deadline, &late, "2026-12-21"),
            CriterionStatus::Triggered
        );
        // Clear on the day: on track, and stays so.
        let clear = [reading("2026-12-14", 24.0)];
        assert_eq!(
            on(&deadline, &clear, "2026-12-15"),
            CriterionStatus::OnTrack
        );
        // Nothing read by the deadline: no data.
        let after_only = [reading("2026-12-16", 10.0)];
        assert_eq!(
            on(&deadline, &after_only, "2026-12-20"),
            CriterionStatus::NoData
        );
    }

    #[test]
    fn windows_are_checked_and_described() {
        let bad = [
            CriterionWindow::Consecutive { readings: 0 },
            CriterionWindow::RollingAverage { days: 0 },
            CriterionWindow::ByDay {
                start: "soon".into(),
                days: 14,
            },
            CriterionWindow::RollingAverage { days: 4000 },
        ];
        for window in bad {
            assert!(windowed(window.clone()).validate().is_err(), "{window:?}");
        }
        assert!(windowed(CriterionWindow::Consecutive { readings: 2 })
            .describe()
            .contains("< 20% for 2 consecutive readings"));
        assert!(windowed(CriterionWindow::RollingAverage { days: 7 })
            .describe()
            .contains("(7-day average)"));
        assert!(windowed(CriterionWindow::ByDay {
            start: "2026-12-01".into(),
            days: 14
        })
        .describe()
        .contains("on day 14 after 2026-12-01 (2026-12-15)"));
        // A journal stored before windows existed reads as "the latest reading".
        let old = r#"{"id":"s","metric":"m","comparator":"<","threshold":1,"unit":"","cohort":"","by":"2026-12-15","action":{"kind":"halt"},"margin":0}"#;
        let parsed: KillCriterion = serde_json::from_str(old).unwrap();
        assert_eq!(parsed.window, CriterionWindow::Latest);
        // … and is written back without the key, so the content hash of a
        // revision frozen before windows existed does not change.
        let written = serde_json::to_string(&parsed).unwrap();
        assert!(!written.contains("window"), "{written}");
    }
}
