//! `readiness batch`: scores answer files in parallel, in chunks, writing each row as soon as
//! its chunk is done, so memory does not grow with the number of files (the summary keeps
//! only the numeric columns). Rows come out in input order whatever the thread timing.

use super::row::Row;
use super::summary::Summary;
use crate::answers::Completeness;
use crate::app::read_answers;
use crate::date::Date;
use crate::error::{InputError, Problems, shown_path};
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
    /// A portfolio summary with the distribution of every score, for the terminal
    Table,
    /// The portfolio summary in Markdown
    Markdown,
    /// The portfolio summary as one self-contained HTML file
    Html,
}

/// Files scored per round of parallel work: enough to keep every core busy, few enough that
/// the results waiting to be written stay small.
const CHUNK: usize = 256;

/// How to score and write a portfolio.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub format: BatchFormat,
    pub as_of: Date,
    /// Write CSV cells that a spreadsheet would run as formulas as they are.
    pub keep_formulas: bool,
}

#[derive(Debug, Default)]
pub struct BatchOutcome {
    pub scored: usize,
    /// The files that could not be scored.
    pub failed: Vec<PathBuf>,
    /// Why, as far as the first problems go: memory does not grow with the failures.
    pub problems: Problems,
    /// The numbers of the portfolio summary, for the summary formats.
    pub summary: Summary,
}

/// The answer files named: files as given, directories expanded to their `*.toml` files (in
/// any case: `.TOML` too) in name order. A directory with none is an error.
pub fn answer_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| InputError::message(format!("cannot list {}: {e}", shown_path(path))))?;
            let is_toml = |p: &Path| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("toml"));
            let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| is_toml(p)).collect();
            if found.is_empty() {
                return Err(InputError::message(format!("{} holds no answer files (*.toml)", shown_path(path))));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Scores every file and writes the rows to `out`, or, for a summary format, adds them up in
/// the outcome's summary.
pub fn run(fw: &Frameworks, files: &[PathBuf], options: Options, out: &mut dyn Write) -> anyhow::Result<BatchOutcome> {
    let Options { format, as_of, keep_formulas } = options;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let copies: Vec<Frameworks> = (0..threads).map(|_| fw.unshared_copy()).collect();
    let mut outcome = BatchOutcome::default();
    let mut header_written = false;
    for chunk in files.chunks(CHUNK) {
        for (path, result) in chunk.iter().zip(score_chunk(&copies, chunk, as_of)) {
            match result {
                Ok(row) => {
                    outcome.scored += 1;
                    match format {
                        BatchFormat::Csv => {
                            if !std::mem::replace(&mut header_written, true) {
                                out.write_all(row.csv_header(keep_formulas).as_bytes())?;
                            }
                            out.write_all(row.csv(keep_formulas).as_bytes())?;
                        }
                        BatchFormat::Jsonl => out.write_all(row.json_line().as_bytes())?,
                        BatchFormat::Table | BatchFormat::Markdown | BatchFormat::Html => outcome.summary.add(&row),
                    }
                }
                Err(e) => {
                    outcome.problems.append(e);
                    outcome.failed.push(path.clone());
                }
            }
        }
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
