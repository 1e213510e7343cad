//! Errors as the front end sees them: `{code, message}`.

use serde::Serialize;
use throughline_store::StoreError;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn no_workspace() -> Self {
        Self {
            code: "no_workspace",
            message: "No workspace is open: open or create one first.".into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            code: "internal",
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        Self {
            code: err.code(),
            message: err.to_string(),
        }
    }
}
