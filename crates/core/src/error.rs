use thiserror::Error;

/// Why the domain refused a value. Each variant names what to fix.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CoreError {
    #[error("{field} is too long: {chars} characters, the limit is {max}")]
    FieldTooLong {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    #[error("the chart has too many {what}: {count}, the limit is {max}")]
    ChartTooLarge {
        what: &'static str,
        count: usize,
        max: usize,
    },
    #[error("the update keeps too many other sections and front-matter keys: {count}, the limit is {max}")]
    TooManyOtherParts { count: usize, max: usize },
    #[error("the chart cannot be drawn: {0}")]
    InvalidChart(String),
    #[error("the {0} beat is empty: fill every beat before marking the update ready")]
    BeatMissing(&'static str),
    #[error("\"{0}\" is not a date in the form YYYY-MM-DD")]
    InvalidDate(String),
    #[error("\"{0}\" is not a status: use draft or ready")]
    InvalidStatus(String),
    #[error("{0}")]
    InvalidBranding(String),
    #[error("{0}")]
    InvalidJournal(String),
    #[error("{0}")]
    InvalidPortfolio(String),
    #[error("{0}")]
    InvalidAudit(String),
    #[error("{0}")]
    InvalidTeam(String),
    #[error("the coach found {count} error(s) to fix before this update is ready: {first}")]
    CoachErrors { count: usize, first: String },
}
