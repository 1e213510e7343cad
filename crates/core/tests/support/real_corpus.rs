#![allow(dead_code)] // each includer uses a part
//! The drafts written elsewhere (`tests/fixtures/coach-real/`) with their
//! reviewer's labels (`docs/coach-rubric.md`), each reviewed by the coach.
//! Shared by the corpus test and the rules page's generator.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use throughline_core::coach::measure::{labelled_rules, Grade, Labelled};
use throughline_core::coach::review;
use throughline_core::parse_story;

/// A draft's label file, as the rubric writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub kind: String,
    pub source: String,
    pub set: String,
    pub grade: String,
    pub ready: bool,
    #[serde(default)]
    pub raise: Vec<String>,
    #[serde(default)]
    pub note: String,
}

pub struct RealDraft {
    pub held_back: bool,
    pub labels: Labels,
    pub labelled: Labelled,
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/coach-real")
}

/// Every labelled draft, in file order; a file that breaks the rubric's
/// format (or a draft the app cannot import) is an error naming it.
pub fn load() -> Result<Vec<RealDraft>, String> {
    let dir = corpus_dir();
    let mut labels: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    labels.sort();
    let known = labelled_rules();
    labels.iter().map(|path| load_one(path, &known)).collect()
}

fn load_one(label_path: &Path, known: &[&str]) -> Result<RealDraft, String> {
    let name = label_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fail = |what: String| format!("{name}: {what}");
    let labels: Labels =
        toml::from_str(&std::fs::read_to_string(label_path).map_err(|e| fail(e.to_string()))?)
            .map_err(|e| fail(e.to_string()))?;
    let number: u32 = name
        .split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| fail("the name does not start with its number".into()))?;
    let held_back = number % 3 == 0;
    let expected_set = if held_back { "held-back" } else { "tuning" };
    if labels.set != expected_set {
        return Err(fail(format!(
            "set is {:?}, its number makes it {expected_set:?}",
            labels.set
        )));
    }
    for rule in &labels.raise {
        if !known.contains(&rule.as_str()) {
            return Err(fail(format!(
                "raises {rule:?}, which is not a labelled rule"
            )));
        }
    }
    let grade =
        Grade::parse(&labels.grade).ok_or_else(|| fail(format!("grade {:?}", labels.grade)))?;
    let text = std::fs::read_to_string(label_path.with_extension("md"))
        .map_err(|e| fail(e.to_string()))?;
    let story = parse_story(&text).map_err(|e| fail(format!("does not import: {e}")))?;
    let raise: BTreeSet<String> = labels.raise.iter().cloned().collect();
    Ok(RealDraft {
        held_back,
        labelled: Labelled {
            name,
            grade,
            ready: labels.ready,
            raise,
            review: review(&story.update_fields(), &[]),
        },
        labels,
    })
}

/// The drafts of one set, as the measurement takes them.
pub fn set(drafts: &[RealDraft], held_back: bool) -> Vec<Labelled> {
    drafts
        .iter()
        .filter(|d| d.held_back == held_back)
        .map(|d| d.labelled.clone())
        .collect()
}
