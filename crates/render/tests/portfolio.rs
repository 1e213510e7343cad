#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The portfolio's views as real files: strict SVG, PNG decoded, PDF text.
//! `THROUGHLINE_LOOK=DIR` keeps the PNGs to look at.

use std::process::Command;

use throughline_core::portfolio::{Bucket, Horizon, Initiative, PortfolioSettings};
use throughline_render::{
    render_portfolio_svg, slides_to_pdf, svg_to_png, Branding, PngCompression, PortfolioPage,
    PortfolioView, PortfolioViewError, Theme, ValueAxis,
};

fn initiative(
    name: &str,
    horizon: Horizon,
    bucket: Bucket,
    cost: f64,
    fit: f64,
    flows: &[f64],
) -> Initiative {
    Initiative {
        name: name.into(),
        horizon: Some(horizon),
        bucket: Some(bucket),
        cost: Some(cost),
        fit: Some(fit),
        cash_flows: flows.to_vec(),
        ..Initiative::default()
    }
}

/// The method's portfolio, with a long name, a CJK name and a zero-cost item.
fn method() -> Vec<Initiative> {
    let mut engine = initiative(
        "Risk-scoring engine",
        Horizon::Next,
        Bucket::Adjacent,
        200.0,
        8.0,
        &[-120.0, -80.0, 150.0, 150.0],
    );
    engine.depends_on = vec!["Loan calculator".into()];
    let mut assistant = initiative(
        "An AI underwriting assistant that drafts credit memos for every small-business loan over fifty thousand",
        Horizon::Later,
        Bucket::Transformational,
        100.0,
        6.0,
        &[-100.0, 0.0, 0.0, 400.0],
    );
    assistant.depends_on = vec!["Risk-scoring engine".into()];
    vec![
        initiative(
            "Upsell bundles",
            Horizon::Now,
            Bucket::Core,
            500.0,
            7.0,
            &[-100.0, 250.0, 250.0],
        ),
        initiative(
            "Loan calculator",
            Horizon::Now,
            Bucket::Core,
            200.0,
            5.0,
            &[-50.0, 30.0, 40.0],
        ),
        engine,
        assistant,
        initiative(
            "新しい与信エンジン",
            Horizon::Next,
            Bucket::Adjacent,
            0.0,
            4.0,
            &[-10.0, 5.0],
        ),
    ]
}

fn sixty() -> Vec<Initiative> {
    (0..60)
        .map(|n| {
            let bucket = [Bucket::Core, Bucket::Adjacent, Bucket::Transformational][n % 3];
            let horizon = [Horizon::Now, Horizon::Next, Horizon::Later][n % 3];
            let mut i = initiative(
                &format!("Initiative {n:02} with a fairly long descriptive name"),
                horizon,
                bucket,
                (n as f64 * 37.0) % 400.0,
                (n as f64 * 1.7) % 10.0,
                &[-(n as f64) * 3.0, 50.0 + n as f64, 60.0],
            );
            if n % 3 != 0 {
                i.depends_on = vec![format!(
                    "Initiative {:02} with a fairly long descriptive name",
                    n - n % 3
                )];
            }
            i
        })
        .collect()
}

fn check_files(name: &str, svg: &str, expected: &[&str]) {
    roxmltree::Document::parse(svg).unwrap_or_else(|err| panic!("{name}: {err}"));
    let png = svg_to_png(svg, 1.0, PngCompression::Fast).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(&png))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!((info.width, info.height), (1920, 1080), "{name}");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&pdf, slides_to_pdf(&[svg.to_owned()]).unwrap()).unwrap();
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in expected {
        assert!(text.contains(word), "{name}: {word:?} missing from {text}");
    }
    if let Ok(dir) = std::env::var("THROUGHLINE_LOOK") {
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), &png).unwrap();
    }
}

fn page<'a>(initiatives: &'a [Initiative], settings: &'a PortfolioSettings) -> PortfolioPage<'a> {
    PortfolioPage {
        initiatives,
        settings,
        as_of: "2026-12-06".parse().unwrap(),
    }
}

