//! The workshop, when several respondents were combined: each one's readiness beside the others'
//! and the combined (a spider chart and the table of the same numbers), and the disagreements to
//! discuss in the room with who said what and why. Every other difference is shown where its
//! question is answered, in the answers appendix, to keep the printed section short.

use super::{Words, left, new_section, notes, num, paragraph, right, sentences, table};
use crate::assessment::{QuestionSpread, RespondentAnswer, Workshop, WorkshopRespondent};
use crate::document::{Band, Block, Chart, ChartKind, Section, Series, Span};

/// The section, or `None` for one respondent's assessment.
pub(crate) fn section(w: &Words) -> Option<Section> {
    let ws = w.a.workshop.as_ref().filter(|ws| ws.respondents.len() > 1)?;
    let t = &w.text.workshop;
    let mut blocks: Vec<Block> = sentences([intro(w, ws), overall(w, ws)]).into_iter().collect();
    blocks.push(Block::Chart(chart(w, ws)));
    blocks.push(scores(w, ws));
    blocks.push(Block::Heading(t.discuss.to_string()));
    blocks.extend(discuss(w, ws));
    Some(new_section("workshop", &t.title, blocks))
}

/// "Maya Patel (Marketing lead)", or the name alone.
fn label(w: &Words, r: &WorkshopRespondent) -> String {
    let role = r.role.as_deref().unwrap_or_default();
    w.fill(&w.text.workshop.respondent, &[("name", &r.name), ("role", role)]).unwrap_or_else(|| r.name.to_string())
}

/// For the executive summary: who answered, and the disagreement worth most points.
pub(crate) fn summary(w: &Words) -> Option<String> {
    let ws = w.a.workshop.as_ref().filter(|ws| ws.respondents.len() > 1)?;
    let t = &w.text.workshop;
    let names: Vec<String> = ws.respondents.iter().map(|r| r.name.to_string()).collect();
    let values = [("count", ws.respondents.len().to_string()), ("respondents", w.list(&names))];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match ws.discuss.first() {
        Some(q) => {
            let more = [("question", q.prompt.trim_end_matches('?')), ("points", &num(q.points))];
            w.fill(&t.summary, &[&values[..], &more[..]].concat())
        }
        None => w.fill(&t.summary_agreed, &values),
    }
}

fn intro(w: &Words, ws: &Workshop) -> Option<String> {
    let who: Vec<String> = ws.respondents.iter().map(|r| label(w, r)).collect();
    let count = ws.respondents.len().to_string();
    w.fill(&w.text.workshop.intro, &[("count", &count), ("respondents", &w.list(&who))])
}

/// The combined overall and the respondents' range around it.
fn overall(w: &Words, ws: &Workshop) -> Option<String> {
    let by_overall = |a: &&WorkshopRespondent, b: &&WorkshopRespondent| a.overall.total_cmp(&b.overall);
    let lowest = ws.respondents.iter().min_by(by_overall)?;
    let highest = ws.respondents.iter().max_by(by_overall)?;
    let values = [
        ("overall", &num(w.a.readiness.overall)[..]),
        ("low", &num(lowest.overall)),
        ("lowest", &lowest.name),
        ("high", &num(highest.overall)),
        ("highest", &highest.name),
    ];
    w.fill(&w.text.workshop.overall, &values)
}

/// A respondent's score on a dimension of the combined assessment.
fn score_on(r: &WorkshopRespondent, dimension: &str) -> f64 {
    r.dimensions.iter().find(|d| d.id == dimension).map_or(0.0, |d| d.score)
}

/// The combined scores first (their values label the axes), then each respondent's, with the
/// band between the lowest and the highest respondent on each dimension.
fn chart(w: &Words, ws: &Workshop) -> Chart {
    let t = &w.text.workshop;
    let dims = &w.a.readiness.dimensions;
    let own = |r: &WorkshopRespondent| dims.iter().map(|d| score_on(r, &d.id)).collect::<Vec<f64>>();
    let mut series = vec![Series { name: t.combined.to_string(), values: dims.iter().map(|d| d.score).collect() }];
    series.extend(ws.respondents.iter().map(|r| Series { name: r.name.to_string(), values: own(r) }));
    let across = |pick: fn(f64, f64) -> f64| {
        dims.iter().map(|d| ws.respondents.iter().map(|r| score_on(r, &d.id)).reduce(pick).unwrap_or(0.0)).collect()
    };
    let names: Vec<&str> = ws.respondents.iter().map(|r| r.name.as_ref()).collect();
    Chart {
        title: t.chart.to_string(),
        alt: w.fill(&t.chart_alt, &[("respondents", &w.list(&names))]).unwrap_or_default(),
        kind: ChartKind::Spider {
            axes: dims.iter().map(|d| d.name.to_string()).collect(),
            max: 100.0,
            series,
            band: Some(Band { label: t.band.to_string(), low: across(f64::min), high: across(f64::max) }),
        },
    }
}

