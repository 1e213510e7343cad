//! `export` and `import`: read stories, call the same crates as the app.

use std::path::{Path, PathBuf};

use throughline_core::story::{parse_story, to_markdown, Story};
use throughline_core::{Status, UpdateFields};
use throughline_render::{
    render_update_slide, slides_to_pdf, svg_to_png, Branding, PngCompression, Theme,
};
use throughline_store::Workspace;

use crate::cli::{Cli, Command, ExportArgs, ImportArgs, ThemeName};
use crate::error::{CliError, OK};
use crate::workspace_path;

pub fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Export(args) => export(args),
        Command::Import(args) => import(args),
        Command::Lint(args) => crate::lint::lint(args),
        Command::Journal(command) => crate::journal::run(command),
    }
}

/// A story to export: its fields and status.
pub(crate) struct Source {
    pub(crate) fields: UpdateFields,
    pub(crate) status: Status,
    /// What of the story file the update does not keep
    /// (`Story::left_out`).
    pub(crate) left_out: Vec<String>,
    /// What a file written for it is called: the story file's stem, or
    /// `update-ID` for a stored update.
    pub(crate) name: String,
}

fn export(args: ExportArgs) -> Result<u8, CliError> {
    let from_workspace = args.workspace.is_some() || args.id.is_some() || args.all;
    // Stored updates are drawn with their workspace's branding; story files
    // with the default look.
    let (sources, branding) = match (args.stories.is_empty(), from_workspace) {
        (false, true) => {
            return Err(CliError::Usage(
                "give story files, or --workspace with --id or --all, not both".into(),
            ))
        }
        (true, false) => {
            return Err(CliError::Usage(
                "nothing to export: name story files, or use --workspace with --id or --all".into(),
            ))
        }
        (false, false) => (
            args.stories
                .iter()
                .map(|path| read_story(path))
                .collect::<Result<Vec<_>, _>>()?,
            Branding::default(),
        ),
        (true, true) => read_stored(&args)?,
    };

    let theme = match args.theme {
        ThemeName::Light => Theme::light(),
        ThemeName::Dark => Theme::dark(),
    };
    let slide = |source: &Source, page: usize, count: usize| {
        render_update_slide(&source.fields, page as u32, count as u32, &theme, &branding)
    };

    if let Some(out) = &args.pdf {
        let count = sources.len();
        let svgs: Vec<String> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| slide(s, i + 1, count))
            .collect();
        let pdf = slides_to_pdf(&svgs).map_err(|err| CliError::Write {
            path: out.clone(),
            message: err.to_string(),
        })?;
        write_file(out, &pdf)?;
    } else if let Some(out) = &args.png {
        let into_folder = out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/');
        if into_folder {
            std::fs::create_dir_all(out).map_err(|err| CliError::Write {
                path: out.clone(),
                message: err.to_string(),
            })?;
            let targets: Vec<PathBuf> = sources
                .iter()
                .map(|source| out.join(format!("{}.png", source.name)))
                .collect();
            let jobs: Vec<(&Source, &PathBuf)> = sources.iter().zip(&targets).collect();
            in_parallel(&jobs, |(source, path)| {
                let png = svg_to_png(&slide(source, 1, 1), args.scale, PngCompression::Small)
                    .map_err(|err| CliError::Write {
                        path: (*path).clone(),
                        message: err.to_string(),
                    })?;
                write_file(path, &png)
            })?;
        } else {
            let source = single(&sources, "--png")?;
            let png = svg_to_png(&slide(source, 1, 1), args.scale, PngCompression::Small).map_err(
                |err| CliError::Write {
                    path: out.clone(),
                    message: err.to_string(),
                },
            )?;
            write_file(out, &png)?;
        }
    } else if let Some(out) = &args.md {
        let source = single(&sources, "--md")?;
        let markdown = to_markdown(&Story::from_update_fields(&source.fields, source.status));
        write_file(out, markdown.as_bytes())?;
    }
    Ok(OK)
}

fn single<'a>(sources: &'a [Source], flag: &str) -> Result<&'a Source, CliError> {
    match sources {
        [one] => Ok(one),
        _ => Err(CliError::Usage(format!(
            "{flag} writes one update, but {} were given: use --pdf for a deck{}",
            sources.len(),
            if flag == "--png" {
                ", or --png FOLDER/ for one PNG per update"
            } else {
                ""
            }
        ))),
    }
}

