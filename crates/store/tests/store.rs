//! The workspace file, tested through real SQLite files in a temp dir.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sha2::{Digest, Sha256};
use tempfile::TempDir;
use throughline_core::{
    Beats, CivilDate, Evidence, MetricEvidence, QuoteEvidence, Status, UpdateFields,
};
use throughline_store::{StoreError, Workspace, APPLICATION_ID, SCHEMA_VERSION};

const NOW: i64 = 1_795_435_200_000;

fn temp_workspace() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.throughline");
    (dir, path)
}

fn today() -> CivilDate {
    "2026-11-23".parse().unwrap()
}

fn hash_file(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn full_fields() -> UpdateFields {
    UpdateFields {
        title: "Checklist lifts activation 9 pts 🚀 — roll it out".into(),
        audience: "CFO".into(),
        priority: "Net revenue retention".into(),
        date: "2026-11-23".into(),
        beats: Beats {
            context:
                "Competitors bundle onboarding. 競合他社はオンボーディングを無料で提供しています。"
                    .into(),
            conflict: "التجربة الأطول تزيد تكلفة الدعم — a longer trial costs support hours.".into(),
            resolution: "Ship the checklist to every workspace by 15 Dec.".into(),
            evidence: "41% vs 32% week-one activation.".into(),
        },
        evidence: Evidence::Metric(MetricEvidence {
            value: "41%".into(),
            unit: "week-one activation".into(),
            baseline: "32%".into(),
            window: "6 weeks".into(),
            source: String::new(),
            sample: String::new(),
        }),
        chart: None,
        other: Default::default(),
        template: None,
        notes: String::new(),
    }
}

#[test]
fn a_new_file_becomes_a_workspace_with_the_house_pragmas() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let info = workspace.info().unwrap();
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(info.update_count, 0);
    drop(workspace);

    let conn = Connection::open(&path).unwrap();
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    assert_eq!(mode, "wal");
}

#[test]
fn every_field_round_trips_through_a_reopened_file() {
    let (_dir, path) = temp_workspace();
    let mut fields = full_fields();
    fields.beats.context = format!("{}{}", "Lorem ipsum dolor sit amet. ".repeat(37_500), "END"); // ~1 MB
    let id = {
        let workspace = Workspace::open(&path).unwrap();
        let created = workspace
            .create_update(&UpdateFields::default(), NOW)
            .unwrap();
        workspace.save_update(created.id, &fields, NOW + 5).unwrap();
        created.id
    };
    assert!(fields.beats.context.len() > 1_000_000);

    let workspace = Workspace::open(&path).unwrap();
    let stored = workspace.get_update(id).unwrap();
    assert_eq!(stored.fields, fields);
    assert_eq!(stored.created_at, NOW);
    assert_eq!(stored.updated_at, NOW + 5);
    assert_eq!(stored.status, Status::Draft);
    assert!(!stored.is_example);
}

#[test]
fn switching_evidence_kind_keeps_the_other_kinds_values() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let mut fields = full_fields();
    let id = workspace.create_update(&fields, NOW).unwrap().id;
    let quote = Evidence::Quote(QuoteEvidence {
        text: "We finally finished setup in one sitting.".into(),
        who: "Ops lead, mid-market customer".into(),
        when: "November 2026".into(),
    });
    fields.evidence = quote.clone();
    assert_eq!(
        workspace
            .save_update(id, &fields, NOW)
            .unwrap()
            .fields
            .evidence,
        quote
    );
    fields.evidence = Evidence::Metric(MetricEvidence::default());
    fields.evidence = full_fields().evidence;
    workspace.save_update(id, &fields, NOW).unwrap();
    fields.evidence = Evidence::Quote(QuoteEvidence::default());
    // Switching back to quote with the values the app last read keeps them.
    let conn = Connection::open(&path).unwrap();
    let kept: String = conn
        .query_row("SELECT quote_who FROM updates WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kept, "Ops lead, mid-market customer");
}

