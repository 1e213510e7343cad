//! `journal status` and `journal readings`.

use serde::Serialize;
use throughline_api::journals::import_readings;
use throughline_api::{ApiError, SystemClock};
use throughline_core::journal::CriterionStatus;

use crate::cli::{JournalCommand, JournalReadingsArgs, JournalStatusArgs, LintFormat};
use crate::commands::{open_workspace, open_workspace_to_read};
use crate::error::{CliError, FOUND, OK};

pub fn run(command: JournalCommand) -> Result<u8, CliError> {
    match command {
        JournalCommand::Status(args) => status(args),
        JournalCommand::Readings(args) => readings(args),
    }
}

#[derive(Serialize)]
struct StatusReport {
    criteria: Vec<CriterionJson>,
}

#[derive(Serialize)]
struct CriterionJson {
    journal: String,
    criterion: String,
    status: &'static str,
    reading: Option<f64>,
    date: Option<String>,
}

fn status(args: JournalStatusArgs) -> Result<u8, CliError> {
    let workspace = open_workspace_to_read(args.workspace)?;
    let store_error = |err: throughline_store::StoreError| CliError::Api(err.into());
    let reports = workspace.criterion_reports().map_err(store_error)?;
    let mut tampered = Vec::new();
    for summary in workspace.list_journals().map_err(store_error)? {
        if let Ok(journal) = workspace.journal(summary.id) {
            if let Some(report) = journal.tamper {
                tampered.push(format!(
                    "{} (journal {}): {report}",
                    summary.item, summary.id
                ));
            }
        }
    }
    match args.format {
        LintFormat::Json => {
            let report = StatusReport {
                criteria: reports
                    .iter()
                    .map(|r| CriterionJson {
                        journal: r.journal.clone(),
                        criterion: r.criterion.clone(),
                        status: r.evaluation.status.as_str(),
                        reading: r.evaluation.reading,
                        date: r.evaluation.date.map(|d| d.to_string()),
                    })
                    .collect(),
            };
            println!(
                "{}",
                serde_json::to_string(&report).unwrap_or_else(|_| "{}".into())
            );
        }
        LintFormat::Text => {
            if reports.is_empty() {
                println!("no kill criteria in this workspace");
            }
            for r in &reports {
                println!(
                    "{:<10} {} [{}] {} — {}",
                    r.evaluation.status.as_str(),
                    r.journal,
                    r.criterion,
                    r.description,
                    r.evaluation.reason
                );
            }
        }
    }
    for line in &tampered {
        eprintln!("throughline: {line}");
    }
    let triggered = reports
        .iter()
        .any(|r| r.evaluation.status == CriterionStatus::Triggered);
    Ok(if triggered || !tampered.is_empty() {
        FOUND
    } else {
        OK
    })
}

fn readings(args: JournalReadingsArgs) -> Result<u8, CliError> {
    let workspace = open_workspace(args.workspace)?;
    let clock = SystemClock::from_env();
    let done = import_readings(
        &workspace,
        args.journal,
        &args.csv,
        args.accept_valid,
        &clock,
    )
    .map_err(|err| CliError::input(&args.csv, err))?;
    for problem in &done.problems {
        eprintln!(
            "{}: row {}: {}",
            args.csv.display(),
            problem.row,
            problem.message
        );
    }
    if !done.problems.is_empty() && !args.accept_valid {
        return Err(CliError::Api(ApiError::invalid(format!(
            "{}: {} row(s) cannot be read; nothing was imported (fix them, or pass --accept-valid to keep the {} valid reading(s))",
            args.csv.display(),
            done.problems.len(),
            done.valid
        ))));
    }
    println!(
        "imported {} reading(s) into journal {}",
        done.imported, args.journal
    );
    Ok(OK)
}
