//! Which workspace file: the flag, then `$THROUGHLINE_WORKSPACE`, then the
//! app's default file (the same place the desktop app uses).

use std::path::PathBuf;

const APP_IDENTIFIER: &str = "io.throughline.desktop";

pub fn resolve(flag: Option<PathBuf>) -> Option<PathBuf> {
    if flag.is_some() {
        return flag;
    }
    if let Some(env) = std::env::var_os("THROUGHLINE_WORKSPACE").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(env));
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share"))
        })?;
    Some(data_home.join(APP_IDENTIFIER).join("workspace.throughline"))
}
