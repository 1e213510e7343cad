//! Slides: the preview, the clipboard image and every export come from the
//! same render call, with the workspace's branding and — for an update that
//! backs a journal with a triggered kill criterion — its banner.

use serde::{Deserialize, Serialize};
use throughline_core::story::{to_markdown, Story};
use throughline_core::{Status, UpdateFields, UpdateId};
use throughline_render::{
    png_data_url, slides_to_pdf_with_progress, svg_to_png, svg_to_rgba, Branding, PngCompression,
    RgbaImage, Theme,
};
use throughline_store::Workspace;
use ts_rs::TS;

use crate::stories::StoryFile;
use crate::ApiError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Light => Theme::light(),
            ThemeName::Dark => Theme::dark(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Png,
    Md,
    /// An editable PowerPoint deck with native charts and notes.
    Pptx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Png => "png",
            ExportFormat::Md => "md",
            ExportFormat::Pptx => "pptx",
        }
    }

    /// Whether one file holds every slide (a deck), not one file each.
    pub fn is_deck(self) -> bool {
        matches!(self, ExportFormat::Pdf | ExportFormat::Pptx)
    }
}

/// How far a deck export has come, sent while it runs.
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
}

/// What to export, and where: the path the user chose in the save dialog.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ExportRequest {
    #[ts(type = "Array<number>")]
    pub ids: Vec<UpdateId>,
    pub path: String,
    pub format: ExportFormat,
    pub theme: ThemeName,
    pub scale: Option<f32>,
    /// The pages around a deck's updates (PDF and PowerPoint).
    #[serde(default)]
    #[ts(optional)]
    pub frame: Option<DeckFrameRequest>,
}

/// What the user asked to put around a deck's updates.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct DeckFrameRequest {
    /// The title page's title; empty for none.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub agenda: bool,
    /// The workspace's journals and portfolio after the updates.
    #[serde(default)]
    pub appendix: bool,
    #[serde(default)]
    pub notes_pages: bool,
}

