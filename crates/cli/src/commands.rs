//! `export` and `import`: the same use cases as the app (`throughline-api`),
//! their results printed and mapped to exit codes.

use std::path::{Path, PathBuf};

use throughline_api::export::{self, ExportFormat, Look, Slide, ThemeName};
use throughline_api::files::write_atomically;
use throughline_api::stories::{read_stories, store_stories};
use throughline_api::SystemClock;
use throughline_render::Branding;
use throughline_store::Workspace;

use crate::cli::{Cli, Command, ExportArgs, ImportArgs, PrepareToSendArgs, Theme};
use crate::error::{CliError, OK};

pub fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Export(args) => export(args),
        Command::Import(args) => import(args),
        Command::Lint(args) => crate::lint::lint(args),
        Command::Journal(command) => crate::journal::run(command),
        Command::Portfolio(command) => crate::portfolio::run(command),
        Command::Audit(args) => crate::audit::audit(args),
        Command::Team(command) => crate::team::run(command),
        Command::Memo(args) => memo(args),
        Command::New(args) => crate::audit::new(args),
        Command::PrepareToSend(args) => prepare_to_send(args),
    }
}

fn prepare_to_send(args: PrepareToSendArgs) -> Result<u8, CliError> {
    let workspace = open_workspace_to_read(args.workspace)?;
    throughline_api::sending::prepare_to_send(&workspace, &args.out).map_err(CliError::Api)?;
    eprintln!("wrote {}", args.out.display());
    if workspace
        .team()
        .map_err(|e| CliError::Api(e.into()))?
        .is_some()
    {
        eprintln!("{}", throughline_api::team::SENDING_NOTE);
    }
    Ok(OK)
}

/// Reads story files as slides, or says which one is wrong.
fn story_slides(paths: &[PathBuf]) -> Result<Vec<Slide>, CliError> {
    let files = read_stories(paths).map_err(CliError::Api)?;
    // A draft written another way: say what became what, and what was kept.
    for file in files.iter().filter(|file| !file.mapped.is_empty()) {
        eprintln!("throughline: {}: {}", file.name, file.mapped.join("; "));
    }
    Ok(files.into_iter().map(Slide::from).collect())
}

