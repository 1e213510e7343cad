//! The 16:9 slide: action title, the four beats, the evidence callout, the
//! chart, and a footer. Every text box is measured with the embedded fonts
//! and shrinks, then ends in "…", rather than overflow.

use std::fmt::Write as _;

use throughline_core::chart_reading::{read_chart, ChartReading};
use throughline_core::{ChartSpec, Evidence, UpdateFields};

use throughline_core::coach::language::is_english;
use throughline_core::coach::significance;

use crate::chart::{chart_annotation, render_chart_svg};
use crate::fonts::Weight;
use crate::slide_prose::slide_prose;
use crate::structure::{self, Part};
use crate::svg::{text_element, Anchor};
use crate::text::{fit_text, measure, FittedText, Paragraph, TextStyle};
use crate::theme::{Branding, Rgb, Theme};

pub const SLIDE_WIDTH: u32 = 1920;
pub const SLIDE_HEIGHT: u32 = 1080;

pub(crate) const MARGIN: f32 = 96.0;
pub(crate) const LEFT_WIDTH: f32 = 800.0;
pub(crate) const RIGHT_X: f32 = 960.0;
pub(crate) const RIGHT_WIDTH: f32 = SLIDE_WIDTH as f32 - MARGIN - RIGHT_X;
pub(crate) const CONTENT_BOTTOM: f32 = 985.0;
const FOOTER_BASELINE: f32 = 1040.0;
const BEAT_LABEL_HEIGHT: f32 = 32.0;
/// Room for the significance note at the bottom of the content area.
const NOTE_HEIGHT: f32 = 68.0;
const BEAT_GAP: f32 = 26.0;
const BEAT_TEXT_INDENT: f32 = 24.0;

/// What one slide shows.
#[derive(Debug, Clone, Copy)]
pub struct SlideInput<'a> {
    pub fields: &'a UpdateFields,
    pub chart: Option<&'a ChartSpec>,
    /// 1-based page number and the deck's page count.
    pub page: u32,
    pub page_count: u32,
    /// A warning across the top, e.g. a triggered kill criterion.
    pub banner: Option<&'a str>,
}

/// How text is drawn: size, weight, colour.
#[derive(Clone, Copy)]
pub(crate) struct Ink(pub(crate) f32, pub(crate) Weight, pub(crate) Rgb);

pub(crate) struct Canvas {
    pub(crate) svg: String,
    /// Some text had to end in "…" to fit.
    pub(crate) cut: bool,
}

impl Canvas {
    pub(crate) fn new(theme: &Theme) -> Self {
        Self::with_size(theme, SLIDE_WIDTH, SLIDE_HEIGHT)
    }

