//! What a chart says when the PM has not said it: which series the story
//! is about, whether its differences are in points, and which way is good.
//!
//! One rule for the slide's highlight and callout (the renderer) and for
//! the coach, so that the default chart makes the story's point and never
//! the opposite one (a comparison series highlighted, a share given as a
//! relative change, a fall in churn coloured as bad).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ChartSpec;

/// Which way a value is better (a chart's `better: up | down`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Up,
    Down,
}

impl Better {
    /// The name used in story files.
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Up => "up",
            Better::Down => "down",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "up" | "higher" => Some(Better::Up),
            "down" | "lower" => Some(Better::Down),
            _ => None,
        }
    }
}

/// How the chart should be read, inferred where the chart does not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartReading {
    /// The series (or, when it names a category, the category) the chart
    /// is about: the one chosen, else the one the story names, else the
    /// first that is not a comparison. `None` for a chart without series.
    pub highlight: Option<String>,
    /// Differences are in percentage points: the values are shares
    /// (a `%` unit, `%` in a header) or the story measures the change in
    /// points.
    pub in_points: bool,
    /// Which way the highlighted measure is better.
    pub better: Better,
    /// The one category of a chart over categories that the title names
    /// ("PR gate cut from about 12 minutes to about 5" over job rows names
    /// "gate (wall clock)"): the headline is then that row's change, not a
    /// sum over rows the title is not about. `None` when the title names
    /// no row, several, or all ("in every region").
    pub named_row: Option<usize>,
}

/// Reads `spec` in the light of the story's own words (its title, the
/// evidence beat: whatever names the series and the unit of the change).
pub fn read_chart(spec: &ChartSpec, story: &[&str]) -> ChartReading {
    let highlight = chosen_highlight(spec).or_else(|| story_highlight(spec, story));
    let measure = highlight
        .as_deref()
        .filter(|name| spec.data.series_names().iter().any(|s| s == name))
        .unwrap_or("");
    ChartReading {
        in_points: in_points(spec, story),
        better: spec
            .better
            .or_else(|| named_better_way(&[measure, &spec.title]))
            .or_else(|| story.first().and_then(|title| subject_better_way(title)))
            .unwrap_or(Better::Up),
        named_row: story.first().and_then(|title| title_row(spec, title)),
        highlight,
    }
}

/// The most rows a table may have for a row to be named by a word.
const MAX_ROWS_NAMED: usize = 200;

/// The category a title names in a bar chart over categories, when it
/// names exactly one and does not speak of them all.
fn title_row(spec: &ChartSpec, title: &str) -> Option<usize> {
    const ALL: [&str; 6] = ["all", "every", "each", "across", "most", "both"];
    let over_categories = matches!(spec.kind, crate::ChartKind::Bar)
        && spec.data.rows.len() > 1
        && !crate::table::labels_look_sequential(&spec.data);
    if !over_categories || words(title).iter().any(|w| ALL.contains(&w.as_str())) {
        return None;
    }
    let labels: Vec<&str> = spec.data.rows.iter().map(|r| r.label.as_str()).collect();
    match rows_named_in(title, &labels).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The rows a text names by a word of four letters or more that only
/// that row's label has ("gate" for "gate (wall clock)", "control" for "C:
/// Control - Original"). A table longer than a reader scans names none,
/// which also keeps the pairwise check bounded.
pub fn rows_named_in(text: &str, labels: &[&str]) -> Vec<usize> {
    if labels.len() > MAX_ROWS_NAMED {
        return Vec::new();
    }
    let said = words(text);
    let words: Vec<Vec<String>> = labels
        .iter()
        .map(|label| {
            words(label)
                .into_iter()
                .filter(|w| w.chars().count() >= 4)
                .collect()
        })
        .collect();
    (0..words.len())
        .filter(|&row| {
            words[row].iter().any(|word| {
                said.contains(word)
                    && words
                        .iter()
                        .enumerate()
                        .all(|(other, others)| other == row || !others.contains(word))
            })
        })
        .collect()
}

/// The two values the chart's headline compares: the change it exists to
/// show. Which ones, by kind: a line with a comparison series, the
/// highlight against that series at the highlight's last point; a line
/// with one series, its first value to its last; grouped bars, the
/// highlight against its comparison in the last category where both have
/// a bar; before/after and big number, first to last; a funnel, its first
/// stage to its last (read as a conversion, not a change). Bubbles have
/// none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headline {
    /// The highlighted series (index among the series, not the columns).
    pub series: usize,
    /// The series it is compared with, when the headline is a gap.
    pub reference: Option<usize>,
    pub from: f64,
    pub to: f64,
    pub from_row: usize,
    pub to_row: usize,
    /// A funnel's end-to-end conversion (`to / from`), not a change.
    pub conversion: bool,
    /// Grouped bars over categories (regions, products): the sums over
    /// every category, `from_row` to `to_row`, not one category's pair.
    pub across_rows: bool,
}