#[test]
fn the_list_is_newest_first_and_filters_titles_case_insensitively() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    for (i, title) in ["Élan pricing test", "Onboarding checklist", "Churn in EMEA"]
        .iter()
        .enumerate()
    {
        let fields = UpdateFields {
            title: (*title).into(),
            ..UpdateFields::default()
        };
        workspace.create_update(&fields, NOW + i as i64).unwrap();
    }
    let titles = |filter: &str| -> Vec<String> {
        workspace
            .list_updates(filter)
            .unwrap()
            .into_iter()
            .map(|s| s.title)
            .collect()
    };
    assert_eq!(
        titles(""),
        ["Churn in EMEA", "Onboarding checklist", "Élan pricing test"]
    );
    assert_eq!(titles("ÉLAN"), ["Élan pricing test"]);
    assert_eq!(titles("  checklist "), ["Onboarding checklist"]);
    assert!(titles("nothing like it").is_empty());
}

#[test]
fn the_list_shows_which_beats_are_filled() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let mut fields = full_fields();
    fields.beats.conflict = " \n\t".into();
    workspace.create_update(&fields, NOW).unwrap();
    let summary = &workspace.list_updates("").unwrap()[0];
    assert_eq!(summary.filled, [true, false, true, true]);
}

#[test]
fn delete_hides_an_update_and_undo_brings_it_back_with_later_edits() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let id = workspace.create_update(&full_fields(), NOW).unwrap().id;
    workspace.delete_update(id, NOW).unwrap();
    assert!(workspace.list_updates("").unwrap().is_empty());
    assert!(matches!(
        workspace.get_update(id),
        Err(StoreError::UpdateNotFound(_))
    ));
    // An autosave that lands after the delete is kept, not lost.
    let mut late = full_fields();
    late.title = "Edited just before delete".into();
    workspace.save_update(id, &late, NOW + 1).unwrap();
    workspace.restore_update(id).unwrap();
    assert_eq!(
        workspace.get_update(id).unwrap().fields.title,
        "Edited just before delete"
    );
    assert!(matches!(
        workspace.delete_update(9_999, NOW),
        Err(StoreError::UpdateNotFound(9_999))
    ));
}

#[test]
fn the_example_is_created_once_per_file_and_deleting_it_sticks() {
    let (_dir, path) = temp_workspace();
    {
        let workspace = Workspace::open(&path).unwrap();
        assert!(workspace.ensure_example(today(), NOW).unwrap());
        let list = workspace.list_updates("").unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].is_example);
        assert_eq!(list[0].status, Status::Ready);
        assert_eq!(list[0].filled, [true; 4]);
        workspace.delete_update(list[0].id, NOW).unwrap();
    }
    let workspace = Workspace::open(&path).unwrap();
    assert!(!workspace.ensure_example(today(), NOW).unwrap());
    assert!(workspace.list_updates("").unwrap().is_empty());
}

#[test]
fn duplicating_starts_next_weeks_draft() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let original = workspace.create_update(&full_fields(), NOW).unwrap();
    workspace
        .set_status(original.id, Status::Ready, NOW)
        .unwrap();
    let copy = workspace
        .duplicate_for_next_week(original.id, today(), NOW + 1)
        .unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.fields.date, "2026-11-30");
    assert_eq!(copy.fields.beats, original.fields.beats);
    assert_eq!(copy.status, Status::Draft);
    assert_eq!(workspace.list_updates("").unwrap()[0].id, copy.id);
}

#[test]
fn ready_needs_every_beat_and_emptying_one_returns_to_draft() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let mut fields = full_fields();
    fields.beats.evidence.clear();
    let id = workspace.create_update(&fields, NOW).unwrap().id;
    let err = workspace.set_status(id, Status::Ready, NOW).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("evidence"), "{err}");

    let ready = workspace.save_update(id, &full_fields(), NOW).unwrap();
    assert_eq!(ready.status, Status::Draft);
    assert_eq!(
        workspace.set_status(id, Status::Ready, NOW).unwrap().status,
        Status::Ready
    );
    let emptied = workspace.save_update(id, &fields, NOW).unwrap();
    assert_eq!(emptied.status, Status::Draft);
}

#[test]
fn an_invalid_save_is_refused_and_writes_nothing() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let id = workspace.create_update(&full_fields(), NOW).unwrap().id;
    let mut bad = full_fields();
    bad.title = "Changed".into();
    bad.date = "2026-02-30".into();
    let err = workspace.save_update(id, &bad, NOW + 1).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(workspace.get_update(id).unwrap().fields, full_fields());
}

