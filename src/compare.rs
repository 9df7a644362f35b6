//! `readiness compare OLD NEW`: what moved between two assessments of the same business —
//! readiness deltas, technologies that changed ring or phase, risks opened and closed, skills
//! gaps narrowed or widened, and levers acted on.

use crate::answers::Answer;
use crate::assessment::Assessment;
use crate::frameworks::{Frameworks, Ring, Text};
use crate::report::num;
use crate::report::{Format, Names, markdown_escape as esc, markdown_header, markdown_row, new_table, terminal};
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
    /// Risks raised in both whose exposure changed.
    pub risks_changed: Vec<Delta>,
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
    pub old_ring: Ring,
    pub new_ring: Ring,
    pub old_phase: Option<Text>,
    pub new_phase: Option<Text>,
    pub old_start_month: Option<u32>,
    pub new_start_month: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LeverActedOn {
    pub question: Text,
    pub prompt: Text,
    pub old_level: Answer,
    pub new_answer: Answer,
}

fn delta(id: &str, name: &str, old: f64, new: f64) -> Delta {
    Delta { id: id.into(), name: name.into(), old, new, delta: new - old }
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
                old_ring: was.ring,
                new_ring: now.ring,
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
        risks_changed: new
            .risks
            .iter()
            .filter_map(|r| {
                let o = old.risks.iter().find(|o| o.id == r.id && o.exposure != r.exposure)?;
                Some(delta(&r.id, &r.title, o.exposure, r.exposure))
            })
            .collect(),
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
            let was = lever.from_level.level().unwrap_or(0.0);
            let improved = answer.level().is_some_and(|level| level > was);
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
    let shown = num(x);
    if shown.starts_with('-') || shown == "0" { shown } else { format!("+{shown}") }
}

fn month(m: Option<u32>) -> String {
    m.map_or_else(|| "-".to_string(), |m| m.to_string())
}

fn markdown(c: &Comparison, fw: &Frameworks) -> String {
    let mut out = format!("# What moved: {}\n\n", esc(&c.new.company));
    let _ = writeln!(
        out,
        "From {} to {}: overall readiness {} → {} (**{}**), {} → {}.\n",
        c.old.as_of,
        c.new.as_of,
        num(c.old.overall),
        num(c.new.overall),
        signed(c.overall_delta),
        esc(&c.old.tier),
        esc(&c.new.tier)
    );
    out.push_str("## Readiness by dimension\n\n");
    markdown_header(&mut out, &["Dimension", "Before", "After", "Change"]);
    for d in &c.dimensions {
        markdown_row(&mut out, &[esc(&d.name), num(d.old), num(d.new), signed(d.delta)]);
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
                esc(Names(fw).ring(t.old_ring)),
                esc(Names(fw).ring(t.new_ring)),
                month(t.old_start_month),
                month(t.new_start_month),
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
    for r in &c.risks_changed {
        let verb = if r.delta < 0.0 { "less exposed" } else { "more exposed" };
        let _ = writeln!(out, "- {} {verb}: exposure {} → {}", esc(&r.name), num(r.old), num(r.new));
    }
    out.push_str("\n## Skills gaps\n\n");
    for s in &c.skills {
        let verb = if s.delta < 0.0 { "narrowed" } else { "widened" };
        let _ = writeln!(out, "- {} {verb}: gap {} → {}", esc(&s.name), num(s.old), num(s.new));
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
    let mut out = format!("What moved: {}  ({} → {})\n", c.new.company, c.old.as_of, c.new.as_of);
    let _ = writeln!(
        out,
        "Overall {} → {} ({})  {} → {}",
        num(c.old.overall),
        num(c.new.overall),
        signed(c.overall_delta),
        c.old.tier,
        c.new.tier
    );
    let mut dims = new_table(vec!["Dimension", "Before", "After", "Change"]);
    for d in &c.dimensions {
        dims.add_row(vec![d.name.to_string(), num(d.old), num(d.new), signed(d.delta)]);
    }
    let _ = writeln!(out, "{dims}");
    let mut techs = new_table(vec!["Technology", "Ring before", "Ring after", "Month before", "Month after"]);
    for t in &c.technologies {
        techs.add_row(vec![
            t.name.to_string(),
            Names(fw).ring(t.old_ring).to_string(),
            Names(fw).ring(t.new_ring).to_string(),
            month(t.old_start_month),
            month(t.new_start_month),
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
    for r in &c.risks_changed {
        let verb = if r.delta < 0.0 { "Risk less exposed" } else { "Risk more exposed" };
        changes.add_row(vec![verb.to_string(), format!("{}: {} → {}", r.name, num(r.old), num(r.new))]);
    }
    for s in &c.skills {
        let verb = if s.delta < 0.0 { "Skills gap narrowed" } else { "Skills gap widened" };
        changes.add_row(vec![verb.to_string(), format!("{}: {} → {}", s.name, num(s.old), num(s.new))]);
    }
    for l in &c.levers_acted_on {
        changes.add_row(vec!["Lever acted on".to_string(), l.prompt.to_string()]);
    }
    let _ = writeln!(out, "{changes}");
    terminal(&out)
}
