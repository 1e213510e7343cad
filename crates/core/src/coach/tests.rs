use super::*;
use crate::{Beats, Evidence, MetricEvidence};

/// Whether the coach raises `rule` on the update.
fn raises(draft: &UpdateFields, rule: &str) -> bool {
    review(draft, &[]).findings.iter().any(|f| f.rule == rule)
}

/// Whether the coach raises `rule` on a draft written elsewhere, as the
/// import reads it.
fn raises_on_draft(text: &str, rule: &str) -> bool {
    let story = crate::story::parse_story(text).expect("parses");
    raises(&story.update_fields(), rule)
}

fn fields(title: &str, beats: [&str; 4]) -> UpdateFields {
    UpdateFields {
        title: title.into(),
        beats: Beats {
            context: beats[0].into(),
            conflict: beats[1].into(),
            resolution: beats[2].into(),
            evidence: beats[3].into(),
        },
        ..UpdateFields::default()
    }
}

#[test]
fn an_empty_story_is_four_missing_beats_and_not_ready() {
    let review = review(&UpdateFields::default(), &[]);
    assert!(!review.ready);
    let missing = review
        .findings
        .iter()
        .filter(|f| f.rule == "beat-missing")
        .count();
    assert_eq!(missing, 4);
}

#[test]
fn errors_cannot_be_silenced_and_warnings_can() {
    let draft = fields("Onboarding update", ["", "b", "c", "d"]);
    let silenced = vec!["beat-missing".to_owned(), "title-not-action".to_owned()];
    let review = review(&draft, &silenced);
    assert!(review.findings.iter().any(|f| f.rule == "beat-missing"));
    assert!(!review.findings.iter().any(|f| f.rule == "title-not-action"));
    assert!(review.silenced.iter().any(|f| f.rule == "title-not-action"));
}

#[test]
fn findings_are_ordered_by_beat_then_position() {
    let draft = fields(
        "Update",
        [
            "Many customers are okay.",
            "",
            "We might ship soon.",
            "Adoption looks okay.",
        ],
    );
    let review = review(&draft, &[]);
    let order: Vec<(Option<Target>, Option<usize>)> = review
        .findings
        .iter()
        .map(|f| (f.beat, f.span.map(|s| s[0])))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|(beat, start)| (beat.is_none(), *beat, *start));
    assert_eq!(order, sorted);
}

#[test]
fn the_same_text_gets_the_same_review() {
    let draft = crate::example::example_update_fields("2026-11-23");
    assert_eq!(review(&draft, &[]), review(&draft, &[]));
}

#[test]
fn the_example_update_passes_every_rule() {
    // The example teaches what a strong update reads like: the coach must
    // have nothing to say about it.
    let draft = crate::example::example_update_fields("2026-11-23");
    let review = review(&draft, &[]);
    assert!(
        review.ready && review.findings.is_empty(),
        "{:#?}",
        review.findings
    );
}

#[test]
fn a_metric_without_window_or_baseline_is_a_warning() {
    let mut draft = fields(
        "Checklist lifts activation",
        ["a", "b", "c", "Activation 41%."],
    );
    draft.evidence = Evidence::Metric(MetricEvidence {
        value: "41%".into(),
        unit: "activation".into(),
        ..MetricEvidence::default()
    });
    let review = review(&draft, &[]);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "metric-incomplete")
        .unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("time window"));
}

#[test]
fn huge_and_strange_input_never_panics() {
    let huge = "many okay things ".repeat(60_000);
    let draft = fields(&huge, [&huge, "🚀\u{200D}", "مرحبا بكم", "\u{0}\u{1}"]);
    let review = review(&draft, &[]);
    let vague = review
        .findings
        .iter()
        .filter(|f| f.rule == "vague-word" && f.beat == Some(Target::Context))
        .count();
    assert!(
        vague <= MAX_PER_RULE_AND_TARGET,
        "repeats are summed up: {vague}"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text: no panic, spans inside their text, ordered findings, same answer twice.
        #[test]
        fn any_text_gets_a_sound_review(
            title in "\\PC{0,80}",
            context in "\\PC{0,300}",
            conflict in "(okay|many|\\PC|[0-9]{1,3}%| ){0,60}",
            resolution in "\\PC{0,200}",
            evidence in "(rose|fell|from|to|up|down|[0-9]{1,3}(\\.[0-9])?%| |pts|\\PC){0,60}",
        ) {
            let draft = fields(&title, [&context, &conflict, &resolution, &evidence]);
            let first = review(&draft, &[]);
            prop_assert_eq!(&first, &review(&draft, &[]));
            prop_assert!(first.score <= 100);
            prop_assert_eq!(first.ready, !first.findings.iter().any(|f| f.severity == Severity::Error));
            for finding in &first.findings {
                if let (Some([start, end]), Some(target)) = (finding.span, finding.beat) {
                    let text = match target {
                        Target::Title => &title,
                        Target::Context => &context,
                        Target::Conflict => &conflict,
                        Target::Resolution => &resolution,
                        Target::Evidence => &evidence,
                        Target::Chart => continue,
                    };
                    prop_assert!(start < end && end <= text.chars().count(), "{:?} in {:?}", finding, text);
                }
            }
        }
    }
}

#[test]
fn a_triggered_kill_criterion_makes_a_progress_claim_an_error() {
    let draft = crate::example::example_update_fields("2026-11-23");
    let context = JournalContext {
        triggered: vec!["Sharing activation < 20% by 2026-12-15 → halt".into()],
        ..JournalContext::default()
    };
    let review = review_with(&draft, &[], &context);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "progress-while-killed")
        .expect("the example's title claims a lift");
    assert_eq!(finding.severity, Severity::Error);
    assert!(!review.ready);
    // Without a triggered criterion, or without a progress claim, nothing.
    assert!(review_with(&draft, &[], &JournalContext::default()).ready);
    let honest = fields(
        "Sharing missed its bar: we halt the native build",
        [
            "a",
            "b",
            "We halt the build by Friday.",
            "Activation was 14% against the 20% bar.",
        ],
    );
    assert!(!review_with(&honest, &[], &context)
        .findings
        .iter()
        .any(|f| f.rule == "progress-while-killed"));
}

#[test]
fn high_importance_anecdotes_are_flagged_for_the_whole_story() {
    let draft = crate::example::example_update_fields("2026-11-23");
    let context = JournalContext {
        anecdotal_assumptions: vec!["Teams share in week one".into()],
        ..JournalContext::default()
    };
    let review = review_with(&draft, &[], &context);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "assumption-only-anecdote")
        .unwrap();
    assert_eq!((finding.severity, finding.beat), (Severity::Warning, None));
    assert!(!review_with(&draft, &[], &JournalContext::default())
        .findings
        .iter()
        .any(|f| f.rule == "assumption-only-anecdote"));
}

#[test]
fn an_update_that_left_a_triggered_journal_says_so_until_the_record_is_gone() {
    let draft = crate::example::example_update_fields("2026-11-23");
    let record = "Update “Sharing” stopped backing journal “Shared workspaces” on 2026-12-06 while its kill criterion “Sharing activation < 20% → halt” was triggered";
    let context = JournalContext {
        unlinked_while_triggered: vec![record.into()],
        ..JournalContext::default()
    };
    let review = review_with(&draft, &[], &context);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "unlinked-while-triggered")
        .expect("the record is shown");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.starts_with(record), "{}", finding.message);
    assert!(!review_with(&draft, &[], &JournalContext::default())
        .findings
        .iter()
        .any(|f| f.rule == "unlinked-while-triggered"));
}

#[test]
fn an_update_backed_by_a_forked_journal_is_warned_until_a_revision_joins_the_fork() {
    let draft = crate::example::example_update_fields("2026-11-23");
    let head = |author: &str, reason: &str| super::ForkedRevision {
        seq: 2,
        author: author.into(),
        reason: reason.into(),
    };
    let forked = JournalContext {
        forked_heads: vec![head("Ana", "pilot data"), head("Bo", "board review")],
        ..JournalContext::default()
    };
    let review = review_with(&draft, &[], &forked);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "journal-forked")
        .expect("the fork is named");
    assert_eq!((finding.severity, finding.beat), (Severity::Warning, None));
    assert!(
        finding
            .message
            .starts_with("Two revisions of the decision journal were made on the same earlier one"),
        "{}",
        finding.message
    );
    assert!(finding
        .message
        .contains("revision 2 by Ana (“pilot data”) and revision 2 by Bo (“board review”)"));
    assert!(finding
        .message
        .contains("record a revision that joins them"));
    // A warning: it can be silenced, and it does not block ready.
    assert!(review.ready);
    assert!(
        !review_with(&draft, &["journal-forked".to_owned()], &forked)
            .findings
            .iter()
            .any(|f| f.rule == "journal-forked")
    );
    // Joined (one head left), or no journal at all: nothing.
    for context in [
        JournalContext {
            forked_heads: vec![head("Cy", "agreed on 20%")],
            ..JournalContext::default()
        },
        JournalContext::default(),
    ] {
        assert!(!review_with(&draft, &[], &context)
            .findings
            .iter()
            .any(|f| f.rule == "journal-forked"));
    }
}

#[test]
fn a_slide_that_cuts_its_text_fails_the_glance_test_and_the_warning_can_be_silenced() {
    let draft = crate::example::example_update_fields("2026-11-23");
    let journal = JournalContext::default();
    let plain = review_slide(&draft, &[], &journal, &SlideFacts::default());
    assert!(!plain.findings.iter().any(|f| f.rule == "slide-text-cut"));

    let cut = SlideFacts { text_cut: true };
    let review = review_slide(&draft, &[], &journal, &cut);
    let finding = review
        .findings
        .iter()
        .find(|f| f.rule == "slide-text-cut")
        .expect("the glance test fails");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(review.score, plain.score.saturating_sub(6));
    assert_eq!(review.ready, plain.ready, "a warning never blocks ready");

    let silenced = review_slide(&draft, &["slide-text-cut".to_owned()], &journal, &cut);
    assert!(silenced.silenced.iter().any(|f| f.rule == "slide-text-cut"));
    assert_eq!(silenced.score, plain.score);
}

