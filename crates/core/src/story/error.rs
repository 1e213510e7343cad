use thiserror::Error;

use crate::table::TableError;
use crate::ChartKind;

/// Why a story file was refused. Every variant names the line to fix
/// (1-based, as an editor shows it) and says what to do.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StoryError {
    #[error(
        "line {line}: the front matter that opens here never closes: add a line with --- after \
         its last key"
    )]
    UnclosedFrontMatter { line: usize },
    #[error("line {line}: expected `key: value` in the {block}, found {text:?}")]
    NotKeyValue {
        line: usize,
        block: &'static str,
        text: String,
    },
    #[error(
        "line {line}: the quoted value of {key:?} has no closing quote: end it with \" (write \\\" \
         for a quote inside it)"
    )]
    UnclosedQuote { line: usize, key: String },
    #[error(
        "line {line}: there is text after the closing quote of {key:?}: put the whole value inside \
         the quotes (write \\\" for a quote inside it)"
    )]
    TextAfterQuote { line: usize, key: String },
    #[error(
        "line {line}: {key:?} is set twice in the {block} (first on line {first_line}): keep one"
    )]
    DuplicateKey {
        line: usize,
        block: &'static str,
        key: String,
        first_line: usize,
    },
    #[error("line {line}: {key:?} is not a {block} key: use {valid}")]
    UnknownKey {
        line: usize,
        block: &'static str,
        key: String,
        valid: &'static str,
    },
    #[error("line {line}: {value:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-23")]
    InvalidDate { line: usize, value: String },
    #[error("line {line}: {value:?} is not a status: use draft or ready")]
    InvalidStatus { line: usize, value: String },
    #[error(
        "line {line}: a second \"## {beat}\" section (the first is on line {first_line}): merge \
         the two into one"
    )]
    DuplicateBeat {
        line: usize,
        beat: &'static str,
        first_line: usize,
    },
    #[error(
        "line {line}: the code block that opens here with {fence} never closes: add a line with \
         {fence} where it ends"
    )]
    UnclosedFence { line: usize, fence: String },
    #[error(
        "line {line}: a second metric or quote block in the evidence (the first is on line \
         {first_line}): the evidence holds one metric or one quote, keep one"
    )]
    DuplicateEvidence { line: usize, first_line: usize },
    #[error(
        "line {line}: a second chart block (the first is on line {first_line}): an update \
         carries one chart, keep one"
    )]
    DuplicateChart { line: usize, first_line: usize },
    #[error("line {line}: {kind:?} is not a chart kind: use one of {valid}", valid = chart_kinds())]
    UnknownChartKind { line: usize, kind: String },
    #[error("line {line}: “better: {word}” is neither up nor down (which way is good news)")]
    UnknownBetter { line: usize, word: String },
    #[error(
        "line {line}: the chart block has no data: after its keys, leave a blank line and paste \
         the table with its header row"
    )]
    ChartWithoutData { line: usize },
    #[error("line {line}: {source}")]
    ChartData { line: usize, source: TableError },
    #[error(
        "line {line}: highlight {highlight:?} names no series or category of the chart's data: \
         use one of {options}"
    )]
    UnknownHighlight {
        line: usize,
        highlight: String,
        options: String,
    },
    #[error("line {line}: the portfolio chart cannot be read: {message}")]
    PortfolioChart { line: usize, message: String },
    #[error("line {line}: {name:?} is not a template: use one of {valid}", valid = crate::template::TemplateId::names())]
    UnknownTemplate { line: usize, name: String },
}

impl StoryError {
    /// The line of the story file to fix (1-based).
    pub fn line(&self) -> usize {
        match self {
            StoryError::UnclosedFrontMatter { line }
            | StoryError::NotKeyValue { line, .. }
            | StoryError::UnclosedQuote { line, .. }
            | StoryError::TextAfterQuote { line, .. }
            | StoryError::DuplicateKey { line, .. }
            | StoryError::UnknownKey { line, .. }
            | StoryError::InvalidDate { line, .. }
            | StoryError::InvalidStatus { line, .. }
            | StoryError::DuplicateBeat { line, .. }
            | StoryError::UnclosedFence { line, .. }
            | StoryError::DuplicateEvidence { line, .. }
            | StoryError::DuplicateChart { line, .. }
            | StoryError::UnknownChartKind { line, .. }
            | StoryError::UnknownBetter { line, .. }
            | StoryError::ChartWithoutData { line }
            | StoryError::ChartData { line, .. }
            | StoryError::UnknownHighlight { line, .. }
            | StoryError::PortfolioChart { line, .. }
            | StoryError::UnknownTemplate { line, .. } => *line,
        }
    }
}

fn chart_kinds() -> String {
    ChartKind::ALL
        .iter()
        .chain(&ChartKind::PORTFOLIO)
        .map(|kind| kind.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
