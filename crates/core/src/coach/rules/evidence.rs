//! The proof: one number or one attributed quote, complete, and agreeing
//! with the chart.

use super::super::claims::{
    chart_values, claims, facts, levels_in, shows_level, supports, title_direction, LevelUnit,
};
use super::super::text::{has_digit, lower_words, mentions, sentences, MONTHS, PERIODS};
use super::{finding, info, Place, Story};
use crate::chart_reading::{headline, read_chart, ChartReading};
use crate::coach::{Finding, Target};
use crate::{ChartSpec, Evidence};

pub fn evidence_missing(story: &Story<'_>) -> Vec<Finding> {
    let fields = story.fields;
    let block = match &fields.evidence {
        Evidence::Metric(metric) => has_digit(&metric.value),
        Evidence::Quote(quote) => !quote.text.trim().is_empty() && !quote.who.trim().is_empty(),
        Evidence::None => false,
    };
    if block {
        return Vec::new();
    }
    let beat = fields.beats.evidence.trim();
    let message = if beat.is_empty() {
        // A blank update is "beat-missing" four times, not also this.
        let nothing_written = matches!(fields.evidence, Evidence::None)
            && story.passages().iter().all(|p| p.text.trim().is_empty());
        // A draft written elsewhere may back its claim anywhere.
        if nothing_written
            || super::structure::draft_gives_evidence(story)
            || chart_compares(fields)
        {
            return Vec::new();
        }
        "Nothing in the update is an outcome in numbers or an attributed quote (dates, version numbers and counts of what the team did do not back a claim): give one metric with its baseline, or one customer quote with who said it."
    } else {
        // The evidence the PM wrote is what the slide shows: it must hold
        // the proof itself.
        if super::structure::passage_gives_evidence(beat, story.english) {
            return Vec::new();
        }
        "The evidence has no number and no attributed quote (a count of what the team did is not proof): give one outcome metric with its baseline, or one customer quote with who said it."
    };
    vec![finding(
        "evidence-missing",
        info("evidence-missing"),
        Some(Target::Evidence),
        message,
        None,
    )]
}

pub fn claim_contradicts_chart(story: &Story<'_>) -> Vec<Finding> {
    let Some(chart) = story.fields.chart.as_ref() else {
        return Vec::new();
    };
    if let Some(snapshot) = &chart.portfolio {
        return super::portfolio_claims::shares_against_the_portfolio(story, snapshot);
    }
    let facts = facts(chart);
    if facts.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (target, text) in [
        (Target::Title, story.fields.title.as_str()),
        (Target::Evidence, story.fields.beats.evidence.as_str()),
    ] {
        for claim in claims(text) {
            if facts.iter().any(|fact| supports(fact, &claim)) {
                continue;
            }
            // A change in words ("doubled") in the evidence may be any
            // measure's: only the sentences naming the charted series count.
            if claim.bounds.is_some()
                && target == Target::Evidence
                && !names_the_series(text, claim.span[0], chart)
            {
                continue;
            }
            let closest = closest_fact(facts.iter(), &claim);
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(target),
                format!(
                    "“{}” is not what the chart shows (closest: {closest}): correct the number or the chart's data.",
                    claim.text
                ),
                Some(claim.span),
            ));
        }
    }
    out.extend(claims_under_other_headings(story, chart, &facts));
    let reading = read_chart(chart, &[&story.fields.title, &story.fields.beats.evidence]);
    out.extend(levels_the_chart_lacks(story, chart, reading.in_points));
    out.extend(direction_against_the_chart(story, chart, &reading));
    out.extend(named_series_against_the_chart(story, chart));
    out.extend(super::majority::majority_against_the_chart(story, chart));
    out.extend(super::majority::majority_of_measures_against_the_chart(
        story, chart,
    ));
    out.extend(super::universal::every_item_against_the_chart(story, chart));
    out.extend(super::universal::series_against_series(story, chart));
    out.extend(super::totals::total_row_against_its_rows(chart));
    out.extend(super::targets::target_stated_as_reached(story, chart));
    out.extend(super::named_row::named_row_course_against_the_chart(
        story, chart,
    ));
    out.extend(super::order::order_across_rows_against_the_chart(
        story, chart,
    ));
    out
}

