//! `audit` and `new --template`.

use serde::Serialize;
use throughline_api::audit::audit_view;
use throughline_api::{Clock, SystemClock};
use throughline_core::template::TemplateId;

use crate::cli::{AuditArgs, LintFormat, NewArgs, TemplateName};
use crate::commands::open_workspace_to_read;
use crate::error::{CliError, FOUND, OK};

/// The JSON the audit prints: the contract in `--help`.
#[derive(Serialize)]
struct AuditJson<'a> {
    buckets: Vec<BucketJson<'a>>,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Serialize)]
struct BucketJson<'a> {
    bucket: &'static str,
    conflict: bool,
    why: &'a str,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    question: &'a str,
    answer: &'a str,
    fact: bool,
}

pub fn audit(args: AuditArgs) -> Result<u8, CliError> {
    let workspace = open_workspace_to_read(args.workspace)?;
    let view = audit_view(&workspace, args.id).map_err(CliError::Api)?;
    let diagnosis = &view.diagnosis;
    match args.format {
        LintFormat::Json => {
            let json = AuditJson {
                buckets: diagnosis
                    .buckets
                    .iter()
                    .map(|b| BucketJson {
                        bucket: b.bucket.as_str(),
                        conflict: b.conflict,
                        why: &b.why,
                    })
                    .collect(),
                questions: diagnosis
                    .questions
                    .iter()
                    .map(|q| QuestionJson {
                        question: &q.question,
                        answer: &q.answer,
                        fact: q.fact,
                    })
                    .collect(),
            };
            println!(
                "{}",
                serde_json::to_string(&json).unwrap_or_else(|_| "{}".into())
            );
        }
        LintFormat::Text => {
            for bucket in &diagnosis.buckets {
                let mark = if bucket.conflict { "CONFLICT" } else { "ok" };
                println!("{mark:<8} {:<13} {}", bucket.bucket.label(), bucket.why);
                if bucket.conflict {
                    println!("         playbook: {}", bucket.bucket.playbook());
                }
            }
            println!();
            for question in &diagnosis.questions {
                let mark = match (question.fact, question.yes) {
                    (false, _) => "open",
                    (true, true) => "yes",
                    (true, false) => "no",
                };
                println!("{mark:<4} {}\n     {}", question.question, question.answer);
            }
            if !view.orphans.is_empty() {
                println!(
                    "\nOutside the strategy cascade: {}",
                    view.orphans.join(", ")
                );
            }
        }
    }
    Ok(if diagnosis.needs_action() { FOUND } else { OK })
}

pub fn new(args: NewArgs) -> Result<u8, CliError> {
    let id = match args.template {
        TemplateName::WeeklyUpdate => TemplateId::WeeklyUpdate,
        TemplateName::GoNoGo => TemplateId::GoNoGo,
        TemplateName::Qbr => TemplateId::Qbr,
        TemplateName::IncidentSummary => TemplateId::IncidentSummary,
    };
    let today = SystemClock::from_env().today();
    let text = id.template().skeleton(&today.to_string());
    match args.out {
        None => print!("{text}"),
        Some(out) => {
            if out.exists() {
                return Err(CliError::Usage(format!(
                    "{} already exists: choose another name (it is not replaced)",
                    out.display()
                )));
            }
            throughline_api::files::write_atomically(&out, text.as_bytes())
                .map_err(|err| CliError::write(&out, err))?;
            println!("wrote {}", out.display());
        }
    }
    Ok(OK)
}
