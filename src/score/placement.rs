//! The adoption timeline: each technology's ring and start month. Gates, not averages: a
//! technology reaches a ring only when every gate allows it, and the ring is the lowest any
//! gate allows. The gates that depend only on who the business is (stage and appetite, goals,
//! budget, rules, team capacity) come first; then readiness, prerequisites, and the time
//! needed to mitigate serious risks before the start.

use super::rules::Rules;
use super::technology::goal_fit;
use crate::assessment::{Business, Reason, TechnologyAssessment};
use crate::frameworks::{Frameworks, Ring, Technology, Text};
use rustc_hash::FxHashSet as HashSet;

/// A gate's verdict: the best ring it allows, and why when that is not adopt.
pub type Gate = (Ring, Option<Reason>);

/// The ring allowed by everything about the business except its readiness answers, for every
/// technology, and the place each candidate holds among the year's initiatives: candidates are
/// ranked by value and the places beyond the team's capacity allow no more than assess.
pub fn context_gates(
    fw: &Frameworks,
    business: &Business,
    rules: &Rules,
    techs: &mut [TechnologyAssessment],
) -> (Vec<Vec<Gate>>, Vec<Option<usize>>) {
    let mut gates: Vec<Vec<Gate>> = fw
        .technologies
        .technologies
        .iter()
        .zip(techs.iter())
        .map(|(t, assessed)| own_gates(fw, business, rules, t, assessed.roi_potential.value))
        .collect();
    let mut candidates: Vec<usize> =
        (0..techs.len()).filter(|&i| !is_in_use(business, &techs[i].id) && ceiling(&gates[i]).is_planned()).collect();
    // Stable: equal values keep catalogue order.
    candidates.sort_by(|&a, &b| techs[b].roi_potential.value.total_cmp(&techs[a].roi_potential.value));
    let mut placed: Vec<Text> = Vec::new();
    let mut places = vec![None; techs.len()];
    for (rank, &i) in candidates.iter().enumerate() {
        techs[i].adoption_timeline.priority = Some(rank + 1);
        if is_quick_win(fw, &fw.technologies.technologies[i]) {
            continue;
        }
        if placed.len() < business.capacity {
            places[i] = Some(placed.len());
            placed.push(techs[i].id.clone());
        } else {
            let reason = Reason::Capacity { priority: rank + 1, capacity: business.capacity, ahead: placed.clone() };
            gates[i].push((Ring::Assess, Some(reason)));
        }
    }
    (gates, places)
}

/// How many pilots start together at this business (see scoring.toml [pace]).
pub fn pilots_at_once(fw: &Frameworks, dimensions: &std::collections::BTreeMap<Text, f64>) -> usize {
    let pace = &fw.scoring.pace;
    let score = dimensions.get(&pace.dimension).copied().unwrap_or(0.0);
    pace.bands.iter().rev().find(|b| score >= b.from).map_or(1, |b| b.pilots_at_once).max(1)
}

/// Capacity reasons name only the technologies ahead that were placed in adopt or pilot; a
/// capacity reason with none left says nothing true and is dropped when another reason remains.
pub fn name_only_planned(techs: &mut [TechnologyAssessment]) {
    let planned: HashSet<Text> =
        techs.iter().filter(|t| t.adoption_timeline.ring.is_planned()).map(|t| t.id.clone()).collect();
    for t in techs.iter_mut() {
        let reasons = &mut t.adoption_timeline.reasons;
        for reason in reasons.iter_mut() {
            if let Reason::Capacity { ahead, .. } = reason {
                ahead.retain(|id| planned.contains(id));
            }
        }
        let empty = |r: &Reason| matches!(r, Reason::Capacity { ahead, .. } if ahead.is_empty());
        if reasons.iter().any(|r| !empty(r)) {
            reasons.retain(|r| !empty(r));
        }
    }
}

/// Switched on rather than run as a project: takes no place in the team's capacity.
pub fn is_quick_win(fw: &Frameworks, t: &Technology) -> bool {
    t.cost == crate::frameworks::Cost::Low && t.complexity <= fw.scoring.placement.quick_win_complexity
}

fn is_in_use(business: &Business, id: &str) -> bool {
    business.in_use.iter().any(|t| t == id)
}

fn ceiling<'g>(gates: impl IntoIterator<Item = &'g Gate>) -> Ring {
    gates.into_iter().fold(Ring::Adopt, |ring, (gate, _)| ring.min(*gate))
}

