//! The assumption map in a frame: importance (high at the top) against the
//! strength of the evidence (anecdote on the left, pilot on the right),
//! each assumption in its cell, the important-and-unproven corner shaded
//! and named "Test first".

use throughline_core::journal::{EvidenceLevel, Importance};
use throughline_core::portfolio::AssumptionPoint;

use crate::fonts::Weight;
use crate::portfolio::Frame;
use crate::slide::{Canvas, Ink};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::{Rgb, Theme};

const LEVELS: [(EvidenceLevel, &str); 4] = [
    (EvidenceLevel::Anecdote, "anecdote"),
    (EvidenceLevel::Survey, "survey"),
    (EvidenceLevel::CohortData, "cohort data"),
    (EvidenceLevel::Pilot, "pilot"),
];
const IMPORTANCE: [(Importance, &str); 3] = [
    (Importance::High, "high"),
    (Importance::Medium, "medium"),
    (Importance::Low, "low"),
];

pub(crate) fn draw_assumption_map(
    canvas: &mut Canvas,
    points: &[AssumptionPoint],
    frame: Frame,
    theme: &Theme,
    accent: Rgb,
) {
    let left = frame.x + 130.0;
    let top = frame.y + 20.0;
    let bottom = frame.bottom() - 70.0;
    let (width, height) = (frame.right() - left, bottom - top);
    let (cell_w, cell_h) = (width / 4.0, height / 3.0);
    // The corner to test first: high importance, anecdote or survey.
    canvas.rect(
        left,
        top,
        cell_w * 2.0,
        cell_h,
        8.0,
        theme.background.mix(accent, 0.14),
    );
    canvas.text(
        (left + 12.0, top + 28.0),
        "TEST FIRST",
        Ink(20.0, Weight::Bold, accent),
        Anchor::Start,
    );
    for (row, (_, label)) in IMPORTANCE.iter().enumerate() {
        let y = top + cell_h * row as f32;
        canvas.text(
            (left - 16.0, y + cell_h / 2.0 + 8.0),
            label,
            Ink(22.0, Weight::SemiBold, theme.muted),
            Anchor::End,
        );
        canvas.rect(left, y + cell_h - 1.0, width, 2.0, 0.0, theme.grid);
    }
    for (column, (_, label)) in LEVELS.iter().enumerate() {
        let x = left + cell_w * column as f32;
        canvas.rect(x, top, 2.0, height, 0.0, theme.grid);
        canvas.text(
            (x + cell_w / 2.0, bottom + 34.0),
            label,
            Ink(22.0, Weight::SemiBold, theme.muted),
            Anchor::Middle,
        );
    }
    canvas.text(
        (frame.x, top + 4.0),
        "Importance",
        Ink(20.0, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    canvas.text(
        (left + width / 2.0, bottom + 64.0),
        "Evidence, weakest to strongest →",
        Ink(20.0, Weight::SemiBold, theme.muted),
        Anchor::Middle,
    );
    let note_style = TextStyle {
        weight: Weight::Regular,
        max_size: 20.0,
        min_size: 13.0,
        line_height: 1.2,
        max_lines: Some(2),
    };
    for (row, (importance, _)) in IMPORTANCE.iter().enumerate() {
        for (column, (level, _)) in LEVELS.iter().enumerate() {
            let here: Vec<&AssumptionPoint> = points
                .iter()
                .filter(|p| p.importance == *importance && p.evidence == *level)
                .collect();
            let x = left + cell_w * column as f32 + 12.0;
            let mut y =
                top + cell_h * row as f32 + if row == 0 && column < 2 { 40.0 } else { 12.0 };
            let cell_bottom = top + cell_h * (row as f32 + 1.0) - 8.0;
            let card = 62.0;
            let room = ((cell_bottom - y) / card).floor().max(0.0) as usize;
            let shown = if here.len() > room {
                room.saturating_sub(1)
            } else {
                here.len()
            };
            for point in here.iter().take(shown) {
                let colour = if point.test_first() {
                    accent
                } else {
                    theme.muted
                };
                canvas.rect(x, y + 4.0, 6.0, card - 14.0, 3.0, colour);
                let fitted = fit_text(&point.statement, &note_style, cell_w - 40.0, card - 10.0);
                canvas.lines(x + 14.0, y + 2.0, &fitted, Weight::Regular, theme.text);
                y += card;
            }
            if shown < here.len() {
                canvas.text(
                    (x + 14.0, y + 24.0),
                    &format!("+ {} more", here.len() - shown),
                    Ink(18.0, Weight::SemiBold, theme.muted),
                    Anchor::Start,
                );
            }
        }
    }
    if points.is_empty() {
        canvas.text(
            (left + width / 2.0, top + height / 2.0),
            "No decision journal lists an assumption yet",
            Ink(24.0, Weight::Regular, theme.muted),
            Anchor::Middle,
        );
    }
}
