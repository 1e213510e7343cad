//! Files the user chose: written atomically (a temporary file in the same
//! folder, synced, then renamed over the target), read within a size limit.

use std::io::Write;
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

/// Reads a file the user chose, refusing one over `limit` bytes before
/// reading it (`what` names the kind of file in the message).
pub fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, ApiError> {
    let name = display_name(path);
    let io = |err: std::io::Error| ApiError::io(format!("cannot read {name}: {err}"));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > limit {
        return Err(ApiError::invalid(format!(
            "{name} is too large to be {what} (over {})",
            crate::limits::megabytes(limit)
        )));
    }
    std::fs::read(path).map_err(io)
}

/// The chosen path with `extension` added when it has none.
pub fn with_extension(path: &Path, extension: &str) -> Result<PathBuf, ApiError> {
    if !path.is_absolute() || path.file_name().is_none() {
        return Err(ApiError::invalid(
            "choose where to save the file in the dialog",
        ));
    }
    Ok(if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path.to_path_buf()
    })
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
    fn export_paths_get_their_extension_and_must_be_absolute() {
        assert_eq!(
            with_extension(Path::new("/tmp/deck"), "pdf").unwrap(),
            PathBuf::from("/tmp/deck.pdf")
        );
        assert_eq!(
            with_extension(Path::new("/tmp/slide.PNG"), "png").unwrap(),
            PathBuf::from("/tmp/slide.PNG")
        );
        assert!(with_extension(Path::new("relative.pdf"), "pdf").is_err());
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
