#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The bounded, in-suite twin of `fuzz/fuzz_targets/chart_svg.rs`: any
//! table, labels and values (NaN, ∞, huge, negative, markup, control
//! characters) give every chart kind well-formed SVG — never a panic.

use proptest::prelude::*;
use throughline_core::chart_reading::read_chart;
use throughline_core::{ChartKind, ChartSpec, DataRow, DataTable};
use throughline_render::{render_chart_svg, Rgb, Theme};

fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        4 => (-1e6f64..1e6).prop_map(Some),
        1 => Just(None),
        1 => Just(Some(f64::NAN)),
        1 => Just(Some(f64::INFINITY)),
        1 => Just(Some(-1e300)),
        1 => Just(Some(0.0)),
    ]
}

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        Just("<script>alert(1)</script> & \"q\"".to_owned()),
        Just("\u{1}\u{7}\u{fffe}ctl".to_owned()),
        Just("مرحبا 🚀 東京".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_kind_draws_well_formed_svg(
        series in prop::collection::vec(label(), 1..5),
        rows in prop::collection::vec((label(), prop::collection::vec(value(), 5)), 0..24),
        title in label(),
    ) {
        let width = series.len();
        let data = DataTable {
            header: std::iter::once("x".to_owned()).chain(series.clone()).collect(),
            rows: rows
                .into_iter()
                .map(|(label, values)| DataRow { label, values: values.into_iter().take(width).collect() })
                .collect(),
        };
        for kind in ChartKind::ALL {
            let spec = ChartSpec {
                kind,
                title: title.clone(),
                alt: String::new(),
                highlight: series.first().cloned(),
                unit: Some("%".into()),
                data: data.clone(),
                better: None,
                portfolio: None,
            };
            let svg = render_chart_svg(&spec, &read_chart(&spec, &[]), &Theme::dark(), Rgb(0x25, 0x63, 0xEB), 820, 560);
            prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{kind:?}: {svg}");
        }
    }
}
