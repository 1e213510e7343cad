//! Any bytes as a workspace file, mutated from the committed fixtures of
//! every schema version: opening is refused with a typed error or succeeds,
//! and what opens can be listed and read, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use throughline_store::Workspace;

fuzz_target!(|bytes: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("sent.throughline");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(workspace) = Workspace::open_read_only(&path) {
        if let Ok(updates) = workspace.list_updates("") {
            for summary in updates.iter().take(20) {
                let _ = workspace.get_update(summary.id);
            }
        }
        let _ = workspace.branding();
        let _ = workspace.list_journals();
    }
    if let Ok(workspace) = Workspace::open(&path) {
        let _ = workspace.resettle_all();
    }
});
