//! `portfolio check` and `portfolio import`.

use throughline_api::portfolio::{
    check_portfolio, export_gates, export_view, import_initiative_readings,
    import_initiatives_file, ViewFile,
};
use throughline_api::SystemClock;
use throughline_core::portfolio::CheckStatus;

use crate::cli::{
    LintFormat, PortfolioCheckArgs, PortfolioCommand, PortfolioExportArgs, PortfolioImportArgs,
    PortfolioReadingsArgs, PortfolioViewName, ValueName,
};
use crate::commands::{open_workspace, open_workspace_to_read};
use crate::error::{CliError, FOUND, OK};

pub fn run(command: PortfolioCommand) -> Result<u8, CliError> {
    match command {
        PortfolioCommand::Check(args) => check(args),
        PortfolioCommand::Import(args) => import(args),
        PortfolioCommand::Export(args) => export(args),
        PortfolioCommand::Readings(args) => readings(args),
    }
}

fn export(args: PortfolioExportArgs) -> Result<u8, CliError> {
    use throughline_render::{PortfolioView, ValueAxis};
    let workspace = open_workspace_to_read(args.workspace)?;
    let (out, file) = match (&args.png, &args.pdf) {
        (Some(png), _) => (png.clone(), ViewFile::Png),
        (None, Some(pdf)) => (pdf.clone(), ViewFile::Pdf),
        (None, None) => return Err(CliError::Usage("say where: --png OUT or --pdf OUT".into())),
    };
    let view = match args.view {
        PortfolioViewName::Gates => {
            let Some(initiative) = &args.initiative else {
                return Err(CliError::Usage(
                    "--view gates needs --initiative NAME".into(),
                ));
            };
            let bytes = export_gates(&workspace, initiative, file).map_err(CliError::Api)?;
            return write(&out, &bytes);
        }
        PortfolioViewName::Matrix => PortfolioView::Matrix(match args.value {
            ValueName::Npv => ValueAxis::Npv,
            ValueName::Ecv => ValueAxis::Ecv,
        }),
        PortfolioViewName::Allocation => PortfolioView::Allocation,
        PortfolioViewName::Tracks => PortfolioView::Tracks,
    };
    let bytes = export_view(&workspace, view, file).map_err(CliError::Api)?;
    write(&out, &bytes)
}

fn write(out: &std::path::Path, bytes: &[u8]) -> Result<u8, CliError> {
    throughline_api::files::write_atomically(out, bytes)
        .map_err(|err| CliError::write(out, err))?;
    println!("wrote {}", out.display());
    Ok(OK)
}

fn check(args: PortfolioCheckArgs) -> Result<u8, CliError> {
    let workspace = open_workspace_to_read(args.workspace)?;
    let report = check_portfolio(&workspace).map_err(CliError::Api)?;
    match args.format {
        LintFormat::Json => println!(
            "{}",
            serde_json::to_string(&report).unwrap_or_else(|_| "{}".into())
        ),
        LintFormat::Text => {
            for check in &report.checks {
                let status = match check.status {
                    CheckStatus::Pass => "pass",
                    CheckStatus::Fail => "FAIL",
                };
                println!("{status:<5} {}", check.message);
            }
            let failed = report.failed();
            println!(
                "{}",
                if failed == 0 {
                    "every check passes".to_owned()
                } else {
                    format!("{failed} check(s) fail")
                }
            );
        }
    }
    Ok(if report.failed() == 0 { OK } else { FOUND })
}

fn import(args: PortfolioImportArgs) -> Result<u8, CliError> {
    let workspace = open_workspace(args.workspace)?;
    let ids = import_initiatives_file(&workspace, &args.file, &SystemClock::from_env())
        .map_err(|err| CliError::input(&args.file, err))?;
    println!("imported {} initiative(s)", ids.len());
    Ok(OK)
}

fn readings(args: PortfolioReadingsArgs) -> Result<u8, CliError> {
    let workspace = open_workspace(args.workspace)?;
    let stored = import_initiative_readings(
        &workspace,
        &args.initiative,
        &args.csv,
        &SystemClock::from_env(),
    )
    .map_err(|err| CliError::input(&args.csv, err))?;
    println!("imported {stored} reading(s)");
    Ok(OK)
}
