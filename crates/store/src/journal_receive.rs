//! Revisions of a shared journal received from a teammate (team sync): each
//! is checked against the history this copy holds before it is kept, so a
//! received revision can fork the history or join a fork, but never
//! rewrite it.

use serde::Serialize;
use throughline_core::journal::{heads, Revision, TamperReport, GENESIS};

use crate::connection::write_transaction;
use crate::journals::JournalId;
use crate::{StoreError, Workspace};

/// What became of a received revision that was not refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ReceiveOutcome {
    /// Kept after every revision this copy holds. `heads` is how many heads
    /// the history has now: more than one means it is forked.
    Appended { heads: usize },
    /// This copy already holds it (same hash): nothing was written.
    AlreadyPresent,
    /// It was made on revisions this copy does not hold yet (their
    /// hashes): nothing was written. Not an error, because revisions can
    /// arrive out of order: the caller offers it again once they arrive.
    MissingParents(Vec<String>),
}

/// Why a received revision was refused (nothing was written).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionRefusal {
    #[error("its content does not match its hash")]
    HashMismatch,
    #[error("it is numbered {found}, but the revisions it was made on make it {expected}")]
    WrongSeq { expected: u32, found: u32 },
    #[error("{0}")]
    BadParents(String),
    /// Nothing is added to a history that fails its own check.
    #[error("this copy's history fails its check ({0})")]
    LocalHistoryTampered(TamperReport),
}

fn refused(journal: JournalId, reason: RevisionRefusal) -> StoreError {
    StoreError::RevisionRefused { journal, reason }
}

impl Workspace {
    /// Takes a revision of journal `journal_id` made elsewhere. A revision
    /// whose hash does not recompute, whose number does not follow its
    /// parents, or whose parent list is malformed is refused
    /// ([`StoreError::RevisionRefused`]); one already held or made on
    /// revisions not held yet is reported as such. Otherwise it is appended
    /// (possibly forking the history, or joining a fork) and the journal is
    /// marked shared. Nothing is written unless it is appended.
    pub fn receive_journal_revision(
        &self,
        journal_id: JournalId,
        revision: Revision,
    ) -> Result<ReceiveOutcome, StoreError> {
        let tx = write_transaction(&self.conn)?;
        let journal = self.journal(journal_id)?;
        if let Some(report) = journal.tamper {
            return Err(refused(
                journal_id,
                RevisionRefusal::LocalHistoryTampered(report),
            ));
        }
        if revision.computed_hash() != revision.hash {
            return Err(refused(journal_id, RevisionRefusal::HashMismatch));
        }
        let held = &journal.revisions;
        if held.iter().any(|r| r.hash == revision.hash) {
            return Ok(ReceiveOutcome::AlreadyPresent);
        }
        // It starts the history only if it is a first revision and the
        // history is empty; a later one on an empty history waits below.
        let starts = held.is_empty() && revision.prev_hash == GENESIS;
        revision
            .check_parent_list(starts)
            .map_err(|detail| refused(journal_id, RevisionRefusal::BadParents(detail)))?;
        let expected = match parents_seq(held, &revision) {
            Ok(max) => max + 1,
            Err(missing) => return Ok(ReceiveOutcome::MissingParents(missing)),
        };
        if revision.seq != expected {
            return Err(refused(
                journal_id,
                RevisionRefusal::WrongSeq {
                    expected,
                    found: revision.seq,
                },
            ));
        }
        self.insert_revision(journal_id, &revision)?;
        self.conn
            .execute("UPDATE journals SET shared = 1 WHERE id = ?1", [journal_id])?;
        // The journal may read differently now: judge its updates again.
        self.resettle_backing(journal_id)?;
        tx.commit()?;
        let mut now_held = journal.revisions;
        now_held.push(revision);
        Ok(ReceiveOutcome::Appended {
            heads: heads(&now_held).len(),
        })
    }
}

/// The largest number among the revision's parents (0 for a first
/// revision), or the parents this copy does not hold.
fn parents_seq(held: &[Revision], revision: &Revision) -> Result<u32, Vec<String>> {
    let mut max = 0;
    let mut missing = Vec::new();
    for parent in revision.parents() {
        match held.iter().find(|r| r.hash == parent) {
            Some(found) => max = max.max(found.seq),
            None => missing.push(parent.to_owned()),
        }
    }
    if missing.is_empty() {
        Ok(max)
    } else {
        Err(missing)
    }
}
