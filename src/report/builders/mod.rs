//! The assessment as a document: the one place that decides what the report says, in what
//! order, with which words (from `frameworks/report.toml` and the names in the frameworks,
//! looked up when the document is built). The backends in `crate::document` only lay it out.

mod appendix;
mod business_case;
mod catalog;
mod changes;
mod compare;
mod glossary;
mod methodology;
mod notes;
mod outlook;
mod portfolio;
mod readiness;
mod risks;
mod roadmap;
mod skills;
mod summary;
mod technologies;
mod workshop;

use super::{Part, View};
use crate::answers::Answer;
use crate::assessment::{Assessment, TechnologyAssessment};
use crate::date::Date;
use crate::document::{Block, Column, Document, Meta, Section, Span, Table};
use crate::frameworks::{Frameworks, ReportText, Ring, Text};
use crate::words::{fill, list, lower_first};
use glossary::Glossary;

pub use catalog::document as catalog_document;
pub use compare::document as compare_document;
pub use portfolio::document as portfolio_document;

/// The first things to do, as the summary's first page lists them (at most three).
pub fn priorities(a: &Assessment, fw: &Frameworks) -> Vec<String> {
    let g = glossary::of(fw, &a.business);
    summary::priorities(&Words::of(a, fw, &g))
}

/// The report document for a view of an assessment, in the words of `fw`.
pub fn document(a: &Assessment, fw: &Frameworks, view: &View) -> Document {
    let g = glossary::of(fw, &a.business);
    let w = Words::of(a, fw, &g);
    let mut sections = vec![summary::section(&w)];
    let parts: [(Part, SectionBuilder); 5] = [
        (Part::Readiness, readiness::section),
        (Part::Technologies, technologies::section),
        (Part::Timeline, roadmap::section),
        (Part::Risk, risks::section),
        (Part::Skills, skills::section),
    ];
    for (part, build) in parts {
        if view.shows(part) {
            sections.push(build(&w, view.explain));
            // The respondents' views follow the readiness they combine to.
            if part == Part::Readiness {
                sections.extend(workshop::section(&w));
            }
            // What the plan costs and returns follows the plan.
            if part == Part::Timeline {
                sections.extend(business_case::section(&w));
            }
        }
    }
    sections.extend(appendix::sections(&w, view.shows(Part::Technologies), view.shows(Part::Skills)));
    let company = w.company();
    let document = Document {
        title: w.fill(&w.text.title, &[("company", &company)]).unwrap_or_default(),
        meta: Meta {
            client: company,
            date: w.date(a.as_of),
            headline: summary::headline(&w),
            generator: a.generator.to_string(),
            language: w.text.language.to_string(),
            contents: Some(w.text.contents.to_string()),
            byline: Vec::new(),
            paper: crate::document::Paper::A4,
        },
        cover: summary::cover(&w),
        sections,
    };
    super::deliverable::apply(document, a, &fw.report.deliverable, &fw.report.months, &view.deliverable)
}

/// Builds one section of the report; the flag asks for the answers and weights behind scores.
type SectionBuilder = fn(&Words, bool) -> Section;

/// The assessment with its wording: lookups and sentence-making shared by every section.
pub(crate) struct Words<'a> {
    pub a: &'a Assessment,
    pub text: &'a ReportText,
    pub g: &'a Glossary,
    fw: &'a Frameworks,
}

impl<'a> Words<'a> {
    fn of(a: &'a Assessment, fw: &'a Frameworks, g: &'a Glossary) -> Words<'a> {
        Words { a, text: &fw.report, g, fw }
    }

    /// The methodology paragraphs as applied, for the appendix.
    pub fn methodology(&self) -> Vec<Text> {
        methodology::paragraphs(self.fw)
    }

    /// A template filled, or `None` when a value it needs is missing.
    pub(crate) fn fill(&self, template: &Text, values: &[(&str, &str)]) -> Option<String> {
        fill(template, values)
    }

    /// "a, b and c", or `none` for an empty list.
    pub(crate) fn list(&self, items: &[impl AsRef<str>]) -> String {
        list(items, &self.text.and)
    }

    pub(crate) fn company(&self) -> String {
        let name = self.a.company.trim();
        if name.is_empty() { self.text.unnamed_company.to_string() } else { name.to_string() }
    }

    pub(crate) fn date(&self, d: Date) -> String {
        date_in(self.text, d)
    }

    pub(crate) fn technology(&self, id: &str) -> Option<&'a TechnologyAssessment> {
        self.a.technologies.iter().find(|t| t.id == id)
    }

