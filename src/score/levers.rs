//! Levers: the answers whose improvement to the next anchored level helps most, in the order
//! of the gaps the priorities close, each with the technologies that step alone would move to a better ring
//! (where one answer crosses a threshold for several at once, the report says so).

use super::readiness::question_span;
use super::{Detail, outcome, scores};
use crate::answers::{Answer, Answers};
use crate::assessment::{Lever, RingChange, TechnologyAssessment};
use crate::date::Date;
use crate::frameworks::{Frameworks, Question, Text};

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

/// The levers, following the priorities: the answers in the first gap to close come first,
/// then those in the next gap, one per dimension, and only then the other dimensions. Within a
/// dimension the step that adds most, the weakest answer among equals (questionnaire order last).
pub(crate) fn top(
    fw: &Frameworks,
    answers: &Answers,
    as_of: Date,
    base: &[TechnologyAssessment],
    gaps: &[Text],
) -> Vec<Lever> {
    let gap_rank = |q: &Question| gaps.iter().position(|g| *g == q.dimension).unwrap_or(gaps.len());
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
    // Stable sort: equal keys keep questionnaire order, so output is deterministic.
    candidates.sort_by(|a, b| {
        let level = |c: &(f64, &Question, Answer, u8)| c.2.level().unwrap_or(0.0);
        gap_rank(a.1).cmp(&gap_rank(b.1)).then(b.0.total_cmp(&a.0)).then(level(a).total_cmp(&level(b)))
    });
    // One per dimension first, so that three levers speak to three of the priorities.
    let mut seen = std::collections::HashSet::new();
    let (first, rest): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| seen.insert(c.1.dimension.clone()));
    first
        .into_iter()
        .chain(rest)
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