    /// A page of another size (the read-ahead memo's portrait page).
    pub(crate) fn with_size(theme: &Theme, width: u32, height: u32) -> Self {
        let mut svg = String::with_capacity(32 * 1024);
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="{}"/>"#,
            theme.background.hex()
        );
        Self { svg, cut: false }
    }

    /// A canvas for a part of a page: no document root, no background.
    pub(crate) fn bare() -> Self {
        Self {
            svg: String::with_capacity(16 * 1024),
            cut: false,
        }
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, radius: f32, fill: Rgb) {
        let _ = write!(
            self.svg,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{radius:.1}" fill="{}"/>"#,
            fill.hex()
        );
    }

    pub(crate) fn text(&mut self, (x, baseline): (f32, f32), text: &str, ink: Ink, anchor: Anchor) {
        let Ink(size, weight, fill) = ink;
        let attributes = format!(
            r#"y="{baseline:.1}" font-size="{size:.1}" font-weight="{}" fill="{}""#,
            weight.css(),
            fill.hex()
        );
        self.svg
            .push_str(&text_element((x, anchor), size, weight, &attributes, text));
    }

    /// Draws fitted lines from `top`; returns the bottom.
    pub(crate) fn lines(
        &mut self,
        x: f32,
        top: f32,
        fitted: &FittedText,
        weight: Weight,
        fill: Rgb,
    ) -> f32 {
        self.cut |= fitted.truncated;
        for (i, line) in fitted.lines.iter().enumerate() {
            let baseline = top + i as f32 * fitted.line_height + fitted.size * 0.95;
            self.text(
                (x, baseline),
                line,
                Ink(fitted.size, weight, fill),
                Anchor::Start,
            );
        }
        top + fitted.height()
    }

    /// A warning across the top of the page (a triggered kill criterion or
    /// stopping rule), white on the theme's banner colour, one line at
    /// `min_size` or larger; returns where the page's content starts below it.
    pub(crate) fn banner(&mut self, text: &str, theme: &Theme, min_size: f32) -> f32 {
        self.rect(0.0, 10.0, SLIDE_WIDTH as f32, 56.0, 0.0, theme.banner);
        let style = TextStyle {
            weight: Weight::SemiBold,
            max_size: 24.0,
            min_size,
            line_height: 1.2,
            max_lines: Some(1),
        };
        let fitted = fit_text(text, &style, SLIDE_WIDTH as f32 - 2.0 * MARGIN, 40.0);
        if let Some(line) = fitted.lines.first() {
            self.text(
                (MARGIN, 47.0),
                line,
                Ink(fitted.size, Weight::SemiBold, Rgb(255, 255, 255)),
                Anchor::Start,
            );
        }
        96.0
    }

    pub(crate) fn finish(mut self) -> String {
        self.svg.push_str("</svg>");
        self.svg
    }
}

/// The slide of a stored or imported update: its fields and its own chart.
pub fn render_update_slide(
    fields: &UpdateFields,
    page: u32,
    page_count: u32,
    theme: &Theme,
    branding: &Branding,
) -> String {
    let input = SlideInput {
        fields,
        chart: fields.chart.as_ref(),
        page,
        page_count,
        banner: None,
    };
    render_slide_svg(&input, theme, branding)
}

/// The slide as an SVG document, 1920×1080.
pub fn render_slide_svg(input: &SlideInput<'_>, theme: &Theme, branding: &Branding) -> String {
    compose_slide(input, theme, branding).finish()
}

/// Whether the slide has to cut text to fit — even at the smallest type
/// some of it ends in "…": the coach's glance test, measured on the very
/// layout the slide is drawn with.
pub fn slide_cuts_text(input: &SlideInput<'_>, branding: &Branding) -> bool {
    compose_slide(input, &Theme::light(), branding).cut
}

fn compose_slide(input: &SlideInput<'_>, theme: &Theme, branding: &Branding) -> Canvas {
    let fields = input.fields;
    let accent = theme.accent(branding.accent);
    let mut canvas = Canvas::new(theme);
    structure::document_title(
        &mut canvas.svg,
        fields.title.trim(),
        story_language(fields),
        fields.date.trim().parse().ok(),
    );
    canvas.rect(0.0, 0.0, SLIDE_WIDTH as f32, 10.0, 0.0, accent);

    let mut top = 58.0;
    if let Some(banner) = input.banner.filter(|b| !b.trim().is_empty()) {
        top = canvas.banner(banner, theme, 18.0);
    }

    // Action title.
    let title_text = if fields.title.trim().is_empty() {
        "Untitled update"
    } else {
        &fields.title
    };
    let title_style = TextStyle {
        weight: Weight::Bold,
        max_size: 60.0,
        min_size: 36.0,
        line_height: 1.18,
        max_lines: Some(2),
    };
    let title = fit_text(
        title_text,
        &title_style,
        SLIDE_WIDTH as f32 - 2.0 * MARGIN,
        150.0,
    );
    let title_color = if fields.title.trim().is_empty() {
        theme.faint
    } else {
        theme.text
    };
    structure::open(&mut canvas.svg, Part::Heading, None);
    let title_bottom = canvas.lines(MARGIN, top, &title, Weight::Bold, title_color);
    structure::close(&mut canvas.svg, Part::Heading);
    let content_top = (title_bottom + 48.0).max(210.0);

    // Without a chart or a metric or quote to show, the beats take the
    // whole width: no empty half.
    let look = (accent, branding.beat_names);
    let note = branding
        .significance_note
        .then(|| significance::slide_note(fields))
        .flatten();
    if input.chart.is_some() || has_callout(&fields.evidence) {
        draw_beats(&mut canvas, fields, theme, look, (content_top, LEFT_WIDTH));
        let bottom = CONTENT_BOTTOM - if note.is_some() { NOTE_HEIGHT } else { 0.0 };
        draw_right_column(&mut canvas, input, theme, accent, (content_top, bottom));
        if let Some(note) = &note {
            draw_note(&mut canvas, note, theme, (RIGHT_X, RIGHT_WIDTH));
        }
    } else {
        let full = SLIDE_WIDTH as f32 - 2.0 * MARGIN;
        draw_beats(&mut canvas, fields, theme, look, (content_top, full));
        if let Some(note) = &note {
            draw_note(&mut canvas, note, theme, (MARGIN, full));
        }
    }
    draw_footer(&mut canvas, input, theme, branding);
    canvas
}

