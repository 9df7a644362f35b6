//! Four of the six parts of each technology's readiness assessment: maturity, business
//! readiness, implementation complexity and ROI potential. Risk factors and the adoption
//! timeline need every technology at once and are filled in by `risk` and `placement`.

use super::Detail;
use super::context::source_ref;
use crate::assessment::*;
use crate::date::Date;
use crate::frameworks::{Frameworks, Technology, Text};
use std::collections::BTreeMap;

pub(crate) fn assess_all(
    fw: &Frameworks,
    business: &Business,
    dims: &BTreeMap<Text, f64>,
    as_of: Date,
    detail: Detail,
) -> Vec<TechnologyAssessment> {
    fw.technologies
        .technologies
        .iter()
        .map(|t| TechnologyAssessment {
            id: t.id.clone(),
            name: t.name.clone(),
            group: t.group,
            sector: sector(fw, t),
            technology_maturity: maturity(fw, t, as_of),
            business_readiness: business_readiness(fw, t, dims),
            implementation_complexity: complexity(fw, t, dims),
            roi_potential: roi(fw, t, business, detail),
            risk_factors: RiskFactors { score: 0.0, risks: Vec::new() },
            adoption_timeline: AdoptionTimeline {
                ring: crate::frameworks::Ring::Hold,
                phase: None,
                start_month: None,
                end_month: None,
                reasons: Vec::new(),
                next_step: None,
                obligations: Vec::new(),
                prerequisites: t.prerequisites.clone(),
                priority: None,
                quick_win: super::placement::is_quick_win(fw, t),
            },
        })
        .collect()
}

/// The category of the first trend that lists the technology (checked to exist).
fn sector(fw: &Frameworks, t: &Technology) -> Text {
    fw.trend_of(&t.id).map(|trend| trend.category.clone()).unwrap_or_default()
}

/// The stage judged from evidence; the date only decides whether the judgement is due for a
/// re-check.
fn maturity(fw: &Frameworks, t: &Technology, as_of: Date) -> Maturity {
    let judgement = &t.stage;
    let stage = fw.stage(&judgement.stage).expect("checked: stages exist");
    let age = as_of.months_since(judgement.judged);
    Maturity {
        score: stage.maturity,
        stage: stage.id.clone(),
        stage_name: stage.name.clone(),
        judged: judgement.judged,
        source: source_ref(fw.source(&judgement.source).expect("checked: stage sources exist")),
        basis: judgement.basis.clone(),
        stale: age > i32::try_from(fw.scoring.maturity.stale_after_months).unwrap_or(i32::MAX),
        guide_window: t.guide_window,
        signal: judgement.signal.clone(),
    }
}

/// Actual against required readiness per required dimension. The score is the weakest ratio:
/// one missing capability stalls an adoption however strong the rest is.
fn business_readiness(fw: &Frameworks, t: &Technology, dims: &BTreeMap<Text, f64>) -> BusinessReadiness {
    let requirements: Vec<Requirement> = fw
        .questionnaire
        .dimensions
        .iter()
        .filter_map(|d| {
            let required = *t.requires.get(&d.id)?;
            Some(Requirement { dimension: d.id.clone(), required, actual: dims.get(&d.id).copied().unwrap_or(0.0) })
        })
        .collect();
    let ratio = |r: &Requirement| if r.required <= 0.0 { 1.0 } else { (r.actual / r.required).min(1.0) };
    let weakest = requirements.iter().min_by(|a, b| ratio(a).total_cmp(&ratio(b)));
    BusinessReadiness {
        score: 100.0 * weakest.map_or(1.0, ratio),
        weakest_dimension: weakest.map(|r| r.dimension.clone()).unwrap_or_default(),
        shortfall: requirements.iter().map(|r| r.required - r.actual).fold(0.0, f64::max),
        requirements,
    }
}

fn complexity(fw: &Frameworks, t: &Technology, dims: &BTreeMap<Text, f64>) -> Complexity {
    let rules = &fw.scoring.complexity;
    let base = 20.0 * f64::from(t.complexity);
    let relief_dims = &rules.relief_dimensions;
    let readiness =
        relief_dims.iter().map(|d| dims.get(d).copied().unwrap_or(0.0)).sum::<f64>() / relief_dims.len().max(1) as f64;
    let relief = base * rules.relief * readiness / 100.0;
    Complexity { score: base - relief, base: t.complexity, relief, cost: t.cost }
}

/// Fit to the stated goals, the value that ranks candidates, and for a report the evidence
/// that applies to this business's industry.
fn roi(fw: &Frameworks, t: &Technology, business: &Business, detail: Detail) -> RoiPotential {
    let fit = goal_fit(t, &business.goals);
    let mut served: Vec<(&Text, f64)> = business
        .goals
        .iter()
        .filter_map(|g| t.goals.get(g).map(|fit| (g, *fit)))
        .filter(|(_, fit)| *fit >= fw.scoring.placement.serves_goal_at)
        .collect();
    served.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    RoiPotential {
        score: 100.0 * fit,
        goals_served: served.into_iter().map(|(g, _)| g.clone()).collect(),
        value: value(fw, t, fit),
        evidence: if detail == Detail::Report { evidence(fw, t, business) } else { Vec::new() },
        evidence_note: t.evidence_note.clone(),
    }
}

/// The evidence for a technology that applies to this business's industry.
fn evidence(fw: &Frameworks, t: &Technology, business: &Business) -> Vec<EvidenceRef> {
    t.evidence
        .iter()
        .filter(|e| e.industries.is_empty() || business.industry.as_ref().is_some_and(|i| e.industries.contains(i)))
        .map(|e| EvidenceRef {
            claim: e.claim.clone(),
            kind: e.kind.clone(),
            kind_name: fw
                .scoring
                .evidence_kinds
                .iter()
                .find(|k| k.id == e.kind)
                .map(|k| k.name.clone())
                .unwrap_or_default(),
            source: source_ref(fw.source(&e.source).expect("checked: evidence sources exist")),
        })
        .collect()
}

/// The best fit (0-1) of the technology to any stated goal.
pub(crate) fn goal_fit(t: &Technology, goals: &[Text]) -> f64 {
    goals.iter().filter_map(|g| t.goals.get(g)).fold(0.0, |a, b| a.max(*b))
}

/// Value to the stated goals, adjusted for how proven the technology is and what it costs.
fn value(fw: &Frameworks, t: &Technology, fit: f64) -> f64 {
    let rules = &fw.scoring.value;
    let stage = rules.stage_weight.get(&t.stage.stage).copied().unwrap_or(0.0);
    let cost = rules.cost_weight.get(&t.cost).copied().unwrap_or(1.0);
    fit * stage / cost
}
