//! What states a conflict: an obstacle, a trade-off, a metric moving the
//! wrong way.

use super::amounts::TIME_UNITS;
use super::*;

/// What states a conflict: an obstacle, a trade-off, a risk, a metric
/// moving the wrong way, an incident's damage, a worry (stems; regular
/// inflections count). Contrast words count too: "but", "however".
#[rustfmt::skip]
const CONFLICT: &[&str] = &[
    "but", "however", "yet", "although", "though", "despite", "unfortunately", "whereas",
    "obstacle", "risk", "risky", "threat", "threaten", "problem", "challenge", "trade-off",
    "tradeoff", "bottleneck", "constraint", "constrained", "shortfall", "deficit", "shortage",
    "outage", "incident", "failure", "fail", "broke", "broken", "bug", "defect", "crash",
    "breach", "vulnerable", "vulnerability", "disrupt", "disruption", "degraded", "unavailable",
    "downtime", "decline", "drop", "dropped", "fell", "fall", "falling", "lost", "lose", "loss",
    "losses", "shrink", "shrank", "shrinking", "stall", "stalled", "slowed", "slowing", "miss",
    "missed", "behind", "delay", "block", "blocked", "blocker", "worry", "worried", "concern",
    "pressure", "undercut", "rival", "competitor", "cannot", "can't", "unable", "struggle",
    "worse", "worsen", "negative", "erode", "eroding", "overrun", "expensive", "costly", "costs",
    "penalty", "damage", "harm", "hurt", "complain", "complaint", "unhappy", "frustrated",
    "abandon", "lack", "lacking", "insufficient", "error", "errors", "dilemma", "catch-22", "tension",
    "squeeze", "squeezed", "threatened", "down", "weak", "weaker", "weaken", "exposed",
    "inflation", "urgent", "urgently", "urgency", "disappointing", "disappointed",
    "disappointment",
];

/// Whether the sentence states what stands in the way.
pub fn states_conflict(sentence: &str) -> bool {
    let lower = lower_words(&without_conditions(sentence));
    // "This post summarises … what is still to do" names a topic.
    if super::introduces_the_text(&lower) {
        return false;
    }
    // "Synthesis gives the team the chance to work through it, drawing out
    // common problems": an opportunity offered, the problems its topic.
    if offers_a_chance(&lower) {
        return false;
    }
    let rest = without_prices(&without_good_news(&without_other_senses(&lower)));
    mentions(&rest, CONFLICT)
        || states_difficulty(&rest)
        || bad_news_rise(&lower)
        || growth_that_did_not_come(&lower)
        || could_not(&lower)
        || runs_out(&lower)
        || short_of_its_target(&lower)
        || a_share_of_the_bar(sentence)
        || only_so_few(&lower)
        || only_a_share_of_people(&lower)
        || limited_means(&lower)
        || a_saving_demanded(&lower)
        || out_of_reach(&lower)
        || a_setback_weathered(&lower)
}

/// An opportunity offered: "gives the team the chance to…", "offers an
/// opportunity to…". (A chance lost, "we lost the chance to win it", is
/// trouble.)
fn offers_a_chance(lower: &[String]) -> bool {
    lower.windows(2).enumerate().any(|(at, w)| {
        matches!(w[0].as_str(), "chance" | "opportunity" | "opportunities")
            && w[1] == "to"
            && lower[at.saturating_sub(4)..at].iter().any(|before| {
                matches!(
                    before.as_str(),
                    "gives"
                        | "give"
                        | "gave"
                        | "giving"
                        | "offers"
                        | "offer"
                        | "offered"
                        | "brings"
                )
            })
    })
}

