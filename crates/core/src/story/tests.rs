use super::*;
use crate::table::{infer_kind, TableError};
use crate::{ChartKind, DataRow, DataTable, Evidence, MetricEvidence, QuoteEvidence};

const FULL: &str = r#"---
title: Checklist lifts week-one activation by 9 points
Audience: "Exec staff: go/no-go"
priority: Net revenue retention
owner: growth-squad
status: Ready
date: 2026-11-23
note: "say \"hi\" \\ twice"
---

## CONFLICT

Sales wants a 30-day trial.

## context
Two competitors bundle onboarding.

   Indented line kept.

## Evidence

Six-week A/B test.

```metric
value: 41%
unit: week-one activation
baseline: 32% without the checklist
window: "6 weeks, Oct–Nov"
```

More prose after the metric.

~~~chart
kind: before-after
title: Activation rose 9 points
highlight: with checklist
unit: "%"

Group	Activation
Without checklist	32
With checklist	41
~~~

## Resolution

Ship it.

```bash
## not a heading
echo hi
```

## Risks ##

### Sub-heading stays
- a bullet
"#;

fn full_story() -> Story {
    Story {
        fields: UpdateFields {
            chart: None,
            title: "Checklist lifts week-one activation by 9 points".into(),
            audience: "Exec staff: go/no-go".into(),
            priority: "Net revenue retention".into(),
            date: "2026-11-23".into(),
            beats: crate::Beats {
                context: "Two competitors bundle onboarding.\n\n   Indented line kept.".into(),
                conflict: "Sales wants a 30-day trial.".into(),
                resolution: "Ship it.\n\n```bash\n## not a heading\necho hi\n```".into(),
                evidence: "Six-week A/B test.\n\nMore prose after the metric.".into(),
            },
            evidence: Evidence::Metric(MetricEvidence {
                value: "41%".into(),
                unit: "week-one activation".into(),
                baseline: "32% without the checklist".into(),
                window: "6 weeks, Oct–Nov".into(),
                source: String::new(),
                sample: String::new(),
            }),
            other: Default::default(),
            template: None,
            notes: String::new(),
        },
        status: Status::Ready,
        chart: Some(ChartSpec {
            kind: ChartKind::BeforeAfter,
            title: "Activation rose 9 points".into(),
            alt: String::new(),
            highlight: Some("With checklist".into()),
            unit: Some("%".into()),
            data: DataTable {
                header: vec!["Group".into(), "Activation".into()],
                rows: vec![
                    DataRow {
                        label: "Without checklist".into(),
                        values: vec![Some(32.0)],
                    },
                    DataRow {
                        label: "With checklist".into(),
                        values: vec![Some(41.0)],
                    },
                ],
            },
            better: None,
            portfolio: None,
        }),
        extra_front_matter: vec![
            ("owner".into(), "growth-squad".into()),
            ("note".into(), "say \"hi\" \\ twice".into()),
        ],
        extra_sections: vec![ExtraSection {
            heading: "Risks".into(),
            body: "### Sub-heading stays\n- a bullet".into(),
        }],
    }
}

const FULL_CANONICAL: &str = r#"---
title: Checklist lifts week-one activation by 9 points
audience: "Exec staff: go/no-go"
priority: Net revenue retention
status: ready
date: 2026-11-23
owner: growth-squad
note: "say \"hi\" \\ twice"
---

## Context

Two competitors bundle onboarding.

   Indented line kept.

## Conflict

Sales wants a 30-day trial.

## Resolution

Ship it.

```bash
## not a heading
echo hi
```

## Evidence

Six-week A/B test.

More prose after the metric.

```metric
value: 41%
unit: week-one activation
baseline: 32% without the checklist
window: 6 weeks, Oct–Nov
```

```chart
kind: before-after
title: Activation rose 9 points
highlight: With checklist
unit: "%"

Group,Activation
Without checklist,32
With checklist,41
```

## Risks

\### Sub-heading stays
- a bullet
"#;

#[test]
fn reads_every_part_of_a_full_story() {
    assert_eq!(parse_story(FULL), Ok(full_story()));
}

#[test]
fn writes_the_canonical_form_and_reads_it_back() {
    let story = full_story();
    let markdown = to_markdown(&story);
    assert_eq!(markdown, FULL_CANONICAL);
    assert_eq!(parse_story(&markdown), Ok(story));
    assert_eq!(to_markdown(&parse_story(FULL).unwrap()), FULL_CANONICAL);
}

#[test]
fn crlf_and_a_byte_order_mark_read_the_same() {
    let windows = format!("\u{feff}{}", FULL.replace('\n', "\r\n"));
    assert_eq!(parse_story(&windows), Ok(full_story()));
}

