//! What states a resolution: a plan, an ask, a decision, a remedy.

use super::*;

/// Who acts in a resolution: "we will", "the team will", "I propose".
#[rustfmt::skip]
const ACTORS: &[&str] = &[
    "we", "i", "you", "team", "teams", "group", "department", "board", "committee", "engineering",
    "authority", "agency", "council", "ministry", "government", "company", "organisation",
    "organization", "firm", "regulator",
    "engineers", "management", "leadership", "staff", "everyone", "finance", "legal", "sales",
    // "The trustees have decided to appoint…", "governors agreed…".
    "trustees", "governors", "directors", "councillors",
    "marketing", "product", "support", "ops", "operations", "owner", "owners", "lead",
];
/// How a resolution commits: future or obligation after its actor.
#[rustfmt::skip]
const COMMITS: &[&str] = &[
    "will", "'ll", "’ll", "shall", "must", "should", "plan", "plans", "intend", "intends", "aim",
    "propose", "proposes", "recommend", "recommends", "ask", "asks", "request", "requests",
    "need", "needs", "commit", "commits", "committed", "are", "is", "'re", "’re", "am", "'m",
    "’m",
    "have", "has",
];
/// Verbs after "will" that commit to nothing new: "we will continue to…".
/// ("I will tell it backwards", "we will walk you through it": the
/// writer framing the text.)
#[rustfmt::skip]
const NO_COMMITMENT: &[&str] = &[
    "continue", "remain", "stay", "be", "been", "expect", "see", "tell", "explain", "describe",
    "walk", "recap", "summarise", "summarize", "outline",
    // "We will refresh these figures in every newsletter", "we will
    // report back": the text again.
    "refresh", "report",
    // "Five of the six staff will lose their jobs": what befalls them.
    "lose", "suffer", "face",
    // "We will likely fall short of the goal": a forecast.
    "likely", "probably", "fall",
    // "As you will understand, this adds pressure": the reader addressed.
    "understand", "appreciate", "know", "remember", "recall", "notice",
    // "I should point out, though, that…": the writer framing the text.
    "point", "note", "mention", "stress", "emphasise", "emphasize", "add", "admit",
];
/// Words that may stand before a resolution's actor without making its
/// clause a relative one ("the letter I will write" is not a plan).
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "and", "but", "so", "then", "now", "today", "also", "therefore", "next", "finally", "first",
    "together", "instead", "meanwhile", "thus", "hence", "this", "that", "next", "week", "month",
    "quarter", "year", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "forward", "ahead", "going", "why", "where", "until", "until", "soon", "if", "when",
    "before", "after", "once", "as", "because", "since", "meantime", "result", "short",
    "spring", "summer", "autumn", "winter", "view", "opinion",
    // "The dip suggests we need better subject lines": a conclusion drawn
    // as a step. ("That dip shows why we need to invest" explains a policy.)
    "suggests", "suggest", "means",
];
/// Verbs that open an instruction or an ask: "Rotate every secret",
/// "Approve the budget".
#[rustfmt::skip]
const IMPERATIVES: &[&str] = &[
    "rotate", "approve", "fund", "stop", "pause", "ship", "launch", "cap", "move", "hire", "cut",
    "raise", "please", "let's", "invest", "give", "allow", "sign", "decide", "choose", "cancel",
    "kill", "check", "update", "review", "adopt", "replace", "retire", "extend", "reallocate",
    "prioritize", "prioritise", "freeze", "delay", "postpone", "proceed", "go", "roll", "switch",
    "keep", "drop", "merge", "split", "add", "remove", "test", "run", "build", "buy", "sell",
    "monitor", "pin", "take", "restore", "make", "ensure", "introduce", "automate", "audit",
    "document", "train", "require", "enforce", "limit", "migrate", "deploy", "fix", "improve",
    "reduce", "increase", "create", "establish", "publish", "schedule", "assign", "track",
    "measure", "investigate", "commission", "hire", "offer", "expand", "consolidate", "phase",
    "authorise", "authorize", "award", "endorse", "delegate", "put", "pick", "tie", "turn",
    "donate",
];
/// Quarters and halves as a step is put off to them: "moved to Q1".
const PERIODS_SHORT: &[&str] = &["q1", "q2", "q3", "q4", "h1", "h2"];
/// Words that name a resolution outright: "Next steps:", "Our ask".
#[rustfmt::skip]
const NAMES_A_RESOLUTION: &[&str] = &[
    "next step", "next steps", "action item", "action items", "our ask", "the ask",
    // The line that opens a list of what comes next: "Coming up next week:".
    "coming up next", "next week:", "plans for next week", "what's next", "what is next",
    "up next:",
    "what we will do", "what we'll do", "what happens next",
    // "This is our plan for the upcoming releases:" opens the plan.
    "this is our plan", "here is our plan", "here's our plan", "our plan for the upcoming",
    "our plan for the next", "our plan for the coming",
    // A shutdown announced is the decision: "This post marks the end of
    // life for Paid", "we are shutting down the service".
    "the end of life for", "we are shutting down", "we're shutting down", "will shut down",
    "will be discontinued", "we are sunsetting", "we're sunsetting",
    "we ask", "decision:", "recommendation:", "resolution:", "remediation:", "mitigation:",
    "fix:", "action:", "we recommend", "we propose", "i recommend",
    "i propose", "we are asking", "i am asking", "we have decided",
    "we've decided", "we’ve decided", "i have decided", "i've decided",
    "i’ve decided",
    // (Not "we decided": in the simple past it tells the story — "we
    // decided that if we were going to reduce churn…", "we decided
    // against it".)
    // A change of approach already made is the answer a letter gives: "we
    // changed how we place inventory", "we have restructured the team".
    "we changed how", "we changed the way", "we have changed how", "we redesigned",
    "we restructured", "we have restructured", "we reorganised", "we reorganized",
    "we switched to", "we have switched to", "we overhauled", "we shifted to",
];

/// Whether the sentence states what will be done or what is asked.
pub fn states_resolution(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    if NAMES_A_RESOLUTION
        .iter()
        .any(|phrase| contains_phrase(&lower, phrase))
    {
        return true;
    }
    let all = lower_words(&lower);
    if standing_commitment(&all) || works_the_sum(&all) || looks_back_in_regret(&all) {
        return false;
    }
    // A clause after a colon or semicolon opens as a sentence does:
    // "LFX closes soon: please move your donation to Open Collective."
    instructs_the_reader(sentence)
        || under_way(&all)
        || proposes_a_next_study(&all)
        || next_time(&all)
        || reports_an_ask(&all)
        || going_to(&all)
        || scheduled_step(&all)
        || remedied(&all)
        || stopped_by_us(&all)
        || actor_commits(before_a_belief(&after_a_condition(sentence, &all)))
        || named_actor_commits(sentence)
        || reports_a_decision(&all)
        || works_against_a_repeat(&all)
        || dated_rule_change(&all, sentence)
        || hopes_to_act_by_a_time(&all)
        || softened_proposal(&all)
        || repair_finished(&all)
        || recommends_someone_acts(sentence)
        || commits_in_reported_speech(&all)
        || recalls_or_instructs(&all)
        || decides_a_dividend(&all)
        || puts_forward_a_plan(&all)
        || done_to_plan(&all)
        || recommends_a_step(&all)
        || names_a_proposal(&all)
        || on_course_to_deliver(&all)
        || tells_how_to_give(&all)
        || announces_a_deal_to_act(&all)
        || sets_a_priority(&all)
        || obliges_a_body(&all)
        || goes_wider(&all)
}

/// A lesson told as what should have been: "We should have tried the
/// vendor's own tools sooner". ("We should have the fix out by Friday" is
/// a plan.)
fn looks_back_in_regret(all: &[String]) -> bool {
    const PARTICIPLES: &[&str] = &[
        "done", "known", "gone", "taken", "been", "begun", "seen", "chosen", "written", "spent",
        "built", "made", "put", "set", "told", "asked", "kept", "brought", "thought", "started",
    ];
    all.windows(3).any(|w| {
        matches!(w[0].as_str(), "should" | "could" | "would" | "might")
            && w[1] == "have"
            && (w[2].len() > 4 && w[2].ends_with("ed") || PARTICIPLES.contains(&w[2].as_str()))
    })
}

/// A body told to act: "The trust must now prepare its report for the
/// national cancer director". ("The council must be careful" is no step.)
fn obliges_a_body(all: &[String]) -> bool {
    const BODIES: &[&str] = &[
        "trust",
        "council",
        "board",
        "company",
        "team",
        "department",
        "committee",
        "agency",
        "authority",
        "government",
        "regulator",
        "provider",
        "operator",
        "firm",
    ];
    all.windows(2).enumerate().any(|(at, w)| {
        BODIES.contains(&w[0].as_str())
            // ("The tools a team must use" describes the tools.)
            && at.checked_sub(1).is_some_and(|before| {
                matches!(all[before].as_str(), "the" | "our" | "its" | "their" | "this")
            })
            && w[1] == "must"
            && all
                .iter()
                .skip(at + 2)
                .find(|next| !matches!(next.as_str(), "now" | "also" | "urgently" | "therefore"))
                .is_some_and(|verb| {
                    !matches!(
                        verb.as_str(),
                        "be" | "have" | "not" | "never" | "remain" | "stay" | "know"
                    ) && !verb.chars().next().is_some_and(|c| c.is_ascii_digit())
                })
    })
}

/// A change widened now: "now that pay standard is going national for
/// every driver", "the new checkout goes live on 1 March". (It "went
/// live" last year is history.)
fn goes_wider(all: &[String]) -> bool {
    const WIDER: &[&str] = &["national", "nationwide", "global", "worldwide", "live"];
    all.windows(3).any(|w| {
        matches!(w[0].as_str(), "is" | "are") && w[1] == "going" && WIDER.contains(&w[2].as_str())
    }) || all.windows(2).enumerate().any(|(at, w)| {
        // "Goes live", "will go live" ("when a business did go live" is
        // history).
        let to_come = w[0] == "goes"
            || w[0] == "go"
                && at
                    .checked_sub(1)
                    .is_some_and(|before| matches!(all[before].as_str(), "will" | "shall"));
        to_come && WIDER.contains(&w[1].as_str())
    })
}

/// A priority set now or to come: "members now give priority to starting
/// early recovery work", "we will prioritise the renewals". (A priority
/// given in the past, "last year we gave priority to…", is work done.)
fn sets_a_priority(all: &[String]) -> bool {
    let now_or_later = all
        .iter()
        .any(|w| matches!(w.as_str(), "now" | "will" | "henceforth"));
    let prioritises = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "prioritise" | "prioritize" | "prioritising" | "prioritizing"
        )
    }) || all.windows(3).any(|w| {
        matches!(w[0].as_str(), "give" | "gives" | "giving" | "put" | "puts")
            && w[1] == "priority"
            && matches!(w[2].as_str(), "to" | "on")
    });
    now_or_later && prioritises
}