/// "Sales were hit by the Omicron spike", "while it worked through the
/// effects of global events", "rates weighed on demand", "weathered a
/// hard winter": a setback the business took.
fn a_setback_weathered(lower: &[String]) -> bool {
    const SETBACKS: &[&str] = &["headwind", "headwinds", "setback", "setbacks", "weathered"];
    mentions(lower, SETBACKS)
        || lower.windows(2).any(|w| {
            matches!(w[0].as_str(), "hit" | "hurt" | "dented" | "dragged") && w[1] == "by"
                || matches!(w[0].as_str(), "weighed" | "weighs" | "weigh") && w[1] == "on"
        })
        || lower.windows(4).any(|w| {
            matches!(w[0].as_str(), "worked" | "working" | "work" | "works")
                && w[1] == "through"
                && (matches!(w[2].as_str(), "effects" | "impact" | "fallout")
                    || matches!(w[3].as_str(), "effects" | "impact" | "fallout"))
        })
}

/// "Reducing the need for foodbanks does not look achievable right now",
/// "a rescue is no longer feasible": a goal out of reach.
fn out_of_reach(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(at, word)| {
        matches!(
            word.as_str(),
            "achievable" | "possible" | "feasible" | "realistic" | "affordable" | "sustainable"
        ) && lower[at.saturating_sub(3)..at]
            .iter()
            .any(|before| matches!(before.as_str(), "not" | "longer" | "never"))
    })
}

/// Whether the sentence states a harm or an obstacle, a contrast aside:
/// "our database will run out of space in six months" does; "the 50%
/// discount stays, but it will only apply to unbroken renewals" turns
/// with "but" and states none.
pub fn states_harm(sentence: &str) -> bool {
    const CONTRASTS: &[&str] = &[
        "but", "however", "yet", "although", "though", "whereas", "despite",
    ];
    let without_contrast: Vec<String> = lower_words(sentence)
        .into_iter()
        .filter(|w| !CONTRASTS.contains(&w.as_str()))
        .collect();
    states_conflict(&without_contrast.join(" "))
}

/// "It aims to save £1.576m from a current budget of £3.5m", "the council
/// must find savings of £20m": a saving required of a budget squeezes what
/// it pays for. ("The new tool saved £5k" is a result.)
fn a_saving_demanded(lower: &[String]) -> bool {
    let demanded = |w: &str| {
        matches!(
            w,
            "aims" | "aim" | "needs" | "need" | "must" | "required" | "requires" | "has" | "have"
        )
    };
    lower.windows(3).any(|w| {
        demanded(&w[0])
            && (w[1] == "to" && matches!(w[2].as_str(), "save" | "cut" | "find")
                || w[0] == "must" && matches!(w[1].as_str(), "save" | "cut" | "find"))
    }) && lower
        .iter()
        .any(|w| matches!(w.as_str(), "budget" | "savings" | "spending" | "costs"))
}

/// "Its limited resources will go to Spanish, French and German": means
/// too small for everything, the trade-off behind a choice.
fn limited_means(lower: &[String]) -> bool {
    lower.windows(2).any(|w| {
        matches!(w[0].as_str(), "limited" | "scarce" | "finite")
            && matches!(
                w[1].as_str(),
                "resources"
                    | "funds"
                    | "funding"
                    | "budget"
                    | "budgets"
                    | "capacity"
                    | "staff"
                    | "money"
                    | "time"
            )
    })
}

/// "Together they have made only 8 subscribes": "only" before a count of
/// something wanted is a shortfall. ("Only 3 incidents", "it takes only
/// five minutes" are good news.)
/// "Only about half of control users went on to create a project", "just
/// one in five invited others": a share of people doing what is wanted,
/// qualified as too few. (A share of money or of a budget may be the
/// point: "only 3% of the budget".)
fn only_a_share_of_people(lower: &[String]) -> bool {
    const PEOPLE: &[&str] = &[
        "users",
        "customers",
        "people",
        "members",
        "visitors",
        "patients",
        "students",
        "participants",
        "subscribers",
        "buyers",
        "players",
        "respondents",
        "learners",
    ];
    let share = |w: &str| {
        is_number_word(w)
            || matches!(
                w,
                "half" | "third" | "quarter" | "fifth" | "tenth" | "minority" | "fraction"
            )
    };
    // A share, not a head count ("only a few hundred people" is a size):
    // a fraction, "one in five", "40 percent of".
    let share_at = |at: usize| {
        let word = lower[at].as_str();
        share(word)
            && (!is_number_word(word)
                || lower.get(at + 1).is_some_and(|next| {
                    matches!(next.as_str(), "in" | "of" | "%" | "percent" | "per")
                })
                || word.ends_with('%'))
    };
    lower.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "only" | "just")
            && (i + 1..(i + 4).min(lower.len()))
                .find(|&at| share_at(at))
                .is_some_and(|at| {
                    lower
                        .iter()
                        .skip(at + 1)
                        .take(5)
                        .any(|people| PEOPLE.contains(&people.as_str()))
                })
    }) && !mentions(lower, BETTER_LOW)
}

