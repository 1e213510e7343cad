#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Each update's history in a real workspace file: folding edits, status
//! and restore revisions, retention by age and size, removal with the
//! update, and the record of leaving a journal with a triggered criterion.

use rusqlite::Connection;
use throughline_core::journal::Reading;
use throughline_core::{Status, UpdateFields};
use throughline_store::{RevisionKind, Workspace, FOLD_MS, KEEP_ALL_MS, MAX_HISTORY_BYTES};

const NOW: i64 = 1_795_500_000_000;
const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn workspace() -> (tempfile::TempDir, std::path::PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.throughline");
    let workspace = Workspace::open(&path).unwrap();
    (dir, path, workspace)
}

fn titled(title: &str) -> UpdateFields {
    let mut fields = throughline_core::example::example_update_fields("2026-11-23");
    fields.title = title.into();
    fields
}

fn kinds(ws: &Workspace, id: i64) -> Vec<RevisionKind> {
    ws.update_history(id)
        .unwrap()
        .revisions
        .iter()
        .map(|r| r.kind)
        .collect()
}

#[test]
fn edits_within_two_minutes_fold_into_one_revision_and_later_ones_start_another() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_update(&titled("One"), NOW).unwrap().id;
    ws.save_update(id, &titled("One, typed"), NOW + 10_000)
        .unwrap();
    ws.save_update(id, &titled("One, typed more"), NOW + FOLD_MS - 1)
        .unwrap();
    assert_eq!(kinds(&ws, id), [RevisionKind::Edit, RevisionKind::Created]);
    // The folded revision holds the latest text of its two minutes.
    let edit = ws.update_history(id).unwrap().revisions[0].clone();
    assert!(ws
        .revision_diff(id, edit.id)
        .unwrap()
        .iter()
        .all(|l| l.starts_with("  ")));
    // Two minutes after the first write of that revision, a new one starts.
    ws.save_update(id, &titled("Two"), NOW + 10_000 + FOLD_MS)
        .unwrap();
    assert_eq!(
        kinds(&ws, id),
        [
            RevisionKind::Edit,
            RevisionKind::Edit,
            RevisionKind::Created
        ]
    );
    // Saving the same text again adds nothing.
    ws.save_update(id, &titled("Two"), NOW + 10 * MINUTE)
        .unwrap();
    assert_eq!(ws.update_history(id).unwrap().revisions.len(), 3);
}