impl Headline {
    /// Which way the headline goes: 1 up, −1 down, 0 flat (or a conversion).
    pub fn direction(&self) -> i8 {
        if self.conversion || self.to == self.from {
            0
        } else if self.to > self.from {
            1
        } else {
            -1
        }
    }
}

/// The series the reading highlights: the one it names (case and outer
/// spaces aside), else the first series (also when it names a category).
pub fn highlight_index(spec: &ChartSpec, reading: &ChartReading) -> Option<usize> {
    let names = spec.data.series_names();
    if names.is_empty() {
        return None;
    }
    let wanted = reading
        .highlight
        .as_deref()
        .map(|h| h.trim().to_lowercase());
    Some(
        wanted
            .and_then(|w| {
                names
                    .iter()
                    .position(|name| name.trim().to_lowercase() == w)
            })
            .unwrap_or(0),
    )
}

fn value_at(spec: &ChartSpec, series: usize, row: usize) -> Option<f64> {
    spec.data
        .rows
        .get(row)?
        .values
        .get(series)
        .copied()
        .flatten()
        .filter(|v| v.is_finite())
}

/// The series `highlight` is compared with at `row`: one named as a
/// comparison (control, baseline, target…), else the highest of the others.
pub fn comparison_at(spec: &ChartSpec, highlight: usize, row: usize) -> Option<(usize, f64)> {
    let names = spec.data.series_names();
    let mut best: Option<(usize, f64)> = None;
    for (index, name) in names.iter().enumerate().filter(|(i, _)| *i != highlight) {
        let Some(value) = value_at(spec, index, row) else {
            continue;
        };
        if is_comparison(name) {
            return Some((index, value));
        }
        if best.is_none_or(|(_, top)| value > top) {
            best = Some((index, value));
        }
    }
    best
}

