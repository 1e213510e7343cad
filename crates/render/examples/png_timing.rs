//! Where the time of one slide → PNG goes (parse, draw, encode), to look at.
//! `cargo run --release -p throughline-render --example png_timing`

use std::time::Instant;

use throughline_core::example::example_update_fields;
use throughline_render::{
    render_update_slide, svg_to_png, svg_to_rgba, Branding, PngCompression, Theme,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fields = example_update_fields("2026-11-23");
    let svg = render_update_slide(&fields, 1, 1, &Theme::light(), &Branding::default());
    for _ in 0..5 {
        svg_to_png(&svg, 1.0, PngCompression::Fast)?;
    }
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        svg_to_rgba(&svg, 1.0)?;
    }
    let raster = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let start = Instant::now();
    for _ in 0..runs {
        svg_to_rgba(&svg, 0.05)?;
    }
    let parse = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("parse (drawing at 5%): {parse:.1} ms");
    let start = Instant::now();
    for _ in 0..runs {
        svg_to_png(&svg, 1.0, PngCompression::Fast)?;
    }
    let png = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let mut no_chart = fields.clone();
    no_chart.chart = None;
    let plain = render_update_slide(&no_chart, 1, 1, &Theme::light(), &Branding::default());
    let start = Instant::now();
    for _ in 0..runs {
        svg_to_rgba(&plain, 1.0)?;
    }
    let without_chart = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("without the chart: {without_chart:.1} ms");
    println!("parse + draw + unpremultiply: {raster:.1} ms; with PNG encoding: {png:.1} ms");
    Ok(())
}
