//! The window's native menu. Each item is forwarded to the front end as a
//! `menu` event carrying its id; the front end runs the same action as its
//! buttons and shortcuts (the shortcuts are named in the labels and handled
//! by the page, so no key is caught twice).

use tauri::menu::{AboutMetadata, Menu, MenuBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .text("new-update", "New update (Ctrl+N)")
        .text("import-stories", "Import stories…")
        .separator()
        .text("open-workspace", "Open workspace…")
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
        .about_with_text("About Throughline", Some(about))
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

/// Forwards a menu click to the page.
pub fn forward<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let _ = app.emit("menu", id.to_owned());
}
