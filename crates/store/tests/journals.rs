#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Decision journals in a real workspace file: drafts, sharing, revisions,
//! tamper detection against edits made outside the app, readings.

use rusqlite::Connection;
use throughline_core::journal::{CriterionStatus, JournalBody, Reading};
use throughline_store::Workspace;

const NOW: i64 = 1_795_500_000_000;

fn body(threshold: f64) -> JournalBody {
    let mut body = throughline_core::example::example_journal();
    body.criteria[0].threshold = threshold;
    body
}

fn reading(date: &str, value: f64) -> Reading {
    Reading {
        metric: "Sharing activation".into(),
        date: date.parse().unwrap(),
        value,
    }
}

fn workspace() -> (tempfile::TempDir, std::path::PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.throughline");
    let workspace = Workspace::open(&path).unwrap();
    (dir, path, workspace)
}

#[test]
fn a_draft_is_edited_in_place_and_a_shared_journal_only_takes_revisions() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    ws.save_journal_draft(id, &body(18.0)).unwrap();
    assert_eq!(ws.journal(id).unwrap().body.criteria[0].threshold, 18.0);
    assert!(ws.journal(id).unwrap().revisions.is_empty());

    let first = ws.share_journal(id, "Ana", NOW + 1).unwrap();
    assert_eq!(first.seq, 1);
    // A shared journal is never edited in place: what is typed waits as its
    // pending change, and the shared body stays as revision 1 has it.
    ws.save_journal_draft(id, &body(10.0)).unwrap();
    let frozen = ws.journal(id).unwrap();
    assert_eq!(frozen.body.criteria[0].threshold, 18.0);
    assert_eq!(frozen.revisions.len(), 1);
    assert_eq!(frozen.pending.unwrap().criteria[0].threshold, 10.0);
    assert!(
        ws.revise_journal(id, &body(25.0), "Ana", " ", NOW + 2)
            .is_err(),
        "a reason is required"
    );
    let second = ws
        .revise_journal(id, &body(25.0), "Ana", "pilot data", NOW + 2)
        .unwrap();
    assert_eq!(second.prev_hash, first.hash);
    let journal = ws.journal(id).unwrap();
    assert_eq!(journal.body.criteria[0].threshold, 25.0);
    assert_eq!(journal.revisions.len(), 2);
    assert_eq!(journal.tamper, None);
    assert_eq!(journal.pending, None, "recording the revision clears it");
}

#[test]
fn a_criterion_without_a_metric_is_not_saved() {
    let (_dir, _path, ws) = workspace();
    let mut bad = body(20.0);
    bad.criteria[0].metric = String::new();
    assert_eq!(
        ws.create_journal(&bad, NOW).unwrap_err().code(),
        "invalid_input"
    );
    assert!(ws.list_journals().unwrap().is_empty());
}

#[test]
fn an_edit_made_to_the_file_outside_the_app_is_reported() {
    let (_dir, path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    ws.share_journal(id, "Ana", NOW + 1).unwrap();
    ws.revise_journal(id, &body(25.0), "Ana", "pilot data", NOW + 2)
        .unwrap();
    drop(ws);

    let conn = Connection::open(&path).unwrap();
    // The app's own guard refuses an in-place edit …
    let refused = conn.execute(
        "UPDATE journal_revisions SET reason = 'tidied' WHERE seq = 1",
        [],
    );
    assert!(refused.is_err());
    let guard: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'journal_revisions_are_never_edited'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    // … so someone removes it and quietly lowers the first threshold.
    conn.execute_batch(
        "DROP TRIGGER journal_revisions_are_never_edited;
         UPDATE journal_revisions SET body = replace(body, '\"threshold\":20.0', '\"threshold\":10.0') WHERE seq = 1;",
    )
    .unwrap();
    assert_eq!(conn.changes(), 1);
    // A guard left out is itself caught when the file opens …
    drop(conn);
    let missing = Workspace::open(&path)
        .err()
        .expect("a missing guard is refused");
    assert!(
        missing
            .to_string()
            .contains("journal_revisions_are_never_edited"),
        "{missing}"
    );
    // … so they put it back, word for word, after the edit.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(&guard).unwrap();
    drop(conn);

    let ws = Workspace::open(&path).unwrap();
    let journal = ws.journal(id).unwrap();
    let report = journal.tamper.expect("the edit is caught");
    assert_eq!(report.seq, 1);
    assert!(report.to_string().contains("revision 1"), "{report}");
    let err = ws
        .revise_journal(id, &body(30.0), "Ana", "more data", NOW + 3)
        .unwrap_err();
    assert!(err.to_string().contains("changed outside the app"), "{err}");
}

#[test]
fn readings_are_stored_all_or_nothing_and_judge_the_criteria() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    ws.add_readings(
        id,
        &[reading("2026-11-01", 31.0), reading("2026-11-08", 26.0)],
    )
    .unwrap();
    let err = ws
        .add_readings(
            id,
            &[reading("2026-11-15", 18.0), reading("2026-11-08", 27.0)],
        )
        .unwrap_err();
    assert!(err.to_string().contains("already a reading"), "{err}");
    assert_eq!(ws.readings(id).unwrap().len(), 2, "nothing half-imported");

    let reports = ws.criterion_reports().unwrap();
    assert_eq!(
        reports[0].evaluation.status,
        CriterionStatus::AtRisk,
        "falling 5/week"
    );
    ws.add_readings(id, &[reading("2026-11-15", 18.0)]).unwrap();
    let reports = ws.criterion_reports().unwrap();
    assert_eq!(reports[0].evaluation.status, CriterionStatus::Triggered);
    assert_eq!(reports[0].evaluation.reading, Some(18.0));
}