/// What a block of the slide's story column is: one of the four beats, or
/// a section of a draft written elsewhere that fills no beat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockRole {
    Context,
    Conflict,
    Resolution,
    Evidence,
    Other,
}

/// One block of the story column: the name above it and its text, as the
/// slide shows it ([`slide_prose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryBlock {
    pub(crate) role: BlockRole,
    pub(crate) label: String,
    pub(crate) text: String,
}

impl StoryBlock {
    /// Whether a name line stands above the block: every beat when the
    /// look names them, and a draft's section that has a heading.
    pub(crate) fn labelled(&self, names: bool) -> bool {
        match self.role {
            BlockRole::Other => !self.label.is_empty(),
            _ => names,
        }
    }

    /// The resolution — the ask — stands out when the beats go unnamed.
    pub(crate) fn bold(&self, names: bool) -> bool {
        !names && self.role == BlockRole::Resolution
    }

    /// The weight its text is set in.
    fn weight(&self, names: bool) -> Weight {
        if self.bold(names) {
            Weight::SemiBold
        } else {
            Weight::Regular
        }
    }

    /// The height of the name line above it (none without one).
    fn label_height(&self, names: bool) -> f32 {
        if self.labelled(names) {
            BEAT_LABEL_HEIGHT
        } else {
            0.0
        }
    }

    /// What the slide prints: an empty beat is marked under its printed
    /// name; set as a narrative, it is left out rather than put a
    /// placeholder before the room.
    pub(crate) fn shown(&self, names: bool) -> Option<&str> {
        match self.text.as_str() {
            "" if names => Some("Not written yet"),
            "" => None,
            text => Some(text),
        }
    }
}

/// The blocks of the story column: the four beats; or, when none is
/// written and the update keeps a draft's other sections (a letter with no
/// beat headings), those sections under their headings, so the slide
/// shows what the draft says instead of an empty column.
pub(crate) fn story_blocks(fields: &UpdateFields) -> Vec<StoryBlock> {
    let beats = [
        (BlockRole::Context, "CONTEXT", fields.beats.context.trim()),
        (
            BlockRole::Conflict,
            "CONFLICT",
            fields.beats.conflict.trim(),
        ),
        (
            BlockRole::Resolution,
            "RESOLUTION",
            fields.beats.resolution.trim(),
        ),
        (
            BlockRole::Evidence,
            "EVIDENCE",
            fields.beats.evidence.trim(),
        ),
    ];
    let others: Vec<StoryBlock> = fields
        .other
        .sections
        .iter()
        .map(|section| StoryBlock {
            role: BlockRole::Other,
            label: slide_prose(section.heading.trim()).to_uppercase(),
            text: slide_prose(section.body.trim()),
        })
        .filter(|block| !block.text.is_empty())
        .collect();
    if beats.iter().all(|(_, _, text)| text.is_empty()) && !others.is_empty() {
        return others;
    }
    beats
        .into_iter()
        .map(|(role, label, text)| StoryBlock {
            role,
            label: label.to_owned(),
            text: slide_prose(text),
        })
        .collect()
}