/// A deal announced now that commits to a step: "today announced that it
/// has signed a definitive agreement to acquire Keke's". ("We also signed
/// an agreement to buy…", in a look back at the year, is work done.)
fn announces_a_deal_to_act(all: &[String]) -> bool {
    let now = all
        .iter()
        .any(|w| matches!(w.as_str(), "today" | "announced" | "announces"))
        || all
            .windows(2)
            .any(|w| matches!(w[0].as_str(), "has" | "have") && w[1] == "signed");
    now && all.windows(6).any(|w| {
        matches!(w[0].as_str(), "signed" | "signs" | "reached" | "entered")
            && w[1..5].windows(2).any(|pair| {
                matches!(
                    pair[0].as_str(),
                    "agreement" | "deal" | "contract" | "agreements"
                ) && pair[1] == "to"
            })
    })
}

/// "Add the extra 3.9% and your plan goes up by 4.5% in total": arithmetic
/// shown to the reader, no step asked.
fn works_the_sum(all: &[String]) -> bool {
    all.first().is_some_and(|verb| {
        matches!(
            verb.as_str(),
            "add" | "subtract" | "multiply" | "divide" | "deduct"
        )
    }) && all
        .iter()
        .skip(1)
        .take(4)
        .any(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// "We have committed to cutting leakage by 15 per cent between 2020 and
/// 2025": a target set for a span of years, the bar results are read
/// against, not a step now.
fn standing_commitment(all: &[String]) -> bool {
    let year = |w: &String| w.len() == 4 && w.starts_with(['1', '2']) && w.parse::<u16>().is_ok();
    let committed = all.windows(2).any(|w| {
        matches!(w[0].as_str(), "have" | "has" | "had")
            && matches!(w[1].as_str(), "committed" | "pledged")
    });
    let span = all.windows(4).any(|w| {
        matches!(w[0].as_str(), "between" | "from")
            && year(&w[1])
            && matches!(w[2].as_str(), "and" | "to")
            && year(&w[3])
    });
    committed && span
}

/// A programme under way toward its target: "the review of care packages
/// is on course to deliver the outstanding £343K". (On track to "reach"
/// or "hit" a figure forecasts a level; so does finishing a period or
/// at a level: "on track to finish this fiscal year at 30".)
fn on_course_to_deliver(all: &[String]) -> bool {
    all.windows(4).enumerate().any(|(at, w)| {
        w[0] == "on"
            && matches!(w[1].as_str(), "course" | "track")
            && w[2] == "to"
            && !forecasts_a_level(all.get(at + 4..).unwrap_or_default())
            && matches!(
                w[3].as_str(),
                "deliver"
                    | "complete"
                    | "cut"
                    | "ship"
                    | "finish"
                    | "close"
                    | "launch"
                    | "save"
                    | "secure"
                    | "open"
                    | "recover"
            )
    })
}

/// What follows "on track to finish" when it forecasts a result, not a
/// delivery: a period ("the year", "this quarter") or a level ("at 30",
/// "at 98%") within the next few words.
fn forecasts_a_level(after: &[String]) -> bool {
    // An open horizon makes it an outlook, not a delivery: "on track to
    // deliver a significant number of new sites over the coming years".
    let open_horizon = after.windows(2).any(|pair| {
        matches!(
            (pair[0].as_str(), pair[1].as_str()),
            ("coming", "years") | ("years", "ahead") | ("years", "to") | ("over", "time")
        )
    });
    if open_horizon {
        return true;
    }
    let near = &after[..after.len().min(5)];
    near.iter().any(|w| {
        matches!(
            w.as_str(),
            "year" | "quarter" | "month" | "half" | "fy" | "fiscal"
        )
    }) || near.windows(2).any(|pair| {
        pair[0] == "at" && pair[1].starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c))
    })
}

/// An appeal telling readers how to give: "Donations can be made through
/// the centre's page on Crowdfunder".
pub(crate) fn tells_how_to_give(all: &[String]) -> bool {
    all.windows(4).any(|w| {
        matches!(
            w[0].as_str(),
            "donations" | "gifts" | "contributions" | "pledges"
        ) && matches!(w[1].as_str(), "can" | "may")
            && w[2] == "be"
            && matches!(w[3].as_str(), "made" | "given" | "sent")
    })
}

/// A proposal put now: "The proposed cut in library opening hours is one
/// part of a wider review", "- A proposed reduction in opening hours". ("In
/// phase one we set out the proposed structure" tells a past step; "the
/// proposed to" is no noun.)
fn names_a_proposal(all: &[String]) -> bool {
    // Put now: a verb in the present or the future, or the proposal
    // standing alone as a list's item. ("RFF held a workshop on a proposed
    // regulatory change" looks back.)
    let now = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "is" | "are" | "will" | "would" | "includes" | "include" | "involves" | "means"
        )
    }) || all.get(1).is_some_and(|second| second == "proposed");
    let told_as_past = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "was" | "were" | "had" | "ran" | "set" | "did" | "held" | "rejected" | "dropped"
        )
    });
    now && !told_as_past
        && all.windows(3).any(|w| {
            matches!(w[0].as_str(), "the" | "a" | "our" | "this" | "these")
                && w[1] == "proposed"
                && w[2].len() >= 3
                && !matches!(w[2].as_str(), "that" | "by" | "to" | "in" | "for" | "with")
        })
}

/// A step recommended or proposed, whoever recommends it: "This business
/// case recommends buying ElectroWorkFlow", "the report proposes closing
/// two sites". ("The recommended setting", "proposed changes" name a thing.)
fn recommends_a_step(all: &[String]) -> bool {
    all.windows(2).enumerate().any(|(at, w)| {
        matches!(
            w[0].as_str(),
            "recommends" | "recommend" | "recommended" | "proposes" | "propose" | "proposed"
        ) && w[1].len() > 5
            && w[1].ends_with("ing")
            && !matches!(
                w[1].as_str(),
                "nothing" | "something" | "anything" | "everything"
            )
            && !at
                .checked_sub(1)
                .and_then(|before| all.get(before))
                .is_some_and(|before| matches!(before.as_str(), "the" | "a" | "an" | "our" | "its"))
    })
}

/// A step announced in the passive, whoever takes it: "recovery plans
/// will be drawn up using the capacity models", "the old API will be
/// switched off on 1 June". ("Sales will be affected", "more staff will be
/// needed" and "it will be available" state an effect, a need or a state.)
fn done_to_plan(all: &[String]) -> bool {
    const STATES: &[&str] = &[
        "affected",
        "needed",
        "required",
        "expected",
        "seen",
        "known",
        "based",
        "limited",
        "delayed",
        "hit",
        "impacted",
        "pleased",
        "happy",
        "able",
        "available",
        "interested",
        "concerned",
        "reflected",
        "driven",
        "offset",
        "felt",
        "given",
        "shown",
        "told",
        "asked",
        "invited",
        "welcomed",
        "joined",
        "led",
        "paid",
        "owed",
        "exposed",
        "used",
        // "You will be surprised how many tasks can wait": a feeling.
        "surprised",
        "amazed",
        "disappointed",
        "relieved",
        "delighted",
    ];
    const IRREGULAR: &[&str] = &[
        "drawn", "made", "done", "set", "put", "cut", "built", "taken", "shut", "sent", "held",
        "run", "written", "rolled", "moved", "closed", "replaced", "retired", "launched",
    ];
    // "The programme will be made public on 28 July", "results will be
    // announced in May": the text's own news, not a step.
    const REPORTED: &[&str] = &[
        "published",
        "announced",
        "released",
        "reported",
        "updated",
        "posted",
        "shared",
        "confirmed",
        "issued",
        "circulated",
        "presented",
        // The report's own bookkeeping: "anything that still trickles in
        // will be counted with Android".
        "counted",
        "listed",
        "grouped",
        "recorded",
        "classed",
        "classified",
    ];
    all.windows(3).enumerate().any(|(at, w)| {
        let participle = &w[2];
        let made_known = participle == "made"
            && all
                .get(at + 3)
                .is_some_and(|next| matches!(next.as_str(), "public" | "available" | "known"));
        w[0] == "will"
            && w[1] == "be"
            && !STATES.contains(&participle.as_str())
            && !REPORTED.contains(&participle.as_str())
            && !made_known
            && (IRREGULAR.contains(&participle.as_str())
                || participle.len() > 5 && participle.ends_with("ed"))
    })
}

/// A plan or proposal put to others: "Centrica put forward a package of
/// measures", "the council has tabled proposals to…", "the board set out
/// a plan to close two sites". ("The plan we put forward last year
/// failed" names an old plan as its subject.)
fn puts_forward_a_plan(all: &[String]) -> bool {
    const PLANS: &[&str] = &[
        "plan",
        "plans",
        "proposal",
        "proposals",
        "measures",
        "package",
        "programme",
        "program",
        "roadmap",
        "strategy",
    ];
    all.windows(2).enumerate().any(|(at, w)| {
        let puts = matches!(
            (w[0].as_str(), w[1].as_str()),
            ("put" | "puts" | "putting", "forward") | ("set" | "sets" | "setting", "out")
        ) || matches!(w[0].as_str(), "tabled" | "tables" | "unveiled" | "unveils")
            && at > 0;
        let object_from = if matches!(w[1].as_str(), "forward" | "out") {
            at + 2
        } else {
            at + 1
        };
        let subject_is_the_plan = all[..at].iter().any(|x| PLANS.contains(&x.as_str()));
        puts && !subject_is_the_plan
            && all
                .iter()
                .skip(object_from)
                .take(4)
                .any(|x| PLANS.contains(&x.as_str()))
    })
}