#[test]
fn a_status_change_is_a_revision_and_a_restore_is_a_new_one_that_keeps_the_past() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_update(&titled("First title"), NOW).unwrap().id;
    ws.save_update(id, &titled("Second title"), NOW + 5 * MINUTE)
        .unwrap();
    ws.set_status(id, Status::Ready, NOW + 6 * MINUTE).unwrap();
    let history = ws.update_history(id).unwrap();
    assert_eq!(history.revisions[0].kind, RevisionKind::Status);
    assert_eq!(history.revisions[0].note, "Marked ready");
    let first = history.revisions.last().unwrap().clone();
    assert_eq!(first.kind, RevisionKind::Created);

    let diff = ws.revision_diff(id, first.id).unwrap();
    assert!(diff.iter().any(|l| l == "− title: First title"), "{diff:?}");
    assert!(
        diff.iter().any(|l| l == "+ title: Second title"),
        "{diff:?}"
    );

    let restored = ws.restore_revision(id, first.id, NOW + 7 * MINUTE).unwrap();
    assert_eq!(restored.fields.title, "First title");
    assert_eq!(restored.status, Status::Ready, "the status stays as it is");
    let after = ws.update_history(id).unwrap();
    assert_eq!(after.revisions.len(), history.revisions.len() + 1);
    assert_eq!(after.revisions[0].kind, RevisionKind::Restore);
    assert!(after.revisions[0]
        .note
        .starts_with("Restored the version of "));
    // Nothing was rewritten: the second title is still in the history.
    let second = after.revisions[2].id;
    assert!(ws
        .revision_diff(id, second)
        .unwrap()
        .iter()
        .any(|l| l == "− title: Second title"));
    assert_eq!(
        ws.restore_revision(id, 9_999, NOW).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn after_thirty_days_one_revision_a_day_is_kept_and_the_first_always() {
    let (_dir, _path, ws) = workspace();
    let start = NOW - 40 * DAY;
    let id = ws.create_update(&titled("v0"), start).unwrap().id;
    // Three editing sessions a day for 40 days.
    for day in 0..40 {
        for session in 0..3 {
            let at = start + day * DAY + (session + 1) * 3 * 60 * MINUTE;
            ws.save_update(id, &titled(&format!("v{day}.{session}")), at)
                .unwrap();
        }
    }
    let revisions = ws.update_history(id).unwrap().revisions;
    let now = start + 39 * DAY + 9 * 60 * MINUTE;
    let old: Vec<_> = revisions
        .iter()
        .filter(|r| r.at_ms < now - KEEP_ALL_MS && r.kind != RevisionKind::Created)
        .collect();
    let mut days: Vec<i64> = old.iter().map(|r| r.at_ms / DAY).collect();
    days.dedup();
    assert_eq!(days.len(), old.len(), "one revision per day past 30 days");
    let recent = revisions
        .iter()
        .filter(|r| r.at_ms >= now - KEEP_ALL_MS)
        .count();
    assert!(recent >= 29 * 3, "{recent} recent revisions");
    assert_eq!(revisions.last().unwrap().kind, RevisionKind::Created);
}

#[test]
fn a_history_over_five_megabytes_drops_its_oldest_revisions_but_not_the_first() {
    let (_dir, path, ws) = workspace();
    let id = ws.create_update(&titled("small"), NOW).unwrap().id;
    for i in 0..30 {
        let mut fields = titled("big");
        fields.beats.context = format!("{i} {}", "x".repeat(400_000));
        ws.save_update(id, &fields, NOW + (i + 1) * 3 * MINUTE)
            .unwrap();
    }
    let conn = Connection::open(&path).unwrap();
    let (total, count): (i64, i64) = conn
        .query_row(
            "SELECT sum(length(CAST(story AS BLOB)) + length(CAST(note AS BLOB))), count(*)
             FROM update_revisions WHERE update_id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert!(total <= MAX_HISTORY_BYTES, "{total} bytes");
    assert!(count >= 12, "{count} revisions kept");
    let history = ws.update_history(id).unwrap();
    assert_eq!(
        history.revisions.last().unwrap().kind,
        RevisionKind::Created
    );
    // The newest is the latest text.
    assert!(ws
        .revision_diff(id, history.revisions[0].id)
        .unwrap()
        .iter()
        .all(|l| l.starts_with("  ")));
}

#[test]
fn deleting_an_update_permanently_removes_its_history() {
    let (_dir, path, ws) = workspace();
    let id = ws.create_update(&titled("secret plan"), NOW).unwrap().id;
    ws.save_update(id, &titled("secret plan v2"), NOW + 5 * MINUTE)
        .unwrap();
    ws.delete_update(id, NOW + 6 * MINUTE).unwrap();
    ws.delete_permanently(id).unwrap();
    let conn = Connection::open(&path).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM update_revisions", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn leaving_a_journal_with_a_triggered_criterion_is_recorded_on_both_sides_and_coached() {
    let (_dir, _path, ws) = workspace();
    let journal = ws
        .create_journal(&throughline_core::example::example_journal(), NOW)
        .unwrap();
    let update = ws.create_update(&titled("Sharing pilot"), NOW).unwrap().id;
    ws.link_update(update, Some(journal), NOW).unwrap();
    // Not triggered yet: unlinking leaves no record.
    ws.link_update(update, None, NOW + 1).unwrap();
    assert!(ws.update_history(update).unwrap().events.is_empty());
    ws.link_update(update, Some(journal), NOW + 2).unwrap();
    ws.add_readings(
        journal,
        &[Reading {
            metric: "Sharing activation".into(),
            date: "2026-11-20".parse().unwrap(),
            value: 14.0,
        }],
    )
    .unwrap();
    assert!(!ws.triggered_for_update(update).unwrap().is_empty());
    ws.link_update(update, None, NOW + 3).unwrap();
    let events = ws.update_history(update).unwrap().events;
    assert_eq!(events.len(), 1);
    assert!(events[0]
        .text
        .starts_with("Update “Sharing pilot” stopped backing journal"));
    assert!(events[0].text.contains("Sharing activation < 20%"));
    assert_eq!(ws.journal_events(journal).unwrap(), events);
    // The banner is gone, but the coach says what happened.
    assert!(ws.triggered_for_update(update).unwrap().is_empty());
    let context = ws.coach_context(update).unwrap();
    assert_eq!(context.unlinked_while_triggered, [events[0].text.clone()]);
    // Backing the journal again brings the banner back; the coach has
    // nothing to add, and the record stays in both histories.
    ws.link_update(update, Some(journal), NOW + 4).unwrap();
    assert!(!ws.triggered_for_update(update).unwrap().is_empty());
    assert!(ws
        .coach_context(update)
        .unwrap()
        .unlinked_while_triggered
        .is_empty());
    assert_eq!(ws.update_history(update).unwrap().events.len(), 1);
    assert_eq!(ws.journal_events(journal).unwrap().len(), 1);
}

#[test]
fn a_backup_carries_every_history() {
    let (dir, _path, ws) = workspace();
    let id = ws
        .create_update(&titled("Before the backup"), NOW)
        .unwrap()
        .id;
    ws.save_update(id, &titled("Edited before the backup"), NOW + 5 * MINUTE)
        .unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let copy = ws.back_up(&backups, 3, NOW + 6 * MINUTE).unwrap();
    let restored = Workspace::open_read_only(&copy).unwrap();
    assert_eq!(
        restored.update_history(id).unwrap(),
        ws.update_history(id).unwrap()
    );
    assert_eq!(restored.update_history(id).unwrap().revisions.len(), 2);
}

#[test]
fn a_teammates_change_is_a_revision_of_its_own_that_names_them() {
    let (_dir, _path, ws) = workspace();
    let update = ws
        .create_update(&titled("Checklist lifts activation"), NOW)
        .unwrap();
    ws.save_update(
        update.id,
        &titled("Checklist lifts activation 9 points"),
        NOW + MINUTE,
    )
    .unwrap();
    // Within the fold window of the local edit, and still kept apart.
    ws.save_update_from_team(
        update.id,
        &titled("Checklist lifts week-one activation 9 points"),
        "Ben",
        NOW + 2 * MINUTE,
    )
    .unwrap();
    let history = ws.update_history(update.id).unwrap();
    let newest = &history.revisions[0];
    assert_eq!(newest.note, "Changed by Ben (team)");
    assert_eq!(history.revisions.len(), 3);
    assert_eq!(
        ws.get_update(update.id).unwrap().fields.title,
        "Checklist lifts week-one activation 9 points"
    );
}
