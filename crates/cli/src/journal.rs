//! `journal status` and `journal readings`.

use serde::Serialize;
use throughline_core::journal::{parse_readings, CriterionStatus};
use throughline_core::CivilDate;

use crate::cli::{JournalCommand, JournalReadingsArgs, JournalStatusArgs, LintFormat};
use crate::commands::open_workspace;
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
    let workspace = open_workspace(args.workspace)?;
    let reports = workspace
        .criterion_reports()
        .map_err(|err| CliError::Workspace(err.to_string()))?;
    let mut tampered = Vec::new();
    for summary in workspace
        .list_journals()
        .map_err(|err| CliError::Workspace(err.to_string()))?
    {
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
    let input_error = |message: String| CliError::Input {
        path: args.csv.clone(),
        message,
    };
    let bytes = std::fs::read(&args.csv).map_err(|err| input_error(err.to_string()))?;
    let text = throughline_core::table::decode_text_file(&bytes)
        .map_err(|err| input_error(err.to_string()))?;
    let today = CivilDate::from_unix_millis(chrono::Utc::now().timestamp_millis());
    let workspace = open_workspace(args.workspace)?;
    let workspace_error = |err: throughline_store::StoreError| match err.code() {
        "invalid_input" | "not_found" => input_error(err.to_string()),
        _ => CliError::Workspace(err.to_string()),
    };
    // The journal's kill criteria: readings in another unit than theirs are problems.
    let criteria = workspace
        .journal(args.journal)
        .map_err(workspace_error)?
        .body
        .criteria;
    let parsed =
        parse_readings(&text, today, &criteria).map_err(|err| input_error(err.to_string()))?;
    for problem in &parsed.problems {
        eprintln!(
            "{}: row {}: {}",
            args.csv.display(),
            problem.row,
            problem.message
        );
    }
    if !parsed.problems.is_empty() && !args.accept_valid {
        return Err(input_error(format!(
            "{} row(s) cannot be read; nothing was imported (fix them, or pass --accept-valid to keep the {} valid reading(s))",
            parsed.problems.len(),
            parsed.readings.len()
        )));
    }
    let stored = workspace
        .add_readings(args.journal, &parsed.readings)
        .map_err(workspace_error)?;
    println!("imported {stored} reading(s) into journal {}", args.journal);
    Ok(OK)
}
