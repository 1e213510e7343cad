#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The portfolio in a real workspace file: initiatives added all or none,
//! names unique, settings kept, and a tampered row refused when read.

use rusqlite::Connection;
use throughline_core::portfolio::{Bucket, Horizon, Initiative, PortfolioSettings};
use throughline_store::Workspace;

const NOW: i64 = 1_795_500_000_000;

fn initiative(name: &str) -> Initiative {
    Initiative {
        name: name.into(),
        horizon: Some(Horizon::Now),
        bucket: Some(Bucket::Core),
        cost: Some(100.0),
        ..Initiative::default()
    }
}

#[test]
fn initiatives_are_added_all_or_none_and_names_stay_unique() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.throughline");
    let ws = Workspace::open(&path).unwrap();
    let ids = ws
        .add_initiatives(
            &[initiative("Upsell bundles"), initiative("Freemium test")],
            NOW,
        )
        .unwrap();
    assert_eq!(ids.len(), 2);
    // A name taken, in any case, refuses the whole batch.
    let err = ws
        .add_initiatives(
            &[initiative("Moonshot lab"), initiative("upsell BUNDLES")],
            NOW,
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already an initiative called “upsell BUNDLES”"),
        "{err}"
    );
    assert_eq!(ws.list_initiatives().unwrap().len(), 2);

    let mut changed = initiative("Upsell bundles");
    changed.cost = Some(250.0);
    ws.save_initiative(ids[0], &changed, NOW + 1).unwrap();
    assert!(ws
        .save_initiative(ids[0], &initiative("Freemium test"), NOW + 2)
        .is_err());
    ws.delete_initiative(ids[1]).unwrap();
    let left = ws.list_initiatives().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].initiative.cost, Some(250.0));

    assert_eq!(
        ws.portfolio_settings().unwrap(),
        PortfolioSettings::default()
    );
    let settings = PortfolioSettings {
        slider_threshold: 75,
        ..PortfolioSettings::default()
    };
    ws.save_portfolio_settings(&settings).unwrap();
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.portfolio_settings().unwrap(), settings);
}

#[test]
fn an_initiative_changed_outside_the_app_is_refused_by_name_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.throughline");
    let ws = Workspace::open(&path).unwrap();
    let id = ws
        .add_initiatives(&[initiative("Upsell bundles")], NOW)
        .unwrap()[0];
    drop(ws);
    let conn = Connection::open(&path).unwrap();
    let body = r#"{"name":"Upsell bundles","slider":250}"#;
    conn.execute(
        "UPDATE initiatives SET body = ?1 WHERE id = ?2",
        rusqlite::params![body, id],
    )
    .unwrap();
    drop(conn);
    let ws = Workspace::open(&path).unwrap();
    let err = ws.list_initiatives().unwrap_err();
    assert!(
        err.to_string().contains(&format!("initiative {id}")),
        "{err}"
    );
}

#[test]
fn an_initiatives_readings_are_kept_all_or_none_and_found_by_name() {
    use throughline_core::journal::Reading;
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("gates.throughline")).unwrap();
    ws.add_initiatives(&[initiative("AI assistant")], NOW)
        .unwrap();
    let id = ws.initiative_named("ai ASSISTANT").unwrap().id;
    let reading = |date: &str, value: f64| Reading {
        metric: "Error rate".into(),
        date: date.parse().unwrap(),
        value,
    };
    ws.add_initiative_readings(
        id,
        &[reading("2026-11-10", 3.9), reading("2026-11-24", 5.6)],
    )
    .unwrap();
    // A date already read refuses the whole batch.
    let err = ws
        .add_initiative_readings(
            id,
            &[reading("2026-12-01", 6.2), reading("2026-11-24", 5.0)],
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already a reading of “Error rate” on 2026-11-24"),
        "{err}"
    );
    assert_eq!(ws.initiative_readings(id).unwrap().len(), 2);
    assert!(ws.initiative_named("Ghost").is_err());
    // Deleting the initiative takes its readings with it.
    ws.delete_initiative(id).unwrap();
    assert!(ws.initiative_readings(id).unwrap().is_empty());
}
