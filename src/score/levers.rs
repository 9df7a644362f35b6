//! Levers: the answers whose improvement by one level would raise overall readiness most.

use super::readiness::question_span;
use crate::answers::{Answer, Answers};
use crate::assessment::Lever;
use crate::frameworks::{Frameworks, Question};

/// One level up adds `1 / top level` of the question's span to overall readiness.
fn gain(fw: &Frameworks, q: &Question) -> f64 {
    question_span(fw, q) / f64::from(q.max_level())
}

pub fn top(fw: &Frameworks, answers: &Answers) -> Vec<Lever> {
    let mut candidates: Vec<(f64, &Question, u8)> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| match answers.readiness.get(&q.id) {
            Some(Answer::Level(level)) if *level < q.max_level() => Some((gain(fw, q), q, *level)),
            _ => None,
        })
        .collect();
    // Stable sort: equal gains keep questionnaire order, so output is deterministic.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates
        .into_iter()
        .take(fw.scoring.readiness.levers)
        .map(|(gain, q, level)| Lever {
            question: q.id.clone(),
            dimension: q.dimension.clone(),
            prompt: q.prompt.clone(),
            from_level: level,
            to_level: level + 1,
            next: q.levels[usize::from(level) + 1].clone(),
            gain,
        })
        .collect()
}