#[test]
fn a_newer_schema_is_refused_and_the_file_is_untouched() {
    let (_dir, path) = temp_workspace();
    drop(Workspace::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let before = hash_file(&path);
    let err = Workspace::open(&path)
        .err()
        .expect("a newer file must be refused");
    assert!(matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1));
    assert_eq!(err.code(), "workspace_newer");
    assert!(err.to_string().contains("newer version of Throughline"));
    assert_eq!(hash_file(&path), before);
}

#[test]
fn damaged_or_foreign_files_give_typed_errors_and_keep_their_bytes() {
    let (dir, healthy) = temp_workspace();
    {
        let workspace = Workspace::open(&healthy).unwrap();
        for i in 0..200 {
            let mut fields = full_fields();
            fields.title = format!("Update {i}");
            workspace.create_update(&fields, NOW).unwrap();
        }
    }
    Connection::open(&healthy)
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let healthy_bytes = std::fs::read(&healthy).unwrap();

    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let mut scrambled = healthy_bytes.clone();
    let middle = scrambled.len() / 2;
    for (i, byte) in scrambled[middle..middle + 8192].iter_mut().enumerate() {
        *byte = (i * 31 % 251) as u8;
    }
    let mut header_overwritten = healthy_bytes.clone();
    header_overwritten[..100].fill(0);
    let foreign = dir.path().join("other-app.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');")
        .unwrap();

    let cases: Vec<(PathBuf, &str)> = vec![
        (write("empty.throughline", b""), "not_a_workspace"),
        (
            write("text.throughline", b"Quarterly notes, not a database\n"),
            "not_a_workspace",
        ),
        (
            write("header.throughline", &header_overwritten),
            "not_a_workspace",
        ),
        (
            write(
                "half.throughline",
                &healthy_bytes[..healthy_bytes.len() / 2],
            ),
            "workspace_damaged",
        ),
        (
            write("scrambled.throughline", &scrambled),
            "workspace_damaged",
        ),
        (foreign, "not_a_workspace"),
    ];
    for (path, code) in cases {
        let before = hash_file(&path);
        let err = Workspace::open(&path)
            .err()
            .unwrap_or_else(|| panic!("{path:?} opened"));
        assert_eq!(err.code(), code, "{path:?}: {err}");
        assert!(err.to_string().contains("left untouched"), "{err}");
        assert_eq!(hash_file(&path), before, "{path:?} was modified");
        for sidecar in ["-wal", "-shm", "-journal"] {
            let sidecar = PathBuf::from(format!("{}{sidecar}", path.display()));
            assert!(!sidecar.exists(), "{sidecar:?} was created");
        }
    }
}

#[test]
fn a_sqlite_file_with_no_tables_is_adopted() {
    let (_dir, path) = temp_workspace();
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 0; VACUUM;")
        .unwrap();
    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.info().unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn a_second_connection_sees_the_first_ones_edits() {
    let (_dir, path) = temp_workspace();
    let app = Workspace::open(&path).unwrap();
    let cli = Workspace::open(&path).unwrap();
    let id = cli.create_update(&full_fields(), NOW).unwrap().id;
    assert_eq!(app.get_update(id).unwrap().fields, full_fields());
}

#[test]
fn paths_with_spaces_and_symbols_open_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Q3 plan #1 (draft)?.throughline");
    let id = Workspace::open(&path)
        .unwrap()
        .create_update(&full_fields(), NOW)
        .unwrap()
        .id;
    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.get_update(id).unwrap().fields, full_fields());
}

#[test]
fn committed_edits_in_a_leftover_wal_survive_reopening() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let id = workspace.create_update(&full_fields(), NOW).unwrap().id;
    // Simulate a crash: the connection is never closed, so the WAL stays.
    std::mem::forget(workspace);
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    assert!(wal.exists());
    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(reopened.get_update(id).unwrap().fields, full_fields());
}

