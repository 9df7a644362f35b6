//! Readiness per dimension and overall, the tier, confidence, and the ethics principles.

use super::{evidence_score, level_share, round1};
use crate::answers::{Answer, Answers};
use crate::assessment::{Contribution, DimensionScore, PrincipleScore, Readiness, TierRef};
use crate::frameworks::{Frameworks, Text};
use std::collections::BTreeMap;

/// Weighted mean of answered questions' shares, 0-100. "Don't know" is left out of the mean
/// (it lowers confidence instead); a dimension with nothing answered scores 0.
fn dimension_score(fw: &Frameworks, answers: &Answers, dimension: &str) -> (f64, Vec<Contribution>) {
    let questions = fw.questionnaire.questions.iter().filter(|q| q.dimension == dimension);
    let answered_weight: f64 =
        questions.clone().filter(|q| level_share(q, answers.readiness.get(&q.id)).is_some()).map(|q| q.weight).sum();
    let contributions: Vec<Contribution> = questions
        .map(|q| {
            let share = level_share(q, answers.readiness.get(&q.id));
            let points = share.map_or(0.0, |s| 100.0 * s * q.weight / answered_weight);
            Contribution {
                question: q.id.clone(),
                answer: answers.readiness.get(&q.id).copied().unwrap_or(Answer::DontKnow),
                max_level: q.max_level(),
                weight: q.weight,
                points,
            }
        })
        .collect();
    (contributions.iter().map(|c| c.points).sum(), contributions)
}

/// Overall readiness (unrounded): the dimension scores weighted by dimension weight.
pub fn overall_readiness(fw: &Frameworks, answers: &Answers) -> f64 {
    let scores = fw.questionnaire.dimensions.iter().map(|d| dimension_score(fw, answers, &d.id).0);
    weighted_by_dimension(fw, scores)
}

fn weighted_by_dimension(fw: &Frameworks, scores: impl Iterator<Item = f64>) -> f64 {
    let dims = &fw.questionnaire.dimensions;
    dims.iter().zip(scores).map(|(d, score)| d.weight * score).sum::<f64>() / dims.iter().map(|d| d.weight).sum::<f64>()
}

pub fn score(fw: &Frameworks, answers: &Answers) -> Readiness {
    let rules = &fw.scoring.readiness;
    let raw: Vec<(f64, Vec<Contribution>)> =
        fw.questionnaire.dimensions.iter().map(|d| dimension_score(fw, answers, &d.id)).collect();
    let overall = round1(weighted_by_dimension(fw, raw.iter().map(|(score, _)| *score)));
    let dimensions: Vec<DimensionScore> = fw
        .questionnaire
        .dimensions
        .iter()
        .zip(raw)
        .map(|(d, (score, contributions))| DimensionScore {
            id: d.id.clone(),
            name: d.name.clone(),
            score: round1(score),
            weight: d.weight,
            answered: contributions.iter().filter(|c| c.answer != Answer::DontKnow).count(),
            questions: contributions.len(),
            contributions: contributions.into_iter().map(|c| Contribution { points: round1(c.points), ..c }).collect(),
        })
        .collect();
    let tier = fw.scoring.tiers.iter().rev().find(|t| overall >= t.min).unwrap_or(&fw.scoring.tiers[0]);
    let mut ranked: Vec<&DimensionScore> = dimensions.iter().collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    let strengths = ranked.iter().filter(|d| d.score >= rules.strength_at).map(|d| d.id.clone()).collect();
    let gaps = ranked.iter().rev().filter(|d| d.score < rules.gap_below).map(|d| d.id.clone()).collect();
    Readiness {
        overall,
        tier: TierRef { id: tier.id.clone(), name: tier.name.clone(), summary: tier.summary.clone() },
        confidence: round1(confidence(fw, answers)),
        dimensions,
        strengths,
        gaps,
    }
}

/// Share of all question weight that was answered rather than "don't know", 0-100.
pub fn confidence(fw: &Frameworks, answers: &Answers) -> f64 {
    let questions = &fw.questionnaire.questions;
    let total: f64 = questions.iter().map(|q| q.weight).sum();
    let answered: f64 =
        questions.iter().filter(|q| level_share(q, answers.readiness.get(&q.id)).is_some()).map(|q| q.weight).sum();
    100.0 * answered / total
}

/// Dimension scores by id, for the technology requirements.
pub fn dimension_map(readiness: &Readiness) -> BTreeMap<Text, f64> {
    readiness.dimensions.iter().map(|d| (d.id.clone(), d.score)).collect()
}

pub fn ethics(fw: &Frameworks, answers: &Answers) -> Vec<PrincipleScore> {
    let gap_below = fw.scoring.readiness.gap_below;
    fw.ethics
        .principles
        .iter()
        .map(|p| {
            let score = round1(evidence_score(fw, answers, &p.questions));
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
