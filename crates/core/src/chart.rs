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
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Line,
        ChartKind::Bar,
        ChartKind::BeforeAfter,
        ChartKind::Funnel,
        ChartKind::BigNumber,
        ChartKind::Bubble,
    ];

    /// The name used in story files (`kind: before-after`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::BeforeAfter => "before-after",
            ChartKind::Funnel => "funnel",
            ChartKind::BigNumber => "big-number",
            ChartKind::Bubble => "bubble",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|kind| kind.as_str() == wanted)
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
}
