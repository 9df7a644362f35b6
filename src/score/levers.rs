//! Levers: the answers whose improvement to the next anchored level would raise overall
//! readiness most.

use super::readiness::question_span;
use crate::answers::{Answer, Answers};
use crate::assessment::Lever;
use crate::frameworks::{Frameworks, Question};

/// Moving from `level` up to the next whole level `to` adds `(to - level) / top level` of the
/// question's span to overall readiness: a whole level for an anchored answer, the rest of the
/// way for one between levels (a workshop's mean).
fn gain(fw: &Frameworks, q: &Question, level: f64, to: u8) -> f64 {
    question_span(fw, q) * (f64::from(to) - level) / f64::from(q.max_level())
}

pub fn top(fw: &Frameworks, answers: &Answers) -> Vec<Lever> {
    let mut candidates: Vec<(f64, &Question, Answer, u8)> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| {
            let answer = *answers.readiness.get(&q.id)?;
            let level = answer.level()?;
            let to = level.floor() as u8 + 1;
            (to <= q.max_level()).then(|| (gain(fw, q, level, to), q, answer, to))
        })
        .collect();
    // Stable sort: equal gains keep questionnaire order, so output is deterministic.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates
        .into_iter()
        .take(fw.scoring.readiness.levers)
        .map(|(gain, q, answer, to)| Lever {
            question: q.id.clone(),
            dimension: q.dimension.clone(),
            prompt: q.prompt.clone(),
            from_level: answer,
            to_level: to,
            next: q.levels[usize::from(to)].clone(),
            gain,
        })
        .collect()
}
