//! Words that want a number, hedges, undefined acronyms, activity reported
//! as if it were an outcome.

use super::super::text::{find_phrase, has_digit, lower_words, mentions, sentences, words};
use super::{finding, info, Story};
use crate::beat_jobs::OUTCOME;
use crate::coach::{Finding, Target};

/// Vague words and phrases, each with what to write instead. An
/// intensifier used as emphasis ("very", "quite") is style, not vagueness.
const VAGUE: &[(&str, &str)] = &[
    ("okay", "say how much, against what"),
    ("ok", "say how much, against what"),
    ("fine", "say how much, against what"),
    ("good", "give the number"),
    ("great", "give the number"),
    ("better", "say by how much"),
    ("improved", "say by how much, from what"),
    ("significantly", "give the size of the change"),
    ("significant", "give the size"),
    ("substantial", "give the size"),
    ("substantially", "give the size"),
    ("dramatically", "give the size of the change"),
    ("many", "give the count"),
    ("several", "give the count"),
    ("various", "name them or count them"),
    ("numerous", "give the count"),
    ("some", "give the count or share"),
    ("a lot", "give the count"),
    ("lots", "give the count"),
    ("a handful", "give the count"),
    ("a few", "give the count"),
    ("a little", "give the size"),
    ("most", "give the share"),
    ("modest", "give the size"),
    ("an extended period", "give the duration"),
    ("soon", "give the date"),
    ("shortly", "give the date"),
    ("eventually", "give the date"),
    ("in the coming days", "give the date"),
    ("robust", "say what it withstands, in numbers"),
    ("strong", "give the number"),
    ("healthy", "give the number and its benchmark"),
    ("solid", "give the number"),
    ("promising", "give the result so far"),
    ("encouraging", "give the result so far"),
    ("decent", "give the number"),
];

/// Words before "fine" that make it a judgement ("looks fine"), not a
/// penalty ("the fine").
const FINE_AS_JUDGEMENT: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "looks", "look", "looked", "seems", "seem", "seemed",
    "went", "going", "feels", "feel", "all", "fairly", "just", "mostly",
];

/// Words of quantity: in the context and conflict they describe the
/// background ("several data centres"); in the title, the resolution and
/// the evidence they stand where the proof or the commitment needs a number.
const QUANTITY: &[&str] = &[
    "many",
    "several",
    "various",
    "numerous",
    "some",
    "a lot",
    "lots",
    "a handful",
    "a few",
    "most",
];

/// Words of judgement: a claim when said of a result ("adoption looks
/// good", "results are strong", "better than plan"), not when they name an
/// aim or a kind ("make better policy", "so good that people choose it").
const JUDGEMENTS: &[&str] = &[
    "good",
    "great",
    "better",
    "strong",
    "healthy",
    "solid",
    "decent",
    "robust",
    "promising",
    "encouraging",
];
/// Words before a judgement that make it said of something: a linking verb
/// or a degree ("looks good", "much better").
#[rustfmt::skip]
const JUDGED_AFTER: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "looks", "look", "looked", "looking",
    "seems", "seem", "seemed", "feels", "feel", "felt", "remains", "remain", "remained", "stays",
    "stay", "stayed", "became", "become", "becomes", "got", "gets", "getting", "very", "really",
    "pretty", "quite", "fairly", "much", "far", "even", "significantly", "still", "all", "'s",
    "’s", "sounds", "appears", "appear", "appeared",
];

