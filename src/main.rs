use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match readiness::cli::parse() {
        Ok(cli) => cli,
        Err(usage) => return usage_exit(&usage),
    };
    readiness::run(cli).unwrap_or_else(|error| {
        readiness::report_error(&error);
        ExitCode::from(readiness::exit_code(&error))
    })
}

/// Prints help, the version or a usage error as clap would, but a failure to print them
/// (`--help > /dev/full`) is an error too.
fn usage_exit(usage: &clap::Error) -> ExitCode {
    use std::io::Write;
    let printed = usage.print().and_then(|()| std::io::stdout().flush());
    match (printed, usage.exit_code()) {
        (Err(_), 0) => ExitCode::FAILURE,
        (_, code) => ExitCode::from(u8::try_from(code).unwrap_or(2)),
    }
}
