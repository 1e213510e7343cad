//! Reading a story file.

use crate::chart_reading::Better;
use crate::table::{infer_kind, is_pipe_table, normalize, parse_table, stated_unit};
use crate::{
    Beat, ChartKind, ChartSpec, CivilDate, DataTable, Evidence, MetricEvidence, QuoteEvidence,
    Status,
};

use super::escape::unescape_lines;
use super::value::{parse_value, ValueError};
use super::{beat_heading, ExtraSection, Story, StoryError};

const FRONT_MATTER: &str = "front matter";
const CHART_BLOCK: &str = "chart block";
const CHART_KEYS: [&str; 12] = [
    "kind",
    "title",
    "alt",
    "highlight",
    "unit",
    "better",
    "as-of",
    "value",
    "targets",
    "initiative",
    "fit-line",
    "value-line",
];
/// The keys only a portfolio chart has (indices into [`CHART_KEYS`]).
const PORTFOLIO_KEYS: std::ops::Range<usize> = 6..12;
const METRIC_KEYS: [&str; 6] = ["value", "unit", "baseline", "window", "source", "sample"];
const QUOTE_KEYS: [&str; 3] = ["text", "who", "when"];

/// One line of the file with its 1-based number.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
}

pub(super) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Splits `key: value` at the first colon; the key is trimmed and not empty.
fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    (!key.is_empty()).then_some((key, value))
}

fn value_at(line: usize, key: &str, raw: &str) -> Result<String, StoryError> {
    parse_value(raw).map_err(|err| match err {
        ValueError::Unclosed => StoryError::UnclosedQuote {
            line,
            key: key.to_owned(),
        },
        ValueError::TextAfterQuote => StoryError::TextAfterQuote {
            line,
            key: key.to_owned(),
        },
    })
}

/// Reads `key: value` lines whose keys come from `keys` (case-insensitive);
/// blank lines are skipped. Returns one value per key and the line it is on.
fn read_keys(
    lines: &[Line<'_>],
    keys: &'static [&'static str],
    block: &'static str,
    valid: &'static str,
) -> Result<Vec<Option<(String, usize)>>, StoryError> {
    let mut values: Vec<Option<(String, usize)>> = vec![None; keys.len()];
    for line in lines.iter().filter(|l| !is_blank(l.text)) {
        let Some((key, raw)) = key_value(line.text) else {
            return Err(StoryError::NotKeyValue {
                line: line.no,
                block,
                text: line.text.trim().to_owned(),
            });
        };
        let slot = keys
            .iter()
            .position(|k| k.eq_ignore_ascii_case(key))
            .and_then(|i| values.get_mut(i))
            .ok_or_else(|| StoryError::UnknownKey {
                line: line.no,
                block,
                key: key.to_owned(),
                valid,
            })?;
        if let Some((_, first_line)) = slot {
            return Err(StoryError::DuplicateKey {
                line: line.no,
                block,
                key: key.to_owned(),
                first_line: *first_line,
            });
        }
        *slot = Some((value_at(line.no, key, raw)?, line.no));
    }
    Ok(values)
}

fn take(values: &mut [Option<(String, usize)>], index: usize) -> String {
    values
        .get_mut(index)
        .and_then(Option::take)
        .map(|(value, _)| value)
        .unwrap_or_default()
}

/// Reads the front matter into `story`; returns the index of the first line
/// after it (0 when there is none).
fn read_front_matter(lines: &[Line<'_>], story: &mut Story) -> Result<usize, StoryError> {
    let Some(open) = lines.iter().position(|l| !is_blank(l.text)) else {
        return Ok(0);
    };
    let Some(opening) = lines.get(open).filter(|l| l.text.trim_end() == "---") else {
        return Ok(0);
    };
    let mut first_lines: [Option<usize>; 6] = [None; 6];
    for (index, line) in lines.iter().enumerate().skip(open + 1) {
        let text = line.text.trim();
        if line.text.trim_end() == "---" {
            return Ok(index + 1);
        }
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let Some((key, raw)) = key_value(line.text) else {
            return Err(StoryError::NotKeyValue {
                line: line.no,
                block: FRONT_MATTER,
                text: text.to_owned(),
            });
        };
        let value = value_at(line.no, key, raw)?;
        let known = [
            "title", "audience", "priority", "status", "date", "template",
        ]
        .iter()
        .position(|k| k.eq_ignore_ascii_case(key));
        let Some(known) = known else {
            story.extra_front_matter.push((key.to_owned(), value));
            continue;
        };
        if let Some(Some(first_line)) = first_lines.get(known) {
            return Err(StoryError::DuplicateKey {
                line: line.no,
                block: FRONT_MATTER,
                key: key.to_owned(),
                first_line: *first_line,
            });
        }
        if let Some(slot) = first_lines.get_mut(known) {
            *slot = Some(line.no);
        }
        let fields = &mut story.fields;
        match known {
            0 => fields.title = value,
            1 => fields.audience = value,
            2 => fields.priority = value,
            3 => {
                story.status = if value.trim().is_empty() {
                    Status::Draft
                } else {
                    Status::parse(&value).map_err(|_| StoryError::InvalidStatus {
                        line: line.no,
                        value: value.clone(),
                    })?
                }
            }
            5 => {
                fields.template = if value.trim().is_empty() {
                    None
                } else {
                    Some(crate::template::TemplateId::parse(&value).ok_or_else(|| {
                        StoryError::UnknownTemplate {
                            line: line.no,
                            name: value.clone(),
                        }
                    })?)
                }
            }
            _ => {
                fields.date = if value.trim().is_empty() {
                    String::new()
                } else {
                    value
                        .parse::<CivilDate>()
                        .map_err(|_| StoryError::InvalidDate {
                            line: line.no,
                            value: value.clone(),
                        })?
                        .to_string()
                }
            }
        }
    }
    Err(StoryError::UnclosedFrontMatter { line: opening.no })
}

/// `## Heading` (up to three spaces before it, an optional closing run of
/// `#`): the heading's text, if it has any.
/// A `# Title` line's text.
fn title_heading(text: &str) -> Option<&str> {
    atx_heading(text, "#")
}

/// The text of an ATX heading opened by exactly `marker`.
fn atx_heading<'t>(text: &'t str, marker: &str) -> Option<&'t str> {
    let unindented = text.trim_start_matches(' ');
    if text.len() - unindented.len() > 3 {
        return None;
    }
    let rest = unindented.strip_prefix(marker)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut heading = rest.trim();
    let without_closing = heading.trim_end_matches('#');
    if without_closing.len() != heading.len()
        && (without_closing.is_empty() || without_closing.ends_with([' ', '\t']))
    {
        heading = without_closing.trim_end();
    }
    (!heading.is_empty()).then_some(heading)
}

