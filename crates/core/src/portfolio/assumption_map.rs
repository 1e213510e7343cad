//! The assumption map: every decision journal's assumptions placed by
//! importance (high, medium, low) and by the strength of their evidence
//! (anecdote → survey → cohort data → pilot). The important assumptions
//! backed by an anecdote or a survey are the ones to **test first**.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::snapshot::SnapshotError;
use crate::journal::{EvidenceLevel, Importance, JournalBody};
use crate::table::{csv_row, text_rows};

/// One assumption on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssumptionPoint {
    /// The journal's roadmap item.
    pub journal: String,
    pub statement: String,
    pub importance: Importance,
    pub evidence: EvidenceLevel,
}

impl AssumptionPoint {
    /// Important and not yet proven: test it first.
    pub fn test_first(&self) -> bool {
        self.importance == Importance::High
            && matches!(
                self.evidence,
                EvidenceLevel::Anecdote | EvidenceLevel::Survey
            )
    }
}

/// The assumptions of these journals, in their order.
pub fn assumption_points<'a>(
    journals: impl IntoIterator<Item = &'a JournalBody>,
) -> Vec<AssumptionPoint> {
    journals
        .into_iter()
        .flat_map(|body| {
            body.assumptions.iter().map(|a| AssumptionPoint {
                journal: body.item.trim().to_owned(),
                statement: a.statement.trim().to_owned(),
                importance: a.importance,
                evidence: a.evidence,
            })
        })
        .filter(|p| !p.statement.is_empty())
        .collect()
}

pub(crate) const MAP_HEADER: [&str; 4] = ["journal", "statement", "importance", "evidence"];

fn importance_text(i: Importance) -> &'static str {
    match i {
        Importance::High => "high",
        Importance::Medium => "medium",
        Importance::Low => "low",
    }
}

fn evidence_text(e: EvidenceLevel) -> &'static str {
    match e {
        EvidenceLevel::Anecdote => "anecdote",
        EvidenceLevel::Survey => "survey",
        EvidenceLevel::CohortData => "cohort-data",
        EvidenceLevel::Pilot => "pilot",
    }
}

pub(crate) fn map_csv(points: &[AssumptionPoint]) -> String {
    let mut out = csv_row(&MAP_HEADER.map(str::to_owned));
    for p in points {
        out.push_str(&csv_row(&[
            p.journal.clone(),
            p.statement.clone(),
            importance_text(p.importance).to_owned(),
            evidence_text(p.evidence).to_owned(),
        ]));
    }
    out
}

/// The map's rows from a story file.
pub fn parse_assumption_map(text: &str) -> Result<Vec<AssumptionPoint>, SnapshotError> {
    let table = text_rows(text)?;
    let mut rows = table.rows.into_iter();
    let header = rows.next().map(|(_, cells)| cells).unwrap_or_default();
    let matches = header.len() >= MAP_HEADER.len()
        && header
            .iter()
            .zip(MAP_HEADER)
            .all(|(cell, name)| cell.trim().eq_ignore_ascii_case(name));
    if !matches {
        return Err(SnapshotError::Header {
            expected: MAP_HEADER.join(","),
        });
    }
    let cell = |cells: &[String], i: usize| cells.get(i).map_or("", |c| c.trim()).to_owned();
    let problem = |row: usize, column: &'static str, problem: String| SnapshotError::Cell {
        row,
        column,
        problem,
    };
    let mut out = Vec::new();
    for (row, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let statement = cell(&cells, 1);
        if statement.is_empty() {
            return Err(problem(
                row,
                "statement",
                "every row states its assumption".into(),
            ));
        }
        let importance = match cell(&cells, 2).to_lowercase().as_str() {
            "high" => Importance::High,
            "medium" => Importance::Medium,
            "low" => Importance::Low,
            other => {
                return Err(problem(
                    row,
                    "importance",
                    format!("“{other}” is not high, medium or low"),
                ))
            }
        };
        let evidence = match cell(&cells, 3).to_lowercase().replace(' ', "-").as_str() {
            "anecdote" => EvidenceLevel::Anecdote,
            "survey" => EvidenceLevel::Survey,
            "cohort-data" => EvidenceLevel::CohortData,
            "pilot" => EvidenceLevel::Pilot,
            other => {
                return Err(problem(
                    row,
                    "evidence",
                    format!("“{other}” is not anecdote, survey, cohort-data or pilot"),
                ))
            }
        };
        out.push(AssumptionPoint {
            journal: cell(&cells, 0),
            statement,
            importance,
            evidence,
        });
    }
    Ok(out)
}
