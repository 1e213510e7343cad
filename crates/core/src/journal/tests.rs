use super::*;

fn sample() -> JournalBody {
    crate::example::example_journal()
}

#[test]
fn a_criterion_without_metric_or_threshold_cannot_be_saved() {
    let mut body = sample();
    body.criteria[0].metric = "  ".into();
    assert!(body.validate().is_err());
    let mut body = sample();
    body.criteria[0].threshold = f64::NAN;
    assert!(body.validate().is_err());
    assert!(sample().validate().is_ok());
}

#[test]
fn sharing_needs_two_alternatives() {
    let mut body = sample();
    body.alternatives.pop();
    let err = body.check_shareable().unwrap_err();
    assert!(err.to_string().contains("two alternative"), "{err}");
    assert!(sample().check_shareable().is_ok());
}

#[test]
fn the_chain_verifies_and_names_the_first_tampered_revision() {
    let first = Revision::new(None, sample(), "Ana", 1_000, "first shared");
    let mut changed = sample();
    changed.criteria[0].threshold = 15.0;
    let second = Revision::new(Some(&first), changed, "Ana", 2_000, "pilot data");
    let third = Revision::new(Some(&second), sample(), "Ana", 3_000, "back to 20%");
    let mut chain = vec![first, second, third];
    assert_eq!(verify_chain(&chain), Ok(()));

    // Someone lowers the threshold of revision 2 in the file.
    chain[1].body.criteria[0].threshold = 10.0;
    let report = verify_chain(&chain).unwrap_err();
    assert_eq!(report.seq, 2);

    // Rewriting revision 2's hash too breaks the link to revision 3.
    chain[1].hash = content_hash(
        2,
        &chain[1].body,
        "Ana",
        2_000,
        "pilot data",
        &chain[1].prev_hash,
    );
    let report = verify_chain(&chain).unwrap_err();
    assert_eq!(report.seq, 3);

    // A removed revision is caught by the numbering.
    let mut gap = chain.clone();
    gap.remove(0);
    assert_eq!(verify_chain(&gap).unwrap_err().seq, 2);
}

#[test]
fn the_diff_shows_what_changed() {
    let mut changed = sample();
    changed.criteria[0].threshold = 15.0;
    let diff = diff(&sample(), &changed);
    assert!(
        diff.iter()
            .any(|l| l.starts_with("− Kill criterion") && l.contains("< 20%")),
        "{diff:#?}"
    );
    assert!(
        diff.iter()
            .any(|l| l.starts_with("+ Kill criterion") && l.contains("< 15%")),
        "{diff:#?}"
    );
    assert!(diff
        .iter()
        .any(|l| l.starts_with("  Item: Shared workspaces")));
}

#[test]
fn the_markdown_lists_assumptions_by_evidence_and_criteria_with_status() {
    let readings = vec![Reading {
        metric: "Sharing activation".into(),
        date: "2026-11-20".parse().unwrap(),
        value: 14.0,
    }];
    let md = to_markdown(
        &sample(),
        &readings,
        1,
        "abc123",
        "2026-11-25".parse().unwrap(),
    );
    let survey = md.find("**survey**").unwrap();
    let anecdote = md.find("**anecdote**").unwrap();
    assert!(survey < anecdote, "strongest evidence first:\n{md}");
    assert!(md.contains("| **TRIGGERED** | 14 on 2026-11-20 |"), "{md}");
    assert!(md.contains("Revision 1 · `abc123`"));
    assert!(md.contains("two-way door"));
}

#[test]
fn markdown_escapes_markup_but_keeps_comparisons_readable() {
    let mut body = sample();
    body.item = "<script>alert(1)</script> | *bold*".into();
    let md = to_markdown(&body, &[], 0, "draft", "2026-11-25".parse().unwrap());
    assert!(md.contains("\\<script>"), "{md}");
    assert!(md.contains("\\| \\*bold\\*"), "{md}");
    assert!(md.contains("Sharing activation < 20%"), "{md}");
    assert!(md.contains("We believe that trial teams invite"), "{md}");
}