/// A postmortem's fix, told as done: "We have added two extra layers of
/// monitoring", "we also reworked the queries the monitoring flagged".
/// Outside a postmortem such a sentence is work done, not a resolution;
/// the caller knows which the draft is.
pub fn reports_a_fix_made(sentence: &str) -> bool {
    // (Not "deployed", "changed", "upgraded" or "scaled": an incident as
    // often starts with one — "at 01:41 we deployed a commit that…".)
    const FIXES: &[&str] = &[
        "added",
        "reworked",
        "rewrote",
        "rewritten",
        "improved",
        "introduced",
        "implemented",
        "replaced",
        "removed",
        "tuned",
        "doubled",
        "tightened",
        "expanded",
        "reconfigured",
        "optimised",
        "optimized",
        "automated",
        "hardened",
        "rotated",
        "revoked",
        "patched",
        "fixed",
        "separated",
        "isolated",
        "disabled",
        // "We only managed to shut out all of the attacking traffic".
        "blocked",
        "shut",
        "mitigated",
        // "Tangerine has withdrawn all access for the compromised account".
        "withdrawn",
        "withdrew",
        "reset",
        "suspended",
        "locked",
        // Recovery: "we then redeployed the intake with the new
        // configuration", "we restored the database from the backup".
        "redeployed",
        "restored",
        "rebuilt",
        "reprovisioned",
    ];
    let all = lower_words(sentence);
    // Who fixed it: "we", or the company told of in the third person
    // ("it has also shut off access", "Tangerine has withdrawn…").
    let opening_name = words(sentence).first().is_some_and(|first| {
        first.text.chars().next().is_some_and(char::is_uppercase)
            && !matches!(first.lower().as_str(), "the" | "a" | "an" | "this" | "that")
    }) && all
        .get(1)
        .is_some_and(|w| matches!(w.as_str(), "has" | "have"));
    all.iter().enumerate().any(|(at, word)| {
        let fixer = word == "we"
            || matches!(word.as_str(), "it" | "they" | "company")
                && all
                    .get(at + 1)
                    .is_some_and(|w| matches!(w.as_str(), "has" | "have"))
            || at == 0 && opening_name;
        if !fixer {
            return false;
        }
        all.iter()
            .skip(at + 1)
            .take(5)
            .find(|w| {
                !matches!(
                    w.as_str(),
                    "have"
                        | "has"
                        | "'ve"
                        | "also"
                        | "then"
                        | "since"
                        | "now"
                        | "only"
                        | "finally"
                        | "managed"
                        | "to"
                )
            })
            .is_some_and(|verb| FIXES.contains(&verb.as_str()))
    })
}

/// Words that report what someone said: "the company said it is running
/// a review", "Rogers added that it will…".
const SAYS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "stated",
    "states",
    "told",
    "explained",
];

/// A commitment told in reported speech, where "it" or "they" is the body
/// that spoke: "Rogers said it is running a review with a third party",
/// "the council confirmed that they will reopen the branch in May". ("It
/// said it was a hard year" looks back: only a commitment counts.)
fn commits_in_reported_speech(all: &[String]) -> bool {
    all.iter().enumerate().any(|(at, word)| {
        if !SAYS.contains(&word.as_str()) {
            return false;
        }
        let mut next = at + 1;
        if all.get(next).is_some_and(|w| w == "that") {
            next += 1;
        }
        let body_commits = all
            .get(next)
            .is_some_and(|pronoun| matches!(pronoun.as_str(), "it" | "they"))
            && all
                .iter()
                .enumerate()
                .skip(next + 1)
                .take(2)
                .any(|(j, verb)| {
                    commits_at(all, j, verb) && !matches!(verb.as_str(), "have" | "has")
                });
        let speaker = at
            .checked_sub(1)
            .is_some_and(|before| matches!(all[before].as_str(), "he" | "she" | "they"));
        // "He said it mattered that everyone in the targeted groups thought
        // about getting vaccinated": an appeal, told as the speaker's.
        let weighty = |w: &str| {
            matches!(
                w,
                "important" | "vital" | "essential" | "crucial" | "mattered" | "matters"
            )
        };
        let appeal = all.get(next).is_some_and(|it| it == "it")
            && all.iter().skip(next + 1).take(2).any(|w| weighty(w))
            && all.iter().skip(next + 2).take(2).any(|w| w == "that");
        body_commits || (speaker && (obliges(&all[next..]) || appeal))
    })
}

/// What a speaker says must be done, the thing to act on left unnamed or
/// named before: "(a fall in firefighters,) which he said must be tackled
/// through proper funding", "the review, he said, has to take account of
/// risk". ("Must be a concern" judges; only an action obliges.)
fn obliges(after: &[String]) -> bool {
    let verb_at = match after {
        [modal, ..] if modal == "must" => 1,
        [modal, to, ..]
            if matches!(modal.as_str(), "has" | "have" | "need" | "needs") && to == "to" =>
        {
            2
        }
        _ => return false,
    };
    match after.get(verb_at).map(String::as_str) {
        Some("be") => after.get(verb_at + 1).is_some_and(|participle| {
            participle.len() > 4 && (participle.ends_with("ed") || participle.ends_with("en"))
        }),
        Some(verb) => !NO_COMMITMENT.contains(&verb),
        None => false,
    }
}

/// A recall issued or an instruction passed on: "Fresh Express has issued
/// a voluntary recall", "instructed them to take the products off the
/// shelves". The recall is the decision, whoever announces it.
fn recalls_or_instructs(all: &[String]) -> bool {
    let recall = all.windows(2).enumerate().any(|(at, w)| {
        let issued = matches!(
            w[0].as_str(),
            "issued" | "issuing" | "announced" | "initiated"
        ) && all[at + 1..].iter().take(3).any(|x| x == "recall");
        let recalling = matches!(w[0].as_str(), "is" | "are" | "has" | "have")
            && matches!(w[1].as_str(), "recalling" | "recalled");
        issued || recalling
    });
    let instructed = all.windows(2).enumerate().any(|(at, w)| {
        matches!(w[0].as_str(), "instructed" | "directed" | "ordered")
            && all[at + 1..].iter().take(3).any(|x| x == "to")
    });
    recall || instructed
}

/// A dividend set by the board: "Interim dividend of 6.2p per share",
/// "raised the annual dividend to $0.68", "the dividend is suspended".
/// ("Dividend cover fell" measures; only the payout decided counts.)
fn decides_a_dividend(all: &[String]) -> bool {
    const SET: &[&str] = &[
        "declared",
        "declares",
        "raised",
        "raises",
        "increased",
        "increases",
        "maintained",
        "held",
        "cut",
        "cuts",
        "suspended",
        "suspends",
        "proposed",
        "proposes",
        "recommended",
        "recommends",
        "reinstated",
        "paid",
        "pay",
        "pays",
    ];
    let Some(at) = all.iter().position(|w| w == "dividend" || w == "dividends") else {
        return false;
    };
    let stated = all.get(at + 1).is_some_and(|w| w == "of")
        && all
            .get(at.wrapping_sub(1))
            .is_some_and(|w| matches!(w.as_str(), "interim" | "final" | "special" | "quarterly"));
    let set = all
        .iter()
        .skip(at.saturating_sub(5))
        .take(9)
        .any(|w| SET.contains(&w.as_str()));
    stated || set
}

/// An audit's or a panel's recommendation to a named body: "GAO
/// recommends that VA:", "The review recommended that the Council adopt
/// the plan." (What "we recommend" is read elsewhere.)
fn recommends_someone_acts(sentence: &str) -> bool {
    recommends_to_a_named_body(sentence, &["recommends that ", "recommended that "])
}

