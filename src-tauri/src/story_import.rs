//! "Import stories…": story Markdown files the user picked, stored as
//! updates. All or nothing: one unreadable file imports none, and the
//! message names the file and the line.

use serde::Serialize;
use tauri::State;
use throughline_core::story::parse_story;
use throughline_core::{Status, Update, UpdateFields, UpdateId};

use crate::api_error::ApiError;
use crate::clock;
use crate::file_access::{FileGrants, FilePurpose};
use crate::slides::blocking;
use crate::state::AppState;

/// A story file larger than this is not a story.
const MAX_STORY_BYTES: u64 = 16 * 1024 * 1024;

/// The updates made, and what of the files they could not keep (one line
/// per file that had more than an update holds).
#[derive(Debug, Serialize)]
pub struct StoriesImport {
    pub ids: Vec<UpdateId>,
    pub left_out: Vec<String>,
}

#[tauri::command]
pub async fn import_stories(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    paths: Vec<String>,
) -> Result<StoriesImport, ApiError> {
    let paths = paths
        .iter()
        .map(|path| grants.check(path, FilePurpose::Stories))
        .collect::<Result<Vec<_>, _>>()?;
    let state = state.inner().clone();
    blocking(move || {
        if paths.is_empty() {
            return Err(invalid("choose at least one story file".into()));
        }
        let read = paths
            .iter()
            .map(|path| read_story(path))
            .collect::<Result<Vec<_>, _>>()?;
        let left_out = read
            .iter()
            .filter(|story| !story.left_out.is_empty())
            .map(|story| format!("{}: {}", story.name, story.left_out.join(", ")))
            .collect();
        let stories: Vec<(UpdateFields, Status)> = read
            .into_iter()
            .map(|story| (story.fields, story.status))
            .collect();
        let ids =
            state.with_workspace(|ws| Ok(ws.import_updates(&stories, clock::now_millis())?))?;
        Ok(StoriesImport { ids, left_out })
    })
    .await
}

/// One story file as read for import.
struct ReadStory {
    name: String,
    fields: UpdateFields,
    status: Status,
    left_out: Vec<String>,
}

fn read_story(path: &std::path::Path) -> Result<ReadStory, ApiError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let io = |err: std::io::Error| ApiError {
        code: "io",
        message: format!("cannot read {name}: {err}"),
    };
    if std::fs::metadata(path).map_err(io)?.len() > MAX_STORY_BYTES {
        return Err(invalid(format!(
            "{name} is too large to be a story (over 16 MB)"
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        invalid(format!(
            "{name} is not UTF-8 text: save it as UTF-8 Markdown"
        ))
    })?;
    let story = parse_story(&text).map_err(|err| invalid(format!("{name}: {err}")))?;
    let fields = story.update_fields();
    fields
        .validate()
        .map_err(|err| invalid(format!("{name}: {err}")))?;
    // A story that says "ready" stays ready only if it passes the same check
    // the app applies before marking an update ready.
    let probe = Update {
        id: 0,
        fields: fields.clone(),
        status: Status::Draft,
        is_example: false,
        created_at: 0,
        updated_at: 0,
    };
    let status =
        if story.status == Status::Ready && probe.check_status_change(Status::Ready).is_ok() {
            Status::Ready
        } else {
            Status::Draft
        };
    Ok(ReadStory {
        left_out: story.left_out(),
        name,
        fields,
        status,
    })
}

fn invalid(message: String) -> ApiError {
    ApiError {
        code: "invalid_input",
        message,
    }
}
