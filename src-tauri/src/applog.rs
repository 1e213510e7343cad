//! The app's log: one line per event worth knowing after the fact (start,
//! workspace opened or refused, backups, exports, imports, a second launch,
//! a panic), appended to `throughline.log` in the OS log dir. Kept small: at
//! 1 MB the file becomes `throughline.1.log` and a new one starts.
//!
//! Logging never fails the work it describes: a log that cannot be written
//! is skipped.

use std::fmt::Display;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

pub const FILE_NAME: &str = "throughline.log";
const ROTATED_NAME: &str = "throughline.1.log";
const MAX_BYTES: u64 = 1024 * 1024;

struct Log {
    path: PathBuf,
    file: Mutex<File>,
}

static LOG: OnceLock<Log> = OnceLock::new();

/// Starts the log in `dir`; later calls keep the first log.
pub fn init(dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    if std::fs::metadata(&path).is_ok_and(|meta| meta.len() > MAX_BYTES) {
        std::fs::rename(&path, dir.join(ROTATED_NAME))?;
    }
    let file = OpenOptions::new().create(true).append(true).open(&path)?;
    let _ = LOG.set(Log {
        path: path.clone(),
        file: Mutex::new(file),
    });
    std::panic::set_hook(Box::new(|info| {
        error(format_args!("panic: {info}"));
        eprintln!("{info}");
    }));
    Ok(path)
}

/// The log file, once started.
pub fn path() -> Option<PathBuf> {
    LOG.get().map(|log| log.path.clone())
}

pub fn info(message: impl Display) {
    write("INFO", message);
}

pub fn warn(message: impl Display) {
    write("WARN", message);
}

pub fn error(message: impl Display) {
    write("ERROR", message);
}

fn write(level: &str, message: impl Display) {
    let Some(log) = LOG.get() else { return };
    let line = line(
        &chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string(),
        level,
        &message.to_string(),
    );
    let mut file = log.file.lock().unwrap_or_else(|p| p.into_inner());
    let _ = file.write_all(line.as_bytes());
}

/// One line, whatever the message holds: line breaks are escaped so each
/// event stays one line.
fn line(time: &str, level: &str, message: &str) -> String {
    let message = message
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    format!("{time} {level:5} {message}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_is_one_line_whatever_its_text() {
        assert_eq!(
            line(
                "2026-11-24T10:00:00.000Z",
                "WARN",
                "backup failed:\nno space"
            ),
            "2026-11-24T10:00:00.000Z WARN  backup failed:\\nno space\n"
        );
    }
}