/// The frame a request asks for: the title page's subtitle is the first
/// update's date and audience; the appendix comes from `workspace` (which
/// it needs).
pub fn deck_frame(
    slides: &[Slide],
    request: &DeckFrameRequest,
    workspace: Option<&Workspace>,
    look: &Look,
) -> Result<DeckFrame, ApiError> {
    let subtitle = slides
        .first()
        .map(|first| {
            [first.fields.date.trim(), first.fields.audience.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default();
    let appendix = match (request.appendix, workspace) {
        (false, _) => Vec::new(),
        (true, Some(workspace)) => workspace_appendix(workspace, look)?,
        (true, None) => return Err(ApiError::invalid(
            "the appendix takes the journals and the portfolio from a workspace: export from one",
        )),
    };
    Ok(DeckFrame {
        title: Some(request.title.trim().to_owned()).filter(|t| !t.is_empty()),
        subtitle,
        agenda: request.agenda,
        notes_pages: request.notes_pages,
        appendix,
    })
}

/// How slides look: the theme and the workspace's branding.
#[derive(Debug, Clone)]
pub struct Look {
    pub theme: Theme,
    pub branding: Branding,
    /// A company's PowerPoint template (`.pptx`/`.potx` bytes) the
    /// PowerPoint export builds on; `None`: our own master.
    pub pptx_template: Option<Vec<u8>>,
    /// The pages around a deck's updates.
    pub frame: DeckFrame,
}

/// What a deck holds besides its updates: a title page that opens with the
/// ask, an agenda, notes pages (PDF; PowerPoint keeps notes on each slide's
/// notes page), and an appendix of pages drawn by the renderer.
#[derive(Debug, Clone, Default)]
pub struct DeckFrame {
    /// The deck's title, for its title page.
    pub title: Option<String>,
    /// Under the title: the date and who it is for.
    pub subtitle: String,
    pub agenda: bool,
    pub notes_pages: bool,
    /// Pages after the updates (SVG and what a screen reader says).
    pub appendix: Vec<(String, String)>,
}

impl Look {
    pub fn new(theme: ThemeName, branding: Branding) -> Self {
        Self {
            theme: theme.theme(),
            branding,
            pptx_template: None,
            frame: DeckFrame::default(),
        }
    }

    /// The look with a company's PowerPoint template read from `path`.
    pub fn with_pptx_template(mut self, path: &std::path::Path) -> Result<Self, ApiError> {
        self.pptx_template = Some(crate::files::read_limited(
            path,
            50 * 1024 * 1024,
            "a PowerPoint template",
        )?);
        Ok(self)
    }
}

/// The branding a workspace's slides are drawn with. A damaged branding row
/// does not stop an export: the slides fall back to the default look.
pub fn workspace_branding(workspace: &Workspace) -> Branding {
    workspace
        .branding()
        .map(|settings| Branding::from_settings(&settings))
        .unwrap_or_default()
}

/// What the user should know about the workspace's look before its
/// slides are trusted: a stored logo that fails its checks is left off.
pub fn look_warnings(workspace: &Workspace) -> Vec<String> {
    match workspace.stored_logo_problem() {
        Ok(Some(why)) => vec![format!(
            "the workspace's logo is left off the slides ({why}); choose another in Workspace look"
        )],
        _ => Vec::new(),
    }
}

/// One slide to draw.
#[derive(Debug, Clone)]
pub struct Slide {
    pub fields: UpdateFields,
    pub status: Status,
    /// The kill-criterion banner, when the update's journal has one triggered.
    pub banner: Option<String>,
    /// What a file written for it alone is called (without extension).
    pub name: String,
}

impl From<StoryFile> for Slide {
    fn from(file: StoryFile) -> Self {
        Self {
            fields: file.fields,
            status: file.status,
            banner: None,
            name: file.stem,
        }
    }
}

/// The banner a slide carries when the journal its update backs has
/// triggered kill criteria.
pub fn kill_banner(triggered: &[String]) -> Option<String> {
    (!triggered.is_empty()).then(|| format!("Kill criterion triggered: {}", triggered.join("; ")))
}

/// The banner for a stored update, from the journal it backs.
pub fn banner_for(workspace: &Workspace, id: UpdateId) -> Result<Option<String>, ApiError> {
    Ok(kill_banner(&workspace.triggered_for_update(id)?))
}

/// A stored update as a slide, banner included.
pub fn stored_slide(workspace: &Workspace, id: UpdateId) -> Result<Slide, ApiError> {
    let update = workspace.get_update(id)?;
    Ok(Slide {
        banner: banner_for(workspace, id)?,
        fields: update.fields,
        status: update.status,
        name: format!("update-{id}"),
    })
}

/// Stored updates as slides, in the order given.
pub fn stored_slides(workspace: &Workspace, ids: &[UpdateId]) -> Result<Vec<Slide>, ApiError> {
    ids.iter().map(|id| stored_slide(workspace, *id)).collect()
}

/// Every stored update that passes its checks, as slides, and for each one
/// that does not, why it was left out (a bad record never stops the deck).
pub fn readable_slides(
    workspace: &Workspace,
    ids: &[UpdateId],
) -> Result<(Vec<Slide>, Vec<ApiError>), ApiError> {
    let mut slides = Vec::with_capacity(ids.len());
    let mut left_out = Vec::new();
    for id in ids {
        match stored_slide(workspace, *id) {
            Ok(slide) => slides.push(slide),
            Err(err) if err.code == crate::ErrorCode::InvalidRecord => left_out.push(err),
            Err(err) => return Err(err),
        }
    }
    Ok((slides, left_out))
}

/// Every stored update's id, newest first.
pub fn all_update_ids(workspace: &Workspace) -> Result<Vec<UpdateId>, ApiError> {
    Ok(workspace.list_updates("")?.iter().map(|s| s.id).collect())
}

/// The slide's SVG, page `page` of `count`.
pub fn slide_svg(
    fields: &UpdateFields,
    banner: Option<&str>,
    (page, count): (usize, usize),
    look: &Look,
) -> String {
    let input = throughline_render::SlideInput {
        fields,
        chart: fields.chart.as_ref(),
        page: page as u32,
        page_count: count as u32,
        banner,
    };
    throughline_render::render_slide_svg(&input, &look.theme, &look.branding)
}

/// The editor's preview: half size, fast encoding, as a PNG data URL.
pub fn preview(
    fields: &UpdateFields,
    banner: Option<&str>,
    look: &Look,
) -> Result<String, ApiError> {
    let svg = slide_svg(fields, banner, (1, 1), look);
    let png = svg_to_png(&svg, 0.5, PngCompression::Fast).map_err(ApiError::render)?;
    Ok(png_data_url(&png))
}

/// The slide at 1920×1080 as pixels, for the clipboard.
pub fn slide_image(slide: &Slide, look: &Look) -> Result<RgbaImage, ApiError> {
    let svg = slide_svg(&slide.fields, slide.banner.as_deref(), (1, 1), look);
    svg_to_rgba(&svg, 1.0).map_err(ApiError::render)
}

/// One slide as a PNG (1920×1080 × `scale`).
pub fn slide_png(slide: &Slide, look: &Look, scale: f32) -> Result<Vec<u8>, ApiError> {
    let svg = slide_svg(&slide.fields, slide.banner.as_deref(), (1, 1), look);
    svg_to_png(&svg, scale, PngCompression::Small).map_err(ApiError::render)
}

/// One update as its canonical story Markdown.
pub fn slide_markdown(slide: &Slide) -> Vec<u8> {
    to_markdown(&Story::from_update_fields(&slide.fields, slide.status)).into_bytes()
}

/// The slides as one PDF deck, in order; `progress` hears each page drawn.
pub fn deck_pdf(
    slides: &[Slide],
    look: &Look,
    progress: impl Fn(usize),
) -> Result<Vec<u8>, ApiError> {
    let count = slides.len();
    let pages: Vec<(usize, &Slide)> = slides.iter().enumerate().collect();
    let svgs = throughline_core::parallel::map(&pages, |(i, s)| {
        slide_svg(&s.fields, s.banner.as_deref(), (i + 1, count), look)
    });
    let frame = &look.frame;
    let mut all = Vec::with_capacity(svgs.len() + 2 + frame.appendix.len());
    if let Some(title) = &frame.title {
        all.push(throughline_render::render_title_svg(
            title,
            &frame.subtitle,
            &look.theme,
            &look.branding,
        ));
    }
    if frame.agenda {
        all.push(throughline_render::render_agenda_svg(
            &agenda(slides),
            &look.theme,
            &look.branding,
        ));
    }
    for (svg, slide) in svgs.into_iter().zip(slides) {
        all.push(svg);
        if frame.notes_pages && !slide.fields.notes.trim().is_empty() {
            all.push(throughline_render::render_notes_svg(
                &slide.fields.title,
                &slide.fields.notes,
                &look.theme,
                &look.branding,
            ));
        }
    }
    all.extend(frame.appendix.iter().map(|(svg, _)| svg.clone()));
    slides_to_pdf_with_progress(&all, progress).map_err(ApiError::render)
}

/// The slides as an editable PowerPoint deck, in order: native charts,
/// the speaker notes on each notes page.
pub fn deck_pptx(slides: &[Slide], look: &Look) -> Result<Vec<u8>, ApiError> {
    use throughline_render::DeckPage;
    let frame = &look.frame;
    let mut pages: Vec<DeckPage<'_>> = Vec::new();
    if let Some(title) = &frame.title {
        pages.push(DeckPage::Title {
            title,
            subtitle: &frame.subtitle,
        });
    }
    if frame.agenda {
        pages.push(DeckPage::Agenda(agenda(slides)));
    }
    pages.extend(slides.iter().map(|s| {
        DeckPage::Update(throughline_render::PptxSlide {
            fields: &s.fields,
            banner: s.banner.as_deref(),
        })
    }));
    pages.extend(frame.appendix.iter().map(|(svg, alt)| DeckPage::Picture {
        svg: svg.clone(),
        alt: alt.clone(),
    }));
    let deck = throughline_render::deck_to_pptx(
        &pages,
        &look.theme,
        &look.branding,
        look.pptx_template.as_deref(),
    );
    deck.map_err(|err| match err {
        throughline_render::RenderError::Template(_) => ApiError::invalid(err.to_string()),
        other => ApiError::render(other),
    })
}

/// The agenda: the updates' titles in the deck's order.
fn agenda(slides: &[Slide]) -> Vec<String> {
    slides
        .iter()
        .map(|s| {
            let title = s.fields.title.trim();
            if title.is_empty() {
                "Untitled update".to_owned()
            } else {
                title.to_owned()
            }
        })
        .collect()
}

/// The appendix a workspace gives a deck: each decision journal's
/// one-pager, then the portfolio's matrix and allocation (when it has
/// initiatives), drawn as of today.
pub fn workspace_appendix(
    workspace: &Workspace,
    look: &Look,
) -> Result<Vec<(String, String)>, ApiError> {
    let mut pages = Vec::new();
    for summary in workspace.list_journals()? {
        let svg = crate::journals::journal_page_svg(workspace, summary.id, &look.branding)?;
        pages.push((svg, format!("Decision journal: {}", summary.item.trim())));
    }
    if !workspace.list_initiatives()?.is_empty() {
        for view in [
            throughline_render::PortfolioView::Matrix(throughline_render::ValueAxis::Npv),
            throughline_render::PortfolioView::Allocation,
        ] {
            let svg = crate::portfolio::view_svg(workspace, view)?;
            pages.push((svg, "The portfolio".to_owned()));
        }
    }
    Ok(pages)
}

/// The bytes of one export file: a PDF deck of every slide, or the one
/// slide as PNG or Markdown.
pub fn export_bytes(
    slides: &[Slide],
    format: ExportFormat,
    look: &Look,
    scale: f32,
    progress: impl Fn(usize),
) -> Result<Vec<u8>, ApiError> {
    if slides.is_empty() {
        return Err(ApiError::invalid("choose at least one update to export"));
    }
    match (format, slides) {
        (ExportFormat::Pdf, _) => deck_pdf(slides, look, progress),
        (ExportFormat::Pptx, _) => deck_pptx(slides, look),
        (ExportFormat::Png, [one]) => slide_png(one, look, scale),
        (ExportFormat::Md, [one]) => Ok(slide_markdown(one)),
        _ => Err(ApiError::invalid(
            "PNG and Markdown export one update at a time; use PDF for a deck",
        )),
    }
}

/// The bytes of one file per slide (PNG or Markdown), named after each.
pub fn export_each(
    slides: &[Slide],
    format: ExportFormat,
    look: &Look,
    scale: f32,
) -> Result<Vec<(String, Vec<u8>)>, ApiError> {
    slides
        .iter()
        .map(|slide| {
            let name = format!("{}.{}", slide.name, format.extension());
            let bytes = match format {
                ExportFormat::Png => slide_png(slide, look, scale)?,
                ExportFormat::Md => slide_markdown(slide),
                ExportFormat::Pdf => deck_pdf(std::slice::from_ref(slide), look, |_| {})?,
                ExportFormat::Pptx => deck_pptx(std::slice::from_ref(slide), look)?,
            };
            Ok((name, bytes))
        })
        .collect()
}

/// The read-ahead memo's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum MemoFormat {
    Pdf,
    Md,
}

/// The read-ahead memo of one update: one or two portrait pages (PDF) or
/// Markdown, with the journal it backs when there is one.
pub fn memo_bytes(
    fields: &UpdateFields,
    journal: Option<&throughline_core::journal::JournalBody>,
    format: MemoFormat,
    look: &Look,
) -> Result<Vec<u8>, ApiError> {
    match format {
        MemoFormat::Md => Ok(throughline_core::memo::memo_markdown(fields, journal).into_bytes()),
        MemoFormat::Pdf => {
            let pages = throughline_render::render_memo_svgs(
                &throughline_render::MemoInput { fields, journal },
                &look.theme,
                &look.branding,
            );
            slides_to_pdf_with_progress(&pages, |_| {}).map_err(ApiError::render)
        }
    }
}

/// A stored update's memo: its fields and the journal it backs.
pub fn stored_memo(
    workspace: &Workspace,
    id: UpdateId,
    format: MemoFormat,
    look: &Look,
) -> Result<Vec<u8>, ApiError> {
    let update = workspace.get_update(id)?;
    let journal = match workspace.linked_journal(id)? {
        Some(journal) => Some(workspace.journal(journal)?.body),
        None => None,
    };
    memo_bytes(&update.fields, journal.as_ref(), format, look)
}
