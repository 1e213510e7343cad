//! The story's shape: every beat present, about its job, short enough to read.

use super::super::text::{
    has_digit, has_number, lower_words, mentions, sentences, words, MONTHS, PERIODS,
};
use super::{finding, info, Place, Story};
use crate::beat_jobs;
use crate::coach::{Finding, Target};

const BEAT_WORD_BUDGET: usize = 60;
const SENTENCE_WORD_LIMIT: usize = 40;

pub fn beat_missing(story: &Story<'_>) -> Vec<Finding> {
    let written = story.passages().iter().any(|p| !p.text.trim().is_empty());
    let mut out = Vec::new();
    for (target, text) in story.beats() {
        if target == Target::Resolution && tells_only_work_done(story, text) {
            out.push(match found_elsewhere(story, target) {
                Some(passage) => done_but_decided_elsewhere(&passage),
                None => finding(
                    "beat-missing",
                    info("beat-missing"),
                    Some(target),
                    "The resolution tells work already done: write the decision or next step, who does it and by when.",
                    None,
                ),
            });
            continue;
        }
        if !text.trim().is_empty() {
            continue;
        }
        if target == Target::Evidence {
            if evidence_given_elsewhere(story) {
                continue;
            }
            match found_elsewhere(story, target) {
                Some(passage) => out.push(unplaced(target, &passage)),
                // Nothing in the draft is evidence: one finding says so,
                // `evidence-missing`, unless nothing is written at all.
                None if written => {}
                None => out.push(missing(target)),
            }
            continue;
        }
        match found_elsewhere(story, target) {
            Some(passage) => out.push(unplaced(target, &passage)),
            None => out.push(match work_done_under_a_plan_heading(story, target) {
                Some(heading) => finding(
                    "beat-missing",
                    info("beat-missing"),
                    Some(target),
                    format!("“{heading}” tells work already done: write the decision or next step, who does it and by when."),
                    None,
                ),
                None => missing(target),
            }),
        }
    }
    out
}

/// The heading of a section named as the plan that tells only work done.
fn work_done_under_a_plan_heading<'a>(story: &Story<'a>, target: Target) -> Option<&'a str> {
    if target != Target::Resolution {
        return None;
    }
    story.passages().into_iter().find_map(|p| match p.place {
        Place::Section(heading)
            if heading_names(target, p.place) && work_done_under(story, p.place, p.text) =>
        {
            Some(heading)
        }
        _ => None,
    })
}

/// A section headed as the plan ("What we are doing about it") that tells
/// only work done. A heading that names a decision ("Making sense of your
/// decision") may tell it in the past: a decision made is one.
fn work_done_under(story: &Story<'_>, place: Place<'_>, text: &str) -> bool {
    let Place::Section(heading) = place else {
        return false;
    };
    !names_a_decision(heading) && tells_only_work_done(story, text)
}

/// A heading that names a decision ("Making sense of your decision").
fn names_a_decision(heading: &str) -> bool {
    lower_words(heading).iter().any(|w| {
        w.starts_with("decision") || w.starts_with("decide") || w == "verdict" || w == "outcome"
    })
}

/// A resolution beat that tells only what the team already did ("I
/// sketched the test flow… We brought back the button"), as a case
/// study's "Solution" section does: outside a postmortem, work done is
/// activity, and the update still owes its decision.
fn tells_only_work_done(story: &Story<'_>, text: &str) -> bool {
    const PAST: &[&str] = &[
        "ran", "built", "made", "brought", "set", "took", "wrote", "sent", "began", "did", "gave",
        "kept", "put", "chose", "drew", "found", "rebuilt", "spent", "met", "led",
    ];
    let all = sentences(text);
    let past_verb =
        |verb: &String| (verb.len() > 4 && verb.ends_with("ed")) || PAST.contains(&verb.as_str());
    // "We brought back the button"; and in the passive, "the patrol beats
    // were redrawn at the start of 2019".
    const PASSIVE_PAST: &[&str] = &["redrawn", "rewritten", "taken", "begun", "done", "given"];
    let told_as_past = |sentence: &str| {
        let lower = lower_words(sentence);
        lower.iter().enumerate().any(|(at, word)| {
            matches!(word.as_str(), "we" | "i") && lower.iter().skip(at + 1).take(2).any(past_verb)
        }) || lower.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "was" | "were")
                && (past_verb(&pair[1]) || PASSIVE_PAST.contains(&pair[1].as_str()))
        })
    };
    // (The whole-draft postmortem reading last: most beats end earlier.)
    story.english
        && !text.trim().is_empty()
        && all.iter().any(|s| told_as_past(s.text))
        && !all.iter().any(|s| beat_jobs::states_resolution(s.text))
        && !reads_as_a_postmortem(story)
}

fn missing(target: Target) -> Finding {
    let what = match target {
        Target::Context => {
            "Write the context: the market shift, customer pain or competitive threat."
        }
        Target::Conflict => {
            "Write the conflict: the obstacle or trade-off that makes this urgent now."
        }
        Target::Resolution => "Write the resolution: the decisive action, who does it and by when.",
        _ => "Write the evidence: one metric with its baseline, or one attributed customer quote.",
    };
    finding(
        "beat-missing",
        info("beat-missing"),
        Some(target),
        what,
        None,
    )
}

/// A passage elsewhere in the draft that does the empty beat's job, and
/// the sentence that does it.
struct Elsewhere<'a> {
    place: Place<'a>,
    sentence: &'a str,
}

/// Where the empty beat's job is done instead: under another heading the
/// update keeps, or inside another beat. In a language the coach does not
/// read, any text under another heading may be it, and so may a later
/// paragraph of another beat.
/// What a sentence must do to do the beat's job (read in English).
fn job_of(target: Target, story: &Story<'_>) -> fn(&str) -> bool {
    match target {
        Target::Context => beat_jobs::states_context,
        Target::Conflict => beat_jobs::states_conflict,
        // A postmortem's remediation counts done or planned (the rubric's
        // settled reading); elsewhere work done is activity.
        Target::Resolution if reads_as_a_postmortem(story) => |sentence: &str| {
            beat_jobs::states_resolution(sentence) || beat_jobs::reports_a_fix_made(sentence)
        },
        Target::Resolution => beat_jobs::states_resolution,
        _ => |sentence: &str| gives_evidence(sentence, true),
    }
}

/// Whether the draft tells of an incident with its times: a word for the
/// failure ("outage", "unavailable", "incident") and at least two times of
/// day, as a postmortem's timeline gives them.
pub(super) fn reads_as_a_postmortem(story: &Story<'_>) -> bool {
    const FAILURES: &[&str] = &[
        "outage",
        "outages",
        "incident",
        "downtime",
        "unavailable",
        "degraded",
        "postmortem",
        "post-mortem",
        "disruption",
        "breach",
        // "We were the target of a denial-of-service attack … the site
        // crashed again".
        "attack",
        "crashed",
    ];
    // A notice titled by its incident ("Data breach at Tangerine Telecom")
    // is one, timeline or not.
    let title = lower_words(&story.fields.title);
    if title.iter().any(|w| FAILURES.contains(&w.as_str())) {
        return true;
    }
    let texts: Vec<&str> = std::iter::once(story.fields.title.as_str())
        .chain(story.passages().iter().map(|p| p.text))
        .collect();
    // ("Status page": the incident told to customers as it ran.)
    let failure = texts.iter().any(|text| {
        let lower = lower_words(text);
        lower.iter().any(|w| FAILURES.contains(&w.as_str()))
            || lower.windows(2).any(|w| w[0] == "status" && w[1] == "page")
    });
    failure && times_of_day(&texts.join(" ")) >= 2
}

/// A sentence that may do a beat's job: not a label line ("**Risks**"),
/// and — but for the evidence — not a table's row, which is data: it may
/// back a claim, but it states no scene, obstacle or plan.
fn may_do_the_job(target: Target, passage: &str, sentence: &str) -> bool {
    words(sentence).len() >= 3
        && (target == Target::Evidence || !sentence.trim_start().starts_with('|'))
        && !(target == Target::Resolution && item_of_a_list_told_as_past(passage, sentence))
}

