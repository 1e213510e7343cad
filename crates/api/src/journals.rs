//! Decision journals: the view the window shows, readings typed or imported,
//! the one-pager and Markdown for the team, a criterion's readings as a chart.

use std::path::Path;

use serde::{Deserialize, Serialize};
use throughline_core::journal::{
    current_head, diff, evaluate, parse_readings, to_markdown, weak_points, Evaluation,
    JournalBody, Reading, ReadingProblem,
};
use throughline_core::{CivilDate, DataRow, DataTable};
use throughline_render::Branding;
use throughline_store::{HistoryEvent, JournalId, StoredJournal, Workspace};
use ts_rs::TS;

use crate::files::{display_name, read_limited};
use crate::limits::MAX_DATA_FILE_BYTES;
use crate::{ApiError, Clock, ErrorCode};

/// A journal with what the view needs beside it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct JournalView {
    pub journal: StoredJournal,
    pub readings: Vec<Reading>,
    /// One per criterion, in the criteria's order.
    pub evaluations: Vec<Evaluation>,
    /// What the freeze confirmation lists: triggered criteria, anecdotes
    /// under high-importance assumptions, criteria without readings.
    pub weak_points: Vec<String>,
    /// What happened to the journal beside its revisions (an update that
    /// stopped backing it while a criterion was triggered), oldest first.
    pub events: Vec<HistoryEvent>,
}

pub fn view(workspace: &Workspace, id: JournalId) -> Result<JournalView, ApiError> {
    let journal = workspace.journal(id)?;
    let readings = workspace.readings(id)?;
    let evaluations = evaluations(&journal.body, &readings, workspace.today());
    let weak_points = weak_points(&journal.body, &readings, workspace.today());
    Ok(JournalView {
        weak_points,
        events: workspace.journal_events(id)?,
        journal,
        readings,
        evaluations,
    })
}

fn evaluations(body: &JournalBody, readings: &[Reading], today: CivilDate) -> Vec<Evaluation> {
    body.criteria
        .iter()
        .map(|c| evaluate(c, readings, today))
        .collect()
}

/// The name revisions are signed with: the one set in preferences, else the
/// OS user.
pub fn author(workspace: &Workspace) -> Result<String, ApiError> {
    Ok(workspace.author_name()?.unwrap_or_else(os_user))
}

fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "unknown author".into())
}

/// What a readings file held: the readings stored, and the rows refused.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReadingsImport {
    /// How many readings were stored (0 when the user must confirm first).
    pub imported: usize,
    /// Rows that could not be taken; with `accept_valid` false and some
    /// problems, nothing is stored and the user is asked.
    pub problems: Vec<ReadingProblem>,
    pub valid: usize,
    /// The journal as it now is.
    pub view: JournalView,
}

/// Reads a readings file (CSV/TSV/pasted table, as spreadsheets save it) for
/// journal `id` and stores its readings: all, or — with `accept_valid` — the
/// valid ones when some rows are wrong.
pub fn import_readings(
    workspace: &Workspace,
    id: JournalId,
    path: &Path,
    accept_valid: bool,
    clock: &dyn Clock,
) -> Result<ReadingsImport, ApiError> {
    let name = display_name(path);
    let bytes = read_limited(path, MAX_DATA_FILE_BYTES as u64, "a readings file")?;
    let text = throughline_core::table::decode_text_file(&bytes)
        .map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    // Readings in another unit than their criterion's are problems.
    let criteria = workspace.journal(id)?.body.criteria;
    let parsed = parse_readings(&text, clock.today(), &criteria)
        .map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    let valid = parsed.readings.len();
    let imported = if parsed.problems.is_empty() || accept_valid {
        workspace.add_readings(id, &parsed.readings)?
    } else {
        0
    };
    Ok(ReadingsImport {
        imported,
        problems: parsed.problems,
        valid,
        view: view(workspace, id)?,
    })
}