    pub(crate) fn technology_name(&self, id: &str) -> String {
        self.technology(id).map_or_else(|| id.to_string(), |t| t.name.to_string())
    }

    pub(crate) fn technology_names(&self, ids: &[Text]) -> String {
        self.list(&ids.iter().map(|id| self.technology_name(id)).collect::<Vec<_>>())
    }

    pub(crate) fn dimension_name(&self, id: &str) -> String {
        let d = self.a.readiness.dimensions.iter().find(|d| d.id == id);
        d.map_or_else(|| id.to_string(), |d| d.name.to_string())
    }

    /// A dimension's name inside a sentence: "the gap in data foundation".
    pub(crate) fn dimension_prose(&self, id: &str) -> String {
        lower_first(&self.dimension_name(id))
    }

    pub(crate) fn dimension_score(&self, id: &str) -> f64 {
        self.a.readiness.dimensions.iter().find(|d| d.id == id).map_or(0.0, |d| d.score)
    }

    pub(crate) fn goal(&self, id: &str) -> String {
        self.g.goals.get(id).map_or_else(|| id.to_string(), |g| lower_first(g))
    }

    /// The stated goals a technology serves, best first, as a sentence names them.
    pub(crate) fn goals_served(&self, t: &TechnologyAssessment) -> Vec<String> {
        t.roi_potential.goals_served.iter().map(|g| self.goal(g)).collect()
    }

    pub(crate) fn ring(&self, ring: Ring) -> String {
        self.g.rings.get(&ring).map_or_else(|| ring.id().to_string(), |r| r.name.to_string())
    }

    /// A severity in the report's words ("critical").
    pub(crate) fn severity(&self, severity: crate::frameworks::Severity) -> String {
        use crate::frameworks::Severity;
        let words = &self.text.severities;
        match severity {
            Severity::Low => &words.low,
            Severity::Medium => &words.medium,
            Severity::High => &words.high,
            Severity::Critical => &words.critical,
        }
        .to_string()
    }

    /// A cost band in the report's words.
    pub(crate) fn cost(&self, cost: crate::frameworks::Cost) -> String {
        use crate::frameworks::Cost;
        let words = &self.text.costs;
        match cost {
            Cost::Low => &words.low,
            Cost::Medium => &words.medium,
            Cost::High => &words.high,
        }
        .to_string()
    }

    /// The action's title as this plan has it (the version for the business's size), else as
    /// the roadmap gives it.
    pub(crate) fn action_title(&self, id: &str) -> String {
        let planned = self.a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id).map(|x| &x.title);
        planned.or_else(|| self.g.actions.get(id)).map_or_else(|| id.to_string(), |t| t.to_string())
    }

    /// "months 1–3", or "month 4" for one month.
    pub(crate) fn months(&self, first: u32, last: u32) -> String {
        let (f, l) = (first.to_string(), last.to_string());
        if first == last {
            self.fill(&self.text.month_single, &[("month", &f)]).unwrap_or_default()
        } else {
            self.fill(&self.text.month_range, &[("first", &f), ("last", &l)]).unwrap_or_default()
        }
    }

    /// An answer as "3 / 4", or "don't know" / "not asked".
    pub(crate) fn answer(&self, answer: Answer, top: u8, asked: bool) -> String {
        match answer {
            Answer::DontKnow if !asked => self.text.not_asked.to_string(),
            Answer::DontKnow => self.text.dont_know.to_string(),
            known => format!("{} / {top}", num(known.level().unwrap_or(0.0))),
        }
    }

    /// "Pilot, months 3–5": a technology's ring and months, or its ring alone without months.
    pub(crate) fn ring_months(&self, t: &TechnologyAssessment) -> String {
        let ring = self.ring(t.adoption_timeline.ring);
        self.fill(&self.text.technologies.ring_months, &[("ring", &ring), ("months", &self.tech_months(t))])
            .unwrap_or(ring)
    }

    /// When a technology starts and ends, if it has months.
    pub(crate) fn tech_months(&self, t: &TechnologyAssessment) -> String {
        match (t.adoption_timeline.start_month, t.adoption_timeline.end_month) {
            (Some(first), Some(last)) => self.months(first, last),
            _ => String::new(),
        }
    }

    /// The scheduled months of a roadmap action, if it is in the plan.
    pub(crate) fn action_months(&self, id: &str) -> Option<String> {
        let planned = self.a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id)?;
        Some(self.months(planned.months[0], planned.months[1]))
    }
}

