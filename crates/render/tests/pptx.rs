#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The deck as PowerPoint, read back with python-pptx (from the project's
//! own virtual environment, made by scripts/setup.sh): titles, beats and
//! notes where they belong, and every native chart's series and embedded
//! workbook holding exactly the update's numbers. `THROUGHLINE_LOOK=DIR`
//! keeps the deck.

use std::process::Command;

use serde_json::json;
use throughline_core::portfolio::{
    Bucket, Horizon, Initiative, PortfolioSettings, PortfolioSnapshot, ValueAxis,
};
use throughline_core::{
    Beats, ChartKind, ChartSpec, DataRow, DataTable, Evidence, MetricEvidence, QuoteEvidence,
    UpdateFields,
};
use throughline_render::{slides_to_pptx, Branding, PptxSlide, Theme};

fn table(header: &[&str], rows: &[(&str, &[Option<f64>])]) -> DataTable {
    DataTable {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|(label, values)| DataRow {
                label: (*label).to_owned(),
                values: values.to_vec(),
            })
            .collect(),
    }
}

fn update(title: &str, chart: Option<ChartSpec>) -> UpdateFields {
    UpdateFields {
        title: title.into(),
        date: "2026-12-07".into(),
        beats: Beats {
            context: format!("Context of {title}."),
            conflict: "The conflict, & its <costs>.".into(),
            resolution: "The growth squad ships it by 15 January.".into(),
            evidence: "The evidence.".into(),
        },
        chart,
        ..UpdateFields::default()
    }
}

fn chart(kind: ChartKind, title: &str, data: DataTable) -> Option<ChartSpec> {
    Some(ChartSpec {
        kind,
        title: title.into(),
        data,
        ..ChartSpec::default()
    })
}

fn portfolio(kind: ChartKind) -> Option<ChartSpec> {
    let item = |name: &str, bucket, cost, fit| Initiative {
        name: name.into(),
        horizon: Some(Horizon::Now),
        bucket: Some(bucket),
        cost: Some(cost),
        fit: Some(fit),
        cash_flows: vec![-cost, cost * 2.0],
        ..Initiative::default()
    };
    let initiatives = [
        item("Upsell bundles", Bucket::Core, 700.0, 7.0),
        item("Freemium experiment", Bucket::Adjacent, 200.0, 5.5),
        item("AI underwriting 与信", Bucket::Transformational, 100.0, 8.0),
    ];
    let snapshot = PortfolioSnapshot::of(
        &initiatives,
        &PortfolioSettings::default(),
        "2026-12-07".parse().unwrap(),
        ValueAxis::Npv,
    );
    Some(ChartSpec {
        kind,
        title: "The portfolio".into(),
        portfolio: Some(snapshot),
        ..ChartSpec::default()
    })
}

/// The project's Python with python-pptx (scripts/setup.sh makes it).
fn python() -> String {
    let python = format!(
        "{}/bin/python",
        std::env::var("PYTHON_TOOLS").unwrap_or_else(|_| format!(
            "{}/.cache/throughline/venv",
            std::env::var("HOME").unwrap()
        ))
    );
    assert!(
        std::path::Path::new(&python).exists(),
        "{python} is missing: run scripts/setup.sh (it makes the project's Python environment with python-pptx)"
    );
    python
}

