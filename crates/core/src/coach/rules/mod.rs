//! The rules. Each is a small function from the story to its findings, with
//! an entry in [`RULES`] (id, severity, rationale, a bad and a good example).

mod chart;
mod evidence;
mod journal;
mod majority;
mod named_row;
mod order;
mod portfolio_claims;
mod resolution;
pub mod significance;
mod structure;
mod targets;
mod template;
mod title;
mod totals;
mod universal;
mod wording;

use super::language::is_english;
use super::{Finding, Severity, Target};
use crate::{Beat, UpdateFields};

/// Where a passage of the draft sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    Beat(Target),
    /// A section the update keeps under its heading (empty: the text
    /// before the first heading).
    Section(&'a str),
}

/// A passage of the draft and where it sits.
#[derive(Debug, Clone, Copy)]
pub struct Passage<'a> {
    pub place: Place<'a>,
    pub text: &'a str,
}

/// A rule as the documentation and the UI describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub rationale: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}

/// The draft as the rules read it.
pub struct Story<'a> {
    pub fields: &'a UpdateFields,
    pub journal: &'a super::JournalContext,
    pub slide: &'a super::SlideFacts,
    /// The English-only word rules run only when this holds.
    pub english: bool,
}

impl<'a> Story<'a> {
    pub fn new(
        fields: &'a UpdateFields,
        journal: &'a super::JournalContext,
        slide: &'a super::SlideFacts,
    ) -> Self {
        let mut all_text = [
            fields.title.as_str(),
            &fields.beats.context,
            &fields.beats.conflict,
            &fields.beats.resolution,
            &fields.beats.evidence,
        ]
        .join("\n");
        for section in &fields.other.sections {
            if all_text.len() > 20_000 {
                break;
            }
            all_text.push('\n');
            all_text.push_str(&section.body);
        }
        // Only the first part decides: a 1 MB beat needs no full scan to know its language.
        let sample: String = all_text.chars().take(20_000).collect();
        Self {
            fields,
            journal,
            slide,
            english: is_english(&sample),
        }
    }

    /// The four beats with their targets and texts.
    pub fn beats(&self) -> [(Target, &'a str); 4] {
        let beats = &self.fields.beats;
        [
            (Target::Context, beats.text(Beat::Context)),
            (Target::Conflict, beats.text(Beat::Conflict)),
            (Target::Resolution, beats.text(Beat::Resolution)),
            (Target::Evidence, beats.text(Beat::Evidence)),
        ]
    }

    /// Every passage of the draft: the four beats, then the sections the
    /// update keeps under their own headings (and the text before the
    /// first heading), where a draft written elsewhere often does a beat's
    /// job.
    pub fn passages(&self) -> Vec<Passage<'a>> {
        let mut out: Vec<Passage<'a>> = self
            .beats()
            .into_iter()
            .map(|(target, text)| Passage {
                place: Place::Beat(target),
                text,
            })
            .collect();
        out.extend(self.fields.other.sections.iter().map(|section| Passage {
            place: Place::Section(section.heading.as_str()),
            text: section.body.as_str(),
        }));
        out
    }

    /// The title and the four beats: every text a word rule reads.
    pub fn texts(&self) -> Vec<(Target, &'a str)> {
        let mut out = vec![(Target::Title, self.fields.title.as_str())];
        out.extend(self.beats());
        out
    }
}

pub(crate) fn finding(
    rule: &str,
    severity: Severity,
    beat: Option<Target>,
    message: impl Into<String>,
    span: Option<[usize; 2]>,
) -> Finding {
    Finding {
        rule: rule.to_owned(),
        severity,
        beat,
        message: message.into(),
        span,
    }
}

/// Every rule, in the order the documentation lists them.
pub fn rules() -> &'static [RuleInfo] {
    RULES
}