/// Corrects a reading (`Some(value)`) or removes it (`None`); on a frozen
/// journal, as a revision signed by the author with the reason given.
pub fn change_reading(
    workspace: &Workspace,
    id: JournalId,
    (metric, date): (&str, &str),
    value: Option<f64>,
    reason: &str,
    clock: &dyn Clock,
) -> Result<(), ApiError> {
    let date: CivilDate = date.trim().parse().map_err(|_| {
        ApiError::invalid(format!("“{}” is not a date: use YYYY-MM-DD", date.trim()))
    })?;
    workspace.change_reading(
        id,
        metric,
        date,
        value,
        &author(workspace)?,
        reason,
        clock.now_millis(),
    )?;
    Ok(())
}

/// One reading typed in by hand: a metric, a date no later than today, a number.
pub fn add_reading(
    workspace: &Workspace,
    id: JournalId,
    metric: &str,
    date: &str,
    value: f64,
    clock: &dyn Clock,
) -> Result<(), ApiError> {
    let reading = checked_reading(metric, date, value, clock)?;
    workspace.add_readings(id, &[reading])?;
    Ok(())
}

/// One reading typed in the window, a journal's or an initiative's: a
/// metric named, a number, a date that is not in the future.
pub(crate) fn checked_reading(
    metric: &str,
    date: &str,
    value: f64,
    clock: &dyn Clock,
) -> Result<Reading, ApiError> {
    if metric.trim().is_empty() {
        return Err(ApiError::invalid("say which metric the reading is of"));
    }
    if metric.chars().count() > 200 || throughline_core::text::has_bidi_control(metric) {
        return Err(ApiError::invalid(
            "the metric's name must be plain text of at most 200 characters",
        ));
    }
    if !value.is_finite() {
        return Err(ApiError::invalid("the reading must be a number"));
    }
    let date: CivilDate = date.trim().parse().map_err(|_| {
        ApiError::invalid(format!("“{}” is not a date: use YYYY-MM-DD", date.trim()))
    })?;
    if date > clock.today() {
        return Err(ApiError::invalid(format!(
            "{date} is in the future: a reading is something already measured"
        )));
    }
    Ok(Reading {
        metric: metric.trim().to_owned(),
        date,
        value,
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum JournalFormat {
    #[default]
    Md,
    Pdf,
    Png,
}

impl JournalFormat {
    pub fn extension(self) -> &'static str {
        match self {
            JournalFormat::Md => "md",
            JournalFormat::Pdf => "pdf",
            JournalFormat::Png => "png",
        }
    }
}

/// The journal for the team: Markdown for the channel or wiki, or a
/// one-page PDF/PNG drawn like the slides — each stamped with its latest
/// revision and hash. A journal whose history fails its check is refused.
pub fn export_journal(
    workspace: &Workspace,
    id: JournalId,
    format: JournalFormat,
    branding: &Branding,
) -> Result<Vec<u8>, ApiError> {
    let stamped = stamped_journal(workspace, id)?;
    if format == JournalFormat::Md {
        return Ok(to_markdown(
            &stamped.journal.body,
            &stamped.readings,
            stamped.revision,
            &stamped.hash,
            workspace.today(),
        )
        .into_bytes());
    }
    let svg = page_svg(workspace, &stamped, branding);
    match format {
        JournalFormat::Pdf => throughline_render::slides_to_pdf(&[svg]),
        _ => throughline_render::svg_to_png(&svg, 1.0, throughline_render::PngCompression::Small),
    }
    .map_err(ApiError::render)
}

/// A journal as it goes out: checked (a history that fails its check is
/// refused), with its readings and the number and hash of the revision it
/// reads as (the current head of a forked history).
struct Stamped {
    journal: throughline_store::StoredJournal,
    readings: Vec<Reading>,
    revision: u32,
    hash: String,
}

fn stamped_journal(workspace: &Workspace, id: JournalId) -> Result<Stamped, ApiError> {
    let journal = workspace.journal(id)?;
    if let Some(report) = &journal.tamper {
        return Err(ApiError::new(ErrorCode::Tampered, report.to_string()));
    }
    let readings = workspace.readings(id)?;
    let (revision, hash) = current_head(&journal.revisions)
        .map_or((0, "draft, not shared yet".to_owned()), |r| {
            (r.seq, r.hash.clone())
        });
    Ok(Stamped {
        journal,
        readings,
        revision,
        hash,
    })
}

fn page_svg(workspace: &Workspace, stamped: &Stamped, branding: &Branding) -> String {
    let body = &stamped.journal.body;
    let evaluations = evaluations(body, &stamped.readings, workspace.today());
    throughline_render::render_journal_svg(
        &throughline_render::JournalPage {
            body,
            evaluations: &evaluations,
            readings: &stamped.readings,
            revision: stamped.revision,
            hash: &stamped.hash,
        },
        &throughline_render::Theme::light(),
        branding,
    )
}

/// A journal's one-pager as SVG: stamped with its latest revision and
/// hash; a journal whose history fails its check is refused.
pub fn journal_page_svg(
    workspace: &Workspace,
    id: JournalId,
    branding: &Branding,
) -> Result<String, ApiError> {
    Ok(page_svg(
        workspace,
        &stamped_journal(workspace, id)?,
        branding,
    ))
}

/// What changed between two revisions (named by hash: in a forked history
/// two revisions share a number), line by line.
pub fn revision_diff(
    workspace: &Workspace,
    id: JournalId,
    from: &str,
    to: &str,
) -> Result<Vec<String>, ApiError> {
    let journal = workspace.journal(id)?;
    let find = |hash: &str| {
        journal
            .revisions
            .iter()
            .find(|r| r.hash == hash)
            .map(|r| r.body.clone())
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("this journal has no revision {hash}"),
                )
            })
    };
    Ok(diff(&find(from)?, &find(to)?))
}

