//! The portfolio's use cases, for the window and the CLI alike: its checks,
//! and initiatives imported from a spreadsheet file or a pasted table.

use std::path::Path;

use serde::Serialize;
use throughline_core::portfolio::{check, parse_initiatives, Check, CheckStatus};
use throughline_core::table::{decode_text_file, read_data_file, MAX_DATA_FILE_BYTES};
use throughline_store::{InitiativeId, Workspace};
use ts_rs::TS;

use crate::files::{display_name, read_limited};
use crate::{ApiError, Clock};

/// Every check of the workspace's portfolio, as `portfolio check` prints
/// them: `{"checks":[{"check","status","initiative","message"}]}`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PortfolioChecks {
    pub checks: Vec<Check>,
}

impl PortfolioChecks {
    pub fn failed(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count()
    }
}

pub fn check_portfolio(workspace: &Workspace) -> Result<PortfolioChecks, ApiError> {
    let initiatives = workspace.initiatives()?;
    let settings = workspace.portfolio_settings()?;
    Ok(PortfolioChecks {
        checks: check(&initiatives, &settings),
    })
}

/// Initiatives from a pasted table: all of them, or none.
pub fn import_initiatives_text(
    workspace: &Workspace,
    text: &str,
    clock: &dyn Clock,
) -> Result<Vec<InitiativeId>, ApiError> {
    let initiatives = parse_initiatives(text).map_err(|err| ApiError::invalid(err.to_string()))?;
    if initiatives.is_empty() {
        return Err(ApiError::invalid(
            "the table has a header but no initiative under it",
        ));
    }
    Ok(workspace.add_initiatives(&initiatives, clock.now_millis())?)
}

/// Initiatives from a file: CSV, tab-separated text, or a workbook (.xlsx,
/// .xls, .ods), whose first sheet with a “name” column is read, its cells
/// as text. The file (and the sheet) are named in every error.
pub fn import_initiatives_file(
    workspace: &Workspace,
    path: &Path,
    clock: &dyn Clock,
) -> Result<Vec<InitiativeId>, ApiError> {
    let name = display_name(path);
    let bytes = read_limited(path, MAX_DATA_FILE_BYTES as u64, "a spreadsheet")?;
    let sheets =
        read_data_file(&bytes).map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    let has_name_column = |text: &str| {
        text.lines()
            .find(|line| !line.trim().is_empty())
            .is_some_and(|header| {
                header
                    .split(['\t', ',', ';'])
                    .any(|cell| cell.trim().trim_matches('"').eq_ignore_ascii_case("name"))
            })
    };
    let sheet = sheets
        .iter()
        .find(|sheet| has_name_column(&sheet.text))
        .or_else(|| sheets.first())
        .ok_or_else(|| ApiError::invalid(format!("{name}: the file holds no sheet")))?;
    let place = if sheet.name.is_empty() {
        name.clone()
    } else {
        format!("{name}, sheet “{}”", sheet.name)
    };
    import_initiatives_text(workspace, &sheet.text, clock)
        .map_err(|err| ApiError::new(err.code, format!("{place}: {}", err.message)))
}

/// A portfolio view as a file: PNG (1920×1080) or PDF, drawn by the same
/// renderer as the slides, as of today by the workspace's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewFile {
    Png,
    Pdf,
}

pub fn export_view(
    workspace: &Workspace,
    view: throughline_render::PortfolioView,
    file: ViewFile,
) -> Result<Vec<u8>, ApiError> {
    let svg = view_svg(workspace, view)?;
    match file {
        ViewFile::Png => {
            throughline_render::svg_to_png(&svg, 1.0, throughline_render::PngCompression::Small)
        }
        ViewFile::Pdf => throughline_render::slides_to_pdf(&[svg]),
    }
    .map_err(ApiError::render)
}

/// A portfolio view as a page (SVG), as of today by the workspace's calendar.
pub fn view_svg(
    workspace: &Workspace,
    view: throughline_render::PortfolioView,
) -> Result<String, ApiError> {
    let initiatives = workspace.initiatives()?;
    let settings = workspace.portfolio_settings()?;
    let svg = throughline_render::render_portfolio_svg(
        view,
        &throughline_render::PortfolioPage {
            initiatives: &initiatives,
            settings: &settings,
            as_of: workspace.today(),
        },
        &throughline_render::Theme::light(),
        &crate::export::workspace_branding(workspace),
    )
    .map_err(|err| ApiError::invalid(err.to_string()))?;
    Ok(svg)
}

/// One initiative as the portfolio panel lists it: its figures and value.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InitiativeRow {
    #[ts(type = "number")]
    pub id: InitiativeId,
    pub initiative: throughline_core::portfolio::Initiative,
    pub fit: Option<f64>,
    pub valuation: throughline_core::portfolio::Valuation,
    /// Its readings, oldest first: what its gates and stopping rules are
    /// judged on.
    pub readings: Vec<throughline_core::journal::Reading>,
}