fn rules_found(draft: &UpdateFields) -> Vec<String> {
    review(draft, &[])
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn numbers_written_as_words_are_evidence() {
    let beats = |evidence: &str| {
        fields(
            "Checkout outage cost nine hours of orders",
            [
                "December carries 30% of our orders.",
                "An expired certificate took checkout down.",
                "The platform team automates renewal by 15 January.",
                evidence,
            ],
        )
    };
    for words in [
        "We lost nine hours of orders on the busiest Saturday.",
        "Refund requests doubled the week after.",
        "Two-thirds of carts were abandoned at payment.",
    ] {
        assert!(
            !rules_found(&beats(words)).contains(&"evidence-missing".to_owned()),
            "{words}"
        );
    }
    assert!(
        rules_found(&beats("Orders were lost on the busiest Saturday."))
            .contains(&"evidence-missing".to_owned())
    );
}

#[test]
fn a_vague_word_needs_a_number_it_does_not_have() {
    let with = |context: &str| {
        fields(
            "Checklist lifts activation 9 points",
            [
                context,
                "Setup stalls on day three.",
                "Ship it by 15 December.",
                "41% vs 32%, 6 weeks.",
            ],
        )
    };
    let vague = |context: &str| {
        review(&with(context), &[])
            .findings
            .into_iter()
            .filter(|f| f.rule == "vague-word")
            .count()
    };
    // A quantity in the background describes it; in the evidence it stands
    // where the proof needs a number.
    assert_eq!(vague("Many customers stall in setup."), 0);
    // A judgement said of a result wants a number; one naming an aim or a
    // kind does not.
    assert_eq!(vague("Adoption looks good after the pilot."), 1);
    // A time tied to a known event is a time; "soon" alone promises none.
    assert_eq!(vague("Shortly after the incident, we added alerting."), 0);
    assert_eq!(vague("We will add alerting shortly."), 1);
    assert_eq!(vague("Retention is much better than it was."), 1);
    // Work done on things, in the passive, is no measure that moved.
    assert_eq!(vague("The trackers have been improved and redesigned."), 0);
    assert_eq!(vague("Activation improved after the pilot."), 1);
    assert_eq!(vague("The aim is to make better policy with data."), 0);
    assert_eq!(
        vague("Services should be so good that people choose them."),
        0
    );
    let evidence = |text: &str| {
        let mut draft = with("Two rivals bundle onboarding.");
        draft.beats.evidence = text.into();
        review(&draft, &[])
            .findings
            .into_iter()
            .filter(|f| f.rule == "vague-word")
            .count()
    };
    assert_eq!(evidence("Many customers finished setup in the pilot."), 1);
    // "Some" standing for people who spoke is an aside; a count of the
    // team's own work is no outcome to quantify.
    assert_eq!(evidence("Some customers finished setup in the pilot."), 1);
    assert_eq!(
        evidence("No one was unhappy, though some suggested changes."),
        0
    );
    assert_eq!(evidence("We shipped several new onboarding screens."), 0);
    assert_eq!(
        evidence("Many customers, 38% of the pilot, finished setup."),
        0,
        "the sentence gives a number"
    );
    assert_eq!(
        vague("Setup is the most common reason to leave."),
        0,
        "the most: a superlative"
    );
    assert_eq!(
        vague("Each unpaid fine costs a bailiff visit."),
        0,
        "a fine: a noun"
    );
    assert_eq!(vague("Setup looks fine in the beta."), 1);
    assert_eq!(
        vague("It is very clear that setup is the problem."),
        0,
        "emphasis"
    );
}

#[test]
fn a_beat_off_its_job_is_judged_by_what_it_does() {
    let job = |context: &str, conflict: &str, resolution: &str| {
        review(
            &fields(
                "Checklist lifts activation 9 points",
                [context, conflict, resolution, "41% vs 32%."],
            ),
            &[],
        )
        .findings
        .into_iter()
        .filter(|f| f.rule == "beat-off-job")
        .filter_map(|f| f.beat)
        .collect::<Vec<_>>()
    };
    // Written without the expected words, each still does its job.
    assert!(job(
        "Internal tools ticket volume grew 40% after the reorg.",
        "A rival cut prices 30% and our margin fell to 4%.",
        "Go. The infrastructure team fails over on Saturday 28 July.",
    )
    .is_empty());
    assert_eq!(
        job(
            "We had a busy and productive quarter.",
            "Setup stalls.",
            "Ship it by May."
        ),
        [Target::Context]
    );
    assert_eq!(
        job(
            "Two rivals bundle onboarding.",
            "Setup stalls.",
            "Data residency is important to us going forward."
        ),
        [Target::Resolution]
    );
}

fn with_chart(
    title: &str,
    evidence: &str,
    kind: crate::ChartKind,
    header: &[&str],
    rows: &[(&str, &[f64])],
) -> UpdateFields {
    let mut draft = fields(
        title,
        [
            "Trial users leave in week two.",
            "A longer trial costs support hours.",
            "The Growth squad ships nudges to every trial by 15 January.",
            evidence,
        ],
    );
    draft.chart = Some(crate::ChartSpec {
        kind,
        unit: Some("%".into()),
        data: crate::DataTable {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|(label, values)| crate::DataRow {
                    label: (*label).into(),
                    values: values.iter().map(|v| Some(*v)).collect(),
                })
                .collect(),
        },
        ..crate::ChartSpec::default()
    });
    draft
}

fn contradictions(draft: &UpdateFields) -> Vec<String> {
    review(draft, &[])
        .findings
        .into_iter()
        .filter(|f| f.rule == "claim-contradicts-chart")
        .map(|f| f.message)
        .collect()
}

const PILOT: &[(&str, &[f64])] = &[
    ("W1", &[9.3, 9.1]),
    ("W2", &[9.6, 9.0]),
    ("W3", &[9.9, 9.2]),
    ("W4", &[10.1, 9.1]),
    ("W5", &[10.2, 9.0]),
    ("W6", &[10.4, 9.1]),
];

#[test]
fn a_level_the_chart_never_reaches_is_a_contradiction_and_one_it_shows_is_not() {
    let header = ["Week", "Pilot", "Control"];
    let wrong = with_chart(
        "Usage nudges lift conversion to 11.4%",
        "Six weeks, 1,400 trials an arm.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    );
    let found = contradictions(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("closest is Pilot at 10.4% (W6)"),
        "{}",
        found[0]
    );
    let right = with_chart(
        "Usage nudges lift conversion to 10.4%",
        "Six weeks, 1,400 trials an arm.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    );
    assert!(
        contradictions(&right).is_empty(),
        "{:?}",
        contradictions(&right)
    );
    // "From 9.3% to 10.4%": both ends are levels the chart shows.
    let both = with_chart(
        "Nudges lift conversion 1.1 points",
        "Pilot conversion went from 9.3% to 10.4% in six weeks.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    );
    assert!(
        contradictions(&both).is_empty(),
        "{:?}",
        contradictions(&both)
    );
    // A cap is not a level: "up to 40%".
    let cap = with_chart(
        "Nudges lift conversion",
        "Discounts of up to 40% were offered.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    );
    assert!(
        contradictions(&cap).is_empty(),
        "{:?}",
        contradictions(&cap)
    );
}

#[test]
fn a_change_in_words_is_checked_against_the_relative_change_both_ways() {
    let header = ["Month", "Sign-ups"];
    let claim = |title: &str, evidence: &str, rows: &[(&str, &[f64])]| {
        contradictions(&with_chart(
            title,
            evidence,
            crate::ChartKind::Bar,
            &header,
            rows,
        ))
    };
    let doubled: &[(&str, &[f64])] = &[("Jan", &[1200.0]), ("Jun", &[2450.0])];
    let grew_a_quarter: &[(&str, &[f64])] = &[("Jan", &[1200.0]), ("Jun", &[1500.0])];
    assert!(claim("Sign-ups doubled after the redesign", "", doubled).is_empty());
    let wrong = claim("Sign-ups doubled after the redesign", "", grew_a_quarter);
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(
        wrong[0].contains("“doubled”") && wrong[0].contains("+25%"),
        "{}",
        wrong[0]
    );

    let fell: &[(&str, &[f64])] = &[("2008", &[90.0]), ("2024", &[31.0])];
    let fell_a_third: &[(&str, &[f64])] = &[("2008", &[90.0]), ("2024", &[60.0])];
    assert!(claim("Sign-ups have fallen by two-thirds since 2008", "", fell).is_empty());
    let wrong = claim(
        "Sign-ups have fallen by two-thirds since 2008",
        "",
        fell_a_third,
    );
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].contains("−33.3%"), "{}", wrong[0]);
    // "More than doubled" is a bound: 2.9 times is more than double.
    let nearly_tripled: &[(&str, &[f64])] = &[("Jan", &[1000.0]), ("Jun", &[2900.0])];
    assert!(claim("Sign-ups more than doubled", "", nearly_tripled).is_empty());
    // In the evidence, a change in words about another measure is not the chart's.
    assert!(claim(
        "Sign-ups grew a quarter",
        "Support tickets doubled over the same months.",
        grew_a_quarter
    )
    .is_empty());
    assert_eq!(
        claim(
            "Sign-ups grew a quarter",
            "Sign-ups doubled over the same months.",
            grew_a_quarter
        )
        .len(),
        1
    );
}

#[test]
fn a_majority_claimed_over_a_chart_of_parts_is_checked_against_the_share() {
    let header = ["Rating", "Projects"];
    let ratings = |amber: f64| -> Vec<(&'static str, Vec<f64>)> {
        vec![
            ("Green", vec![5.0]),
            ("Amber/green", vec![23.0]),
            ("Amber", vec![amber]),
            ("Amber/red", vec![34.0]),
            ("Red", vec![4.0]),
        ]
    };
    let check = |title: &str, amber: f64| {
        let rows = ratings(amber);
        let rows: Vec<(&str, &[f64])> = rows.iter().map(|(l, v)| (*l, v.as_slice())).collect();
        contradictions(&with_chart(
            title,
            "",
            crate::ChartKind::Bar,
            &header,
            &rows,
        ))
    };
    // 65 of 131: the largest group, not most.
    let found = check("Most major projects are rated amber", 65.0);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Amber is 65 of 131 (49.6%), the largest group"),
        "{}",
        found[0]
    );
    // 71 of 137 is most; a superlative or two categories claim nothing.
    assert!(check("Most major projects are rated amber", 71.0).is_empty());
    assert!(check("The most urgent projects are rated amber", 60.0).is_empty());
    assert!(check("Most projects are rated amber or red", 60.0).is_empty());
}

#[test]
fn a_table_of_measures_by_period_is_read_row_by_row_and_claims_under_other_headings_are_held_to_their_measure(
) {
    let report = |text: &str| {
        let story = format!(
            "---\ntitle: Monthly product report\n---\n\n## Positives\n\n{text}\n\n| Measure | 2023 | 2022 |\n|---|---|---|\n| Tenants created | 298 | 172 |\n| New customers | 52 | 70 |\n"
        );
        let draft = crate::story::parse_story(&story)
            .expect("parses")
            .update_fields();
        contradictions(&draft)
    };
    // Columns newest first: 172 → 298 is +73%.
    assert!(report("Tenants created rose by 73%, from 172 in 2022 to 298 in 2023.").is_empty());
    let wrong = report("Tenants created rose by 57%, from 172 in 2022 to 298 in 2023.");
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].contains("Tenants created: +73.3%"), "{}", wrong[0]);
    // A change over another span is not the chart's to judge.
    assert!(report("Tenants created are up 12% since the launch.").is_empty());
}

