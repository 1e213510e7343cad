//! The read-ahead memo's content, in reading order: what the executive who
//! reads before the meeting gets — the story in full sentences, the
//! evidence with its source, sample and interval, the chart, the other
//! sections, the linked journal's assumptions and kill criteria. The PDF
//! (the renderer) and the Markdown (here) are written from these parts.

use crate::coach::significance;
use crate::journal::{Importance, JournalBody};
use crate::{Evidence, UpdateFields};

#[derive(Debug, Clone, PartialEq)]
pub enum MemoPart {
    Title(String),
    /// Who it is for, its date, the priority it serves.
    Meta(String),
    Heading(String),
    Text(String),
    /// A beat not written yet.
    Missing,
    /// The evidence's figure or quote, set off.
    Figure(String),
    /// Small print: a source line, the significance interval.
    Note(String),
    /// The update's chart.
    Chart,
}

fn metric_comparison(baseline: &str, window: &str) -> String {
    let detail: Vec<&str> = [baseline.trim(), window.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if detail.is_empty() {
        String::new()
    } else {
        format!("vs {}", detail.join(" · "))
    }
}

pub fn memo_parts(fields: &UpdateFields, journal: Option<&JournalBody>) -> Vec<MemoPart> {
    let mut out = Vec::new();
    let title = fields.title.trim();
    out.push(MemoPart::Title(if title.is_empty() {
        "Untitled update".to_owned()
    } else {
        title.to_owned()
    }));
    let meta: Vec<String> = [
        (fields.audience.trim(), "For "),
        (fields.date.trim(), ""),
        (fields.priority.trim(), "Serves "),
    ]
    .into_iter()
    .filter(|(t, _)| !t.is_empty())
    .map(|(t, label)| format!("{label}{t}"))
    .collect();
    if !meta.is_empty() {
        out.push(MemoPart::Meta(meta.join(" · ")));
    }
    for (name, body) in [
        ("Context", &fields.beats.context),
        ("Conflict", &fields.beats.conflict),
        ("Resolution", &fields.beats.resolution),
        ("Evidence", &fields.beats.evidence),
    ] {
        out.push(MemoPart::Heading(name.to_owned()));
        let body = body.trim();
        out.push(if body.is_empty() {
            MemoPart::Missing
        } else {
            MemoPart::Text(body.to_owned())
        });
        if name != "Evidence" {
            continue;
        }
        match &fields.evidence {
            Evidence::Metric(m) if !m.value.trim().is_empty() => {
                let line = format!(
                    "{} {} {}",
                    m.value.trim(),
                    m.unit.trim(),
                    metric_comparison(&m.baseline, &m.window)
                );
                out.push(MemoPart::Figure(
                    line.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
                let source: Vec<String> =
                    [(m.source.trim(), "Source: "), (m.sample.trim(), "n = ")]
                        .into_iter()
                        .filter(|(t, _)| !t.is_empty())
                        .map(|(t, label)| format!("{label}{t}"))
                        .collect();
                if !source.is_empty() {
                    out.push(MemoPart::Note(source.join(" · ")));
                }
            }
            Evidence::Quote(q) if !q.text.trim().is_empty() => {
                let who = [q.who.trim(), q.when.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(MemoPart::Figure(format!("“{}” — {who}", q.text.trim())));
            }
            _ => {}
        }
        if let Some(note) = significance::slide_note(fields) {
            out.push(MemoPart::Note(note));
        }
        if fields.chart.is_some() {
            out.push(MemoPart::Chart);
        }
    }
    for section in &fields.other.sections {
        if section.body.trim().is_empty() {
            continue;
        }
        let heading = section.heading.trim();
        out.push(MemoPart::Heading(if heading.is_empty() {
            "Also".into()
        } else {
            heading.to_owned()
        }));
        out.push(MemoPart::Text(section.body.trim().to_owned()));
    }
    if let Some(journal) = journal {
        out.push(MemoPart::Heading(format!(
            "Decision journal: {}",
            journal.item.trim()
        )));
        if !journal.decision.trim().is_empty() {
            out.push(MemoPart::Text(journal.decision.trim().to_owned()));
        }
        for a in &journal.assumptions {
            let importance = match a.importance {
                Importance::High => "high",
                Importance::Medium => "medium",
                Importance::Low => "low",
            };
            out.push(MemoPart::Text(format!(
                "Assumption: {} ({importance} importance; evidence: {})",
                a.statement.trim(),
                a.evidence.label()
            )));
        }
        for c in &journal.criteria {
            out.push(MemoPart::Text(format!("Kill criterion: {}", c.describe())));
        }
    }
    out
}

/// The memo as Markdown, for the channel or the wiki.
pub fn memo_markdown(fields: &UpdateFields, journal: Option<&JournalBody>) -> String {
    let mut out = String::new();
    for part in memo_parts(fields, journal) {
        match part {
            MemoPart::Title(t) => out.push_str(&format!("# {t}\n\n")),
            MemoPart::Meta(t) => out.push_str(&format!("*{t}*\n\n")),
            MemoPart::Heading(t) => out.push_str(&format!("## {t}\n\n")),
            MemoPart::Text(t) => out.push_str(&format!("{t}\n\n")),
            MemoPart::Missing => out.push_str("*Not written yet.*\n\n"),
            MemoPart::Figure(t) => out.push_str(&format!("**{t}**\n\n")),
            MemoPart::Note(t) => out.push_str(&format!("_{t}_\n\n")),
            MemoPart::Chart => {
                if let Some(chart) = &fields.chart {
                    let alt = [chart.alt.trim(), chart.title.trim()]
                        .into_iter()
                        .find(|t| !t.is_empty())
                        .unwrap_or("The chart");
                    out.push_str(&format!("> Chart: {alt}\n\n"));
                }
            }
        }
    }
    out.trim_end().to_owned() + "\n"
}
