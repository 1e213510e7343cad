#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The coach against its labelled corpus (`tests/fixtures/coach/`): every
//! label met, every rule covered both ways, the two archetypes told apart.

#[path = "support/real_corpus.rs"]
mod real_corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use throughline_core::coach::{review, rules, Review, Severity};
use throughline_core::parse_story;

struct Draft {
    path: PathBuf,
    review: Review,
    expect: Vec<String>,
    reject: Vec<String>,
}

fn labels(story: &throughline_core::Story, key: &str) -> Vec<String> {
    story
        .extra_front_matter
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(',').map(|r| r.trim().to_owned()))
        .filter(|r| !r.is_empty())
        .collect()
}

fn corpus() -> Vec<Draft> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/coach");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let story = parse_story(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Draft {
                review: review(&story.update_fields(), &[]),
                expect: labels(&story, "coach-expect"),
                reject: labels(&story, "coach-reject"),
                path,
            }
        })
        .collect()
}

#[test]
fn every_label_in_the_corpus_is_met() {
    let known: BTreeSet<&str> = rules().iter().map(|r| r.id).collect();
    let mut failures = Vec::new();
    for draft in corpus() {
        let found: BTreeSet<&str> = draft
            .review
            .findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect();
        let name = draft
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for rule in &draft.expect {
            assert!(known.contains(rule.as_str()), "{name}: unknown rule {rule}");
            if !found.contains(rule.as_str()) {
                failures.push(format!("{name}: expected {rule}, got {found:?}"));
            }
        }
        for rule in &draft.reject {
            assert!(known.contains(rule.as_str()), "{name}: unknown rule {rule}");
            if let Some(f) = draft.review.findings.iter().find(|f| &f.rule == rule) {
                failures.push(format!("{name}: must not report {rule}: {}", f.message));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} labels not met:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_is_large_and_covers_every_rule_both_ways() {
    let drafts = corpus();
    assert!(drafts.len() >= 40, "{} drafts", drafts.len());
    // Rules about the linked decision journal or the drawn slide cannot
    // fire on a story's text alone; their unit tests cover them both ways.
    for rule in rules().iter().filter(|r| {
        !throughline_core::coach::JOURNAL_RULES.contains(&r.id)
            && !throughline_core::coach::SLIDE_RULES.contains(&r.id)
    }) {
        assert!(
            drafts.iter().any(|d| d.expect.iter().any(|r| r == rule.id)),
            "no draft expects {}",
            rule.id
        );
        assert!(
            drafts.iter().any(|d| d.reject.iter().any(|r| r == rule.id)),
            "no draft rejects {}",
            rule.id
        );
    }
}

#[test]
fn the_activity_report_has_errors_and_the_strong_update_none() {
    let drafts = corpus();
    let find = |prefix: &str| {
        drafts
            .iter()
            .find(|d| {
                d.path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(prefix)
            })
            .unwrap()
    };
    let strong = &find("01-").review;
    let weak = &find("02-").review;
    assert!(strong.ready, "{:#?}", strong.findings);
    assert!(!strong
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error));
    assert!(!weak.ready);
    assert!(weak.findings.iter().any(|f| f.severity == Severity::Error));
    assert!(
        strong.score > weak.score,
        "{} vs {}",
        strong.score,
        weak.score
    );
}

#[test]
fn a_2000_word_update_is_reviewed_whole() {
    let base = "Two competitors launched free tiers in September, and many trial users look okay but leave in week two. ";
    let long = base.repeat(2_000 / base.split_whitespace().count() + 1);
    let mut fields = throughline_core::example::example_update_fields("2026-11-23");
    fields.beats.context = long;
    let review = review(&fields, &[]);
    assert!(review.findings.iter().any(|f| f.rule == "beat-too-long"));
}

#[test]
fn the_rules_page_is_current() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/coach-rules.md"),
    )
    .unwrap();
    let drafts = real_corpus::load().unwrap();
    let measured = throughline_core::coach::measure::measurement_markdown(
        &throughline_core::coach::measure::measure(&real_corpus::set(&drafts, false)),
        &throughline_core::coach::measure::measure(&real_corpus::set(&drafts, true)),
    );
    assert!(
        doc == format!("{}{measured}", throughline_core::coach::rules_markdown()),
        "docs/coach-rules.md is out of date: cargo run -p throughline-core --example coach_rules_doc > docs/coach-rules.md"
    );
    for rule in rules() {
        assert!(doc.contains(&format!("`{}`", rule.id)));
    }
}