/// The journal an update backs, and its triggered criteria (for the banner).
#[derive(Debug, Clone, Serialize, TS)]
pub struct UpdateJournal {
    #[ts(type = "number | null")]
    pub journal: Option<JournalId>,
    pub triggered: Vec<String>,
}

pub fn update_journal(
    workspace: &Workspace,
    update: throughline_core::UpdateId,
) -> Result<UpdateJournal, ApiError> {
    Ok(UpdateJournal {
        journal: workspace.linked_journal(update)?,
        triggered: workspace.triggered_for_update(update)?,
    })
}

/// A kill criterion's readings as chart data: the metric over time, the
/// threshold as a second line, and the decision date as the last row.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CriterionChart {
    pub table: DataTable,
    pub metric: String,
    pub unit: String,
}

pub fn criterion_chart(
    workspace: &Workspace,
    id: JournalId,
    index: usize,
) -> Result<CriterionChart, ApiError> {
    let journal = workspace.journal(id)?;
    let criterion = journal.body.criteria.get(index).ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotFound,
            format!("the journal has no kill criterion {}", index + 1),
        )
    })?;
    let metric = criterion.metric.trim();
    let mut own: Vec<Reading> = workspace
        .readings(id)?
        .into_iter()
        .filter(|r| r.metric.trim().to_lowercase() == metric.to_lowercase())
        .collect();
    own.sort_by_key(|r| r.date);
    let threshold_name = format!(
        "Kill threshold ({} {}{})",
        criterion.comparator.symbol(),
        criterion.threshold,
        criterion.unit
    );
    let mut rows: Vec<DataRow> = own
        .iter()
        .map(|r| DataRow {
            label: r.date.to_string(),
            values: vec![Some(r.value), Some(criterion.threshold)],
        })
        .collect();
    let by = criterion.by.trim();
    if own
        .last()
        .is_none_or(|last| by > last.date.to_string().as_str())
    {
        rows.push(DataRow {
            label: format!("{by} (decision)"),
            values: vec![None, Some(criterion.threshold)],
        });
    }
    Ok(CriterionChart {
        table: DataTable {
            header: vec!["Date".into(), metric.to_owned(), threshold_name],
            rows,
        },
        metric: metric.to_owned(),
        unit: criterion.unit.clone(),
    })
}
