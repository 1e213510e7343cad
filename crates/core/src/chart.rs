//! The one chart an update carries: what kind, what it says, and its data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chart_reading::Better;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Time series, one or more series (columns after the first).
    #[default]
    Line,
    /// Categories (first column), one or more series: grouped bars.
    Bar,
    /// Two rows (before, after): the difference is computed and drawn.
    BeforeAfter,
    /// Stages in order (first column) with one value each; drops computed.
    Funnel,
    /// One KPI: the last value, its delta against the first (the baseline).
    BigNumber,
    /// Columns label, x, y, size: a 2×2 of bubbles.
    Bubble,
    /// The portfolio's NPV (or ECV) × strategic-fit matrix, drawn from a
    /// snapshot of the initiatives' figures.
    PortfolioMatrix,
    /// The portfolio's 70/20/10 allocation, actual against target.
    Allocation,
    /// The Now/Next/Later dual tracks with their dependencies.
    Tracks,
    /// One initiative's evidence gates and stopping rules.
    Gates,
    /// The decision journals' assumptions by importance × evidence.
    AssumptionMap,
}

impl ChartKind {
    /// The kinds drawn from a pasted table.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Line,
        ChartKind::Bar,
        ChartKind::BeforeAfter,
        ChartKind::Funnel,
        ChartKind::BigNumber,
        ChartKind::Bubble,
    ];

    /// The kinds drawn from a snapshot of the portfolio.
    pub const PORTFOLIO: [ChartKind; 5] = [
        ChartKind::PortfolioMatrix,
        ChartKind::Allocation,
        ChartKind::Tracks,
        ChartKind::Gates,
        ChartKind::AssumptionMap,
    ];

    /// Whether the chart is one of the portfolio's views.
    pub fn is_portfolio(self) -> bool {
        Self::PORTFOLIO.contains(&self)
    }

    /// The name used in story files (`kind: before-after`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::BeforeAfter => "before-after",
            ChartKind::Funnel => "funnel",
            ChartKind::BigNumber => "big-number",
            ChartKind::Bubble => "bubble",
            ChartKind::PortfolioMatrix => "portfolio-matrix",
            ChartKind::Allocation => "allocation",
            ChartKind::Tracks => "tracks",
            ChartKind::Gates => "gates",
            ChartKind::AssumptionMap => "assumption-map",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .chain(Self::PORTFOLIO)
            .find(|kind| kind.as_str() == wanted)
    }
}

/// A table of numbers as pasted: a header row, then rows whose first cell is
/// the x value or label and whose other cells are numbers (`None` = a gap).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DataTable {
    /// Column names; `header[0]` names the label column.
    pub header: Vec<String>,
    pub rows: Vec<DataRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DataRow {
    pub label: String,
    /// One value per column after the first; `None` is an empty cell.
    pub values: Vec<Option<f64>>,
}

impl DataTable {
    /// The names of the value columns (the series).
    pub fn series_names(&self) -> &[String] {
        self.header.get(1..).unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The most series a reader can tell apart in one chart: the coach warns
/// past it, and an imported table is turned only when the turn keeps
/// within it.
pub const READABLE_SERIES: usize = 4;

/// Everything needed to draw the chart. The annotations (differences,
/// growth, drops) are never stored: the renderer computes them from `data`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartSpec {
    pub kind: ChartKind,
    /// Should state the takeaway ("Activation rose 9 points with the checklist").
    pub title: String,
    /// Alternative text for screen readers and the Markdown export.
    pub alt: String,
    /// The series (or, for one-series charts, the category) drawn in the
    /// accent colour; the rest are grey. `None`: the renderer picks.
    pub highlight: Option<String>,
    /// The unit of the values, e.g. `%`, `$`, `users`.
    pub unit: Option<String>,
    /// Which way is good news; `None`: inferred from the names
    /// ([`crate::chart_reading::better_way`]).
    #[serde(default)]
    pub better: Option<Better>,
    pub data: DataTable,
    /// For a portfolio view ([`ChartKind::is_portfolio`]): the figures it
    /// is drawn from, as of the day they were taken; `data` stays empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub portfolio: Option<crate::portfolio::PortfolioSnapshot>,
}

impl ChartSpec {
    /// The chart as it is drawn: a bar or line chart whose last row is the
    /// total of the rows above it ("Total", "Grand total") draws its parts
    /// only. A total among its parts is a bar that dwarfs them and a point
    /// that is no period; the headline states the change in the sum.
    pub fn drawn_parts(&self) -> std::borrow::Cow<'_, ChartSpec> {
        let ends_in_total = matches!(self.kind, ChartKind::Bar | ChartKind::Line)
            && self.data.rows.len() >= 3
            && self
                .data
                .rows
                .last()
                .is_some_and(|row| names_a_total(&row.label));
        if !ends_in_total {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut parts = self.clone();
        parts.data.rows.pop();
        std::borrow::Cow::Owned(parts)
    }
}

/// A row label that names the total of the rows above it: "Total",
/// "Total cost", "Totals", "Grand total", "Sum".
pub fn names_a_total(label: &str) -> bool {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    match words.as_slice() {
        [first, ..] if first == "total" || first == "totals" => true,
        [first, second, ..] => first == "grand" && second == "total",
        [only] => only == "sum",
        [] => false,
    }
}
