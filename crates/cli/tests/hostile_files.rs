//! Files from someone else, tried as an attacker would: every case is built
//! here from scratch, run through the CLI and through the app's own open
//! path (in a child process, so an abort shows as a signal, not as a crashed
//! test run), and must finish in time, exit normally, name the problem and
//! leave the file as it was wherever nothing should be written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "hostile/build.rs"]
mod build;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Long enough for a debug build on a slow machine, far shorter than any
/// hang or allocation storm the cases used to cause.
const TIME_BOUND: Duration = Duration::from_secs(30);

const STORY: &str = include_str!("../../../tests/fixtures/stories/activation.md");

/// The child process of [`app_open_path`] finds what to do here.
const ACTION: &str = "THROUGHLINE_HOSTILE_ACTION";
const TARGET: &str = "THROUGHLINE_HOSTILE_PATH";

pub fn throughline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args(args)
        .env_remove("THROUGHLINE_WORKSPACE")
        .output()
        .unwrap()
}

pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Who opens the file: the CLI with these arguments, or the app's open path.
enum Runner {
    Cli(Vec<String>),
    App(&'static str, PathBuf),
}

struct Run {
    runner: Runner,
    /// Whether it should succeed (exit 0) or refuse.
    succeeds: bool,
    /// Words the output must hold (the problem, named).
    says: &'static str,
}

struct Case {
    name: &'static str,
    /// Files whose bytes must be the same after every run.
    unchanged: Vec<PathBuf>,
    runs: Vec<Run>,
}

fn cli(args: &[&str], succeeds: bool, says: &'static str) -> Run {
    Run {
        runner: Runner::Cli(args.iter().map(|a| a.to_string()).collect()),
        succeeds,
        says,
    }
}

/// The app's open path on `path`. One that opens the file may write to it
/// (its first-run note), so a workspace that should open is opened as a
/// copy, and the original stays comparable.
fn app(action: &'static str, path: &Path, succeeds: bool, says: &'static str) -> Run {
    let target = if action == "open" && succeeds {
        let copy = path.with_extension("app-copy");
        std::fs::copy(path, &copy).unwrap();
        copy
    } else {
        path.to_owned()
    };
    Run {
        runner: Runner::App(action, target),
        succeeds,
        says,
    }
}

fn hash(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path)
        .ok()
        .map(|bytes| Sha256::digest(bytes).to_vec())
}