#[test]
fn every_view_draws_the_method_portfolio_with_long_cjk_and_zero_cost_names() {
    let settings = PortfolioSettings::default();
    let initiatives = method();
    let branding = Branding::default();
    for (name, view, expected) in [
        (
            "matrix",
            PortfolioView::Matrix(ValueAxis::Npv),
            vec![
                "Upsell bundles",
                "新しい与信エンジン",
                "Bubble size: cost",
                "Strategic fit",
                "As of 2026-12-06",
            ],
        ),
        (
            "matrix-ecv",
            PortfolioView::Matrix(ValueAxis::Ecv),
            vec!["ECV", "Loan calculator"],
        ),
        (
            "allocation",
            PortfolioView::Allocation,
            vec!["core", "target 70 %", "actual", "pts"],
        ),
        (
            "tracks",
            PortfolioView::Tracks,
            vec![
                "Now",
                "Next",
                "Later",
                "Risk-scoring engine",
                "新しい与信エンジン",
            ],
        ),
    ] {
        let svg = render_portfolio_svg(
            view,
            &page(&initiatives, &settings),
            &Theme::light(),
            &branding,
        )
        .unwrap();
        check_files(name, &svg, &expected);
    }
}

#[test]
fn sixty_initiatives_are_numbered_with_a_key_and_every_view_still_draws() {
    let settings = PortfolioSettings::default();
    let initiatives = sixty();
    let branding = Branding::default();
    let matrix = render_portfolio_svg(
        PortfolioView::Matrix(ValueAxis::Npv),
        &page(&initiatives, &settings),
        &Theme::dark(),
        &branding,
    )
    .unwrap();
    check_files("matrix-60", &matrix, &["60 initiatives", "1 Initiative 00"]);
    for (name, view) in [
        ("allocation-60", PortfolioView::Allocation),
        ("tracks-60", PortfolioView::Tracks),
    ] {
        let svg = render_portfolio_svg(
            view,
            &page(&initiatives, &settings),
            &Theme::light(),
            &branding,
        )
        .unwrap();
        check_files(name, &svg, &["60 initiatives"]);
    }
}

#[test]
fn a_dependency_cycle_is_refused_with_the_cycle_named() {
    let settings = PortfolioSettings::default();
    let mut initiatives = method();
    initiatives[1].depends_on = vec!["An AI underwriting assistant that drafts credit memos for every small-business loan over fifty thousand".into()];
    let err = render_portfolio_svg(
        PortfolioView::Tracks,
        &page(&initiatives, &settings),
        &Theme::light(),
        &Branding::default(),
    )
    .unwrap_err();
    let PortfolioViewError::Cycle(cycle) = err;
    assert!(
        cycle.contains("Loan calculator → An AI underwriting assistant")
            && cycle.ends_with("Risk-scoring engine → Loan calculator"),
        "{cycle}"
    );
}

