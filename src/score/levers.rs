//! Levers: the answers whose improvement to the next anchored level would raise overall
//! readiness most, each with the technologies that step alone would move to a better ring
//! (where one answer crosses a threshold for several at once, the report says so).

use super::readiness::question_span;
use super::{Detail, outcome, scores};
use crate::answers::{Answer, Answers};
use crate::assessment::{Lever, RingChange, TechnologyAssessment};
use crate::date::Date;
use crate::frameworks::{Frameworks, Question};

/// Moving from `level` up to the next whole level `to` adds `(to - level) / top level` of the
/// question's span to overall readiness: a whole level for an anchored answer, the rest of the
/// way for one between levels (a workshop's mean).
fn gain(fw: &Frameworks, q: &Question, level: f64, to: u8) -> f64 {
    question_span(fw, q) * (f64::from(to) - level) / f64::from(q.max_level())
}

/// The technologies whose ring improves when `q` alone is answered at level `to`.
fn opens(
    fw: &Frameworks,
    answers: &Answers,
    as_of: Date,
    base: &[TechnologyAssessment],
    q: &Question,
    to: u8,
) -> Vec<RingChange> {
    let mut raised = answers.clone();
    raised.readiness.insert(q.id.clone(), Answer::Level(to));
    raised.upper.remove(&q.id);
    let after = scores(fw, &raised, as_of, Detail::Row).technologies;
    outcome::ring_changes(base, &after).filter(|c| c.to.rank() > c.from.rank()).collect()
}

pub(crate) fn top(fw: &Frameworks, answers: &Answers, as_of: Date, base: &[TechnologyAssessment]) -> Vec<Lever> {
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
            opens: opens(fw, answers, as_of, base, q, to),
        })
        .collect()
}