#[test]
fn empty_and_headless_stories() {
    assert_eq!(parse_story(""), Ok(Story::default()));
    assert_eq!(parse_story("\n\n  \n"), Ok(Story::default()));
    let story = parse_story("## Context\nOnly context.\n").unwrap();
    assert_eq!(story.fields.beats.context, "Only context.");
    assert_eq!(story.fields.title, "");
    assert_eq!(story.status, Status::Draft);
    assert_eq!(story.fields.evidence, Evidence::None);
    assert_eq!(story.chart, None);
}

#[test]
fn text_before_the_first_heading_is_kept_and_written_first() {
    let story = parse_story("Intro.\n\n# Not a title here\n\n## Context\nC\n").unwrap();
    assert_eq!(
        story.extra_sections,
        vec![ExtraSection {
            heading: String::new(),
            body: "Intro.\n\n# Not a title here".into()
        }]
    );
    assert_eq!(story.fields.title, "");
    // Written with a backslash, so that no reader takes it for a heading.
    let markdown = to_markdown(&story);
    assert!(
        markdown.contains("---\n\nIntro.\n\n\\# Not a title here\n\n## Context\n\nC\n"),
        "{markdown}"
    );
    assert_eq!(parse_story(&markdown), Ok(story));
}

#[test]
fn a_title_line_that_opens_a_draft_without_front_matter_is_its_title() {
    let story = parse_story("# Q4 update #\n\nIntro.\n\n## Context\nC\n").unwrap();
    assert_eq!(story.fields.title, "Q4 update");
    assert_eq!(
        story.extra_sections,
        vec![ExtraSection {
            heading: String::new(),
            body: "Intro.".into()
        }]
    );
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));
    // A title in the front matter wins; the line is kept as written.
    let titled = parse_story("---\ntitle: From the front matter\n---\n# Q4 update\n").unwrap();
    assert_eq!(titled.fields.title, "From the front matter");
    assert_eq!(titled.extra_sections[0].body, "# Q4 update");
}

#[test]
fn a_draft_that_names_its_beats_another_way_fills_them() {
    let text = "# Move SMB to annual billing\n\n## 1. Situation\nChurn rose.\n\n## Complication:\nMonthly plans leak.\n\n\
                ## Recommendation\nSwitch by 15 January.\n\n## Results\nChurn fell.\n\n```metric\nvalue: 1.2%\n```\n\n\
                ## Risks\nSome.\n\n## Background\nA second background stays a section.\n";
    let story = parse_story(text).unwrap();
    let beats = &story.fields.beats;
    assert_eq!(story.fields.title, "Move SMB to annual billing");
    assert_eq!(beats.context, "Churn rose.");
    assert_eq!(beats.conflict, "Monthly plans leak.");
    assert_eq!(beats.resolution, "Switch by 15 January.");
    assert_eq!(beats.evidence, "Churn fell.");
    assert!(matches!(&story.fields.evidence, Evidence::Metric(m) if m.value == "1.2%"));
    let headings: Vec<&str> = story
        .extra_sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["Risks", "Background"]);
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));

    // A beat's own heading wins over another name for it.
    let both = parse_story("## Situation\nS\n\n## Context\nC\n").unwrap();
    assert_eq!(both.fields.beats.context, "C");
    assert_eq!(both.extra_sections[0].heading, "Situation");
}

#[test]
fn a_data_section_describes_the_data_set_and_is_kept_as_written() {
    let story = parse_story(
        "## Recommendation\nMove checkout to the new form by March.\n\n\
         ## Data\nThe data covers about 90,000 subscriptions started since January 2020.\n",
    )
    .unwrap();
    assert_eq!(story.fields.beats.evidence, "");
    assert_eq!(story.extra_sections[0].heading, "Data");
}

#[test]
fn quote_evidence_and_an_inferred_chart_kind() {
    let text = "## Evidence\n\n```quote\ntext: \"We stalled on day three.\"\nwho: Ops lead, Acme\nwhen: 2026-10\n```\n\n```chart\n\nWeek,Pilot,Control\nW1,1,2\nW2,3,4\nW3,5,6\n```\n";
    let story = parse_story(text).unwrap();
    assert_eq!(
        story.fields.evidence,
        Evidence::Quote(QuoteEvidence {
            text: "We stalled on day three.".into(),
            who: "Ops lead, Acme".into(),
            when: "2026-10".into(),
        })
    );
    assert_eq!(story.fields.beats.evidence, "");
    let chart = story.chart.clone().unwrap();
    assert_eq!(chart.kind, ChartKind::Line);
    assert_eq!(chart.highlight, None);
    assert_eq!(chart.unit, None);
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));
}