/// Whether a judgement word is said of a result: after a linking verb or a
/// degree, or before "than".
fn judged(found: &[super::super::text::Word<'_>], index: usize) -> bool {
    let previous = index
        .checked_sub(1)
        .and_then(|i| found.get(i))
        .map(|w| w.lower());
    let next = found.get(index + 1).map(|w| w.lower());
    previous
        .as_deref()
        .is_some_and(|p| JUDGED_AFTER.contains(&p) || p.ends_with("'s") || p.ends_with("’s"))
        || next.as_deref() == Some("than")
}

/// Whether the vague word at `index` (its first word) stands for a number
/// the reader needs: not in a sentence that gives one, not "the most" or
/// "at most", not "fine" as a noun, not a quantity in the background.
fn wants_number(
    found: &[super::super::text::Word<'_>],
    numbered: &[(usize, usize, bool)],
    index: usize,
    phrase: &str,
    target: Target,
) -> bool {
    if QUANTITY.contains(&phrase) && matches!(target, Target::Context | Target::Conflict) {
        return false;
    }
    let previous = index
        .checked_sub(1)
        .and_then(|i| found.get(i))
        .map(|w| w.lower());
    if phrase == "most" && matches!(previous.as_deref(), Some("the" | "at")) {
        return false;
    }
    // "Many features have been improved": work done on things, told in
    // the passive; "conversion improved" is a measure that moved.
    if phrase == "improved" && previous.as_deref() == Some("been") {
        return false;
    }
    if JUDGEMENTS.contains(&phrase) && !judged(found, index) {
        return false;
    }
    if phrase == "fine"
        && !previous
            .as_deref()
            .is_some_and(|p| FINE_AS_JUDGEMENT.contains(&p))
    {
        return false;
    }
    let Some(word) = found.get(index) else {
        return true;
    };
    // "Some suggested changes": the pronoun, an aside about who said what,
    // not a quantity the claim rests on.
    let next = found.get(index + 1).map(|w| w.lower()).unwrap_or_default();
    // "Shortly after the incident, we added alerting": a time tied to an
    // event the reader knows, not a promise without a date.
    if matches!(phrase, "soon" | "shortly") && matches!(next.as_str(), "after" | "before") {
        return false;
    }
    if phrase == "some" && next.len() > 3 && next.ends_with("ed") {
        return false;
    }
    // The sentence holding the word, found by position (sentences are in order).
    let at = numbered.partition_point(|&(_, end, _)| end <= word.start);
    let Some(&(start, end, has_number)) = numbered.get(at) else {
        return true;
    };
    if start <= word.start && has_number {
        return false;
    }
    // "I designed a new visual language for several content types": a
    // count of the team's own work is no outcome to quantify.
    let sentence: String = found
        .iter()
        .filter(|w| w.start >= start && w.end <= end)
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ");
    !(QUANTITY.contains(&phrase) && reports_activity(&sentence))
}

/// Each sentence's span and whether it states a number, computed once per
/// text: a beat full of vague words is still read in one pass.
fn numbered_sentences(text: &str) -> Vec<(usize, usize, bool)> {
    sentences(text)
        .into_iter()
        .map(|s| (s.start, s.end, super::super::text::has_number(s.text)))
        .collect()
}

pub fn vague_word(story: &Story<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // A title's "improved" is followed by the number in the text below it
    // when the draft states an outcome in numbers.
    let body_gives_numbers = super::structure::draft_gives_evidence(story)
        || super::structure::passage_gives_evidence(&story.fields.beats.evidence, story.english);
    for (target, text) in story.texts() {
        if target == Target::Title && body_gives_numbers {
            continue;
        }
        let found = words(text);
        let numbered = numbered_sentences(text);
        let majority_on_the_chart = story
            .fields
            .chart
            .as_ref()
            .is_some_and(|chart| super::majority::claims_a_category_majority(chart, text));
        for (phrase, instead) in VAGUE {
            for span in find_phrase(&found, phrase) {
                let index = found.partition_point(|w| w.start < span.0);
                if !wants_number(&found, &numbered, index, phrase, target) {
                    continue;
                }
                // "Most projects are amber" over a chart of ratings: the
                // chart gives the share (and the claim check weighs it).
                if *phrase == "most" && majority_on_the_chart {
                    continue;
                }
                out.push(finding(
                    "vague-word",
                    info("vague-word"),
                    Some(target),
                    format!("“{phrase}” wants a number: {instead}."),
                    Some([span.0, span.1]),
                ));
            }
        }
    }
    out
}

#[rustfmt::skip]
const HEDGES: &[&str] = &[
    "i think", "we think", "i believe", "we believe", "i feel", "we feel", "maybe", "perhaps",
    "might", "possibly", "probably", "hopefully", "sort of", "kind of", "somewhat", "seems", "seem",
    "arguably", "could potentially", "we hope", "i hope", "fairly",
];

/// Words before "kind of" / "sort of" that make it a noun ("this kind of
/// failure"), not a hedge ("it kind of works").
const KIND_AS_NOUN: &[&str] = &[
    "a", "an", "this", "that", "the", "any", "every", "what", "which", "same", "one", "some", "no",
    "each", "another", "these", "those", "new", "other",
];

/// Hedges soften what is recommended or claimed: the title and the
/// resolution. The context and conflict describe ("when a primary seems
/// to disappear, the orchestrator promotes a replica"), and the evidence
/// may state honest uncertainty; there only the writer's own hedges count
/// ("I think", "hopefully").
pub fn hedge(story: &Story<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (target, text) in story.texts() {
        let found = words(text);
        let judged_whole = matches!(target, Target::Title | Target::Resolution);
        for phrase in HEDGES {
            let own =
                phrase.starts_with("i ") || phrase.starts_with("we ") || *phrase == "hopefully";
            if !judged_whole && !own {
                continue;
            }
            for span in find_phrase(&found, phrase) {
                let index = found.partition_point(|w| w.start < span.0);
                let noun = phrase.ends_with(" of")
                    && index
                        .checked_sub(1)
                        .and_then(|i| found.get(i))
                        .is_some_and(|w| KIND_AS_NOUN.contains(&w.lower().as_str()));
                if noun {
                    continue;
                }
                out.push(finding(
                    "hedge",
                    info("hedge"),
                    Some(target),
                    format!("“{phrase}” weakens the point: state it, and put the uncertainty in a number or range."),
                    Some([span.0, span.1]),
                ));
            }
        }
    }
    out
}

/// Acronyms an executive audience reads without a definition.
#[rustfmt::skip]
const KNOWN_ACRONYMS: &[&str] = &[
    "CEO", "CFO", "CTO", "COO", "CPO", "CMO", "CRO", "VP", "SVP", "EVP", "PM", "HR", "KPI", "KPIS",
    "OKR", "OKRS", "ROI", "API", "APIS", "UI", "UX", "US", "USA", "UK", "EU", "AI", "ML", "PDF",
    "CSV", "SQL", "IT", "QA", "ARR", "MRR", "NPS", "B2B", "B2C", "SLA", "GA", "FAQ", "ID", "IOS",
    "TV", "OK", "AM", "PM", "CRM", "ERP", "SEO", "GDPR", "USD", "EUR", "GBP", "JPY", "YOY", "MOM",
    "QOQ", "ETA", "EOD", "EOW", "R&D", "FTE", "FTES", "SAAS", "URL", "URLS", "FY", "SDK", "DNS",
    "AWS", "BLUF",
    // Time zones, units and protocols every reader of a status page knows.
    "UTC", "GMT", "BST", "CET", "CEST", "PST", "PDT", "EST", "EDT", "GB", "MB", "TB", "KB", "SSL",
    "TLS", "HTTP", "HTTPS", "CPU", "GPU", "RAM", "VPN", "IP", "COVID", "TBD", "ASAP", "FYI", "SEC",
];

/// Ordinary words written in capitals — a memo's "TO:" and "FROM:", a
/// plan's name ("PRO"), a shout ("URGENT") — are not acronyms.
#[rustfmt::skip]
const WORDS_IN_CAPITALS: &[&str] = &[
    "TO", "FROM", "AND", "THE", "FOR", "NOT", "NEW", "NOW", "ALL", "PRO", "INFO", "NOTE", "RE",
    "CC", "YES", "NO", "STOP", "GO", "ASK", "ACTION", "UPDATE", "URGENT", "DRAFT", "FINAL", "DATE",
    "FREE", "PLUS", "MAX", "ONE", "OUT", "OFF", "UP", "DOWN", "OR", "BUT", "WITH", "ONLY", "MUST",
    "WILL", "NEXT", "DONE", "LIVE", "BETA", "ALPHA", "RED", "AMBER", "GREEN", "HIGH", "LOW", "OPEN",
    "CLOSED", "SUBJ", "DEAR", "WHY", "WHAT", "HOW", "WHO", "WHEN", "ASKS", "RISK", "RISKS",
];

/// "GOV.UK", "ASP.NET": part of a dotted name, not an acronym.
fn in_dotted_name(text: &str, start: usize, end: usize) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphabetic())
    };
    (chars.get(end) == Some(&'.') && letter(Some(end + 1)))
        || (start >= 1 && chars.get(start - 1) == Some(&'.') && letter(start.checked_sub(2)))
}