/// Runs `command` to the end or until [`TIME_BOUND`], whichever is first.
fn run_bounded(mut command: Command) -> Result<(Output, Duration), String> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > TIME_BOUND {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            return Err(format!(
                "still running after {TIME_BOUND:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok((child.wait_with_output().unwrap(), started.elapsed()))
}

fn command_for(runner: &Runner) -> Command {
    match runner {
        Runner::Cli(args) => {
            let mut command = Command::new(env!("CARGO_BIN_EXE_throughline"));
            command.args(args).env_remove("THROUGHLINE_WORKSPACE");
            command
        }
        Runner::App(action, path) => {
            let mut command = Command::new(std::env::current_exe().unwrap());
            command
                .args([
                    "--exact",
                    "app_open_path",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(ACTION, action)
                .env(TARGET, path);
            command
        }
    }
}

fn check(case: &Case) -> Result<(), String> {
    let before: Vec<_> = case.unchanged.iter().map(|p| hash(p)).collect();
    for run in &case.runs {
        let who = match &run.runner {
            Runner::Cli(args) => format!("throughline {}", args.join(" ")),
            Runner::App(action, _) => format!("the app's {action}"),
        };
        let (output, elapsed) = run_bounded(command_for(&run.runner))
            .map_err(|why| format!("{}: {who}: {why}", case.name))?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        println!("{}: {who}: {:?}, {elapsed:.1?}", case.name, output.status);
        let failed = |why: String| Err(format!("{}: {who}: {why}: {text}", case.name));
        if output.status.code().is_none() {
            return failed("killed by a signal".into());
        }
        if text.contains("panicked") {
            return failed("panicked".into());
        }
        let succeeded = match run.runner {
            Runner::Cli(_) => output.status.success(),
            Runner::App(..) => text.contains("outcome: ok"),
        };
        if succeeded != run.succeeds {
            return failed(format!("expected success {}", run.succeeds));
        }
        if !text.contains(run.says) {
            return failed(format!("should say {:?}", run.says));
        }
    }
    for (path, before) in case.unchanged.iter().zip(before) {
        if hash(path) != before {
            return Err(format!("{}: {} was changed", case.name, path.display()));
        }
    }
    Ok(())
}

/// The app's open path, run in a child process by [`check`]. Without the
/// variable it does nothing (it is the parent run of the test binary).
#[test]
fn app_open_path() {
    let (Ok(action), Ok(path)) = (std::env::var(ACTION), std::env::var(TARGET)) else {
        return;
    };
    let path = PathBuf::from(path);
    match app_action(&action, &path) {
        Ok(done) => println!("outcome: ok: {done}"),
        Err(err) => println!("outcome: refused {}: {}", err.code.as_str(), err.message),
    }
}

fn app_action(action: &str, path: &Path) -> Result<String, throughline_api::ApiError> {
    use throughline_api::export::{self, Look, ThemeName};
    let clock = throughline_api::FixedClock {
        millis: 1_795_435_200_000,
        today: "2026-11-23".parse().unwrap(),
    };
    match action {
        // What the window does at launch: open, show the look, draw the
        // preview of every update in the list.
        "open" => {
            let workspace = throughline_api::workspace::open_for_app(path, &clock)?;
            let settings = workspace.branding()?;
            let _view = throughline_api::branding::BrandingView::from(&settings);
            let look = Look::new(ThemeName::Light, export::workspace_branding(&workspace));
            let mut drawn = 0;
            let mut refused = Vec::new();
            for summary in workspace.list_updates("")? {
                match export::stored_slide(&workspace, summary.id) {
                    Ok(slide) => {
                        export::preview(&slide.fields, slide.banner.as_deref(), &look)?;
                        drawn += 1;
                    }
                    Err(err) => refused.push(err.message),
                }
            }
            Ok(format!("{drawn} previews drawn; refused: {refused:?}"))
        }
        "chart-file" => {
            let imported = throughline_api::chart_data::read_chart_file(path)?;
            Ok(format!("{imported:?}").chars().take(200).collect())
        }
        "logo" => {
            let change = throughline_api::branding::read_logo(path)?;
            let dir = tempfile::tempdir().unwrap();
            let workspace =
                throughline_api::workspace::open_for_app(&dir.path().join("w"), &clock)?;
            throughline_api::branding::change_branding(&workspace, change)?;
            Ok("logo stored".into())
        }
        "story" => {
            let story = throughline_api::stories::read_story(path)?;
            Ok(format!("read {}", story.fields.title))
        }
        other => panic!("no action {other}"),
    }
}

fn story_in(dir: &Path) -> PathBuf {
    let path = dir.join("update.md");
    std::fs::write(&path, STORY).unwrap();
    path
}

fn fifo_at(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// Every attack from the report, one case each.
fn cases(dir: &Path) -> Vec<Case> {
    let story = story_in(dir);
    let mut cases = Vec::new();
    let workspace = |name: &str, sql: &str| {
        let path = dir.join(format!("{name}.throughline"));
        build::workspace_then(&path, &story, sql);
        path
    };
    let pdf = |name: &str| dir.join(format!("{name}.pdf")).to_str().unwrap().to_owned();

    // A logo claiming 100000 × 100000 pixels in 1 KB.
    let huge_logo = workspace("huge-logo", "");
    build::plant_logo(&huge_logo, &build::png_claiming(100_000, 100_000, 1024));
    let out = pdf("huge-logo");
    cases.push(Case {
        name: "logo claiming 100000 × 100000 pixels, stored in a workspace",
        unchanged: vec![huge_logo.clone()],
        runs: vec![
            cli(
                &[
                    "export",
                    "--workspace",
                    s(&huge_logo),
                    "--all",
                    "--pdf",
                    &out,
                ],
                true,
                "logo",
            ),
            app("open", &huge_logo, true, "1 previews drawn"),
        ],
    });

    // The same logo, and a decompression bomb, offered as a logo file.
    let logo_file = dir.join("huge.png");
    std::fs::write(&logo_file, build::png_claiming(100_000, 100_000, 1024)).unwrap();
    let bomb_file = dir.join("bomb.png");
    std::fs::write(&bomb_file, build::png_claiming(30_000, 30_000, 1_500_000)).unwrap();
    cases.push(Case {
        name: "logo files with huge declared sizes",
        unchanged: vec![],
        runs: vec![
            app("logo", &logo_file, false, "100000 × 100000"),
            app("logo", &bomb_file, false, "30000 × 30000"),
        ],
    });

    // A 1.5 KB workbook with cells at A1 and XFD1048576.
    let far = dir.join("far.xlsx");
    std::fs::write(
        &far,
        build::xlsx_with(&[("A1", "Week"), ("B1", "12"), ("XFD1048576", "1")], None),
    )
    .unwrap();
    let declared = dir.join("declared.xlsx");
    std::fs::write(
        &declared,
        build::xlsx_with(&[("A1", "Week"), ("B1", "12")], Some("A1:XFD1048576")),
    )
    .unwrap();
    cases.push(Case {
        name: "workbooks reaching the last cell of a sheet",
        unchanged: vec![],
        runs: vec![
            app("chart-file", &far, false, "rows"),
            app("chart-file", &declared, false, "rows"),
        ],
    });

    // A chart value of 1.6e308: finite, but its padded range is not.
    let huge_value = dir.join("huge-value.md");
    std::fs::write(
        &huge_value,
        STORY.replace("Before;32,0\nAfter;41,0", "A;1\nB;1.6e308"),
    )
    .unwrap();
    let huge_value_ws = workspace("huge-value", "");
    {
        let conn = rusqlite::Connection::open(&huge_value_ws).unwrap();
        conn.execute_batch(
            r#"UPDATE updates SET chart = '{"kind":"bar","title":"t","alt":"a","highlight":null,"unit":null,"data":{"header":["Group","V"],"rows":[{"label":"A","values":[1.0]},{"label":"B","values":[1.6e308]}]}}';
               PRAGMA wal_checkpoint(TRUNCATE);"#,
        )
        .unwrap();
    }
    let out = pdf("huge-value");
    let out_ws = pdf("huge-value-ws");
    cases.push(Case {
        name: "a chart value of 1.6e308",
        unchanged: vec![huge_value_ws.clone()],
        runs: vec![
            cli(&["export", s(&huge_value), "--pdf", &out], true, ""),
            cli(
                &[
                    "export",
                    "--workspace",
                    s(&huge_value_ws),
                    "--all",
                    "--pdf",
                    &out_ws,
                ],
                true,
                "",
            ),
            app("open", &huge_value_ws, true, "1 previews drawn"),
        ],
    });

    // Planted schema objects: each is refused before it can run.
    let planted = [
        (
            "an AFTER UPDATE trigger rewriting the evidence metric",
            "CREATE TRIGGER fix_metric AFTER UPDATE ON updates BEGIN
               UPDATE updates SET metric_value = '99%' WHERE id = new.id; END;",
            "trigger \"fix_metric\" on updates",
        ),
        (
            "an AFTER INSERT trigger rewriting titles on import",
            "CREATE TRIGGER retitle AFTER INSERT ON updates BEGIN
               UPDATE updates SET title = 'Approved' WHERE id = new.id; END;",
            "trigger \"retitle\" on updates",
        ),
        (
            "a trigger on meta with an endless recursive query",
            "CREATE TRIGGER spin AFTER INSERT ON meta BEGIN
               SELECT count(*) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n); END;",
            "trigger \"spin\" on meta",
        ),
        (
            "a recursive view",
            "CREATE VIEW everything AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i, zeroblob(1000) FROM n;",
            "view \"everything\"",
        ),
        (
            "a trigger that fills the disk",
            "CREATE TABLE filler (x BLOB);
             CREATE TRIGGER fill AFTER INSERT ON updates BEGIN
               INSERT INTO filler WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) SELECT zeroblob(1000000) FROM n; END;",
            "Throughline did not create",
        ),
        (
            "an index of our table we did not make",
            "CREATE INDEX sneaky ON updates (title);",
            "index \"sneaky\" on updates",
        ),
    ];
    for (index, (name, sql, says)) in planted.into_iter().enumerate() {
        let path = workspace(&format!("planted-{index}"), sql);
        let out = pdf(&format!("planted-{index}"));
        cases.push(Case {
            name,
            unchanged: vec![path.clone()],
            runs: vec![
                cli(
                    &["export", "--workspace", s(&path), "--all", "--pdf", &out],
                    false,
                    says,
                ),
                cli(&["import", "--workspace", s(&path), s(&story)], false, says),
                cli(&["journal", "status", "--workspace", s(&path)], false, says),
                app("open", &path, false, "workspace_untrusted"),
            ],
        });
    }

    // A stored chart of a million rows, beside a healthy update.
    let big_chart = workspace("big-chart", "");
    {
        let rows: Vec<String> = (0..1_000_000)
            .map(|i| format!(r#"{{"label":"r{i}","values":[{i}.0]}}"#))
            .collect();
        let chart = format!(
            r#"{{"kind":"bar","title":"t","alt":"a","highlight":null,"unit":null,"data":{{"header":["Row","V"],"rows":[{}]}}}}"#,
            rows.join(",")
        );
        let out = throughline(&["import", "--workspace", s(&big_chart), s(&story)]);
        assert!(out.status.success(), "{}", stderr(&out));
        let conn = rusqlite::Connection::open(&big_chart).unwrap();
        conn.execute("UPDATE updates SET chart = ?1 WHERE id = 1", [chart])
            .unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let one = pdf("big-chart-one");
    let all = pdf("big-chart-all");
    cases.push(Case {
        name: "a stored chart of 1,000,000 rows",
        unchanged: vec![big_chart.clone()],
        runs: vec![
            cli(
                &[
                    "export",
                    "--workspace",
                    s(&big_chart),
                    "--id",
                    "1",
                    "--pdf",
                    &one,
                ],
                false,
                "Update 1",
            ),
            cli(
                &[
                    "export",
                    "--workspace",
                    s(&big_chart),
                    "--all",
                    "--pdf",
                    &all,
                ],
                true,
                "left out of the deck: Update 1",
            ),
            app(
                "open",
                &big_chart,
                true,
                "1 previews drawn; refused: [\"Update 1",
            ),
        ],
    });

    // Right-to-left overrides that draw "09" as "90".
    let plain = dir.join("plain.md");
    let overridden = dir.join("overridden.md");
    let title = "title: Guided setup lifts activation 9 points — roll it out";
    std::fs::write(
        &plain,
        STORY.replace(title, "title: Guided setup lifts activation by 90 points"),
    )
    .unwrap();
    std::fs::write(
        &overridden,
        STORY.replace(
            title,
            "title: Guided setup lifts activation by \u{202E}09\u{202C} points",
        ),
    )
    .unwrap();
    cases.push(Case {
        name: "right-to-left override characters in a title",
        unchanged: vec![overridden.clone()],
        runs: vec![
            cli(&["lint", s(&plain)], false, "90"),
            // The overrides are gone on reading: the coach and the slide
            // both see "09", so the claim agrees with the chart's 9 points.
            cli(&["lint", s(&overridden)], true, "ready"),
            app("story", &overridden, true, "by 09 points"),
        ],
    });

    // Files that are not files: a FIFO and a device as a story or workspace.
    let fifo = dir.join("story.fifo");
    fifo_at(&fifo);
    let fifo_ws = dir.join("workspace.fifo");
    fifo_at(&fifo_ws);
    let dev_out = pdf("dev");
    cases.push(Case {
        name: "a FIFO or /dev/zero given as a story or a workspace",
        unchanged: vec![],
        runs: vec![
            cli(&["lint", s(&fifo)], false, "not a regular file"),
            cli(&["lint", "/dev/zero"], false, "not a regular file"),
            cli(
                &[
                    "export",
                    "--workspace",
                    s(&fifo_ws),
                    "--all",
                    "--pdf",
                    &dev_out,
                ],
                false,
                "a named pipe",
            ),
            cli(
                &["import", "--workspace", "/dev/zero", s(&story)],
                false,
                "a device",
            ),
            app("open", &fifo_ws, false, "a named pipe"),
            app("story", &fifo, false, "not a regular file"),
        ],
    });

    // A dangling link as the workspace: nothing is created where it points.
    let link = dir.join("link.throughline");
    let nowhere = dir.join("nowhere").join("target.throughline");
    std::os::unix::fs::symlink(&nowhere, &link).unwrap();
    cases.push(Case {
        name: "a link to nowhere given as the workspace",
        unchanged: vec![],
        runs: vec![
            cli(
                &["import", "--workspace", s(&link), s(&story)],
                false,
                "does not exist",
            ),
            app("open", &link, false, "does not exist"),
        ],
    });

    // Exports that would write through a link or onto a device.
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "someone else's file").unwrap();
    let through_link = dir.join("deck.pdf");
    std::os::unix::fs::symlink(&victim, &through_link).unwrap();
    let fifo_out = dir.join("out.fifo");
    fifo_at(&fifo_out);
    cases.push(Case {
        name: "an export target that is a link to another file, or a FIFO",
        unchanged: vec![victim.clone()],
        runs: vec![
            cli(&["export", s(&story), "--pdf", s(&through_link)], true, ""),
            cli(
                &["export", s(&story), "--pdf", s(&fifo_out)],
                false,
                "not a regular file",
            ),
            cli(
                &["export", s(&story), "--pdf", "/dev/null"],
                false,
                "not a regular file",
            ),
        ],
    });

    // A beat line that reads like a heading exports Markdown that imports back.
    let heading = dir.join("heading.md");
    std::fs::write(
        &heading,
        STORY.replace(
            "Ship the checklist to every workspace by 15 December.",
            "Ship the checklist to every workspace by 15 December.\n\\## Resolution\nstill the resolution.",
        ),
    )
    .unwrap();
    cases.push(Case {
        name: "a beat line reading like a heading",
        unchanged: vec![heading.clone()],
        runs: vec![cli(
            &[
                "export",
                s(&heading),
                "--md",
                s(&dir.join("heading-out.md")),
            ],
            true,
            "",
        )],
    });

    cases
}

#[test]
fn hostile_files_finish_in_time_exit_normally_and_change_nothing() {
    if std::env::var(ACTION).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let only = std::env::var("THROUGHLINE_HOSTILE_CASE").unwrap_or_default();
    let failures: Vec<String> = cases(dir.path())
        .iter()
        .filter(|case| case.name.contains(&only))
        .filter_map(|case| check(case).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn initiatives_import_from_an_xlsx_sheet_with_text_read_as_text_and_a_bad_cell_named() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("portfolio.throughline");
    let good = dir.path().join("initiatives.xlsx");
    std::fs::write(
        &good,
        build::xlsx_with(
            &[
                ("A1", "name"),
                ("B1", "owner"),
                ("C1", "horizon"),
                ("D1", "bucket"),
                ("E1", "cost"),
                ("F1", "depends_on"),
                ("A2", "Loan calculator"),
                ("B2", "Lending squad"),
                ("C2", "Now"),
                ("D2", "core"),
                ("E2", "200"),
                ("A3", "Risk-scoring engine"),
                ("B3", "Data team"),
                ("C3", "Next"),
                ("D3", "adjacent"),
                ("E3", "150"),
                ("F3", "Loan calculator"),
            ],
            None,
        ),
    )
    .unwrap();
    let out = throughline(&["portfolio", "import", s(&good), "--workspace", s(&ws)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 initiative(s)"));
    let check = throughline(&[
        "portfolio",
        "check",
        "--workspace",
        s(&ws),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let failing: Vec<&str> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .filter_map(|c| c["check"].as_str())
        .collect();
    assert!(
        !failing.contains(&"next-needs-now"),
        "the dependency read from the sheet links the two: {failing:?}"
    );

    let bad = dir.path().join("bad.xlsx");
    std::fs::write(
        &bad,
        build::xlsx_with(
            &[
                ("A1", "name"),
                ("B1", "bucket"),
                ("A2", "Partner API"),
                ("B2", "sideways"),
            ],
            None,
        ),
    )
    .unwrap();
    let before = std::fs::read(&ws).unwrap();
    let out = throughline(&["portfolio", "import", s(&bad), "--workspace", s(&ws)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("bad.xlsx, sheet “Data”") && err.contains("row 2") && err.contains("bucket"),
        "{err}"
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before, "nothing was imported");
}
