//! Small drawing helpers shared by the chart kinds.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Palette;
use crate::error::ChartError;
use crate::fonts::Weight;
use crate::text::measure;
use crate::theme::Rgb;

/// plotters writes an SVG `font-size` of the requested size ÷ 1.24;
/// requesting size × 1.24 gives text of the size we mean.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

pub type DrawResult<T> = Result<T, ChartError>;

pub fn color(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

pub fn font(size: f64, bold: bool, fill: Rgb) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    ("sans-serif", size * PLOTTERS_FONT_SCALE, style)
        .into_font()
        .color(&color(fill))
}

pub fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Pixel width of `text` at `size` (bold or regular), as the slide draws it.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    f64::from(measure(text, weight)) * size
}

pub fn plot_error<E: std::fmt::Debug>(err: E) -> ChartError {
    ChartError::Plot(format!("{err:?}"))
}

/// A chart area that says, in words, why there is no chart.
pub fn message_svg(message: &str, palette: &Palette<'_>, width: u32, height: u32) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let border = color(palette.theme.grid);
        let _ = root.draw(&Rectangle::new(
            [(1, 1), (width as i32 - 1, height as i32 - 1)],
            border.stroke_width(2),
        ));
        let style = anchored(
            font(24.0, false, palette.theme.muted),
            HPos::Center,
            VPos::Center,
        );
        let shown = crate::svg::clip_chars(&crate::svg::xml_safe(message), 90);
        let _ = root.draw(&Text::new(
            shown,
            (width as i32 / 2, height as i32 / 2),
            style,
        ));
        let _ = root.present();
    }
    svg
}
