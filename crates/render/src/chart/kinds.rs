//! The six chart kinds.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use throughline_core::{ChartKind, ChartSpec};

use super::annotate::{annotation, delta_label, is_good};
use super::axis::Axis;
use super::category_labels;
use super::data::{compact, format_value, ChartData, Series, Unit};
use super::draw::{anchored, color, font, plot_error, text_width, DrawResult};
use super::Palette;
use crate::error::ChartError;
use crate::theme::Rgb;

/// Lines with more points than this are thinned (first and last kept).
const MAX_LINE_POINTS: usize = 400;
const LABEL_SIZE: f64 = 20.0;
/// The size of category names written on two lines.
const WRAPPED_LABEL_SIZE: f64 = 15.0;

pub fn draw(
    kind: ChartKind,
    data: &ChartData,
    spec: &ChartSpec,
    palette: &Palette<'_>,
    width: u32,
    height: u32,
) -> DrawResult<String> {
    if data.labels.is_empty() || data.series.is_empty() {
        return Err(ChartError::NoData);
    }
    if data.finite_values().next().is_none() {
        return Err(ChartError::NoNumbers);
    }
    let _ = spec;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        match kind {
            ChartKind::Line => line(&root, data, palette)?,
            ChartKind::Bar => bar(&root, data, palette, false)?,
            ChartKind::BeforeAfter => bar(&root, data, palette, true)?,
            ChartKind::Funnel => funnel(&root, data, palette)?,
            ChartKind::BigNumber => big_number(&root, data, palette)?,
            ChartKind::Bubble => bubble(&root, data, palette)?,
            // Drawn from their snapshot by `crate::portfolio_chart`.
            ChartKind::PortfolioMatrix
            | ChartKind::Allocation
            | ChartKind::Tracks
            | ChartKind::Gates
            | ChartKind::AssumptionMap => return Err(ChartError::NoPortfolioSnapshot),
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn series_color(data: &ChartData, index: usize, palette: &Palette<'_>) -> Rgb {
    if Some(index) == data.highlight_series {
        palette.accent
    } else {
        palette.theme.other_series()
    }
}

fn thin(series: &Series) -> Vec<(f64, f64)> {
    let points: Vec<(f64, f64)> = series.points().map(|(i, v)| (i as f64, v)).collect();
    if points.len() <= MAX_LINE_POINTS {
        return points;
    }
    let step = points.len().div_ceil(MAX_LINE_POINTS);
    let mut thinned: Vec<(f64, f64)> = points.iter().step_by(step).copied().collect();
    if let (Some(last), Some(kept)) = (points.last(), thinned.last()) {
        if kept != last {
            thinned.push(*last);
        }
    }
    thinned
}

fn line(root: &Area<'_>, data: &ChartData, palette: &Palette<'_>) -> DrawResult<()> {
    let n = data.labels.len();
    let drawable = data.series.iter().any(|s| s.points().count() >= 2);
    if !drawable {
        return Err(ChartError::LineNeedsTwoRows);
    }
    let theme = palette.theme;
    let label_font = font(LABEL_SIZE, false, theme.muted);
    let axis = Axis::fit(data.finite_values(), false);
    let (low, high) = (axis.low(), axis.high());

    let direct_labels = data.series.len() <= 4;
    let name_width = if direct_labels {
        data.series
            .iter()
            .map(|s| text_width(&s.name, LABEL_SIZE, true))
            .fold(0.0, f64::max)
    } else {
        0.0
    };
    let right_margin = (name_width + 48.0).clamp(24.0, 280.0) as u32;
    let y_label_width = [low, high]
        .iter()
        .map(|v| text_width(&format_value(*v, &data.unit), LABEL_SIZE, false))
        .fold(0.0, f64::max) as u32
        + 24;
    let x_max = (n.max(2) - 1) as f64;
    let mut chart = ChartBuilder::on(root)
        .margin_top(if direct_labels {
            12
        } else {
            legend_layout(data, root.dim_in_pixel().0).1 + 8
        })
        .margin_left(8)
        .margin_right(right_margin)
        .margin_bottom(8)
        .x_label_area_size(44)
        .y_label_area_size(y_label_width.min(200))
        .build_cartesian_2d(-0.25f64..x_max + 0.25, axis)
        .map_err(plot_error)?;

    let labels = &data.labels;
    let label_every = label_step(labels, 22, root.dim_in_pixel().0);
    let x_formatter = |x: &f64| {
        let index = x.round();
        if (x - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        let index = index as usize;
        // The last label always shows (the latest week, a decision date);
        // a regular one too close before it gives way.
        let last = labels.len().saturating_sub(1);
        let shown =
            index == last || (index % label_every == 0 && last - index.min(last) >= label_every);
        if !shown {
            return String::new();
        }
        labels.get(index).cloned().unwrap_or_default()
    };
    let y_formatter = |y: &f64| format_value(*y, &data.unit);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(color(theme.grid).stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(color(theme.faint).stroke_width(1))
        .x_labels(n.min(200))
        .x_label_formatter(&x_formatter)
        .y_labels(5)
        .y_label_formatter(&y_formatter)
        .label_style(label_font.clone())
        .draw()
        .map_err(plot_error)?;

    // Grey series first, the highlight on top.
    let mut order: Vec<usize> = (0..data.series.len()).collect();
    order.sort_by_key(|i| Some(*i) == data.highlight_series);
    for index in order {
        let Some(series) = data.series.get(index) else {
            continue;
        };
        let highlighted = Some(index) == data.highlight_series;
        let rgb = series_color(data, index, palette);
        let stroke = color(rgb).stroke_width(if highlighted { 4 } else { 3 });
        let points = thin(series);
        chart
            .draw_series(LineSeries::new(points.clone(), stroke))
            .map_err(plot_error)?;
        if highlighted && points.len() <= 60 {
            chart
                .draw_series(
                    points
                        .iter()
                        .map(|p| Circle::new(*p, 5, color(rgb).filled())),
                )
                .map_err(plot_error)?;
        }
        if direct_labels {
            if let Some((i, v)) = series.last() {
                let style = anchored(font(LABEL_SIZE, highlighted, rgb), HPos::Left, VPos::Center);
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((i as f64, v))
                            + Text::new(series.name.clone(), (34, 0), style),
                    ))
                    .map_err(plot_error)?;
            }
        }
    }

    // An axis that does not start at zero says so with a break mark at its
    // foot, so a small gap is not read as a large one.
    if low > 0.0 || high < 0.0 {
        let foot = chart.backend_coord(&(-0.25, if low > 0.0 { low } else { high }));
        let (x, y) = (foot.0, if low > 0.0 { foot.1 - 10 } else { foot.1 + 10 });
        root.draw(&Rectangle::new(
            [(x - 9, y - 5), (x + 9, y + 5)],
            color(theme.background).filled(),
        ))
        .map_err(plot_error)?;
        for offset in [-4, 4] {
            root.draw(&PathElement::new(
                vec![(x - 9, y + offset + 3), (x + 9, y + offset - 3)],
                color(theme.muted).stroke_width(2),
            ))
            .map_err(plot_error)?;
        }
    }

    // The gap at the end between the highlight and its comparison.
    if let (Some(annotation), Some(high_series)) = (annotation(data), data.highlighted()) {
        if let Some((i, end)) = high_series.last() {
            let reference = data
                .headline
                .filter(|h| h.reference.is_some() && h.to_row == i)
                .map(|h| h.from);
            let label_color = match annotation.good {
                Some(false) => theme.negative,
                _ => palette.accent,
            };
            let text = annotation.change;
            let style = anchored(font(26.0, true, label_color), HPos::Right, VPos::Center);
            let x = i as f64;
            if let Some(reference) = reference {
                let bracket = color(label_color).stroke_width(3);
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((x, end))
                            + PathElement::new(vec![(14, 0), (20, 0), (20, 1), (14, 1)], bracket),
                    ))
                    .map_err(plot_error)?;
                let top = chart.backend_coord(&(x, end));
                let bottom = chart.backend_coord(&(x, reference));
                root.draw(&PathElement::new(
                    vec![
                        (top.0 + 14, top.1),
                        (top.0 + 20, top.1),
                        (bottom.0 + 20, bottom.1),
                        (bottom.0 + 14, bottom.1),
                    ],
                    bracket,
                ))
                .map_err(plot_error)?;
                let middle = (top.1 + bottom.1) / 2;
                root.draw(&Text::new(text, (top.0 - 12, middle), style))
                    .map_err(plot_error)?;
            } else {
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((x, end)) + Text::new(text, (-14, -30), style),
                    ))
                    .map_err(plot_error)?;
            }
        }
    }
    if !direct_labels {
        legend(root, data, palette)?;
    }
    Ok(())
}