/// A draft written elsewhere states its figures under headings of its own
/// ("Positives: tenants created rose by 57%, from 172 to 298"). A sentence
/// there that names one of the charted measures is held to that measure's
/// changes only; sentences naming none are left alone (they may be about
/// anything).
fn claims_under_other_headings(
    story: &Story<'_>,
    chart: &ChartSpec,
    facts: &[super::super::claims::Fact],
) -> Vec<Finding> {
    let mut measures: Vec<&str> = facts
        .iter()
        .map(|f| f.series.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    measures.dedup();
    // Each measure's significant words, once: a long draft has many clauses.
    let measures: Vec<(&str, Vec<String>)> = measures
        .into_iter()
        .map(|name| {
            let parts = lower_words(name)
                .into_iter()
                .filter(|w| w.chars().count() >= 4)
                .collect();
            (name, parts)
        })
        .collect();
    let mut out = Vec::new();
    for passage in story.passages() {
        let Place::Section(heading) = passage.place else {
            continue;
        };
        let all_sentences = sentences(passage.text);
        // A table's row is data, its change cells over spans the row does
        // not name ("-23% | -13%": five years, then the last one).
        // A section headed by what a row is about ("Format Your Ebook for
        // Kindle" over its rows' "… · Royalties ($)") lends its words to
        // the clauses under it.
        let heading_words = lower_words(heading);
        for clause in all_sentences
            .iter()
            .filter(|s| !s.text.trim_start().starts_with('|'))
            .flat_map(|s| clauses(s.text, &[';', ':']))
            .flat_map(|clause| clause.split(", and "))
        {
            let words = lower_words(clause);
            let said = |part: &String| {
                words.contains(part) || heading_words.contains(part) || money_said(part, &words)
            };
            let named: Vec<(&str, bool)> = measures
                .iter()
                // The clause itself says at least one part; the heading
                // only lends the rest.
                .filter(|(_, parts)| {
                    !parts.is_empty()
                        && parts.iter().all(said)
                        && parts
                            .iter()
                            .any(|p| words.contains(p) || money_said(p, &words))
                })
                .map(|(name, parts)| {
                    let headed = parts
                        .iter()
                        .any(|p| heading_words.contains(p) && !words.contains(p));
                    (*name, headed)
                })
                .collect();
            let [(measure, headed)] = named.as_slice() else {
                continue;
            };
            let measure = *measure;
            // Only a clause about the charted figures themselves: it gives
            // one of the measure's values or names one of its periods
            // ("from 172 in March to 298 in April"), or sits under the
            // heading that names the row. A change over another span ("up
            // 12% since 2019") is not the chart's to judge.
            if !headed && !speaks_of_the_chart(clause, chart, measure) {
                continue;
            }
            let own: Vec<&super::super::claims::Fact> =
                facts.iter().filter(|f| f.series == measure).collect();
            for claim in claims(clause) {
                if own.iter().any(|fact| supports(fact, &claim)) {
                    continue;
                }
                // Nothing of that kind to weigh it against (a change from
                // zero has no relative size).
                let comparable = own.iter().any(|fact| {
                    (claim.bounds.is_none() || fact.relative)
                        && (!claim.in_points || !fact.relative)
                });
                if !comparable {
                    continue;
                }
                let closest = closest_fact(own.iter().copied(), &claim);
                let place = if heading.is_empty() {
                    "before the first heading".to_owned()
                } else {
                    format!("under “{heading}”")
                };
                out.push(finding(
                    "claim-contradicts-chart",
                    info("claim-contradicts-chart"),
                    None,
                    format!(
                        "“{}” ({place}) is not what the chart shows for {measure} (it shows {closest}): correct the number or the chart's data.",
                        claim.text
                    ),
                    None,
                ));
            }
        }
    }
    out
}

/// A money measure's word ("royalties", "revenue") said as what the writer
/// earns: "I am earning 644% more per day".
fn money_said(part: &str, words: &[String]) -> bool {
    matches!(
        part,
        "royalties" | "revenue" | "revenues" | "income" | "earnings"
    ) && words.iter().any(|w| {
        matches!(
            w.as_str(),
            "earning" | "earn" | "earns" | "earned" | "earnings" | "royalties" | "income"
        )
    })
}

/// Whether a clause gives one of the measure's charted values or names
/// one of the chart's periods (its row labels, or its column headers in a
/// table of measures by period).
fn speaks_of_the_chart(clause: &str, chart: &ChartSpec, measure: &str) -> bool {
    let data = &chart.data;
    let by_period = super::super::claims::measures_by_period(data);
    let (labels, values): (Vec<String>, Vec<f64>) = if by_period {
        let row = data.rows.iter().find(|r| r.label.trim() == measure);
        (
            data.series_names().to_vec(),
            row.map(|r| r.values.iter().flatten().copied().collect())
                .unwrap_or_default(),
        )
    } else {
        let column = data.series_names().iter().position(|n| n == measure);
        (
            data.rows.iter().map(|r| r.label.clone()).collect(),
            column
                .map(|c| {
                    data.rows
                        .iter()
                        .filter_map(|r| r.values.get(c).copied().flatten())
                        .collect()
                })
                .unwrap_or_default(),
        )
    };
    let words = super::super::text::words(clause);
    let gives_value = words.iter().any(|w| {
        super::super::claims::parse_number(w.text)
            .is_some_and(|n| values.iter().any(|v| (v - n).abs() < 1e-9))
    });
    let lower = clause.to_lowercase();
    let names_period = labels.iter().any(|label| {
        let label = label.trim().to_lowercase();
        !label.is_empty() && lower.contains(&label)
    });
    // "The average gift rose 61.3% against the control" over rows "C:
    // Control - Original" and "T1: Treatment - …": a group named by a word
    // only its row has.
    let names_a_group = !by_period && {
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        !crate::chart_reading::rows_named_in(clause, &labels).is_empty()
    };
    gives_value || names_period || names_a_group
}

/// The fact nearest the claim's size, said as the coach says it: only
/// relative changes for a claim in words, only points for one in points.
fn closest_fact<'a>(
    facts: impl Iterator<Item = &'a super::super::claims::Fact>,
    claim: &super::super::claims::Claim,
) -> String {
    facts
        .filter(|fact| claim.bounds.is_none() || fact.relative)
        .filter(|fact| !claim.in_points || !fact.relative)
        .min_by(|a, b| {
            let distance = |v: f64| (v.abs() - claim.value).abs();
            distance(a.value).total_cmp(&distance(b.value))
        })
        .map(|fact| fact.description.clone())
        .unwrap_or_default()
}