#[test]
fn an_update_is_linked_to_the_journal_it_backs() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    let update = ws
        .create_update(&throughline_core::UpdateFields::default(), NOW)
        .unwrap();
    assert_eq!(ws.linked_journal(update.id).unwrap(), None);
    ws.link_update(update.id, Some(id), NOW).unwrap();
    assert_eq!(ws.linked_journal(update.id).unwrap(), Some(id));
    assert!(ws.link_update(update.id, Some(999), NOW).is_err());
    ws.link_update(update.id, None, NOW).unwrap();
    assert_eq!(ws.linked_journal(update.id).unwrap(), None);
}

#[test]
fn an_update_claiming_progress_while_its_kill_criterion_is_triggered_cannot_be_ready() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    let fields = throughline_core::example::example_update_fields("2026-11-23");
    let update = ws.create_update(&fields, NOW).unwrap();
    ws.link_update(update.id, Some(id), NOW).unwrap();
    assert!(ws
        .set_status(update.id, throughline_core::Status::Ready, NOW)
        .is_ok());
    ws.set_status(update.id, throughline_core::Status::Draft, NOW)
        .unwrap();

    ws.add_readings(id, &[reading("2026-11-20", 14.0)]).unwrap();
    let context = ws.coach_context(update.id).unwrap();
    assert_eq!(context.triggered.len(), 1);
    let err = ws
        .set_status(update.id, throughline_core::Status::Ready, NOW)
        .unwrap_err();
    assert!(err.to_string().contains("kill criterion"), "{err}");
}

/// The lifecycle holds wherever the verdict can change without the user
/// asking: an edit, readings for the journal an update backs, the link.
mod lifecycle {
    use super::*;
    use throughline_core::Status;

    fn ready_update(ws: &Workspace) -> throughline_core::Update {
        let fields = throughline_core::example::example_update_fields("2026-11-23");
        let update = ws.create_update(&fields, NOW).unwrap();
        ws.set_status(update.id, Status::Ready, NOW).unwrap()
    }

    #[test]
    fn an_edit_that_gives_the_coach_an_error_returns_a_ready_update_to_draft_with_the_reason() {
        let (_dir, _path, ws) = workspace();
        let update = ready_update(&ws);
        assert_eq!(update.status, Status::Ready);
        assert_eq!(update.status_note, None);
        let mut fields = update.fields.clone();
        fields.beats.evidence = "Customers love it.".into();
        fields.evidence = throughline_core::Evidence::None;
        let saved = ws.save_update(update.id, &fields, NOW + 1).unwrap();
        assert_eq!(saved.status, Status::Draft);
        let note = saved.status_note.unwrap();
        assert!(note.starts_with("Returned to draft: "), "{note}");
        // Marking it ready again clears the note once it passes.
        ws.save_update(update.id, &update.fields, NOW + 2).unwrap();
        let again = ws.set_status(update.id, Status::Ready, NOW + 3).unwrap();
        assert_eq!((again.status, again.status_note), (Status::Ready, None));
    }

    #[test]
    fn readings_that_trigger_the_backing_journals_criterion_return_the_update_to_draft() {
        let (_dir, _path, ws) = workspace();
        let journal = ws.create_journal(&body(20.0), NOW).unwrap();
        let update = ready_update(&ws);
        ws.link_update(update.id, Some(journal), NOW).unwrap();
        assert_eq!(ws.get_update(update.id).unwrap().status, Status::Ready);
        ws.add_readings(journal, &[reading("2026-11-20", 14.0)])
            .unwrap();
        let after = ws.get_update(update.id).unwrap();
        assert_eq!(after.status, Status::Draft);
        assert!(
            after.status_note.unwrap().contains("kill criterion"),
            "says why"
        );
    }

