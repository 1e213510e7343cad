#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread exists: the engine reads these as it starts.
    throughline_app::engine::configure_from_machine();
    if let Err(err) = throughline_app::run() {
        eprintln!("Throughline could not start: {err}");
        std::process::exit(1);
    }
}
