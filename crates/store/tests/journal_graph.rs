#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A shared journal's history as a graph in a real workspace file:
//! revisions received from teammates (team sync) fork it or join a fork,
//! a revision recorded on a forked journal joins every head, and a graph
//! edited outside the app is reported, never trusted.

use rusqlite::Connection;
use throughline_core::journal::{JournalBody, Revision};
use throughline_store::{JournalId, ReceiveOutcome, RevisionRefusal, StoreError, Workspace};

const NOW: i64 = 1_795_500_000_000;

fn body(threshold: f64) -> JournalBody {
    let mut body = throughline_core::example::example_journal();
    body.criteria[0].threshold = threshold;
    body
}

fn workspace() -> (tempfile::TempDir, std::path::PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.throughline");
    let workspace = Workspace::open(&path).unwrap();
    (dir, path, workspace)
}

/// A shared journal (revision 1 by Ana) and its first revision.
fn shared(ws: &Workspace) -> (JournalId, Revision) {
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    let first = ws.share_journal(id, "Ana", NOW + 1).unwrap();
    (id, first)
}

/// Revision 1, then two revisions made on it apart: Ana's recorded here,
/// Bo's received from Bo's copy.
fn forked(ws: &Workspace) -> (JournalId, Revision, Revision) {
    let (id, first) = shared(ws);
    let ana = ws
        .revise_journal(id, &body(15.0), "Ana", "pilot data", NOW + 2)
        .unwrap();
    let bo = Revision::new(Some(&first), body(25.0), "Bo", NOW + 3, "board review");
    assert_eq!(
        ws.receive_journal_revision(id, bo.clone()).unwrap(),
        ReceiveOutcome::Appended { heads: 2 }
    );
    (id, ana, bo)
}

fn revision_count(ws: &Workspace, id: JournalId) -> usize {
    ws.journal(id).unwrap().revisions.len()
}

fn refusal(err: StoreError) -> RevisionRefusal {
    match err {
        StoreError::RevisionRefused { reason, .. } => reason,
        other => panic!("expected a refused revision, got {other}"),
    }
}

#[test]
fn two_revisions_received_on_one_parent_fork_the_journal_and_a_merge_received_joins_it() {
    let (_dir, path, ws) = workspace();
    let (id, ana, bo) = forked(&ws);
    let journal = ws.journal(id).unwrap();
    assert_eq!(journal.tamper, None);
    assert_eq!(journal.heads, [ana.hash.clone(), bo.hash.clone()]);
    assert_eq!((ana.seq, bo.seq), (2, 2));
    // It reads as the latest head, Bo's.
    assert_eq!(journal.body.criteria[0].threshold, 25.0);

    let join = Revision::merging(&[&ana, &bo], body(20.0), "Cy", NOW + 4, "agreed on 20%");
    assert_eq!(
        ws.receive_journal_revision(id, join.clone()).unwrap(),
        ReceiveOutcome::Appended { heads: 1 }
    );
    drop(ws);
    // Kept in the file, in the order received, and the history checks out.
    let ws = Workspace::open(&path).unwrap();
    let journal = ws.journal(id).unwrap();
    assert_eq!(journal.tamper, None);
    assert_eq!(journal.heads, vec![join.hash.clone()]);
    assert_eq!(journal.revisions.last(), Some(&join));
    assert_eq!(journal.body.criteria[0].threshold, 20.0);
}

#[test]
fn recording_a_revision_on_a_forked_journal_joins_every_head() {
    let (_dir, _path, ws) = workspace();
    let (id, ana, bo) = forked(&ws);
    let join = ws
        .revise_journal(
            id,
            &body(20.0),
            "Ana",
            "agreed on 20% at the review",
            NOW + 5,
        )
        .unwrap();
    // Made on the head the journal read as (Bo's, the latest), joining Ana's.
    assert_eq!(join.prev_hash, bo.hash);
    assert_eq!(join.merged, vec![ana.hash.clone()]);
    assert_eq!(join.seq, 3);
    assert_eq!(join.reason, "agreed on 20% at the review");
    let journal = ws.journal(id).unwrap();
    assert_eq!(journal.heads, vec![join.hash.clone()]);
    assert_eq!(journal.tamper, None);

    // A reading corrected on a forked journal joins it too.
    let (_dir, _path, ws) = workspace();
    let (id, ana, bo) = forked(&ws);
    ws.add_readings(
        id,
        &[throughline_core::journal::Reading {
            metric: "Sharing activation".into(),
            date: "2026-11-20".parse().unwrap(),
            value: 14.0,
        }],
    )
    .unwrap();
    let corrected = ws
        .change_reading(
            id,
            "Sharing activation",
            "2026-11-20".parse().unwrap(),
            Some(15.0),
            "Ana",
            "export was late",
            NOW + 5,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        (corrected.prev_hash, corrected.merged),
        (bo.hash, vec![ana.hash])
    );
    assert_eq!(ws.journal(id).unwrap().heads.len(), 1);
}