/// The blocks the slide prints, as [`story_blocks`] gives them.
fn shown_blocks(fields: &UpdateFields, names: bool) -> Vec<StoryBlock> {
    story_blocks(fields)
        .into_iter()
        .filter(|block| block.shown(names).is_some())
        .collect()
}

/// The colour of a block's bar and name.
pub(crate) fn block_colour(role: BlockRole, theme: &Theme, accent: Rgb) -> Rgb {
    match role {
        BlockRole::Context => theme.context,
        BlockRole::Conflict => theme.conflict,
        BlockRole::Resolution => accent,
        BlockRole::Evidence => theme.evidence,
        BlockRole::Other => theme.muted,
    }
}

/// The story column's blocks in a column `width` wide from the left
/// margin: the beats with their names above them (a workspace-look
/// choice), or as a compact narrative in which the resolution — the ask —
/// stands out; a draft's own sections under their headings.
fn draw_beats(
    canvas: &mut Canvas,
    fields: &UpdateFields,
    theme: &Theme,
    (accent, names): (Rgb, bool),
    (top, width): (f32, f32),
) {
    let blocks = shown_blocks(fields, names);
    let weight_of = |block: &StoryBlock| block.weight(names);
    let available = CONTENT_BOTTOM - top;
    let text_width = width - BEAT_TEXT_INDENT;
    let label_heights: Vec<f32> = blocks.iter().map(|b| b.label_height(names)).collect();

    // One size for all blocks: the largest at which they all fit (the
    // whole width, with nothing beside it, may take larger text).
    let paragraphs: Vec<Paragraph> = blocks
        .iter()
        .map(|block| Paragraph::new(block.shown(names).unwrap_or(""), weight_of(block)))
        .collect();
    let chosen = fit_beats(&paragraphs, width, &label_heights, available);
    // Too long even at the smallest size: each block gets its share, cut with "…".
    let fitted = chosen.unwrap_or_else(|| {
        let count = blocks.len().max(1) as f32;
        let style = TextStyle {
            weight: Weight::Regular,
            max_size: 17.0,
            min_size: 17.0,
            line_height: 1.38,
            max_lines: None,
        };
        blocks
            .iter()
            .zip(&label_heights)
            .map(|(block, label_height)| {
                let block_height = (available - (count - 1.0) * BEAT_GAP) / count - label_height;
                let style = TextStyle {
                    weight: weight_of(block),
                    ..style
                };
                fit_text(
                    block.shown(names).unwrap_or(""),
                    &style,
                    text_width,
                    block_height,
                )
            })
            .collect()
    });

    let mut y = top;
    for ((block, fitted), label_height) in blocks.iter().zip(&fitted).zip(&label_heights) {
        let color = block_colour(block.role, theme, accent);
        let block_height = label_height + fitted.height();
        if *label_height > 0.0 {
            canvas.rect(MARGIN, y, 5.0, block_height, 0.0, color);
            canvas.text(
                (MARGIN + BEAT_TEXT_INDENT, y + 20.0),
                &block.label,
                Ink(20.0, Weight::SemiBold, color),
                Anchor::Start,
            );
        } else if block.bold(names) {
            canvas.rect(MARGIN, y, 5.0, block_height, 0.0, accent);
        }
        let fill = if block.text.is_empty() {
            theme.faint
        } else {
            theme.text
        };
        canvas.lines(
            MARGIN + BEAT_TEXT_INDENT,
            y + label_height,
            fitted,
            weight_of(block),
            fill,
        );
        y += block_height + BEAT_GAP;
    }
}

