//! The decision journal: a roadmap bet's assumptions, alternatives and kill
//! criteria, the criteria judged against real readings, and a hash-linked
//! history (a graph that may fork and be joined) once the journal is shared. No I/O.

mod dates;
mod evaluate;
mod history;
mod model;
mod readings;
mod share;
mod units;
mod weak;

pub use evaluate::{evaluate, CriterionStatus, Evaluation};
pub use history::{
    content_hash, current_head, diff, heads, next_parents, verify_history, Revision, TamperReport,
    GENESIS,
};
pub use model::{
    Action, Alternative, Assumption, Comparator, CriterionWindow, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion, MAX_WINDOW,
};
pub use readings::{parse_readings, ParsedReadings, Reading, ReadingProblem};
pub use share::{lines, to_markdown};
pub use weak::weak_points;

#[cfg(test)]
mod tests;
