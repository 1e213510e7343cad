/// The app's own commands. Declaring them makes each one need a permission
/// in a capability (capabilities/main.json), like any plugin command.
const COMMANDS: &[&str] = &[
    "workspace_state",
    "open_workspace",
    "list_updates",
    "get_update",
    "create_update",
    "save_update",
    "set_status",
    "delete_update",
    "restore_update",
    "duplicate_update",
    "back_up_now",
    "restore_backup",
    "external_changes",
    "recent_workspaces",
    "open_recent",
    "reveal_exported",
    "choose_files",
    "render_preview",
    "parse_chart_data",
    "export_updates",
    "copy_slide_image",
    "import_chart_file",
    "import_stories",
    "list_journals",
    "get_journal",
    "create_journal",
    "save_journal",
    "share_journal",
    "revise_journal",
    "import_readings",
    "add_reading",
    "export_journal_markdown",
    "journal_diff",
    "get_author",
    "set_author",
    "link_update",
    "update_journal",
    "review_update",
    "set_silenced_rules",
    "get_branding",
    "save_branding",
    "set_logo",
    "clear_logo",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {err:#}");
        std::process::exit(1);
    }
}
