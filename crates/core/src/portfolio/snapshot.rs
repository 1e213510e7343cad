//! A portfolio view as an update's chart: the figures it is drawn from,
//! frozen on the day they were taken, so the update alone redraws it, last
//! month's chart stays last month's, and "Refresh from portfolio" changes
//! it only on purpose.
//!
//! The matrix, the allocation and the dual tracks share one table, one row
//! per initiative (`name, bucket, horizon, fit, npv, ecv, cost, fte,
//! depends_on`); the gate tracker keeps one initiative's gates, stopping
//! rules and readings (`part, date, metric, …`). In a story file the table
//! is the chart block's data, written and read here; its short hash is
//! printed on the slide.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use ts_rs::TS;

use super::allocation::allocation;
use super::checks::MAX_GAP_POINTS;
use super::model::{
    Bucket, BucketTargets, EvidenceGate, GateDecision, Horizon, Initiative, PortfolioSettings,
};
use super::value::value;
use crate::journal::{Action, Comparator, CriterionWindow, KillCriterion, Reading};
use crate::table::format_number;
use crate::table::{csv_row, number_cell, text_rows, TableError};
use crate::ChartKind;
use crate::{CivilDate, CoreError};

/// The most initiatives one snapshot may hold.
pub const MAX_SNAPSHOT_INITIATIVES: usize = 2_000;
/// The most rows (gates, rules and readings) one gate tracker may hold.
pub const MAX_TRACKER_ROWS: usize = 5_000;

/// Which value is the matrix's height.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ValueAxis {
    #[default]
    Npv,
    Ecv,
}

impl ValueAxis {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueAxis::Npv => "npv",
            ValueAxis::Ecv => "ecv",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "npv" => Some(ValueAxis::Npv),
            "ecv" => Some(ValueAxis::Ecv),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ValueAxis::Npv => "NPV",
            ValueAxis::Ecv => "ECV",
        }
    }
}

/// One initiative's figures as of the snapshot's day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InitiativeFigures {
    pub name: String,
    #[serde(default)]
    pub bucket: Option<Bucket>,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    /// Strategic fit, 0–10; `None` when it was not scored.
    #[serde(default)]
    pub fit: Option<f64>,
    pub npv: f64,
    pub ecv: f64,
    #[serde(default)]
    pub cost: Option<f64>,
    #[serde(default)]
    pub fte: Option<f64>,
    #[serde(default)]
    pub depends_on: Vec<String>,
}

impl InitiativeFigures {
    /// The initiative as far as these figures tell it: what the allocation,
    /// the dependency walk and the bounds need.
    pub fn as_initiative(&self) -> Initiative {
        Initiative {
            name: self.name.clone(),
            bucket: self.bucket,
            horizon: self.horizon,
            fit: self.fit,
            cost: self.cost,
            fte: self.fte,
            depends_on: self.depends_on.clone(),
            ..Initiative::default()
        }
    }
}

/// One initiative's gates, stopping rules and readings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GateTracker {
    pub initiative: String,
    #[serde(default)]
    pub gates: Vec<EvidenceGate>,
    #[serde(default)]
    pub stopping_rules: Vec<KillCriterion>,
    #[serde(default)]
    pub readings: Vec<Reading>,
}

impl GateTracker {
    pub fn of(initiative: &Initiative, readings: &[Reading]) -> Self {
        Self {
            initiative: initiative.name.trim().to_owned(),
            gates: initiative.gates.clone(),
            stopping_rules: initiative.stopping_rules.clone(),
            readings: readings.to_vec(),
        }
    }

    /// The initiative as far as the tracker tells it.
    pub fn as_initiative(&self) -> Initiative {
        Initiative {
            name: self.initiative.clone(),
            gates: self.gates.clone(),
            stopping_rules: self.stopping_rules.clone(),
            ..Initiative::default()
        }
    }
}