/// Stage and appetite, goals, budget, and the rules in scope that cap a technology outright.
fn own_gates(fw: &Frameworks, business: &Business, rules: &Rules, t: &Technology, value: f64) -> Vec<Gate> {
    let stage = fw.stage(&t.stage.stage).expect("checked: stages exist");
    if stage.horizon_watch {
        return vec![(Ring::Watch, Some(Reason::NotYetUsable))];
    }
    let allowed = stage.ceiling.get(&business.appetite).copied().unwrap_or(Ring::Hold);
    let mut gates =
        vec![(allowed, Some(Reason::Stage { stage: stage.id.clone(), appetite: business.appetite.clone() }))];
    if t.pilot_first {
        gates.push((Ring::Pilot, Some(Reason::PilotFirst)));
    }
    let placement = &fw.scoring.placement;
    let fit = goal_fit(t, &business.goals);
    if fit < placement.serves_goal_at {
        gates.push((Ring::Hold, Some(Reason::NoGoal)));
    } else if value < placement.assess_min_value {
        gates.push((Ring::Hold, Some(Reason::LowValue)));
    } else if fit < placement.adopt_goal_at && !is_quick_win(fw, t) {
        gates.push((Ring::Pilot, Some(Reason::ModerateGoal { fit })));
    }
    if t.cost > business.affords {
        let steps = t.cost as u8 - business.affords as u8;
        let ring = if steps > 1 { Ring::Hold } else { Ring::Assess };
        gates.push((ring, Some(Reason::OverBudget { cost: t.cost, affords: business.affords })));
    }
    for rule in rules.touching(&t.id).filter(|r| r.control.is_none()) {
        let reason = Reason::Regulation { regulation: rule.id.clone(), question: None, level: None };
        gates.push((rule.ceiling.unwrap_or(Ring::Adopt), Some(reason)));
    }
    gates
}

/// The ring readiness allows: how far the weakest required dimension falls short.
pub fn readiness_gate(fw: &Frameworks, t: &TechnologyAssessment) -> Gate {
    let placement = &fw.scoring.placement;
    let shortfall = t.business_readiness.shortfall;
    let ring = if shortfall <= placement.adopt_tolerance {
        Ring::Adopt
    } else if shortfall <= placement.pilot_tolerance {
        Ring::Pilot
    } else if shortfall <= placement.assess_tolerance {
        Ring::Assess
    } else {
        Ring::Hold
    };
    let weakest = t
        .business_readiness
        .requirements
        .iter()
        .max_by(|a, b| (a.required - a.actual).total_cmp(&(b.required - b.actual)));
    let reason = weakest.filter(|_| shortfall > 0.0).map(|r| Reason::Readiness {
        dimension: r.dimension.clone(),
        actual: r.actual,
        required: r.required,
    });
    (ring, reason)
}

/// The final ring from all gates, with the reasons of the gates that set it.
pub fn settle<'g>(gates: impl Iterator<Item = &'g Gate> + Clone) -> (Ring, Vec<Reason>) {
    let ring = ceiling(gates.clone());
    let reasons: Vec<Reason> = if ring == Ring::Adopt {
        vec![Reason::Ready]
    } else {
        gates.filter(|(gate, _)| *gate == ring).filter_map(|(_, reason)| reason.clone()).collect()
    };
    (ring, reasons)
}

/// Start and end months for a ring that has them: no earlier than the ring allows, after each
/// prerequisite not yet in use has had its lag, and after the mitigations `after` ends. A
/// technology that cannot start by its ring's last month moves down a ring.
pub fn schedule(fw: &Frameworks, mut ring: Ring, earliest: u32) -> (Ring, Option<(u32, u32)>, Option<Reason>) {
    let mut moved = None;
    loop {
        let spec = fw.ring(ring);
        let (Some(first), Some(last), Some(months)) = (spec.earliest_month, spec.latest_month, spec.months) else {
            return (ring, None, moved);
        };
        let start = first.max(earliest);
        if start <= last {
            return (ring, Some((start, (start + months - 1).min(12))), moved);
        }
        moved = Some(Reason::Timing { month: start });
        ring = ring.lower();
    }
}

/// The phase containing a month.
pub fn phase_of_month(fw: &Frameworks, month: u32) -> Option<Text> {
    fw.roadmap.phases.iter().find(|p| p.months[0] <= month && month <= p.months[1]).map(|p| p.id.clone())
}
