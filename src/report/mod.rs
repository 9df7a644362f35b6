//! Views of one [`Assessment`]: the report is built once as a neutral document
//! ([`build::document`]) and laid out by the terminal, Markdown or HTML backend; JSON is the
//! assessment itself. The assessment holds the decisions and figures; the words (headings,
//! sentences, names for ids) come from the frameworks when the document is built, so a saved
//! JSON report renders again, byte for byte, with the frameworks it was assessed with. The
//! comparison of two assessments, the summary of a portfolio and the catalogue are built as
//! documents here too, and every command prints through the one format switch, [`lay_out`].

mod builders;
mod deliverable;
mod ids;
mod json;

pub use builders::{catalog_document, compare_document, document, num, portfolio_document, priorities};
pub use deliverable::{Deliverable, Lang};
pub use ids::unknown_ids;

use crate::assessment::Assessment;
use crate::document::{Document, html, markdown, terminal as term};
use crate::frameworks::Frameworks;
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

    /// How the terminal backend lays the view out.
    pub fn terminal(&self) -> term::Options {
        term::Options { width: self.width, colour: self.colour }
    }
}

/// The one format switch: the document laid out for the terminal, Markdown or HTML, or `None`
/// for JSON, which each command writes from its own value. The document is built only when it
/// is laid out.
pub fn lay_out(format: Format, document: impl FnOnce() -> Document, terminal: term::Options) -> Option<String> {
    Some(match format {
        Format::Json => return None,
        Format::Table => term::render(&document(), terminal),
        Format::Markdown => markdown::render(&document()),
        Format::Html => html::render(&document()),
    })
}

/// What a command prints, in the format asked for, written to `out`: `json` writes the JSON
/// (streamed: the assessment is the largest output, and building it as one string first costs
/// a tenth of a start in memory touched), the document is laid out for the other formats.
///
/// A report template that would fill to more than [`crate::words::MAX_FILLED_BYTES`] (from a
/// customised `report.toml`) is bad input: nothing is written.
pub fn write(
    format: Format,
    json: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    document: impl FnOnce() -> Document,
    terminal: term::Options,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    // A refusal noted by an earlier rendering on this thread is not this document's.
    crate::words::take_too_long();
    let Some(text) = lay_out(format, document, terminal) else {
        let mut out = std::io::BufWriter::with_capacity(1 << 15, out);
        json(&mut out)?;
        return Ok(out.flush()?);
    };
    if let Some(template) = crate::words::take_too_long() {
        return Err(too_long(&template).into());
    }
    Ok(out.write_all(text.as_bytes())?)
}

/// JSON for [`write()`]: the value, pretty, with a trailing newline.
pub fn json_of<T: serde::Serialize + ?Sized>(value: &T) -> impl FnOnce(&mut dyn Write) -> std::io::Result<()> + '_ {
    move |out| json::write_pretty(out, value)
}

/// Writes a view of an assessment, in the words of `fw`, to `out`.
pub fn write_report(
    assessment: &Assessment,
    fw: &Frameworks,
    format: Format,
    view: &View,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    write(format, json_of(assessment), || document(assessment, fw, view), view.terminal(), out)
}

fn too_long(template: &str) -> crate::diagnostic::InputError {
    let limit = crate::input::size(crate::words::MAX_FILLED_BYTES as u64);
    crate::diagnostic::InputError::new(vec![
        crate::diagnostic::Diagnostic::new(format!("the report template {template} fills to more than {limit}"))
            .help("a report sentence repeats a placeholder or a value too often: shorten the template in report.toml (or the value in the JSON report)"),
    ])
}

/// A view of an assessment as text, in the words of `fw`.
pub fn render(assessment: &Assessment, fw: &Frameworks, format: Format, view: &View) -> String {
    lay_out(format, || document(assessment, fw, view), view.terminal()).unwrap_or_else(|| to_json(assessment))
}

/// Pretty JSON with a trailing newline.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = Vec::new();
    json::write_pretty(&mut json, value).expect("assessment values always serialize");
    String::from_utf8(json).expect("serde_json writes UTF-8")
}