/// What a portfolio chart is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioSnapshot {
    #[ts(as = "String")]
    pub as_of: CivilDate,
    /// The matrix's height.
    #[serde(default)]
    pub value: ValueAxis,
    /// The allocation's targets.
    #[serde(default)]
    pub targets: BucketTargets,
    /// Where the matrix's quadrant lines cross, when the PM set them
    /// (else at the medians).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quadrant_fit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quadrant_value: Option<f64>,
    #[serde(default)]
    pub initiatives: Vec<InitiativeFigures>,
    /// The gate tracker's initiative, for a gates chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracker: Option<GateTracker>,
    /// The journals' assumptions, for an assumption map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub assumptions: Option<Vec<super::AssumptionPoint>>,
}

impl PortfolioSnapshot {
    /// The portfolio's figures today, valued under its settings.
    pub fn of(
        initiatives: &[Initiative],
        settings: &PortfolioSettings,
        as_of: CivilDate,
        axis: ValueAxis,
    ) -> Self {
        let initiatives = initiatives
            .iter()
            .map(|i| {
                let valuation = value(i, settings);
                InitiativeFigures {
                    name: i.name.trim().to_owned(),
                    bucket: i.bucket,
                    horizon: i.horizon,
                    fit: i.fit_score(&settings.fit_criteria).map(round_fit),
                    npv: round_money(valuation.npv),
                    ecv: round_money(valuation.ecv),
                    cost: i.cost,
                    fte: i.fte,
                    depends_on: i.depends_on.iter().map(|d| d.trim().to_owned()).collect(),
                }
            })
            .collect();
        Self {
            as_of,
            value: axis,
            targets: settings.targets,
            quadrant_fit: settings.quadrant_fit,
            quadrant_value: settings.quadrant_value,
            initiatives,
            tracker: None,
            assumptions: None,
        }
    }

    /// The journals' assumptions today, for an assumption map.
    pub fn of_assumptions(points: Vec<super::AssumptionPoint>, as_of: CivilDate) -> Self {
        Self {
            assumptions: Some(points),
            ..Self::of_tracker_parts(as_of)
        }
    }

    fn of_tracker_parts(as_of: CivilDate) -> Self {
        Self {
            as_of,
            value: ValueAxis::default(),
            targets: BucketTargets::default(),
            quadrant_fit: None,
            quadrant_value: None,
            initiatives: Vec::new(),
            tracker: None,
            assumptions: None,
        }
    }

    /// One initiative's gate tracker today.
    pub fn of_tracker(tracker: GateTracker, as_of: CivilDate) -> Self {
        Self {
            as_of,
            value: ValueAxis::default(),
            targets: BucketTargets::default(),
            quadrant_fit: None,
            quadrant_value: None,
            initiatives: Vec::new(),
            tracker: Some(tracker),
            assumptions: None,
        }
    }

    /// The initiatives as far as the figures tell them.
    pub fn initiatives(&self) -> Vec<Initiative> {
        self.initiatives
            .iter()
            .map(InitiativeFigures::as_initiative)
            .collect()
    }

    /// The rows as a story file's chart block holds them.
    pub fn rows_csv(&self) -> String {
        match (&self.tracker, &self.assumptions) {
            (Some(tracker), _) => tracker_csv(tracker),
            (None, Some(points)) => super::assumption_map::map_csv(points),
            (None, None) => figures_csv(&self.initiatives),
        }
    }

    /// The first eight hex digits of the SHA-256 of the rows: printed on
    /// the slide, so two slides drawn from the same figures say so.
    pub fn short_hash(&self) -> String {
        let digest = Sha256::digest(self.rows_csv().as_bytes());
        digest.iter().take(4).map(|b| format!("{b:02x}")).collect()
    }

