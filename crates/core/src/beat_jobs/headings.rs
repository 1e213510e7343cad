//! What a section's heading says its text is for. A draft written
//! elsewhere names its parts in its own words ("How was the problem
//! resolved for the future?", "Preventative measures", "What went wrong"):
//! the heading reads as a beat's job by what it asks or names, not by one
//! spelling of the beat's name.

use crate::coach::text::lower_words;

/// The jobs a heading can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingJob {
    Context,
    Conflict,
    Resolution,
}

/// The job the heading names, if it names one. A heading that names two
/// ("Cause and remedy") names the later one: the section ends on it.
pub fn heading_job(heading: &str) -> Option<HeadingJob> {
    let words = lower_words(heading);
    if words.is_empty() || logs_or_looks_back(&words) {
        return None;
    }
    let text = format!(" {} ", words.join(" "));
    if names_a_plan(&words, &text) {
        Some(HeadingJob::Resolution)
    } else if names_a_problem(&words, &text) {
        Some(HeadingJob::Conflict)
    } else if names_the_scene(&words, &text) {
        Some(HeadingJob::Context)
    } else {
        None
    }
}

/// A log, a lesson or a reason, whatever words it uses: "Incident
/// timeline", "Lessons learned", "Reasons for the decision", "Decision
/// drivers", "Resolved" (a status page's entry).
fn logs_or_looks_back(words: &[String]) -> bool {
    let any = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    any(&[
        "timeline",
        "chronolog",
        "lesson",
        "learn",
        "reason",
        "driver",
        "why",
    ]) || (words.len() == 1 && matches!(words[0].as_str(), "resolved" | "fixed" | "update"))
}

/// What is being done or asked: a remedy, a prevention, a fix, a
/// recommendation, the next steps.
fn names_a_plan(words: &[String], text: &str) -> bool {
    let stems = ["remed", "prevent", "mitigat", "recommend", "propos"];
    // A fix asked about or set about is the remedy ("How was it fixed?",
    // "Fixing the potholes"); "Updates and fixes" lists work shipped.
    let asks_how = words.first().is_some_and(|w| w == "how");
    let fixed = asks_how
        && words
            .iter()
            .any(|w| w.starts_with("fix") || w.starts_with("resolv"))
        || words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "fix" | "fixing" | "resolving"));
    // Not "Moving forward", "Follow-up" or "Plans": under those a letter
    // may only say it is confident, and a status page's follow-up may
    // only retell the incident.
    let phrases = [
        " next steps ",
        " action plan ",
        " action items ",
        " required action ",
        " doing about ",
        " we're changing ",
        " we are changing ",
        " what you need to do ",
        " what to do ",
        " the ask ",
        " our ask ",
    ];
    fixed
        || asks_what_is_to_be_done(words)
        || words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
        || phrases.iter().any(|p| text.contains(p))
}

/// "What we will do", "What I'm doing with these results", "What the
/// team plans to do next": what someone will do or is doing, whoever it
/// is. "What we did" and "What we do" look back or describe.
fn asks_what_is_to_be_done(words: &[String]) -> bool {
    const AHEAD: [&str; 10] = [
        "will", "ll", "shall", "am", "m", "are", "re", "is", "plan", "plans",
    ];
    let looks_ahead = |word: &String| {
        AHEAD.contains(&word.as_str())
            || ["'re", "'ll", "'m", "’re", "’ll", "’m"]
                .iter()
                .any(|contraction| word.ends_with(contraction))
    };
    words.iter().enumerate().any(|(at, word)| {
        let after = words.get(at + 1..(at + 6).min(words.len())).unwrap_or(&[]);
        word == "what"
            && after
                .iter()
                .position(|w| w == "do" || w == "doing")
                .is_some_and(|done| after[..done].iter().any(&looks_ahead))
    })
}

/// What went wrong or stands in the way: a problem, an issue, a risk, a
/// cause, a breach or an outage.
fn names_a_problem(words: &[String], text: &str) -> bool {
    let stems = [
        "problem",
        "issue",
        "challeng",
        "risk",
        "obstacle",
        "blocker",
        "concern",
        "threat",
        "complication",
        "cause",
        "breach",
        "vulnerabilit",
        "outage",
        "incident",
        "failure",
        "headwind",
        "shortfall",
    ];
    let phrases = [
        " went wrong ",
        " what happened ",
        " how did this happen ",
        " how did it happen ",
        // What it does to the reader: a deprecation's or an outage's effect.
        " how does this impact ",
        " how will this impact ",
        " how does this affect ",
        " how will this affect ",
        " who is affected ",
        " who is impacted ",
        " customer impact ",
        " user impact ",
        " negatives ",
        " the bad ",
    ];
    words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
        || phrases.iter().any(|p| text.contains(p))
        || (words.len() == 1 && words[0] == "bad")
}

/// Where things stand: the background, an overview, the history.
fn names_the_scene(words: &[String], text: &str) -> bool {
    let stems = [
        "background",
        "backstory",
        "overview",
        "introduction",
        "history",
    ];
    let phrases = [" where we are ", " where we stand ", " the situation "];
    words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
        || phrases.iter().any(|p| text.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_name_a_plan_in_their_own_words() {
        for heading in [
            "How was the problem resolved for the future?",
            "How was it fixed?",
            "Fixing the potholes",
            "Preventative measures",
            "Preventing a repeat",
            "Mitigation",
            "Recommended action",
            "What are we doing about this?",
            "Next steps for the pilot",
            "Cause and remedy",
            "Our proposal",
            "What you need to do",
            "What I will do with these results",
            "What we're doing",
            "What the team plans to do next",
        ] {
            assert_eq!(
                heading_job(heading),
                Some(HeadingJob::Resolution),
                "{heading}"
            );
        }
    }

    #[test]
    fn headings_that_name_a_problem() {
        for heading in [
            "How did this happen?",
            "What went wrong",
            "Root cause",
            "The security breach",
            "Risks",
            "Issues",
            "Database incident",
            "How does this impact you?",
            "Who is affected?",
            "Customer impact",
        ] {
            assert_eq!(
                heading_job(heading),
                Some(HeadingJob::Conflict),
                "{heading}"
            );
        }
    }

    #[test]
    fn headings_that_set_the_scene() {
        for heading in ["The backstory", "Background and history", "Where we stand"] {
            assert_eq!(heading_job(heading), Some(HeadingJob::Context), "{heading}");
        }
    }

    #[test]
    fn logs_lessons_reasons_and_topics_name_no_job() {
        for heading in [
            "Incident timeline",
            "Lessons learned",
            "Reasons for the decision",
            "Decision drivers",
            "Resolved",
            "Key learnings",
            "Revenue",
            "Community health",
            "What went well",
            "What we did",
            "What we do",
            "What is DNS?",
            "Moving forward",
            "Follow-up",
            "Updates and fixes",
            "Membership data",
            "Impact of the programme",
            "",
        ] {
            assert_eq!(heading_job(heading), None, "{heading}");
        }
    }
}
