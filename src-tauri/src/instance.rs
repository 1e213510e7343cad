//! One window per workspace file. The process that has a workspace open
//! listens on a Unix socket named after the file; a later launch on the same
//! file connects, asks it to bring its window forward, and exits. Another
//! workspace gets its own socket, so it opens its own window.
//!
//! Tauri-free: the caller says what "bring forward" means.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};

const REQUEST: &[u8] = b"focus\n";
const ANSWER: &str = "focused";
/// How long a launch waits for the open window to answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// What claiming a workspace found.
pub enum Claim {
    /// No other process has it open: this one does now, until the guard drops.
    First(InstanceGuard),
    /// Another process has it open and brought its window forward.
    AlreadyOpen,
}

/// The folder the sockets live in: the user's runtime dir (private to the
/// user, cleared at logout), else a private folder in the temp dir.
pub fn socket_dir() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => PathBuf::from(dir).join("throughline"),
        None => std::env::temp_dir().join(format!("throughline-{}", user_tag())),
    }
}

fn user_tag() -> String {
    std::env::var("USER").unwrap_or_else(|_| "user".into())
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
    on_request: impl Fn() + Send + 'static,
) -> std::io::Result<Claim> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let path = socket_path(dir, workspace);
    // Two launches at once: one binds, the other finds it on its next try.
    for _ in 0..3 {
        if ask_to_focus(&path)? {
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
            Err(err) => return Err(err),
        }
    }
    Err(std::io::Error::other(format!(
        "could not claim {} for this window",
        path.display()
    )))
}

/// True when a running process answered; a socket file nobody listens on
/// (left by a killed process) is removed.
fn ask_to_focus(path: &Path) -> std::io::Result<bool> {
    let mut stream = match UnixStream::connect(path) {
        Ok(stream) => stream,
        Err(err) => {
            use std::io::ErrorKind::{ConnectionRefused, NotFound};
            return match err.kind() {
                NotFound => Ok(false),
                ConnectionRefused => {
                    let _ = std::fs::remove_file(path);
                    Ok(false)
                }
                _ => Err(err),
            };
        }
    };
    stream.set_read_timeout(Some(ANSWER_TIMEOUT))?;
    stream.write_all(REQUEST)?;
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer)?;
    Ok(answer.trim_end() == ANSWER)
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
        on_request: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        std::thread::Builder::new()
            .name("single-instance".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    if answer(stream).unwrap_or(false) {
                        on_request();
                    }
                }
            })?;
        Ok(Self { path, stopping })
    }
}

fn answer(stream: UnixStream) -> std::io::Result<bool> {
    stream.set_read_timeout(Some(ANSWER_TIMEOUT))?;
    let mut request = String::new();
    let mut reader = BufReader::new(stream);
    reader.read_line(&mut request)?;
    if request.as_bytes() != REQUEST {
        return Ok(false);
    }
    let mut stream = reader.into_inner();
    stream.write_all(format!("{ANSWER}\n").as_bytes())?;
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
    use std::sync::atomic::AtomicUsize;

    fn counter() -> (Arc<AtomicUsize>, impl Fn() + Send + 'static) {
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

    #[test]
    fn a_second_claim_on_the_same_workspace_reaches_the_first() {
        let dir = tempfile::tempdir().unwrap();
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
        let dir = tempfile::tempdir().unwrap();
        let (requests, on_request) = counter();
        let _first = claim(dir.path(), &dir.path().join("a.throughline"), on_request).unwrap();
        let other = claim(dir.path(), &dir.path().join("b.throughline"), || {}).unwrap();
        assert!(matches!(other, Claim::First(_)));
        assert_eq!(requests.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn closing_the_first_window_frees_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
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
        let dir = tempfile::tempdir().unwrap();
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
        let dir = tempfile::tempdir().unwrap();
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
        let dir = tempfile::tempdir().unwrap();
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
}
