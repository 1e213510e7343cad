//! The native file dialogs on Linux, drawn by GTK directly. The dialog
//! plugin's GTK backend destroys its dialog but never releases it: each
//! export kept about 1 MB (16 save dialogs held 15.7 MB after a 4-minute
//! session under heaptrack), so a day of exporting grew the app without
//! bound. Here the dialog is a `gtk::FileChooserNative` owned by Rust and
//! released when it is dropped. Elsewhere the plugin's dialogs serve.

use std::path::PathBuf;

/// What the dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Save,
    OpenOne,
    OpenMany,
}

/// A dialog to show: its title, its file filter and, to save, the name
/// it suggests.
#[derive(Debug, Clone)]
pub struct Request {
    pub title: String,
    pub choice: Choice,
    pub filter_name: &'static str,
    pub extensions: &'static [&'static str],
    pub suggested_name: Option<String>,
}

/// Shows the dialog over `window` on the main thread and waits for the
/// user; the chosen paths, or none when cancelled. Call from a blocking
/// task, never from the main thread.
#[cfg(target_os = "linux")]
pub fn choose(window: &tauri::Window, request: Request) -> Vec<PathBuf> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let parent = window.clone();
    let shown = window.run_on_main_thread(move || {
        let _ = sender.send(show(&parent, &request));
    });
    if shown.is_err() {
        return Vec::new();
    }
    receiver.recv().unwrap_or_default()
}

#[cfg(target_os = "linux")]
fn show(window: &tauri::Window, request: &Request) -> Vec<PathBuf> {
    use gtk::prelude::*;
    let action = match request.choice {
        Choice::Save => gtk::FileChooserAction::Save,
        Choice::OpenOne | Choice::OpenMany => gtk::FileChooserAction::Open,
    };
    let accept = if request.choice == Choice::Save {
        "_Save"
    } else {
        "_Open"
    };
    let parent = window.gtk_window().ok();
    let dialog = gtk::FileChooserNative::new(
        Some(&request.title),
        parent.as_ref(),
        action,
        Some(accept),
        Some("_Cancel"),
    );
    dialog.set_modal(true);
    dialog.set_select_multiple(request.choice == Choice::OpenMany);
    if request.choice == Choice::Save {
        dialog.set_do_overwrite_confirmation(true);
        if let Some(name) = request.suggested_name.as_deref().filter(|n| !n.is_empty()) {
            dialog.set_current_name(name);
        }
    }
    let filter = gtk::FileFilter::new();
    filter.set_name(Some(request.filter_name));
    for extension in request.extensions {
        filter.add_pattern(&format!("*.{extension}"));
        filter.add_pattern(&format!("*.{}", extension.to_uppercase()));
    }
    dialog.add_filter(filter);
    let chosen = if dialog.run() == gtk::ResponseType::Accept {
        dialog.filenames()
    } else {
        Vec::new()
    };
    dialog.destroy();
    chosen
}