/// A date as the report's wording writes it ("25 November 2026").
pub(crate) fn date_in(text: &ReportText, d: Date) -> String {
    let month = text.months.get(d.month as usize - 1).map_or("", |m| m.as_str());
    let values = [("day", &d.day.to_string()[..]), ("month", month), ("year", &d.year.to_string()[..])];
    fill(&text.date, &values).unwrap_or_else(|| d.to_string())
}

/// A date given to the month only ("2025-03") as the report's wording writes it ("March 2025").
pub(crate) fn month_year_in(text: &ReportText, given: &str) -> Option<String> {
    let d: Date = format!("{given}-01").parse().ok()?;
    let month = text.months.get(d.month as usize - 1)?;
    fill(&text.month_year, &[("month", month), ("year", &d.year.to_string())])
}

/// A figure as every view shows it: rounded once, here.
pub fn num(x: f64) -> String {
    crate::document::number(x)
}

pub(crate) fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

/// A paragraph of the sentences that could be formed, if any.
pub(crate) fn sentences(parts: impl IntoIterator<Item = Option<String>>) -> Option<Block> {
    let text: Vec<String> = parts.into_iter().flatten().collect();
    (!text.is_empty()).then(|| paragraph(text.join(" ")))
}

pub(crate) fn list_block(items: Vec<String>, ordered: bool) -> Option<Block> {
    (!items.is_empty())
        .then(|| Block::List { ordered, items: items.into_iter().map(|i| vec![Span::plain(i)]).collect() })
}

/// A table with plain-text cells; the first of `wide` columns takes the spare width.
pub(crate) fn table(caption: Option<String>, columns: Vec<Column>, rows: Vec<Vec<String>>) -> Block {
    let rows = rows.into_iter().map(|r| r.into_iter().map(|c| vec![Span::plain(c)]).collect()).collect();
    Block::Table(Table { caption, columns, rows })
}

pub(crate) fn left(header: &str) -> Column {
    Column { header: header.to_string(), align: crate::document::Align::Left, wide: false }
}

pub(crate) fn wide(header: &str) -> Column {
    Column { header: header.to_string(), align: crate::document::Align::Left, wide: true }
}

pub(crate) fn right(header: &str) -> Column {
    Column { header: header.to_string(), align: crate::document::Align::Right, wide: false }
}

/// The meta of a document without a cover, contents or signature (a comparison, a portfolio
/// summary, a catalogue), on A4 paper.
pub(crate) fn plain_meta(text: &ReportText, client: String, date: String, headline: String, generator: String) -> Meta {
    Meta {
        client,
        date,
        headline,
        generator,
        language: text.language.to_string(),
        contents: None,
        byline: Vec::new(),
        paper: crate::document::Paper::A4,
    }
}

pub(crate) fn new_section(anchor: &str, title: &str, blocks: Vec<Block>) -> Section {
    Section { anchor: anchor.to_string(), title: title.to_string(), blocks, appendix: false }
}
