//! The decision journal on one page (1920×1080, the same renderer and fonts
//! as the slides): assumptions grouped by evidence level with their
//! sources, every kill criterion with its status and its readings (a small
//! line against the threshold, and the latest values in words), and the
//! alternatives. The footer carries the revision and a short hash; the
//! full one is in the document's properties (its keywords), so a rewritten
//! history is caught against it.

use std::fmt::Write as _;

use throughline_core::journal::{
    CriterionStatus, Door, Evaluation, EvidenceLevel, JournalBody, KillCriterion, Reading,
};

use crate::fonts::Weight;
use crate::slide::{Canvas, Ink, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::{Branding, Rgb, Theme};

const MARGIN: f32 = 96.0;
const COLUMN_GAP: f32 = 64.0;
const BOTTOM: f32 = 985.0;

/// A text style at scale `k` (the page's type grows to fill the page
/// when the journal is short).
fn style(k: f32, weight: Weight, max: f32, min: f32, lines: usize) -> TextStyle {
    TextStyle {
        weight,
        max_size: max * k,
        min_size: min * k,
        line_height: 1.3,
        max_lines: Some(lines),
    }
}

/// What a journal page shows.
pub struct JournalPage<'a> {
    pub body: &'a JournalBody,
    /// One per criterion, in the criteria's order.
    pub evaluations: &'a [Evaluation],
    pub readings: &'a [Reading],
    /// The latest revision's number and hash; 0 for a journal not frozen.
    pub revision: u32,
    pub hash: &'a str,
}

/// How many characters of the hash the footer prints.
const SHORT_HASH: usize = 12;
/// How many of a criterion's latest readings are written out.
const READINGS_SHOWN: usize = 6;

/// The journal as an SVG page. A short journal's type is set larger, up
/// to 1.5 times, so that its page is used rather than half empty.
pub fn render_journal_svg(page: &JournalPage<'_>, theme: &Theme, branding: &Branding) -> String {
    let (base, (top, used)) = compose(page, theme, branding, 1.0);
    if base.cut || used <= 1.0 {
        return base.finish();
    }
    // The largest scale (in steps of 5 %) at which everything still fits
    // whole: line breaks move as the type grows.
    let mut k = ((BOTTOM - top) / used).clamp(1.0, MAX_SCALE);
    while k > 1.0 {
        let (canvas, _) = compose(page, theme, branding, k);
        if !canvas.cut {
            return canvas.finish();
        }
        k -= 0.05;
    }
    base.finish()
}

/// How much larger than its base size a short journal's type may grow.
const MAX_SCALE: f32 = 1.5;

