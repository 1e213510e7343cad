//! The portfolio: initiatives with their value, fit and risk; the 70/20/10
//! allocation; Now/Next dependencies; evidence gates and stopping rules;
//! and the checks that keep them honest. No I/O.

mod allocation;
mod assumption_map;
mod checks;
mod import;
mod model;
mod snapshot;
mod value;

pub use allocation::{allocation, Allocation, AllocationRow, Basis};
pub use assumption_map::{assumption_points, parse_assumption_map, AssumptionPoint};
pub use checks::{check, find_cycles, Check, CheckId, CheckStatus, MAX_GAP_POINTS};
pub use import::{parse_initiatives, ImportError};
pub use model::{
    Bucket, BucketTargets, EvidenceGate, FitCriterion, GateDecision, Horizon, Initiative, Period,
    PortfolioSettings, Risk, RiskKind, MAX_AMOUNT, MAX_NAME_CHARS, MAX_PERIODS,
};
pub use snapshot::{
    parse_figures, parse_tracker, GateTracker, InitiativeFigures, PortfolioSnapshot, SnapshotError,
    ValueAxis, MAX_SNAPSHOT_INITIATIVES, MAX_TRACKER_ROWS,
};
pub use value::{value, Valuation};

#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
mod tests;