/// The portfolio as the panel shows it: the initiatives with their value,
/// the settings, the checks and the allocation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PortfolioState {
    pub initiatives: Vec<InitiativeRow>,
    pub settings: throughline_core::portfolio::PortfolioSettings,
    pub checks: Vec<Check>,
    pub allocation: throughline_core::portfolio::Allocation,
    /// The strategy cascade's where-to-play and how-to-win choices, for an
    /// initiative's objective to name.
    pub cascade_choices: Vec<String>,
    /// Initiatives that trace to none of them (empty while the cascade is).
    pub orphans: Vec<String>,
}

pub fn portfolio_state(workspace: &Workspace) -> Result<PortfolioState, ApiError> {
    let stored = workspace.list_initiatives()?;
    let settings = workspace.portfolio_settings()?;
    let initiatives: Vec<_> = stored.iter().map(|s| s.initiative.clone()).collect();
    let mut rows = Vec::with_capacity(stored.len());
    for s in stored {
        rows.push(InitiativeRow {
            id: s.id,
            fit: s.initiative.fit_score(&settings.fit_criteria),
            valuation: throughline_core::portfolio::value(&s.initiative, &settings),
            readings: workspace.initiative_readings(s.id)?,
            initiative: s.initiative,
        });
    }
    let strategy = workspace.strategy()?;
    let cascade_choices: Vec<String> = strategy
        .cascade
        .where_to_play
        .iter()
        .chain(&strategy.cascade.how_to_win)
        .cloned()
        .collect();
    let orphans = if cascade_choices.is_empty() {
        Vec::new()
    } else {
        throughline_core::audit::cascade_orphans(&strategy, &initiatives)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    Ok(PortfolioState {
        cascade_choices,
        orphans,
        initiatives: rows,
        checks: check(&initiatives, &settings),
        allocation: throughline_core::portfolio::allocation(&initiatives, &settings.targets),
        settings,
    })
}

/// The view the window previews, as a PNG data URL.
pub fn view_preview(
    workspace: &Workspace,
    view: throughline_render::PortfolioView,
) -> Result<String, ApiError> {
    let png = export_view(workspace, view, ViewFile::Png)?;
    Ok(format!(
        "data:image/png;base64,{}",
        throughline_render::base64(&png)
    ))
}

/// An initiative's readings from a CSV (`date, metric…`, as a journal's
/// readings are read, units checked against its stopping rules): all or
/// none; the file and the first problem named.
pub fn import_initiative_readings(
    workspace: &Workspace,
    initiative: &str,
    path: &Path,
    clock: &dyn Clock,
) -> Result<usize, ApiError> {
    let name = display_name(path);
    let stored = workspace.initiative_named(initiative)?;
    let bytes = read_limited(path, MAX_DATA_FILE_BYTES as u64, "a readings file")?;
    let text =
        decode_text_file(&bytes).map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    let parsed = throughline_core::journal::parse_readings(
        &text,
        clock.today(),
        &stored.initiative.stopping_rules,
    )
    .map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    if let Some(problem) = parsed.problems.first() {
        return Err(ApiError::invalid(format!(
            "{name}: row {}: {} (nothing was imported)",
            problem.row, problem.message
        )));
    }
    Ok(workspace.add_initiative_readings(stored.id, &parsed.readings)?)
}

/// One initiative's gate tracker as a PNG or PDF page.
pub fn export_gates(
    workspace: &Workspace,
    initiative: &str,
    file: ViewFile,
) -> Result<Vec<u8>, ApiError> {
    let stored = workspace.initiative_named(initiative)?;
    let readings = workspace.initiative_readings(stored.id)?;
    let svg = throughline_render::render_gates_svg(
        &stored.initiative,
        &readings,
        workspace.today(),
        &throughline_render::Theme::light(),
        &crate::export::workspace_branding(workspace),
    );
    match file {
        ViewFile::Png => {
            throughline_render::svg_to_png(&svg, 1.0, throughline_render::PngCompression::Small)
        }
        ViewFile::Pdf => throughline_render::slides_to_pdf(&[svg]),
    }
    .map_err(ApiError::render)
}

/// One initiative's gate tracker the window previews, as a PNG data URL.
pub fn gates_preview(workspace: &Workspace, initiative: &str) -> Result<String, ApiError> {
    let png = export_gates(workspace, initiative, ViewFile::Png)?;
    Ok(format!(
        "data:image/png;base64,{}",
        throughline_render::base64(&png)
    ))
}

/// Which portfolio view an update's chart shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(tag = "view", rename_all = "kebab-case")]
pub enum ChartView {
    Matrix {
        value: throughline_core::portfolio::ValueAxis,
    },
    Allocation,
    Tracks,
    Gates {
        initiative: String,
    },
    /// Every decision journal's assumptions by importance × evidence.
    AssumptionMap,
}

/// A portfolio view as an update's chart: the figures as of today (by the
/// workspace's calendar), a takeaway title and alt text to start from.
pub fn portfolio_chart(
    workspace: &Workspace,
    view: &ChartView,
) -> Result<throughline_core::ChartSpec, ApiError> {
    portfolio_chart_as_of(workspace, view, workspace.today())
}

/// The same view as of the day a caller's clock gives (a playbook draws
/// it on the day the user follows it).
pub fn portfolio_chart_as_of(
    workspace: &Workspace,
    view: &ChartView,
    today: throughline_core::CivilDate,
) -> Result<throughline_core::ChartSpec, ApiError> {
    use throughline_core::portfolio::{GateTracker, PortfolioSnapshot, ValueAxis};
    use throughline_core::ChartKind;
    let (kind, snapshot) = match view {
        ChartView::AssumptionMap => {
            let mut bodies = Vec::new();
            for summary in workspace.list_journals()? {
                bodies.push(workspace.journal(summary.id)?.body);
            }
            (
                ChartKind::AssumptionMap,
                PortfolioSnapshot::of_assumptions(
                    throughline_core::portfolio::assumption_points(&bodies),
                    today,
                ),
            )
        }
        ChartView::Gates { initiative } => {
            let stored = workspace.initiative_named(initiative)?;
            let readings = workspace.initiative_readings(stored.id)?;
            (
                ChartKind::Gates,
                PortfolioSnapshot::of_tracker(
                    GateTracker::of(&stored.initiative, &readings),
                    today,
                ),
            )
        }
        other => {
            let initiatives = workspace.initiatives()?;
            let settings = workspace.portfolio_settings()?;
            let (kind, axis) = match other {
                ChartView::Matrix { value } => (ChartKind::PortfolioMatrix, *value),
                ChartView::Allocation => (ChartKind::Allocation, ValueAxis::Npv),
                _ => (ChartKind::Tracks, ValueAxis::Npv),
            };
            (
                kind,
                PortfolioSnapshot::of(&initiatives, &settings, today, axis),
            )
        }
    };
    snapshot.validate()?;
    Ok(throughline_core::ChartSpec {
        kind,
        title: snapshot.default_title(kind),
        alt: snapshot.describe(kind),
        portfolio: Some(snapshot),
        ..throughline_core::ChartSpec::default()
    })
}

/// "Refresh from portfolio": the same view with today's figures; the
/// title the PM wrote stays, the alt text follows the figures unless the
/// PM wrote their own.
pub fn refresh_portfolio_chart(
    workspace: &Workspace,
    chart: &throughline_core::ChartSpec,
) -> Result<throughline_core::ChartSpec, ApiError> {
    use throughline_core::ChartKind;
    let Some(snapshot) = chart.portfolio.as_ref() else {
        return Err(ApiError::invalid(
            "the chart is not a portfolio view: choose one from the portfolio instead",
        ));
    };
    let view = match chart.kind {
        ChartKind::PortfolioMatrix => ChartView::Matrix {
            value: snapshot.value,
        },
        ChartKind::Allocation => ChartView::Allocation,
        ChartKind::Tracks => ChartView::Tracks,
        ChartKind::AssumptionMap => ChartView::AssumptionMap,
        ChartKind::Gates => ChartView::Gates {
            initiative: snapshot
                .tracker
                .as_ref()
                .map(|t| t.initiative.clone())
                .unwrap_or_default(),
        },
        _ => {
            return Err(ApiError::invalid(
                "the chart is not a portfolio view: choose one from the portfolio instead",
            ))
        }
    };
    let fresh = portfolio_chart(workspace, &view)?;
    let generated_alt = snapshot.describe(chart.kind);
    Ok(throughline_core::ChartSpec {
        title: if chart.title.trim().is_empty() {
            fresh.title.clone()
        } else {
            chart.title.clone()
        },
        alt: if chart.alt.trim().is_empty() || chart.alt == generated_alt {
            fresh.alt.clone()
        } else {
            chart.alt.clone()
        },
        ..fresh
    })
}

/// One reading of an initiative's gate or stopping-rule metric, typed in
/// the window.
pub fn add_initiative_reading(
    workspace: &Workspace,
    id: InitiativeId,
    (metric, date, value): (&str, &str, f64),
    clock: &dyn Clock,
) -> Result<(), ApiError> {
    let reading = crate::journals::checked_reading(metric, date, value, clock)?;
    workspace.add_initiative_readings(id, &[reading])?;
    Ok(())
}