/// The page at scale `k`; returns it with the top of the columns and the
/// height the taller one used.
fn compose(
    page: &JournalPage<'_>,
    theme: &Theme,
    branding: &Branding,
    k: f32,
) -> (Canvas, (f32, f32)) {
    let body = page.body;
    let evaluations = page.evaluations;
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    let title_text = format!("Decision journal: {}", body.item.trim());
    let keywords =
        (page.revision > 0).then(|| format!("revision {} sha256 {}", page.revision, page.hash));
    crate::structure::document_title_with_keywords(
        &mut canvas.svg,
        &title_text,
        None,
        None,
        keywords.as_deref(),
    );
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN;

    let title = fit_text(
        &title_text,
        &style(1.0, Weight::Bold, 52.0, 34.0, 1),
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
        &style(1.0, Weight::Regular, 28.0, 20.0, 2),
        width,
        80.0,
    );
    top = canvas.lines(MARGIN, top, &subtitle, Weight::Regular, theme.muted) + 36.0;

    let column = (width - COLUMN_GAP) / 2.0;
    let left_bottom =
        draw_assumptions(&mut canvas, body, (theme, accent, k), (MARGIN, top, column));
    let right = MARGIN + column + COLUMN_GAP;
    let after_criteria = draw_criteria(
        &mut canvas,
        (body, evaluations, page.readings),
        (theme, k),
        (right, top, column),
    );
    let right_bottom = draw_alternatives(
        &mut canvas,
        body,
        (theme, k),
        (right, after_criteria + 24.0 * k, column),
    );
    let used = (left_bottom.max(right_bottom) - top).max(0.0);

    let stamp = if page.revision == 0 {
        "Draft, not frozen yet: it can still change without a trace".to_owned()
    } else {
        let short: String = page.hash.chars().take(SHORT_HASH).collect();
        format!(
            "Revision {} · {short} (the full SHA-256 is in the document's properties)",
            page.revision
        )
    };
    canvas.text(
        (MARGIN, SLIDE_HEIGHT as f32 - 40.0),
        &stamp,
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
    (canvas, (top, used))
}

fn heading(
    canvas: &mut Canvas,
    text: &str,
    (x, top): (f32, f32),
    (theme, k): (&Theme, f32),
) -> f32 {
    canvas.text(
        (x, top + 24.0 * k),
        &text.to_uppercase(),
        Ink(22.0 * k, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    top + 44.0 * k
}

fn draw_assumptions(
    canvas: &mut Canvas,
    body: &JournalBody,
    (theme, accent, k): (&Theme, Rgb, f32),
    (x, top, width): (f32, f32, f32),
) -> f32 {
    let mut top = heading(canvas, "Assumptions, by evidence", (x, top), (theme, k));
    if body.assumptions.is_empty() {
        canvas.text(
            (x, top + 26.0 * k),
            "None listed yet",
            Ink(26.0 * k, Weight::Regular, theme.muted),
            Anchor::Start,
        );
        return top + 40.0 * k;
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
        if group.is_empty() {
            continue;
        }
        if top > BOTTOM - 60.0 {
            canvas.cut = true;
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
            (x, top + 26.0 * k),
            &label,
            Ink(26.0 * k, Weight::Bold, ink),
            Anchor::Start,
        );
        top += 40.0 * k;
        for assumption in group {
            let text = format!(
                "{:?} importance · {}",
                assumption.importance,
                assumption.statement.trim()
            );
            let room = (BOTTOM - top).max(0.0);
            let fitted = fit_text(
                &text,
                &style(k, Weight::Regular, 26.0, 20.0, 3),
                width - 24.0,
                room,
            );
            let start = top;
            top = canvas.lines(x + 20.0, top, &fitted, Weight::Regular, theme.text);
            let source = assumption.source.trim();
            let source = if source.is_empty() {
                "Source: not given".to_owned()
            } else {
                format!("Source: {source}")
            };
            let source_fit = fit_text(
                &source,
                &style(k, Weight::Regular, 21.0, 18.0, 2),
                width - 24.0,
                (BOTTOM - top).max(0.0),
            );
            top = canvas.lines(
                x + 20.0,
                top + 2.0,
                &source_fit,
                Weight::Regular,
                theme.muted,
            );
            canvas.rect(x, start + 6.0, 4.0, (top - start - 8.0).max(4.0), 2.0, ink);
            top += 14.0 * k;
        }
        top += 10.0 * k;
    }
    top
}

fn draw_criteria(
    canvas: &mut Canvas,
    (body, evaluations, readings): (&JournalBody, &[Evaluation], &[Reading]),
    (theme, k): (&Theme, f32),
    (x, top, width): (f32, f32, f32),
) -> f32 {
    let mut top = heading(canvas, "Kill criteria", (x, top), (theme, k));
    for (criterion, evaluation) in body.criteria.iter().zip(evaluations) {
        if top > BOTTOM - 120.0 {
            canvas.cut = true;
            break;
        }
        let (label, colour) = match evaluation.status {
            CriterionStatus::Triggered => ("TRIGGERED", theme.negative),
            CriterionStatus::AtRisk => ("AT RISK", Rgb(0xB4, 0x53, 0x09)),
            CriterionStatus::OnTrack => ("ON TRACK", Rgb(0x15, 0x80, 0x3D)),
            CriterionStatus::NoData => ("NO DATA", theme.muted),
        };
        canvas.rect(x, top, 170.0 * k, 40.0 * k, 8.0, colour);
        canvas.text(
            (x + 85.0 * k, top + 28.0 * k),
            label,
            Ink(20.0 * k, Weight::Bold, Rgb(0xFF, 0xFF, 0xFF)),
            Anchor::Middle,
        );
        let text_x = x + 190.0 * k;
        let text_width = width - 190.0 * k;
        let description = fit_text(
            &criterion.describe(),
            &style(k, Weight::SemiBold, 26.0, 20.0, 4),
            text_width,
            140.0 * k,
        );
        let mut after = canvas.lines(text_x, top, &description, Weight::SemiBold, theme.text);
        let reason = fit_text(
            &evaluation.reason,
            &style(k, Weight::Regular, 21.0, 18.0, 2),
            text_width,
            60.0 * k,
        );
        after = canvas.lines(text_x, after + 2.0, &reason, Weight::Regular, theme.muted);
        let own = readings_of(criterion, readings);
        if own.is_empty() {
            canvas.text(
                (text_x, after + 26.0 * k),
                "No readings yet",
                Ink(21.0 * k, Weight::Regular, theme.muted),
                Anchor::Start,
            );
            after += 36.0 * k;
        } else {
            if own.len() >= 2 && after + 90.0 * k < BOTTOM {
                let height = 64.0 * k;
                draw_sparkline(
                    canvas,
                    criterion,
                    &own,
                    (text_x, after + 10.0 * k, text_width, height),
                    (theme, colour),
                );
                after += height + 18.0 * k;
            }
            let unit = match criterion.unit.trim() {
                "%" => "%".to_owned(),
                "" => String::new(),
                other => format!(" {other}"),
            };
            let shown: Vec<String> = own
                .iter()
                .rev()
                .take(READINGS_SHOWN)
                .rev()
                .map(|r| {
                    format!(
                        "{} {}{unit}",
                        r.date,
                        throughline_core::table::format_number(r.value)
                    )
                })
                .collect();
            let more = if own.len() > READINGS_SHOWN {
                format!(" (latest {READINGS_SHOWN} of {})", own.len())
            } else {
                String::new()
            };
            let line = fit_text(
                &format!("Readings{more}: {}", shown.join(" · ")),
                &style(k, Weight::Regular, 21.0, 17.0, 3),
                text_width,
                90.0 * k,
            );
            after = canvas.lines(text_x, after + 4.0, &line, Weight::Regular, theme.text);
        }
        top = after + 30.0 * k;
    }
    top
}

/// The criterion's readings in date order (its metric, matched as the
/// evaluation matches it).
pub(crate) fn readings_of<'a>(
    criterion: &KillCriterion,
    readings: &'a [Reading],
) -> Vec<&'a Reading> {
    let wanted = criterion.metric.trim().to_lowercase();
    let mut own: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.metric.trim().to_lowercase() == wanted && r.value.is_finite())
        .collect();
    own.sort_by_key(|r| r.date);
    own
}