/// Reads the deck with python-pptx and checks it against `expected`.
fn check(python: &str, deck: &std::path::Path, expected: &serde_json::Value) {
    let expected_path = deck.with_extension("json");
    std::fs::write(&expected_path, expected.to_string()).unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/pptx/check_pptx.py"
    );
    let out = Command::new(python)
        .args([
            script,
            deck.to_str().unwrap(),
            expected_path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-pptx found:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_deck_reads_back_in_python_pptx_with_every_chart_holding_the_updates_numbers() {
    let python = python();
    let weekly = table(
        &["Week", "Without", "With checklist"],
        &[
            ("W1", &[Some(31.5), Some(33.0)]),
            ("W2", &[Some(32.0), None]),
            ("W3", &[Some(31.8), Some(37.9)]),
        ],
    );
    let mut line = update(
        "Activation rose 9 points",
        chart(ChartKind::Line, "With the checklist", weekly),
    );
    line.evidence = Evidence::Metric(MetricEvidence {
        value: "41%".into(),
        unit: "week-one activation".into(),
        baseline: "32% without".into(),
        window: "6 weeks".into(),
        source: "Product analytics".into(),
        sample: "1960, 1960".into(),
    });
    let bars = update(
        "EMEA leads new logos",
        chart(
            ChartKind::Bar,
            "New logos by region",
            table(
                &["Region", "Logos"],
                &[
                    ("EMEA", &[Some(18.0)]),
                    ("NA", &[Some(12.0)]),
                    ("APAC", &[Some(-3.0)]),
                    // Not drawn as a fourth column among its parts.
                    ("Total", &[Some(27.0)]),
                ],
            ),
        ),
    );
    let funnel = update(
        "Half of trials reach setup",
        chart(
            ChartKind::Funnel,
            "Trial funnel",
            table(
                &["Stage", "Accounts"],
                &[
                    ("Signed up", &[Some(1000.0)]),
                    ("Set up", &[Some(500.0)]),
                    ("Paid", &[Some(120.0)]),
                ],
            ),
        ),
    );
    let bubbles = update(
        "Two bets stand out",
        chart(
            ChartKind::Bubble,
            "Bets",
            table(
                &["Bet", "Reach", "Impact", "Cost"],
                &[
                    ("Alpha", &[Some(3.0), Some(4.0), Some(10.0)]),
                    ("Beta", &[Some(5.0), Some(2.0), Some(20.0)]),
                ],
            ),
        ),
    );
    let big = update(
        "NRR is 112%",
        chart(
            ChartKind::BigNumber,
            "NRR",
            table(
                &["Quarter", "NRR"],
                &[("Q3", &[Some(108.0)]), ("Q4", &[Some(112.0)])],
            ),
        ),
    );
    let matrix = update("Upsell leads on NPV", portfolio(ChartKind::PortfolioMatrix));
    let allocation = update("Core takes 70 %", portfolio(ChartKind::Allocation));
    let tracks = update("Now unlocks Next", portfolio(ChartKind::Tracks));
    let mut quote = update("Setup takes ten minutes", None);
    quote.evidence = Evidence::Quote(QuoteEvidence {
        text: "Setup took ten minutes.".into(),
        who: "Ops lead".into(),
        when: "Nov 2026".into(),
    });
    line.notes = "Say the nine points first.\nThen what it costs.".into();
    let updates = [
        &line,
        &bars,
        &funnel,
        &bubbles,
        &big,
        &matrix,
        &allocation,
        &tracks,
        &quote,
    ];
    let slides: Vec<PptxSlide<'_>> = updates
        .iter()
        .enumerate()
        .map(|(i, fields)| PptxSlide {
            fields,
            banner: (i == 1).then_some("Kill criterion triggered: sharing < 20%"),
        })
        .collect();
    let branding = Branding {
        beat_names: true,
        ..Branding::default()
    };
    let deck = slides_to_pptx(&slides, &Theme::light(), &branding).unwrap();
    let again = slides_to_pptx(&slides, &Theme::light(), &branding).unwrap();
    assert_eq!(deck, again, "the same updates give the same bytes");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deck.pptx");
    std::fs::write(&path, &deck).unwrap();
    if let Ok(look) = std::env::var("THROUGHLINE_LOOK") {
        std::fs::write(std::path::Path::new(&look).join("deck.pptx"), &deck).unwrap();
    }
    // The matrix's heights are the snapshot's NPVs, as of its day.
    let figures = matrix.chart.as_ref().unwrap().portfolio.as_ref().unwrap();
    let npv: serde_json::Map<String, serde_json::Value> = figures
        .initiatives
        .iter()
        .map(|i| (i.name.clone(), json!([i.npv])))
        .collect();
    assert!(npv.values().all(|v| v[0].as_f64().unwrap() > 0.0));
    let expected = json!({
        "layouts": ["Throughline: story and chart", "Throughline: story"],
        "slides": [
            {"title": "Activation rose 9 points", "notes": "Say the nine points first.\nThen what it costs.",
             "beats": ["Context of Activation rose 9 points.", "The conflict, & its <costs>.", "CONTEXT"],
             "chart": {"type": "LINE", "categories": ["W1", "W2", "W3"],
                       "series": {"Without": [31.5, 32.0, 31.8], "With checklist": [33.0, null, 37.9]},
                       "workbook": {"A": ["Week", "W1", "W2", "W3"], "B": ["Without", 31.5, 32.0, 31.8], "C": ["With checklist", 33.0, 37.9]}}},
            {"title": "EMEA leads new logos", "chart": {"type": "COLUMN", "categories": ["EMEA", "NA", "APAC"],
                       "series": {"Logos": [18.0, 12.0, -3.0]}, "workbook": {"B": ["Logos", 18.0, 12.0, -3.0]}}},
            {"title": "Half of trials reach setup", "chart": {"type": "BAR", "categories": ["Signed up", "Set up", "Paid"],
                       "series": {"Accounts": [1000.0, 500.0, 120.0]}}},
            {"title": "Two bets stand out", "chart": {"type": "BUBBLE", "series": {"Alpha": [4.0], "Beta": [2.0]},
                       "workbook": {"A": ["Bet", "Alpha", "Beta"], "B": ["Reach", 3.0, 5.0], "C": ["Impact", 4.0, 2.0], "D": ["Cost", 10.0, 20.0]}}},
            {"title": "NRR is 112%", "chart": null, "picture": true},
            {"title": "Upsell leads on NPV", "chart": {"type": "BUBBLE",
                       "series": npv,
                       "workbook": {"A": ["Initiative", "Upsell bundles", "Freemium experiment", "AI underwriting 与信"], "B": ["Strategic fit", 7.0, 5.5, 8.0]}}},
            {"title": "Core takes 70 %", "chart": {"type": "BAR", "categories": ["core", "adjacent", "transformational"],
                       "series": {"Target %": [70.0, 20.0, 10.0], "Actual % of cost": [70.0, 20.0, 10.0]},
                       "workbook": {"B": ["Target %", 70.0, 20.0, 10.0]}}},
            {"title": "Now unlocks Next", "chart": null, "picture": true},
            {"title": "Setup takes ten minutes", "chart": null}
        ]
    });
    check(&python, &path, &expected);
}

#[test]
fn on_a_company_template_the_slides_use_its_master_layout_and_size() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    // A template as PowerPoint ships it: python-pptx's default, 4:3, eleven layouts.
    let template = dir.path().join("company.pptx");
    let made = Command::new(&python)
        .args([
            "-c",
            &format!(
                "from pptx import Presentation; Presentation().save({:?})",
                template.to_str().unwrap()
            ),
        ])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let mut with_chart = update(
        "EMEA leads new logos",
        chart(
            ChartKind::Bar,
            "New logos by region",
            table(
                &["Region", "Logos"],
                &[("EMEA", &[Some(18.0)]), ("NA", &[Some(12.0)])],
            ),
        ),
    );
    with_chart.notes = "Name the three EMEA deals.".into();
    let plain = update("Setup takes ten minutes", None);
    let slides = [
        PptxSlide {
            fields: &with_chart,
            banner: None,
        },
        PptxSlide {
            fields: &plain,
            banner: None,
        },
    ];
    let bytes = std::fs::read(&template).unwrap();
    let deck = throughline_render::slides_to_pptx_with_template(
        &slides,
        &Theme::light(),
        &Branding::default(),
        &bytes,
    )
    .unwrap();
    let path = dir.path().join("on-template.pptx");
    std::fs::write(&path, &deck).unwrap();
    if let Ok(look) = std::env::var("THROUGHLINE_LOOK") {
        std::fs::write(std::path::Path::new(&look).join("on-template.pptx"), &deck).unwrap();
    }
    let expected = json!({
        "size": [9144000, 6858000],
        "layouts": ["Title and Content", "Title Slide", "Two Content"],
        "slides": [
            {"title": "EMEA leads new logos", "layout": "Title and Content", "notes": "Name the three EMEA deals.",
             "beats": ["Context of EMEA leads new logos."],
             "chart": {"type": "COLUMN", "series": {"Logos": [18.0, 12.0]}, "workbook": {"B": ["Logos", 18.0, 12.0]}}},
            {"title": "Setup takes ten minutes", "layout": "Title and Content", "beats": ["The growth squad ships it by 15 January."], "chart": null}
        ]
    });
    check(&python, &path, &expected);
    // Not a template: a clear error, no deck.
    let err = throughline_render::slides_to_pptx_with_template(
        &slides,
        &Theme::light(),
        &Branding::default(),
        b"PK not really",
    )
    .err()
    .unwrap()
    .to_string();
    assert!(err.contains("template cannot be used"), "{err}");
}

#[test]
fn a_draft_with_no_beats_puts_its_own_sections_on_the_powerpoint_slide() {
    let mut fields = UpdateFields {
        title: "Letter to shareholders".into(),
        ..UpdateFields::default()
    };
    fields.other.sections.push(throughline_core::ExtraSection {
        heading: "Results".into(),
        body: "**Second-quarter results.** Streaming revenue rose 43%.".into(),
    });
    let slide = slide_xml_of(&fields);
    assert!(slide.contains(">RESULTS<"), "{slide}");
    assert!(
        slide.contains(">Second-quarter results. Streaming revenue rose 43%.<"),
        "{slide}"
    );
    assert!(!slide.contains("**"), "{slide}");
}

/// The first slide's XML of a one-slide deck.
fn slide_xml_of(fields: &UpdateFields) -> String {
    let deck = slides_to_pptx(
        &[PptxSlide {
            fields,
            banner: None,
        }],
        &Theme::light(),
        &Branding::default(),
    )
    .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(deck)).unwrap();
    let mut slide = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("ppt/slides/slide1.xml").unwrap(),
        &mut slide,
    )
    .unwrap();
    slide
}

