//! Running the questionnaire for `readiness assess`: which session file the answers go to,
//! what is pre-filled, and what to print when the person stops.

use super::dumb_terminal::Plain;
use super::flow::{Outcome, run};
use super::intro::introduction;
use super::session_file::{Refusal, SessionFile};
use super::terminal::Terminal;
use super::{Prompter, Reply, say, signals};
use crate::answers::read_answers;
use crate::answers::{Answers, Completeness};
use crate::cli::AssessArgs;
use crate::diagnostic::InputError;
use crate::frameworks::{AskText, Frameworks};
use crate::report::{Format, Part};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The session file used when neither `--save` nor `--resume` names one.
const DEFAULT_SESSION: &str = "readiness-session";

/// A questionnaire answered to the end and confirmed on the review screen.
pub(crate) struct Finished {
    pub answers: Answers,
    /// The session file holding them, as an absolute path.
    pub session: PathBuf,
}

/// Runs the questionnaire in the terminal; `None` when the person stopped it (the caller
/// exits with 130).
pub(crate) fn interview(fw: &Frameworks, args: &AssessArgs) -> anyhow::Result<Option<Finished>> {
    let mut prompter = prompter(fw);
    let Some(file) = session_file(fw, args, prompter.as_mut())? else {
        eprintln!();
        super::tell(&fw.report.ask.stopped_unchanged);
        return Ok(None);
    };
    let resume = resume_command(args, file.path());
    answer_in(fw, prompter.as_mut(), file, &resume)
}

/// Runs the questionnaire into a session file, handling stop signals; `None` when the person
/// stopped (what to run to go on, `resume`, has been printed).
pub(super) fn answer_in(
    fw: &Frameworks,
    prompter: &mut dyn Prompter,
    file: SessionFile,
    resume: &str,
) -> anyhow::Result<Option<Finished>> {
    let path = file.path().to_path_buf();
    let start = file.answers().clone();
    let session = Arc::new(Mutex::new(file));
    let on_signal = {
        let (resume, words) = (resume.to_string(), Arc::clone(&fw.report));
        move |file: &SessionFile| stopped(&words.ask, file, &resume)
    };
    let _watch = signals::watch(Arc::clone(&session), on_signal)?;
    let keys = prompter.back_and_stop(&fw.report.ask);
    prompter.say(&introduction(fw, &start, &path, resume, keys));
    let mut save = |answers: &Answers| locked(&session).save(fw, answers);
    match run(fw, prompter, start, &mut save)? {
        Outcome::Complete(answers) => Ok(Some(Finished { answers, session: path })),
        Outcome::Interrupted(_) => {
            eprintln!();
            super::tell(&stopped(&fw.report.ask, &locked(&session), resume));
            Ok(None)
        }
    }
}

fn locked(session: &Mutex<SessionFile>) -> MutexGuard<'_, SessionFile> {
    session.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The terminal prompter, or the line-by-line one where the terminal cannot move its cursor.
pub(super) fn prompter(fw: &Frameworks) -> Box<dyn Prompter> {
    let words = Arc::clone(&fw.report);
    if !super::full_screen() {
        return Box::new(Plain::new(words));
    }
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Box::new(Terminal::new(colour, words))
}

/// What to print when the person stops: where the answers are and how to go on.
fn stopped(words: &AskText, file: &SessionFile, resume: &str) -> String {
    let count = file.answers().count();
    if file.discard_if_unused() {
        return words.stopped_unused.to_string();
    }
    let saved = match count {
        1 => words.saved_one.to_string(),
        _ => say(&words.saved_many, &[("count", &count.to_string())]),
    };
    let path = file.path().display().to_string();
    say(&words.stopped, &[("saved", &saved), ("path", &path), ("resume", resume)])
}