/// The chart's headline values ([`Headline`]); `None` when its kind has
/// none or the data cannot give one.
pub fn headline(spec: &ChartSpec, reading: &ChartReading) -> Option<Headline> {
    use crate::ChartKind;
    // The change the chart shows, over the rows it draws: a total row
    // below its parts is their sum, not one more category.
    let drawn = spec.drawn_parts();
    let spec = drawn.as_ref();
    let series = highlight_index(spec, reading)?;
    let points: Vec<(usize, f64)> = (0..spec.data.rows.len())
        .filter_map(|row| Some((row, value_at(spec, series, row)?)))
        .collect();
    let (&(first_row, first), &(last_row, last)) = (points.first()?, points.last()?);
    let change = |from: f64, to: f64, from_row: usize, to_row: usize, reference| Headline {
        series,
        reference,
        from,
        to,
        from_row,
        to_row,
        conversion: false,
        across_rows: false,
    };
    match spec.kind {
        // A line is read along time: against a series named as its
        // comparison (control, target, last year…) at the end, else from
        // its first point to its last. Two lines of other measures
        // (revenue and operating loss, two plans' prices) are not a gap to
        // state.
        ChartKind::Line => {
            if let Some((reference, value)) = comparison_at(spec, series, last_row)
                .filter(|(reference, _)| is_comparison(&spec.data.series_names()[*reference]))
            {
                return Some(change(value, last, last_row, last_row, Some(reference)));
            }
            (first_row != last_row).then(|| change(first, last, first_row, last_row, None))
        }
        // Grouped bars: the highlight against its comparison in the last
        // category that has both: a series named as one (target, control,
        // last year…) or the same period a year before ("Q4 2008" against
        // "Q4 2007"). Bars of other measures ("Count" and "Percent",
        // "Bounce rate" and "Pages per session") or of unrelated groups
        // have no gap to state.
        //
        // Over categories (regions, products, modes), one category's pair
        // is a pick, not the story: "Rail +20%" while Bus fell as much.
        // The headline is then the sums over every category that has both,
        // where the values add up (counts, money); shares and rates do not
        // add, and have none.
        ChartKind::Bar => {
            let names = spec.data.series_names();
            let reference_of = |row: usize| {
                comparison_at(spec, series, row)
                    .filter(|(reference, _)| is_comparison(&names[*reference]))
                    .map(|(reference, _)| reference)
                    .or_else(|| earlier_period(names, series))
            };
            let rows = spec.data.rows.len();
            if rows > 1 && !crate::table::labels_look_sequential(&spec.data) {
                // The one category the title is about, when it names one.
                let named = reading.named_row.filter(|&row| row < rows).and_then(|row| {
                    let reference = reference_of(row)?;
                    let value = value_at(spec, series, row)?;
                    Some(change(
                        value_at(spec, reference, row)?,
                        value,
                        row,
                        row,
                        Some(reference),
                    ))
                });
                if named.is_some() {
                    return named;
                }
                return totals_across(spec, reading, series, reference_of(rows - 1)?);
            }
            (0..rows).rev().find_map(|row| {
                let value = value_at(spec, series, row)?;
                let reference = reference_of(row)?;
                let reference_value = value_at(spec, reference, row)?;
                Some(change(reference_value, value, row, row, Some(reference)))
            })
        }
        ChartKind::BeforeAfter => {
            let labels: Vec<String> = spec.data.rows.iter().map(|r| r.label.clone()).collect();
            let (before, after) = before_and_after(&labels)?;
            let from = value_at(spec, series, before)?;
            let to = value_at(spec, series, after)?;
            Some(change(from, to, before, after, None))
        }
        ChartKind::BigNumber => {
            (first_row != last_row).then(|| change(first, last, first_row, last_row, None))
        }
        ChartKind::Funnel => (first_row != last_row && first > 0.0).then(|| Headline {
            conversion: true,
            ..change(first, last, first_row, last_row, None)
        }),
        ChartKind::Bubble
        | ChartKind::PortfolioMatrix
        | ChartKind::Allocation
        | ChartKind::Tracks
        | ChartKind::Gates
        | ChartKind::AssumptionMap => None,
    }
}

/// Grouped bars over categories: the highlighted series' sum against its
/// comparison's, over the categories that have both, when the values add
/// up. `None` for shares, rates and averages, or with nothing to sum.
fn totals_across(
    spec: &ChartSpec,
    reading: &ChartReading,
    series: usize,
    reference: usize,
) -> Option<Headline> {
    if !adds_up(spec, reading, &[series, reference]) {
        return None;
    }
    let pairs: Vec<(usize, f64, f64)> = (0..spec.data.rows.len())
        .filter_map(|row| {
            Some((
                row,
                value_at(spec, reference, row)?,
                value_at(spec, series, row)?,
            ))
        })
        .collect();
    let (first, last) = (pairs.first()?.0, pairs.last()?.0);
    let from: f64 = pairs.iter().map(|(_, from, _)| from).sum();
    let to: f64 = pairs.iter().map(|(_, _, to)| to).sum();
    (from.is_finite() && to.is_finite()).then_some(Headline {
        series,
        reference: Some(reference),
        from,
        to,
        from_row: first,
        to_row: last,
        conversion: false,
        across_rows: pairs.len() > 1,
    })
}

