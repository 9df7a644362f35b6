//! `readiness batch`: scores answer files in parallel, in chunks, writing each row as soon as
//! its chunk is done, so memory does not grow with the number of files (the Markdown summary
//! keeps only the numeric columns). Rows come out in input order whatever the thread timing.

use super::row::Row;
use super::summary::Summary;
use crate::answers::Completeness;
use crate::app::read_answers;
use crate::date::Date;
use crate::error::InputError;
use crate::frameworks::Frameworks;
use crate::score::assess;
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One row per assessment, with a header
    Csv,
    /// One JSON object per line
    Jsonl,
    /// A portfolio summary with the distribution of every score
    Markdown,
}

/// Files scored per round of parallel work: enough to keep every core busy, few enough that
/// the results waiting to be written stay small.
const CHUNK: usize = 256;

#[derive(Debug, Default)]
pub struct BatchOutcome {
    pub scored: usize,
    /// Each file that could not be scored, with why.
    pub failed: Vec<(PathBuf, InputError)>,
}

/// The answer files named: files as given, directories expanded to their `*.toml` files (in
/// any case: `.TOML` too) in name order. A directory with none is an error.
pub fn answer_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| InputError::message(format!("cannot list `{}`: {e}", path.display())))?;
            let is_toml = |p: &Path| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("toml"));
            let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| is_toml(p)).collect();
            if found.is_empty() {
                return Err(InputError::message(format!("`{}` holds no answer files (*.toml)", path.display())));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Scores every file and writes the rows (or, for Markdown, the summary) to `out`.
pub fn run(
    fw: &Frameworks,
    files: &[PathBuf],
    as_of: Date,
    format: BatchFormat,
    out: &mut dyn Write,
) -> anyhow::Result<BatchOutcome> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let copies: Vec<Frameworks> = (0..threads).map(|_| fw.unshared_copy()).collect();
    let mut outcome = BatchOutcome::default();
    let mut summary = Summary::default();
    let mut header_written = false;
    for chunk in files.chunks(CHUNK) {
        for (path, result) in chunk.iter().zip(score_chunk(&copies, chunk, as_of)) {
            match result {
                Ok(row) => {
                    outcome.scored += 1;
                    match format {
                        BatchFormat::Csv => {
                            if !std::mem::replace(&mut header_written, true) {
                                out.write_all(row.csv_header().as_bytes())?;
                            }
                            out.write_all(row.csv().as_bytes())?;
                        }
                        BatchFormat::Jsonl => out.write_all(row.json_line().as_bytes())?,
                        BatchFormat::Markdown => summary.add(&row),
                    }
                }
                Err(e) => outcome.failed.push((path.clone(), e)),
            }
        }
    }
    if format == BatchFormat::Markdown {
        let failed: Vec<String> = outcome.failed.iter().map(|(path, _)| path.display().to_string()).collect();
        out.write_all(summary.markdown(fw, &failed).as_bytes())?;
    }
    out.flush()?;
    Ok(outcome)
}

/// Scores a chunk on one thread per frameworks copy, results in input order.
fn score_chunk(copies: &[Frameworks], chunk: &[PathBuf], as_of: Date) -> Vec<Result<Row, InputError>> {
    let per_thread = chunk.len().div_ceil(copies.len());
    std::thread::scope(|scope| {
        let workers: Vec<_> = chunk
            .chunks(per_thread)
            .zip(copies)
            .map(|(part, fw)| {
                scope.spawn(move || part.iter().map(|path| score_file(fw, path, as_of)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("scoring does not panic")).collect()
    })
}

fn score_file(fw: &Frameworks, path: &Path, as_of: Date) -> Result<Row, InputError> {
    let answers = read_answers(fw, path, Completeness::Complete)?;
    Ok(Row::of(&path.display().to_string(), &assess(fw, &answers, as_of), fw))
}
