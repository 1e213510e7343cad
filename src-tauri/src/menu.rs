//! The window's native menu. Each item is forwarded to the front end as a
//! `menu` event carrying its id; the front end runs the same action as its
//! buttons. The items carry the usual shortcuts: GTK handles a matching key
//! press and the page never sees it, so an action runs once (the page's own
//! key handler still serves key events that do not pass through GTK).

use std::path::PathBuf;

use tauri::menu::{
    AboutMetadata, Menu, MenuBuilder, MenuItem, MenuItemBuilder, Submenu, SubmenuBuilder,
};
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

/// A menu item whose shortcut GTK shows right-aligned and handles: a key
/// press that matches it never reaches the page, so each action runs once.
fn shortcut_item<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    label: &str,
    accelerator: &str,
) -> tauri::Result<MenuItem<R>> {
    MenuItemBuilder::with_id(id, label)
        .accelerator(accelerator)
        .build(app)
}

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .item(&shortcut_item(
            app,
            "new-update",
            "New update",
            "CmdOrCtrl+N",
        )?)
        .text("import-stories", "Import stories…")
        .separator()
        .item(&shortcut_item(
            app,
            "open-workspace",
            "Open workspace…",
            "CmdOrCtrl+O",
        )?)
        .item(&recent_menu(app, recent)?)
        .text("create-workspace", "New workspace…")
        .text("back-up", "Back up now")
        .separator()
        .item(&shortcut_item(
            app,
            "export-pdf",
            "Export this update as PDF…",
            "CmdOrCtrl+E",
        )?)
        .item(&shortcut_item(
            app,
            "export-deck",
            "Export a deck…",
            "CmdOrCtrl+Shift+E",
        )?)
        .item(&shortcut_item(
            app,
            "copy-slide",
            "Copy the slide image",
            "CmdOrCtrl+Shift+C",
        )?)
        .separator()
        .item(&shortcut_item(app, "quit", "Quit", "CmdOrCtrl+Q")?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&shortcut_item(app, "undo", "Undo typing", "CmdOrCtrl+Z")?)
        .item(&shortcut_item(
            app,
            "redo",
            "Redo typing",
            "CmdOrCtrl+Shift+Z",
        )?)
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
