//! Carries out each command: load the frameworks and answers, score, render, write.

use crate::answers::{self, Completeness};
use crate::ask::WorkshopEnd;
use crate::assessment::Assessment;
use crate::cli::{AssessArgs, Cli, Command, DataArgs, FrameworksCommand, SchemaKind};
use crate::compare;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, InputError, Location, eprint_lossy};
use crate::frameworks::{BUILTIN, Frameworks};
use crate::input::{MAX_PORTFOLIO_BYTES, open_regular, read_limited};
use crate::message::{printable, printable_line, shown_path};
use crate::output::{emit, print, refuse_overwriting_inputs, with_writer, write_each_or_none, write_new};
use crate::portfolio;
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
        Command::Render { file, format, output, report, explain, deliverable, data } => {
            let view =
                View { sections: report, explain, width: None, colour: false, deliverable: deliverable.deliverable()? };
            render(&file, format, output.as_deref(), view, &data)
        }
        Command::Template { output, force, data } => template(output.as_deref(), force, &data),
        Command::Validate { files, data } => validate(&files, &data),
        Command::Catalog { kind, format, data } => {
            let fw = load(&data)?;
            with_writer(None, |out| crate::catalog::write(fw, kind, format, terminal(None), out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Frameworks(FrameworksCommand::Export { dir, force }) => export(&dir, force),
        Command::Frameworks(FrameworksCommand::Check { dir }) => check(&dir),
        Command::Compare { old, new, format, as_of, data } => {
            let fw = load(&data)?;
            let as_of = assessment_date(fw, as_of)?;
            let (before, after) = (load_assessment(fw, &old, as_of)?, load_assessment(fw, &new, as_of)?);
            compare::check_comparable((&old, &before), (&new, &after))?;
            let comparison = compare::compare(&before, &after);
            let document = || report::compare_document(&comparison, fw);
            with_writer(None, |out| {
                report::write(format, report::json_of(&comparison), document, terminal(None), out)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch { inputs, format, output, as_of, keep_formulas, data } => {
            let as_of = assessment_date(load(&data)?, as_of)?;
            let options = portfolio::Options { format, as_of, keep_formulas };
            batch(&inputs, options, output.as_deref(), &data)
        }
        Command::Merge { inputs, output, data } => merge(&inputs, output.as_deref(), &data),
        Command::Schema { kind, data } => {
            let schema = match kind {
                SchemaKind::Answers => crate::schema::answers(load(&data)?),
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
        Command::Man { dir } => man(dir.as_deref()),
    }
}

/// `readiness render`: a saved JSON report in another format, in the words of the frameworks
/// it was assessed with. A report whose numbers no assessment produces is refused (a
/// hand-edited score of 1e308 showed as "inf"), and so is one naming ids the frameworks lack.
fn render(
    file: &Path,
    format: report::Format,
    output: Option<&Path>,
    view: View,
    data: &DataArgs,
) -> anyhow::Result<ExitCode> {
    refuse_overwriting_inputs(output, std::iter::once(file.to_path_buf()).chain(framework_files(data)))?;
    let fw = load(data)?;
    let assessment = read_report(file)?;
    let name = file.display().to_string();
    let help = "render it with the frameworks it was assessed with: --frameworks DIR";
    let unknown = report::unknown_ids(&assessment, fw).into_iter().map(|what| Diagnostic::new(what).help(help));
    let problems: Vec<Diagnostic> = compare::implausible(&assessment)
        .into_iter()
        .map(Diagnostic::new)
        .chain(unknown)
        .map(|d| d.in_file(&name))
        .collect();
    if !problems.is_empty() {
        return Err(InputError::new(problems).into());
    }
    let view = View { width: table_width(output), colour: colour(output), ..view };
    with_writer(output, |out| report::write_report(&assessment, fw, format, &view, out))?;
    confirm("Report", output)?;
    Ok(ExitCode::SUCCESS)
}

/// An assessment from a JSON report (`.json`), by scoring an answer file, or by combining the
/// answer files of a workshop directory.
fn load_assessment(fw: &Frameworks, path: &Path, as_of: Date) -> Result<Assessment, InputError> {
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if !is_json || path.is_dir() {
        return assess_files(fw, &[path.to_path_buf()], as_of);
    }
    read_report(path)
}

/// A JSON report written by `assess --format json`.
fn read_report(path: &Path) -> Result<Assessment, InputError> {
    let text = read_limited(path).map_err(InputError::message)?;
    // Editors on Windows save a byte order mark; answer files accept one too.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|e| {
        let text_line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or_default();
        let location = Location::on_line(&path.display().to_string(), e.line(), text_line, e.column(), 1);
        let message = format!("not a readiness JSON report: {}", crate::message::plain_message(&e.to_string()));
        InputError::new(vec![Diagnostic::new(message).at(Some(location))])
    })
}

fn batch(
    inputs: &[PathBuf],
    options: portfolio::Options,
    output: Option<&Path>,
    data: &DataArgs,
) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    // Walks the directories once more only when an output file is named and exists.
    let files = portfolio::walk(inputs).filter_map(Result::ok);
    refuse_overwriting_inputs(output, files.chain(framework_files(data)))?;
    // A run that scores nothing fails inside the writer, so a previous output stays as it was.
    let outcome = with_writer(output, |out| {
        let outcome = portfolio::run(fw, portfolio::walk(inputs), options, out)?;
        if outcome.scored == 0 {
            let failed = outcome.failed.len();
            eprint_lossy(&format!("batch: none of the {failed} files could be scored; nothing was written:\n"));
            return Err(outcome
                .problems
                .into_error()
                .map_or_else(|| anyhow::anyhow!("nothing was scored"), Into::into));
        }
        if let Some(summary) = portfolio_summary(fw, &outcome, options, output) {
            out.write_all(summary.as_bytes())?;
            out.flush()?;
        }
        Ok(outcome)
    })?;
    let files = if outcome.scored == 1 { "answer file" } else { "answer files" };
    confirm(&format!("Results of {} {files}", outcome.scored), output)?;
    let Some(problems) = outcome.problems.into_error() else { return Ok(ExitCode::SUCCESS) };
    eprint_lossy(&format!("batch: {} scored, {} could not be scored:\n", outcome.scored, outcome.failed.len()));
    Err(problems.into())
}

/// The portfolio summary in the format asked for, or `None` for the row formats (written as
/// the files are scored).
fn portfolio_summary(
    fw: &Frameworks,
    outcome: &portfolio::BatchOutcome,
    options: portfolio::Options,
    output: Option<&Path>,
) -> Option<String> {
    use portfolio::BatchFormat;
    let format = match options.format {
        BatchFormat::Csv | BatchFormat::Jsonl => return None,
        BatchFormat::Table => report::Format::Table,
        BatchFormat::Markdown => report::Format::Markdown,
        BatchFormat::Html => report::Format::Html,
    };
    let document = || report::portfolio_document(fw, &outcome.summary, &outcome.failed, options.as_of);
    report::lay_out(format, document, terminal(output))
}

/// The frameworks, for the rest of the run: never freed, since the process ends soon after
/// and freeing their thousands of strings would only cost time.
fn load(data: &DataArgs) -> Result<&'static Frameworks, InputError> {
    crate::frameworks::load(data.frameworks.as_deref()).map(|fw| &*Box::leak(Box::new(fw)))
}

/// The assessment date (`--as-of`, else today), refused when it falls before a technology's
/// maturity judgement: the data holds no judgement in force then, and using a later one would
/// date the report with knowledge it could not have had.
fn assessment_date(fw: &Frameworks, as_of: Option<Date>) -> Result<Date, InputError> {
    let date = as_of.unwrap_or_else(Date::today);
    let judged = fw.technologies.technologies.iter().map(|t| (t.stage.judged, &t.id)).max_by_key(|(d, _)| *d);
    match judged {
        Some((latest, id)) if date < latest => Err(InputError::new(vec![
            crate::diagnostic::Diagnostic::new(format!(
                "the assessment date {date} is before the maturity judgements the report relies on ({id} was judged on {latest})"
            ))
            .help(format!("give --as-of {latest} or later; the frameworks hold no judgement in force before then")),
        ])),
        _ => Ok(date),
    }
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
    refuse_overwriting_inputs(output, paths.iter().chain(&framework_files(data)))?;
    let files = workshop::read(fw, &paths)?;
    if files.len() < 2 {
        let d = Diagnostic::new(format!("merge combines two or more respondents' answer files; {} given", files.len()))
            .help("name each respondent's file, or the directory holding them");
        return Err(InputError::new(vec![d]).into());
    }
    let combined = workshop::combine(fw, &files)?;
    emit(&workshop::consensus_file(fw, &combined)?, output)?;
    confirm(&format!("Consensus of {} respondents", files.len()), output)?;
    Ok(ExitCode::SUCCESS)
}

/// The files read from `--frameworks DIR`, which no command may write over.
fn framework_files(data: &DataArgs) -> Vec<PathBuf> {
    data.frameworks.iter().flat_map(|dir| BUILTIN.iter().map(|(name, _)| dir.join(name))).collect()
}

/// Writes the template, refusing to replace an existing file unless told to: the file named
/// is most likely an answer file already filled in.
fn template(output: Option<&Path>, force: bool, data: &DataArgs) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    let text = answers::render_template(fw);
    if let Some(path) = output {
        refuse_overwriting_inputs(Some(path), framework_files(data).iter().map(PathBuf::as_path))?;
        let exists = || {
            let d = Diagnostic::new(format!("{} already exists", shown_path(path)))
                .help("a template is a blank answer file: choose a new name, or pass --force to replace it");
            InputError::new(vec![d]).into()
        };
        match std::fs::metadata(path) {
            _ if force => {}
            // Nothing there: created only where nothing is when it appears, not replacing a
            // file made meanwhile.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !write_new(path, text.as_bytes())? {
                    return Err(exists());
                }
                confirm("Template", output)?;
                return Ok(ExitCode::SUCCESS);
            }
            Ok(m) if m.is_file() && m.len() > 0 => return Err(exists()),
            _ => {}
        }
    }
    emit(&text, output)?;
    confirm("Template", output)?;
    Ok(ExitCode::SUCCESS)
}

