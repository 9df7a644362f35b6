//! Workshops: several respondents of one business, each with their own answer file, combined
//! into one assessment that keeps every respondent's answers, the spread per question and the
//! disagreements worth discussing. `combine` holds the rule, `spread` the workshop part of the
//! assessment, `consensus` the answer file `readiness merge` writes.

mod combine;
mod consensus;
mod spread;

use combine::other_company;
pub(crate) use combine::{combine, is_own_text};
pub(crate) use consensus::consensus_file;

use crate::answers::{Answers, Completeness};
use crate::assessment::Assessment;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, InputError};
use crate::frameworks::Frameworks;
use std::collections::HashMap;
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
/// problem in every file reported at once. A file named twice (or through a directory as
/// well, or through another hard link) is refused: counted twice, one person would weigh
/// double. A file naming another company than the first stops the reading at once: nothing
/// after it could make them one workshop. Linear in the number of files.
pub(crate) fn read(fw: &Frameworks, paths: &[PathBuf]) -> Result<Vec<AnswerFile>, InputError> {
    let files = crate::portfolio::answer_files(paths)?;
    let mut seen: HashMap<FileId, &PathBuf> = HashMap::with_capacity(files.len());
    let mut read: Vec<AnswerFile> = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        if let Some(first) = file_id(path).and_then(|id| earlier(&mut seen, id, path)) {
            problems.push(Diagnostic::new(format!(
                "`{}` is given twice (also as `{}`): each respondent's file counts once",
                path.display(),
                first.display()
            )));
            continue;
        }
        match crate::answers::read_answers(fw, path, Completeness::Complete) {
            Ok(answers) => {
                let file = AnswerFile { file: path.display().to_string(), answers };
                if let Some(mismatch) = read.first().and_then(|first| other_company(fw, first, &file)) {
                    problems.push(mismatch);
                    return Err(InputError::new(problems));
                }
                read.push(file);
            }
            Err(e) => problems.extend(e.diagnostics),
        }
    }
    if problems.is_empty() { Ok(read) } else { Err(InputError::new(problems)) }
}

/// The name `id` was first seen under, or `None` (and `path` remembered) the first time.
fn earlier<'p>(seen: &mut HashMap<FileId, &'p PathBuf>, id: FileId, path: &'p PathBuf) -> Option<&'p PathBuf> {
    match seen.entry(id) {
        std::collections::hash_map::Entry::Occupied(first) => Some(first.get()),
        std::collections::hash_map::Entry::Vacant(entry) => {
            entry.insert(path);
            None
        }
    }
}

/// What makes two names one file: its device and inode (links followed); elsewhere its
/// canonical path.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(path: &std::path::Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &std::path::Path) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}