#[test]
fn the_gate_tracker_shows_each_gate_against_its_readings_and_a_triggered_rule_as_a_banner() {
    use throughline_core::journal::{Action, Comparator, CriterionWindow, KillCriterion, Reading};
    use throughline_core::portfolio::{EvidenceGate, GateDecision};
    let reading = |date: &str, value: f64| Reading {
        metric: "Error rate".into(),
        date: date.parse().unwrap(),
        value,
    };
    let gate = |date: &str, decision| EvidenceGate {
        date: date.parse().unwrap(),
        metric: "Error rate".into(),
        threshold: 5.0,
        at_most: true,
        unit: "%".into(),
        decision,
    };
    let mut assistant = initiative(
        "AI underwriting assistant",
        Horizon::Later,
        Bucket::Transformational,
        100.0,
        7.0,
        &[],
    );
    assistant.gates = vec![
        gate("2026-11-15", Some(GateDecision::Go)),
        gate("2026-12-20", None),
    ];
    assistant.stopping_rules = vec![KillCriterion {
        id: "errors".into(),
        metric: "Error rate".into(),
        comparator: Comparator::Above,
        threshold: 5.0,
        unit: "%".into(),
        cohort: "assisted decisions".into(),
        by: "2027-03-31".into(),
        action: Action::PivotTo("human review of every memo".into()),
        margin: 0.5,
        window: CriterionWindow::Consecutive { readings: 2 },
    }];
    let readings = [
        reading("2026-11-10", 3.9),
        reading("2026-11-24", 5.6),
        reading("2026-12-01", 6.2),
    ];
    let svg = throughline_render::render_gates_svg(
        &assistant,
        &readings,
        "2026-12-06".parse().unwrap(),
        &Theme::light(),
        &Branding::default(),
    );
    check_files(
        "gates",
        &svg,
        &[
            "Stopping rule triggered",
            "TRIGGERED",
            "2026-11-15 · Error rate ≤ 5%",
            "3.9 on 2026-11-10: met · decided: go",
            "6.2 on 2026-12-01: not met so far · not decided yet",
            "for 2 consecutive readings",
        ],
    );
    // Without gates or rules, the page says so rather than staying blank.
    let bare = initiative("Loan calculator", Horizon::Now, Bucket::Core, 1.0, 5.0, &[]);
    let svg = throughline_render::render_gates_svg(
        &bare,
        &[],
        "2026-12-06".parse().unwrap(),
        &Theme::dark(),
        &Branding::default(),
    );
    check_files(
        "gates-empty",
        &svg,
        &["No evidence gate yet", "No stopping rule yet"],
    );
}

/// A portfolio view as an update's chart, on the slide beside the story.
fn slide_with(
    kind: throughline_core::ChartKind,
    snapshot: throughline_core::portfolio::PortfolioSnapshot,
) -> String {
    use throughline_core::{Beats, ChartSpec, UpdateFields};
    let fields = UpdateFields {
        title: "Fund the risk engine now: the calculator feeds it".into(),
        beats: Beats {
            context: "Core upsell carries the quarter's revenue.".into(),
            conflict: "Finance wants NRR now; product wants the platform play.".into(),
            resolution: "Keep 70/20/10 and start the engine in Next.".into(),
            evidence: "The matrix puts the engine top right.".into(),
        },
        chart: Some(ChartSpec {
            kind,
            title: "The engine is the best bet after upsell".into(),
            portfolio: Some(snapshot),
            ..ChartSpec::default()
        }),
        ..UpdateFields::default()
    };
    throughline_render::render_update_slide(&fields, 1, 1, &Theme::light(), &Branding::default())
}

#[test]
fn every_view_can_be_the_update_chart_with_its_day_and_rows_hash() {
    use throughline_core::portfolio::{GateTracker, PortfolioSnapshot};
    use throughline_core::ChartKind;
    let settings = PortfolioSettings::default();
    let as_of = "2026-12-06".parse().unwrap();
    let initiatives = method();
    for (kind, axis, name, expected) in [
        (
            ChartKind::PortfolioMatrix,
            ValueAxis::Npv,
            "chart-matrix",
            vec!["Upsell bundles", "Loan calculator", "NPV"],
        ),
        (
            ChartKind::PortfolioMatrix,
            ValueAxis::Ecv,
            "chart-matrix-ecv",
            vec!["ECV", "Risk-scoring engine"],
        ),
        (
            ChartKind::Allocation,
            ValueAxis::Npv,
            "chart-allocation",
            vec!["core", "target 70 %", "pts"],
        ),
        (
            ChartKind::Tracks,
            ValueAxis::Npv,
            "chart-tracks",
            vec!["Now", "Next", "Risk-scoring engine"],
        ),
    ] {
        let snapshot = PortfolioSnapshot::of(&initiatives, &settings, as_of, axis);
        let hash = snapshot.short_hash();
        let svg = slide_with(kind, snapshot);
        let mut expected = expected.clone();
        let caption = format!("As of 2026-12-06 · rows {hash} · 5 initiatives");
        expected.extend([
            "Fund the risk engine now",
            "The engine is the best bet",
            caption.as_str(),
        ]);
        check_files(name, &svg, &expected);
    }
    let mut bet = initiatives[3].clone();
    bet.gates = vec![throughline_core::portfolio::EvidenceGate {
        date: "2027-01-15".parse().unwrap(),
        metric: "Error rate".into(),
        threshold: 5.0,
        at_most: true,
        unit: "%".into(),
        decision: None,
    }];
    let snapshot = PortfolioSnapshot::of_tracker(GateTracker::of(&bet, &[]), as_of);
    let svg = slide_with(ChartKind::Gates, snapshot);
    check_files(
        "chart-gates",
        &svg,
        &["EVIDENCE GATES", "Error rate ≤ 5%", "No stopping rule yet"],
    );
}

