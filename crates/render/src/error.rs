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
    #[error("PowerPoint writing failed: {0}")]
    Pptx(String),
    #[error("the PowerPoint template cannot be used: {0}")]
    Template(String),
}

/// Why a chart cannot be drawn. The message is written for the person who
/// pasted the data; [`crate::render_chart_svg`] draws it in the chart area.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChartError {
    #[error("Add data to draw a chart: a header row and at least one row of numbers")]
    NoData,
    #[error("The table has no numbers to draw")]
    NoNumbers,
    #[error("Add at least two rows to draw a line chart")]
    LineNeedsTwoRows,
    #[error("A before/after chart needs two rows: before and after")]
    BeforeAfterNeedsTwoRows,
    #[error("A funnel needs one column of numbers")]
    FunnelNeedsColumn,
    #[error("A funnel needs at least two stages")]
    FunnelNeedsStages,
    #[error("A funnel's stages need values of zero or more")]
    FunnelNegative,
    #[error("A big number needs one column of numbers")]
    BigNumberNeedsColumn,
    #[error("A big number needs a value")]
    BigNumberNeedsValue,
    #[error("A bubble chart needs four columns: label, x, y, size")]
    BubbleNeedsColumns,
    #[error("A bubble chart needs rows with x and y values")]
    BubbleNeedsPoints,
    #[error("Choose a portfolio view again: this chart holds no portfolio figures")]
    NoPortfolioSnapshot,
    #[error("{0}")]
    PortfolioView(String),
    /// The plotting library refused to draw (not expected with clean data).
    #[error("the chart could not be drawn ({0})")]
    Plot(String),
}
