//! What an update started from a template must hold, on top of every
//! other rule: a go/no-go's decision date and kill criterion, an incident
//! summary's impact, cause and owned fix, a weekly update's and a QBR's
//! comparison. An update without a template is never judged by these.

use super::super::text::{lower_words, mentions, sentences, words, MONTHS};
use super::resolution::owner_and_date;
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::template::TemplateId;
use crate::Evidence;

pub fn template_expectations(story: &Story<'_>) -> Vec<Finding> {
    let Some(template) = story.fields.template else {
        return Vec::new();
    };
    match template {
        TemplateId::GoNoGo => go_no_go(story),
        TemplateId::IncidentSummary => incident(story),
        TemplateId::WeeklyUpdate => comparison(
            story,
            "template-weekly-comparison",
            COMPARISON_SIGNS,
            "A weekly update shows movement: compare this week with last week or a baseline (“3.4% vs 2.6% last week”).",
        ),
        TemplateId::Qbr => comparison(
            story,
            "template-qbr-target",
            TARGET_SIGNS,
            "A quarterly review is judged against its targets: give each figure with its target or plan (“NRR 112% vs a 108% target”).",
        ),
    }
}

/// Whether `text` states a calendar date: 2026-01-15, 15 January, Jan 15.
pub(crate) fn states_calendar_date(text: &str) -> bool {
    let all = words(text);
    let is_day = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let iso = |w: &str| {
        let parts: Vec<&str> = w.trim_end_matches([',', '.']).split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
    };
    all.iter().enumerate().any(|(i, w)| {
        if iso(w.text) {
            return true;
        }
        let lower = w.lower();
        let month = MONTHS.contains(&lower.trim_end_matches([',', '.']));
        month
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| all.get(j))
                .any(|n| is_day(n.text))
    })
}

fn go_no_go(story: &Story<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let resolution = story.fields.beats.resolution.trim();
    if !resolution.is_empty() && !states_calendar_date(resolution) {
        out.push(finding(
            "template-decision-date",
            info("template-decision-date"),
            Some(Target::Resolution),
            "A go/no-go is a decision on a day: state the decision date in the resolution (“Go on 15 January”).",
            None,
        ));
    }
    if story.journal.kill_criteria == Some(0) {
        out.push(finding(
            "template-kill-criterion",
            info("template-kill-criterion"),
            None,
            "A go/no-go needs the bar that would stop it: link a decision journal with a kill criterion (Decision journal › Link).",
            None,
        ));
    }
    out
}

/// Words that say why something happened.
#[rustfmt::skip]
const CAUSE_SIGNS: &[&str] = &[
    "because", "cause", "caused", "causes", "due", "root", "triggered", "trigger", "after",
    "expired", "failed", "failure", "bug", "misconfigured", "misconfiguration", "regression",
    "outage", "overloaded", "exhausted", "broke", "broken", "missing", "error", "errors",
    "deploy", "deployed", "deployment", "change", "changed",
];

fn incident(story: &Story<'_>) -> Vec<Finding> {
    let beats = &story.fields.beats;
    let mut out = Vec::new();
    let context = beats.context.trim();
    if !context.is_empty()
        && !sentences(context)
            .iter()
            .any(|s| crate::beat_jobs::states_amount(s.text))
    {
        out.push(finding(
            "template-incident-impact",
            info("template-incident-impact"),
            Some(Target::Context),
            "Give the impact in numbers: who was affected, for how long, what it cost (“For 47 minutes 18% of checkouts failed”).",
            None,
        ));
    }
    let conflict = beats.conflict.trim();
    if !conflict.is_empty() && !mentions(&lower_words(conflict), CAUSE_SIGNS) {
        out.push(finding(
            "template-incident-cause",
            info("template-incident-cause"),
            Some(Target::Conflict),
            "Say what caused it (“an expired certificate, because renewal was manual”).",
            None,
        ));
    }
    let resolution = beats.resolution.trim();
    if !resolution.is_empty() {
        let (owner, date) = owner_and_date(resolution);
        if !(owner && date) {
            out.push(finding(
                "template-incident-owner",
                info("template-incident-owner"),
                Some(Target::Resolution),
                "An incident's fix needs an owner and a date (“The platform team adds an expiry alarm by 11 December”).",
                None,
            ));
        }
    }
    out
}

#[rustfmt::skip]
const COMPARISON_SIGNS: &[&str] = &[
    "vs", "versus", "against", "compared", "from", "last", "previous", "prior", "baseline",
    "before", "up", "down", "rose", "fell", "grew", "dropped",
];

#[rustfmt::skip]
const TARGET_SIGNS: &[&str] = &[
    "target", "targets", "plan", "planned", "goal", "budget", "forecast", "commit", "committed",
    "quota",
];

fn comparison(story: &Story<'_>, rule: &str, signs: &[&str], message: &str) -> Vec<Finding> {
    let fields = story.fields;
    let evidence = fields.beats.evidence.trim();
    let baseline = match &fields.evidence {
        Evidence::Metric(m) => !m.baseline.trim().is_empty(),
        _ => false,
    };
    let texts = [evidence, fields.beats.context.trim(), fields.title.trim()];
    if baseline && rule == "template-weekly-comparison" {
        return Vec::new();
    }
    if texts.iter().all(|t| t.is_empty()) {
        return Vec::new();
    }
    if texts.iter().any(|t| mentions(&lower_words(t), signs)) {
        return Vec::new();
    }
    vec![finding(
        rule,
        info(rule),
        Some(Target::Evidence),
        message,
        None,
    )]
}
