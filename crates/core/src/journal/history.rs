//! Revisions of a shared journal, hash-linked into a graph: each revision's
//! hash covers its content, author, time, reason and the hashes of the
//! revisions it was made on (its parents), so an edit made to the file
//! outside the app breaks the history at the first revision it touched, and
//! a rewritten history no longer matches the hash printed on every export
//! the team already received.
//!
//! Revisions made offline on the same parent both survive: the history
//! forks (two heads), and stays forked until a revision names both heads
//! as its parents and so joins them.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::model::JournalBody;

/// The hash a first revision is made on.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// How many hex digits of a hash name a revision where its number does not.
const SHORT_HASH: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    /// The revision's generation: 1 for the first, else 1 + the largest
    /// `seq` among its parents. Two revisions made on the same parent
    /// share it.
    pub seq: u32,
    pub body: JournalBody,
    pub author: String,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub at_ms: i64,
    /// Why this revision was made ("first shared", "threshold from pilot").
    pub reason: String,
    /// The revision this one was made on ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// The other revisions this one joins, besides `prev_hash`: empty but
    /// for a revision that ends a fork.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
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
        let parents: Vec<&Revision> = previous.into_iter().collect();
        Self::merging(&parents, body, author, at_ms, reason)
    }

    /// A revision made on every one of `parents` (none: the first). The
    /// first parent is the one it continues (its `prev_hash`); the others
    /// are the heads it joins (`merged`).
    pub fn merging(
        parents: &[&Revision],
        body: JournalBody,
        author: &str,
        at_ms: i64,
        reason: &str,
    ) -> Self {
        let seq = parents.iter().map(|p| p.seq).max().map_or(1, |s| s + 1);
        let prev_hash = parents
            .first()
            .map_or_else(|| GENESIS.to_owned(), |p| p.hash.clone());
        let merged: Vec<String> = parents.iter().skip(1).map(|p| p.hash.clone()).collect();
        let mut revision = Self {
            seq,
            body,
            author: author.to_owned(),
            at_ms,
            reason: reason.to_owned(),
            prev_hash,
            merged,
            hash: String::new(),
        };
        revision.hash = revision.computed_hash();
        revision
    }

    /// The hash its content gives now (equal to `hash` unless it was changed).
    pub fn computed_hash(&self) -> String {
        content_hash(
            self.seq,
            &self.body,
            &self.author,
            self.at_ms,
            &self.reason,
            &self.prev_hash,
            &self.merged,
        )
    }

    /// The hashes of the revisions it was made on: none for the first.
    pub fn parents(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.prev_hash.as_str())
            .filter(|hash| *hash != GENESIS)
            .chain(self.merged.iter().map(String::as_str))
    }

    /// The shape of its parent list alone, before any parent is looked up:
    /// only the first revision of a history (`first`) starts from
    /// [`GENESIS`], a first revision joins nothing, and a joining revision
    /// names each parent once. `Err` says what is wrong, in words.
    pub fn check_parent_list(&self, first: bool) -> Result<(), String> {
        let genesis = self.prev_hash == GENESIS;
        if first && !genesis {
            return Err("the history does not start with it: an earlier one was removed".into());
        }
        if !first && genesis {
            return Err(
                "it claims to start the history, which already has a first revision".into(),
            );
        }
        if genesis && !self.merged.is_empty() {
            return Err("a first revision cannot join others".into());
        }
        if self.merged.iter().any(|m| m == GENESIS) {
            return Err("it claims to join the start of the history".into());
        }
        let mut named = HashSet::new();
        if self.parents().any(|parent| !named.insert(parent)) {
            return Err("it names the same earlier revision twice".into());
        }
        Ok(())
    }

    /// The start of its hash, enough to tell two revisions apart.
    pub fn short_hash(&self) -> &str {
        self.hash.get(..SHORT_HASH).unwrap_or(&self.hash)
    }
}

