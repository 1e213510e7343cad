//! The read-ahead memo: one update as one or two portrait pages for the
//! executive who reads before the meeting — the story in full sentences,
//! the evidence with its source, sample and interval, the chart, the other
//! sections, and the linked journal's assumptions and kill criteria. The
//! type shrinks (24 px down to 16) until it fits two pages; what still
//! does not fit ends with a line saying so.

use std::fmt::Write as _;

use throughline_core::journal::JournalBody;
use throughline_core::memo::{memo_parts, MemoPart};
use throughline_core::UpdateFields;

use crate::chart::render_chart_svg;
use crate::fonts::Weight;
use crate::slide::{story_reading, Canvas, Ink};
use crate::svg::Anchor;
use crate::text::Paragraph;
use crate::theme::{Branding, Rgb, Theme};

/// A4 at the slides' scale (0.5 pt per pixel).
pub const MEMO_WIDTH: f32 = 1190.0;
pub const MEMO_HEIGHT: f32 = 1684.0;
const MARGIN: f32 = 100.0;
const TEXT_WIDTH: f32 = MEMO_WIDTH - 2.0 * MARGIN;
const BOTTOM: f32 = MEMO_HEIGHT - 110.0;
const MAX_PAGES: usize = 2;

pub struct MemoInput<'a> {
    pub fields: &'a UpdateFields,
    /// The decision journal the update backs.
    pub journal: Option<&'a JournalBody>,
}

/// What the memo holds, in reading order.
enum Block {
    Heading(String),
    Text {
        text: String,
        weight: Weight,
        colour: Rgb,
        scale: f32,
    },
    Chart,
    Gap(f32),
}

fn blocks(input: &MemoInput<'_>, theme: &Theme, accent: Rgb) -> Vec<Block> {
    let text = |text: String, weight: Weight, colour: Rgb, scale: f32| Block::Text {
        text,
        weight,
        colour,
        scale,
    };
    let mut out = Vec::new();
    for part in memo_parts(input.fields, input.journal) {
        match part {
            MemoPart::Title(t) => out.push(text(t, Weight::Bold, theme.text, 1.7)),
            MemoPart::Meta(t) => {
                out.push(text(t, Weight::Regular, theme.muted, 0.85));
                out.push(Block::Gap(16.0));
            }
            MemoPart::Heading(t) => {
                out.push(Block::Gap(10.0));
                out.push(Block::Heading(t.to_uppercase()));
            }
            MemoPart::Text(t) => out.push(text(t, Weight::Regular, theme.text, 1.0)),
            MemoPart::Missing => out.push(text(
                "Not written yet.".into(),
                Weight::Regular,
                theme.faint,
                1.0,
            )),
            MemoPart::Figure(t) => out.push(text(t, Weight::Bold, accent, 1.0)),
            MemoPart::Note(t) => out.push(text(t, Weight::Regular, theme.muted, 0.85)),
            MemoPart::Chart => out.push(Block::Chart),
        }
    }
    out
}

/// The memo's pages as SVG documents (one or two).
pub fn render_memo_svgs(input: &MemoInput<'_>, theme: &Theme, branding: &Branding) -> Vec<String> {
    let accent = theme.accent(branding.accent);
    let blocks = blocks(input, theme, accent);
    for base in (16..=24).rev().map(|s| s as f32) {
        if let Some(pages) = lay_out(&blocks, input, theme, branding, base, false) {
            return pages;
        }
    }
    lay_out(&blocks, input, theme, branding, 16.0, true).unwrap_or_default()
}

