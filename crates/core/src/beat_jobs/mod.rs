//! What a passage does, read from its words: whether it states an outcome
//! in numbers, a quantity at all, a conflict or a resolution. The coach
//! asks these of every sentence of a draft, wherever it sits, because a
//! draft written elsewhere does a beat's job under a heading of any name
//! ("Growth outlook", "The experiment") or under none.

use crate::coach::text::{
    has_number, is_number_word, lower_words, mentions, sentences, split_at_char, words, Word,
    MONTHS, WEEKDAYS,
};

mod amounts;
mod conflict;
mod headings;
mod resolution;
#[cfg(test)]
mod tests;

pub use amounts::{
    attributed_quote, measures_an_outcome, states_amount, states_outcome_in_numbers, OUTCOME,
};
pub use conflict::{states_conflict, states_harm, states_obstacle};
pub use headings::{heading_job, HeadingJob};
pub use resolution::{instructs_the_reader, reports_a_fix_made, states_resolution};
pub(crate) use resolution::{recommends_to_a_named_body, tells_how_to_give};

/// The text saying what it will cover: "This post summarises how far we
/// have come and what is still to do", "In this update I look at…". It
/// names topics; the sentences after it state them.
pub(crate) fn introduces_the_text(lower: &[String]) -> bool {
    const TEXTS: [&str; 9] = [
        "post", "update", "report", "note", "letter", "paper", "document", "article", "blog",
    ];
    const COVERS: [&str; 13] = [
        "summarise",
        "summarize",
        "set",
        "cover",
        "explain",
        "describe",
        "outline",
        "look",
        "review",
        "give",
        "share",
        "walk",
        "recap",
    ];
    let start = match lower {
        [first, second, ..] if first == "in" && second == "this" => 2,
        [first, ..] if first == "this" => 1,
        _ => return false,
    };
    lower
        .get(start)
        .is_some_and(|text| TEXTS.contains(&text.as_str()))
        && lower.iter().skip(start + 1).take(3).any(|verb| {
            let stem = verb.strip_suffix('s').unwrap_or(verb);
            COVERS.contains(&stem) || COVERS.contains(&verb.as_str())
        })
}

/// Whether the sentence sets the scene: a statement of some length that
/// is not a plan, not an ask, not itself the conflict and not a log entry
/// ("14:02 UTC — …").
pub fn states_context(sentence: &str) -> bool {
    let all = words(sentence);
    let log_entry = sentence
        .trim_start()
        .chars()
        .take(6)
        .filter(|c| c.is_ascii_digit() || *c == ':')
        .count()
        >= 4
        // A status page's entry: "**Update, 16 April.** …", "Resolved: …".
        || all.first().is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "update" | "updated" | "resolved" | "investigating" | "monitoring" | "identified"
            ) && split_at_char(sentence, w.end)
                .1
                .starts_with([',', ':', '.', '*'])
        });
    all.len() >= 8
        && !log_entry
        && !reports_on_the_team(sentence)
        && !frames_the_text(sentence)
        && !states_resolution(sentence)
        && !states_conflict(sentence)
}

/// The team speaking of itself with nothing counted: "We take security
/// extremely seriously", "we are testing and handing back sites much
/// faster". That is how the writer feels or what it is busy with, not
/// what is so for the reader. ("We closed the quarter with 209m members"
/// counts something and is context.)
fn reports_on_the_team(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    lower.iter().any(|w| w == "we") && !has_number(sentence)
}

/// A courtesy ("Thank you for your attention") or the line that introduces
/// a table ("Restoration by day:") frames the update; it states nothing.
fn frames_the_text(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    introduces_the_text(&lower_words(&lower))
        || lower.ends_with(':')
        || [
            "thank you",
            "thanks",
            "sorry",
            "please",
            "we apologise",
            "we apologize",
        ]
        .iter()
        .any(|opening| lower.starts_with(opening))
}