#[test]
fn a_chart_anywhere_is_taken_out_leaving_one_blank_line() {
    let text = "## Context\n\nBefore.\n\n```chart\nkind: bar\n\nA,B\nx,1\n```\n\nAfter.\n";
    let story = parse_story(text).unwrap();
    assert_eq!(story.fields.beats.context, "Before.\n\nAfter.");
    assert_eq!(story.chart.map(|c| c.kind), Some(ChartKind::Bar));
    // Without a blank line before the keys' end, data starts at the first
    // line that is not a key.
    let text = "```chart\nkind: bar\nA,B\nx,1\n```\n";
    let chart = parse_story(text).unwrap().chart.unwrap();
    assert_eq!(chart.data.header, vec!["A", "B"]);
}

#[test]
fn metric_blocks_outside_the_evidence_are_prose() {
    let text = "## Context\n\n```metric\nvalue: 1\n```\n";
    let story = parse_story(text).unwrap();
    assert_eq!(story.fields.beats.context, "```metric\nvalue: 1\n```");
    assert_eq!(story.fields.evidence, Evidence::None);
}

#[test]
fn fences_hide_headings_and_need_a_long_enough_close() {
    let text = "## Context\n````\n```\n## Conflict\n````\n~~~\n## Resolution\n~~~~\n";
    let story = parse_story(text).unwrap();
    assert_eq!(
        story.fields.beats.context,
        "````\n```\n## Conflict\n````\n~~~\n## Resolution\n~~~~"
    );
    assert_eq!(story.fields.beats.conflict, "");
    assert!(story.extra_sections.is_empty());
}

#[test]
fn headings_are_case_insensitive_and_other_levels_are_text() {
    let text = "##   EVIDENCE   \nE\n### Context\n#### x\n##No space\n## Conflict #\nC\n";
    let story = parse_story(text).unwrap();
    assert_eq!(
        story.fields.beats.evidence,
        "E\n### Context\n#### x\n##No space"
    );
    assert_eq!(story.fields.beats.conflict, "C");
    assert_eq!(story.fields.beats.context, "");
}

#[test]
fn a_chart_data_error_names_the_story_line_and_the_cell() {
    let text = "## Evidence\n\n```chart\nkind: line\n\nWeek,Control,Pilot\nW1,1,2\nW2,1,2\nW3,1,n/a\n```\n";
    let err = parse_story(text).unwrap_err();
    assert_eq!(err.line(), 9);
    assert_eq!(
        err.to_string(),
        "line 9: row 4, column 3 (\"Pilot\"): \"n/a\" is not a number: leave the cell empty to \
         mark a gap"
    );
    assert!(matches!(
        err,
        StoryError::ChartData {
            source: TableError::NotANumber {
                row: 4,
                column: 3,
                ..
            },
            ..
        }
    ));
}

#[test]
fn every_error_names_its_line() {
    let chart = |body: &str| format!("# t\n\n## Evidence\n\n```chart\n{body}```\n");
    let cases: Vec<(&str, String, usize, &str)> = vec![
        (
            "unclosed front matter",
            "\n---\ntitle: x\n\n## Context\n".into(),
            2,
            "never closes",
        ),
        (
            "front matter without colon",
            "---\ntitle x\n---\n".into(),
            2,
            "expected `key: value`",
        ),
        (
            "empty key",
            "---\n: x\n---\n".into(),
            2,
            "expected `key: value`",
        ),
        (
            "bad date",
            "---\ntitle: t\ndate: 2026-02-30\n---\n".into(),
            3,
            "YYYY-MM-DD",
        ),
        (
            "bad status",
            "---\nstatus: done\n---\n".into(),
            2,
            "use draft or ready",
        ),
        (
            "duplicate key",
            "---\ntitle: a\nTITLE: b\n---\n".into(),
            3,
            "first on line 2",
        ),
        (
            "unclosed quote",
            "---\ntitle: \"open\n---\n".into(),
            2,
            "no closing quote",
        ),
        (
            "text after quote",
            "---\ntitle: \"a\" b\n---\n".into(),
            2,
            "after the closing quote",
        ),
        (
            "duplicate beat",
            "## Context\na\n\n## CONTEXT\nb\n".into(),
            4,
            "first is on line 1",
        ),
        (
            "unclosed fence",
            "## Context\n\n```rust\nfn x() {}\n".into(),
            3,
            "add a line with ```",
        ),
        (
            "duplicate evidence",
            "## Evidence\n```metric\nvalue: 1\n```\n```quote\ntext: a\n```\n".into(),
            5,
            "first is on line 2",
        ),
        (
            "unknown metric key",
            "## Evidence\n```metric\nvalue: 1\nvalu: 2\n```\n".into(),
            4,
            "use value, unit, baseline, window, source or sample",
        ),
        (
            "a chart's better is neither up nor down",
            chart("kind: line\nbetter: sideways\n\nA,B\nx,1\ny,2\n"),
            7,
            "“better: sideways” is neither up nor down",
        ),
        (
            "metric line without colon",
            "## Evidence\n```metric\n41%\n```\n".into(),
            3,
            "metric block",
        ),
        (
            "duplicate chart",
            format!("{}\n```chart\nA,B\nx,1\n```\n", chart("A,B\nx,1\n")),
            10,
            "first is on line 5",
        ),
        (
            "unknown kind",
            chart("kind: pie\n\nA,B\nx,1\n"),
            6,
            "use one of line, bar, before-after, funnel, big-number, bubble",
        ),
        (
            "no data",
            chart("kind: bar\ntitle: t\n\n"),
            5,
            "has no data",
        ),
        ("no data at all", chart(""), 5, "has no data"),
        (
            "unknown chart key",
            chart("titel: t\n\nA,B\nx,1\n"),
            6,
            "not a chart block key",
        ),
        (
            "duplicate chart key",
            chart("kind: bar\nkind: line\n\nA,B\nx,1\n"),
            7,
            "first on line 6",
        ),
        (
            "unknown highlight",
            chart("highlight: Pilot\n\nWeek,Control\nW1,1\n"),
            6,
            "use one of \"Control\", \"W1\"",
        ),
        (
            "ragged data row",
            chart("kind: bar\n\nA,B\nx,1\ny,1,2\n"),
            10,
            "row 3 has 3 cells but the header has 2",
        ),
        (
            "header without rows",
            chart("kind: bar\n\nA,B\n"),
            8,
            "no rows of numbers",
        ),
        (
            "unclosed quote in data",
            chart("kind: bar\n\nA,B\n\"x,1\n"),
            9,
            "row 2: a quoted cell is never closed",
        ),
    ];
    for (name, text, line, fragment) in cases {
        let err = match parse_story(&text) {
            Err(err) => err,
            Ok(story) => panic!("{name}: accepted as {story:?}"),
        };
        let message = err.to_string();
        assert_eq!(err.line(), line, "{name}: {message}");
        assert!(
            message.starts_with(&format!("line {line}: ")),
            "{name}: {message}"
        );
        assert!(message.contains(fragment), "{name}: {message}");
    }
}