/// The pages at `base` size, or `None` when they need more than two (with
/// `cut`, the second ends with a line saying the rest is left out).
fn lay_out(
    blocks: &[Block],
    input: &MemoInput<'_>,
    theme: &Theme,
    branding: &Branding,
    base: f32,
    cut: bool,
) -> Option<Vec<String>> {
    let accent = theme.accent(branding.accent);
    let mut pages = vec![page(theme, input, accent)];
    let mut y = MARGIN;
    let chart_height = 440.0;
    let mut truncated = false;
    'blocks: for block in blocks {
        match block {
            Block::Gap(g) => y += g * base / 24.0,
            Block::Heading(text) => {
                if y + base * 2.6 > BOTTOM {
                    if pages.len() == MAX_PAGES {
                        truncated = true;
                        break 'blocks;
                    }
                    pages.push(page(theme, input, accent));
                    y = MARGIN;
                }
                y += base * 0.8;
                let last = pages.last_mut()?;
                last.text(
                    (MARGIN, y + base * 0.75),
                    text,
                    Ink(base * 0.75, Weight::SemiBold, theme.muted),
                    Anchor::Start,
                );
                y += base * 1.1;
            }
            Block::Text {
                text,
                weight,
                colour,
                scale,
            } => {
                let size = base * scale;
                let fitted = Paragraph::new(text, *weight).lines_at(size, TEXT_WIDTH, 1.4);
                // A paragraph too long to be laid out whole is cut short.
                truncated |= fitted.truncated;
                for line in &fitted.lines {
                    if y + fitted.line_height > BOTTOM {
                        if pages.len() == MAX_PAGES {
                            truncated = true;
                            break 'blocks;
                        }
                        pages.push(page(theme, input, accent));
                        y = MARGIN;
                    }
                    let last = pages.last_mut()?;
                    last.text(
                        (MARGIN, y + size),
                        line,
                        Ink(size, *weight, *colour),
                        Anchor::Start,
                    );
                    y += fitted.line_height;
                }
                y += size * 0.35;
            }
            Block::Chart => {
                let Some(chart) = input.fields.chart.as_ref() else {
                    continue;
                };
                if y + chart_height > BOTTOM {
                    if pages.len() == MAX_PAGES {
                        truncated = true;
                        break 'blocks;
                    }
                    pages.push(page(theme, input, accent));
                    y = MARGIN;
                }
                let reading = story_reading(input.fields, chart);
                let svg = render_chart_svg(
                    chart,
                    &reading,
                    theme,
                    accent,
                    TEXT_WIDTH as u32,
                    chart_height as u32,
                );
                let last = pages.last_mut()?;
                let _ = write!(
                    last.svg,
                    r#"<g transform="translate({MARGIN:.1} {:.1})">"#,
                    y + 10.0
                );
                last.svg.push_str(crate::chart::strip_svg_root(&svg));
                last.svg.push_str("</g>");
                y += chart_height + 24.0;
            }
        }
    }
    if truncated && !cut {
        return None;
    }
    let count = pages.len();
    Some(
        pages
            .into_iter()
            .enumerate()
            .map(|(i, mut canvas)| {
                let mut footer = format!("Read-ahead · {} / {count}", i + 1);
                if truncated && i + 1 == count {
                    footer.push_str(" · the rest is in the update itself");
                }
                canvas.text(
                    (MEMO_WIDTH - MARGIN, MEMO_HEIGHT - 60.0),
                    &footer,
                    Ink(16.0, Weight::Regular, theme.muted),
                    Anchor::End,
                );
                if !branding.footer_label.trim().is_empty() {
                    canvas.text(
                        (MARGIN, MEMO_HEIGHT - 60.0),
                        branding.footer_label.trim(),
                        Ink(16.0, Weight::Regular, theme.muted),
                        Anchor::Start,
                    );
                }
                canvas.finish()
            })
            .collect(),
    )
}

fn page(theme: &Theme, input: &MemoInput<'_>, accent: Rgb) -> Canvas {
    let mut canvas = Canvas::with_size(theme, MEMO_WIDTH as u32, MEMO_HEIGHT as u32);
    crate::structure::document_title(
        &mut canvas.svg,
        input.fields.title.trim(),
        None,
        input.fields.date.trim().parse().ok(),
    );
    canvas.rect(0.0, 0.0, MEMO_WIDTH, 8.0, 0.0, accent);
    canvas
}
