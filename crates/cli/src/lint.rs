//! `lint`: the story coach on a story file.

use serde::Serialize;
use throughline_core::coach::{Finding, Review};

use crate::cli::{LintArgs, LintFormat};
use crate::error::{CliError, FOUND, OK};
use throughline_api::coach::review_story;
use throughline_api::stories::read_story;

/// The JSON report: exactly these keys.
#[derive(Serialize)]
struct Report<'a> {
    score: u8,
    ready: bool,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'static str,
    beat: Option<&'static str>,
    message: &'a str,
    span: Option<[usize; 2]>,
}

pub fn lint(args: LintArgs) -> Result<u8, CliError> {
    let story = read_story(&args.story).map_err(|err| CliError::input(&args.story, err))?;
    let review = review_story(&story.fields);
    match args.format {
        LintFormat::Json => println!("{}", json(&review)),
        LintFormat::Text => print!("{}", text(&args.story.display().to_string(), &review)),
    }
    Ok(if review.ready { OK } else { FOUND })
}

fn json(review: &Review) -> String {
    let report = Report {
        score: review.score,
        ready: review.ready,
        findings: review
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: &f.rule,
                severity: f.severity.as_str(),
                beat: f.beat.map(|b| b.as_str()),
                message: &f.message,
                span: f.span,
            })
            .collect(),
    };
    serde_json::to_string(&report).unwrap_or_else(|_| "{}".into())
}

fn text(name: &str, review: &Review) -> String {
    let errors = count(review, "error");
    let mut out = format!(
        "{name}: score {}, {} ({errors} error{}, {} warning{}, {} tip{})\n",
        review.score,
        if review.ready { "ready" } else { "not ready" },
        plural(errors),
        count(review, "warning"),
        plural(count(review, "warning")),
        count(review, "info"),
        plural(count(review, "info")),
    );
    for finding in &review.findings {
        out.push_str(&line(finding));
    }
    out
}

fn line(finding: &Finding) -> String {
    let place = match (finding.beat, finding.span) {
        (Some(beat), Some([start, end])) => format!("{} {start}-{end}", beat.as_str()),
        (Some(beat), None) => beat.as_str().to_owned(),
        (None, _) => "story".to_owned(),
    };
    format!(
        "  {:<8} {:<18} {:<32} {}\n",
        finding.severity.as_str(),
        place,
        finding.rule,
        finding.message
    )
}

fn count(review: &Review, severity: &str) -> usize {
    review
        .findings
        .iter()
        .filter(|f| f.severity.as_str() == severity)
        .count()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