/// A sentence cut at the given marks and at "but", "while", "whereas":
/// the clauses a claim or a course is read in.
fn clauses<'a>(sentence: &'a str, marks: &'a [char]) -> impl Iterator<Item = &'a str> + 'a {
    sentence
        .split(marks)
        .flat_map(|part| part.split(" but "))
        .flat_map(|part| part.split(" while "))
        .flat_map(|part| part.split(" whereas "))
}

/// Whether the sentence holding char `at` names the chart's series.
fn names_the_series(text: &str, at: usize, chart: &ChartSpec) -> bool {
    let wanted = series_words(chart.data.series_names());
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    sentences(text)
        .into_iter()
        .find(|s| s.start <= at && at < s.start + s.text.chars().count())
        .is_some_and(|s| mentions(&lower_words(s.text), &wanted))
}

/// "Conversion rose to 11.4%" over a chart of shares whose values never
/// come near 11.4 (or "users grew to 4.6 million" over a chart in
/// millions): the level is checked against every value, at the claim's
/// precision and the values' own rounding. The title is checked, and each
/// sentence of the evidence that names the charted series ("users"): the
/// evidence names levels of other measures too ("churn held at 3%").
fn levels_the_chart_lacks(story: &Story<'_>, chart: &ChartSpec, shares: bool) -> Vec<Finding> {
    let unit = if shares {
        LevelUnit::Percent
    } else {
        match LevelUnit::scale_of(chart) {
            Some(scale) => scale,
            None => return Vec::new(),
        }
    };
    let names = chart.data.series_names();
    let series_words = series_words(names);
    let series_words: Vec<&str> = series_words.iter().map(String::as_str).collect();
    let title = story.fields.title.as_str();
    let mut texts: Vec<(Target, &str, usize)> = vec![(Target::Title, title, 0)];
    let evidence = story.fields.beats.evidence.as_str();
    for sentence in sentences(evidence) {
        if mentions(&lower_words(sentence.text), &series_words) {
            texts.push((Target::Evidence, sentence.text, sentence.start));
        }
    }
    let mut out = Vec::new();
    for (target, text, offset) in texts {
        for level in levels_in(text, unit) {
            if shows_level(chart, &level) {
                continue;
            }
            let Some((series, row, value)) = chart_values(chart).min_by(|a, b| {
                (a.2 - level.value)
                    .abs()
                    .total_cmp(&(b.2 - level.value).abs())
            }) else {
                continue;
            };
            let name = names.get(series).map_or("", String::as_str);
            let label = chart.data.rows.get(row).map_or("", |r| r.label.trim());
            let shown = match unit {
                LevelUnit::Percent => format!("{value}%"),
                LevelUnit::Scaled(_) => format!("{value}"),
            };
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(target),
                format!(
                    "“{}” is not a level the chart shows: the closest is {name} at {shown} ({label}). Correct the number or the chart's data.",
                    level.text
                ),
                Some([level.span[0] + offset, level.span[1] + offset]),
            ));
        }
    }
    out
}

