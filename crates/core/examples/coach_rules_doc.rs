//! Prints the coach's rules page with its measured precision and recall:
//! `cargo run -p throughline-core --example coach_rules_doc > docs/coach-rules.md`.

#[path = "../tests/support/real_corpus.rs"]
mod real_corpus;

use throughline_core::coach::measure::{measure, measurement_markdown};

fn main() {
    let drafts = match real_corpus::load() {
        Ok(drafts) => drafts,
        Err(err) => {
            eprintln!("the real-text corpus: {err}");
            std::process::exit(1);
        }
    };
    let tuning = measure(&real_corpus::set(&drafts, false));
    let held_back = measure(&real_corpus::set(&drafts, true));
    print!(
        "{}{}",
        throughline_core::coach::rules_markdown(),
        measurement_markdown(&tuning, &held_back)
    );
}
