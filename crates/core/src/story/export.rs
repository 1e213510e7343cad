//! Writing a story in its one canonical form.

use crate::chart_reading::Better;
use crate::table::to_csv;
use crate::{Beat, ChartSpec, Evidence};

use super::escape::escape_lines;
use super::parse::trim_blank_lines;
use super::value::write_value;
use super::{beat_heading, Story};

fn push_key(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(": ");
    write_value(out, value);
    out.push('\n');
}

/// Prose as the file holds it: LF line ends, no blank lines at the ends,
/// and a backslash before each line Markdown would read as a heading
/// ([`escape_lines`]), which the parser takes off again.
fn canonical_prose(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    escape_lines(trim_blank_lines(&lines))
}

/// Adds a part of a section after a blank line.
fn push_part(out: &mut String, part: &str) {
    if !part.is_empty() {
        out.push('\n');
        out.push_str(part);
        if !part.ends_with('\n') {
            out.push('\n');
        }
    }
}

fn evidence_block(evidence: &Evidence) -> String {
    let (name, keys): (&str, Vec<(&str, &str)>) = match evidence {
        Evidence::None => return String::new(),
        Evidence::Metric(m) => (
            "metric",
            vec![
                ("value", &m.value),
                ("unit", &m.unit),
                ("baseline", &m.baseline),
                ("window", &m.window),
                ("source", &m.source),
                ("sample", &m.sample),
            ],
        ),
        Evidence::Quote(q) => (
            "quote",
            vec![("text", &q.text), ("who", &q.who), ("when", &q.when)],
        ),
    };
    let mut out = format!("```{name}\n");
    for (key, value) in keys.into_iter().filter(|(_, v)| !v.is_empty()) {
        push_key(&mut out, key, value);
    }
    out.push_str("```\n");
    out
}

/// A fence longer than any run of backticks that starts a line of `content`,
/// so that no line of it closes the block.
fn fence_for(content: &str) -> String {
    let longest = content
        .split('\n')
        .map(|line| {
            line.trim_start_matches(' ')
                .chars()
                .take_while(|&c| c == '`')
                .count()
        })
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

fn chart_block(chart: &ChartSpec) -> String {
    let mut keys = String::new();
    push_key(&mut keys, "kind", chart.kind.as_str());
    let optional = [
        ("title", chart.title.as_str()),
        ("alt", chart.alt.as_str()),
        ("highlight", chart.highlight.as_deref().unwrap_or("")),
        ("unit", chart.unit.as_deref().unwrap_or("")),
        ("better", chart.better.map_or("", Better::as_str)),
    ];
    for (key, value) in optional.into_iter().filter(|(_, v)| !v.is_empty()) {
        push_key(&mut keys, key, value);
    }
    let data = match &chart.portfolio {
        Some(snapshot) => {
            push_key(&mut keys, "as-of", &snapshot.as_of.to_string());
            match (&snapshot.tracker, &snapshot.assumptions) {
                (Some(tracker), _) => push_key(&mut keys, "initiative", &tracker.initiative),
                (None, Some(_)) => {}
                (None, None) => {
                    let t = snapshot.targets;
                    push_key(&mut keys, "value", snapshot.value.as_str());
                    push_key(
                        &mut keys,
                        "targets",
                        &format!("{}/{}/{}", t.core, t.adjacent, t.transformational),
                    );
                    let lines = [
                        ("fit-line", snapshot.quadrant_fit),
                        ("value-line", snapshot.quadrant_value),
                    ];
                    for (key, value) in lines {
                        if let Some(value) = value {
                            push_key(&mut keys, key, &value.to_string());
                        }
                    }
                }
            }
            snapshot.rows_csv()
        }
        None => to_csv(&chart.data),
    };
    let fence = fence_for(&data);
    format!("{fence}chart\n{keys}\n{data}{fence}\n")
}

/// Writes a story in its canonical form: the front matter with every known
/// key in a fixed order (then the unknown keys as they came), the text
/// before the first heading if any, the four beats in story order (the
/// evidence's metric or quote block and then the chart block inside
/// `## Evidence`, after its prose), then the other sections. Parts are
/// separated by one blank line and the file ends with a line end.
///
/// Reading the result with [`parse_story`](super::parse_story) gives the
/// same story back, and writing that again gives the same bytes.
pub fn to_markdown(story: &Story) -> String {
    let fields = &story.fields;
    let mut out = String::from("---\n");
    push_key(&mut out, "title", &fields.title);
    push_key(&mut out, "audience", &fields.audience);
    push_key(&mut out, "priority", &fields.priority);
    push_key(&mut out, "status", story.status.as_str());
    push_key(&mut out, "date", &fields.date);
    if let Some(template) = fields.template {
        push_key(&mut out, "template", template.as_str());
    }
    for (key, value) in &story.extra_front_matter {
        push_key(&mut out, key, value);
    }
    out.push_str("---\n");

    for section in story
        .extra_sections
        .iter()
        .filter(|s| s.heading.trim().is_empty())
    {
        push_part(&mut out, &canonical_prose(&section.body));
    }
    for beat in Beat::ALL {
        out.push_str("\n## ");
        out.push_str(beat_heading(beat));
        out.push('\n');
        push_part(&mut out, &canonical_prose(fields.beats.text(beat)));
        if beat == Beat::Evidence {
            push_part(&mut out, &evidence_block(&fields.evidence));
            if let Some(chart) = &story.chart {
                push_part(&mut out, &chart_block(chart));
            }
        }
    }
    if !fields.notes.trim().is_empty() {
        out.push_str("\n## Notes\n");
        push_part(&mut out, &canonical_prose(&fields.notes));
    }
    for section in story
        .extra_sections
        .iter()
        .filter(|s| !s.heading.trim().is_empty())
    {
        let heading = section.heading.trim().replace(['\n', '\r'], " ");
        out.push_str("\n## ");
        out.push_str(&heading);
        // A heading that ends in `#` would lose it as a closing sequence on
        // import ("## #" is an empty heading): close it explicitly.
        if heading.ends_with('#') {
            out.push_str(" ##");
        }
        out.push('\n');
        push_part(&mut out, &canonical_prose(&section.body));
    }
    out
}