/// The chart's numbers as a table: overall and each dimension, per respondent and combined,
/// and how many questions each answered.
fn scores(w: &Words, ws: &Workshop) -> Block {
    let t = &w.text.workshop;
    let r = &w.a.readiness;
    let row = |name: &str, own: &dyn Fn(usize, &WorkshopRespondent) -> String, combined: String| {
        let mut row = vec![name.to_string()];
        row.extend(ws.respondents.iter().enumerate().map(|(i, x)| own(i, x)));
        row.push(combined);
        row
    };
    let questions = ws.questions.len().to_string();
    let answered = |known: &dyn Fn(&QuestionSpread) -> bool| {
        let count = ws.questions.iter().filter(|q| known(q)).count().to_string();
        w.fill(&t.answered_value, &[("answered", &count), ("questions", &questions)]).unwrap_or_default()
    };
    let mut rows = vec![row(&t.overall_row, &|_, x| num(x.overall), num(r.overall))];
    rows.extend(r.dimensions.iter().map(|d| row(&d.name, &|_, x| num(score_on(x, &d.id)), num(d.score))));
    let by = |i: usize| answered(&|q| q.answers.get(i).is_some_and(|a| a.answer.level().is_some()));
    rows.push(row(&t.answered_row, &|i, _| by(i), answered(&|q| q.combined.level().is_some())));
    let mut columns = vec![left(&t.dimension)];
    columns.extend(ws.respondents.iter().map(|x| right(&x.name)));
    columns.push(right(&t.combined));
    table(None, columns, rows)
}

/// An answer as said in a sentence: "3", "don't know" or "not asked".
fn said(w: &Words, x: &RespondentAnswer) -> String {
    let t = &w.text.workshop;
    match x.answer.level() {
        Some(level) => num(level),
        None if x.asked => t.dont_know.to_string(),
        None => t.not_asked.to_string(),
    }
}

/// The questions two or more levels apart, as ranked in the assessment: what each said, why.
fn discuss(w: &Words, ws: &Workshop) -> Vec<Block> {
    let t = &w.text.workshop;
    if ws.discuss.is_empty() {
        return vec![paragraph(t.nothing_to_discuss.to_string())];
    }
    let items = ws.discuss.iter().map(|q| item(w, q)).collect();
    vec![paragraph(t.discuss_intro.to_string()), Block::List { ordered: true, items }]
}

fn item(w: &Words, q: &QuestionSpread) -> Vec<Span> {
    let t = &w.text.workshop;
    let level = |x: Option<f64>| x.map(num).unwrap_or_default();
    let values = [
        ("dimension", &w.dimension_name(&q.dimension)[..]),
        ("low", &level(q.min)),
        ("high", &level(q.max)),
        ("top", &q.max_level.to_string()),
        ("points", &num(q.points)),
    ];
    let mut text: Vec<String> = w.fill(&t.discuss_spread, &values).into_iter().collect();
    for x in &q.answers {
        text.extend(w.fill(&t.said, &[("name", &x.name), ("answer", &said(w, x))]));
        text.extend(notes::own(w, x));
    }
    vec![Span::strong(q.prompt.to_string()), Span::plain(format!(" {}", text.join(" ")))]
}

/// Each respondent's level on a question they did not all answer alike, for the answers
/// appendix: "(by respondent: Dev Okafor 1, Maya Patel 3, Sofia Brandt don't know)".
pub(crate) fn by_respondent(w: &Words, question: &str) -> Option<String> {
    let ws = w.a.workshop.as_ref().filter(|ws| ws.respondents.len() > 1)?;
    let q = ws.questions.iter().find(|q| q.question == question)?;
    let alike = q.answers.windows(2).all(|p| p[0].answer == p[1].answer && p[0].asked == p[1].asked);
    if alike {
        return None;
    }
    let t = &w.text.workshop;
    let levels: Vec<String> = q
        .answers
        .iter()
        .filter_map(|x| w.fill(&t.respondent_level, &[("name", &x.name), ("answer", &said(w, x))]))
        .collect();
    w.fill(&t.by_respondent, &[("answers", &levels.join(", "))])
}