/// An item of a list its opening line sets in the past ("Ours looked like
/// this:" over "1. Raise adoption among users…", "Last year's goals
/// were:") or opens as a purpose ("which helps us to:"). Its imperatives
/// report what was, or what the work is for, and ask for nothing now.
fn item_of_a_list_told_as_past(passage: &str, sentence: &str) -> bool {
    const PAST: &[&str] = &["looked", "were", "was", "had", "included", "did", "read"];
    /// How far back the list's opening line is looked for: a bound, so a
    /// crafted list of thousands of items costs no more than a short one.
    const LIST_LINES: usize = 60;
    let is_item = |line: &str| {
        let line = line.trim_start();
        line.starts_with(['-', '*', '•'])
            || line.split_once(['.', ')']).is_some_and(|(number, _)| {
                !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
            })
    };
    // The sentence is a slice of the passage: its place is where it
    // starts, found without searching the text.
    let Some(offset) = (sentence.as_ptr() as usize)
        .checked_sub(passage.as_ptr() as usize)
        .filter(|offset| *offset < passage.len())
    else {
        return false;
    };
    let line_start = passage[..offset].rfind('\n').map_or(0, |at| at + 1);
    let line_end = passage[offset..]
        .find('\n')
        .map_or(passage.len(), |at| offset + at);
    if !is_item(&passage[line_start..line_end]) {
        return false;
    }
    passage[..line_start]
        .lines()
        .rev()
        .take(LIST_LINES)
        .find(|line| !line.trim().is_empty() && !is_item(line))
        .is_some_and(|opening| {
            let words = lower_words(opening);
            // "…which helps us to:" over "- keep improving the way
            // volunteering is organised": the items finish a purpose.
            // So do a paper's aims ("This paper comes to the Board to:").
            let purpose = words.last().is_some_and(|last| last == "to")
                && words.iter().any(|word| {
                    matches!(
                        word.as_str(),
                        "helps"
                            | "help"
                            | "helped"
                            | "allows"
                            | "allowed"
                            | "enables"
                            | "lets"
                            | "paper"
                            | "report"
                            | "purpose"
                            | "document"
                    )
                });
            opening.trim_end().ends_with(':')
                && (purpose || words.iter().any(|word| PAST.contains(&word.as_str())))
        })
}

/// Every paragraph, outside the empty beat, with a sentence doing its job:
/// a draft written elsewhere may plan in several places ("So on 1 July we
/// will retire it" after "We believe a narrower focus will serve users").
pub(super) fn stand_in_paragraphs<'a>(story: &Story<'a>, target: Target) -> Vec<&'a str> {
    if !story.english {
        return Vec::new();
    }
    let job = job_of(target, story);
    story
        .passages()
        .into_iter()
        .filter(|p| searched_for(target, p.place, true))
        .flat_map(|p| p.text.split("\n\n"))
        .filter(|paragraph| {
            sentences(paragraph)
                .iter()
                .any(|s| may_do_the_job(target, paragraph, s.text) && job(s.text))
        })
        .collect()
}

/// A section whose heading names the empty beat's job in the draft's own
/// words: "How was the problem resolved for the future?" holds the
/// resolution, "How did this happen?" the conflict, whatever verbs its
/// sentences use.
fn heading_names(target: Target, place: Place<'_>) -> bool {
    let Place::Section(heading) = place else {
        return false;
    };
    let job = match target {
        Target::Context => beat_jobs::HeadingJob::Context,
        Target::Conflict => beat_jobs::HeadingJob::Conflict,
        Target::Resolution => beat_jobs::HeadingJob::Resolution,
        _ => return false,
    };
    beat_jobs::heading_job(heading) == Some(job)
}

/// A sentence long enough to say something (not "TBD", not "See below.").
fn says_something(sentence: &str) -> bool {
    words(sentence).len() >= 5
}

/// The first sentence of a section whose heading names the beat's job:
/// the one doing the job if one does, else the first that says something.
fn under_a_heading_naming_the_job<'a>(story: &Story<'a>, target: Target) -> Option<Elsewhere<'a>> {
    let job = job_of(target, story);
    let first_of = |place: Place<'a>, text: &'a str| {
        let candidates: Vec<_> = sentences(text)
            .into_iter()
            .filter(|s| may_do_the_job(target, text, s.text) && says_something(s.text))
            .collect();
        let sentence = candidates
            .iter()
            .find(|s| job(s.text))
            .or_else(|| candidates.first())?;
        Some(Elsewhere {
            place,
            sentence: sentence.text,
        })
    };
    let passages = story.passages();
    // A section headed as the plan that tells only work done ("What we
    // are doing about it: we have upgraded our tools…") holds no decision.
    let headed = passages
        .iter()
        .filter(|p| heading_names(target, p.place))
        .filter(|p| !(target == Target::Resolution && work_done_under(story, p.place, p.text)))
        .find_map(|p| first_of(p.place, p.text));
    // A bold label that opens a paragraph is a heading too: "**What we're
    // doing.** 1. The skills webpage now has…".
    headed
        .or_else(|| {
            passages.iter().find_map(|p| {
                labelled_parts(p.text)
                    .into_iter()
                    .filter(|(label, _)| label_names(target, label))
                    .find_map(|(_, body)| first_of(p.place, body))
            })
        })
        .or_else(|| {
            // A heading a level down, kept in its section's text: a
            // status page's "## Postmortem" over "### Resolution".
            passages.iter().find_map(|p| {
                subheaded_parts(p.text)
                    .into_iter()
                    .filter(|(heading, _)| {
                        label_names(target, heading) || names_the_beat(target, heading)
                    })
                    .filter(|(heading, body)| {
                        !(target == Target::Resolution
                            && !names_a_decision(heading)
                            && tells_only_work_done(story, body))
                    })
                    .find_map(|(_, body)| first_of(p.place, body))
            })
        })
}

/// Whether a heading is the beat's own name ("Resolution", "The problem").
fn names_the_beat(target: Target, heading: &str) -> bool {
    let beat = match target {
        Target::Context => crate::Beat::Context,
        Target::Conflict => crate::Beat::Conflict,
        Target::Resolution => crate::Beat::Resolution,
        Target::Evidence => crate::Beat::Evidence,
        _ => return false,
    };
    crate::story::beat_named(heading) == Some(beat)
}

/// The parts of a section's text under headings a level down ("### What
/// happened"): each heading, and the text up to the next one.
fn subheaded_parts(text: &str) -> Vec<(&str, &str)> {
    let mut starts: Vec<(usize, usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            if !heading.is_empty() {
                starts.push((offset, offset + line.len(), heading));
            }
        }
        offset += line.len();
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, (_, body_from, heading))| {
            let end = starts.get(i + 1).map_or(text.len(), |(next, _, _)| *next);
            (*heading, text.get(*body_from..end).unwrap_or(""))
        })
        .collect()
}

/// Whether a paragraph's bold label names the beat's job.
fn label_names(target: Target, label: &str) -> bool {
    let job = match target {
        Target::Context => beat_jobs::HeadingJob::Context,
        Target::Conflict => beat_jobs::HeadingJob::Conflict,
        Target::Resolution => beat_jobs::HeadingJob::Resolution,
        _ => return false,
    };
    beat_jobs::heading_job(label) == Some(job)
}