/// The words that name the charted series ("Verify users (millions)" →
/// verify, users), without units and scales.
fn series_words(names: &[String]) -> Vec<String> {
    const NOT_A_NAME: &[&str] = &[
        "millions",
        "million",
        "billions",
        "thousands",
        "percent",
        "share",
        "rate",
        "total",
        "count",
        "number",
        "value",
        "values",
    ];
    let mut out: Vec<String> = Vec::new();
    for name in names {
        for word in lower_words(name) {
            if word.chars().count() >= 4
                && !NOT_A_NAME.contains(&word.as_str())
                && !out.contains(&word)
            {
                out.push(word);
            }
        }
    }
    out
}

/// Words that say a measure did not move: "the benchmark held flat".
const FLAT: &[&str] = &["flat", "unchanged", "steady", "stable"];
/// How far a line may move, relative to its first value, and still be
/// called flat.
const FLAT_SLACK: f64 = 0.10;

/// What a clause of the evidence says of one charted line's course.
#[derive(Clone, Copy, PartialEq)]
enum Course {
    Flat,
    Up,
    Down,
}

/// "Our attrition rose, while the industry benchmark held flat" over a
/// line chart whose benchmark climbs 27 %: each clause of the evidence that
/// names exactly one charted series and says its course is checked against
/// that series from its first value to its last.
fn named_series_against_the_chart(story: &Story<'_>, chart: &ChartSpec) -> Vec<Finding> {
    use super::super::claims::{FALLING, NEGATIONS, RISING};
    if chart.kind != crate::ChartKind::Line {
        return Vec::new();
    }
    let names = chart.data.series_names();
    let significant: Vec<Vec<String>> = names
        .iter()
        .map(|name| {
            lower_words(name)
                .into_iter()
                .filter(|w| w.chars().count() >= 4)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for sentence in sentences(&story.fields.beats.evidence) {
        for clause in clauses(sentence.text, &[',', ';']) {
            let words = lower_words(clause);
            let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
            let named: Vec<usize> = significant
                .iter()
                .enumerate()
                .filter(|(_, name)| !name.is_empty() && name.iter().all(|w| words.contains(w)))
                .map(|(i, _)| i)
                .collect();
            let [series] = named.as_slice() else {
                continue;
            };
            if has(NEGATIONS) {
                continue;
            }
            let course = if has(FLAT) {
                Course::Flat
            } else if has(RISING) {
                Course::Up
            } else if has(FALLING) {
                Course::Down
            } else {
                continue;
            };
            let points: Vec<f64> = chart
                .data
                .rows
                .iter()
                .filter_map(|r| r.values.get(*series).copied().flatten())
                .filter(|v| v.is_finite())
                .collect();
            let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
                continue;
            };
            let change = last - first;
            let relative = if first.abs() > f64::EPSILON {
                change / first.abs()
            } else {
                0.0
            };
            let contradicted = match course {
                Course::Flat => relative.abs() > FLAT_SLACK,
                Course::Up => change < 0.0,
                Course::Down => change > 0.0,
            };
            if !contradicted {
                continue;
            }
            let way = if change > 0.0 {
                "rising"
            } else if change < 0.0 {
                "falling"
            } else {
                "flat"
            };
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(Target::Evidence),
                format!(
                    "“{}” — the chart has {} {way} from {} to {} ({:+.0}%): correct the words or the chart's data.",
                    clause.trim(),
                    names[*series].trim(),
                    crate::table::format_number(first),
                    crate::table::format_number(last),
                    relative * 100.0
                ),
                None,
            ));
        }
    }
    out
}

