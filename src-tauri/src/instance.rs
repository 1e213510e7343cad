//! One window per workspace file. The process that has a workspace open
//! listens on a Unix socket named after the file; a later launch on the same
//! file connects, asks it to bring its window forward, and exits. Another
//! workspace gets its own socket, so it opens its own window.
//!
//! Whoever can put a socket where a launch looks can answer "already open"
//! and keep the app from starting, so the sockets live in a folder only this
//! user can enter, and only a socket this user made is asked. The listener
//! gives each peer little: one short line, a couple of seconds, a few at once.
//!
//! Tauri-free: the caller says what "bring forward" means.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use throughline_api::paths::APP_IDENTIFIER;

const REQUEST: &[u8] = b"focus\n";
const ANSWER: &[u8] = b"focused\n";
/// How long a launch waits for the open window to answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a peer has to send its request, all of it.
const PEER_TIMEOUT: Duration = Duration::from_secs(2);
/// The longest request line read; a longer one is dropped unread.
const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// Peers served at once; one more is hung up on.
const MAX_PEERS: usize = 8;

/// What claiming a workspace found.
pub enum Claim {
    /// No other process has it open: this one does now, until the guard drops.
    First(InstanceGuard),
    /// Another process has it open and brought its window forward.
    AlreadyOpen,
}

/// Why a workspace could not be claimed (the window then opens unclaimed).
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    #[error("{} is not a safe folder for the sockets: {problem}", dir.display())]
    Folder {
        dir: PathBuf,
        problem: FolderProblem,
    },
    #[error("{} stays in use, but nobody answers on it", path.display())]
    Busy { path: PathBuf },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Why a folder is not trusted with the sockets.
#[derive(Debug, thiserror::Error)]
pub enum FolderProblem {
    #[error("it is a link or not a folder")]
    NotAFolder,
    #[error("it belongs to user {owner}, not to this user ({uid})")]
    NotOurs { owner: u32, uid: u32 },
    #[error("other users may enter it (mode {mode:03o})")]
    OpenToOthers { mode: u32 },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The folder the sockets live in: the first of the user's runtime dir
/// (private, cleared at logout), a folder in the temp dir, and a folder in
/// the user's cache dir that is, or can be made, private to this user.
/// When none is, the first is returned; `claim` refuses it again and the
/// window opens unclaimed.
pub fn socket_dir() -> PathBuf {
    let env = |key: &str| std::env::var_os(key);
    let uid = match current_uid() {
        Ok(uid) => uid,
        Err(err) => {
            crate::applog::warn(format_args!("this user's id is unknown: {err}"));
            return candidate_dirs(env, None).swap_remove(0);
        }
    };
    let candidates = candidate_dirs(env, Some(uid));
    pick_private_dir(&candidates, uid).unwrap_or_else(|| candidates[0].clone())
}

/// Where the sockets may live, best first (never empty).
fn candidate_dirs(env: impl Fn(&str) -> Option<OsString>, uid: Option<u32>) -> Vec<PathBuf> {
    let set = |key: &str| {
        env(key)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    let mut dirs = Vec::new();
    if let Some(runtime) = set("XDG_RUNTIME_DIR") {
        dirs.push(runtime.join("throughline"));
    }
    let tag = uid.map_or_else(user_tag, |uid| uid.to_string());
    dirs.push(std::env::temp_dir().join(format!("throughline-{tag}")));
    let cache = set("XDG_CACHE_HOME").or_else(|| set("HOME").map(|home| home.join(".cache")));
    if let Some(cache) = cache {
        dirs.push(cache.join(APP_IDENTIFIER).join("instance"));
    }
    dirs
}

fn user_tag() -> String {
    std::env::var("USER").unwrap_or_else(|_| "user".into())
}

/// The first candidate that is a private folder of `uid`; each refused one
/// is logged, and so is a fallback.
fn pick_private_dir(candidates: &[PathBuf], uid: u32) -> Option<PathBuf> {
    for (index, dir) in candidates.iter().enumerate() {
        match make_private_dir(dir, uid) {
            Ok(()) => {
                if index > 0 {
                    crate::applog::info(format_args!(
                        "the instance sockets live in {}",
                        dir.display()
                    ));
                }
                return Some(dir.clone());
            }
            Err(problem) => crate::applog::warn(format_args!(
                "{} is not used for the instance sockets: {problem}",
                dir.display()
            )),
        }
    }
    None
}

/// Makes `dir` (mode 0700) when it is missing, then checks it is private.
fn make_private_dir(dir: &Path, uid: u32) -> Result<(), FolderProblem> {
    match std::fs::symlink_metadata(dir) {
        Ok(_) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?,
        Err(err) => return Err(err.into()),
    }
    check_private_dir(dir, uid)
}

/// A real folder (not a link to one), owned by `uid`, closed to others.
fn check_private_dir(dir: &Path, uid: u32) -> Result<(), FolderProblem> {
    let found = std::fs::symlink_metadata(dir)?;
    if !found.file_type().is_dir() {
        return Err(FolderProblem::NotAFolder);
    }
    if found.uid() != uid {
        return Err(FolderProblem::NotOurs {
            owner: found.uid(),
            uid,
        });
    }
    let mode = found.mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(FolderProblem::OpenToOthers { mode });
    }
    Ok(())
}

/// The user this process runs as: the owner of `/proc/self`, else of a
/// file it has just made (no `unsafe` call to `getuid`).
fn current_uid() -> std::io::Result<u32> {
    match std::fs::metadata("/proc/self") {
        Ok(found) => Ok(found.uid()),
        Err(_) => uid_of_new_file(),
    }
}

fn uid_of_new_file() -> std::io::Result<u32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let probe =
        std::env::temp_dir().join(format!(".throughline-uid-{}-{nanos}", std::process::id()));
    // `create_new` never follows a link planted at that name.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&probe)?;
    let uid = file.metadata().map(|found| found.uid());
    let _ = std::fs::remove_file(&probe);
    uid
}

