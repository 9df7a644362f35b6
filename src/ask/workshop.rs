//! `readiness assess --workshop DIR`: the questionnaire once per respondent of a workshop,
//! each into their own session file in DIR named after them, never over an existing file.
//! The business context is asked of the first respondent only and copied to the next ones
//! (it must agree across a workshop); each respondent answers the readiness questions.

use super::session::{Choice, answer_in, offer, prompter, quote, unfinished};
use super::session_file::{Refusal, SessionFile};
use super::{Ask, Prompter, Reply, say, tell};
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
    let mut prompter = prompter(fw);
    let words = &fw.report.ask;
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
            tell(&words.stopped_unchanged);
            return Ok(WorkshopEnd::Stopped);
        };
        if answer_in(fw, prompter.as_mut(), file, &resume)?.is_none() {
            return Ok(WorkshopEnd::Stopped);
        }
        let (count, shown) = (answer_files(dir).len(), dir.display().to_string());
        let message = match count {
            1 => say(&words.answered_one, &[("dir", &shown)]),
            _ => say(&words.answered_many, &[("count", &count.to_string()), ("dir", &shown)]),
        };
        let options = [&words.next_respondent, &words.score_now, &words.score_later].map(|o| o.to_string());
        match prompter.menu(&message, &options)? {
            Reply::Answer(0) | Reply::Back => {}
            Reply::Answer(1) => {
                tell(&say(&words.scoring, &[("dir", &shown)]));
                return Ok(WorkshopEnd::Score);
            }
            Reply::Answer(_) | Reply::Interrupt => {
                tell(&say(&words.score_with, &[("dir", &quote(dir)), ("resume", &resume)]));
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
    let words = &fw.report.ask;
    let ask = |prompt, help| Ask { section: &words.respondent, position: 0, total: 2, prompt, help };
    let (name, role) = loop {
        let name_ask = Ask { position: 1, ..ask(&words.respondent_name, &words.respondent_name_help) };
        let name = match prompter.text(&name_ask, None, true)? {
            Reply::Answer(name) => name.trim().to_string(),
            Reply::Back => continue,
            Reply::Interrupt => return Ok(None),
        };
        let role_ask = Ask { position: 2, ..ask(&words.respondent_role, &words.respondent_role_help) };
        match prompter.text(&role_ask, None, false)? {
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