#[test]
fn with_no_metric_or_quote_the_powerpoint_slide_carries_the_charts_headline() {
    let weekly = table(
        &["Week", "Pilot", "Control"],
        &[
            ("W1", &[Some(32.0), Some(31.0)]),
            ("W6", &[Some(41.0), Some(32.0)]),
        ],
    );
    let mut fields = update(
        "The checklist lifts activation 9 points",
        chart(ChartKind::Line, "Activation by week (%)", weekly),
    );
    fields.beats.evidence = "Pilot teams activated more often than the control.".into();
    let slide = slide_xml_of(&fields);
    // The PNG and PDF slide show the same callout: the gap and what it is
    // between, computed from the numbers.
    assert!(slide.contains(r#"name="Evidence""#), "{slide}");
    assert!(slide.contains(">+9 pts<"), "{slide}");
    assert!(slide.contains(">Pilot vs Control, W6<"), "{slide}");

    // A metric the PM wrote is the callout, not the chart's headline.
    fields.evidence = Evidence::Metric(MetricEvidence {
        value: "41%".into(),
        unit: "activation".into(),
        ..MetricEvidence::default()
    });
    let slide = slide_xml_of(&fields);
    assert!(slide.contains(">41% activation<"), "{slide}");
    assert!(!slide.contains(">+9 pts<"), "{slide}");
}