/// The socket for one workspace: named by a hash of its absolute path, so
/// `./a.throughline` and `/home/me/a.throughline` are the same workspace.
pub fn socket_path(dir: &Path, workspace: &Path) -> PathBuf {
    let digest = Sha256::digest(absolute(workspace).as_os_str().as_encoded_bytes());
    let name: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{name}.sock"))
}

/// The file's absolute path with symlinks resolved, also before it exists
/// (the folder is resolved and the name kept).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(resolved) = path.canonicalize() {
        return resolved;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .map(|parent| parent.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// Claims `workspace` for this process. `on_request` runs (on a listener
/// thread) each time a later launch asks for the window.
pub fn claim(
    dir: &Path,
    workspace: &Path,
    on_request: impl Fn() + Send + Sync + 'static,
) -> Result<Claim, ClaimError> {
    let uid = current_uid()?;
    make_private_dir(dir, uid).map_err(|problem| ClaimError::Folder {
        dir: dir.to_path_buf(),
        problem,
    })?;
    let path = socket_path(dir, workspace);
    let on_request: Arc<dyn Fn() + Send + Sync> = Arc::new(on_request);
    // Two launches at once: one binds, the other finds it on its next try.
    for _ in 0..3 {
        if ask_to_focus(&path, uid)? {
            return Ok(Claim::AlreadyOpen);
        }
        match UnixListener::bind(&path) {
            Ok(listener) => {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
                return Ok(Claim::First(InstanceGuard::listen(
                    listener, path, on_request,
                )?));
            }
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(err) => return Err(err.into()),
        }
    }
    Err(ClaimError::Busy { path })
}

/// What is at a socket's path.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    Missing,
    /// A socket this user made: worth asking.
    OurSocket,
    /// Anything else (a link, a file, another user's socket), with what it is.
    Untrusted(String),
}

/// Looks at the path itself, never through a link.
fn entry_at(path: &Path, uid: u32) -> std::io::Result<Entry> {
    let found = match std::fs::symlink_metadata(path) {
        Ok(found) => found,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Entry::Missing),
        Err(err) => return Err(err),
    };
    let kind = found.file_type();
    Ok(if kind.is_symlink() {
        Entry::Untrusted("a link".into())
    } else if kind.is_file() {
        Entry::Untrusted("a file".into())
    } else if !kind.is_socket() {
        Entry::Untrusted(throughline_api::files::kind_of(&kind).into())
    } else if found.uid() != uid {
        Entry::Untrusted(format!("a socket of user {}", found.uid()))
    } else {
        Entry::OurSocket
    })
}