/// An opening code fence: its character, its length and its info string.
pub(super) fn opening_fence(text: &str) -> Option<(char, usize, &str)> {
    let unindented = text.trim_start_matches(' ');
    if text.len() - unindented.len() > 3 {
        return None;
    }
    let fence_char = unindented
        .chars()
        .next()
        .filter(|c| matches!(c, '`' | '~'))?;
    let len = unindented.chars().take_while(|&c| c == fence_char).count();
    let info = unindented.get(len..)?;
    if len < 3 || (fence_char == '`' && info.contains('`')) {
        return None;
    }
    Some((fence_char, len, info.trim()))
}

pub(super) fn is_closing_fence(text: &str, fence_char: char, len: usize) -> bool {
    let unindented = text.trim_start_matches(' ');
    if text.len() - unindented.len() > 3 {
        return false;
    }
    let run = unindented.chars().take_while(|&c| c == fence_char).count();
    run >= len && unindented.get(run..).is_some_and(is_blank)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Chart,
    Metric,
    Quote,
}

/// A fenced block the story reads (chart, metric, quote) rather than keeps.
#[derive(Debug)]
struct Block<'a> {
    kind: BlockKind,
    open_line: usize,
    content: Vec<Line<'a>>,
}

#[derive(Debug)]
struct OpenFence<'a> {
    fence_char: char,
    len: usize,
    line: usize,
    block: Option<Block<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum SectionKind {
    Preamble,
    Beat(Beat),
    Extra(String),
}

#[derive(Debug)]
struct Section<'a> {
    kind: SectionKind,
    lines: Vec<&'a str>,
    /// Set where a block was taken out after a blank line: the blank lines
    /// that follow it would double the gap.
    skip_blank: bool,
}

impl<'a> Section<'a> {
    fn new(kind: SectionKind) -> Self {
        Self {
            kind,
            lines: Vec::new(),
            skip_blank: false,
        }
    }

    fn push(&mut self, text: &'a str) {
        if self.skip_blank && is_blank(text) {
            return;
        }
        self.skip_blank = false;
        self.lines.push(text);
    }

    fn block_taken_out(&mut self) {
        self.skip_blank = self.lines.last().is_none_or(|l| is_blank(l));
    }

    /// The section's text: its lines without blank ones at the ends, and
    /// without the backslashes that kept text lines from reading as
    /// headings ([`unescape_lines`]).
    fn text(&self) -> String {
        unescape_lines(trim_blank_lines(&self.lines))
    }
}

/// The lines without blank lines at either end.
pub(super) fn trim_blank_lines<'l, 'a>(lines: &'l [&'a str]) -> &'l [&'a str] {
    let start = lines
        .iter()
        .position(|l| !is_blank(l))
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !is_blank(l))
        .map_or(start, |i| i + 1);
    lines.get(start..end).unwrap_or(&[])
}

/// A table taken out of the text to be the chart.
struct TakenTable {
    chart: ChartSpec,
    /// Whether the table says its own units (`%` in its cells, units in
    /// its measures' names), so the prose is not asked.
    units_stated: bool,
    /// Measures in other units, kept in the text instead.
    left_out: Vec<String>,
}

/// What reading a draft made of it, besides the story: the headings and
/// labels read as a beat under another name, and the measures of its
/// table left out of the chart for their units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub renamed: Vec<(String, Beat)>,
    pub left_out_of_chart: Vec<String>,
}

/// The body of a story, read line by line.
#[derive(Debug)]
struct Body<'a> {
    sections: Vec<Section<'a>>,
    /// The beats met so far, with the line of their heading.
    beats_seen: Vec<(Beat, usize)>,
    chart_line: Option<usize>,
    evidence_line: Option<usize>,
    fence: Option<OpenFence<'a>>,
    blocks: Vec<Block<'a>>,
    layout: Layout,
    /// Headings and labels read as a beat under another of its names.
    renamed: Vec<(String, Beat)>,
    /// The measures of the chart's table left in the text for their units.
    left_out_of_chart: Vec<String>,
    /// A beat opened by a summary's label ("Bottom line: …") holds its own
    /// paragraph only: set at the blank line that ends it.
    summary: SummaryState,
    /// The resolution when a summary's name opened it ("TL;DR", "Bottom
    /// line"): its section, and the heading or the whole labelled line it
    /// was written with, to give it back if it plans nothing.
    summary_resolution: Option<(usize, SummaryOpening<'a>)>,
}

