//! `readiness catalog`: browsing the frameworks data as a table, Markdown or JSON.

use crate::cli::CatalogKind;
use crate::error::printable;
use crate::frameworks::{Frameworks, Text};
use crate::report::{Format, markdown_escape, markdown_header, markdown_row, new_table, to_json};

/// Rows of text, rendered as a terminal or Markdown table.
struct Grid {
    header: Vec<&'static str>,
    rows: Vec<Vec<Text>>,
}

pub fn render(fw: &Frameworks, kind: Option<CatalogKind>, format: Format, width: Option<u16>) -> String {
    match (format, kind) {
        (Format::Json, Some(kind)) => json(fw, kind),
        (Format::Json, None) => to_json(&summary(fw).rows),
        (_, kind) => {
            let grid = kind.map_or_else(|| summary(fw), |k| grid(fw, k));
            if format == Format::Markdown { markdown(&grid) } else { terminal(&grid, width) }
        }
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
    let count = |kind: &str, n: usize, what: &str| vec![Text::from(kind), n.to_string().into(), what.into()];
    Grid {
        header: vec!["Catalogue", "Entries", "What it holds"],
        rows: vec![
            count(
                "technologies",
                fw.technologies.technologies.len(),
                "technologies with windows, requirements, evidence and risks",
            ),
            count("trends", fw.trends.trends.len(), "trends in four categories, linked to technologies"),
            count("skills", fw.skills.skills.len(), "skills in three categories, with learning paths"),
            count("roadmap", fw.roadmap.phases.len(), "roadmap phases with actions and entry criteria"),
            count("models", fw.models.models.len(), "predictive models with accuracy targets"),
            count("ethics", fw.ethics.principles.len(), "ethics principles with their evidence questions"),
            count(
                "questions",
                fw.questionnaire.context.len() + fw.questionnaire.questions.len(),
                "context and readiness questions",
            ),
            count("risks", fw.risks.risks.len(), "risks with categories and mitigations"),
            count("sources", fw.sources.sources.len(), "source articles cited by the data"),
        ],
    }
}

fn grid(fw: &Frameworks, kind: CatalogKind) -> Grid {
    let join = |v: &[Text]| Text::from(v.join(", "));
    match kind {
        CatalogKind::Technologies => Grid {
            header: vec!["Id", "Technology", "Stage in marketing", "Complexity", "Prerequisites", "Summary"],
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
            header: vec!["Category", "Trend", "Description", "Technologies"],
            rows: fw
                .trends
                .trends
                .iter()
                .map(|t| vec![t.category.clone(), t.name.clone(), t.description.clone(), join(&t.technologies)])
                .collect(),
        },
        CatalogKind::Skills => Grid {
            header: vec!["Category", "Id", "Skill", "Description"],
            rows: fw
                .skills
                .skills
                .iter()
                .map(|s| vec![s.category.clone(), s.id.clone(), s.name.clone(), s.description.clone()])
                .collect(),
        },
        CatalogKind::Roadmap => Grid {
            header: vec!["Phase", "Months", "Action", "Applies for gaps in"],
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
            header: vec!["Model", "Algorithms", "Features", "Output", "Accuracy target"],
            rows: fw
                .models
                .models
                .iter()
                .map(|m| {
                    vec![
                        m.name.clone(),
                        join(&m.algorithms),
                        join(&m.features),
                        m.output.clone(),
                        format!(">{}%", m.accuracy_target).into(),
                    ]
                })
                .collect(),
        },
        CatalogKind::Ethics => Grid {
            header: vec!["Principle", "Description", "Evidence questions", "Risks when weak"],
            rows: fw
                .ethics
                .principles
                .iter()
                .map(|p| vec![p.name.clone(), p.description.clone(), join(&p.questions), join(&p.risks)])
                .collect(),
        },
        CatalogKind::Questions => {
            Grid {
                header: vec!["Id", "Dimension", "Weight", "Question"],
                rows: fw
                    .questionnaire
                    .context
                    .iter()
                    .map(|q| vec![q.id.clone(), "context".into(), "-".into(), q.prompt.clone()])
                    .chain(fw.questionnaire.questions.iter().map(|q| {
                        vec![q.id.clone(), q.dimension.clone(), q.weight.to_string().into(), q.prompt.clone()]
                    }))
                    .collect(),
            }
        }
        CatalogKind::Risks => Grid {
            header: vec!["Id", "Category", "Severity", "Risk", "Mitigation"],
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
            header: vec!["Id", "Title", "Author", "Date"],
            rows: fw
                .sources
                .sources
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.title.clone(),
                        s.author.clone().unwrap_or_default(),
                        s.date.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    }
}

fn terminal(grid: &Grid, width: Option<u16>) -> String {
    let mut table = new_table(&grid.header, width);
    for row in &grid.rows {
        table.add_row(row.clone());
    }
    printable(&format!("{table}\n"))
}

fn markdown(grid: &Grid) -> String {
    let mut out = String::new();
    markdown_header(&mut out, &grid.header);
    for row in &grid.rows {
        markdown_row(&mut out, &row.iter().map(|c| markdown_escape(c)).collect::<Vec<_>>());
    }
    out
}