/// Shows every `k`-th label so that labels of about `chars` characters fit.
fn label_step(labels: &[String], size: u32, width: u32) -> usize {
    let widest = labels
        .iter()
        .map(|l| text_width(l, f64::from(size), false))
        .fold(0.0, f64::max)
        + 16.0;
    let fitting = ((f64::from(width) * 0.85) / widest).floor().max(1.0) as usize;
    labels.len().div_ceil(fitting).max(1)
}

/// One series' key in the legend: where it sits and the name it shows.
struct LegendKey {
    index: usize,
    x: i32,
    y: i32,
    name: String,
}

const LEGEND_SIZE: f64 = 18.0;
const LEGEND_ROW: i32 = 26;
const LEGEND_LEFT: i32 = 90;

/// The legend's keys in rows that wrap at the chart's width, every series
/// shown: a name wider than a row alone ends in "…". Returns the keys and
/// the height the rows take.
fn legend_layout(data: &ChartData, width: u32) -> (Vec<LegendKey>, u32) {
    let right = width as i32 - 16;
    let widest_name = f64::from((right - LEGEND_LEFT - 22).max(60));
    let mut keys = Vec::new();
    let (mut x, mut y) = (LEGEND_LEFT, 4);
    for (index, series) in data.series.iter().enumerate() {
        let name = if text_width(&series.name, LEGEND_SIZE, false) > widest_name {
            crate::text::with_ellipsis(
                &series.name,
                (widest_name / LEGEND_SIZE) as f32,
                crate::fonts::Weight::Regular,
            )
        } else {
            series.name.clone()
        };
        let key_width = 22 + text_width(&name, LEGEND_SIZE, false).ceil() as i32;
        if x > LEGEND_LEFT && x + key_width > right {
            x = LEGEND_LEFT;
            y += LEGEND_ROW;
        }
        keys.push(LegendKey { index, x, y, name });
        x += key_width + 24;
    }
    let height = if keys.is_empty() {
        0
    } else {
        (y + LEGEND_ROW) as u32
    };
    (keys, height)
}

