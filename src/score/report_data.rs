//! The trends and predictive models that bear on the stated goals: which ones the report
//! shows is decided here, with the plan.

use super::context::source_ref;
use super::evidence_score;
use crate::answers::Answers;
use crate::assessment::{ModelRef, TechnologyAssessment, TrendRef};
use crate::frameworks::{Frameworks, Ring, Text};
use rustc_hash::FxHashSet as HashSet;

/// Trends the plan touches: with a technology to adopt or pilot that serves a stated goal, and
/// not named for one the plan holds back (a chat assistant does not put the client on the
/// emotion-AI trend while emotion AI is on hold). What already runs is the client's present, and what is only
/// studied asks nothing of them this year.
pub(crate) fn trends(fw: &Frameworks, techs: &[TechnologyAssessment]) -> Vec<TrendRef> {
    let touched = |ring: Ring| matches!(ring, Ring::Adopt | Ring::Pilot);
    let held: HashSet<&Text> =
        techs.iter().filter(|t| matches!(t.adoption_timeline.ring, Ring::Hold | Ring::Watch)).map(|t| &t.id).collect();
    let serving: HashSet<&Text> = techs
        .iter()
        .filter(|t| !t.roi_potential.goals_served.is_empty() && touched(t.adoption_timeline.ring))
        .map(|t| &t.id)
        .collect();
    fw.trends
        .trends
        .iter()
        .filter(|trend| trend.technologies.first().is_none_or(|id| !held.contains(id)))
        .filter_map(|trend| {
            let technologies: Vec<Text> =
                trend.technologies.iter().filter(|id| serving.contains(id)).cloned().collect();
            (!technologies.is_empty()).then(|| TrendRef {
                id: trend.id.clone(),
                name: trend.name.clone(),
                category: trend.category.clone(),
                description: trend.description.clone(),
                technologies,
            })
        })
        .collect()
}

/// The predictive-model catalogue, when a technology that runs such models is in use or
/// placed in adopt or pilot: predictive work the business runs or plans.
pub(crate) fn models(fw: &Frameworks, answers: &Answers, techs: &[TechnologyAssessment]) -> Vec<ModelRef> {
    let in_view = techs.iter().any(|t| {
        fw.models.technologies.contains(&t.id)
            && matches!(t.adoption_timeline.ring, Ring::InUse | Ring::Adopt | Ring::Pilot)
    });
    if !in_view {
        return Vec::new();
    }
    fw.models
        .models
        .iter()
        .map(|m| ModelRef {
            id: m.id.clone(),
            name: m.name.clone(),
            algorithms: m.algorithms.clone(),
            output: m.output.clone(),
            data_score: evidence_score(fw, answers, &m.data_needed),
            source: source_ref(fw.source(&m.source).expect("checked: model sources exist")),
            metric: m.metric.clone(),
        })
        .collect()
}