#[test]
fn a_cycle_in_a_tracks_snapshot_is_said_in_the_chart_area() {
    use throughline_core::portfolio::PortfolioSnapshot;
    let mut initiatives = method();
    initiatives[1].depends_on = vec!["Risk-scoring engine".into()];
    let snapshot = PortfolioSnapshot::of(
        &initiatives,
        &PortfolioSettings::default(),
        "2026-12-06".parse().unwrap(),
        ValueAxis::Npv,
    );
    let svg = slide_with(throughline_core::ChartKind::Tracks, snapshot);
    check_files(
        "chart-tracks-cycle",
        &svg,
        &["Dependency cycle", "Loan calculator"],
    );
}

#[test]
fn quadrant_lines_set_by_the_pm_are_drawn_there_and_said_in_the_legend() {
    let settings = PortfolioSettings {
        quadrant_fit: Some(5.0),
        quadrant_value: Some(1000.0),
        ..PortfolioSettings::default()
    };
    let initiatives = method();
    let svg = render_portfolio_svg(
        PortfolioView::Matrix(ValueAxis::Npv),
        &page(&initiatives, &settings),
        &Theme::light(),
        &Branding::default(),
    )
    .unwrap();
    // The value line lies above every initiative: the axis reaches it.
    check_files("matrix-lines", &svg, &["lines at fit 5 and NPV 1k", "1k"]);
    let medians = render_portfolio_svg(
        PortfolioView::Matrix(ValueAxis::Npv),
        &page(&initiatives, &PortfolioSettings::default()),
        &Theme::light(),
        &Branding::default(),
    )
    .unwrap();
    check_files("matrix-medians", &medians, &["lines at the medians"]);
}

#[test]
fn the_assumption_map_places_each_assumption_and_names_the_corner_to_test_first() {
    use throughline_core::journal::{EvidenceLevel, Importance};
    use throughline_core::portfolio::{AssumptionPoint, PortfolioSnapshot};
    let point = |statement: &str, importance, evidence| AssumptionPoint {
        journal: "Self-serve checkout".into(),
        statement: statement.into(),
        importance,
        evidence,
    };
    let mut points = vec![
        point(
            "Self-serve buyers convert without a sales call",
            Importance::High,
            EvidenceLevel::Anecdote,
        ),
        point(
            "Teams under 20 seats pay by card",
            Importance::High,
            EvidenceLevel::Survey,
        ),
        point(
            "Annual billing lifts retention",
            Importance::High,
            EvidenceLevel::Pilot,
        ),
        point(
            "小規模チームはカードで支払う",
            Importance::Medium,
            EvidenceLevel::CohortData,
        ),
        point(
            "Procurement needs an invoice above 50 seats",
            Importance::Low,
            EvidenceLevel::Survey,
        ),
    ];
    for n in 0..9 {
        points.push(point(
            &format!("A crowded cell's assumption number {n}"),
            Importance::High,
            EvidenceLevel::Anecdote,
        ));
    }
    let snapshot = PortfolioSnapshot::of_assumptions(points, "2026-12-06".parse().unwrap());
    let svg = slide_with(throughline_core::ChartKind::AssumptionMap, snapshot);
    check_files(
        "chart-assumptions",
        &svg,
        &[
            "TEST FIRST",
            "Self-serve buyers convert",
            "Annual billing lifts retention",
            "小規模チーム",
            "more",
            "As of 2026-12-06 · rows",
            "14 assumptions",
        ],
    );
}
