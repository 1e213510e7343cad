//! A decision journal for one roadmap item: the assumptions behind it with
//! their evidence, the alternatives, and kill criteria as structured data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CivilDate, CoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Importance {
    High,
    Medium,
    Low,
}

/// How strong the evidence behind an assumption is, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceLevel {
    Anecdote,
    Survey,
    CohortData,
    Pilot,
}

impl EvidenceLevel {
    pub fn label(self) -> &'static str {
        match self {
            EvidenceLevel::Anecdote => "anecdote",
            EvidenceLevel::Survey => "survey",
            EvidenceLevel::CohortData => "cohort data",
            EvidenceLevel::Pilot => "pilot",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Assumption {
    /// "We believe that…"
    pub statement: String,
    pub importance: Importance,
    pub evidence: EvidenceLevel,
    /// A link or a note on where the evidence comes from.
    pub source: String,
}

/// Whether a path can be walked back (a two-way door) or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Door {
    OneWay,
    TwoWay,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Alternative {
    pub path: String,
    /// What this path commits to that cannot be undone cheaply.
    pub irreversibles: String,
    pub door: Door,
}

/// When a reading triggers the criterion: `value < threshold`, etc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Comparator {
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = ">=")]
    AtLeast,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Below => "<",
            Comparator::AtMost => "≤",
            Comparator::Above => ">",
            Comparator::AtLeast => "≥",
        }
    }

    /// Whether `value` meets the trigger condition against `threshold`.
    pub fn triggers(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparator::Below => value < threshold,
            Comparator::AtMost => value <= threshold,
            Comparator::Above => value > threshold,
            Comparator::AtLeast => value >= threshold,
        }
    }

    /// +1 when crossing means going up, −1 when it means going down.
    pub fn direction(self) -> f64 {
        match self {
            Comparator::Below | Comparator::AtMost => -1.0,
            Comparator::Above | Comparator::AtLeast => 1.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "to", rename_all = "kebab-case")]
pub enum Action {
    Halt,
    PivotTo(String),
    EscalateTo(String),
}

impl Action {
    pub fn describe(&self) -> String {
        match self {
            Action::Halt => "halt".into(),
            Action::PivotTo(to) => format!("pivot to {to}"),
            Action::EscalateTo(to) => format!("escalate to {to}"),
        }
    }
}

/// Which readings a kill criterion is judged on. PMs write criteria over a
/// window ("below 9.8 % for two consecutive weeks", "the 7-day average",
/// "within 14 days of launch"); one reading past the line should not halt
/// a bet that says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CriterionWindow {
    /// The latest reading decides (what every criterion meant before
    /// windows existed).
    #[default]
    Latest,
    /// The latest `readings` readings, in date order, all meet the
    /// condition.
    Consecutive { readings: u32 },
    /// The mean of the readings dated within the `days` days ending at the
    /// latest reading (at least two readings; days without one do not
    /// count as zero).
    RollingAverage { days: u32 },
    /// A deadline: judged on day `start + days` with the latest reading on
    /// or before it; before that day it is never triggered.
    ByDay { start: String, days: u32 },
}

/// The longest window a criterion may name, in readings or days.
pub const MAX_WINDOW: u32 = 3660;

impl CriterionWindow {
    pub fn is_latest(&self) -> bool {
        *self == CriterionWindow::Latest
    }

    pub fn validate(&self) -> Result<(), CoreError> {
        let invalid = |what: &str| Err(CoreError::InvalidJournal(what.to_owned()));
        match self {
            CriterionWindow::Latest => Ok(()),
            CriterionWindow::Consecutive { readings } if !(1..=MAX_WINDOW).contains(readings) => {
                invalid("the number of consecutive readings must be between 1 and 3660")
            }
            CriterionWindow::RollingAverage { days } if !(1..=MAX_WINDOW).contains(days) => {
                invalid("the rolling average needs between 1 and 3660 days")
            }
            CriterionWindow::ByDay { days, .. } if *days > MAX_WINDOW => {
                invalid("the deadline must be at most 3660 days after its start")
            }
            CriterionWindow::ByDay { start, .. } if start.trim().parse::<CivilDate>().is_err() => {
                invalid("a deadline criterion needs its start date (YYYY-MM-DD)")
            }
            _ => Ok(()),
        }
    }

    /// The deadline of a by-day window.
    pub fn deadline(&self) -> Option<CivilDate> {
        match self {
            CriterionWindow::ByDay { start, days } => start
                .trim()
                .parse::<CivilDate>()
                .ok()
                .map(|start| start.add_days(i64::from(*days))),
            _ => None,
        }
    }