#[test]
fn a_section_or_a_bold_label_named_for_its_job_stands_in_for_the_beat() {
    let missing = |text: &str| {
        let story = crate::story::parse_story(text).expect("parses");
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "beat-missing" && f.beat == Some(Target::Resolution))
    };
    let headed = "# Reason for outage\n\n## What happened?\nPeer routers flooded the network with routes at 2:17 PM.\n\n\
                  ## How was the problem resolved for the future?\nOur network team put tighter access lists on those peers.\n";
    assert!(!missing(headed));
    let labelled = "# Weeknote\n\nAccess is still the biggest barrier for residents, and devices alone will not fix it.\n\n\
                    **What we're doing.** The skills webpage now has short how-to videos for residents.\n";
    assert!(!missing(labelled));
    // A heading that names no plan leaves the beat missing.
    let topic = "# Reason for outage\n\n## What happened?\nPeer routers flooded the network with routes at 2:17 PM.\n\n\
                 ## Our network\nOur network team put tighter access lists on those peers.\n";
    assert!(missing(topic));
}

#[test]
fn a_direction_claimed_for_every_row_is_checked_row_by_row() {
    let report = |text: &str, bus: &str, tram: &str| {
        let story = format!(
            "---\ntitle: Ridership report\n---\n\n## Ridership\n\n| Mode | Jan-15 | Jan-16 |\n|---|---|---|\n| Bus | 1,460 | {bus} |\n| Rail | 305 | 324 |\n| Tram | 81 | {tram} |\n| System total | 1,846 | 1,833 |\n\n{text}\n"
        );
        let draft = crate::story::parse_story(&story)
            .expect("parses")
            .update_fields();
        contradictions(&draft)
    };
    // Bus and tram fell: "across all modes" is not so.
    let found = report("Ridership grew across all modes.", "1,433", "75");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("Bus and Tram fell"), "{}", found[0]);
    // Every mode grew (the total need not follow its parts); an exception
    // claims nothing of the kind.
    assert!(report("Ridership grew across all modes.", "1,470", "90").is_empty());
    assert!(report(
        "Ridership grew across all modes but the bus.",
        "1,433",
        "75"
    )
    .is_empty());
    // A fall claimed for every mode, when rail rose.
    assert_eq!(
        report("Ridership fell in every mode.", "1,433", "75").len(),
        1
    );
}

#[test]
fn a_table_that_compares_is_evidence_in_a_draft_written_elsewhere() {
    let missing = |table: &str| {
        let text = format!(
            "# Procurement status\n\nThe decision took longer than planned, and more of the budget has gone.\n\n\
             ## Next steps\nThe Board agrees a revised timeline on 12 December.\n\n## Activity\n\n{table}\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(!missing(
        "| Measure | Days |\n|---|---|\n| Approved budget | 147 |\n| Used to date | 153 |"
    ));
    // One figure compares nothing.
    assert!(missing(
        "| Measure | Days |\n|---|---|\n| Used to date | 153 |"
    ));
}

#[test]
fn prices_that_will_change_are_the_decisions_terms_not_its_evidence() {
    let missing = |evidence: &str| {
        let draft = fields(
            "Pound prices rise on 1 January",
            [
                "Enterprise prices are set in dollars and converted.",
                "The pound has fallen against the dollar.",
                "From 1 January 2017, Microsoft will change the prices it charges in pounds.",
                evidence,
            ],
        );
        raises(&draft, "evidence-missing")
    };
    assert!(missing(
        "Most enterprise cloud prices in pounds will rise by 22%."
    ));
    assert!(!missing(
        "The pound fell 16% against the dollar since June."
    ));
}

#[test]
fn what_the_reader_can_now_do_is_the_change_not_its_evidence() {
    let missing = |evidence: &str| {
        let draft = fields(
            "Plans now come in seats of five",
            [
                "Until now, every user you added was charged on its own.",
                "Small teams asked for simpler bills.",
                "During May we will move every account to the new model.",
                evidence,
            ],
        );
        raises(&draft, "evidence-missing")
    };
    assert!(missing(
        "Instead of buying single users, you can now buy a plan for up to 5, 10, 15 or 20 users."
    ));
    assert!(!missing(
        "Customers can now check out in 40 seconds, down from 3 minutes last year."
    ));
}

#[test]
fn a_postmortems_fixes_done_are_its_resolution_but_elsewhere_are_work_done() {
    let missing_resolution = |text: &str| {
        let story = crate::story::parse_story(text).expect("parses");
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "beat-missing" && f.beat == Some(Target::Resolution))
    };
    let incident = "# Management UI briefly unavailable\n\n\
        At 19:12 UTC the Management UI stopped loading for every customer, an outage that ended at 19:32 UTC.\n\n\
        Slow database queries had put undue load on the server.\n\n\
        We have added two extra layers of monitoring to our database servers.\n";
    assert!(!missing_resolution(incident));
    let quarter = "# Our quarter in review\n\n\
        The team grew the product across three markets this year.\n\n\
        Sign-ups slowed in the spring as a rival cut its prices.\n\n\
        We have added two extra layers of monitoring to our database servers.\n";
    assert!(missing_resolution(quarter));
}

#[test]
fn a_planned_window_is_the_plans_terms_not_its_evidence() {
    let missing = |body: &str| {
        let text = format!(
            "# Database migration on 4 January\n\nThe database moves to a new cluster.\n\n\
             **When:** Saturday 4 January, from 10:30pm Pacific time (01:30 Eastern and 06:30 UTC).\n\n{body}\n\n\
             The operations team runs the move and posts updates.\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(missing(
        "**Expected downtime:** Our estimate is roughly 8 minutes. We do not expect it to go beyond 30 minutes."
    ));
    assert!(!missing(
        "The last move, in June, took 42 minutes and failed 3% of requests."
    ));
}

#[test]
fn a_status_pages_stamps_are_no_incident_window() {
    let missing = |body: &str| {
        let text = format!(
            "# Video on by default\n\nA researcher found that the app turns the camera on when a link is opened.\n\n{body}\n\n\
             Update from the pop-up in the app or from the download page.\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(missing(
        "**Update, 9 July, 2:35 pm PT.** The patch is live.\n\n**Update, 9 July, 1:15 pm PT.** We will change the service."
    ));
    assert!(!missing(
        "Video started without consent from 14:02 to 14:40 UTC for every user who opened a link."
    ));
    // The start stated and the stamp of the entry that closed it: a window.
    let entries = "**Resolved.** The camera problem is fixed. Posted Mar 03, 2015 - 18:08 UTC

                   **Investigating.** We are looking into reports of video turning on, which began at 16:05.                    Posted Mar 03, 2015 - 16:19 UTC";
    assert!(!missing(entries));
    // Without the start, the stamps date the posts only.
    assert!(missing(&entries.replace(", which began at 16:05", "")));
}

#[test]
fn a_result_in_the_evidence_is_not_the_scene() {
    let draft = fields(
        "Trial conversion rose after usage nudges",
        [
            "",
            "",
            "",
            "Pilot cohort converted at 18% against 12% before.",
        ],
    );
    let review = review(&draft, &[]);
    let context: Vec<&str> = review
        .findings
        .iter()
        .filter(|f| f.beat == Some(Target::Context))
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(context, ["beat-missing"]);
}

#[test]
fn one_series_set_above_another_is_checked_at_every_point() {
    let report = |text: &str| {
        let story = format!(
            "---\ntitle: Churn analysis\n---\n\n## Survival\n\n{text}\n\n| Days | Publish (%) | New plan (%) |\n|---|---|---|\n| 0 | 97.4 | 95.7 |\n| 30 | 88.2 | 81.2 |\n| 90 | 72.4 | 67.4 |\n"
        );
        let draft = crate::story::parse_story(&story)
            .expect("parses")
            .update_fields();
        contradictions(&draft)
    };
    let found = report("The New plan curve sits above the Publish curve.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("New plan (%) is below Publish (%) at every point"),
        "{}",
        found[0]
    );
    assert!(report("The New plan curve sits below the Publish curve.").is_empty());
    assert!(report("The New plan curve is close to the Publish curve.").is_empty());
    // A preposition places nothing.
    assert!(
        report("New plan is the size under the old default; Publish is the size now.").is_empty()
    );
}

#[test]
fn numbers_and_units_in_words_are_claims_both_ways() {
    let header = ["Week", "Pilot", "Control"];
    let check = |title: &str| {
        contradictions(&with_chart(
            title,
            "Six weeks, 1,400 trials an arm.",
            crate::ChartKind::Line,
            &header,
            PILOT,
        ))
    };
    // The pilot went 9.3 → 10.4: about one point.
    assert!(check("Nudges lift conversion by one point").is_empty());
    assert_eq!(check("Nudges lift conversion by three points").len(), 1);
    assert!(check("Nudges lift conversion to 10.4 percent").is_empty());
    let level = check("Nudges lift conversion to 11.4 per cent");
    assert_eq!(level.len(), 1, "{level:?}");
    assert!(level[0].contains("10.4%"), "{}", level[0]);
    assert!(check("Nudges lift conversion twelve percent").is_empty());
    assert_eq!(check("Nudges lift conversion forty percent").len(), 1);
}

#[test]
fn a_level_in_the_charts_scale_is_checked_in_the_evidence_that_names_the_series() {
    let header = ["Month", "Verify users (millions)"];
    let rows: &[(&str, &[f64])] = &[("Feb 2017", &[1.1]), ("Feb 2019", &[3.6])];
    let in_millions = |evidence: &str| {
        let mut draft = with_chart(
            "Verify users tripled in two years",
            evidence,
            crate::ChartKind::Bar,
            &header,
            rows,
        );
        if let Some(chart) = draft.chart.as_mut() {
            chart.unit = None;
        }
        contradictions(&draft)
    };
    let wrong = in_millions("Users grew from 1.1 million in 2017 to 4.6 million in 2019.");
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(wrong[0].contains("“to 4.6 million”"), "{}", wrong[0]);
    assert!(
        wrong[0].contains("closest is Verify users (millions) at 3.6 (Feb 2019)"),
        "{}",
        wrong[0]
    );
    assert!(in_millions("Users grew from 1.1 million in 2017 to 3.6 million in 2019.").is_empty());
    // A sentence about another measure is not read against this chart.
    assert!(in_millions("Support tickets rose to 4.6 million a year.").is_empty());
}

#[test]
fn a_named_lines_course_in_the_evidence_is_checked_both_ways() {
    let header = ["Quarter", "Our attrition", "Industry benchmark"];
    let rows: &[(&str, &[f64])] = &[
        ("Q1 2021", &[12.4, 13.0]),
        ("Q2 2021", &[14.1, 14.2]),
        ("Q4 2021", &[19.0, 16.5]),
    ];
    let with = |evidence: &str| {
        contradictions(&with_chart(
            "Attrition rose to 19%",
            evidence,
            crate::ChartKind::Line,
            &header,
            rows,
        ))
    };
    // The benchmark climbs 27%: "held flat" is contradicted, by name.
    let flat =
        with("Our attrition rose from 12.4% to 19.0%, while the industry benchmark held flat.");
    assert_eq!(flat.len(), 1, "{flat:?}");
    assert!(
        flat[0].contains("the chart has Industry benchmark rising from 13 to 16.5 (+27%)"),
        "{}",
        flat[0]
    );
    // Said as it is, nothing.
    assert!(with(
        "Our attrition rose from 12.4% to 19.0%, while the industry benchmark rose more slowly."
    )
    .is_empty());
    // A line said to fall that rises.
    assert_eq!(with("The industry benchmark fell over the year.").len(), 1);
    // A clause naming both lines, or denying a course, is not read.
    assert!(with("Our attrition and the industry benchmark stayed flat.").is_empty());
    assert!(with("The industry benchmark did not fall.").is_empty());
}

