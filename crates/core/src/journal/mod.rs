//! The decision journal: a roadmap bet's assumptions, alternatives and kill
//! criteria, the criteria judged against real readings, and a hash-chained
//! history once the journal is shared. No I/O.

mod dates;
mod evaluate;
mod history;
mod model;
mod readings;
mod share;
mod units;
mod weak;

pub use evaluate::{evaluate, CriterionStatus, Evaluation};
pub use history::{content_hash, diff, verify_chain, Revision, TamperReport, GENESIS};
pub use model::{
    Action, Alternative, Assumption, Comparator, CriterionWindow, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion, MAX_WINDOW,
};
pub use readings::{parse_readings, ParsedReadings, Reading, ReadingProblem};
pub use share::{lines, to_markdown};
pub use weak::weak_points;

#[cfg(test)]
mod tests;