/// The parts of a text that open with a bold label ("**What we learned.**
/// People need…"): each label, and the text after it up to the next
/// label.
fn labelled_parts(text: &str) -> Vec<(&str, &str)> {
    let mut starts: Vec<(usize, usize, &str)> = Vec::new();
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        let trimmed = paragraph.trim_start();
        let lead = paragraph.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("**") {
            if let Some(close) = rest.find("**").filter(|close| *close <= 80) {
                let label = rest[..close].trim().trim_end_matches(['.', ':']);
                let body_from = offset + lead + 2 + close + 2;
                starts.push((offset, body_from, label));
            }
        }
        offset += paragraph.len() + 2;
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, (_, body_from, label))| {
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |(next, _, _)| *next)
                .min(text.len());
            let from = (*body_from).min(end);
            (*label, text.get(from..end).unwrap_or(""))
        })
        .collect()
}

fn found_elsewhere<'a>(story: &Story<'a>, target: Target) -> Option<Elsewhere<'a>> {
    if story.english {
        if let Some(found) = under_a_heading_naming_the_job(story, target) {
            return Some(found);
        }
    }
    let job = job_of(target, story);
    let passages = story.passages();
    let read = passages
        .iter()
        .filter(|p| searched_for(target, p.place, story.english))
        .find_map(|p| {
            // A result may state what stood in the way ("it did not reach
            // 95% confidence"); its falls may be good news, so only an
            // obstacle counts there.
            let job = if target == Target::Conflict && p.place == Place::Beat(Target::Evidence) {
                beat_jobs::states_obstacle
            } else {
                job
            };
            sentences(p.text)
                .into_iter()
                .filter(|s| may_do_the_job(target, p.text, s.text))
                .find(|s| !story.english || job(s.text))
                .map(|s| Elsewhere {
                    place: p.place,
                    sentence: s.text,
                })
        });
    if read.is_some() || story.english {
        return read;
    }
    // Unread language: a beat of several paragraphs may hold the empty
    // beat in a later one (a German context whose third paragraph is the
    // obstacle). Point at that paragraph's first sentence.
    passages.iter().find_map(|p| match p.place {
        Place::Beat(beat) if beat != target => {
            let later = p
                .text
                .split("\n\n")
                .skip(1)
                .find(|para| !para.trim().is_empty())?;
            let first = sentences(later).into_iter().next()?;
            Some(Elsewhere {
                place: p.place,
                sentence: first.text,
            })
        }
        _ => None,
    })
}

/// Where an empty beat's job is looked for: under every other heading the
/// update keeps and in the other beats ("Decision / Why / Impact" read as
/// one resolution holds the context too; in the evidence, a conflict only
/// as an obstacle, since its good-news numbers read as trouble ("tickets
/// fell")). In a language the coach does not read, only other headings count.
fn searched_for(target: Target, place: Place<'_>, english: bool) -> bool {
    match place {
        // Under "Business goals" an imperative ("Cut onboarding time") is
        // a goal the work served, not a step asked now.
        Place::Section(heading)
            if target == Target::Resolution && english && lists_goals(heading) =>
        {
            false
        }
        Place::Section(heading) => !(english && is_boilerplate(heading)),
        // The evidence beat's result ("Pilot cohort converted at 18%
        // against 12% before") is the evidence, not the scene.
        Place::Beat(Target::Evidence) if target == Target::Context => false,
        Place::Beat(beat) => english && beat != target,
    }
}

/// A heading over goals or objectives ("Business goals", "Objectives"),
/// not a plan for them ("Next steps towards our goals" names one).
fn lists_goals(heading: &str) -> bool {
    let words = lower_words(heading);
    words.last().is_some_and(|last| {
        matches!(
            last.as_str(),
            "goals" | "goal" | "objectives" | "objective" | "aims" | "kpis" | "okrs"
        )
    }) && words.len() <= 3
        && beat_jobs::heading_job(heading) != Some(beat_jobs::HeadingJob::Resolution)
}

/// A press release's standing footer ("About GNOME and the GNOME
/// Foundation", "Notes to editors", "Media contact"): it describes the
/// sender the same way every time and does no job of this update.
fn is_boilerplate(heading: &str) -> bool {
    let heading = heading.trim().to_lowercase();
    heading.starts_with("about ")
        || [
            "notes to editors",
            "note to editors",
            "media contact",
            "press contact",
            "for editors",
        ]
        .iter()
        .any(|name| heading.starts_with(name))
}

/// The text that does a beat's job: the beat, or when it is empty the
/// paragraph elsewhere whose sentence does the job (read in English only).
pub(super) fn beat_or_stand_in<'a>(story: &Story<'a>, target: Target) -> Option<&'a str> {
    let (_, text) = story.beats().into_iter().find(|(t, _)| *t == target)?;
    if !text.trim().is_empty() {
        return Some(text);
    }
    if !story.english {
        return None;
    }
    let found = found_elsewhere(story, target)?;
    story
        .passages()
        .into_iter()
        .find(|p| p.place == found.place && p.text.contains(found.sentence))
        .and_then(|p| {
            p.text
                .split("\n\n")
                .find(|paragraph| paragraph.contains(found.sentence))
        })
}

/// Whether the sentence backs a claim. In a language the coach does not
/// read (`english` false), any amount does: what it measures is unread.
fn states_evidence(sentence: &str, english: bool) -> bool {
    // A list's label ("**Three.**") counts nothing; nor does an aside the
    // writer put in brackets ("(By the way, 3% of visits come from it.)").
    let trimmed = sentence.trim().trim_end_matches(['.', '!', '?']);
    // (An aside may run on past the sentence: "(In case you're curious, it
    // will cost $14.99. …)".)
    let aside = trimmed.starts_with('(') && (trimmed.ends_with(')') || !trimmed.contains(')'));
    if words(sentence).len() < 3 || aside {
        return false;
    }
    let measured = |text: &str| {
        beat_jobs::states_amount(text)
            && !super::wording::reports_activity(text)
            && (!english || beat_jobs::measures_an_outcome(text))
    };
    // "We ran 78 sessions, and 1,300 people came along": the activity and
    // what it drew are read apart.
    let a_clause_measured = || {
        super::wording::reports_activity(sentence)
            && sentence
                .split([';', ','])
                .flat_map(|part| part.split(" and "))
                .filter(|clause| words(clause).len() >= 3)
                // "…, recorded 55 hours of content": the team's subject
                // runs on into a clause that opens with its next deed.
                .filter(|clause| {
                    !lower_words(clause)
                        .first()
                        .is_some_and(|first| first.len() > 3 && first.ends_with("ed"))
                })
                .any(measured)
    };
    // "600 units had been tested with zero defects": the work, then what
    // it found.
    let a_result_with_it = || {
        super::wording::reports_activity(sentence)
            && sentence.split(" with ").skip(1).any(|tail| {
                let tail_words = lower_words(tail);
                // (Not "ran sessions with 6 residents": who took part.)
                let found = tail.contains('%')
                    || tail_words.get(1).is_some_and(|noun| {
                        matches!(
                            noun.as_str(),
                            "defects"
                                | "defect"
                                | "errors"
                                | "failures"
                                | "faults"
                                | "crashes"
                                | "incidents"
                                | "complaints"
                                | "problems"
                                | "issues"
                                | "returns"
                        )
                    });
                found
                    && tail_words
                        .first()
                        .is_some_and(|first| super::super::text::is_number_word(first))
                    && !super::wording::reports_activity(tail)
            })
    };
    measured(sentence)
        || a_clause_measured()
        || a_result_with_it()
        || beat_jobs::attributed_quote(sentence)
}

fn unplaced(target: Target, found: &Elsewhere<'_>) -> Finding {
    let beat = target.as_str();
    let (at, quote) = where_and_quote(found);
    finding(
        "beat-unplaced",
        info("beat-unplaced"),
        Some(target),
        format!(
            "The {beat} beat is empty, but its job seems done {at} ({quote}): move it into the {beat} beat, which is what the slide shows."
        ),
        None,
    )
}

/// The resolution beat tells work done, and the decision sits elsewhere.
fn done_but_decided_elsewhere(found: &Elsewhere<'_>) -> Finding {
    let (at, quote) = where_and_quote(found);
    finding(
        "beat-unplaced",
        info("beat-unplaced"),
        Some(Target::Resolution),
        format!(
            "The resolution tells work already done, but the decision seems stated {at} ({quote}): move it into the resolution beat, which is what the slide shows."
        ),
        None,
    )
}

