//! What can go wrong, and the exit code each kind gets:
//! 0 ok · 1 the check found something · 2 bad input or usage · 3 workspace or write failure.

use std::path::{Path, PathBuf};

use thiserror::Error;
use throughline_api::{ApiError, ErrorCode};

pub const OK: u8 = 0;
pub const FOUND: u8 = 1;
pub const USAGE: u8 = 2;
pub const WORKSPACE_OR_WRITE: u8 = 3;

#[derive(Debug, Error)]
pub enum CliError {
    /// The arguments do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// A use case refused, with the app's own code and message.
    #[error("{0}")]
    Api(ApiError),
    /// An output could not be written.
    #[error("cannot write {}: {message}", path.display())]
    Write { path: PathBuf, message: String },
}

impl CliError {
    /// A use case's error about an input file, as the app words it (the
    /// message names the file).
    pub fn input(_path: &Path, err: ApiError) -> Self {
        CliError::Api(err)
    }

    /// A use case's error while writing `path`.
    pub fn write(path: &Path, err: ApiError) -> Self {
        match err.code {
            // The input was refused (a template that is not one): bad input, not a write.
            ErrorCode::WriteFailed | ErrorCode::InvalidInput => CliError::Api(err),
            _ => CliError::Write {
                path: path.to_owned(),
                message: err.message,
            },
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => USAGE,
            CliError::Write { .. } => WORKSPACE_OR_WRITE,
            CliError::Api(err) => match err.code {
                ErrorCode::InvalidInput
                | ErrorCode::NotFound
                | ErrorCode::Io
                | ErrorCode::NotChosen
                | ErrorCode::Tampered => USAGE,
                _ => WORKSPACE_OR_WRITE,
            },
        }
    }
}
