//! Workshops: several respondents of one business, each with their own answer file, combined
//! into one assessment that keeps every respondent's answers, the spread per question and the
//! disagreements worth discussing. `combine` holds the rule, `spread` the workshop part of the
//! assessment, `consensus` the answer file `readiness merge` writes.

mod combine;
mod consensus;
mod spread;

pub use combine::{Combined, Voice, combine, is_own_text};
pub use consensus::consensus_file;

use crate::answers::{Answers, Completeness};
use crate::assessment::Assessment;
use crate::date::Date;
use crate::error::{Diagnostic, InputError};
use crate::frameworks::Frameworks;
use std::path::PathBuf;

/// One respondent's answers and the file they came from (as shown to the user).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerFile {
    pub file: String,
    pub answers: Answers,
}

/// The combined assessment of several respondents, with the workshop part.
pub fn assess(fw: &Frameworks, files: &[AnswerFile], as_of: Date) -> Result<Assessment, InputError> {
    let combined = combine(fw, files)?;
    let mut assessment = crate::score::assess(fw, &combined.answers, as_of);
    assessment.workshop = Some(spread::workshop(fw, &combined));
    Ok(assessment)
}

/// Reads the answer files named (directories expanded to their `.toml` files, sorted), every
/// problem in every file reported at once. A file named twice (or through a directory as well)
/// is refused: counted twice, one person would weigh double.
pub fn read(fw: &Frameworks, paths: &[PathBuf]) -> Result<Vec<AnswerFile>, InputError> {
    let files = crate::portfolio::answer_files(paths)?;
    let mut seen: Vec<(PathBuf, &PathBuf)> = Vec::new();
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if let Some((_, first)) = seen.iter().find(|(id, _)| *id == identity) {
            problems.push(Diagnostic::new(format!(
                "`{}` is given twice (also as `{}`): each respondent's file counts once",
                path.display(),
                first.display()
            )));
            continue;
        }
        seen.push((identity, path));
        match crate::read_answers(fw, path, Completeness::Complete) {
            Ok(answers) => read.push(AnswerFile { file: path.display().to_string(), answers }),
            Err(e) => problems.extend(e.diagnostics),
        }
    }
    if problems.is_empty() { Ok(read) } else { Err(InputError::new(problems)) }
}
