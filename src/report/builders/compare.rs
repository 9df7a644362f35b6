//! The comparison of two assessments as a document: the overall move, dimensions before and
//! after (a chart and the table of the same numbers), technologies that moved, risks, skills
//! gaps and levers acted on.

use super::{date_in, left, list_block, new_section, num, paragraph, plain_meta, right, table};
use crate::answers::Answer;
use crate::compare::Comparison;
use crate::document::{Block, Chart, ChartKind, Document, Series};
use crate::frameworks::{Frameworks, ReportText, Ring};
use crate::words::{fill, list};

pub fn document(c: &Comparison, fw: &Frameworks) -> Document {
    let text = &fw.report;
    let t = &text.compare;
    let company = c.new.company.to_string();
    let date = |d| date_in(text, d);
    let intro = fill(
        &t.intro,
        &[
            ("old_date", &date(c.old.as_of)),
            ("new_date", &date(c.new.as_of)),
            ("old", &num(c.old.overall)),
            ("new", &num(c.new.overall)),
            ("delta", &signed(c.overall_delta)),
            ("old_tier", &c.old.tier),
            ("new_tier", &c.new.tier),
        ],
    )
    .unwrap_or_default();
    // The overall move is the headline; the section goes straight to the dimensions.
    let blocks = vec![Block::Chart(chart(c, text)), dimensions(c, text)];
    let mut sections = vec![new_section("dimensions", &t.dimensions, blocks)];
    sections.push(new_section("technologies", &t.technologies, technologies(c, fw)));
    sections.push(new_section("risks", &t.risks, risks(c, text)));
    sections.push(new_section("skills", &t.skills, vec![skills(c, text)]));
    sections.push(new_section("levers", &t.levers, vec![levers(c, text)]));
    Document {
        title: fill(&t.title, &[("company", &company)]).unwrap_or_default(),
        meta: plain_meta(text, company, date(c.new.as_of), intro, String::new()),
        cover: Vec::new(),
        sections,
    }
}

fn signed(x: f64) -> String {
    let shown = num(x);
    if shown.starts_with('-') || shown == "0" { shown } else { format!("+{shown}") }
}

fn chart(c: &Comparison, text: &ReportText) -> Chart {
    let t = &text.compare;
    let described: Vec<String> =
        c.dimensions.iter().map(|d| format!("{} {} → {}", d.name, num(d.old), num(d.new))).collect();
    Chart {
        title: t.chart.to_string(),
        alt: fill(&t.chart_alt, &[("dimensions", &list(&described, &text.and))]).unwrap_or_default(),
        kind: ChartKind::Bars {
            max: 100.0,
            categories: c.dimensions.iter().map(|d| d.name.to_string()).collect(),
            series: vec![
                Series { name: t.before.to_string(), values: c.dimensions.iter().map(|d| d.old).collect() },
                Series { name: t.after.to_string(), values: c.dimensions.iter().map(|d| d.new).collect() },
            ],
        },
    }
}

fn dimensions(c: &Comparison, text: &ReportText) -> Block {
    let t = &text.compare;
    let rows = c.dimensions.iter().map(|d| vec![d.name.to_string(), num(d.old), num(d.new), signed(d.delta)]).collect();
    table(None, vec![left(&t.dimension), right(&t.before), right(&t.after), right(&t.change)], rows)
}

fn technologies(c: &Comparison, fw: &Frameworks) -> Vec<Block> {
    let t = &fw.report.compare;
    if c.technologies.is_empty() {
        return vec![paragraph(t.none_moved.to_string())];
    }
    let ring = |r: Ring| fw.ring(r).name.to_string();
    let month = |m: Option<u32>| m.map_or(String::new(), |m| m.to_string());
    let rows = c
        .technologies
        .iter()
        .map(|x| {
            vec![
                x.name.to_string(),
                ring(x.old_ring),
                ring(x.new_ring),
                month(x.old_start_month),
                month(x.new_start_month),
            ]
        })
        .collect();
    let columns = vec![
        left(&t.technology),
        left(&t.ring_before),
        left(&t.ring_after),
        right(&t.start_before),
        right(&t.start_after),
    ];
    vec![table(None, columns, rows)]
}

fn risks(c: &Comparison, text: &ReportText) -> Vec<Block> {
    let t = &text.compare;
    let names = |items: &[crate::assessment::IdName]| {
        list(&items.iter().map(|r| r.name.to_string()).collect::<Vec<_>>(), &text.and)
    };
    let mut items: Vec<String> = Vec::new();
    items.extend(fill(&t.opened, &[("risks", &names(&c.risks_opened))]));
    items.extend(fill(&t.closed, &[("risks", &names(&c.risks_closed))]));
    items.extend(c.risks_changed.iter().filter_map(|r| {
        let template = if r.delta < 0.0 { &t.less_exposed } else { &t.more_exposed };
        fill(template, &[("risk", &r.name), ("old", &num(r.old)), ("new", &num(r.new))])
    }));
    vec![list_block(items, false).unwrap_or_else(|| paragraph(t.no_risk_change.to_string()))]
}

fn skills(c: &Comparison, text: &ReportText) -> Block {
    let t = &text.compare;
    let items = c
        .skills
        .iter()
        .filter_map(|s| {
            let template = if s.delta < 0.0 { &t.narrowed } else { &t.widened };
            fill(template, &[("skill", &s.name), ("old", &num(s.old)), ("new", &num(s.new))])
        })
        .collect();
    list_block(items, false).unwrap_or_else(|| paragraph(t.no_skill_change.to_string()))
}

fn levers(c: &Comparison, text: &ReportText) -> Block {
    let t = &text.compare;
    let items = c
        .levers_acted_on
        .iter()
        .filter(|l| matches!(l.new_answer, Answer::Level(_)))
        .filter_map(|l| fill(&t.lever, &[("prompt", &l.prompt), ("level", &l.old_level.to_string())]))
        .collect();
    list_block(items, false).unwrap_or_else(|| paragraph(t.no_levers.to_string()))
}