/// How a summary opened the resolution: under a heading, or as a label at
/// the start of a line.
#[derive(Debug, Clone)]
enum SummaryOpening<'a> {
    Heading(String),
    Label(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SummaryState {
    None,
    Open,
    Ended,
}

impl<'a> Body<'a> {
    fn new(layout: Layout) -> Self {
        Self {
            sections: vec![Section::new(SectionKind::Preamble)],
            beats_seen: Vec::new(),
            chart_line: None,
            evidence_line: None,
            fence: None,
            blocks: Vec::new(),
            layout,
            renamed: Vec::new(),
            left_out_of_chart: Vec::new(),
            summary: SummaryState::None,
            summary_resolution: None,
        }
    }

    fn read(&mut self, line: Line<'a>) -> Result<(), StoryError> {
        if let Some(mut open) = self.fence.take() {
            let Some(section) = self.sections.last_mut() else {
                return Ok(());
            };
            if is_closing_fence(line.text, open.fence_char, open.len) {
                match open.block {
                    Some(block) => {
                        self.blocks.push(block);
                        section.block_taken_out();
                    }
                    None => section.push(line.text),
                }
            } else {
                match open.block.as_mut() {
                    Some(block) => block.content.push(line),
                    None => section.push(line.text),
                }
                self.fence = Some(open);
            }
            return Ok(());
        }
        if let Some(heading) = atx_heading(line.text, self.layout.marker) {
            self.summary = SummaryState::None;
            return self.start_section(heading, line.no);
        }
        if self.layout.labelled {
            match self.summary {
                SummaryState::Open
                    if is_blank(line.text)
                        && self
                            .sections
                            .last()
                            .is_some_and(|s| s.lines.iter().any(|l| !is_blank(l))) =>
                {
                    self.summary = SummaryState::Ended
                }
                SummaryState::Ended if !is_blank(line.text) => {
                    // The memo goes on after its bottom line: not the resolution.
                    self.summary = SummaryState::None;
                    let opens_beat = self
                        .layout
                        .labelled_starts
                        .iter()
                        .any(|(at, _)| *at == line.no);
                    if !opens_beat {
                        self.sections
                            .push(Section::new(SectionKind::Extra(String::new())));
                    }
                }
                _ => {}
            }
            let opens = self
                .layout
                .labelled_starts
                .iter()
                .any(|(at, _)| *at == line.no);
            if let (true, Some((beat, rest))) = (opens, labelled_line(line.text)) {
                if let Some((label, _)) = labelled(line.text) {
                    if !label.eq_ignore_ascii_case(beat.name()) {
                        self.renamed.push((label.to_owned(), beat));
                    }
                    self.summary = if name_tier(beat, label) == 2 {
                        SummaryState::Open
                    } else {
                        SummaryState::None
                    };
                }
                self.start_section(beat.name(), line.no)?;
                if beat == Beat::Resolution && self.summary == SummaryState::Open {
                    self.summary_resolution =
                        Some((self.sections.len() - 1, SummaryOpening::Label(line.text)));
                }
                if !rest.is_empty() {
                    self.push(rest);
                }
                return Ok(());
            }
        }
        if let Some((fence_char, len, info)) = opening_fence(line.text) {
            let kind = self.block_kind(info, line.no)?;
            if kind.is_none() {
                self.push(line.text);
            }
            self.fence = Some(OpenFence {
                fence_char,
                len,
                line: line.no,
                block: kind.map(|kind| Block {
                    kind,
                    open_line: line.no,
                    content: Vec::new(),
                }),
            });
            return Ok(());
        }
        self.push(line.text);
        Ok(())
    }

    fn push(&mut self, text: &'a str) {
        if let Some(section) = self.sections.last_mut() {
            section.push(text);
        }
    }

    fn start_section(&mut self, heading: &str, line: usize) -> Result<(), StoryError> {
        let own = Beat::ALL
            .into_iter()
            .find(|beat| beat.name().eq_ignore_ascii_case(heading));
        let adopted = self
            .layout
            .adopted
            .iter()
            .find(|(at, _)| *at == line)
            .map(|(_, beat)| *beat);
        if let (None, Some(beat)) = (own, adopted) {
            self.renamed.push((heading.trim().to_owned(), beat));
            if beat == Beat::Resolution && name_tier(beat, heading) == 2 {
                self.summary_resolution = Some((
                    self.sections.len(),
                    SummaryOpening::Heading(heading.to_owned()),
                ));
            }
        }
        let beat = own.or(adopted);
        let kind = match beat {
            Some(beat) => {
                if let Some((_, first_line)) = self.beats_seen.iter().find(|(b, _)| *b == beat) {
                    return Err(StoryError::DuplicateBeat {
                        line,
                        beat: beat_heading(beat),
                        first_line: *first_line,
                    });
                }
                self.beats_seen.push((beat, line));
                SectionKind::Beat(beat)
            }
            None => SectionKind::Extra(heading.to_owned()),
        };
        self.sections.push(Section::new(kind));
        Ok(())
    }

    /// "TL;DR: moving to Kubernetes saved us $1 million" sums a post up;
    /// it plans nothing. A summary's name opens the resolution only when
    /// its words state one (in English, which the reading needs); else it
    /// is kept as written, under its heading or with its label, and the
    /// resolution is left for the coach to look for elsewhere.
    fn summary_that_plans_nothing(&mut self) {
        let Some((index, opening)) = self.summary_resolution.take() else {
            return;
        };
        let Some(section) = self.sections.get_mut(index) else {
            return;
        };
        let text = section.text();
        let plans = crate::coach::text::sentences(&text)
            .iter()
            .any(|s| crate::beat_jobs::states_resolution(s.text));
        if plans || !crate::coach::language::is_english(&text) {
            return;
        }
        match opening {
            SummaryOpening::Heading(heading) => {
                section.kind = SectionKind::Extra(heading.trim().to_owned());
            }
            SummaryOpening::Label(line) => {
                section.kind = SectionKind::Extra(String::new());
                if let Some(first) = section.lines.first_mut() {
                    *first = line;
                }
            }
        }
        self.beats_seen
            .retain(|(beat, _)| *beat != Beat::Resolution);
        self.renamed.retain(|(_, beat)| *beat != Beat::Resolution);
    }

    /// A draft without a chart block that shows its numbers as a Markdown
    /// table in the evidence (outside code fences) gets that table as its
    /// chart, the kind inferred from the data; the table leaves the prose.
    /// A table that is not chart data (words in its value cells) stays text.
    /// A draft whose evidence holds no table may keep its numbers in a
    /// section the update does not map (a shareholder letter's table under
    /// its opening paragraphs): the first data table there is the chart.
    fn take_evidence_table(&mut self) -> Option<TakenTable> {
        let evidence = self
            .sections
            .iter()
            .position(|section| section.kind == SectionKind::Beat(Beat::Evidence));
        let others = self
            .sections
            .iter()
            .enumerate()
            .filter(|(_, section)| !matches!(section.kind, SectionKind::Beat(_)))
            .map(|(index, _)| index)
            .collect::<Vec<_>>();
        // A draft with an evidence section keeps the tables elsewhere as
        // text (the app's own files always have one).
        let others = if evidence.is_some() {
            Vec::new()
        } else {
            others
        };
        evidence
            .into_iter()
            .chain(others)
            .find_map(|index| Self::take_table_from(&mut self.sections[index]))
    }

    /// Takes the first Markdown table of chart data out of a section's
    /// text; measures in other units than the first stay in it.
    fn take_table_from(evidence: &mut Section<'a>) -> Option<TakenTable> {
        let is_row = |line: &str| line.trim_start().starts_with('|');
        let mut fence: Option<(char, usize)> = None;
        let mut start = None;
        for (index, line) in evidence.lines.iter().enumerate() {
            if let Some((fence_char, len)) = fence {
                if is_closing_fence(line, fence_char, len) {
                    fence = None;
                }
            } else if let Some((fence_char, len, _)) = opening_fence(line) {
                fence = Some((fence_char, len));
            } else if is_row(line) {
                start = Some(index);
                break;
            }
        }
        let start = start?;
        let end = evidence.lines[start..]
            .iter()
            .position(|line| !is_row(line))
            .map_or(evidence.lines.len(), |n| start + n);
        let table = evidence.lines[start..end].join("\n");
        if !is_pipe_table(&table) {
            return None;
        }
        // Measures in other units stay in the text; the rest is drawn with
        // time along the x axis, whichever way it was written.
        let document = crate::table::parse_document_table(&table).ok()?;
        let split = crate::table::one_unit_per_axis(document.data);
        let data = crate::table::periods_down(split.charted);
        // One blank line where the table was, as when a block is taken out.
        let blank_before = start == 0 || is_blank(evidence.lines[start - 1]);
        let blank_after = evidence.lines.get(end).is_none_or(|line| is_blank(line));
        let replacement: Vec<&'a str> = match &split.rows_kept_in_text {
            // The header, its delimiter row and the rows kept, as written.
            Some(rows) => evidence.lines[start..start + 2]
                .iter()
                .copied()
                .chain(
                    rows.iter()
                        .filter_map(|row| evidence.lines.get(start + 2 + row).copied()),
                )
                .collect(),
            None if blank_before || blank_after => Vec::new(),
            None => vec![""],
        };
        let mut remove_to = end;
        if split.rows_kept_in_text.is_none()
            && blank_before
            && blank_after
            && end < evidence.lines.len()
        {
            remove_to += 1;
        }
        evidence.lines.splice(start..remove_to, replacement);
        let unit = if split.percent {
            Some("%".to_owned())
        } else if document.unit.is_some() {
            document.unit.clone()
        } else if split.rows_kept_in_text.is_some() {
            None
        } else {
            stated_unit(&table)
        };
        // Cells written with `%`, or names stating units, say the unit.
        let units_stated = split.rows_kept_in_text.is_some()
            || document.unit.is_some()
            || crate::table::percent_columns(&table).contains(&true);
        Some(TakenTable {
            chart: ChartSpec {
                kind: infer_kind(&data),
                title: String::new(),
                alt: String::new(),
                highlight: None,
                unit,
                data,
                better: None,
                portfolio: None,
            },
            units_stated,
            left_out: split.left_out,
        })
    }

    /// A story with no title in its front matter takes a `# Title` line
    /// that opens its text, as most Markdown drafts name themselves.
    fn take_title_heading(&mut self) -> Option<String> {
        let preamble = self
            .sections
            .iter_mut()
            .find(|section| section.kind == SectionKind::Preamble)?;
        let first = preamble.lines.iter().position(|line| !is_blank(line))?;
        let line = preamble.lines[first];
        let title = title_heading(line)
            .or_else(|| {
                labelled(line)
                    .filter(|(label, _)| label.eq_ignore_ascii_case("title"))
                    .map(|(_, rest)| rest)
            })
            .filter(|title| !title.is_empty())?
            .to_owned();
        preamble.lines.remove(first);
        Some(title)
    }

    /// Which block a fence opens: a chart anywhere, a metric or quote in
    /// the evidence; `None` for a code block kept in the text.
    fn block_kind(&mut self, info: &str, line: usize) -> Result<Option<BlockKind>, StoryError> {
        let word = info
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let in_evidence = self
            .sections
            .last()
            .is_some_and(|s| s.kind == SectionKind::Beat(Beat::Evidence));
        let (kind, first_line) = match word.as_str() {
            "chart" => (BlockKind::Chart, &mut self.chart_line),
            "metric" if in_evidence => (BlockKind::Metric, &mut self.evidence_line),
            "quote" if in_evidence => (BlockKind::Quote, &mut self.evidence_line),
            _ => return Ok(None),
        };
        if let Some(first_line) = *first_line {
            return Err(match kind {
                BlockKind::Chart => StoryError::DuplicateChart { line, first_line },
                BlockKind::Metric | BlockKind::Quote => {
                    StoryError::DuplicateEvidence { line, first_line }
                }
            });
        }
        *first_line = Some(line);
        Ok(Some(kind))
    }

    /// Puts what was read into `story`.
    /// A draft that gives some beats but not its context opens with it: the
    /// text before its first heading or label (a letter's opening, a memo's
    /// background) is the context.
    fn preamble_as_context(&mut self) {
        let beats = |kind: &SectionKind| matches!(kind, SectionKind::Beat(_));
        let has_context = self
            .sections
            .iter()
            .any(|s| s.kind == SectionKind::Beat(Beat::Context));
        if has_context || !self.sections.iter().any(|s| beats(&s.kind)) {
            return;
        }
        if let Some(preamble) = self
            .sections
            .iter_mut()
            .find(|s| s.kind == SectionKind::Preamble)
        {
            if preamble.lines.iter().any(|l| !is_blank(l)) {
                preamble.kind = SectionKind::Beat(Beat::Context);
                self.renamed.push((String::new(), Beat::Context));
            }
        }
    }

    fn finish(mut self, story: &mut Story) -> Result<Reading, StoryError> {
        if story.fields.title.trim().is_empty() {
            if let Some(title) = self.take_title_heading() {
                story.fields.title = title;
            }
        }
        if let Some(open) = self.fence {
            return Err(StoryError::UnclosedFence {
                line: open.line,
                fence: open.fence_char.to_string().repeat(open.len),
            });
        }
        for block in &self.blocks {
            match block.kind {
                BlockKind::Chart => story.chart = Some(read_chart(block)?),
                BlockKind::Metric => {
                    let mut v = read_keys(
                        &block.content,
                        &METRIC_KEYS,
                        "metric block",
                        "value, unit, baseline, window, source or sample",
                    )?;
                    story.fields.evidence = Evidence::Metric(MetricEvidence {
                        value: take(&mut v, 0),
                        unit: take(&mut v, 1),
                        baseline: take(&mut v, 2),
                        window: take(&mut v, 3),
                        source: take(&mut v, 4),
                        sample: take(&mut v, 5),
                    });
                }
                BlockKind::Quote => {
                    let mut v = read_keys(
                        &block.content,
                        &QUOTE_KEYS,
                        "quote block",
                        "text, who or when",
                    )?;
                    story.fields.evidence = Evidence::Quote(QuoteEvidence {
                        text: take(&mut v, 0),
                        who: take(&mut v, 1),
                        when: take(&mut v, 2),
                    });
                }
            }
        }
        self.summary_that_plans_nothing();
        self.preamble_as_context();
        if story.chart.is_none() {
            if let Some(taken) = self.take_evidence_table() {
                let mut chart = taken.chart;
                // A table of plain numbers the text writes as percentages
                // (one that writes its own signs or names its units says
                // which measures are).
                if chart.unit.is_none() && !taken.units_stated {
                    let prose: Vec<String> = self.sections.iter().map(Section::text).collect();
                    chart.unit = crate::table::unit_from_prose(&chart.data, &prose.join("\n\n"));
                }
                self.left_out_of_chart = taken.left_out;
                story.chart = Some(chart);
            }
        }
        for section in self.sections {
            let text = section.text();
            let beats = &mut story.fields.beats;
            match section.kind {
                SectionKind::Preamble if text.is_empty() => {}
                // Text outside any section (before the first heading, or a
                // memo's text after its bottom line) is one section, written
                // back before the beats.
                SectionKind::Preamble => push_unheaded(&mut story.extra_sections, text),
                SectionKind::Extra(heading) if heading.is_empty() => {
                    if !text.is_empty() {
                        push_unheaded(&mut story.extra_sections, text);
                    }
                }
                SectionKind::Beat(Beat::Context) => beats.context = text,
                SectionKind::Beat(Beat::Conflict) => beats.conflict = text,
                SectionKind::Beat(Beat::Resolution) => beats.resolution = text,
                SectionKind::Beat(Beat::Evidence) => beats.evidence = text,
                // The first `## Notes` is what the presenter says.
                SectionKind::Extra(heading)
                    if is_notes_heading(&heading) && story.fields.notes.is_empty() =>
                {
                    story.fields.notes = text;
                }
                SectionKind::Extra(heading) => story.extra_sections.push(ExtraSection {
                    heading,
                    body: text,
                }),
            }
        }
        Ok(Reading {
            renamed: self.renamed,
            left_out_of_chart: self.left_out_of_chart,
        })
    }
}

