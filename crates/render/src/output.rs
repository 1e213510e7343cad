//! The slide SVG drawn to PNG (resvg) or written to PDF (krilla), both from
//! the same parsed tree and the same embedded fonts.

use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::error::KrillaError;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::tagging::{ContentTag, Identifier, Tag, TagGroup, TagTree};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree};

use crate::fonts::{font_db, FAMILY};
use crate::structure::SlideParts;
use crate::RenderError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngCompression {
    /// Quick to encode, larger files: the live preview and the clipboard.
    Fast,
    /// Smaller files (half of Fast), a little slower: exported PNGs.
    Small,
}

fn parse(svg: &str) -> Result<Tree, RenderError> {
    let options = Options {
        fontdb: font_db(),
        font_family: FAMILY.to_owned(),
        ..Options::default()
    };
    Tree::from_str(svg, &options).map_err(|err| RenderError::InvalidSvg(err.to_string()))
}

/// Straight-alpha RGBA pixels, row by row (for the clipboard).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Draws an SVG to PNG bytes at `scale` (1 = the SVG's own size).
pub fn svg_to_png(
    svg: &str,
    scale: f32,
    compression: PngCompression,
) -> Result<Vec<u8>, RenderError> {
    let pixmap = rasterize(svg, scale)?;
    encode_png(pixmap, compression)
}

/// Draws an SVG to RGBA pixels at `scale`.
pub fn svg_to_rgba(svg: &str, scale: f32) -> Result<RgbaImage, RenderError> {
    let pixmap = rasterize(svg, scale)?;
    Ok(RgbaImage {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels: straight_alpha(pixmap),
    })
}

fn rasterize(svg: &str, scale: f32) -> Result<Pixmap, RenderError> {
    let tree = parse(svg)?;
    let size = tree.size();
    let scale = if scale.is_finite() {
        scale.clamp(0.05, 4.0)
    } else {
        1.0
    };
    let width = (size.width() * scale).round() as u32;
    let height = (size.height() * scale).round() as u32;
    let mut pixmap = Pixmap::new(width, height).ok_or(RenderError::BadSize { width, height })?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// tiny-skia stores premultiplied alpha; PNG and the clipboard want it
/// straight. Converted in place: the pixmap is not needed afterwards.
fn straight_alpha(pixmap: Pixmap) -> Vec<u8> {
    let mut rgba = pixmap.take();
    for pixel in rgba.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha != 0 && alpha != 255 {
            for channel in &mut pixel[..3] {
                *channel = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
            }
        }
    }
    rgba
}

fn encode_png(pixmap: Pixmap, compression: PngCompression) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let rgba = straight_alpha(pixmap);
    // A slide compresses to well under a byte per pixel; reserving that much
    // spares the encoder most reallocations.
    let mut bytes = Vec::with_capacity(rgba.len() / 4);
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // Slides are flat colour: unfiltered rows deflate better than the
        // adaptive filter's and cost nothing. Measured on the example slide
        // (1920×1080): level 1 4.5 ms / 307 KB, level 3 8.6 ms / 154 KB,
        // against 18.7 ms / 166 KB for level 6 with adaptive filtering.
        encoder.set_filter(png::Filter::NoFilter);
        encoder.set_deflate_compression(png::DeflateCompression::Level(match compression {
            PngCompression::Fast => 1,
            PngCompression::Small => 3,
        }));
        let mut writer = encoder
            .write_header()
            .map_err(|e| RenderError::Png(e.to_string()))?;
        writer
            .write_image_data(&rgba)
            .map_err(|e| RenderError::Png(e.to_string()))?;
    }
    Ok(bytes)
}

/// PDF points per slide pixel: a 1920 × 1080 slide is a 960 × 540 pt
/// page (13.333 × 7.5 in, PowerPoint's 16:9), which prints as a slide.
const POINTS_PER_PIXEL: f32 = 0.5;

/// One PDF with a page per slide: real text, fonts embedded once per
/// deck and subset, and the same bytes for the same slides. Tagged: each
/// slide's title a heading, its text a paragraph, its chart a figure with
/// its alt text, in that reading order; the document's title and language
/// from the first slide. PDF/A-2b when krilla's validation accepts the
/// slides, else the same PDF without the claim.
pub fn slides_to_pdf(svgs: &[String]) -> Result<Vec<u8>, RenderError> {
    slides_to_pdf_with_progress(svgs, |_| {})
}

/// [`slides_to_pdf`], calling `on_page(n)` after page `n` (1-based) is drawn.
pub fn slides_to_pdf_with_progress(
    svgs: &[String],
    mut on_page: impl FnMut(usize),
) -> Result<Vec<u8>, RenderError> {
    if svgs.is_empty() {
        return Err(RenderError::NoSlides);
    }
    // Splitting and parsing each slide is most of the work: done on every
    // core; the document is then written in page order.
    let slides = throughline_core::parallel::map(svgs, |svg| ParsedSlide::new(svg))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    match write_pdf(&slides, Some(Archival::A2_B), &mut on_page) {
        Err(PdfFailure::NotArchival) => write_pdf(&slides, None, &mut |_| {}),
        done => done,
    }
    .map_err(|failure| match failure {
        PdfFailure::Render(err) => err,
        PdfFailure::NotArchival => RenderError::Pdf("the PDF could not be written".into()),
    })
}

