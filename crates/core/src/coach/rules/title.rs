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
    "bundle", "nudge", "test", "pilot", "migrate", "quit", "leave", "rotate", "stage", "charge",
    "scale", "rate", "cap", "retire", "sunset", "adopt", "align", "accelerate", "pass", "top",
    "slash", "trim", "tighten", "simplify", "consolidate", "automate", "secure", "restore",
    "resume", "resolve", "prioritise", "prioritize", "focus", "commit", "target", "set", "expect",
    "forecast", "lower", "outpace", "surpass", "settle", "sign", "sell", "buy", "acquire", "merge",
    "split", "end", "extend", "postpone", "cancel", "freeze", "double", "upgrade", "downgrade",
    "crash", "fine", "warn", "affect", "force", "allow", "let", "spend", "build", "rebuild",
];
/// Words a transitive verb is followed by in a headline: "Rotate any
/// secrets", "Stage every content update".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "any", "every", "all", "our", "your", "its", "their", "this", "these",
    "those", "each", "no", "his", "her", "my",
];
/// Words a determiner may follow without being a verb.
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "of", "in", "on", "at", "for", "to", "from", "by", "with", "without", "about", "after",
    "before", "over", "under", "into", "across", "and", "or", "but", "than", "as", "via", "per",
    "during", "through", "against", "between", "among", "around", "beyond", "within", "is",
    "all", "both", "half", "what", "why", "how", "when", "where", "which", "who", "inside",
    "outside", "behind", "beside", "toward", "towards", "upon", "onto", "like", "near", "since",
    "until", "despite", "including", "regarding", "concerning", "across", "throughout",
];
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "rose", "risen", "fell", "fallen", "grew", "grown", "won", "lost", "beat", "made", "took",
    "taken", "gave", "given", "got", "brought", "led", "left", "held", "hit", "cut", "kept", "paid",
    "is", "are", "was", "were", "will", "must", "should", "can", "could", "needs", "has", "have",
    "had", "does", "did", "went", "gone", "came", "saw", "became", "shows",
];
/// A pronoun and its verb in one word: "Synchronous messaging at
/// Mozilla: we're live". (Not a name's "'s", which owns.)
#[rustfmt::skip]
const CONTRACTED_VERBS: &[&str] = &[
    "we're", "you're", "they're", "i'm", "it's", "that's", "here's", "there's", "we've",
    "i've", "they've", "we'll", "i'll", "it'll", "they'll", "isn't", "aren't", "won't", "can't",
    "don't", "doesn't", "didn't", "wasn't", "weren't", "hasn't", "haven't",
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
    // A label's last word ("Q3 growth review") ends a takeaway too when a
    // verb tells an amount before it: "How one startup reduced churn 71%
    // using red-flag metrics".
    let tells_an_amount = crate::beat_jobs::states_amount(title)
        && lower
            .iter()
            .any(|word| VERBS.iter().any(|verb| inflects(word, verb)));
    if lower
        .last()
        .is_some_and(|last| LABEL_ENDINGS.contains(&last.as_str()))
        && !lower.iter().any(|w| IRREGULAR.contains(&w.as_str()))
        && !tells_an_amount
    {
        return false;
    }
    // A question or a "why/how" clause names a topic: "Why the site was
    // down on 11 August", "Does page speed affect the business?".
    let clauses: Vec<&str> = title.split(':').collect();
    // (Unless it states an amount: "how a team of 12 is on track to save
    // £45 million a year" is the takeaway.)
    let asks = title.trim_end().ends_with('?')
        || clauses.iter().any(|clause| {
            words(clause).first().is_some_and(|w| {
                matches!(
                    w.lower().as_str(),
                    "why" | "how" | "what" | "when" | "where" | "who" | "whether"
                )
            }) && !crate::beat_jobs::states_amount(clause)
        });
    if asks {
        return false;
    }
    let listed = lower.iter().enumerate().any(|(i, word)| {
        // "-ing" is a verb after "is" ("churn is rising"); alone it names
        // ("incident affecting products", "Cutting costs").
        let participle = word.ends_with("ing")
            && !i
                .checked_sub(1)
                .and_then(|b| lower.get(b))
                .is_some_and(|b| {
                    matches!(
                        b.as_str(),
                        "is" | "are" | "was" | "were" | "be" | "keeps" | "keep"
                    )
                });
        IRREGULAR.contains(&word.as_str())
            || CONTRACTED_VERBS.contains(&word.replace('’', "'").as_str())
            || !participle
                && VERBS.iter().any(|verb| {
                    inflects(word, verb) || inflects(word.trim_start_matches("pre-"), verb)
                })
    });
    listed || verb_before_its_object(title, &found) || plural_then_participle(&found)
}

/// A word right before a determiner, with nothing between, that is not a
/// preposition or conjunction: a verb and its object ("Retire every
/// legacy plan", "SEC charges the broker").
fn verb_before_its_object(title: &str, found: &[super::super::text::Word<'_>]) -> bool {
    let chars: Vec<char> = title.chars().collect();
    found.windows(2).any(|pair| {
        let (word, next) = (pair[0].lower(), pair[1].lower());
        let adjacent = chars
            .get(pair[0].end..pair[1].start)
            .is_some_and(|gap| gap.iter().all(|c| *c == ' '));
        adjacent
            && DETERMINERS.contains(&next.as_str())
            && !NOT_VERBS.contains(&word.as_str())
            && !DETERMINERS.contains(&word.as_str())
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !word.ends_with("ing")
            && word.chars().count() >= 3
    })
}

/// A plural noun then a participle and its complement, the headline's
/// passive: "Most projects rated amber", "Two releases delayed to May".
fn plural_then_participle(found: &[super::super::text::Word<'_>]) -> bool {
    found.windows(3).any(|w| {
        let (noun, participle) = (w[0].lower(), w[1].lower());
        noun.len() >= 4
            && noun.ends_with('s')
            && !noun.ends_with("ss")
            && participle.len() >= 5
            && participle.ends_with("ed")
            && !NOT_VERBS.contains(&w[2].lower().as_str())
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
        // Verbs known by their place, not a list.
        assert!(is_action_title(
            "Security alert: rotate any secrets stored with us"
        ));
        assert!(is_action_title(
            "Regulator penalises the broker for market access failures"
        ));
        assert!(is_action_title(
            "Most major government projects rated amber"
        ));
        assert!(is_action_title("Pre-scale gateways before holiday peaks"));
        assert!(!is_action_title("Incident report: API outage of the week"));
        assert!(!is_action_title("Weeknote for the team"));
        assert!(!is_action_title(
            "Hackney Spacebank: weeknote, w/c 3 June 2019"
        ));
        assert!(!is_action_title("Why the site was down on 11 August"));
        assert!(is_action_title(
            "Notify: how a team of 12 is on track to save £45 million a year"
        ));
        assert!(!is_action_title("Time is money: why speed matters"));
        assert!(is_action_title(
            "Synchronous Messaging at Mozilla: We're Live"
        ));
        assert!(!is_action_title("Mozilla's chat platform"));
        assert!(is_action_title(
            "How one SaaS startup reduced churn 71% using 'red flag' metrics"
        ));
        assert!(!is_action_title(
            "Online dating and page speed: does it affect the business?"
        ));
        assert!(!is_action_title("Inside the company: July"));
        assert!(!is_action_title(
            "Updates on the incident affecting our products"
        ));
    }
}
