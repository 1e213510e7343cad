//! The pages around a deck's updates, drawn like the slides: a title page
//! that opens with the ask (the deck's title, date, audience), an agenda
//! listing the updates' titles, and a notes page after a slide with what
//! the presenter says.

use crate::fonts::Weight;
use crate::slide::{Canvas, Ink, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::svg::Anchor;
use crate::text::{fit_text, TextStyle};
use crate::theme::{Branding, Theme};

fn style(weight: Weight, max: f32, min: f32, lines: usize) -> TextStyle {
    TextStyle {
        weight,
        max_size: max,
        min_size: min,
        line_height: 1.25,
        max_lines: Some(lines),
    }
}

fn footer(canvas: &mut Canvas, branding: &Branding, theme: &Theme) {
    let label = branding.footer_label.trim();
    if !label.is_empty() {
        canvas.text(
            (MARGIN, SLIDE_HEIGHT as f32 - 40.0),
            label,
            Ink(20.0, Weight::Regular, theme.muted),
            Anchor::Start,
        );
    }
}

/// The deck's title page: its title (what it asks for), then the date and
/// who it is for.
pub fn render_title_svg(title: &str, subtitle: &str, theme: &Theme, branding: &Branding) -> String {
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    crate::structure::document_title(&mut canvas.svg, title.trim(), None, None);
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN;
    let heading = fit_text(
        title.trim(),
        &style(Weight::Bold, 84.0, 48.0, 3),
        width,
        330.0,
    );
    let top = 540.0 - heading.height() / 2.0 - 40.0;
    canvas.rect(MARGIN, top - 40.0, 120.0, 10.0, 0.0, accent);
    let bottom = canvas.lines(MARGIN, top, &heading, Weight::Bold, theme.text);
    let sub = fit_text(
        subtitle.trim(),
        &style(Weight::Regular, 34.0, 24.0, 2),
        width,
        100.0,
    );
    canvas.lines(MARGIN, bottom + 36.0, &sub, Weight::Regular, theme.muted);
    footer(&mut canvas, branding, theme);
    canvas.finish()
}

/// The agenda: the updates' titles, numbered, in the deck's order.
pub fn render_agenda_svg(items: &[String], theme: &Theme, branding: &Branding) -> String {
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    crate::structure::document_title(&mut canvas.svg, "Agenda", None, None);
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);
    canvas.text(
        (MARGIN, 130.0),
        "Agenda",
        Ink(60.0, Weight::Bold, theme.text),
        Anchor::Start,
    );
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN - 90.0;
    let room = 985.0 - 220.0;
    let line = (room / items.len().max(1) as f32).clamp(36.0, 96.0);
    let size = (line * 0.42).clamp(20.0, 38.0);
    for (i, item) in items.iter().enumerate() {
        let y = 220.0 + line * i as f32;
        if y + line > 1000.0 {
            canvas.cut = true;
            break;
        }
        canvas.text(
            (MARGIN, y + size),
            &format!("{}", i + 1),
            Ink(size, Weight::Bold, accent),
            Anchor::Start,
        );
        let fitted = fit_text(
            item.trim(),
            &style(Weight::Regular, size, 16.0, 1),
            width,
            line,
        );
        canvas.lines(MARGIN + 90.0, y, &fitted, Weight::Regular, theme.text);
    }
    footer(&mut canvas, branding, theme);
    canvas.finish()
}

/// A notes page: the slide's title, then what the presenter says.
pub fn render_notes_svg(title: &str, notes: &str, theme: &Theme, branding: &Branding) -> String {
    let mut canvas = Canvas::new(theme);
    crate::structure::document_title(
        &mut canvas.svg,
        &format!("Notes: {}", title.trim()),
        None,
        None,
    );
    canvas.text(
        (MARGIN, 90.0),
        "SPEAKER NOTES",
        Ink(22.0, Weight::SemiBold, theme.muted),
        Anchor::Start,
    );
    let width = SLIDE_WIDTH as f32 - 2.0 * MARGIN;
    let heading = fit_text(
        title.trim(),
        &style(Weight::Bold, 44.0, 30.0, 2),
        width,
        120.0,
    );
    let top = canvas.lines(MARGIN, 110.0, &heading, Weight::Bold, theme.text) + 40.0;
    let body = TextStyle {
        weight: Weight::Regular,
        max_size: 34.0,
        min_size: 18.0,
        line_height: 1.4,
        max_lines: None,
    };
    let fitted = fit_text(notes.trim(), &body, width, 985.0 - top);
    canvas.lines(MARGIN, top, &fitted, Weight::Regular, theme.text);
    footer(&mut canvas, branding, theme);
    canvas.finish()
}
