//! `readiness compare OLD NEW`: what moved between two assessments of the same business —
//! readiness deltas, technologies that changed ring or phase, risks opened and closed, skills
//! gaps narrowed or widened, and levers acted on.

use crate::answers::Answer;
use crate::assessment::{Assessment, IdName};
use crate::diagnostic::{Diagnostic, InputError};
use crate::frameworks::{Ring, Text};
use crate::message::{number, quote};
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    pub overall_delta: f64,
    pub dimensions: Vec<Delta>,
    /// Technologies whose ring, phase or start month changed.
    pub technologies: Vec<TechnologyMove>,
    pub risks_opened: Vec<IdName>,
    pub risks_closed: Vec<IdName>,
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

/// The latest start month an assessment can plan: ten years out. A larger one is a
/// hand-edited report, and would put dates past any calendar the report can draw.
const MAX_START_MONTH: u32 = 120;

/// Refuses to compare assessments of two different businesses, or a report whose numbers no
/// assessment can produce (a hand-edited score of 1e9, a start month of four billion).
pub(crate) fn check_comparable(
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
pub(crate) fn implausible(a: &Assessment) -> Vec<String> {
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
        if let Some(month) = t.adoption_timeline.start_month {
            within(format!("the start month of {}", quote(&t.id)), f64::from(month), f64::from(MAX_START_MONTH));
        }
    }
    problems
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

pub(crate) fn compare(old: &Assessment, new: &Assessment) -> Comparison {
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
        risks_opened: new.risks.iter().filter(|r| !raised(old, &r.id)).map(risk_name).collect(),
        risks_changed: new
            .risks
            .iter()
            .filter_map(|r| {
                let o = old.risks.iter().find(|o| o.id == r.id && o.exposure != r.exposure)?;
                Some(delta(&r.id, &r.title, o.exposure, r.exposure))
            })
            .collect(),
        risks_closed: old.risks.iter().filter(|r| !raised(new, &r.id)).map(risk_name).collect(),
        skills,
        levers_acted_on: levers_acted_on(old, new),
    }
}

fn risk_name(r: &crate::assessment::RiskEntry) -> IdName {
    IdName { id: r.id.clone(), name: r.title.clone() }
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
