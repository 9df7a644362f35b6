//! Carries out each command: load the frameworks and answers, score, render, write.

use crate::answers::{self, Answers, Completeness};
use crate::ask::WorkshopEnd;
use crate::assessment::Assessment;
use crate::cli::{AssessArgs, Cli, Command, DataArgs, FrameworksCommand, SchemaKind};
use crate::compare;
use crate::date::Date;
use crate::error::{Diagnostic, InputError};
use crate::frameworks::{BUILTIN, Frameworks};
use crate::limits::read_limited;
use crate::output::{emit, print, refuse_overwriting_inputs, with_writer, write_atomic};
use crate::portfolio::{self, BatchFormat};
use crate::report::{self, View};
use crate::score;
use crate::workshop;
use clap::CommandFactory;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Table width when the output is not a terminal, so piped and saved tables are stable.
const FIXED_WIDTH: u16 = 100;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Assess(args) => assess(args),
        Command::Template { output, data } => {
            emit(&answers::render_template(&load(&data)?), output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { files, data } => validate(&files, &data),
        Command::Catalog { kind, format, data } => {
            print(&crate::catalog::render(&load(&data)?, kind, format, table_width(None)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Frameworks(FrameworksCommand::Export { dir, force }) => export(&dir, force),
        Command::Frameworks(FrameworksCommand::Check { dir }) => check(&dir),
        Command::Compare { old, new, format, as_of, data } => {
            let fw = load(&data)?;
            let as_of = as_of.unwrap_or_else(Date::today);
            let comparison = compare::compare(&load_assessment(&fw, &old, as_of)?, &load_assessment(&fw, &new, as_of)?);
            print(&compare::render(&comparison, &fw, format, table_width(None)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch { inputs, format, output, as_of, data } => {
            batch(&inputs, format, output.as_deref(), as_of, &data)
        }
        Command::Merge { inputs, output, data } => merge(&inputs, output.as_deref(), &data),
        Command::Schema { kind, data } => {
            let schema = match kind {
                SchemaKind::Answers => crate::schema::answers(&load(&data)?),
                SchemaKind::Report => crate::schema::report(),
            };
            print(&report::to_json(&schema))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "readiness", &mut out);
            print(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            print(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// An assessment from a JSON report (`.json`), by scoring an answer file, or by combining the
/// answer files of a workshop directory.
fn load_assessment(fw: &Frameworks, path: &Path, as_of: Date) -> Result<Assessment, InputError> {
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if !is_json || path.is_dir() {
        return assess_files(fw, &[path.to_path_buf()], as_of);
    }
    let text = read_limited(path).map_err(InputError::message)?;
    serde_json::from_str(&text).map_err(|e| {
        let text_line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or_default();
        let location = crate::error::Location {
            file: path.display().to_string(),
            line: e.line(),
            column: e.column().max(1),
            source_line: text_line.to_string(),
            width: 1,
        };
        InputError::new(vec![Diagnostic::new(format!("not a readiness JSON report: {e}")).at(Some(location))])
    })
}

fn batch(
    inputs: &[PathBuf],
    format: BatchFormat,
    output: Option<&Path>,
    as_of: Option<Date>,
    data: &DataArgs,
) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    let files = portfolio::answer_files(inputs)?;
    let as_of = as_of.unwrap_or_else(Date::today);
    let outcome = with_writer(output, |out| portfolio::run(&fw, &files, as_of, format, out))?;
    if outcome.failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("batch: {} scored, {} could not be scored:", outcome.scored, outcome.failed.len());
    Err(InputError::new(outcome.failed.into_iter().flat_map(|(_, e)| e.diagnostics).collect()).into())
}

fn load(data: &DataArgs) -> Result<Frameworks, InputError> {
    Frameworks::load(data.frameworks.as_deref())
}

/// Scores the answer files named (directories expanded): one file on its own, several as the
/// respondents of one workshop.
fn assess_files(fw: &Frameworks, paths: &[PathBuf], as_of: Date) -> Result<Assessment, InputError> {
    let mut files = workshop::read(fw, paths)?;
    match files.len() {
        1 => Ok(score::assess(fw, &files.remove(0).answers, as_of)),
        _ => workshop::assess(fw, &files, as_of),
    }
}

/// `readiness merge`: the consensus answer file of a workshop.
fn merge(inputs: &[PathBuf], output: Option<&Path>, data: &DataArgs) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    let paths = portfolio::answer_files(inputs)?;
    refuse_overwriting_inputs(output, paths.iter().map(PathBuf::as_path))?;
    let files = workshop::read(&fw, &paths)?;
    if files.len() < 2 {
        let d = Diagnostic::new(format!("merge combines two or more respondents' answer files; {} given", files.len()))
            .help("name each respondent's file, or the directory holding them");
        return Err(InputError::new(vec![d]).into());
    }
    let combined = workshop::combine(&fw, &files)?;
    emit(&workshop::consensus_file(&fw, &combined)?, output)?;
    if let Some(path) = output {
        eprintln!("Consensus of {} respondents written to {}", files.len(), std::path::absolute(path)?.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads and validates an answer file.
pub fn read_answers(fw: &Frameworks, path: &Path, completeness: Completeness) -> Result<Answers, InputError> {
    let text = read_limited(path).map_err(InputError::message)?;
    answers::parse(fw, &path.display().to_string(), &text, completeness)
}

fn assess(args: AssessArgs) -> anyhow::Result<ExitCode> {
    let fw = load(&args.data)?;
    let as_of = args.as_of.unwrap_or_else(Date::today);
    let (mut assessment, live) = if !args.answers.is_empty() && !args.interactive {
        (assess_files(&fw, &args.answers, as_of)?, None)
    } else {
        need_terminal()?;
        if let Some(dir) = &args.workshop {
            match crate::ask::run_workshop(&fw, &args, dir)? {
                WorkshopEnd::Score => (assess_files(&fw, std::slice::from_ref(dir), as_of)?, None),
                WorkshopEnd::Later => return Ok(ExitCode::SUCCESS),
                WorkshopEnd::Stopped => return Ok(ExitCode::from(130)),
            }
        } else {
            if args.answers.len() > 1 {
                return Err(
                    InputError::message("--interactive completes one answer file; name only one --answers").into()
                );
            }
            match crate::ask::interview(&fw, &args)? {
                Some(finished) => (score::assess(&fw, &finished.answers, as_of), Some(finished)),
                None => return Ok(ExitCode::from(130)),
            }
        }
    };
    if let Some(path) = &args.benchmark {
        let file = std::fs::File::open(path)
            .map_err(|e| InputError::message(format!("cannot read `{}`: {e}", path.display())))?;
        let name = path.display().to_string();
        assessment.benchmark = Some(portfolio::benchmark(&assessment, &name, std::io::BufReader::new(file))?);
    }
    let view =
        View { sections: args.report.clone(), explain: args.explain, width: table_width(args.output.as_deref()) };
    emit(&report::render(&assessment, &fw, args.format, &view), args.output.as_deref())?;
    if let Some(path) = &args.output {
        eprintln!("Report written to {}", std::path::absolute(path)?.display());
    }
    if let Some(finished) = &live {
        let written = args.output.as_deref().map(|path| (path, args.format));
        crate::ask::hand_over(&fw, &assessment, finished, &view, written)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The questionnaire needs a person at a terminal; without one, say so at once.
fn need_terminal() -> Result<(), InputError> {
    if std::io::stdin().is_terminal() {
        return Ok(());
    }
    Err(InputError::message(
        "no answers to score: standard input is not a terminal, so the questionnaire cannot run; \
         pass --answers FILE (start one with `readiness template --output FILE`)",
    ))
}

/// `None` lets the table fit the terminal it is printed on; files and pipes get a fixed width.
fn table_width(output: Option<&Path>) -> Option<u16> {
    (output.is_some() || !std::io::stdout().is_terminal()).then_some(FIXED_WIDTH)
}

fn validate(files: &[PathBuf], data: &DataArgs) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    let mut problems = Vec::new();
    for path in files {
        match read_answers(&fw, path, Completeness::Complete) {
            Ok(answers) => print(&format!("ok: {} ({} answers)\n", path.display(), answers.count()))?,
            Err(e) => problems.extend(e.diagnostics),
        }
    }
    if problems.is_empty() { Ok(ExitCode::SUCCESS) } else { Err(InputError::new(problems).into()) }
}

fn export(dir: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let occupied = dir.read_dir().map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied && !force {
        let d = Diagnostic::new(format!("`{}` is not empty", dir.display()))
            .help("pass --force to overwrite the frameworks files in it");
        return Err(InputError::new(vec![d]).into());
    }
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", dir.display()))?;
    for (name, text) in BUILTIN {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    print(&format!("wrote {} files to {}\n", BUILTIN.len(), dir.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let fw = Frameworks::from_dir(dir)?;
    let summary = format!(
        "ok: {} ({} technologies, {} readiness questions in {} dimensions, {} risks, {} skills)\n",
        dir.display(),
        fw.technologies.technologies.len(),
        fw.questionnaire.questions.len(),
        fw.questionnaire.dimensions.len(),
        fw.risks.risks.len(),
        fw.skills.skills.len()
    );
    print(&summary)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints an error to standard error: input problems as their diagnostics, anything else
/// with its cause chain on one line.
pub fn report_error(error: &anyhow::Error) {
    match error.downcast_ref::<InputError>() {
        Some(input) => eprintln!("{input}"),
        None => eprintln!("error: {}", crate::error::printable(&format!("{error:#}"))),
    }
}
