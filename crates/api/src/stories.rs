//! Story files: read one (size cap, encoding, what an update cannot keep,
//! the status it may have), and import several into a workspace.

use std::path::Path;

use serde::Serialize;
use throughline_core::coach::JournalContext;
use throughline_core::lifecycle;
use throughline_core::story::{mapping_notes, parse_story_mapped};
use throughline_core::{Status, UpdateFields, UpdateId};
use throughline_store::Workspace;
use ts_rs::TS;

use crate::files::{display_name, read_limited};
use crate::limits::MAX_STORY_BYTES;
use crate::{ApiError, Clock};

/// One story file as read.
#[derive(Debug, Clone)]
pub struct StoryFile {
    /// The file's name, for messages.
    pub name: String,
    /// What a file written for it is called: the file's stem.
    pub stem: String,
    pub fields: UpdateFields,
    /// The status it may have: `ready` only when the file says so and the
    /// lifecycle agrees.
    pub status: Status,
    /// Why a file that said `ready` is a draft (the first error).
    pub demoted: Option<String>,
    /// What reading the file made of it: headings read as a beat under
    /// another name, sections kept as other sections (`story::mapping_notes`).
    pub mapped: Vec<String>,
}

/// Reads a story file: at most [`MAX_STORY_BYTES`], UTF-8, a story the
/// parser accepts, fields within their limits.
pub fn read_story(path: &Path) -> Result<StoryFile, ApiError> {
    let name = display_name(path);
    let bytes = read_limited(path, MAX_STORY_BYTES, "a story")?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ApiError::invalid(format!(
            "{name} is not UTF-8 text: save it as UTF-8 Markdown"
        ))
    })?;
    let (story, reading) =
        parse_story_mapped(&text).map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    let fields = story.update_fields();
    fields
        .validate()
        .map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    // A story file backs no journal: the coach alone decides.
    let verdict = lifecycle::settle(story.status, &fields, &JournalContext::default());
    Ok(StoryFile {
        stem: path.file_stem().map_or_else(
            || "update".into(),
            |stem| stem.to_string_lossy().into_owned(),
        ),
        mapped: mapping_notes(&story, &reading),
        demoted: verdict.note,
        status: verdict.status,
        fields,
        name,
    })
}

/// The updates made, and what the user should know about the files.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct StoriesImport {
    #[ts(type = "Array<number>")]
    pub ids: Vec<UpdateId>,
    /// One line per file written another way than the app's own form:
    /// what became which beat, what was kept as other sections.
    pub mapped: Vec<String>,
    /// One line per file that said `ready` and was stored as a draft.
    pub demoted: Vec<String>,
}

impl StoriesImport {
    /// "ids 4–9" or "id 4" or "ids 4, 7": the ids, summarized for a line of output.
    pub fn id_summary(&self) -> String {
        let ids = &self.ids;
        match ids.as_slice() {
            [] => "no ids".into(),
            [one] => format!("id {one}"),
            [first, .., last] if ids.windows(2).all(|w| w[1] == w[0] + 1) => {
                format!("ids {first}–{last}")
            }
            _ if ids.len() <= 10 => format!(
                "ids {}",
                ids.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => format!(
                "{} ids from {} to {}",
                ids.len(),
                ids[0],
                ids[ids.len() - 1]
            ),
        }
    }
}

/// Reads every story file, or fails on the first that cannot be read
/// (naming it): nothing is stored until all of them read.
pub fn read_stories(paths: &[impl AsRef<Path>]) -> Result<Vec<StoryFile>, ApiError> {
    if paths.is_empty() {
        return Err(ApiError::invalid("choose at least one story file"));
    }
    paths.iter().map(|path| read_story(path.as_ref())).collect()
}

/// Stores story files already read as updates, all of them or none.
pub fn store_stories(
    workspace: &Workspace,
    files: Vec<StoryFile>,
    clock: &dyn Clock,
) -> Result<StoriesImport, ApiError> {
    let mapped = files
        .iter()
        .filter(|file| !file.mapped.is_empty())
        .map(|file| format!("{}: {}", file.name, file.mapped.join("; ")))
        .collect();
    let demoted = files
        .iter()
        .filter_map(|file| {
            file.demoted.as_ref().map(|why| {
                format!(
                    "{}: stored as a draft although it says ready — {}",
                    file.name,
                    why.trim_start_matches("Returned to draft: ")
                )
            })
        })
        .collect();
    let stories: Vec<(UpdateFields, Status)> = files
        .into_iter()
        .map(|file| (file.fields, file.status))
        .collect();
    let ids = workspace.import_updates(&stories, clock.now_millis())?;
    Ok(StoriesImport {
        ids,
        mapped,
        demoted,
    })
}

/// Stores story files as updates: all of them, or none (one unreadable
/// file imports nothing, and the error names it).
pub fn import_stories(
    workspace: &Workspace,
    paths: &[impl AsRef<Path>],
    clock: &dyn Clock,
) -> Result<StoriesImport, ApiError> {
    store_stories(workspace, read_stories(paths)?, clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(ids: &[i64]) -> String {
        StoriesImport {
            ids: ids.to_vec(),
            mapped: vec![],
            demoted: vec![],
        }
        .id_summary()
    }

    #[test]
    fn many_ids_are_summarized_as_a_range() {
        assert_eq!(summary(&[7]), "id 7");
        assert_eq!(summary(&[3, 4, 5]), "ids 3–5");
        assert_eq!(summary(&[3, 9]), "ids 3, 9");
        let many: Vec<i64> = (1..=10_000).collect();
        assert_eq!(summary(&many), "ids 1–10000");
    }
}