fn legend(root: &Area<'_>, data: &ChartData, palette: &Palette<'_>) -> DrawResult<()> {
    let (keys, _) = legend_layout(data, root.dim_in_pixel().0);
    for key in keys {
        let rgb = series_color(data, key.index, palette);
        root.draw(&Rectangle::new(
            [(key.x, key.y), (key.x + 16, key.y + 16)],
            color(rgb).filled(),
        ))
        .map_err(plot_error)?;
        let style = anchored(
            font(LEGEND_SIZE, false, palette.theme.muted),
            HPos::Left,
            VPos::Center,
        );
        root.draw(&Text::new(key.name, (key.x + 22, key.y + 8), style))
            .map_err(plot_error)?;
    }
    Ok(())
}

fn bar(
    root: &Area<'_>,
    data: &ChartData,
    palette: &Palette<'_>,
    before_after: bool,
) -> DrawResult<()> {
    let theme = palette.theme;
    let n = data.labels.len();
    if before_after && n < 2 {
        return Err(ChartError::BeforeAfterNeedsTwoRows);
    }
    let series: Vec<(usize, &Series)> = if before_after {
        data.highlight_series
            .and_then(|i| data.series.get(i).map(|s| (i, s)))
            .into_iter()
            .collect()
    } else {
        data.series.iter().enumerate().collect()
    };
    // Before/after: the comparison first, wherever the table put it.
    let (first_row, last_row) = if before_after {
        throughline_core::chart_reading::before_and_after(&data.labels).unwrap_or((0, n - 1))
    } else {
        (0, n.saturating_sub(1))
    };
    let rows: Vec<usize> = if before_after {
        vec![first_row, last_row]
    } else {
        (0..n).collect()
    };
    let axis = Axis::fit(
        series.iter().flat_map(|(_, s)| {
            rows.iter()
                .filter_map(|r| s.values.get(*r).copied().flatten())
        }),
        true,
    )
    .with_headroom(0.08);
    let (low, high) = (axis.low(), axis.high());
    let label_font = font(LABEL_SIZE, false, theme.muted);
    let y_label_width = [low, high]
        .iter()
        .map(|v| text_width(&format_value(*v, &data.unit), LABEL_SIZE, false))
        .fold(0.0, f64::max) as u32
        + 24;
    let slots = rows.len();
    // Room for category names on two lines, when a few do not fit their
    // slots on one (the slots' width as the plot will have it, near
    // enough).
    let rough_slot = (f64::from(root.dim_in_pixel().0) - f64::from(y_label_width.min(200)) - 24.0)
        / slots.max(1) as f64;
    let may_wrap = slots <= category_labels::MAX_WRAPPED
        && rows
            .iter()
            .filter_map(|r| data.labels.get(*r))
            .any(|label| text_width(label, WRAPPED_LABEL_SIZE, false) + 8.0 > rough_slot);
    let mut chart = ChartBuilder::on(root)
        .margin_top(if series.len() > 1 && !before_after {
            legend_layout(data, root.dim_in_pixel().0).1 + 8
        } else {
            12
        })
        .margin_left(8)
        .margin_right(16)
        .margin_bottom(8)
        .x_label_area_size(if slots > 12 {
            64
        } else if may_wrap {
            62
        } else {
            44
        })
        .y_label_area_size(y_label_width.min(200))
        .build_cartesian_2d(0f64..slots as f64, axis)
        .map_err(plot_error)?;
    let y_formatter = |y: &f64| format_value(*y, &data.unit);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .x_labels(0)
        .bold_line_style(color(theme.grid).stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(color(theme.faint).stroke_width(1))
        .y_labels(5)
        .y_label_formatter(&y_formatter)
        .label_style(label_font.clone())
        .draw()
        .map_err(plot_error)?;

    let group = 0.72;
    let bar_width = group / series.len().max(1) as f64;
    // Every category is named under its bars while the names fit their
    // slots, at a smaller size if need be; only then every k-th.
    let category_labels: Vec<String> = rows
        .iter()
        .filter_map(|r| data.labels.get(*r).cloned())
        .collect();
    let slot_width = f64::from(chart.plotting_area().dim_in_pixel().0) / slots.max(1) as f64;
    // Each bar carries its value while every value fits over its own bar
    // (at a smaller size if need be); labels wider than their bars would
    // run into their neighbours, and the axis then gives the values.
    // Bars of a group stand side by side; a lone series has the gap
    // between groups as well.
    let room = if series.len() > 1 {
        slot_width * bar_width
    } else {
        slot_width
    } - VALUE_LABEL_SPACE;
    let value_size = value_label_size(
        series.iter().flat_map(|(_, s)| {
            rows.iter()
                .filter_map(|r| s.values.get(*r).copied().flatten())
        }),
        &data.unit,
        room,
    );
    let show_values = slots * series.len() <= 24 && value_size.is_some();
    let value_size = value_size.unwrap_or(LABEL_SIZE);
    let widest = |size: f64| {
        category_labels
            .iter()
            .map(|l| text_width(l, size, false))
            .fold(0.0, f64::max)
    };
    let category_size = [LABEL_SIZE, 17.0, WRAPPED_LABEL_SIZE]
        .into_iter()
        .find(|size| widest(*size) + 8.0 <= slot_width)
        .unwrap_or(LABEL_SIZE);
    let fits_one_line = widest(category_size) + 8.0 <= slot_width;
    // A few categories too wide for one line each are named on two, at
    // the smallest size; more are named every k-th.
    let wrapped = !fits_one_line && may_wrap;
    let category_size = if wrapped {
        WRAPPED_LABEL_SIZE
    } else {
        category_size
    };
    let label_step = if fits_one_line || wrapped {
        1
    } else {
        label_step(&category_labels, 20, root.dim_in_pixel().0)
    };
    for (slot, row) in rows.iter().enumerate() {
        for (k, (index, s)) in series.iter().enumerate() {
            let Some(value) = s.values.get(*row).copied().flatten() else {
                continue;
            };
            let highlighted = match data.highlight_category {
                Some(category) => category == *row,
                None if before_after => slot == slots - 1,
                None => Some(*index) == data.highlight_series,
            };
            let rgb = if highlighted {
                palette.accent
            } else {
                theme.other_series()
            };
            let x0 = slot as f64 + (1.0 - group) / 2.0 + k as f64 * bar_width;
            let x1 = x0 + bar_width * 0.92;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, 0.0f64.max(low)), (x1, value)],
                    color(rgb).filled(),
                )))
                .map_err(plot_error)?;
            if show_values {
                let style = anchored(
                    font(
                        value_size,
                        highlighted,
                        if highlighted {
                            palette.accent
                        } else {
                            theme.muted
                        },
                    ),
                    HPos::Center,
                    VPos::Bottom,
                );
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at(((x0 + x1) / 2.0, value))
                            + Text::new(format_value(value, &data.unit), (0, -8), style),
                    ))
                    .map_err(plot_error)?;
            }
        }
        if slot % label_step == 0 {
            let label = data.labels.get(*row).cloned().unwrap_or_default();
            let lines = if wrapped {
                category_labels::two_lines(&label, slot_width - 8.0, category_size)
            } else {
                vec![label]
            };
            for (line_index, line) in lines.into_iter().enumerate() {
                let style = anchored(
                    font(category_size, false, theme.muted),
                    HPos::Center,
                    VPos::Top,
                );
                let below = 12 + line_index as i32 * (category_size * 1.2).round() as i32;
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((slot as f64 + 0.5, low))
                            + Text::new(line, (0, below), style),
                    ))
                    .map_err(plot_error)?;
            }
        }
    }

    if before_after {
        if let Some((_, s)) = series.first() {
            if let (Some(before), Some(after)) = (
                s.values.get(first_row).copied().flatten(),
                s.values.get(last_row).copied().flatten(),
            ) {
                let text = delta_label(before, after, data.in_points, &data.unit);
                let rgb = if is_good(before, after, data.better) == Some(false) {
                    theme.negative
                } else {
                    palette.accent
                };
                // A guide at the "before" level runs to the "after" bar; an
                // arrow beside the "after" bar spans the difference.
                let before_right = chart.backend_coord(&(0.5 + group / 2.0, before));
                let after_left = chart.backend_coord(&(1.5 - group / 2.0, after));
                let arrow_x = after_left.0 - 22;
                let guide = color(theme.faint).stroke_width(2);
                root.draw(&PathElement::new(
                    vec![
                        (before_right.0 + 6, before_right.1),
                        (after_left.0 - 4, before_right.1),
                    ],
                    guide,
                ))
                .map_err(plot_error)?;
                let (from_y, to_y) = (before_right.1, after_left.1);
                let stroke = color(rgb).stroke_width(4);
                root.draw(&PathElement::new(
                    vec![(arrow_x, from_y), (arrow_x, to_y)],
                    stroke,
                ))
                .map_err(plot_error)?;
                let direction = if to_y < from_y { 1 } else { -1 };
                root.draw(&Polygon::new(
                    vec![
                        (arrow_x, to_y),
                        (arrow_x - 9, to_y + direction * 16),
                        (arrow_x + 9, to_y + direction * 16),
                    ],
                    color(rgb).filled(),
                ))
                .map_err(plot_error)?;
                let style = anchored(font(30.0, true, rgb), HPos::Right, VPos::Center);
                root.draw(&Text::new(text, (arrow_x - 16, (from_y + to_y) / 2), style))
                    .map_err(plot_error)?;
            }
        }
    } else if series.len() > 1 {
        legend(root, data, palette)?;
    }
    Ok(())
}

