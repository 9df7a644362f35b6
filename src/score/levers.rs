//! Levers: the answers whose improvement by one level would raise overall readiness most.

use super::round1;
use crate::answers::{Answer, Answers};
use crate::assessment::Lever;
use crate::frameworks::{Frameworks, Question};
use std::collections::HashMap;

/// Per dimension: its share of all dimension weight, and the weight of its questions that are
/// answered (not "don't know").
fn dimension_weights<'a>(fw: &'a Frameworks, answers: &Answers) -> HashMap<&'a str, (f64, f64)> {
    let dimensions = &fw.questionnaire.dimensions;
    let total: f64 = dimensions.iter().map(|d| d.weight).sum();
    let mut weights: HashMap<&str, (f64, f64)> =
        dimensions.iter().map(|d| (d.id.as_str(), (d.weight / total, 0.0))).collect();
    for q in &fw.questionnaire.questions {
        if let (Some(Answer::Level(_)), Some(w)) = (answers.readiness.get(&q.id), weights.get_mut(q.dimension.as_str()))
        {
            w.1 += q.weight;
        }
    }
    weights
}

/// The gain in overall readiness from raising `q` one level, worked out directly rather than
/// by re-scoring: one level adds weight / top level to the dimension's weighted sum, which
/// the dimension divides by its answered weight and the overall by the dimension weights.
fn gain(q: &Question, (share, answered_weight): (f64, f64)) -> f64 {
    100.0 * share * (q.weight / f64::from(q.max_level())) / answered_weight
}

pub fn top(fw: &Frameworks, answers: &Answers) -> Vec<Lever> {
    let weights = dimension_weights(fw, answers);
    let mut candidates: Vec<(f64, &Question, u8)> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| match (answers.readiness.get(&q.id), weights.get(q.dimension.as_str())) {
            (Some(Answer::Level(level)), Some(w)) if *level < q.max_level() => Some((round1(gain(q, *w)), q, *level)),
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
