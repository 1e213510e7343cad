#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The app and the command line writing to one workspace at the same moment:
//! each connection waits its turn (the busy timeout) instead of failing with
//! "database is busy", and neither loses the other's rows.

use std::sync::{Arc, Barrier};
use std::thread;

use throughline_core::journal::Reading;
use throughline_core::{CivilDate, Status, UpdateFields};
use throughline_store::Workspace;

const NOW: i64 = 1_795_500_000_000;
const APP_SAVES: usize = 300;
const CLI_BATCHES: usize = 120;

fn titled(title: String) -> UpdateFields {
    UpdateFields {
        title,
        ..UpdateFields::default()
    }
}

#[test]
fn the_app_and_the_cli_writing_together_never_get_busy_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.throughline");
    let (update, journal) = {
        let workspace = Workspace::open(&path).unwrap();
        let update = workspace
            .create_update(&titled("Typed in the app".into()), NOW)
            .unwrap();
        let journal = workspace
            .create_journal(&throughline_core::example::example_journal(), NOW)
            .unwrap();
        (update.id, journal)
    };
    let start = Arc::new(Barrier::new(2));

    let app = {
        let (path, start) = (path.clone(), start.clone());
        thread::spawn(move || {
            let workspace = Workspace::open(&path).unwrap();
            start.wait();
            for i in 0..APP_SAVES {
                // Autosave: a read of the list between saves, as the window does.
                workspace.list_updates("").unwrap();
                workspace
                    .save_update(update, &titled(format!("Typed in the app, save {i}")), NOW)
                    .unwrap_or_else(|err| panic!("the app's save {i} failed: {err}"));
            }
        })
    };
    let cli = {
        let (path, start) = (path.clone(), start.clone());
        thread::spawn(move || {
            let workspace = Workspace::open(&path).unwrap();
            start.wait();
            for i in 0..CLI_BATCHES {
                let stories = [
                    (titled(format!("Imported {i}a")), Status::Draft),
                    (titled(format!("Imported {i}b")), Status::Draft),
                ];
                workspace
                    .import_updates(&stories, NOW)
                    .unwrap_or_else(|err| panic!("the CLI's import {i} failed: {err}"));
                let reading = Reading {
                    metric: "Sharing activation".into(),
                    date: CivilDate::new(2000 + i as i32, 1, 1).unwrap(),
                    value: i as f64,
                };
                workspace
                    .add_readings(journal, &[reading])
                    .unwrap_or_else(|err| panic!("the CLI's readings {i} failed: {err}"));
            }
        })
    };
    app.join().unwrap();
    cli.join().unwrap();

    let workspace = Workspace::open(&path).unwrap();
    let titles: Vec<String> = workspace
        .list_updates("")
        .unwrap()
        .into_iter()
        .map(|summary| summary.title)
        .collect();
    assert_eq!(titles.len(), 1 + 2 * CLI_BATCHES);
    assert!(titles.contains(&format!("Typed in the app, save {}", APP_SAVES - 1)));
    assert_eq!(workspace.readings(journal).unwrap().len(), CLI_BATCHES);
}
