//! The action title: a sentence with a verb that states the takeaway.

use super::super::text::{inflects, words};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};

const TITLE_WORD_LIMIT: usize = 15;

/// Verbs a takeaway is told with (base forms; -s, -ed, -ing count), plus
/// irregular forms.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "lift", "raise", "grow", "cut", "drop", "double", "halve", "triple", "beat", "miss", "win",
    "lose", "ship", "launch", "need", "cost", "save", "drive", "push", "pull", "stall", "leak",
    "slip", "slow", "speed", "boost", "reduce", "increase", "decrease", "improve", "hurt", "block",
    "unblock", "fix", "break", "stop", "start", "keep", "move", "shift", "switch", "replace",
    "roll", "expand", "shrink", "protect", "threaten", "risk", "pay", "return", "convert",
    "recover", "climb", "jump", "fall", "decline", "rise", "add", "remove", "kill", "pause", "fund",
    "hire", "invest", "delay", "hold", "outperform", "underperform", "close", "open", "reach",
    "hit", "exceed", "trail", "lead", "make", "take", "give", "get", "put", "bring", "show",
    "prove", "confirm", "suggest", "require", "demand", "deliver", "unlock", "enable", "prevent",
    "avoid", "churn", "retain", "gain", "earn", "bring", "turn", "approve", "decide", "choose",
    "recommend", "propose", "ask", "let", "help", "work", "fail", "succeed", "lag", "narrow",
    "widen", "undercut", "erode", "outgrow", "overtake", "halt", "redirect", "go", "change", "come",
    "bundle", "nudge", "test", "pilot", "migrate", "quit", "leave",
];
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "rose", "risen", "fell", "fallen", "grew", "grown", "won", "lost", "beat", "made", "took",
    "taken", "gave", "given", "got", "brought", "led", "left", "held", "hit", "cut", "kept", "paid",
    "is", "are", "was", "were", "will", "must", "should", "can", "could", "needs", "has", "have",
    "had", "does", "did", "went", "gone", "came", "saw", "became", "shows",
];
/// Words that end a label title ("Q3 onboarding update").
#[rustfmt::skip]
const LABEL_ENDINGS: &[&str] = &[
    "update", "updates", "status", "review", "overview", "report", "summary", "recap", "results",
    "metrics", "progress", "roadmap", "plan", "notes", "highlights",
];

/// Whether a title reads as a sentence with a verb rather than a label.
pub fn is_action_title(title: &str) -> bool {
    let found = words(title);
    if found.len() < 3 {
        return false;
    }
    let lower: Vec<String> = found.iter().map(|w| w.text.to_lowercase()).collect();
    if lower
        .last()
        .is_some_and(|last| LABEL_ENDINGS.contains(&last.as_str()))
        && !lower.iter().any(|w| IRREGULAR.contains(&w.as_str()))
    {
        return false;
    }
    lower.iter().any(|word| {
        IRREGULAR.contains(&word.as_str()) || VERBS.iter().any(|verb| inflects(word, verb))
    })
}

pub fn title_not_action(story: &Story<'_>) -> Vec<Finding> {
    let title = story.fields.title.trim();
    if title.is_empty() {
        return vec![finding(
            "title-not-action",
            info("title-not-action"),
            Some(Target::Title),
            "Add an action title: the takeaway as one sentence with a verb (“Checklist lifts activation 9 points”).",
            None,
        )];
    }
    if is_action_title(title) {
        return Vec::new();
    }
    vec![finding(
        "title-not-action",
        info("title-not-action"),
        Some(Target::Title),
        "This title is a label: state the takeaway as a sentence with a verb (“Checklist lifts activation 9 points”).",
        Some([0, story.fields.title.chars().count()]),
    )]
}

pub fn title_too_long(story: &Story<'_>) -> Vec<Finding> {
    let count = words(&story.fields.title).len();
    if count <= TITLE_WORD_LIMIT {
        return Vec::new();
    }
    vec![finding(
        "title-too-long",
        info("title-too-long"),
        Some(Target::Title),
        format!("{count} words: a title is read in two seconds, keep it to {TITLE_WORD_LIMIT} or fewer."),
        None,
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_titles_and_labels() {
        assert!(is_action_title(
            "Setup checklist lifts week-one activation by 9 points"
        ));
        assert!(is_action_title(
            "Trial conversion rose 9% after usage nudges"
        ));
        assert!(is_action_title("We must halt the native build"));
        assert!(!is_action_title("Onboarding update"));
        assert!(!is_action_title("Q3 growth review"));
        assert!(!is_action_title("Pricing"));
    }
}
