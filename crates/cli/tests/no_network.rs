#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Nothing leaves the laptop before the user joins a team: every command a
//! workspace that has not joined runs — the team ones included — is traced
//! with `strace -f -e trace=connect`, and no connection to an Internet
//! address (AF_INET or AF_INET6) may appear. `strace` comes with the
//! project's system packages (scripts/install-system-deps.sh); without it
//! this test fails rather than skip.

use std::path::Path;
use std::process::Command;

fn traced(args: &[&str], dir: &Path) -> (bool, String) {
    let log = dir.join(format!(
        "trace-{}.txt",
        args.join("-").replace(['/', '.'], "_")
    ));
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=connect", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_throughline"))
        .args(args)
        .env_remove("THROUGHLINE_WORKSPACE")
        .status()
        .expect("strace runs (install it with scripts/install-system-deps.sh)");
    (
        status.success(),
        std::fs::read_to_string(&log).unwrap_or_default(),
    )
}

#[test]
fn a_workspace_that_has_not_joined_a_team_never_connects_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("alone.throughline");
    let story = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/coach/01-strong-freemium-funnel.md");
    let ws = workspace.to_str().unwrap();
    let story = story.to_str().unwrap();
    let md = dir.path().join("out");
    let pdf = dir.path().join("out.pdf");
    let commands: Vec<Vec<&str>> = vec![
        vec!["import", story, "--workspace", ws],
        vec!["lint", story],
        vec![
            "export",
            "--workspace",
            ws,
            "--all",
            "--md",
            md.to_str().unwrap(),
        ],
        vec!["export", story, "--pdf", pdf.to_str().unwrap()],
        vec!["portfolio", "check", "--workspace", ws],
        vec!["team", "status", "--workspace", ws],
        vec!["team", "sync", "--workspace", ws],
        vec!["team", "share", "--update", "1", "--workspace", ws],
    ];
    for args in &commands {
        let (_, trace) = traced(args, dir.path());
        let internet: Vec<&str> = trace.lines().filter(|l| l.contains("AF_INET")).collect();
        assert!(
            internet.is_empty(),
            "`throughline {}` connected: {internet:?}",
            args.join(" ")
        );
    }
    // The trace does see connections: a joined workspace's `team sync`
    // tries its server (refused: nothing listens there).
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let joined = dir.path().join("joined.throughline");
    let (ok, trace) = traced(
        &[
            "team",
            "join",
            "--workspace",
            joined.to_str().unwrap(),
            "--server",
            &format!("ws://127.0.0.1:{port}"),
            "--new",
            "Probe",
            "--timeout",
            "2",
        ],
        dir.path(),
    );
    assert!(!ok, "nothing listens there");
    assert!(
        trace.contains("AF_INET"),
        "strace saw no connect at all, so it proves nothing: {trace}"
    );
}