/// Runs `work` on every job, spread over the machine's cores; the first
/// error (in job order) wins.
fn in_parallel<T: Sync>(
    jobs: &[T],
    work: impl Fn(&T) -> Result<(), CliError> + Sync,
) -> Result<(), CliError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let results: Vec<(usize, Result<(), CliError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let work = &work;
                scope.spawn(move || {
                    jobs.iter()
                        .enumerate()
                        .skip(thread)
                        .step_by(threads)
                        .map(|(index, job)| (index, work(job)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    vec![(
                        usize::MAX,
                        Err(CliError::Usage("a render thread failed".into())),
                    )]
                })
            })
            .collect()
    });
    let mut results = results;
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().try_for_each(|(_, result)| result)
}

pub(crate) fn read_story(path: &Path) -> Result<Source, CliError> {
    let input_error = |message: String| CliError::Input {
        path: path.to_owned(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|err| input_error(err.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| input_error("is not UTF-8 text".into()))?;
    let story = parse_story(&text).map_err(|err| input_error(err.to_string()))?;
    let fields = story.update_fields();
    fields
        .validate()
        .map_err(|err| input_error(err.to_string()))?;
    Ok(Source {
        fields,
        left_out: story.left_out(),
        status: story.status,
        name: path.file_stem().map_or_else(
            || "update".into(),
            |stem| stem.to_string_lossy().into_owned(),
        ),
    })
}

pub(crate) fn open_workspace(flag: Option<PathBuf>) -> Result<Workspace, CliError> {
    let path = workspace_path::resolve(flag)
        .ok_or_else(|| CliError::Usage("no workspace: pass --workspace FILE".into()))?;
    Workspace::open(&path).map_err(|err| CliError::Workspace(err.to_string()))
}

fn read_stored(args: &ExportArgs) -> Result<(Vec<Source>, Branding), CliError> {
    let workspace = open_workspace(args.workspace.clone())?;
    let store_error = |err: throughline_store::StoreError| CliError::Workspace(err.to_string());
    let branding = Branding::from_settings(&workspace.branding().map_err(store_error)?);
    let ids: Vec<i64> = match (args.id, args.all) {
        (Some(id), _) => vec![id],
        (None, true) => workspace
            .list_updates("")
            .map_err(store_error)?
            .iter()
            .map(|s| s.id)
            .collect(),
        (None, false) => {
            return Err(CliError::Usage(
                "with --workspace, choose --id ID or --all".into(),
            ))
        }
    };
    if ids.is_empty() {
        return Err(CliError::Usage(
            "the workspace holds no updates to export".into(),
        ));
    }
    let sources = ids
        .into_iter()
        .map(|id| {
            let update = workspace.get_update(id).map_err(|err| match err {
                throughline_store::StoreError::UpdateNotFound(_) => {
                    CliError::Usage(err.to_string())
                }
                other => store_error(other),
            })?;
            Ok(Source {
                fields: update.fields,
                status: update.status,
                left_out: Vec::new(),
                name: format!("update-{id}"),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((sources, branding))
}

fn import(args: ImportArgs) -> Result<u8, CliError> {
    // Read every file first: one bad file imports none.
    let sources = args
        .stories
        .iter()
        .map(|path| read_story(path))
        .collect::<Result<Vec<_>, _>>()?;
    for (path, source) in args.stories.iter().zip(&sources) {
        if !source.left_out.is_empty() {
            eprintln!(
                "{}: not kept (an update holds the title, the four beats, the evidence and the chart): {}",
                path.display(),
                source.left_out.join(", ")
            );
        }
    }
    let workspace = open_workspace(args.workspace)?;
    let updates: Vec<(UpdateFields, Status)> =
        sources.into_iter().map(|s| (s.fields, s.status)).collect();
    let ids = workspace
        .import_updates(&updates, chrono::Utc::now().timestamp_millis())
        .map_err(|err| CliError::Workspace(err.to_string()))?;
    println!(
        "imported {} update{} into {} (ids {})",
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        workspace.path().display(),
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(OK)
}

/// Writes through a temporary file in the same folder, then renames it:
/// a failed write never leaves half a file where the old one was.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let write_error = |err: std::io::Error| CliError::Write {
        path: path.to_owned(),
        message: err.to_string(),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| CliError::Usage(format!("{} is not a file name", path.display())))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(".partial");
    let temp = path.with_file_name(temp_name);
    std::fs::write(&temp, bytes).map_err(write_error)?;
    std::fs::rename(&temp, path).map_err(|err| {
        let _ = std::fs::remove_file(&temp);
        write_error(err)
    })
}
