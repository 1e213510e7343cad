//! The slide SVG drawn to PNG (resvg) or written to PDF (krilla), both from
//! the same parsed tree and the same embedded fonts.

use krilla::page::PageSettings;
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree};

use crate::fonts::{font_db, FAMILY};
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

fn settings_size(tree: &Tree) -> Result<krilla::geom::Size, RenderError> {
    let size = tree.size();
    krilla::geom::Size::from_wh(size.width(), size.height()).ok_or(RenderError::BadSize {
        width: size.width() as u32,
        height: size.height() as u32,
    })
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

/// One PDF with a page per slide: real text, fonts embedded once per
/// deck and subset, and the same bytes for the same slides.
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
    let mut document = Document::new();
    for (index, svg) in svgs.iter().enumerate() {
        let tree = parse(svg)?;
        let size = tree.size();
        let settings =
            PageSettings::from_wh(size.width(), size.height()).ok_or(RenderError::BadSize {
                width: size.width() as u32,
                height: size.height() as u32,
            })?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, settings_size(&tree)?, SvgSettings::default())
            .ok_or_else(|| RenderError::Pdf("a slide could not be drawn".into()))?;
        surface.finish();
        page.finish();
        on_page(index + 1);
    }
    document
        .finish()
        .map_err(|err| RenderError::Pdf(format!("{err:?}")))
}

/// PNG bytes as a `data:` URL, for showing a rendered slide as an image.
pub fn png_data_url(png: &[u8]) -> String {
    format!("data:image/png;base64,{}", crate::slide::base64(png))
}