/// The size at which every value label fits the `room` over its bar (its
/// width, less a clear space to the label beside it), or `None` when none
/// does.
fn value_label_size(values: impl Iterator<Item = f64>, unit: &Unit, room: f64) -> Option<f64> {
    let labels: Vec<String> = values.map(|v| format_value(v, unit)).collect();
    [LABEL_SIZE, 17.0, 15.0].into_iter().find(|size| {
        labels
            .iter()
            .all(|label| text_width(label, *size, true) <= room)
    })
}

/// Clear space between two value labels side by side, in pixels.
const VALUE_LABEL_SPACE: f64 = 6.0;

fn funnel(root: &Area<'_>, data: &ChartData, palette: &Palette<'_>) -> DrawResult<()> {
    let theme = palette.theme;
    let Some(series) = data.highlighted() else {
        return Err(ChartError::FunnelNeedsColumn);
    };
    let stages: Vec<(usize, f64)> = series.points().collect();
    if stages.len() < 2 {
        return Err(ChartError::FunnelNeedsStages);
    }
    if stages.iter().any(|(_, v)| *v < 0.0) {
        return Err(ChartError::FunnelNegative);
    }
    let stages: Vec<(usize, f64)> = stages.into_iter().take(12).collect();
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let label_width = stages
        .iter()
        .filter_map(|(i, _)| data.labels.get(*i))
        .map(|l| text_width(l, LABEL_SIZE, false) as i32)
        .max()
        .unwrap_or(0)
        .clamp(60, width / 3)
        + 16;
    let drop_width = 110;
    let bar_space = (width - label_width - drop_width - 100).max(40);
    let max = stages
        .iter()
        .map(|(_, v)| *v)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let count = stages.len() as i32;
    let row = (height - 16) / count;
    let bar_height = (row as f64 * 0.62) as i32;
    for (k, (index, value)) in stages.iter().enumerate() {
        let top = 8 + k as i32 * row;
        let bar = ((value / max) * f64::from(bar_space)).round() as i32;
        let highlighted = data.highlight_category.is_none_or(|c| c == *index);
        let rgb = if highlighted {
            palette.accent
        } else {
            theme.other_series()
        };
        let label = data.labels.get(*index).cloned().unwrap_or_default();
        let label_style = anchored(
            font(LABEL_SIZE, false, theme.text),
            HPos::Right,
            VPos::Center,
        );
        root.draw(&Text::new(
            label,
            (label_width - 12, top + bar_height / 2),
            label_style,
        ))
        .map_err(plot_error)?;
        root.draw(&Rectangle::new(
            [
                (label_width, top),
                (label_width + bar.max(2), top + bar_height),
            ],
            color(rgb).filled(),
        ))
        .map_err(plot_error)?;
        let value_style = anchored(font(LABEL_SIZE, true, theme.text), HPos::Left, VPos::Center);
        root.draw(&Text::new(
            format_value(*value, &data.unit),
            (label_width + bar.max(2) + 10, top + bar_height / 2),
            value_style,
        ))
        .map_err(plot_error)?;
        if k > 0 {
            if let Some((_, previous)) = stages.get(k - 1) {
                let text = delta_label(*previous, *value, false, &Unit::None);
                let drop_style = anchored(
                    font(LABEL_SIZE, true, theme.negative),
                    HPos::Right,
                    VPos::Center,
                );
                root.draw(&Text::new(
                    text,
                    (width - 8, top - (row - bar_height) / 2),
                    drop_style,
                ))
                .map_err(plot_error)?;
            }
        }
    }
    Ok(())
}

