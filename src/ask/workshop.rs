//! `readiness assess --workshop DIR`: the questionnaire once per respondent of a workshop,
//! each into their own session file in DIR named after them, never over an existing file.
//! The business context is asked of the first respondent only and copied to the next ones
//! (it must agree across a workshop); each respondent answers the readiness questions.

use super::session::{Choice, answer_in, offer, prompter, quote, unfinished};
use super::session_file::{Refusal, SessionFile};
use super::{Ask, Prompter, Reply, tell};
use crate::answers::{Answers, Completeness, Respondent};
use crate::cli::AssessArgs;
use crate::frameworks::Frameworks;
use std::path::{Path, PathBuf};

/// How a workshop session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkshopEnd {
    /// Score every respondent in the directory together now.
    Score,
    /// Every respondent so far has finished; scoring is for later.
    Later,
    /// Stopped part-way through a respondent (their answers so far are saved).
    Stopped,
}

pub(crate) fn run_workshop(fw: &Frameworks, args: &AssessArgs, dir: &Path) -> anyhow::Result<WorkshopEnd> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", dir.display()))?;
    let mut prompter = prompter();
    let mut resume = format!("readiness assess --workshop {}", quote(dir));
    if let Some(frameworks) = &args.data.frameworks {
        resume.push_str(&format!(" --frameworks {}", quote(frameworks)));
    }
    loop {
        let earlier = unfinished(fw, answer_files(dir).into_iter());
        let file = match earlier.map(|file| offer(fw, file, prompter.as_mut())).transpose()? {
            Some(Choice::Continue(file)) => Some(*file),
            Some(Choice::Stop) => None,
            Some(Choice::StartAnew) | None => new_respondent(fw, dir, prompter.as_mut())?,
        };
        let Some(file) = file else {
            eprintln!();
            tell("Stopped; nothing was changed.");
            return Ok(WorkshopEnd::Stopped);
        };
        if answer_in(fw, prompter.as_mut(), file, &resume)?.is_none() {
            return Ok(WorkshopEnd::Stopped);
        }
        let count = answer_files(dir).len();
        let who = if count == 1 { "1 respondent has".to_string() } else { format!("{count} respondents have") };
        let message = format!("{who} answered in {}.", dir.display());
        let options = [
            "Next respondent".to_string(),
            "Score the workshop now".to_string(),
            "Stop here and score later".to_string(),
        ];
        match prompter.menu(&message, &options)? {
            Reply::Answer(0) | Reply::Back => {}
            Reply::Answer(1) => {
                tell(&format!("Scoring the answers in {}", dir.display()));
                return Ok(WorkshopEnd::Score);
            }
            Reply::Answer(_) | Reply::Interrupt => {
                tell(&format!(
                    "Score them together with:\n  readiness assess --answers {}\nAdd a respondent with:\n  {resume}",
                    quote(dir)
                ));
                return Ok(WorkshopEnd::Later);
            }
        }
    }
}

/// The answer files already in the workshop directory, sorted.
fn answer_files(dir: &Path) -> Vec<PathBuf> {
    crate::portfolio::answer_files(&[dir.to_path_buf()]).unwrap_or_default()
}

/// Asks the next respondent's name and role and creates their file, with the business context
/// of the respondents before; `None` if the person stopped.
fn new_respondent(fw: &Frameworks, dir: &Path, prompter: &mut dyn Prompter) -> anyhow::Result<Option<SessionFile>> {
    let ask = |prompt, help| Ask { section: "Workshop respondent", position: 0, total: 2, prompt, help };
    let name_help = "Who answers next: their answers go to a file of their own, named after them.";
    let role_help = "Their role, shown beside their name in the report (for example: data lead).";
    let (name, role) = loop {
        let name = match prompter.text(&Ask { position: 1, ..ask("Respondent's name", name_help) }, None, true)? {
            Reply::Answer(name) => name.trim().to_string(),
            Reply::Back => continue,
            Reply::Interrupt => return Ok(None),
        };
        match prompter.text(&Ask { position: 2, ..ask("Their role (optional)", role_help) }, None, false)? {
            Reply::Answer(role) => break (name, Some(role.trim().to_string()).filter(|r| !r.is_empty())),
            Reply::Back => continue,
            Reply::Interrupt => return Ok(None),
        }
    };
    let mut answers = business_context(fw, dir);
    answers.respondent = Respondent { name: Some(name.clone()), role };
    for path in (1..).map(|n| file_name(dir, &name, n)) {
        match SessionFile::create(fw, &path, &answers) {
            Err(Refusal::Exists) => continue,
            other => return Ok(Some(other?)),
        }
    }
    unreachable!("the names never run out")
}

/// The business context answered by the respondents before (the first file that has one),
/// without their own free text.
fn business_context(fw: &Frameworks, dir: &Path) -> Answers {
    let earlier = answer_files(dir).into_iter().find_map(|path| {
        let answers = crate::answers::read_answers(fw, &path, Completeness::Partial).ok()?;
        (!answers.context.is_empty()).then_some(answers)
    });
    let mut answers = Answers::default();
    if let Some(earlier) = earlier {
        let shared = |id: &str| fw.context_question(id).is_some_and(|q| !crate::workshop::is_own_text(q));
        answers.context = earlier.context.into_iter().filter(|(id, _)| shared(id)).collect();
    }
    answers
}

/// `maya-patel.toml`, or `maya-patel-2.toml` for the second file of that name.
fn file_name(dir: &Path, name: &str, n: usize) -> PathBuf {
    let slug = super::handover::slug(name);
    let stem = if slug.is_empty() { "respondent".to_string() } else { slug };
    let suffix = if n == 1 { String::new() } else { format!("-{n}") };
    dir.join(format!("{stem}{suffix}.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;

    #[test]
    fn respondent_files_are_named_after_them_and_never_taken_twice() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(file_name(dir.path(), "Maya Patel", 1), dir.path().join("maya-patel.toml"));
        assert_eq!(file_name(dir.path(), "Maya Patel", 2), dir.path().join("maya-patel-2.toml"));
        assert_eq!(file_name(dir.path(), "../../", 1), dir.path().join("respondent.toml"));
    }

    #[test]
    fn the_next_respondent_starts_with_the_business_context_but_not_the_notes() {
        let fw = Frameworks::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let first = "[context]\ncompany = \"Acme\"\nnotes = \"Maya's view\"\n[answers]\ndata_quality = 2\n";
        std::fs::write(dir.path().join("maya.toml"), first).unwrap();
        let answers = business_context(&fw, dir.path());
        assert_eq!(answers.context.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["company"]);
        assert!(answers.readiness.is_empty());
    }
}
