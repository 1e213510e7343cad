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
    assert_eq!(verify_history(&chain), Ok(()));

    // Someone lowers the threshold of revision 2 in the file.
    chain[1].body.criteria[0].threshold = 10.0;
    let report = verify_history(&chain).unwrap_err();
    assert_eq!(report.seq, 2);

    // Rewriting revision 2's hash too breaks the link to revision 3.
    chain[1].hash = chain[1].computed_hash();
    let report = verify_history(&chain).unwrap_err();
    assert_eq!(report.seq, 3);

    // A removed revision is caught by the numbering.
    let mut gap = chain.clone();
    gap.remove(0);
    assert_eq!(verify_history(&gap).unwrap_err().seq, 2);
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

#[test]
fn a_revision_written_before_merges_keeps_its_hash() {
    // Hashes computed before revisions could name several parents: an
    // empty `merged` leaves the canonical JSON, and so the hash, as it was.
    let first = Revision::new(None, JournalBody::default(), "Ana", 1_000, "shared");
    let second = Revision::new(
        Some(&first),
        JournalBody::default(),
        "Bo",
        2_000,
        "pilot data",
    );
    assert_eq!(
        first.hash,
        "0fac88685e23d66dcbce0ba5816f5f32f551b8fe368292904517dcf47104c2ef"
    );
    assert_eq!(
        second.hash,
        "5869d5f2a2c0ef2f7f877d177153b179db4580e29ee67fa3f531437adde1c87d"
    );
    // Nor does it appear in the revision's JSON, and JSON without it reads.
    let json = serde_json::to_string(&second).unwrap();
    assert!(!json.contains("merged"), "{json}");
    assert_eq!(serde_json::from_str::<Revision>(&json).unwrap(), second);
}

/// Revision 1, then two revisions made on it apart (a fork).
fn forked() -> Vec<Revision> {
    let first = Revision::new(None, sample(), "Ana", 1_000, "shared");
    let mut lower = sample();
    lower.criteria[0].threshold = 15.0;
    let ana = Revision::new(Some(&first), lower, "Ana", 2_000, "pilot data");
    let mut higher = sample();
    higher.criteria[0].threshold = 25.0;
    let bo = Revision::new(Some(&first), higher, "Bo", 3_000, "board review");
    vec![first, ana, bo]
}

#[test]
fn two_revisions_on_one_parent_fork_and_a_revision_naming_both_joins_them() {
    let mut history = forked();
    assert_eq!(verify_history(&history), Ok(()));
    assert_eq!(
        (history[1].seq, history[2].seq),
        (2, 2),
        "a fork shares its number"
    );
    let fork: Vec<&str> = heads(&history).iter().map(|h| h.author.as_str()).collect();
    assert_eq!(fork, ["Ana", "Bo"]);
    // The journal reads as the latest head, and a new revision joins both,
    // the current one first.
    assert_eq!(current_head(&history).unwrap().author, "Bo");
    let parents = next_parents(&history);
    assert_eq!(
        parents
            .iter()
            .map(|p| p.author.as_str())
            .collect::<Vec<_>>(),
        ["Bo", "Ana"]
    );

    let join = Revision::merging(&parents, sample(), "Cy", 4_000, "agreed on 20%");
    assert_eq!(join.seq, 3);
    assert_eq!(join.prev_hash, history[2].hash);
    assert_eq!(join.merged, [history[1].hash.clone()]);
    assert_ne!(
        join.hash,
        Revision::new(Some(&history[2]), sample(), "Cy", 4_000, "agreed on 20%").hash,
        "the joined parent is part of the hash"
    );
    history.push(join);
    assert_eq!(verify_history(&history), Ok(()));
    assert_eq!(heads(&history).len(), 1);
    assert_eq!(current_head(&history).unwrap().author, "Cy");
}

#[test]
fn heads_made_at_the_same_time_are_ordered_by_hash_everywhere() {
    let first = Revision::new(None, sample(), "Ana", 1_000, "shared");
    let a = Revision::new(Some(&first), sample(), "Ana", 2_000, "one");
    let b = Revision::new(Some(&first), sample(), "Bo", 2_000, "two");
    let larger = if a.hash > b.hash { &a } else { &b }.hash.clone();
    let one_way = vec![first.clone(), a.clone(), b.clone()];
    let other_way = vec![first, b, a];
    assert_eq!(current_head(&one_way).unwrap().hash, larger);
    assert_eq!(current_head(&other_way).unwrap().hash, larger);
}

#[test]
fn a_changed_graph_is_reported_with_the_revision_it_touched() {
    let history = forked();
    let join = Revision::merging(
        &next_parents(&history),
        sample(),
        "Cy",
        4_000,
        "agreed on 20%",
    );
    let mut joined = history.clone();
    joined.push(join.clone());

    // A joined parent edited in the file: the hash no longer matches.
    let mut edited = joined.clone();
    edited[3].merged = vec![edited[0].hash.clone()];
    let report = verify_history(&edited).unwrap_err();
    assert_eq!((report.seq, report.hash_prefix), (3, None));
    assert!(
        report.detail.contains("no longer matches"),
        "{}",
        report.detail
    );
    edited[3].merged = vec![edited[2].hash.clone()];
    assert!(verify_history(&edited)
        .unwrap_err()
        .detail
        .contains("twice"));

    // A joining revision stored before a parent it names.
    let mut reordered = joined.clone();
    reordered.swap(1, 3);
    assert_eq!(verify_history(&reordered).unwrap_err().seq, 3);

    // One forked revision changed: its number is shared, so the report
    // names it by its hash too.
    let mut changed = joined.clone();
    changed[1].reason = "tidied".into();
    let report = verify_history(&changed).unwrap_err();
    assert_eq!(report.seq, 2);
    assert_eq!(report.hash_prefix.as_deref(), Some(&changed[1].hash[..12]));
    assert!(
        report
            .to_string()
            .starts_with(&format!("revision 2 ({})", &changed[1].hash[..12])),
        "{report}"
    );

    // The same revision stored twice.
    let mut twice = joined.clone();
    twice.push(join);
    assert!(verify_history(&twice).unwrap_err().detail.contains("twice"));

    // A second first revision, or a first revision that joins others.
    let mut second_root = joined.clone();
    second_root.push(Revision::new(None, sample(), "Dee", 5_000, "shared again"));
    assert!(verify_history(&second_root)
        .unwrap_err()
        .detail
        .contains("first revision"));
    let mut root_join = Revision::new(None, sample(), "Dee", 5_000, "shared");
    root_join.merged = vec![joined[1].hash.clone()];
    root_join.hash = root_join.computed_hash();
    assert!(verify_history(&[root_join])
        .unwrap_err()
        .detail
        .contains("cannot join"));
}