/// Whether the chart's values add up across categories: not shares,
/// rates, averages or scores (by the unit, the reading in points, or the
/// names of the measures and the chart).
fn adds_up(spec: &ChartSpec, reading: &ChartReading, series: &[usize]) -> bool {
    const NOT_ADDITIVE: [&str; 17] = [
        "rate",
        "rates",
        "share",
        "percent",
        "percentage",
        "ratio",
        "average",
        "avg",
        "mean",
        "median",
        "score",
        "margin",
        "per",
        "index",
        "conversion",
        "nps",
        "pct",
    ];
    let names = spec.data.series_names();
    let texts = series
        .iter()
        .filter_map(|&index| names.get(index).map(String::as_str))
        .chain([spec.title.as_str()])
        .chain(spec.data.header.first().map(String::as_str));
    let unit_is_share = spec
        .unit
        .as_deref()
        .is_some_and(|unit| unit.contains('%') || words(unit).iter().any(|w| w == "percent"));
    !reading.in_points
        && !unit_is_share
        && !texts.into_iter().any(|text| {
            text.contains('%')
                || words(text)
                    .iter()
                    .any(|word| NOT_ADDITIVE.contains(&word.as_str()))
        })
}

/// The rows a before/after chart compares, the "before" first: the first
/// and the last row, unless the last is named as the comparison and the
/// first is not ("Treatment | Control": the control is the before). `None`
/// with fewer than two rows.
pub fn before_and_after(labels: &[String]) -> Option<(usize, usize)> {
    let last = labels.len().checked_sub(1).filter(|&last| last > 0)?;
    if is_comparison(&labels[last]) && !is_comparison(&labels[0]) {
        Some((last, 0))
    } else {
        Some((0, last))
    }
}

/// A period's name without its year, and the year: "Q4 2008" →
/// ("q4 _", 2008), "Jan-15" → ("jan _", 2015), "2024" → ("_", 2024).
fn period_year(name: &str) -> Option<(String, u16)> {
    let words = words(&name.replace(['-', '\''], " "));
    let mut year = None;
    let key: Vec<String> = words
        .iter()
        .map(|word| {
            let four = word.len() == 4
                && word
                    .parse::<u16>()
                    .is_ok_and(|y| (1900..=2100).contains(&y));
            let two = word.len() == 2 && word.chars().all(|c| c.is_ascii_digit());
            if year.is_none() && four {
                year = word.parse().ok();
                "_".to_owned()
            } else if year.is_none() && two && words.len() > 1 {
                year = word.parse::<u16>().ok().map(|y| 2000 + y);
                "_".to_owned()
            } else {
                word.clone()
            }
        })
        .collect();
    Some((key.join(" "), year?))
}

/// The series that is `highlight`'s period a year before ("Q4 2007" for
/// "Q4 2008"); of two periods of one kind, the earlier.
fn earlier_period(names: &[String], highlight: usize) -> Option<usize> {
    let (key, year) = period_year(&names[highlight])?;
    let periods: Vec<(usize, String, u16)> = names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| period_year(name).map(|(k, y)| (index, k, y)))
        .collect();
    periods
        .iter()
        .find(|(_, k, y)| *k == key && *y + 1 == year)
        .or_else(|| match periods.as_slice() {
            [a, b] if a.1 == b.1 => [a, b].into_iter().find(|p| p.0 != highlight && p.2 < year),
            _ => None,
        })
        .map(|(index, _, _)| *index)
}

/// Whether a series is named like something the story compares against
/// (a control group, a baseline, a target, last year, a plan…).
pub fn is_comparison(name: &str) -> bool {
    const COMPARISONS: [&str; 26] = [
        "control",
        "baseline",
        "benchmark",
        "target",
        "goal",
        "plan",
        "planned",
        "forecast",
        "budget",
        "prior",
        "previous",
        "last year",
        "prior year",
        "holdout",
        "status quo",
        "expected",
        "projection",
        "industry",
        // A market or peer measure a result is read against.
        "s p 500",
        "national average",
        "market average",
        "sector average",
        "peer average",
        "peers",
        "before",
        // "Without the checklist" against "With the checklist".
        "without",
    ];
    let words = words(name);
    COMPARISONS
        .iter()
        .any(|comparison| contains_phrase(&words, comparison))
}

/// Which way is better for a measure named by `names` (the series, the
/// chart's title): the first name that names a measure decides — down for
/// churn, costs, latency, errors, time-to…, unless the name counts their
/// removal ("Churn reduction", "Cost savings", "Errors fixed"); up when no
/// name names one of them.
pub fn better_way(names: &[&str]) -> Better {
    named_better_way(names).unwrap_or(Better::Up)
}

