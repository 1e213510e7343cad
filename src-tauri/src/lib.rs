//! The desktop shell: window, dialogs, app paths and one thin command per
//! use case. Everything else lives in the Tauri-free crates.

mod applog;
mod audit;
mod branding;
mod chart_import;
mod coach;
mod commands;
mod desktop;
pub mod engine;
mod file_access;
mod instance;
mod journals;
mod menu;
mod native_dialog;
#[cfg(test)]
mod parity_tests;
mod portfolio;
mod recent;
mod slides;
mod state;
mod story_import;
mod tasks;
mod team;

use tauri::Manager;
use throughline_api::paths;

use crate::instance::WindowClaim;
use crate::recent::RecentWorkspaces;
use crate::state::AppState;
use throughline_api::workspace::WorkspaceState;

/// The recent-workspaces list, in the app's config dir.
const RECENT_FILE: &str = "recent-workspaces.json";

pub fn run() -> tauri::Result<()> {
    let requested = paths::requested_workspace(std::env::args_os(), |key| std::env::var_os(key));
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
                None => {
                    let dir = app.path().app_data_dir()?;
                    std::fs::create_dir_all(&dir)?;
                    paths::default_workspace_in(&dir)
                }
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
            app.manage(state);
            app.manage(tasks::start(app.handle()));
            // The window is made only now: a second launch never shows one.
            if let Some(config) = app.config().app.windows.first() {
                let window =
                    tauri::WebviewWindowBuilder::from_config(app.handle(), config)?.build()?;
                engine::tune_window(&window);
            }
            Ok(())
        })
        .invoke_handler({
            macro_rules! app_commands {
                ($($module:ident :: $name:ident),* $(,)?) => {
                    tauri::generate_handler![$($module::$name),*]
                };
            }
            include!("command_list.rs")
        })
        .build(tauri::generate_context!())?
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Background work stops with the app.
                app.state::<tasks::Shutdown>().stop();
            }
        });
    Ok(())
}