    /// " for 2 consecutive readings", " (7-day average)", " on day 14
    /// after 2026-12-01 (2026-12-15)"; empty for the latest reading.
    pub fn describe(&self) -> String {
        match self {
            CriterionWindow::Latest => String::new(),
            CriterionWindow::Consecutive { readings: 1 } => String::new(),
            CriterionWindow::Consecutive { readings } => {
                format!(" for {readings} consecutive readings")
            }
            CriterionWindow::RollingAverage { days } => format!(" ({days}-day average)"),
            CriterionWindow::ByDay { start, days } => match self.deadline() {
                Some(deadline) => format!(" on day {days} after {} ({deadline})", start.trim()),
                None => format!(" on day {days} after {}", start.trim()),
            },
        }
    }
}

/// "If fewer than 20% of trial accounts activate sharing within 14 days,
/// halt the build": metric, comparator, threshold with unit, cohort, the
/// date it is judged by, and what happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KillCriterion {
    /// Stable within the journal, e.g. "sharing-activation".
    pub id: String,
    pub metric: String,
    pub comparator: Comparator,
    pub threshold: f64,
    pub unit: String,
    pub cohort: String,
    /// The decision date (YYYY-MM-DD).
    pub by: String,
    pub action: Action,
    /// How close to the threshold counts as at risk, in the threshold's unit.
    pub margin: f64,
    /// Which readings decide: the latest (the default), N consecutive, a
    /// rolling average, or a deadline. Left out of the stored JSON when it
    /// is the latest reading, so a revision frozen before windows existed
    /// keeps its hash.
    #[serde(default, skip_serializing_if = "CriterionWindow::is_latest")]
    #[ts(as = "Option<CriterionWindow>", optional)]
    pub window: CriterionWindow,
}

impl KillCriterion {
    pub fn validate(&self) -> Result<(), CoreError> {
        let invalid = |what: &str| Err(CoreError::InvalidJournal(what.to_owned()));
        if self.metric.trim().is_empty() {
            return invalid("a kill criterion needs the metric it watches");
        }
        if !self.threshold.is_finite() {
            return invalid("a kill criterion needs a threshold that is a number");
        }
        if !self.margin.is_finite() || self.margin < 0.0 {
            return invalid("the at-risk margin must be zero or a positive number");
        }
        if self.by.trim().parse::<CivilDate>().is_err() {
            return invalid("a kill criterion needs the date it is judged by (YYYY-MM-DD)");
        }
        if let Action::PivotTo(to) | Action::EscalateTo(to) = &self.action {
            if to.trim().is_empty() {
                return invalid("say what to pivot to, or whom to escalate to");
            }
        }
        self.window.validate()
    }

    /// "sharing activation < 20 % (trial accounts) by 2026-12-15 → halt"
    pub fn describe(&self) -> String {
        let cohort = if self.cohort.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", self.cohort.trim())
        };
        format!(
            "{} {} {}{}{}{cohort} by {} → {}",
            self.metric.trim(),
            self.comparator.symbol(),
            crate::table::format_number(self.threshold),
            unit_suffix(&self.unit),
            self.window.describe(),
            self.by.trim(),
            self.action.describe()
        )
    }
}

fn unit_suffix(unit: &str) -> String {
    match unit.trim() {
        "" => String::new(),
        "%" => "%".into(),
        other => format!(" {other}"),
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct JournalBody {
    /// The roadmap item the decision is about.
    pub item: String,
    pub owner: String,
    /// The decision asked for.
    pub decision: String,
    pub assumptions: Vec<Assumption>,
    pub alternatives: Vec<Alternative>,
    pub criteria: Vec<KillCriterion>,
}

impl JournalBody {
    /// What must hold before the journal is stored.
    pub fn validate(&self) -> Result<(), CoreError> {
        if self.item.trim().is_empty() {
            return Err(CoreError::InvalidJournal("name the roadmap item".into()));
        }
        let mut ids = std::collections::HashSet::new();
        for criterion in &self.criteria {
            criterion.validate()?;
            if !ids.insert(criterion.id.trim()) {
                return Err(CoreError::InvalidJournal(format!(
                    "two kill criteria are both called “{}”",
                    criterion.id
                )));
            }
        }
        Ok(())
    }

    /// What must also hold before the journal is shared: the workshop's
    /// minimum (assumptions, two alternatives, a kill criterion).
    pub fn check_shareable(&self) -> Result<(), CoreError> {
        self.validate()?;
        if self.assumptions.is_empty() {
            return Err(CoreError::InvalidJournal(
                "list the assumptions behind the item before sharing".into(),
            ));
        }
        if self.alternatives.len() < 2 {
            return Err(CoreError::InvalidJournal(
                "give at least two alternative paths before sharing".into(),
            ));
        }
        if self.criteria.is_empty() {
            return Err(CoreError::InvalidJournal(
                "set at least one kill criterion before sharing".into(),
            ));
        }
        Ok(())
    }
}
