//! Views of one [`Assessment`]: a terminal table, a Markdown document, or the value itself as
//! JSON. Renderers look names up in the frameworks but take every figure from the assessment.

mod markdown;
mod table;
mod text;

pub use text::{markdown_escape, markdown_header, markdown_row, mermaid_label, new_table, terminal};

use crate::assessment::Assessment;
use crate::frameworks::{Frameworks, Text};
use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for the terminal
    Table,
    /// A client-ready Markdown document
    Markdown,
    /// The assessment as JSON
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Section {
    /// Readiness by dimension, responsible AI and levers
    Readiness,
    /// The six-part assessment of every technology
    Technologies,
    /// The risk register
    Risk,
    /// Rings, roadmap phases and start months
    Timeline,
    /// Skills gaps and learning paths
    Skills,
    /// Everything
    All,
}

/// What to show: which sections, whether to explain scores, and the table width.
#[derive(Debug, Clone)]
pub struct View {
    pub sections: Vec<Section>,
    pub explain: bool,
    /// Columns for tables; `None` fits the terminal the report is printed on.
    pub width: Option<u16>,
}

impl View {
    pub fn shows(&self, section: Section) -> bool {
        self.sections.iter().any(|s| *s == section || *s == Section::All)
    }
}

pub fn render(assessment: &Assessment, fw: &Frameworks, format: Format, view: &View) -> String {
    match format {
        Format::Table => table::render(assessment, fw, view),
        Format::Markdown => markdown::render(assessment, fw, view),
        Format::Json => to_json(assessment),
    }
}

/// Pretty JSON with a trailing newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = serde_json::to_string_pretty(value).expect("assessment values always serialize");
    json.push('\n');
    json
}

/// A 0-100 score as a bar of `width` cells.
fn bar(score: f64, width: usize) -> String {
    let filled = ((score / 100.0) * width as f64).round().clamp(0.0, width as f64) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Display names looked up in the frameworks, shared by the table and Markdown views.
pub(crate) struct Names<'a>(pub(crate) &'a Frameworks);

impl<'a> Names<'a> {
    fn dimension(&self, id: &'a str) -> &'a str {
        self.0.dimension_name(id)
    }

    fn technology(&self, id: &'a str) -> &'a str {
        self.0.technology(id).map_or(id, |t| t.name.as_str())
    }

    pub(crate) fn ring(&self, ring: crate::frameworks::Ring) -> &'a str {
        self.0.ring(ring).name.as_str()
    }

    pub(crate) fn risk(&self, id: &'a str) -> &'a str {
        self.0.risk(id).map_or(id, |r| r.title.as_str())
    }

    fn phase(&self, id: &'a str) -> &'a str {
        self.0.phase(id).map_or(id, |p| p.name.as_str())
    }

    fn risk_category(&self, id: &'a str) -> &'a str {
        self.0.risks.categories.iter().find(|c| c.id == id).map_or(id, |c| c.name.as_str())
    }

    fn skill_category(&self, id: &'a str) -> &'a str {
        self.0.skills.categories.iter().find(|c| c.id == id).map_or(id, |c| c.name.as_str())
    }

    fn goal(&self, id: &'a str) -> &'a str {
        let goals = self.0.context_with_role(crate::frameworks::ContextRole::Goals);
        goals.and_then(|q| q.options.iter().find(|o| o.id == id)).map_or(id, |o| o.label.as_str())
    }

    fn requirer(&self, id: &'a str) -> &'a str {
        self.0
            .technology(id)
            .map(|t| t.name.as_str())
            .or_else(|| self.0.phase(id).map(|p| p.name.as_str()))
            .unwrap_or(id)
    }

    fn technologies(&self, ids: &'a [Text]) -> String {
        ids.iter().map(|id| self.technology(id)).collect::<Vec<_>>().join(", ")
    }

    fn dimensions(&self, ids: &'a [Text]) -> String {
        ids.iter().map(|id| self.dimension(id)).collect::<Vec<_>>().join(", ")
    }
}

/// A figure as every view shows it: rounded once, to one decimal, here.
pub fn num(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    format!("{}", rounded + 0.0)
}

/// A start month, or a dash for none.
fn month(m: Option<u32>) -> String {
    m.map_or_else(|| "-".to_string(), |m| m.to_string())
}

/// An answer as "level of max" or "don't know".
fn answer_text(answer: Option<crate::answers::Answer>, max_level: u8) -> String {
    match answer {
        Some(crate::answers::Answer::Level(level)) => format!("{level} of {max_level}"),
        Some(crate::answers::Answer::DontKnow) => "don't know".to_string(),
        Some(crate::answers::Answer::Between(between)) => format!("{between} of {max_level}"),
        None => "unanswered".to_string(),
    }
}