/// `## Notes` (or Speaker notes, Presenter notes): the slide's notes page.
fn is_notes_heading(heading: &str) -> bool {
    matches!(
        heading
            .trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase()
            .as_str(),
        "notes" | "speaker notes" | "presenter notes"
    )
}

/// The beat a section heading names, by the beat's own name or another one
/// people use for it; numbering before it and a colon after it do not count.
pub(crate) fn beat_named(heading: &str) -> Option<Beat> {
    let name = heading
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim()
        .trim_end_matches([':', '?'])
        .trim()
        .to_lowercase();
    const NAMES: [(Beat, &[&str]); 4] = [
        (
            Beat::Context,
            &[
                "context",
                "situation",
                "background",
                "the situation",
                "where we are",
                "overview",
                // German and French drafts.
                "ausgangslage",
                "hintergrund",
                "kontext",
                "contexte",
                "contexto",
                "situación",
                // An architecture decision record's opening.
                "context and problem statement",
            ],
        ),
        (
            Beat::Conflict,
            &[
                "conflict",
                "complication",
                "complications",
                "problem",
                "the problem",
                "problems",
                "problems encountered",
                "challenge",
                "challenges",
                "the challenge",
                "tension",
                "obstacle",
                "obstacles",
                "the issue",
                "what happened",
                "what went wrong",
                "herausforderung",
                "konflikt",
                "problème",
                "problema",
                "complicación",
                // What pushes a decision record one way or another.
                "decision drivers",
                "forces",
            ],
        ),
        (
            Beat::Resolution,
            &[
                "resolution",
                "recommendation",
                "proposal",
                "decision",
                "decision needed",
                "the ask",
                "ask",
                "asks",
                "next steps",
                "plan",
                "the plan",
                "solution",
                "request",
                "the request",
                "bottom line",
                "the bottom line",
                "bluf",
                "tl;dr",
                "tldr",
                "what we will do",
                "what we're doing",
                "what we are doing",
                "what's next",
                "action items",
                "remediation",
                "remediations",
                "recommendations",
                "answer",
                "the answer",
                "what we do next",
                "what we will do next",
                "what happens next",
                "where do we go from here",
                "where we go from here",
                "the way forward",
                "way forward",
                "action plan",
                "our plan",
                "follow-up actions",
                "vorschlag",
                "empfehlung",
                "entscheidung",
                "lösung",
                "recommandation",
                "proposition",
                "décision",
                "résolution",
                "resolución",
                "solución",
                "propuesta",
                "decision outcome",
            ],
        ),
        (
            Beat::Evidence,
            &[
                "evidence",
                // Not "Data": in an analysis it describes the data set
                // (its source, its size, what is left out), not the proof.
                "proof",
                "results",
                "supporting data",
                "metrics",
                "key metrics",
                "the numbers",
                "by the numbers",
                "findings",
                "what we found",
                "ergebnisse",
                "résultats",
                "preuves",
                "belege",
                "evidencia",
                "resultados",
            ],
        ),
    ];
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(beat, _)| *beat)
}

