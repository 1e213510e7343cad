#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Two workspaces, two processes, one stock sync server on 127.0.0.1: each
//! member makes 1,000 seeded random edits (an edit is acknowledged when its
//! local transaction commits), exchanging with the server now and then and
//! going offline at random; the parent kills the server midway and starts
//! it again on the same data. Then both exchange until nothing is left,
//! and must hold the same content with every acknowledged edit present.
//!
//! The server is the npm package the project installs (scripts/setup.sh);
//! without it this test fails rather than skip.
//!
//! `TEAM_SYNC_EDITS=N` changes the number of edits per member (default
//! 1000); the figures it prints (convergence time, peak memory of each
//! member) go into the note.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use throughline_api::team::{self, JoinRequest, Wait};
use throughline_api::FixedClock;
use throughline_core::portfolio::{Bucket, Horizon, Initiative};
use throughline_core::UpdateFields;
use throughline_store::{SharedKind, Workspace};

const MEMBER_ENV: &str = "THROUGHLINE_TEAM_MEMBER";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn server_entry() -> PathBuf {
    repo_root().join("node_modules/@automerge/automerge-repo-sync-server/src/index.js")
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

struct Server {
    child: Child,
}

impl Server {
    fn start(port: u16, data: &Path) -> Self {
        let entry = server_entry();
        assert!(
            entry.exists(),
            "the sync server is not installed at {}: run scripts/setup.sh",
            entry.display()
        );
        let child = Command::new("node")
            .arg(&entry)
            .env("PORT", port.to_string())
            .env("DATA_DIR", data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the sync server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child }
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server of its own for one test, on a free port with a fresh data dir.
fn fresh_server(dir: &Path) -> (Server, u16) {
    let data = dir.join("server-data");
    std::fs::create_dir_all(&data).unwrap();
    let port = free_port();
    (Server::start(port, &data), port)
}

/// Joins `team` (or starts one named `team_name`) as `name`.
fn join_as(
    path: &Path,
    port: u16,
    team: Option<String>,
    name: &str,
    team_name: &str,
) -> throughline_sync::Invitation {
    team::block_on(team::join(
        path,
        JoinRequest {
            server: format!("ws://127.0.0.1:{port}"),
            team,
            team_name: team_name.into(),
            display_name: name.into(),
            allow_plain: false,
        },
        Wait::default(),
        &clock(),
    ))
    .unwrap()
    .unwrap()
}

/// A small deterministic generator (xorshift), seeded per member.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn clock() -> FixedClock {
    FixedClock {
        millis: 1_796_000_000_000,
        today: throughline_core::CivilDate::from_unix_millis(1_796_000_000_000),
    }
}

fn sync_until_confirmed(path: &Path) -> team::SyncOutcome {
    for _ in 0..10 {
        let outcome =
            team::block_on(team::sync(path, Wait(Duration::from_secs(10)), &clock())).unwrap();
        if let Ok(outcome) = outcome {
            assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
            if outcome.confirmed {
                return outcome;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the server never confirmed {}", path.display());
}

/// One member's edits: run in a child process of this test binary.
fn member(path: &Path, name: &str, seed: u64, edits: usize, log: &Path) {
    let mut rng = Rng(seed);
    let mut acknowledged = std::fs::File::create(log).unwrap();
    let mut offline_for = 0;
    // Open as the app keeps it open; each exchange opens its own.
    let workspace = Workspace::open(path).unwrap();
    for n in 0..edits {
        // Bracketed: two words inserted at one place at the same time
        // merge side by side ("[ana3][ben5]"), and each stays findable.
        let token = format!("[{name}{n}]");
        let what = {
            match rng.below(4) {
                // A new initiative, shared.
                0 => {
                    let initiative = Initiative {
                        name: format!("Initiative {token}"),
                        objective: format!("Objective {token}."),
                        horizon: Some(Horizon::Now),
                        bucket: Some(Bucket::Core),
                        cost: Some(1000.0 + n as f64),
                        ..Initiative::default()
                    };
                    let ids = workspace.add_initiatives(&[initiative], 1).unwrap();
                    team::share(&workspace, SharedKind::Initiative, ids[0]).unwrap();
                    format!("new initiative {}", ids[0])
                }
                // A word into a shared initiative's objective (merged as
                // text), once there is one.
                1 if workspace
                    .shared_items()
                    .unwrap()
                    .iter()
                    .any(|i| i.kind == SharedKind::Initiative) =>
                {
                    let shared: Vec<i64> = workspace
                        .shared_items()
                        .unwrap()
                        .into_iter()
                        .filter(|i| i.kind == SharedKind::Initiative)
                        .map(|i| i.local_id)
                        .collect();
                    let id = shared[rng.below(shared.len() as u64) as usize];
                    let stored = workspace
                        .list_initiatives()
                        .unwrap()
                        .into_iter()
                        .find(|i| i.id == id)
                        .unwrap();
                    let mut initiative = stored.initiative;
                    initiative.objective = insert_word(&initiative.objective, &token, &mut rng);
                    workspace.save_initiative(id, &initiative, 1).unwrap();
                    format!("objective of {}", initiative.name)
                }
                // A word into the shared update's context or conflict.
                _ => {
                    let id = shared_update(&workspace);
                    let mut fields = workspace.get_update(id).unwrap().fields;
                    if rng.below(2) == 0 {
                        fields.beats.context = insert_word(&fields.beats.context, &token, &mut rng);
                    } else {
                        fields.beats.conflict =
                            insert_word(&fields.beats.conflict, &token, &mut rng);
                    }
                    workspace.save_update(id, &fields, 1).unwrap();
                    "update".to_owned()
                }
            }
        };
        // Committed: acknowledged.
        writeln!(acknowledged, "{token}\t{what}").unwrap();
        if offline_for > 0 {
            offline_for -= 1;
        } else if rng.below(25) == 0 {
            // A disconnect: the next stretch of edits is made offline.
            offline_for = 10 + rng.below(40) as usize;
        } else if rng.below(8) == 0 {
            // Exchange; the server may be down (killed by the parent): the
            // edits wait in the workspace.
            if let Ok(Ok(outcome)) =
                team::block_on(team::sync(path, Wait(Duration::from_secs(5)), &clock()))
            {
                assert!(
                    outcome.problems.is_empty(),
                    "{name}: {:?}",
                    outcome.problems
                );
            }
        }
    }
    acknowledged.flush().unwrap();
}

fn shared_update(workspace: &Workspace) -> i64 {
    workspace
        .shared_items()
        .unwrap()
        .into_iter()
        .find(|i| i.kind == SharedKind::Update)
        .map(|i| i.local_id)
        .expect("the shared update arrived")
}

/// Inserts `word` between two words of `text` (or at an end).
fn insert_word(text: &str, word: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let at = rng.below(words.len() as u64 + 1) as usize;
    let mut out: Vec<&str> = words[..at].to_vec();
    out.push(word);
    out.extend(&words[at..]);
    out.join(" ")
}

/// What both members must agree on: initiatives by name with their
/// objective, and the shared update's beats.
fn content(path: &Path) -> (Vec<(String, String)>, String, String) {
    let workspace = Workspace::open(path).unwrap();
    let mut initiatives: Vec<(String, String)> = workspace
        .initiatives()
        .unwrap()
        .into_iter()
        .map(|i| (i.name, i.objective))
        .collect();
    initiatives.sort();
    let update = workspace.get_update(shared_update(&workspace)).unwrap();
    (
        initiatives,
        update.fields.beats.context,
        update.fields.beats.conflict,
    )
}

fn all_text(content: &(Vec<(String, String)>, String, String)) -> String {
    let mut all = String::new();
    for (name, objective) in &content.0 {
        all.push_str(&format!(" {name} {objective}"));
    }
    all.push_str(&format!(" {} {}", content.1, content.2));
    all
}

fn peak_memory_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

#[test]
fn two_members_converge_with_every_acknowledged_edit_despite_disconnects_and_a_server_restart() {
    if let Ok(spec) = std::env::var(MEMBER_ENV) {
        // The child: PATH|NAME|SEED|EDITS|LOG
        let parts: Vec<&str> = spec.split('|').collect();
        member(
            Path::new(parts[0]),
            parts[1],
            parts[2].parse().unwrap(),
            parts[3].parse().unwrap(),
            Path::new(parts[4]),
        );
        return;
    }
    let edits: usize = std::env::var("TEAM_SYNC_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("server-data");
    std::fs::create_dir_all(&data).unwrap();
    let port = free_port();
    let server = Server::start(port, &data);
    let url = format!("ws://127.0.0.1:{port}");
    let a = dir.path().join("a.throughline");
    let b = dir.path().join("b.throughline");

    // Ana starts the team with one shared update; Ben joins and receives it.
    {
        let workspace = Workspace::open(&a).unwrap();
        let mut fields = UpdateFields {
            title: "Shared pilot update".into(),
            ..UpdateFields::default()
        };
        fields.beats.context = "Start of context.".into();
        fields.beats.conflict = "Start of conflict.".into();
        workspace.create_update(&fields, 1).unwrap();
    }
    let request = |team: Option<String>, name: &str| JoinRequest {
        server: url.clone(),
        team,
        team_name: "Convergence".into(),
        display_name: name.into(),
        allow_plain: false,
    };
    let invitation = team::block_on(team::join(
        &a,
        request(None, "Ana"),
        Wait::default(),
        &clock(),
    ))
    .unwrap()
    .unwrap();
    {
        let workspace = Workspace::open(&a).unwrap();
        let id = workspace.list_updates("").unwrap()[0].id;
        team::share(&workspace, SharedKind::Update, id).unwrap();
    }
    sync_until_confirmed(&a);
    team::block_on(team::join(
        &b,
        request(Some(invitation.team.secret()), "Ben"),
        Wait::default(),
        &clock(),
    ))
    .unwrap()
    .unwrap();
    sync_until_confirmed(&b);

    let started = Instant::now();
    let spawn = |path: &Path, name: &str, seed: u64| {
        let log = dir.path().join(format!("{name}.log"));
        let child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "two_members_converge_with_every_acknowledged_edit_despite_disconnects_and_a_server_restart",
                "--nocapture",
            ])
            .env(MEMBER_ENV, format!("{}|{name}|{seed}|{edits}|{}", path.display(), log.display()))
            .spawn()
            .unwrap();
        (child, log)
    };
    let (mut ana, ana_log) = spawn(&a, "ana", 0x9E37_79B9_7F4A_7C15);
    let (mut ben, ben_log) = spawn(&b, "ben", 0xD1B5_4A32_D192_ED03);

    // Midway, the server dies and comes back on the same data.
    std::thread::sleep(Duration::from_secs(3));
    server.kill();
    std::thread::sleep(Duration::from_secs(2));
    let server = Server::start(port, &data);

    let mut peaks = Vec::new();
    for child in [&mut ana, &mut ben] {
        let pid = child.id();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "a member failed");
                break;
            }
            if let Some(kib) = peak_memory_kib(pid) {
                peaks.push((pid, kib));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let edited = started.elapsed();

    // Both exchange until they agree.
    let settle = Instant::now();
    let mut rounds = 0;
    loop {
        rounds += 1;
        sync_until_confirmed(&a);
        sync_until_confirmed(&b);
        if content(&a) == content(&b) {
            break;
        }
        assert!(
            rounds < 10,
            "the members did not converge after {rounds} rounds"
        );
    }
    let converged = settle.elapsed();

    let final_content = content(&a);
    let present = all_text(&final_content);
    let mut acknowledged = 0;
    for log in [&ana_log, &ben_log] {
        for line in std::fs::read_to_string(log).unwrap().lines() {
            let token = line.split('\t').next().unwrap_or_default();
            acknowledged += 1;
            assert!(
                present.contains(token),
                "acknowledged edit {line} is missing from {final_content:#?}"
            );
        }
    }
    assert_eq!(
        acknowledged,
        2 * edits,
        "every edit was acknowledged by its member"
    );
    let peak = peaks.iter().map(|(_, kib)| *kib).max().unwrap_or(0);
    println!(
        "team sync: {edits} edits per member in {:.1} s; converged {:.2} s after the last edit ({rounds} round(s)); {} initiatives; member peak RSS {} KiB",
        edited.as_secs_f64(),
        converged.as_secs_f64(),
        final_content.0.len(),
        peak
    );
    drop(server);
    if std::env::var_os("TEAM_SYNC_KEEP").is_some() {
        println!("kept {}", dir.keep().display());
    }
}

#[test]
fn two_offline_revisions_on_one_parent_fork_the_journal_on_both_sides_until_one_joins_them() {
    if std::env::var_os(MEMBER_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) = fresh_server(dir.path());
    let a = dir.path().join("a.throughline");
    let b = dir.path().join("b.throughline");
    let body = |threshold: f64| {
        let mut body = throughline_core::example::example_journal();
        body.criteria[0].threshold = threshold;
        body
    };
    let invitation = join_as(&a, port, None, "Ana", "Journals");
    let journal = {
        let ws = Workspace::open(&a).unwrap();
        let id = ws.create_journal(&body(20.0), 1).unwrap();
        ws.share_journal(id, "Ana", 2).unwrap();
        team::share(&ws, SharedKind::Journal, id).unwrap();
        id
    };
    sync_until_confirmed(&a);
    join_as(&b, port, Some(invitation.team.secret()), "Ben", "Journals");
    sync_until_confirmed(&b);
    let journal_b = Workspace::open(&b).unwrap().list_journals().unwrap()[0].id;

    // Both revise revision 1 while apart.
    Workspace::open(&a)
        .unwrap()
        .revise_journal(journal, &body(15.0), "Ana", "pilot data", 3)
        .unwrap();
    Workspace::open(&b)
        .unwrap()
        .revise_journal(journal_b, &body(25.0), "Ben", "board review", 4)
        .unwrap();
    sync_until_confirmed(&a);
    sync_until_confirmed(&b);
    sync_until_confirmed(&a);
    for (path, id) in [(&a, journal), (&b, journal_b)] {
        let stored = Workspace::open(path).unwrap().journal(id).unwrap();
        assert_eq!(stored.revisions.len(), 3, "{}", path.display());
        assert_eq!(stored.heads.len(), 2, "both revisions stand, neither won");
        assert!(stored.tamper.is_none());
    }

    // Ana records a revision that joins them; both see one history again.
    Workspace::open(&a)
        .unwrap()
        .revise_journal(journal, &body(18.0), "Ana", "agreed at staff", 5)
        .unwrap();
    sync_until_confirmed(&a);
    sync_until_confirmed(&b);
    for (path, id) in [(&a, journal), (&b, journal_b)] {
        let stored = Workspace::open(path).unwrap().journal(id).unwrap();
        assert_eq!(stored.revisions.len(), 4);
        assert_eq!(stored.heads.len(), 1);
        assert_eq!(stored.body.criteria[0].threshold, 18.0);
    }
}

/// A peer that is not this app writes into the team document directly.
async fn write_as_a_hostile_peer(port: u16, team: &str) {
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ReadDoc, Value, ROOT};
    let repo = samod::Repo::build_tokio().load().await;
    let url = samod::Url::parse(&format!("ws://127.0.0.1:{port}")).unwrap();
    let dialer = repo
        .dial_websocket(url, samod::BackoffConfig::default())
        .unwrap();
    dialer.established().await.unwrap();
    let conn = dialer.connection_id().unwrap();
    let id = <samod::AutomergeUrl as std::str::FromStr>::from_str(team)
        .unwrap()
        .document_id()
        .clone();
    let handle = repo.find(id).await.unwrap().unwrap();
    handle.with_document(|doc| {
        doc.transact::<_, _, automerge::AutomergeError>(|tx| {
            let items = match tx.get(ROOT, "items")? {
                Some((Value::Object(ObjType::Map), id)) => id,
                _ => panic!("no items"),
            };
            // Wrong types where an update's fields go.
            let item = tx.put_object(&items, "hostile-types", ObjType::Map)?;
            tx.put(&item, "kind", "update")?;
            let fields = tx.put_object(&item, "fields", ObjType::Map)?;
            tx.put(&fields, "title", 12_i64)?;
            // A 2 MB beat.
            let item = tx.put_object(&items, "hostile-huge", ObjType::Map)?;
            tx.put(&item, "kind", "update")?;
            let fields = tx.put_object(&item, "fields", ObjType::Map)?;
            tx.put(&fields, "beat.context", "x".repeat(2 * 1024 * 1024))?;
            // Valid shapes, values the store refuses.
            let item = tx.put_object(&items, "hostile-values", ObjType::Map)?;
            tx.put(&item, "kind", "initiative")?;
            let fields = tx.put_object(&item, "fields", ObjType::Map)?;
            tx.put(&fields, "name", "\"Rogue\"")?;
            tx.put(&fields, "cost", "\"a lot\"")?;
            // A revision whose hash is a lie.
            let item = tx.put_object(&items, "hostile-journal", ObjType::Map)?;
            tx.put(&item, "kind", "journal")?;
            let revisions = tx.put_object(&item, "revisions", ObjType::Map)?;
            tx.put(&revisions, "00ff", "{\"seq\":1}")?;
            Ok(())
        })
        .unwrap();
        assert!(doc.length(&ROOT) > 0);
    });
    handle.they_have_our_changes(conn).await;
    dialer.close();
    repo.stop().await;
}

#[test]
fn a_hostile_team_document_is_named_and_refused_item_by_item_and_the_rest_still_syncs() {
    if std::env::var_os(MEMBER_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) = fresh_server(dir.path());
    let a = dir.path().join("a.throughline");
    let invitation = join_as(&a, port, None, "Ana", "Targets");
    team::block_on(write_as_a_hostile_peer(port, &invitation.team.secret())).unwrap();
    // A good change from the team arrives beside the hostile ones.
    {
        let ws = Workspace::open(&a).unwrap();
        let fields = UpdateFields {
            title: "Kept while the rest is refused".into(),
            ..UpdateFields::default()
        };
        let update = ws.create_update(&fields, 1).unwrap();
        team::share(&ws, SharedKind::Update, update.id).unwrap();
    }
    let outcome = sync_allowing_problems(&a);
    let named: Vec<&str> = outcome
        .problems
        .iter()
        .map(|p| p.split(':').next().unwrap_or_default())
        .collect();
    for key in [
        "hostile-types",
        "hostile-huge",
        "hostile-values",
        "hostile-journal",
    ] {
        assert!(
            outcome.problems.iter().any(|p| p.contains(key)),
            "{key} not named in {named:?}"
        );
    }
    let ws = Workspace::open(&a).unwrap();
    let titles: Vec<String> = ws
        .list_updates("")
        .unwrap()
        .into_iter()
        .map(|u| u.title)
        .collect();
    assert!(titles.contains(&"Kept while the rest is refused".to_owned()));
    assert!(!titles.iter().any(|t| t.len() > 1000));
    assert!(ws.initiatives().unwrap().iter().all(|i| i.name != "Rogue"));
    assert!(ws.list_journals().unwrap().is_empty());
    // No update took the 2 MB beat (the team document's copy in the
    // engine's storage holds it, as every member's does).
    for summary in ws.list_updates("").unwrap() {
        let update = ws.get_update(summary.id).unwrap();
        assert!(update.fields.beats.context.len() < 1024 * 1024);
    }
}

fn sync_allowing_problems(path: &Path) -> team::SyncOutcome {
    for _ in 0..10 {
        if let Ok(Ok(outcome)) =
            team::block_on(team::sync(path, Wait(Duration::from_secs(10)), &clock()))
        {
            if outcome.confirmed {
                return outcome;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the server never confirmed {}", path.display());
}

#[test]
fn an_update_no_longer_shared_stays_here_once_and_is_not_brought_back_as_new() {
    if std::env::var_os(MEMBER_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) = fresh_server(dir.path());
    let a = dir.path().join("a.throughline");
    join_as(&a, port, None, "Ana", "Unsharing");
    let id = {
        let ws = Workspace::open(&a).unwrap();
        let fields = UpdateFields {
            title: "Shared for a while".into(),
            ..UpdateFields::default()
        };
        let id = ws.create_update(&fields, 1).unwrap().id;
        team::share(&ws, SharedKind::Update, id).unwrap();
        id
    };
    sync_until_confirmed(&a);
    team::unshare(&Workspace::open(&a).unwrap(), SharedKind::Update, id).unwrap();
    sync_until_confirmed(&a);
    sync_until_confirmed(&a);
    let titles: Vec<String> = Workspace::open(&a)
        .unwrap()
        .list_updates("")
        .unwrap()
        .into_iter()
        .map(|u| u.title)
        .filter(|t| t == "Shared for a while")
        .collect();
    assert_eq!(titles.len(), 1, "the team's copy came back as a new update");
}