/// The rules page (`docs/coach-rules.md`), written from [`RULES`] so the
/// documentation cannot drift from the code (a test compares them).
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# The story coach's rules\n\n\
         Generated from `crates/core/src/coach/rules/mod.rs` by \
         `cargo run -p throughline-core --example coach_rules_doc > docs/coach-rules.md`.\n\n\
         The coach reviews a draft offline and gives the same verdict for the same text. \
         **Errors** are kept for what would mislead or is not an update, and block *ready*; \
         warnings and tips can be silenced per update. Score: 100, minus 25 per error, \
         6 per warning (12 for `activity-not-outcome`: an activity report must never rank \
         above a complete update) and 2 per tip. The word rules read English; other languages get \
         `language-not-checked` instead of invented findings.\n\n\
         | rule | severity |\n|---|---|\n",
    );
    for rule in RULES {
        out.push_str(&format!("| `{}` | {} |\n", rule.id, rule.severity.as_str()));
    }
    for rule in RULES {
        out.push_str(&format!(
            "\n## `{}` ({})\n\n{}\n\n- Weak: {}\n- Strong: {}\n",
            rule.id,
            rule.severity.as_str(),
            rule.rationale,
            rule.bad,
            rule.good
        ));
    }
    out.push_str(CHART_DEFAULTS);
    out.push_str(CRITERION_WINDOWS);
    out
}

/// How a kill criterion of a decision journal is judged
/// (`crate::journal::evaluate`), which `progress-while-killed` reads.
const CRITERION_WINDOWS: &str = "
## How a kill criterion is judged

