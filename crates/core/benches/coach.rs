//! The coach's speed: a typical update and a 2,000-word one (target: under
//! 20 ms), and a crafted draft of 1,000 lists with no resolution anywhere,
//! where each item is read against its list's opening line (it must stay
//! linear in the draft's size). `cargo bench -p throughline-core --bench coach`

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::coach::review;
use throughline_core::example::example_update_fields;

fn coach(c: &mut Criterion) {
    let typical = example_update_fields("2026-11-23");
    c.bench_function("review, the example update", |b| {
        b.iter(|| review(std::hint::black_box(&typical), &[]))
    });

    let sentence =
        "Two competitors launched free tiers in September, and many trial users look okay \
                    but leave in week two because setup takes too long. ";
    let mut long = typical.clone();
    let words_per_sentence = sentence.split_whitespace().count();
    let each = sentence.repeat(500 / words_per_sentence + 1);
    long.beats.context = each.clone();
    long.beats.conflict = each.clone();
    long.beats.resolution = each.clone();
    long.beats.evidence = each;
    let total: usize = [
        &long.beats.context,
        &long.beats.conflict,
        &long.beats.resolution,
        &long.beats.evidence,
    ]
    .iter()
    .map(|t| t.split_whitespace().count())
    .sum();
    assert!(total >= 2_000, "{total} words");
    c.bench_function("review, a 2,000-word update", |b| {
        b.iter(|| review(std::hint::black_box(&long), &[]))
    });

    let mut lists = typical.clone();
    lists.beats.context =
        "Activation rose from 32% to 41% over 6 weeks.\n\nOurs looked like this:\n\n\
        1. Raise adoption among users whose profile is missing.\n\
        2. Make it easy for users to edit their profile.\n\n"
            .repeat(1_000);
    lists.beats.resolution.clear();
    c.bench_function("review, 1,000 lists and no resolution (240 KB)", |b| {
        b.iter(|| review(std::hint::black_box(&lists), &[]))
    });
}

criterion_group!(benches, coach);
criterion_main!(benches);