fn push_unheaded(sections: &mut Vec<ExtraSection>, text: String) {
    match sections.iter_mut().find(|s| s.heading.is_empty()) {
        Some(unheaded) => {
            unheaded.body.push_str("\n\n");
            unheaded.body.push_str(&text);
        }
        None => sections.insert(
            0,
            ExtraSection {
                heading: String::new(),
                body: text,
            },
        ),
    }
}

/// Names that sum a memo up before it starts ("Bottom line", "TL;DR"):
/// the resolution only where nothing else names it, and only their own
/// paragraph when they label one.
const SUMMARY_NAMES: [&str; 5] = ["bottom line", "the bottom line", "bluf", "tl;dr", "tldr"];

/// How strongly a heading or label names its beat: its own name (0), one of
/// its other names (1), a summary's name (2). The strongest, then the first,
/// opens the beat.
fn name_tier(beat: Beat, name: &str) -> u8 {
    let name = name
        .trim()
        .trim_end_matches([':', '?'])
        .trim()
        .to_lowercase();
    if name == beat.name() {
        0
    } else if SUMMARY_NAMES.contains(&name.as_str()) {
        2
    } else {
        1
    }
}

/// How a story's body marks its beats. Ours: `## Context` and the rest.
/// Drafts written elsewhere: other names for the beats ("Situation",
/// "Complication", "Recommendation", "Data", "1. Context:"), `###` headings
/// in a file without `##` ones, or labelled paragraphs ("**Context:** …")
/// in a file whose headings name no beat.
#[derive(Debug)]
struct Layout {
    /// The heading marker that starts a section: `##`, or `###` when the file
    /// has no `##` heading and its `###` headings name beats.
    marker: &'static str,
    /// Headings (by line) that name a beat another way, taken as that beat:
    /// a beat with no heading of its own name takes the first heading with
    /// one of its other names; later ones stay sections of their own.
    adopted: Vec<(usize, Beat)>,
    /// No heading names a beat, but lines start with a beat's label.
    labelled: bool,
    /// In a labelled draft, the line that opens each beat: the first line
    /// labelled with the beat's own name, else the first with another of
    /// its names ("Bottom line:" is the resolution only where no line says
    /// "Resolution:").
    labelled_starts: Vec<(usize, Beat)>,
}