/// The blocks at one size, the largest at which they all fit in
/// `available` (the whole width, with nothing beside it, may take larger
/// text); `None` when even the smallest does not fit.
fn fit_beats(
    paragraphs: &[Paragraph],
    width: f32,
    label_heights: &[f32],
    available: f32,
) -> Option<Vec<FittedText>> {
    let text_width = width - BEAT_TEXT_INDENT;
    let largest = if width > LEFT_WIDTH { 38 } else { 28 };
    let gaps = paragraphs.len().saturating_sub(1) as f32 * BEAT_GAP;
    for size in (17..=largest).rev().map(|s| s as f32) {
        let fitted: Vec<FittedText> = paragraphs
            .iter()
            .map(|paragraph| paragraph.lines_at(size, text_width, 1.38))
            .collect();
        let total: f32 = fitted.iter().map(FittedText::height).sum::<f32>()
            + label_heights.iter().sum::<f32>()
            + gaps;
        if total <= available {
            return Some(fitted);
        }
    }
    None
}

/// The size the slide sets the story column in, for a deck format that
/// lays text out itself (PowerPoint): the same fit as [`draw_beats`].
pub(crate) fn beat_size(fields: &UpdateFields, names: bool, (top, width): (f32, f32)) -> f32 {
    let blocks = shown_blocks(fields, names);
    let paragraphs: Vec<Paragraph> = blocks
        .iter()
        .map(|block| Paragraph::new(block.shown(names).unwrap_or(""), block.weight(names)))
        .collect();
    let label_heights: Vec<f32> = blocks.iter().map(|b| b.label_height(names)).collect();
    fit_beats(&paragraphs, width, &label_heights, CONTENT_BOTTOM - top)
        .and_then(|fitted| fitted.first().map(|f| f.size))
        .unwrap_or(17.0)
}

/// The significance note: small print at the bottom of the content area,
/// `x` and `width` of the column it sits in.
fn draw_note(canvas: &mut Canvas, note: &str, theme: &Theme, (x, width): (f32, f32)) {
    let style = TextStyle {
        weight: Weight::Regular,
        max_size: 21.0,
        min_size: 16.0,
        line_height: 1.25,
        max_lines: Some(2),
    };
    let fitted = fit_text(note, &style, width, NOTE_HEIGHT - 8.0);
    canvas.lines(
        x,
        CONTENT_BOTTOM - NOTE_HEIGHT + 20.0,
        &fitted,
        Weight::Regular,
        theme.muted,
    );
}

fn draw_right_column(
    canvas: &mut Canvas,
    input: &SlideInput<'_>,
    theme: &Theme,
    accent: Rgb,
    (top, bottom): (f32, f32),
) {
    // The chart read once, for its callout and its drawing.
    let reading = input.chart.map(|chart| story_reading(input.fields, chart));
    let callout_height = draw_callout(
        canvas,
        input,
        reading.as_ref(),
        theme,
        accent,
        (top, bottom),
    );
    let (Some(chart), Some(reading)) = (input.chart, reading.as_ref()) else {
        return;
    };
    let chart_top = if callout_height > 0.0 {
        top + callout_height + 36.0
    } else {
        top
    };
    let height = (bottom - chart_top).max(200.0);
    let chart_svg = render_chart_svg(
        chart,
        reading,
        theme,
        accent,
        RIGHT_WIDTH as u32,
        height as u32,
    );
    structure::open(&mut canvas.svg, Part::Figure, Some(&chart_alt(chart)));
    let _ = write!(
        canvas.svg,
        r#"<g transform="translate({RIGHT_X:.1} {chart_top:.1})">"#
    );
    // The chart's content, not its <svg> root: a nested viewport would clip,
    // which costs the rasterizer a full-size layer.
    canvas
        .svg
        .push_str(crate::chart::strip_svg_root(&chart_svg));
    canvas.svg.push_str("</g>");
    structure::close(&mut canvas.svg, Part::Figure);
}

/// What a screen reader says for the chart: its alt text, else its title.
fn chart_alt(chart: &ChartSpec) -> String {
    [chart.alt.trim(), chart.title.trim()]
        .into_iter()
        .find(|text| !text.is_empty())
        .unwrap_or("A chart")
        .to_owned()
}

