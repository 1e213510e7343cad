//! A story as a Markdown file, for import, export, the command line and
//! tests.
//!
//! ````text
//! ---
//! title: Checklist lifts week-one activation by 9 points
//! audience: Exec staff
//! priority: Net revenue retention
//! status: draft
//! date: 2026-11-23
//! owner: growth-squad
//! ---
//!
//! ## Context
//!
//! Two competitors now bundle guided onboarding…
//!
//! ## Conflict
//! …
//! ## Resolution
//! …
//! ## Evidence
//!
//! Six-week A/B test across 3,920 new workspaces…
//!
//! ```metric
//! value: 41%
//! unit: week-one activation
//! baseline: 32% without the checklist
//! window: 6 weeks, Oct–Nov
//! ```
//!
//! ```chart
//! kind: before-after
//! title: Activation rose 9 points with the checklist
//! highlight: With checklist
//! unit: %
//!
//! Group,Activation
//! Without checklist,32
//! With checklist,41
//! ```
//!
//! ## Risks
//!
//! Any other section is kept as written.
//! ````
//!
//! How it is read ([`parse_story`]):
//! - A UTF-8 byte-order mark is dropped and CRLF or CR line ends read as LF.
//! - **Front matter** (optional): from a first non-blank line `---` to the
//!   next `---` line, one `key: value` per line (blank lines and `#`
//!   comments skipped). A value is raw (trimmed) or double-quoted with
//!   `\"`, `\\`, `\n`, `\r` and `\t` escapes. Known keys, in any case:
//!   `title`, `audience`, `priority`, `status` (`draft` | `ready`; empty is
//!   draft), `date` (YYYY-MM-DD or empty). Other keys are kept in order.
//! - **Sections** start at `## Heading` lines outside code fences (up to
//!   three spaces before, an optional closing `#` run; `##` without text is
//!   not a heading). `Context`, `Conflict`, `Resolution` and `Evidence`
//!   (any case, any order, each at most once) are the beats; a missing beat
//!   is empty. A beat with no heading of its own name takes the first
//!   section named the way other drafts name it — Situation, Background;
//!   Complication, Problem, Challenge, Tension; Recommendation, Proposal,
//!   Decision, Ask, Next steps, Plan, Solution, Bottom line, BLUF, TL;DR,
//!   Action items, Remediation, What we will do; Data, Results, Proof,
//!   Metrics — numbering before it and a colon after it aside. Other
//!   sections are kept in order. Text before the first heading is kept as a
//!   section with an empty heading, first in [`Story::extra_sections`]. An
//!   update keeps them all ([`crate::OtherParts`]).
//! - A file with no `##` heading whose `###` headings name beats uses `###`
//!   for its sections. A file whose headings name no beat may label them:
//!   a line `Context: …`, `**Situation:** …` or `__Data__: …` opens that
//!   beat: the first line labelled with the beat's own name, else the first
//!   with another of its names ("Bottom line:" opens the resolution only
//!   where no line says "Resolution:"); later ones are text.
//! - **Title**: without one in the front matter, a `# Title` or `Title: …`
//!   line that opens the text is the title.
//! - A section's text loses its leading and trailing blank lines; the rest is
//!   kept exactly, except that a backslash before a line that would
//!   otherwise be a heading (`\## Resolution`, `\---` under a line of text,
//!   `\\## x` for a text line `\## x`) comes off: that is how such lines are
//!   written.
//! - **Code fences** of three or more backticks or tildes hide headings; a
//!   fence that never closes is an error.
//! - **Evidence details**: one fenced block `metric` (keys `value`, `unit`,
//!   `baseline`, `window`) or `quote` (keys `text`, `who`, `when`) inside
//!   `## Evidence` becomes [`UpdateFields::evidence`](crate::UpdateFields);
//!   the prose around it is the evidence beat.
//! - **Chart**: one fenced block `chart` anywhere: `key: value` lines
//!   (`kind`, `title`, `alt`, `highlight`, `unit`), a blank line, then the
//!   data as [`parse_table`](crate::table::parse_table) reads it. Without a
//!   `kind` the kind is inferred ([`infer_kind`](crate::table::infer_kind)).
//!   `highlight` must name a series or a category (a match that differs
//!   only in case is corrected).
//! - Without a chart block, the first Markdown pipe table in the evidence
//!   (outside code fences) that reads as chart data is the chart (kind
//!   inferred; `%` when every value column is written with `%`) and leaves
//!   the prose; a table of words stays text.
//! - Taking a block out of its section leaves one blank line where it was.
//!
//! - The bidi embedding and override controls (U+202A–U+202E) are removed
//!   everywhere ([`crate::text`]); isolates and marks are kept.
//!
//! How it is written: [`to_markdown`]. A text line that Markdown would read
//! as a heading (`## Resolution`, `# x`, a `---` or `===` under a line of
//! text) gets a backslash before it, after its indent; so does a line that
//! is one of those behind backslashes. Lines in code fences are written as
//! they are.

mod error;
mod escape;
mod export;
mod parse;
mod value;

use serde::{Deserialize, Serialize};

use crate::{Beat, ChartSpec, OtherParts, Status, UpdateFields};

pub use error::StoryError;
pub use export::to_markdown;
pub(crate) use parse::beat_named;
pub use parse::{parse_story, parse_story_mapped, Reading};

