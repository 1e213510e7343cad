//! One initiative's gate tracker on a page: its evidence gates (date,
//! metric, the bar to meet, the decision) against its readings, and its
//! stopping rules judged as a decision journal's kill criteria are — the
//! same windows, evaluation and "triggered" banner.

use throughline_core::journal::{evaluate, CriterionStatus, Reading};
use throughline_core::portfolio::{GateDecision, Initiative};
use throughline_core::CivilDate;

use crate::fonts::Weight;
use crate::journal::{draw_sparkline, readings_of};
use crate::portfolio::Frame;
use crate::slide::{Canvas, Ink, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::{Branding, Rgb, Theme};

const MARGIN: f32 = 96.0;
const BOTTOM: f32 = 985.0;

fn style(weight: Weight, max: f32, min: f32, lines: usize) -> TextStyle {
    TextStyle {
        weight,
        max_size: max,
        min_size: min,
        line_height: 1.25,
        max_lines: Some(lines),
    }
}

/// Whether a gate's bar is met by the latest reading of its metric on or
/// before its date.
fn gate_reading<'a>(metric: &str, date: CivilDate, readings: &'a [Reading]) -> Option<&'a Reading> {
    let wanted = metric.trim().to_lowercase();
    readings
        .iter()
        .filter(|r| {
            r.metric.trim().to_lowercase() == wanted && r.date <= date && r.value.is_finite()
        })
        .max_by_key(|r| r.date)
}

pub fn render_gates_svg(
    initiative: &Initiative,
    readings: &[Reading],
    today: CivilDate,
    theme: &Theme,
    branding: &Branding,
) -> String {
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    let title = format!(
        "{}: evidence gates and stopping rules",
        initiative.name.trim()
    );
    crate::structure::document_title(&mut canvas.svg, &title, None, Some(today));
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN;
    let mut top = 58.0;
    let triggered = triggered_rules(initiative, readings, today);
    if !triggered.is_empty() {
        let banner = format!("Stopping rule triggered: {}", triggered.join("; "));
        top = canvas.banner(&banner, theme, 16.0);
    }
    let heading = fit_text(&title, &style(Weight::Bold, 48.0, 30.0, 2), width, 130.0);
    top = canvas.lines(MARGIN, top, &heading, Weight::Bold, theme.text) + 30.0;
    draw_tracker(
        &mut canvas,
        (initiative, readings, today),
        Frame {
            x: MARGIN,
            y: top,
            w: width,
            h: BOTTOM - top,
        },
        theme,
    );
    canvas.text(
        (MARGIN, SLIDE_HEIGHT as f32 - 40.0),
        &format!("As of {today}"),
        Ink(20.0, Weight::Regular, theme.muted),
        Anchor::Start,
    );
    canvas.finish()
}

/// The stopping rules a tracker's readings trigger, described.
pub(crate) fn triggered_rules(
    initiative: &Initiative,
    readings: &[Reading],
    today: CivilDate,
) -> Vec<String> {
    initiative
        .stopping_rules
        .iter()
        .filter(|rule| evaluate(rule, readings, today).status == CriterionStatus::Triggered)
        .map(|rule| rule.describe())
        .collect()
}

/// The gates (left) and stopping rules (right) inside `frame`.
pub(crate) fn draw_tracker(
    canvas: &mut Canvas,
    (initiative, readings, today): (&Initiative, &[Reading], CivilDate),
    frame: Frame,
    theme: &Theme,
) {
    let column = (frame.w - 64.0) / 2.0;
    draw_gates(
        canvas,
        (initiative, readings, today),
        theme,
        (frame.x, frame.y, column),
        frame.bottom(),
    );
    draw_rules(
        canvas,
        (initiative, readings, today),
        theme,
        (frame.x + column + 64.0, frame.y, column),
        frame.bottom(),
    );
}

