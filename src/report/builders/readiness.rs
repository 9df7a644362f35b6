//! Readiness by dimension: the spider chart with the range unknown answers leave open, the
//! table beside it (same numbers), the levers, the responsible-AI principles, the benchmark.

use super::{Words, left, list_block, new_section, notes, num, paragraph, right, table};
use crate::document::{Band, Block, Chart, ChartKind, Section, Series};

pub(crate) fn section(w: &Words, explain: bool) -> Section {
    let t = &w.text.readiness;
    let mut blocks: Vec<Block> = intro(w).map(paragraph).into_iter().collect();
    blocks.extend([Block::Chart(spider(w)), dimension_table(w)]);
    blocks.push(Block::Heading(t.levers.to_string()));
    blocks.push(levers(w));
    blocks.push(Block::Heading(t.principles.to_string()));
    blocks.push(principles(w));
    blocks.extend(benchmark(w));
    if explain {
        blocks.push(Block::Heading(t.explain.to_string()));
        blocks.push(paragraph(t.explain_intro.to_string()));
        blocks.push(contributions(w));
    }
    new_section("readiness", &t.title, blocks)
}

/// Where this business's scores run, from its weakest dimension to its strongest.
fn intro(w: &Words) -> Option<String> {
    let dimensions = &w.a.readiness.dimensions;
    let lowest = dimensions.iter().min_by(|a, b| a.score.total_cmp(&b.score))?;
    let highest = dimensions.iter().max_by(|a, b| a.score.total_cmp(&b.score))?;
    let values = [
        ("lowest", w.dimension_prose(&lowest.id)),
        ("lowest_score", num(lowest.score)),
        ("highest", w.dimension_prose(&highest.id)),
        ("highest_score", num(highest.score)),
    ];
    w.fill(&w.text.readiness.intro, &values.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
}

fn spider(w: &Words) -> Chart {
    let t = &w.text.readiness;
    let dims = &w.a.readiness.dimensions;
    let described: Vec<String> = dims.iter().map(|d| format!("{} {}", d.name, num(d.score))).collect();
    let open = dims.iter().any(|d| d.upper > d.score);
    Chart {
        title: t.chart.to_string(),
        alt: w.fill(&t.chart_alt, &[("dimensions", &w.list(&described))]).unwrap_or_default(),
        kind: ChartKind::Spider {
            axes: dims.iter().map(|d| d.name.to_string()).collect(),
            max: 100.0,
            series: vec![Series { name: t.series.to_string(), values: dims.iter().map(|d| d.score).collect() }],
            band: open.then(|| Band {
                label: t.band.to_string(),
                low: dims.iter().map(|d| d.score).collect(),
                high: dims.iter().map(|d| d.upper).collect(),
            }),
        },
    }
}

fn dimension_table(w: &Words) -> Block {
    let t = &w.text.readiness;
    let r = &w.a.readiness;
    let rows = r
        .dimensions
        .iter()
        .map(|d| {
            let status = if r.strengths.contains(&d.id) {
                &t.strength
            } else if r.gaps.contains(&d.id) {
                &t.gap
            } else {
                &t.neither
            };
            let range = if d.upper > d.score { format!("{}–{}", num(d.score), num(d.upper)) } else { String::new() };
            let answered = (d.answered.to_string(), d.questions.to_string());
            vec![
                d.name.to_string(),
                num(d.score),
                range,
                w.fill(&t.answered_value, &[("answered", &answered.0), ("questions", &answered.1)]).unwrap_or_default(),
                status.to_string(),
            ]
        })
        .collect();
    let columns = vec![left(&t.dimension), right(&t.score), right(&t.range), right(&t.answered), left(&t.status)];
    table(None, columns, rows)
}

fn levers(w: &Words) -> Block {
    let t = &w.text.readiness;
    let items: Vec<String> =
        w.a.levers
            .iter()
            .filter_map(|l| {
                let values = [
                    ("prompt", &l.prompt[..]),
                    ("dimension", &w.dimension_name(&l.dimension)),
                    ("from", &l.from_level.to_string()),
                    ("to", &l.to_level.to_string()),
                    ("gain", &num(l.gain)),
                    // From the figures as printed, so the sentence adds up.
                    ("after", &num(((w.a.readiness.overall * 10.0).round() + (l.gain * 10.0).round()) / 10.0)),
                    ("next", &l.next),
                ];
                let text = w.fill(&t.lever, &values)?;
                let text = match super::changes::lever(w, &l.opens) {
                    Some(opens) => format!("{text} {opens}"),
                    None => text,
                };
                Some(notes::after(w, text, [&l.question[..]]))
            })
            .collect();
    list_block(items, true).unwrap_or_else(|| paragraph(t.no_levers.to_string()))
}

/// The principles in two sentences, the weak ones first: a table of six rows would say no more.
fn principles(w: &Words) -> Block {
    let t = &w.text.readiness;
    let named = |weak: bool| -> Vec<String> {
        w.a.ethics.iter().filter(|p| p.weak == weak).map(|p| format!("{} {}", p.name, num(p.score))).collect()
    };
    let weak = w.fill(&t.principles_weak, &[("principles", &w.list(&named(true)))]);
    let sound = w.fill(&t.principles_sound, &[("principles", &w.list(&named(false)))]);
    paragraph([weak, sound].into_iter().flatten().collect::<Vec<_>>().join(" "))
}

fn benchmark(w: &Words) -> Vec<Block> {
    let t = &w.text.readiness;
    let Some(b) = &w.a.benchmark else { return Vec::new() };
    let mut rows = vec![vec![t.overall.to_string(), num(b.overall_percentile)]];
    rows.extend(b.dimensions.iter().map(|d| vec![w.dimension_name(&d.dimension), num(d.percentile)]));
    vec![
        Block::Heading(t.benchmark.to_string()),
        paragraph(w.fill(&t.benchmark_intro, &[("size", &b.portfolio_size.to_string())]).unwrap_or_default()),
        table(None, vec![left(&t.dimension), right(&t.percentile)], rows),
    ]
}

fn contributions(w: &Words) -> Block {
    let t = &w.text.readiness;
    let prompt =
        |id: &str| w.a.answers.iter().find(|x| x.question == id).map_or(id.to_string(), |x| x.prompt.to_string());
    let rows =
        w.a.readiness
            .dimensions
            .iter()
            .flat_map(|d| {
                d.contributions.iter().map(move |c| {
                    let answer = w.answer(c.answer, c.max_level, c.asked);
                    vec![d.name.to_string(), prompt(&c.question), answer, num(c.weight), num(c.points)]
                })
            })
            .collect();
    let columns =
        vec![left(&t.dimension), super::wide(&t.question), left(&t.answer), right(&t.weight), right(&t.points)];
    table(None, columns, rows)
}