/// The way the title's subject is better, when the chart's names say
/// nothing ("Before" and "After"): "Support tickets fell in four regions"
/// is read down. Only the words before its first verb of change or being
/// count: in "Revenue rose despite higher costs" the costs are not the
/// chart's measure.
fn subject_better_way(title: &str) -> Option<Better> {
    const VERBS: [&str; 29] = [
        "fell",
        "fall",
        "falls",
        "rose",
        "rise",
        "rises",
        "grew",
        "grow",
        "grows",
        "dropped",
        "drop",
        "drops",
        "lifts",
        "lifted",
        "increased",
        "increase",
        "decreased",
        "doubled",
        "improved",
        "jumped",
        "climbed",
        "declined",
        "is",
        "are",
        "was",
        "were",
        "reached",
        "stayed",
        "hit",
    ];
    // A verb of deliberate reduction says the writer wanted the subject
    // lower: "PR gate cut from 12 minutes to 5", "Build time halved".
    const REDUCED: [&str; 9] = [
        "cut",
        "cuts",
        "halved",
        "reduced",
        "slashed",
        "shortened",
        "trimmed",
        "lowered",
        "shrank",
    ];
    let all = words(title);
    let verb = all
        .iter()
        .position(|w| VERBS.contains(&w.as_str()) || REDUCED.contains(&w.as_str()))?;
    named_better_way(&[&all[..verb].join(" ")]).or_else(|| {
        REDUCED
            .contains(&all[verb].as_str())
            .then_some(Better::Down)
    })
}

/// Which way is better, when one of `names` names a measure that is
/// better down (or a removal of one, better up); `None` when none does.
fn named_better_way(names: &[&str]) -> Option<Better> {
    const LOWER_IS_BETTER: &[&str] = &[
        "churn",
        "cost",
        "costs",
        "bill",
        "bills",
        "expenses",
        "backlog",
        "overdue",
        "arrears",
        "delays",
        "cac",
        "latency",
        "error",
        "errors",
        "error rate",
        "defect",
        "defects",
        "incident",
        "incidents",
        "outage",
        "outages",
        "downtime",
        "bounce",
        "time to",
        "duration",
        "durations",
        "build time",
        "run time",
        "runtime",
        "lead time",
        "cycle time",
        "handling time",
        "processing time",
        "turnaround",
        "wall clock",
        "response time",
        "load time",
        "wait",
        "tickets",
        "complaints",
        "refunds",
        "abandonment",
        "cancellations",
        "attrition",
        // Harm counted: "MRSA cases", "road deaths", "fraud losses".
        "cases",
        "infections",
        "deaths",
        "injuries",
        "casualties",
        "accidents",
        "crashes",
        "fatalities",
        "fraud",
        "failures",
        "crimes",
    ];
    /// Words that make a lower-is-better measure a count of what was
    /// removed, which is better up.
    const REMOVED: [&str; 9] = [
        "reduction",
        "reductions",
        "savings",
        "saved",
        "resolved",
        "fixed",
        "avoided",
        "prevented",
        "deflected",
    ];
    for name in names {
        let words = words(name);
        // "Outstanding jobs", "Outstanding invoices": work not yet done
        // (not "Schools rated outstanding").
        let outstanding = words.len() >= 2 && words[0] == "outstanding";
        let lower_is_better = outstanding
            || LOWER_IS_BETTER
                .iter()
                .any(|measure| contains_phrase(&words, measure));
        if lower_is_better {
            let removed = REMOVED.iter().any(|word| contains_phrase(&words, word));
            return Some(if removed { Better::Up } else { Better::Down });
        }
    }
    None
}

/// The highlight the PM chose, when it names a series or a category.
fn chosen_highlight(spec: &ChartSpec) -> Option<String> {
    let wanted = spec.highlight.as_deref()?.trim().to_lowercase();
    let series = spec.data.series_names().iter();
    let categories = spec.data.rows.iter().map(|row| &row.label);
    series
        .chain(categories)
        .find(|name| name.trim().to_lowercase() == wanted)
        .cloned()
}

