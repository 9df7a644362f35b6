//! Levers: the answers whose improvement by one level would raise overall readiness most.

use super::round1;
use crate::answers::{Answer, Answers};
use crate::assessment::Lever;
use crate::frameworks::{Frameworks, Question};

/// The gain in overall readiness from raising `q` one level, worked out directly rather than
/// by re-scoring: one level adds weight / top level to the dimension's weighted sum, which
/// the dimension divides by its answered weight and the overall by the dimension weights.
fn gain(fw: &Frameworks, answers: &Answers, q: &Question) -> f64 {
    let dimensions = &fw.questionnaire.dimensions;
    let total_weight: f64 = dimensions.iter().map(|d| d.weight).sum();
    let dimension_weight = fw.dimension(&q.dimension).map_or(0.0, |d| d.weight);
    let answered_weight: f64 = fw
        .questionnaire
        .questions
        .iter()
        .filter(|x| x.dimension == q.dimension && matches!(answers.readiness.get(&x.id), Some(Answer::Level(_))))
        .map(|x| x.weight)
        .sum();
    100.0 * (dimension_weight / total_weight) * (q.weight / f64::from(q.max_level())) / answered_weight
}

pub fn top(fw: &Frameworks, answers: &Answers) -> Vec<Lever> {
    let mut candidates: Vec<(f64, &Question, u8)> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| match answers.readiness.get(&q.id) {
            Some(Answer::Level(level)) if *level < q.max_level() => Some((round1(gain(fw, answers, q)), q, *level)),
            _ => None,
        })
        .filter(|(gain, _, _)| *gain > 0.0)
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
