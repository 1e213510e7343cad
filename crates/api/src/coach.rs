//! The story coach beside the editor, with the update's silenced rules and
//! what the journal it backs says.

use serde::Serialize;
use throughline_core::coach::{review_slide, Finding, JournalContext, Review, SlideFacts};
use throughline_core::{UpdateFields, UpdateId};
use throughline_render::{slide_cuts_text, Branding, SlideInput};
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
    let branding = crate::export::workspace_branding(workspace);
    let review = review_with_slide(
        fields,
        &silenced_rules,
        &workspace.coach_context(id)?,
        &branding,
    );
    Ok(ReviewView {
        score: review.score,
        ready: review.ready,
        findings: review.findings,
        silenced: review.silenced,
        silenced_rules,
    })
}

/// The coach on a story file (the CLI's `lint`): no journal, nothing
/// silenced, the default look.
pub fn review_story(fields: &UpdateFields) -> Review {
    review_with_slide(
        fields,
        &[],
        &JournalContext::default(),
        &Branding::default(),
    )
}

/// The coach's review with what the slide, drawn in `branding`, says.
fn review_with_slide(
    fields: &UpdateFields,
    silenced: &[String],
    journal: &JournalContext,
    branding: &Branding,
) -> Review {
    let slide = SlideInput {
        fields,
        chart: fields.chart.as_ref(),
        page: 1,
        page_count: 1,
        banner: None,
    };
    let facts = SlideFacts {
        text_cut: slide_cuts_text(&slide, branding),
    };
    review_slide(fields, silenced, journal, &facts)
}