    /// What must hold for a snapshot from anywhere (a story file, the
    /// window, the store): the bounds an initiative has, finite figures,
    /// fit 0–10, targets 0–100.
    pub fn validate(&self) -> Result<(), CoreError> {
        let invalid = |what: String| Err(CoreError::InvalidPortfolio(what));
        if self.initiatives.len() > MAX_SNAPSHOT_INITIATIVES {
            return invalid(format!(
                "the portfolio chart holds {} initiatives; the limit is {MAX_SNAPSHOT_INITIATIVES}",
                self.initiatives.len()
            ));
        }
        for figures in &self.initiatives {
            figures.as_initiative().validate()?;
            for value in [figures.npv, figures.ecv] {
                if !value.is_finite() || value.abs() > super::MAX_AMOUNT * 1e3 {
                    return invalid(format!(
                        "{}: its NPV and ECV must be numbers of a sensible size",
                        figures.name.trim()
                    ));
                }
            }
            if figures.depends_on.len() > MAX_SNAPSHOT_INITIATIVES {
                return invalid(format!("{}: too many dependencies", figures.name.trim()));
            }
            for dependency in &figures.depends_on {
                if dependency.chars().count() > super::MAX_NAME_CHARS
                    || crate::text::has_bidi_control(dependency)
                {
                    return invalid(format!(
                        "{}: a dependency's name is not one an initiative may have",
                        figures.name.trim()
                    ));
                }
            }
        }
        if self
            .quadrant_fit
            .is_some_and(|f| !(0.0..=10.0).contains(&f))
            || self
                .quadrant_value
                .is_some_and(|v| !v.is_finite() || v.abs() > super::MAX_AMOUNT * 1e3)
        {
            return invalid(
                "the matrix's quadrant lines lie at a fit of 0–10 and a sensible value".into(),
            );
        }
        let t = self.targets;
        if [t.core, t.adjacent, t.transformational]
            .iter()
            .any(|v| !(0.0..=100.0).contains(v))
        {
            return invalid("each bucket's target is a percentage from 0 to 100".into());
        }
        if let Some(points) = &self.assumptions {
            if points.len() > MAX_TRACKER_ROWS {
                return invalid(format!(
                    "the assumption map holds {} assumptions; the limit is {MAX_TRACKER_ROWS}",
                    points.len()
                ));
            }
            for p in points {
                for text in [&p.journal, &p.statement] {
                    if text.chars().count() > 2_000 || crate::text::has_bidi_control(text) {
                        return invalid(
                            "an assumption and its journal are plain text of at most 2,000 characters"
                                .into(),
                        );
                    }
                }
            }
        }
        if let Some(tracker) = &self.tracker {
            let rows = tracker.gates.len() + tracker.stopping_rules.len() + tracker.readings.len();
            if rows > MAX_TRACKER_ROWS {
                return invalid(format!(
                    "the gate tracker holds {rows} rows; the limit is {MAX_TRACKER_ROWS}"
                ));
            }
            tracker.as_initiative().validate()?;
            for gate in &tracker.gates {
                if !gate.threshold.is_finite() || gate.metric.chars().count() > 200 {
                    return invalid(format!(
                        "{}: a gate needs a metric and a threshold that is a number",
                        tracker.initiative
                    ));
                }
            }
            for reading in &tracker.readings {
                if !reading.value.is_finite() || reading.metric.chars().count() > 200 {
                    return invalid(format!(
                        "{}: a reading needs a metric and a value that is a number",
                        tracker.initiative
                    ));
                }
            }
        }
        Ok(())
    }
}