/// Where a beat's job is done, in words, and its sentence quoted (cut at
/// 90 characters).
fn where_and_quote(found: &Elsewhere<'_>) -> (String, String) {
    let at = match found.place {
        Place::Section("") => "in the text before the first heading".to_owned(),
        Place::Section(heading) => format!("under “{heading}”"),
        Place::Beat(other) => format!("in the {}", other.as_str()),
    };
    let quote: String = found.sentence.chars().take(90).collect();
    let cut = if quote.len() < found.sentence.len() {
        "…"
    } else {
        ""
    };
    (at, format!("“{quote}{cut}”"))
}

/// The evidence beat is empty, but the update is backed: its metric or
/// quote is filled in, or another beat states the number ("114 of 4,000
/// crew tested positive" in a memo's situation). The proof is there; the
/// evidence rules judge it.
fn evidence_given_elsewhere(story: &Story<'_>) -> bool {
    let fields = story.fields;
    let block = match &fields.evidence {
        crate::Evidence::Metric(metric) => has_digit(&metric.value),
        crate::Evidence::Quote(quote) => !quote.text.trim().is_empty(),
        crate::Evidence::None => false,
    };
    block
        || [
            &fields.beats.context,
            &fields.beats.conflict,
            &fields.beats.resolution,
        ]
        .iter()
        .any(|text| has_number(text))
}

/// Whether any sentence of the draft, wherever it sits, backs it: an
/// amount that is not a count of the team's own activity, or a quote with
/// who said it. A plan's numbers ("we should move Premium to $29") are
/// not proof.
pub(super) fn draft_gives_evidence(story: &Story<'_>) -> bool {
    story
        .passages()
        .iter()
        .filter(|p| !prices_the_decision(p.place))
        .filter(|p| {
            !(story.english
                && matches!(p.place, Place::Section(heading) if is_boilerplate(heading)))
        })
        .any(|p| passage_gives_evidence(p.text, story.english) || gives_a_clock_span(p.text))
}

/// A section that prices what is asked ("Fiscal impact", "Financial
/// implications", "Cost"): its figures are the decision's own terms, not
/// the proof that it is needed.
fn prices_the_decision(place: Place<'_>) -> bool {
    let Place::Section(heading) = place else {
        return false;
    };
    let heading = heading.to_lowercase();
    [
        "fiscal impact",
        "financial impact",
        "financial implication",
        "resource implication",
        "budget implication",
        "cost of the",
        "costs",
        "cost",
        "funding requested",
        "pricing",
    ]
    .iter()
    .any(|name| {
        heading == *name
            || heading.starts_with(&format!("{name} "))
            || heading.starts_with(&format!("{name}s"))
    })
}

/// "At 08:46 … answering again at 08:58": two times of day in one passage
/// measure how long something lasted, which is what an incident's reader
/// needs to know. So do the time it began, stated ("problems … which began
/// at 16:05"), and the stamp of the entry that declared it resolved.
fn gives_a_clock_span(text: &str) -> bool {
    // A status page's stamps ("**Update, 9 July, 2:35 pm PT.**", "Posted
    // 4 June, 14:25 UTC") date the posts, not the incident.
    let stamped = |sentence: &str| {
        words(sentence).first().is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "update"
                    | "updated"
                    | "posted"
                    | "resolved"
                    | "investigating"
                    | "monitoring"
                    | "identified"
            )
        })
    };
    // "From 10:30pm Pacific time (01:30 Eastern and 06:30 UTC)": one
    // time in several zones, not a span.
    let converted = |sentence: &str| {
        const ZONES: &[&str] = &[
            "utc", "gmt", "pacific", "eastern", "central", "mountain", "pt", "pst", "pdt", "et",
            "est", "edt", "cet", "cest", "bst", "ist", "jst", "aest",
        ];
        let zones: std::collections::BTreeSet<String> = lower_words(sentence)
            .into_iter()
            .filter(|w| ZONES.contains(&w.as_str()))
            .collect();
        zones.len() >= 2
    };
    let all = sentences(text);
    let stated: Vec<&str> = all
        .iter()
        .filter(|s| !stamped(s.text) && !converted(s.text))
        .map(|s| s.text)
        .collect();
    if clock_times(&stated.join(" ")).len() >= 2 {
        return true;
    }
    // "… which began at 16:05", wherever the entry's stamp ends.
    let lower = text.to_lowercase();
    let began_at = ["began at ", "started at ", "starting at ", "beginning at "]
        .iter()
        .any(|start| {
            lower.match_indices(start).any(|(at, found)| {
                let after: String = lower[at + found.len()..].chars().take(5).collect();
                !clock_times(&after).is_empty()
            })
        });
    // "**Resolved.** … Posted Mar 03, 2015 - 18:08 UTC": the stamp after
    // the entry that says it is over.
    let resolved_at = all.windows(2).any(|pair| {
        let opens = |text: &str, word: &str| words(text).first().is_some_and(|w| w.lower() == word);
        opens(pair[0].text, "resolved")
            && (!clock_times(pair[0].text).is_empty()
                || opens(pair[1].text, "posted") && !clock_times(pair[1].text).is_empty())
    }) || all.windows(3).any(|w| {
        words(w[0].text)
            .first()
            .is_some_and(|f| f.lower() == "resolved")
            && words(w[2].text)
                .first()
                .is_some_and(|f| f.lower() == "posted")
            && !clock_times(w[2].text).is_empty()
    });
    began_at && resolved_at
}

/// How many times of day a text names, each once: on a clock ("2:17",
/// "14:02"), with a mark ("9am", "11 p.m."), or by name ("midnight",
/// "noon"), as a timeline written in prose gives them.
fn times_of_day(text: &str) -> usize {
    let all = words(text);
    let mut named: Vec<String> = Vec::new();
    for (at, word) in all.iter().enumerate() {
        let lower = word.lower();
        // "9am", or "9 a.m." written apart.
        let marked = super::super::text::is_glued_time(&lower)
            || lower.chars().all(|c| c.is_ascii_digit())
                && lower.len() <= 2
                && all.get(at + 1).is_some_and(|next| {
                    matches!(
                        next.lower().trim_end_matches('.'),
                        "am" | "pm" | "a.m" | "p.m"
                    )
                });
        let by_name = matches!(lower.as_str(), "midnight" | "noon" | "midday");
        if (marked || by_name) && !named.contains(&lower) {
            named.push(lower);
        }
    }
    let clock: Vec<String> = clock_times(text)
        .into_iter()
        .filter(|time| !named.iter().any(|n| n.starts_with(time.as_str())))
        .collect();
    named.len() + clock.len()
}

/// The times of day a text writes ("2:17", "14:02"), each once.
fn clock_times(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut times: Vec<String> = Vec::new();
    for (i, window) in chars.windows(4).enumerate() {
        // "2:17", "14:02": one or two digits, a colon, two digits.
        let clock = window[0].is_ascii_digit()
            && window[1] == ':'
            && window[2].is_ascii_digit()
            && window[3].is_ascii_digit()
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if clock {
            let hour_tens = i
                .checked_sub(1)
                .and_then(|b| chars.get(b))
                .filter(|c| c.is_ascii_digit());
            let time: String = hour_tens.into_iter().chain(window.iter()).collect();
            if !times.contains(&time) {
                times.push(time);
            }
        }
    }
    times
}

