//! A portfolio view kept in an update: the story file alone redraws it.

use super::*;
use crate::example::demo_portfolio;
use crate::journal::Reading;
use crate::story::{parse_story, to_markdown, Story};
use crate::{ChartKind, ChartSpec, CivilDate};

fn today() -> CivilDate {
    "2026-12-07".parse().unwrap()
}

fn matrix_chart() -> ChartSpec {
    let mut snapshot = PortfolioSnapshot::of(
        &demo_portfolio(today()),
        &PortfolioSettings::default(),
        today(),
        ValueAxis::Ecv,
    );
    snapshot.quadrant_fit = Some(5.5);
    ChartSpec {
        kind: ChartKind::PortfolioMatrix,
        title: "Upsell carries the quarter".into(),
        portfolio: Some(snapshot),
        ..ChartSpec::default()
    }
}

fn story_with(chart: ChartSpec) -> Story {
    let mut story =
        parse_story("---\ntitle: Portfolio review\n---\n\n## Context\n\nWhere we are.\n").unwrap();
    story.chart = Some(chart);
    story
}

#[test]
fn a_matrix_snapshot_survives_the_story_file_byte_for_byte() {
    let story = story_with(matrix_chart());
    let text = to_markdown(&story);
    assert!(text.contains("kind: portfolio-matrix"), "{text}");
    assert!(text.contains("as-of: 2026-12-07"), "{text}");
    assert!(text.contains("value: ecv"), "{text}");
    assert!(
        text.contains("fit-line: 5.5") && !text.contains("value-line"),
        "{text}"
    );
    assert!(
        text.contains("name,bucket,horizon,fit,npv,ecv,cost,fte,depends_on"),
        "{text}"
    );
    let back = parse_story(&text).unwrap();
    assert_eq!(back.chart, story.chart);
    assert_eq!(to_markdown(&back), text);
}

#[test]
fn a_gate_tracker_snapshot_survives_the_story_file() {
    let portfolio = demo_portfolio(today());
    let gated = portfolio
        .iter()
        .find(|i| !i.stopping_rules.is_empty() && !i.gates.is_empty())
        .expect("the demo has a gated bet");
    let readings = vec![
        Reading {
            metric: gated.stopping_rules[0].metric.clone(),
            date: "2026-11-30".parse().unwrap(),
            value: 3.5,
        },
        Reading {
            metric: gated.stopping_rules[0].metric.clone(),
            date: "2026-12-06".parse().unwrap(),
            value: 6.25,
        },
    ];
    let chart = ChartSpec {
        kind: ChartKind::Gates,
        title: "The moonshot's gates".into(),
        portfolio: Some(PortfolioSnapshot::of_tracker(
            GateTracker::of(gated, &readings),
            today(),
        )),
        ..ChartSpec::default()
    };
    let story = story_with(chart);
    let text = to_markdown(&story);
    assert!(
        text.contains(&format!("initiative: {}", gated.name)),
        "{text}"
    );
    let back = parse_story(&text).unwrap();
    assert_eq!(back.chart, story.chart);
}

#[test]
fn the_short_hash_changes_with_the_figures_and_only_with_them() {
    let chart = matrix_chart();
    let snapshot = chart.portfolio.clone().unwrap();
    let hash = snapshot.short_hash();
    assert_eq!(hash.len(), 8);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
    let mut later = snapshot.clone();
    later.as_of = "2027-01-07".parse().unwrap();
    assert_eq!(
        later.short_hash(),
        hash,
        "the day alone does not change the rows"
    );
    let mut changed = snapshot.clone();
    changed.initiatives[0].npv += 1.0;
    assert_ne!(changed.short_hash(), hash);
}

#[test]
fn a_bad_cell_names_its_line_and_column() {
    let text = "---\ntitle: T\n---\n\n## Evidence\n\n```chart\nkind: allocation\nas-of: 2026-12-07\n\nname,bucket,horizon,fit,npv,ecv,cost,fte,depends_on\nA,core,now,5,1,1,10,,\nB,sideways,now,5,1,1,10,,\n```\n";
    let err = parse_story(text).unwrap_err().to_string();
    assert!(err.starts_with("line 13:"), "{err}");
    assert!(err.contains("bucket") && err.contains("sideways"), "{err}");
}