#[test]
fn highlight_matches_series_then_categories_and_corrects_case() {
    let text = |highlight: &str| {
        format!("```chart\nkind: bar\nhighlight: {highlight}\n\nTeam,Pilot\nPilot,1\nb,2\n```\n")
    };
    let highlight = |h: &str| parse_story(&text(h)).unwrap().chart.unwrap().highlight;
    assert_eq!(highlight("Pilot"), Some("Pilot".into()));
    assert_eq!(highlight("B"), Some("b".into()));
    assert_eq!(highlight("\"\""), None);
}

#[test]
fn export_quotes_values_only_when_needed() {
    let story = Story {
        fields: UpdateFields {
            title: "Plain title".into(),
            audience: String::new(),
            priority: "#1: growth".into(),
            ..UpdateFields::default()
        },
        extra_front_matter: vec![("multi".into(), "line one\nline two".into())],
        ..Story::default()
    };
    let markdown = to_markdown(&story);
    assert!(markdown.starts_with(
        "---\ntitle: Plain title\naudience: \"\"\npriority: \"#1: growth\"\nstatus: draft\ndate: \"\"\nmulti: \"line one\\nline two\"\n---\n"
    ), "{markdown}");
    assert_eq!(parse_story(&markdown), Ok(story));
}

#[test]
fn export_normalizes_what_import_would_normalize() {
    let story = Story {
        fields: UpdateFields {
            beats: crate::Beats {
                context: "\n\r\nLine one\r\nLine two\n\n".into(),
                ..crate::Beats::default()
            },
            ..UpdateFields::default()
        },
        ..Story::default()
    };
    let markdown = to_markdown(&story);
    assert!(
        markdown.contains("## Context\n\nLine one\nLine two\n\n## Conflict"),
        "{markdown}"
    );
    assert_eq!(to_markdown(&parse_story(&markdown).unwrap()), markdown);
}

#[test]
fn chart_fences_grow_past_backticks_in_the_data() {
    let story = Story {
        chart: Some(ChartSpec {
            kind: ChartKind::Bar,
            data: DataTable {
                header: vec!["Label".into(), "V".into()],
                rows: vec![DataRow {
                    label: "a\n```\n## b".into(),
                    values: vec![Some(1.0)],
                }],
            },
            ..ChartSpec::default()
        }),
        ..Story::default()
    };
    let markdown = to_markdown(&story);
    assert!(markdown.contains("````chart\n"), "{markdown}");
    assert_eq!(parse_story(&markdown), Ok(story));
}

