//! The portfolio's views on a 1920×1080 page, drawn by the same renderer
//! and fonts as the slides: the NPV (or ECV) × strategic-fit matrix, the
//! 70/20/10 allocation, and the Now/Next/Later dual tracks with their
//! dependencies.

use std::fmt::Write as _;

use thiserror::Error;
use throughline_core::portfolio::{
    allocation, find_cycles, Basis, Bucket, Horizon, Initiative, InitiativeFigures,
    PortfolioSettings, PortfolioSnapshot, ValueAxis,
};
use throughline_core::table::format_number;
use throughline_core::{ChartKind, CivilDate};

use crate::fonts::Weight;
use crate::slide::{Canvas, Ink, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::svg::Anchor;
use crate::text::{fit_text, measure, TextStyle};
use crate::theme::{Branding, Rgb, Theme};

const MARGIN: f32 = 96.0;
/// Beyond this many bubbles, the matrix numbers them and lists the names.
pub const MAX_LABELLED: usize = 25;

/// Which view, and for the matrix which value is its height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortfolioView {
    Matrix(ValueAxis),
    Allocation,
    Tracks,
}

impl PortfolioView {
    /// The view an update's portfolio chart shows.
    pub fn of_chart(kind: ChartKind, axis: ValueAxis) -> Option<Self> {
        match kind {
            ChartKind::PortfolioMatrix => Some(PortfolioView::Matrix(axis)),
            ChartKind::Allocation => Some(PortfolioView::Allocation),
            ChartKind::Tracks => Some(PortfolioView::Tracks),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PortfolioViewError {
    #[error("the dual tracks cannot be drawn: {0}")]
    Cycle(String),
}

/// What a portfolio page shows.
pub struct PortfolioPage<'a> {
    pub initiatives: &'a [Initiative],
    pub settings: &'a PortfolioSettings,
    /// The day the figures are as of, printed in the footer.
    pub as_of: CivilDate,
}

/// The rectangle a view is drawn in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Frame {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
}

/// A portfolio view on a page of its own, from the portfolio as it is.
pub fn render_portfolio_svg(
    view: PortfolioView,
    page: &PortfolioPage<'_>,
    theme: &Theme,
    branding: &Branding,
) -> Result<String, PortfolioViewError> {
    let axis = match view {
        PortfolioView::Matrix(axis) => axis,
        _ => ValueAxis::Npv,
    };
    let snapshot = PortfolioSnapshot::of(page.initiatives, page.settings, page.as_of, axis);
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    let title = view_title(view, &snapshot);
    let title = title.as_str();
    crate::structure::document_title(&mut canvas.svg, title, Some("en"), Some(page.as_of));
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    let heading = fit_text(
        title,
        &style(Weight::Bold, 52.0, 34.0, 1),
        SLIDE_WIDTH as f32 - 2.0 * MARGIN,
        70.0,
    );
    canvas.lines(MARGIN, 58.0, &heading, Weight::Bold, theme.text);
    let frame = Frame {
        x: MARGIN,
        y: 110.0,
        w: SLIDE_WIDTH as f32 - 2.0 * MARGIN,
        h: 890.0,
    };
    draw_view(&mut canvas, view, &snapshot, frame, theme, accent)?;
    let count = snapshot.initiatives.len();
    let footer = format!(
        "As of {} · {} initiative{}{}",
        page.as_of,
        count,
        if count == 1 { "" } else { "s" },
        if branding.footer_label.trim().is_empty() {
            String::new()
        } else {
            format!(" · {}", branding.footer_label.trim())
        }
    );
    canvas.text(
        (MARGIN, SLIDE_HEIGHT as f32 - 40.0),
        &footer,
        Ink(20.0, Weight::Regular, theme.muted),
        Anchor::Start,
    );
    Ok(canvas.finish())
}

/// A view's page title: what it shows, or for the allocation its takeaway.
pub fn view_title(view: PortfolioView, snapshot: &PortfolioSnapshot) -> String {
    match view {
        PortfolioView::Matrix(ValueAxis::Npv) => "Portfolio: NPV × strategic fit".to_owned(),
        PortfolioView::Matrix(ValueAxis::Ecv) => {
            "Portfolio: expected commercial value × strategic fit".to_owned()
        }
        PortfolioView::Allocation => allocation_headline(snapshot),
        PortfolioView::Tracks => "Now, Next, Later: what today's work unlocks".to_owned(),
    }
}

/// The view's body inside `frame`.
pub(crate) fn draw_view(
    canvas: &mut Canvas,
    view: PortfolioView,
    snapshot: &PortfolioSnapshot,
    frame: Frame,
    theme: &Theme,
    accent: Rgb,
) -> Result<(), PortfolioViewError> {
    let colours = BucketColours::new(theme, accent);
    match view {
        PortfolioView::Matrix(axis) => {
            draw_matrix(canvas, snapshot, axis, frame, theme, &colours);
        }
        PortfolioView::Allocation => draw_allocation(canvas, snapshot, frame, theme, &colours),
        PortfolioView::Tracks => draw_tracks(canvas, snapshot, frame, theme, &colours)?,
    }
    Ok(())
}

/// The allocation's takeaway: on target, or the bucket furthest off it.
pub fn allocation_headline(snapshot: &PortfolioSnapshot) -> String {
    snapshot.allocation_headline()
}

fn style(weight: Weight, max: f32, min: f32, lines: usize) -> TextStyle {
    TextStyle {
        weight,
        max_size: max,
        min_size: min,
        line_height: 1.2,
        max_lines: Some(lines),
    }
}

struct BucketColours {
    core: Rgb,
    adjacent: Rgb,
    transformational: Rgb,
    none: Rgb,
}

impl BucketColours {
    fn new(theme: &Theme, accent: Rgb) -> Self {
        Self {
            core: accent,
            adjacent: theme.evidence,
            transformational: theme.conflict,
            none: theme.muted,
        }
    }

