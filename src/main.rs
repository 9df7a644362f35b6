use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = readiness::cli::Cli::parse();
    readiness::run(cli).unwrap_or_else(|error| {
        readiness::report_error(&error);
        ExitCode::from(readiness::exit_code(&error))
    })
}