#[test]
fn a_tests_certainty_is_not_a_level() {
    let header = ["Week", "Pilot", "Control"];
    let sure = with_chart(
        "Nudges lift pilot conversion to 10.4%",
        "Pilot conversion rose to 10.4% at 99.7% confidence.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    );
    assert!(
        contradictions(&sure).is_empty(),
        "{:?}",
        contradictions(&sure)
    );
}

#[test]
fn over_categories_a_direction_is_read_against_their_sum_unless_the_title_names_one() {
    let header = ["Region", "Before", "After"];
    let tickets: &[(&str, &[f64])] = &[
        ("US", &[120.0, 95.0]),
        ("EU", &[110.0, 80.0]),
        ("Asia", &[70.0, 78.0]),
    ];
    // Counts of tickets, which add up (the helper's charts are in %).
    let counts = |title: &str| {
        let mut draft = with_chart(
            title,
            "Tickets per region.",
            crate::ChartKind::Bar,
            &header,
            tickets,
        );
        if let Some(chart) = draft.chart.as_mut() {
            chart.unit = None;
        }
        draft
    };
    let wrong = counts("Support tickets climbed after the help-centre launch");
    let found = contradictions(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("After is below Before in total (253 against 300)"),
        "{}",
        found[0]
    );
    // "Asia" is one category, and it rose: no contradiction with the sum.
    let one = counts("Support tickets climbed in Asia after the launch");
    assert!(
        contradictions(&one).is_empty(),
        "{:?}",
        contradictions(&one)
    );
}

#[test]
fn a_direction_its_latest_step_takes_is_no_contradiction_of_the_whole_line() {
    let header = ["Year", "Recycled (%)"];
    let years: &[(&str, &[f64])] = &[
        ("2014/15", &[38.8]),
        ("2016/17", &[48.6]),
        ("2017/18", &[52.1]),
        ("2018/19", &[45.8]),
    ];
    let line = |title: &str| {
        with_chart(
            title,
            "Recycling by year.",
            crate::ChartKind::Line,
            &header,
            years,
        )
    };
    let latest = line("Council puts its fall in recycling down to the weather");
    assert!(
        contradictions(&latest).is_empty(),
        "{:?}",
        contradictions(&latest)
    );
    // A rise is neither the whole line's course nor its latest step's
    // only when the line fell over all and in its last step.
    let falling: &[(&str, &[f64])] = &[
        ("2014/15", &[52.1]),
        ("2017/18", &[48.6]),
        ("2018/19", &[45.8]),
    ];
    let wrong = with_chart(
        "Recycling rose again this year",
        "Recycling by year.",
        crate::ChartKind::Line,
        &header,
        falling,
    );
    assert_eq!(
        contradictions(&wrong).len(),
        1,
        "{:?}",
        contradictions(&wrong)
    );
}

#[test]
fn falling_short_of_a_target_is_a_miss_not_a_direction() {
    let header = ["Infection", "Cases", "Target"];
    let cases: &[(&str, &[f64])] = &[
        ("MRSA bacteraemia", &[15.0, 11.0]),
        ("C.diff", &[111.0, 128.0]),
    ];
    let draft = |title: &str| {
        let mut draft = with_chart(
            title,
            "Cases in the year.",
            crate::ChartKind::Bar,
            &header,
            cases,
        );
        if let Some(chart) = draft.chart.as_mut() {
            chart.unit = None;
        }
        draft
    };
    let miss = draft("Hospitals fall short on MRSA but meet their C diff target");
    assert!(
        contradictions(&miss).is_empty(),
        "{:?}",
        contradictions(&miss)
    );
    // A fall that is one is still held to the row the title names.
    let wrong = draft("MRSA cases fell against the target");
    let found = contradictions(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("15 against 11"), "{}", found[0]);
}

#[test]
fn a_direction_the_chart_does_not_take_is_a_contradiction_with_the_true_statement() {
    let header = ["Quarter", "Net adds"];
    let falling: &[(&str, &[f64])] = &[
        ("Q4 2020", &[8.5]),
        ("Q1 2021", &[4.0]),
        ("Q2 2021", &[1.5]),
    ];
    let wrong = with_chart(
        "Net adds keep climbing",
        "Three quarters of member data.",
        crate::ChartKind::Line,
        &header,
        falling,
    );
    let found = contradictions(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Net adds falls from 8.5 to 1.5 (Q4 2020 to Q2 2021)"),
        "{}",
        found[0]
    );
    let right = with_chart(
        "Net adds keep falling",
        "Three quarters of member data.",
        crate::ChartKind::Line,
        &header,
        falling,
    );
    assert!(contradictions(&right).is_empty());
    // The pilot's gap over control is up: "lifts" agrees, "cuts" does not.
    let header = ["Week", "Pilot", "Control"];
    assert!(contradictions(&with_chart(
        "Usage nudges lift conversion",
        "Six weeks.",
        crate::ChartKind::Line,
        &header,
        PILOT
    ))
    .is_empty());
    let found = contradictions(&with_chart(
        "Usage nudges cut conversion",
        "Six weeks.",
        crate::ChartKind::Line,
        &header,
        PILOT,
    ));
    assert!(
        found[0].contains("Pilot rises from 9.3 to 10.4 (W1 to W6)"),
        "{found:?}"
    );
    // The verb speaks of the measure's own course, not its gap to a target.
    let target: &[(&str, &[f64])] = &[("Jan", &[6.0, 4.0]), ("Jun", &[5.2, 4.0])];
    assert!(contradictions(&with_chart(
        "Churn falls after the fix",
        "Six months.",
        crate::ChartKind::Line,
        &["Month", "Churn", "Target"],
        target
    ))
    .is_empty());
    // "Improving" a service whose backlog falls is no contradiction.
    let backlog: &[(&str, &[f64])] = &[("End of Sept", &[3896.0]), ("End of Jan", &[2071.0])];
    assert!(contradictions(&with_chart(
        "Improving our repairs service",
        "Five months.",
        crate::ChartKind::Line,
        &["Month", "Outstanding jobs"],
        backlog
    ))
    .is_empty());
    // "Improves" follows which way is better: churn going down improves.
    let churn: &[(&str, &[f64])] = &[("Jan", &[4.8]), ("Jun", &[3.1])];
    let header = ["Month", "Monthly churn"];
    assert!(contradictions(&with_chart(
        "Annual plans improve churn",
        "Six months.",
        crate::ChartKind::Line,
        &header,
        churn
    ))
    .is_empty());
    assert_eq!(
        contradictions(&with_chart(
            "Annual plans worsen churn",
            "Six months.",
            crate::ChartKind::Line,
            &header,
            churn
        ))
        .len(),
        1
    );
    // A denied direction, or two, are not read.
    assert!(contradictions(&with_chart(
        "Net adds no longer grow",
        "Three quarters.",
        crate::ChartKind::Line,
        &["Quarter", "Net adds"],
        falling
    ))
    .is_empty());
    assert!(contradictions(&with_chart(
        "Price rise cuts sign-ups",
        "Three quarters.",
        crate::ChartKind::Line,
        &["Quarter", "Net adds"],
        &[("Q1", &[1.0]), ("Q2", &[2.0])]
    ))
    .is_empty());
}

#[test]
fn a_change_computed_from_rounded_values_gets_their_slack() {
    // 9.3 → 10.4 is +11.8%, but 9.3 and 10.4 stand for 9.25–9.35 and
    // 10.35–10.45: anything from +10.7% to +13.0% is the same data.
    let header = ["Week", "Pilot"];
    let rows: &[(&str, &[f64])] = &[("W1", &[9.3]), ("W6", &[10.4])];
    let exact = with_chart(
        "Nudges lift conversion 12.5%",
        "Six weeks.",
        crate::ChartKind::Line,
        &header,
        rows,
    );
    assert!(
        contradictions(&exact).is_empty(),
        "{:?}",
        contradictions(&exact)
    );
    let beyond = with_chart(
        "Nudges lift conversion 14%",
        "Six weeks.",
        crate::ChartKind::Line,
        &header,
        rows,
    );
    assert_eq!(contradictions(&beyond).len(), 1);
    // A claim with more digits is held to them: 11.84% is within the data's
    // rounding, 13.5% is not.
    assert!(contradictions(&with_chart(
        "Nudges lift conversion 11.84%",
        "Six weeks.",
        crate::ChartKind::Line,
        &header,
        rows
    ))
    .is_empty());
    assert_eq!(
        contradictions(&with_chart(
            "Nudges lift conversion 13.5%",
            "Six weeks.",
            crate::ChartKind::Line,
            &header,
            rows
        ))
        .len(),
        1
    );
}

fn with_metric(evidence: &str, value: &str, baseline: &str, sample: &str) -> UpdateFields {
    let mut draft = fields(
        "Usage nudges lift trial conversion 1.3 points",
        [
            "Trial users leave in week two.",
            "A longer trial costs support hours.",
            "The Growth squad ships nudges to every trial by 15 January.",
            evidence,
        ],
    );
    draft.evidence = Evidence::Metric(MetricEvidence {
        value: value.into(),
        unit: "trial conversion".into(),
        baseline: baseline.into(),
        window: "6 weeks".into(),
        source: "Billing export".into(),
        sample: sample.into(),
    });
    draft
}

fn messages(draft: &UpdateFields, rule: &str) -> Vec<String> {
    review(draft, &[])
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message)
        .collect()
}

#[test]
fn the_slides_note_gives_the_interval_and_says_whether_it_could_be_noise() {
    use crate::coach::significance::slide_note;
    // The intervals computed by hand in the test below: −0.9 to +3.5
    // points on 1,420 and 1,410 trials; +0.6 to +2.0 on ten times as many.
    let noisy = with_metric("Six weeks.", "10.4%", "9.1% in control", "1420, 1410");
    assert_eq!(
        slide_note(&noisy).as_deref(),
        Some("Difference +1.3 points, could be noise: 95% interval −0.9 to +3.5 points (10.4% of 1,420 against 9.1% of 1,410)")
    );
    let real = with_metric(
        "Pilot converted 10.4% of 14,200 trials, control 9.1% of 14,100.",
        "10.4%",
        "9.1% in control",
        "",
    );
    assert_eq!(
        slide_note(&real).as_deref(),
        Some("Difference +1.3 points, not noise: 95% interval +0.6 to +2.0 points (10.4% of 14,200 against 9.1% of 14,100)")
    );
    // No group sizes: nothing to print.
    let bare = with_metric("Six weeks.", "10.4%", "9.1% in control", "");
    assert_eq!(slide_note(&bare), None);
}

