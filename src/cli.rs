//! Command-line definitions only; `app` carries them out.

use crate::date::Date;
use crate::document::Paper;
use crate::portfolio::BatchFormat;
use crate::report::{Deliverable, Format, Lang, Part};
use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  readiness template --output acme.toml          start an answer file
  readiness validate acme.toml                   check it without scoring
  readiness assess --answers acme.toml           print the report in the terminal
  readiness assess --answers acme.toml --format html --output acme-report.html
  readiness assess --answers acme.toml --format markdown --output acme-report.md
  readiness assess --answers acme.toml --format json --as-of 2026-01-31
  readiness assess                               run the questionnaire interactively
  readiness catalog technologies                 browse the built-in data
  readiness compare acme-2026-q1.toml acme-2026-q3.toml
  readiness batch clients/ --format csv --output portfolio.csv
  readiness batch clients/ --format html --output portfolio.html
  readiness assess --answers workshop/           one business, one answer file per respondent
  readiness merge workshop/ --output consensus.toml";

#[derive(Debug, Parser)]
#[command(name = "readiness", version, about = "Assess how ready a business is to adopt AI marketing technologies.")]
#[command(long_about = "Assess how ready a business is to adopt AI marketing technologies: readiness per \
dimension, a risk register, an adoption timeline and a skills gap analysis, from a questionnaire \
answered interactively or from an answer file.")]
#[command(after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
// A subcommand's arguments are built only when it is parsed, or when help, completions or
// the man page need them, not at every start; `every_subcommand_is_well_formed` checks them.
#[command(defer = true)]
pub enum Command {
    /// Score answers and print the report
    #[command(after_help = EXAMPLES)]
    Assess(AssessArgs),
    /// Render a saved JSON report (`assess --format json`) in another format, without scoring
    #[command(
        after_help = "Example:\n  readiness assess --answers acme.toml --format json --output acme.json\n  readiness render acme.json --format html --output acme.html"
    )]
    Render {
        /// The JSON report to render
        #[arg(value_name = "REPORT.json")]
        file: PathBuf,
        /// Output format
        #[arg(short, long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Report sections to include, comma-separated
        #[arg(short, long, value_enum, value_delimiter = ',', default_value = "all")]
        report: Vec<Part>,
        /// Show the answers and weights behind every score
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        deliverable: DeliverableArgs,
        // The frameworks the report was assessed with: its words come from them.
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print a commented answer file listing every question
    Template {
        /// Write to this file instead of standard output; an existing file is not replaced
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing --output file
        #[arg(long, requires = "output")]
        force: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Check answer files without scoring them
    Validate {
        /// Answer files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Browse the built-in (or customised) frameworks data
    Catalog {
        /// What to list; without it, a summary of every catalogue
        #[arg(value_enum)]
        kind: Option<CatalogKind>,
        /// Output format
        #[arg(short, long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Export or check a frameworks directory
    #[command(subcommand)]
    Frameworks(FrameworksCommand),
    /// Show what moved between two assessments (answer files, workshops or JSON reports)
    Compare {
        /// The earlier assessment: an answer file (.toml), a JSON report (.json), or a workshop
        /// directory whose answer files are combined
        old: PathBuf,
        /// The later assessment
        new: PathBuf,
        /// Output format
        #[arg(short, long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Assessment date for answer files [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<Date>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Score many answer files: one row each, or a portfolio summary
    Batch {
        /// Answer files, or directories of them
        #[arg(required = true, value_name = "FILE|DIR")]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(short, long, value_enum, default_value_t = BatchFormat::Csv)]
        format: BatchFormat,
        /// Write to this file (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Assessment date for technology maturity [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<Date>,
        /// Write CSV cells that start with =, +, -, @, tab or CR as they are. By default they
        /// are prefixed with ' so a spreadsheet shows them as text instead of running them as
        /// formulas (OWASP's advice); use this only for pipelines that never open a spreadsheet
        #[arg(long)]
        keep_formulas: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Combine a workshop's answer files into one consensus answer file
    #[command(long_about = "Combine the answer files of several respondents of one business into \
one answer file: each readiness answer the mean of their levels (\"don't know\" counted as 0), with \
who answered what, and their notes, as comments above it. Scoring it gives the same scores as \
`assess` on the files together.")]
    Merge {
        /// Respondents' answer files, or directories of them
        #[arg(required = true, value_name = "FILE|DIR")]
        inputs: Vec<PathBuf>,
        /// Write to this file (atomically) instead of standard output; never one of the inputs
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print the JSON Schema of answer files or of the JSON report
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write every page to a directory
    Man {
        /// Write readiness.1 and one page per subcommand here, the pages readiness.1 names
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// Answer files, for editors (taplo, Even Better TOML)
    Answers,
    /// The JSON report of `assess --format json`
    Report,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Answer file to score; without it, the questionnaire runs in the terminal. Repeat it, or
    /// name a directory, to combine several respondents of one business (a workshop)
    #[arg(short, long, value_name = "FILE|DIR")]
    pub answers: Vec<PathBuf>,
    /// Ask the questions missing from --answers interactively
    #[arg(short, long)]
    pub interactive: bool,
    /// Run the questionnaire once per respondent of a workshop, each into their own file in
    /// this directory, then score them together
    #[arg(long, value_name = "DIR", conflicts_with_all = ["answers", "interactive", "save", "resume"])]
    pub workshop: Option<PathBuf>,
    /// Session file the interactive questionnaire saves to after every answer
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub save: Option<PathBuf>,
    /// Continue an interrupted interactive session from its session file
    #[arg(long, value_name = "FILE", conflicts_with = "answers")]
    pub resume: Option<PathBuf>,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report sections to include, comma-separated (table, markdown and html; JSON always holds everything)
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "all")]
    pub report: Vec<Part>,
    /// Assessment date for technology maturity [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<Date>,
    /// Show the answers and weights behind every score
    #[arg(long)]
    pub explain: bool,
    /// Add percentiles among a portfolio written by `readiness batch --format jsonl`
    #[arg(long, value_name = "PORTFOLIO.jsonl")]
    pub benchmark: Option<PathBuf>,
    #[command(flatten)]
    pub deliverable: DeliverableArgs,
    #[command(flatten)]
    pub data: DataArgs,
}

// How a report is handed over: signed, spelt and sized for the client. (Not a doc comment:
// clap would take it as the about of every command that flattens these flags.)
#[derive(Debug, Clone, Args)]
pub struct DeliverableArgs {
    /// Spelling [default: en-US for a business that markets only in the US and Canada, else en-GB]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Paper size of the HTML report in print [default: letter for a business that markets only
    /// in the US and Canada, else a4]
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// Consultant and firm, on the cover and at the foot of every page (e.g. "Jane Doe, Northstar Advisory")
    #[arg(long, value_name = "TEXT", value_parser = signature)]
    pub prepared_by: Option<String>,
    /// A line marking the report, on the cover and every page (e.g. "Confidential: board only")
    #[arg(long, value_name = "TEXT", value_parser = signature)]
    pub confidential: Option<String>,
}

impl DeliverableArgs {
    /// The flags as the report takes them; text longer than an answer file's is refused.
    pub(crate) fn deliverable(&self) -> Result<Deliverable, crate::diagnostic::InputError> {
        let texts = [("--prepared-by", &self.prepared_by), ("--confidential", &self.confidential)];
        for (flag, text) in texts {
            if let Some((problem, _)) = text.as_deref().and_then(|t| crate::answers::free_text_problem(t, true)) {
                return Err(crate::diagnostic::InputError::message(format!("the text of {flag} {problem}")));
            }
        }
        Ok(Deliverable {
            lang: self.lang,
            paper: self.paper,
            prepared_by: self.prepared_by.clone(),
            confidential: self.confidential.clone(),
        })
    }
}

/// Text for the report from the command line: a control or text-direction character is shown
/// as U+FFFD rather than refused, because clap would echo the refused text to the terminal.
fn signature(text: &str) -> Result<String, String> {
    Ok(text.trim().chars().map(|c| if crate::inert::is_unsafe_char(c) { '\u{FFFD}' } else { c }).collect())
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// Use the frameworks in this directory instead of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub frameworks: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FrameworksCommand {
    /// Write the built-in frameworks to a directory, to customise them
    Export {
        /// Directory to write into (created if missing)
        dir: PathBuf,
        /// Overwrite files in a directory that is not empty
        #[arg(long)]
        force: bool,
    },
    /// Validate a frameworks directory and report every problem found
    Check {
        /// Directory holding the frameworks TOML files
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogKind {
    Technologies,
    Trends,
    Skills,
    Roadmap,
    Models,
    Ethics,
    Questions,
    Risks,
    Sources,
}

/// The command line, parsed; a file named after `assess` without `--answers`, the mistake a
/// newcomer makes first, gets the flag suggested.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let mut error = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    let assess = std::env::args_os().nth(1).is_some_and(|command| command == "assess");
    let stray = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) if !arg.starts_with('-') => Some(arg.clone()),
        _ => None,
    };
    if let (true, ErrorKind::UnknownArgument, Some(file)) = (assess, error.kind(), stray) {
        let tip = format!("to score an answer file, name it with --answers: `--answers {file}`");
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
    }
    Err(error)
}

/// The paper sizes as clap shows them; the document model knows no clap.
impl ValueEnum for Paper {
    fn value_variants<'a>() -> &'a [Self] {
        &[Paper::A4, Paper::Letter]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Paper::A4 => ("a4", "ISO A4, 210 × 297 mm"),
            Paper::Letter => ("letter", "US Letter, 8.5 × 11 in"),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// The batch formats as clap shows them; the enum is the portfolio's, which knows no clap.
impl ValueEnum for BatchFormat {
    fn value_variants<'a>() -> &'a [Self] {
        use BatchFormat::*;
        &[Csv, Jsonl, Table, Markdown, Html]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            BatchFormat::Csv => ("csv", "One row per assessment, with a header"),
            BatchFormat::Jsonl => ("jsonl", "One JSON object per line"),
            BatchFormat::Table => {
                ("table", "A portfolio summary with the distribution of every score, for the terminal")
            }
            BatchFormat::Markdown => ("markdown", "The portfolio summary in Markdown"),
            BatchFormat::Html => ("html", "The portfolio summary as one self-contained HTML file"),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap checks a subcommand's arguments only when it builds them, which a run does for one
    /// subcommand at most: this builds and checks them all, so a conflict naming a missing
    /// argument fails here.
    #[test]
    fn every_subcommand_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