fn assess(args: AssessArgs) -> anyhow::Result<ExitCode> {
    if args.save.is_some() && !args.answers.is_empty() && !args.interactive {
        let d = Diagnostic::new(
            "--save names the live questionnaire's session file, and --answers without -i asks nothing",
        )
        .help("add -i to ask the questions the answer file leaves open, or leave out --save");
        return Err(InputError::new(vec![d]).into());
    }
    let named = [&args.save, &args.resume, &args.benchmark];
    let framework_files = framework_files(&args.data);
    // The answer files in directories too (a workshop's); a directory that cannot be read fails later.
    let answer_files = portfolio::walk(&args.answers).filter_map(Result::ok);
    let inputs = answer_files.chain(named.into_iter().flatten().cloned()).chain(framework_files);
    refuse_overwriting_inputs(args.output.as_deref(), inputs)?;
    let fw = load(&args.data)?;
    let as_of = assessment_date(fw, args.as_of)?;
    // `answers_at`: where a live session's answers are, for its last screen.
    let (mut assessment, live, answers_at) = if !args.answers.is_empty() && !args.interactive {
        (assess_files(fw, &args.answers, as_of)?, None, None)
    } else {
        need_terminal()?;
        if let Some(dir) = &args.workshop {
            match crate::ask::run_workshop(fw, &args, dir)? {
                WorkshopEnd::Score => (assess_files(fw, std::slice::from_ref(dir), as_of)?, None, Some(dir.clone())),
                WorkshopEnd::Later => return Ok(ExitCode::SUCCESS),
                WorkshopEnd::Stopped => return Ok(ExitCode::from(130)),
            }
        } else {
            if args.answers.len() > 1 {
                return Err(
                    InputError::message("--interactive completes one answer file; name only one --answers").into()
                );
            }
            match crate::ask::interview(fw, &args)? {
                Some(finished) => {
                    let at = finished.session.clone();
                    (score::assess(fw, &finished.answers, as_of), Some(finished), Some(at))
                }
                None => return Ok(ExitCode::from(130)),
            }
        }
    };
    if let Some(path) = &args.benchmark {
        let file = open_regular(path, MAX_PORTFOLIO_BYTES).map_err(InputError::message)?;
        let name = path.display().to_string();
        assessment.benchmark = Some(portfolio::benchmark(&assessment, &name, std::io::BufReader::new(file))?);
    }
    // After a live session the report goes to a file rather than scrolling the result away.
    let output = match (&answers_at, &args.output) {
        (Some(at), None) if std::io::stdout().is_terminal() => {
            Some(crate::ask::report_file(at, &assessment.company, args.format))
        }
        _ => args.output.clone(),
    };
    let view = View {
        sections: args.report.clone(),
        explain: args.explain,
        width: table_width(output.as_deref()),
        colour: colour(output.as_deref()),
        deliverable: args.deliverable.deliverable()?,
    };
    let written = match (&answers_at, &output) {
        // The name chosen above may be taken by the time the report is ready: decided on writing.
        (Some(at), Some(_)) if args.output.is_none() => {
            let mut report = Vec::new();
            report::write_report(&assessment, fw, args.format, &view, &mut report)?;
            Some(crate::ask::write_report_file(at, &assessment.company, args.format, &report)?)
        }
        _ => {
            with_writer(output.as_deref(), |out| report::write_report(&assessment, fw, args.format, &view, out))?;
            output.as_deref().map(std::path::absolute).transpose()?
        }
    };
    match &answers_at {
        Some(at) => crate::ask::recap(&assessment, fw, at, written.as_deref()),
        None => confirm("Report", written.as_deref())?,
    }
    if let Some(finished) = &live {
        let written = written.as_deref().map(|path| (path, args.format));
        crate::ask::hand_over(&assessment, fw, finished, &view, written)?;
    }
    // Not freed, like the frameworks: the process is about to end.
    std::mem::forget(assessment);
    Ok(ExitCode::SUCCESS)
}