#[test]
fn hostile_text_in_prose_and_labels_is_kept_as_text() {
    let text = "---\ntitle: <script>alert(1)</script>\n---\n## Context\n\u{1}\u{7f} \u{202e}rtl\u{202c} 漢字 <b>x</b>\n\n```chart\nkind: bar\n\n\"<script>\",V\n\u{1}ctl,1\nמכירות,2\n```\n";
    let story = parse_story(text).unwrap();
    assert_eq!(story.fields.title, "<script>alert(1)</script>");
    // Control characters stay text; the bidi override (RLO … PDF) is
    // removed, so the text shows in the order it is read.
    assert_eq!(story.fields.beats.context, "\u{1}\u{7f} rtl 漢字 <b>x</b>");
    let data = story.chart.clone().unwrap().data;
    assert_eq!(data.header[0], "<script>");
    assert_eq!(data.rows[0].label, "\u{1}ctl");
    assert_eq!(data.rows[1].label, "מכירות");
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));
}

#[test]
fn a_markdown_table_in_the_evidence_of_a_draft_without_a_chart_becomes_its_chart() {
    let text = "## Results\nChurn fell on annual plans.\n\n| Plan | Churn |\n|---|---:|\n| Monthly | 4.1% |\n| Annual | 1.2% |\n\nSource: billing.\n";
    let story = parse_story(text).unwrap();
    let chart = story.chart.clone().expect("the table is the chart");
    assert_eq!(chart.data.header, ["Plan", "Churn"]);
    assert_eq!(chart.data.rows[1].values, [Some(1.2)]);
    assert_eq!(chart.kind, infer_kind(&chart.data));
    assert_eq!(
        chart.unit.as_deref(),
        Some("%"),
        "cells written with % make a % chart"
    );
    assert_eq!(
        story.fields.beats.evidence,
        "Churn fell on annual plans.\n\nSource: billing."
    );
    let markdown = to_markdown(&story);
    assert_eq!(parse_story(&markdown), Ok(story));

    // Words in the value cells: not chart data, the table stays in the prose.
    let words =
        parse_story("## Evidence\n| Option | Verdict |\n|---|---|\n| A | slow |\n").unwrap();
    assert_eq!(words.chart, None);
    assert!(words.fields.beats.evidence.contains("| A | slow |"));
    // A chart block wins; a table in a code fence is code.
    let fenced = parse_story("## Evidence\n```\n| a | b |\n|---|---|\n| x | 1 |\n```\n").unwrap();
    assert_eq!(fenced.chart, None);
}

#[test]
fn a_table_of_durations_written_for_a_reader_is_charted_in_one_unit() {
    let text = "## Evidence\nThe gate is twice as fast.\n\n| job | before | after |\n|---|---|---|\n| Run Tests | 11.5 min | **5m 03s** |\n| Packaging | — | **2m 21s** |\n| **gate** | **~12 min** | **6m 22s** |\n";
    let story = parse_story(text).unwrap();
    let chart = story
        .chart
        .clone()
        .expect("the table of durations is the chart");
    assert_eq!(chart.unit.as_deref(), Some("min"));
    let gate = chart.data.rows.iter().find(|r| r.label == "gate");
    let gate = gate.expect("bold comes off the label");
    assert_eq!(gate.values, [Some(12.0), Some(6.37)]);
    assert_eq!(story.fields.beats.evidence, "The gate is twice as fast.");
}

#[test]
fn a_draft_with_third_level_headings_fills_the_beats() {
    let text = "# Pricing update\n\n### Context\nChurn rose.\n\n### Problem\nPlans leak.\n\n### Resolution\nSwitch.\n\n#### Detail\nKept in the resolution.\n\n### Evidence\nAnnual churn is 1.2%.\n";
    let story = parse_story(text).unwrap();
    let beats = &story.fields.beats;
    assert_eq!(story.fields.title, "Pricing update");
    assert_eq!(
        [
            beats.context.as_str(),
            beats.conflict.as_str(),
            beats.evidence.as_str()
        ],
        ["Churn rose.", "Plans leak.", "Annual churn is 1.2%."]
    );
    assert_eq!(
        beats.resolution,
        "Switch.\n\n#### Detail\nKept in the resolution."
    );
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));

    // With `##` headings in the file, `###` lines stay text.
    let mixed = parse_story("## Context\nC\n### Conflict\nstays in the context\n").unwrap();
    assert_eq!(
        mixed.fields.beats.context,
        "C\n### Conflict\nstays in the context"
    );
}

#[test]
fn a_draft_of_labelled_paragraphs_fills_the_beats() {
    let text = "Title: Pricing update\n\n**Situation:** Churn rose\nto 4.1%.\n\n**Complication**: Plans leak.\n\nSituation: a second label is text.\n\n__Recommendation:__ Switch by January 15.\n\nEvidence: Annual churn is 1.2%.\n\n```metric\nvalue: 1.2%\n```\n";
    let story = parse_story(text).unwrap();
    let beats = &story.fields.beats;
    assert_eq!(story.fields.title, "Pricing update");
    assert_eq!(beats.context, "Churn rose\nto 4.1%.");
    assert_eq!(
        beats.conflict,
        "Plans leak.\n\nSituation: a second label is text."
    );
    assert_eq!(beats.resolution, "Switch by January 15.");
    assert_eq!(beats.evidence, "Annual churn is 1.2%.");
    assert!(matches!(&story.fields.evidence, Evidence::Metric(m) if m.value == "1.2%"));
    assert!(
        story.extra_sections.is_empty(),
        "{:?}",
        story.extra_sections
    );
    assert_eq!(parse_story(&to_markdown(&story)), Ok(story));

    // In a story with beat headings, a line that starts "Data:" is just text.
    let ours = parse_story("## Context\nData: 40% of teams.\n").unwrap();
    assert_eq!(ours.fields.beats.context, "Data: 40% of teams.");
    assert_eq!(ours.fields.beats.evidence, "");
}