#[test]
fn a_lift_within_noise_is_said_with_its_interval() {
    // 10.4% of 1,420 against 9.1% of 1,410. By hand (Wilson, z = 1.96):
    // pilot 0.0892–0.1210, control 0.0771–0.1071; d = +0.013, interval
    // 0.013 − √(0.0148² + 0.0161²) = −0.009 to 0.013 + √(0.0170² + 0.0139²)
    // = +0.035: −0.9 to +3.5 points, holding zero.
    let noisy = with_metric(
        "Six weeks, pilot against control.",
        "10.4%",
        "9.1% in control",
        "1420, 1410",
    );
    let found = messages(&noisy, "difference-within-noise");
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .contains("95% interval −0.9 to +3.5 points (10.4% of 1,420 against 9.1% of 1,410)"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("The 1.3-point difference could be noise"),
        "{}",
        found[0]
    );
    // Ten times the trials, written in the text: +0.6 to +2.0 points, real.
    let real = with_metric(
        "Pilot converted 10.4% of 14,200 trials, control 9.1% of 14,100.",
        "10.4%",
        "9.1% in control",
        "",
    );
    assert!(messages(&real, "difference-within-noise").is_empty());
    assert!(
        messages(&real, "sample-size-missing").is_empty(),
        "the text gives the sizes"
    );
    // The same groups in the text, at the small size, are noise too.
    let in_text = with_metric(
        "Pilot converted 10.4% of 1,420 trials, control 9.1% of 1,410.",
        "10.4%",
        "9.1% in control",
        "",
    );
    assert_eq!(messages(&in_text, "difference-within-noise").len(), 1);
}

#[test]
fn two_rates_without_their_sizes_get_a_tip() {
    let without = with_metric(
        "Six weeks, pilot against control.",
        "10.4%",
        "9.1% in control",
        "",
    );
    assert_eq!(messages(&without, "sample-size-missing").len(), 1);
    let with = with_metric(
        "Six weeks, pilot against control.",
        "10.4%",
        "9.1% in control",
        "1420, 1410",
    );
    assert!(messages(&with, "sample-size-missing").is_empty());
    // A level against a norm, not two groups: nothing to size.
    let norm = with_metric(
        "Availability on the day.",
        "99%",
        "99.999% on a normal day",
        "",
    );
    assert!(messages(&norm, "sample-size-missing").is_empty());
    // A count, not two rates: nothing to size.
    let count = with_metric("Six weeks.", "1,240 sign-ups", "980 the quarter before", "");
    assert!(messages(&count, "sample-size-missing").is_empty());
    // In prose: two groups' rates with no sizes, or with them.
    let prose = |evidence: &str| {
        let mut draft = fields(
            "The free-speech subject line did not win",
            [
                "We test subject lines on every send.",
                "Opens have stalled for a year.",
                "Growth runs the next test by 1 August.",
                evidence,
            ],
        );
        draft.evidence = crate::Evidence::None;
        messages(&draft, "sample-size-missing").len()
    };
    assert_eq!(
        prose("Opened by 19.9% of recipients against 20.4% for the control, 13–14 July. The test needed a sample of 42,595."),
        1
    );
    assert_eq!(
        prose("Opened by 19.9% of 21,300 recipients against 20.4% of 21,295 in the control, 13–14 July."),
        0
    );
    assert_eq!(
        prose("Opens rose from 19.9% to 20.4% over July."),
        0,
        "one measure over time"
    );
}

#[test]
fn an_empty_evidence_beat_is_missing_only_when_nothing_in_the_update_backs_it() {
    let missing_evidence = |context: &str| {
        review(
            &fields(
                "Move the crew ashore now",
                [
                    context,
                    "No room to isolate on board.",
                    "Approve the move by Friday.",
                    "",
                ],
            ),
            &[],
        )
        .findings
        .into_iter()
        .any(|f| f.rule == "evidence-missing" && f.beat == Some(Target::Evidence))
    };
    // A memo's situation carries the number: the proof is there.
    assert!(!missing_evidence(
        "114 of our 4,000 crew have tested positive."
    ));
    assert!(missing_evidence("Crew members have tested positive."));
    // An aside the writer put in brackets backs nothing.
    assert!(missing_evidence(
        "Crew members have tested positive. (By the way, 3% of our ships are in port.)"
    ));
    assert!(missing_evidence(
        "Crew members have tested positive. (In case you wonder, 3% of our ships are in port. Most sail on.)"
    ));
    assert!(!missing_evidence(
        "Crew members have tested positive: 3% of our crew so far."
    ));
    // A proposal's own sums say what is decided, not why.
    assert!(missing_evidence(
        "Crew members have tested positive. Together the measures save about $1.5M in 2026."
    ));
    assert!(missing_evidence(
        "Crew members have tested positive. Moving the crew to a hotel costs $40,000 a week."
    ));
    // The activity and what it drew are read apart.
    assert!(missing_evidence(
        "We ran 78 briefings and recorded 55 hours of advice."
    ));
    assert!(!missing_evidence(
        "We ran 78 briefings, and 1,300 crew members came along."
    ));
}

#[test]
fn evidence_that_only_counts_what_the_team_shipped_is_no_evidence() {
    let with = |evidence: &str| {
        rules_found(&fields(
            "Premium moves to $29 in April",
            [
                "Premium has cost $19 for five years.",
                "The tier now covers far more than it did, and the price no longer pays for it.",
                "Pricing moves new subscriptions to $29 from 3 April.",
                evidence,
            ],
        ))
    };
    assert!(
        with("Since the last change the team has shipped more than 400 features.")
            .contains(&"evidence-missing".to_owned())
    );
    assert!(
        !with("Since the last change, win rates against the rival rose from 31% to 38%.")
            .contains(&"evidence-missing".to_owned())
    );
}

/// An update whose chart is the method's allocation: upsell 55 of 100
/// cost, the renewal push 15 (core 70 %), freemium 20 (adjacent), the
/// moonshot 10 (transformational).
fn on_the_allocation(title: &str, resolution: &str) -> UpdateFields {
    use crate::portfolio::{
        Bucket, Horizon, Initiative, PortfolioSettings, PortfolioSnapshot, ValueAxis,
    };
    let item = |name: &str, bucket, cost| Initiative {
        name: name.into(),
        bucket: Some(bucket),
        horizon: Some(Horizon::Now),
        cost: Some(cost),
        ..Initiative::default()
    };
    let portfolio = [
        item("Upsell bundles for teams", Bucket::Core, 55.0),
        item("Renewal push", Bucket::Core, 15.0),
        item("Freemium experiment", Bucket::Adjacent, 20.0),
        item("Underwriting moonshot", Bucket::Transformational, 10.0),
    ];
    let mut draft = fields(title, ["c", "d", resolution, "e"]);
    draft.chart = Some(crate::ChartSpec {
        kind: crate::ChartKind::Allocation,
        title: "Effort matches 70/20/10".into(),
        alt: "Allocation".into(),
        portfolio: Some(PortfolioSnapshot::of(
            &portfolio,
            &PortfolioSettings::default(),
            "2026-12-07".parse().unwrap(),
            ValueAxis::Npv,
        )),
        ..crate::ChartSpec::default()
    });
    draft
}

#[test]
fn a_share_of_effort_the_allocation_bears_out_stands_and_one_it_does_not_is_flagged() {
    // Upsell is core, and core takes 70 %: the writer's reading holds.
    let right = on_the_allocation(
        "Keep 70 % of effort on upsell",
        "Put 20% of budget into the freemium experiment.",
    );
    assert!(
        contradictions(&right).is_empty(),
        "{:?}",
        contradictions(&right)
    );
    // Neither upsell (55 %) nor core (70 %) nor its target is 80 %.
    let wrong = on_the_allocation(
        "Keep 80 % of effort on upsell",
        "Put 20% of budget into the freemium experiment.",
    );
    let found = contradictions(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("80 %")
            && found[0].contains("Upsell bundles for teams 55 %")
            && found[0].contains("core 70 %"),
        "{}",
        found[0]
    );
    // A bucket named outright, and a target quoted as such.
    let bucket = on_the_allocation(
        "Portfolio review",
        "New bets get 25 percent of capacity; moonshots get 10% of the budget.",
    );
    let found = contradictions(&bucket);
    assert_eq!(
        found.len(),
        1,
        "new bets get 10 %, not 25; the moonshots' 10 % stands: {found:?}"
    );
    assert!(found[0].starts_with("“25 %”"), "{}", found[0]);
    let bucket = on_the_allocation(
        "Portfolio review",
        "We spend 25 percent of capacity on moonshots.",
    );
    let found = contradictions(&bucket);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("transformational 10 %"), "{}", found[0]);
}

#[test]
fn a_percentage_that_is_not_a_share_of_effort_is_left_alone() {
    let draft = on_the_allocation(
        "Upsell lifted NRR 12%",
        "Conversion on upsell rose 30% in the pilot.",
    );
    assert!(
        contradictions(&draft).is_empty(),
        "{:?}",
        contradictions(&draft)
    );
}

#[test]
fn a_go_no_go_needs_a_linked_kill_criterion_only_where_the_workspace_knows() {
    let mut draft = fields(
        "Go: the discount reaches every market on 15 January",
        [
            "We piloted the discount in two markets.",
            "Finance wants cash now; margin suffers.",
            "Go on 15 January; the billing team rolls out.",
            "22% chose annual billing, against 9% in control.",
        ],
    );
    draft.template = Some(crate::template::TemplateId::GoNoGo);
    let fires = |draft: &UpdateFields, context: &JournalContext| {
        review_with(draft, &[], context)
            .findings
            .iter()
            .any(|f| f.rule == "template-kill-criterion")
    };
    let rule = |context: &JournalContext| fires(&draft, context);
    assert!(
        !rule(&JournalContext::default()),
        "a story file alone: unknown, silent"
    );
    let none_linked = JournalContext {
        kill_criteria: Some(0),
        ..JournalContext::default()
    };
    assert!(rule(&none_linked));
    assert!(
        !review_with(&draft, &[], &none_linked).ready,
        "an error blocks ready"
    );
    let linked = JournalContext {
        kill_criteria: Some(1),
        ..JournalContext::default()
    };
    assert!(!rule(&linked));
    // Without the template, nothing is asked of it.
    let plain = UpdateFields {
        template: None,
        ..draft.clone()
    };
    assert!(!fires(&plain, &none_linked));
}

#[test]
fn every_template_skeleton_reads_back_with_its_template_and_prompts_as_comments() {
    for id in crate::template::TemplateId::ALL {
        let text = id.template().skeleton("2026-12-07");
        let story = crate::story::parse_story(&text).unwrap();
        assert_eq!(story.fields.template, Some(id), "{text}");
        assert_eq!(crate::template::TemplateId::parse(id.as_str()), Some(id));
        assert!(text.contains(id.template().resolution.prompt));
    }
}