fn only_so_few(lower: &[String]) -> bool {
    // A count of things: a share or a sum ("only 3% of the budget") may
    // be the point, not a shortfall.
    let a_count = lower.iter().enumerate().any(|(i, w)| {
        w == "only"
            && lower
                .get(i + 1)
                .is_some_and(|n| is_number_word(n) && !n.contains(['%', '$', '£', '€']))
            && !lower
                .get(i + 2)
                .is_some_and(|u| matches!(u.as_str(), "%" | "percent" | "per"))
    });
    a_count
        && !mentions(lower, BETTER_LOW)
        && !mentions(lower, TIME_UNITS)
        && !mentions(
            lower,
            &["took", "takes", "take", "needed", "needs", "costs", "cost"],
        )
}

/// "93.8% of patients were seen in four hours, against a target of 95%":
/// a result on the wrong side of the bar set for it (above it, for
/// spending against a budget).
fn short_of_its_target(lower: &[String]) -> bool {
    const BARS: &[&str] = &[
        "target",
        "goal",
        "standard",
        "plan",
        "budget",
        "forecast",
        "threshold",
    ];
    const SET_AGAINST: &[&str] = &["against", "versus", "vs", "compared"];
    let number = |w: &String| crate::coach::claims::parse_number(w);
    lower.iter().enumerate().any(|(at, w)| {
        if !SET_AGAINST.contains(&w.as_str()) {
            return false;
        }
        let result = lower[..at].iter().rev().take(8).find_map(number);
        let after: Vec<&String> = lower.iter().skip(at + 1).take(6).collect();
        let bar = after.iter().copied().find_map(number);
        let names_a_bar = after.iter().any(|a| BARS.contains(&a.as_str()));
        // Spending is better under its budget; a result, over its target.
        let spending = after.iter().any(|a| *a == "budget")
            || mentions(lower, &["cost", "costs", "spend", "spending", "spent"]);
        match (result, bar) {
            (Some(result), Some(bar)) if names_a_bar && result != bar => (result < bar) != spending,
            _ => false,
        }
    }) || below_the_norm(lower)
        || short_in_words(lower)
}

/// "NHS Lothian is 'not delivering'", "we did not hit the target",
/// "patients are waiting longer than the standards": a shortfall said in
/// words, with no figure.
fn short_in_words(lower: &[String]) -> bool {
    const ATTAIN: &[&str] = &[
        "delivering",
        "meeting",
        "hitting",
        "achieving",
        "reaching",
        "meet",
        "hit",
        "achieve",
        "reach",
        "met",
        "achieved",
        "reached",
    ];
    const BARS: &[&str] = &[
        "target",
        "targets",
        "standard",
        "standards",
        "goal",
        "goals",
        "guarantee",
        "plan",
        "expected",
        "promised",
    ];
    let not_attained = lower.windows(2).any(|w| {
        (w[0] == "not" || w[0].ends_with("n't") || w[0].ends_with("n’t"))
            && ATTAIN.contains(&w[1].as_str())
    });
    let over_the_bar = lower.windows(2).enumerate().any(|(at, w)| {
        matches!(w[0].as_str(), "longer" | "later" | "slower")
            && w[1] == "than"
            && lower
                .iter()
                .skip(at + 2)
                .take(3)
                .any(|bar| BARS.contains(&bar.as_str()))
    });
    not_attained || over_the_bar
}