pub(super) fn passage_gives_evidence(text: &str, english: bool) -> bool {
    let text = if english {
        without_terms_tables(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    sentences(&text)
        .iter()
        .any(|s| gives_evidence(s.text, english))
}

/// The text without its tables of terms old and new ("Category | Current
/// rate | From 10 January 2023"): a fee or price notice's table sets out
/// what changes, not what happened.
fn without_terms_tables(text: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = text.lines().collect();
    let is_row = |line: &str| line.trim_start().starts_with('|');
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    let mut dropped = false;
    let mut at = 0;
    while at < lines.len() {
        let starts_table = is_row(lines[at]) && (at == 0 || !is_row(lines[at - 1]));
        if starts_table && sets_out_terms(lines[at]) {
            while at < lines.len() && is_row(lines[at]) {
                at += 1;
            }
            dropped = true;
            continue;
        }
        kept.push(lines[at]);
        at += 1;
    }
    if dropped {
        std::borrow::Cow::Owned(kept.join("\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A table's header that sets the terms now beside the terms to come.
fn sets_out_terms(header: &str) -> bool {
    let cells: Vec<Vec<String>> = header
        .split('|')
        .map(lower_words)
        .filter(|cell| !cell.is_empty())
        .collect();
    let first_is = |cell: &Vec<String>, list: &[&str]| {
        cell.first().is_some_and(|w| list.contains(&w.as_str()))
    };
    let now = cells
        .iter()
        .any(|cell| first_is(cell, &["current", "existing", "old", "today's", "present"]));
    let to_come = cells.iter().any(|cell| {
        first_is(cell, &["new", "proposed", "revised", "future"])
            || cell.first().is_some_and(|w| w == "from")
                && cell
                    .iter()
                    .skip(1)
                    .any(|w| MONTHS.contains(&w.as_str()) || w.len() == 4 && w.starts_with("20"))
    });
    now && to_come
}

/// A sentence that backs the claim: it states evidence and is not itself
/// the plan ("we will move 18 petabytes" gives the plan's size, not proof).
/// The one test behind both "the evidence is missing" and "its job seems
/// done elsewhere".
fn gives_evidence(sentence: &str, english: bool) -> bool {
    states_evidence(sentence, english)
        && !beat_jobs::states_resolution(sentence)
        && !(english
            && (tells_what_will_be(sentence)
                || sets_a_target(sentence)
                || prices_as_a_share(sentence)
                || weighs_a_choice(sentence)
                || prices_the_proposal(sentence)
                || prices_to_come(sentence)
                || offers_the_change(sentence)
                || plans_a_window(sentence)
                || lists_prices(sentence)
                || commits_a_budget(sentence)
                || states_an_indexing_rule(sentence)
                || works_an_example(sentence)
                || defines_a_measure(sentence)
                || sizes_the_scene(sentence)
                || draws_a_threshold(sentence)
                || sizes_the_study(sentence)
                || reprices(sentence)))
}

/// "Around 38K users have been enrolled in the experiment so far": how
/// many a test or trial takes in is its design, not what it found. (A
/// share or a change in the same sentence is a result.)
fn sizes_the_study(sentence: &str) -> bool {
    const SAMPLED: &[&str] = &[
        "enrolled",
        "enroled",
        "assigned",
        "randomised",
        "randomized",
        "allocated",
        "recruited",
        "placed",
    ];
    const STUDIES: &[&str] = &[
        "experiment",
        "test",
        "trial",
        "study",
        "pilot",
        "arm",
        "arms",
        "cohort",
        "sample",
    ];
    const FOUND: &[&str] = &[
        "rate",
        "converted",
        "rose",
        "fell",
        "than",
        "from",
        "increase",
        "decrease",
        "lift",
        "higher",
        "lower",
        "more",
        "fewer",
        "dropped",
        "grew",
    ];
    let lower = lower_words(sentence);
    let has = |list: &[&str]| lower.iter().any(|w| list.contains(&w.as_str()));
    has(SAMPLED) && has(STUDIES) && !has(FOUND) && !sentence.contains('%')
}

/// "The change covers only sellers who have completed 100 or more orders":
/// every figure is a threshold that says whom a rule reaches, its terms
/// and not an outcome. ("100 or more sellers left" is no rule's scope.)
fn draws_a_threshold(sentence: &str) -> bool {
    const SCOPE: &[&str] = &[
        "covers",
        "cover",
        "applies",
        "apply",
        "eligible",
        "qualify",
        "qualifies",
        "only",
    ];
    let all = words(sentence);
    let lower: Vec<String> = all.iter().map(|w| w.lower()).collect();
    if !lower.iter().any(|w| SCOPE.contains(&w.as_str())) {
        return false;
    }
    let bound = |at: usize| {
        let after = |k: usize| lower.get(at + k).map_or("", String::as_str);
        let before = |k: usize| {
            at.checked_sub(k)
                .and_then(|i| lower.get(i))
                .map_or("", String::as_str)
        };
        after(1) == "or" && matches!(after(2), "more" | "fewer" | "less" | "over" | "above")
            || before(2) == "at" && matches!(before(1), "least" | "most")
            || before(1) == "than" && matches!(before(2), "fewer" | "less" | "more")
    };
    let figures: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, w)| has_digit(w.text))
        .map(|(at, _)| at)
        .collect();
    !figures.is_empty() && figures.iter().all(|&at| bound(at))
}

/// "With more than 20 million items listed and millions of visitors every
/// month, protecting the marketplace matters more than ever": the figures
/// of an opening "With …" give the scale the main clause stands on, a
/// standing count, not an outcome. ("With churn up 3 points, we lost
/// $2m" measures.)
fn sizes_the_scene(sentence: &str) -> bool {
    const MOVES: &[&str] = &[
        "up",
        "down",
        "rose",
        "fell",
        "grew",
        "dropped",
        "increase",
        "increased",
        "decrease",
        "decreased",
        "higher",
        "lower",
        "fewer",
        "less",
        "from",
        "compared",
        "versus",
        "vs",
        "against",
        "since",
        "rising",
        "falling",
        "growth",
        "decline",
        "cent",
        "percent",
    ];
    let trimmed = sentence.trim_start();
    let Some(rest) = trimmed
        .strip_prefix("With ")
        .or_else(|| trimmed.strip_prefix("with "))
    else {
        return false;
    };
    let Some((scene, main)) = rest.split_once(", ") else {
        return false;
    };
    // A change, a comparison or a share is measured ("with churn up 3
    // points"); "more than 20 million" only hedges a count.
    let moves = mentions(&lower_words(scene), MOVES) || scene.contains('%');
    has_digit(scene) && !moves && !has_digit(main)
}

/// A sentence about the future with nothing measured in it: "A further
/// 370 stores will close over the next several years". Its figures are
/// the plan's terms or a forecast; evidence tells what happened. ("Sales
/// fell 8%, so 370 stores will close" measures the fall.)
fn tells_what_will_be(sentence: &str) -> bool {
    const HAPPENED: &[&str] = &[
        "was",
        "were",
        "had",
        "has",
        "have",
        "rose",
        "fell",
        "grew",
        "dropped",
        "increased",
        "decreased",
        "reached",
        "saw",
        "went",
        "lost",
        "gained",
        "declined",
        "doubled",
        "halved",
        "shows",
        "showed",
        "found",
        "measured",
        "recorded",
    ];
    let lower = lower_words(sentence);
    let future = lower
        .iter()
        .any(|w| matches!(w.as_str(), "will" | "'ll" | "’ll" | "shall"));
    // "Construction is 91% complete, so businesses will see…", "we are
    // adding a million rows a day": a level now, measured.
    let a_level_now = lower.iter().enumerate().any(|(at, w)| {
        matches!(w.as_str(), "is" | "are")
            && lower
                .iter()
                .skip(at + 1)
                .take(3)
                .any(|next| super::super::text::is_number_word(next))
    });
    // ("Our database will run out of space in six months": the harm
    // projected from a measured rate is the problem sized.)
    future
        && !a_level_now
        && !beat_jobs::states_harm(sentence)
        && !lower.iter().any(|w| HAPPENED.contains(&w.as_str()))
        && !beat_jobs::attributed_quote(sentence)
}

/// A price told as a share of another: "The renewal costs 50% of the full
/// license price". The offer's terms, not a measure. ("Renewals fell to
/// 50% of last year's" measures.)
fn prices_as_a_share(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let charged = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "costs" | "cost" | "pay" | "pays" | "charged" | "priced"
        )
    });
    let of_a_price = lower.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "full" | "list" | "normal" | "usual" | "standard" | "retail"
        ) && matches!(
            w[1].as_str(),
            "price" | "fee" | "licence" | "license" | "rate"
        )
    });
    sentence.contains("% of") && charged && of_a_price || charges_a_share(sentence)
}