/// Colour and bold only on a terminal, never with `NO_COLOR` or a `dumb` terminal.
fn colour(output: Option<&Path>) -> bool {
    let plain =
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) || std::env::var("TERM").as_deref() == Ok("dumb");
    output.is_none() && std::io::stdout().is_terminal() && !plain
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

/// How the terminal view is laid out for `output`.
fn terminal(output: Option<&Path>) -> crate::document::terminal::Options {
    crate::document::terminal::Options { width: table_width(output), colour: colour(output) }
}

/// `None` lets the table fit the terminal it is printed on; files and pipes get a fixed width.
fn table_width(output: Option<&Path>) -> Option<u16> {
    (output.is_some() || !std::io::stdout().is_terminal()).then_some(FIXED_WIDTH)
}

fn validate(files: &[PathBuf], data: &DataArgs) -> anyhow::Result<ExitCode> {
    let fw = load(data)?;
    let mut problems = crate::diagnostic::Problems::default();
    for path in files {
        match answers::read_answers(fw, path, Completeness::Complete) {
            Ok(answers) => {
                print(&format!("ok: {} ({} answers)\n", printable(&path.display().to_string()), answers.count()))?
            }
            Err(e) => problems.append(e),
        }
    }
    match problems.into_error() {
        None => Ok(ExitCode::SUCCESS),
        Some(e) => Err(e.into()),
    }
}