impl PortfolioSnapshot {
    /// The allocation's takeaway: on target, or the bucket furthest off it.
    pub fn allocation_headline(&self) -> String {
        let shares = allocation(&self.initiatives(), &self.targets);
        let t = self.targets;
        let target = format!(
            "{}/{}/{}",
            format_number(t.core),
            format_number(t.adjacent),
            format_number(t.transformational)
        );
        if shares.total <= 0.0 {
            return format!("Allocation against {target}: nothing costed yet");
        }
        let worst = shares
            .rows
            .iter()
            .max_by(|a, b| a.gap.abs().total_cmp(&b.gap.abs()));
        match worst {
            Some(row) if row.gap.abs() > MAX_GAP_POINTS => {
                let mut bucket = row.bucket.label().to_owned();
                if let Some(first) = bucket.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                format!(
                    "{bucket} takes {:.0} % of {} against a {} % target",
                    row.actual,
                    shares.basis.label(),
                    format_number(row.target)
                )
            }
            _ => format!("Effort matches the {target} target within {MAX_GAP_POINTS} points"),
        }
    }

    /// A takeaway title for the chart, for the PM to sharpen.
    pub fn default_title(&self, kind: ChartKind) -> String {
        match kind {
            ChartKind::Allocation => self.allocation_headline(),
            ChartKind::Tracks => {
                let now: Vec<&InitiativeFigures> = self
                    .initiatives
                    .iter()
                    .filter(|i| i.horizon == Some(Horizon::Now))
                    .collect();
                let unlock = self.initiatives.iter().find_map(|later| {
                    let feeds = later.depends_on.iter().find(|d| {
                        now.iter()
                            .any(|n| n.name.trim().eq_ignore_ascii_case(d.trim()))
                    })?;
                    (later.horizon != Some(Horizon::Now)).then(|| (feeds.clone(), later))
                });
                match unlock {
                    Some((now, next)) => {
                        format!("{} in Now unlocks {}", now.trim(), next.name.trim())
                    }
                    None => "Now, Next, Later: what today's work unlocks".to_owned(),
                }
            }
            ChartKind::Gates => match &self.tracker {
                Some(tracker) => format!("{}: how its evidence gates stand", tracker.initiative),
                None => "Evidence gates and stopping rules".to_owned(),
            },
            ChartKind::AssumptionMap => {
                let first = self
                    .assumptions
                    .iter()
                    .flatten()
                    .filter(|p| p.test_first())
                    .count();
                match first {
                    0 => {
                        "No important assumption rests on an anecdote or a survey alone".to_owned()
                    }
                    1 => "One important assumption is unproven: test it first".to_owned(),
                    n => format!("{n} important assumptions are unproven: test them first"),
                }
            }
            _ => {
                let value = |i: &InitiativeFigures| match self.value {
                    ValueAxis::Npv => i.npv,
                    ValueAxis::Ecv => i.ecv,
                };
                let fits: Vec<f64> = self.initiatives.iter().filter_map(|i| i.fit).collect();
                let median_fit = median(fits);
                let leader = self
                    .initiatives
                    .iter()
                    .filter(|i| i.fit.zip(median_fit).is_some_and(|(f, m)| f >= m))
                    .max_by(|a, b| value(a).total_cmp(&value(b)));
                match leader {
                    Some(i) => format!(
                        "{} leads on {} and strategic fit",
                        i.name.trim(),
                        self.value.label()
                    ),
                    None => format!("Portfolio: {} × strategic fit", self.value.label()),
                }
            }
        }
    }

