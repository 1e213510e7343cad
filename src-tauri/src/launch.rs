//! Which workspace file to open: `--workspace PATH`, then
//! `$THROUGHLINE_WORKSPACE`, then the default file in the app-data dir.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const WORKSPACE_ENV: &str = "THROUGHLINE_WORKSPACE";
pub const DEFAULT_FILE_NAME: &str = "workspace.throughline";

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
        }
    }
    env(WORKSPACE_ENV)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

pub fn default_workspace_path(app_data_dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(app_data_dir)?;
    Ok(app_data_dir.join(DEFAULT_FILE_NAME))
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
}