#[test]
fn an_update_keeps_every_section_and_front_matter_key_and_says_what_it_mapped() {
    let text = "---\ntitle: Checkout outage cost nine hours of orders\nteam: payments\n---\n\
Written the morning after.\n\n## Summary\nCheckout was down.\n\n## Situation\nPeak season.\n\n\
## Impact\nNine hours of orders lost.\n\n## Root causes\nAn expired certificate.\n\n\
## Remediation\nThe platform team automates renewal by 15 January.\n\n## Empty\n";
    let (story, reading) = parse_story_mapped(text).unwrap();
    assert_eq!(story.fields.beats.context, "Peak season.");
    assert_eq!(
        story.fields.beats.resolution,
        "The platform team automates renewal by 15 January."
    );
    let notes = mapping_notes(&story, &reading);
    assert_eq!(
        notes,
        [
            "“Situation” read as the context",
            "“Remediation” read as the resolution",
            "kept as other sections: the text before the first heading, “Summary”, “Impact”, “Root causes”, “Empty”"
        ]
    );
    // The update keeps them, and gives them back to the story it exports.
    let fields = story.update_fields();
    let kept: Vec<&str> = fields
        .other
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(kept, ["", "Summary", "Impact", "Root causes", "Empty"]);
    assert_eq!(
        fields.other.front_matter,
        [("team".to_owned(), "payments".to_owned())]
    );
    let again = Story::from_update_fields(&fields, Status::Draft);
    let exported = to_markdown(&again);
    for part in [
        "team: payments",
        "## Impact\n\nNine hours of orders lost.",
        "## Root causes",
        "Written the morning after.",
    ] {
        assert!(exported.contains(part), "{part} missing from:\n{exported}");
    }
    let back = parse_story(&exported).unwrap();
    assert_eq!(back.update_fields().other, fields.other);
    assert_eq!(back.update_fields().beats, fields.beats);
    // A story in the app's own form maps nothing.
    let (ours, reading) = parse_story_mapped("## Context\nC\n").unwrap();
    assert!(mapping_notes(&ours, &reading).is_empty());
}

#[test]
fn measures_in_other_units_stay_in_the_text_and_the_chart_keeps_one_axis() {
    let text = "---\ntitle: Revenue grew 46% as margin recovered\n---\n\
## Evidence\nQuarterly results:\n\n\
| Measure | Q2 2017 | Q2 2018 | Q3 2018 forecast |\n|---|---|---|---|\n\
| Streaming revenue ($m) | 2671 | 3814 | 3900 |\n\
| Operating margin (%) | 4.6 | 11.8 | 10.5 |\n\
| Earnings per share ($) | 0.15 | 0.85 | 0.68 |\n\n\
Margin reached 11.8% and 10.5% is forecast.\n";
    let (story, reading) = parse_story_mapped(text).unwrap();
    let chart = story.chart.as_ref().expect("the revenue is charted");
    // One measure over the quarters: time along the x axis, no percent
    // read into it from the prose about the margin.
    assert_eq!(chart.data.series_names(), ["Streaming revenue ($m)"]);
    let quarters: Vec<&str> = chart.data.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(quarters, ["Q2 2017", "Q2 2018", "Q3 2018 forecast"]);
    assert_eq!(chart.unit, None);
    // The other measures stay in the evidence, as written, under the header.
    assert!(story.fields.beats.evidence.contains(
        "| Measure | Q2 2017 | Q2 2018 | Q3 2018 forecast |\n|---|---|---|---|\n\
| Operating margin (%) | 4.6 | 11.8 | 10.5 |\n| Earnings per share ($) | 0.15 | 0.85 | 0.68 |"
    ));
    assert!(!story.fields.beats.evidence.contains("Streaming revenue"));
    assert_eq!(
        mapping_notes(&story, &reading),
        ["kept as a table in the text, not in the chart (other units, or changes the chart works out): “Operating margin (%)”, “Earnings per share ($)”"]
    );
    // Columns that share a name are said once, with how many.
    let (changes, reading) = parse_story_mapped(
        "## Evidence\n| Measure | Q4 2008 | Q4 2007 | % change | FY 2008 | FY 2007 | % change |\n\
         |---|---|---|---|---|---|---|\n| Net sales | 36.5 | 32.3 | 13 | 139.6 | 122.0 | 14 |\n",
    )
    .unwrap();
    assert_eq!(
        mapping_notes(&changes, &reading),
        ["kept as a table in the text, not in the chart (other units, or changes the chart works out): “% change” (2 times)"]
    );
    // Exported and read back, it is the same update.
    let fields = story.update_fields();
    let back = parse_story(&to_markdown(&Story::from_update_fields(
        &fields,
        Status::Draft,
    )))
    .unwrap()
    .update_fields();
    assert_eq!(back.chart, fields.chart);
    assert_eq!(back.beats, fields.beats);
}

