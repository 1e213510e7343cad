//! One typed contract across the IPC: the TypeScript types the window uses
//! (`ui/src/lib/backend/generated/bindings.ts`) are generated from the Rust
//! types that cross it (`#[derive(ts_rs::TS)]` in core, store and api).
//!
//! `cargo test` renders every type in memory and fails when the committed
//! file differs, naming the types that changed. After changing such a type,
//! regenerate the file (and commit it):
//!
//! ```sh
//! UPDATE_BINDINGS=1 cargo test -p throughline-api --test bindings
//! ```
//!
//! A new type that crosses the IPC goes into [`roots`]; the types it uses are
//! found by themselves. Nothing here uses `#[ts(export)]`, so no test writes
//! into the tree unless `UPDATE_BINDINGS` asks for it.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ts_rs::{TypeVisitor, TS};

/// The file, relative to the repository's root.
const BINDINGS: &str = "ui/src/lib/backend/generated/bindings.ts";
const REGENERATE: &str = "UPDATE_BINDINGS=1 cargo test -p throughline-api --test bindings";

/// Every type the window receives or sends, by its Rust path. The types they
/// refer to are added by [`Collector`].
fn roots(c: &mut Collector) {
    use throughline_core::{coach, journal};

    // Updates and their chart.
    c.visit::<throughline_core::Update>();
    c.visit::<throughline_api::team::TeamStatus>();
    c.visit::<throughline_api::team::SyncOutcome>();
    c.visit::<throughline_store::TeamSharing>();
    c.visit::<throughline_store::SharedKind>();
    c.visit::<throughline_core::UpdateFields>();
    c.visit::<throughline_core::UpdateSummary>();
    c.visit::<throughline_core::Status>();
    c.visit::<throughline_core::Evidence>();
    c.visit::<throughline_core::ChartSpec>();
    // The story coach.
    c.visit::<throughline_api::coach::ReviewView>();
    c.visit::<coach::Finding>();
    // Chart data, stories, branding and exports.
    c.visit::<throughline_api::chart_data::ParsedTable>();
    c.visit::<throughline_api::chart_data::ImportedFile>();
    c.visit::<throughline_api::stories::StoriesImport>();
    c.visit::<throughline_api::branding::BrandingView>();
    c.visit::<throughline_api::export::ThemeName>();
    c.visit::<throughline_api::export::ExportFormat>();
    c.visit::<throughline_api::export::ExportProgress>();
    c.visit::<throughline_api::export::ExportRequest>();
    // The workspace the window opened, or why it could not.
    c.visit::<throughline_api::workspace::WorkspaceState>();
    // Decision journals.
    c.visit::<throughline_store::StoredJournal>();
    c.visit::<throughline_store::JournalSummary>();
    c.visit::<journal::JournalBody>();
    c.visit::<journal::Reading>();
    c.visit::<journal::ReadingProblem>();
    c.visit::<journal::Evaluation>();
    c.visit::<throughline_api::journals::JournalView>();
    // The portfolio.
    c.visit::<throughline_api::portfolio::PortfolioState>();
    c.visit::<throughline_api::portfolio::ChartView>();
    c.visit::<throughline_api::audit::AuditView>();
    c.visit::<throughline_api::audit::Pathfinder>();
    c.visit::<throughline_core::template::Template>();
    c.visit::<throughline_api::export::MemoFormat>();
    // An update's history.
    c.visit::<throughline_store::UpdateHistory>();
    c.visit::<throughline_api::journals::ReadingsImport>();
    c.visit::<throughline_api::journals::UpdateJournal>();
    c.visit::<throughline_api::journals::CriterionChart>();
    c.visit::<throughline_api::journals::JournalFormat>();
    // Errors.
    c.visit::<throughline_api::ApiError>();
    c.visit::<throughline_api::ErrorCode>();
}

/// Declarations by TypeScript name (so the file is sorted, and the same on
/// every run).
#[derive(Default)]
struct Collector {
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, String>,
    clashes: Vec<String>,
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Only declared types have a file of their own; primitives, `Vec`,
        // `Option` and tuples are inlined where they are used.
        if T::output_path().is_some() {
            let name = T::ident();
            let decl = format!("{}export {}", T::docs().unwrap_or_default(), T::decl());
            // ts-rs leaves a space at the end of the lines before a field's docs.
            let decl: Vec<&str> = decl.trim_end().lines().map(str::trim_end).collect();
            let decl = decl.join("\n");
            if self.decls.insert(name.clone(), decl).is_some() {
                self.clashes.push(name);
            }
        }
        T::visit_dependencies(self);
    }
}

fn render() -> (String, BTreeMap<String, String>) {
    let mut collector = Collector::default();
    roots(&mut collector);
    assert!(
        collector.clashes.is_empty(),
        "two Rust types are both called {:?} in TypeScript: give one `#[ts(rename = \"…\")]`",
        collector.clashes
    );
    let mut text = format!(
        "// Generated from the Rust types by crates/api/tests/bindings.rs: do not edit.\n\
         // Regenerate with `{REGENERATE}`.\n"
    );
    for decl in collector.decls.values() {
        text.push('\n');
        text.push_str(decl);
        text.push('\n');
    }
    (text, collector.decls)
}

/// The declarations of a committed file, by name (`export type NAME = …`).
fn committed_decls(text: &str) -> BTreeMap<String, String> {
    let mut decls = BTreeMap::new();
    for block in text.split("\n\n").skip(1).filter(|b| !b.trim().is_empty()) {
        let name = block
            .split("export type ")
            .nth(1)
            .and_then(|rest| rest.split([' ', '<']).next())
            .unwrap_or_default();
        decls.insert(name.to_owned(), block.trim_end().to_owned());
    }
    decls
}

fn bindings_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(BINDINGS)
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let (expected, decls) = render();
    let path = bindings_path();

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&path, &expected).unwrap();
        eprintln!("wrote {BINDINGS} ({} types)", decls.len());
        return;
    }

    let Ok(actual) = std::fs::read_to_string(&path) else {
        panic!("{BINDINGS} is missing: generate it with `{REGENERATE}`");
    };
    if actual == expected {
        return;
    }
    let committed = committed_decls(&actual);
    let mut stale: Vec<String> = Vec::new();
    for (name, decl) in &decls {
        match committed.get(name) {
            None => stale.push(format!("{name} (new)")),
            Some(old) if old != decl => stale.push(format!("{name} (changed)")),
            Some(_) => {}
        }
    }
    for name in committed.keys().filter(|name| !decls.contains_key(*name)) {
        stale.push(format!("{name} (no longer generated)"));
    }
    if stale.is_empty() {
        stale.push("its header or layout".to_owned());
    }
    panic!(
        "{BINDINGS} is stale: {}.\nA Rust type that crosses the IPC changed without regenerating the \
         TypeScript types. Regenerate the file with\n\n    {REGENERATE}\n\nand commit it.",
        stale.join(", ")
    );
}

#[test]
fn ids_and_times_are_numbers_not_bigints() {
    let (text, _) = render();
    assert!(
        !text.contains("bigint"),
        "an i64 or u64 crossed as bigint (serde_json sends a number): give the field \
         `#[ts(type = \"number\")]`"
    );
}