/// Whether, after one of `leads` ("recommends that "), the text names
/// who is to act with a capital ("VA", "the Council").
pub(crate) fn recommends_to_a_named_body(text: &str, leads: &[&str]) -> bool {
    leads.iter().any(|lead| {
        text.match_indices(lead).any(|(at, found)| {
            text[at + found.len()..]
                .trim_start_matches("the ")
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    })
}

/// A repair reported finished: "Splicing of the fibers carrying Lumen
/// traffic finished at 20:13 GMT", "the repairs were completed overnight"
/// (a postmortem's remediation, done). "Repairs are not finished yet" is
/// status.
fn repair_finished(all: &[String]) -> bool {
    const REPAIRS: [&str; 9] = [
        "repair",
        "repairs",
        "splicing",
        "replacement",
        "rerouting",
        "rewiring",
        "patching",
        "fix",
        "fixes",
    ];
    let Some(repair) = all.iter().position(|w| REPAIRS.contains(&w.as_str())) else {
        return false;
    };
    let negated = all
        .iter()
        .any(|w| matches!(w.as_str(), "not" | "yet" | "never") || w.ends_with("n't"));
    // "69% of routine repairs were completed within target" measures the
    // service; it reports no repair made.
    let a_share_of_them = all[repair.saturating_sub(4)..repair]
        .iter()
        .any(|w| w == "of" || w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    // Within the repair's own clause: "150 repairs are now outstanding,
    // and the team has finished 80 of these jobs" counts work done.
    !negated
        && !a_share_of_them
        && all[repair + 1..]
            .iter()
            .take(10)
            .take_while(|w| !matches!(w.as_str(), "and" | "but" | "while"))
            .any(|w| matches!(w.as_str(), "finished" | "completed"))
}

/// A proposal put softly: "a rigorous assessment of its safety and its
/// health economics would be useful", "it would be good to look at making
/// that easier" (the coach's hedge check names the softening). "It would
/// be useful to know more" and "that would be good news" propose nothing.
fn softened_proposal(all: &[String]) -> bool {
    const WORTH: [&str; 10] = [
        "useful",
        "helpful",
        "good",
        "valuable",
        "worthwhile",
        "beneficial",
        "sensible",
        "wise",
        "prudent",
        "advisable",
    ];
    const NO_STEP: [&str; 9] = [
        "know",
        "see",
        "hear",
        "understand",
        "learn",
        "have",
        "get",
        "say",
        "be",
    ];
    // "I think it may be time to go back to the app": a step put as the
    // moment for it ("it is time to say goodbye" only parts).
    let time_to_act = all.windows(3).enumerate().any(|(at, w)| {
        let softened = at >= 2
            && matches!(all[at - 2].as_str(), "may" | "might" | "could")
            && all[at - 1] == "be";
        let plain = at >= 1 && matches!(all[at - 1].as_str(), "is" | "it's" | "it’s");
        (softened || plain)
            && w[0] == "time"
            && w[1] == "to"
            && !NO_STEP.contains(&w[2].as_str())
            && w[2] != "say"
    });
    // ("We would like to grow faster" wishes; "I would like to thank" thanks.)
    const NEXT_TESTS: [&str; 10] = [
        "test", "retest", "try", "trial", "pilot", "run", "explore", "revisit", "repeat", "rerun",
    ];
    // "We would also want to test making the body copy match", "the idea
    // would have to be tested again": a next test, put softly.
    let would_do_next = all.windows(2).enumerate().any(|(at, w)| {
        let wants = matches!(w[0].as_str(), "we" | "i") && w[1] == "would";
        let rest: Vec<&str> = all[at + 2..]
            .iter()
            .map(String::as_str)
            .skip_while(|w| *w == "also")
            .take(3)
            .collect();
        wants
            && matches!(rest.as_slice(), [want, "to", verb, ..]
                if matches!(*want, "want" | "like") && NEXT_TESTS.contains(verb))
    }) || all.windows(5).any(|w| {
        w[0] == "would"
            && w[1] == "have"
            && w[2] == "to"
            && w[3] == "be"
            && matches!(
                w[4].as_str(),
                "tested" | "retested" | "repeated" | "rerun" | "revisited"
            )
    });
    would_do_next
        || time_to_act
        || all.windows(3).enumerate().any(|(at, w)| {
            if !(w[0] == "would" && w[1] == "be" && WORTH.contains(&w[2].as_str())) {
                return false;
            }
            match all.get(at + 3).map(String::as_str) {
                // "It would be good to look at…": a step, unless it only learns.
                Some("to") => all
                    .get(at + 4)
                    .is_some_and(|verb| !NO_STEP.contains(&verb.as_str())),
                // "An assessment of its safety would be useful": the subject is
                // the step, when it is more than a pronoun.
                None | Some("for" | "and" | "here" | "now" | "next") => at >= 3,
                Some(_) => false,
            }
        })
}

/// A softened but specific plan: someone hopes to act, and says when. "We
/// hope to focus on improving error messages during 2024" (the coach's
/// hedge check names the softening). "We hope to see you there" and "we
/// hope it will not happen again" plan nothing.
fn hopes_to_act_by_a_time(all: &[String]) -> bool {
    let Some(hope) = all.windows(3).position(|w| {
        matches!(w[0].as_str(), "we" | "i" | "team")
            && matches!(w[1].as_str(), "hope" | "hopes")
            && w[2] == "to"
    }) else {
        return false;
    };
    let after = &all[hope + 3..];
    let a_year_ahead = after.windows(2).any(|w| {
        matches!(
            w[0].as_str(),
            "in" | "during" | "by" | "throughout" | "through" | "for"
        ) && w[1].len() == 4
            && w[1]
                .parse::<u16>()
                .is_ok_and(|year| (2000..=2100).contains(&year))
    });
    let a_period_ahead = after.windows(2).any(|w| {
        matches!(w[0].as_str(), "next" | "this" | "coming" | "by")
            && matches!(
                w[1].trim_end_matches('s'),
                "week" | "month" | "quarter" | "year" | "sprint" | "q1" | "q2" | "q3" | "q4"
            )
    }) || after.windows(2).any(|w| {
        matches!(w[0].as_str(), "by" | "in" | "during") && MONTHS.contains(&w[1].as_str())
    });
    after.len() >= 2 && (a_year_ahead || a_period_ahead)
}

/// Whether the clause opens with an instruction: "Rotate every secret",
/// "please move your donation". ("Phase 1, 3 to 17 November" names a
/// stage; "Let's Encrypt issued…" names an organisation.)
fn opens_with_an_instruction(clause: &str) -> bool {
    let original = words(clause);
    let all: Vec<String> = original.iter().map(Word::lower).collect();
    // "Then put incentives behind it": "then" may lead the verb.
    all.iter()
        .position(|w| !w.chars().all(|c| c.is_ascii_digit()) && w != "then")
        .map(|at| {
            // A council's resolution: "4. To authorise the Director to agree
            // terms", "To extend the contract for 12 months". ("To reduce
            // churn, we ran a test" is a purpose, and its subject follows.)
            // ("To measure the effect of reminders" states a study's aim:
            // only a decision's verbs resolve.)
            let resolved = all[at] == "to"
                && all.get(at + 1).is_some_and(|verb| {
                    matches!(
                        verb.as_str(),
                        "approve"
                            | "authorise"
                            | "authorize"
                            | "award"
                            | "agree"
                            | "extend"
                            | "endorse"
                            | "delegate"
                            | "adopt"
                            | "accept"
                            | "grant"
                            | "allocate"
                            | "appoint"
                            | "release"
                    )
                })
                && !all[at + 1..]
                    .iter()
                    .any(|w| matches!(w.as_str(), "we" | "i" | "they" | "you" | "he" | "she"));
            if resolved {
                at + 1
            } else {
                at
            }
        })
        .filter(|at| *at < all.len())
        .is_some_and(|at| {
            // "Split between the two of us, that is 1000€ each": a
            // participle, not an instruction.
            let participle = all
                .get(at + 1)
                .is_some_and(|next| matches!(next.as_str(), "between" | "among" | "amongst"));
            if participle {
                return false;
            }
            let names_something = all[at] == "let's"
                && original
                    .get(at + 1)
                    .is_some_and(|next| next.text.chars().next().is_some_and(char::is_uppercase));
            // "Put simply, …", "put another way": a manner of speaking.
            let idiom = all[at] == "put"
                && all.get(at + 1).is_some_and(|next| {
                    matches!(
                        next.as_str(),
                        "simply"
                            | "another"
                            | "differently"
                            | "briefly"
                            | "bluntly"
                            | "plainly"
                            | "shortly"
                            | "together"
                    )
                });
            // "Phase one ran from September", "Test results showed": the
            // word names a thing whose verb follows.
            // ("Ensure access is revoked" takes a clause.)
            let takes_a_clause = matches!(
                all[at].as_str(),
                "ensure" | "check" | "make" | "confirm" | "verify" | "require"
            );
            let a_subject = !takes_a_clause
                && all.iter().skip(at + 1).take(2).any(|next| {
                    matches!(
                        next.as_str(),
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "has"
                            | "had"
                            | "ran"
                            | "runs"
                            | "gave"
                            | "brought"
                            | "went"
                            | "came"
                            | "grew"
                            | "fell"
                            | "rose"
                            | "saw"
                            | "took"
                            | "began"
                            | "showed"
                            | "shows"
                            | "found"
                            | "finds"
                            | "led"
                    )
                });
            // "Audit findings summary": a caption of two or three nouns,
            // with no article, pronoun or stop, names a section.
            let caption = all.len() - at <= 3
                && !clause.trim_end().ends_with(['.', '!'])
                && !all[at + 1..].iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "it"
                            | "this"
                            | "that"
                            | "these"
                            | "our"
                            | "all"
                            | "them"
                            | "now"
                            | "your"
                            | "up"
                            | "out"
                            | "down"
                            | "off"
                            | "on"
                    )
                });
            IMPERATIVES.contains(&all[at].as_str())
                && !names_something
                && !idiom
                && !caption
                && !a_subject
                && !all.get(at + 1).is_some_and(|next| is_number_word(next))
        })
}

/// The words of the main clause when the sentence opens with a condition
/// set off by a comma: in "If you need to report a seller, use the Report
/// Abuse page" the need is the reader's case, not a step anyone takes.
fn after_a_condition<'a>(sentence: &str, all: &'a [String]) -> std::borrow::Cow<'a, [String]> {
    let conditional = all
        .first()
        .is_some_and(|w| matches!(w.as_str(), "if" | "unless"));
    match sentence.split_once(',') {
        Some((_, main)) if conditional => std::borrow::Cow::Owned(lower_words(main)),
        // (Most sentences: their words as they are, not copied.)
        _ => std::borrow::Cow::Borrowed(all),
    }
}

/// The words before a belief's content: "we are confident that the
/// changes … will make us more competitive" predicts; what follows "that"
/// commits nobody.
fn before_a_belief(all: &[String]) -> &[String] {
    let at = all.windows(2).position(|w| {
        matches!(
            w[0].as_str(),
            "confident"
                | "confidence"
                | "believe"
                | "belief"
                | "expect"
                | "expects"
                | "hope"
                | "sure"
                | "trust"
                | "optimistic"
                | "think"
                | "thinks"
                | "believes"
        ) && w[1] == "that"
    });
    &all[..at.unwrap_or(all.len())]
}

/// Whether the sentence tells its reader to act: it opens with an
/// instruction ("Please try the app and tell me what you think"), or a
/// clause after a colon or a condition does. Whoever reads it is the owner.
pub fn instructs_the_reader(sentence: &str) -> bool {
    // "**Goal:** Cut the support requests from trial users": after a
    // label naming an aim, the imperative states what is wanted, not a
    // step.
    let names_an_aim = |label: &str| {
        lower_words(label).iter().any(|w| {
            matches!(
                w.as_str(),
                "goal"
                    | "goals"
                    | "aim"
                    | "aims"
                    | "objective"
                    | "objectives"
                    | "mission"
                    | "purpose"
            )
        })
    };
    let mut after_an_aim = false;
    let instructs = clauses_outside_quotes(sentence).any(|(clause, label)| {
        let instruction = !label && !after_an_aim && opens_with_an_instruction(clause);
        after_an_aim = label && names_an_aim(clause);
        instruction
    }) || instruction_after_a_condition(sentence);
    instructs && !advice_for_any_case(sentence) && !gives_an_example(sentence)
}

/// "Take first-class mail, for example": the writer pointing at a case,
/// not asking for a step.
fn gives_an_example(sentence: &str) -> bool {
    // "Take Google, long seen as a front-runner…": a case pointed at.
    let takes_a_case = sentence
        .trim_start()
        .strip_prefix("Take ")
        .is_some_and(|rest| {
            rest.chars().next().is_some_and(char::is_uppercase)
                && rest
                    .split(',')
                    .next()
                    .is_some_and(|name| words(name).len() <= 3)
                && rest.contains(',')
        });
    if takes_a_case {
        return true;
    }
    let lower = sentence.to_lowercase();
    ["for example", "for instance", "as an example", "e.g."]
        .iter()
        .any(|phrase| contains_phrase(&lower, phrase))
}

/// Advice for whoever faces the case, not a step for this reader:
/// "When the gap is large, the choice is easy: switch to whichever
/// version did better."
fn advice_for_any_case(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    // "Add rising costs for servers as you grow": advice for any reader's
    // business, not a step this one takes.
    let as_you_grow = lower.windows(3).any(|w| {
        w[0] == "as"
            && w[1] == "you"
            && matches!(w[2].as_str(), "grow" | "scale" | "expand" | "hire" | "go")
    });
    as_you_grow
        || lower
            .iter()
            .any(|w| matches!(w.as_str(), "whichever" | "whatever" | "whoever"))
}

/// The sentence's clauses at its colons and semicolons, each with whether
/// it is a label ("Split pages: about 170 pages took part" opens with the
/// label "Split pages"). A colon inside a quotation ('the header read
/// "Step 1: Choose the amount"') does not open a clause.
fn clauses_outside_quotes(sentence: &str) -> impl Iterator<Item = (&str, bool)> {
    // Where each separator outside quotes sits (a byte offset).
    let mut separators = Vec::new();
    let mut quoted = false;
    for (at, c) in sentence.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            ':' | ';' if !quoted => separators.push(at),
            _ => {}
        }
    }
    let mut clauses = Vec::new();
    let mut from = 0;
    for at in separators
        .into_iter()
        .chain(std::iter::once(sentence.len()))
    {
        let clause = &sentence[from..at];
        // A short lead-in ending at a colon is a label, not a clause.
        let label = sentence[at..].starts_with(':') && words(clause).len() <= 3;
        clauses.push((clause, label));
        from = (at + 1).min(sentence.len());
    }
    clauses.into_iter()
}

/// "If you know people there, please send them our way": the main clause
/// after a condition instructs.
fn instruction_after_a_condition(sentence: &str) -> bool {
    let conditional = lower_words(sentence)
        .first()
        .is_some_and(|w| matches!(w.as_str(), "if" | "when" | "once" | "whenever" | "should"));
    conditional && sentence.split(',').skip(1).any(opens_with_an_instruction)
}