pub use crate::update::ExtraSection;

/// Everything a story file holds.
///
/// `parse_story(&to_markdown(&story)) == Ok(story)` holds for every story
/// that [`parse_story`] returns, and for stories built in code whose texts
/// could have been read: single-line headings, sections without blank lines
/// at their ends or unclosed fences outside code blocks (heading lines are
/// fine: they are escaped), table labels trimmed and without CR, no bidi
/// embedding or override controls, and a `highlight` that names a series
/// or category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub fields: UpdateFields,
    pub status: Status,
    pub chart: Option<ChartSpec>,
    /// Front-matter keys the app does not know, with their values, in order.
    pub extra_front_matter: Vec<(String, String)>,
    /// Sections other than the beats, in order.
    pub extra_sections: Vec<ExtraSection>,
}

impl Story {
    /// The story of a stored update (its chart moved to [`Story::chart`],
    /// its other sections and front-matter keys to the story's own).
    pub fn from_update_fields(fields: &UpdateFields, status: Status) -> Self {
        let mut fields = fields.clone();
        let chart = fields.chart.take();
        let other = std::mem::take(&mut fields.other);
        Story {
            fields,
            status,
            chart,
            extra_front_matter: other.front_matter,
            extra_sections: other.sections,
        }
    }

    /// The fields to store for this story, the chart, other sections and
    /// unknown front-matter keys included, without bidi overrides
    /// ([`UpdateFields::without_bidi_overrides`]).
    pub fn update_fields(&self) -> UpdateFields {
        UpdateFields {
            chart: self.chart.clone(),
            other: kept_parts(&self.extra_sections, &self.extra_front_matter),
            ..self.fields.clone()
        }
        .without_bidi_overrides()
    }
}

/// A draft's other sections and keys as an update keeps them: within
/// [`crate::MAX_OTHER_PARTS`], the sections past it folded into the last
/// one kept (their headings as text), so a long draft still imports whole.
fn kept_parts(sections: &[ExtraSection], front_matter: &[(String, String)]) -> OtherParts {
    let max = crate::MAX_OTHER_PARTS;
    let mut front_matter: Vec<(String, String)> = front_matter.to_vec();
    let mut folded_keys = Vec::new();
    if front_matter.len() > max / 2 {
        folded_keys = front_matter.split_off(max / 2);
    }
    let mut kept: Vec<ExtraSection> = sections
        .iter()
        .filter(|s| !s.heading.trim().is_empty() || !s.body.trim().is_empty())
        .cloned()
        .collect();
    if !folded_keys.is_empty() {
        kept.push(ExtraSection {
            heading: "Other front matter".into(),
            body: folded_keys
                .iter()
                .map(|(key, value)| format!("{key}: {value}"))
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    let room = max - front_matter.len();
    if kept.len() > room {
        let rest = kept.split_off(room - 1);
        let folded = rest
            .iter()
            .map(|s| match s.heading.trim() {
                "" => s.body.clone(),
                heading => format!("{heading}\n\n{}", s.body),
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        kept.push(ExtraSection {
            heading: "More sections".into(),
            body: folded,
        });
    }
    OtherParts {
        sections: kept,
        front_matter,
    }
}

/// What reading a draft made of it, one line each for the user: the
/// headings or labels read as a beat under another name, the sections kept
/// as other sections, then the measures its chart leaves out for their
/// units. Empty for a story in the app's own form.
pub fn mapping_notes(story: &Story, reading: &Reading) -> Vec<String> {
    let mut notes: Vec<String> = reading
        .renamed
        .iter()
        .map(|(heading, beat)| match heading.as_str() {
            "" => format!(
                "the text before the first heading read as the {}",
                beat.name()
            ),
            _ => format!("“{heading}” read as the {}", beat.name()),
        })
        .collect();
    let kept: Vec<String> = story
        .extra_sections
        .iter()
        .filter(|section| !section.body.trim().is_empty() || !section.heading.trim().is_empty())
        .map(|section| match section.heading.trim() {
            "" => "the text before the first heading".to_owned(),
            heading => format!("“{heading}”"),
        })
        .collect();
    if !kept.is_empty() {
        notes.push(format!("kept as other sections: {}", kept.join(", ")));
    }
    if !reading.left_out_of_chart.is_empty() {
        // Each name once, with how many columns or rows bear it.
        let mut counted: Vec<(&str, usize)> = Vec::new();
        for name in &reading.left_out_of_chart {
            match counted.iter_mut().find(|(seen, _)| *seen == name.as_str()) {
                Some((_, count)) => *count += 1,
                None => counted.push((name, 1)),
            }
        }
        let names: Vec<String> = counted
            .iter()
            .map(|(name, count)| match count {
                1 => format!("“{name}”"),
                _ => format!("“{name}” ({count} times)"),
            })
            .collect();
        notes.push(format!(
            "kept as a table in the text, not in the chart (other units, or changes the chart works out): {}",
            names.join(", ")
        ));
    }
    notes
}

/// The heading a beat is written with.
fn beat_heading(beat: Beat) -> &'static str {
    match beat {
        Beat::Context => "Context",
        Beat::Conflict => "Conflict",
        Beat::Resolution => "Resolution",
        Beat::Evidence => "Evidence",
    }
}

#[cfg(test)]
mod tests;
