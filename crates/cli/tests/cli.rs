//! The `throughline` binary, run as a user would, on real files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A finished update (shared with the desktop's parity test).
const STORY: &str = include_str!("../../../tests/fixtures/stories/activation.md");

fn throughline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args(args)
        .env_remove("THROUGHLINE_WORKSPACE")
        .output()
        .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// How many pages `pdfinfo` counts in a PDF.
fn pdf_pages(path: &Path) -> String {
    let info = String::from_utf8(
        Command::new("pdfinfo")
            .arg(s(path))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    info.lines()
        .find(|l| l.starts_with("Pages:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or_default()
        .to_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_story_exports_to_a_pdf_with_its_words_and_embedded_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "update.md", STORY);
    let pdf = dir.path().join("update.pdf");
    let out = throughline(&["export", s(&story), "--pdf", s(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Guided setup lifts activation 9 points"),
        "{text}"
    );
    assert!(
        text.contains("+9 pts"),
        "the computed difference is on the slide: {text}"
    );
    let fonts = Command::new("pdffonts").arg(s(&pdf)).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes yes ")),
        "{fonts}"
    );
}

#[test]
fn several_stories_make_one_deck_and_the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "a.md", STORY);
    let second = write(dir.path(), "b.md", &STORY.replace("CFO", "CRO"));
    let deck = |name: &str| {
        let path = dir.path().join(name);
        let out = throughline(&[
            "export",
            s(&first),
            s(&second),
            "--pdf",
            s(&path),
            "--theme",
            "dark",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read(path).unwrap()
    };
    let one = deck("one.pdf");
    assert_eq!(one, deck("two.pdf"));
    let info = Command::new("pdfinfo")
        .arg(s(&dir.path().join("one.pdf")))
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 2")),
        "{info}"
    );
}

#[test]
fn png_is_1920_by_1080_times_the_scale() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "update.md", STORY);
    for (scale, width) in [("1", 1920u32), ("2", 3840)] {
        let png = dir.path().join(format!("slide@{scale}.png"));
        let out = throughline(&["export", s(&story), "--png", s(&png), "--scale", scale]);
        assert!(out.status.success(), "{}", stderr(&out));
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let read_u32 = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!((read_u32(16), read_u32(20)), (width, width * 1080 / 1920));
    }
}

#[test]
fn markdown_export_is_canonical_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "update.md", STORY);
    let once = dir.path().join("once.md");
    let twice = dir.path().join("twice.md");
    assert!(throughline(&["export", s(&story), "--md", s(&once)])
        .status
        .success());
    assert!(throughline(&["export", s(&once), "--md", s(&twice)])
        .status
        .success());
    let once_text = std::fs::read_to_string(&once).unwrap();
    assert_eq!(once_text, std::fs::read_to_string(&twice).unwrap());
    assert!(
        once_text.contains("Group,Activation\nBefore,32\nAfter,41\n"),
        "{once_text}"
    );
}