/// "Net adds keep climbing" over a chart whose headline falls: the title's
/// one word of direction against the sign of the change the chart shows.
fn direction_against_the_chart(
    story: &Story<'_>,
    chart: &ChartSpec,
    reading: &ChartReading,
) -> Option<Finding> {
    let found = headline(chart, reading)?;
    let (way, word, span) = title_direction(&story.fields.title, reading.better)?;
    // A table of measures by period holds many measures: the verb speaks
    // of one only if its clause names it (a one-measure chart is what the
    // title speaks of).
    if super::super::claims::measures_in_rows(&chart.data)
        && !clause_names_the_chart(&story.fields.title, span, chart)
    {
        return None;
    }
    // Over categories the headline is their sum; a title about one of
    // them ("Asia tickets rose") speaks of that one, not of the sum.
    if found.across_rows && title_names_a_row(&story.fields.title, chart) {
        return None;
    }
    let names = chart.data.series_names();
    let name = |i: usize| names.get(i).map_or("", String::as_str);
    let label = |row: usize| {
        if found.across_rows {
            "total"
        } else {
            chart.data.rows.get(row).map_or("", |r| r.label.trim())
        }
    };
    // A title's verb speaks of the measure's own course ("churn falls"),
    // not of its gap to a target or another line: on a line chart, the
    // highlighted series from its first value to its last.
    let (from, to, from_row, to_row, reference) = match (chart.kind, found.reference) {
        (crate::ChartKind::Line, Some(_)) => {
            let points: Vec<(usize, f64)> = chart
                .data
                .rows
                .iter()
                .enumerate()
                .filter_map(|(row, r)| Some((row, r.values.get(found.series).copied().flatten()?)))
                .filter(|(_, v)| v.is_finite())
                .collect();
            let (&(first_row, first), &(last_row, last)) = (points.first()?, points.last()?);
            (first, last, first_row, last_row, None)
        }
        _ => (
            found.from,
            found.to,
            found.from_row,
            found.to_row,
            found.reference,
        ),
    };
    let shown: i8 = if found.conversion || to == from {
        0
    } else if to > from {
        1
    } else {
        -1
    };
    if shown == 0 || shown == way || latest_step_goes(chart, found.series) == Some(way) {
        return None;
    }
    let truth = match reference {
        Some(reference) => format!(
            "{} is {} {} in {} ({} against {})",
            name(found.series),
            if shown > 0 { "above" } else { "below" },
            name(reference),
            label(to_row),
            to,
            from
        ),
        None => format!(
            "{} {} from {} to {} ({} to {})",
            name(found.series),
            if shown > 0 { "rises" } else { "falls" },
            from,
            to,
            label(from_row),
            label(to_row)
        ),
    };
    Some(finding(
        "claim-contradicts-chart",
        info("claim-contradicts-chart"),
        Some(Target::Title),
        format!(
            "“{word}” says {}, but the chart shows the opposite: {truth}. Correct the title or the chart's data.",
            if way > 0 { "up" } else { "down" }
        ),
        Some(span),
    ))
}

/// Which way a line's latest step goes (+1, −1, 0): "its fall in
/// recycling" over five years that rose and then fell speaks of the last
/// year, and is no contradiction of the rise over all five. `None` for
/// other kinds, or a line of fewer than two points.
fn latest_step_goes(chart: &ChartSpec, series: usize) -> Option<i8> {
    if chart.kind != crate::ChartKind::Line {
        return None;
    }
    let mut points = chart
        .data
        .rows
        .iter()
        .filter_map(|row| row.values.get(series).copied().flatten())
        .filter(|v| v.is_finite());
    let (last, before) = (points.next_back()?, points.next_back()?);
    Some(if last > before {
        1
    } else if last < before {
        -1
    } else {
        0
    })
}

/// Whether the title names one of the chart's categories by its label.
fn title_names_a_row(title: &str, chart: &ChartSpec) -> bool {
    let title = lower_words(title);
    chart.data.rows.iter().any(|row| {
        let label = lower_words(&row.label);
        !label.is_empty() && title.windows(label.len()).any(|w| w == label.as_slice())
    })
}

/// Whether the title's clause around the verb at `span` names something
/// the chart holds: "…, increases its dividend rate" over a table of sales
/// and earnings speaks of something the chart lacks.
fn clause_names_the_chart(title: &str, span: [usize; 2], chart: &ChartSpec) -> bool {
    let stems = |text: &str| -> Vec<String> {
        lower_words(text)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .map(|w| w.chars().take(5).collect())
            .collect()
    };
    let start = title[..span[0].min(title.len())]
        .rfind([',', ';'])
        .map_or(0, |at| at + 1);
    let end = title[span[1].min(title.len())..]
        .find([',', ';'])
        .map_or(title.len(), |at| span[1] + at);
    let clause = title.get(start..end).unwrap_or(title);
    let charted: Vec<String> = chart
        .data
        .series_names()
        .iter()
        .chain(chart.data.rows.iter().map(|r| &r.label))
        .chain([&chart.title, &chart.alt])
        .flat_map(|text| stems(text))
        .collect();
    stems(clause).iter().any(|stem| charted.contains(stem))
}