/// "TL;DR" reads as two acronyms to a word splitter; every reader knows it.
fn inside_tldr(text: &str, start: usize, end: usize) -> bool {
    let from = (start.saturating_sub(3)..=start).find(|&i| text.is_char_boundary(i));
    let to = (end..=(end + 3).min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i));
    match (from, to) {
        (Some(from), Some(to)) => text[from..to].to_ascii_uppercase().contains("TL;DR"),
        _ => false,
    }
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    (2..=6).contains(&word.chars().count())
        && letters >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && !is_period(word)
}

/// Q3, H1, FY26, W12: periods, not acronyms.
fn is_period(word: &str) -> bool {
    let (head, tail): (String, String) = word.chars().partition(|c| c.is_ascii_alphabetic());
    !tail.is_empty() && matches!(head.as_str(), "Q" | "H" | "FY" | "W" | "CW" | "FQ")
}

pub fn undefined_acronym(story: &Story<'_>) -> Vec<Finding> {
    let fields = story.fields;
    let everything = [
        fields.title.as_str(),
        &fields.audience,
        &fields.priority,
        &fields.beats.context,
        &fields.beats.conflict,
        &fields.beats.resolution,
        &fields.beats.evidence,
    ]
    .join("\n");
    let mut out = Vec::new();
    let mut reported: Vec<String> = Vec::new();
    for (target, text) in story.texts() {
        for word in words(text) {
            let token = word.text.trim_end_matches('s');
            let token = if is_acronym(token) { token } else { word.text };
            if !is_acronym(token)
                || KNOWN_ACRONYMS.contains(&token.to_ascii_uppercase().as_str())
                || WORDS_IN_CAPITALS.contains(&token)
                || in_dotted_name(text, word.start, word.end)
                || inside_tldr(text, word.start, word.end)
                || reported.iter().any(|r| r == token)
                || everything.contains(&format!("({token})"))
            {
                continue;
            }
            reported.push(token.to_owned());
            out.push(finding(
                "undefined-acronym",
                info("undefined-acronym"),
                Some(target),
                format!("Spell out {token} the first time: “Full name ({token})”."),
                Some([word.start, word.end]),
            ));
        }
    }
    out
}