#[test]
fn import_then_export_from_the_workspace_gives_the_same_story_back() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "update.md", STORY);
    let workspace = dir.path().join("team.throughline");
    let out = throughline(&["import", s(&story), "--workspace", s(&workspace)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 1 update"));

    let from_file = dir.path().join("file.md");
    let from_store = dir.path().join("store.md");
    assert!(throughline(&["export", s(&story), "--md", s(&from_file)])
        .status
        .success());
    let out = throughline(&[
        "export",
        "--workspace",
        s(&workspace),
        "--id",
        "1",
        "--md",
        s(&from_store),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(from_file).unwrap(),
        std::fs::read_to_string(from_store).unwrap()
    );
}

/// A postmortem as written elsewhere: its own headings, a summary before
/// them, a key the app does not know.
const POSTMORTEM: &str =
    "---\ntitle: Checkout outage cost nine hours of orders\nteam: payments\n---\n\n\
The morning after, for the exec staff.\n\n## Summary\nCheckout failed for every customer.\n\n\
## Situation\nPeak season: 30% of the year's orders land in December.\n\n\
## Impact\nNine hours of orders lost, 14:10 to 23:10 UTC.\n\n## Root causes\n\
1. An expired certificate.\n2. No alert on certificate expiry.\n\n## Remediation\n\
The platform team automates renewal by 15 January.\n";

#[test]
fn a_draft_s_other_sections_survive_export_and_import_and_export_says_what_it_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write(dir.path(), "outage.md", POSTMORTEM);
    let exported = dir.path().join("exported.md");
    let out = throughline(&["export", s(&draft), "--md", s(&exported)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("outage.md: “Situation” read as the context"),
        "{said}"
    );
    assert!(
        said.contains("“Remediation” read as the resolution"),
        "{said}"
    );
    assert!(
        said.contains("kept as other sections: the text before the first heading, “Summary”, “Impact”, “Root causes”"),
        "{said}"
    );
    let text = std::fs::read_to_string(&exported).unwrap();
    for part in [
        "team: payments",
        "The morning after, for the exec staff.",
        "## Summary\n\nCheckout failed for every customer.",
        "## Impact\n\nNine hours of orders lost, 14:10 to 23:10 UTC.",
        "## Root causes\n\n1. An expired certificate.\n2. No alert on certificate expiry.",
        "## Context\n\nPeak season",
        "## Resolution\n\nThe platform team automates renewal by 15 January.",
    ] {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }
    // Imported back, the update keeps the same sections: exporting it from
    // the workspace gives the same file, and nothing more is mapped.
    let workspace = dir.path().join("team.throughline");
    let out = throughline(&["import", s(&exported), "--workspace", s(&workspace)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("kept as other sections: the text before the first heading, “Summary”, “Impact”, “Root causes”"));
    let from_store = dir.path().join("store.md");
    let out = throughline(&[
        "export",
        "--workspace",
        s(&workspace),
        "--id",
        "1",
        "--md",
        s(&from_store),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(from_store).unwrap(), text);
}

#[test]
fn one_bad_file_imports_nothing_and_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.md", STORY);
    let bad = write(
        dir.path(),
        "bad.md",
        &STORY.replace("After;41,0", "After;lots"),
    );
    let workspace = dir.path().join("team.throughline");
    let out = throughline(&["import", s(&good), s(&bad), "--workspace", s(&workspace)]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains("bad.md") && message.contains("line") && message.contains("\"lots\""),
        "{message}"
    );
    assert!(!workspace.exists(), "nothing may be written");
}

#[test]
fn exit_codes_say_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "update.md", STORY);
    let usage = throughline(&[
        "export",
        s(&story),
        s(&story),
        "--png",
        s(&dir.path().join("x.png")),
    ]);
    assert_eq!(usage.status.code(), Some(2), "{}", stderr(&usage));
    assert!(stderr(&usage).contains("--pdf"));
    let missing = throughline(&["export", s(&dir.path().join("nope.md")), "--pdf", "x.pdf"]);
    assert_eq!(missing.status.code(), Some(2));
    let unwritable = throughline(&[
        "export",
        s(&story),
        "--pdf",
        s(&dir.path().join("no/such/dir/x.pdf")),
    ]);
    assert_eq!(unwritable.status.code(), Some(3), "{}", stderr(&unwritable));
    let not_a_workspace = write(dir.path(), "notes.throughline", "just some notes\n");
    let out = throughline(&[
        "export",
        "--workspace",
        s(&not_a_workspace),
        "--all",
        "--pdf",
        "x.pdf",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("not a database"), "{}", stderr(&out));
    let help = throughline(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes"));
    let no_output = throughline(&["export", s(&story)]);
    assert_eq!(no_output.status.code(), Some(2));
}

fn corpus(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/coach/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn lint_exits_0_for_a_ready_story_and_1_for_one_with_errors() {
    let strong = throughline(&["lint", &corpus("01-strong-freemium-funnel.md")]);
    assert_eq!(strong.status.code(), Some(0), "{}", stderr(&strong));
    let text = String::from_utf8_lossy(&strong.stdout);
    assert!(text.contains("ready"), "{text}");

    let weak = throughline(&["lint", &corpus("02-activity-report.md")]);
    assert_eq!(weak.status.code(), Some(1), "{}", stderr(&weak));
    let text = String::from_utf8_lossy(&weak.stdout);
    assert!(
        text.contains("not ready") && text.contains("evidence-missing"),
        "{text}"
    );
}

#[test]
fn lint_json_has_exactly_the_documented_keys() {
    let out = throughline(&["lint", &corpus("02-activity-report.md"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["findings", "ready", "score"]);
    assert_eq!(report["ready"], false);
    assert!(report["score"].as_u64().unwrap() <= 100);
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        let keys: Vec<&str> = finding
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["beat", "message", "rule", "severity", "span"]);
        assert!(["error", "warning", "info"].contains(&finding["severity"].as_str().unwrap()));
        assert!(finding["span"].is_null() || finding["span"].as_array().unwrap().len() == 2);
    }
    // A vague word's span points at the word itself (counted in characters).
    let okay = findings
        .iter()
        .find(|f| f["rule"] == "vague-word" && f["beat"] == "evidence")
        .unwrap();
    assert_eq!(
        okay["span"],
        serde_json::json!([15, 19]),
        "“Adoption looks okay so far.”"
    );
}

#[test]
fn lint_exits_2_for_a_missing_or_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = throughline(&["lint", s(&dir.path().join("nope.md"))]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.md"), "{}", stderr(&missing));

    let broken = write(
        dir.path(),
        "broken.md",
        "---\ntitle: x\n---\n\n## Evidence\n```chart\nkind: pie\n\nA,B\nx,1\n```\n",
    );
    let out = throughline(&["lint", s(&broken)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.md"), "{}", stderr(&out));

    let binary = dir.path().join("binary.md");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert_eq!(throughline(&["lint", s(&binary)]).status.code(), Some(2));
}

#[test]
fn several_stories_export_to_a_folder_of_pngs_and_not_to_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let stories: Vec<PathBuf> = ["monday", "tuesday", "wednesday"]
        .iter()
        .map(|name| write(dir.path(), &format!("{name}.md"), STORY))
        .collect();
    let mut args = vec!["export"];
    args.extend(stories.iter().map(|p| s(p)));
    let one_file = dir.path().join("one.png");
    let mut refused = args.clone();
    refused.extend(["--png", s(&one_file)]);
    let out = throughline(&refused);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--png FOLDER/"), "{}", stderr(&out));
    assert!(!one_file.exists());

    let folder = format!("{}/slides/", dir.path().display());
    args.extend(["--png", &folder]);
    let out = throughline(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in ["monday", "tuesday", "wednesday"] {
        let png = std::fs::read(dir.path().join("slides").join(format!("{name}.png"))).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let info = decoder.read_info().unwrap().info().clone();
        assert_eq!((info.width, info.height), (1920, 1080), "{name}.png");
    }

    // Two files with one name, from two folders, would race for one PNG.
    std::fs::create_dir(dir.path().join("other")).unwrap();
    let twin = write(&dir.path().join("other"), "monday.md", STORY);
    let twins = dir.path().join("twins/");
    let out = throughline(&[
        "export",
        s(&stories[0]),
        s(&twin),
        "--png",
        &format!("{}/", twins.display()),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("monday.png"), "{}", stderr(&out));
    assert!(!twins.exists(), "nothing written");
}

fn v4_workspace(dir: &Path) -> PathBuf {
    let path = dir.join("team.throughline");
    std::fs::copy(
        format!(
            "{}/../store/tests/fixtures/schema-v4.throughline",
            env!("CARGO_MANIFEST_DIR")
        ),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn journal_status_reports_every_criterion_and_exits_1_when_one_is_triggered() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = v4_workspace(dir.path());
    let out = throughline(&[
        "journal",
        "status",
        "--workspace",
        s(&workspace),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["criteria"]);
    let criteria = report["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 1);
    let keys: Vec<&str> = criteria[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["criterion", "date", "journal", "reading", "status"]);
    assert_eq!(criteria[0]["status"], "triggered");
    assert_eq!(criteria[0]["reading"], 14.0);
    assert_eq!(criteria[0]["date"], "2026-11-20");
    assert_eq!(criteria[0]["journal"], "Shared workspaces");
}

#[test]
fn journal_readings_are_all_or_nothing_unless_the_valid_ones_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = v4_workspace(dir.path());
    let csv = write(
        dir.path(),
        "readings.csv",
        "date,Sharing activation\n2026-11-21,22\nyesterday,23\n2026-11-22,26\n",
    );
    let args = [
        "journal",
        "readings",
        s(&csv),
        "--journal",
        "1",
        "--workspace",
        s(&workspace),
    ];
    let refused = throughline(&args);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("row 3"), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("nothing was imported"),
        "{}",
        stderr(&refused)
    );

    let mut accepting = args.to_vec();
    accepting.push("--accept-valid");
    let out = throughline(&accepting);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 reading"));
    // The latest reading (26 on 2026-11-22) is now clear of the threshold 25 but within its margin.
    let status = throughline(&[
        "journal",
        "status",
        "--workspace",
        s(&workspace),
        "--format",
        "json",
    ]);
    assert_eq!(status.status.code(), Some(0), "{}", stderr(&status));
    let report: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(report["criteria"][0]["status"], "at-risk");
}

#[test]
fn journal_readings_exported_as_fractions_are_caught_before_they_trigger_the_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = v4_workspace(dir.path());
    // A sheet formatted as percent exports 22% as 0.22; the criterion is "below 25 %".
    let csv = write(
        dir.path(),
        "readings.csv",
        "date,Sharing activation\n2026-11-21,0.22\n2026-11-22,0.26\n",
    );
    let before = journal_status(&workspace);
    let out = import_readings(&csv, &workspace);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("row 2: 0.22 looks like a fraction"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        journal_status(&workspace),
        before,
        "a refused import changed the judgement"
    );

    // The same sheet with a header that says % and the values as percentages imports.
    let fixed = write(
        dir.path(),
        "fixed.csv",
        "date,Sharing activation (%)\n2026-11-21,22%\n2026-11-22,26%\n",
    );
    let out = import_readings(&fixed, &workspace);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 reading"));
    assert_eq!(journal_status(&workspace)["criteria"][0]["reading"], 26.0);
}

/// `throughline journal readings FILE --journal 1 --workspace WORKSPACE`.
fn import_readings(file: &Path, workspace: &Path) -> Output {
    throughline(&[
        "journal",
        "readings",
        s(file),
        "--journal",
        "1",
        "--workspace",
        s(workspace),
    ])
}

fn journal_status(workspace: &Path) -> serde_json::Value {
    let out = throughline(&[
        "journal",
        "status",
        "--workspace",
        s(workspace),
        "--format",
        "json",
    ]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn journal_readings_saved_by_excel_as_unicode_text_with_its_dates_import() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = v4_workspace(dir.path());
    // Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated, dates with a time.
    let text = "date\tSharing activation (%)\r\n11/21/2026 00:00\t22\r\n11/22/2026 00:00\t26\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.path().join("readings.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = import_readings(&path, &workspace);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 reading"));
    let status = journal_status(&workspace);
    assert_eq!(status["criteria"][0]["date"], "2026-11-22");
    assert_eq!(status["criteria"][0]["reading"], 26.0);
}

#[test]
fn a_story_that_says_ready_but_has_a_coach_error_is_stored_as_a_draft_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let weak = write(
        dir.path(),
        "weak.md",
        &STORY
            .replace("status: draft", "status: ready")
            .replace("A/B test across 3,920 workspaces.", "Customers love it.")
            .replace(
                "```metric\nvalue: 41%\nunit: week-one activation\nbaseline: 32% without\nwindow: 6 weeks\n```\n",
                "",
            ),
    );
    let good = write(
        dir.path(),
        "good.md",
        &STORY.replace("status: draft", "status: ready"),
    );
    let workspace = dir.path().join("team.throughline");
    let out = throughline(&["import", s(&weak), s(&good), "--workspace", s(&workspace)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("weak.md: stored as a draft although it says ready"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("good.md"), "{}", stderr(&out));
    let md = dir.path().join("back.md");
    for (id, status) in [("1", "status: draft"), ("2", "status: ready")] {
        let out = throughline(&[
            "export",
            "--workspace",
            s(&workspace),
            "--id",
            id,
            "--md",
            s(&md),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(&md).unwrap();
        assert!(text.contains(status), "update {id}: {text}");
    }
}

#[test]
fn importing_many_files_prints_one_short_summary() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..300)
        .map(|i| write(dir.path(), &format!("week-{i}.md"), STORY))
        .collect();
    let workspace = dir.path().join("team.throughline");
    let mut args = vec!["import"];
    args.extend(files.iter().map(|p| s(p)));
    args.extend(["--workspace", s(&workspace)]);
    let out = throughline(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("imported 300 updates"), "{stdout}");
    assert!(stdout.trim_end().ends_with("(ids 1–300)"), "{stdout}");
    assert!(stdout.len() < 200, "{stdout}");
}

#[test]
fn export_all_writes_every_format_its_help_lists() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "a.md", STORY);
    let second = write(dir.path(), "b.md", &STORY.replace("CFO", "CRO"));
    let workspace = dir.path().join("team.throughline");
    assert!(throughline(&[
        "import",
        s(&first),
        s(&second),
        "--workspace",
        s(&workspace)
    ])
    .status
    .success());
    for (flag, ext) in [("--md", "md"), ("--png", "png")] {
        let folder = dir.path().join(format!("all-{ext}/"));
        let out = throughline(&[
            "export",
            "--workspace",
            s(&workspace),
            "--all",
            flag,
            s(&folder),
        ]);
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        for id in [1, 2] {
            let file = folder.join(format!("update-{id}.{ext}"));
            assert!(file.exists(), "{}", file.display());
        }
    }
    let md = std::fs::read_to_string(dir.path().join("all-md/update-2.md")).unwrap();
    assert!(md.contains("audience: CRO"), "{md}");
    // One file for several updates is refused with what to do instead.
    let out = throughline(&[
        "export",
        "--workspace",
        s(&workspace),
        "--all",
        "--md",
        s(&dir.path().join("one.md")),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--md FOLDER/"), "{}", stderr(&out));
    let pdf = dir.path().join("all.pdf");
    assert!(throughline(&[
        "export",
        "--workspace",
        s(&workspace),
        "--all",
        "--pdf",
        s(&pdf)
    ])
    .status
    .success());
}

#[test]
fn readings_are_judged_against_the_local_date_not_utc() {
    // 23:30 on 2 December in a UTC−8 zone is already 3 December in UTC.
    let dir = tempfile::tempdir().unwrap();
    let workspace = v4_workspace(dir.path());
    let local = |file: &Path| {
        Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args([
                "journal",
                "readings",
                s(file),
                "--journal",
                "1",
                "--workspace",
                s(&workspace),
            ])
            .env("TZ", "PST8")
            .env("THROUGHLINE_NOW", "2026-12-03T07:30:00Z")
            .output()
            .unwrap()
    };
    let tomorrow = write(
        dir.path(),
        "tomorrow.csv",
        "date,Sharing activation\n2026-12-03,30\n",
    );
    let out = local(&tomorrow);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a reading dated tomorrow is refused"
    );
    assert!(stderr(&out).contains("future"), "{}", stderr(&out));
    let today = write(
        dir.path(),
        "today.csv",
        "date,Sharing activation\n2026-12-02,30\n",
    );
    let out = local(&today);
    assert!(
        out.status.success(),
        "a reading dated today is taken: {}",
        stderr(&out)
    );
}

#[test]
fn portfolio_check_passes_fails_and_speaks_json_and_import_names_the_bad_cell() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("portfolio.throughline");
    let ws = ws.to_str().unwrap();
    // The method's split: 70 upsell, 20 the risk engine (fed by the calculator), 10 moonshots.
    let sheet = dir.path().join("initiatives.csv");
    std::fs::write(
        &sheet,
        "name,horizon,bucket,cost,depends_on,P0,P1\n\
         Upsell bundles,Now,core,500,,-100,250\n\
         Loan calculator,Now,core,200,,-50,80\n\
         Risk-scoring engine,Next,adjacent,200,Loan calculator,-120,60\n\
         Moonshot lab,Later,transformational,100,,-40,0\n",
    )
    .unwrap();
    let imported = throughline(&[
        "portfolio",
        "import",
        sheet.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    assert!(String::from_utf8_lossy(&imported.stdout).contains("imported 4 initiative(s)"));

    let passing = throughline(&["portfolio", "check", "--workspace", ws]);
    assert_eq!(passing.status.code(), Some(0), "{}", stderr(&passing));
    let text = String::from_utf8_lossy(&passing.stdout);
    assert!(text.trim_end().ends_with("every check passes"), "{text}");

    // Views as files: the matrix as PNG, the tracks as a PDF whose text holds the names.
    let png = dir.path().join("matrix.png");
    let out = throughline(&[
        "portfolio",
        "export",
        "--view",
        "matrix",
        "--png",
        png.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let pdf = dir.path().join("tracks.pdf");
    let out = throughline(&[
        "portfolio",
        "export",
        "--view",
        "tracks",
        "--pdf",
        pdf.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for name in [
        "Upsell bundles",
        "Loan calculator",
        "Risk-scoring engine",
        "Moonshot lab",
    ] {
        assert!(text.contains(name), "{name} missing from {text}");
    }

    // An initiative's readings, and its gate tracker as a PDF page.
    let readings = dir.path().join("errors.csv");
    std::fs::write(
        &readings,
        "date,Error rate\n2026-11-10,3.9\n2026-11-24,5.6\n",
    )
    .unwrap();
    let out = throughline(&[
        "portfolio",
        "readings",
        readings.to_str().unwrap(),
        "--initiative",
        "moonshot LAB",
        "--workspace",
        ws,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 reading(s)"));
    let gates = dir.path().join("gates.pdf");
    let out = throughline(&[
        "portfolio",
        "export",
        "--view",
        "gates",
        "--initiative",
        "Moonshot lab",
        "--pdf",
        gates.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([gates.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Moonshot lab: evidence gates and stopping rules"),
        "{text}"
    );
    assert!(text.contains("No evidence gate yet"), "{text}");
    let out = throughline(&[
        "portfolio",
        "export",
        "--view",
        "gates",
        "--pdf",
        gates.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--view gates needs --initiative"
    );
    let out = throughline(&[
        "portfolio",
        "export",
        "--view",
        "gates",
        "--initiative",
        "Ghost",
        "--pdf",
        gates.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no initiative called “Ghost”"),
        "{}",
        stderr(&out)
    );

    // A Next item on nothing in Now fails, by name, and the exit code says so.
    let more = dir.path().join("more.csv");
    std::fs::write(
        &more,
        "name,horizon,bucket,fte\nPartner API,Next,adjacent,1\n",
    )
    .unwrap();
    let added = throughline(&[
        "portfolio",
        "import",
        more.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    let failing = throughline(&["portfolio", "check", "--workspace", ws, "--format", "json"]);
    assert_eq!(failing.status.code(), Some(1), "{}", stderr(&failing));
    let json: serde_json::Value = serde_json::from_slice(&failing.stdout).unwrap();
    let checks = json["checks"].as_array().unwrap();
    for check in checks {
        let keys: Vec<&str> = check
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["check", "initiative", "message", "status"]);
        assert!(matches!(check["status"].as_str(), Some("pass" | "fail")));
    }
    let failed: Vec<&serde_json::Value> = checks.iter().filter(|c| c["status"] == "fail").collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["check"], "next-needs-now");
    assert_eq!(failed[0]["initiative"], "Partner API");

    // A bad cell: nothing imported, the file, row and column named, exit 2.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,horizon\nAI assistant,Someday\n").unwrap();
    let refused = throughline(&[
        "portfolio",
        "import",
        bad.to_str().unwrap(),
        "--workspace",
        ws,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(
        message.contains("bad.csv: row 2, column 2 (“horizon”): “Someday” is not a horizon"),
        "{message}"
    );
}

/// A story file holding a portfolio view: the file alone redraws it, and a
/// Markdown round trip keeps its rows to the byte.
const PORTFOLIO_STORY: &str = "---
title: Keep 70/20/10 and fund the risk engine in Next
date: 2026-12-07
---

## Context

Upsell carries this quarter.

## Evidence

The allocation as of today.

```chart
kind: allocation
title: Core takes 58 % of cost against a 70 % target
as-of: 2026-12-07
value: npv
targets: 70/20/10

name,bucket,horizon,fit,npv,ecv,cost,fte,depends_on
Upsell bundles,core,now,7,400,400,500,,
Risk-scoring engine,adjacent,next,8,100,100,200,,Loan calculator
Loan calculator,core,now,5,20,20,200,,
```
";

#[test]
fn a_story_with_a_portfolio_chart_exports_its_view_day_and_rows_hash() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "portfolio.md", PORTFOLIO_STORY);
    let pdf = dir.path().join("portfolio.pdf");
    let out = throughline(&["export", s(&story), "--pdf", s(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Core takes 58 % of cost",
        "target 70 %",
        "As of 2026-12-07 · rows ",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    let md = dir.path().join("canonical.md");
    let out = throughline(&["export", s(&story), "--md", s(&md)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let canonical = std::fs::read_to_string(&md).unwrap();
    assert!(
        canonical.contains("Risk-scoring engine,adjacent,next,8,100,100,200,,Loan calculator"),
        "{canonical}"
    );
    // A bad row is refused with its line, as any chart block's.
    let bad = write(
        dir.path(),
        "bad.md",
        &PORTFOLIO_STORY.replace("adjacent,next", "adjacent,someday"),
    );
    let out = throughline(&["export", s(&bad), "--pdf", s(&pdf)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 23") && stderr(&out).contains("someday"),
        "{}",
        stderr(&out)
    );
}

/// A template's skeleton with its own examples written into the beats and
/// the title.
fn filled(template: &str) -> String {
    let out = throughline(&["new", "--template", template]);
    assert!(out.status.success(), "{}", stderr(&out));
    let skeleton = String::from_utf8(out.stdout).unwrap();
    let example = |name: &str| -> String {
        let line = skeleton
            .lines()
            .find(|l| l.starts_with(&format!("# {name}: ")))
            .unwrap_or_else(|| panic!("{name} prompt missing from {skeleton}"));
        line.split("e.g. “")
            .nth(1)
            .unwrap()
            .trim_end_matches('”')
            .to_owned()
    };
    let mut text = skeleton.replace("title: \"\"", &format!("title: \"{}\"", example("Title")));
    for beat in ["Context", "Conflict", "Resolution", "Evidence"] {
        text = text.replace(
            &format!("## {beat}\n"),
            &format!("## {beat}\n\n{}\n", example(beat)),
        );
    }
    text
}

#[test]
fn every_template_starts_a_story_that_lints_with_its_own_expectations_once_filled() {
    let dir = tempfile::tempdir().unwrap();
    for template in ["weekly-update", "go-no-go", "qbr", "incident-summary"] {
        // Unfilled, the beats are missing; filled with the template's own examples, it is ready.
        let blank = dir.path().join(format!("{template}-blank.md"));
        let out = throughline(&["new", "--template", template, "--out", s(&blank)]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(&blank).unwrap();
        assert!(text.contains(&format!("template: {template}")), "{text}");
        let lint = throughline(&["lint", s(&blank)]);
        assert_eq!(
            lint.status.code(),
            Some(1),
            "{template}: a blank template is not ready"
        );

        let story = write(dir.path(), &format!("{template}.md"), &filled(template));
        let lint = throughline(&["lint", s(&story), "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
        assert_eq!(lint.status.code(), Some(0), "{template}: {json}");
        // The template survives a Markdown round trip.
        let md = dir.path().join(format!("{template}-canonical.md"));
        let out = throughline(&["export", s(&story), "--md", s(&md)]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::read_to_string(&md)
            .unwrap()
            .contains(&format!("template: {template}")));
    }
    // Its expectations apply: a go/no-go without a decision date, an incident without a cause.
    let undated = filled("go-no-go").replace(
        "Go on 15 January; the web team rolls out; we halt if refunds pass 3% by 15 February.",
        "We go ahead soon; the web team rolls out, and we halt if refunds climb.",
    );
    let story = write(dir.path(), "undated.md", &undated);
    let lint = throughline(&["lint", s(&story)]);
    assert_eq!(lint.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&lint.stdout).contains("template-decision-date"),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );
    // An existing file is not replaced, and an unknown template is a usage error.
    let blank = dir.path().join("go-no-go-blank.md");
    let out = throughline(&["new", "--template", "go-no-go", "--out", s(&blank)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = throughline(&["new", "--template", "retro"]);
    assert_eq!(out.status.code(), Some(2));
    let bad = write(
        dir.path(),
        "bad.md",
        "---\ntitle: T\ntemplate: retro\n---\n",
    );
    let lint = throughline(&["lint", s(&bad)]);
    assert_eq!(lint.status.code(), Some(2));
    assert!(
        stderr(&lint).contains("line 3") && stderr(&lint).contains("go-no-go"),
        "{}",
        stderr(&lint)
    );
}

#[test]
fn audit_names_the_conflicting_buckets_in_text_and_json_with_its_exit_codes() {
    use throughline_core::audit::{Acknowledgement, Stakeholder, Strategy, UpdateAudit};
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("audit.throughline");
    let story = write(dir.path(), "update.md", STORY);
    let out = throughline(&["import", s(&story), "--workspace", s(&ws)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let workspace = throughline_store::Workspace::open(&ws).unwrap();
    let id = workspace.list_updates("").unwrap()[0].id;
    let person = |role: &str, metric: &str| Stakeholder {
        role: role.into(),
        metric: metric.into(),
        acknowledged: Some(Acknowledgement {
            date: "2026-11-12".parse().unwrap(),
            place: "staff meeting".into(),
        }),
        ..Stakeholder::default()
    };
    let audit = |metrics: [&str; 2]| UpdateAudit {
        stakeholders: vec![
            person("CFO", metrics[0]),
            person("Head of Product", metrics[1]),
        ],
        ..UpdateAudit::default()
    };
    workspace
        .save_update_audit(id, &audit(["NRR", "MAU"]), 1)
        .unwrap();
    drop(workspace);

    let id_text = id.to_string();
    let out = throughline(&["audit", "--id", &id_text, "--workspace", s(&ws)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("CONFLICT Goals") && text.contains("CFO judges by NRR"),
        "{text}"
    );
    assert!(text.contains("playbook: Map each initiative"), "{text}");
    assert!(
        text.contains("open Does your North-Star metric echo"),
        "{text}"
    );

    let out = throughline(&[
        "audit",
        "--id",
        &id_text,
        "--workspace",
        s(&ws),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["buckets", "questions"]);
    assert_eq!(keys(&json["buckets"][0]), ["bucket", "conflict", "why"]);
    assert_eq!(keys(&json["questions"][0]), ["answer", "fact", "question"]);
    let goals = &json["buckets"][0];
    assert_eq!(
        (goals["bucket"].as_str(), goals["conflict"].as_bool()),
        (Some("goals"), Some(true))
    );

    // Agreement, a board target the priority names, every acknowledgement, and a
    // portfolio whose items have horizons and a gated red line: exit 0.
    let workspace = throughline_store::Workspace::open(&ws).unwrap();
    workspace
        .save_update_audit(id, &audit(["NRR", "nrr"]), 2)
        .unwrap();
    let mut update = workspace.get_update(id).unwrap().fields;
    update.priority = "Grow NRR".into();
    workspace.save_update(id, &update, 3).unwrap();
    workspace
        .save_strategy(&Strategy {
            board_metric: "NRR".into(),
            why_switch: "Setup in ten minutes".into(),
            ..Strategy::default()
        })
        .unwrap();
    let gated = throughline_core::portfolio::Initiative {
        name: "AI assistant".into(),
        horizon: Some(throughline_core::portfolio::Horizon::Later),
        risks: vec![throughline_core::portfolio::Risk {
            kind: throughline_core::portfolio::RiskKind::Brand,
            level: 4,
            red_line: true,
        }],
        gates: vec![throughline_core::portfolio::EvidenceGate {
            date: "2027-01-15".parse().unwrap(),
            metric: "Complaints".into(),
            threshold: 5.0,
            at_most: true,
            unit: String::new(),
            decision: None,
        }],
        ..throughline_core::portfolio::Initiative::default()
    };
    workspace.add_initiatives(&[gated], 4).unwrap();
    drop(workspace);
    let out = throughline(&["audit", "--id", &id_text, "--workspace", s(&ws)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // An update that does not exist is bad input; a workspace that cannot be opened, 3.
    let out = throughline(&["audit", "--id", "999", "--workspace", s(&ws)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let garbage = write(dir.path(), "garbage.throughline", "not a database");
    let out = throughline(&["audit", "--id", "1", "--workspace", s(&garbage)]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

#[test]
fn pptx_export_writes_one_deck_with_notes_and_a_template_must_be_one() {
    let dir = tempfile::tempdir().unwrap();
    let with_notes = format!("{STORY}\n## Notes\n\nOpen with the nine points.\n");
    let first = write(dir.path(), "first.md", &with_notes);
    let second = write(dir.path(), "second.md", STORY);
    let deck = dir.path().join("deck.pptx");
    let out = throughline(&["export", s(&first), s(&second), "--pptx", s(&deck)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&deck).unwrap()).unwrap();
    for part in [
        "ppt/slides/slide1.xml",
        "ppt/slides/slide2.xml",
        "ppt/charts/throughlineChart1.xml",
        "ppt/embeddings/throughlineWorkbook1.xlsx",
        "ppt/notesSlides/notesSlide1.xml",
    ] {
        assert!(zip.by_name(part).is_ok(), "{part} missing");
    }
    let mut notes = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("ppt/notesSlides/notesSlide1.xml").unwrap(),
        &mut notes,
    )
    .unwrap();
    assert!(notes.contains("Open with the nine points."), "{notes}");
    // The same stories give the same bytes.
    let again = dir.path().join("again.pptx");
    assert!(
        throughline(&["export", s(&first), s(&second), "--pptx", s(&again)])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&deck).unwrap(),
        std::fs::read(&again).unwrap()
    );

    // A template is a PowerPoint file, and only for --pptx.
    let not_a_template = write(dir.path(), "notes.txt", "just text");
    let out = throughline(&[
        "export",
        s(&first),
        "--pptx",
        s(&deck),
        "--template",
        s(&not_a_template),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("template cannot be used"),
        "{}",
        stderr(&out)
    );
    let out = throughline(&[
        "export",
        s(&first),
        "--pdf",
        s(&dir.path().join("x.pdf")),
        "--template",
        s(&deck),
    ]);
    assert_eq!(out.status.code(), Some(2));
    // Our own deck is a template too: its master and layouts carry over.
    let on_ours = dir.path().join("on-ours.pptx");
    let out = throughline(&[
        "export",
        s(&second),
        "--pptx",
        s(&on_ours),
        "--template",
        s(&deck),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&on_ours).unwrap()).unwrap();
    assert!(
        zip.by_name("ppt/slides/slide2.xml").is_err(),
        "the template's own slides are left out"
    );
    assert!(zip.by_name("ppt/slideLayouts/slideLayout1.xml").is_ok());
}

#[test]
fn a_deck_opens_with_its_ask_and_an_agenda_and_ends_with_its_appendix_in_pdf_and_pptx() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("deck.throughline");
    let with_notes = format!("{STORY}\n## Notes\n\nOpen with the nine points.\n");
    let story = write(dir.path(), "update.md", &with_notes);
    let out = throughline(&["import", s(&story), "--workspace", s(&ws)]);
    assert!(out.status.success(), "{}", stderr(&out));
    {
        let workspace = throughline_store::Workspace::open(&ws).unwrap();
        workspace
            .create_journal(&throughline_core::example::example_journal(), 1)
            .unwrap();
        workspace
            .add_initiatives(
                &throughline_core::example::demo_portfolio("2026-12-07".parse().unwrap()),
                2,
            )
            .unwrap();
    }
    let pdf = dir.path().join("deck.pdf");
    let frame = [
        "--title",
        "Q4 review: fund the setup checklist",
        "--agenda",
        "--appendix",
        "--notes-pages",
    ];
    let mut args = vec!["export", "--workspace", s(&ws), "--all", "--pdf", s(&pdf)];
    args.extend(frame);
    let out = throughline(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    // Title, agenda, the update, its notes page, the journal, the matrix and the allocation.
    assert_eq!(pdf_pages(&pdf), "7");
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([s(&pdf), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for expected in [
        "Q4 review: fund the setup checklist",
        "Agenda",
        "Guided setup lifts activation 9 points",
        "SPEAKER NOTES",
        "Open with the nine points.",
        "Portfolio: NPV",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the deck: {text}"
        );
    }
    let pptx = dir.path().join("deck.pptx");
    let mut args = vec!["export", "--workspace", s(&ws), "--all", "--pptx", s(&pptx)];
    args.extend(frame);
    let out = throughline(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let zip = zip::ZipArchive::new(std::fs::File::open(&pptx).unwrap()).unwrap();
    let slides = zip
        .file_names()
        .filter(|n| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count();
    assert_eq!(
        slides, 6,
        "title, agenda, the update and three appendix pages (notes stay on the notes page)"
    );
    // The frame shapes decks only, and the appendix needs its workspace.
    let out = throughline(&[
        "export",
        s(&story),
        "--png",
        s(&dir.path().join("x.png")),
        "--agenda",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = throughline(&[
        "export",
        s(&story),
        "--pdf",
        s(&dir.path().join("x.pdf")),
        "--appendix",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--workspace"), "{}", stderr(&out));
}

#[test]
fn the_read_ahead_memo_holds_the_story_the_evidence_and_the_journal_in_two_pages_at_most() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("memo.throughline");
    let story = write(dir.path(), "update.md", STORY);
    assert!(throughline(&["import", s(&story), "--workspace", s(&ws)])
        .status
        .success());
    let id = {
        let workspace = throughline_store::Workspace::open(&ws).unwrap();
        let id = workspace.list_updates("").unwrap()[0].id;
        let journal = workspace
            .create_journal(&throughline_core::example::example_journal(), 1)
            .unwrap();
        workspace.link_update(id, Some(journal), 2).unwrap();
        id
    };
    let pdf = dir.path().join("memo.pdf");
    let id_text = id.to_string();
    let out = throughline(&[
        "memo",
        "--workspace",
        s(&ws),
        "--id",
        &id_text,
        "--pdf",
        s(&pdf),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([s(&pdf), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Guided setup lifts activation 9 points",
        "CONTEXT",
        "RESOLUTION",
        "Kill criterion:",
        "Assumption:",
        "Read-ahead",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the memo: {text}"
        );
    }
    let md = dir.path().join("memo.md");
    let out = throughline(&[
        "memo",
        "--workspace",
        s(&ws),
        "--id",
        &id_text,
        "--md",
        s(&md),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(
        markdown.starts_with("# Guided setup lifts activation 9 points"),
        "{markdown}"
    );
    assert!(markdown.contains("## Decision journal: "), "{markdown}");

    // A long draft still fits two pages, and says the rest is left out.
    let long = STORY.replace(
        "## Conflict",
        &format!(
            "## Impact\n\n{}\n\n## Conflict",
            "A long paragraph about the impact. ".repeat(400)
        ),
    );
    let long = write(dir.path(), "long.md", &long);
    let long_pdf = dir.path().join("long.pdf");
    assert!(throughline(&["memo", s(&long), "--pdf", s(&long_pdf)])
        .status
        .success());
    assert_eq!(pdf_pages(&long_pdf), "2");
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([s(&long_pdf), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("the rest is in the update itself"), "{text}");
}
