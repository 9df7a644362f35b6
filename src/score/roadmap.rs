//! The roadmap: the gaps to close in priority order, and the three phases with only the
//! actions, entry criteria and technologies that apply to this business.

use crate::assessment::{PhasePlan, PlannedAction, Readiness, RiskEntry, TechnologyAssessment};
use crate::frameworks::{Action, Frameworks, Phase, Ring, Text};

/// The gaps to close, first first: dimensions that hold back a candidate technology (one that
/// serves a stated goal and fits the business) by more than the pilot tolerance, the most
/// candidate value held back first; then other dimensions below the gap threshold, weakest
/// first.
pub fn priority_gaps(fw: &Frameworks, readiness: &Readiness, techs: &[TechnologyAssessment]) -> Vec<Text> {
    let tolerance = fw.scoring.placement.pilot_tolerance;
    let held_back = |dimension: &str| -> f64 {
        techs
            .iter()
            .filter(|t| t.adoption_timeline.priority.is_some())
            .filter(|t| {
                t.business_readiness
                    .requirements
                    .iter()
                    .any(|r| r.dimension == dimension && r.required - r.actual > tolerance)
            })
            .map(|t| t.roi_potential.value)
            .sum()
    };
    let mut blocking: Vec<(&Text, f64, f64)> = readiness
        .dimensions
        .iter()
        .map(|d| (&d.id, held_back(&d.id), d.score))
        .filter(|(_, value, _)| *value > 0.0)
        .collect();
    blocking.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.total_cmp(&b.2)));
    let mut gaps: Vec<Text> = blocking.into_iter().map(|(id, _, _)| id.clone()).collect();
    for id in &readiness.gaps {
        if !gaps.contains(id) {
            gaps.push(id.clone());
        }
    }
    gaps
}

/// What the plan has decided, for deciding which actions apply.
struct Plan<'a> {
    fw: &'a Frameworks,
    business: &'a crate::assessment::Business,
    gaps: &'a [Text],
    techs: &'a [TechnologyAssessment],
    risks: &'a [RiskEntry],
}

impl Plan<'_> {
    fn has_ring(&self, rings: &[Ring]) -> bool {
        self.techs.iter().any(|t| rings.contains(&t.adoption_timeline.ring))
    }

    /// The listed technologies in use, or adopted or piloted from `month` at the latest.
    fn served(&self, ids: &[Text], month: u32) -> Vec<Text> {
        let live = |t: &&TechnologyAssessment| {
            let timeline = &t.adoption_timeline;
            let planned = timeline.ring.is_planned() && timeline.start_month.is_some_and(|m| m <= month);
            timeline.ring == Ring::InUse || planned
        };
        self.techs.iter().filter(|t| ids.contains(&t.id)).filter(live).map(|t| t.id.clone()).collect()
    }

    /// Serious raised risks the action mitigates: their mitigation must come before the
    /// technologies they touch start. Other raised risks name the action but do not schedule it.
    fn mitigates(&self, action: &Action) -> Vec<Text> {
        self.risks.iter().filter(|r| r.serious && r.action == action.id).map(|r| r.id.clone()).collect()
    }

    /// The action as planned, if it applies: it closes a gap, mitigates a raised risk, or
    /// serves a technology or ring in the plan (or has no condition at all).
    fn action(&self, phase: &Phase, action: &Action) -> Option<(usize, PlannedAction)> {
        let gaps: Vec<Text> = self.gaps.iter().filter(|g| action.for_gaps.contains(g)).cloned().collect();
        let risks = self.mitigates(action);
        let technologies = self.served(&action.for_technologies, phase.months[1]);
        let unconditional =
            action.for_gaps.is_empty() && action.for_rings.is_empty() && action.for_technologies.is_empty();
        let applies = unconditional
            || !gaps.is_empty()
            || !risks.is_empty()
            || !technologies.is_empty()
            || (!action.for_rings.is_empty() && self.has_ring(&action.for_rings));
        let first_gap = gaps.iter().filter_map(|g| self.gaps.iter().position(|x| x == g)).min().unwrap_or(usize::MAX);
        let start = phase.months[0];
        applies.then(|| {
            let planned = PlannedAction {
                id: action.id.clone(),
                title: action.title.clone(),
                description: action.description.clone(),
                months: [start, (start + action.months - 1).min(phase.months[1])],
                owner: super::risk::owner(self.fw, self.business, &action.owner),
                gaps,
                risks,
                technologies,
            };
            (first_gap, planned)
        })
    }
}

/// Each phase with the actions that apply, the gap named first worked on first. Gap-closing
/// work is taken on for as many gaps as the team has capacity for.
pub fn plan(
    fw: &Frameworks,
    business: &crate::assessment::Business,
    gaps: &[Text],
    techs: &[TechnologyAssessment],
    risks: &[RiskEntry],
) -> Vec<PhasePlan> {
    let plan = Plan { fw, business, gaps: &gaps[..gaps.len().min(business.capacity)], techs, risks };
    fw.roadmap
        .phases
        .iter()
        .map(|phase| {
            let mut actions: Vec<(usize, PlannedAction)> =
                phase.actions.iter().filter_map(|a| plan.action(phase, a)).collect();
            // Stable: after the gaps, actions keep the roadmap's order.
            actions.sort_by_key(|(first_gap, _)| *first_gap);
            let mut starting: Vec<&TechnologyAssessment> =
                techs.iter().filter(|t| t.adoption_timeline.phase.as_ref() == Some(&phase.id)).collect();
            starting.sort_by_key(|t| t.adoption_timeline.start_month);
            PhasePlan {
                id: phase.id.clone(),
                name: phase.name.clone(),
                months: phase.months,
                entry_criteria: phase
                    .entry_criteria
                    .iter()
                    .filter(|e| e.for_rings.is_empty() || plan.has_ring(&e.for_rings))
                    .map(|e| e.text.clone())
                    .collect(),
                technologies: starting.iter().map(|t| t.id.clone()).collect(),
                actions: actions.into_iter().map(|(_, a)| a).collect(),
            }
        })
        .collect()
}