/// "Every product group pays 2.00%", "a commission of 4%", "trade them in
/// at a 30 percent discount": a rate charged or taken off, the terms a
/// change sets. ("Sellers now pay 2 points more than
/// rivals" compares.)
fn charges_a_share(sentence: &str) -> bool {
    const CHARGE: &[&str] = &[
        "pay",
        "pays",
        "paid",
        "charge",
        "charges",
        "charged",
        "commission",
        "fee",
        "fees",
        "levy",
        "discount",
        "discounted",
        "off",
    ];
    const COMPARED: &[&str] = &[
        "more",
        "less",
        "than",
        "from",
        "up",
        "down",
        "rose",
        "fell",
        "rise",
        "increase",
        "increased",
        "decrease",
        "cut",
        "against",
        "versus",
        "vs",
        "compared",
        "average",
    ];
    let all = words(sentence);
    let lower: Vec<String> = all.iter().map(|w| w.lower()).collect();
    if lower.iter().any(|w| COMPARED.contains(&w.as_str())) {
        return false;
    }
    let chars: Vec<char> = sentence.chars().collect();
    let shares: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(at, w)| {
            has_digit(w.text)
                && (chars.get(w.end) == Some(&'%')
                    || lower.get(at + 1).is_some_and(|unit| unit == "percent"))
        })
        .map(|(at, _)| at)
        .collect();
    let figures = all.iter().filter(|w| has_digit(w.text)).count();
    !shares.is_empty()
        && shares.len() == figures
        && shares.iter().all(|&at| {
            // "pays 2.00%", "6% is charged on top".
            lower[at.saturating_sub(3)..(at + 4).min(lower.len())]
                .iter()
                .any(|near| CHARGE.contains(&near.as_str()))
        })
}

/// An aim's own figure: "It aims to save £1.576m from a current budget of
/// £3.5m", "the target is to answer 90% of calls within 10 seconds". The
/// plan's terms, not what happened. ("Calls answered rose to 85%, against
/// a target of 90%" measures.)
fn sets_a_target(sentence: &str) -> bool {
    const MEASURED: &[&str] = &[
        "rose", "fell", "grew", "dropped", "reached", "was", "were", "answered", "achieved",
        "missed", "met",
    ];
    let lower = lower_words(sentence);
    let aims = lower.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "aims" | "aim" | "aiming" | "target" | "targets" | "goal" | "intends"
        ) && matches!(w[1].as_str(), "to" | "is")
    });
    aims && !lower.iter().any(|w| MEASURED.contains(&w.as_str()))
}

/// Alternatives put to the reader: "Whether you pay a bit more, or run up
/// a $300 annual bill to keep your $10 box, is your call". Its figures are
/// the options' terms, not a result.
fn weighs_a_choice(sentence: &str) -> bool {
    lower_words(sentence)
        .first()
        .is_some_and(|first| first == "whether")
}

/// What a measure is, not what it showed: "It measures the average change
/// in consumer prices over the previous 12 months", "CPI, which tracks…".
fn defines_a_measure(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    // "By the 'old rate' we mean the price in force on 25 November, £35":
    // a term defined.
    // ("CPI+3.9% means the Consumer Price Index with a further 3.9% added.")
    let defines_a_term = lower.first().is_some_and(|w| w == "by")
        && lower
            .windows(2)
            .take(8)
            .any(|w| w[0] == "we" && w[1] == "mean")
        || lower.iter().take(4).any(|w| w == "means")
            && !lower.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "rose" | "fell" | "grew" | "up" | "down" | "lost" | "saved"
                )
            });
    // "It equals half of your plan's rate limit", "the allowance is set
    // to 500 requests": a setting of the product, what it is by design.
    let sets_a_value = lower.windows(2).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("it", "equals")
                | ("is", "set")
                | ("are", "set")
                | ("defaults", "to")
                | ("is", "capped")
        )
    }) && !lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "rose" | "fell" | "grew" | "was" | "were" | "than"
        )
    });
    defines_a_term
        || sets_a_value
        || !sentence.contains('%')
            && lower.windows(2).any(|w| {
                matches!(w[0].as_str(), "it" | "which" | "that")
                    && matches!(w[1].as_str(), "measures" | "tracks" | "counts")
            })
}

/// "The charge for every 1,000 gallons of water has gone from $3.90 to
/// $4.80": a price moved, the terms a notice sets, when every figure is
/// money or the quantity the price is for.
fn reprices(sentence: &str) -> bool {
    const PRICES: &[&str] = &[
        "charge",
        "charges",
        "price",
        "prices",
        "fee",
        "fees",
        "tariff",
        "tariffs",
        "rate",
        "rates",
        "subscription",
    ];
    // ("Subscription revenue rose from $9m to $12m" measures.)
    const EARNED: &[&str] = &[
        "revenue",
        "revenues",
        "sales",
        "income",
        "mrr",
        "arr",
        "profit",
        "profits",
        "earnings",
        "margin",
        "brought",
        "raised",
        "collected",
    ];
    let all = words(sentence);
    let lower: Vec<String> = all.iter().map(|w| w.lower()).collect();
    if lower.iter().any(|w| EARNED.contains(&w.as_str())) {
        return false;
    }
    let chars: Vec<char> = sentence.chars().collect();
    let money = |at: usize| {
        all[at]
            .start
            .checked_sub(1)
            .and_then(|i| chars.get(i))
            .is_some_and(|c| matches!(c, '$' | '£' | '€'))
    };
    // "When it renews you are charged the old rate of £35": what the
    // reader pays.
    let reader_pays = lower.iter().any(|w| w == "you")
        && lower
            .iter()
            .any(|w| matches!(w.as_str(), "pay" | "charged" | "billed"))
        && (0..all.len()).any(money);
    if reader_pays {
        return true;
    }
    let Some(price) = lower
        .iter()
        .take(4)
        .position(|w| PRICES.contains(&w.as_str()))
    else {
        return false;
    };
    // "Meter fees have gone up by 4.2%": a price moved by a share, with
    // no other figure.
    let moved_by_a_share = lower.windows(3).skip(price).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str(), w[2].as_str()),
            ("gone", "up", "by")
                | ("go", "up", "by")
                | ("risen", "by", _)
                | ("rise", "by", _)
                | ("rises", "by", _)
                | ("increased", "by", _)
                | ("increase", "by", _)
        )
    }) && all.iter().filter(|w| has_digit(w.text)).count() == 1
        && sentence.contains('%');
    if moved_by_a_share {
        return true;
    }
    let per_unit = |at: usize| {
        at > price
            && at
                .checked_sub(1)
                .is_some_and(|b| matches!(lower[b].as_str(), "every" | "per" | "each"))
    };
    let figures: Vec<usize> = (0..all.len())
        .filter(|&at| has_digit(all[at].text))
        .collect();
    figures.iter().any(|&at| money(at)) && figures.iter().all(|&at| money(at) || per_unit(at))
}