/// True when a running process of this user answered. Whatever else is at
/// the path is removed unasked: a socket nobody listens on (left by a
/// killed process), or anything not this user's socket.
fn ask_to_focus(path: &Path, uid: u32) -> std::io::Result<bool> {
    match entry_at(path, uid)? {
        Entry::Missing => return Ok(false),
        Entry::Untrusted(what) => {
            crate::applog::warn(format_args!(
                "{} is {what}, not this user's socket: removed unasked",
                path.display()
            ));
            return remove_if_there(path).map(|()| false);
        }
        Entry::OurSocket => {}
    }
    let mut stream = match UnixStream::connect(path) {
        Ok(stream) => stream,
        Err(err) => {
            use std::io::ErrorKind::{ConnectionRefused, NotFound};
            return match err.kind() {
                NotFound => Ok(false),
                ConnectionRefused => remove_if_there(path).map(|()| false),
                _ => Err(err),
            };
        }
    };
    stream.set_write_timeout(Some(ANSWER_TIMEOUT))?;
    stream.write_all(REQUEST)?;
    let deadline = Instant::now() + ANSWER_TIMEOUT;
    Ok(first_line(&mut stream, ANSWER.len(), deadline)?.as_deref() == Some(ANSWER))
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// The peer's first line, newline included, read until `deadline` and
/// within `limit` bytes; None when the peer hangs up or sends more first.
/// Bytes after the newline are ignored.
fn first_line(
    stream: &mut UnixStream,
    limit: usize,
    deadline: Instant,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut chunk = [0u8; 1024];
    while line.len() < limit {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        let room = chunk.len().min(limit - line.len());
        let read = match stream.read(&mut chunk[..room]) {
            Ok(0) => return Ok(None),
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if let Some(end) = chunk[..read].iter().position(|&byte| byte == b'\n') {
            line.extend_from_slice(&chunk[..=end]);
            return Ok(Some(line));
        }
        line.extend_from_slice(&chunk[..read]);
    }
    Ok(None)
}

/// Holds the claim: listens until dropped, then removes its socket.
pub struct InstanceGuard {
    path: PathBuf,
    stopping: Arc<AtomicBool>,
}

impl InstanceGuard {
    fn listen(
        listener: UnixListener,
        path: PathBuf,
        on_request: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<Self> {
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        std::thread::Builder::new()
            .name("single-instance".into())
            .spawn(move || serve(&listener, &stop, &on_request))?;
        Ok(Self { path, stopping })
    }
}

/// Accepts peers until `stop`, each on its own thread, at most
/// `MAX_PEERS` at once: one more is hung up on at once.
fn serve(
    listener: &UnixListener,
    stop: &Arc<AtomicBool>,
    on_request: &Arc<dyn Fn() + Send + Sync>,
) {
    let peers = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let Some(slot) = PeerSlot::take(&peers) else {
            continue;
        };
        let (stop, on_request) = (stop.clone(), on_request.clone());
        // A thread that cannot start drops the peer and frees its slot.
        let _ = std::thread::Builder::new()
            .name("single-instance-peer".into())
            .spawn(move || {
                let _slot = slot;
                if answer(stream).unwrap_or(false) && !stop.load(Ordering::SeqCst) {
                    on_request();
                }
            });
    }
}

/// One of the `MAX_PEERS` places, given back when dropped.
struct PeerSlot(Arc<AtomicUsize>);

impl PeerSlot {
    fn take(peers: &Arc<AtomicUsize>) -> Option<Self> {
        peers
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |busy| {
                (busy < MAX_PEERS).then_some(busy + 1)
            })
            .ok()?;
        Some(Self(peers.clone()))
    }
}

impl Drop for PeerSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers a peer that asks for the window; true when it did.
fn answer(mut stream: UnixStream) -> std::io::Result<bool> {
    let deadline = Instant::now() + PEER_TIMEOUT;
    if first_line(&mut stream, MAX_REQUEST_BYTES, deadline)?.as_deref() != Some(REQUEST) {
        return Ok(false);
    }
    stream.set_write_timeout(Some(PEER_TIMEOUT))?;
    stream.write_all(ANSWER)?;
    Ok(true)
}

impl Drop for InstanceGuard {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the listener so it sees the flag, then frees the name.
        let _ = UnixStream::connect(&self.path);
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The workspace this window holds, swapped when it opens another one.
pub struct WindowClaim {
    dir: PathBuf,
    held: std::sync::Mutex<Option<InstanceGuard>>,
    bring_forward: Arc<dyn Fn() + Send + Sync>,
}

/// Another window has that workspace open (and was brought forward).
#[derive(Debug)]
pub struct OpenElsewhere;

/// A claim taken before switching, held only once the switch succeeds.
pub struct PendingClaim(Option<InstanceGuard>);

impl WindowClaim {
    pub fn new(dir: PathBuf, bring_forward: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            dir,
            held: std::sync::Mutex::new(None),
            bring_forward: Arc::new(bring_forward),
        }
    }

    /// Claims `workspace` for this window. A socket that cannot be made
    /// (no runtime dir, say) does not stop the user: the file opens
    /// unclaimed, and only the one-window check is lost.
    pub fn claim(&self, workspace: &Path) -> Result<PendingClaim, OpenElsewhere> {
        let wanted = socket_path(&self.dir, workspace);
        if self.lock().as_ref().is_some_and(|held| held.path == wanted) {
            return Ok(PendingClaim(None));
        }
        let bring_forward = self.bring_forward.clone();
        match claim(&self.dir, workspace, move || bring_forward()) {
            Ok(Claim::First(guard)) => Ok(PendingClaim(Some(guard))),
            Ok(Claim::AlreadyOpen) => Err(OpenElsewhere),
            Err(err) => {
                crate::applog::warn(format_args!(
                    "{} could not be claimed for this window: {err}",
                    workspace.display()
                ));
                Ok(PendingClaim(None))
            }
        }
    }

    /// Holds the claim (the previous workspace is released) once the
    /// window has switched to it.
    pub fn hold(&self, pending: PendingClaim) {
        if let Some(guard) = pending.0 {
            *self.lock() = Some(guard);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<InstanceGuard>> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> (Arc<AtomicUsize>, impl Fn() + Send + Sync + 'static) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = count.clone();
        (count, move || {
            seen.fetch_add(1, Ordering::SeqCst);
        })
    }

    fn wait_for(count: &AtomicUsize, expected: usize) {
        for _ in 0..100 {
            if count.load(Ordering::SeqCst) == expected {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(count.load(Ordering::SeqCst), expected);
    }

    fn private_tempdir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        dir
    }

    fn uid() -> u32 {
        current_uid().unwrap()
    }

    #[test]
    fn a_second_claim_on_the_same_workspace_reaches_the_first() {
        let dir = private_tempdir();
        let workspace = dir.path().join("plan.throughline");
        let (requests, on_request) = counter();
        let first = claim(dir.path(), &workspace, on_request).unwrap();
        assert!(matches!(first, Claim::First(_)));

        // The same file named through a relative-looking path with `..`.
        let same = dir.path().join("sub/../plan.throughline");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let second = claim(dir.path(), &same, || {}).unwrap();
        assert!(matches!(second, Claim::AlreadyOpen));
        wait_for(&requests, 1);
    }

    #[test]
    fn another_workspace_gets_its_own_window() {
        let dir = private_tempdir();
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &dir.path().join("a.throughline"), on_request).unwrap();
        let other = claim(dir.path(), &dir.path().join("b.throughline"), || {}).unwrap();
        assert!(matches!(other, Claim::First(_)));
        assert_eq!(requests.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn closing_the_first_window_frees_the_workspace() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let first = claim(dir.path(), &workspace, || {}).unwrap();
        drop(first);
        assert!(!socket_path(dir.path(), &workspace).exists());
        assert!(matches!(
            claim(dir.path(), &workspace, || {}).unwrap(),
            Claim::First(_)
        ));
    }

    #[test]
    fn a_socket_left_by_a_killed_process_is_taken_over() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        // A bound socket whose listener is gone: what SIGKILL leaves behind.
        let stale = UnixListener::bind(socket_path(dir.path(), &workspace)).unwrap();
        drop(stale);
        assert!(matches!(
            claim(dir.path(), &workspace, || {}).unwrap(),
            Claim::First(_)
        ));
    }

    #[test]
    fn a_stranger_writing_to_the_socket_does_not_raise_the_window() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &workspace, on_request).unwrap();
        let mut stream = UnixStream::connect(socket_path(dir.path(), &workspace)).unwrap();
        stream.write_all(b"open /etc/passwd\n").unwrap();
        drop(stream);
        // A real request afterwards is still answered, and counted once.
        assert!(matches!(
            claim(dir.path(), &workspace, || {}).unwrap(),
            Claim::AlreadyOpen
        ));
        wait_for(&requests, 1);
    }

    #[test]
    fn a_window_switching_workspaces_releases_the_old_one_and_keeps_its_own() {
        let dir = private_tempdir();
        let (a, b) = (
            dir.path().join("a.throughline"),
            dir.path().join("b.throughline"),
        );
        let window = WindowClaim::new(dir.path().to_path_buf(), || {});
        window.hold(window.claim(&a).unwrap());
        // Opening its own workspace again is not "open elsewhere".
        window.hold(window.claim(&a).unwrap());
        window.hold(window.claim(&b).unwrap());
        assert!(matches!(
            claim(dir.path(), &a, || {}).unwrap(),
            Claim::First(_)
        ));

        let other = WindowClaim::new(dir.path().to_path_buf(), || {});
        assert!(other.claim(&b).is_err());
        // A claim taken for a switch that failed is not held.
        let _ = other.claim(&dir.path().join("c.throughline")).unwrap();
        assert!(matches!(
            claim(dir.path(), &dir.path().join("c.throughline"), || {}).unwrap(),
            Claim::First(_)
        ));
    }

    #[test]
    fn this_users_id_is_the_owner_of_a_file_it_makes() {
        assert_eq!(uid_of_new_file().unwrap(), uid());
    }

    #[test]
    fn a_folder_that_is_a_link_or_open_or_anothers_is_not_trusted() {
        let dir = private_tempdir();
        let private = dir.path().join("private");
        make_private_dir(&private, uid()).unwrap();
        assert_eq!(
            std::fs::metadata(&private).unwrap().mode() & 0o777,
            0o700,
            "made closed to others"
        );

        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&private, &link).unwrap();
        assert!(matches!(
            make_private_dir(&link, uid()),
            Err(FolderProblem::NotAFolder)
        ));

        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(matches!(
            make_private_dir(&open, uid()),
            Err(FolderProblem::OpenToOthers { mode: 0o777 })
        ));

        let someone_else = uid().wrapping_add(1);
        assert!(matches!(
            make_private_dir(&private, someone_else),
            Err(FolderProblem::NotOurs { .. })
        ));
    }

    #[test]
    fn a_claim_in_a_folder_others_may_enter_is_refused() {
        let dir = private_tempdir();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o733)).unwrap();
        let refused = claim(&open, &dir.path().join("a.throughline"), || {});
        assert!(matches!(refused, Err(ClaimError::Folder { .. })));
    }

    #[test]
    fn the_first_private_candidate_is_the_socket_folder() {
        let dir = private_tempdir();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
        let fallback = dir.path().join("cache/io.throughline.desktop/instance");
        let picked = pick_private_dir(&[open, fallback.clone()], uid());
        assert_eq!(picked, Some(fallback));
    }

    #[test]
    fn the_runtime_dir_comes_first_then_the_temp_dir_then_the_cache() {
        let env = |key: &str| match key {
            "XDG_RUNTIME_DIR" => Some(OsString::from("/run/user/1000")),
            "HOME" => Some(OsString::from("/home/pm")),
            _ => None,
        };
        let dirs = candidate_dirs(env, Some(1000));
        assert_eq!(dirs[0], PathBuf::from("/run/user/1000/throughline"));
        assert_eq!(dirs[1], std::env::temp_dir().join("throughline-1000"));
        assert_eq!(
            dirs[2],
            PathBuf::from("/home/pm/.cache/io.throughline.desktop/instance")
        );
        let unset = candidate_dirs(|_| Some(OsString::new()), Some(1000));
        assert_eq!(unset, vec![std::env::temp_dir().join("throughline-1000")]);
    }

    #[test]
    fn a_link_at_the_socket_path_is_not_followed_but_replaced() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        // A listener elsewhere that would say "already open" to anyone.
        let decoy_dir = private_tempdir();
        let decoy_path = decoy_dir.path().join("decoy.sock");
        let decoy = UnixListener::bind(&decoy_path).unwrap();
        decoy.set_nonblocking(true).unwrap();
        std::os::unix::fs::symlink(&decoy_path, socket_path(dir.path(), &workspace)).unwrap();

        let claimed = claim(dir.path(), &workspace, || {}).unwrap();
        assert!(matches!(claimed, Claim::First(_)));
        assert!(decoy.accept().is_err(), "the decoy was asked");
        let kind = std::fs::symlink_metadata(socket_path(dir.path(), &workspace))
            .unwrap()
            .file_type();
        assert!(kind.is_socket(), "this window's own socket took its place");
    }

    #[test]
    fn a_plain_file_or_another_users_socket_is_not_trusted() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let path = socket_path(dir.path(), &workspace);
        std::fs::write(&path, b"focused\n").unwrap();
        assert_eq!(
            entry_at(&path, uid()).unwrap(),
            Entry::Untrusted("a file".into())
        );
        let first = claim(dir.path(), &workspace, || {}).unwrap();
        assert!(matches!(first, Claim::First(_)));
        assert_eq!(entry_at(&path, uid()).unwrap(), Entry::OurSocket);
        let someone_else = uid().wrapping_add(1);
        assert_eq!(
            entry_at(&path, someone_else).unwrap(),
            Entry::Untrusted(format!("a socket of user {}", uid()))
        );
    }

    #[test]
    fn a_line_without_end_is_dropped_and_the_next_launch_is_answered() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &workspace, on_request).unwrap();
        let mut flood = UnixStream::connect(socket_path(dir.path(), &workspace)).unwrap();
        flood
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let sent = flood.write_all(&vec![b'a'; 10 * 1024 * 1024]);
        assert!(sent.is_err(), "the listener read 10 MB");

        assert!(matches!(
            claim(dir.path(), &workspace, || {}).unwrap(),
            Claim::AlreadyOpen
        ));
        wait_for(&requests, 1);
    }

    #[test]
    fn a_silent_peer_does_not_hold_up_a_launch() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &workspace, on_request).unwrap();
        let _silent = UnixStream::connect(socket_path(dir.path(), &workspace)).unwrap();

        let started = Instant::now();
        assert!(matches!(
            claim(dir.path(), &workspace, || {}).unwrap(),
            Claim::AlreadyOpen
        ));
        assert!(
            started.elapsed() < PEER_TIMEOUT / 2,
            "{:?}",
            started.elapsed()
        );
        wait_for(&requests, 1);
    }

    #[test]
    fn peers_beyond_the_cap_are_hung_up_on_and_silent_ones_time_out() {
        let dir = private_tempdir();
        let workspace = dir.path().join("a.throughline");
        let path = socket_path(dir.path(), &workspace);
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &workspace, on_request).unwrap();
        let silent: Vec<UnixStream> = (0..MAX_PEERS)
            .map(|_| UnixStream::connect(&path).unwrap())
            .collect();

        let started = Instant::now();
        let mut one_more = UnixStream::connect(&path).unwrap();
        one_more
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        assert_eq!(one_more.read(&mut [0u8; 8]).unwrap(), 0, "hung up on");
        assert!(
            started.elapsed() < PEER_TIMEOUT / 2,
            "{:?}",
            started.elapsed()
        );

        // The silent peers are hung up on after their time …
        for mut peer in silent {
            peer.set_read_timeout(Some(PEER_TIMEOUT * 3)).unwrap();
            assert_eq!(peer.read(&mut [0u8; 8]).unwrap(), 0);
        }
        assert!(started.elapsed() >= PEER_TIMEOUT - Duration::from_millis(100));
        // … and their places serve a launch again (the slots free as each
        // peer thread ends, just after the hang-up).
        let answered = (0..50).any(|_| {
            let asked = ask_to_focus(&path, uid()).unwrap_or(false);
            if !asked {
                std::thread::sleep(Duration::from_millis(20));
            }
            asked
        });
        assert!(answered);
        wait_for(&requests, 1);
        assert_eq!(requests.load(Ordering::SeqCst), 1);
    }
}