#[test]
fn a_resolution_needs_an_owner_or_a_date_and_a_bare_we_is_no_owner() {
    let flagged = |resolution: &str| {
        let draft = fields(
            "Usage alerts cut surprise bills by half",
            [
                "Customers pay overage.",
                "Bills surprise them.",
                resolution,
                "Tickets fell 50%.",
            ],
        );
        review(&draft, &[])
            .findings
            .iter()
            .any(|f| f.rule == "resolution-no-owner-or-date")
    };
    assert!(flagged("We should get to it soon, before it escalates."));
    assert!(flagged("Data residency is important to us going forward."));
    // Now is a time: the reader is told to act straight away.
    assert!(!flagged(
        "Stop using the recalled fax machines straight away and unplug them."
    ));
    assert!(flagged(
        "We should stop using the old fax machines and unplug them."
    ));
    // An appeal: the reader gives.
    assert!(!flagged(
        "Donations can be made through the centre's page on Crowdfunder."
    ));
    assert!(!flagged(
        "The Billing team adds usage alerts at 80% of each allowance."
    ));
    assert!(!flagged("We ship usage alerts to every plan by 15 March."));
    assert!(!flagged("Dana's squad ships usage alerts."));
    // The public asked to act, a board asked to approve: they own it.
    assert!(!flagged(
        "Through the media we are asking the public to use the 999 number wisely."
    ));
    assert!(!flagged(
        "Approve the adjustments to district programs arising from the budget reductions."
    ));
    // Done by the writer's team: "we brought up", "we then checked".
    assert!(!flagged(
        "We brought up extra nodes and returned the cluster to a stable state."
    ));
    assert!(!flagged(
        "We then checked that every service was available again."
    ));
    // A system named in passing is nobody; a name that acts or owns is.
    assert!(flagged(
        "Restore the PostgreSQL replica and test LVM snapshots hourly."
    ));
    assert!(!flagged("Platform owns the replica restore."));
    assert!(!flagged(
        "Replica restores, owned by Platform, start after the freeze."
    ));
    // A recurring time is a when; whoever is asked is a who.
    assert!(!flagged("We will run the survey every six months."));
    assert!(!flagged("Users are asked to set a new password."));
    assert!(!flagged(
        "Please try the new alerts and tell us what you think."
    ));
    assert!(flagged("We will run the survey again."));
    // A year ahead is a when, and the reader asked is a who.
    assert!(!flagged("As we head into 2027, we will ship usage alerts."));
    assert!(!flagged("We will focus on error messages during 2027."));
    // An action under way takes effect now.
    assert!(!flagged(
        "We are keeping the 200-point version as the default."
    ));
    assert!(flagged("We are planning to keep the 200-point version."));
    // Whoever a recommendation names acts.
    assert!(!flagged(
        "GAO recommends that VA write guidance on assigning equipment planners."
    ));
    assert!(flagged("We recommend that guidance is written."));
    assert!(flagged("We will focus on error messages."));
    assert!(!flagged("I ask you to help us ship usage alerts."));
}

#[test]
fn a_window_is_a_span_word_a_year_or_a_named_span() {
    let incomplete = |evidence: &str| {
        let draft = fields(
            "Sign-ups rose 40%",
            [
                "Visitors leave.",
                "Few sign up.",
                "Growth ships it by March.",
                evidence,
            ],
        );
        review(&draft, &[])
            .findings
            .iter()
            .any(|f| f.rule == "metric-incomplete")
    };
    assert!(incomplete("Sign-ups rose from 8.26% to 11.6%."));
    assert!(!incomplete("Sign-ups rose from 8.26% to 11.6% over 2021."));
    assert!(!incomplete(
        "Sign-ups rose from 8.26% to 11.6% over the campaign."
    ));
    assert!(!incomplete(
        "Sign-ups rose from 8.26% to 11.6% in six weeks."
    ));
}

#[test]
fn a_chart_of_two_groups_is_the_evidence_comparison() {
    let evidence = "Donor conversion reached 0.16% in August 2018.";
    let incomplete = |draft: &UpdateFields| {
        review(draft, &[])
            .findings
            .iter()
            .any(|f| f.rule == "metric-incomplete")
    };
    let alone = fields(
        "Active agreement doubles donor conversion",
        [
            "Visitors sign an open letter.",
            "Sign-ups cannot grow further.",
            "Growth ships it by March.",
            evidence,
        ],
    );
    assert!(incomplete(&alone));
    let charted = with_chart(
        "Active agreement doubles donor conversion",
        evidence,
        crate::ChartKind::Bar,
        &["Treatment", "Conversion"],
        &[("Control", &[0.08]), ("Active agreement", &[0.16])],
    );
    assert!(!incomplete(&charted));
    // One bar compares nothing.
    let one_bar = with_chart(
        "Active agreement doubles donor conversion",
        evidence,
        crate::ChartKind::Bar,
        &["Treatment", "Conversion"],
        &[("Active agreement", &[0.16])],
    );
    assert!(incomplete(&one_bar));
}

fn rule_spans(draft: &UpdateFields, rule: &str) -> Vec<(Target, String)> {
    review(draft, &[])
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.beat.unwrap_or(Target::Title), f.message))
        .collect()
}

#[test]
fn a_hedge_softens_the_ask_not_a_description() {
    let draft = |context: &str, resolution: &str| {
        fields(
            "Move reads to the replica by March",
            [
                context,
                "Failover takes 40 minutes today.",
                resolution,
                "Failover took 40 minutes on 21 October.",
            ],
        )
    };
    let plain = "When a primary seems to disappear, the orchestrator promotes a replica.";
    assert!(rule_spans(
        &draft(plain, "The platform team moves reads by 1 March."),
        "hedge"
    )
    .is_empty());
    assert_eq!(
        rule_spans(
            &draft(plain, "We might perhaps move reads by 1 March."),
            "hedge"
        )
        .len(),
        2
    );
    // "This kind of failure" is a noun; "I think" is the writer's hedge anywhere.
    assert!(rule_spans(
        &draft(
            plain,
            "This kind of failure ends when the platform team moves reads by 1 March."
        ),
        "hedge"
    )
    .is_empty());
    assert_eq!(
        rule_spans(
            &draft(
                "I think the replica is behind.",
                "The platform team moves reads by 1 March."
            ),
            "hedge"
        )
        .len(),
        1
    );
}

#[test]
fn an_acronym_is_not_a_memo_header_a_dotted_name_or_a_time_zone() {
    let acronyms = |context: &str| {
        rule_spans(
            &fields(
                "Move reads to the replica by March",
                [
                    context,
                    "Failover takes 40 minutes today.",
                    "The platform team moves reads by 1 March.",
                    "Failover took 40 minutes on 21 October.",
                ],
            ),
            "undefined-acronym",
        )
        .len()
    };
    assert_eq!(acronyms("The MTTR of the PGX cluster rose."), 2);
    assert_eq!(acronyms("TO: the board. FROM: the platform team."), 0);
    assert_eq!(acronyms("Pages on GOV.UK failed from 14:00 UTC."), 0);
    assert_eq!(
        acronyms("The PRO plan moved 2 GB limits to SSL traffic."),
        0
    );
}

#[test]
fn counting_units_of_planned_work_is_activity_not_evidence() {
    let missing = |evidence: &str| {
        let draft = fields(
            "Time is amber on the transformation programme",
            [
                "Cabinet monitors every chartered project.",
                "Actions are slipping past their deadlines.",
                "The Transformation Team adds two officers by June.",
                evidence,
            ],
        );
        !rule_spans(&draft, "evidence-missing").is_empty()
    };
    assert!(missing("18 of the 110 actions are overdue."));
    assert!(missing("We ran 12 workshops in April."));
    assert!(!missing(
        "Conversion 3.4% this week vs 2.6% last week, 41k sessions."
    ));
    assert!(!missing(
        "Overdue actions cost the programme £1.2m in April, against £0.4m in March."
    ));
}

#[test]
fn a_tables_rows_never_stand_in_for_a_missing_conflict_or_resolution() {
    let missing = |table_header: &str| {
        let text = format!(
            "---\ntitle: Daily learners rose 52% in Q3\n---\n\n\
             Daily learners rose from 9.8 million to 14.9 million in a year.\n\n\
             {table_header}\n|---|---|---|---|\n| Daily learners | 9.8M | 14.9M | +52% |\n\
             | Net loss | $(29.0)M | $(18.4)M | |\n"
        );
        let story = crate::story::parse_story(&text).unwrap();
        review(&story.update_fields(), &[])
            .findings
            .into_iter()
            .filter(|f| f.rule == "beat-missing")
            .filter_map(|f| f.beat)
            .collect::<Vec<_>>()
    };
    // A header that reads like a plan ("we will…") or a row of losses is
    // data, not the resolution or the conflict.
    let found = missing("| What we will report | Q3 2021 | Q3 2022 | Change |");
    assert!(found.contains(&Target::Resolution), "{found:?}");
    assert!(found.contains(&Target::Conflict), "{found:?}");
}

#[test]
fn an_outcome_the_evidence_rule_counts_is_no_activity_report() {
    let activity = |evidence: &str| {
        let draft = fields(
            "Launch day brought in our first users",
            [
                "We launched the app on 1 May after six months of work.",
                "Nobody knew whether anyone wanted it.",
                "We keep the sign-up page open through May.",
                evidence,
            ],
        );
        !rule_spans(&draft, "activity-not-outcome").is_empty()
    };
    assert!(activity("We shipped 14 features and held 3 demos."));
    // People who joined are what changed for the business, as the evidence
    // rule reads it.
    assert!(!activity(
        "We shipped 14 features. Close to 600 new users joined on launch day."
    ));
}

#[test]
fn an_outcome_told_in_words_is_no_activity_report() {
    let activity = |last: &str| {
        let text = format!(
            "---\ntitle: Chat moves to the new network\n---\n\n\
             We switched on federation last week and shipped 30 fixes.\n\n{last}\n"
        );
        let story = crate::story::parse_story(&text).unwrap();
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "activity-not-outcome")
    };
    assert!(!activity(
        "Our main channels already have more participants than the old network had at its busiest."
    ));
    // More of the team's own output is still activity.
    assert!(activity(
        "The help page carries more how-to material than it did a week ago."
    ));
    // The share a failure hit is its outcome.
    assert!(!activity("About 40% of chat rooms were delayed."));
}

#[test]
fn a_draft_written_elsewhere_may_give_its_plans_owner_or_date_in_any_paragraph() {
    let flagged = |last: &str| {
        let text = format!(
            "---\ntitle: We are retiring Reader on 1 July\n---\n\n\
             Reader launched in 2005. Its use has declined, and we are putting our energy into fewer products.\n\n\
             We believe a narrower focus will serve users better.\n\n\
             {last}\n"
        );
        let story = crate::story::parse_story(&text).unwrap();
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "resolution-no-owner-or-date")
    };
    assert!(!flagged("So on 1 July 2013 we will retire Reader."));
    assert!(flagged("So we will retire Reader."));
}

