//! The resolution: who does what by when, tied to the executive priority.

use super::super::text::{has_digit, lower_words, mentions, sentences, MONTHS, PERIODS, WEEKDAYS};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};

#[rustfmt::skip]
const OWNER_SIGNS: &[&str] = &[
    "team", "squad", "group", "pod", "crew", "engineering", "sales", "marketing", "support",
    "operations", "finance", "legal", "pm", "lead", "owner", "owns", "led",
    // An organisation or an office acting: "the company is contacting each
    // user", "the Director of Legal Services agrees the terms".
    "company", "board", "council", "committee", "department", "director", "manager", "authority",
    "agency", "trust",
];
/// Besides month names and quarters ([`MONTHS`], [`PERIODS`]).
#[rustfmt::skip]
const DATE_SIGNS: &[&str] = &[
    "by", "before", "until", "deadline", "today", "tomorrow", "tonight", "week", "month", "quarter",
    "sprint", "monday", "tuesday", "wednesday", "thursday", "friday", "eow", "eod", "eoq",
    "immediately", "spring", "summer", "autumn", "winter",
];

fn names_a_date(words: &[String]) -> bool {
    words.iter().any(|w| {
        let w = w.as_str();
        DATE_SIGNS.contains(&w) || MONTHS.contains(&w) || PERIODS.contains(&w)
    })
}

/// Whether a resolution names who acts, and by when. A bare "we" names
/// nobody: a team, a role or a person does.
pub(crate) fn owner_and_date(text: &str) -> (bool, bool) {
    let words = lower_words(text);
    // "You will need to set a new password": the reader is told to act.
    let the_reader_acts = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "you" | "you'll" | "you’ll")
            && matches!(w[1].as_str(), "will" | "must" | "need" | "should" | "have")
            // "I ask you to help build…".
            || matches!(
                w[0].as_str(),
                "ask" | "asks" | "asking" | "invite" | "urge" | "encourage" | "encourages"
            )
                && w[1] == "you"
    });
    // "Users are asked to set a new password": whoever is asked acts; so
    // does the public "we are asking" to act.
    let asked = words
        .windows(3)
        .any(|w| matches!(w[0].as_str(), "is" | "are") && w[1] == "asked" && w[2] == "to")
        || words.windows(4).any(|w| {
            matches!(w[0].as_str(), "asking" | "urging")
                && (matches!(
                    w[1].as_str(),
                    "people" | "customers" | "users" | "everyone" | "members" | "residents"
                ) && w[2] == "to"
                    || w[1] == "the" && w[3] == "to")
        });
    // "Approve the adjustments to district programs": a board paper's ask
    // of the body reading it, which is the owner.
    let asks_for_approval = sentences(text).iter().any(|s| {
        lower_words(s.text).first().is_some_and(|verb| {
            matches!(
                verb.as_str(),
                "approve" | "endorse" | "authorise" | "authorize" | "ratify" | "adopt"
            )
        })
    });
    // "Please try the app and tell me what you think": the reader acts.
    // (A bare instruction, "Restore the replica", names nobody.)
    let instructed = sentences(text).iter().any(|s| {
        let said_to_the_reader = lower_words(s.text)
            .iter()
            .any(|w| matches!(w.as_str(), "please" | "you" | "your"));
        said_to_the_reader && crate::beat_jobs::instructs_the_reader(s.text)
    });
    // "GAO recommends that VA: …", "the panel recommended that the
    // Council…": whoever the recommendation names acts.
    let recommended_to = crate::beat_jobs::recommends_to_a_named_body(
        text,
        &["recommends that ", "recommend that ", "recommended that "],
    );
    // "Donations can be made through the centre's page": the reader
    // gives.
    let the_reader_gives = crate::beat_jobs::tells_how_to_give(&words);
    let has_owner = mentions(&words, OWNER_SIGNS)
        || the_reader_gives
        || recommended_to
        || names_someone(text)
        || the_reader_acts
        || asked
        || asks_for_approval
        || instructed;
    // "by" alone is not a date; "by 15 March", "by Q2", "next sprint" are.
    let next_year = words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "next" | "this" | "coming") && w[1] == "year");
    // "Every six months", "each quarter", "monthly": a recurring time.
    let recurring = words.windows(3).any(|w| {
        matches!(w[0].as_str(), "every" | "each")
            && [&w[1], &w[2]].iter().any(|unit| {
                matches!(
                    unit.trim_end_matches('s'),
                    "day" | "week" | "fortnight" | "month" | "quarter" | "year" | "sprint"
                )
            })
    }) || words.iter().any(|w| {
        matches!(
            w.as_str(),
            "daily" | "weekly" | "fortnightly" | "monthly" | "quarterly" | "annually" | "yearly"
        )
    });
    // "As we head into 2024", "by 2027", "during 2024": a year ahead is a
    // when ("launched in 2005" is history).
    let a_year = words.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "into" | "by" | "until" | "before" | "throughout" | "during"
        ) && w[1].len() == 4
            && w[1]
                .parse::<u16>()
                .is_ok_and(|year| (2000..=2100).contains(&year))
    });
    // "We are keeping the 200-point version as the default": a decision
    // that holds from now. ("We are planning to…", "we are putting our
    // energy into…" set no time.)
    const TAKING_EFFECT: &[&str] = &[
        "keeping",
        "making",
        "moving",
        "switching",
        "dropping",
        "ending",
        "stopping",
        "closing",
        "launching",
        "retiring",
        "removing",
        "raising",
        "cutting",
        "pausing",
        "turning",
        "shutting",
        "sunsetting",
        "rolling",
    ];
    let from_now = words.windows(3).any(|w| {
        matches!((w[0].as_str(), w[1].as_str()), ("we" | "i", "are" | "am"))
            && TAKING_EFFECT.contains(&w[2].as_str())
    }) || words.windows(2).any(|w| {
        matches!(w[0].as_str(), "we're" | "we’re" | "i'm" | "i’m")
            && TAKING_EFFECT.contains(&w[1].as_str())
    });
    // "Stop using the machines straight away": now is a time.
    let at_once = words.windows(2).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("straight" | "right", "away") | ("at", "once")
        )
    });
    // "Run it again before the external beta": a milestone is a when.
    let a_milestone = words.windows(4).any(|w| {
        const MILESTONES: &[&str] = &[
            "launch",
            "release",
            "beta",
            "go-live",
            "deadline",
            "cutover",
            "meeting",
            "review",
            "migration",
            "rollout",
            "election",
            "summer",
            "winter",
            "holidays",
        ];
        matches!(w[0].as_str(), "by" | "before" | "until" | "at")
            && w[1] == "the"
            && (MILESTONES.contains(&w[2].as_str()) || MILESTONES.contains(&w[3].as_str()))
    });
    let has_date = next_year
        || a_milestone
        || at_once
        || recurring
        || from_now
        || a_year
        || names_a_date(&words)
            && (has_digit(text)
                || words.iter().any(|w| {
                    !matches!(w.as_str(), "by" | "before" | "until")
                        && names_a_date(std::slice::from_ref(w))
                }));
    (has_owner, has_date)
}