/// The series the story names (the title first, then the evidence; in a
/// text, the one named first, the longer name where two start together),
/// never a comparison; else, of periods, the latest; else the first series
/// that is not a comparison and whose values move, else the first that is
/// not a comparison; else the first series.
fn story_highlight(spec: &ChartSpec, story: &[&str]) -> Option<String> {
    let series = spec.data.series_names();
    let candidates: Vec<&String> = series.iter().filter(|s| !is_comparison(s)).collect();
    for text in story {
        let words = words(text);
        let named = candidates
            .iter()
            .filter_map(|name| {
                let wanted = self::words(name);
                first_position(&words, &wanted)
                    .map(|at| (at, std::cmp::Reverse(wanted.len()), *name))
            })
            .min_by_key(|(at, longer, _)| (*at, *longer));
        if let Some((_, _, name)) = named {
            return Some(name.clone());
        }
    }
    // Named by nothing: the first that moves (a free plan at 0 before and
    // after says nothing), else the first.
    let moves = |name: &String| {
        let Some(column) = series.iter().position(|s| s == name) else {
            return false;
        };
        let mut values = spec
            .data
            .rows
            .iter()
            .filter_map(|row| row.values.get(column).copied().flatten());
        values
            .next()
            .is_some_and(|first| values.any(|value| value != first))
    };
    // Periods across the top ("Q4 2008 | Q4 2007"): the latest.
    let latest = candidates
        .iter()
        .map(|name| period_year(name).map(|(_, year)| year))
        .collect::<Option<Vec<u16>>>()
        .and_then(|years| {
            let newest = *years.iter().max()?;
            years.iter().position(|y| *y == newest)
        })
        .map(|at| candidates[at]);
    latest
        .or_else(|| candidates.iter().find(|name| moves(name)).copied())
        .or_else(|| candidates.first().copied())
        .cloned()
        .or_else(|| series.first().cloned())
}

fn in_points(spec: &ChartSpec, story: &[&str]) -> bool {
    let unit = spec.unit.as_deref().unwrap_or("").trim().to_lowercase();
    if [
        "%",
        "percent",
        "pct",
        "pts",
        "pp",
        "points",
        "percentage points",
    ]
    .contains(&unit.as_str())
    {
        return true;
    }
    // A unit that is not a share ($, ms, users) is never read in points,
    // whatever else the story measures in points.
    if !unit.is_empty() {
        return false;
    }
    if spec
        .data
        .header
        .iter()
        .any(|name| name.contains('%') || contains_phrase(&words(name), "percent"))
    {
        return true;
    }
    std::iter::once(spec.title.as_str())
        .chain(story.iter().copied())
        .any(speaks_in_points)
}

/// "1.3 points", "+9 pts", "2 pp", "a point" — but not "basis points".
fn speaks_in_points(text: &str) -> bool {
    let words = words(text);
    words.iter().enumerate().any(|(i, word)| {
        let unit = matches!(
            word.as_str(),
            "point" | "points" | "pts" | "pt" | "pp" | "ppt" | "ppts"
        );
        let after_number = i > 0 && words[i - 1].chars().any(|c| c.is_ascii_digit());
        let basis = i > 0 && words[i - 1] == "basis";
        unit && after_number && !basis
            || word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && (word.ends_with("pts") || word.ends_with("pp"))
    })
}

/// Lower-case words: letters, digits, and the marks inside numbers and
/// names (`1.3`, `year's`); a hyphen separates (`time-to-value`).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'')))
        .map(|word| word.trim_matches(|c| matches!(c, '.' | '\'')))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `phrase` (lower case, words separated by spaces) occurs in
/// `words` as whole words.
fn contains_phrase(words: &[String], phrase: &str) -> bool {
    first_position(words, &self::words(phrase)).is_some()
}

