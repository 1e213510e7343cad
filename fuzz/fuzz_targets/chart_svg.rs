//! Any table and labels as a chart of every kind, read in the light of any
//! story text (the default highlight, points, which way is better): a
//! valid SVG (strict XML) or a message on the chart area, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use throughline_core::chart_reading::read_chart;
use throughline_core::table::parse_table;
use throughline_core::{ChartKind, ChartSpec};
use throughline_render::{render_chart_svg, Rgb, Theme};

fuzz_target!(|text: &str| {
    let Ok(data) = parse_table(text) else { return };
    for kind in ChartKind::ALL {
        let spec = ChartSpec {
            kind,
            title: text.chars().take(80).collect(),
            alt: String::new(),
            // Every other kind leaves the highlight and unit to be inferred.
            highlight: (kind as usize % 2 == 0)
                .then(|| data.header.get(1).cloned())
                .flatten(),
            unit: (kind as usize % 2 == 0).then(|| "%".into()),
            better: None,
            data: data.clone(),
            portfolio: None,
        };
        let reading = read_chart(&spec, &[text]);
        let svg = render_chart_svg(
            &spec,
            &reading,
            &Theme::light(),
            Rgb(0x25, 0x63, 0xEB),
            820,
            560,
        );
        roxmltree::Document::parse(&svg).expect("the chart SVG is well-formed XML");
    }
});