/// "64.1 per cent of flights arrived on time, well below the long-term
/// average of 81.1 per cent": a result under the bar or the norm it is
/// read against (for a measure better low, under it is good news).
fn below_the_norm(lower: &[String]) -> bool {
    const NORMS: &[&str] = &[
        "target",
        "goal",
        "standard",
        "plan",
        "forecast",
        "average",
        "norm",
        "benchmark",
        "expectations",
        "expected",
    ];
    let timed = lower
        .windows(2)
        .any(|w| TIMED.contains(&w[0].as_str()) && matches!(w[1].as_str(), "time" | "times"));
    let better_low = timed
        || mentions(lower, BETTER_LOW)
        || mentions(
            lower,
            &["cost", "costs", "spend", "spending", "spent", "budget"],
        );
    // "Reservoir levels were still significantly lower than normal for
    // the time of year": a level under what is usual, with or without its
    // figure.
    let under_the_usual = lower.windows(3).any(|w| {
        matches!(w[0].as_str(), "lower" | "below" | "less")
            && (w[1] == "than" || w[0] == "below")
            && matches!(w[2].as_str(), "normal" | "usual")
            || w[0] == "below" && matches!(w[1].as_str(), "normal" | "usual")
    });
    !better_low
        && (under_the_usual
            || lower.iter().enumerate().any(|(at, w)| {
                matches!(w.as_str(), "below" | "under")
                    && lower[..at]
                        .iter()
                        .any(|w| crate::coach::claims::parse_number(w).is_some())
                    && lower
                        .iter()
                        .skip(at + 1)
                        .take(4)
                        .any(|norm| NORMS.contains(&norm.as_str()))
            }))
}

/// "=> 72% of target", "at 90 percent of plan": a share of the bar under
/// 100 (of a budget, over it).
fn a_share_of_the_bar(sentence: &str) -> bool {
    let all = words(sentence);
    let chars: Vec<char> = sentence.chars().collect();
    let lower: Vec<String> = all.iter().map(Word::lower).collect();
    (0..all.len()).any(|at| {
        let Ok(share) = lower[at].replace(',', "").parse::<f64>() else {
            return false;
        };
        // (A word's position is in chars.)
        let sign = chars
            .get(all[at].end..)
            .and_then(|rest| rest.iter().find(|c| **c != ' '))
            == Some(&'%');
        let percent = sign || lower.get(at + 1).is_some_and(|w| w == "percent");
        let from = at + if sign { 1 } else { 2 };
        let bar = match (lower.get(from), lower.get(from + 1), lower.get(from + 2)) {
            (Some(of), Some(the), Some(bar)) if of == "of" && the == "the" => Some(bar),
            (Some(of), Some(bar), _) if of == "of" => Some(bar),
            _ => None,
        };
        match bar {
            Some(bar) if percent && bar == "budget" => share > 100.0,
            Some(bar) if percent && TARGETS.contains(&bar.as_str()) => share < 100.0,
            _ => false,
        }
    })
}

/// What a result is measured against.
const TARGETS: &[&str] = &["target", "goal", "plan", "forecast", "standard", "quota"];

/// "12 calls could not be answered", "no officer could respond", "we have
/// more to do before we drop the beta label": what could not be done, or
/// is not done yet.
fn could_not(lower: &[String]) -> bool {
    let not_done_yet = lower.windows(3).any(|w| {
        (matches!(w[0].as_str(), "more" | "still") && w[1] == "to" && w[2] == "do")
            || (w[0] == "not" && w[1] == "yet")
            // "The client still needs work before the beta label can go."
            || (w[0] == "still" && matches!(w[1].as_str(), "needs" | "need" | "requires"))
    }) || lower.windows(4).any(|w| {
        // "There is still work to do before we drop the beta label."
        matches!(w[0].as_str(), "more" | "still") && w[1] == "work" && w[2] == "to" && w[3] == "do"
    });
    not_done_yet || could_not_be_done(lower)
}

