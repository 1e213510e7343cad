//! What the decision journal behind an update says about it.

use super::super::text::lower_words;
use super::{finding, info, Story};
use crate::coach::{Finding, Target};

/// Words that claim things are going well.
const PROGRESS: &[&str] = &[
    "progress",
    "growing",
    "grows",
    "grew",
    "rose",
    "rising",
    "lifts",
    "lifted",
    "improved",
    "improving",
    "improves",
    "ahead",
    "on-track",
    "track",
    "succeeded",
    "success",
    "winning",
    "wins",
    "working",
    "up",
    "increased",
    "increases",
    "boosted",
    "continue",
    "continues",
];

pub fn progress_while_killed(story: &Story<'_>) -> Vec<Finding> {
    let Some(first) = story.journal.triggered.first() else {
        return Vec::new();
    };
    let fields = story.fields;
    let claims_progress = [
        (Target::Title, fields.title.as_str()),
        (Target::Resolution, &fields.beats.resolution),
        (Target::Evidence, &fields.beats.evidence),
    ]
    .into_iter()
    .find(|(_, text)| {
        lower_words(text)
            .iter()
            .any(|w| PROGRESS.contains(&w.as_str()))
    });
    let Some((target, _)) = claims_progress else {
        return Vec::new();
    };
    vec![finding(
        "progress-while-killed",
        info("progress-while-killed"),
        Some(target),
        format!(
            "This reads as progress, but a kill criterion of the journal it backs has triggered ({first}): say so and what happens next."
        ),
        None,
    )]
}

pub fn assumption_only_anecdote(story: &Story<'_>) -> Vec<Finding> {
    story
        .journal
        .anecdotal_assumptions
        .iter()
        .map(|assumption| {
            finding(
                "assumption-only-anecdote",
                info("assumption-only-anecdote"),
                None,
                format!(
                    "A high-importance assumption rests on an anecdote (“{}”): back it with a survey, cohort data or a pilot before you lean on it.",
                    assumption.trim()
                ),
                None,
            )
        })
        .collect()
}

/// Nothing hides a trigger: an update that stopped backing a journal while
/// one of its kill criteria was triggered says so, every time it is
/// reviewed (the record stays in both histories).
pub fn unlinked_while_triggered(story: &Story<'_>) -> Vec<Finding> {
    story
        .journal
        .unlinked_while_triggered
        .iter()
        .map(|record| {
            finding(
                "unlinked-while-triggered",
                info("unlinked-while-triggered"),
                None,
                format!(
                    "{record}. Say so in the update (the conflict or the resolution), or back the journal again."
                ),
                None,
            )
        })
        .collect()
}

/// A forked journal holds two bets at once (revisions made apart on the
/// same earlier one): the update backed by it may follow either, so the
/// coach says which revisions disagree until one joins them.
pub fn journal_forked(story: &Story<'_>) -> Vec<Finding> {
    let heads = &story.journal.forked_heads;
    if heads.len() < 2 {
        return Vec::new();
    }
    let named: Vec<String> = heads
        .iter()
        .map(|head| {
            format!(
                "revision {} by {} (“{}”)",
                head.seq,
                head.author.trim(),
                head.reason.trim()
            )
        })
        .collect();
    let count = match heads.len() {
        2 => "Two".to_owned(),
        n => n.to_string(),
    };
    vec![finding(
        "journal-forked",
        info("journal-forked"),
        None,
        format!(
            "{count} revisions of the decision journal were made on the same earlier one: {}. This update may follow either; record a revision that joins them.",
            named.join(" and ")
        ),
        None,
    )]
}