/// "The scheme is now being rolled out across the borough": an action
/// under way, in the passive. (Being investigated, reviewed or monitored
/// is looking, not acting.)
fn under_way(all: &[String]) -> bool {
    let is = |at: Option<usize>| {
        at.and_then(|at| all.get(at))
            .is_some_and(|w| matches!(w.as_str(), "is" | "are"))
    };
    // "We read this as a sign that resources are being allocated well":
    // what a figure is taken to show, not a step.
    let read_into = |at: usize| {
        all[..at].windows(2).any(|w| {
            matches!(
                w[0].as_str(),
                "sign" | "signs" | "shows" | "suggests" | "indicates" | "indication" | "means"
            ) && w[1] == "that"
        })
    };
    all.iter().enumerate().any(|(at, word)| {
        let being = word == "being"
            && !read_into(at)
            && (is(at.checked_sub(1))
                || at
                    .checked_sub(1)
                    .and_then(|b| all.get(b))
                    .is_some_and(|b| b == "now")
                    && is(at.checked_sub(2)));
        let done = all.get(at + 1).map(String::as_str).unwrap_or_default();
        being
            // ("Progress is being made" reports status, not a step.)
            && (done.ends_with("ed") || done == "built")
            && !matches!(
                done,
                "investigated"
                    | "reviewed"
                    | "monitored"
                    | "considered"
                    | "discussed"
                    | "assessed"
                    | "explored"
                    | "evaluated"
                    | "examined"
                    | "used"
                    | "affected"
                    | "delayed"
                    | "hit"
                    | "hampered"
                    | "held"
            )
    })
}

/// A change made or worked on so that the failure does not come back:
/// "We are working with Fastly on further changes so that we can withstand
/// an event like this in future", "What I have done so that data is not
/// lost like this again:". (A hope that it never happens again names no
/// change.)
fn works_against_a_repeat(all: &[String]) -> bool {
    let text = format!(" {} ", all.join(" "));
    let against_a_repeat = [
        " happen again ",
        " happening again ",
        " happens again ",
        " in future ",
        " in the future ",
        " recur",
        " prevent",
        " withstand ",
    ]
    .iter()
    .any(|phrase| text.contains(phrase));
    let a_change = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "changes"
                | "change"
                | "changing"
                | "fix"
                | "fixes"
                | "measures"
                | "safeguards"
                | "improvements"
                | "adding"
                | "making"
                | "building"
        )
    });
    against_a_repeat && a_change || done_so_it_does_not_recur(all)
}

/// What someone has done for a purpose against a repeat: "What I have
/// done so that data is not lost like this again", "we have done this to
/// make sure it never recurs". ("We have done our best and hope it will
/// not happen again" hopes.)
fn done_so_it_does_not_recur(all: &[String]) -> bool {
    let Some(done) = all.windows(2).position(|pair| {
        pair[1] == "done" && matches!(pair[0].as_str(), "have" | "has" | "we've" | "i've")
    }) else {
        return false;
    };
    let rest = format!(" {} ", all[done + 2..].join(" "));
    [" so that ", " to make sure ", " to ensure "]
        .iter()
        .any(|purpose| rest.contains(purpose))
        && (rest.contains(" again ") || rest.contains(" recur"))
        && all
            .iter()
            .any(|w| matches!(w.as_str(), "not" | "never" | "no") || w.ends_with("n't"))
}

/// "I'm going to delete the publication", "the team is going to move":
/// a plan, when someone is going to act ("it is going to take months" is
/// a forecast).
fn going_to(all: &[String]) -> bool {
    all.windows(3).enumerate().any(|(i, w)| {
        let acting = w[1] == "going"
            && w[2] == "to"
            && all
                .get(i + 3)
                .is_some_and(|verb| !NO_COMMITMENT.contains(&verb.as_str()) && verb != "take");
        let actor = match w[0].as_str() {
            "i'm" | "i’m" | "we're" | "we’re" => true,
            "am" | "are" | "is" => i > 0 && ACTORS.contains(&all[i - 1].as_str()),
            _ => false,
        };
        acting && actor
    })
}

/// A stop decided and made: "We have stopped working on Kite", "we no
/// longer support the app", "we cancelled the rollout" (a kill is
/// the decision a go/no-go update exists for; "we paused webhooks" mid-incident
/// is a step of the response).
fn stopped_by_us(all: &[String]) -> bool {
    const STOPS: &[&str] = &[
        "stopped",
        "discontinued",
        "retired",
        "cancelled",
        "canceled",
        "sunset",
        "sunsetted",
    ];
    all.windows(3).any(|w| {
        let we = matches!(w[0].as_str(), "we" | "we've" | "we’ve");
        let have = w[0] == "we" && w[1] == "have";
        (we && STOPS.contains(&w[1].as_str()))
            || (have && STOPS.contains(&w[2].as_str()))
            || (w[0] == "we" && w[1] == "no" && w[2] == "longer")
    })
}

/// "Within 15 minutes of their scheduled arrival time": what a timetable
/// says, not a step.
fn names_a_timetable(next: Option<&String>) -> bool {
    next.is_some_and(|next| {
        matches!(
            next.as_str(),
            "arrival"
                | "arrivals"
                | "departure"
                | "departures"
                | "time"
                | "times"
                | "hours"
                | "flights"
                | "services"
                | "stops"
        )
    })
}

/// Neither a timetable's word ("their scheduled arrival time") nor a plan
/// of the past ("the sale was planned to open on 7 December").
fn not_a_timetable_nor_past(all: &[String], at: usize) -> bool {
    let past = at
        .checked_sub(1)
        .and_then(|b| all.get(b))
        .is_some_and(|b| matches!(b.as_str(), "was" | "were" | "been"));
    !past && !names_a_timetable(all.get(at + 1))
}

/// A named step of work with its date: "phase 1 due in July 2020", "the
/// cut-over is scheduled for 3 May", "layout support landing next month". (Work that merely goes on, with no
/// date, is status.)
fn scheduled_step(all: &[String]) -> bool {
    // "Create the pitch deck => Moved to Q1": a step put off to a date.
    let put_off = all.windows(3).any(|w| {
        matches!(
            w[0].as_str(),
            "moved" | "postponed" | "deferred" | "pushed" | "rescheduled" | "carried"
        ) && matches!(w[1].as_str(), "to" | "until" | "into" | "over")
            && (MONTHS.contains(&w[2].as_str())
                || PERIODS_SHORT.contains(&w[2].as_str())
                || w[2] == "next")
    });
    put_off
        || all.iter().enumerate().any(|(i, w)| {
            matches!(
                w.as_str(),
                "due"
                    | "scheduled"
                    | "planned"
                    | "landing"
                    | "lands"
                    | "shipping"
                    | "ships"
                    | "launching"
                    | "launches"
                    | "arriving"
                    | "arrives"
            ) && not_a_timetable_nor_past(all, i)
                // "The board is due to adopt the budget for the coming
                // fiscal year, which starts July 1, at its June 17 meeting."
                // "Boosters that unlock ships faster": the noun.
                && !(matches!(w.as_str(), "ships" | "lands" | "launches" | "arrives")
                    && i
                        .checked_sub(1)
                        .and_then(|b| all.get(b))
                        .is_some_and(|b| IMPERATIVES.contains(&b.as_str()) || is_number_word(b)))
                && all.iter().enumerate().skip(i + 1).take(14).any(|(at, d)| {
                MONTHS.contains(&d.as_str())
                || matches!(
                    d.as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "tomorrow"
                )
                // "Next week", not "the next round".
                || d == "next"
                    && all.get(at + 1).is_some_and(|period| {
                        matches!(
                            period.as_str(),
                            "week" | "month" | "quarter" | "year" | "sprint" | "release" | "spring"
                                | "summer" | "autumn" | "fall" | "winter" | "monday" | "tuesday"
                                | "wednesday" | "thursday" | "friday" | "weekend" | "season"
                        )
                    })
                // "Liftoff is scheduled for 6:36 a.m. EST on Friday".
                || matches!(d.as_str(), "a.m" | "p.m" | "am" | "pm")
                || (d.len() == 2
                    && d.starts_with('q')
                    && d[1..].chars().all(|c| c.is_ascii_digit()))
            })
        })
}

/// An incident's remedy, already applied: "We mitigated the incident by
/// rolling back the change", "the change was reverted at 00:18", "we have
/// credited the accounts" (a postmortem's remediation does the
/// resolution's job).
fn remedied(all: &[String]) -> bool {
    const REMEDIES: &[&str] = &[
        "mitigated",
        "rolled",
        "reverted",
        "restored",
        "fixed",
        "patched",
        "credited",
        "refunded",
        "resolved",
        "remediated",
    ];
    // Said of a thing, only an undoing or a repair counts: "the databases
    // were restored" is the incident ending, not its remedy.
    const UNDONE: &[&str] = &[
        "reverted",
        "patched",
        "mitigated",
        "remediated",
        "credited",
        "refunded",
    ];
    all.windows(2).enumerate().any(|(i, w)| {
        // "Rolled back", not "rolled out".
        let remedy = REMEDIES.contains(&w[1].as_str())
            && (w[1] != "rolled" || all.get(i + 2).is_some_and(|b| b == "back"));
        let by_us = w[0] == "we" || (w[0] == "have" && i > 0 && all[i - 1] == "we");
        let undone = matches!(w[0].as_str(), "been" | "was" | "were")
            && (UNDONE.contains(&w[1].as_str())
                || (w[1] == "rolled" && all.get(i + 2).is_some_and(|b| b == "back")));
        remedy && (by_us || undone)
    })
}

/// A lesson turned into a next step: "Next time we will book the room
/// first", "next time the funds should be sent earlier". ("Next time, the
/// funds could be sent earlier" is the lesson alone.)
fn next_time(all: &[String]) -> bool {
    matches!(all, [first, second, ..] if first == "next" && second == "time")
        && all
            .iter()
            .any(|w| matches!(w.as_str(), "will" | "should" | "must" | "need" | "plan"))
}

