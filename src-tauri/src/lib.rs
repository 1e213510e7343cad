//! The desktop shell: window, dialogs, app paths and one thin command per
//! use case. Everything else lives in the Tauri-free crates.

mod api_error;
mod branding;
mod chart_import;
mod clock;
mod coach;
mod commands;
mod journals;
mod launch;
mod slides;
mod state;
mod story_import;

use tauri::Manager;

use crate::state::AppState;

pub fn run() -> tauri::Result<()> {
    let requested = launch::requested_workspace(std::env::args_os(), |key| std::env::var_os(key));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(move |app| {
            let path = match requested.clone() {
                Some(path) => path,
                None => launch::default_workspace_path(&app.path().app_data_dir()?)?,
            };
            app.manage(AppState::open(path));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace_state,
            commands::open_workspace,
            commands::list_updates,
            commands::get_update,
            commands::create_update,
            commands::save_update,
            commands::set_status,
            commands::delete_update,
            commands::restore_update,
            commands::duplicate_update,
            slides::render_preview,
            slides::parse_chart_data,
            slides::export_updates,
            slides::copy_slide_image,
            chart_import::import_chart_file,
            story_import::import_stories,
            journals::list_journals,
            journals::get_journal,
            journals::create_journal,
            journals::save_journal,
            journals::share_journal,
            journals::revise_journal,
            journals::import_readings,
            journals::add_reading,
            journals::export_journal_markdown,
            journals::journal_diff,
            journals::get_author,
            journals::set_author,
            journals::link_update,
            journals::update_journal,
            coach::review_update,
            coach::set_silenced_rules,
            branding::get_branding,
            branding::save_branding,
            branding::set_logo,
            branding::clear_logo,
        ])
        .run(tauri::generate_context!())
}