#[test]
fn a_title_verb_over_a_table_of_measures_is_checked_only_on_the_measure_it_names() {
    let header = ["Measure", "Q4 2008", "Q4 2007", "FY 2008", "FY 2007"];
    let rows: &[(&str, &[f64])] = &[
        ("Net sales", &[36.5, 32.4, 139.6, 123.0]),
        ("Operating income", &[11.4, 8.6, 44.4, 35.0]),
        (
            "Net earnings (excluding the fiscal 2007 tax benefit)",
            &[7.7, 6.4, 30.2, 24.3],
        ),
    ];
    let over_the_table = |title: &str| {
        contradictions(&with_chart(
            title,
            "Fiscal 2008 against fiscal 2007.",
            crate::ChartKind::Bar,
            &header,
            rows,
        ))
    };
    // The dividend is not in the table: nothing to check it against.
    let found = over_the_table(
        "The company reports a record year, increases its regular cash dividend rate and reaffirms guidance",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_remedy_already_made_needs_no_date_and_a_season_is_a_date() {
    let flagged = |resolution: &str| {
        let draft = fields(
            "The leaked key is revoked",
            [
                "A test key was pushed to a public repository.",
                "Anyone could have sent mail as us.",
                resolution,
                "The key was public for 41 minutes.",
            ],
        );
        !rule_spans(&draft, "resolution-no-owner-or-date").is_empty()
    };
    assert!(!flagged(
        "We revoked the key and issued a replacement, which closed the hole."
    ));
    assert!(!flagged(
        "We have added a check that runs before every deploy; it will block such keys."
    ));
    assert!(!flagged(
        "When the contract ends next summer, we will move the files."
    ));
    assert!(!flagged(
        "As a precaution we have reset the password of every affected user."
    ));
    assert!(!flagged(
        "The company has added security layers and tightened access rules."
    ));
    assert!(!flagged("This post marks the end of life for the app."));
    // An organisation acting is an owner.
    assert!(!flagged(
        "The company is contacting every affected user to say what was taken."
    ));
    assert!(!flagged(
        "The move signals that Tesco plans to leave the market."
    ));
    // An instruction to the reader names who acts: the reader.
    assert!(!flagged(
        "If you were affected, you will need to set a new password when you sign in."
    ));
    // A plan beside the remedy still needs its handle.
    assert!(flagged(
        "We revoked the key, and we will review how keys are stored."
    ));
}

#[test]
fn a_research_read_out_reports_findings_not_activity() {
    let activity = |findings: &str| {
        let draft = fields(
            "Testing the prototype with residents",
            [
                "This was the eighth week of the discovery.",
                "Applicants re-type details the council holds.",
                "We plan changes to the prototype before the show and tell.",
                &format!("This week we ran user research sessions with 6 residents. {findings}"),
            ],
        );
        !rule_spans(&draft, "activity-not-outcome").is_empty()
    };
    assert!(activity("We also held 3 workshops."));
    assert!(!activity(
        "Participants could not see why we wanted the dates. The research showed us a better document to ask for."
    ));
}

#[test]
fn a_plans_own_figure_is_neither_the_evidence_nor_its_stand_in() {
    let text = "---\ntitle: We move our files off the cloud next summer\n---\n\n\
                Our storage contract with the cloud provider ends soon.\n\n\
                We will move the 18 petabytes, 40% of our data, to our own racks in July.\n";
    let story = crate::story::parse_story(text).unwrap();
    let findings = review(&story.update_fields(), &[]).findings;
    assert!(findings.iter().any(|f| f.rule == "evidence-missing"));
    // The coach does not also say the evidence's job is done elsewhere.
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "beat-unplaced" && f.beat == Some(Target::Evidence)),
        "{findings:?}"
    );
}

#[test]
fn a_titles_vague_change_is_answered_by_the_numbers_below_it() {
    let title_flagged = |evidence: &str| {
        let draft = fields(
            "The easier event improved retention and ad revenue",
            [
                "New players got a seven-day Halloween event.",
                "A goal that feels like a grind loses players.",
                "We are keeping the 200-point version as the default.",
                evidence,
            ],
        );
        review(&draft, &[])
            .findings
            .iter()
            .any(|f| f.rule == "vague-word" && f.beat == Some(Target::Title))
    };
    assert!(!title_flagged(
        "Day-1 retention was 30.9% against 30.4% without the event."
    ));
    assert!(title_flagged("Players clearly liked the event."));
}

#[test]
fn a_list_its_opening_line_sets_in_the_past_asks_for_nothing_now() {
    let draft = |opening: &str| {
        format!(
            "# Profiles nobody used\n\nWhen we launched the messenger, it came with profiles.\n\n\
             Hardly anyone used them: only 13% of customers filled one in.\n\n\
             ## Getting started\n\n{opening}\n\n\
             1. Raise adoption among users whose profile is missing.\n\
             2. Make it easy for users to edit their profile.\n"
        )
    };
    assert!(resolution_missing(&draft(
        "Every project begins with a short list of goals. Ours looked like this:"
    )));
    assert!(!resolution_missing(&draft("Our goals for next quarter:")));
    assert!(resolution_missing(&draft(
        "We get to know our volunteers, which helps us to:"
    )));
    assert!(!resolution_missing(&draft("Next quarter we need to:")));
    assert!(resolution_missing(&draft(
        "This paper comes to the Board to:"
    )));
}

#[test]
fn a_price_list_is_the_terms_on_offer_not_evidence() {
    let missing = |line: &str| {
        let text = format!(
            "# Premium goes up to $24.99 on 1 March\n\nCosts for hosting rose all year.\n\n\
             {line}\n\nFrom 1 March, Premium will cost $24.99 a month.\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(missing(
        "When we launched the site we had two plans: Standard at $9.99 a month and Premium at $19.99 a month."
    ));
    assert!(missing(
        "Every year we change what you pay each month in line with the CPI rate of inflation, plus 3.9%."
    ));
    assert!(missing(
        "For example, if the CPI rate is 2%, your monthly payments rise by 2%, so a £40 monthly price becomes £40.80."
    ));
    assert!(missing(
        "It measures the average change in consumer prices across the country over the previous 12 months."
    ));
    assert!(missing(
        "For nine years the company charged the same flat $10 a box."
    ));
    assert!(missing(
        "Anyone who signs up after March 25 will pay $15 a month, or $13 a month for a whole year."
    ));
    assert!(missing(
        "Members who spend more than $300 a year on the site will keep paying $10 a month."
    ));
    assert!(missing(
        "Regulation 14 of the Users' Rights Regulations 2011 requires an operator to tell subscribers of any change."
    ));
    assert!(missing(
        "Source is moving the licence of DefraDB from Apache 2.0 to version 1.1 of the Business Source License."
    ));
    assert!(missing(
        "Buy on the site, pass the $300 yearly mark and earn the lowest monthly price of $10."
    ));
    assert!(missing(
        "Whether you pay a bit more, or run up a $300 annual bill to keep your $10 box, is your call."
    ));
    assert!(missing(
        "How is BSL different from AGPL? After four years the code reverts to Apache 2.0."
    ));
    assert!(missing(
        "Total leakage was marginally higher than in 2013-14, its lowest level since records began in the early 1990s."
    ));
    assert!(missing(
        "With more than 20 million items listed and millions of visitors every month, protecting the marketplace matters more than ever."
    ));
    assert!(!missing(
        "With monthly churn up from 3.1% to 4.2% since March, the plan matters more than ever."
    ));
    assert!(missing(
        "More control-group users signed up for the $65 Premium plans."
    ));
    assert!(!missing(
        "The $65 Premium plan brought in $12,400 of MRR in October, up from $9,100."
    ));
    assert!(missing(
        "The change covers only local sellers who have completed 100 or more orders since they joined."
    ));
    assert!(missing(
        "Around 38K users have been enrolled in the experiment so far."
    ));
    assert!(missing(
        "At present every one of the four product groups pays 2.00%."
    ));
    assert!(missing("SST of 6% is charged on top of the commission."));
    assert!(missing(
        "The charge for every 1,000 gallons of water has gone from $3.90 to $4.80."
    ));
    assert!(missing(
        "By the 'old rate' we mean the subscription price in force on 25 November 2012, which is £35 for Print & Digital and £20 for Digital."
    ));
    assert!(!missing(
        "Revenue for every 1,000 visits has gone from $3.90 to $4.80 since the redesign."
    ));
    assert!(!missing(
        "Subscription revenue rose from $9m to $12m in the year."
    ));
    assert!(missing(
        "If you subscribe to Print & Digital at 4:59pm on Friday 30 November 2012, you pay £35."
    ));
    assert!(missing(
        "CPI+3.9% means the Consumer Price Index (CPI) with a further 3.9% added by us."
    ));
    assert!(missing(
        "The burst allowance is extra requests for spikes. It equals half of your plan's rate limit."
    ));
    assert!(missing(
        "Customers who need more can add up to 30 TB on top, at $59.99 for each extra TB."
    ));
    assert!(missing("An average customer uses 3,000 gallons a month."));
    assert!(missing(
        "Meter fees have gone up by 4.2%, depending on the size of the meter."
    ));
    assert!(missing(
        "In line with your terms, we took the CPI rate of inflation and added a further 3.9%."
    ));
    assert!(!missing(
        "Late-payment fees have gone up by 4.2% since January, from 310 to 323 a month."
    ));
    assert!(missing(
        "Add the extra 3.9% and your plan goes up by 4.5% in total."
    ));
    assert!(missing(
        "Building it and deploying it to our staging servers took about two hours."
    ));
    assert!(!missing(
        "Average customer bills fell from £410 to £388 after the change."
    ));
    assert!(!missing(
        "Checkout took about two hours to recover, and 3,400 orders failed meanwhile."
    ));
    assert!(!missing(
        "Customers who added extra storage rose from 1,200 to 3,400, at $59.99 for each extra TB."
    ));
    assert!(!missing(
        "Errors per minute fell from 40 to 12 once the new limit was set to 500 requests."
    ));
    assert!(missing(
        "We are using the December 2020 figure, published in January 2021, which puts CPI at 0.6%."
    ));
    assert!(missing(
        "When the subscription renews on 30 November 2013 you are charged the old rate of £35 again."
    ));
    assert!(missing(
        "Its advice to owners is to trade them in for something new at a 30 percent discount."
    ));
    assert!(missing(
        "The new rates:\n\n| Category | Current rate | From 10 January 2023 |\n|---|---|---|\n| Electronics | 2.00% | 2.50–4.00% |\n| Fashion | 2.00% | 4.00% |"
    ));
    // A table of what happened is kept as evidence, even beside new terms.
    assert!(!missing(
        "Orders by category:\n\n| Category | Current rate | New rate |\n|---|---|---|\n| Electronics | 2.00% | 4.00% |\n\nFashion orders fell 12% in the week after the last rise, from 8,100 to 7,130."
    ));
    assert!(!missing(
        "Marketplace sellers now pay 4% in fees, up from 2% last year, and 300 have left."
    ));
    assert!(!missing(
        "Of the 38K users enrolled in the experiment, 4.1% converted, against 3.2% in control."
    ));
    assert!(!missing(
        "Only 100 or more orders a day reach the warehouse late now, down from 900 in May."
    ));
    assert!(!missing(
        "With 20 million items listed, we sold 1.2 million in March, up from 0.9 million."
    ));
    assert!(!missing(
        "Revenue per user rose from $9 to $12 a month after the launch."
    ));
    assert!(!missing(
        "Monthly revenue rose to $300 from 1,200 paying members."
    ));
    // The future is a plan's terms or a forecast, unless it sizes the
    // harm or stands on a level measured now.
    assert!(missing(
        "A further 370 stores will close over the next several years."
    ));
    assert!(missing(
        "Keeping both roles going will take USD 325,000 a year."
    ));
    assert!(!missing(
        "At today's sign-up rate our primary database will run out of space in six months."
    ));
    assert!(!missing(
        "Construction is 91% complete, so businesses will see fewer lane closures."
    ));
    // An aim's figure and a price told as a share are the plan's terms.
    assert!(missing(
        "The review aims to save £1.576m from a current budget of £3.5m."
    ));
    assert!(!missing(
        "Calls answered within 10 seconds rose to 85%, against a target of 90%."
    ));
    assert!(missing("The renewal costs 50% of the full license price."));
    assert!(!missing("Renewals fell to 50% of last year's count."));
}

