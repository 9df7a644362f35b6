//! `readiness batch`: scores answer files in parallel, in chunks, writing each row as soon as
//! its chunk is done, so memory does not grow with the number of files (the summary keeps
//! only the numeric columns). Rows come out in input order whatever the thread timing.
//!
//! Directories are read as the files are scored, not listed first, so no list of names grows
//! with the portfolio either. Their files come in the order the file system lists them, not
//! sorted: sorting needs every name at once, and nothing downstream needs an order (each row
//! names its file; the summary and `--benchmark` do not depend on order). A directory read
//! twice gives the same order.

use super::row::{Columns, Row};
use super::summary::Summary;
use crate::answers::Completeness;
use crate::answers::read_answers_into;
use crate::date::Date;
use crate::diagnostic::{InputError, Problems};
use crate::frameworks::Frameworks;
use crate::message::shown_path;
use crate::score::{Detail, scores};
use std::borrow::Cow;
use std::fs::ReadDir;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `readiness batch` writes: rows as the files are scored, or a summary at the end. Its
/// spelling and help on the command line are in `cli`, where clap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    Csv,
    Jsonl,
    Table,
    Markdown,
    Html,
}

/// Files scored per round of parallel work: enough to keep every core busy, few enough that
/// the results waiting to be written stay small.
const CHUNK: usize = 256;

/// How to score and write a portfolio.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub format: BatchFormat,
    pub as_of: Date,
    /// Write CSV cells that a spreadsheet would run as formulas as they are.
    pub keep_formulas: bool,
}

#[derive(Debug, Default)]
pub(crate) struct BatchOutcome {
    pub scored: usize,
    /// The files that could not be scored.
    pub failed: Vec<PathBuf>,
    /// Why, as far as the first problems go: memory does not grow with the failures.
    pub problems: Problems,
    /// The numbers of the portfolio summary, for the summary formats.
    pub summary: Summary,
}

/// The answer files named, in name order: see [`walk`]. For the few files of a workshop.
pub(crate) fn answer_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for path in paths {
        let mut found = walk(std::slice::from_ref(path)).collect::<Result<Vec<_>, _>>()?;
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The answer files named, found as they are needed: files as given, directories expanded to
/// their `*.toml` files (in any case: `.TOML` too) in the order the file system lists them.
/// A directory with none, or that cannot be read, is an error.
pub(crate) fn walk(paths: &[PathBuf]) -> Walk<'_> {
    Walk { paths: paths.iter(), dir: None }
}

/// See [`walk`].
pub(crate) struct Walk<'a> {
    paths: std::slice::Iter<'a, PathBuf>,
    /// The directory being read, and whether it has given an answer file yet.
    dir: Option<(&'a Path, ReadDir, bool)>,
}

impl Iterator for Walk<'_> {
    type Item = Result<PathBuf, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let is_toml = |p: &PathBuf| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("toml"));
        loop {
            if let Some((dir, entries, found)) = &mut self.dir {
                if let Some(path) = entries.by_ref().flatten().map(|e| e.path()).find(is_toml) {
                    *found = true;
                    return Some(Ok(path));
                }
                let (dir, found) = (*dir, *found);
                self.dir = None;
                if !found {
                    return Some(Err(InputError::message(format!(
                        "{} holds no answer files (*.toml)",
                        shown_path(dir)
                    ))));
                }
            }
            let path = self.paths.next()?;
            if !path.is_dir() {
                return Some(Ok(path.clone()));
            }
            match std::fs::read_dir(path) {
                Ok(entries) => self.dir = Some((path, entries, false)),
                Err(e) => return Some(Err(InputError::message(format!("cannot list {}: {e}", shown_path(path))))),
            }
        }
    }
}

/// Scores every file and writes the rows to `out`, or, for a summary format, adds them up in
/// the outcome's summary; a file that cannot be found (a directory that cannot be read) ends
/// the run with its error.
pub(crate) fn run(
    fw: &Frameworks,
    mut files: impl Iterator<Item = Result<PathBuf, InputError>>,
    options: Options,
    out: &mut dyn Write,
) -> anyhow::Result<BatchOutcome> {
    let Options { format, as_of, keep_formulas } = options;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let copies: Vec<_> = (0..threads).map(|_| crate::frameworks::for_a_thread(fw)).collect();
    let columns = Columns::of(fw);
    let mut outcome = BatchOutcome::default();
    let mut header_written = false;
    let mut line = String::new();
    loop {
        let chunk = files.by_ref().take(CHUNK).collect::<Result<Vec<_>, _>>()?;
        if chunk.is_empty() {
            break;
        }
        for (path, result) in chunk.iter().zip(score_chunk(&copies, &columns, &chunk, as_of)) {
            match result {
                Ok(row) => {
                    outcome.scored += 1;
                    match format {
                        BatchFormat::Csv => {
                            if !std::mem::replace(&mut header_written, true) {
                                out.write_all(columns.csv_header(keep_formulas).as_bytes())?;
                            }
                            line.clear();
                            columns.csv(&row, keep_formulas, &mut line);
                            out.write_all(line.as_bytes())?;
                        }
                        BatchFormat::Jsonl => out.write_all(columns.json_line(&row).as_bytes())?,
                        BatchFormat::Table | BatchFormat::Markdown | BatchFormat::Html => {
                            outcome.summary.add(&columns, &row)
                        }
                    }
                }
                Err(e) => {
                    outcome.problems.append(e);
                    outcome.failed.push(path.to_path_buf());
                }
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}

/// Scores a chunk on one thread per frameworks copy, results in input order.
fn score_chunk(
    copies: &[Cow<Frameworks>],
    columns: &Columns,
    chunk: &[PathBuf],
    as_of: Date,
) -> Vec<Result<Row, InputError>> {
    let per_thread = chunk.len().div_ceil(copies.len());
    std::thread::scope(|scope| {
        let workers: Vec<_> = chunk
            .chunks(per_thread)
            .zip(copies)
            .map(|(part, fw)| {
                scope.spawn(move || {
                    let mut buffer = Vec::new();
                    part.iter().map(|path| score_file(fw, columns, path, as_of, &mut buffer)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("scoring does not panic")).collect()
    })
}

fn score_file(
    fw: &Frameworks,
    columns: &Columns,
    path: &Path,
    as_of: Date,
    buffer: &mut Vec<u8>,
) -> Result<Row, InputError> {
    let answers = read_answers_into(fw, path, Completeness::Complete, buffer)?;
    Ok(columns.row(&path.display().to_string(), fw, &answers, &scores(fw, &answers, as_of, Detail::Row)))
}