fn export(args: ExportArgs) -> Result<u8, CliError> {
    let from_workspace = args.workspace.is_some() || args.id.is_some() || args.all;
    // Stored updates are drawn with their workspace's branding (and their
    // kill-criterion banner); story files with the default look.
    let (slides, branding) = match (args.stories.is_empty(), from_workspace) {
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
        (false, false) => (story_slides(&args.stories)?, Branding::default()),
        (true, true) => read_stored(&args)?,
    };
    let theme = match args.theme {
        Theme::Light => ThemeName::Light,
        Theme::Dark => ThemeName::Dark,
    };
    let look = Look::new(theme, branding);
    let look = match &args.template {
        Some(path) => look
            .with_pptx_template(path)
            .map_err(|err| CliError::input(path, err))?,
        // Stored updates use their workspace's template, when it has one.
        None if from_workspace => {
            let mut look = look;
            let workspace = open_workspace_to_read(args.workspace.clone())?;
            look.pptx_template = throughline_api::branding::workspace_pptx_template(&workspace)
                .map_err(CliError::Api)?;
            look
        }
        None => look,
    };
    let (format, out) = match (&args.pdf, &args.png, &args.md, &args.pptx) {
        (Some(out), _, _, _) => (ExportFormat::Pdf, out),
        (_, Some(out), _, _) => (ExportFormat::Png, out),
        (_, _, Some(out), _) => (ExportFormat::Md, out),
        (_, _, _, Some(out)) => (ExportFormat::Pptx, out),
        _ => {
            return Err(CliError::Usage(
                "choose --pdf, --pptx, --png or --md".into(),
            ))
        }
    };
    let frame_asked = args.title.is_some() || args.agenda || args.appendix || args.notes_pages;
    if frame_asked && !format.is_deck() {
        return Err(CliError::Usage(
            "--title, --agenda, --appendix and --notes-pages shape a deck: use them with --pdf or --pptx"
                .into(),
        ));
    }
    let mut look = look;
    if frame_asked {
        if args.appendix && args.workspace.is_none() {
            return Err(CliError::Usage(
                "--appendix takes the journals and the portfolio from a workspace: add --workspace FILE"
                    .into(),
            ));
        }
        let workspace = match args.appendix {
            true => Some(open_workspace_to_read(args.workspace.clone())?),
            false => None,
        };
        let request = export::DeckFrameRequest {
            title: args.title.clone().unwrap_or_default(),
            agenda: args.agenda,
            appendix: args.appendix,
            notes_pages: args.notes_pages,
        };
        look.frame = export::deck_frame(&slides, &request, workspace.as_ref(), &look)
            .map_err(CliError::Api)?;
    }
    if args.template.is_some() && format != ExportFormat::Pptx {
        return Err(CliError::Usage(
            "--template is a PowerPoint template: use it with --pptx".into(),
        ));
    }
    let into_folder =
        !format.is_deck() && (out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/'));
    if into_folder {
        // Two inputs named alike would race for one file: refused, naming it.
        let mut names = std::collections::HashSet::new();
        if let Some(twice) = slides.iter().find(|slide| !names.insert(&slide.name)) {
            return Err(CliError::Usage(format!(
                "two updates would both be written to {}: rename one of the files named {:?}",
                out.join(format!("{}.{}", twice.name, format.extension()))
                    .display(),
                twice.name
            )));
        }
        std::fs::create_dir_all(out).map_err(|err| CliError::Write {
            path: out.clone(),
            message: err.to_string(),
        })?;
        in_parallel(&slides, |slide| {
            let path = out.join(format!("{}.{}", slide.name, format.extension()));
            let bytes = export::export_bytes(
                std::slice::from_ref(slide),
                format,
                &look,
                args.scale,
                |_| {},
            )
            .map_err(|err| CliError::write(&path, err))?;
            write(&path, &bytes)
        })?;
        return Ok(OK);
    }
    if !format.is_deck() && slides.len() != 1 {
        let flag = format!("--{}", format.extension());
        return Err(CliError::Usage(format!(
            "{flag} writes one update, but {} were given: use --pdf for a deck, or {flag} FOLDER/ for one file per update",
            slides.len(),
        )));
    }
    let bytes = export::export_bytes(&slides, format, &look, args.scale, |_| {})
        .map_err(|err| CliError::write(out, err))?;
    write(out, &bytes)?;
    Ok(OK)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    write_atomically(path, bytes).map_err(|err| CliError::write(path, err))
}

/// Runs `work` on every job, spread over the machine's cores; the first
/// error (in job order) wins.
fn in_parallel<T: Sync>(
    jobs: &[T],
    work: impl Fn(&T) -> Result<(), CliError> + Sync,
) -> Result<(), CliError> {
    throughline_core::parallel::map(jobs, work)
        .into_iter()
        .collect()
}

pub(crate) fn open_workspace(flag: Option<PathBuf>) -> Result<Workspace, CliError> {
    throughline_api::workspace::open_for_cli(&workspace_path(flag)?).map_err(CliError::Api)
}

/// For commands that only read: the workspace file is never written.
pub(crate) fn open_workspace_to_read(flag: Option<PathBuf>) -> Result<Workspace, CliError> {
    throughline_api::workspace::open_for_reading(&workspace_path(flag)?).map_err(CliError::Api)
}

pub(crate) fn workspace_path(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    throughline_api::paths::resolve_workspace(flag)
        .ok_or_else(|| CliError::Usage("no workspace: pass --workspace FILE".into()))
}

fn read_stored(args: &ExportArgs) -> Result<(Vec<Slide>, Branding), CliError> {
    let workspace = open_workspace_to_read(args.workspace.clone())?;
    let ids = match (args.id, args.all) {
        (Some(id), _) => vec![id],
        (None, true) => export::all_update_ids(&workspace).map_err(CliError::Api)?,
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
    let slides = if args.all {
        let (slides, left_out) =
            export::readable_slides(&workspace, &ids).map_err(CliError::Api)?;
        for err in &left_out {
            eprintln!("warning: left out of the deck: {}", err.message);
        }
        if slides.is_empty() {
            return Err(CliError::Usage(
                "no update in the workspace could be read".into(),
            ));
        }
        slides
    } else {
        export::stored_slides(&workspace, &ids).map_err(CliError::Api)?
    };
    for warning in export::look_warnings(&workspace) {
        eprintln!("warning: {warning}");
    }
    Ok((slides, export::workspace_branding(&workspace)))
}

fn import(args: ImportArgs) -> Result<u8, CliError> {
    // Every file is read before the workspace is touched: one bad file
    // imports none and creates nothing.
    let files = read_stories(&args.stories).map_err(CliError::Api)?;
    let workspace = open_workspace(args.workspace)?;
    let clock = SystemClock::from_env();
    let done = store_stories(&workspace, files, &clock).map_err(CliError::Api)?;
    for line in &done.mapped {
        eprintln!("throughline: {line}");
    }
    for line in &done.demoted {
        eprintln!("throughline: {line}");
    }
    println!(
        "imported {} update{} into {} ({})",
        done.ids.len(),
        if done.ids.len() == 1 { "" } else { "s" },
        workspace.path().display(),
        done.id_summary()
    );
    Ok(OK)
}

fn memo(args: crate::cli::MemoArgs) -> Result<u8, CliError> {
    let (format, out) = match (&args.pdf, &args.md) {
        (Some(out), _) => (export::MemoFormat::Pdf, out.clone()),
        (None, Some(out)) => (export::MemoFormat::Md, out.clone()),
        (None, None) => return Err(CliError::Usage("choose --pdf OUT or --md OUT".into())),
    };
    let bytes = match (&args.story, args.id) {
        (Some(story), None) => {
            let slides = story_slides(std::slice::from_ref(story))?;
            let slide = slides
                .first()
                .ok_or_else(|| CliError::Usage("the story file holds no update".into()))?;
            let look = Look::new(ThemeName::Light, Branding::default());
            export::memo_bytes(&slide.fields, None, format, &look)
        }
        (None, Some(id)) => {
            let workspace = open_workspace_to_read(args.workspace.clone())?;
            let look = Look::new(ThemeName::Light, export::workspace_branding(&workspace));
            export::stored_memo(&workspace, id, format, &look)
        }
        _ => {
            return Err(CliError::Usage(
                "give one story file, or --workspace FILE --id ID".into(),
            ))
        }
    }
    .map_err(|err| CliError::write(&out, err))?;
    write(&out, &bytes)?;
    println!("wrote {}", out.display());
    Ok(OK)
}