fn big_number(root: &Area<'_>, data: &ChartData, palette: &Palette<'_>) -> DrawResult<()> {
    let theme = palette.theme;
    let Some(series) = data.highlighted() else {
        return Err(ChartError::BigNumberNeedsColumn);
    };
    let Some((last_index, last)) = series.last() else {
        return Err(ChartError::BigNumberNeedsValue);
    };
    let (width, height) = root.dim_in_pixel();
    let (cx, cy) = (width as i32 / 2, height as i32 / 2);
    let value = format_value(last, &data.unit);
    let size = (f64::from(width) * 0.9 / (text_width(&value, 1.0, true).max(0.1))).min(170.0);
    let style = anchored(font(size, true, palette.accent), HPos::Center, VPos::Center);
    root.draw(&Text::new(value, (cx, cy - 40), style))
        .map_err(plot_error)?;
    let caption = data.labels.get(last_index).cloned().unwrap_or_default();
    let caption = if series.name.is_empty() {
        caption
    } else {
        format!("{} · {caption}", series.name)
    };
    let caption_style = anchored(font(24.0, false, theme.muted), HPos::Center, VPos::Center);
    root.draw(&Text::new(
        caption,
        (cx, cy + size as i32 / 2),
        caption_style,
    ))
    .map_err(plot_error)?;
    if let Some((first_index, first)) = series.first().filter(|(i, _)| *i != last_index) {
        let delta = delta_label(first, last, data.in_points, &data.unit);
        let rgb = if is_good(first, last, data.better) == Some(false) {
            theme.negative
        } else {
            theme.evidence
        };
        let baseline = format!(
            "{delta}  vs {} at {}",
            format_value(first, &data.unit),
            data.labels.get(first_index).cloned().unwrap_or_default()
        );
        let delta_style = anchored(font(32.0, true, rgb), HPos::Center, VPos::Center);
        root.draw(&Text::new(
            baseline,
            (cx, cy + size as i32 / 2 + 56),
            delta_style,
        ))
        .map_err(plot_error)?;
    }
    Ok(())
}

