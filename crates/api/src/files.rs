//! Files the user chose: written atomically (a temporary file in the same
//! folder, synced, then renamed over the target), read within a size limit.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::{ApiError, ErrorCode};

/// Writes `bytes` to `path` so that a reader sees the old file or the new
/// one, never half of either; a failure leaves no temporary file behind.
///
/// The temporary file gets a random name and is created exclusively, so a
/// link planted beside the target is never followed; a target that is not
/// a regular file (a device, a pipe, a folder) is refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    check_target(path)?;
    let failed = |err: std::io::Error| {
        ApiError::new(
            ErrorCode::WriteFailed,
            format!("cannot write {}: {err}", path.display()),
        )
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".throughline-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(failed)?;
    temp.write_all(bytes).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(path).map_err(|err| failed(err.error))?;
    Ok(())
}

/// Refuses to write onto anything but a regular file (or where nothing is
/// yet): replacing a device node or a pipe with a file, or a folder, is
/// never what the user meant.
pub fn check_target(path: &Path) -> Result<(), ApiError> {
    let kind = match std::fs::metadata(path) {
        Ok(found) if found.is_file() => return Ok(()),
        Ok(found) => kind_of(&found.file_type()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => {
            return Err(ApiError::new(
                ErrorCode::WriteFailed,
                format!("cannot write {}: {err}", path.display()),
            ))
        }
    };
    Err(ApiError::new(
        ErrorCode::WriteFailed,
        format!(
            "{} is not a regular file ({kind}): choose a file name to save to",
            path.display()
        ),
    ))
}

/// "a folder", "a named pipe"… for messages.
pub fn kind_of(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

/// The file's name as messages show it.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a file the user chose (a story, chart data, readings, a logo),
/// within `limit` bytes (`what` names the kind of file in messages).
///
/// Links are resolved first; anything but a regular file (a named pipe, a
/// device, a folder) is refused before it is opened, so a pipe never
/// blocks the read. The file is opened without blocking and checked again
/// through the open handle, and read through `take(limit + 1)`: a file
/// that grows while it is read is still refused, not read without end.
pub fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, ApiError> {
    let name = display_name(path);
    let io = |err: std::io::Error| ApiError::io(format!("cannot read {name}: {err}"));
    let real = resolve(path, &name)?;
    let size = regular_file_size(&std::fs::metadata(&real).map_err(io)?, &name, what)?;
    let too_large = || {
        ApiError::invalid(format!(
            "{name} is too large to be {what} (over {})",
            crate::limits::megabytes(limit)
        ))
    };
    if size > limit {
        return Err(too_large());
    }
    let file = open_without_blocking(&real).map_err(io)?;
    regular_file_size(&file.metadata().map_err(io)?, &name, what)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The path with every link resolved; a link to nothing says so.
fn resolve(path: &Path, name: &str) -> Result<PathBuf, ApiError> {
    std::fs::canonicalize(path).map_err(|err| {
        if err.kind() != std::io::ErrorKind::NotFound {
            return ApiError::io(format!("cannot read {name}: {err}"));
        }
        match std::fs::read_link(path) {
            Ok(target) => ApiError::io(format!(
                "{name} is a link to {}, which does not exist",
                target.display()
            )),
            Err(_) => ApiError::io(format!("{name} does not exist")),
        }
    })
}

/// The size of a regular file; anything else is refused by its kind.
fn regular_file_size(found: &std::fs::Metadata, name: &str, what: &str) -> Result<u64, ApiError> {
    if found.is_file() {
        return Ok(found.len());
    }
    Err(ApiError::invalid(format!(
        "{name} is not a regular file ({}): choose a file to read as {what}",
        kind_of(&found.file_type())
    )))
}

/// `O_NONBLOCK`, so that a path swapped for a named pipe after it was
/// checked cannot block the open (it changes nothing for a regular file).
#[cfg(any(target_os = "linux", target_os = "android"))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const O_NONBLOCK: i32 = 0x0004; // macOS and the BSDs

fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
}

/// A save dialog's path is written as it came back, never with an
/// extension added: the dialog's "replace it?" question was about that very
/// file. The dialog suggests a name with the extension; a name typed
/// without one is kept as typed. Only a whole path to a file is accepted.
pub fn check_save_target(path: &Path) -> Result<(), ApiError> {
    if path.is_absolute() && path.file_name().is_some() {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "choose where to save the file in the dialog",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("deck.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_write_into_a_missing_folder_fails_as_a_write() {
        let err = write_atomically(Path::new("/nonexistent-folder/x.pdf"), b"x").unwrap_err();
        assert_eq!(err.code, ErrorCode::WriteFailed);
        assert!(err.message.contains("/nonexistent-folder/x.pdf"), "{err}");
    }

    #[test]
    fn only_a_whole_path_to_a_file_is_a_save_target() {
        assert!(check_save_target(Path::new("/home/pm/deck")).is_ok());
        assert!(check_save_target(Path::new("/home/pm/deck.pdf")).is_ok());
        for refused in ["deck.pdf", "", "/", "/home/pm/.."] {
            let err = check_save_target(Path::new(refused)).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput, "{refused:?}");
        }
    }

    /// Runs `read` on another thread and fails the test if it blocks.
    fn within_a_second(
        read: impl FnOnce() -> Result<Vec<u8>, ApiError> + Send + 'static,
    ) -> Result<Vec<u8>, ApiError> {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || send.send(read()));
        receive
            .recv_timeout(std::time::Duration::from_secs(1))
            .expect("the read blocked")
    }

    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("story.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let err = within_a_second(move || read_limited(&fifo, 1024, "a story")).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(
            err.message,
            "story.md is not a regular file (a named pipe): choose a file to read as a story"
        );
    }

    #[test]
    fn devices_and_folders_are_refused() {
        let err =
            within_a_second(|| read_limited(Path::new("/dev/zero"), 1024, "a logo")).unwrap_err();
        assert_eq!(
            err.message,
            "zero is not a regular file (a device): choose a file to read as a logo"
        );
        let dir = tempfile::tempdir().unwrap();
        let err = read_limited(dir.path(), 1024, "chart data").unwrap_err();
        assert!(err.message.contains("(a folder)"), "{err}");
    }

    #[test]
    fn a_link_is_followed_to_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.md");
        std::fs::write(&target, b"# Title").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_limited(&link, 1024, "a story").unwrap(), b"# Title");
        // The limit is the target's size, not the link's.
        assert!(read_limited(&link, 4, "a story").is_err());
    }

    #[test]
    fn a_link_to_nothing_or_a_missing_file_says_it_does_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("logo.png");
        let nowhere = dir.path().join("gone.png");
        std::os::unix::fs::symlink(&nowhere, &link).unwrap();
        let err = read_limited(&link, 1024, "a logo").unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert_eq!(
            err.message,
            format!(
                "logo.png is a link to {}, which does not exist",
                nowhere.display()
            )
        );
        let err = read_limited(&nowhere, 1024, "a logo").unwrap_err();
        assert_eq!(err.message, "gone.png does not exist");
    }

    /// A file whose size says 0 but which holds more (as `/proc` files do,
    /// or a file still being written) is cut at the limit and refused.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_larger_than_its_size_says_is_still_bounded() {
        let status = Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(status).unwrap().len(), 0);
        let err = read_limited(status, 16, "a readings file").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains("too large"), "{err}");
        assert!(!read_limited(status, 1 << 20, "a readings file")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.md");
        std::fs::write(&big, vec![b'a'; 2048]).unwrap();
        let err = read_limited(&big, 1024, "a story").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.message, "big.md is too large to be a story (over 1 KB)");
    }
}
