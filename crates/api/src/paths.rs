//! Which workspace file: `--workspace FILE`, then `$THROUGHLINE_WORKSPACE`,
//! then the app's default file. One place for the app identifier, so the
//! window and the CLI open the same file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The app's identifier (`tauri.conf.json`), the name of its data folder.
pub const APP_IDENTIFIER: &str = "io.throughline.desktop";
pub const WORKSPACE_ENV: &str = "THROUGHLINE_WORKSPACE";
pub const DEFAULT_FILE_NAME: &str = "workspace.throughline";

/// The workspace named by the arguments (`--workspace FILE` or
/// `--workspace=FILE`) or, failing that, by `$THROUGHLINE_WORKSPACE`.
pub fn requested_workspace(
    args: impl IntoIterator<Item = OsString>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            if let Some(path) = args.next() {
                return Some(PathBuf::from(path));
            }
        } else if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--workspace=")) {
            return Some(PathBuf::from(path));
        } else if !arg.to_string_lossy().starts_with('-') && !arg.is_empty() {
            // A bare path: what a file manager passes when a .throughline
            // file is opened (the desktop entry's `%f`).
            return Some(PathBuf::from(arg));
        }
    }
    env(WORKSPACE_ENV)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

/// The app's data folder: `$XDG_DATA_HOME/io.throughline.desktop`, else
/// `~/.local/share/io.throughline.desktop` (where the desktop app keeps it).
pub fn app_data_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let data_home = env("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data_home.join(APP_IDENTIFIER))
}

/// The default workspace file in an app data folder.
pub fn default_workspace_in(app_data_dir: &Path) -> PathBuf {
    app_data_dir.join(DEFAULT_FILE_NAME)
}

/// The workspace a door opens: the flag, the environment, else the default file.
pub fn resolve_workspace(flag: Option<PathBuf>) -> Option<PathBuf> {
    let env = |key: &str| std::env::var_os(key);
    flag.or_else(|| requested_workspace(std::iter::empty(), env))
        .or_else(|| app_data_dir(env).map(|dir| default_workspace_in(&dir)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        let env = |_: &str| Some(OsString::from("/env/file.throughline"));
        let found = requested_workspace(args(&["app", "--workspace", "/a b.throughline"]), env);
        assert_eq!(found, Some(PathBuf::from("/a b.throughline")));
        let found = requested_workspace(args(&["app", "--workspace=/c.throughline"]), env);
        assert_eq!(found, Some(PathBuf::from("/c.throughline")));
    }

    #[test]
    fn a_bare_path_is_the_file_a_file_manager_opens() {
        let env = |_: &str| Some(OsString::from("/env/file.throughline"));
        let found = requested_workspace(args(&["app", "/home/pm/Q4 plan.throughline"]), env);
        assert_eq!(found, Some(PathBuf::from("/home/pm/Q4 plan.throughline")));
        // Options the app does not know are not paths.
        let found = requested_workspace(args(&["app", "--verbose"]), |_| None);
        assert_eq!(found, None);
    }

    #[test]
    fn the_environment_is_used_when_there_is_no_flag_and_empty_means_unset() {
        let env = |key: &str| (key == WORKSPACE_ENV).then(|| OsString::from("/env.throughline"));
        assert_eq!(
            requested_workspace(args(&["app"]), env),
            Some(PathBuf::from("/env.throughline"))
        );
        assert_eq!(
            requested_workspace(args(&["app"]), |_| Some(OsString::new())),
            None
        );
        assert_eq!(
            requested_workspace(args(&["app", "--workspace"]), |_| None),
            None
        );
    }

    #[test]
    fn the_default_file_lives_in_the_app_data_folder_of_xdg_data_home_or_home() {
        let xdg = |key: &str| (key == "XDG_DATA_HOME").then(|| OsString::from("/data"));
        assert_eq!(
            app_data_dir(xdg).map(|d| default_workspace_in(&d)),
            Some(PathBuf::from(
                "/data/io.throughline.desktop/workspace.throughline"
            ))
        );
        let home = |key: &str| (key == "HOME").then(|| OsString::from("/home/pm"));
        assert_eq!(
            app_data_dir(home),
            Some(PathBuf::from(
                "/home/pm/.local/share/io.throughline.desktop"
            ))
        );
    }
}