/// Shipping verbs in the past or in progress: what a team did, not will do.
#[rustfmt::skip]
const SHIPPING: &[&str] = &[
    "built", "shipped", "launched", "released", "delivered", "completed", "finished", "closed",
    "deployed", "merged", "implemented", "added", "created", "wrote", "worked", "working",
    "spoke", "met", "held", "ran", "interviewed", "visited", "talked", "attended",
    "organised", "organized", "published", "presented",
];
/// The sentence is about us, not a competitor's launches.
#[rustfmt::skip]
const SELF: &[&str] = &[
    "we", "our", "us", "i", "team", "squad", "engineering", "engineers", "lead", "manager",
];
#[rustfmt::skip]
const COUNTED: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
    "several", "many", "multiple", "new", "features", "feature", "tickets", "stories", "epics",
    "releases", "items", "bugs", "fixes", "improvements", "updates", "projects", "things", "x",
];

/// Units of planned work: counting them ("18 of the 110 actions are
/// overdue", "12 workshops held") measures the work, not what it changed.
#[rustfmt::skip]
const WORK_ITEMS: &[&str] = &[
    "actions", "tasks", "milestones", "deliverables", "workshops", "epics", "sprints", "action",
    "task", "milestone", "deliverable",
];

/// Whether the sentence counts units of planned work: a number with a work
/// item within three words after it ("18 of the 110 actions").
fn counts_work_items(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(i, word)| {
        super::super::text::is_number_word(word)
            && lower
                .iter()
                .skip(i + 1)
                .take(3)
                .any(|w| WORK_ITEMS.contains(&w.as_str()))
    })
}