#[test]
fn a_workspace_that_already_holds_updates_gets_no_example() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    workspace.create_update(&full_fields(), NOW).unwrap();
    assert!(!workspace.ensure_example(today(), NOW).unwrap());
    assert_eq!(workspace.list_updates("").unwrap().len(), 1);
}

/// Every journal revision a fixture holds as its file stores it (journal,
/// seq, hash), by journal and then in stored order.
fn journal_revision_rows(path: &Path, version: i64) -> Vec<(i64, u32, String)> {
    if version < 4 {
        return Vec::new();
    }
    let order = if version < 14 { "seq" } else { "ord" };
    let conn = Connection::open(path).unwrap();
    let mut statement = conn
        .prepare(&format!(
            "SELECT journal_id, seq, hash FROM journal_revisions ORDER BY journal_id, {order}"
        ))
        .unwrap();
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// One fixture per schema version that has existed (written by
/// `examples/make_fixture.rs` and committed when the schema changed).
fn fixture(version: i64) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/schema-v{version}.throughline"))
}

#[test]
fn every_schema_version_has_a_committed_fixture() {
    for version in 1..=SCHEMA_VERSION {
        assert!(
            fixture(version).exists(),
            "schema {version} has no fixture: run `cargo run -p throughline-store --example make_fixture -- {}`",
            fixture(version).display()
        );
    }
}