#[test]
fn work_done_with_its_result_in_numbers_is_evidence() {
    let missing = |line: &str| {
        let text = format!(
            "# Pixy ships in March, not February\n\nBackers expected Pixy in February.\n\n\
             The firmware, not the hardware, now sets the date, so the ship date slips again.\n\n\
             We will finish testing the week of 27 January and ship in March.\n\n{line}\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(!missing(
        "At the functional test, 600 units had been tested with zero defects."
    ));
    assert!(!missing("We tested 600 units with zero defects."));
    assert!(missing(
        "At the functional test, 600 units had been tested."
    ));
    assert!(missing("We tested 600 units with the new jig."));
    assert!(missing("We ran user research sessions with 6 residents."));
}

#[test]
fn a_tables_change_cells_are_data_not_claims_but_prose_under_a_heading_is_checked() {
    let draft = |prose: &str| {
        format!(
            "# Library visits keep falling\n\n## Introduction\n\nWe must save £585,000 next year.\n\n\
             | Measure | 2013/14 | 2014/15 | 2015/16 | % change over 3 yrs | % change last yr |\n\
             |---|---|---|---|---|---|\n\
             | Visits | 1,245,224 | 1,038,883 | 1,001,593 | -20% | -4% |\n\
             | Total loans | 1,118,219 | 1,010,907 | 893,033 | -20% | -12% |\n\n{prose}\n\n\
             ## Proposal\n\nThe council will cut opening hours by 20% from 1 September.\n"
        )
    };
    assert!(!raises_on_draft(&draft(""), "claim-contradicts-chart"));
    assert!(raises_on_draft(
        &draft("Total loans fell by 40% from 2013/14 to 2015/16."),
        "claim-contradicts-chart"
    ));
}

#[test]
fn a_budget_set_aside_is_not_evidence() {
    let missing = |line: &str| {
        let text = format!(
            "# Not all fundable applicants could be funded\n\nWe expected more strong applications than we could fund.\n\n\
             Demand outran the budget, so good applications were turned down.\n\n\
             We will reopen the fund on 1 April.\n\n{line}\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(missing(
        "Even with £446 million a year committed to this programme we still had to choose."
    ));
    assert!(!missing(
        "Applications rose from 1,400 to 1,730, asking for £1.2bn against £446 million."
    ));
}

#[test]
fn a_solution_section_of_work_done_is_no_resolution_outside_a_postmortem() {
    let resolution_missing = |solution: &str| {
        let text = format!(
            "# Invite flow redesign\n\n## Background\n\n\
             Only 8% of new users invite a friend, and the invite screen confuses them.\n\n\
             ## Solution\n\n{solution}\n\n\
             ## Results\n\nInvites per new user rose 25% against the old flow over four weeks.\n"
        );
        let story = crate::story::parse_story(&text).expect("parses");
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| {
                f.rule == "beat-missing"
                    && f.beat == Some(Target::Resolution)
                    && f.message.contains("work already done")
            })
    };
    assert!(resolution_missing(
        "I sketched the flow on two screens. We brought back the old button and rebuilt the journey."
    ));
    assert!(!resolution_missing(
        "We rebuilt the journey as two screens, and we will roll it out to every new user on 1 March."
    ));
    assert!(!resolution_missing(
        "Roll the two-screen flow out to every new user by 1 March."
    ));
    // Work done told in the passive is work done too.
    assert!(resolution_missing(
        "The invite screen was redrawn in January, and the copy was rewritten after a study."
    ));
    assert!(!resolution_missing(
        "The invite screen was redrawn in January; the Growth team ships it to every user by 1 March."
    ));
}

#[test]
fn a_press_release_footer_backs_nothing() {
    let missing = |heading: &str| {
        let text = format!(
            "# GNOME 3.0 moves to March 2011\n\n\
             The release team decided that GNOME 3.0 needs another cycle, so it moves to March 2011.\n\n\
             ## {heading}\n\n\
             The desktop is used by more than 20 million people, up from 12 million in 2008.\n"
        );
        raises_on_draft(&text, "evidence-missing")
    };
    assert!(missing("About GNOME and the GNOME Foundation"));
    assert!(missing("Notes to editors"));
    assert!(!missing("Why it matters"));
}

#[test]
fn a_milestone_is_a_when_and_a_body_that_finds_out_is_an_owner() {
    let flagged = |resolution: &str| {
        let draft = fields(
            "The audit found 12 blockers in the mobile app",
            [
                "The app goes to external testers next month.",
                "Twelve screens fail the contrast check.",
                resolution,
                "12 of 40 screens failed.",
            ],
        );
        review(&draft, &[])
            .findings
            .iter()
            .any(|f| f.rule == "resolution-no-owner-or-date")
    };
    assert!(!flagged(
        "Run the audit again before the external beta, after any major change to the screens."
    ));
    assert!(flagged(
        "Run the audit again after any major change to the screens."
    ));
    assert!(!flagged(
        "If Thames Water finds out that customers ignore the ban, it says it will contact them."
    ));
}

#[test]
fn a_timeline_in_prose_makes_a_postmortem() {
    let text = "# Not the Black Friday we planned\n\n\
        We launched the upgrade early on Friday. By 9am the site kept crashing, \
        and we found we were the target of a denial-of-service attack.\n\n\
        We only managed to shut out the attacking traffic at around midnight.\n\n\
        From about 9am until then the site could not be reached.\n";
    let story = crate::story::parse_story(text).expect("parses");
    assert!(
        !review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "beat-missing" && f.beat == Some(Target::Resolution)),
        "a postmortem's fix told as done is its resolution"
    );
}

#[test]
fn a_resolution_under_a_heading_a_level_down_is_found() {
    let draft = |resolution: &str| {
        format!(
            "# Queue outage on the EU cluster\n\n## Postmortem\n\n### Summary\n\nFrom 09:35 to 12:38 the message queue outage stopped every service on the cluster for 1 hour 48 minutes.\n\n### Resolution\n\n{resolution}\n\n### What happened\n\nAt 09:35 one node ran out of memory and the others lost quorum.\n"
        )
    };
    let resolution_missing = |text: &str| {
        let story = crate::story::parse_story(text).expect("parses");
        review(&story.update_fields(), &[])
            .findings
            .iter()
            .any(|f| f.rule == "beat-missing" && f.beat == Some(Target::Resolution))
    };
    // A postmortem's remediation counts done: no missing resolution.
    assert!(!resolution_missing(&draft(
        "We brought up extra nodes to speed recovery and returned the cluster to a stable state."
    )));
    // Nothing under it: the resolution is still missing.
    let empty = "# Queue outage on the EU cluster\n\n## Postmortem\n\n### Summary\n\nFrom 09:35 to 12:38 the message queue outage stopped every service on the cluster for 1 hour 48 minutes.\n\n### What happened\n\nAt 09:35 one node ran out of memory and the others lost quorum.\n";
    assert!(resolution_missing(empty));
}

#[test]
fn imperatives_under_a_goals_heading_are_goals_not_steps() {
    let draft = |heading: &str| {
        format!(
            "# Onboarding review\n\nOnboarding took 80 steps and customers waited 41 days on average, against 12 days at rivals.\n\n## {heading}\n\nBring revenue forward; cut onboarding time and operating costs.\n"
        )
    };
    assert!(resolution_missing(&draft("Business goals")));
    assert!(!resolution_missing(&draft("Next steps")));
}

#[test]
fn a_claim_under_another_heading_naming_a_group_is_held_to_the_table() {
    let draft = |claim: &str| {
        format!(
            "# Donor page test\n\n## Results\n\n| Treatment | Conv. Rate | Average Gift |\n|---|---|---|\n| C: Control - Original | 15.7% | $40.00 |\n| T1: Treatment - Donor Message | 9.7% | $64.52 |\n\n## Key Learnings\n\n{claim}\n"
        )
    };
    let contradicts = |text: &str| raises_on_draft(text, "claim-contradicts-chart");
    // $40.00 to $64.52 is +61.3%: said right, and said wrong.
    assert!(!contradicts(&draft(
        "The average gift there rose sharply, by 61.3% against the control."
    )));
    assert!(contradicts(&draft(
        "The average gift there rose sharply, by 91.3% against the control."
    )));
    // A group no row names is not the table's to judge.
    assert!(!contradicts(&draft(
        "The average gift rose 91.3% against last year's campaign."
    )));
}

#[test]
fn a_heading_that_names_a_row_lends_its_words_to_the_claims_under_it() {
    let draft = |claim: &str| {
        format!(
            "# Pricing experiment after seven days\n\n| Book | Measure | February | March |\n|---|---|---|---|\n| Dead Dwarves | Royalties ($) | 13.21 | 4.55 |\n| Format Your Ebook | Royalties ($) | 2.34 | 15.08 |\n\n## Format Your Ebook\n\n{claim}\n"
        )
    };
    let contradicts = |text: &str| raises_on_draft(text, "claim-contradicts-chart");
    // 2.34 to 15.08 a day is 544% more, not 644%.
    assert!(contradicts(&draft(
        "I am earning 644% more per day at the higher price."
    )));
    assert!(!contradicts(&draft(
        "I am earning 544% more per day at the higher price."
    )));
    // A clause that names no part of the row is not lent the heading.
    assert!(!contradicts(&draft(
        "Sales are up 644% on the launch week."
    )));
}

/// Whether the coach says the draft's resolution is missing.
fn resolution_missing(draft: &str) -> bool {
    let story = crate::story::parse_story(draft).expect("parses");
    review(&story.update_fields(), &[])
        .findings
        .iter()
        .any(|f| f.rule == "beat-missing" && f.beat == Some(Target::Resolution))
}
