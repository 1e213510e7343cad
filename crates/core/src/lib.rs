//! Throughline's domain model: an executive update told as
//! Context → Conflict → Resolution → Evidence. Pure data and rules, no I/O.

pub mod audit;
#[cfg(test)]
mod audit_tests;
pub mod beat_jobs;
pub mod branding;
pub mod chart;
pub mod chart_reading;
pub mod coach;
pub mod date;
pub mod error;
pub mod example;
pub mod journal;
pub mod lifecycle;
pub mod line_diff;
pub mod memo;
pub mod parallel;
pub mod portfolio;
pub mod stats;
pub mod story;
pub mod table;
pub mod template;
pub mod text;
pub mod update;

pub use branding::BrandingSettings;
pub use chart::{ChartKind, ChartSpec, DataRow, DataTable};
pub use date::CivilDate;
pub use error::CoreError;
pub use story::{parse_story, parse_story_mapped, to_markdown, ExtraSection, Story, StoryError};
pub use table::{infer_kind, parse_table, TableError};
pub use update::{
    Beat, Beats, Evidence, MetricEvidence, OtherParts, QuoteEvidence, Status, Update, UpdateFields,
    UpdateId, UpdateSummary, MAX_FIELD_CHARS, MAX_OTHER_PARTS,
};