/// The slide's language for a PDF reader, when the coach reads it as
/// English; otherwise none is claimed.
fn story_language(fields: &UpdateFields) -> Option<&'static str> {
    let text = [
        fields.title.as_str(),
        &fields.beats.context,
        &fields.beats.conflict,
        &fields.beats.resolution,
        &fields.beats.evidence,
    ]
    .join(" ");
    is_english(&text).then_some("en")
}

/// "vs 32% without the checklist · 6 weeks": what a metric is compared
/// with and over which period; empty when it says neither.
pub(crate) fn metric_comparison(metric: &throughline_core::MetricEvidence) -> String {
    let detail: Vec<&str> = [metric.baseline.trim(), metric.window.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if detail.is_empty() {
        String::new()
    } else {
        format!("vs {}", detail.join(" · "))
    }
}

/// A metric with no chart under it: the value as large as the column
/// allows, what it measures and what it is compared with below it.
fn draw_metric_hero(
    canvas: &mut Canvas,
    metric: &throughline_core::MetricEvidence,
    theme: &Theme,
    accent: Rgb,
    (top, height): (f32, f32),
) {
    let inner_x = RIGHT_X + 48.0;
    let inner_width = RIGHT_WIDTH - 96.0;
    let value_style = TextStyle {
        weight: Weight::Bold,
        max_size: 190.0,
        min_size: 64.0,
        line_height: 1.0,
        max_lines: Some(1),
    };
    let value = fit_text(metric.value.trim(), &value_style, inner_width, 200.0);
    let unit_style = TextStyle {
        weight: Weight::SemiBold,
        max_size: 40.0,
        min_size: 24.0,
        line_height: 1.2,
        max_lines: Some(2),
    };
    let detail_style = TextStyle {
        weight: Weight::Regular,
        max_size: 30.0,
        min_size: 20.0,
        line_height: 1.3,
        max_lines: Some(3),
    };
    let detail = metric_comparison(metric);
    let unit_fit = fit_text(metric.unit.trim(), &unit_style, inner_width, 100.0);
    let detail_fit = fit_text(&detail, &detail_style, inner_width, 130.0);
    let block = value.height() + 24.0 + unit_fit.height() + 12.0 + detail_fit.height();
    let start = top + ((height - block) / 2.0).max(24.0);
    let after = canvas.lines(inner_x, start, &value, Weight::Bold, accent);
    let after = canvas.lines(
        inner_x,
        after + 24.0,
        &unit_fit,
        Weight::SemiBold,
        theme.text,
    );
    canvas.lines(
        inner_x,
        after + 12.0,
        &detail_fit,
        Weight::Regular,
        theme.muted,
    );
}

/// How the slide reads its chart: in the light of the story's title and
/// evidence, which name the series it is about and the unit of its change.
pub(crate) fn story_reading(fields: &UpdateFields, chart: &ChartSpec) -> ChartReading {
    read_chart(chart, &[&fields.title, &fields.beats.evidence])
}

/// Whether the evidence is a metric or a quote with something to show.
fn has_callout(evidence: &Evidence) -> bool {
    match evidence {
        Evidence::Metric(metric) => !metric.value.trim().is_empty(),
        Evidence::Quote(quote) => !quote.text.trim().is_empty(),
        Evidence::None => false,
    }
}

/// The evidence callout; returns its height (0 when there is nothing to call out).
/// Without a chart below it, a metric or quote fills the column as the
/// slide's hero.
fn draw_callout(
    canvas: &mut Canvas,
    input: &SlideInput<'_>,
    reading: Option<&ChartReading>,
    theme: &Theme,
    accent: Rgb,
    (top, bottom): (f32, f32),
) -> f32 {
    let hero = input.chart.is_none();
    let height = if hero { bottom - top } else { 176.0 };
    let fill = theme.background.mix(accent, theme.callout_tint);
    let inner_x = RIGHT_X + 36.0;
    let inner_width = RIGHT_WIDTH - 72.0;
    match &input.fields.evidence {
        Evidence::Metric(metric) if hero && !metric.value.trim().is_empty() => {
            canvas.rect(RIGHT_X, top, RIGHT_WIDTH, height, 18.0, fill);
            draw_metric_hero(canvas, metric, theme, accent, (top, height));
            height
        }
        Evidence::Metric(metric) if !metric.value.trim().is_empty() => {
            canvas.rect(RIGHT_X, top, RIGHT_WIDTH, height, 18.0, fill);
            let value_style = TextStyle {
                weight: Weight::Bold,
                max_size: 96.0,
                min_size: 48.0,
                line_height: 1.0,
                max_lines: Some(1),
            };
            let value = fit_text(metric.value.trim(), &value_style, inner_width * 0.48, 110.0);
            let value_width = value
                .lines
                .first()
                .map(|l| measure(l, Weight::Bold) * value.size)
                .unwrap_or(0.0);
            if let Some(line) = value.lines.first() {
                canvas.text(
                    (inner_x, top + height / 2.0 + value.size * 0.36),
                    line,
                    Ink(value.size, Weight::Bold, accent),
                    Anchor::Start,
                );
            }
            let text_x = inner_x + value_width + 28.0;
            let text_width = (RIGHT_X + RIGHT_WIDTH - 36.0 - text_x).max(120.0);
            let unit = metric.unit.trim();
            let detail = metric_comparison(metric);
            let unit_style = TextStyle {
                weight: Weight::SemiBold,
                max_size: 28.0,
                min_size: 20.0,
                line_height: 1.25,
                max_lines: Some(2),
            };
            let detail_style = TextStyle {
                weight: Weight::Regular,
                max_size: 24.0,
                min_size: 18.0,
                line_height: 1.3,
                max_lines: Some(2),
            };
            let unit_fit = fit_text(unit, &unit_style, text_width, 72.0);
            let detail_fit = fit_text(&detail, &detail_style, text_width, 64.0);
            let block = unit_fit.height() + 6.0 + detail_fit.height();
            let start = top + (height - block) / 2.0;
            let after = canvas.lines(text_x, start, &unit_fit, Weight::SemiBold, theme.text);
            canvas.lines(
                text_x,
                after + 6.0,
                &detail_fit,
                Weight::Regular,
                theme.muted,
            );
            height
        }
        Evidence::Quote(quote) if !quote.text.trim().is_empty() => {
            canvas.rect(RIGHT_X, top, RIGHT_WIDTH, height, 18.0, fill);
            canvas.rect(RIGHT_X, top, 8.0, height, 0.0, accent);
            let style = TextStyle {
                weight: Weight::Regular,
                max_size: if hero { 44.0 } else { 30.0 },
                min_size: 20.0,
                line_height: 1.3,
                max_lines: Some(if hero { 10 } else { 3 }),
            };
            let text = format!("“{}”", quote.text.trim());
            let room = if hero { height - 110.0 } else { 110.0 };
            let fitted = fit_text(&text, &style, inner_width, room);
            // A hero quote sits in the middle of its column.
            let text_top = if hero {
                top + ((height - fitted.height() - 50.0) / 2.0).max(48.0)
            } else {
                top + 22.0
            };
            let after = canvas.lines(inner_x, text_top, &fitted, Weight::Regular, theme.text);
            let who: Vec<&str> = [quote.who.trim(), quote.when.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if !who.is_empty() {
                let attribution = format!("— {}", who.join(", "));
                let attribution_style = TextStyle {
                    weight: Weight::SemiBold,
                    max_size: 22.0,
                    min_size: 18.0,
                    line_height: 1.2,
                    max_lines: Some(1),
                };
                let fit = fit_text(&attribution, &attribution_style, inner_width, 30.0);
                canvas.lines(
                    inner_x,
                    (after + 14.0).min(top + height - 36.0),
                    &fit,
                    Weight::SemiBold,
                    theme.muted,
                );
            }
            height
        }
        _ => {
            // No metric or quote: the chart's computed headline, if any.
            let Some(chart) = input.chart else {
                return 0.0;
            };
            let Some(annotation) = reading.and_then(|reading| chart_annotation(chart, reading))
            else {
                return 0.0;
            };
            let short = 132.0;
            canvas.rect(RIGHT_X, top, RIGHT_WIDTH, short, 18.0, fill);
            let color = match annotation.good {
                Some(false) => theme.negative,
                _ => accent,
            };
            canvas.text(
                (inner_x, top + 70.0),
                &annotation.change,
                Ink(56.0, Weight::Bold, color),
                Anchor::Start,
            );
            let about_style = TextStyle {
                weight: Weight::SemiBold,
                max_size: 26.0,
                min_size: 20.0,
                line_height: 1.2,
                max_lines: Some(1),
            };
            let about = fit_text(&annotation.about, &about_style, inner_width, 32.0);
            canvas.lines(inner_x, top + 84.0, &about, Weight::SemiBold, theme.muted);
            short
        }
    }
}

fn draw_footer(canvas: &mut Canvas, input: &SlideInput<'_>, theme: &Theme, branding: &Branding) {
    let fields = input.fields;
    // Where the evidence comes from, then the workspace's label; the
    // audience is who the slide is for, not something to show them.
    let source = source_line(&fields.evidence);
    let left: Vec<&str> = [source.as_str(), branding.footer_label.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let right: Vec<String> = [
        fields.date.trim().to_owned(),
        if input.page_count > 0 {
            format!("{} / {}", input.page, input.page_count)
        } else {
            String::new()
        },
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let style = TextStyle {
        weight: Weight::Regular,
        max_size: 20.0,
        min_size: 16.0,
        line_height: 1.2,
        max_lines: Some(1),
    };
    let right_text = right.join("  ·  ");
    let right_width = measure(&right_text, Weight::Regular) * 20.0;
    let logo_width = if branding.logo.is_some() { 180.0 } else { 0.0 };
    let left_width = SLIDE_WIDTH as f32 - 2.0 * MARGIN - right_width - logo_width - 40.0;
    let left_fit = fit_text(&left.join(" · "), &style, left_width.max(100.0), 30.0);
    if let Some(line) = left_fit.lines.first() {
        canvas.text(
            (MARGIN, FOOTER_BASELINE),
            line,
            Ink(left_fit.size, Weight::Regular, theme.muted),
            Anchor::Start,
        );
    }
    canvas.text(
        (SLIDE_WIDTH as f32 - MARGIN, FOOTER_BASELINE),
        &right_text,
        Ink(20.0, Weight::Regular, theme.faint),
        Anchor::End,
    );
    if let Some(logo) = branding.logo.as_deref().and_then(image_data_uri) {
        let x = SLIDE_WIDTH as f32 - MARGIN - right_width - 20.0 - 160.0;
        let _ = write!(
            canvas.svg,
            r#"<image x="{x:.1}" y="{:.1}" width="160" height="40" preserveAspectRatio="xMaxYMid meet" href="{logo}"/>"#,
            FOOTER_BASELINE - 30.0
        );
    }
}

/// "Source: Billing export · n = 1420, 1410 · Q2" from a metric's source,
/// sample and window; empty when the evidence says none of them.
pub(crate) fn source_line(evidence: &Evidence) -> String {
    let Evidence::Metric(metric) = evidence else {
        return String::new();
    };
    let parts = [
        (metric.source.trim(), "Source: "),
        (metric.sample.trim(), "n = "),
        (metric.window.trim(), ""),
    ];
    parts
        .into_iter()
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, label)| format!("{label}{text}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A `data:` URI for PNG or JPEG bytes; other formats are not drawn.
fn image_data_uri(bytes: &[u8]) -> Option<String> {
    let mime = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return None;
    };
    Some(format!("data:{mime};base64,{}", base64(bytes)))
}

pub fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(base64(b""), "");
    }
}
