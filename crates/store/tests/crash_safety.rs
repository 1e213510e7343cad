#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Crash safety, proved by killing: a child process saves edits through the
//! real save path (`Workspace::save_update`, as the app's autosave does) and
//! prints each edit's number once the save returned; the parent SIGKILLs it
//! at a random moment, 200 times. After every kill the file must pass
//! `PRAGMA integrity_check`, hold exactly the text of one edit (no torn
//! write), and that edit must be at least the last one acknowledged.
//!
//! The child is this test binary run again with `THROUGHLINE_CRASH_CHILD`
//! set (the `crash_child_writer` test does nothing otherwise).
//! `THROUGHLINE_CRASH_RUNS` changes the number of kills.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use throughline_core::UpdateFields;
use throughline_store::Workspace;

const CHILD_VAR: &str = "THROUGHLINE_CRASH_CHILD";

/// The text of edit `n`: its number first, then a body whose length varies
/// (emoji included) so pages split and merge as the edits go on.
fn edit_text(n: u64) -> String {
    let mut text = format!("edit {n:08} ");
    for i in 0..(n % 97) * 7 {
        text.push_str(if i % 5 == 0 { "🚀 " } else { "word " });
    }
    text
}

fn edit_number(text: &str) -> Option<u64> {
    text.strip_prefix("edit ")?.get(..8)?.parse().ok()
}

#[test]
fn crash_child_writer() {
    let Some(path) = std::env::var_os(CHILD_VAR) else {
        return;
    };
    let workspace = Workspace::open(std::path::Path::new(&path)).unwrap();
    let existing = workspace.list_updates("").unwrap();
    let (id, mut n) = match existing.first() {
        Some(summary) => {
            let update = workspace.get_update(summary.id).unwrap();
            (
                summary.id,
                edit_number(&update.fields.beats.context).unwrap_or(0),
            )
        }
        None => (
            workspace
                .create_update(&UpdateFields::default(), 0)
                .unwrap()
                .id,
            0,
        ),
    };
    let mut out = std::io::stdout();
    loop {
        n += 1;
        let mut fields = UpdateFields::default();
        fields.beats.context = edit_text(n);
        fields.title = format!("Edit {n}");
        workspace.save_update(id, &fields, n as i64).unwrap();
        writeln!(out, "{n}").unwrap();
        out.flush().unwrap();
    }
}

/// A small deterministic generator, so a failing run can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killing_the_writer_at_random_moments_never_loses_an_acknowledged_edit() {
    if std::env::var_os(CHILD_VAR).is_some() {
        return;
    }
    let runs: u32 = std::env::var("THROUGHLINE_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed = 0x5448_4C4E_u64;
    let mut random = XorShift(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.throughline");
    let started = Instant::now();
    let (mut acknowledged_total, mut beyond_ack, mut progressed) = (0u64, 0u32, 0u32);
    let mut last_stored = 0u64;

    for run in 0..runs {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_VAR, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(15 + random.next() % 60));
        child.kill().unwrap(); // SIGKILL: no destructor, no flush, no checkpoint
        child.wait().unwrap();
        let mut output = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut output)
            .unwrap();
        let acknowledged = output
            .lines()
            .rev()
            .find_map(|line| line.trim().parse::<u64>().ok());

        let conn = rusqlite::Connection::open(&path).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "run {run} (seed {seed:#x})");
        let stored: Option<String> = conn
            .query_row("SELECT context FROM updates LIMIT 1", [], |row| row.get(0))
            .ok();
        drop(conn);
        let Some(stored) = stored else {
            assert_eq!(
                acknowledged, None,
                "run {run}: an acknowledged edit vanished"
            );
            continue;
        };
        let stored_n = edit_number(&stored).unwrap_or(0);
        assert_eq!(
            stored,
            if stored_n == 0 {
                String::new()
            } else {
                edit_text(stored_n)
            },
            "run {run}: the stored text is not exactly one edit (a torn write)"
        );
        if let Some(acknowledged) = acknowledged {
            assert!(
                stored_n >= acknowledged,
                "run {run} (seed {seed:#x}): edit {acknowledged} was acknowledged but the file holds {stored_n}"
            );
            assert!(
                stored_n <= acknowledged + 1,
                "run {run}: edits from nowhere"
            );
            acknowledged_total += acknowledged.saturating_sub(last_stored);
            beyond_ack += u32::from(stored_n > acknowledged);
        }
        progressed += u32::from(stored_n > last_stored);
        last_stored = stored_n;
    }
    println!(
        "{runs} SIGKILLs in {:.1} s: {acknowledged_total} acknowledged edits, none lost; \
         {beyond_ack} kills landed after a commit and before its acknowledgement; \
         {progressed} runs made progress",
        started.elapsed().as_secs_f64()
    );
    assert!(
        progressed > runs / 2,
        "the writer rarely got to write: {progressed} of {runs}"
    );
}