fn could_not_be_done(lower: &[String]) -> bool {
    lower.iter().any(|w| w == "couldn't" || w == "couldn’t")
        || lower
            .windows(2)
            .any(|pair| pair[0] == "could" && pair[1] == "not")
        || lower
            .windows(3)
            .any(|w| w[0] == "no" && (w[1] == "could" || w[2] == "could"))
}

/// "The database will run out of space in six months": a resource that
/// ends.
fn runs_out(lower: &[String]) -> bool {
    lower.windows(3).any(|w| {
        matches!(w[0].as_str(), "run" | "runs" | "running" | "ran") && w[1] == "out" && w[2] == "of"
    })
}

/// "The number of new people joining has not risen as hoped", "sign-ups
/// did not grow", "fewer than expected": a measure not moving as it should.
fn growth_that_did_not_come(lower: &[String]) -> bool {
    let denied_rise = lower.iter().enumerate().any(|(i, word)| {
        (RISES.contains(&word.as_str())
            || matches!(word.as_str(), "improve" | "improved" | "grown"))
            && (i.saturating_sub(3)..i).any(|b| {
                matches!(
                    lower[b].as_str(),
                    "not" | "never" | "failed" | "hasn't" | "didn't" | "haven't"
                ) || lower[b].ends_with("n't")
            })
    });
    let short_of_hopes = lower.windows(3).any(|w| {
        matches!(
            w[0].as_str(),
            "fewer" | "less" | "lower" | "slower" | "smaller"
        ) && w[1] == "than"
            && matches!(
                w[2].as_str(),
                "expected" | "hoped" | "planned" | "forecast" | "target"
            )
    });
    denied_rise || short_of_hopes
}

/// Words of rising.
const RISES: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "grew",
    "grow",
    "grows",
    "growing",
    "increase",
    "increased",
    "increases",
    "increasing",
    "climbed",
    "climbing",
    "jumped",
    "soared",
    "surged",
    "doubled",
    "tripled",
    "higher",
];

/// A measure that is better low, rising: "energy prices rising 5% to 14%",
/// "churn rose", "latency doubled".
fn bad_news_rise(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(i, word)| {
        RISES.contains(&word.as_str())
            && (i.saturating_sub(4)..i).any(|m| {
                let measure = lower[m].as_str();
                BETTER_LOW.contains(&measure)
                    || matches!(measure, "prices" | "price" | "bill" | "bills")
                    || measure == "time"
                        && m.checked_sub(1)
                            .is_some_and(|b| TIMED.contains(&lower[b].as_str()))
            })
    })
}

/// "Standard costs nothing", "it costs $9 a month": a price, not a cost
/// that hurts ("every free user costs us money" does).
fn without_prices(lower: &[String]) -> Vec<String> {
    lower
        .iter()
        .enumerate()
        .filter(|(i, word)| {
            let next = lower.get(i + 1).map(String::as_str).unwrap_or_default();
            let price = matches!(word.as_str(), "cost" | "costs")
                && (matches!(next, "nothing" | "only" | "just" | "less" | "from")
                    || next.chars().next().is_some_and(|c| c.is_ascii_digit()));
            !price
        })
        .map(|(_, w)| w.clone())
        .collect()
}

/// Measures that are better low, as one word ("load time" by its last).
#[rustfmt::skip]
const BETTER_LOW: &[&str] = &[
    "churn", "cost", "costs", "cac", "latency", "error", "errors", "defect", "defects", "incident",
    "incidents", "outage", "outages", "downtime", "bounce", "tickets", "complaints", "refunds",
    "abandonment", "cancellations", "attrition", "resignations", "unsubscribes", "wait", "waits",
];
/// Words before "time" that make it a measure better low: "load time".
const TIMED: &[&str] = &[
    "load",
    "response",
    "wait",
    "waiting",
    "page",
    "handling",
    "resolution",
    "processing",
    "build",
    "queue",
    "lead",
    "cycle",
    "loading",
    "turnaround",
];
const FALLS: &[&str] = &[
    "fell", "fall", "falls", "falling", "drop", "dropped", "drops", "decline", "declined",
    "declines", "down", "shrank", "cut", "reduced", "lower",
];

