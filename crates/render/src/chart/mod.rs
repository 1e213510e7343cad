//! One chart per update, drawn with plotters into an SVG string. Every
//! annotation (difference, growth, drop) is computed here from the data;
//! nothing is typed by the user. Bad data gives a message drawn in the
//! chart area, never a panic or an invalid SVG.

mod annotate;
mod axis;
mod category_labels;
mod data;
mod draw;
mod kinds;
mod wide;

use std::convert::Infallible;
use std::sync::Once;

use plotters::style::FontStyle;
use throughline_core::chart_reading::ChartReading;
use throughline_core::ChartSpec;

pub use annotate::{chart_annotation, Annotation};

use crate::error::ChartError;
use crate::fonts::{Weight, INTER_BOLD, INTER_REGULAR, INTER_SEMIBOLD};
use crate::svg::{escape, name_faces_in_text, text_element, Anchor};
use crate::text::{fit_text, TextStyle};
use crate::theme::{Rgb, Theme};

/// Colours and sizes a chart is drawn with.
pub(crate) struct Palette<'a> {
    pub theme: &'a Theme,
    pub accent: Rgb,
}

const TITLE_STYLE: TextStyle = TextStyle {
    weight: Weight::Bold,
    max_size: 30.0,
    min_size: 22.0,
    line_height: 1.25,
    max_lines: Some(2),
};

fn register_fonts() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // The embedded fonts always parse; if one ever did not, plotters
        // would report it when drawing text and we draw a message instead.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, INTER_REGULAR);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, INTER_BOLD);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Oblique, INTER_SEMIBOLD);
    });
}

/// The chart as a standalone SVG document of `width` × `height` pixels:
/// its takeaway title on top, the plot below. Data that cannot be drawn
/// gives the reason, in words, in the chart area. `reading` says which
/// series the story is about and how its change is stated
/// ([`throughline_core::chart_reading::read_chart`]).
pub fn render_chart_svg(
    spec: &ChartSpec,
    reading: &ChartReading,
    theme: &Theme,
    accent: Rgb,
    width: u32,
    height: u32,
) -> String {
    let drawn = chart_document(
        spec,
        reading,
        theme,
        accent,
        (width, height),
        |error, palette, w, h| {
            Ok::<_, Infallible>(draw::message_svg(&error.to_string(), palette, w, h))
        },
    );
    match drawn {
        Ok(svg) => svg,
        Err(never) => match never {},
    }
}

/// As [`render_chart_svg`], but data that cannot be drawn is an error
/// instead of a message in the chart area.
pub fn try_render_chart_svg(
    spec: &ChartSpec,
    reading: &ChartReading,
    theme: &Theme,
    accent: Rgb,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    chart_document(
        spec,
        reading,
        theme,
        accent,
        (width, height),
        |error, _, _, _| Err(error),
    )
}

/// The whole chart document; `on_error` turns a plot that cannot be drawn
/// into a stand-in body (or passes the error on).
fn chart_document<E>(
    spec: &ChartSpec,
    reading: &ChartReading,
    theme: &Theme,
    accent: Rgb,
    (width, height): (u32, u32),
    on_error: impl FnOnce(ChartError, &Palette<'_>, u32, u32) -> Result<String, E>,
) -> Result<String, E> {
    register_fonts();
    let parts = spec.drawn_parts();
    let spec = parts.as_ref();
    let palette = Palette { theme, accent };
    let width = width.clamp(120, 8000);
    let height = height.clamp(120, 8000);

    let title = fit_text(&spec.title, &TITLE_STYLE, width as f32, 90.0);
    let title_height = if spec.title.trim().is_empty() {
        0.0
    } else {
        title.height() + 16.0
    };
    let plot_height = (height as f32 - title_height).max(60.0) as u32;

    let data = data::ChartData::from_spec(spec, reading);
    let drawn = if spec.kind.is_portfolio() {
        crate::portfolio_chart::draw(spec, &palette, width, plot_height)
    } else {
        kinds::draw(spec.kind, &data, spec, &palette, width, plot_height)
    };
    // A portfolio view's text is written with its faces named already.
    let (body, faces_named) = match drawn {
        Ok(svg) => (svg, spec.kind.is_portfolio()),
        Err(error) => (on_error(error, &palette, width, plot_height)?, false),
    };

    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    ));
    if !spec.alt.trim().is_empty() {
        out.push_str(&format!("<title>{}</title>", escape(&spec.alt)));
    }
    for (i, line) in title.lines.iter().enumerate() {
        let y = title.line_height * (i as f32 + 0.8);
        let attributes = format!(
            r#"y="{y:.1}" font-weight="700" font-size="{size:.1}" fill="{fill}""#,
            size = title.size,
            fill = theme.text.hex(),
        );
        out.push_str(&text_element(
            (width as f32 / 2.0, Anchor::Middle),
            title.size,
            Weight::Bold,
            &attributes,
            line,
        ));
    }
    out.push_str(&format!(
        // A group, not a nested <svg>: a nested viewport clips, and a clip
        // costs a full-size layer in the rasterizer. Plotters draws inside
        // its own area, so nothing needs clipping.
        r#"<g transform="translate(0 {title_height:.1})">"#
    ));
    if faces_named {
        out.push_str(strip_svg_root(&body));
    } else {
        out.push_str(&name_faces_in_text(strip_svg_root(&body)));
    }
    out.push_str("</g>");
    if data.skipped_values > 0 {
        let note = format!(
            "{} value{} that {} not a number left out",
            data.skipped_values,
            if data.skipped_values == 1 { "" } else { "s" },
            if data.skipped_values == 1 {
                "is"
            } else {
                "are"
            },
        );
        out.push_str(&format!(
            r#"<text x="{x}" y="{y}" text-anchor="end" font-family="Inter" font-size="16" fill="{fill}">{note}</text>"#,
            x = width.saturating_sub(4),
            y = height.saturating_sub(4),
            fill = theme.muted.hex(),
        ));
    }
    out.push_str("</svg>");
    Ok(out)
}

/// The children of a plotters SVG document (its root element removed).
pub(crate) fn strip_svg_root(svg: &str) -> &str {
    let start = svg
        .find("<svg")
        .and_then(|i| svg.get(i..)?.find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    svg.get(start..end).unwrap_or("")
}