/// One slide's parts, parsed: what a page is drawn from.
struct ParsedSlide {
    title: Option<String>,
    lang: Option<String>,
    date: Option<throughline_core::CivilDate>,
    keywords: Option<String>,
    body: Tree,
    heading: Option<Tree>,
    figure: Option<(Tree, String)>,
}

impl ParsedSlide {
    fn new(svg: &str) -> Result<Self, RenderError> {
        let parts = SlideParts::split(svg);
        Ok(Self {
            body: parse(&parts.body)?,
            heading: parts.heading.as_deref().map(parse).transpose()?,
            figure: match parts.figure {
                Some((figure, alt)) => Some((parse(&figure)?, alt)),
                None => None,
            },
            title: parts.title,
            lang: parts.lang,
            date: parts.date,
            keywords: parts.keywords,
        })
    }
}

enum PdfFailure {
    /// The PDF/A validator refused something: write it without the claim.
    NotArchival,
    Render(RenderError),
}

impl From<RenderError> for PdfFailure {
    fn from(err: RenderError) -> Self {
        PdfFailure::Render(err)
    }
}

fn write_pdf(
    slides: &[ParsedSlide],
    archival: Option<Archival>,
    on_page: &mut impl FnMut(usize),
) -> Result<Vec<u8>, PdfFailure> {
    let mut configuration = ConfigurationBuilder::new();
    if let Some(archival) = archival {
        configuration = configuration.with_archival_validator(archival);
    }
    let configuration = configuration
        .finish()
        .map_err(|err| RenderError::Pdf(format!("{err:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let first = slides.first();
    let title = first
        .and_then(|s| s.title.clone())
        .filter(|t| !t.is_empty());
    // The document's language only when every slide shares it; each
    // slide's section carries its own.
    let lang = first
        .and_then(|s| s.lang.clone())
        .filter(|lang| slides.iter().all(|s| s.lang.as_ref() == Some(lang)));
    let mut metadata = Metadata::new().creator("Throughline".into());
    if let Some(title) = &title {
        metadata = metadata.title(title.clone());
    }
    if let Some(lang) = &lang {
        metadata = metadata.language(lang.clone());
    }
    if let Some(keywords) = first.and_then(|s| s.keywords.clone()) {
        metadata = metadata.keywords(vec![keywords]);
    }
    if let Some(date) = slides.iter().find_map(|s| s.date) {
        // PDF/A asks for the document's date: the story's own, so the same
        // slides still give the same bytes.
        let day = DateTime::new(u16::try_from(date.year.clamp(0, 9999)).unwrap_or(0))
            .month(u8::try_from(date.month).unwrap_or(1))
            .day(u8::try_from(date.day).unwrap_or(1));
        metadata = metadata.creation_date(day);
    }
    document.set_metadata(metadata);

    let mut tree = TagTree::new().with_lang(lang);
    for (index, slide) in slides.iter().enumerate() {
        let body = &slide.body;
        let size = body.size();
        let (width, height) = (
            size.width() * POINTS_PER_PIXEL,
            size.height() * POINTS_PER_PIXEL,
        );
        let bad_size = || RenderError::BadSize {
            width: size.width() as u32,
            height: size.height() as u32,
        };
        let settings = PageSettings::from_wh(width, height).ok_or_else(bad_size)?;
        let page_size = krilla::geom::Size::from_wh(width, height).ok_or_else(bad_size)?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut section = TagGroup::new(Tag::Section.with_lang(slide.lang.clone()));
        // Drawn in paint order (backgrounds first); tagged in reading order.
        let body_id = draw_tagged(&mut surface, body, page_size)?;
        if let Some(heading) = &slide.heading {
            let id = draw_tagged(&mut surface, heading, page_size)?;
            let level = std::num::NonZeroU16::MIN;
            let mut group = TagGroup::new(Tag::Hn(level, None));
            group.push(id);
            section.push(group);
        }
        let mut paragraph = TagGroup::new(Tag::P);
        paragraph.push(body_id);
        section.push(paragraph);
        if let Some((figure, alt)) = &slide.figure {
            let id = draw_tagged(&mut surface, figure, page_size)?;
            let mut group = TagGroup::new(Tag::Figure(Some(alt.clone())));
            group.push(id);
            section.push(group);
        }
        surface.finish();
        page.finish();
        tree.push(section);
        on_page(index + 1);
    }
    document.set_tag_tree(tree);
    document.finish().map_err(|err| match err {
        KrillaError::Validation(_) if archival.is_some() => PdfFailure::NotArchival,
        other => PdfFailure::Render(RenderError::Pdf(format!("{other:?}"))),
    })
}

/// Draws one part of a slide as one piece of tagged content.
fn draw_tagged(
    surface: &mut krilla::surface::Surface<'_>,
    tree: &Tree,
    size: krilla::geom::Size,
) -> Result<Identifier, RenderError> {
    let id = surface.start_tagged(ContentTag::Other);
    let drawn = surface.draw_svg(tree, size, SvgSettings::default());
    surface.end_tagged();
    drawn.ok_or_else(|| RenderError::Pdf("a slide could not be drawn".into()))?;
    Ok(id)
}

/// PNG bytes as a `data:` URL, for showing a rendered slide as an image.
pub fn png_data_url(png: &[u8]) -> String {
    format!("data:image/png;base64,{}", crate::slide::base64(png))
}
