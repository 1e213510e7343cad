use super::*;
use crate::{Beats, Evidence, MetricEvidence};

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
        anecdotal_assumptions: vec![],
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
        triggered: vec![],
        anecdotal_assumptions: vec!["Teams share in week one".into()],
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
    assert_eq!(vague("Many customers stall in setup."), 1);
    assert_eq!(
        vague("Many customers, 38% of churned ones, stall in setup."),
        0,
        "a number follows"
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
