//! Readiness per dimension and overall, the tier, confidence, the unknowns, and the ethics
//! principles. An unknown answer ("don't know", or a question added after the answers were
//! written) counts as the lowest level for every score and decision; the top of the range it
//! leaves open is kept beside each score. In a workshop, each respondent's unknown counts as
//! the lowest level in the mean and leaves open the part of the range it would fill at the top.

use super::{evidence_score, share};
use crate::answers::{Answer, Answers};
use crate::assessment::{Contribution, DimensionScore, PrincipleScore, Readiness, TierRef, Unknown};
use crate::frameworks::{Frameworks, Question};

/// The answer to a question, with "not asked" told apart from "don't know".
pub fn answer_of(answers: &Answers, q: &Question) -> (Answer, bool) {
    let asked = answers.was_asked(q.since);
    (answers.readiness.get(&q.id).copied().unwrap_or(Answer::DontKnow), asked)
}

/// The answer at the top of the range an answer leaves open: the top level for an unknown; in
/// a workshop, the mean with each respondent's unknown at the top level.
pub(crate) fn upper_of(answers: &Answers, q: &Question) -> Answer {
    match answer_of(answers, q).0 {
        Answer::DontKnow => Answer::Level(q.max_level()),
        answer => answers.upper.get(&q.id).copied().unwrap_or(answer),
    }
}

/// The share of a question's top level its unknowns leave open (0-1).
fn open_share(answers: &Answers, q: &Question) -> f64 {
    share(q, upper_of(answers, q)) - share(q, answer_of(answers, q).0)
}

/// Each dimension's share of overall readiness, and the total question weight within it.
fn dimension_weights(fw: &Frameworks, dimension: &str) -> (f64, f64) {
    let dims = &fw.questionnaire.dimensions;
    let total: f64 = dims.iter().map(|d| d.weight).sum();
    let share = fw.dimension(dimension).map_or(0.0, |d| d.weight / total);
    (share, fw.question_weight(dimension))
}

/// Points of overall readiness one question is worth between its lowest and top level.
pub fn question_span(fw: &Frameworks, q: &Question) -> f64 {
    let (share, weight) = dimension_weights(fw, &q.dimension);
    100.0 * share * q.weight / weight
}

fn dimension_score(fw: &Frameworks, answers: &Answers, dimension: &str) -> DimensionScore {
    let d = fw.dimension(dimension).expect("dimensions come from the questionnaire");
    let (_, total) = dimension_weights(fw, dimension);
    let questions = || fw.questionnaire.questions.iter().filter(|q| q.dimension == dimension);
    let contributions: Vec<Contribution> = questions()
        .map(|q| {
            let (answer, asked) = answer_of(answers, q);
            Contribution {
                question: q.id.clone(),
                answer,
                asked,
                max_level: q.max_level(),
                weight: q.weight,
                points: 100.0 * share(q, answer) * q.weight / total,
            }
        })
        .collect();
    let open: f64 = questions().map(|q| open_share(answers, q) * q.weight).sum();
    let score: f64 = contributions.iter().map(|c| c.points).sum();
    DimensionScore {
        id: d.id.clone(),
        name: d.name.clone(),
        score,
        upper: score + 100.0 * open / total,
        weight: d.weight,
        answered: contributions.iter().filter(|c| c.answer != Answer::DontKnow).count(),
        questions: contributions.len(),
        contributions,
    }
}

/// The dimension scores weighted by dimension weight.
fn weighted(fw: &Frameworks, dims: &[DimensionScore], score: impl Fn(&DimensionScore) -> f64) -> f64 {
    let total: f64 = fw.questionnaire.dimensions.iter().map(|d| d.weight).sum();
    dims.iter().map(|d| d.weight * score(d)).sum::<f64>() / total
}

/// Readiness with the gaps listed in score order; the roadmap puts them in priority order.
pub fn score(fw: &Frameworks, answers: &Answers) -> Readiness {
    let rules = &fw.scoring.readiness;
    let dimensions: Vec<DimensionScore> =
        fw.questionnaire.dimensions.iter().map(|d| dimension_score(fw, answers, &d.id)).collect();
    let overall = weighted(fw, &dimensions, |d| d.score);
    let upper = weighted(fw, &dimensions, |d| d.upper);
    let tier = fw.scoring.tiers.iter().rev().find(|t| overall >= t.min).unwrap_or(&fw.scoring.tiers[0]);
    let mut ranked: Vec<&DimensionScore> = dimensions.iter().collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    let strengths = ranked.iter().filter(|d| d.score >= rules.strength_at).map(|d| d.id.clone()).collect();
    let gaps = ranked.iter().rev().filter(|d| d.score < rules.gap_below).map(|d| d.id.clone()).collect();
    Readiness {
        overall,
        upper,
        tier: TierRef { id: tier.id.clone(), name: tier.name.clone(), summary: tier.summary.clone() },
        confidence: 100.0 - (upper - overall),
        dimensions,
        strengths,
        gaps,
    }
}

/// Every answer left open by an unknown (in a workshop, by some respondent's) with the points
/// it leaves open, largest first (questionnaire order among equals).
pub(crate) fn unknowns(fw: &Frameworks, answers: &Answers) -> Vec<Unknown> {
    let mut unknowns: Vec<Unknown> = fw
        .questionnaire
        .questions
        .iter()
        .filter_map(|q| {
            let open = open_share(answers, q);
            let (answer, asked) = answer_of(answers, q);
            (open > 0.0).then(|| Unknown {
                question: q.id.clone(),
                dimension: q.dimension.clone(),
                prompt: q.prompt.clone(),
                not_asked: answer == Answer::DontKnow && !asked,
                open_points: question_span(fw, q) * open,
                could_change: Default::default(),
            })
        })
        .collect();
    unknowns.sort_by(|a, b| b.open_points.total_cmp(&a.open_points));
    unknowns
}

/// 100 minus the points of overall readiness the unknown answers leave open.
pub fn confidence(fw: &Frameworks, answers: &Answers) -> f64 {
    score(fw, answers).confidence
}

pub(crate) fn ethics(fw: &Frameworks, answers: &Answers) -> Vec<PrincipleScore> {
    let gap_below = fw.scoring.readiness.gap_below;
    fw.ethics
        .principles
        .iter()
        .map(|p| {
            let score = evidence_score(fw, answers, &p.questions);
            PrincipleScore {
                id: p.id.clone(),
                name: p.name.clone(),
                score,
                weak: score < gap_below,
                risks: p.risks.clone(),
            }
        })
        .collect()
}
