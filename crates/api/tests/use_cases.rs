#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The use cases on real workspace files, with the clock pinned: the rules
//! the window once computed itself (a criterion's chart, today's date) and
//! the refusals every door shares.

use throughline_api::export::{export_bytes, stored_slide, ExportFormat, Look, ThemeName};
use throughline_api::journals::{add_reading, criterion_chart};
use throughline_api::{ErrorCode, FixedClock};
use throughline_core::journal::Reading;
use throughline_store::Workspace;

fn clock(today: &str) -> FixedClock {
    FixedClock {
        millis: 1_796_000_000_000,
        today: today.parse().unwrap(),
    }
}

fn workspace_with_journal() -> (tempfile::TempDir, Workspace, i64) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("w.throughline")).unwrap();
    let journal = ws
        .create_journal(&throughline_core::example::example_journal(), 1)
        .unwrap();
    (dir, ws, journal)
}

fn reading(date: &str, value: f64) -> Reading {
    Reading {
        metric: "sharing activation ".into(),
        date: date.parse().unwrap(),
        value,
    }
}

#[test]
fn a_criterions_chart_is_its_readings_over_time_with_the_threshold_and_the_decision_date() {
    let (_dir, ws, journal) = workspace_with_journal();
    ws.add_readings(
        journal,
        &[reading("2026-11-20", 14.0), reading("2026-11-13", 17.5)],
    )
    .unwrap();
    let chart = criterion_chart(&ws, journal, 0).unwrap();
    assert_eq!(chart.metric, "Sharing activation");
    assert_eq!(chart.unit, "%");
    assert_eq!(
        chart.table.header,
        ["Date", "Sharing activation", "Kill threshold (< 20%)"]
    );
    let rows: Vec<(&str, Vec<Option<f64>>)> = chart
        .table
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.values.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-11-13", vec![Some(17.5), Some(20.0)]),
            ("2026-11-20", vec![Some(14.0), Some(20.0)]),
            ("2026-12-15 (decision)", vec![None, Some(20.0)]),
        ]
    );
    let err = criterion_chart(&ws, journal, 3).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn a_reading_dated_today_is_taken_and_one_dated_tomorrow_is_refused() {
    let (_dir, ws, journal) = workspace_with_journal();
    let evening = clock("2026-12-02");
    add_reading(
        &ws,
        journal,
        "Sharing activation",
        "2026-12-02",
        21.0,
        &evening,
    )
    .unwrap();
    let err = add_reading(
        &ws,
        journal,
        "Sharing activation",
        "2026-12-03",
        21.0,
        &evening,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("in the future"), "{err}");
    for (metric, date, value) in [
        (" ", "2026-12-01", 1.0),
        ("M", "12/01", 1.0),
        ("M", "2026-12-01", f64::NAN),
    ] {
        let err = add_reading(&ws, journal, metric, date, value, &evening).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::InvalidInput,
            "{metric:?} {date:?} {value}"
        );
    }
}

#[test]
fn png_and_markdown_take_one_update_and_an_empty_export_is_refused() {
    let (_dir, ws, _) = workspace_with_journal();
    let fields = throughline_core::example::example_update_fields("2026-11-23");
    let a = ws.create_update(&fields, 1).unwrap().id;
    let b = ws.create_update(&fields, 2).unwrap().id;
    let slides = vec![stored_slide(&ws, a).unwrap(), stored_slide(&ws, b).unwrap()];
    let look = Look::new(ThemeName::Light, Default::default());
    for format in [ExportFormat::Png, ExportFormat::Md] {
        let err = export_bytes(&slides, format, &look, 1.0, |_| {}).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
    }
    let err = export_bytes(&[], ExportFormat::Pdf, &look, 1.0, |_| {}).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let pdf = export_bytes(&slides, ExportFormat::Pdf, &look, 1.0, |_| {}).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}