/// An ask reported as made: "the office asked for $942,268 to hire two
/// secretaries", "the team requested approval for a second pilot".
fn reports_an_ask(all: &[String]) -> bool {
    const ASKED: &[&str] = &[
        "request",
        "asked",
        "asks",
        "asking",
        "requested",
        "requests",
        "requesting",
        "sought",
        "seeks",
        "seeking",
        "applied",
    ];
    const ASKED_FOR: &[&str] = &[
        "funding",
        "funds",
        "money",
        "budget",
        "approval",
        "permission",
        "investment",
        "staff",
        "headcount",
        "resources",
        "grant",
        "support",
        "sign-off",
        "raises",
        "total",
    ];
    // "The Board is asked to approve the project": the ask put to the reader.
    // ("Passengers are still advised to arrive 2.5 hours before": so is
    // the advice given to them.)
    let asked_to_act = all
        .windows(3)
        .any(|w| matches!(w[0].as_str(), "is" | "are") && w[1] == "asked" && w[2] == "to")
        || all.windows(4).any(|w| {
            matches!(w[0].as_str(), "is" | "are")
                && matches!(w[1].as_str(), "still" | "strongly" | "also" | "now")
                && matches!(w[2].as_str(), "asked" | "advised" | "urged" | "reminded")
                && w[3] == "to"
        })
        || all.windows(3).any(|w| {
            matches!(w[0].as_str(), "is" | "are")
                && matches!(w[1].as_str(), "advised" | "urged" | "reminded")
                && w[2] == "to"
        });
    // "Requests jumped from 20 to 1,500 a second", "1,500 requests a
    // second": the noun, measured.
    let measured = |at: usize| {
        // "coaching by managers and requests for support": many requests,
        // a tally kept, not an ask made.
        let tallied = all[at] == "requests" && all.get(at + 1).is_some_and(|next| next == "for");
        tallied
            || all.get(at + 1).is_some_and(|next| {
                matches!(
                    next.as_str(),
                    "jumped"
                        | "rose"
                        | "fell"
                        | "grew"
                        | "increased"
                        | "decreased"
                        | "dropped"
                        | "doubled"
                        | "climbed"
                        | "spiked"
                        | "peaked"
                        | "per"
                )
            })
            || at
                .checked_sub(1)
                .and_then(|before| all.get(before))
                .is_some_and(|before| {
                    // "1,500 requests", "1,771 pull requests", "feature
                    // requests": the noun.
                    is_number_word(before)
                        || matches!(
                            before.as_str(),
                            "pull"
                                | "merge"
                                | "feature"
                                | "support"
                                | "change"
                                | "access"
                                | "service"
                                | "api"
                                | "http"
                                | "web"
                                | "user"
                                | "customer"
                                | "information"
                                | "foi"
                        )
                })
    };
    // "For Christmas, BookTrust asked the public to give £10": a past
    // appeal to a crowd is the campaign's story, not an ask of the reader.
    let appealed_to_a_crowd = |at: usize| {
        matches!(all[at].as_str(), "asked" | "requested")
            && all.iter().skip(at + 1).take(2).any(|crowd| {
                matches!(
                    crowd.as_str(),
                    "public"
                        | "people"
                        | "supporters"
                        | "donors"
                        | "readers"
                        | "fans"
                        | "customers"
                        | "users"
                        | "members"
                        | "followers"
                        | "everyone"
                )
            })
    };
    asked_to_act
        || all.iter().enumerate().any(|(i, word)| {
            ASKED.contains(&word.as_str())
                && !measured(i)
                && !appealed_to_a_crowd(i)
                && all.iter().skip(i + 1).take(5).any(|w| {
                    // "seeks five more years of follow-up": a number in words too.
                    ASKED_FOR.contains(&w.as_str()) || is_number_word(w)
                })
        })
}

/// A read-out's next step: "Another pilot should run in May", "a further
/// test will drop the school's name". ("A further test might give us the
/// answer" names a possibility, a lesson; nobody is to act.)
fn proposes_a_next_study(all: &[String]) -> bool {
    let opens = matches!(
        all,
        [first, second, ..]
            if matches!(first.as_str(), "a" | "an" | "another" | "the")
                && matches!(second.as_str(), "further" | "follow-up" | "second" | "new" | "next" | "repeat")
    ) || all.first().is_some_and(|w| w == "another");
    let study = all.iter().take(4).any(|w| {
        matches!(
            w.as_str(),
            "test" | "experiment" | "trial" | "study" | "pilot" | "round" | "iteration" | "version"
        )
    });
    let modal = all
        .iter()
        .any(|w| matches!(w.as_str(), "should" | "will" | "must"));
    opens && study && modal
}

/// A rule that takes effect on a day: "From December 1st, employees can
/// work from home one day a week", "Effective 1 March, travel needs
/// approval". Its numbers are the rule's terms, not proof.
fn dated_rule_change(all: &[String], sentence: &str) -> bool {
    let opens = all
        .first()
        .is_some_and(|w| matches!(w.as_str(), "from" | "starting" | "effective" | "beginning"));
    let dated = all.iter().skip(1).take(3).any(|w| {
        MONTHS.contains(&w.as_str())
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(w.as_str(), "today" | "tomorrow" | "monday" | "next")
    });
    // "May" the month is no rule verb ("From May to October, each child
    // gets a parcel"), and a span ("from late April to 1 July") is a
    // period, not a start.
    let rule_verb = all
        .iter()
        .any(|w| matches!(w.as_str(), "can" | "must" | "will" | "need" | "needs"))
        || words(sentence).iter().skip(1).any(|w| w.text == "may");
    let span = all
        .iter()
        .take(5)
        .any(|w| matches!(w.as_str(), "to" | "until" | "through" | "till"));
    // "From today, the monthly plan costs $5 instead of $2": new terms.
    // ("From April 1 the supplier's prices rise by 10.22%": so do prices
    // moved from a date.)
    let priced = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "price"
                | "prices"
                | "fee"
                | "fees"
                | "charge"
                | "charges"
                | "tariff"
                | "tariffs"
                | "fare"
                | "fares"
        )
    }) && all.iter().any(|w| {
        matches!(
            w.as_str(),
            "rise" | "rises" | "increase" | "increases" | "fall" | "falls" | "drop" | "drops"
        )
    });
    let new_terms = all.iter().any(|w| w == "instead")
        || priced
        || all
            .windows(2)
            .any(|w| matches!(w[0].as_str(), "goes" | "go") && w[1] == "up");
    opens && dated && (rule_verb || new_terms) && !span
}

/// A decision reported, whoever took it: "Shuttle managers met on
/// Wednesday and agreed to go ahead", "the trustees voted to close the
/// fund", "Discovery is cleared to launch on Thursday". ("Neither of them
/// chose to appeal" decides nothing; "visitors agreed to each statement"
/// is agreement with something; "we agreed to buy a business" looks back
/// at work done.)
fn reports_a_decision(all: &[String]) -> bool {
    let negated = |at: usize| {
        all[at.saturating_sub(3)..at].iter().any(|w| {
            matches!(w.as_str(), "not" | "never" | "neither" | "nor" | "no")
                || w.ends_with("n't")
                || w.ends_with("n’t")
        })
    };
    // Only a go/no-go's own verbs: "we also agreed to buy Nokia's devices
    // business", in a letter's look back at the year, is work done.
    let go_or_stop = |at: usize| {
        all.get(at).is_some_and(|w| {
            matches!(
                w.as_str(),
                "go" | "proceed"
                    | "launch"
                    | "approve"
                    | "ship"
                    | "stop"
                    | "cancel"
                    | "delay"
                    | "postpone"
                    | "pause"
                    | "halt"
                    | "scrap"
                    | "abandon"
                    | "close"
                    // A change undone or kept: "I decided to bring the
                    // monthly plan back", "the board agreed to keep the fee".
                    | "bring"
                    | "revert"
                    | "restore"
                    | "reinstate"
                    | "keep"
                    | "drop"
                    | "end"
                    | "withdraw"
                    | "discontinue"
            )
        })
    };
    // ("The trustees had decided last week to close the charity": a time
    // may stand between.)
    let decided_to = all.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "agreed" | "voted" | "decided" | "resolved" | "chose" | "elected" | "opted"
        ) && (i + 1..=i + 3)
            .find(|&at| all.get(at).is_some_and(|to| to == "to"))
            .is_some_and(|to| {
                all[i + 1..to].iter().all(|between| {
                    matches!(
                        between.as_str(),
                        "last"
                            | "this"
                            | "week"
                            | "month"
                            | "year"
                            | "on"
                            | "yesterday"
                            | "today"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "unanimously"
                            | "formally"
                            | "finally"
                    )
                }) && go_or_stop(to + 1)
            })
            && !negated(i)
            // "Students who chose to stop paying": people described.
            && !i
                .checked_sub(1)
                .and_then(|before| all.get(before))
                .is_some_and(|before| matches!(before.as_str(), "who" | "that" | "which" | "whom"))
    });
    // "That is why I have gone with ads", "we opted for the cheaper
    // plan": the writer's choice made.
    let chose = all.windows(4).any(|w| {
        matches!(w[0].as_str(), "i" | "we")
            && matches!(w[1].as_str(), "have" | "'ve" | "’ve" | "opted" | "settled")
            && matches!(
                (w[2].as_str(), w[3].as_str()),
                ("gone", "with") | ("opted", "for") | ("settled", "on")
            )
    }) || all.windows(3).any(|w| {
        matches!(w[0].as_str(), "i" | "we")
            && matches!(
                (w[1].as_str(), w[2].as_str()),
                ("opted", "for") | ("settled", "on")
            )
    });
    let cleared = all.windows(2).enumerate().any(|(i, w)| {
        matches!(w[0].as_str(), "cleared" | "approved")
            && matches!(w[1].as_str(), "to" | "for")
            && !negated(i)
    });
    // "Teams are 'go' for launch": the verdict of a go/no-go.
    let go_for = all.windows(3).any(|w| {
        matches!(
            w[0].as_str(),
            "is" | "are" | "was" | "were" | "a" | "it's" | "we're"
        ) && w[1] == "go"
            && w[2] == "for"
    });
    let go_ahead = all.windows(2).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("the", "go-ahead") | ("green", "light") | ("green", "lit") | ("signed", "off")
        )
    });
    // "Calvert Library has voted to keep the fine-free policy": a body's
    // decision reported as news, whatever it decides ("we decided to", in
    // the simple past, tells a story; "the Fed has chosen to cut demand"
    // reads a policy).
    let has_decided = all.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0].as_str(), "has" | "have" | "we've" | "they've")
            && matches!(w[1].as_str(), "voted" | "agreed" | "resolved")
            && w[2] == "to"
            && !negated(i + 1)
    });
    // "The Board of Trustees voted through a 4.9 percent rise", "the
    // trustees passed the budget by 15 votes to 2": a body's vote carried.
    const BODIES: &[&str] = &[
        "board",
        "trustees",
        "council",
        "councillors",
        "committee",
        "cabinet",
        "shareholders",
        "governors",
        "senate",
        "parliament",
        "assembly",
        "directors",
    ];
    let vote_carried =
        all.windows(2).enumerate().any(|(i, w)| {
            w[0] == "voted" && matches!(w[1].as_str(), "through" | "for") && !negated(i)
        }) || all.windows(2).enumerate().any(|(i, w)| {
            matches!(
                w[0].as_str(),
                "passed" | "approved" | "adopted" | "ratified" | "endorsed"
            ) && matches!(w[1].as_str(), "the" | "a" | "an" | "its" | "this" | "their")
                && all[i.saturating_sub(4)..i]
                    .iter()
                    .any(|before| BODIES.contains(&before.as_str()))
                && !negated(i)
        });
    decided_to || cleared || go_for || go_ahead || has_decided || chose || vote_carried
}