/// SHA-256 over a canonical JSON of everything a revision says. `merged`
/// enters it only when it holds something, so every hash written before
/// revisions could join others is still the hash of its revision.
pub fn content_hash(
    seq: u32,
    body: &JournalBody,
    author: &str,
    at_ms: i64,
    reason: &str,
    prev_hash: &str,
    merged: &[String],
) -> String {
    #[derive(Serialize)]
    struct Canonical<'a> {
        seq: u32,
        body: &'a JournalBody,
        author: &'a str,
        at_ms: i64,
        reason: &'a str,
        prev_hash: &'a str,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        merged: &'a [String],
    }
    let canonical = Canonical {
        seq,
        body,
        author,
        at_ms,
        reason,
        prev_hash,
        merged,
    };
    // Serializing plain structs of strings and numbers cannot fail; an empty
    // text would still hash, and still never match a stored hash.
    let json = serde_json::to_string(&canonical).unwrap_or_default();
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first revision that fails its check, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, TS)]
pub struct TamperReport {
    pub seq: u32,
    /// The start of the revision's hash when another revision shares its
    /// number (a fork), so the report still says which one it is.
    pub hash_prefix: Option<String>,
    pub detail: String,
}

impl std::fmt::Display for TamperReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "revision {}", self.seq)?;
        if let Some(prefix) = &self.hash_prefix {
            write!(f, " ({prefix})")?;
        }
        write!(
            f,
            " of this journal was changed outside the app: {}",
            self.detail
        )
    }
}

/// Checks the whole history, in stored order (every revision after the
/// revisions it was made on): the first revision starts from [`GENESIS`],
/// every other names only revisions before it, its number is one more than
/// its parents' largest, its content matches its hash, and no revision
/// appears twice.
pub fn verify_history(revisions: &[Revision]) -> Result<(), TamperReport> {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for (index, revision) in revisions.iter().enumerate() {
        check_revision(revision, index == 0, &seen).map_err(|detail| TamperReport {
            seq: revision.seq,
            hash_prefix: shares_its_number(revisions, revision)
                .then(|| revision.short_hash().to_owned()),
            detail,
        })?;
        seen.insert(&revision.hash, revision.seq);
    }
    Ok(())
}

/// One revision against the revisions stored before it (`seen`: hash →
/// seq); `Err` says what is wrong, in words.
fn check_revision(
    revision: &Revision,
    first: bool,
    seen: &HashMap<&str, u32>,
) -> Result<(), String> {
    revision.check_parent_list(first)?;
    let mut parent_seq = 0;
    for parent in revision.parents() {
        let Some(seq) = seen.get(parent) else {
            return Err(format!(
                "it was made on a revision ({}…) that is not before it: one was removed, inserted or changed",
                parent.get(..SHORT_HASH).unwrap_or(parent)
            ));
        };
        parent_seq = parent_seq.max(*seq);
    }
    if revision.seq != parent_seq + 1 {
        return Err(format!(
            "expected revision {} here: one was removed or inserted",
            parent_seq + 1
        ));
    }
    if revision.computed_hash() != revision.hash {
        return Err("its content no longer matches its hash".into());
    }
    if seen.contains_key(revision.hash.as_str()) {
        return Err("it appears twice in the history".into());
    }
    Ok(())
}

fn shares_its_number(revisions: &[Revision], revision: &Revision) -> bool {
    revisions
        .iter()
        .any(|other| other.seq == revision.seq && other.hash != revision.hash)
}

/// The revisions no other revision was made on, in stored order: one for a
/// straight history, more than one when it forked and was not joined yet.
pub fn heads(revisions: &[Revision]) -> Vec<&Revision> {
    let named: HashSet<&str> = revisions.iter().flat_map(Revision::parents).collect();
    revisions
        .iter()
        .filter(|revision| !named.contains(revision.hash.as_str()))
        .collect()
}

/// The head the journal reads as: the latest made (ties: the larger hash,
/// so every copy of the history picks the same one).
pub fn current_head(revisions: &[Revision]) -> Option<&Revision> {
    heads(revisions)
        .into_iter()
        .max_by(|a, b| (a.at_ms, &a.hash).cmp(&(b.at_ms, &b.hash)))
}

/// What a new revision is made on: every head, the current one first, so
/// a revision recorded on a forked journal joins the fork.
pub fn next_parents(revisions: &[Revision]) -> Vec<&Revision> {
    let current = current_head(revisions);
    let mut parents: Vec<&Revision> = current.into_iter().collect();
    parents.extend(
        heads(revisions)
            .into_iter()
            .filter(|head| Some(head.hash.as_str()) != current.map(|c| c.hash.as_str())),
    );
    parents
}

/// A readable diff between two revisions: the journal as lines, lines only
/// in `old` prefixed "− ", only in `new` "+ ", shared "  ".
pub fn diff(old: &JournalBody, new: &JournalBody) -> Vec<String> {
    crate::line_diff::line_diff(&super::share::lines(old), &super::share::lines(new))
}
