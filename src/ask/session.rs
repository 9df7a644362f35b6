//! Running the questionnaire for `readiness assess`: where answers are saved, what is
//! pre-filled, and what to print when the person stops.

use super::flow::{Outcome, run};
use super::terminal::Terminal;
use crate::answers::{self, Answers, Completeness};
use crate::app::read_answers;
use crate::cli::AssessArgs;
use crate::frameworks::Frameworks;
use crate::output::write_atomic;
use std::path::{Path, PathBuf};

/// The session file used when neither `--save` nor `--resume` names one.
const DEFAULT_SESSION: &str = "readiness-session";

/// Runs the questionnaire in the terminal; `None` when the person stopped it with Ctrl-C (the
/// caller exits with 130).
pub fn interview(fw: &Frameworks, args: &AssessArgs) -> anyhow::Result<Option<Answers>> {
    let answers = prefilled(fw, args)?;
    let path = session_path(args);
    let mut save = |a: &Answers| write_atomic(&path, answers::render(fw, a).as_bytes());
    save(&answers)?;
    let resume = resume_command(args, &path);
    let mut terminal = Terminal::new();
    super::Prompter::say(&mut terminal, &introduction(fw, &answers, &path, &resume));
    match run(fw, &mut terminal, answers, &mut save)? {
        Outcome::Complete(answers) => {
            eprintln!("All answers saved to {}.\n", path.display());
            Ok(Some(answers))
        }
        Outcome::Interrupted(answers) => {
            eprintln!("\nStopped. {} answers are saved in {}.", answers.count(), path.display());
            eprintln!("Resume with:\n  {resume}");
            Ok(None)
        }
    }
}

/// Answers from `--resume` or `--answers` (which may be partial), or none.
fn prefilled(fw: &Frameworks, args: &AssessArgs) -> anyhow::Result<Answers> {
    match args.resume.as_ref().or(args.answers.as_ref()) {
        Some(path) => Ok(read_answers(fw, path, Completeness::Partial)?),
        None => Ok(Answers::default()),
    }
}

/// `--save`, else the file being resumed, else a new file in the current directory that does
/// not overwrite an earlier session.
fn session_path(args: &AssessArgs) -> PathBuf {
    if let Some(path) = args.save.as_ref().or(args.resume.as_ref()) {
        return path.clone();
    }
    let candidate = |n: usize| {
        let name = if n == 1 { format!("{DEFAULT_SESSION}.toml") } else { format!("{DEFAULT_SESSION}-{n}.toml") };
        PathBuf::from(name)
    };
    (1..).map(candidate).find(|p| !p.exists()).expect("an unused name exists")
}

/// The command that continues this session with the same report options.
fn resume_command(args: &AssessArgs, path: &Path) -> String {
    let mut words = vec!["readiness".to_string(), "assess".into(), "--resume".into(), quote(path)];
    if let Some(dir) = &args.data.frameworks {
        words.extend(["--frameworks".into(), quote(dir)]);
    }
    let format = format!("{:?}", args.format).to_lowercase();
    words.extend(["--format".into(), format]);
    if let Some(out) = &args.output {
        words.extend(["--output".into(), quote(out)]);
    }
    let sections: Vec<String> = args.report.iter().map(|s| format!("{s:?}").to_lowercase()).collect();
    words.extend(["--report".into(), sections.join(",")]);
    if let Some(date) = &args.as_of {
        words.extend(["--as-of".into(), date.to_string()]);
    }
    if args.explain {
        words.push("--explain".into());
    }
    words.join(" ")
}

/// Quotes a path for a POSIX shell when it holds anything but safe characters.
fn quote(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./+=:@%".contains(c);
    if !text.is_empty() && text.chars().all(safe) { text } else { format!("'{}'", text.replace('\'', "'\\''")) }
}

fn introduction(fw: &Frameworks, answers: &Answers, path: &Path, resume: &str) -> String {
    let q = &fw.questionnaire;
    let total = q.context.len() + q.questions.len();
    let remaining = total - answers.count().min(total);
    let sections: Vec<&str> = q.dimensions.iter().map(|d| d.name.as_str()).collect();
    format!(
        "AI marketing readiness assessment\n\n\
         {remaining} of {total} questions to answer: the business context first, then {}.\n\
         Allow 15 to 25 minutes. Each readiness question describes concretely what each level \
         looks like; \"Don't know\" is always an option.\n\n\
         Every answer is saved at once to {}.\n\
         Esc goes back to the previous question. Ctrl-C stops; resume later with\n  {resume}\n\
         Before scoring you can review and change any answer.",
        sections.join(", "),
        path.display()
    )
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
