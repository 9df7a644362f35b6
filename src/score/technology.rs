//! Five of the six parts of each technology's readiness assessment: maturity, business
//! readiness, implementation complexity and ROI potential here; risk factors and the adoption
//! timeline are filled in by `risk` and `timeline`, which need every technology at once.

use super::round1;
use crate::answers::Answers;
use crate::assessment::*;
use crate::date::Date;
use crate::frameworks::{ContextRole, Frameworks, Technology, Text};
use std::collections::BTreeMap;

pub fn assess_all(
    fw: &Frameworks,
    answers: &Answers,
    dims: &BTreeMap<Text, f64>,
    as_of: Date,
) -> Vec<TechnologyAssessment> {
    let goals = answers.choices_for(fw, ContextRole::Goals);
    fw.technologies
        .technologies
        .iter()
        .map(|t| {
            let business_readiness = business_readiness(fw, t, dims);
            TechnologyAssessment {
                id: t.id.clone(),
                name: t.name.clone(),
                group: t.group,
                technology_maturity: maturity(fw, t, as_of),
                implementation_complexity: complexity(fw, t, dims),
                roi_potential: roi(fw, t, &goals, business_readiness.score),
                business_readiness,
                risk_factors: RiskFactors { score: 0.0, risks: Vec::new() },
                adoption_timeline: AdoptionTimeline {
                    ring: Text::default(),
                    phase: Text::default(),
                    start_month: 0,
                    prerequisites: t.prerequisites.clone(),
                    held_back_by: Vec::new(),
                },
            }
        })
        .collect()
}

/// Linear from `lead_years` before the mainstream window opens (0) to the end of the window
/// (100).
fn maturity(fw: &Frameworks, t: &Technology, as_of: Date) -> Maturity {
    let year = as_of.fractional_year();
    let (opens, closes) = (f64::from(t.window[0]), f64::from(t.window[1]) + 1.0);
    let starts = opens - fw.scoring.maturity.lead_years;
    let score = 100.0 * ((year - starts) / (closes - starts)).clamp(0.0, 1.0);
    let stage = if year < opens {
        MaturityStage::Emerging
    } else if year < closes {
        MaturityStage::EnteringMainstream
    } else {
        MaturityStage::Mainstream
    };
    Maturity { score: round1(score), stage, window: t.window, window_source: t.window_source.clone() }
}

/// Actual / required per required dimension, capped at 1 (exceeding a requirement does not
/// make up for missing another); the score blends their mean with the weakest of them.
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
    let mean = requirements.iter().map(ratio).sum::<f64>() / requirements.len().max(1) as f64;
    let weakest_ratio = requirements.iter().map(ratio).fold(1.0, f64::min);
    let w = fw.scoring.business_readiness.weakest_weight;
    let score = 100.0 * ((1.0 - w) * mean + w * weakest_ratio);
    let weakest = requirements
        .iter()
        .min_by(|a, b| ratio(a).total_cmp(&ratio(b)).then((a.actual - a.required).total_cmp(&(b.actual - b.required))));
    BusinessReadiness {
        score: round1(score),
        weakest_dimension: weakest.map(|r| r.dimension.clone()).unwrap_or_default(),
        meets_requirements: requirements.iter().all(|r| r.actual >= r.required),
        requirements,
    }
}

/// Base complexity on a 0-100 scale (20 per catalogue point), relieved by readiness in the
/// relief dimensions.
fn complexity(fw: &Frameworks, t: &Technology, dims: &BTreeMap<Text, f64>) -> Complexity {
    let rules = &fw.scoring.complexity;
    let base = 20.0 * f64::from(t.complexity);
    let relief_dims = &rules.relief_dimensions;
    let readiness =
        relief_dims.iter().map(|d| dims.get(d).copied().unwrap_or(0.0)).sum::<f64>() / relief_dims.len().max(1) as f64;
    let relief = base * rules.relief * readiness / 100.0;
    Complexity { score: round1(base - relief), base: t.complexity, relief: round1(relief) }
}

/// Fit to the best-served stated goal, blended with the business readiness to realise it.
fn roi(fw: &Frameworks, t: &Technology, goals: &[&str], business_readiness: f64) -> RoiPotential {
    let mut served: Vec<(&str, f64)> =
        goals.iter().filter_map(|g| t.goals.get(*g).map(|fit| (*g, *fit))).filter(|(_, fit)| *fit > 0.0).collect();
    served.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let goal_fit = served.first().map_or(0.0, |(_, fit)| *fit);
    let rules = &fw.scoring.roi;
    let score = 100.0 * rules.goal_fit_weight * goal_fit + rules.readiness_weight * business_readiness;
    let evidence = t
        .evidence
        .iter()
        .map(|e| EvidenceRef {
            claim: e.claim.clone(),
            source: e.source.clone(),
            source_title: fw.source(&e.source).map(|s| s.title.clone()).unwrap_or_default(),
        })
        .collect();
    RoiPotential {
        score: round1(score),
        goal_fit,
        goals_served: served.iter().map(|(g, _)| Text::from(*g)).collect(),
        evidence,
    }
}
