//! Chart spec → SVG (plotters) → slide SVG (our layout) → PNG (resvg) /
//! PDF (krilla). Pure functions of (content, theme, branding): no clock, no
//! system fonts, no files read at run time. The preview and every export
//! come from the same [`render_slide_svg`] call.

mod assumption_map;
mod chart;
mod deck_pages;
mod error;
mod fonts;
mod gates;
mod journal;
mod memo;
mod output;
mod portfolio;
mod portfolio_chart;
mod pptx;
mod slide;
mod slide_prose;
mod structure;
mod svg;
mod text;
mod theme;

pub use chart::{chart_annotation, render_chart_svg, try_render_chart_svg, Annotation};
pub use deck_pages::{render_agenda_svg, render_notes_svg, render_title_svg};
pub use error::{ChartError, RenderError};
pub use fonts::Weight;
pub use gates::render_gates_svg;
pub use journal::{render_journal_svg, JournalPage};
pub use memo::{render_memo_svgs, MemoInput};
pub use output::{
    png_data_url, slides_to_pdf, slides_to_pdf_with_progress, svg_to_png, svg_to_rgba,
    PngCompression, RgbaImage,
};
pub use portfolio::{
    allocation_headline, render_portfolio_svg, view_title, PortfolioPage, PortfolioView,
    PortfolioViewError, MAX_LABELLED,
};
pub use pptx::{
    check_pptx_template, deck_to_pptx, slides_to_pptx, slides_to_pptx_with_template, DeckPage,
    PptxSlide,
};
pub use slide::{
    base64, render_slide_svg, render_update_slide, slide_cuts_text, SlideInput, SLIDE_HEIGHT,
    SLIDE_WIDTH,
};
pub use text::{fit_text, measure, FittedText, TextStyle};
pub use theme::{Branding, Rgb, Theme};
pub use throughline_core::portfolio::ValueAxis;