#[test]
fn a_summary_that_plans_nothing_is_kept_as_written_not_as_the_resolution() {
    let post = parse_story(
        "# How we saved $1 million\n\n## TL;DR\nMoving our builds to one cluster saved us about $1 million a year.\n\n## Background\nBuilds took 45 minutes.\n",
    )
    .unwrap();
    assert_eq!(post.fields.beats.resolution, "");
    assert_eq!(post.extra_sections[0].heading, "TL;DR");
    assert!(post.extra_sections[0].body.starts_with("Moving our builds"));
    let labelled = parse_story(
        "**TL;DR:** Moving our builds to one cluster saved us about $1 million.\n\n**Background:** Builds took 45 minutes.\n",
    )
    .unwrap();
    assert_eq!(labelled.fields.beats.resolution, "");
    assert_eq!(
        labelled.extra_sections[0].body,
        "**TL;DR:** Moving our builds to one cluster saved us about $1 million."
    );
    // One that plans is the resolution, as before.
    let plan = parse_story(
        "## TL;DR\nShip it to every team by May.\n\n## Background\nBuilds took 45 minutes.\n",
    )
    .unwrap();
    assert_eq!(
        plan.fields.beats.resolution,
        "Ship it to every team by May."
    );
}

#[test]
fn a_bottom_line_is_the_resolution_only_where_nothing_else_is() {
    // BLUF memos: the bottom line is the decision.
    let bluf = parse_story(
        "# Raise the budget 4.5%\n\n**Bottom line:** Approve a 4.5% rise by Friday.\n\n\
**Background:** Costs rose.\n",
    )
    .unwrap();
    assert_eq!(
        bluf.fields.beats.resolution,
        "Approve a 4.5% rise by Friday."
    );
    assert_eq!(bluf.fields.beats.context, "Costs rose.");
    for label in ["BLUF", "TL;DR", "Ask", "Decision"] {
        let story = parse_story(&format!(
            "{label}: Ship it to everyone.\n\nSituation: Churn rose.\n"
        ))
        .unwrap();
        assert_eq!(
            story.fields.beats.resolution, "Ship it to everyone.",
            "{label}"
        );
    }
    let tldr = parse_story("## TL;DR\nShip it.\n\n## Background\nChurn rose.\n").unwrap();
    assert_eq!(tldr.fields.beats.resolution, "Ship it.");
    // Where a resolution is written as such, the bottom line stays what it is.
    let both = parse_story(
        "**Bottom line:** Go.\n\n**Situation:** S.\n\n**Resolution:** The team ships by May.\n",
    )
    .unwrap();
    assert_eq!(both.fields.beats.resolution, "The team ships by May.");
    assert_eq!(both.extra_sections[0].body, "**Bottom line:** Go.");
    // A request or a recommendation is the resolution before a bottom line
    // is; bold labels may end in a period.
    let request = parse_story(
        "BLUF: Act now.\n\n**Situation.** 114 crew ill.\n\n\
**Problem.** No room to isolate.\n\n**Request.** Move the crew ashore by Friday.\n",
    )
    .unwrap();
    assert_eq!(request.fields.beats.context, "114 crew ill.");
    assert_eq!(request.fields.beats.conflict, "No room to isolate.");
    assert_eq!(
        request.fields.beats.resolution,
        "Move the crew ashore by Friday."
    );
    // A bottom line holds its own paragraph; the memo after it is kept apart.
    let memo =
        parse_story("Bottom line: Raise the budget 4.5%.\n\nThe rise pays for three things.\n")
            .unwrap();
    assert_eq!(memo.fields.beats.resolution, "Raise the budget 4.5%.");
    assert_eq!(
        memo.extra_sections.last().unwrap().body,
        "The rise pays for three things."
    );
    assert_eq!(
        parse_story(&to_markdown(&memo)).unwrap().update_fields(),
        memo.update_fields()
    );
}

