//! The journal as the team reads it: Markdown for the channel or wiki,
//! assumptions by evidence level, alternatives, criteria with their status.

use super::evaluate::{evaluate, CriterionStatus};
use super::model::{Door, JournalBody};
use super::readings::Reading;
use crate::CivilDate;

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

/// One line of Markdown text: no line breaks, and the characters Markdown
/// would read as markup escaped — only where they would be (a `<` before a
/// letter opens a tag, a `#` or `>` at the start makes a heading or a quote),
/// so "< 20%" stays readable in a plain-text channel.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::new();
    for (index, &c) in chars.iter().enumerate() {
        let next = chars.get(index + 1).copied();
        let markup = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => true,
            '<' => next.is_some_and(|n| n.is_alphabetic() || matches!(n, '/' | '!' | '?')),
            '#' | '>' => index == 0,
            _ => false,
        };
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            _ if markup => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// "Trial teams invite…" reads on after "We believe that" as "trial teams
/// invite…"; a statement that already says "We believe that" keeps it once.
fn belief(statement: &str) -> String {
    let rest = statement
        .trim()
        .trim_start_matches("We believe that ")
        .trim_start_matches("we believe that ");
    let mut chars = rest.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => rest.to_owned(),
    }
}

/// Markdown for the team channel or wiki. `revision` and `hash` identify
/// what was shared, so a later rewrite of the history is caught.
/// The journal as Markdown to send; its criteria judged on `today`.
pub fn to_markdown(
    body: &JournalBody,
    readings: &[Reading],
    revision: u32,
    hash: &str,
    today: CivilDate,
) -> String {
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
            inline(&belief(&a.statement)),
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
        let e = evaluate(c, readings, today);
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