/// A small line of the readings over time, with the threshold dashed.
pub(crate) fn draw_sparkline(
    canvas: &mut Canvas,
    criterion: &KillCriterion,
    own: &[&Reading],
    (x, top, width, height): (f32, f32, f32, f32),
    (theme, colour): (&Theme, Rgb),
) {
    let values = own.iter().map(|r| r.value).chain([criterion.threshold]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let span = if high - low > f64::EPSILON {
        high - low
    } else {
        1.0
    };
    let first = own.first().map_or(0, |r| r.date.days_since_epoch());
    let last = own.last().map_or(1, |r| r.date.days_since_epoch());
    let days = (last - first).max(1) as f32;
    let at = |date: i64, value: f64| {
        (
            x + (date - first) as f32 / days * width,
            top + height - ((value - low) / span) as f32 * height,
        )
    };
    let threshold_y = at(first, criterion.threshold).1;
    let _ = write!(
        canvas.svg,
        r#"<line x1="{x:.1}" y1="{threshold_y:.1}" x2="{:.1}" y2="{threshold_y:.1}" stroke="{}" stroke-width="2" stroke-dasharray="8 6"/>"#,
        x + width,
        theme.negative.hex()
    );
    let unit = if criterion.unit.trim() == "%" {
        "%"
    } else {
        ""
    };
    let label = format!(
        "{} {}{unit}",
        criterion.comparator.symbol(),
        throughline_core::table::format_number(criterion.threshold)
    );
    canvas.text(
        (x + width, threshold_y - 8.0),
        &label,
        Ink(height * 0.3, Weight::SemiBold, theme.negative),
        Anchor::End,
    );
    let points: Vec<String> = own
        .iter()
        .map(|r| {
            let (px, py) = at(r.date.days_since_epoch(), r.value);
            format!("{px:.1},{py:.1}")
        })
        .collect();
    let _ = write!(
        canvas.svg,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="3"/>"#,
        points.join(" "),
        colour.hex()
    );
    if let Some(last) = own.last() {
        let (px, py) = at(last.date.days_since_epoch(), last.value);
        let _ = write!(
            canvas.svg,
            r#"<circle cx="{px:.1}" cy="{py:.1}" r="6" fill="{}"/>"#,
            colour.hex()
        );
    }
}

fn draw_alternatives(
    canvas: &mut Canvas,
    body: &JournalBody,
    (theme, k): (&Theme, f32),
    (x, top, width): (f32, f32, f32),
) -> f32 {
    if top > BOTTOM - 80.0 {
        canvas.cut |= !body.alternatives.is_empty();
        return top;
    }
    let mut top = heading(canvas, "Alternatives", (x, top), (theme, k));
    for alternative in &body.alternatives {
        if top > BOTTOM - 40.0 {
            canvas.cut = true;
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
            &style(k, Weight::Regular, 24.0, 19.0, 2),
            width,
            (BOTTOM - top).max(0.0),
        );
        top = canvas.lines(x, top, &fitted, Weight::Regular, theme.text) + 10.0 * k;
    }
    top
}