/// A named actor inside the sentence commits: "Besides the penalty, Knight
/// will retain an independent consultant." (A capitalised word that opens
/// the sentence may be a metric: "Revenue will grow".)
/// A named body, then an aside, then its commitment: "Involve Yorkshire
/// and Humber, a body that supports the voluntary sector, will shut at the
/// end of next month".
fn named_actor_past_an_aside_commits(sentence: &str) -> bool {
    let Some(will) = sentence.find(", will ") else {
        return false;
    };
    let Some(aside) = sentence[..will].rfind(", ") else {
        return false;
    };
    let named = words(&sentence[..aside])
        .last()
        .is_some_and(|name| name.text.chars().next().is_some_and(char::is_uppercase));
    let verb = words(&sentence[will + 7..])
        .first()
        .map(|w| w.lower())
        .unwrap_or_default();
    named && !verb.is_empty() && !NO_COMMITMENT.contains(&verb.as_str()) && verb != "not"
}

/// A name that opens the sentence and acts: "Netflix will not change its
/// prices", "Acme will close the Leeds office". A measure opening the
/// sentence forecasts instead ("Revenue will grow", "Prices will not
/// change"), so only a verb of action counts, a verb of change only with
/// its object.
fn opening_name_acts(sentence: &str) -> bool {
    let all = words(sentence);
    let [name, will, rest @ ..] = all.as_slice() else {
        return false;
    };
    let pronoun = matches!(
        name.text,
        "I" | "It"
            | "We"
            | "You"
            | "They"
            | "This"
            | "That"
            | "There"
            | "These"
            | "Those"
            | "He"
            | "She"
    );
    if pronoun || !name.text.chars().next().is_some_and(char::is_uppercase) || will.text != "will" {
        return false;
    }
    let rest: Vec<String> = rest.iter().map(Word::lower).collect();
    let rest = match rest.as_slice() {
        [not, tail @ ..] if not == "not" => tail,
        all => all,
    };
    let Some(verb) = rest.first() else {
        return false;
    };
    let transitive = rest.get(1).is_some_and(|object| {
        matches!(
            object.as_str(),
            "its" | "the" | "their" | "our" | "a" | "an" | "all" | "every"
        ) || is_number_word(object)
    });
    let acts = IMPERATIVES.contains(&verb.as_str())
        && !matches!(
            verb.as_str(),
            "go" | "make" | "take" | "keep" | "run" | "test"
        )
        || matches!(
            verb.as_str(),
            "finish" | "shut" | "close" | "end" | "complete" | "open" | "start" | "acquire"
        )
        // "Cabinet will discuss the draft budget on Tuesday 20 February": a
        // body's meeting set for a day is its next step.
        || matches!(
            verb.as_str(),
            "discuss" | "consider" | "debate" | "vote" | "meet" | "decide"
        ) && rest.iter().any(|w| names_a_measure_or_time(w) || WEEKDAYS.contains(&w.as_str()));
    let changes = matches!(
        verb.as_str(),
        "change" | "grow" | "raise" | "cut" | "reduce" | "increase" | "lower"
    );
    (acts && !changes) || (changes && transitive)
}

/// What a named thing will bring about: "the Dordon CFC will make the
/// business run more efficiently", "the new site will allow customers to
/// book online". A forecast of its effect, not a body deciding. ("Knight
/// will make a decision by Friday" acts.)
fn forecasts_an_effect(after_will: &[String]) -> bool {
    let Some(verb) = after_will.first() else {
        return false;
    };
    match verb.as_str() {
        "allow" | "enable" | "let" | "mean" => true,
        "make" | "help" => after_will.iter().skip(1).take(6).any(|w| {
            matches!(
                w.as_str(),
                "more" | "less" | "better" | "easier" | "faster" | "cheaper" | "simpler" | "safer"
            )
        }),
        _ => false,
    }
}

fn named_actor_commits(sentence: &str) -> bool {
    if named_actor_past_an_aside_commits(sentence) || opening_name_acts(sentence) {
        return true;
    }
    // "Part of the reason may be that COVID-19 has halted much of the
    // travel": a cause offered, not a body deciding.
    let lowered = sentence.to_lowercase();
    if [
        "may be that",
        "might be that",
        "could be that",
        "the reason is that",
        // ("This gives her confidence that the Group will hit its
        // targets": a belief about it.)
        "confidence that",
        "confident that",
        "believe that",
        "believes that",
        "expect that",
        "expects that",
        "hope that",
    ]
    .iter()
    .any(|cause| lowered.contains(cause))
    {
        return false;
    }
    let all = words(sentence);
    let lower: Vec<String> = all.iter().map(Word::lower).collect();
    all.windows(3).enumerate().any(|(i, w)| {
        // "**Enterprise** – Enterprises are committing…": a capital that
        // opens a clause after a dash or a colon names nothing.
        let opens_a_clause = split_at_char(sentence, w[0].start)
            .0
            .trim_end_matches([' ', '*'])
            .ends_with(['–', '—', '-', ':']);
        let named = i > 0
            && !opens_a_clause
            && w[0].text != "I"
            && w[0].text.chars().next().is_some_and(char::is_uppercase);
        // "Knight will retain…"; "the County proposes to raise fees";
        // "the Foundation is resetting every session".
        // ("Our M Team will keep working with contractors" goes on as
        // before: the same reading as for "we will".)
        let commits = w[1].text == "will"
            && commits_at(&lower, i + 1, "will")
            && !forecasts_an_effect(&lower[i + 2..])
            || matches!(
                w[1].text,
                "proposes" | "recommends" | "intends" | "plans" | "decided" | "agreed" | "voted"
            ) && w[2].text == "to"
            || matches!(w[1].text, "is" | "are" | "has" | "have")
                && commits_at(&lower, i + 1, &lower[i + 1]);
        // "He said, on April 11 Etsy would raise its fee": an action told
        // in reported speech ("would go up", "would take years" forecast).
        let reported = w[1].text == "would"
            && IMPERATIVES.contains(&lower[i + 2].as_str())
            && !matches!(
                lower[i + 2].as_str(),
                "go" | "make" | "take" | "keep" | "run"
            )
            && lower.iter().any(|word| SAYS.contains(&word.as_str()));
        named && (commits || reported)
    })
}

/// An actor followed (within two words) by a commitment: "we will cut",
/// "the platform team is moving", "I need your approval".
fn actor_commits(all: &[String]) -> bool {
    // "If you are one of them, you will need to…": after a conditional
    // clause the main clause's actor follows any word.
    let conditional = all.first().is_some_and(|w| {
        // "To stop this happening again we are reworking…": a purpose
        // clause leads the same way.
        matches!(
            w.as_str(),
            "if" | "when" | "once" | "unless" | "until" | "to"
        )
    });
    // "The areas it plans to reach in January": only an agent plans.
    // ("It now plans to help schools with their breakfast clubs.")
    let agent_plans = all.windows(3).any(|w| {
        matches!(w[0].as_str(), "it" | "they")
            && matches!(w[1].as_str(), "plans" | "plan" | "intends" | "intend")
            && w[2] == "to"
    }) || all.windows(4).any(|w| {
        matches!(w[0].as_str(), "it" | "they")
            && w[1] == "now"
            && matches!(w[2].as_str(), "plans" | "plan" | "intends" | "intend")
            && w[3] == "to"
    });
    agent_plans
        || all.iter().enumerate().any(|(i, word)| {
            if !ACTORS.contains(&word.as_str()) {
                return false;
            }
            let relative = !conditional
                && i > 0
                && ["we", "i", "you"].contains(&word.as_str())
                && all.get(i - 1).is_some_and(|before| {
                    !LEADS.contains(&before.as_str())
                        && !MONTHS.contains(&before.as_str())
                        && !before.chars().all(|c| c.is_ascii_digit())
                });
            // "That dip shows why we need to invest conservatively": the
            // reason for a standing policy. ("That is why we will cut…"
            // decides.)
            let explained = i >= 2
                && all[i - 1] == "why"
                && matches!(
                    all[i - 2].as_str(),
                    "shows"
                        | "show"
                        | "showed"
                        | "explains"
                        | "explain"
                        | "illustrates"
                        | "demonstrates"
                );
            if relative || explained {
                return false;
            }
            // "Lawmakers who cut destination marketing are ignoring…": a
            // department's name after another noun names an activity, not the
            // team ("Marketing will…", "our support team is…").
            let activity = DEPARTMENTS.contains(&word.as_str())
                && i > 0
                && all.get(i - 1).is_some_and(|before| {
                    !LEADS.contains(&before.as_str())
                        && !matches!(
                            before.as_str(),
                            "the" | "our" | "your" | "their" | "its" | "my" | "of" | "from"
                        )
                });
            if activity {
                return false;
            }
            // "A steady stream of support requests from companies": a
            // department's name before a plural noun ("sales plans",
            // "engineering needs"), not the team asking.
            let noun_after_a_department = |j: usize, next: &str| {
                DEPARTMENTS.contains(&word.as_str())
                    && matches!(next, "requests" | "asks" | "needs" | "plans")
                    && !all.get(j + 1).is_some_and(|object| {
                        matches!(
                            object.as_str(),
                            "to" | "that" | "a" | "an" | "the" | "more" | "our" | "your" | "their"
                        )
                    })
            };
            all.iter()
                .enumerate()
                .skip(i + 1)
                .take(2)
                .any(|(j, next)| commits_at(all, j, next) && !noun_after_a_department(j, next))
        })
}

/// Teams named by what they do: "Marketing will…", "our support team".
const DEPARTMENTS: &[&str] = &[
    "engineering",
    "finance",
    "legal",
    "sales",
    "marketing",
    "product",
    "support",
    "ops",
    "operations",
];

/// The writer keeping the text current: "(we will) update the performance
/// figures on this page every month", "update this post". (Updating the
/// app is a step.)
fn updates_the_figures(after: &[String]) -> bool {
    after
        .first()
        .is_some_and(|verb| verb == "update" || verb == "publish")
        && after.iter().skip(1).take(3).any(|object| {
            matches!(
                object.as_str(),
                "figures" | "numbers" | "page" | "post" | "figure" | "statistics" | "stats"
            )
        })
}