    /// What a screen reader says for the chart, and the Markdown export's
    /// alt text: the figures in words.
    pub fn describe(&self, kind: ChartKind) -> String {
        let day = self.as_of;
        match kind {
            ChartKind::Allocation => {
                let shares = allocation(&self.initiatives(), &self.targets);
                let rows: Vec<String> = shares
                    .rows
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {:.0} % (target {} %)",
                            r.bucket.label(),
                            r.actual,
                            format_number(r.target)
                        )
                    })
                    .collect();
                format!("Allocation by {} as of {day}: {}.", shares.basis.label(), rows.join(", "))
            }
            ChartKind::Tracks => {
                let lane = |h: Horizon| {
                    let names: Vec<&str> = self
                        .initiatives
                        .iter()
                        .filter(|i| i.horizon == Some(h))
                        .map(|i| i.name.trim())
                        .collect();
                    format!(
                        "{}: {}",
                        h.label(),
                        if names.is_empty() { "none".to_owned() } else { names.join(", ") }
                    )
                };
                let links: Vec<String> = self
                    .initiatives
                    .iter()
                    .flat_map(|i| {
                        i.depends_on
                            .iter()
                            .map(move |d| format!("{} → {}", d.trim(), i.name.trim()))
                    })
                    .collect();
                format!(
                    "Dual tracks as of {day}. {}; {}; {}.{}",
                    lane(Horizon::Now),
                    lane(Horizon::Next),
                    lane(Horizon::Later),
                    if links.is_empty() {
                        String::new()
                    } else {
                        format!(" Dependencies: {}.", links.join(", "))
                    }
                )
            }
            ChartKind::AssumptionMap => {
                let points = self.assumptions.as_deref().unwrap_or(&[]);
                let first: Vec<&str> = points
                    .iter()
                    .filter(|p| p.test_first())
                    .map(|p| p.statement.as_str())
                    .collect();
                format!(
                    "Assumption map as of {day}: {} assumption{} by importance and evidence; test first: {}.",
                    points.len(),
                    if points.len() == 1 { "" } else { "s" },
                    if first.is_empty() { "none".to_owned() } else { first.join("; ") }
                )
            }
            ChartKind::Gates => match &self.tracker {
                Some(t) => format!(
                    "Gate tracker for {} as of {day}: {} evidence gate{}, {} stopping rule{}, {} reading{}.",
                    t.initiative,
                    t.gates.len(),
                    if t.gates.len() == 1 { "" } else { "s" },
                    t.stopping_rules.len(),
                    if t.stopping_rules.len() == 1 { "" } else { "s" },
                    t.readings.len(),
                    if t.readings.len() == 1 { "" } else { "s" },
                ),
                None => String::new(),
            },
            _ => {
                let mut ranked: Vec<&InitiativeFigures> = self.initiatives.iter().collect();
                let value = |i: &InitiativeFigures| match self.value {
                    ValueAxis::Npv => i.npv,
                    ValueAxis::Ecv => i.ecv,
                };
                ranked.sort_by(|a, b| value(b).total_cmp(&value(a)));
                let top: Vec<String> = ranked
                    .iter()
                    .take(3)
                    .map(|i| {
                        format!(
                            "{} ({} {}, fit {})",
                            i.name.trim(),
                            self.value.label(),
                            format_number(value(i)),
                            i.fit.map_or("not scored".to_owned(), format_number)
                        )
                    })
                    .collect();
                format!(
                    "Portfolio matrix of {} initiatives by strategic fit and {} as of {day}; highest: {}.",
                    self.initiatives.len(),
                    self.value.label(),
                    top.join(", ")
                )
            }
        }
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// Money to the cent: the figures a slide prints, and no float noise in
/// the story file.
fn round_money(value: f64) -> f64 {
    if value.is_finite() {
        (value * 100.0).round() / 100.0
    } else {
        0.0
    }
}