#[test]
fn a_revision_already_held_is_reported_and_not_written_twice() {
    let (_dir, _path, ws) = workspace();
    let (id, first) = shared(&ws);
    assert_eq!(
        ws.receive_journal_revision(id, first).unwrap(),
        ReceiveOutcome::AlreadyPresent
    );
    assert_eq!(revision_count(&ws, id), 1);
}

#[test]
fn a_revision_made_on_revisions_not_held_yet_waits_for_them() {
    let (_dir, _path, ws) = workspace();
    let (id, first) = shared(&ws);
    let second = Revision::new(Some(&first), body(25.0), "Bo", NOW + 2, "pilot data");
    let third = Revision::new(Some(&second), body(30.0), "Bo", NOW + 3, "more data");
    assert_eq!(
        ws.receive_journal_revision(id, third.clone()).unwrap(),
        ReceiveOutcome::MissingParents(vec![second.hash.clone()])
    );
    assert_eq!(revision_count(&ws, id), 1, "nothing written");
    // Offered again once its parent arrived, it is kept.
    ws.receive_journal_revision(id, second).unwrap();
    assert_eq!(
        ws.receive_journal_revision(id, third).unwrap(),
        ReceiveOutcome::Appended { heads: 1 }
    );
    assert_eq!(ws.journal(id).unwrap().tamper, None);
}

#[test]
fn a_first_revision_received_shares_a_draft_journal() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    let first = Revision::new(None, body(22.0), "Bo", NOW + 1, "shared");
    assert_eq!(
        ws.receive_journal_revision(id, first).unwrap(),
        ReceiveOutcome::Appended { heads: 1 }
    );
    let journal = ws.journal(id).unwrap();
    assert!(journal.shared);
    assert_eq!(journal.body.criteria[0].threshold, 22.0);
    // A later revision received before its parent waits on a draft too.
    let other = ws.create_journal(&body(20.0), NOW).unwrap();
    let root = Revision::new(None, body(22.0), "Bo", NOW + 1, "shared");
    let next = Revision::new(Some(&root), body(23.0), "Bo", NOW + 2, "more");
    assert_eq!(
        ws.receive_journal_revision(other, next).unwrap(),
        ReceiveOutcome::MissingParents(vec![root.hash])
    );
    assert!(!ws.journal(other).unwrap().shared, "nothing written");
}

#[test]
fn a_revision_that_does_not_check_out_is_refused_and_nothing_is_written() {
    let (_dir, _path, ws) = workspace();
    let (id, first) = shared(&ws);

    // Its content changed after it was hashed.
    let mut edited = Revision::new(Some(&first), body(25.0), "Bo", NOW + 2, "pilot data");
    edited.body.criteria[0].threshold = 5.0;
    assert_eq!(
        refusal(ws.receive_journal_revision(id, edited).unwrap_err()),
        RevisionRefusal::HashMismatch
    );

    // Numbered as if a revision were missing (hashed with that number).
    let mut skipped = Revision::new(Some(&first), body(25.0), "Bo", NOW + 2, "pilot data");
    skipped.seq = 3;
    skipped.hash = skipped.computed_hash();
    assert_eq!(
        refusal(ws.receive_journal_revision(id, skipped).unwrap_err()),
        RevisionRefusal::WrongSeq {
            expected: 2,
            found: 3
        }
    );

    // A second first revision, and a revision naming one parent twice.
    let root = Revision::new(None, body(25.0), "Bo", NOW + 2, "shared");
    assert!(matches!(
        refusal(ws.receive_journal_revision(id, root).unwrap_err()),
        RevisionRefusal::BadParents(detail) if detail.contains("first revision")
    ));
    let twice = Revision::merging(&[&first, &first], body(25.0), "Bo", NOW + 2, "x");
    let err = ws.receive_journal_revision(id, twice).unwrap_err();
    assert_eq!(err.code(), "tampered");
    assert!(err.to_string().contains("twice"), "{err}");

    assert_eq!(revision_count(&ws, id), 1, "nothing written");
}

