//! The story coach beside the editor, with the update's silenced rules and
//! what the journal it backs says.

use serde::Serialize;
use throughline_core::coach::{review_with, Finding};
use throughline_core::{UpdateFields, UpdateId};
use throughline_store::Workspace;
use ts_rs::TS;

use crate::ApiError;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ReviewView {
    pub score: u8,
    pub ready: bool,
    pub findings: Vec<Finding>,
    pub silenced: Vec<Finding>,
    pub silenced_rules: Vec<String>,
}

pub fn review_update(
    workspace: &Workspace,
    id: UpdateId,
    fields: &UpdateFields,
) -> Result<ReviewView, ApiError> {
    let silenced_rules = workspace.silenced_rules(id)?;
    let review = review_with(fields, &silenced_rules, &workspace.coach_context(id)?);
    Ok(ReviewView {
        score: review.score,
        ready: review.ready,
        findings: review.findings,
        silenced: review.silenced,
        silenced_rules,
    })
}
