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
pub(crate) type Gate = (Ring, Option<Reason>);

/// Goals rank the work; they veto only what brings cost or risk for nothing. A technology that
/// serves a stated goal well has no goal gate; one that serves it moderately is piloted first,
/// unless it is a quick win, and held while it is unproven; one that serves the goals weakly is held, unless it is a proven
/// quick win, which is at least assessed; one that serves no stated goal at all is held.
fn goal_gate(fw: &Frameworks, t: &Technology, fit: f64) -> Option<Gate> {
    let placement = &fw.scoring.placement;
    let switch_on = is_quick_win(fw, t) && placement.switch_on_stages.contains(&t.stage.stage);
    if fit >= placement.adopt_goal_at {
        return None;
    }
    if fit >= placement.serves_goal_at {
        if !placement.proven_stages.contains(&t.stage.stage) {
            return Some((Ring::Hold, Some(Reason::UnprovenModerateGoal { fit })));
        }
        return (!is_quick_win(fw, t)).then_some((Ring::Pilot, Some(Reason::ModerateGoal { fit })));
    }
    let would_serve: Vec<Text> = {
        let mut served: Vec<(&Text, f64)> =
            t.goals.iter().filter(|(_, f)| **f >= placement.adopt_goal_at).map(|(g, f)| (g, *f)).collect();
        served.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        served.into_iter().map(|(g, _)| g.clone()).collect()
    };
    let ring = if switch_on && fit > 0.0 { Ring::Assess } else { Ring::Hold };
    Some((ring, Some(Reason::NoGoal { fit, would_serve })))
}

/// The ring allowed by everything about the business except its readiness answers, for every
/// technology, and the place each candidate holds among the year's initiatives: candidates are
/// ranked by value and the places beyond the team's capacity allow no more than assess.
pub(crate) fn context_gates(
    fw: &Frameworks,
    business: &Business,
    rules: &Rules,
    techs: &mut [TechnologyAssessment],
) -> (Vec<Vec<Gate>>, Vec<Option<usize>>) {
    let mut gates: Vec<Vec<Gate>> =
        fw.technologies.technologies.iter().map(|t| own_gates(fw, business, rules, t)).collect();
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

/// How many pilots run at once at this business (see scoring.toml [pace]).
pub(crate) fn pilots_at_once(fw: &Frameworks, dimensions: &std::collections::BTreeMap<Text, f64>) -> usize {
    let pace = &fw.scoring.pace;
    let score = dimensions.get(&pace.dimension).copied().unwrap_or(0.0);
    pace.bands.iter().rev().find(|b| score >= b.from).map_or(1, |b| b.pilots_at_once).max(1)
}

/// Capacity reasons name only the technologies ahead that were placed in adopt or pilot; a
/// capacity reason with none left says nothing true and is dropped when another reason remains.
pub(crate) fn name_only_planned(techs: &mut [TechnologyAssessment]) {
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
pub(crate) fn is_quick_win(fw: &Frameworks, t: &Technology) -> bool {
    t.cost == crate::frameworks::Cost::Low && t.complexity <= fw.scoring.placement.quick_win_complexity
}

fn is_in_use(business: &Business, id: &str) -> bool {
    business.in_use.iter().any(|t| t == id)
}

fn ceiling<'g>(gates: impl IntoIterator<Item = &'g Gate>) -> Ring {
    gates.into_iter().fold(Ring::Adopt, |ring, (gate, _)| ring.min(*gate))
}

/// Stage and appetite, goals (see [`goal_gate`]), budget, and the rules in scope that cap a technology outright.
fn own_gates(fw: &Frameworks, business: &Business, rules: &Rules, t: &Technology) -> Vec<Gate> {
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
    gates.extend(goal_gate(fw, t, goal_fit(t, &business.goals)));
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

/// The ring readiness allows: how far the weakest required dimension falls short. A goal the
/// technology serves very well justifies a pilot with a wider gap to close, and a bolder
/// appetite accepts a wider gap for a pilot and for a study.
pub(crate) fn readiness_gate(fw: &Frameworks, t: &TechnologyAssessment, appetite: &str) -> Gate {
    let placement = &fw.scoring.placement;
    let shortfall = t.business_readiness.shortfall;
    let fit = t.roi_potential.score / 100.0;
    let strong = if fit >= placement.next_step_goal_at {
        placement.strong_goal_pilot_tolerance - placement.pilot_tolerance
    } else {
        0.0
    };
    let bold = placement.appetite_widening.get(appetite).copied().unwrap_or(0.0);
    let pilot_tolerance = (placement.pilot_tolerance + strong.max(bold)).max(placement.adopt_tolerance);
    let assess_tolerance = (placement.assess_tolerance + bold).max(pilot_tolerance);
    let ring = if shortfall <= placement.adopt_tolerance {
        Ring::Adopt
    } else if shortfall <= pilot_tolerance {
        Ring::Pilot
    } else if shortfall <= assess_tolerance {
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
pub(crate) fn settle<'g>(gates: impl Iterator<Item = &'g Gate> + Clone) -> (Ring, Vec<Reason>) {
    let ring = ceiling(gates.clone());
    let reasons: Vec<Reason> = if ring == Ring::Adopt {
        vec![Reason::Ready]
    } else {
        gates.filter(|(gate, _)| *gate == ring).filter_map(|(_, reason)| reason.clone()).collect()
    };
    (ring, reasons)
}

/// Start and end months for a ring that has them: no earlier than the ring allows and than
/// `ready_from` says the work it waits for allows in that ring. A quick win adopted is switched
/// on in a shorter bar. A technology that cannot start by its ring's last month moves down a
/// ring.
pub(crate) fn schedule(
    fw: &Frameworks,
    mut ring: Ring,
    quick_win: bool,
    ready_from: impl Fn(Ring) -> u32,
) -> (Ring, Option<(u32, u32)>, Option<Reason>) {
    let mut moved = None;
    loop {
        let spec = fw.ring(ring);
        let (Some(first), Some(last), Some(months)) = (spec.earliest_month, spec.latest_month, spec.months) else {
            return (ring, None, moved);
        };
        let months = if quick_win && ring == Ring::Adopt { fw.scoring.placement.quick_win_months } else { months };
        let start = first.max(ready_from(ring));
        if start <= last {
            return (ring, Some((start, (start + months - 1).min(fw.roadmap.horizon_months))), moved);
        }
        moved = Some(Reason::Timing { month: start });
        ring = ring.lower();
    }
}

/// The last month of the roadmap actions a technology in `ring` waits for (0 for none): a
/// vendor chosen and a pilot designed before the work starts. A quick win adopted is switched
/// on and waits for none.
pub(crate) fn ring_actions_end(fw: &Frameworks, ring: Ring, quick_win: bool) -> u32 {
    if quick_win && ring == Ring::Adopt {
        return 0;
    }
    let actions = fw.roadmap.phases.iter().flat_map(|p| &p.actions).filter(|a| a.before_rings.contains(&ring));
    actions.filter_map(|a| fw.action_months(&a.id)).map(|[_, end]| end).max().unwrap_or(0)
}

/// The phase containing a month.
pub(crate) fn phase_of_month(fw: &Frameworks, month: u32) -> Option<Text> {
    fw.roadmap.phases.iter().find(|p| p.months[0] <= month && month <= p.months[1]).map(|p| p.id.clone())
}
