//! A neutral report document and its three backends.
//!
//! A command builds one [`Document`] — sections of paragraphs, lists, tables, callouts, key
//! figures and charts held as data — and [`terminal`], [`markdown`] and [`html`] only lay it
//! out. Every word a reader sees comes from the document; a backend adds layout, escaping
//! (once, in one place per backend) and drawing, never wording. Charts are data too, so a chart
//! and the table beside it, built from the same numbers, cannot disagree.
//!
//! The types are plain data with serde, so a document can be saved, inspected and rendered again.

mod derived;
pub mod html;
pub mod markdown;
mod number;
pub mod terminal;

pub use derived::{charts, plain_text};
pub use number::number;

use serde::{Deserialize, Serialize};

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub meta: Meta,
    /// What the cover page shows under the title, client, date and headline.
    pub cover: Vec<Block>,
    pub sections: Vec<Section>,
}

/// Facts about the report shown on the cover and in running headers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub client: String,
    /// The date as the reader should see it, already formatted.
    pub date: String,
    /// One sentence: where the client stands.
    pub headline: String,
    /// What produced the report, e.g. the tool's name and version.
    pub generator: String,
    /// The document's language as a BCP 47 tag (`en`), for hyphenation and screen readers.
    pub language: String,
    /// The heading of a table of contents; `None` leaves it out.
    pub contents: Option<String>,
    /// Who signs the report and how it is marked, on the cover and at the foot of every page.
    #[serde(default)]
    pub byline: Vec<String>,
    /// The paper a printed report is laid out for.
    #[serde(default)]
    pub paper: Paper,
}

/// A paper size for print: the HTML's `@page` size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in
    Letter,
}

/// A part of the report; in HTML each starts on a new printed page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// A slug (`risk-register`) that links can point at.
    pub anchor: String,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Appendices come after the body and may be set in smaller type.
    pub appendix: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A sub-heading inside a section.
    Heading(String),
    Paragraph(Vec<Span>),
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
    Table(Table),
    Callout {
        tone: Tone,
        title: String,
        body: Vec<Span>,
    },
    /// The big numbers of a summary.
    KeyFigures(Vec<KeyFigure>),
    Chart(Chart),
}

/// A run of literal text: every character is shown as written, never read as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub strong: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), strong: false }
    }

    pub fn strong(text: impl Into<String>) -> Span {
        Span { text: text.into(), strong: true }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    Info,
    Warning,
    Positive,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    pub label: String,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    /// Each row has one cell per column; a cell is a run of spans.
    pub rows: Vec<Vec<Vec<Span>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// Holds prose: given more of the width than the other columns.
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub title: String,
    /// What the chart shows, in words, for readers who cannot see it.
    pub alt: String,
    pub kind: ChartKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChartKind {
    /// Values on axes around a circle, each series a polygon.
    Spider {
        axes: Vec<String>,
        max: f64,
        series: Vec<Series>,
        /// The range left open on each axis (e.g. by unknown answers).
        band: Option<Band>,
    },
    /// A technology radar: items placed in rings (innermost first) and sectors.
    Radar {
        rings: Vec<String>,
        sectors: Vec<String>,
        items: Vec<RadarItem>,
        /// The heading of the list drawn outside the rings.
        outside_title: String,
        /// The labels of items kept outside the rings (e.g. to watch).
        outside: Vec<String>,
    },
    /// Bars over months 1..=`months`, under bands for the phases.
    Gantt {
        months: u32,
        /// Calendar names for the months; empty to number them.
        month_labels: Vec<String>,
        phases: Vec<Phase>,
        /// Only items with months are rows.
        rows: Vec<GanttRow>,
        /// The legend's names for the two kinds of bar.
        legend: GanttLegend,
    },
    /// A grid of labels. Rows run from most to least severe (top to bottom), columns from least
    /// to most likely (left to right): heat rises toward the top right.
    HeatMap {
        row_title: String,
        col_title: String,
        rows: Vec<String>,
        cols: Vec<String>,
        /// `cells[row][col]` lists the labels in that cell.
        cells: Vec<Vec<Vec<String>>>,
    },
    /// Bars per category, one per series side by side (before and after, respondents).
    Bars { max: f64, categories: Vec<String>, series: Vec<Series> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    /// One value per axis or category.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The legend's name for the band.
    pub label: String,
    pub low: Vec<f64>,
    pub high: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RadarItem {
    pub label: String,
    /// Index into `rings`.
    pub ring: usize,
    /// Index into `sectors`.
    pub sector: usize,
}

/// A span of months, 1-based and inclusive: `start: 1, end: 3` is the first quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub name: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GanttRow {
    /// Rows with the same group are drawn together under its name.
    pub group: String,
    pub label: String,
    pub start: u32,
    pub end: u32,
    pub kind: BarKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BarKind {
    Action,
    Technology,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GanttLegend {
    pub action: String,
    pub technology: String,
}

impl GanttLegend {
    pub fn name(&self, kind: BarKind) -> &str {
        match kind {
            BarKind::Action => &self.action,
            BarKind::Technology => &self.technology,
        }
    }
}
