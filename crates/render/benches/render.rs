//! How fast a slide renders: chart SVG, slide SVG (normal and with a
//! 600-word beat), and slide → PNG. Run with `cargo bench -p throughline-render`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::chart_reading::read_chart;
use throughline_core::example::example_update_fields;
use throughline_render::{
    render_chart_svg, render_update_slide, slides_to_pdf, svg_to_png, Branding, PngCompression,
    Theme,
};

fn benches(c: &mut Criterion) {
    let theme = Theme::light();
    let branding = Branding::default();
    let fields = example_update_fields("2026-11-23");
    let chart = fields.chart.clone().unwrap();
    let mut long = fields.clone();
    long.beats.conflict = "Support load grows with every extra trial week we add. ".repeat(60);

    c.bench_function("chart svg (line, 2 series)", |b| {
        b.iter(|| {
            render_chart_svg(
                &chart,
                &read_chart(&chart, &[]),
                &theme,
                branding.accent,
                864,
                560,
            )
        })
    });
    c.bench_function("slide svg (typical update, chart included)", |b| {
        b.iter(|| render_update_slide(&fields, 1, 1, &theme, &branding))
    });
    c.bench_function("slide svg (600-word beat)", |b| {
        b.iter(|| render_update_slide(&long, 1, 1, &theme, &branding))
    });
    let svg = render_update_slide(&fields, 1, 1, &theme, &branding);
    c.bench_function("slide png 1920x1080 (fast encode)", |b| {
        b.iter(|| svg_to_png(&svg, 1.0, PngCompression::Fast).unwrap())
    });
    c.bench_function("preview png 960x540 (fast encode)", |b| {
        b.iter(|| svg_to_png(&svg, 0.5, PngCompression::Fast).unwrap())
    });
    let deck: Vec<String> = (1..=10)
        .map(|i| render_update_slide(&fields, i, 10, &theme, &branding))
        .collect();
    c.bench_function("10-slide deck pdf", |b| {
        b.iter(|| slides_to_pdf(&deck).unwrap())
    });
}

criterion_group! {
    name = render;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(render);
