//! The journal as the team reads it: Markdown for the channel or wiki,
//! assumptions by evidence level, alternatives, criteria with their status.

use super::evaluate::{evaluate, CriterionStatus};
use super::model::{Door, JournalBody};
use super::readings::Reading;

/// The journal as plain lines (what the diff compares).
pub fn lines(body: &JournalBody) -> Vec<String> {
    let mut out = vec![
        format!("Item: {}", body.item.trim()),
        format!("Owner: {}", body.owner.trim()),
        format!("Decision: {}", body.decision.trim()),
    ];
    for a in &body.assumptions {
        out.push(format!(
            "Assumption ({:?} importance, {}): {} — source: {}",
            a.importance,
            a.evidence.label(),
            a.statement.trim(),
            a.source.trim()
        ));
    }
    for alt in &body.alternatives {
        out.push(format!(
            "Alternative ({}): {} — irreversible: {}",
            door(alt.door),
            alt.path.trim(),
            alt.irreversibles.trim()
        ));
    }
    for c in &body.criteria {
        out.push(format!(
            "Kill criterion [{}]: {}",
            c.id.trim(),
            c.describe()
        ));
    }
    out
}

fn door(door: Door) -> &'static str {
    match door {
        Door::OneWay => "one-way door",
        Door::TwoWay => "two-way door",
    }
}

/// One line of Markdown text: no line breaks, Markdown's own characters escaped.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Markdown for the team channel or wiki. `revision` and `hash` identify
/// what was shared, so a later rewrite of the history is caught.
pub fn to_markdown(body: &JournalBody, readings: &[Reading], revision: u32, hash: &str) -> String {
    let mut md = format!("# Decision journal: {}\n\n", inline(&body.item));
    md.push_str(&format!(
        "**Owner:** {}  \n**Decision asked for:** {}\n\n",
        inline(&body.owner),
        inline(&body.decision)
    ));
    md.push_str("## Assumptions, strongest evidence first\n\n");
    let mut assumptions: Vec<_> = body.assumptions.iter().collect();
    assumptions.sort_by(|a, b| {
        b.evidence
            .cmp(&a.evidence)
            .then(a.importance.cmp(&b.importance))
    });
    if assumptions.is_empty() {
        md.push_str("_None listed._\n");
    }
    for a in assumptions {
        md.push_str(&format!(
            "- **{}** ({:?} importance): We believe that {}{}\n",
            a.evidence.label(),
            a.importance,
            inline(a.statement.trim().trim_start_matches("We believe that ")),
            if a.source.trim().is_empty() {
                String::new()
            } else {
                format!(" — source: {}", inline(&a.source))
            }
        ));
    }
    md.push_str("\n## Alternatives\n\n");
    for alt in &body.alternatives {
        md.push_str(&format!(
            "- {} ({}) — irreversible: {}\n",
            inline(&alt.path),
            door(alt.door),
            inline(&alt.irreversibles)
        ));
    }
    md.push_str("\n## Kill criteria\n\n| Criterion | Status | Latest reading |\n|---|---|---|\n");
    for c in &body.criteria {
        let e = evaluate(c, readings);
        let status = match e.status {
            CriterionStatus::Triggered => "**TRIGGERED**",
            CriterionStatus::AtRisk => "at risk",
            CriterionStatus::OnTrack => "on track",
            CriterionStatus::NoData => "no data yet",
        };
        let reading = match (e.reading, e.date) {
            (Some(v), Some(d)) => format!("{} on {d}", crate::table::format_number(v)),
            _ => "—".into(),
        };
        md.push_str(&format!(
            "| {} | {status} | {reading} |\n",
            inline(&c.describe())
        ));
    }
    md.push_str(&format!("\nRevision {revision} · `{hash}`\n"));
    md
}
