//! Scoring: pure functions from frameworks and answers to an [`Assessment`]. Nothing here
//! reads files, prints or looks at the clock; the assessment date is an argument.

mod levers;
mod readiness;
mod risk;
mod skills;
mod technology;
mod timeline;

pub use readiness::{confidence, overall_readiness};

use crate::answers::{Answer, Answers, ContextValue};
use crate::assessment::{AnswerEntry, Assessment, ContextEntry};
use crate::date::Date;
use crate::frameworks::{ContextKind, ContextQuestion, ContextRole, Frameworks, Question, Text};

/// Scores a complete set of answers. Unanswered questions count as "don't know".
pub fn assess(fw: &Frameworks, answers: &Answers, as_of: Date) -> Assessment {
    let readiness = readiness::score(fw, answers);
    let dimensions = readiness::dimension_map(&readiness);
    let mut technologies = technology::assess_all(fw, answers, &dimensions, as_of);
    let placements = timeline::place(fw, answers, &technologies);
    let exposures = risk::evaluate_all(fw, answers);
    for (t, placement) in technologies.iter_mut().zip(placements) {
        t.adoption_timeline = placement;
        t.risk_factors = risk::factors(fw, &exposures, &t.id);
    }
    let risks = risk::register(fw, &exposures, &technologies, answers);
    let roadmap = timeline::roadmap(fw, &technologies, &readiness.gaps);
    let skills = skills::gaps(fw, answers, &technologies, &roadmap);
    Assessment {
        generator: format!("readiness {}", env!("CARGO_PKG_VERSION")).into(),
        as_of,
        company: answers.text_for(fw, ContextRole::Company).into(),
        context: context_entries(fw, answers),
        privacy_rules: privacy_rules(fw, answers),
        ethics: readiness::ethics(fw, answers),
        levers: levers::top(fw, answers),
        answers: answer_entries(fw, answers),
        readiness,
        technologies,
        risks,
        roadmap,
        skills,
        benchmark: None,
    }
}

/// The answer to a question as a share of its top level (0-1); `None` for "don't know".
fn level_share(q: &Question, answer: Option<&Answer>) -> Option<f64> {
    match answer {
        Some(Answer::Level(level)) => Some(f64::from(*level) / f64::from(q.max_level().max(1))),
        Some(Answer::DontKnow) | None => None,
    }
}

/// Mean share (0-100) of the named questions; "don't know" counts as zero, because evidence
/// that is not known cannot be relied on.
fn evidence_score(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> f64 {
    let shares: Vec<f64> = questions
        .iter()
        .filter_map(|id| fw.question(id))
        .map(|q| level_share(q, answers.readiness.get(&q.id)).unwrap_or(0.0))
        .collect();
    if shares.is_empty() { 0.0 } else { 100.0 * shares.iter().sum::<f64>() / shares.len() as f64 }
}

/// Rounds to one decimal, the precision every report shows.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn context_entries(fw: &Frameworks, answers: &Answers) -> Vec<ContextEntry> {
    let entry = |q: &ContextQuestion| {
        let value = answers.context.get(&q.id)?;
        Some(ContextEntry { id: q.id.clone(), prompt: q.prompt.clone(), value: display_context(q, value).into() })
    };
    fw.questionnaire.context.iter().filter_map(entry).collect()
}

/// A context answer in words: option labels rather than ids.
pub fn display_context(q: &ContextQuestion, value: &ContextValue) -> String {
    let label = |id: &str| q.options.iter().find(|o| o.id == id).map_or(id.to_string(), |o| o.label.to_string());
    match (q.kind, value) {
        (_, ContextValue::Number(n)) => n.to_string(),
        (_, ContextValue::DontKnow) => "Don't know".into(),
        (ContextKind::Choice, ContextValue::Text(id)) => label(id),
        (_, ContextValue::Text(text)) => text.clone(),
        (_, ContextValue::List(ids)) => ids.iter().map(|id| label(id)).collect::<Vec<_>>().join(", "),
    }
}

fn privacy_rules(fw: &Frameworks, answers: &Answers) -> Vec<Text> {
    let Some(q) = fw.context_with_role(ContextRole::Regions) else { return Vec::new() };
    let chosen = answers.choices_for(fw, ContextRole::Regions);
    q.options
        .iter()
        .filter(|o| chosen.contains(&o.id.as_str()))
        .filter_map(|o| o.privacy_rules.as_ref().map(|rules| format!("{}: {rules}", o.label).into()))
        .collect()
}

fn answer_entries(fw: &Frameworks, answers: &Answers) -> Vec<AnswerEntry> {
    let entry = |q: &Question| {
        let answer = answers.readiness.get(&q.id).copied().unwrap_or(Answer::DontKnow);
        let description = match answer {
            Answer::Level(level) => q.levels[usize::from(level)].clone(),
            Answer::DontKnow => "Don't know".into(),
        };
        AnswerEntry {
            question: q.id.clone(),
            dimension: q.dimension.clone(),
            prompt: q.prompt.clone(),
            answer,
            description,
        }
    };
    fw.questionnaire.questions.iter().map(entry).collect()
}