fn read_layout(lines: &[Line<'_>]) -> Layout {
    let mut level2: Vec<(usize, &str)> = Vec::new();
    let mut level3: Vec<(usize, &str)> = Vec::new();
    let mut has_labels = false;
    let mut labels: Vec<(usize, Beat, u8)> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in lines {
        if let Some((fence_char, len)) = fence {
            if is_closing_fence(line.text, fence_char, len) {
                fence = None;
            }
        } else if let Some(heading) = atx_heading(line.text, "##") {
            level2.push((line.no, heading));
        } else if let Some(heading) = atx_heading(line.text, "###") {
            level3.push((line.no, heading));
        } else if let Some((fence_char, len, _)) = opening_fence(line.text) {
            fence = Some((fence_char, len));
        } else if let Some((beat, _)) = labelled_line(line.text) {
            has_labels = true;
            let tier = labelled(line.text).map_or(1, |(label, _)| name_tier(beat, label));
            labels.push((line.no, beat, tier));
        }
    }
    let names_a_beat =
        |headings: &[(usize, &str)]| headings.iter().any(|(_, h)| beat_named(h).is_some());
    let (marker, headings) = if level2.is_empty() && names_a_beat(&level3) {
        ("###", level3)
    } else {
        ("##", level2)
    };
    let adopted = Beat::ALL
        .into_iter()
        .filter(|beat| {
            !headings
                .iter()
                .any(|(_, heading)| beat.name().eq_ignore_ascii_case(heading))
        })
        .filter_map(|beat| {
            headings
                .iter()
                .filter(|(_, heading)| beat_named(heading) == Some(beat))
                .min_by_key(|(_, heading)| name_tier(beat, heading))
                .map(|(line, _)| (*line, beat))
        })
        .collect();
    let labelled_starts = Beat::ALL
        .into_iter()
        .filter_map(|beat| {
            labels
                .iter()
                .filter(|(_, b, _)| *b == beat)
                .min_by_key(|(_, _, tier)| *tier)
                .map(|(line, _, _)| (*line, beat))
        })
        .collect();
    Layout {
        marker,
        adopted,
        labelled: has_labels && !names_a_beat(&headings),
        labelled_starts,
    }
}

/// `Label: text`, `**Label:** text` or `**Label**: text` (also with `__`):
/// the label and the text after it.
fn labelled(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim();
    // "**Situation.** Churn rose": a bold label that ends in a period.
    for marker in ["**", "__"] {
        let Some(inner) = trimmed.strip_prefix(marker) else {
            continue;
        };
        let Some(close) = inner.find(marker) else {
            continue;
        };
        let label = inner[..close].trim();
        if let Some(label) = label.strip_suffix('.').map(str::trim) {
            if !label.is_empty() && label.chars().count() <= 40 && !label.contains(':') {
                return Some((label, inner[close + marker.len()..].trim()));
            }
        }
    }
    let unbolded = trimmed
        .strip_prefix("**")
        .or_else(|| trimmed.strip_prefix("__"))
        .unwrap_or(trimmed);
    let (label, rest) = unbolded.split_once(':')?;
    let label = label.trim_end_matches(['*', '_']).trim();
    if label.is_empty() || label.chars().count() > 40 || label.starts_with('#') {
        return None;
    }
    let rest = rest.trim_start_matches(['*', '_']).trim();
    Some((label, rest))
}

/// A line that opens a beat by its label: "**Situation:** Churn rose."
fn labelled_line(text: &str) -> Option<(Beat, &str)> {
    let (label, rest) = labelled(text)?;
    // The text after the label must read back as text once it starts a line.
    if opening_fence(rest).is_some() || rest.starts_with('#') {
        return None;
    }
    Some((beat_named(label)?, rest))
}

/// Reads a story file; see [`Story`] for the format.
pub fn parse_story(text: &str) -> Result<Story, StoryError> {
    parse_story_mapped(text).map(|(story, _)| story)
}

/// Reads a story file and says which of its headings or labels were read
/// as a beat under another name ("Situation" as the context).
pub fn parse_story_mapped(text: &str) -> Result<(Story, Reading), StoryError> {
    let text = normalize(text);
    let lines: Vec<Line<'_>> = text
        .split('\n')
        .enumerate()
        .map(|(i, text)| Line { no: i + 1, text })
        .collect();
    let mut story = Story::default();
    let body_start = read_front_matter(&lines, &mut story)?;
    let body_lines = lines.get(body_start..).unwrap_or(&[]);
    let mut body = Body::new(read_layout(body_lines));
    for line in lines.iter().skip(body_start) {
        body.read(*line)?;
    }
    let reading = body.finish(&mut story)?;
    Ok((story, reading))
}

/// Whether a line of a chart block is a `key:` line: one word, then a colon.
fn chart_key(text: &str) -> Option<(&str, &str)> {
    let (key, value) = key_value(text)?;
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        .then_some((key, value))
}

fn read_chart(block: &Block<'_>) -> Result<ChartSpec, StoryError> {
    // Keys come first, up to a blank line or the first line that is not a
    // `key:` line; the data follows.
    let mut data_start = block.content.len();
    for (index, line) in block.content.iter().enumerate() {
        if is_blank(line.text) {
            data_start = index + 1;
            break;
        }
        if chart_key(line.text).is_none() {
            data_start = index;
            break;
        }
    }
    let meta = block.content.get(..data_start).unwrap_or(&[]);
    let data_lines = block.content.get(data_start..).unwrap_or(&[]);
    let mut values = read_keys(
        meta,
        &CHART_KEYS,
        CHART_BLOCK,
        "kind, title, alt, highlight, unit or better, and for a portfolio view as-of, value, targets, fit-line, value-line or initiative (and leave a blank line before the data)",
    )?;

    if data_lines.iter().all(|l| is_blank(l.text)) {
        return Err(StoryError::ChartWithoutData {
            line: block.open_line,
        });
    }
    let first_data_line = data_lines.first().map_or(block.open_line, |l| l.no);
    let data_text = data_lines
        .iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");

    let declared = match values.first() {
        Some(Some((kind, line))) if !kind.trim().is_empty() => Some(
            ChartKind::parse(kind).ok_or_else(|| StoryError::UnknownChartKind {
                line: *line,
                kind: kind.clone(),
            })?,
        ),
        _ => None,
    };
    if let Some(kind) = declared.filter(|k| k.is_portfolio()) {
        return read_portfolio_chart(kind, &mut values, &data_text, first_data_line);
    }
    if let Some((key, line)) = PORTFOLIO_KEYS.clone().find_map(|i| {
        values
            .get(i)?
            .as_ref()
            .map(|(_, line)| (CHART_KEYS[i], *line))
    }) {
        return Err(StoryError::PortfolioChart {
            line,
            message: format!(
                "“{key}” belongs to a portfolio view (kind: portfolio-matrix, allocation, tracks or gates)"
            ),
        });
    }
    let data = parse_table(&data_text).map_err(|source| StoryError::ChartData {
        line: source
            .line()
            .map_or(first_data_line, |l| first_data_line + l.saturating_sub(1)),
        source,
    })?;
    let kind = match values.first_mut().and_then(Option::take) {
        Some((kind, _)) if kind.trim().is_empty() => infer_kind(&data),
        Some((kind, line)) => {
            ChartKind::parse(&kind).ok_or(StoryError::UnknownChartKind { line, kind })?
        }
        None => infer_kind(&data),
    };
    let highlight = match values.get_mut(3).and_then(Option::take) {
        Some((name, _)) if name.trim().is_empty() => None,
        Some((name, line)) => Some(resolve_highlight(&data, &name, line)?),
        None => None,
    };
    let unit = Some(take(&mut values, 4)).filter(|u| !u.is_empty());
    let better = match values.get_mut(5).and_then(Option::take) {
        Some((word, _)) if word.trim().is_empty() => None,
        Some((word, line)) => {
            Some(Better::parse(&word).ok_or(StoryError::UnknownBetter { line, word })?)
        }
        None => None,
    };
    Ok(ChartSpec {
        kind,
        title: take(&mut values, 1),
        alt: take(&mut values, 2),
        highlight,
        unit,
        better,
        data,
        portfolio: None,
    })
}

/// A portfolio view's chart block: its keys (`as-of` required; `value`
/// npv or ecv for the matrix; `targets` as 70/20/10 for the allocation;
/// `initiative` for the gate tracker) and its rows.
fn read_portfolio_chart(
    kind: ChartKind,
    values: &mut [Option<(String, usize)>],
    data_text: &str,
    first_data_line: usize,
) -> Result<ChartSpec, StoryError> {
    use crate::portfolio::{
        parse_figures, parse_tracker, BucketTargets, PortfolioSnapshot, SnapshotError, ValueAxis,
    };
    let key_line = |values: &[Option<(String, usize)>], i: usize| {
        values
            .get(i)
            .and_then(|v| v.as_ref())
            .map_or(first_data_line, |v| v.1)
    };
    let problem = |line: usize, message: String| StoryError::PortfolioChart { line, message };
    let as_of_line = key_line(values, 6);
    let as_of_text = take(values, 6);
    let as_of = as_of_text.trim().parse().map_err(|_| {
        problem(
            as_of_line,
            format!("“as-of: {as_of_text}” needs the day the figures are from, as YYYY-MM-DD"),
        )
    })?;
    let value_line = key_line(values, 7);
    let value = match take(values, 7) {
        v if v.trim().is_empty() => ValueAxis::Npv,
        v => ValueAxis::parse(&v)
            .ok_or_else(|| problem(value_line, format!("“value: {v}” is npv or ecv")))?,
    };
    let targets_line = key_line(values, 8);
    let targets = match take(values, 8) {
        t if t.trim().is_empty() => BucketTargets::default(),
        t => {
            let parts: Vec<Option<f64>> = t.split('/').map(|p| p.trim().parse().ok()).collect();
            match parts.as_slice() {
                [Some(core), Some(adjacent), Some(transformational)] => BucketTargets {
                    core: *core,
                    adjacent: *adjacent,
                    transformational: *transformational,
                },
                _ => {
                    return Err(problem(
                        targets_line,
                        format!("“targets: {t}” is core/adjacent/transformational, e.g. 70/20/10"),
                    ))
                }
            }
        }
    };
    let rows_error = |err: SnapshotError| {
        let line = match &err {
            SnapshotError::Cell { row, .. } => first_data_line + row.saturating_sub(1),
            SnapshotError::Table(source) => source
                .line()
                .map_or(first_data_line, |l| first_data_line + l.saturating_sub(1)),
            SnapshotError::Header { .. } => first_data_line,
        };
        problem(line, err.to_string())
    };
    let mut line_at = |index: usize, key: &str| -> Result<Option<f64>, StoryError> {
        let line = key_line(values, index);
        match take(values, index) {
            v if v.trim().is_empty() => Ok(None),
            v => v.trim().parse::<f64>().map(Some).map_err(|_| {
                problem(
                    line,
                    format!("“{key}: {v}” needs a number (leave it out for the median)"),
                )
            }),
        }
    };
    let quadrant_fit = line_at(10, "fit-line")?;
    let quadrant_value = line_at(11, "value-line")?;
    let initiative_line = key_line(values, 9);
    let initiative = take(values, 9);
    let snapshot = if kind == ChartKind::Gates {
        if initiative.trim().is_empty() {
            return Err(problem(
                initiative_line,
                "a gate tracker names its initiative: add “initiative: …”".into(),
            ));
        }
        let tracker = parse_tracker(&initiative, data_text).map_err(rows_error)?;
        PortfolioSnapshot::of_tracker(tracker, as_of)
    } else if kind == ChartKind::AssumptionMap {
        let points = crate::portfolio::parse_assumption_map(data_text).map_err(rows_error)?;
        PortfolioSnapshot::of_assumptions(points, as_of)
    } else {
        PortfolioSnapshot {
            as_of,
            value,
            targets,
            quadrant_fit,
            quadrant_value,
            initiatives: parse_figures(data_text).map_err(rows_error)?,
            tracker: None,
            assumptions: None,
        }
    };
    snapshot
        .validate()
        .map_err(|err| problem(first_data_line, err.to_string()))?;
    let better_line = key_line(values, 5);
    for (index, key) in [(3, "highlight"), (4, "unit"), (5, "better")] {
        if !take(values, index).trim().is_empty() {
            return Err(problem(
                if index == 5 {
                    better_line
                } else {
                    first_data_line
                },
                format!("a portfolio view has no “{key}”: leave it out"),
            ));
        }
    }
    Ok(ChartSpec {
        kind,
        title: take(values, 1),
        alt: take(values, 2),
        highlight: None,
        unit: None,
        better: None,
        data: Default::default(),
        portfolio: Some(snapshot),
    })
}

/// The series or category a highlight names: an exact match first (series
/// before categories), then one that differs only in case, which is
/// corrected to the name as the data spells it.
fn resolve_highlight(data: &DataTable, name: &str, line: usize) -> Result<String, StoryError> {
    let wanted = name.trim();
    let series = data.series_names().iter().map(String::as_str);
    let categories = data.rows.iter().map(|r| r.label.as_str());
    let candidates = || series.clone().chain(categories.clone());
    if let Some(found) = candidates().find(|c| *c == wanted) {
        return Ok(found.to_owned());
    }
    if let Some(found) = candidates().find(|c| c.to_lowercase() == wanted.to_lowercase()) {
        return Ok(found.to_owned());
    }
    const SHOWN: usize = 12;
    let mut options: Vec<String> = candidates()
        .filter(|c| !c.is_empty())
        .take(SHOWN)
        .map(|c| format!("{c:?}"))
        .collect();
    if candidates().filter(|c| !c.is_empty()).nth(SHOWN).is_some() {
        options.push("…".to_owned());
    }
    Err(StoryError::UnknownHighlight {
        line,
        highlight: wanted.to_owned(),
        options: options.join(", "),
    })
}