/// Where `wanted` (whole words) first occurs in `words`.
fn first_position(words: &[String], wanted: &[String]) -> Option<usize> {
    if wanted.is_empty() {
        return None;
    }
    words
        .windows(wanted.len())
        .position(|window| window == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChartKind, DataRow, DataTable};

    fn line(header: &[&str], unit: Option<&str>) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Line,
            unit: unit.map(Into::into),
            data: DataTable {
                header: header.iter().map(|h| (*h).into()).collect(),
                rows: vec![DataRow {
                    label: "W1".into(),
                    values: vec![Some(1.0); header.len() - 1],
                }],
            },
            ..ChartSpec::default()
        }
    }

    #[test]
    fn a_market_or_peer_measure_is_a_comparison() {
        for name in ["S&P 500", "National average (%)", "Peers"] {
            assert!(is_comparison(name), "{name}");
        }
        for name in ["Average order value", "Return", "Index of deprivation"] {
            assert!(!is_comparison(name), "{name}");
        }
    }

    #[test]
    fn the_series_the_story_names_is_highlighted_never_a_comparison() {
        let chart = line(&["Week", "Control", "Pilot"], None);
        let reading = read_chart(&chart, &["Usage nudges lift conversion 1.3 points"]);
        assert_eq!(reading.highlight.as_deref(), Some("Pilot"));
        let reading = read_chart(&chart, &["The pilot beat control by 1.3 points"]);
        assert_eq!(reading.highlight.as_deref(), Some("Pilot"));
        let chart = line(&["Month", "Plan", "Actual", "Forecast"], None);
        assert_eq!(read_chart(&chart, &[]).highlight.as_deref(), Some("Actual"));
        let chart = line(&["Month", "EMEA", "APAC"], None);
        let reading = read_chart(&chart, &["APAC doubled its pipeline"]);
        assert_eq!(reading.highlight.as_deref(), Some("APAC"));
        let reading = read_chart(&chart, &["APAC doubled while EMEA stalled"]);
        assert_eq!(
            reading.highlight.as_deref(),
            Some("APAC"),
            "the one named first"
        );
        let chart = line(&["Month", "EMEA", "EMEA North"], None);
        let reading = read_chart(&chart, &["EMEA North grew fastest"]);
        assert_eq!(
            reading.highlight.as_deref(),
            Some("EMEA North"),
            "the longer name"
        );
    }

    #[test]
    fn a_chosen_highlight_wins_even_a_comparison() {
        let mut chart = line(&["Week", "Pilot", "Control"], None);
        chart.highlight = Some(" control ".into());
        let reading = read_chart(&chart, &["Pilot lifts conversion"]);
        assert_eq!(reading.highlight.as_deref(), Some("Control"));
    }

    #[test]
    fn shares_and_stories_in_points_give_points() {
        let story = ["Usage nudges lift conversion 1.3 points"];
        assert!(read_chart(&line(&["Week", "Pilot"], None), &story).in_points);
        assert!(read_chart(&line(&["Week", "Pilot"], Some("%")), &[]).in_points);
        assert!(read_chart(&line(&["Week", "Activation (%)"], None), &[]).in_points);
        assert!(read_chart(&line(&["Week", "Pilot"], None), &["+9pts since May"]).in_points);
        assert!(!read_chart(&line(&["Week", "Revenue"], Some("$")), &[]).in_points);
        let revenue = line(&["Week", "Revenue"], Some("$"));
        assert!(
            !read_chart(&revenue, &["NPS is up 4 points too"]).in_points,
            "a unit that is not a share is never read in points"
        );
        assert!(!read_chart(&line(&["Week", "Rate"], None), &["cut by 25 basis points"]).in_points);
    }

    #[test]
    fn a_title_whose_subject_is_better_down_reads_a_generic_chart_down() {
        let chart = ChartSpec {
            data: DataTable {
                header: vec!["Region".into(), "Before".into(), "After".into()],
                rows: vec![DataRow {
                    label: "US".into(),
                    values: vec![Some(120.0), Some(95.0)],
                }],
            },
            ..ChartSpec::default()
        };
        let better = |title: &str| read_chart(&chart, &[title]).better;
        assert_eq!(
            better("Support tickets fell in four of five regions"),
            Better::Down
        );
        assert_eq!(better("Revenue rose despite higher costs"), Better::Up);
        assert_eq!(better("The checklist lifts activation"), Better::Up);
        assert_eq!(better("Cost savings grew in every region"), Better::Up);
        // A verb of deliberate reduction: the writer wanted it lower.
        assert_eq!(
            better("CI: PR gate cut from about 12 minutes to about 5"),
            Better::Down
        );
        assert_eq!(better("Onboarding shortened to two days"), Better::Down);
        assert_eq!(better("Signups fell in four regions"), Better::Up);
    }

    fn job_times() -> ChartSpec {
        let row = |label: &str, before: f64, after: f64| DataRow {
            label: label.into(),
            values: vec![Some(before), Some(after)],
        };
        ChartSpec {
            kind: ChartKind::Bar,
            unit: Some("min".into()),
            data: DataTable {
                header: vec!["job".into(), "before".into(), "after".into()],
                rows: vec![
                    row("Run Tests", 11.5, 5.05),
                    row("E2E Smoke (Playwright)", 10.9, 5.73),
                    row("gate (wall clock)", 12.0, 6.37),
                ],
            },
            ..ChartSpec::default()
        }
    }

    #[test]
    fn a_title_naming_one_category_makes_its_change_the_headline() {
        let chart = job_times();
        let reading = read_chart(&chart, &["PR gate cut from about 12 minutes to about 5"]);
        assert_eq!(reading.named_row, Some(2));
        assert_eq!(reading.better, Better::Down);
        let found = headline(&chart, &reading).unwrap();
        assert_eq!((found.from, found.to), (12.0, 6.37));
        assert!(!found.across_rows);
    }

    #[test]
    fn a_title_about_every_category_or_none_keeps_the_sum_over_them() {
        let chart = job_times();
        for title in [
            "Every job is faster, the gate too",
            "CI jobs twice as fast",
            "Tests and gate both faster",
        ] {
            let reading = read_chart(&chart, &[title]);
            assert_eq!(reading.named_row, None, "{title}");
            let found = headline(&chart, &reading).unwrap();
            assert!(found.across_rows, "{title}");
            assert!((found.from - 34.4).abs() < 1e-9, "{title}: {}", found.from);
        }
    }

    #[test]
    fn churn_costs_and_latency_are_better_down() {
        assert_eq!(better_way(&["Monthly churn"]), Better::Down);
        assert_eq!(better_way(&["p95 latency (ms)"]), Better::Down);
        assert_eq!(better_way(&["Time-to-value"]), Better::Down);
        assert_eq!(better_way(&["Support tickets"]), Better::Down);
        assert_eq!(better_way(&["Activation"]), Better::Up);
        assert_eq!(better_way(&["Cases 2010-11"]), Better::Down);
        assert_eq!(better_way(&["Road deaths"]), Better::Down);
        assert_eq!(better_way(&["", "Cost per lead"]), Better::Down);
        // Work waiting to be done: fewer is better.
        for waiting in [
            "Outstanding jobs",
            "Overdue repairs",
            "Rent arrears (£)",
            "Backlog",
        ] {
            assert_eq!(better_way(&[waiting]), Better::Down, "{waiting}");
        }
        assert_eq!(better_way(&["Schools rated outstanding"]), Better::Up);
        assert_eq!(
            better_way(&["Pilot", "Monthly churn, pilot vs control"]),
            Better::Down,
            "a series named after its group: the title names the measure"
        );
        for removed in [
            "Churn reduction",
            "Cost savings",
            "Tickets resolved",
            "Errors fixed",
        ] {
            assert_eq!(better_way(&[removed]), Better::Up, "{removed}");
        }
        let mut chart = line(&["Month", "Churn"], Some("%"));
        assert_eq!(read_chart(&chart, &[]).better, Better::Down);
        chart.better = Some(Better::Up);
        assert_eq!(
            read_chart(&chart, &[]).better,
            Better::Up,
            "what the PM says wins"
        );
    }

    #[test]
    fn comparisons_are_whole_words() {
        assert!(is_comparison("Control group"));
        assert!(is_comparison("Prior year"));
        assert!(is_comparison("Q3 target"));
        assert!(!is_comparison("Controlled rollout"));
        assert!(!is_comparison("Planner adoption"));
    }

    #[test]
    fn the_series_without_the_change_is_the_comparison_so_the_other_is_the_story() {
        assert!(is_comparison("Without checklist"));
        assert!(!is_comparison("Withdrawals"));
        let chart = line(&["Week", "Without", "With checklist"], Some("%"));
        let reading = read_chart(&chart, &["Activation rose 9 points with the checklist"]);
        assert_eq!(reading.highlight.as_deref(), Some("With checklist"));
    }
}
