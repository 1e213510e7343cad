//! How the embedded WebKit engine runs, chosen once before the window
//! exists from what the machine offers. Measured on a 2-core machine whose
//! GL is software (llvmpipe), see scripts/bench-memory.sh and
//! scripts/bench-session.sh:
//! - WebKit's JavaScript JIT holds ~15 MB at idle and speeds up nothing a
//!   form-based window does: with the interpreter alone the slide preview
//!   refreshes in 172 ms (median) against 171–175 ms with the baseline JIT,
//!   and scrolling keeps 9 ms frames.
//! - Where GL is software, compositing costs ~100 MB and draws no faster,
//!   so it is turned off; painting with the CPU stays on if the user turns
//!   compositing back on.
//!
//! - The window shows one document that replaces its slide image on every
//!   edit; WebKit's browser cache model keeps each replaced image decoded
//!   in memory, the document-viewer model drops an image once nothing shows
//!   it ([`tune_window`]).
//!
//! A variable the user set is never overridden.

use std::ffi::OsString;
use std::path::Path;

/// Whether the machine draws with a GPU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Graphics {
    Hardware,
    Software,
}

/// Software when Mesa is told to be, or when there is no DRM render node.
pub fn graphics(env: impl Fn(&str) -> Option<OsString>, dri_dir: &Path) -> Graphics {
    if env("LIBGL_ALWAYS_SOFTWARE").is_some_and(|value| value != "0" && !value.is_empty()) {
        return Graphics::Software;
    }
    let has_render_node = std::fs::read_dir(dri_dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    if has_render_node {
        Graphics::Hardware
    } else {
        Graphics::Software
    }
}

/// The variables to set for the engine, leaving alone any the user set.
pub fn engine_settings(
    graphics: Graphics,
    env: impl Fn(&str) -> Option<OsString>,
) -> Vec<(&'static str, &'static str)> {
    let mut wanted = vec![("JSC_useJIT", "0")];
    if graphics == Graphics::Software {
        wanted.push(("WEBKIT_DISABLE_COMPOSITING_MODE", "1"));
        wanted.push(("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1"));
    }
    wanted
        .into_iter()
        .filter(|(name, _)| env(name).is_none())
        .collect()
}

/// Applies the settings to this process, whose web processes inherit them.
/// Call first thing in `main`, while the process has one thread.
pub fn configure_from_machine() {
    let env = |key: &str| std::env::var_os(key);
    let graphics = graphics(env, Path::new("/dev/dri"));
    for (name, value) in engine_settings(graphics, env) {
        std::env::set_var(name, value);
    }
}

/// Settings made on the window's webview once it exists.
pub fn tune_window<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let tuned = window.with_webview(|webview| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(err) = tuned {
            crate::applog::warn(format_args!("the webview's cache could not be set: {err}"));
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn no_render_node_means_software_graphics() {
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(graphics(none, empty.path()), Graphics::Software);
        assert_eq!(
            graphics(none, &empty.path().join("missing")),
            Graphics::Software
        );
        std::fs::write(empty.path().join("card0"), b"").unwrap();
        assert_eq!(graphics(none, empty.path()), Graphics::Software);
    }

    #[test]
    fn a_render_node_means_hardware_unless_mesa_is_told_otherwise() {
        let dri = tempfile::tempdir().unwrap();
        std::fs::write(dri.path().join("renderD128"), b"").unwrap();
        assert_eq!(graphics(none, dri.path()), Graphics::Hardware);
        let forced = |key: &str| (key == "LIBGL_ALWAYS_SOFTWARE").then(|| OsString::from("1"));
        assert_eq!(graphics(forced, dri.path()), Graphics::Software);
        let zero = |key: &str| (key == "LIBGL_ALWAYS_SOFTWARE").then(|| OsString::from("0"));
        assert_eq!(graphics(zero, dri.path()), Graphics::Hardware);
    }

    #[test]
    fn software_graphics_turns_compositing_off() {
        let set = engine_settings(Graphics::Software, none);
        assert!(set.contains(&("WEBKIT_DISABLE_COMPOSITING_MODE", "1")));
        assert!(set.contains(&("JSC_useJIT", "0")));
        let hardware = engine_settings(Graphics::Hardware, none);
        assert!(!hardware.iter().any(|(name, _)| name.starts_with("WEBKIT_")));
        assert!(hardware.contains(&("JSC_useJIT", "0")));
    }

    #[test]
    fn what_the_user_set_is_left_alone() {
        let user =
            |key: &str| (key == "WEBKIT_DISABLE_COMPOSITING_MODE").then(|| OsString::from("0"));
        let set = engine_settings(Graphics::Software, user);
        assert!(!set
            .iter()
            .any(|(name, _)| *name == "WEBKIT_DISABLE_COMPOSITING_MODE"));
        assert!(set.contains(&("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1")));
    }
}
