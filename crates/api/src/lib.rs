//! Throughline's use cases, written once. The desktop shell (`src-tauri`)
//! and the command line (`crates/cli`) are thin doors onto these functions:
//! they check what they must (a file grant, the arguments), call one use case,
//! and map its [`ApiError`] to `{code, message}` or to an exit code.

pub mod audit;
pub mod branding;
pub mod chart_data;
pub mod clock;
pub mod coach;
pub mod error;
pub mod export;
pub mod files;
pub mod journals;
pub mod limits;
pub mod paths;
pub mod portfolio;
pub mod sending;
pub mod stories;
pub mod team;
pub mod workspace;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{ApiError, ErrorCode};