/// The session file to answer into; `None` if the person stopped when offered an earlier one.
///
/// `--save` onto an existing file continues the session in it, as `--resume` would: a
/// consultant who names the client's file expects the answers already there to be kept and
/// the rest asked, not a refusal to retype the command, and the file is only changed when an
/// answer is. With `--answers` as well the two files' answers could disagree, so that is
/// refused.
fn session_file(
    fw: &Frameworks,
    args: &AssessArgs,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<Option<SessionFile>> {
    if let Some(path) = &args.resume {
        return Ok(Some(SessionFile::open(fw, path)?));
    }
    if let Some(path) = &args.save
        && path.exists()
    {
        if !args.answers.is_empty() {
            return Err(InputError::message(format!(
                "`{}` already exists; continue the session in it with `--resume {}` (without --answers), \
                 or save to a new file",
                path.display(),
                path.display()
            ))
            .into());
        }
        return Ok(Some(SessionFile::open(fw, path)?));
    }
    let prefilled = match args.answers.first() {
        Some(path) => read_answers(fw, path, Completeness::Partial)?,
        None => Answers::default(),
    };
    if let Some(path) = &args.save {
        return Ok(Some(SessionFile::create(fw, path, &prefilled)?));
    }
    if args.answers.is_empty()
        && let Some(earlier) = unfinished(fw, (1..).map(default_name).take_while(|p| p.exists()))
    {
        match offer(fw, earlier, prompter)? {
            Choice::Continue(file) => return Ok(Some(*file)),
            Choice::StartAnew => {}
            Choice::Stop => return Ok(None),
        }
    }
    new_default_session(fw, &prefilled).map(Some)
}

/// The newest unfinished session among `paths`, if one is free to continue.
pub(super) fn unfinished(fw: &Frameworks, paths: impl Iterator<Item = PathBuf>) -> Option<SessionFile> {
    let total = fw.questionnaire.context.len() + fw.questionnaire.questions.len();
    let modified = |f: &SessionFile| std::fs::metadata(f.path()).and_then(|m| m.modified()).ok();
    paths.filter_map(|p| SessionFile::open(fw, &p).ok()).filter(|f| f.answers().count() < total).max_by_key(modified)
}

/// What the person made of the offer to continue an earlier session.
pub(super) enum Choice {
    // Boxed: a session file is large beside the other choices.
    Continue(Box<SessionFile>),
    StartAnew,
    Stop,
}

pub(super) fn offer(fw: &Frameworks, earlier: SessionFile, prompter: &mut dyn Prompter) -> anyhow::Result<Choice> {
    let total = fw.questionnaire.context.len() + fw.questionnaire.questions.len();
    let words = &fw.report.ask;
    let (path, answered) = (earlier.path().display().to_string(), earlier.answers().count().to_string());
    let values = [("path", path.as_str()), ("answered", &answered), ("total", &total.to_string())];
    let message = say(&words.unfinished, &values);
    let options = [words.continue_it.to_string(), words.start_anew.to_string()];
    loop {
        match prompter.menu(&message, &options)? {
            Reply::Answer(0) => return Ok(Choice::Continue(Box::new(earlier))),
            Reply::Answer(_) => return Ok(Choice::StartAnew),
            Reply::Back => {}
            Reply::Interrupt => return Ok(Choice::Stop),
        }
    }
}

/// A new session file under the first default name not taken.
fn new_default_session(fw: &Frameworks, answers: &Answers) -> anyhow::Result<SessionFile> {
    for path in (1..).map(default_name) {
        match SessionFile::create(fw, &path, answers) {
            Err(Refusal::Exists) => continue,
            other => return Ok(other?),
        }
    }
    unreachable!("the names never run out")
}

fn default_name(n: usize) -> PathBuf {
    PathBuf::from(if n == 1 { format!("{DEFAULT_SESSION}.toml") } else { format!("{DEFAULT_SESSION}-{n}.toml") })
}

/// The command that continues this session with the same report options.
fn resume_command(args: &AssessArgs, path: &Path) -> String {
    let mut words = vec!["readiness".to_string(), "assess".into(), "--resume".into(), quote(path)];
    if let Some(dir) = &args.data.frameworks {
        words.extend(["--frameworks".into(), quote(dir)]);
    }
    // Options left at their defaults are left out, to keep the command short enough to read.
    if args.format != Format::Table {
        words.extend(["--format".into(), format!("{:?}", args.format).to_lowercase()]);
    }
    if let Some(out) = &args.output {
        words.extend(["--output".into(), quote(out)]);
    }
    if args.report != [Part::All] {
        let sections: Vec<String> = args.report.iter().map(|s| format!("{s:?}").to_lowercase()).collect();
        words.extend(["--report".into(), sections.join(",")]);
    }
    if let Some(date) = &args.as_of {
        words.extend(["--as-of".into(), date.to_string()]);
    }
    if args.explain {
        words.push("--explain".into());
    }
    words.join(" ")
}

/// Quotes a path for a POSIX shell when it holds anything but safe characters.
pub(super) fn quote(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./+=:@%".contains(c);
    if !text.is_empty() && text.chars().all(safe) { text } else { format!("'{}'", text.replace('\'', "'\\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_leaves_plain_paths_alone_and_protects_the_rest() {
        assert_eq!(quote(Path::new("acme-session.toml")), "acme-session.toml");
        assert_eq!(quote(Path::new("my client's file.toml")), "'my client'\\''s file.toml'");
    }
}
