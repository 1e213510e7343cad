//! The one lifecycle of an update's status. Every door (the window, the CLI,
//! an import, the store after an edit or a reading) decides an update's status
//! here and nowhere else:
//!
//! **ready ⇒ every beat holds text and the coach finds no error** (the coach
//! reads the decision journal the update backs, so a triggered kill criterion
//! counts too).
//!
//! [`request`] answers a user asking for a status; [`settle`] re-decides a
//! status after anything that can change the verdict without the user asking
//! (an edit, an import, readings recorded for a linked journal, the link
//! changed, a newer coach) and says why a ready update went back to draft.

use crate::coach::{review_with, JournalContext, Severity};
use crate::update::{Beat, Status, UpdateFields};
use crate::CoreError;

/// Why these fields cannot be ready, or `Ok` when they can.
pub fn readiness(fields: &UpdateFields, journal: &JournalContext) -> Result<(), CoreError> {
    let filled = fields.beats.filled();
    if let Some((beat, _)) = Beat::ALL.iter().zip(filled).find(|(_, f)| !f) {
        return Err(CoreError::BeatMissing(beat.name()));
    }
    let review = review_with(fields, &[], journal);
    let mut errors = review
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error);
    if let Some(first) = errors.next() {
        return Err(CoreError::CoachErrors {
            count: 1 + errors.count(),
            first: first.message.clone(),
        });
    }
    Ok(())
}

/// The status a user asked for, if the update may have it.
pub fn request(
    status: Status,
    fields: &UpdateFields,
    journal: &JournalContext,
) -> Result<Status, CoreError> {
    if status == Status::Ready {
        readiness(fields, journal)?;
    }
    Ok(status)
}

/// A status as re-decided by [`settle`], with the reason when it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    /// Why a ready update returned to draft; `None` when nothing changed.
    pub note: Option<String>,
}

/// Re-decides `current` for these fields: a draft stays a draft, a ready
/// update that no longer passes [`readiness`] returns to draft and says why.
pub fn settle(current: Status, fields: &UpdateFields, journal: &JournalContext) -> Verdict {
    match current {
        Status::Draft => Verdict {
            status: Status::Draft,
            note: None,
        },
        Status::Ready => match readiness(fields, journal) {
            Ok(()) => Verdict {
                status: Status::Ready,
                note: None,
            },
            Err(reason) => Verdict {
                status: Status::Draft,
                note: Some(format!("Returned to draft: {reason}")),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Beats;

    fn fields(evidence: &str) -> UpdateFields {
        UpdateFields {
            title: "Sharing lifts activation 9 points".into(),
            beats: Beats {
                context: "a".into(),
                conflict: "b".into(),
                resolution: "c".into(),
                evidence: evidence.into(),
            },
            ..UpdateFields::default()
        }
    }

    const GOOD: &str = "In six weeks, 41% against 32% before.";

    #[test]
    fn a_ready_update_that_gains_a_coach_error_returns_to_draft_and_says_why() {
        let verdict = settle(
            Status::Ready,
            &fields("Customers like it."),
            &JournalContext::default(),
        );
        assert_eq!(verdict.status, Status::Draft);
        let note = verdict.note.unwrap();
        assert!(note.starts_with("Returned to draft: "), "{note}");
        assert!(note.contains("no number"), "{note}");
    }

    #[test]
    fn a_passing_ready_update_stays_ready_and_a_draft_stays_a_draft() {
        let ok = fields(GOOD);
        assert_eq!(
            settle(Status::Ready, &ok, &JournalContext::default()),
            Verdict {
                status: Status::Ready,
                note: None
            }
        );
        assert_eq!(
            settle(Status::Draft, &ok, &JournalContext::default()).status,
            Status::Draft
        );
    }

    #[test]
    fn a_triggered_kill_criterion_in_the_linked_journal_blocks_ready() {
        let journal = JournalContext {
            triggered: vec!["Sharing activation < 20% by 2026-12-01".into()],
            ..JournalContext::default()
        };
        assert!(request(Status::Ready, &fields(GOOD), &journal).is_err());
        assert_eq!(
            settle(Status::Ready, &fields(GOOD), &journal).status,
            Status::Draft
        );
        assert_eq!(
            request(Status::Draft, &fields(GOOD), &journal).unwrap(),
            Status::Draft
        );
    }

    #[test]
    fn an_empty_beat_is_named() {
        let mut missing = fields(GOOD);
        missing.beats.conflict = " ".into();
        assert_eq!(
            readiness(&missing, &JournalContext::default()),
            Err(CoreError::BeatMissing("conflict"))
        );
    }
}
