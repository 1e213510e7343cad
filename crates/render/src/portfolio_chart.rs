//! A portfolio view as an update's chart: drawn from the chart's snapshot
//! into the chart area, at a scale that keeps its text readable on the
//! slide, with the day the figures are from and their short hash below.

use throughline_core::portfolio::{PortfolioSnapshot, ValueAxis};
use throughline_core::{ChartKind, ChartSpec};

use crate::chart::Palette;
use crate::error::ChartError;
use crate::fonts::Weight;
use crate::gates::{draw_tracker, triggered_rules};
use crate::portfolio::{draw_view, Frame, PortfolioView, PortfolioViewError};
use crate::slide::{Canvas, Ink};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::Rgb;

/// The views are laid out for a page about this wide; a narrower chart
/// area draws them smaller, down to [`MIN_SCALE`].
const LAYOUT_WIDTH: f32 = 1250.0;
const MIN_SCALE: f32 = 0.5;
const CAPTION_HEIGHT: f32 = 34.0;

/// The line under a portfolio chart: "As of 2026-12-07 · 6 initiatives ·
/// rows 1a2b3c4d".
pub fn caption(snapshot: &PortfolioSnapshot) -> String {
    let what = match (&snapshot.tracker, &snapshot.assumptions) {
        (Some(tracker), _) => tracker.initiative.clone(),
        (None, Some(points)) => {
            let n = points.len();
            format!("{n} assumption{}", if n == 1 { "" } else { "s" })
        }
        (None, None) => {
            let n = snapshot.initiatives.len();
            format!("{n} initiative{}", if n == 1 { "" } else { "s" })
        }
    };
    format!(
        "As of {} · rows {} · {what}",
        snapshot.as_of,
        snapshot.short_hash()
    )
}

/// The chart body as an SVG document of `width` × `height`.
pub(crate) fn draw(
    spec: &ChartSpec,
    palette: &Palette<'_>,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let snapshot = spec
        .portfolio
        .as_ref()
        .ok_or(ChartError::NoPortfolioSnapshot)?;
    let theme = palette.theme;
    let (width_px, height_px) = (width as f32, height as f32);
    let scale = (width_px / LAYOUT_WIDTH).clamp(MIN_SCALE, 1.0);
    let (w, h) = (width_px / scale, (height_px - CAPTION_HEIGHT) / scale);
    let mut canvas = Canvas::bare();
    let frame = Frame {
        x: 0.0,
        y: 0.0,
        w,
        h,
    };
    if spec.kind == ChartKind::AssumptionMap {
        let points = snapshot
            .assumptions
            .as_deref()
            .ok_or(ChartError::NoPortfolioSnapshot)?;
        crate::assumption_map::draw_assumption_map(
            &mut canvas,
            points,
            frame,
            theme,
            palette.accent,
        );
    } else if spec.kind == ChartKind::Gates {
        let tracker = snapshot
            .tracker
            .as_ref()
            .ok_or(ChartError::NoPortfolioSnapshot)?;
        let initiative = tracker.as_initiative();
        let triggered = triggered_rules(&initiative, &tracker.readings, snapshot.as_of);
        let mut top = 0.0;
        if !triggered.is_empty() {
            canvas.rect(0.0, 0.0, w, 52.0, 6.0, theme.banner);
            let style = TextStyle {
                weight: Weight::SemiBold,
                max_size: 24.0,
                min_size: 16.0,
                line_height: 1.2,
                max_lines: Some(1),
            };
            let text = format!("Stopping rule triggered: {}", triggered.join("; "));
            let fitted = fit_text(&text, &style, w - 32.0, 40.0);
            if let Some(line) = fitted.lines.first() {
                canvas.text(
                    (16.0, 35.0),
                    line,
                    Ink(fitted.size, Weight::SemiBold, Rgb(255, 255, 255)),
                    Anchor::Start,
                );
            }
            top = 72.0;
        }
        draw_tracker(
            &mut canvas,
            (&initiative, &tracker.readings, snapshot.as_of),
            Frame {
                y: top,
                h: h - top,
                ..frame
            },
            theme,
        );
    } else {
        let view = PortfolioView::of_chart(spec.kind, snapshot.value)
            .unwrap_or(PortfolioView::Matrix(ValueAxis::Npv));
        draw_view(&mut canvas, view, snapshot, frame, theme, palette.accent).map_err(|err| {
            match err {
                PortfolioViewError::Cycle(cycle) => ChartError::PortfolioView(cycle),
            }
        })?;
    }
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><g transform="scale({scale:.4})">"#
    );
    svg.push_str(&canvas.svg);
    svg.push_str("</g>");
    let mut caption_canvas = Canvas::bare();
    let caption_style = TextStyle {
        weight: Weight::Regular,
        max_size: 18.0,
        min_size: 14.0,
        line_height: 1.2,
        max_lines: Some(1),
    };
    let fitted = fit_text(&caption(snapshot), &caption_style, width_px, CAPTION_HEIGHT);
    if let Some(line) = fitted.lines.first() {
        caption_canvas.text(
            (0.0, height_px - 8.0),
            line,
            Ink(fitted.size, Weight::Regular, theme.muted),
            Anchor::Start,
        );
    }
    svg.push_str(&caption_canvas.svg);
    svg.push_str("</svg>");
    Ok(svg)
}