/// A sentence that counts what the team did ("we shipped 400 features",
/// "18 of the 110 actions are overdue") and says nothing of what it changed.
pub(super) fn reports_activity(sentence: &str) -> bool {
    // "More than 100 research projects": an approximate count compares
    // nothing.
    let all = lower_words(sentence);
    let words: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(at, word)| {
            !(word.as_str() == "than"
                && at
                    .checked_sub(1)
                    .and_then(|before| all.get(before))
                    .is_some_and(|before| matches!(before.as_str(), "more" | "fewer" | "less"))
                && all
                    .get(at + 1)
                    .is_some_and(|next| super::super::text::is_number_word(next)))
        })
        .map(|(_, word)| word.clone())
        .collect();
    // "Conversion 3.4% vs 2.6%, 41k sessions": a measure that moved.
    let says_what_changed = mentions(
        &words,
        &[
            "rose",
            "fell",
            "grew",
            "increased",
            "decreased",
            "reduced",
            "lifted",
            "saved",
            "improved",
            "dropped",
            "doubled",
            "halved",
            "vs",
            "versus",
            "than",
            "conversion",
            "retention",
            "revenue",
            "churn",
            "activation",
            "adoption",
        ],
    );
    if counts_work_items(&words) && !says_what_changed {
        return true;
    }
    let lower = lower_words(sentence);
    // We (or our team) shipped: the subject comes before the verb.
    // "Worked on" is activity; "none of our methods worked" is a failure.
    let verb = lower.iter().enumerate().position(|(i, w)| {
        SHIPPING.contains(&w.as_str())
            && (!matches!(w.as_str(), "worked" | "working")
                || lower.get(i + 1).is_some_and(|next| next == "on"))
    });
    let denied = lower
        .iter()
        .any(|w| matches!(w.as_str(), "none" | "not" | "never" | "no" | "nothing"));
    // A list item that opens with the verb ("- Ran the workshops") has
    // the team as its subject.
    // Not what the team did: a thing described by what was done to it
    // ("the datasets that were created in the last two months"), or what
    // someone wants to see done ("keen to see features added").
    let not_the_teams_work = |verb: usize| {
        let before = |back: usize| verb.checked_sub(back).and_then(|at| lower.get(at));
        let described = before(1).is_some_and(|w| matches!(w.as_str(), "was" | "were"))
            && before(2).is_some_and(|w| matches!(w.as_str(), "that" | "which"));
        let wished = lower[..verb]
            .iter()
            .rev()
            .take(4)
            .any(|w| matches!(w.as_str(), "see" | "seeing" | "want" | "wants" | "wish"));
        described || wished
    };
    let ships = verb.is_some_and(|verb| {
        (verb == 0 || lower.iter().take(verb).any(|w| SELF.contains(&w.as_str())))
            && !not_the_teams_work(verb)
    });
    // A year or a date is not a count ("we launched Reader in 2005").
    let counted = lower.iter().any(|w| COUNTED.contains(&w.as_str()))
        || crate::beat_jobs::states_amount(sentence);
    let outcome = mentions(&lower, OUTCOME) || sentence.contains('%');
    ships && counted && !outcome && !denied
}

