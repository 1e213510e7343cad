//! Revisions of a shared journal, hash-chained: each revision's hash covers
//! its content, author, time, reason and the previous revision's hash, so
//! an edit made to the file outside the app breaks the chain at the first
//! revision it touched, and a rewritten chain no longer matches the hash
//! printed on every export the team already received.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::model::JournalBody;

/// The hash a first revision chains from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    /// 1, 2, 3… in order.
    pub seq: u32,
    pub body: JournalBody,
    pub author: String,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub at_ms: i64,
    /// Why this revision was made ("first shared", "threshold from pilot").
    pub reason: String,
    pub prev_hash: String,
    pub hash: String,
}

impl Revision {
    /// A revision after `previous` (or the first), with its hash computed.
    pub fn new(
        previous: Option<&Revision>,
        body: JournalBody,
        author: &str,
        at_ms: i64,
        reason: &str,
    ) -> Self {
        let seq = previous.map_or(1, |p| p.seq + 1);
        let prev_hash = previous.map_or(GENESIS.to_owned(), |p| p.hash.clone());
        let hash = content_hash(seq, &body, author, at_ms, reason, &prev_hash);
        Self {
            seq,
            body,
            author: author.to_owned(),
            at_ms,
            reason: reason.to_owned(),
            prev_hash,
            hash,
        }
    }
}

/// SHA-256 over a canonical JSON of everything a revision says.
pub fn content_hash(
    seq: u32,
    body: &JournalBody,
    author: &str,
    at_ms: i64,
    reason: &str,
    prev_hash: &str,
) -> String {
    #[derive(Serialize)]
    struct Canonical<'a> {
        seq: u32,
        body: &'a JournalBody,
        author: &'a str,
        at_ms: i64,
        reason: &'a str,
        prev_hash: &'a str,
    }
    let canonical = Canonical {
        seq,
        body,
        author,
        at_ms,
        reason,
        prev_hash,
    };
    // Serializing plain structs of strings and numbers cannot fail; an empty
    // text would still hash, and still never match a stored hash.
    let json = serde_json::to_string(&canonical).unwrap_or_default();
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first revision that fails its check, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, TS)]
#[error("revision {seq} of this journal was changed outside the app: {detail}")]
pub struct TamperReport {
    pub seq: u32,
    pub detail: String,
}

/// Checks every link: numbering, the previous hash, and each content hash.
pub fn verify_chain(revisions: &[Revision]) -> Result<(), TamperReport> {
    let mut previous_hash = GENESIS.to_owned();
    for (index, revision) in revisions.iter().enumerate() {
        let expected_seq = index as u32 + 1;
        if revision.seq != expected_seq {
            return Err(TamperReport {
                seq: revision.seq,
                detail: format!(
                    "expected revision {expected_seq} here: one was removed or inserted"
                ),
            });
        }
        if revision.prev_hash != previous_hash {
            return Err(TamperReport {
                seq: revision.seq,
                detail: "it does not follow the revision before it".into(),
            });
        }
        let recomputed = content_hash(
            revision.seq,
            &revision.body,
            &revision.author,
            revision.at_ms,
            &revision.reason,
            &revision.prev_hash,
        );
        if recomputed != revision.hash {
            return Err(TamperReport {
                seq: revision.seq,
                detail: "its content no longer matches its hash".into(),
            });
        }
        previous_hash = revision.hash.clone();
    }
    Ok(())
}

/// A readable diff between two revisions: the journal as lines, lines only
/// in `old` prefixed "− ", only in `new` "+ ", shared "  ".
pub fn diff(old: &JournalBody, new: &JournalBody) -> Vec<String> {
    crate::line_diff::line_diff(&super::share::lines(old), &super::share::lines(new))
}
