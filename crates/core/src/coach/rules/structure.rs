//! The story's shape: every beat present, about its job, short enough to read.

use super::super::text::{lower_words, mentions, sentences, words};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};

const BEAT_WORD_BUDGET: usize = 60;
const SENTENCE_WORD_LIMIT: usize = 30;

pub fn beat_missing(story: &Story<'_>) -> Vec<Finding> {
    story
        .beats()
        .into_iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(target, _)| {
            let what = match target {
                Target::Context => "Write the context: the market shift, customer pain or competitive threat.",
                Target::Conflict => "Write the conflict: the obstacle or trade-off that makes this urgent now.",
                Target::Resolution => "Write the resolution: the decisive action, who does it and by when.",
                _ => "Write the evidence: one metric with its baseline, or one attributed customer quote.",
            };
            finding("beat-missing", info("beat-missing"), Some(target), what, None)
        })
        .collect()
}

/// Words that show each beat doing its job (stems; inflections count).
#[rustfmt::skip]
const CONTEXT_SIGNS: &[&str] = &[
    "market", "competitor", "competitors", "competition", "rival", "customer", "customers", "user",
    "users", "buyer", "buyers", "client", "clients", "churn", "pain", "complain", "request",
    "demand", "shift", "trend", "regulation", "launch", "price", "pricing", "freemium", "segment",
    "enterprise", "prospect", "prospects", "survey", "feedback", "tier", "threat", "undercut",
    "switch", "leave", "lose", "account", "accounts", "partner", "partners",
];
#[rustfmt::skip]
const CONFLICT_SIGNS: &[&str] = &[
    "but", "however", "yet", "although", "while", "without", "cannot", "can't", "won't", "obstacle",
    "risk", "trade-off", "tradeoff", "cost", "costs", "block", "blocked", "blocker", "drop",
    "dropped", "drop-off", "fall", "fell", "decline", "leak", "leaking", "stall", "stalls", "slow",
    "slower", "miss", "missed", "behind", "lose", "losing", "churn", "only", "too", "constraint",
    "limited", "capacity", "delay", "delayed", "problem", "fail", "failing", "worse", "down",
    "short", "gap", "urgent", "deadline", "instead",
];
#[rustfmt::skip]
const ACTION_SIGNS: &[&str] = &[
    "ship", "shipping", "launch", "build", "release", "roll", "rolls", "rolling", "start", "stop",
    "add", "remove", "cut", "move", "hire", "fund", "invest", "pause", "kill", "test", "pilot",
    "run", "migrate", "replace", "deprecate", "introduce", "offer", "price", "change", "reassign",
    "redirect", "focus", "prioritize", "prioritise", "deliver", "expand", "partner", "automate",
    "extend", "keep", "halt", "propose", "recommend", "approve", "decide", "adopt", "implement",
    "create", "open", "close", "sunset", "raise", "lower", "bundle", "nudge",
];

pub fn beat_off_job(story: &Story<'_>) -> Vec<Finding> {
    let checks: [(Target, &[&str], &str); 3] = [
        (
            Target::Context,
            CONTEXT_SIGNS,
            "The context should name what changed outside: a market shift, a customer pain or a competitor's move.",
        ),
        (
            Target::Conflict,
            CONFLICT_SIGNS,
            "The conflict should name the obstacle or trade-off that makes this urgent, or a metric moving the wrong way.",
        ),
        (
            Target::Resolution,
            ACTION_SIGNS,
            "The resolution should name a concrete action (ship, launch, stop, fund, test…), not an intention.",
        ),
    ];
    let mut out = Vec::new();
    for (target, signs, message) in checks {
        let text = story
            .beats()
            .into_iter()
            .find(|(t, _)| *t == target)
            .map_or("", |(_, text)| text);
        if text.trim().is_empty() {
            continue;
        }
        let words = lower_words(text);
        let digits_as_metric = target == Target::Conflict && text.contains('%');
        if !mentions(&words, signs) && !digits_as_metric {
            out.push(finding(
                "beat-off-job",
                info("beat-off-job"),
                Some(target),
                message,
                None,
            ));
        }
    }
    out
}

pub fn beat_too_long(story: &Story<'_>) -> Vec<Finding> {
    story
        .beats()
        .into_iter()
        .filter_map(|(target, text)| {
            let count = words(text).len();
            (count > BEAT_WORD_BUDGET).then(|| {
                finding(
                    "beat-too-long",
                    info("beat-too-long"),
                    Some(target),
                    format!(
                        "{count} words: a slide is read at a glance, keep a beat under {BEAT_WORD_BUDGET} (cut to the one fact that matters)."
                    ),
                    None,
                )
            })
        })
        .collect()
}

/// The glance test: the renderer had to cut text to fit the slide.
pub fn slide_text_cut(story: &Story<'_>) -> Option<Finding> {
    story.slide.text_cut.then(|| {
        finding(
            "slide-text-cut",
            info("slide-text-cut"),
            None,
            "The slide fails the glance test: even at the smallest type its text ends in “…”. Cut each beat to its one fact.",
            None,
        )
    })
}

pub fn long_sentence(story: &Story<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (target, text) in story.texts() {
        for sentence in sentences(text) {
            let count = words(sentence.text).len();
            if count > SENTENCE_WORD_LIMIT {
                out.push(finding(
                    "long-sentence",
                    info("long-sentence"),
                    Some(target),
                    format!("This sentence has {count} words: split it (at most {SENTENCE_WORD_LIMIT})."),
                    Some([sentence.start, sentence.end]),
                ));
            }
        }
    }
    out
}
