#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Extreme finite numbers (±f64::MAX, 1.6e308, f64::MIN_POSITIVE, the
//! subnormal 5e-324, mixtures of 1e-300 and 1e300) in every chart kind:
//! each render returns — within a time limit, so a hang fails the test
//! instead of blocking it — with a well-formed SVG free of "NaN" and "inf",
//! or with a typed error.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;
use throughline_core::chart_reading::read_chart;

use proptest::prelude::*;
use throughline_core::{ChartKind, ChartSpec, DataRow, DataTable};
use throughline_render::{render_chart_svg, try_render_chart_svg, ChartError, Rgb, Theme};

/// Far more than any chart takes, even unoptimised.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// One row per value; three value columns (x, y, size for the bubble),
/// each holding the values in a different order.
fn spec(kind: ChartKind, values: &[f64], unit: Option<&str>) -> ChartSpec {
    let column = |row: usize, shift: usize| values[(row + shift) % values.len()];
    let rows = (0..values.len())
        .map(|row| DataRow {
            label: format!("Week {}", row + 1),
            values: vec![
                Some(column(row, 0)),
                Some(column(row, 1)),
                Some(column(row, 2)),
            ],
        })
        .collect();
    ChartSpec {
        kind,
        title: "Extreme values".into(),
        alt: String::new(),
        highlight: None,
        unit: unit.map(str::to_owned),
        data: DataTable {
            header: ["x", "signups", "revenue", "size"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        },
        better: None,
        portfolio: None,
    }
}

/// Both renderings of `spec`, or `None` if they did not finish in time.
fn render_within_limit(spec: ChartSpec) -> Option<(Result<String, ChartError>, String)> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let theme = Theme::light();
        let accent = Rgb(0x25, 0x63, 0xEB);
        let tried = try_render_chart_svg(&spec, &read_chart(&spec, &[]), &theme, accent, 820, 560);
        let drawn = render_chart_svg(&spec, &read_chart(&spec, &[]), &theme, accent, 820, 560);
        let _ = sender.send((tried, drawn));
    });
    receiver.recv_timeout(TIME_LIMIT).ok()
}

/// A drawable SVG: well-formed, every number in it finite.
fn assert_clean(svg: &str, case: &str) {
    assert!(!svg.contains("NaN"), "{case}: NaN in {svg}");
    assert!(!svg.contains("inf"), "{case}: inf in {svg}");
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{case}: {e}: {svg}"));
}

const EXTREMES: &[(&str, &[f64])] = &[
    ("one then 1.6e308", &[1.0, 1.6e308]),
    ("±1.7e308", &[1.7e308, -1.7e308]),
    ("f64::MAX twice", &[f64::MAX, f64::MAX]),
    ("f64::MIN to f64::MAX", &[f64::MIN, f64::MAX]),
    ("f64::MIN_POSITIVE and zero", &[f64::MIN_POSITIVE, 0.0]),
    ("subnormal 5e-324 twice", &[5e-324, 5e-324]),
    ("subnormals 5e-324 and 1e-323", &[5e-324, 1e-323]),
    ("1e-300 and 1e300", &[1e-300, 1e300]),
    ("-1e300 and 1e-300", &[-1e300, 1e-300]),
    ("f64::MAX, 5e-324 and -1", &[f64::MAX, 5e-324, -1.0]),
    ("zeros", &[0.0, 0.0]),
    ("big numbers a unit apart", &[1e16, 1e16 + 2.0, 1e16 + 4.0]),
];

#[test]
fn extreme_values_render_every_kind_without_hanging() {
    for (name, values) in EXTREMES {
        for kind in ChartKind::ALL {
            for unit in [None, Some("%"), Some("$")] {
                let case = format!("{name}, {kind:?}, unit {unit:?}");
                let (tried, drawn) = render_within_limit(spec(kind, values, unit))
                    .unwrap_or_else(|| panic!("{case}: still drawing after {TIME_LIMIT:?}"));
                assert_clean(&drawn, &case);
                let negative = values.iter().any(|v| *v < 0.0);
                match tried {
                    Ok(svg) => assert_clean(&svg, &case),
                    // The only refusal: a funnel's stages cannot be negative.
                    Err(error) => assert!(
                        kind == ChartKind::Funnel
                            && negative
                            && error == ChartError::FunnelNegative,
                        "{case}: {error}"
                    ),
                }
            }
        }
    }
}

/// A chart of one series, `values` in order.
fn one_series(kind: ChartKind, values: &[f64], unit: Option<&str>) -> ChartSpec {
    let mut spec = spec(kind, values, unit);
    spec.data.header.truncate(2);
    for row in &mut spec.data.rows {
        row.values.truncate(1);
    }
    spec
}

/// The texts a one-series chart of `values` shows.
fn texts(kind: ChartKind, values: &[f64], unit: Option<&str>) -> Vec<String> {
    let svg = render_within_limit(one_series(kind, values, unit))
        .expect("drawn in time")
        .0
        .expect("drawable");
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .map(|node| {
            let words: String = node
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            words.trim().to_owned()
        })
        .collect()
}

fn assert_shows(texts: &[String], wanted: &[&str]) {
    for text in wanted {
        assert!(texts.iter().any(|t| t == text), "{text:?} not in {texts:?}");
    }
}

#[test]
fn huge_values_are_labelled_in_scientific_notation() {
    // The case that used to hang: the padded axis overflowed to infinity.
    let shown = texts(ChartKind::BeforeAfter, &[1.0, 1.6e308], None);
    assert_shows(&shown, &["1", "1.6e308", "+1.6e310%"]);
    assert_shows(&shown, &["0", "5e307", "1e308", "1.5e308"]);

    // The change is 2 × f64::MAX: written, not infinite.
    let shown = texts(ChartKind::Line, &[f64::MIN, f64::MAX], Some("%"));
    assert_shows(&shown, &["-1e308%", "0%", "1e308%", "+3.6e308 pts"]);

    let shown = texts(
        ChartKind::BigNumber,
        &[f64::MIN_POSITIVE, f64::MAX],
        Some("$"),
    );
    assert_shows(&shown, &["$1.8e308"]);

    let shown = texts(ChartKind::Funnel, &[5e-324, 1.6e308], None);
    assert_shows(&shown, &["4.94e-324", "1.6e308"]);
}

#[test]
fn subnormal_values_are_labelled_not_rounded_to_zero() {
    let shown = texts(ChartKind::Bar, &[5e-324, 1e-323], None);
    assert_shows(&shown, &["4.94e-324", "9.88e-324"]);
}

fn finite() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        4 => POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
        1 => prop::sample::select(vec![f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, 1.6e308, 0.0]),
        1 => -1e6f64..1e6,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_finite_values_finish_drawing(values in prop::collection::vec(finite(), 1..8)) {
        for kind in ChartKind::ALL {
            let result = render_within_limit(spec(kind, &values, Some("%")));
            prop_assert!(result.is_some(), "{kind:?} {values:?}: still drawing");
            let (tried, drawn) = result.unwrap();
            prop_assert!(!drawn.contains("NaN") && !drawn.contains("inf"), "{kind:?} {values:?}: {drawn}");
            prop_assert!(roxmltree::Document::parse(&drawn).is_ok(), "{kind:?} {values:?}");
            // Terminates with a drawing or a typed, worded refusal.
            match tried {
                Ok(svg) => prop_assert!(!svg.contains("NaN") && !svg.contains("inf")),
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
    }
}
