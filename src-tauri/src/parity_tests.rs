#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The window and the command line agree: the desktop's own command
//! functions (grant check, use case, error) and the `throughline` binary, run
//! over copies of the same workspace, store the same statuses, refuse the
//! same files with the same code and text, and write the same bytes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use throughline_api::export::{ExportFormat, ExportRequest, ThemeName};
use throughline_api::{ErrorCode, SystemClock};
use throughline_core::journal::Reading;
use throughline_core::{BrandingSettings, Status};

use crate::file_access::{FileGrants, FilePurpose};
use crate::slides::{clipboard_image, export_to_chosen_file};
use crate::state::AppState;
use crate::story_import::import_chosen_stories;

/// The finished update the CLI tests use too.
const STORY: &str = include_str!("../../tests/fixtures/stories/activation.md");

/// The `throughline` binary `cargo test` built beside this test binary.
fn cli_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let debug = exe.parent().and_then(Path::parent).unwrap();
    let cli = debug.join("throughline");
    assert!(
        cli.exists(),
        "{} is missing: build the workspace (cargo test --workspace builds it)",
        cli.display()
    );
    cli
}

fn throughline(args: &[&str]) -> Output {
    Command::new(cli_binary())
        .args(args)
        .env_remove("THROUGHLINE_WORKSPACE")
        .env_remove("THROUGHLINE_NOW")
        .output()
        .unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A workspace with the company's look and a journal whose kill criterion
/// is triggered (sharing activation 14 % against a 20 % floor).
fn base_workspace(dir: &Path) -> PathBuf {
    let path = dir.join("base.throughline");
    let ws = throughline_api::workspace::open_for_app(&path, &SystemClock::from_env()).unwrap();
    ws.save_branding(BrandingSettings {
        accent: "#7A1FA2".into(),
        footer_label: "Northwind · Confidential".into(),
        ..ws.branding().unwrap()
    })
    .unwrap();
    let journal = ws
        .create_journal(&throughline_core::example::example_journal(), 1)
        .unwrap();
    ws.add_readings(
        journal,
        &[Reading {
            metric: "Sharing activation".into(),
            date: "2026-11-20".parse().unwrap(),
            value: 14.0,
        }],
    )
    .unwrap();
    drop(ws);
    path
}

fn stories(dir: &Path) -> Vec<PathBuf> {
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    vec![
        write("plain.md", STORY),
        // Says ready; the coach finds evidence without a number.
        write(
            "says-ready.md",
            &STORY
                .replace("status: draft", "status: ready")
                .replace("A/B test across 3,920 workspaces.", "Customers love it.")
                .replace(
                    "```metric\nvalue: 41%\nunit: week-one activation\nbaseline: 32% without\nwindow: 6 weeks\n```\n",
                    "",
                ),
        ),
        // Will back the journal whose kill criterion is triggered.
        write("backs-journal.md", &STORY.replace("CFO", "CRO")),
    ]
}

/// The desktop's state on `path`, with `paths` granted as if picked in dialogs.
fn app_on(path: &Path) -> (AppState, FileGrants) {
    (AppState::open(path.to_path_buf()), FileGrants::default())
}

#[test]
fn the_window_and_the_cli_store_and_export_the_same_things() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_workspace(dir.path());
    let app_path = dir.path().join("app.throughline");
    let cli_path = dir.path().join("cli.throughline");
    std::fs::copy(&base, &app_path).unwrap();
    std::fs::copy(&base, &cli_path).unwrap();
    let files = stories(dir.path());

    // Import through the desktop's command function …
    let (state, grants) = app_on(&app_path);
    let picked: Vec<String> = files.iter().map(|p| s(p).to_owned()).collect();
    for path in &files {
        grants.grant(path, FilePurpose::Stories);
    }
    let imported = import_chosen_stories(&state, &grants, &picked).unwrap();
    assert_eq!(imported.demoted.len(), 1, "{:?}", imported.demoted);
    assert!(imported.demoted[0].starts_with("says-ready.md: stored as a draft"));

    // … and through the binary.
    let mut args = vec!["import"];
    args.extend(files.iter().map(|p| s(p)));
    args.extend(["--workspace", s(&cli_path)]);
    let out = throughline(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&imported.demoted[0]),
        "the CLI says what the window says: {stderr}"
    );

    // The third update backs the journal, in both workspaces.
    let backing = imported.ids[2];
    // The journal the base workspace added (beside the demo's example).
    let journal = state
        .with_workspace(|ws| {
            Ok(ws
                .list_journals()?
                .into_iter()
                .find(|j| j.item == "Shared workspaces")
                .map(|j| j.id))
        })
        .unwrap();
    state
        .with_workspace(|ws| Ok(ws.link_update(backing, journal, 1)?))
        .unwrap();
    throughline_store::Workspace::open(&cli_path)
        .unwrap()
        .link_update(backing, journal, 1)
        .unwrap();

    let cli_ws = throughline_store::Workspace::open(&cli_path).unwrap();
    for id in &imported.ids {
        let app_status = state
            .with_workspace(|ws| Ok(ws.get_update(*id)?))
            .unwrap()
            .status;
        assert_eq!(
            app_status,
            cli_ws.get_update(*id).unwrap().status,
            "update {id}"
        );
        assert_eq!(
            app_status,
            Status::Draft,
            "a ready story with a coach error is a draft"
        );
    }
    drop(cli_ws);

    for id in &imported.ids {
        for format in [
            ExportFormat::Pdf,
            ExportFormat::Png,
            ExportFormat::Md,
            ExportFormat::Pptx,
        ] {
            let ext = format.extension();
            let app_out = dir.path().join(format!("app-{id}.{ext}"));
            grants.grant(&app_out, export_purpose(format));
            let request = ExportRequest {
                ids: vec![*id],
                path: s(&app_out).to_owned(),
                format,
                theme: ThemeName::Light,
                scale: None,
                frame: None,
            };
            export_to_chosen_file(&state, &grants, request, |_| {}).unwrap();
            let cli_out = dir.path().join(format!("cli-{id}.{ext}"));
            let id_text = id.to_string();
            let out = throughline(&[
                "export",
                "--workspace",
                s(&cli_path),
                "--id",
                &id_text,
                &format!("--{ext}"),
                s(&cli_out),
            ]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                std::fs::read(&app_out).unwrap() == std::fs::read(&cli_out).unwrap(),
                "update {id} as {ext}: the window and the CLI wrote different bytes"
            );
        }
    }

    // The banner reaches every door: the PDF of the backing update holds it …
    let pdf = dir.path().join(format!("cli-{backing}.pdf"));
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/install-system-deps.sh");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Kill criterion triggered"), "{text}");
    assert!(
        text.contains("Northwind"),
        "the workspace's branding: {text}"
    );

    // … and the image copied to the clipboard is the exported PNG's pixels.
    let fields = state
        .with_workspace(|ws| Ok(ws.get_update(backing)?))
        .unwrap()
        .fields;
    let copied = clipboard_image(&state, Some(backing), fields.clone(), ThemeName::Light).unwrap();
    let png = decode_png(&dir.path().join(format!("cli-{backing}.png")));
    assert_eq!((copied.width, copied.height), (1920, 1080));
    assert!(
        copied.pixels == png,
        "the copied slide differs from the exported one"
    );
    let unbacked = clipboard_image(&state, None, fields, ThemeName::Light).unwrap();
    assert!(
        unbacked.pixels != png,
        "without the banner the slide looks different"
    );
}