#[test]
fn every_older_workspace_migrates_keeping_every_row() {
    type Row = (i64, String, String, String, bool);
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.throughline");
        std::fs::copy(fixture(version), &path).unwrap();
        let revisions_before = journal_revision_rows(&path, version);
        let before: Vec<Row> = {
            let conn = Connection::open(&path).unwrap();
            assert_eq!(
                conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                    .unwrap(),
                version
            );
            let mut statement = conn
                .prepare("SELECT id, title, context, status, deleted_at IS NOT NULL FROM updates ORDER BY id")
                .unwrap();
            statement
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(before.len(), 3, "schema {version} fixture");

        let workspace = Workspace::open(&path).unwrap();
        assert_eq!(workspace.info().unwrap().schema_version, SCHEMA_VERSION);
        for (id, title, context, status, deleted) in &before {
            if *deleted {
                workspace.restore_update(*id).unwrap();
            }
            let update = workspace.get_update(*id).unwrap();
            assert_eq!(&update.fields.title, title, "schema {version}");
            assert_eq!(&update.fields.beats.context, context, "schema {version}");
            assert_eq!(update.status.as_str(), status, "schema {version}");
            if version < 2 {
                assert_eq!(update.fields.chart, None);
            }
            let silenced = workspace.silenced_rules(*id).unwrap();
            if version < 3 {
                assert!(
                    silenced.is_empty(),
                    "schema {version}: nothing silenced yet"
                );
            }
        }
        let branding = workspace.branding().unwrap();
        if version < 3 {
            assert_eq!(branding, throughline_core::BrandingSettings::default());
        } else {
            assert_eq!(branding.accent, "#0F766E");
            assert_eq!(branding.footer_label, "Confidential — board only");
            // Printing the beat names is a choice from schema 6; before it,
            // slides print none.
            assert_eq!(branding.beat_names, version >= 6, "schema {version}");
            // The significance note is a choice from schema 8; off before.
            assert_eq!(branding.significance_note, version >= 8, "schema {version}");
        }
        let journals = workspace.list_journals().unwrap();
        if version < 4 {
            assert!(journals.is_empty());
        } else {
            // From schema 10 the fixture's demo workspace has its example
            // journal too.
            let expected = if version < 10 { 1 } else { 2 };
            assert_eq!(journals.len(), expected, "schema {version}");
            let fixture_journal = journals
                .iter()
                .find(|j| j.item == "Shared workspaces")
                .unwrap();
            let journal = workspace.journal(fixture_journal.id).unwrap();
            // From schema 14 the fixture's history forks (a teammate's
            // revision on revision 1) and a fourth revision joins it.
            let expected = if version < 14 { 2 } else { 4 };
            assert_eq!(journal.revisions.len(), expected, "schema {version}");
            assert_eq!(journal.heads.len(), 1, "schema {version}");
            assert_eq!(journal.tamper, None, "the fixture's history checks out");
            assert_eq!(workspace.readings(journal.id).unwrap().len(), 1);
            // Every revision is kept, in its order, with the hash it had:
            // the exports the team already holds still match.
            let after: Vec<(i64, u32, String)> = journals
                .iter()
                .rev()
                .flat_map(|summary| {
                    let journal = workspace.journal(summary.id).unwrap();
                    assert_eq!(journal.tamper, None, "schema {version}");
                    journal
                        .revisions
                        .into_iter()
                        .map(move |r| (summary.id, r.seq, r.hash))
                })
                .collect();
            let mut after = after;
            after.sort_by_key(|(journal, _, _)| *journal);
            assert_eq!(after, revisions_before, "schema {version}");
        }
        // The example (update 1) has a metric: its source and sample
        // exist from schema 6; older files open with them empty.
        let example = workspace.get_update(1).unwrap();
        let throughline_core::Evidence::Metric(metric) = example.fields.evidence else {
            panic!("schema {version}: the example's evidence is a metric");
        };
        assert_eq!(metric.value, "41%", "schema {version}");
        if version < 6 {
            assert_eq!((metric.source.as_str(), metric.sample.as_str()), ("", ""));
        } else {
            assert_eq!(metric.source, "Product analytics, new workspaces");
            assert_eq!(metric.sample, "1960, 1960");
        }
        // A draft's other sections are kept from schema 7; older files
        // open with none.
        let second = workspace.get_update(2).unwrap();
        if version < 7 {
            assert!(second.fields.other.is_empty(), "schema {version}");
        } else {
            assert_eq!(second.fields.other.sections[0].heading, "Root causes");
            assert_eq!(
                second.fields.other.front_matter,
                [("team".to_owned(), "payments".to_owned())]
            );
        }
        // Histories are kept from schema 9: its fixture has the second
        // update's revisions and the record of its leaving a triggered
        // journal; an older file starts each history at the first change,
        // with the update as it was stored as its first revision.
        let history = workspace.update_history(2).unwrap();
        if version < 9 {
            assert!(history.revisions.is_empty(), "schema {version}");
            assert!(history.events.is_empty(), "schema {version}");
        } else {
            let kinds: Vec<_> = history.revisions.iter().map(|r| r.kind).collect();
            use throughline_store::RevisionKind::{Created, Status};
            assert_eq!(kinds, [Status, Status, Created]);
            assert_eq!(history.events.len(), 1);
            assert!(history.events[0]
                .text
                .contains("stopped backing journal “Shared workspaces”"));
            let journal = workspace
                .list_journals()
                .unwrap()
                .into_iter()
                .find(|j| j.item == "Shared workspaces")
                .unwrap()
                .id;
            assert_eq!(workspace.journal_events(journal).unwrap(), history.events);
        }
        // The portfolio is kept from schema 10; older files open with none
        // and the default settings.
        let initiatives = workspace.list_initiatives().unwrap();
        let settings = workspace.portfolio_settings().unwrap();
        if version < 10 {
            assert!(initiatives.is_empty(), "schema {version}");
            assert_eq!(settings, Default::default());
        } else {
            // The fixture's own two (later fixtures start from the demo
            // portfolio too).
            let engine = initiatives
                .iter()
                .find(|i| i.initiative.name == "Risk-scoring engine 風險")
                .unwrap();
            assert_eq!(engine.initiative.depends_on.len(), 1, "schema {version}");
            assert_eq!(engine.initiative.fte, Some(3.5));
            assert_eq!(settings.discount_rate, 0.12);
        }
        let mut edited = second.fields.clone();
        edited.title = format!("{} (edited)", second.fields.title);
        workspace.save_update(2, &edited, NOW + 60_000).unwrap();
        let after = workspace.update_history(2).unwrap();
        let oldest = after.revisions.last().unwrap().id;
        assert!(
            workspace
                .revision_diff(2, oldest)
                .unwrap()
                .iter()
                .any(|line| line.starts_with('+') && line.contains("(edited)")),
            "schema {version}: the first revision holds the title before the edit"
        );
        assert!(
            !workspace.ensure_example(today(), NOW).unwrap(),
            "schema {version}: an old file gets no second example"
        );
    }
}

