//! The portfolio's commands: each checks nothing but its input and calls
//! one use case.

use serde::Deserialize;
use tauri::State;
use throughline_api::portfolio::{
    gates_preview, import_initiatives_text, portfolio_state, view_preview, ChartView,
    PortfolioState,
};
use throughline_api::ApiError;
use throughline_core::portfolio::{Initiative, PortfolioSettings};
use throughline_render::{PortfolioView, ValueAxis};

use crate::commands::on_workspace;
use crate::state::AppState;

#[tauri::command]
pub async fn get_portfolio(state: State<'_, AppState>) -> Result<PortfolioState, ApiError> {
    on_workspace(state, |ws, _| portfolio_state(ws)).await
}

/// Adds one initiative (a new one from the panel).
#[tauri::command]
pub async fn add_initiative(
    state: State<'_, AppState>,
    initiative: Initiative,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, clock| {
        ws.add_initiatives(&[initiative], clock.now_millis())?;
        portfolio_state(ws)
    })
    .await
}

#[tauri::command]
pub async fn save_initiative(
    state: State<'_, AppState>,
    id: i64,
    initiative: Initiative,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, clock| {
        ws.save_initiative(id, &initiative, clock.now_millis())?;
        portfolio_state(ws)
    })
    .await
}

#[tauri::command]
pub async fn delete_initiative(
    state: State<'_, AppState>,
    id: i64,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, _| {
        ws.delete_initiative(id)?;
        portfolio_state(ws)
    })
    .await
}

/// The portfolio's settings: periods, discount rate, bucket targets, the
/// slider threshold.
#[tauri::command]
pub async fn save_portfolio_settings(
    state: State<'_, AppState>,
    settings: PortfolioSettings,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, _| {
        ws.save_portfolio_settings(&settings)?;
        portfolio_state(ws)
    })
    .await
}

/// Initiatives from a pasted table: all or none.
#[tauri::command]
pub async fn import_initiatives(
    state: State<'_, AppState>,
    text: String,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, clock| {
        import_initiatives_text(ws, &text, clock)?;
        portfolio_state(ws)
    })
    .await
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViewName {
    Matrix,
    MatrixEcv,
    Allocation,
    Tracks,
}

/// One initiative's evidence gates and stopping rules over its readings,
/// drawn by the slide renderer, as a PNG data URL.
#[tauri::command]
pub async fn gates_view(
    state: State<'_, AppState>,
    initiative: String,
) -> Result<String, ApiError> {
    on_workspace(state, move |ws, _| gates_preview(ws, &initiative)).await
}

/// A view of the portfolio, drawn by the slide renderer, as a PNG data URL.
#[tauri::command]
pub async fn portfolio_view(
    state: State<'_, AppState>,
    view: ViewName,
) -> Result<String, ApiError> {
    let view = match view {
        ViewName::Matrix => PortfolioView::Matrix(ValueAxis::Npv),
        ViewName::MatrixEcv => PortfolioView::Matrix(ValueAxis::Ecv),
        ViewName::Allocation => PortfolioView::Allocation,
        ViewName::Tracks => PortfolioView::Tracks,
    };
    on_workspace(state, move |ws, _| view_preview(ws, view)).await
}

/// A portfolio view as an update's chart: today's figures, a title and
/// alt text to start from. The window puts it in the draft, which saves it.
#[tauri::command]
pub async fn portfolio_chart(
    state: State<'_, AppState>,
    view: ChartView,
) -> Result<throughline_core::ChartSpec, ApiError> {
    on_workspace(state, move |ws, _| {
        throughline_api::portfolio::portfolio_chart(ws, &view)
    })
    .await
}

/// "Refresh from portfolio": the chart's view with today's figures.
#[tauri::command]
pub async fn refresh_portfolio_chart(
    state: State<'_, AppState>,
    chart: throughline_core::ChartSpec,
) -> Result<throughline_core::ChartSpec, ApiError> {
    on_workspace(state, move |ws, _| {
        throughline_api::portfolio::refresh_portfolio_chart(ws, &chart)
    })
    .await
}

/// One reading of an initiative's metric: what its gates and stopping
/// rules are judged on.
#[tauri::command]
pub async fn add_initiative_reading(
    state: State<'_, AppState>,
    id: i64,
    metric: String,
    date: String,
    value: f64,
) -> Result<PortfolioState, ApiError> {
    on_workspace(state, move |ws, clock| {
        throughline_api::portfolio::add_initiative_reading(ws, id, (&metric, &date, value), clock)?;
        portfolio_state(ws)
    })
    .await
}

/// "Import file…": initiatives from a CSV or a spreadsheet the user picked
/// in the open dialog (the first sheet with a “name” column): all or none.
#[tauri::command]
pub async fn import_initiatives_file(
    state: State<'_, AppState>,
    grants: State<'_, crate::file_access::FileGrants>,
    path: String,
) -> Result<PortfolioState, ApiError> {
    let path = grants.check(&path, crate::file_access::FilePurpose::ChartData)?;
    on_workspace(state, move |ws, clock| {
        throughline_api::portfolio::import_initiatives_file(ws, &path, clock)?;
        portfolio_state(ws)
    })
    .await
}
