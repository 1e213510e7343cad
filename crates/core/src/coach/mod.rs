//! The story coach: an offline, deterministic reviewer of a draft update.
//!
//! Each rule is a small unit under `rules/` with a stable id, a severity and
//! a rationale ([`rules()`] lists them; `docs/coach-rules.md` explains each
//! with a bad and a good example). [`review`] runs them all and returns the
//! findings ordered by where they point, a score and whether the update may
//! be marked ready. The same text always gets the same review.
//!
//! Severity: `error` only where the update would mislead or is not an
//! update (a beat missing, evidence with neither a number nor an attributed
//! quote, a claimed number the chart's data contradicts); everything else is
//! a `warning` or an `info`. Errors cannot be silenced.
//!
//! Score: 100, minus 25 per error, 6 per warning (12 for activity reported
//! instead of outcomes) and 2 per info, at least 0.

pub(crate) mod claims;
pub mod language;
pub mod measure;
mod rules;
pub(crate) mod text;
mod worded_claims;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::UpdateFields;

pub use rules::{rules, rules_markdown, significance, RuleInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a finding is about: the title, a beat, or the chart (a finding about
/// the whole story has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "CoachTarget")]
pub enum Target {
    Title,
    Context,
    Conflict,
    Resolution,
    Evidence,
    Chart,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Title => "title",
            Target::Context => "context",
            Target::Conflict => "conflict",
            Target::Resolution => "resolution",
            Target::Evidence => "evidence",
            Target::Chart => "chart",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// A stable rule id, e.g. `vague-word`.
    pub rule: String,
    pub severity: Severity,
    pub beat: Option<Target>,
    /// What to do about it.
    pub message: String,
    /// `[start, end)` in Unicode scalar values of the target's text.
    pub span: Option<[usize; 2]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// 0–100.
    pub score: u8,
    /// No errors.
    pub ready: bool,
    pub findings: Vec<Finding>,
    /// Findings of rules the author silenced for this update.
    pub silenced: Vec<Finding>,
}

/// Findings of one rule in one text beyond this many are summed up in one.
const MAX_PER_RULE_AND_TARGET: usize = 12;

/// Reviews a draft. `silenced` holds rule ids the author turned off for this
/// update; they apply to warnings and infos, never to errors.
pub fn review(fields: &UpdateFields, silenced: &[String]) -> Review {
    review_with(fields, silenced, &JournalContext::default())
}

/// What the decision journal an update backs tells the coach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalContext {
    /// The triggered kill criteria, described.
    pub triggered: Vec<String>,
    /// High-importance assumptions backed only by an anecdote.
    pub anecdotal_assumptions: Vec<String>,
    /// Each time this update stopped backing a journal while one of its
    /// kill criteria was triggered, as recorded.
    pub unlinked_while_triggered: Vec<String>,
    /// How many kill criteria the linked journal has: `Some(0)` when the
    /// workspace knows none is linked, `None` when nothing is known (a
    /// story file on its own).
    pub kill_criteria: Option<usize>,
    /// The heads of the linked journal's history when it forked (two or
    /// more revisions made on the same earlier one and not joined yet):
    /// the update may follow either, so the coach says so until a joining
    /// revision exists. Empty for a straight history.
    pub forked_heads: Vec<ForkedRevision>,
}

/// One head of a forked journal history, as the coach names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForkedRevision {
    pub seq: u32,
    pub author: String,
    pub reason: String,
}

/// What the slide drawn from an update tells the coach (the renderer
/// measures it; the coach only reads it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SlideFacts {
    /// Even at the smallest type some text had to end in "…".
    pub text_cut: bool,
}

/// Rules that need the drawn slide's measurements ([`SlideFacts`]): the
/// text of a story alone never triggers them.
pub const SLIDE_RULES: &[&str] = &["slide-text-cut"];

/// Rules about where the draft's text sits in the update's fields (a beat
/// written under another heading): a reviewer of the draft as written
/// does not label them.
pub const PLACEMENT_RULES: &[&str] = &["beat-unplaced"];

/// Rules that need a linked journal (a story file alone never triggers them).
pub const JOURNAL_RULES: &[&str] = &[
    "progress-while-killed",
    "assumption-only-anecdote",
    "unlinked-while-triggered",
    "template-kill-criterion",
    "journal-forked",
];

/// [`review`] with what the linked decision journal says.
pub fn review_with(fields: &UpdateFields, silenced: &[String], journal: &JournalContext) -> Review {
    review_slide(fields, silenced, journal, &SlideFacts::default())
}

/// [`review_with`] with what the drawn slide says (the glance test).
pub fn review_slide(
    fields: &UpdateFields,
    silenced: &[String],
    journal: &JournalContext,
    slide: &SlideFacts,
) -> Review {
    let story = rules::Story::new(fields, journal, slide);
    let mut all = rules::run(&story);
    all = cap_repeats(all);
    all.sort_by(|a, b| {
        let order = |f: &Finding| (f.beat.is_none(), f.beat, f.span.map(|s| s[0]));
        order(a).cmp(&order(b)).then_with(|| a.rule.cmp(&b.rule))
    });
    let (silenced, findings): (Vec<Finding>, Vec<Finding>) = all
        .into_iter()
        .partition(|f| f.severity != Severity::Error && silenced.contains(&f.rule));
    let penalty: u32 = findings.iter().map(penalty_of).sum();
    Review {
        score: 100u32.saturating_sub(penalty) as u8,
        ready: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
        silenced,
    }
}

/// What a finding takes off the score: by its severity, and twice a
/// warning's for an update that reports activity instead of outcomes —
/// the failure the score exists to catch (an activity report must never
/// rank above a complete update).
fn penalty_of(finding: &Finding) -> u32 {
    match finding.severity {
        Severity::Error => 25,
        Severity::Warning if finding.rule == "activity-not-outcome" => 12,
        Severity::Warning => 6,
        Severity::Info => 2,
    }
}

/// A 1 MB beat full of "many" is one problem said a dozen times, not ten
/// thousand: keep the first few of each rule in each text and say how many
/// more there are.
fn cap_repeats(findings: Vec<Finding>) -> Vec<Finding> {
    use std::collections::HashMap;
    let mut counts: HashMap<(String, Option<Target>), usize> = HashMap::new();
    for f in &findings {
        *counts.entry((f.rule.clone(), f.beat)).or_default() += 1;
    }
    let mut seen: HashMap<(String, Option<Target>), usize> = HashMap::new();
    let mut out = Vec::new();
    for mut f in findings {
        let key = (f.rule.clone(), f.beat);
        let index = seen.entry(key.clone()).or_default();
        *index += 1;
        let total = counts.get(&key).copied().unwrap_or(0);
        if *index < MAX_PER_RULE_AND_TARGET || total == MAX_PER_RULE_AND_TARGET {
            out.push(f);
        } else if *index == MAX_PER_RULE_AND_TARGET {
            f.message = format!(
                "{} (and {} more like it here)",
                f.message,
                total + 1 - MAX_PER_RULE_AND_TARGET
            );
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests;
