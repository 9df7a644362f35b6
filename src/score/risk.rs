//! The risk register: each catalogue risk is weighed from the answers that evidence it;
//! weak evidence raises it, strict privacy regimes escalate its severity.

use super::{evidence_score, round1};
use crate::answers::Answers;
use crate::assessment::{EvidenceAnswer, RiskEntry, RiskFactors, RiskRef, TechnologyAssessment};
use crate::frameworks::{ContextRole, Frameworks, Risk, Severity, Text};

/// A catalogue risk weighed against this business's answers.
pub struct Exposure<'a> {
    risk: &'a Risk,
    evidence_score: f64,
    raised: bool,
    severity: Severity,
    likelihood: &'a Text,
    exposure: f64,
}

pub fn evaluate_all<'a>(fw: &'a Frameworks, answers: &Answers) -> Vec<Exposure<'a>> {
    let strict = strict_privacy(fw, answers);
    fw.risks.risks.iter().map(|risk| evaluate(fw, answers, risk, strict)).collect()
}

fn strict_privacy(fw: &Frameworks, answers: &Answers) -> bool {
    let chosen = answers.choices_for(fw, ContextRole::Regions);
    let regions = fw.context_with_role(ContextRole::Regions).map(|q| q.options.as_slice()).unwrap_or_default();
    regions.iter().any(|o| o.strict_privacy && chosen.contains(&o.id.as_str()))
}

fn evaluate<'a>(fw: &'a Frameworks, answers: &Answers, risk: &'a Risk, strict: bool) -> Exposure<'a> {
    let rules = &fw.scoring.risk;
    let score = evidence_score(fw, answers, &risk.evidence);
    let band =
        rules.likelihood.iter().find(|b| score < b.below).or(rules.likelihood.last()).expect("checked: bands exist");
    let severity = if strict && risk.escalate_with_strict_privacy { risk.severity.escalated() } else { risk.severity };
    Exposure {
        risk,
        evidence_score: score,
        raised: score < risk.raise_below.unwrap_or(rules.raise_below),
        severity,
        likelihood: &band.id,
        exposure: rules.severity.of(severity) * band.weight * 10.0,
    }
}

/// The risks a technology carries and how exposed this business is to each.
pub fn factors(fw: &Frameworks, exposures: &[Exposure], technology: &str) -> RiskFactors {
    let Some(t) = fw.technology(technology) else { return RiskFactors { score: 0.0, risks: Vec::new() } };
    let risks: Vec<RiskRef> = t
        .risks
        .iter()
        .filter_map(|id| exposures.iter().find(|e| &e.risk.id == id))
        .map(|e| RiskRef {
            id: e.risk.id.clone(),
            title: e.risk.title.clone(),
            raised: e.raised,
            exposure: round1(e.exposure),
        })
        .collect();
    RiskFactors { score: risks.iter().map(|r| r.exposure).fold(0.0, f64::max), risks }
}

/// Raised risks, most exposed first; each lists the technologies under consideration (not
/// on hold) that carry it.
pub fn register(
    fw: &Frameworks,
    exposures: &[Exposure],
    techs: &[TechnologyAssessment],
    answers: &Answers,
) -> Vec<RiskEntry> {
    let hold = fw.scoring.rings.last().map(|r| r.id.as_str());
    let mut entries: Vec<RiskEntry> = exposures
        .iter()
        .filter(|e| e.raised)
        .map(|e| {
            let carried = |t: &&TechnologyAssessment| {
                Some(t.adoption_timeline.ring.as_str()) != hold
                    && t.risk_factors.risks.iter().any(|r| r.id == e.risk.id)
            };
            RiskEntry {
                id: e.risk.id.clone(),
                title: e.risk.title.clone(),
                category: e.risk.category.clone(),
                severity: e.severity,
                escalated: e.severity != e.risk.severity,
                likelihood: e.likelihood.clone(),
                exposure: round1(e.exposure),
                evidence_score: round1(e.evidence_score),
                evidence: evidence_answers(fw, answers, &e.risk.evidence),
                technologies: techs.iter().filter(carried).map(|t| t.id.clone()).collect(),
                reason: e.risk.reason.clone(),
                mitigation: e.risk.mitigation.clone(),
            }
        })
        .collect();
    entries.sort_by(|a, b| b.exposure.total_cmp(&a.exposure));
    entries
}

fn evidence_answers(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> Vec<EvidenceAnswer> {
    questions
        .iter()
        .filter_map(|id| fw.question(id))
        .map(|q| EvidenceAnswer {
            question: q.id.clone(),
            answer: answers.readiness.get(&q.id).copied(),
            max_level: q.max_level(),
        })
        .collect()
}