A criterion is *triggered* when its readings meet its stop condition over its window, *at risk* \
within its margin of the threshold (or when the last two readings' trend crosses before its \
date), *on track* otherwise, and *no data* without a reading of its metric.

- **The latest reading** (the default, and what every criterion written before windows means): \
the latest reading by date decides.
- **N consecutive readings**: the latest N readings in date order all meet the condition. \
N − 1 of them do not trigger it (at risk), and neither do fewer than N readings in all \
(“needs N readings”); a reading back over the line breaks the run.
- **Rolling average over D days**: the mean of the readings dated within the D days ending at \
the latest reading (that day and the D − 1 before it). It needs two readings there; days \
without readings do not count as zero. An average exactly at the threshold meets `≤` and `≥`, \
not `<` and `>`.
- **Deadline, day D after a start date**: judged on day start + D with the latest reading on \
or before it. The day before, it is on track or at risk, never triggered; on the day and after, \
that reading decides, and a later reading does not change it.
";

/// How the chart reads when the PM has not said (`crate::chart_reading`).
const CHART_DEFAULTS: &str = "
## What the chart states by default

- **Highlight**: the series chosen; else the series the title (then the evidence) names; \
else, when every series is a period (“Q4 2008 | Q4 2007”), the latest; else the first series \
not named like a comparison (control, baseline, benchmark, target, goal, plan, forecast, budget, \
prior or previous, last year, holdout, status quo, expected, projection, industry, the S&P 500, \
a national, market, sector or peer average, peers, before, without) whose values move; else the \
first such series; else the first series.
- **Points or percent**: differences are in percentage points (`+1.3 pts`) when the unit is \
`%` (or percent, pct, pts, pp), a header holds `%` or “percent”, or the title, chart title or \
evidence measures a change in points (“1.3 points”, “+9 pts”, “2 pp”; not basis points); \
otherwise a relative change (`+14.3%`), or the plain difference where there is no base.
- **Which difference**: a line against a series named as its comparison, the highlight minus \
the comparison at the highlight's last point; any other line, its first value to its last (two \
lines of other measures, revenue and an operating loss, are no gap); grouped bars, the \
highlight minus a series named as its comparison, or minus the same period a year before \
(“Q4 2008” against “Q4 2007”), in the last category where both have a bar, and no \
difference at all between other groups or measures (“Count” and “Percent”); before/after, \
from the row named as the comparison (“Control”) to the other, else first to last; big \
number, first to last; a funnel, the share of the first stage that reaches the last.
- **Imported tables**: measures whose names state different units (“Revenue ($m)”, \
“Margin (%)”, “Count”, “Percent”) are not drawn on one axis: the chart keeps those in \
the first measure's unit and the others stay in the text as a table, as written; so do \
columns of changes or test statistics (“% change”, “YoY”, “Week %”, “Reduction”, \
“Confidence”, “p-value”), which the chart works out from the levels itself. The import \
says what it left out.
- **The callout** states the change and what it is between (`+1.3 pts` · `Pilot vs Control, \
W6`), coloured as good news or bad: down is better for churn, costs, CAC, latency, errors, \
defects, incidents, outages, downtime, bounce, time to…, response or load time, waits, \
tickets, complaints, refunds, abandonment, cancellations and attrition; up for the rest.
";

pub(crate) fn info(id: &str) -> Severity {
    RULES
        .iter()
        .find(|rule| rule.id == id)
        .map_or(Severity::Info, |rule| rule.severity)
}

/// Runs every rule.
pub fn run(story: &Story<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(structure::beat_missing(story));
    out.extend(evidence::evidence_missing(story));
    out.extend(template::template_expectations(story));
    out.extend(evidence::claim_contradicts_chart(story));
    out.extend(evidence::metric_incomplete(story));
    out.extend(significance::difference_within_noise(story));
    out.extend(significance::sample_size_missing(story));
    out.extend(structure::beat_too_long(story));
    out.extend(structure::slide_text_cut(story));
    out.extend(structure::long_sentence(story));
    out.extend(title::title_too_long(story));
    out.extend(chart::chart_rules(story));
    out.extend(wording::undefined_acronym(story));
    out.extend(journal::progress_while_killed(story));
    out.extend(journal::assumption_only_anecdote(story));
    out.extend(journal::unlinked_while_triggered(story));
    out.extend(journal::journal_forked(story));
    if story.english {
        out.extend(resolution::resolution_no_owner_or_date(story));
        out.extend(structure::beat_off_job(story));
        out.extend(title::title_not_action(story));
        out.extend(wording::vague_word(story));
        out.extend(wording::hedge(story));
        out.extend(wording::activity_not_outcome(story));
        out.extend(resolution::resolution_not_tied_to_priority(story));
    } else {
        out.push(finding(
            "language-not-checked",
            Severity::Info,
            None,
            "This draft is not in English: the structure, evidence and chart were checked, the \
             wording (vague words, hedges, action title, each beat's job) was not.",
            None,
        ));
    }
    out
}

const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "beat-missing",
        severity: Severity::Error,
        rationale: "Situation, complication, resolution and proof are the update. A missing beat leaves the executive to guess the part you left out, and the guess is rarely kind.",
        bad: "Context: (empty) — Conflict: Trial users leave in week two.",
        good: "Context: A competitor launched a free tier in March. — Conflict: Trial users leave in week two.",
    },
    RuleInfo {
        id: "beat-unplaced",
        severity: Severity::Info,
        rationale: "The slide shows the four beats. A draft written elsewhere often does a beat's job under another heading (“Growth outlook”, “The experiment”) or inside another beat; the coach finds the sentence that does the job, says where it is, and does not call the beat missing. Conflict: an obstacle, a trade-off, a risk, a metric moving the wrong way, an incident's damage. Resolution: a plan or ask with who acts (“we will…”, “the team is moving…”, “I need your approval…”) or an instruction (“Rotate every secret…”). Context: a statement that is not a plan and not a log line. In a language the coach does not read, any text under another heading may be the beat.",
        bad: "Conflict: (empty) — a section “Growth outlook” says margins fell to 4% as a rival cut prices.",
        good: "Conflict: A rival cut prices 30% and our margin fell to 4%.",
    },
    RuleInfo {
        id: "evidence-missing",
        severity: Severity::Error,
        rationale: "Without a number or an attributed quote the evidence is an opinion; an executive discounts the whole update to the weakest claim in it.",
        bad: "Evidence: Customers really like it.",
        good: "Evidence: In the six-week pilot, trial-to-paid conversion rose from 10% to 14%.",
    },
    RuleInfo {
        id: "claim-contradicts-chart",
        severity: Severity::Error,
        rationale: "The title or evidence says one number and the chart shows another: the room stops listening and starts auditing. A claim matches when the relative change or the change in points rounds to it. Also checked: a level (“to 11.4%”, “to 4.6 million” over a chart in millions) the chart never shows, at the claim’s precision; the title’s verb of direction against the highlighted line; and a line the evidence names and says rose, fell or held flat (more than 10% either way is not flat) against its first and last values. A table of money whose last row is its total is added up: a total below its rows, or above them when an “Other” row says they are all of it, is named with the sum (counts and rates are not added: users overlap, rates do not sum). Over a portfolio view, a share of effort (“70 % of effort on upsell”) is checked against the initiative’s share, its bucket’s and the bucket’s target as of the chart’s day.",
        bad: "Title: Conversion rose 14% — chart: 10.0 → 10.9 (+9%).",
        good: "Title: Conversion rose 9% — chart: 10.0 → 10.9.",
    },
    RuleInfo {
        id: "metric-incomplete",
        severity: Severity::Warning,
        rationale: "One high-signal metric needs its value, unit, time window and a baseline to mean anything; a quote needs who said it and when.",
        bad: "Metric: 14% (no window, no baseline).",
        good: "Metric: 14% trial-to-paid, 6-week pilot, vs 10% before.",
    },
    RuleInfo {
        id: "difference-within-noise",
        severity: Severity::Warning,
        rationale: "The first question about a pilot is whether the difference is real. From the two groups' rates and sizes the coach computes the difference's 95% interval (Newcombe's hybrid score interval: each group's Wilson score interval, combined); when it holds zero, the data cannot tell the difference from noise. With “Print whether a difference could be noise” on in the workspace look, the slide prints the same interval in small type under the evidence.",
        bad: "Pilot 10.4% of 1,420 trials vs control 9.1% of 1,410: +1.3 points, interval −0.9 to +3.5.",
        good: "Pilot 10.4% of 14,200 vs control 9.1% of 14,100: +1.3 points, interval +0.6 to +2.0.",
    },
    RuleInfo {
        id: "sample-size-missing",
        severity: Severity::Info,
        rationale: "Two rates without their group sizes cannot be judged: a CFO will ask how many were in each group before believing the difference.",
        bad: "Metric: 10.4% vs 9.1% in control (no sample).",
        good: "Metric: 10.4% vs 9.1% in control, sample: 1420, 1410.",
    },
    RuleInfo {
        id: "beat-off-job",
        severity: Severity::Info,
        rationale: "Each beat has a job: context names a market shift, customer pain or competitor; conflict names the obstacle, trade-off or metric going the wrong way; resolution names a concrete action. A tip, not a warning: measured on real drafts it was right too rarely (a resolution in a list of imperatives, a bottom line that states a status) to cost the score.",
        bad: "Context: We had a busy quarter.",
        good: "Context: Two competitors now bundle onboarding into their free tiers.",
    },
    RuleInfo {
        id: "beat-too-long",
        severity: Severity::Info,
        rationale: "A slide is read at a glance: a beat over 60 words is a paragraph nobody reads during the meeting.",
        bad: "Context: a 120-word paragraph with the full market history.",
        good: "Context: Two competitors bundle onboarding free; 38% of churned accounts never finished setup.",
    },
    RuleInfo {
        id: "unlinked-while-triggered",
        severity: Severity::Warning,
        rationale: "Nothing hides a trigger. An update that stops backing a decision journal while one of its kill criteria is triggered loses the banner and the block on “ready” — so the change is recorded in the update's and the journal's history, and the coach says it on the update every time.",
        bad: "“Backs journal” set to None the day “Sharing activation < 20% → halt” triggered; the slide now reads as progress.",
        good: "The conflict says the sharing bet hit its kill criterion on 2 December and the resolution asks to halt it.",
    },
    RuleInfo {
        id: "journal-forked",
        severity: Severity::Warning,
        rationale: "Two revisions of the decision journal were made on the same earlier one (offline, on two machines), so the bet has two versions at once: a threshold in one, another in the other. The update backed by it may follow either, and the room cannot tell which. The history keeps both; record a revision that joins them, and the warning goes.",
        bad: "Revision 2 by Ana lowers the kill threshold to 15%; revision 2 by Bo raises it to 25%; the update says “on track against the bar”.",
        good: "Revision 3 by Ana joins both (“agreed on 20% at the review”); the update cites the 20% bar.",
    },
    RuleInfo {
        id: "slide-text-cut",
        severity: Severity::Warning,
        rationale: "The slide fails the glance test: even at the smallest type its text does not fit, so it ends in “…” and the room reads a sentence that stops. The renderer measures it on the slide itself.",
        bad: "Four beats of 90 words each: the slide ends the resolution mid-sentence.",
        good: "Each beat cut to the one fact that matters: all of it on the slide at a readable size.",
    },
    RuleInfo {
        id: "long-sentence",
        severity: Severity::Warning,
        rationale: "Sentences over 40 words hide the point; plain-writing guides aim well below that, but real updates run past 30 words often enough that flagging them would drown what matters.",
        bad: "A 45-word sentence joining three ideas with and, which and because.",
        good: "Two short sentences, one idea each.",
    },
    RuleInfo {
        id: "title-not-action",
        severity: Severity::Warning,
        rationale: "An action title states the takeaway as a sentence with a verb (assertion–evidence slides); a label like “Onboarding update” makes the reader work out the point.",
        bad: "Onboarding update",
        good: "Setup checklist lifts week-one activation 9 points: roll it out",
    },
    RuleInfo {
        id: "title-too-long",
        severity: Severity::Warning,
        rationale: "The title is read in two seconds: at most about 15 words.",
        bad: "A 25-word title that retells the whole update.",
        good: "Checklist lifts activation 9 points: ship it to every workspace",
    },
    RuleInfo {
        id: "resolution-no-owner-or-date",
        severity: Severity::Info,
        rationale: "A decision with neither an owner nor a date is a wish: say who does what by when. A bare “we” names nobody; a team, a role or a person does. A resolution written under another heading is judged where it is. A tip, not a warning: on real drafts a reviewer often takes the writer's organisation as the owner, and the coach agreed with them only three times in four.",
        bad: "Resolution: We should improve onboarding.",
        good: "Resolution: The Growth squad ships the checklist to all new workspaces by 15 December.",
    },
    RuleInfo {
        id: "resolution-not-tied-to-priority",
        severity: Severity::Info,
        rationale: "Executives fund what moves their priority; a resolution that never names it leaves the link unsaid.",
        bad: "Priority: Net revenue retention — Resolution: Ship dark mode.",
        good: "Priority: Net revenue retention — Resolution: Ship the checklist to protect retention of new accounts.",
    },
    RuleInfo {
        id: "activity-not-outcome",
        severity: Severity::Warning,
        rationale: "Counting what was shipped is activity; executives ask what changed. Say the effect, with a number.",
        bad: "We built three new features last sprint.",
        good: "The three onboarding fixes cut setup time from 40 to 12 minutes.",
    },
    RuleInfo {
        id: "vague-word",
        severity: Severity::Warning,
        rationale: "Words like okay, significantly, many or soon want a number or a date; executives hear them as “we don’t know”.",
        bad: "Adoption looks okay and will improve soon.",
        good: "Adoption is 31% of active accounts, up from 24% in May.",
    },
    RuleInfo {
        id: "hedge",
        severity: Severity::Info,
        rationale: "Hedges (I think, maybe, hopefully) weaken the recommendation; state it, and put the uncertainty in numbers.",
        bad: "We think this might maybe help retention.",
        good: "We expect +2 points of retention (pilot range +1 to +3).",
    },
    RuleInfo {
        id: "undefined-acronym",
        severity: Severity::Info,
        rationale: "An acronym the reader does not know stops the reading; spell it out once, “Net revenue retention (NRR)”.",
        bad: "NRR fell because of PLG churn.",
        good: "Net revenue retention (NRR) fell because self-serve accounts churned.",
    },
    RuleInfo {
        id: "chart-no-takeaway-title",
        severity: Severity::Warning,
        rationale: "A chart title should say what the chart shows: the takeaway, not the axis names. An untitled chart sits under the update's title, which the title rules judge.",
        bad: "Chart title: Activation by week",
        good: "Chart title: Activation rose 9 points with the checklist",
    },
    RuleInfo {
        id: "chart-no-alt-text",
        severity: Severity::Warning,
        rationale: "Alt text carries the chart to screen readers and to the Markdown export.",
        bad: "Alt text: (empty)",
        good: "Alt text: Line chart of weekly activation, with checklist rising from 33% to 41%.",
    },
    RuleInfo {
        id: "chart-too-many-series",
        severity: Severity::Warning,
        rationale: "More than four series is a spaghetti chart: highlight one, group or drop the rest.",
        bad: "Seven product lines on one line chart.",
        good: "The pilot cohort highlighted against all others.",
    },
    RuleInfo {
        id: "chart-no-highlight",
        severity: Severity::Info,
        rationale: "With several series, choose the one the story is about; it is drawn in the accent colour and the rest in grey.",
        bad: "Four series, all equally loud.",
        good: "Highlight: With checklist",
    },
    RuleInfo {
        id: "progress-while-killed",
        severity: Severity::Error,
        rationale: "An update that reports progress while a kill criterion of the bet it backs has triggered misleads the room: the agreed stop condition has been met, and the update must say so.",
        bad: "Title: Sharing adoption keeps growing — journal: sharing activation 14% < 20%, halt.",
        good: "Title: Sharing missed its 20% bar: we halt the native build and test the integration.",
    },
    RuleInfo {
        id: "assumption-only-anecdote",
        severity: Severity::Warning,
        rationale: "A high-importance assumption resting on an anecdote is the weakest link of the bet; executives fund evidence, not stories.",
        bad: "High importance: teams share in week one — evidence: two sales calls.",
        good: "High importance: teams share in week one — evidence: cohort data from 1,200 trials.",
    },
    RuleInfo {
        id: "language-not-checked",
        severity: Severity::Info,
        rationale: "The word rules read English only; the coach says so rather than invent findings in a language it cannot judge.",
        bad: "(a German draft reviewed for English vague words)",
        good: "(a German draft: structure, evidence and chart checked; wording not checked)",
    },
    RuleInfo {
        id: "template-decision-date",
        severity: Severity::Error,
        rationale: "Only for an update started from the go/no-go template: a go/no-go is a decision taken on a day, so the resolution states that day (a calendar date such as 2027-01-15 or 15 January).",
        bad: "Resolution: We go ahead with the rollout soon.",
        good: "Resolution: Go on 15 January; the web team rolls out to every market.",
    },
    RuleInfo {
        id: "template-kill-criterion",
        severity: Severity::Error,
        rationale: "Only for the go/no-go template: the decision needs the bar that would reverse it, so a decision journal with at least one kill criterion is linked to the update.",
        bad: "A go/no-go with no journal linked.",
        good: "Linked journal: “halt if refunds pass 3% by 15 February”.",
    },
    RuleInfo {
        id: "template-incident-impact",
        severity: Severity::Error,
        rationale: "Only for the incident-summary template: the context gives the impact in numbers — who was affected, for how long, what it cost — not just that something broke.",
        bad: "Context: Checkout had problems on Tuesday.",
        good: "Context: For 47 minutes 18% of checkouts failed: about 2,300 orders.",
    },
    RuleInfo {
        id: "template-incident-cause",
        severity: Severity::Error,
        rationale: "Only for the incident-summary template: the conflict says what caused the incident (because, due to, an expired or failed part, a change deployed…).",
        bad: "Conflict: The team worked through the night.",
        good: "Conflict: An expired certificate on the payment gateway, because renewal was manual.",
    },
    RuleInfo {
        id: "template-incident-owner",
        severity: Severity::Error,
        rationale: "Only for the incident-summary template: the fix has an owner and a date, or the same incident returns.",
        bad: "Resolution: Renewal will be automated.",
        good: "Resolution: The platform team automates renewal by 11 December.",
    },
    RuleInfo {
        id: "template-weekly-comparison",
        severity: Severity::Warning,
        rationale: "Only for the weekly-update template: a week's number means little alone; compare it with last week or a baseline (a metric's baseline counts).",
        bad: "Evidence: Conversion is 3.4%.",
        good: "Evidence: Conversion 3.4% this week vs 2.6% last week.",
    },
    RuleInfo {
        id: "template-qbr-target",
        severity: Severity::Warning,
        rationale: "Only for the quarterly-business-review template: the quarter is judged against its targets, so the figures come with their target or plan.",
        bad: "Evidence: NRR was 112%.",
        good: "Evidence: NRR 112% vs a 108% target.",
    },
];

/// Whether the coach raises `rule` on a Markdown draft (tests).
#[cfg(test)]
pub(crate) fn raises_on_draft(draft: &str, rule: &str) -> bool {
    let story = crate::story::parse_story(draft).expect("parses");
    crate::coach::review(&story.update_fields(), &[])
        .findings
        .iter()
        .any(|f| f.rule == rule)
}
