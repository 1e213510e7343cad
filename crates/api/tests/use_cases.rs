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

fn pathfinder(weeks: u32, reason: &str) -> throughline_api::audit::Pathfinder {
    serde_json::from_value(serde_json::json!({
        "assumption": "Self-serve buyers convert without a sales call",
        "weeks": weeks,
        "reason": reason,
        "option": "Self-serve checkout for teams",
        "alternative": "An enterprise sales motion",
        "metric": "Trial-to-paid",
        "success": 12.0,
        "kill": 8.0,
        "unit": "%",
    }))
    .unwrap()
}

#[test]
fn a_pathfinder_becomes_a_journal_judged_on_its_review_date_and_its_length_is_checked() {
    let (_dir, ws, _) = workspace_with_journal();
    let today = clock("2026-12-07");
    let id = throughline_api::audit::start_pathfinder(&ws, &pathfinder(6, ""), &today).unwrap();
    let body = ws.journal(id).unwrap().body;
    assert_eq!(body.item, "Pathfinder: Self-serve checkout for teams");
    assert_eq!(body.alternatives.len(), 2);
    let criterion = &body.criteria[0];
    assert_eq!(
        (criterion.threshold, criterion.by.as_str()),
        (8.0, "2027-01-18")
    );
    assert!(
        body.decision
            .contains("Success: Trial-to-paid reaches 12% by 2027-01-18"),
        "{}",
        body.decision
    );
    body.check_shareable().unwrap();

    let err =
        throughline_api::audit::start_pathfinder(&ws, &pathfinder(9, ""), &today).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("4–6 weeks"), "{}", err.message);
    assert!(throughline_api::audit::start_pathfinder(
        &ws,
        &pathfinder(9, "the sales cycle is nine weeks"),
        &today
    )
    .is_ok());
    let mut upside_down = pathfinder(5, "");
    upside_down.kill = 15.0;
    assert!(throughline_api::audit::start_pathfinder(&ws, &upside_down, &today).is_err());
}

#[test]
fn the_goals_playbook_drafts_an_update_with_the_allocation_and_keeps_the_stakeholders() {
    use throughline_core::audit::{AuditBucket, Stakeholder, UpdateAudit};
    let (_dir, ws, _) = workspace_with_journal();
    let today = clock("2026-12-07");
    ws.add_initiatives(&throughline_core::example::demo_portfolio(today.today), 1)
        .unwrap();
    let update = ws
        .create_update(&throughline_core::UpdateFields::default(), 1)
        .unwrap();
    let audit = UpdateAudit {
        stakeholders: vec![
            Stakeholder {
                role: "CFO".into(),
                metric: "NRR".into(),
                ..Stakeholder::default()
            },
            Stakeholder {
                role: "CPO".into(),
                metric: "MAU".into(),
                ..Stakeholder::default()
            },
        ],
        ..UpdateAudit::default()
    };
    throughline_api::audit::save_audit(&ws, update.id, &audit, &today).unwrap();
    let draft = throughline_api::audit::follow_playbook(&ws, update.id, AuditBucket::Goals, &today)
        .unwrap();
    let fields = ws.get_update(draft).unwrap().fields;
    assert!(
        fields.beats.conflict.contains("CFO judges by NRR"),
        "{}",
        fields.beats.conflict
    );
    let chart = fields.chart.unwrap();
    assert_eq!(chart.kind, throughline_core::ChartKind::Allocation);
    assert_eq!(chart.portfolio.unwrap().as_of.to_string(), "2026-12-07");
    assert_eq!(ws.update_audit(draft).unwrap(), audit);
    // The beliefs playbook draws the journals' assumption map.
    let beliefs =
        throughline_api::audit::follow_playbook(&ws, update.id, AuditBucket::Beliefs, &today)
            .unwrap();
    let chart = ws.get_update(beliefs).unwrap().fields.chart.unwrap();
    assert_eq!(chart.kind, throughline_core::ChartKind::AssumptionMap);
    assert!(!chart.portfolio.unwrap().assumptions.unwrap().is_empty());
}

#[test]
fn a_workspace_keeps_a_checked_powerpoint_template_and_refuses_what_is_not_one() {
    let (dir, ws, _) = workspace_with_journal();
    let update = ws
        .create_update(
            &throughline_core::example::example_update_fields("2026-12-07"),
            1,
        )
        .unwrap();
    // A deck the app wrote is a template too.
    let fields = ws.get_update(update.id).unwrap().fields;
    let deck = throughline_render::slides_to_pptx(
        &[throughline_render::PptxSlide {
            fields: &fields,
            banner: None,
        }],
        &throughline_render::Theme::light(),
        &throughline_render::Branding::default(),
    )
    .unwrap();
    let template = dir.path().join("company.pptx");
    std::fs::write(&template, &deck).unwrap();
    let name = throughline_api::branding::set_pptx_template(&ws, &template).unwrap();
    assert_eq!(name.as_deref(), Some("company.pptx"));
    assert_eq!(
        ws.pptx_template_name().unwrap().as_deref(),
        Some("company.pptx")
    );

    let not_one = dir.path().join("notes.pptx");
    std::fs::write(&not_one, b"just text").unwrap();
    let err = throughline_api::branding::set_pptx_template(&ws, &not_one).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.starts_with("notes.pptx:"), "{}", err.message);
    assert_eq!(
        ws.pptx_template_name().unwrap().as_deref(),
        Some("company.pptx"),
        "the template before stays"
    );
    ws.clear_pptx_template().unwrap();
    assert!(ws.pptx_template().unwrap().is_none());
}