fn commits_at(all: &[String], at: usize, word: &str) -> bool {
    let following = all.get(at + 1).map(String::as_str).unwrap_or_default();
    match word {
        // A modal with no verb after it is an aside ("so I must), and…").
        // "The executive board will be asked to approve a consultation": an
        // ask of the body named.
        "will" | "'ll" | "’ll" | "shall"
            if following == "be"
                && all.get(at + 2).is_some_and(|asked| {
                    matches!(asked.as_str(), "asked" | "invited" | "required")
                })
                && all.get(at + 3).is_some_and(|to| to == "to") =>
        {
            true
        }
        "will" | "'ll" | "’ll" | "shall" | "must" | "should" => {
            // "We will keep innovating" goes on as before; "we will not
            // rest until…" is a vow. ("We will keep the old plan" decides;
            // "we will keep restoring sites … by Tuesday 19 April" and
            // "keep monitoring 24 hours a day" set a time to it.)
            let goes_on = matches!(following, "keep" | "carry" | "go")
                && all.get(at + 2).is_some_and(|next| {
                    next.ends_with("ing") || matches!(next.as_str(), "on" | "up")
                })
                && !all[at + 2..]
                    .iter()
                    .take_while(|w| !matches!(w.as_str(), "and" | "but" | "until" | "so"))
                    .any(|w| names_a_measure_or_time(w));
            // ("We will do all we can to keep it that way": a vow too.)
            // ("We will not tolerate it", "we will not give up": a stance.)
            let vows = following == "not"
                && all.get(at + 2).is_some_and(|next| {
                    matches!(next.as_str(), "rest" | "tolerate" | "stand")
                        || next == "give" && all.get(at + 3).is_some_and(|up| up == "up")
                })
                || following == "do"
                    && all.get(at + 2).is_some_and(|next| {
                        matches!(
                            next.as_str(),
                            "all" | "everything" | "whatever" | "our" | "my"
                        )
                    });
            // "We will keep a close eye on where they end up": a watch.
            let watches = following == "keep"
                && all
                    .iter()
                    .skip(at + 2)
                    .take(3)
                    .any(|w| w == "eye" || w == "eyes");
            !goes_on
                && !vows
                && !watches
                && !NO_COMMITMENT.contains(&following)
                && !updates_the_figures(&all[at + 1..])
                && !matches!(
                    following,
                    "" | "and" | "or" | "but" | "so" | "because" | "if"
                )
        }
        // "We are moving", "the team is cutting": an action under way
        // from now; "we are investigating", "we are proud" are not plans.
        "are" | "is" | "'re" | "’re" | "am" | "'m" | "’m" => {
            // "The team is moving its attention to V2": a focus, not a step.
            let turns_attention = matches!(following, "moving" | "shifting" | "turning")
                && all
                    .iter()
                    .skip(at + 2)
                    .take(3)
                    .any(|w| w == "attention" || w == "focus");
            // "We are running the trial to help people get ready": a study
            // under way is the work being told, not a step decided.
            let studies = matches!(following, "running" | "conducting" | "doing")
                && all.iter().skip(at + 2).take(3).any(|w| {
                    matches!(
                        w.as_str(),
                        "trial"
                            | "test"
                            | "tests"
                            | "experiment"
                            | "experiments"
                            | "study"
                            | "research"
                            | "survey"
                            | "interviews"
                    )
                });
            // "We are writing to let you know", "we are sending out again
            // the notice": the text itself going out.
            let the_text_itself = following == "writing"
                || (matches!(
                    following,
                    "sending" | "contacting" | "emailing" | "resending"
                ) && all.iter().skip(at + 2).take(4).any(|w| {
                    matches!(
                        w.as_str(),
                        "notice" | "letter" | "email" | "message" | "this" | "you" | "reminder"
                    )
                }));
            // "We are taking serious steps to remove fraudulent sellers":
            // work going on in a direction, unless a time or a figure
            // makes it a step ("taking action to cut costs 10% by June").
            let takes_steps = following == "taking"
                && all
                    .iter()
                    .skip(at + 2)
                    .take(2)
                    .any(|w| matches!(w.as_str(), "steps" | "action" | "measures" | "actions"))
                && !all.iter().skip(at + 2).any(|w| names_a_measure_or_time(w));
            // "We are putting a lot of effort into running a reliable
            // service", "we are investing in a better service": effort in a
            // direction, unless a figure or a time sets it ("investing £2m
            // in new trains by 2025").
            let directs_effort = matches!(following, "putting" | "investing" | "pouring")
                && !all
                    .iter()
                    .skip(at + 2)
                    .take_while(|w| {
                        !matches!(w.as_str(), "and" | "but" | "so" | "because" | "while")
                    })
                    .any(|w| names_a_measure_or_time(w));
            !turns_attention
                && !studies
                && !the_text_itself
                && !takes_steps
                && !directs_effort
                && following.ends_with("ing")
                && ![
                    "investigating",
                    "concentrating",
                    "focusing",
                    "focussing",
                    "seeing",
                    "working",
                    "looking",
                    "still",
                    "growing",
                    "doing",
                    "going",
                    "expecting",
                    "continuing",
                    // "We are staying focused on…": an intention.
                    "staying",
                    "remaining",
                    "performing",
                    "trading",
                    "facing",
                    "struggling",
                    "losing",
                    "experiencing",
                    "being",
                    // "The hospital is missing its targets": how it fares.
                    "missing",
                    "failing",
                    "lagging",
                    "falling",
                    "declining",
                    "rising",
                    "waiting",
                    "trailing",
                    "suffering",
                    "having",
                    // "Pastoral staff are helping them find places": support
                    // that goes on, no step.
                    "helping",
                    "supporting",
                    "assisting",
                    // "Management is weighing options to bring that date
                    // forward": a choice still open, no step decided.
                    // "I am earning 644% more per day", "I am holding on to
                    // that 1.1%": how the writer fares or feels.
                    "earning",
                    "making",
                    "holding",
                    // "We are using the December 2020 figure": how it is worked out.
                    "using",
                    // "We are pushing to lift that rate above 80%": effort.
                    "pushing",
                    "trying",
                    "striving",
                    "hoping",
                    "feeling",
                    "enjoying",
                    "thinking",
                    "wondering",
                    // "How response times in England are trending": a
                    // measure's course.
                    "trending",
                    "worsening",
                    "increasing",
                    "decreasing",
                    "improving",
                    "slowing",
                    "recovering",
                    "weighing",
                    "considering",
                    "exploring",
                    "evaluating",
                    "assessing",
                    "debating",
                    "discussing",
                ]
                .contains(&following)
        }
        // "The team plans to move", "we plan a pilot"; in "the Risk
        // Management Plan (IRMP)" a plan is a document.
        // ("As we plan for 2019" prepares; it names no step.)
        "plan" | "plans" => matches!(
            following,
            "to" | "on" | "a" | "an" | "the" | "our" | "its" | "their"
        ),
        // "We are committed to cutting waste"; "a team committed to our
        // mission" describes it.
        // ("Committed to lasting improvements" holds to a value, too.)
        "commit" | "commits" | "committed" => {
            following == "to"
                && all.get(at + 2).is_some_and(|next| {
                    next.ends_with("ing")
                        && !matches!(
                            next.as_str(),
                            "lasting"
                                | "ongoing"
                                | "continuing"
                                | "growing"
                                | "leading"
                                | "outstanding"
                                | "everything"
                                | "nothing"
                                | "anything"
                        )
                        // "Committed to investing further", "to improving":
                        // a direction, unless a figure or a time sets it.
                        && (!matches!(
                            next.as_str(),
                            "investing" | "improving" | "reducing" | "delivering" | "providing"
                                | "supporting" | "working" | "making" | "ensuring" | "building"
                                | "doing" | "helping" | "carrying" | "keeping" | "pursuing"
                        ) || all.iter().skip(at + 3).any(|w| names_a_measure_or_time(w)))
                })
        }
        // "We have decided", "the board has approved".
        // A stop made is the decision too: "InterMune has ended the
        // trial", "we have discontinued the plan".
        // "We therefore have to pass this increase on": an obligation
        // taken up, as "must" is. ("We have to be careful" is no step.)
        // ("You always have to decide" is advice for any case.)
        "have" | "has" if following == "to" => {
            let habit = at.checked_sub(1).is_some_and(|before| {
                matches!(
                    all[before].as_str(),
                    "always" | "often" | "usually" | "sometimes" | "generally" | "typically"
                )
            });
            !habit
                && all
                    .get(at + 2)
                    .is_some_and(|verb| !NO_COMMITMENT.contains(&verb.as_str()))
        }
        // "We encourage you to turn on two-factor authentication": the
        // reader is asked to act.
        "encourage" | "encourages" | "urge" | "urges" | "invite" | "invites" => {
            matches!(
                following,
                "you" | "all" | "everyone" | "customers" | "users" | "members" | "people"
            ) && all.get(at + 2).is_some_and(|to| to == "to")
        }
        "have" | "has" => {
            [
            "decided",
            "agreed",
            "approved",
            "chosen",
            "committed",
            "ended",
            "stopped",
            "discontinued",
            "halted",
            "cancelled",
            "canceled",
            "terminated",
            "suspended",
            "withdrawn",
        ]
        .contains(&following)
            // "Zynga has stopped reporting its web audience": the
            // report's own bookkeeping, not a step.
            && !all
                .get(at + 2)
                .is_some_and(|what| matches!(what.as_str(), "reporting" | "disclosing"))
        }
        // "We aim to cut churn to 3% by June" plans; "we aim to put things
        // right quickly" is an intention with no step.
        // "We need that data to plan": a want of what was just named, no
        // ask. ("We need two more engineers", "we need to cut scope" ask.)
        "need" | "needs" => !matches!(following, "that" | "this" | "these" | "those"),
        // ("We aim to lose no more than 5% of calls": a standing standard,
        // a bar with no time to it.)
        "aim" | "aims" | "intend" | "intends" => {
            let rest = &all[(at + 2).min(all.len())..];
            let standard = rest.windows(3).any(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str(), w[2].as_str()),
                    ("no", "more", "than") | ("no", "less", "than") | ("no", "fewer", "than")
                ) || w[0] == "at" && matches!(w[1].as_str(), "least" | "most")
            }) && !rest.iter().any(|w| {
                MONTHS.contains(&w.as_str())
                    || PERIODS_SHORT.contains(&w.as_str())
                    || matches!(w.as_str(), "by" | "next" | "end")
            });
            following == "to" && !standard && rest.iter().any(|w| names_a_measure_or_time(w))
        }
        _ => COMMITS.contains(&word),
    }
}

/// A figure, a date or a period: what makes an aim a plan.
fn names_a_measure_or_time(word: &str) -> bool {
    is_number_word(word)
        || MONTHS.contains(&word)
        || PERIODS_SHORT.contains(&word)
        || matches!(
            word,
            "today"
                | "tomorrow"
                | "week"
                | "month"
                | "quarter"
                | "year"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
                | "weeks"
                | "months"
                | "weekend"
                | "tonight"
        )
}

fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower.get(..at).and_then(|s| s.chars().next_back());
        let after = lower
            .get(at + phrase.len()..)
            .and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() && !phrase.ends_with(':'))
    })
}