#[test]
fn an_oversized_story_is_refused_with_the_same_code_and_words_on_both_doors() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("w.throughline");
    let big = dir.path().join("huge.md");
    let mut text = STORY.to_owned();
    text.push_str(&"padding line for a very long draft\n".repeat(17 * 1024 * 1024 / 35 + 1));
    std::fs::write(&big, text).unwrap();
    assert!(std::fs::metadata(&big).unwrap().len() > 17 * 1024 * 1024 - 1);

    let (state, grants) = app_on(&workspace);
    grants.grant(&big, FilePurpose::Stories);
    let err = import_chosen_stories(&state, &grants, &[s(&big).to_owned()]).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(
        err.message,
        "huge.md is too large to be a story (over 16 MB)"
    );

    let cli_workspace = dir.path().join("cli.throughline");
    let out = throughline(&["import", s(&big), "--workspace", s(&cli_workspace)]);
    assert_eq!(out.status.code(), Some(2), "invalid input is exit code 2");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!("throughline: {}", err.message)
    );
    assert!(!cli_workspace.exists(), "nothing was written");
    let out = throughline(&["export", s(&big), "--md", s(&dir.path().join("x.md"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&err.message));
}

#[test]
fn a_path_not_chosen_in_a_dialog_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (state, grants) = app_on(&dir.path().join("w.throughline"));
    let err = import_chosen_stories(&state, &grants, &["/etc/passwd".into()]).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotChosen);
}

fn export_purpose(format: ExportFormat) -> FilePurpose {
    FilePurpose::for_export(format)
}

fn decode_png(path: &Path) -> Vec<u8> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba, "slides are RGBA");
    pixels.truncate(info.buffer_size());
    pixels
}