fn heading(canvas: &mut Canvas, text: &str, (x, top): (f32, f32), theme: &Theme) -> f32 {
    canvas.text(
        (x, top + 24.0),
        &text.to_uppercase(),
        Ink(22.0, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    top + 48.0
}

fn draw_gates(
    canvas: &mut Canvas,
    (initiative, readings, today): (&Initiative, &[Reading], CivilDate),
    theme: &Theme,
    (x, top, width): (f32, f32, f32),
    bottom: f32,
) {
    let mut top = heading(canvas, "Evidence gates", (x, top), theme);
    if initiative.gates.is_empty() {
        canvas.text(
            (x, top + 26.0),
            "No evidence gate yet",
            Ink(26.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        return;
    }
    let mut gates: Vec<_> = initiative.gates.iter().collect();
    gates.sort_by_key(|g| g.date);
    for gate in gates {
        if top > bottom - 90.0 {
            canvas.cut = true;
            break;
        }
        let bar = format!(
            "{} {} {}{}",
            gate.metric.trim(),
            if gate.at_most { "≤" } else { "≥" },
            throughline_core::table::format_number(gate.threshold),
            if gate.unit.trim() == "%" {
                "%".to_owned()
            } else if gate.unit.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", gate.unit.trim())
            }
        );
        let (verdict, colour) = match gate_reading(&gate.metric, gate.date, readings) {
            None => ("no reading yet".to_owned(), theme.muted),
            Some(r) => {
                let met = if gate.at_most {
                    r.value <= gate.threshold
                } else {
                    r.value >= gate.threshold
                };
                // A gate still ahead is judged so far, not yet for good.
                let so_far = if gate.date > today { " so far" } else { "" };
                (
                    format!(
                        "{} on {}: {}{so_far}",
                        throughline_core::table::format_number(r.value),
                        r.date,
                        if met { "met" } else { "not met" }
                    ),
                    if met {
                        Rgb(0x15, 0x80, 0x3D)
                    } else {
                        theme.negative
                    },
                )
            }
        };
        let decision = match gate.decision {
            Some(GateDecision::Go) => "decided: go",
            Some(GateDecision::Kill) => "decided: kill",
            Some(GateDecision::Hold) => "decided: hold",
            Some(GateDecision::Recycle) => "decided: recycle",
            None => "not decided yet",
        };
        canvas.rect(x, top + 4.0, 8.0, 68.0, 4.0, colour);
        canvas.text(
            (x + 24.0, top + 26.0),
            &format!("{} · {bar}", gate.date),
            Ink(24.0, Weight::SemiBold, theme.text),
            Anchor::Start,
        );
        let detail = fit_text(
            &format!("{verdict} · {decision}"),
            &style(Weight::Regular, 22.0, 16.0, 1),
            width - 24.0,
            30.0,
        );
        if let Some(line) = detail.lines.first() {
            canvas.text(
                (x + 24.0, top + 60.0),
                line,
                Ink(detail.size, Weight::Regular, theme.muted),
                Anchor::Start,
            );
        }
        top += 96.0;
    }
}

fn draw_rules(
    canvas: &mut Canvas,
    (initiative, readings, today): (&Initiative, &[Reading], CivilDate),
    theme: &Theme,
    (x, top, width): (f32, f32, f32),
    bottom: f32,
) {
    let mut top = heading(canvas, "Stopping rules", (x, top), theme);
    if initiative.stopping_rules.is_empty() {
        canvas.text(
            (x, top + 26.0),
            "No stopping rule yet",
            Ink(26.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        return;
    }
    for rule in &initiative.stopping_rules {
        if top > bottom - 140.0 {
            canvas.cut = true;
            break;
        }
        let evaluation = evaluate(rule, readings, today);
        let (label, colour) = match evaluation.status {
            CriterionStatus::Triggered => ("TRIGGERED", theme.negative),
            CriterionStatus::AtRisk => ("AT RISK", Rgb(0xB4, 0x53, 0x09)),
            CriterionStatus::OnTrack => ("ON TRACK", Rgb(0x15, 0x80, 0x3D)),
            CriterionStatus::NoData => ("NO DATA", theme.muted),
        };
        canvas.rect(x, top, 170.0, 40.0, 8.0, colour);
        canvas.text(
            (x + 85.0, top + 28.0),
            label,
            Ink(20.0, Weight::Bold, Rgb(255, 255, 255)),
            Anchor::Middle,
        );
        let text_x = x + 190.0;
        let text_width = width - 190.0;
        let description = fit_text(
            &rule.describe(),
            &style(Weight::SemiBold, 24.0, 18.0, 3),
            text_width,
            100.0,
        );
        let mut after = canvas.lines(text_x, top, &description, Weight::SemiBold, theme.text);
        let reason = fit_text(
            &evaluation.reason,
            &style(Weight::Regular, 20.0, 16.0, 2),
            text_width,
            56.0,
        );
        after = canvas.lines(text_x, after + 2.0, &reason, Weight::Regular, theme.muted);
        let own = readings_of(rule, readings);
        if own.len() >= 2 {
            draw_sparkline(
                canvas,
                rule,
                &own,
                (text_x, after + 10.0, text_width, 60.0),
                (theme, colour),
            );
            after += 78.0;
        }
        top = after + 28.0;
    }
}
