//! The decision journal on one page (1920×1080, the same renderer and fonts
//! as the slides): assumptions grouped by evidence level, the alternatives,
//! and every kill criterion with its status; the footer carries the
//! revision and its hash, so a rewritten history is caught against it.

use throughline_core::journal::{CriterionStatus, Door, Evaluation, EvidenceLevel, JournalBody};

use crate::fonts::Weight;
use crate::slide::{Canvas, Ink, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::{Branding, Rgb, Theme};

const MARGIN: f32 = 96.0;
const COLUMN_GAP: f32 = 64.0;
const BOTTOM: f32 = 985.0;

fn style(weight: Weight, max: f32, min: f32, lines: usize) -> TextStyle {
    TextStyle {
        weight,
        max_size: max,
        min_size: min,
        line_height: 1.3,
        max_lines: Some(lines),
    }
}

/// The journal as an SVG page. `revision` is e.g. "Revision 3 · 9f2c…".
pub fn render_journal_svg(
    body: &JournalBody,
    evaluations: &[Evaluation],
    revision: &str,
    theme: &Theme,
    branding: &Branding,
) -> String {
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN;

    let title = fit_text(
        &format!("Decision journal: {}", body.item.trim()),
        &style(Weight::Bold, 52.0, 34.0, 1),
        width,
        70.0,
    );
    let mut top = canvas.lines(MARGIN, 58.0, &title, Weight::Bold, theme.text) + 8.0;
    let subtitle = fit_text(
        &format!(
            "Owner: {} · Decision asked for: {}",
            body.owner.trim(),
            body.decision.trim()
        ),
        &style(Weight::Regular, 28.0, 20.0, 2),
        width,
        80.0,
    );
    top = canvas.lines(MARGIN, top, &subtitle, Weight::Regular, theme.muted) + 36.0;

    let column = (width - COLUMN_GAP) / 2.0;
    draw_assumptions(&mut canvas, body, theme, accent, (MARGIN, top, column));
    let right = MARGIN + column + COLUMN_GAP;
    let after_criteria = draw_criteria(&mut canvas, body, evaluations, theme, (right, top, column));
    draw_alternatives(
        &mut canvas,
        body,
        theme,
        (right, after_criteria + 24.0, column),
    );

    canvas.text(
        (MARGIN, SLIDE_HEIGHT as f32 - 40.0),
        revision,
        Ink(20.0, Weight::Regular, theme.muted),
        Anchor::Start,
    );
    if !branding.footer_label.trim().is_empty() {
        canvas.text(
            (SLIDE_WIDTH as f32 - MARGIN, SLIDE_HEIGHT as f32 - 40.0),
            branding.footer_label.trim(),
            Ink(20.0, Weight::Regular, theme.muted),
            Anchor::End,
        );
    }
    canvas.finish()
}

fn heading(canvas: &mut Canvas, text: &str, x: f32, top: f32, theme: &Theme) -> f32 {
    canvas.text(
        (x, top + 24.0),
        &text.to_uppercase(),
        Ink(22.0, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    top + 44.0
}

fn draw_assumptions(
    canvas: &mut Canvas,
    body: &JournalBody,
    theme: &Theme,
    accent: Rgb,
    (x, top, width): (f32, f32, f32),
) {
    let mut top = heading(canvas, "Assumptions, by evidence", x, top, theme);
    if body.assumptions.is_empty() {
        canvas.text(
            (x, top + 26.0),
            "None listed yet",
            Ink(26.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        return;
    }
    for level in [
        EvidenceLevel::Pilot,
        EvidenceLevel::CohortData,
        EvidenceLevel::Survey,
        EvidenceLevel::Anecdote,
    ] {
        let group: Vec<_> = body
            .assumptions
            .iter()
            .filter(|a| a.evidence == level)
            .collect();
        if group.is_empty() || top > BOTTOM - 60.0 {
            continue;
        }
        let ink = if level == EvidenceLevel::Anecdote {
            theme.negative
        } else {
            accent
        };
        let label = level.label();
        let label = format!(
            "{}{}",
            label.get(..1).unwrap_or_default().to_uppercase(),
            label.get(1..).unwrap_or_default()
        );
        canvas.text(
            (x, top + 26.0),
            &label,
            Ink(26.0, Weight::Bold, ink),
            Anchor::Start,
        );
        top += 40.0;
        for assumption in group {
            let text = format!(
                "{:?} importance · {}",
                assumption.importance,
                assumption.statement.trim()
            );
            let room = (BOTTOM - top).max(0.0);
            let fitted = fit_text(
                &text,
                &style(Weight::Regular, 26.0, 20.0, 3),
                width - 24.0,
                room,
            );
            canvas.rect(x, top + 6.0, 4.0, fitted.height() - 8.0, 2.0, ink);
            top = canvas.lines(x + 20.0, top, &fitted, Weight::Regular, theme.text) + 12.0;
        }
        top += 10.0;
    }
}

fn draw_criteria(
    canvas: &mut Canvas,
    body: &JournalBody,
    evaluations: &[Evaluation],
    theme: &Theme,
    (x, top, width): (f32, f32, f32),
) -> f32 {
    let mut top = heading(canvas, "Kill criteria", x, top, theme);
    for (criterion, evaluation) in body.criteria.iter().zip(evaluations) {
        if top > BOTTOM - 120.0 {
            break;
        }
        let (label, colour) = match evaluation.status {
            CriterionStatus::Triggered => ("TRIGGERED", theme.negative),
            CriterionStatus::AtRisk => ("AT RISK", Rgb(0xD9, 0x77, 0x06)),
            CriterionStatus::OnTrack => ("ON TRACK", Rgb(0x16, 0xA3, 0x4A)),
            CriterionStatus::NoData => ("NO DATA", theme.muted),
        };
        canvas.rect(x, top, 170.0, 40.0, 8.0, colour);
        canvas.text(
            (x + 85.0, top + 28.0),
            label,
            Ink(20.0, Weight::Bold, Rgb(0xFF, 0xFF, 0xFF)),
            Anchor::Middle,
        );
        let description = fit_text(
            &criterion.describe(),
            &style(Weight::SemiBold, 26.0, 20.0, 2),
            width - 190.0,
            80.0,
        );
        let after = canvas.lines(x + 190.0, top, &description, Weight::SemiBold, theme.text);
        let reading = match (evaluation.reading, evaluation.date) {
            (Some(value), Some(date)) => format!(
                "Latest: {} on {date}",
                throughline_core::table::format_number(value)
            ),
            _ => "No reading yet".into(),
        };
        canvas.text(
            (x + 190.0, after + 26.0),
            &reading,
            Ink(22.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        top = after + 52.0;
    }
    top
}

fn draw_alternatives(
    canvas: &mut Canvas,
    body: &JournalBody,
    theme: &Theme,
    (x, top, width): (f32, f32, f32),
) {
    if top > BOTTOM - 80.0 {
        return;
    }
    let mut top = heading(canvas, "Alternatives", x, top, theme);
    for alternative in &body.alternatives {
        if top > BOTTOM - 40.0 {
            break;
        }
        let door = match alternative.door {
            Door::OneWay => "one-way door",
            Door::TwoWay => "two-way door",
        };
        let text = format!(
            "{} ({door}) — irreversible: {}",
            alternative.path.trim(),
            alternative.irreversibles.trim()
        );
        let fitted = fit_text(
            &text,
            &style(Weight::Regular, 24.0, 19.0, 2),
            width,
            (BOTTOM - top).max(0.0),
        );
        top = canvas.lines(x, top, &fitted, Weight::Regular, theme.text) + 10.0;
    }
}