/// Besides month names and quarters ([`MONTHS`], [`PERIODS`]).
#[rustfmt::skip]
const WINDOW_SIGNS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "sprint", "since", "ytd", "mtd", "weekly", "monthly", "daily", "annual", "pilot", "cohort",
    "period", "window",
];
#[rustfmt::skip]
const COMPARISON_SIGNS: &[&str] = &[
    "vs", "versus", "against", "compared", "baseline", "before", "from", "than", "control",
    "without", "previous", "prior", "last", "up", "down", "rose", "fell", "grew", "dropped",
    "increase", "decrease", "benchmark", "target", "average",
];

/// A window as prose gives it: a span word ("6 weeks", "Q3", "March"), a
/// year ("over 2021"), or a span named by what happened in it ("over the
/// campaign", "during the pilot").
fn names_a_window(words: &[String]) -> bool {
    let year = |w: &str| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y));
    [WINDOW_SIGNS, MONTHS, PERIODS]
        .iter()
        .any(|signs| mentions(words, signs))
        || words.iter().any(|w| year(w))
        || words.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "over" | "during" | "throughout") && pair[1] == "the"
        })
}

/// Whether the chart sets figures side by side (a control and a variant,
/// last quarter and this one): then the evidence's comparison is drawn,
/// not written.
fn chart_compares(fields: &crate::update::UpdateFields) -> bool {
    fields.chart.as_ref().is_some_and(|chart| {
        let columns = chart.data.series_names().len();
        (0..columns).any(|column| {
            chart
                .data
                .rows
                .iter()
                .filter(|row| row.values.get(column).copied().flatten().is_some())
                .count()
                >= 2
        })
    })
}

pub fn metric_incomplete(story: &Story<'_>) -> Vec<Finding> {
    let fields = story.fields;
    let missing: Vec<&str> = match &fields.evidence {
        Evidence::Metric(metric) => {
            if !has_digit(&metric.value) {
                return Vec::new(); // evidence-missing, or the prose carries the number
            }
            let mut missing = Vec::new();
            if metric.unit.trim().is_empty() {
                missing.push("its unit");
            }
            if metric.window.trim().is_empty() {
                missing.push("a time window (e.g. “6 weeks, Oct–Nov”)");
            }
            if metric.baseline.trim().is_empty() {
                missing.push("a baseline or comparison (e.g. “vs 32% without”)");
            }
            missing
        }
        Evidence::Quote(quote) => {
            if quote.text.trim().is_empty() {
                return Vec::new();
            }
            let mut missing = Vec::new();
            if quote.who.trim().is_empty() {
                missing.push("who said it (role or segment)");
            }
            if quote.when.trim().is_empty() {
                missing.push("when it was said");
            }
            missing
        }
        Evidence::None => {
            let text = &fields.beats.evidence;
            if !has_digit(text) || !story.english {
                return Vec::new();
            }
            let words = lower_words(text);
            let mut missing = Vec::new();
            // A draft written elsewhere may give the window once, for all
            // its figures ("Timeframe: 13 to 14 July 2018", the title) —
            // but not in the resolution, whose dates are deadlines.
            let window_elsewhere = || {
                std::iter::once(fields.title.as_str())
                    .chain(
                        story
                            .passages()
                            .iter()
                            .filter(|p| p.place != Place::Beat(Target::Resolution))
                            .map(|p| p.text),
                    )
                    .any(|t| names_a_window(&lower_words(t)))
            };
            if !names_a_window(&words) && !window_elsewhere() {
                missing.push("a time window");
            }
            if !mentions(&words, COMPARISON_SIGNS) && !text.contains("→") && !chart_compares(fields)
            {
                missing.push("a baseline or comparison");
            }
            missing
        }
    };
    if missing.is_empty() {
        return Vec::new();
    }
    vec![finding(
        "metric-incomplete",
        info("metric-incomplete"),
        Some(Target::Evidence),
        format!("The evidence needs {}.", missing.join(" and ")),
        None,
    )]
}