/// A remedy or a stop reported as done ("we revoked the key and issued a
/// replacement", "the company has added security layers", "this marks the
/// end of life for the app") needs no date: it has happened, and its owner
/// is who writes. A plan alongside it still needs one.
fn already_done(text: &str) -> bool {
    let words = lower_words(text);
    let done = words.windows(3).any(|w| {
        let past = |v: &str| {
            v.len() > 3 && v.ends_with("ed") && v != "need"
                || matches!(
                    v,
                    "reset"
                        | "put"
                        | "set"
                        | "cut"
                        | "shut"
                        | "made"
                        | "built"
                        | "sent"
                        | "taken"
                        | "done"
                        | "begun"
                        | "written"
                        | "paid"
                        | "brought"
                        | "took"
                        | "ran"
                        | "gave"
                        | "kept"
                        | "rebuilt"
                        | "wrote"
                )
        };
        // "We then checked…", "we quickly rolled back".
        let adverb = |v: &str| {
            matches!(
                v,
                "then" | "also" | "quickly" | "immediately" | "finally" | "first" | "later"
            )
        };
        (w[0] == "we" && past(&w[1]))
            || (w[0] == "we" && adverb(&w[1]) && past(&w[2]))
            || (matches!(w[0].as_str(), "has" | "have") && past(&w[1]))
            || (w[0] == "we" && w[1] == "have" && past(&w[2]))
    }) || ["end of life", "no longer", "shutting down"]
        .iter()
        .any(|phrase| text.to_lowercase().contains(phrase));
    // "It will run before every deploy" describes the remedy; "we will
    // also move" plans more.
    let plans = words
        .iter()
        .any(|w| matches!(w.as_str(), "we'll" | "we’ll"))
        || words.windows(2).any(|w| {
            w[0] == "we"
                && matches!(
                    w[1].as_str(),
                    "will" | "plan" | "shall" | "intend" | "aim" | "are" | "need" | "must"
                )
        });
    done && !plans
}

