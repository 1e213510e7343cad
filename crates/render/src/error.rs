use thiserror::Error;

#[derive(Debug, Error)]
pub enum RenderError {
    #[error("the slide could not be read as SVG: {0}")]
    InvalidSvg(String),
    #[error("the image size {width}×{height} is not drawable")]
    BadSize { width: u32, height: u32 },
    #[error("PNG encoding failed: {0}")]
    Png(String),
    #[error("PDF writing failed: {0}")]
    Pdf(String),
    #[error("there is no slide to export")]
    NoSlides,
}