fn export(dir: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let occupied = dir.read_dir().map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied && !force {
        let d = Diagnostic::new(format!("{} is not empty", shown_path(dir)))
            .help("pass --force to overwrite the frameworks files in it");
        return Err(InputError::new(vec![d]).into());
    }
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", dir.display()))?;
    // All or nothing: a full disk must not leave a mix of old and new files.
    let files: Vec<(PathBuf, &[u8])> = BUILTIN.iter().map(|(name, text)| (dir.join(name), text.as_bytes())).collect();
    write_each_or_none(&files)?;
    confirm(&format!("{} frameworks files", BUILTIN.len()), Some(dir))?;
    Ok(ExitCode::SUCCESS)
}

fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let fw = &*Box::leak(Box::new(crate::frameworks::from_dir(dir)?));
    let summary = format!(
        "ok: {} ({} technologies, {} readiness questions in {} dimensions, {} risks, {} skills)\n",
        printable(&dir.display().to_string()),
        fw.technologies.technologies.len(),
        fw.questionnaire.questions.len(),
        fw.questionnaire.dimensions.len(),
        fw.risks.risks.len(),
        fw.skills.skills.len()
    );
    print(&summary)?;
    Ok(ExitCode::SUCCESS)
}

/// `readiness man`: the tool's page, without the list of subcommand pages it would name;
/// with `--dir`, that page with the list and every page it names.
fn man(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = dir else {
        let page = clap_mangen::Man::new(cmd);
        let mut out = Vec::new();
        page.render_title(&mut out)?;
        page.render_name_section(&mut out)?;
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
        page.render_extra_section(&mut out)?;
        page.render_version_section(&mut out)?;
        print(&String::from_utf8_lossy(&out))?;
        return Ok(ExitCode::SUCCESS);
    };
    let mut pages = Vec::new();
    man_pages(&cmd, dir, &mut pages)?;
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", dir.display()))?;
    let files: Vec<(PathBuf, &[u8])> = pages.iter().map(|(path, page)| (path.clone(), page.as_slice())).collect();
    write_each_or_none(&files)?;
    confirm(&format!("{} manual pages", files.len()), Some(dir))?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page of `cmd` and of each of its subcommands, as files in `dir`.
fn man_pages(cmd: &clap::Command, dir: &Path, pages: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, dir, pages)?;
    }
    let page = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    page.render(&mut out)?;
    pages.push((dir.join(page.get_filename()), out));
    Ok(())
}

/// Says on standard error where an output went, the same way for every command; nothing for
/// standard output.
fn confirm(what: &str, output: Option<&Path>) -> std::io::Result<()> {
    if let Some(path) = output {
        let at = std::path::absolute(path)?;
        eprint_lossy(&format!("{what} written to {}\n", printable_line(&at.display().to_string())));
    }
    Ok(())
}

/// The process exit code for an error: 2 for input the user can fix, 1 for anything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if error.chain().any(|e| e.is::<InputError>() || e.is::<clap::Error>()) { 2 } else { 1 }
}

/// Prints an error to standard error: input problems as their diagnostics, anything else
/// with its cause chain on one line. A closed standard error is no reason to panic.
pub fn report_error(error: &anyhow::Error) {
    match error.downcast_ref::<InputError>() {
        Some(input) => eprint_lossy(&format!("{input}\n")),
        None => eprint_lossy(&format!("error: {}\n", printable(&format!("{error:#}")))),
    }
}