fn round_fit(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn number(value: f64) -> String {
    format!("{value}")
}

fn optional(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

const FIGURES_HEADER: [&str; 9] = [
    "name",
    "bucket",
    "horizon",
    "fit",
    "npv",
    "ecv",
    "cost",
    "fte",
    "depends_on",
];

fn figures_csv(initiatives: &[InitiativeFigures]) -> String {
    let mut out = csv_row(&FIGURES_HEADER.map(str::to_owned));
    for i in initiatives {
        out.push_str(&csv_row(&[
            i.name.clone(),
            i.bucket.map(Bucket::label).unwrap_or_default().to_owned(),
            i.horizon
                .map(|h| h.label().to_lowercase())
                .unwrap_or_default(),
            optional(i.fit),
            number(i.npv),
            number(i.ecv),
            optional(i.cost),
            optional(i.fte),
            i.depends_on.join("; "),
        ]));
    }
    out
}

const TRACKER_HEADER: [&str; 12] = [
    "part",
    "date",
    "metric",
    "comparator",
    "threshold",
    "unit",
    "window",
    "action",
    "margin",
    "id",
    "cohort",
    "value",
];

fn comparator_text(c: Comparator) -> &'static str {
    match c {
        Comparator::Below => "<",
        Comparator::AtMost => "<=",
        Comparator::Above => ">",
        Comparator::AtLeast => ">=",
    }
}

fn window_text(window: &CriterionWindow) -> String {
    match window {
        CriterionWindow::Latest => "latest".into(),
        CriterionWindow::Consecutive { readings } => format!("consecutive {readings}"),
        CriterionWindow::RollingAverage { days } => format!("average {days}"),
        CriterionWindow::ByDay { start, days } => format!("by-day {} {days}", start.trim()),
    }
}

fn action_text(action: &Action) -> String {
    match action {
        Action::Halt => "halt".into(),
        Action::PivotTo(to) => format!("pivot: {}", to.trim()),
        Action::EscalateTo(to) => format!("escalate: {}", to.trim()),
    }
}

fn decision_text(decision: Option<GateDecision>) -> &'static str {
    match decision {
        None => "",
        Some(GateDecision::Go) => "go",
        Some(GateDecision::Kill) => "kill",
        Some(GateDecision::Hold) => "hold",
        Some(GateDecision::Recycle) => "recycle",
    }
}

