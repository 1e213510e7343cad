//! `throughline`: the same crates as the app, without a window.

mod audit;
mod cli;
mod commands;
mod error;
mod journal;
mod lint;
mod portfolio;
mod team;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => {
            // --help and --version print to stdout and succeed.
            let code = if err.use_stderr() {
                error::USAGE
            } else {
                error::OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("throughline: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
