//! The roadmap: the gaps to close in priority order, and the three phases with only the
//! actions, entry criteria and technologies that apply to this business. Foundation actions
//! run no more at once than the team's capacity.

use super::controls_in_place;
use super::rules::Rules;
use crate::answers::Answers;
use crate::assessment::{PhasePlan, PlannedAction, Readiness, RiskEntry, TechnologyAssessment};
use crate::frameworks::{Action, Frameworks, Phase, Ring, Text};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The gaps to close, first first: dimensions that hold back a candidate technology (one that
/// serves a stated goal and fits the business) by more than the pilot tolerance, the most
/// candidate value held back first; then the dimension whose pace held a pilot back (`paced`);
/// then other dimensions below the gap threshold, weakest first.
pub fn priority_gaps(
    fw: &Frameworks,
    readiness: &Readiness,
    techs: &[TechnologyAssessment],
    paced: Option<&Text>,
) -> Vec<Text> {
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
    for id in paced.into_iter().chain(&readiness.gaps) {
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
    answers: &'a Answers,
    gaps: &'a [Text],
    techs: &'a [TechnologyAssessment],
    /// Planned technologies by the action that puts in place a control they wait for.
    waiting: HashMap<&'a Text, Vec<Text>>,
    /// The planned technologies, and the serious risks they carry.
    planned: HashSet<&'a Text>,
    serious_when_planned: HashSet<&'a Text>,
    /// The rings some technology is in.
    rings: HashSet<Ring>,
    /// Serious raised risks by the action that mitigates them.
    serious_by_action: HashMap<&'a Text, Vec<Text>>,
}

impl Plan<'_> {
    /// A technology's assessment: `techs` holds one for each, in catalogue order.
    fn technology(&self, id: &str) -> Option<&TechnologyAssessment> {
        self.fw.technology_position(id).and_then(|i| self.techs.get(i))
    }

    fn has_ring(&self, rings: &[Ring]) -> bool {
        rings.iter().any(|ring| self.rings.contains(ring))
    }

    /// The listed technologies in use and serving a stated goal, or adopted or piloted from
    /// `month` at the latest. Scale-up work is not scheduled for a tool that serves no goal.
    fn served(&self, ids: &[Text], month: u32) -> Vec<Text> {
        let live = |t: &&TechnologyAssessment| {
            let timeline = &t.adoption_timeline;
            let planned = timeline.ring.is_planned() && timeline.start_month.is_some_and(|m| m <= month);
            let in_use = timeline.ring == Ring::InUse && !t.roi_potential.goals_served.is_empty();
            in_use || planned
        };
        let listed = super::in_catalogue_order(ids.iter().filter_map(|id| self.fw.technology_position(id)));
        listed.into_iter().filter_map(|i| self.techs.get(i)).filter(live).map(|t| t.id.clone()).collect()
    }

    /// A planned technology's start waits for the action: it puts a control in place for it or
    /// mitigates a serious risk it carries.
    fn waited_for_by_a_start(&self, action: &PlannedAction) -> bool {
        action.technologies.iter().any(|id| self.planned.contains(id))
            || action.risks.iter().any(|id| self.serious_when_planned.contains(id))
    }

    /// Planned technologies waiting for the action to put a rule's control in place.
    fn waiting_for(&self, action: &Action) -> Vec<Text> {
        self.waiting.get(&action.id).cloned().unwrap_or_default()
    }

    /// Serious raised risks the action mitigates: their mitigation must come before the
    /// technologies they touch start. Other raised risks name the action but do not schedule it.
    fn mitigates(&self, action: &Action) -> Vec<Text> {
        self.serious_by_action.get(&action.id).cloned().unwrap_or_default()
    }

    /// The action as planned, if it applies: it mitigates a serious raised risk, serves a
    /// technology in the plan or puts in place a control one waits for; or, unless the answers
    /// show the work already done, it closes a gap, serves a ring in the plan or has no
    /// condition at all.
    fn action(&self, phase: &Phase, action: &Action) -> Option<(usize, PlannedAction)> {
        let gaps: Vec<Text> = self.gaps.iter().filter(|g| action.for_gaps.contains(g)).cloned().collect();
        let risks = self.mitigates(action);
        let mut technologies = self.served(&action.for_technologies, phase.months[1]);
        for id in self.waiting_for(action) {
            if !technologies.contains(&id) {
                technologies.push(id);
            }
        }
        let unconditional =
            action.for_gaps.is_empty() && action.for_rings.is_empty() && action.for_technologies.is_empty();
        let done = controls_in_place(self.fw, self.answers, &action.evidence);
        let applies = !risks.is_empty()
            || !technologies.is_empty()
            || (!done
                && (unconditional
                    || !gaps.is_empty()
                    || (!action.for_rings.is_empty() && self.has_ring(&action.for_rings))));
        let in_use = |id: &Text| self.technology(id).is_some_and(|t| t.adoption_timeline.ring == Ring::InUse);
        let description = match &action.in_use_description {
            Some(text) if technologies.iter().any(in_use) => text.clone(),
            _ => action.description.clone(),
        };
        let first_gap = gaps.iter().filter_map(|g| self.gaps.iter().position(|x| x == g)).min().unwrap_or(usize::MAX);
        let start = phase.months[0];
        applies.then(|| {
            let planned = PlannedAction {
                id: action.id.clone(),
                title: action.title.clone(),
                description,
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
    answers: &Answers,
    gaps: &[Text],
    techs: &[TechnologyAssessment],
    risks: &[RiskEntry],
) -> Vec<PhasePlan> {
    let rules = Rules::new(fw, business, answers);
    let mut waiting: HashMap<&Text, Vec<Text>> = HashMap::default();
    for t in techs.iter().filter(|t| t.adoption_timeline.ring.is_planned()) {
        for action in rules.control_actions(&t.id) {
            super::group_once(&mut waiting, action, t.id.clone());
        }
    }
    let planned_techs = techs.iter().filter(|t| t.adoption_timeline.ring.is_planned());
    let planned = planned_techs.clone().map(|t| &t.id).collect();
    let serious_when_planned =
        planned_techs.flat_map(|t| &t.risk_factors.risks).filter(|r| r.serious).map(|r| &r.id).collect();
    let gaps = &gaps[..gaps.len().min(business.capacity)];
    let mut serious_by_action: HashMap<&Text, Vec<Text>> = HashMap::default();
    for r in risks.iter().filter(|r| r.serious) {
        serious_by_action.entry(&r.action).or_default().push(r.id.clone());
    }
    let plan = Plan {
        fw,
        business,
        answers,
        gaps,
        techs,
        waiting,
        planned,
        serious_when_planned,
        rings: techs.iter().map(|t| t.adoption_timeline.ring).collect(),
        serious_by_action,
    };
    let mut phases: Vec<PhasePlan> = fw
        .roadmap
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let mut actions: Vec<(usize, PlannedAction)> =
                phase.actions.iter().filter_map(|a| plan.action(phase, a)).collect();
            // Stable: the first gap's work first, then work a planned technology waits for, then
            // the other gaps in order; the rest keep the roadmap's order.
            actions.sort_by_key(|(first_gap, a)| {
                (*first_gap != 0, a.risks.is_empty() && a.technologies.is_empty(), *first_gap)
            });
            if index == 0 {
                stagger(&mut actions, business.capacity.max(1), |a| plan.waited_for_by_a_start(a));
            }
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
        .collect();
    move_to_starting_phase(&mut phases);
    phases
}

/// Starts each action in the first month from which it runs with fewer than `at_once` others.
/// Work a planned technology waits for (a serious risk's mitigation, a rule's control) keeps
/// its month: the technology's start was set after it, and it is the plan's own prerequisite.
fn stagger(actions: &mut [(usize, PlannedAction)], at_once: usize, waited_for: impl Fn(&PlannedAction) -> bool) {
    let mut running = Running { counts: Vec::new(), at_once, open_from: 1 };
    for (_, action) in actions.iter().filter(|(_, a)| waited_for(a)) {
        running.add(action.months);
    }
    for (_, action) in actions.iter_mut().filter(|(_, a)| !waited_for(a)) {
        let [from, to] = action.months;
        let start = running.first_room(from, to - from + 1);
        let end = start + (to - from);
        action.months = [start, end.min(12)];
        running.add([start, end]);
    }
}

/// How many actions run in each month, as they are placed.
struct Running {
    counts: Vec<usize>,
    at_once: usize,
    /// Every month from 1 to this one's predecessor is full (months count from 1).
    open_from: u32,
}

impl Running {
    fn full(&self, month: u32) -> bool {
        self.counts.get(month as usize).is_some_and(|&n| n >= self.at_once)
    }

    fn add(&mut self, [start, end]: [u32; 2]) {
        if self.counts.len() <= end as usize {
            self.counts.resize(end as usize + 1, 0);
        }
        for month in start..=end {
            self.counts[month as usize] += 1;
        }
        while self.full(self.open_from) {
            self.open_from += 1;
        }
    }

    /// The first month from `start` that begins a run of `months` months with room in each.
    /// When the run from `start` holds a full month, so does every run starting from there up
    /// to that month, so the search jumps past it.
    fn first_room(&self, start: u32, months: u32) -> u32 {
        let mut start = start.max(self.open_from);
        while let Some(full) = (start..start + months).find(|&m| self.full(m)) {
            start = full + 1;
        }
        start
    }
}

/// An action staggered past its phase is listed in the phase where it starts, ahead of that
/// phase's own actions, so each phase lists only the work that starts in it.
fn move_to_starting_phase(phases: &mut [PhasePlan]) {
    let mut moved_in = vec![0; phases.len()];
    for i in 0..phases.len() {
        let end = phases[i].months[1];
        let (late, kept): (Vec<PlannedAction>, Vec<PlannedAction>) =
            std::mem::take(&mut phases[i].actions).into_iter().partition(|a| a.months[0] > end);
        phases[i].actions = kept;
        for action in late {
            let Some(to) =
                phases.iter().position(|p| p.months[0] <= action.months[0] && action.months[0] <= p.months[1])
            else {
                continue; // No month left this year: the team's capacity is spent.
            };
            phases[to].actions.insert(moved_in[to], action);
            moved_in[to] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `stagger` must give, computed the plain way: each action slides a month at a time
    /// until no month of it has `at_once` others running.
    fn month_by_month(windows: &[([u32; 2], bool)], at_once: usize) -> Vec<[u32; 2]> {
        let mut running: Vec<[u32; 2]> = windows.iter().filter(|(_, waited)| *waited).map(|(m, _)| *m).collect();
        let busy = |m: u32, running: &[[u32; 2]]| running.iter().filter(|r| r[0] <= m && m <= r[1]).count();
        let mut placed = Vec::new();
        for &([mut start, mut end], waited) in windows {
            if !waited {
                while (start..=end).any(|m| busy(m, &running) >= at_once) {
                    start += 1;
                    end += 1;
                }
                running.push([start, end]);
            }
            placed.push([start, end.min(12)]);
        }
        placed
    }

    fn action(months: [u32; 2], waited: bool) -> (usize, PlannedAction) {
        let risks = if waited { vec![Text::from("a serious risk")] } else { Vec::new() };
        let (id, title, description, owner) = Default::default();
        let action =
            PlannedAction { id, title, description, months, owner, gaps: Vec::new(), risks, technologies: Vec::new() };
        (0, action)
    }

    proptest! {
        #[test]
        fn stagger_places_each_action_where_sliding_month_by_month_would(
            windows in prop::collection::vec((1u32..=12, 0u32..4, any::<bool>()), 0..40),
            at_once in 1usize..4,
        ) {
            let windows: Vec<([u32; 2], bool)> =
                windows.into_iter().map(|(start, extra, waited)| ([start, (start + extra).min(12)], waited)).collect();
            let mut actions: Vec<(usize, PlannedAction)> = windows.iter().map(|&(m, w)| action(m, w)).collect();
            stagger(&mut actions, at_once, |a| !a.risks.is_empty());
            let placed: Vec<[u32; 2]> = actions.iter().map(|(_, a)| a.months).collect();
            prop_assert_eq!(placed, month_by_month(&windows, at_once));
        }
    }
}
