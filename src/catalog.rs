//! `readiness catalog`: browsing the frameworks data as a table in any view, or as JSON.

use crate::cli::CatalogKind;
use crate::document::{Align, Block, Column, Document, Meta, Section, Span, Table};
use crate::frameworks::{Frameworks, Text};
use crate::report::{Format, to_json};

/// Rows of text under their headers.
struct Grid {
    header: Vec<Text>,
    rows: Vec<Vec<Text>>,
}

pub(crate) fn render(
    fw: &Frameworks,
    kind: Option<CatalogKind>,
    format: Format,
    width: Option<u16>,
    colour: bool,
) -> String {
    use crate::document::{html, markdown, terminal};
    if format == Format::Json {
        return kind.map_or_else(|| to_json(&summary(fw).rows), |k| json(fw, k));
    }
    let grid = kind.map_or_else(|| summary(fw), |k| grid(fw, k));
    let document = document(fw, &grid);
    match format {
        Format::Markdown => markdown::render(&document),
        Format::Html => html::render(&document),
        _ => terminal::render(&document, terminal::Options { width, colour }),
    }
}

/// One section holding the grid as a table; the last column, the widest text, takes the room.
fn document(fw: &Frameworks, grid: &Grid) -> Document {
    let text = &fw.report;
    let last = grid.header.len().saturating_sub(1);
    let columns = grid
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| Column { header: h.to_string(), align: Align::Left, wide: i == last })
        .collect();
    let rows = grid.rows.iter().map(|r| r.iter().map(|c| vec![Span::plain(c.to_string())]).collect()).collect();
    let title = text.catalog.title.to_string();
    Document {
        title: title.clone(),
        meta: Meta {
            client: String::new(),
            date: String::new(),
            headline: String::new(),
            generator: String::new(),
            language: text.language.to_string(),
            contents: None,
            byline: Vec::new(),
            paper: crate::document::Paper::A4,
        },
        cover: Vec::new(),
        sections: vec![Section {
            anchor: "catalog".into(),
            title,
            blocks: vec![Block::Table(Table { caption: None, columns, rows })],
            appendix: false,
        }],
    }
}

fn json(fw: &Frameworks, kind: CatalogKind) -> String {
    match kind {
        CatalogKind::Technologies => to_json(&fw.technologies.technologies),
        CatalogKind::Trends => to_json(&fw.trends),
        CatalogKind::Skills => to_json(&fw.skills),
        CatalogKind::Roadmap => to_json(&fw.roadmap.phases),
        CatalogKind::Models => to_json(&fw.models.models),
        CatalogKind::Ethics => to_json(&fw.ethics.principles),
        CatalogKind::Questions => to_json(&fw.questionnaire),
        CatalogKind::Risks => to_json(&fw.risks),
        CatalogKind::Sources => to_json(&fw.sources.sources),
    }
}

fn summary(fw: &Frameworks) -> Grid {
    let c = &fw.report.catalog;
    let h = &c.holds;
    let count = |kind: &str, n: usize, what: &Text| vec![Text::from(kind), n.to_string().into(), what.clone()];
    let q = &fw.questionnaire;
    Grid {
        header: vec![c.catalogue.clone(), c.entries.clone(), c.contents.clone()],
        rows: vec![
            count("technologies", fw.technologies.technologies.len(), &h.technologies),
            count("trends", fw.trends.trends.len(), &h.trends),
            count("skills", fw.skills.skills.len(), &h.skills),
            count("roadmap", fw.roadmap.phases.len(), &h.roadmap),
            count("models", fw.models.models.len(), &h.models),
            count("ethics", fw.ethics.principles.len(), &h.ethics),
            count("questions", q.context.len() + q.questions.len(), &h.questions),
            count("risks", fw.risks.risks.len(), &h.risks),
            count("sources", fw.sources.sources.len(), &h.sources),
        ],
    }
}

fn grid(fw: &Frameworks, kind: CatalogKind) -> Grid {
    let c = &fw.report.catalog;
    let join = |v: &[Text]| Text::from(v.join(", "));
    match kind {
        CatalogKind::Technologies => Grid {
            header: c.technologies.clone(),
            rows: fw
                .technologies
                .technologies
                .iter()
                .map(|t| {
                    vec![
                        t.id.clone(),
                        t.name.clone(),
                        format!("{} (judged {})", t.stage.stage, t.stage.judged).into(),
                        t.complexity.to_string().into(),
                        join(&t.prerequisites),
                        t.summary.clone(),
                    ]
                })
                .collect(),
        },
        CatalogKind::Trends => Grid {
            header: c.trends.clone(),
            rows: fw
                .trends
                .trends
                .iter()
                .map(|t| vec![t.category.clone(), t.name.clone(), t.description.clone(), join(&t.technologies)])
                .collect(),
        },
        CatalogKind::Skills => Grid {
            header: c.skills.clone(),
            rows: fw
                .skills
                .skills
                .iter()
                .map(|s| vec![s.category.clone(), s.id.clone(), s.name.clone(), s.description.clone()])
                .collect(),
        },
        CatalogKind::Roadmap => Grid {
            header: c.roadmap.clone(),
            rows: fw
                .roadmap
                .phases
                .iter()
                .flat_map(|p| {
                    p.actions.iter().map(move |a| {
                        vec![
                            p.name.clone(),
                            format!("{}-{}", p.months[0], p.months[1]).into(),
                            format!("{}: {}", a.title, a.description).into(),
                            a.for_gaps.join(", ").into(),
                        ]
                    })
                })
                .collect(),
        },
        CatalogKind::Models => Grid {
            header: c.models.clone(),
            rows: fw
                .models
                .models
                .iter()
                .map(|m| {
                    vec![m.name.clone(), join(&m.algorithms), join(&m.features), m.output.clone(), m.metric.clone()]
                })
                .collect(),
        },
        CatalogKind::Ethics => Grid {
            header: c.ethics.clone(),
            rows: fw
                .ethics
                .principles
                .iter()
                .map(|p| vec![p.name.clone(), p.description.clone(), join(&p.questions), join(&p.risks)])
                .collect(),
        },
        CatalogKind::Questions => {
            Grid {
                header: c.questions.clone(),
                rows: fw
                    .questionnaire
                    .context
                    .iter()
                    .map(|q| vec![q.id.clone(), c.context.clone(), Text::default(), q.prompt.clone()])
                    .chain(fw.questionnaire.questions.iter().map(|q| {
                        vec![q.id.clone(), q.dimension.clone(), q.weight.to_string().into(), q.prompt.clone()]
                    }))
                    .collect(),
            }
        }
        CatalogKind::Risks => Grid {
            header: c.risks.clone(),
            rows: fw
                .risks
                .risks
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.category.clone(),
                        r.severity.to_string().into(),
                        r.title.clone(),
                        r.mitigation.clone(),
                    ]
                })
                .collect(),
        },
        CatalogKind::Sources => Grid {
            header: c.sources.clone(),
            rows: fw
                .sources
                .sources
                .iter()
                .map(|s| {
                    let by = [&s.author, &s.publisher].into_iter().flatten().map(Text::as_str).collect::<Vec<_>>();
                    vec![
                        s.id.clone(),
                        s.kind.id().into(),
                        s.title.clone(),
                        by.join("; ").into(),
                        s.date.clone().unwrap_or_default(),
                        s.address.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    }
}