    fn of(&self, bucket: Option<Bucket>) -> Rgb {
        match bucket {
            Some(Bucket::Core) => self.core,
            Some(Bucket::Adjacent) => self.adjacent,
            Some(Bucket::Transformational) => self.transformational,
            None => self.none,
        }
    }
}

/// Round numbers for an axis from `low` to `high`: about five ticks.
fn ticks(low: f64, high: f64) -> Vec<f64> {
    let span = (high - low).abs().max(f64::EPSILON);
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| span / s <= 6.0)
        .unwrap_or(magnitude * 10.0);
    let first = (low / step).ceil() * step;
    (0..=12)
        .map(|i| first + step * f64::from(i))
        .take_while(|v| *v <= high + step * 1e-9)
        .collect()
}

fn short_number(value: f64) -> String {
    let abs = value.abs();
    let (scaled, suffix) = if abs >= 1e9 {
        (value / 1e9, "bn")
    } else if abs >= 1e6 {
        (value / 1e6, "m")
    } else if abs >= 1e3 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = throughline_core::table::format_number((scaled * 10.0).round() / 10.0);
    format!("{text}{suffix}")
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

struct Bubble<'a> {
    name: &'a str,
    x: f32,
    y: f32,
    r: f32,
    colour: Rgb,
}

fn draw_matrix(
    canvas: &mut Canvas,
    snapshot: &PortfolioSnapshot,
    axis: ValueAxis,
    frame: Frame,
    theme: &Theme,
    colours: &BucketColours,
) {
    let points: Vec<(&InitiativeFigures, f64, f64)> = snapshot
        .initiatives
        .iter()
        .filter_map(|i| {
            let fit = i.fit?;
            let y = match axis {
                ValueAxis::Npv => i.npv,
                ValueAxis::Ecv => i.ecv,
            };
            (fit.is_finite() && y.is_finite()).then_some((i, fit, y))
        })
        .collect();
    let unplaced = snapshot.initiatives.len() - points.len();
    let many = points.len() > MAX_LABELLED;
    let (left, top, bottom) = (frame.x + 110.0, frame.y + 130.0, frame.bottom() - 100.0);
    let right = frame.right() - if many { 444.0 } else { 324.0 };
    let (width, height) = (right - left, bottom - top);
    let values: Vec<f64> = points.iter().map(|p| p.2).collect();
    // The quadrant lines: where the PM set them, else at the medians.
    let line_fit = snapshot
        .quadrant_fit
        .or_else(|| median(points.iter().map(|p| p.1).collect()));
    let line_value = snapshot.quadrant_value.or_else(|| median(values.clone()));
    let (mut low, mut high) = values
        .iter()
        .chain(snapshot.quadrant_value.iter())
        .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    if (high - low).abs() < f64::EPSILON {
        high = low + 1.0;
    }
    let pad = (high - low) * 0.08;
    low -= pad;
    high += pad;
    let px = |fit: f64| left + (fit / 10.0) as f32 * width;
    let py = |v: f64| bottom - ((v - low) / (high - low)) as f32 * height;
    // Grid and axes.
    for tick in ticks(low, high) {
        let y = py(tick);
        let _ = write!(
            canvas.svg,
            r#"<line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="{}" stroke-width="1"/>"#,
            theme.grid.hex()
        );
        canvas.text(
            (left - 14.0, y + 7.0),
            &short_number(tick),
            Ink(20.0, Weight::Regular, theme.muted),
            Anchor::End,
        );
    }
    for fit in 0..=10 {
        let x = px(f64::from(fit));
        canvas.text(
            (x, bottom + 32.0),
            &fit.to_string(),
            Ink(20.0, Weight::Regular, theme.muted),
            Anchor::Middle,
        );
    }
    let zero = py(0.0);
    let _ = write!(
        canvas.svg,
        r#"<line x1="{left:.1}" y1="{zero:.1}" x2="{right:.1}" y2="{zero:.1}" stroke="{}" stroke-width="2"/>"#,
        theme.muted.hex()
    );
    canvas.text(
        ((left + right) / 2.0, bottom + 70.0),
        "Strategic fit (0–10)",
        Ink(22.0, Weight::SemiBold, theme.muted),
        Anchor::Middle,
    );
    let axis_name = match axis {
        ValueAxis::Npv => "NPV",
        ValueAxis::Ecv => "ECV",
    };
    canvas.text(
        (frame.x, top - 24.0),
        axis_name,
        Ink(22.0, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    if let (Some(mx), Some(my)) = (line_fit, line_value) {
        let (x, y) = (px(mx), py(my));
        let _ = write!(
            canvas.svg,
            r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="{m}" stroke-width="2" stroke-dasharray="10 8"/><line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="{m}" stroke-width="2" stroke-dasharray="10 8"/>"#,
            m = theme.faint.hex()
        );
    }
    // Bubbles, largest first so small ones stay visible.
    let basis = allocation(&snapshot.initiatives(), &snapshot.targets).basis;
    let size = |i: &InitiativeFigures| match basis {
        Basis::Cost => i.cost.unwrap_or(0.0),
        Basis::Fte => i.fte.unwrap_or(0.0),
    };
    let largest = points.iter().map(|p| size(p.0)).fold(0.0, f64::max);
    // Crowded matrices get smaller bubbles.
    let max_radius = 50.0 * (MAX_LABELLED as f32 / points.len().max(MAX_LABELLED) as f32).sqrt();
    let mut bubbles: Vec<Bubble<'_>> = points
        .iter()
        .map(|(i, fit, v)| Bubble {
            name: i.name.trim(),
            x: px(*fit),
            y: py(*v),
            r: if largest > 0.0 {
                10.0 + max_radius * (size(i) / largest).sqrt() as f32
            } else {
                14.0
            },
            colour: colours.of(i.bucket),
        })
        .collect();
    bubbles.sort_by(|a, b| b.r.total_cmp(&a.r));
    for bubble in &bubbles {
        let _ = write!(
            canvas.svg,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}" fill-opacity="0.55" stroke="{}" stroke-width="2"/>"#,
            bubble.x,
            bubble.y,
            bubble.r,
            bubble.colour.hex(),
            bubble.colour.hex()
        );
    }
    if many {
        number_bubbles(canvas, &bubbles, theme, (right + 40.0, top), frame);
    } else {
        label_bubbles(canvas, &bubbles, theme, frame.right());
    }
    let legend_y = frame.y + 40.0;
    let x = draw_legend(canvas, theme, colours, (frame.x, legend_y));
    let lines = match (snapshot.quadrant_fit, snapshot.quadrant_value) {
        (None, None) => "lines at the medians".to_owned(),
        (fit, value) => format!(
            "lines at fit {} and {} {}",
            fit.map_or("median".to_owned(), format_number),
            axis_name,
            value.map_or("median".to_owned(), short_number)
        ),
    };
    let note = format!(
        "Bubble size: {} · {lines}{}",
        basis.label(),
        if unplaced > 0 {
            format!(" · {unplaced} without a fit score not shown")
        } else {
            String::new()
        }
    );
    canvas.text(
        (x, legend_y),
        &note,
        Ink(20.0, Weight::Regular, theme.muted),
        Anchor::Start,
    );
}

/// The buckets' colours; returns where the legend ends.
fn draw_legend(
    canvas: &mut Canvas,
    theme: &Theme,
    colours: &BucketColours,
    (mut x, y): (f32, f32),
) -> f32 {
    for bucket in Bucket::ALL {
        canvas.rect(x, y - 16.0, 20.0, 20.0, 10.0, colours.of(Some(bucket)));
        let label = bucket.label();
        canvas.text(
            (x + 28.0, y),
            label,
            Ink(20.0, Weight::Regular, theme.text),
            Anchor::Start,
        );
        x += 28.0 + measure(label, Weight::Regular) * 20.0 + 36.0;
    }
    x
}

/// Names beside their bubbles, moved apart where they would overlap, with
/// a leader line back to a bubble whose label had to move.
fn label_bubbles(canvas: &mut Canvas, bubbles: &[Bubble<'_>], theme: &Theme, right: f32) {
    // Labels may run to `right`, the frame's edge.
    const SIZE: f32 = 20.0;
    let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut order: Vec<&Bubble<'_>> = bubbles.iter().collect();
    order.sort_by(|a, b| a.y.total_cmp(&b.y));
    for bubble in order {
        let name: String = bubble.name.chars().take(40).collect();
        let name = if name.chars().count() < bubble.name.chars().count() {
            format!("{name}…")
        } else {
            name
        };
        let width = measure(&name, Weight::SemiBold) * SIZE;
        let to_left = bubble.x + bubble.r + 10.0 + width > right - 24.0;
        let x = if to_left {
            bubble.x - bubble.r - 10.0 - width
        } else {
            bubble.x + bubble.r + 10.0
        };
        let mut y = bubble.y + SIZE * 0.35;
        let overlaps = |y: f32, placed: &[(f32, f32, f32, f32)]| {
            placed.iter().any(|(px, py, pw, ph)| {
                x < px + pw && x + width > *px && y - SIZE < *py && y > py - ph
            })
        };
        let mut step = 0;
        while overlaps(y, &placed) && step < 40 {
            step += 1;
            let delta = SIZE * 1.2 * ((step + 1) / 2) as f32;
            y = bubble.y + SIZE * 0.35 + if step % 2 == 1 { delta } else { -delta };
        }
        if (y - (bubble.y + SIZE * 0.35)).abs() > 1.0 {
            let anchor_x = if to_left { x + width } else { x };
            let _ = write!(
                canvas.svg,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{anchor_x:.1}" y2="{:.1}" stroke="{}" stroke-width="1.5"/>"#,
                bubble.x,
                bubble.y,
                y - SIZE * 0.35,
                theme.muted.hex()
            );
        }
        canvas.text(
            (x, y),
            &name,
            Ink(SIZE, Weight::SemiBold, theme.text),
            Anchor::Start,
        );
        placed.push((x, y, width, SIZE));
    }
}

/// Beyond 25 bubbles: a number in each, and the names listed beside.
fn number_bubbles(
    canvas: &mut Canvas,
    bubbles: &[Bubble<'_>],
    theme: &Theme,
    (x, top): (f32, f32),
    frame: Frame,
) {
    let bottom = frame.bottom() - 100.0;
    let mut named: Vec<&Bubble<'_>> = bubbles.iter().collect();
    named.sort_by_key(|a| a.name.to_lowercase());
    let rows = named.len();
    let column_width = (frame.right() - x) / if rows > 30 { 2.0 } else { 1.0 };
    let per_column = if rows > 30 { rows.div_ceil(2) } else { rows };
    let line = ((bottom - top) / per_column.max(1) as f32).min(26.0);
    for (n, bubble) in named.iter().enumerate() {
        let label = (n + 1).to_string();
        canvas.text(
            (bubble.x, bubble.y + line.min(18.0) * 0.35),
            &label,
            Ink(line.min(18.0), Weight::Bold, theme.text),
            Anchor::Middle,
        );
        let column = n / per_column;
        let row = n % per_column;
        let entry = fit_text(
            &format!("{label}  {}", bubble.name),
            &style(Weight::Regular, line * 0.8, 10.0, 1),
            column_width - 16.0,
            line,
        );
        if let Some(text) = entry.lines.first() {
            canvas.text(
                (
                    x + column as f32 * column_width,
                    top + line * (row as f32 + 1.0),
                ),
                text,
                Ink(entry.size, Weight::Regular, theme.text),
                Anchor::Start,
            );
        }
    }
}

fn draw_allocation(
    canvas: &mut Canvas,
    snapshot: &PortfolioSnapshot,
    frame: Frame,
    theme: &Theme,
    colours: &BucketColours,
) {
    let shares = allocation(&snapshot.initiatives(), &snapshot.targets);
    canvas.text(
        (frame.x, frame.y + 60.0),
        &format!(
            "Share of {} by bucket, against the {}/{}/{} target",
            shares.basis.label(),
            format_number(snapshot.targets.core),
            format_number(snapshot.targets.adjacent),
            format_number(snapshot.targets.transformational)
        ),
        Ink(26.0, Weight::Regular, theme.muted),
        Anchor::Start,
    );
    let (left, right) = (frame.x + 330.0, frame.right() - 324.0);
    let width = right - left;
    let scale = |percent: f64| (percent.clamp(0.0, 100.0) / 100.0) as f32 * width;
    let step = ((frame.h - 200.0) / 3.0).clamp(130.0, 220.0);
    for (row, share) in shares.rows.iter().enumerate() {
        let top = frame.y + 140.0 + row as f32 * step;
        let colour = colours.of(Some(share.bucket));
        canvas.text(
            (frame.x, top + 62.0),
            share.bucket.label(),
            Ink(34.0, Weight::Bold, theme.text),
            Anchor::Start,
        );
        // The target: an outline; the actual: the filled bar.
        let _ = write!(
            canvas.svg,
            r#"<rect x="{left:.1}" y="{:.1}" width="{:.1}" height="44" rx="6" fill="none" stroke="{}" stroke-width="3" stroke-dasharray="10 6"/>"#,
            top,
            scale(share.target).max(2.0),
            theme.muted.hex()
        );
        canvas.rect(
            left,
            top + 56.0,
            scale(share.actual).max(2.0),
            44.0,
            6.0,
            colour,
        );
        canvas.text(
            (left + scale(share.target) + 14.0, top + 32.0),
            &format!(
                "target {} %",
                throughline_core::table::format_number(share.target)
            ),
            Ink(24.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        canvas.text(
            (left + scale(share.actual) + 14.0, top + 88.0),
            &format!("actual {:.1} %", share.actual),
            Ink(24.0, Weight::SemiBold, theme.text),
            Anchor::Start,
        );
        let gap_colour = if share.gap.abs() > throughline_core::portfolio::MAX_GAP_POINTS {
            theme.negative
        } else {
            theme.muted
        };
        canvas.text(
            (frame.right(), top + 88.0),
            &format!("{:+.1} pts", share.gap),
            Ink(30.0, Weight::Bold, gap_colour),
            Anchor::End,
        );
    }
    if shares.total <= 0.0 {
        canvas.text(
            (frame.x, frame.bottom() - 40.0),
            "Nothing is costed yet: give initiatives a cost or FTE to compare.",
            Ink(24.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
    }
}

fn draw_tracks(
    canvas: &mut Canvas,
    snapshot: &PortfolioSnapshot,
    frame: Frame,
    theme: &Theme,
    colours: &BucketColours,
) -> Result<(), PortfolioViewError> {
    let initiatives = snapshot.initiatives();
    let by_name: std::collections::BTreeMap<String, &Initiative> = initiatives
        .iter()
        .map(|i| (i.name.trim().to_lowercase(), i))
        .collect();
    if let Some(cycle) = find_cycles(&initiatives, &by_name).first() {
        return Err(PortfolioViewError::Cycle(format!(
            "Dependency cycle: {}",
            cycle.join(" → ")
        )));
    }
    let lanes = [
        Some(Horizon::Now),
        Some(Horizon::Next),
        Some(Horizon::Later),
        None,
    ];
    let mut columns: Vec<Vec<&Initiative>> = lanes
        .iter()
        .map(|h| initiatives.iter().filter(|i| i.horizon == *h).collect())
        .collect();
    let show_unplaced = !columns[3].is_empty();
    let lane_count = if show_unplaced { 4 } else { 3 };
    // Order each lane by where its dependencies sit (fewer crossings).
    for lane in 1..lane_count {
        let positions: std::collections::BTreeMap<String, f32> = columns[..lane]
            .iter()
            .flat_map(|c| {
                c.iter()
                    .enumerate()
                    .map(|(n, i)| (i.name.trim().to_lowercase(), n as f32))
            })
            .collect();
        columns[lane].sort_by(|a, b| {
            let centre = |i: &Initiative| {
                let found: Vec<f32> = i
                    .depends_on
                    .iter()
                    .filter_map(|d| positions.get(&d.trim().to_lowercase()).copied())
                    .collect();
                if found.is_empty() {
                    f32::MAX
                } else {
                    found.iter().sum::<f32>() / found.len() as f32
                }
            };
            centre(a).total_cmp(&centre(b))
        });
    }
    let gap = 60.0;
    let lane_width = (frame.w - gap * (lane_count as f32 - 1.0)) / lane_count as f32;
    let (top, bottom) = (frame.y + 120.0, frame.bottom() - 40.0);
    let mut boxes: std::collections::BTreeMap<String, (f32, f32, f32, f32)> = Default::default();
    for (lane, column) in columns.iter().take(lane_count).enumerate() {
        let x = frame.x + lane as f32 * (lane_width + gap);
        let label = match lanes[lane] {
            Some(h) => h.label(),
            None => "No horizon yet",
        };
        canvas.rect(x, top - 60.0, lane_width, 44.0, 8.0, theme.grid);
        canvas.text(
            (x + 16.0, top - 30.0),
            label,
            Ink(26.0, Weight::Bold, theme.text),
            Anchor::Start,
        );
        let count = column.len().max(1) as f32;
        let slot = ((bottom - top) / count).min(110.0);
        let box_height = (slot - 14.0).max(16.0);
        let text_size = (box_height * 0.42).clamp(10.0, 24.0);
        for (n, initiative) in column.iter().enumerate() {
            let y = top + n as f32 * slot;
            let colour = colours.of(initiative.bucket);
            canvas.rect(
                x,
                y,
                lane_width,
                box_height,
                8.0,
                theme.background.mix(colour, 0.18),
            );
            canvas.rect(x, y, 8.0, box_height, 4.0, colour);
            let name = fit_text(
                initiative.name.trim(),
                &style(
                    Weight::SemiBold,
                    text_size,
                    10.0,
                    if box_height > 60.0 { 2 } else { 1 },
                ),
                lane_width - 32.0,
                box_height - 6.0,
            );
            let block = name.height();
            canvas.lines(
                x + 20.0,
                y + (box_height - block) / 2.0,
                &name,
                Weight::SemiBold,
                theme.text,
            );
            boxes.insert(
                initiative.name.trim().to_lowercase(),
                (x, y, lane_width, box_height),
            );
        }
    }
    draw_legend(canvas, theme, colours, (frame.x, frame.bottom() - 4.0));
    // Arrows from what is needed to what it unlocks.
    let _ = write!(
        canvas.svg,
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker></defs>"#,
        theme.muted.hex()
    );
    for initiative in &initiatives {
        let Some(&(tx, ty, _, th)) = boxes.get(&initiative.name.trim().to_lowercase()) else {
            continue;
        };
        for dependency in &initiative.depends_on {
            let Some(&(sx, sy, sw, sh)) = boxes.get(&dependency.trim().to_lowercase()) else {
                continue;
            };
            let (x1, y1) = (sx + sw, sy + sh / 2.0);
            let (x2, y2) = (tx, ty + th / 2.0);
            let path = if x2 > x1 {
                let mid = (x1 + x2) / 2.0;
                format!("M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {x2:.1},{y2:.1}")
            } else {
                // Within a lane (or backwards): around the right side.
                let out = x1.max(tx + sw) + 24.0;
                format!(
                    "M{x1:.1},{y1:.1} C{out:.1},{y1:.1} {out:.1},{y2:.1} {:.1},{y2:.1}",
                    tx + sw
                )
            };
            let _ = write!(
                canvas.svg,
                r#"<path d="{path}" fill="none" stroke="{}" stroke-width="3" marker-end="url(#arrow)"/>"#,
                theme.muted.hex()
            );
        }
    }
    Ok(())
}