#[test]
fn a_metric_source_and_sample_and_a_charts_better_round_trip_in_canonical_order() {
    let text = "---\ntitle: Churn fell\n---\n\n## Evidence\n\nFewer cancellations.\n\n\
```metric\nsample: 1420, 1410\nvalue: 3.1%\nsource: Billing export\nwindow: Q2\n```\n\n\
```chart\nbetter: down\nkind: line\n\nMonth,Churn\nJan,4.8\nJun,3.1\n```\n";
    let story = parse_story(text).unwrap();
    let Evidence::Metric(metric) = &story.fields.evidence else {
        panic!("a metric: {:?}", story.fields.evidence);
    };
    assert_eq!(metric.source, "Billing export");
    assert_eq!(metric.sample, "1420, 1410");
    let chart = story.chart.as_ref().unwrap();
    assert_eq!(chart.better, Some(crate::chart_reading::Better::Down));

    let canonical = to_markdown(&story);
    assert!(
        canonical.contains(
            "```metric\nvalue: 3.1%\nwindow: Q2\nsource: Billing export\nsample: 1420, 1410\n```"
        ),
        "{canonical}"
    );
    assert!(
        canonical.contains("```chart\nkind: line\nbetter: down\n"),
        "{canonical}"
    );
    let again = parse_story(&canonical).unwrap();
    assert_eq!(again, story);
    assert_eq!(to_markdown(&again), canonical);
}

#[test]
fn a_bottom_line_on_its_own_line_keeps_its_paragraph_and_a_heading_ends_it() {
    let own_line =
        parse_story("**Bottom line:**\n\nShip it by May.\n\nThe rest of the memo.\n").unwrap();
    assert_eq!(own_line.fields.beats.resolution, "Ship it by May.");
    assert_eq!(own_line.extra_sections[0].body, "The rest of the memo.");
    // Text outside any section is one section, before the beats, and
    // comes back the same.
    let both = parse_story(
        "Dear board,\n\nBottom line: Ship it.\n\nA note after it.\n\nSituation: Churn rose.\n",
    )
    .unwrap();
    let unheaded: Vec<&str> = both
        .extra_sections
        .iter()
        .filter(|s| s.heading.is_empty())
        .map(|s| s.body.as_str())
        .collect();
    assert_eq!(unheaded, ["Dear board,\n\nA note after it."]);
    assert_eq!(both.fields.beats.context, "Churn rose.");
    // A draft that names other beats but not its context opens with it.
    let letter = parse_story(
        "Churn rose to 4% in Q3.\n\n## Recommendation\nSwitch to annual plans by May.\n",
    )
    .unwrap();
    assert_eq!(letter.fields.beats.context, "Churn rose to 4% in Q3.");
    let again = parse_story(&to_markdown(&both)).unwrap();
    assert_eq!(again.update_fields(), both.update_fields());
}

#[test]
fn a_table_outside_the_evidence_is_the_chart_only_in_a_draft_without_one() {
    let letter = parse_story(
        "Dear shareholders,\n\n| Quarter | Net adds |\n|---|---|\n| Q1 | 4.0 |\n| Q2 | 1.5 |\n",
    )
    .unwrap();
    assert!(letter.chart.is_some());
    // With an evidence section, a table elsewhere stays text (as in the
    // app's own files, which always have one).
    let ours = parse_story(
        "## Evidence\nSee the appendix.\n\n## Appendix\n| Q | N |\n|---|---|\n| Q1 | 4 |\n",
    )
    .unwrap();
    assert!(ours.chart.is_none());
    assert_eq!(parse_story(&to_markdown(&ours)).unwrap(), ours);
}

#[test]
fn a_draft_with_hundreds_of_sections_imports_whole_within_the_limit() {
    let text: String = (0..300)
        .map(|i| format!("## Part {i}\nText {i}.\n\n"))
        .collect();
    let fields = parse_story(&text).unwrap().update_fields();
    fields.validate().unwrap();
    assert_eq!(fields.other.sections.len(), crate::MAX_OTHER_PARTS);
    let last = fields.other.sections.last().unwrap();
    assert_eq!(last.heading, "More sections");
    assert!(last.body.contains("Part 299\n\nText 299."));
}

#[test]
fn speaker_notes_are_the_notes_section_and_round_trip_after_the_evidence() {
    let text = "---\ntitle: T\n---\n\n## Context\n\nc\n\n## Speaker notes:\n\nOpen with the margin.\nThen the cost.\n\n## Notes\n\nA second notes section stays a section.\n";
    let story = parse_story(text).unwrap();
    assert_eq!(story.fields.notes, "Open with the margin.\nThen the cost.");
    assert_eq!(story.extra_sections.len(), 1);
    assert_eq!(story.extra_sections[0].heading, "Notes");
    let exported = to_markdown(&story);
    let evidence = exported.find("## Evidence").unwrap();
    let notes = exported.find("## Notes\n\nOpen with the margin.").unwrap();
    assert!(notes > evidence, "{exported}");
    let again = parse_story(&exported).unwrap();
    assert_eq!(again.update_fields(), story.update_fields());
    assert_eq!(to_markdown(&again), exported);
}
