//! Levers: the answers whose improvement by one level would raise overall readiness most.

use super::{overall_readiness, round1};
use crate::answers::{Answer, Answers};
use crate::assessment::Lever;
use crate::frameworks::Frameworks;

pub fn top(fw: &Frameworks, answers: &Answers) -> Vec<Lever> {
    let base = overall_readiness(fw, answers);
    let mut levers: Vec<Lever> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| {
            let Some(Answer::Level(level)) = answers.readiness.get(&q.id).copied() else { return None };
            if level >= q.max_level() {
                return None;
            }
            let mut improved = answers.clone();
            improved.readiness.insert(q.id.clone(), Answer::Level(level + 1));
            let gain = round1(overall_readiness(fw, &improved) - base);
            (gain > 0.0).then(|| Lever {
                question: q.id.clone(),
                dimension: q.dimension.clone(),
                prompt: q.prompt.clone(),
                from_level: level,
                to_level: level + 1,
                next: q.levels[usize::from(level) + 1].clone(),
                gain,
            })
        })
        .collect();
    // Stable sort: equal gains keep questionnaire order, so output is deterministic.
    levers.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    levers.truncate(fw.scoring.readiness.levers);
    levers
}