/// Who or what use is counted when an outcome is told in words.
#[rustfmt::skip]
const PEOPLE_OR_USE: &[&str] = &[
    "users", "customers", "participants", "visitors", "members", "subscribers", "people",
    "donors", "sign-ups", "signups", "downloads", "sessions", "orders", "sales", "revenue",
    "traffic", "calls", "complaints", "tickets", "errors", "incidents", "outages", "readers",
    "listeners", "viewers", "students", "patients", "buyers", "clicks",
];

pub fn activity_not_outcome(story: &Story<'_>) -> Vec<Finding> {
    // An update whose evidence gives its effect in numbers reports an
    // outcome, whatever else it lists.
    let fields = story.fields;
    let metric_number = match &fields.evidence {
        crate::Evidence::Metric(metric) => has_digit(&metric.value),
        _ => false,
    };
    // A draft written elsewhere, with no evidence beat, is read whole: its
    // outcome may sit under any heading, and so may its list of activity.
    let written_elsewhere = fields.beats.evidence.trim().is_empty();
    let passages: Vec<(Option<Target>, &str)> = if written_elsewhere {
        story
            .passages()
            .into_iter()
            .map(|p| match p.place {
                super::Place::Beat(target) => (Some(target), p.text),
                super::Place::Section(_) => (None, p.text),
            })
            .chain(std::iter::once((
                Some(Target::Title),
                fields.title.as_str(),
            )))
            .collect()
    } else {
        story
            .texts()
            .into_iter()
            .map(|(t, text)| (Some(t), text))
            .collect()
    };
    // What the evidence rule counts as an outcome counts here too ("close
    // to 600 new users have joined today"): one reading of a measure.
    let outcome_in = |text: &str| {
        sentences(text).iter().any(|sentence| {
            let lower = lower_words(sentence.text);
            crate::beat_jobs::states_amount(sentence.text)
                && (mentions(&lower, OUTCOME) && !only_a_share(&lower, sentence.text)
                    || share_hit(&lower, sentence.text)
                    || mentions(&lower, COMPARED)
                    || story.english
                        && crate::beat_jobs::states_amount(sentence.text)
                        && crate::beat_jobs::measures_an_outcome(sentence.text)
                        && !reports_activity(sentence.text))
        })
    };
    // An outcome told in words is still an outcome (its missing figure is
    // `evidence-missing`'s to say): "our main channels already have more
    // participants than IRC had at its busiest".
    let outcome_in_words = |text: &str| {
        sentences(text).iter().any(|sentence| {
            let lower = lower_words(sentence.text);
            // (Of people or use, not of the team's own output: "the page
            // carries more how-to material than it did".)
            lower.windows(3).any(|w| {
                matches!(w[0].as_str(), "more" | "fewer" | "less")
                    && w[1..].iter().any(|x| PEOPLE_OR_USE.contains(&x.as_str()))
            }) && lower.iter().any(|x| x == "than")
                && !reports_activity(sentence.text)
        })
    };
    let outcome_in = |text: &str| outcome_in(text) || story.english && outcome_in_words(text);
    let outcome_sentence = if written_elsewhere {
        passages.iter().any(|(_, text)| outcome_in(text))
    } else {
        outcome_in(&fields.beats.evidence)
    };
    // A postmortem's "we added monitoring" is its remediation, and the
    // incident is its outcome: not an activity report.
    if metric_number
        || outcome_sentence
        || reports_findings(&passages)
        || super::structure::reads_as_a_postmortem(story)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (target, text) in passages {
        for sentence in sentences(text) {
            if reports_activity(sentence.text) {
                out.push(finding(
                    "activity-not-outcome",
                    info("activity-not-outcome"),
                    target,
                    "This reports activity, not an outcome: say what changed for customers or the business, with a number.",
                    target.map(|_| [sentence.start, sentence.end]),
                ));
            }
        }
    }
    out
}

