//! Views of one [`Assessment`]: the report is built once as a neutral document
//! ([`builders::document`]) and laid out by the terminal, Markdown or HTML backend; JSON is the
//! assessment itself. Every view takes every word and figure from the assessment, so a saved
//! JSON report renders again, byte for byte, without the frameworks. The comparison of two
//! assessments and the summary of a portfolio are built as documents here too.

mod builders;
mod deliverable;
mod json;

pub use builders::{compare_document, document, num, portfolio_document, priorities};
pub(crate) use deliverable::{Deliverable, Lang};

use crate::assessment::Assessment;
use crate::document::{html, markdown, terminal as term};
use clap::ValueEnum;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for the terminal
    Table,
    /// Markdown for GitHub and wikis
    Markdown,
    /// One self-contained HTML file to hand over or print to PDF
    Html,
    /// The assessment as JSON
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Part {
    /// Readiness by dimension, responsible AI and levers
    Readiness,
    /// The six-part assessment of every technology
    Technologies,
    /// The risk register
    Risk,
    /// The roadmap: phases, actions and start months
    Timeline,
    /// Skills gaps and learning paths
    Skills,
    /// Everything
    All,
}

/// What to show: which sections, whether to explain scores, and how to lay out the terminal.
#[derive(Debug, Clone)]
pub struct View {
    pub sections: Vec<Part>,
    pub explain: bool,
    /// Columns for the terminal; `None` fits the terminal the report is printed on.
    pub width: Option<u16>,
    /// Colour and bold in the terminal view.
    pub colour: bool,
    /// Signature, spelling and paper.
    pub deliverable: Deliverable,
}

impl View {
    /// Every section, plain (no colour), as delivered by default: what tests and benchmarks
    /// render. A hook for them, outside the documented surface.
    #[doc(hidden)]
    pub fn everything(explain: bool, width: Option<u16>) -> View {
        View { sections: vec![Part::All], explain, width, colour: false, deliverable: Deliverable::default() }
    }

    pub(crate) fn shows(&self, section: Part) -> bool {
        self.sections.iter().any(|s| *s == section || *s == Part::All)
    }
}

/// Writes the view to `out`. JSON is streamed: the assessment with its wording is the largest
/// output, and building it as one string first costs a tenth of a start in memory touched.
///
/// A report template that would fill to more than `crate::words::MAX_FILLED_BYTES` (from a
/// customised `report.toml` or a hand-edited JSON report) is bad input: nothing is written.
pub fn write(assessment: &Assessment, format: Format, view: &View, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let mut out = std::io::BufWriter::with_capacity(1 << 15, out);
            json::write_pretty(&mut out, assessment)?;
            Ok(out.flush()?)
        }
        _ => {
            // A refusal noted by an earlier rendering on this thread is not this report's.
            crate::words::take_too_long();
            let text = render(assessment, format, view);
            if let Some(template) = crate::words::take_too_long() {
                return Err(too_long(&template).into());
            }
            Ok(out.write_all(text.as_bytes())?)
        }
    }
}

fn too_long(template: &str) -> crate::diagnostic::InputError {
    let limit = crate::input::size(crate::words::MAX_FILLED_BYTES as u64);
    crate::diagnostic::InputError::new(vec![
        crate::diagnostic::Diagnostic::new(format!("the report template {template} fills to more than {limit}"))
            .help("a report sentence repeats a placeholder or a value too often: shorten the template in report.toml (or the value in the JSON report)"),
    ])
}

pub fn render(assessment: &Assessment, format: Format, view: &View) -> String {
    match format {
        Format::Json => to_json(assessment),
        Format::Table => {
            term::render(&document(assessment, view), term::Options { width: view.width, colour: view.colour })
        }
        Format::Markdown => markdown::render(&document(assessment, view)),
        Format::Html => html::render(&document(assessment, view)),
    }
}

/// A comparison of two assessments in the format asked for.
pub(crate) fn render_comparison(
    c: &crate::compare::Comparison,
    format: Format,
    width: Option<u16>,
    colour: bool,
) -> String {
    let document = || compare_document(c);
    match format {
        Format::Json => to_json(c),
        Format::Markdown => markdown::render(&document()),
        Format::Html => html::render(&document()),
        Format::Table => term::render(&document(), term::Options { width, colour }),
    }
}

/// Pretty JSON with a trailing newline.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = Vec::new();
    json::write_pretty(&mut json, value).expect("assessment values always serialize");
    String::from_utf8(json).expect("serde_json writes UTF-8")
}