fn bubble(root: &Area<'_>, data: &ChartData, palette: &Palette<'_>) -> DrawResult<()> {
    let theme = palette.theme;
    let (Some(xs), Some(ys), Some(sizes)) =
        (data.series.first(), data.series.get(1), data.series.get(2))
    else {
        return Err(ChartError::BubbleNeedsColumns);
    };
    let points: Vec<(usize, f64, f64, f64)> = (0..data.labels.len())
        .filter_map(|i| {
            let x = xs.values.get(i).copied().flatten()?;
            let y = ys.values.get(i).copied().flatten()?;
            let s = sizes
                .values
                .get(i)
                .copied()
                .flatten()
                .unwrap_or(0.0)
                .max(0.0);
            Some((i, x, y, s))
        })
        .take(500)
        .collect();
    if points.is_empty() {
        return Err(ChartError::BubbleNeedsPoints);
    }
    let x_axis = Axis::fit(points.iter().map(|p| p.1), false).widened(0.08);
    let y_axis = Axis::fit(points.iter().map(|p| p.2), false).widened(0.1);
    let mut chart = ChartBuilder::on(root)
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(80)
        .build_cartesian_2d(x_axis, y_axis)
        .map_err(plot_error)?;
    let tick_label = |v: &f64| compact(*v);
    let label_font = font(LABEL_SIZE, false, theme.muted);
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(color(theme.faint).stroke_width(1))
        .x_desc(xs.name.clone())
        .y_desc(ys.name.clone())
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&tick_label)
        .y_label_formatter(&tick_label)
        .label_style(label_font.clone())
        .axis_desc_style(label_font)
        .draw()
        .map_err(plot_error)?;
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    };
    let x_mid = median(points.iter().map(|p| p.1).collect());
    let y_mid = median(points.iter().map(|p| p.2).collect());
    let quadrant = color(theme.grid).stroke_width(2);
    chart
        .draw_series([
            PathElement::new(
                vec![(x_mid, y_axis.low()), (x_mid, y_axis.high())],
                quadrant,
            ),
            PathElement::new(
                vec![(x_axis.low(), y_mid), (x_axis.high(), y_mid)],
                quadrant,
            ),
        ])
        .map_err(plot_error)?;
    let max_size = points
        .iter()
        .map(|p| p.3)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let highlight = data.highlight_category;
    for (i, x, y, s) in &points {
        let radius = (8.0 + 44.0 * (s / max_size).sqrt()) as i32;
        let highlighted = highlight.is_none_or(|h| h == *i);
        let rgb = if highlighted {
            palette.accent
        } else {
            theme.other_series()
        };
        chart
            .draw_series(std::iter::once(Circle::new(
                (*x, *y),
                radius,
                color(rgb).mix(0.55).filled(),
            )))
            .map_err(plot_error)?;
        let label = data.labels.get(*i).cloned().unwrap_or_default();
        let style = anchored(
            font(18.0, highlighted, theme.text),
            HPos::Center,
            VPos::Center,
        );
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((*x, *y)) + Text::new(label, (0, 0), style),
            ))
            .map_err(plot_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::{DataRow, DataTable};

    fn data(names: &[&str]) -> ChartData {
        let mut header = vec![String::new()];
        header.extend(names.iter().map(|n| (*n).to_owned()));
        let spec = ChartSpec {
            data: DataTable {
                header,
                rows: vec![DataRow {
                    label: "2022".into(),
                    values: names.iter().map(|_| Some(1.0)).collect(),
                }],
            },
            ..ChartSpec::default()
        };
        let reading = throughline_core::chart_reading::read_chart(&spec, &[]);
        ChartData::from_spec(&spec, &reading)
    }

    #[test]
    fn the_legend_wraps_and_keeps_every_series_inside_the_chart() {
        let names = [
            "Alluvial Fund LP (net)",
            "Russell MicroCap TR",
            "Russell 2000 TR",
            "MSCI World Sm+MicroCap NR",
            "A benchmark whose name alone is wider than the whole chart area is",
        ];
        let width = 780;
        let (keys, height) = legend_layout(&data(&names), width);
        assert_eq!(keys.len(), names.len(), "every series has its key");
        for key in &keys {
            let right = key.x + 22 + text_width(&key.name, LEGEND_SIZE, false) as i32;
            assert!(right <= width as i32 - 16, "{} ends at {right}", key.name);
        }
        let rows = keys
            .iter()
            .map(|k| k.y)
            .collect::<std::collections::BTreeSet<_>>();
        assert!(rows.len() >= 2, "the keys wrap onto more rows");
        assert_eq!(height, (keys.last().unwrap().y + LEGEND_ROW) as u32);
        assert!(keys.last().unwrap().name.ends_with('…'));
        // Few short names keep to one row.
        let (short, short_height) = legend_layout(&data(&["EU", "US"]), width);
        assert!(short.iter().all(|k| k.y == short[0].y));
        assert_eq!(short_height, (short[0].y + LEGEND_ROW) as u32);
    }

    #[test]
    fn bar_values_are_labelled_only_where_every_label_fits_its_bar() {
        // Six categories of four series: bars about 30 px wide.
        let wide = [1234.5, 987.25, 456.75, 120.5];
        assert_eq!(value_label_size(wide.into_iter(), &Unit::None, 30.0), None);
        // One series: wide bars carry their values at full size.
        assert_eq!(
            value_label_size(wide.into_iter(), &Unit::None, 160.0),
            Some(LABEL_SIZE)
        );
        // Short values fit a narrow bar, at a smaller size if need be.
        let short = [12.0, 9.0, 7.0];
        assert!(value_label_size(short.into_iter(), &Unit::None, 24.0).is_some());
        // "$0.5k" beside "$0.4k" on 52 px bars touched at full size: a
        // smaller size leaves a clear space between them.
        let money = Unit::parse(Some("$k"));
        let size = value_label_size([0.5, 0.4].into_iter(), &money, 52.0 - VALUE_LABEL_SPACE);
        assert!(size.is_some_and(|size| size < LABEL_SIZE), "{size:?}");
        assert!(text_width("$0.5k", LABEL_SIZE, true) > 52.0 - VALUE_LABEL_SPACE);
    }
}
