//! Before a workspace leaves the laptop: an update deleted for good, and a
//! clean copy to send.

use std::path::Path;

use throughline_core::UpdateId;
use throughline_store::Workspace;

use crate::{ApiError, ErrorCode};

/// Removes an update from the workspace file for good (no undo). Backups
/// taken earlier still hold it; the dialog that asks says so.
pub fn delete_permanently(workspace: &Workspace, id: UpdateId) -> Result<(), ApiError> {
    Ok(workspace.delete_permanently(id)?)
}

/// Writes a copy of the workspace for someone else to `target`: only what
/// the app shows (no deleted updates, no leftover text in free pages). The
/// target must not be the workspace itself, and must be a regular file or
/// not exist yet.
pub fn prepare_to_send(workspace: &Workspace, target: &Path) -> Result<(), ApiError> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(target, workspace.path()) {
        return Err(ApiError::invalid(
            "choose another file for the copy: this is the workspace itself",
        ));
    }
    crate::files::check_target(target)?;
    workspace.write_clean_copy(target).map_err(|err| {
        ApiError::new(
            ErrorCode::WriteFailed,
            format!("the copy to send could not be written: {err}"),
        )
    })
}
