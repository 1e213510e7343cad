//! The workspaces opened lately, newest first, for File › Open recent.
//! Kept in the app's config dir as JSON; a file that is gone is left out
//! of the list, and an unreadable list is an empty one.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const KEPT: usize = 8;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    workspaces: Vec<PathBuf>,
}

pub struct RecentWorkspaces {
    file: PathBuf,
}

impl RecentWorkspaces {
    pub fn new(file: PathBuf) -> Self {
        Self { file }
    }

    /// The recent workspaces that still exist, newest first.
    pub fn list(&self) -> Vec<PathBuf> {
        self.read()
            .workspaces
            .into_iter()
            .filter(|path| path.is_file())
            .collect()
    }

    /// Puts `path` first; resolves with the new list.
    pub fn remember(&self, path: &Path) -> std::io::Result<Vec<PathBuf>> {
        let path = std::path::absolute(path)?;
        let mut stored = self.read();
        stored.workspaces.retain(|known| known != &path);
        stored.workspaces.insert(0, path);
        stored.workspaces.truncate(KEPT);
        self.write(&stored)?;
        Ok(self.list())
    }

    fn read(&self) -> Stored {
        std::fs::read(&self.file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn write(&self, stored: &Stored) -> std::io::Result<()> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut temp = self.file.as_os_str().to_owned();
        temp.push(".partial");
        let temp = PathBuf::from(temp);
        std::fs::write(&temp, serde_json::to_vec_pretty(stored)?)?;
        std::fs::rename(&temp, &self.file)
    }
}

/// How a recent workspace is named in the menu: its name, then its folder.
pub fn label(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => {
            format!("{name} — {}", folder.display())
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"").unwrap();
        path
    }

    #[test]
    fn the_newest_comes_first_once_and_the_list_is_kept_short() {
        let dir = tempfile::tempdir().unwrap();
        let recent = RecentWorkspaces::new(dir.path().join("config/recent.json"));
        assert!(recent.list().is_empty());
        let files: Vec<PathBuf> = (0..10)
            .map(|i| touch(dir.path(), &format!("w{i}.throughline")))
            .collect();
        for file in &files {
            recent.remember(file).unwrap();
        }
        let list = recent.remember(&files[3]).unwrap();
        assert_eq!(list.len(), KEPT);
        assert_eq!(list[0], files[3]);
        assert_eq!(list[1], files[9]);
        assert_eq!(list.iter().filter(|p| **p == files[3]).count(), 1);
    }

    #[test]
    fn a_deleted_workspace_leaves_the_list_and_a_damaged_list_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        let recent = RecentWorkspaces::new(file.clone());
        let kept = touch(dir.path(), "kept.throughline");
        let gone = touch(dir.path(), "gone.throughline");
        recent.remember(&kept).unwrap();
        recent.remember(&gone).unwrap();
        std::fs::remove_file(&gone).unwrap();
        assert_eq!(recent.list(), vec![kept.clone()]);

        std::fs::write(&file, b"{not json").unwrap();
        assert!(recent.list().is_empty());
        assert_eq!(recent.remember(&kept).unwrap(), vec![kept]);
    }

    #[test]
    fn a_menu_label_names_the_file_then_its_folder() {
        assert_eq!(
            label(Path::new("/home/pm/plans/q3.throughline")),
            "q3.throughline — /home/pm/plans"
        );
    }
}
