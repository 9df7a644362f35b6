//! The portfolio summary of `readiness batch` as a document: how many files were scored, the
//! spread of every score (a spider chart of the dimension medians and the table of the same
//! numbers), the count per tier, and the files that could not be scored.

use super::{date_in, left, list_block, new_section, num, paragraph, plain_meta, right, table, wide};
use crate::date::Date;
use crate::document::{Band, Block, Chart, ChartKind, Document, Series};
use crate::frameworks::{ContextKind, Frameworks, PortfolioText};
use crate::portfolio::{Distribution, Measure, Summary};
use crate::words::{fill, list};
use std::path::PathBuf;

/// The summary of a portfolio scored as of `as_of`; `failed` are the files that could not be.
pub fn document(fw: &Frameworks, summary: &Summary, failed: &[PathBuf], as_of: Date) -> Document {
    let text = &fw.report;
    let t = &text.portfolio;
    let headline = summary
        .distribution(Measure::Overall)
        .and_then(|d| fill(&t.headline, &[("median", &num(d.median)), ("q1", &num(d.q1)), ("q3", &num(d.q3))]))
        .unwrap_or_default();
    let (scored, files) = (summary.count().to_string(), (summary.count() + failed.len()).to_string());
    let mut blocks: Vec<Block> =
        fill(&t.scored, &[("scored", &scored), ("files", &files)]).map(paragraph).into_iter().collect();
    blocks.extend(chart(fw, summary));
    blocks.push(scores(fw, summary));
    blocks.extend([Block::Heading(t.tiers.to_string()), tiers(fw, summary)]);
    blocks.extend(context(fw, summary));
    if !failed.is_empty() {
        let names = failed.iter().map(|path| path.display().to_string()).collect();
        blocks.extend([Block::Heading(t.failed.to_string()), paragraph(t.failed_intro.to_string())]);
        blocks.extend(list_block(names, false));
    }
    // One section: in print each section starts a page, and the summary is short.
    let sections = vec![new_section("portfolio", &t.scores, blocks)];
    Document {
        title: t.title.to_string(),
        meta: plain_meta(
            text,
            t.client.to_string(),
            date_in(text, as_of),
            headline,
            format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        ),
        cover: Vec::new(),
        sections,
    }
}

/// The dimensions scored, in the questionnaire's order, by name.
fn dimensions<'a>(fw: &'a Frameworks, summary: &Summary) -> Vec<(&'a str, Distribution)> {
    let dimensions = &fw.questionnaire.dimensions;
    dimensions
        .iter()
        .filter_map(|d| Some((d.name.as_str(), summary.distribution(Measure::Dimension(&d.id))?)))
        .collect()
}

/// The median of each dimension with the middle half of the portfolio around it; a spider
/// needs three axes to enclose anything, so fewer draw no chart.
fn chart(fw: &Frameworks, summary: &Summary) -> Option<Block> {
    let t = &fw.report.portfolio;
    let dimensions = dimensions(fw, summary);
    if dimensions.len() < 3 {
        return None;
    }
    let described: Vec<String> = dimensions
        .iter()
        .filter_map(|(name, d)| {
            fill(
                &t.chart_value,
                &[("dimension", name), ("median", &num(d.median)), ("q1", &num(d.q1)), ("q3", &num(d.q3))],
            )
        })
        .collect();
    let values = |of: fn(&Distribution) -> f64| dimensions.iter().map(|(_, d)| of(d)).collect();
    Some(Block::Chart(Chart {
        title: t.chart.to_string(),
        alt: fill(&t.chart_alt, &[("dimensions", &list(&described, &fw.report.and))]).unwrap_or_default(),
        kind: ChartKind::Spider {
            axes: dimensions.iter().map(|(name, _)| name.to_string()).collect(),
            max: 100.0,
            series: vec![Series { name: t.median.to_string(), values: values(|d| d.median) }],
            band: Some(Band { label: t.band.to_string(), low: values(|d| d.q1), high: values(|d| d.q3) }),
        },
    }))
}

/// Overall readiness, completeness and every dimension.
fn scores(fw: &Frameworks, summary: &Summary) -> Block {
    let t = &fw.report.portfolio;
    let mut rows: Vec<(String, Distribution)> = Vec::new();
    rows.extend(summary.distribution(Measure::Overall).map(|d| (t.overall.to_string(), d)));
    rows.extend(summary.distribution(Measure::Confidence).map(|d| (t.confidence.to_string(), d)));
    rows.extend(dimensions(fw, summary).into_iter().map(|(name, d)| (name.to_string(), d)));
    distribution_table(t, &t.score, rows)
}

/// The context questions answered with a number (team size, say), by their prompt.
fn context(fw: &Frameworks, summary: &Summary) -> Vec<Block> {
    let t = &fw.report.portfolio;
    let rows: Vec<(String, Distribution)> = fw
        .questionnaire
        .context
        .iter()
        .filter(|q| matches!(q.kind, ContextKind::Number))
        .filter_map(|q| Some((q.prompt.to_string(), summary.distribution(Measure::Context(&q.id))?)))
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![Block::Heading(t.context.to_string()), distribution_table(t, &t.question, rows)]
}

fn distribution_table(t: &PortfolioText, first: &str, rows: Vec<(String, Distribution)>) -> Block {
    let columns = [&t.min, &t.q1, &t.median, &t.q3, &t.max, &t.mean].map(|h| right(h));
    let rows = rows
        .into_iter()
        .map(|(label, d)| [label].into_iter().chain([d.min, d.q1, d.median, d.q3, d.max, d.mean].map(num)).collect())
        .collect();
    table(None, [wide(first)].into_iter().chain(columns).collect(), rows)
}

/// Every tier, lowest first, with how many assessments are in it.
fn tiers(fw: &Frameworks, summary: &Summary) -> Block {
    let t = &fw.report.portfolio;
    let share = |n: usize| num(100.0 * n as f64 / summary.count().max(1) as f64);
    let rows = fw
        .scoring
        .tiers
        .iter()
        .map(|tier| {
            let n = summary.in_tier(&tier.id);
            vec![tier.name.to_string(), n.to_string(), share(n)]
        })
        .collect();
    table(None, vec![left(&t.tier), right(&t.assessments), right(&t.share)], rows)
}