#[test]
fn a_portfolio_chart_needs_its_day_and_the_tracker_its_initiative() {
    let no_day = "---\ntitle: T\n---\n\n## Evidence\n\n```chart\nkind: tracks\n\nname,bucket,horizon,fit,npv,ecv,cost,fte,depends_on\nA,core,now,5,1,1,10,,\n```\n";
    let err = parse_story(no_day).unwrap_err().to_string();
    assert!(err.contains("as-of"), "{err}");
    let no_initiative = "---\ntitle: T\n---\n\n## Evidence\n\n```chart\nkind: gates\nas-of: 2026-12-07\n\npart,date,metric,comparator,threshold,unit,window,action,margin,id,cohort,value\nreading,2026-12-01,errors,,,,,,,,,3\n```\n";
    let err = parse_story(no_initiative).unwrap_err().to_string();
    assert!(err.contains("initiative"), "{err}");
}

#[test]
fn portfolio_keys_on_a_data_chart_are_refused_by_name() {
    let text = "---\ntitle: T\n---\n\n## Evidence\n\n```chart\nkind: line\nas-of: 2026-12-07\n\nweek,a\nW1,1\nW2,2\n```\n";
    let err = parse_story(text).unwrap_err().to_string();
    assert!(err.contains("line 9") && err.contains("as-of"), "{err}");
}

#[test]
fn a_snapshot_out_of_bounds_is_refused() {
    let mut chart = matrix_chart();
    chart.portfolio.as_mut().unwrap().initiatives[0].fit = Some(11.0);
    let err = story_with(chart)
        .update_fields()
        .validate()
        .unwrap_err()
        .to_string();
    assert!(err.contains("0–10"), "{err}");
    let mut chart = matrix_chart();
    chart.portfolio = None;
    assert!(story_with(chart).update_fields().validate().is_err());
    let mut line = ChartSpec {
        kind: ChartKind::Line,
        ..matrix_chart()
    };
    line.data = Default::default();
    assert!(story_with(line).update_fields().validate().is_err());
}

#[test]
fn an_assumption_map_survives_the_story_file_and_names_what_to_test_first() {
    use crate::journal::{EvidenceLevel, Importance};
    let points = vec![
        AssumptionPoint {
            journal: "Self-serve checkout".into(),
            statement: "Buyers convert without a call, even at 50 seats".into(),
            importance: Importance::High,
            evidence: EvidenceLevel::Anecdote,
        },
        AssumptionPoint {
            journal: "Self-serve checkout".into(),
            statement: "Annual billing lifts retention".into(),
            importance: Importance::Medium,
            evidence: EvidenceLevel::CohortData,
        },
    ];
    let snapshot = PortfolioSnapshot::of_assumptions(points, today());
    assert_eq!(
        snapshot.default_title(ChartKind::AssumptionMap),
        "One important assumption is unproven: test it first"
    );
    assert!(snapshot
        .describe(ChartKind::AssumptionMap)
        .contains("test first: Buyers convert"));
    let chart = ChartSpec {
        kind: ChartKind::AssumptionMap,
        title: "Test the self-serve assumption first".into(),
        portfolio: Some(snapshot),
        ..ChartSpec::default()
    };
    let story = story_with(chart);
    let text = to_markdown(&story);
    assert!(
        text.contains("journal,statement,importance,evidence"),
        "{text}"
    );
    assert!(text.contains("cohort-data"), "{text}");
    let back = parse_story(&text).unwrap();
    assert_eq!(back.chart, story.chart);
    let bad = text.replace("cohort-data", "hunch");
    let err = parse_story(&bad).unwrap_err().to_string();
    assert!(err.contains("hunch") && err.contains("evidence"), "{err}");
}