/// Verbs that aim at a harm: "cut delays", "reduce congestion".
const REMEDIES: &[&str] = &[
    "cut", "cutting", "reduce", "reducing", "lower", "lowering", "ease", "easing", "curb",
    "curbing", "tackle", "tackling",
];
/// Harms a remedy is aimed at, besides the measures better low.
const AIMED_AT: &[&str] = &[
    "delay",
    "delays",
    "congestion",
    "backlog",
    "backlogs",
    "queues",
    "waiting",
    "fraud",
];

/// The words without each fall of a measure that is better low, and the
/// measure itself: "page load time fell by 27%" is good news, not trouble.
fn without_good_news(lower: &[String]) -> Vec<String> {
    let better_low = |i: usize| {
        let word = lower[i].as_str();
        BETTER_LOW.contains(&word)
            || word == "time"
                && i.checked_sub(1)
                    .is_some_and(|b| TIMED.contains(&lower[b].as_str()))
    };
    let mut dropped = vec![false; lower.len()];
    for (i, word) in lower.iter().enumerate() {
        if !FALLS.contains(&word.as_str()) {
            continue;
        }
        if let Some(measure) = (i.saturating_sub(4)..i).rev().find(|&m| better_low(m)) {
            dropped[i] = true;
            dropped[measure] = true;
        }
    }
    // "Technology that will let them cut congestion and delays further":
    // the harms a remedy is aimed at, not trouble now.
    for (i, word) in lower.iter().enumerate() {
        if !REMEDIES.contains(&word.as_str()) {
            continue;
        }
        let aimed_at: Vec<usize> = (i + 1..(i + 5).min(lower.len()))
            .take_while(|&j| {
                better_low(j) || AIMED_AT.contains(&lower[j].as_str()) || lower[j] == "and"
            })
            .filter(|&j| lower[j] != "and")
            .collect();
        if !aimed_at.is_empty() {
            dropped[i] = true;
            for j in aimed_at {
                dropped[j] = true;
            }
        }
    }
    lower
        .iter()
        .zip(dropped)
        .filter(|(_, gone)| !gone)
        .map(|(w, _)| w.clone())
        .collect()
}

/// Words of conflict used in another sense: "however many there are"
/// (no matter how many), "the fall term" (a season), "we are working hard
/// to" (effort). They are dropped before the sentence is read.
fn without_other_senses(lower: &[String]) -> Vec<String> {
    let other_sense =
        |i: usize| {
            let before = i.checked_sub(1).map(|b| lower[b].as_str());
            let after = lower.get(i + 1).map(String::as_str);
            // "You may leave without penalty", "restored without any loss": a
            // harm ruled out.
            let ruled_out = before == Some("without")
                || (matches!(before, Some("any" | "a"))
                    && i.checked_sub(2).is_some_and(|b| lower[b] == "without"));
            if ruled_out {
                return true;
            }
            match lower[i].as_str() {
                "however" => matches!(
                    after,
                    Some("many" | "much" | "long" | "often" | "few" | "big" | "small" | "large")
                ),
                "fall" => {
                    matches!(before, Some("this" | "next" | "last" | "early" | "late"))
                        || matches!(
                            after,
                            Some("term" | "semester" | "season" | "quarter" | "intake" | "session")
                        )
                        || after.is_some_and(|year| {
                            year.len() == 4
                                && year
                                    .parse::<u16>()
                                    .is_ok_and(|y| (1900..=2100).contains(&y))
                        })
                }
                "hard" => matches!(
                    before,
                    Some("work" | "works" | "working" | "worked" | "try" | "trying" | "tried")
                ),
                // "If you are not a member yet", "have not yet renewed": so
                // far, not a contrast. (A delay, "is yet to ship", still is.)
                "yet" => {
                    after != Some("to")
                        && lower[..i].iter().rev().take(4).any(|w| {
                            matches!(w.as_str(), "not" | "no" | "never") || w.ends_with("n't")
                        })
                }
                _ => false,
            }
        };
    lower
        .iter()
        .enumerate()
        .filter(|(i, _)| !other_sense(*i))
        .map(|(_, w)| w.clone())
        .collect()
}

