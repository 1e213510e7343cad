#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The window's permissions and content security policy, pinned: a new
//! permission or a looser CSP fails here until a reviewer updates the
//! snapshot (`UPDATE_CAPABILITY_SNAPSHOT=1 cargo test -p throughline-app --test capabilities`).

use std::path::Path;

use serde_json::Value;

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn permissions_and_csp_match_the_reviewed_snapshot() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let capability = read_json(&here.join("capabilities/main.json"));
    let config = read_json(&here.join("../tauri.conf.json"));

    let mut permissions: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are plain identifiers")
                .to_owned()
        })
        .collect();
    permissions.sort();
    let csp = config["app"]["security"]["csp"].clone();
    let current = serde_json::json!({
        "windows": capability["windows"],
        "permissions": permissions,
        "csp": csp,
    });

    // Never, whatever the snapshot says.
    for permission in &permissions {
        assert!(
            !permission.starts_with("shell:")
                && !permission.starts_with("fs:")
                && !permission.starts_with("http:"),
            "{permission}: no shell, file system or network access from the window"
        );
    }
    assert_eq!(csp["script-src"].as_str().unwrap(), "'self'");
    for directive in csp.as_object().unwrap().values() {
        let directive = directive.as_str().unwrap();
        assert!(
            !directive.contains("unsafe-inline") && !directive.contains("unsafe-eval"),
            "{directive}"
        );
    }
    let connect: Vec<&str> = csp["connect-src"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(
        connect
            .iter()
            .all(|origin| ["ipc:", "http://ipc.localhost"].contains(origin)),
        "connect-src reaches only the app's own IPC: {connect:?}"
    );

    let snapshot_path = here.join("tests/capabilities.snapshot.json");
    if std::env::var_os("UPDATE_CAPABILITY_SNAPSHOT").is_some() {
        std::fs::write(
            &snapshot_path,
            serde_json::to_string_pretty(&current).unwrap() + "\n",
        )
        .unwrap();
    }
    let snapshot = read_json(&snapshot_path);
    assert!(
        snapshot == current,
        "the window's permissions or CSP changed; review the change, then run \
         UPDATE_CAPABILITY_SNAPSHOT=1 cargo test -p throughline-app --test capabilities\n\
         reviewed: {}\ncurrent:  {}",
        serde_json::to_string_pretty(&snapshot).unwrap(),
        serde_json::to_string_pretty(&current).unwrap()
    );
}