/// Words after a name that make it the one who acts: "Dana ships it",
/// "HR will recalibrate", "Finance owns the model".
const ACTS: &[&str] = &[
    "will", "is", "are", "has", "have", "must", "should", "can", "owns", "leads", "'s", "’s", "to",
    "plans", "intends", "decided", "agreed",
];
/// Words before a name that make it the owner: "owned by Dana", "led by
/// the CFO's office", "Owner: Platform".
const OWNED_BY: &[&str] = &["by", "owner", "owners", "led", "owned", "assigned", "with"];

/// A capitalised word inside a sentence that acts or is named as owner: a
/// person, a team, a company ("Dana ships it", "HR recalibrates", "owned
/// by Platform"). A product or system named in passing ("restore the
/// PostgreSQL replica") is not one, nor is a month or a day.
fn names_someone(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let bare = |word: &str| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let mut opens_sentence = true;
    for (i, word) in tokens.iter().enumerate() {
        let name = bare(word);
        let capitalised = name.chars().next().is_some_and(char::is_uppercase);
        let lower = name.to_lowercase();
        let calendar = MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str());
        if !opens_sentence && capitalised && !calendar {
            let next = tokens.get(i + 1).map(|w| bare(w).to_lowercase());
            let after_next = tokens.get(i + 2).map(|w| bare(w).to_lowercase());
            // "Platform ships the fix": a verb in -s before its object
            // ("LVM snapshots hourly" is a noun).
            let verb_s = |n: &str| {
                n.len() > 3
                    && n.ends_with('s')
                    && !n.ends_with("ss")
                    && after_next.as_deref().is_some_and(|a| {
                        matches!(
                            a,
                            "the"
                                | "a"
                                | "an"
                                | "it"
                                | "its"
                                | "our"
                                | "their"
                                | "every"
                                | "all"
                                | "this"
                                | "these"
                                | "each"
                                | "them"
                                // "Thames Water finds out that…".
                                | "out"
                                | "that"
                        )
                    })
            };
            let acts = word.ends_with("'s")
                || word.ends_with("’s")
                || next
                    .as_deref()
                    .is_some_and(|n| ACTS.contains(&n) || verb_s(n));
            let owned = i
                .checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|b| OWNED_BY.contains(&bare(b).to_lowercase().as_str()));
            if acts || owned {
                return true;
            }
        }
        opens_sentence = word.ends_with(['.', '!', '?', ':']) || word.starts_with(['-', '*']);
    }
    false
}

pub fn resolution_no_owner_or_date(story: &Story<'_>) -> Vec<Finding> {
    let Some(text) = super::structure::beat_or_stand_in(story, Target::Resolution) else {
        return Vec::new();
    };
    // Either one gives the follow-up a handle; a resolution with neither
    // is a wish. With no resolution beat, any paragraph that plans may
    // give it.
    let beat_written = !story.fields.beats.resolution.trim().is_empty();
    let handle = |text: &str| owner_and_date(text) != (false, false) || already_done(text);
    if handle(text)
        || !beat_written
            && super::structure::stand_in_paragraphs(story, Target::Resolution)
                .into_iter()
                .any(handle)
    {
        return Vec::new();
    }
    vec![finding(
        "resolution-no-owner-or-date",
        info("resolution-no-owner-or-date"),
        Some(Target::Resolution),
        "Say who does it and by when (“The Growth squad ships it by 15 December”).",
        None,
    )]
}

/// Words too common to tie a resolution to a priority.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "the", "and", "for", "our", "with", "from", "into", "that", "this", "more", "less", "new",
    "all", "per", "rate", "growth",
];

pub fn resolution_not_tied_to_priority(story: &Story<'_>) -> Vec<Finding> {
    let priority = story.fields.priority.trim();
    let resolution = &story.fields.beats.resolution;
    if priority.is_empty() || resolution.trim().is_empty() {
        return Vec::new();
    }
    let stems = |text: &str| -> Vec<String> {
        lower_words(text)
            .into_iter()
            .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
            .map(|w| w.chars().take(5).collect())
            .collect()
    };
    let wanted = stems(priority);
    let said = stems(resolution);
    if wanted.is_empty() || wanted.iter().any(|w| said.contains(w)) {
        return Vec::new();
    }
    vec![finding(
        "resolution-not-tied-to-priority",
        info("resolution-not-tied-to-priority"),
        Some(Target::Resolution),
        format!("Say how this serves the priority, “{priority}”."),
        None,
    )]
}