/// "Keeping stakeholders engaged was hard", "difficult to fit into
/// sprints": a difficulty in plain words. ("Hard" alone is too often
/// praise: "worked hard".)
fn states_difficulty(lower: &[String]) -> bool {
    // "Harder and harder to keep pace": the difficulty growing.
    let harder_to = lower
        .iter()
        .enumerate()
        .any(|(i, w)| w == "harder" && lower.iter().skip(i + 1).take(3).any(|t| t == "to"));
    // "Every country is too much for a charity of our size": more than
    // someone can carry. ("We spend too little time saying thanks" is a
    // habit, not a limit.)
    let too_much_for = lower
        .windows(3)
        .any(|w| w[0] == "too" && matches!(w[1].as_str(), "much" | "many") && w[2] == "for");
    harder_to
        || too_much_for
        || mentions(
            lower,
            &[
                "difficult",
                "difficulty",
                "difficulties",
                "understaffed",
                "overstretched",
                "overloaded",
                "short-staffed",
            ],
        )
        || lower.windows(2).any(|pair| {
            matches!(
                (pair[0].as_str(), pair[1].as_str()),
                (
                    "was" | "is" | "were" | "are" | "been" | "proved" | "felt" | "so" | "too"
                        | "became" | "become" | "becomes" | "got",
                    "hard"
                ) | ("hard", "to")
                    // "It is not easy to show what the work achieves."
                    | ("not" | "isn't" | "wasn't" | "never", "easy")
            )
        })
}

/// A condition is not an obstacle: "may take part, but only if the rules
/// below are met" reads as "only if". And "the most vulnerable" are people
/// served, not a weakness ("vulnerable to attack" is one).
fn without_conditions(sentence: &str) -> String {
    let mut lower = sentence.to_lowercase();
    for condition in [
        "only if",
        "only when",
        "only after",
        "only where",
        "only with",
    ] {
        lower = lower.replace(&format!("but {condition}"), condition);
    }
    lower
        .replace("the most vulnerable", "the most in need")
        .replace("most vulnerable people", "people most in need")
}

/// Words of conflict that a result may hold as good news: a fall, a loss,
/// errors or churn going down ("tickets fell 30%"), and contrasts ("but
/// churn held"). In the evidence only the rest count: an obstacle, a
/// failure, a shortfall ("did not reach 95% confidence").
#[rustfmt::skip]
const MOVEMENT: &[&str] = &[
    "but", "however", "yet", "although", "though", "despite", "whereas", "decline", "drop",
    "dropped", "fell", "fall", "falling", "lost", "lose", "loss", "losses", "shrink", "shrank",
    "shrinking", "slowed", "slowing", "down", "errors", "error", "outage", "incident", "downtime",
    "complain", "complaint", "costs", "erode", "eroding", "weak", "weaker", "weaken", "negative",
    "crash", "bug", "defect", "failure", "inflation", "rival", "competitor", "pressure",
];

/// Whether a sentence of results states an obstacle: what stood in the
/// way or failed, not a measure that moved (which may be good news).
pub fn states_obstacle(sentence: &str) -> bool {
    let lower = lower_words(&without_conditions(sentence));
    let obstacles: Vec<&str> = CONFLICT
        .iter()
        .copied()
        .filter(|w| !MOVEMENT.contains(w))
        .collect();
    let fell_short = lower.windows(2).any(|pair| {
        matches!(
            (pair[0].as_str(), pair[1].as_str()),
            ("did", "not") | ("not", "enough") | ("fell", "short")
        )
    }) || mentions(&lower, &["inconclusive", "unreliable"]);
    mentions(&lower, &obstacles) || fell_short || states_difficulty(&lower)
}