/// A worked case, not a result: "For example, if the CPI rate is 2%, your
/// monthly payments rise by 2%, so a £40 price becomes £40.80". (A bare
/// "If" may open a measured finding: "If the disk fills, 40% of jobs
/// fail".)
fn works_an_example(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let opens =
        |first: &[&str]| lower.len() >= first.len() && lower.iter().zip(first).all(|(w, f)| w == f);
    // "An average customer uses 3,000 gallons a month", "a typical
    // household will pay £117 more": the case a notice works, not a
    // result.
    let typical_case = lower.windows(3).any(|w| {
        matches!(w[0].as_str(), "a" | "an" | "the")
            && matches!(w[1].as_str(), "average" | "typical")
            && matches!(
                w[2].as_str(),
                "customer"
                    | "household"
                    | "user"
                    | "home"
                    | "family"
                    | "member"
                    | "subscriber"
                    | "bill"
                    | "account"
            )
    });
    // "Add the extra 3.9% and your plan goes up by 4.5% in total": the
    // sum shown to the reader.
    let works_the_sum = lower
        .first()
        .is_some_and(|w| matches!(w.as_str(), "add" | "subtract" | "deduct" | "multiply"))
        && lower.iter().any(|w| w == "your");
    // "If you subscribe on 30 November, you pay £35": the reader's case.
    (opens(&["for", "example"]) || opens(&["for", "instance"]))
        && lower.iter().take(4).any(|w| w == "if")
        || (opens(&["if", "you"]) || opens(&["if", "your"])) && !sentence.contains('%')
        || typical_case
        || works_the_sum
        || times_the_work(&lower)
}

/// How long the team's own work took: "Building it and deploying it to
/// our staging servers took about two hours". Effort, not an outcome.
fn times_the_work(lower: &[String]) -> bool {
    const WORK: &[&str] = &[
        "building",
        "deploying",
        "writing",
        "testing",
        "migrating",
        "fixing",
        "shipping",
        "preparing",
        "rolling",
        "setting",
        "reviewing",
        "coding",
        "debugging",
    ];
    lower.first().is_some_and(|w| WORK.contains(&w.as_str()))
        && lower
            .iter()
            .any(|w| matches!(w.as_str(), "took" | "takes" | "take"))
}

/// The rule a price follows: "Every year we change what you pay each
/// month in line with the CPI rate of inflation, plus 3.9%". Its figures
/// are the contract's terms, not an outcome.
fn states_an_indexing_rule(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let recurring = lower
        .iter()
        .any(|w| matches!(w.as_str(), "every" | "each" | "annually" | "yearly"));
    let indexed = lower
        .windows(3)
        .any(|w| w[0] == "in" && w[1] == "line" && w[2] == "with");
    // "In line with your terms, we took the CPI rate of inflation and
    // added a further 3.9%": the rule applied.
    let index_named = lower
        .iter()
        .any(|w| matches!(w.as_str(), "cpi" | "rpi" | "cpih" | "inflation"));
    // "We are using the December 2020 figure, which puts CPI at 0.6%": the
    // index figure a price rule takes.
    let index_taken = lower.iter().any(|w| w == "using")
        && lower.windows(3).any(|w| {
            w[0] == "puts"
                && matches!(w[1].as_str(), "cpi" | "rpi" | "inflation" | "cpih")
                && w[2] == "at"
        });
    (recurring || index_named) && indexed || index_taken
}

/// A sum set aside for the work: "even with £446 million a year committed
/// to this programme", "£2m allocated to the pilot". It is the decision's
/// own terms, not an outcome measured; a sum that moved ("the budget rose
/// from £2m to £3m") is.
fn commits_a_budget(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let money = sentence.contains(['$', '£', '€', '¥']);
    let set_aside = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "committed" | "allocated" | "earmarked" | "budgeted" | "ringfenced" | "ring-fenced"
        )
    }) || lower.windows(2).any(|w| w[0] == "set" && w[1] == "aside");
    let moved = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "rose"
                | "fell"
                | "grew"
                | "from"
                | "than"
                | "increased"
                | "decreased"
                | "saved"
                | "cut"
                | "dropped"
                | "%"
        )
    }) || sentence.contains('%');
    money && set_aside && !moved
}

/// A price list: every sum of money in the sentence is a price by the
/// month, year, user or seat, and nothing moved ("two plans: Standard at
/// $9.99 a month and Premium at $19.99 a month"). Prices are the terms on
/// offer, not an outcome measured. ("Revenue per user rose from $9 to
/// $12 a month" compares.)
fn lists_prices(sentence: &str) -> bool {
    const PER: &[&str] = &["a", "an", "per", "each", "every"];
    // (Or by the unit sold: "$10 a box", "5c per minute", "€2 per GB".)
    const PERIODS: &[&str] = &[
        "month", "year", "user", "seat", "week", "day", "licence", "license", "member", "person",
        "box", "minute", "text", "call", "mb", "gb", "kwh", "ticket", "night",
    ];
    const MOVED: &[&str] = &[
        "rose",
        "fell",
        "grew",
        "from",
        "than",
        "increase",
        "increased",
        "decrease",
        "decreased",
        // (Not "up" alone: "anyone who signs up … will pay $15 a month".)
        "went",
        "gone",
        "saved",
        "save",
        "cut",
        "raised",
        "lowered",
        "dropped",
        "doubled",
        "vs",
        "versus",
        "revenue",
        "spent",
        "cost",
        "costs",
    ];
    let all = words(sentence);
    let lower: Vec<String> = all.iter().map(|w| w.lower()).collect();
    // ("Members who spend more than $300 a year keep paying $10 a month":
    // a tier's threshold, not a comparison.)
    let threshold = |at: usize| {
        lower[at] == "than"
            && at
                .checked_sub(1)
                .is_some_and(|more| matches!(lower[more].as_str(), "more" | "less" | "over"))
    };
    if lower
        .iter()
        .enumerate()
        .any(|(at, w)| MOVED.contains(&w.as_str()) && !threshold(at))
    {
        return false;
    }
    let chars: Vec<char> = sentence.chars().collect();
    let money: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            has_digit(w.text)
                && w.start
                    .checked_sub(1)
                    .and_then(|before| chars.get(before))
                    .is_some_and(|c| matches!(c, '$' | '£' | '€'))
        })
        .map(|(at, _)| at)
        .collect();
    // "The lowest monthly price of $10", "the $300 yearly mark".
    let by_the_period = |word: &str| {
        matches!(
            word,
            "monthly" | "yearly" | "annual" | "weekly" | "daily" | "nightly"
        )
    };
    // "Signed up for the $65 Premium plans": the price names the plan.
    let names_a_plan = |at: usize| {
        lower.iter().skip(at + 1).take(2).any(|next| {
            matches!(
                next.as_str(),
                "plan"
                    | "plans"
                    | "tier"
                    | "tiers"
                    | "package"
                    | "packages"
                    | "bundle"
                    | "membership"
            )
        })
    };
    let per_period = |at: usize| {
        names_a_plan(at)
            || chars.get(all[at].end) == Some(&'/')
            || lower.get(at + 1).is_some_and(|next| by_the_period(next))
            || lower[at.saturating_sub(3)..at]
                .iter()
                .any(|before| by_the_period(before))
            || lower
                .iter()
                .skip(at + 1)
                .take(3)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| PER.contains(&w[0].as_str()) && PERIODS.contains(&w[1].as_str()))
    };
    !money.is_empty() && money.iter().all(|&at| per_period(at))
}

/// A maintenance window as planned: "Expected downtime: our estimate is
/// roughly 8 minutes". The plan's own terms, not a measure of what
/// happened ("the maintenance lasted 3 hours, not the 1 planned" is one).
fn plans_a_window(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let has = |options: &[&str]| lower.iter().any(|w| options.contains(&w.as_str()));
    let looks_back = has(&[
        "was", "were", "lasted", "took", "affected", "overran", "ran", "had",
    ]);
    // "We do not expect it to go beyond 30 minutes": a length foreseen.
    let foreseen_length = has(&["expect", "expected", "estimate", "estimated", "anticipate"])
        && has(&["minutes", "minute", "hours", "hour", "seconds"]);
    let planned_window = has(&[
        "expected",
        "estimate",
        "estimated",
        "planned",
        "scheduled",
        "anticipated",
    ]) && has(&["downtime", "maintenance", "window"]);
    (planned_window || foreseen_length) && !looks_back
}

