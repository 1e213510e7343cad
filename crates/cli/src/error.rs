//! What can go wrong, and the exit code each kind gets:
//! 0 ok · 1 the check found something · 2 bad input or usage · 3 workspace or write failure.

use std::path::PathBuf;

use thiserror::Error;

pub const OK: u8 = 0;
pub const FOUND: u8 = 1;
pub const USAGE: u8 = 2;
pub const WORKSPACE_OR_WRITE: u8 = 3;

#[derive(Debug, Error)]
pub enum CliError {
    /// The arguments do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// An input file could not be read or understood. The message starts
    /// with the line (`12: …`) when there is one.
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    /// The workspace could not be opened or written.
    #[error("{0}")]
    Workspace(String),
    /// An output could not be written.
    #[error("cannot write {}: {message}", path.display())]
    Write { path: PathBuf, message: String },
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Input { .. } => USAGE,
            CliError::Workspace(_) | CliError::Write { .. } => WORKSPACE_OR_WRITE,
        }
    }
}