#[test]
fn other_sections_are_kept_and_a_stored_value_that_is_not_theirs_is_refused() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let mut fields = full_fields();
    fields.other.sections.push(throughline_core::ExtraSection {
        heading: "Impact".into(),
        body: "Nine hours of orders.".into(),
    });
    let created = workspace.create_update(&fields, NOW).unwrap();
    assert_eq!(
        workspace.get_update(created.id).unwrap().fields.other,
        fields.other
    );
    fields
        .other
        .front_matter
        .push(("team".into(), "payments".into()));
    workspace.save_update(created.id, &fields, NOW + 1).unwrap();
    assert_eq!(
        workspace.get_update(created.id).unwrap().fields.other,
        fields.other
    );
    // Too many parts are refused, as any field over its limit.
    let mut many = fields.clone();
    many.other.front_matter = (0..=throughline_core::MAX_OTHER_PARTS)
        .map(|i| (format!("k{i}"), String::new()))
        .collect();
    assert!(workspace.save_update(created.id, &many, NOW + 2).is_err());
    // A value written into the file by another program is checked on read.
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE updates SET other_parts = '{\"sections\": 7}' WHERE id = ?1",
            [created.id],
        )
        .unwrap();
    let err = workspace.get_update(created.id).unwrap_err().to_string();
    assert!(err.contains(&format!("Update {}", created.id)), "{err}");
}

#[test]
fn branding_round_trips_and_bad_branding_is_refused() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(
        workspace.branding().unwrap(),
        throughline_core::BrandingSettings::default()
    );
    // A real 1 × 1 PNG: a logo is decoded in full before it is stored.
    let logo = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\x9c\x63\x50\x4d\x7e\xfd\x1f\x00\x04\x97\x02\x73\x56\xdd\xaf\x7c\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82".to_vec();
    let not_an_image = workspace.save_branding(throughline_core::BrandingSettings {
        logo: Some(b"\x89PNG\r\n\x1a\n-not-really-an-image".to_vec()),
        ..Default::default()
    });
    assert_eq!(not_an_image.unwrap_err().code(), "invalid_input");
    let stored = workspace
        .save_branding(throughline_core::BrandingSettings {
            accent: "e11d48".into(),
            footer_label: " Confidential ".into(),
            beat_names: true,
            significance_note: true,
            logo: Some(logo.clone()),
        })
        .unwrap();
    assert_eq!(stored.accent, "#E11D48");
    drop(workspace);
    let workspace = Workspace::open(&path).unwrap();
    let reread = workspace.branding().unwrap();
    assert_eq!(reread.accent, "#E11D48");
    assert_eq!(reread.footer_label, "Confidential");
    assert!(reread.beat_names);
    assert!(reread.significance_note);
    assert_eq!(reread.logo, Some(logo));
    let refused = workspace.save_branding(throughline_core::BrandingSettings {
        accent: "not a colour".into(),
        ..Default::default()
    });
    assert_eq!(refused.unwrap_err().code(), "invalid_input");
    assert_eq!(
        workspace.branding().unwrap(),
        reread,
        "nothing half-written"
    );
}

#[test]
fn silenced_rules_are_kept_per_update() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let a = workspace.create_update(&full_fields(), NOW).unwrap().id;
    let b = workspace.create_update(&full_fields(), NOW).unwrap().id;
    let stored = workspace
        .set_silenced_rules(
            a,
            &["vague-word".into(), "hedge".into(), "vague-word".into()],
        )
        .unwrap();
    assert_eq!(stored, vec!["hedge".to_owned(), "vague-word".to_owned()]);
    assert_eq!(workspace.silenced_rules(a).unwrap(), stored);
    assert!(workspace.silenced_rules(b).unwrap().is_empty());
    assert_eq!(
        workspace.set_silenced_rules(999, &[]).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn the_chart_round_trips() {
    let (_dir, path) = temp_workspace();
    let workspace = Workspace::open(&path).unwrap();
    let fields = throughline_core::example::example_update_fields("2026-11-23");
    assert!(fields.chart.is_some());
    let id = workspace.create_update(&fields, NOW).unwrap().id;
    drop(workspace);
    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.get_update(id).unwrap().fields, fields);
}