#[test]
fn nothing_is_received_into_a_history_that_fails_its_check() {
    let (_dir, path, ws) = workspace();
    let (id, first) = shared(&ws);
    drop(ws);
    edit_outside_the_app(
        &path,
        "UPDATE journal_revisions SET reason = 'tidied' WHERE ord = 1",
    );
    let ws = Workspace::open(&path).unwrap();
    let next = Revision::new(Some(&first), body(25.0), "Bo", NOW + 2, "pilot data");
    assert!(matches!(
        refusal(ws.receive_journal_revision(id, next).unwrap_err()),
        RevisionRefusal::LocalHistoryTampered(report) if report.seq == 1
    ));
    assert_eq!(revision_count(&ws, id), 1);
}

/// Runs `sql` on the file the way someone bypassing the app would: the
/// guard dropped, the rows edited, the guard put back word for word (a
/// missing guard alone is refused when the file opens).
fn edit_outside_the_app(path: &std::path::Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    let guard: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'journal_revisions_are_never_edited'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    conn.execute_batch("DROP TRIGGER journal_revisions_are_never_edited")
        .unwrap();
    assert_eq!(conn.execute(sql, []).unwrap(), 1, "{sql}");
    conn.execute_batch(&guard).unwrap();
}

#[test]
fn a_joined_parent_edited_in_the_file_is_reported() {
    let (_dir, path, ws) = workspace();
    let (id, ana, _bo) = forked(&ws);
    let join = ws
        .revise_journal(id, &body(20.0), "Ana", "agreed on 20%", NOW + 5)
        .unwrap();
    drop(ws);
    // Someone drops Ana's branch from the join, so the fork looks unjoined…
    edit_outside_the_app(
        &path,
        &format!(
            "UPDATE journal_revisions SET merged = '' WHERE hash = '{}'",
            join.hash
        ),
    );
    let ws = Workspace::open(&path).unwrap();
    let report = ws.journal(id).unwrap().tamper.expect("the edit is caught");
    assert_eq!(report.seq, 3);
    assert!(
        report.detail.contains("no longer matches its hash"),
        "{report}"
    );
    // … or writes something that is not a list of hashes.
    drop(ws);
    edit_outside_the_app(
        &path,
        &format!(
            "UPDATE journal_revisions SET merged = 'oops' WHERE hash = '{}'",
            join.hash
        ),
    );
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.journal(id).unwrap().tamper.unwrap().seq, 3);
    // A forked revision's body edited is named by its hash too: its
    // number is shared.
    drop(ws);
    edit_outside_the_app(
        &path,
        &format!(
            "UPDATE journal_revisions SET body = replace(body, '\"threshold\":15.0', '\"threshold\":10.0') WHERE hash = '{}'",
            ana.hash
        ),
    );
    let ws = Workspace::open(&path).unwrap();
    let report = ws.journal(id).unwrap().tamper.unwrap();
    assert_eq!(report.seq, 2);
    assert_eq!(report.hash_prefix.as_deref(), Some(&ana.hash[..12]));
    let err = ws
        .revise_journal(id, &body(30.0), "Ana", "more data", NOW + 6)
        .unwrap_err();
    assert!(err.to_string().contains("changed outside the app"), "{err}");
}

#[test]
fn an_update_backed_by_a_forked_journal_hears_of_the_fork_until_it_is_joined() {
    let (_dir, _path, ws) = workspace();
    let (id, _ana, _bo) = forked(&ws);
    let fields = throughline_core::example::example_update_fields("2026-11-23");
    let update = ws.create_update(&fields, NOW).unwrap();
    ws.link_update(update.id, Some(id), NOW).unwrap();
    let context = ws.coach_context(update.id).unwrap();
    let authors: Vec<&str> = context
        .forked_heads
        .iter()
        .map(|h| h.author.as_str())
        .collect();
    assert_eq!(authors, ["Ana", "Bo"]);
    let review = throughline_core::coach::review_with(&fields, &[], &context);
    assert!(review.findings.iter().any(|f| f.rule == "journal-forked"));

    ws.revise_journal(id, &body(20.0), "Ana", "agreed on 20%", NOW + 5)
        .unwrap();
    assert!(ws.coach_context(update.id).unwrap().forked_heads.is_empty());
}
