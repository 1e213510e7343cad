//! The desktop shell: window, dialogs, app paths and one thin command per
//! use case. Everything else lives in the Tauri-free crates.

mod api_error;
mod applog;
mod branding;
mod chart_import;
mod clock;
mod coach;
mod commands;
mod desktop;
mod file_access;
mod instance;
mod journals;
mod launch;
mod menu;
mod recent;
mod slides;
mod state;
mod story_import;

use tauri::Manager;

use crate::instance::WindowClaim;
use crate::recent::RecentWorkspaces;
use crate::state::{AppState, WorkspaceState};

/// The recent-workspaces list, in the app's config dir.
const RECENT_FILE: &str = "recent-workspaces.json";

/// A verified backup of the open workspace every half hour while the app
/// runs (beside the file, the newest kept). A failed one is retried next time.
fn schedule_backups(state: AppState) {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);
    let _ = std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || loop {
            std::thread::sleep(EVERY);
            let done = state.with_workspace(|ws| {
                let dir = throughline_store::backup_dir_for(ws.path());
                Ok(ws.back_up(&dir, commands::BACKUPS_KEPT, clock::now_millis())?)
            });
            match done {
                Ok(path) => applog::info(format_args!("backed up to {}", path.display())),
                Err(err) => applog::warn(format_args!("scheduled backup failed: {}", err.message)),
            }
        });
}

pub fn run() -> tauri::Result<()> {
    let requested = launch::requested_workspace(std::env::args_os(), |key| std::env::var_os(key));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        // The window opens where and how large the user left it.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(move |app| {
            if let Ok(dir) = app.path().app_log_dir() {
                let _ = applog::init(&dir);
            }
            let path = match requested.clone() {
                Some(path) => path,
                None => launch::default_workspace_path(&app.path().app_data_dir()?)?,
            };
            applog::info(format_args!(
                "Throughline {} starting on {}",
                env!("CARGO_PKG_VERSION"),
                path.display()
            ));
            let handle = app.handle().clone();
            let window_claim = WindowClaim::new(instance::socket_dir(), move || {
                desktop::bring_forward(&handle)
            });
            match window_claim.claim(&path) {
                Ok(claim) => window_claim.hold(claim),
                Err(instance::OpenElsewhere) => {
                    println!(
                        "{} is already open in Throughline; its window was brought forward.",
                        path.display()
                    );
                    std::process::exit(0);
                }
            }
            app.manage(window_claim);
            app.manage(file_access::FileGrants::default());
            let recent = RecentWorkspaces::new(app.path().app_config_dir()?.join(RECENT_FILE));
            let state = AppState::open(path.clone());
            if let WorkspaceState::Failed { error, .. } = state.describe() {
                applog::warn(format_args!(
                    "{} did not open: {}",
                    path.display(),
                    error.message
                ));
            } else if let Err(err) = recent.remember(&path) {
                applog::warn(format_args!("the recent list could not be saved: {err}"));
            }
            app.set_menu(menu::build(app.handle(), &recent.list())?)?;
            app.manage(recent);
            app.on_menu_event(|app, event| menu::forward(app, event.id().as_ref()));
            schedule_backups(state.clone());
            app.manage(state);
            // The window is made only now: a second launch never shows one.
            if let Some(config) = app.config().app.windows.first() {
                tauri::WebviewWindowBuilder::from_config(app.handle(), config)?.build()?;
            }
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
            commands::back_up_now,
            commands::restore_backup,
            commands::external_changes,
            desktop::recent_workspaces,
            desktop::open_recent,
            desktop::reveal_exported,
            file_access::choose_files,
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