/// What the reader can do from now on: "you can now buy a plan for up to
/// 5, 10, 15 or 20 users". The figures are what is offered, the change
/// itself. ("Customers can now check out in 40 seconds, down from 3
/// minutes" measures it against before.)
fn offers_the_change(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    let can_now = lower
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "can" | "may") && w[1] == "now");
    let compared = lower.iter().enumerate().any(|(at, w)| {
        let up_to = w == "up" && lower.get(at + 1).is_some_and(|next| next == "to");
        !up_to
            && matches!(
                w.as_str(),
                "than"
                    | "down"
                    | "up"
                    | "from"
                    | "before"
                    | "previously"
                    | "compared"
                    | "versus"
                    | "vs"
            )
    });
    // "Customers who need more can add up to 30 TB on top, at $59.99 for
    // each extra TB": what a customer may buy, at its price.
    let customers_can_buy = lower.windows(2).any(|w| {
        w[0] == "can"
            && matches!(
                w[1].as_str(),
                "add" | "buy" | "get" | "upgrade" | "purchase" | "choose" | "keep" | "store"
            )
    }) && lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "customers" | "users" | "subscribers" | "members" | "you" | "buyers"
        )
    }) && (sentence.contains(['$', '£', '€'])
        || lower.windows(2).any(|w| w[0] == "up" && w[1] == "to"));
    (can_now || customers_can_buy) && !compared && !sentence.contains('%')
}

/// Prices as they will be: "Most enterprise cloud prices in pounds will
/// rise by 22%". A price change announced is the decision's own terms,
/// not a measure of why it is needed.
fn prices_to_come(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    lower.iter().any(|w| w == "will")
        && lower.iter().any(|w| {
            matches!(
                w.as_str(),
                "price" | "prices" | "pricing" | "fee" | "fees" | "tariff" | "tariffs"
            )
        })
}

/// A proposal's own arithmetic: "Together the measures save about $1.5M",
/// "Moving to a different provider saves $100,000". What a decision costs
/// or saves by its own sums says what is decided, not why.
fn prices_the_proposal(sentence: &str) -> bool {
    const PROPOSAL: &[&str] = &[
        "measures",
        "measure",
        "proposal",
        "plan",
        "changes",
        "change",
        "option",
        "project",
        "move",
        "switch",
        "investment",
        "purchase",
        "upgrade",
    ];
    let lower = lower_words(sentence);
    let opens_with_it = lower
        .first()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        || lower.iter().take(4).any(|w| PROPOSAL.contains(&w.as_str()));
    let sums = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "save" | "saves" | "saving" | "cost" | "costs" | "offsets" | "pays" | "requires"
        )
    });
    opens_with_it && sums
}

/// A context off its job talks about the team's own effort, not about
/// what is so: "We had a busy and productive quarter".
#[rustfmt::skip]
const SELF_ASSESSMENT: &[&str] = &[
    "busy", "productive", "progress", "exciting", "excited", "hard", "proud", "amazing", "great",
    "eventful", "awesome", "fantastic",
];
const SELF_SUBJECTS: &[&str] = &["we", "our", "the team", "my team", "i"];

/// What shows a conflict doing its job: an obstacle, a trade-off, a
/// negation or a comparison, a change the wrong way (stems; inflections
/// count). A number in the conflict counts too: the metric that hurts.
#[rustfmt::skip]
const CONFLICT_SIGNS: &[&str] = &[
    "but", "however", "yet", "although", "while", "whereas", "without", "cannot", "can't", "won't",
    "not", "no", "never", "nor", "obstacle", "risk", "trade-off", "tradeoff", "cost", "costs",
    "block", "blocked", "blocker", "drop", "dropped", "drop-off", "fall", "fell", "decline", "leak",
    "leaking", "stall", "stalls", "slow", "slower", "miss", "missed", "behind", "lose", "losing",
    "lost", "churn", "only", "too", "constraint", "limited", "capacity", "delay", "delayed",
    "problem", "fail", "failing", "failed", "worse", "down", "short", "gap", "urgent", "deadline",
    "instead", "less", "fewer", "than", "below", "above", "exceed", "outran", "unless", "until",
    "unpaid", "unable", "break", "broke", "broken", "crash", "outage", "error", "errors", "threat",
    "pressure", "compete", "undercut", "lag", "lags", "shrink", "shrank", "struggle",
];

/// What shows a resolution doing its job: an action, a decision or an ask
/// ("ships", "approve", "we will"), or when it happens.
#[rustfmt::skip]
const ACTION_SIGNS: &[&str] = &[
    "ship", "shipping", "launch", "build", "release", "roll", "rolls", "rolling", "start", "stop",
    "add", "remove", "cut", "move", "hire", "fund", "invest", "pause", "kill", "test", "pilot",
    "run", "migrate", "replace", "deprecate", "introduce", "offer", "price", "change", "reassign",
    "redirect", "focus", "prioritize", "prioritise", "deliver", "expand", "partner", "automate",
    "extend", "keep", "halt", "propose", "recommend", "approve", "decide", "adopt", "implement",
    "create", "open", "close", "sunset", "raise", "lower", "bundle", "nudge", "complete",
    "agree", "send", "put", "fix", "hold", "retire", "drop", "ask", "request", "need", "needs",
    "will", "shall", "must", "should", "plan", "next", "'ll", "let's", "rotate",
    "review", "train", "publish", "upgrade", "switch", "reduce", "grant", "allow", "require",
];

pub fn beat_off_job(story: &Story<'_>) -> Vec<Finding> {
    let text_of = |target: Target| {
        story
            .beats()
            .into_iter()
            .find(|(t, _)| *t == target)
            .map_or("", |(_, text)| text)
    };
    let mut out = Vec::new();
    let context = text_of(Target::Context);
    if context_is_only_self_assessment(context) {
        out.push(finding(
            "beat-off-job",
            info("beat-off-job"),
            Some(Target::Context),
            "The context tells how the team feels about its work: say what is so and why it matters now (a market shift, a customer pain, a number).",
            None,
        ));
    }
    let conflict = text_of(Target::Conflict);
    if !conflict.trim().is_empty()
        && !has_number(conflict)
        && !mentions(&lower_words(conflict), CONFLICT_SIGNS)
    {
        out.push(finding(
            "beat-off-job",
            info("beat-off-job"),
            Some(Target::Conflict),
            "The conflict should name the obstacle or trade-off that makes this urgent, or a metric moving the wrong way.",
            None,
        ));
    }
    let resolution = text_of(Target::Resolution);
    if !resolution.trim().is_empty() && !names_an_action_or_a_time(resolution) {
        out.push(finding(
            "beat-off-job",
            info("beat-off-job"),
            Some(Target::Resolution),
            "The resolution should name a concrete action (ship, launch, stop, fund, test…) or an ask, not a sentiment.",
            None,
        ));
    }
    out
}

/// Every sentence speaks of the team ("we", "our team") and judges its own
/// effort, and nothing is counted.
fn context_is_only_self_assessment(text: &str) -> bool {
    let all = sentences(text);
    !text.trim().is_empty()
        && !has_number(text)
        && !all.is_empty()
        && all.iter().all(|sentence| {
            let lower = sentence.text.trim().to_lowercase();
            let words = lower_words(&lower);
            SELF_SUBJECTS
                .iter()
                .any(|subject| lower.starts_with(&format!("{subject} ")))
                && mentions(&words, SELF_ASSESSMENT)
        })
}

fn names_an_action_or_a_time(text: &str) -> bool {
    let words = lower_words(text);
    // "Go." is a decision; "going forward" is not ("go" as a stem would be).
    mentions(&words, ACTION_SIGNS)
        || words.iter().any(|w| w == "go")
        || has_digit(text)
        || mentions(&words, MONTHS)
        || mentions(&words, PERIODS)
        || text.contains("’ll")
        || text.to_lowercase().contains("going to ")
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
