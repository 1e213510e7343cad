//! Prints the coach's rules page: `cargo run -p throughline-core --example coach_rules_doc > docs/coach-rules.md`.

fn main() {
    print!("{}", throughline_core::coach::rules_markdown());
}
