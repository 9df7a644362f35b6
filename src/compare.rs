//! `readiness compare OLD NEW`: what moved between two assessments of the same business —
//! readiness deltas, technologies that changed ring or phase, risks opened and closed, skills
//! gaps narrowed or widened, and levers acted on.

use crate::answers::Answer;
use crate::assessment::Assessment;
use crate::error::{Diagnostic, InputError, number, quote};
use crate::frameworks::{Frameworks, Text};
use crate::report::{Format, Names, markdown_escape as esc, markdown_header, markdown_row, new_table, terminal};
use crate::score::round1;
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    pub overall_delta: f64,
    pub dimensions: Vec<Delta>,
    /// Technologies whose ring, phase or start month changed.
    pub technologies: Vec<TechnologyMove>,
    pub risks_opened: Vec<Text>,
    pub risks_closed: Vec<Text>,
    /// Skills whose gap changed.
    pub skills: Vec<Delta>,
    /// Levers of the old assessment whose answer has improved since.
    pub levers_acted_on: Vec<LeverActedOn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Side {
    pub company: Text,
    pub as_of: crate::date::Date,
    pub overall: f64,
    pub tier: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Delta {
    pub id: Text,
    pub name: Text,
    pub old: f64,
    pub new: f64,
    pub delta: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TechnologyMove {
    pub id: Text,
    pub name: Text,
    pub old_ring: Text,
    pub new_ring: Text,
    pub old_phase: Text,
    pub new_phase: Text,
    pub old_start_month: u32,
    pub new_start_month: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LeverActedOn {
    pub question: Text,
    pub prompt: Text,
    pub old_level: u8,
    pub new_answer: Answer,
}

/// The latest start month an assessment can plan: ten years out. A larger one is a
/// hand-edited report, and would put dates past any calendar the report can draw.
const MAX_START_MONTH: u32 = 120;

/// Refuses to compare assessments of two different businesses, or a report whose numbers no
/// assessment can produce (a hand-edited score of 1e9, a start month of four billion).
pub fn check_comparable(
    old: (&std::path::Path, &Assessment),
    new: (&std::path::Path, &Assessment),
) -> Result<(), InputError> {
    let mut problems = Vec::new();
    for (path, a) in [old, new] {
        let file = path.display().to_string();
        problems.extend(implausible(a).into_iter().map(|what| Diagnostic::new(what).in_file(&file)));
    }
    let company = |a: &Assessment| a.company.trim().to_lowercase();
    if company(old.1) != company(new.1) {
        let d = Diagnostic::new(format!(
            "these are assessments of two businesses, {} and {}: compare shows what moved for one",
            quote(&old.1.company),
            quote(&new.1.company)
        ))
        .help("compare two assessments of the same company (if it was renamed, give both files the same `company`)");
        problems.push(d);
    }
    if problems.is_empty() { Ok(()) } else { Err(InputError::new(problems)) }
}

/// What in an assessment is out of the range scoring produces.
fn implausible(a: &Assessment) -> Vec<String> {
    let mut problems = Vec::new();
    let mut within = |what: String, x: f64, high: f64| {
        if !(0.0..=high).contains(&x) {
            problems.push(format!("{what} is {}, expected 0 to {high}", number(x)));
        }
    };
    within("the overall score".into(), a.readiness.overall, 100.0);
    within("the confidence".into(), a.readiness.confidence, 100.0);
    for d in &a.readiness.dimensions {
        within(format!("the score of {}", quote(&d.id)), d.score, 100.0);
    }
    for s in &a.skills {
        within(format!("the current level of skill {}", quote(&s.id)), s.current, f64::from(u8::MAX));
        within(format!("the gap of skill {}", quote(&s.id)), s.gap, f64::from(u8::MAX));
    }
    for t in &a.technologies {
        let month = t.adoption_timeline.start_month;
        within(format!("the start month of {}", quote(&t.id)), f64::from(month), f64::from(MAX_START_MONTH));
    }
    problems
}

fn delta(id: &str, name: &str, old: f64, new: f64) -> Delta {
    Delta { id: id.into(), name: name.into(), old, new, delta: round1(new - old) }
}

fn side(a: &Assessment) -> Side {
    Side {
        company: a.company.clone(),
        as_of: a.as_of,
        overall: a.readiness.overall,
        tier: a.readiness.tier.name.clone(),
    }
}

pub fn compare(old: &Assessment, new: &Assessment) -> Comparison {
    let dimensions = new
        .readiness
        .dimensions
        .iter()
        .filter_map(|d| {
            old.readiness.dimensions.iter().find(|o| o.id == d.id).map(|o| delta(&d.id, &d.name, o.score, d.score))
        })
        .collect();
    let technologies = new
        .technologies
        .iter()
        .filter_map(|t| {
            let o = old.technologies.iter().find(|o| o.id == t.id)?;
            let (was, now) = (&o.adoption_timeline, &t.adoption_timeline);
            let moved = was.ring != now.ring || was.phase != now.phase || was.start_month != now.start_month;
            moved.then(|| TechnologyMove {
                id: t.id.clone(),
                name: t.name.clone(),
                old_ring: was.ring.clone(),
                new_ring: now.ring.clone(),
                old_phase: was.phase.clone(),
                new_phase: now.phase.clone(),
                old_start_month: was.start_month,
                new_start_month: now.start_month,
            })
        })
        .collect();
    let raised = |a: &Assessment, id: &str| a.risks.iter().any(|r| r.id == id);
    let skills = new
        .skills
        .iter()
        .filter_map(|s| {
            old.skills
                .iter()
                .find(|o| o.id == s.id)
                .filter(|o| o.gap != s.gap)
                .map(|o| delta(&s.id, &s.name, o.gap, s.gap))
        })
        .collect();
    Comparison {
        old: side(old),
        new: side(new),
        overall_delta: delta("overall", "Overall", old.readiness.overall, new.readiness.overall).delta,
        dimensions,
        technologies,
        risks_opened: new.risks.iter().filter(|r| !raised(old, &r.id)).map(|r| r.id.clone()).collect(),
        risks_closed: old.risks.iter().filter(|r| !raised(new, &r.id)).map(|r| r.id.clone()).collect(),
        skills,
        levers_acted_on: levers_acted_on(old, new),
    }
}

fn levers_acted_on(old: &Assessment, new: &Assessment) -> Vec<LeverActedOn> {
    old.levers
        .iter()
        .filter_map(|lever| {
            let answer = new.answers.iter().find(|a| a.question == lever.question)?.answer;
            let improved = matches!(answer, Answer::Level(level) if level > lever.from_level);
            improved.then(|| LeverActedOn {
                question: lever.question.clone(),
                prompt: lever.prompt.clone(),
                old_level: lever.from_level,
                new_answer: answer,
            })
        })
        .collect()
}

pub fn render(c: &Comparison, fw: &Frameworks, format: Format, width: Option<u16>) -> String {
    match format {
        Format::Json => crate::report::to_json(c),
        Format::Markdown => markdown(c, fw),
        Format::Table => table(c, fw, width),
    }
}

fn signed(x: f64) -> String {
    if x > 0.0 { format!("+{x}") } else { x.to_string() }
}

fn markdown(c: &Comparison, fw: &Frameworks) -> String {
    let mut out = format!("# What moved: {}\n\n", esc(&crate::error::printable_line(&c.new.company)));
    let _ = writeln!(
        out,
        "From {} to {}: overall readiness {} → {} (**{}**), {} → {}.\n",
        c.old.as_of,
        c.new.as_of,
        c.old.overall,
        c.new.overall,
        signed(c.overall_delta),
        esc(&c.old.tier),
        esc(&c.new.tier)
    );
    out.push_str("## Readiness by dimension\n\n");
    markdown_header(&mut out, &["Dimension", "Before", "After", "Change"]);
    for d in &c.dimensions {
        markdown_row(&mut out, &[esc(&d.name), d.old.to_string(), d.new.to_string(), signed(d.delta)]);
    }
    out.push_str("\n## Technologies that moved\n\n");
    if c.technologies.is_empty() {
        out.push_str("No technology changed ring or start month.\n");
    } else {
        let header = ["Technology", "Ring before", "Ring after", "Start month before", "Start month after"];
        markdown_header(&mut out, &header);
        for t in &c.technologies {
            let row = [
                esc(&t.name),
                esc(Names(fw).ring(&t.old_ring)),
                esc(Names(fw).ring(&t.new_ring)),
                t.old_start_month.to_string(),
                t.new_start_month.to_string(),
            ];
            markdown_row(&mut out, &row);
        }
    }
    out.push_str("\n## Risks\n\n");
    for (label, ids) in [("Opened", &c.risks_opened), ("Closed", &c.risks_closed)] {
        let titles: Vec<String> = ids.iter().map(|id| esc(Names(fw).risk(id))).collect();
        let _ =
            writeln!(out, "- **{label}:** {}", if titles.is_empty() { "none".to_string() } else { titles.join("; ") });
    }
    out.push_str("\n## Skills gaps\n\n");
    for s in &c.skills {
        let verb = if s.delta < 0.0 { "narrowed" } else { "widened" };
        let _ = writeln!(out, "- {} {verb}: gap {} → {}", esc(&s.name), s.old, s.new);
    }
    if c.skills.is_empty() {
        out.push_str("No skills gap changed.\n");
    }
    out.push_str("\n## Levers acted on\n\n");
    for l in &c.levers_acted_on {
        let _ = writeln!(out, "- {} (was level {})", esc(&l.prompt), l.old_level);
    }
    if c.levers_acted_on.is_empty() {
        out.push_str("None of the earlier levers has moved yet.\n");
    }
    out
}

fn table(c: &Comparison, fw: &Frameworks, width: Option<u16>) -> String {
    let new_table = |header: Vec<&str>| new_table(&header, width);
    let company = crate::error::printable_line(&c.new.company);
    let mut out = format!("What moved: {company}  ({} → {})\n", c.old.as_of, c.new.as_of);
    let _ = writeln!(
        out,
        "Overall {} → {} ({})  {} → {}",
        c.old.overall,
        c.new.overall,
        signed(c.overall_delta),
        crate::error::printable_line(&c.old.tier),
        crate::error::printable_line(&c.new.tier)
    );
    let mut dims = new_table(vec!["Dimension", "Before", "After", "Change"]);
    for d in &c.dimensions {
        dims.add_row(vec![d.name.to_string(), d.old.to_string(), d.new.to_string(), signed(d.delta)]);
    }
    let _ = writeln!(out, "{dims}");
    let mut techs = new_table(vec!["Technology", "Ring before", "Ring after", "Month before", "Month after"]);
    for t in &c.technologies {
        techs.add_row(vec![
            t.name.to_string(),
            Names(fw).ring(&t.old_ring).to_string(),
            Names(fw).ring(&t.new_ring).to_string(),
            t.old_start_month.to_string(),
            t.new_start_month.to_string(),
        ]);
    }
    let _ = writeln!(out, "{techs}");
    let mut changes = new_table(vec!["Change", "What"]);
    for id in &c.risks_opened {
        changes.add_row(vec!["Risk opened".to_string(), Names(fw).risk(id).to_string()]);
    }
    for id in &c.risks_closed {
        changes.add_row(vec!["Risk closed".to_string(), Names(fw).risk(id).to_string()]);
    }
    for s in &c.skills {
        let verb = if s.delta < 0.0 { "Skills gap narrowed" } else { "Skills gap widened" };
        changes.add_row(vec![verb.to_string(), format!("{}: {} → {}", s.name, s.old, s.new)]);
    }
    for l in &c.levers_acted_on {
        changes.add_row(vec!["Lever acted on".to_string(), l.prompt.to_string()]);
    }
    let _ = writeln!(out, "{changes}");
    terminal(&out)
}
