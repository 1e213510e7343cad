#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(err) = throughline_app::run() {
        eprintln!("Throughline could not start: {err}");
        std::process::exit(1);
    }
}