fn tracker_csv(tracker: &GateTracker) -> String {
    let mut out = csv_row(&TRACKER_HEADER.map(str::to_owned));
    for gate in &tracker.gates {
        out.push_str(&csv_row(&[
            "gate".into(),
            gate.date.to_string(),
            gate.metric.clone(),
            if gate.at_most { "<=" } else { ">=" }.into(),
            number(gate.threshold),
            gate.unit.clone(),
            String::new(),
            decision_text(gate.decision).into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    for rule in &tracker.stopping_rules {
        out.push_str(&csv_row(&[
            "rule".into(),
            rule.by.clone(),
            rule.metric.clone(),
            comparator_text(rule.comparator).into(),
            number(rule.threshold),
            rule.unit.clone(),
            window_text(&rule.window),
            action_text(&rule.action),
            number(rule.margin),
            rule.id.clone(),
            rule.cohort.clone(),
            String::new(),
        ]));
    }
    for reading in &tracker.readings {
        out.push_str(&csv_row(&[
            "reading".into(),
            reading.date.to_string(),
            reading.metric.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            number(reading.value),
        ]));
    }
    out
}

/// Why a portfolio chart block's rows could not be read; every problem
/// names its row (the header is row 1) and column.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SnapshotError {
    #[error(transparent)]
    Table(#[from] TableError),
    #[error("the rows need the header {expected}")]
    Header { expected: String },
    #[error("row {row}, column “{column}”: {problem}")]
    Cell {
        row: usize,
        column: &'static str,
        problem: String,
    },
}

struct Cells<'a> {
    row: usize,
    cells: &'a [String],
    header: &'static [&'static str],
    decimal_comma: bool,
}

impl Cells<'_> {
    fn text(&self, column: &'static str) -> String {
        self.header
            .iter()
            .position(|h| *h == column)
            .and_then(|i| self.cells.get(i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    }

    fn problem(&self, column: &'static str, problem: impl Into<String>) -> SnapshotError {
        SnapshotError::Cell {
            row: self.row,
            column,
            problem: problem.into(),
        }
    }

    fn number(&self, column: &'static str) -> Result<Option<f64>, SnapshotError> {
        number_cell(&self.text(column), self.decimal_comma).map_err(|why| self.problem(column, why))
    }

    fn required(&self, column: &'static str) -> Result<f64, SnapshotError> {
        self.number(column)?
            .ok_or_else(|| self.problem(column, "needs a number"))
    }

    fn date(&self, column: &'static str) -> Result<CivilDate, SnapshotError> {
        let text = self.text(column);
        text.parse()
            .map_err(|_| self.problem(column, format!("“{text}” is not a date (YYYY-MM-DD)")))
    }
}

/// A row's spreadsheet number and its cells.
type NumberedRow = (usize, Vec<String>);

/// The rows under `header` (which must open the table), and whether the
/// table's decimal separator is a comma.
fn rows_with_header(
    text: &str,
    header: &'static [&'static str],
) -> Result<(Vec<NumberedRow>, bool), SnapshotError> {
    let table = text_rows(text)?;
    let mut rows = table.rows.into_iter();
    let found = rows.next().map(|(_, cells)| cells).unwrap_or_default();
    let matches = found.len() >= header.len()
        && found
            .iter()
            .zip(header)
            .all(|(cell, name)| cell.trim().eq_ignore_ascii_case(name));
    if !matches {
        return Err(SnapshotError::Header {
            expected: header.join(","),
        });
    }
    let rows = rows
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok((rows, table.decimal_comma))
}

/// The matrix's, allocation's and dual tracks' rows from a story file.
pub fn parse_figures(text: &str) -> Result<Vec<InitiativeFigures>, SnapshotError> {
    let (rows, decimal_comma) = rows_with_header(text, &FIGURES_HEADER)?;
    if rows.len() > MAX_SNAPSHOT_INITIATIVES {
        return Err(SnapshotError::Cell {
            row: MAX_SNAPSHOT_INITIATIVES + 2,
            column: "name",
            problem: format!(
                "a portfolio chart holds at most {MAX_SNAPSHOT_INITIATIVES} initiatives"
            ),
        });
    }
    rows.iter()
        .map(|(row, cells)| {
            let cells = Cells {
                row: *row,
                cells,
                header: &FIGURES_HEADER,
                decimal_comma,
            };
            let name = cells.text("name");
            if name.is_empty() {
                return Err(cells.problem("name", "every initiative needs a name"));
            }
            let bucket = match cells.text("bucket") {
                b if b.is_empty() => None,
                b => Some(Bucket::parse(&b).ok_or_else(|| {
                    cells.problem(
                        "bucket",
                        format!("“{b}” is not core, adjacent or transformational"),
                    )
                })?),
            };
            let horizon = match cells.text("horizon") {
                h if h.is_empty() => None,
                h => Some(Horizon::parse(&h).ok_or_else(|| {
                    cells.problem("horizon", format!("“{h}” is not now, next or later"))
                })?),
            };
            Ok(InitiativeFigures {
                name,
                bucket,
                horizon,
                fit: cells.number("fit")?,
                npv: cells.required("npv")?,
                ecv: cells.required("ecv")?,
                cost: cells.number("cost")?,
                fte: cells.number("fte")?,
                depends_on: cells
                    .text("depends_on")
                    .split(';')
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect()
}

fn parse_comparator(text: &str) -> Option<Comparator> {
    Some(match text.trim() {
        "<" => Comparator::Below,
        "<=" | "≤" => Comparator::AtMost,
        ">" => Comparator::Above,
        ">=" | "≥" => Comparator::AtLeast,
        _ => return None,
    })
}

fn parse_window(text: &str) -> Option<CriterionWindow> {
    let words: Vec<&str> = text.split_whitespace().collect();
    Some(match words.as_slice() {
        [] | ["latest"] => CriterionWindow::Latest,
        ["consecutive", n] => CriterionWindow::Consecutive {
            readings: n.parse().ok()?,
        },
        ["average", n] => CriterionWindow::RollingAverage {
            days: n.parse().ok()?,
        },
        ["by-day", start, n] => CriterionWindow::ByDay {
            start: (*start).to_owned(),
            days: n.parse().ok()?,
        },
        _ => return None,
    })
}

fn parse_action(text: &str) -> Option<Action> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("halt") {
        return Some(Action::Halt);
    }
    let (verb, to) = text.split_once(':')?;
    let to = to.trim().to_owned();
    match verb.trim().to_lowercase().as_str() {
        "pivot" => Some(Action::PivotTo(to)),
        "escalate" => Some(Action::EscalateTo(to)),
        _ => None,
    }
}

fn parse_decision(text: &str) -> Result<Option<GateDecision>, String> {
    Ok(Some(match text.trim().to_lowercase().as_str() {
        "" => return Ok(None),
        "go" => GateDecision::Go,
        "kill" => GateDecision::Kill,
        "hold" => GateDecision::Hold,
        "recycle" => GateDecision::Recycle,
        other => return Err(format!("“{other}” is not go, kill, hold or recycle")),
    }))
}

/// A gate tracker's rows from a story file.
pub fn parse_tracker(initiative: &str, text: &str) -> Result<GateTracker, SnapshotError> {
    let (rows, decimal_comma) = rows_with_header(text, &TRACKER_HEADER)?;
    let mut tracker = GateTracker {
        initiative: initiative.trim().to_owned(),
        gates: Vec::new(),
        stopping_rules: Vec::new(),
        readings: Vec::new(),
    };
    if rows.len() > MAX_TRACKER_ROWS {
        return Err(SnapshotError::Cell {
            row: MAX_TRACKER_ROWS + 2,
            column: "part",
            problem: format!("a gate tracker holds at most {MAX_TRACKER_ROWS} rows"),
        });
    }
    for (row, cells) in &rows {
        let cells = Cells {
            row: *row,
            cells,
            header: &TRACKER_HEADER,
            decimal_comma,
        };
        let metric = cells.text("metric");
        if metric.is_empty() {
            return Err(cells.problem("metric", "every row names its metric"));
        }
        match cells.text("part").to_lowercase().as_str() {
            "gate" => {
                let at_most = match cells.text("comparator").as_str() {
                    ">=" | "≥" | "" => false,
                    "<=" | "≤" => true,
                    other => {
                        return Err(cells.problem(
                            "comparator",
                            format!("a gate's bar is >= or <=, not “{other}”"),
                        ))
                    }
                };
                tracker.gates.push(EvidenceGate {
                    date: cells.date("date")?,
                    metric,
                    threshold: cells.required("threshold")?,
                    at_most,
                    unit: cells.text("unit"),
                    decision: parse_decision(&cells.text("action"))
                        .map_err(|why| cells.problem("action", why))?,
                });
            }
            "rule" => {
                let comparator = parse_comparator(&cells.text("comparator")).ok_or_else(|| {
                    cells.problem(
                        "comparator",
                        "a stopping rule's comparator is <, <=, > or >=",
                    )
                })?;
                let window = parse_window(&cells.text("window")).ok_or_else(|| {
                    cells.problem(
                        "window",
                        "write latest, consecutive N, average N or by-day YYYY-MM-DD N",
                    )
                })?;
                let action = parse_action(&cells.text("action")).ok_or_else(|| {
                    cells.problem("action", "write halt, pivot: … or escalate: …")
                })?;
                tracker.stopping_rules.push(KillCriterion {
                    id: cells.text("id"),
                    metric,
                    comparator,
                    threshold: cells.required("threshold")?,
                    unit: cells.text("unit"),
                    cohort: cells.text("cohort"),
                    by: cells.text("date"),
                    action,
                    margin: cells.number("margin")?.unwrap_or(0.0),
                    window,
                });
            }
            "reading" => tracker.readings.push(Reading {
                metric,
                date: cells.date("date")?,
                value: cells.required("value")?,
            }),
            other => {
                return Err(cells.problem("part", format!("“{other}” is not gate, rule or reading")))
            }
        }
    }
    Ok(tracker)
}