    #[test]
    fn linking_a_ready_update_to_a_journal_with_a_triggered_criterion_returns_it_to_draft() {
        let (_dir, _path, ws) = workspace();
        let journal = ws.create_journal(&body(20.0), NOW).unwrap();
        ws.add_readings(journal, &[reading("2026-11-20", 14.0)])
            .unwrap();
        let update = ready_update(&ws);
        ws.link_update(update.id, Some(journal), NOW).unwrap();
        assert_eq!(ws.get_update(update.id).unwrap().status, Status::Draft);
    }

    #[test]
    fn a_file_that_says_ready_without_passing_is_imported_as_a_draft() {
        let (_dir, _path, ws) = workspace();
        let mut weak = throughline_core::example::example_update_fields("2026-11-23");
        weak.beats.resolution = String::new();
        let good = throughline_core::example::example_update_fields("2026-11-23");
        let ids = ws
            .import_updates(&[(weak, Status::Ready), (good, Status::Ready)], NOW)
            .unwrap();
        assert_eq!(ws.get_update(ids[0]).unwrap().status, Status::Draft);
        assert_eq!(ws.get_update(ids[1]).unwrap().status, Status::Ready);
    }

    #[test]
    fn a_stored_ready_status_the_coach_rejects_is_settled_on_open() {
        let (_dir, path, ws) = workspace();
        let mut fields = throughline_core::example::example_update_fields("2026-11-23");
        fields.beats.evidence = "Customers love it.".into();
        fields.evidence = throughline_core::Evidence::None;
        let id = ws.create_update(&fields, NOW).unwrap().id;
        drop(ws);
        // Written by an older app (or by hand), as if an older coach passed it.
        Connection::open(&path)
            .unwrap()
            .execute("UPDATE updates SET status = 'ready' WHERE id = ?1", [id])
            .unwrap();
        let ws = Workspace::open(&path).unwrap();
        assert_eq!(ws.resettle_all().unwrap(), 1);
        assert_eq!(ws.get_update(id).unwrap().status, Status::Draft);
    }
}

#[test]
fn a_drafts_readings_change_freely_and_a_frozen_journals_only_as_a_recorded_revision() {
    let (_dir, _path, ws) = workspace();
    let id = ws.create_journal(&body(20.0), NOW).unwrap();
    ws.add_readings(
        id,
        &[reading("2026-11-20", 14.0), reading("2026-11-27", 21.0)],
    )
    .unwrap();
    let date = "2026-11-20".parse().unwrap();
    // A draft: corrected in place, no revision, no reason needed.
    assert_eq!(
        ws.change_reading(id, "sharing activation", date, Some(15.0), "Ana", "", NOW)
            .unwrap(),
        None
    );
    assert_eq!(ws.readings(id).unwrap()[0].value, 15.0);

    ws.share_journal(id, "Ana", NOW + 1).unwrap();
    // Frozen: a reason is required, and the change is a revision.
    assert!(ws
        .change_reading(
            id,
            "Sharing activation",
            date,
            Some(16.0),
            "Ana",
            " ",
            NOW + 2
        )
        .is_err());
    assert_eq!(ws.readings(id).unwrap()[0].value, 15.0, "nothing changed");
    let corrected = ws
        .change_reading(
            id,
            "Sharing activation",
            date,
            Some(16.0),
            "Ana",
            "export was a day late",
            NOW + 2,
        )
        .unwrap()
        .unwrap();
    assert_eq!(corrected.seq, 2);
    assert_eq!(
        corrected.reason,
        "Reading of Sharing activation on 2026-11-20 corrected from 15 to 16: export was a day late"
    );
    let removed = ws
        .change_reading(
            id,
            "Sharing activation",
            "2026-11-27".parse().unwrap(),
            None,
            "Ana",
            "duplicate row",
            NOW + 3,
        )
        .unwrap()
        .unwrap();
    assert!(removed
        .reason
        .starts_with("Reading of Sharing activation on 2026-11-27 (21) removed"));
    let journal = ws.journal(id).unwrap();
    assert_eq!(journal.revisions.len(), 3);
    assert!(journal.tamper.is_none(), "the chain still verifies");
    assert_eq!(ws.readings(id).unwrap(), vec![reading("2026-11-20", 16.0)]);
    // A reading that is not there is named.
    let missing = ws
        .change_reading(
            id,
            "Sharing activation",
            "2026-01-01".parse().unwrap(),
            None,
            "Ana",
            "x",
            NOW + 4,
        )
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("no reading of “Sharing activation” on 2026-01-01"),
        "{missing}"
    );
}