/// A read-out of research reports what it learned, not what the team did:
/// "Participants could not see why we wanted them", "the research showed
/// us that…", "users disliked typing".
fn reports_findings(passages: &[(Option<Target>, &str)]) -> bool {
    const PEOPLE: &[&str] = &[
        "participants",
        "users",
        "customers",
        "respondents",
        "residents",
        "interviewees",
        "testers",
        "people",
    ];
    const LEARNED: &[&str] = &[
        "research",
        "study",
        "survey",
        "interviews",
        "testing",
        "sessions",
    ];
    const SHOWED: &[&str] = &[
        "showed",
        "shows",
        "found",
        "revealed",
        "suggests",
        "suggested",
    ];
    let findings = passages
        .iter()
        .flat_map(|(_, text)| sentences(text))
        .filter(|sentence| {
            let lower = lower_words(sentence.text);
            let said_by_people = lower.windows(2).any(|w| {
                PEOPLE.contains(&w[0].as_str())
                    && (matches!(
                        w[1].as_str(),
                        "said"
                            | "told"
                            | "disliked"
                            | "liked"
                            | "struggled"
                            | "asked"
                            | "could"
                            | "wanted"
                            | "preferred"
                            | "expected"
                            | "found"
                    ))
            });
            let research_showed = lower
                .windows(2)
                .any(|w| LEARNED.contains(&w[0].as_str()) && SHOWED.contains(&w[1].as_str()));
            said_by_people || research_showed
        })
        .count();
    findings >= 2
}

/// Words that compare a figure with another: a baseline, a target, a group.
const COMPARED: &[&str] = &[
    "than", "vs", "versus", "compared", "against", "from", "baseline", "before", "previous",
    "prior",
];

/// "About 40% of workflows were delayed": the share a failure hit is its
/// impact, an outcome.
fn share_hit(lower: &[String], sentence: &str) -> bool {
    const HIT: &[&str] = &[
        "delayed",
        "failed",
        "affected",
        "lost",
        "disrupted",
        "impacted",
        "unavailable",
        "blocked",
        "dropped",
        "stranded",
    ];
    sentence.contains('%') && lower.iter().any(|w| HIT.contains(&w.as_str()))
}

/// "Inside Gov accounts for about 3% of visits": a share stated alone is
/// a level, not a change; the only outcome word it has is the "%".
fn only_a_share(lower: &[String], sentence: &str) -> bool {
    sentence.contains('%')
        && !mentions(
            lower,
            &OUTCOME
                .iter()
                .copied()
                .filter(|w| *w != "%")
                .collect::<Vec<_>>(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_periods() {
        assert!(is_acronym("NRR"));
        assert!(is_acronym("PLG"));
        assert!(!is_acronym("Q3"));
        assert!(!is_acronym("FY26"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("Trial"));
    }

    #[test]
    fn a_rough_count_of_work_done_is_activity_and_a_comparison_is_not() {
        assert!(reports_activity(
            "We shipped more than 40 features this quarter."
        ));
        assert!(!reports_activity(
            "We shipped 40 features, and conversion rose from 3% to 4%."
        ));
    }

    #[test]
    fn what_was_done_to_a_thing_or_is_wished_for_is_not_the_teams_work() {
        assert!(!reports_activity(
            "As things stand, we think the datasets affected are ones that were created during the last two months."
        ));
        assert!(!reports_activity(
            "I know plenty of you are keen to see particular features added and bugs fixed."
        ));
        assert!(reports_activity(
            "We added 12 features and fixed 30 bugs in the last two months."
        ));
    }
}
