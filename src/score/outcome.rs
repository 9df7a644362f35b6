//! What other answers would change: the answers changed and scored again (scoring is pure, so
//! this is the scoring function called a second time), and the tier, rings and risks compared
//! with the assessment's. For the unknowns, each alone and all together at the top level; for
//! the levers, each one step up.

use super::readiness::{answer_of, upper_of};
use super::{Detail, Scores, scores};
use crate::answers::Answers;
use crate::assessment::{Outcome, RingChange, RiskChange, RiskOutcome, TechnologyAssessment, Unknown};
use crate::date::Date;
use crate::frameworks::{Frameworks, Question};

/// The answers with the unknowns of the questions chosen at the top of their range: the top
/// level, or in a workshop the mean with each respondent's unknown at the top.
fn at_top(fw: &Frameworks, answers: &Answers, chosen: impl Fn(&Question) -> bool) -> Answers {
    let mut raised = answers.clone();
    for q in fw.questionnaire.questions.iter().filter(|q| chosen(q)) {
        let upper = upper_of(answers, q);
        if upper != answer_of(answers, q).0 {
            raised.readiness.insert(q.id.clone(), upper);
            raised.upper.remove(&q.id);
        }
    }
    raised
}

/// Fills in what each unknown alone could change (those that could change something first,
/// the order otherwise kept) and returns what all of them together could.
pub(crate) fn of_unknowns(
    fw: &Frameworks,
    answers: &Answers,
    as_of: Date,
    base: &Scores,
    unknowns: &mut [Unknown],
) -> Outcome {
    if unknowns.is_empty() {
        return Outcome::default();
    }
    let outcome = |raised: Answers| compare(base, &scores(fw, &raised, as_of, Detail::Decisions));
    let all = outcome(at_top(fw, answers, |_| true));
    if let [only] = unknowns {
        // One unknown alone is all of them: no need to score it twice.
        only.could_change = all.clone();
        return all;
    }
    for u in unknowns.iter_mut() {
        u.could_change = outcome(at_top(fw, answers, |q| q.id == u.question));
    }
    unknowns.sort_by_key(|u| u.could_change.is_empty());
    all
}

/// The tier, rings and risks that differ from `base` in `after`.
fn compare(base: &Scores, after: &Scores) -> Outcome {
    let tier = after.readiness.tier.id.clone();
    let risks = base
        .risks
        .iter()
        .filter_map(|r| {
            let to = match after.risks.iter().find(|a| a.id == r.id) {
                None => RiskOutcome::NotRaised,
                Some(a) if a.residual && !r.residual => RiskOutcome::Residual,
                Some(_) => return None,
            };
            Some(RiskChange { risk: r.id.clone(), to })
        })
        .collect();
    Outcome {
        tier: (tier != base.readiness.tier.id).then_some(tier),
        rings: ring_changes(&base.technologies, &after.technologies).collect(),
        risks,
    }
}

/// Technologies in another ring in `after`, by position in the catalogue.
pub(crate) fn ring_changes<'a>(
    before: &'a [TechnologyAssessment],
    after: &'a [TechnologyAssessment],
) -> impl Iterator<Item = RingChange> + 'a {
    before.iter().zip(after).filter(|(b, a)| b.adoption_timeline.ring != a.adoption_timeline.ring).map(|(b, a)| {
        RingChange { technology: b.id.clone(), from: b.adoption_timeline.ring, to: a.adoption_timeline.ring }
    })
}
