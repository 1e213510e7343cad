//! The window's native menu. Each item is forwarded to the front end as a
//! `menu` event carrying its id; the front end runs the same action as its
//! buttons and shortcuts (the shortcuts are named in the labels and handled
//! by the page, so no key is caught twice).

use std::path::PathBuf;

use tauri::menu::{AboutMetadata, Menu, MenuBuilder, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The id of the `index`th item of File › Open recent.
pub const RECENT_PREFIX: &str = "open-recent:";
/// Help › Show the log file: handled here, not by the page.
const SHOW_LOG: &str = "show-log";

fn recent_menu<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Submenu<R>> {
    let mut menu = SubmenuBuilder::new(app, "Open recent");
    if recent.is_empty() {
        let none = MenuItemBuilder::new("No recent workspaces")
            .id("no-recent")
            .enabled(false)
            .build(app)?;
        menu = menu.item(&none);
    }
    for (index, path) in recent.iter().enumerate() {
        menu = menu.text(
            format!("{RECENT_PREFIX}{index}"),
            crate::recent::label(path),
        );
    }
    menu.build()
}

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .text("new-update", "New update (Ctrl+N)")
        .text("import-stories", "Import stories…")
        .separator()
        .text("open-workspace", "Open workspace… (Ctrl+O)")
        .item(&recent_menu(app, recent)?)
        .text("create-workspace", "New workspace…")
        .text("back-up", "Back up now")
        .separator()
        .text("export-pdf", "Export this update as PDF… (Ctrl+E)")
        .text("export-deck", "Export a deck… (Ctrl+Shift+E)")
        .text("copy-slide", "Copy the slide image (Ctrl+Shift+C)")
        .separator()
        .text("quit", "Quit (Ctrl+Q)")
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .text("undo", "Undo typing (Ctrl+Z)")
        .text("redo", "Redo typing (Ctrl+Shift+Z)")
        .separator()
        .cut()
        .copy()
        .paste()
        .separator()
        .select_all()
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .text("show-updates", "Updates")
        .text("show-journals", "Decision journals")
        .separator()
        .text("workspace-look", "Workspace look…")
        .build()?;
    let about = AboutMetadata {
        name: Some("Throughline".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some(
            "Executive updates that land: Context → Conflict → Resolution → Evidence.".into(),
        ),
        ..AboutMetadata::default()
    };
    let help = SubmenuBuilder::new(app, "Help")
        .text(SHOW_LOG, "Show the log file")
        .separator()
        .about_with_text("About Throughline", Some(about))
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

/// Handles a menu click: the page runs its own actions, the shell shows the log.
pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == SHOW_LOG {
        // The file manager may take a moment to answer; the menu does not wait.
        std::thread::spawn(crate::desktop::reveal_log);
        return;
    }
    let _ = app.emit("menu", id.to_owned());
}
