//! The roadmap: the gaps to close in priority order, and the three phases with only the
//! actions, entry criteria and technologies that apply to this business. Foundation actions
//! run no more at once than the team's capacity.

use super::calendar::Running;
use super::controls_in_place;
use super::rules::Rules;
use crate::answers::Answers;
use crate::assessment::{PhasePlan, PlannedAction, PlannedCriterion, Readiness, RiskEntry, TechnologyAssessment};
use crate::frameworks::{Action, EntryCriterion, Frameworks, Phase, Ring, Text};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The gaps to close, first first: dimensions that hold back a candidate technology (one that
/// serves a stated goal and fits the business) by more than the pilot tolerance, the most
/// candidate value held back first; then the dimension whose pace held a pilot back (`paced`);
/// then other dimensions below the gap threshold, weakest first.
pub(crate) fn priority_gaps(
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
    /// The serious risks the planned technologies carry.
    serious_when_planned: HashSet<&'a Text>,
    /// The rings some technology is in.
    rings: HashSet<Ring>,
    /// Serious raised risks by the action that mitigates them.
    serious_by_action: HashMap<&'a Text, Vec<Text>>,
    /// Serious risks that a technology the business runs carries today.
    live: HashSet<&'a Text>,
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

    /// A planned technology's start waits for the action: it puts a control in place for it,
    /// mitigates a serious risk it carries, is work its ring waits for (a vendor chosen, a
    /// pilot designed) or is the work of its ring (the studies of what is assessed).
    fn waited_for_by_a_start(&self, action: &PlannedAction) -> bool {
        let spec = self.fw.action(&action.id).map(|(_, a)| a);
        // Technologies it serves do not wait for it; those waiting for its control do.
        spec.is_some_and(|a| !self.waiting_for(a).is_empty() || self.has_ring(&a.carries_rings))
            || action.risks.iter().any(|id| self.serious_when_planned.contains(id))
            || self.mitigates_for_a_start(&action.id)
            || spec.is_some_and(|a| self.ring_waits_for(a))
    }

    /// The action mitigates a serious risk that a planned technology carries, or one of the
    /// whole programme that its ring raises: the technology's start was set after it.
    fn mitigates_for_a_start(&self, action: &Text) -> bool {
        let serious = self.serious_by_action.get(action);
        let programme = |ring: Ring| {
            let raised =
                self.fw.risks.risks.iter().filter(|r| &r.mitigated_by == action && r.for_rings.contains(&ring));
            raised.into_iter().any(|r| serious.is_some_and(|ids| ids.contains(&r.id)))
        };
        self.techs.iter().any(|t| {
            let timeline = &t.adoption_timeline;
            let starts = timeline.ring.is_planned() && timeline.start_month.is_some();
            let carried = t.risk_factors.risks.iter().any(|r| r.serious && self.mitigation_of(&r.id) == Some(action));
            starts && (carried || programme(timeline.ring))
        })
    }

    /// The last month of the pilots an action extends (0 for none): work on a piloted
    /// technology, or work for the pilot ring itself ("scale what works", not the work that
    /// readies pilots), starts after the pilots it builds on have been judged.
    fn pilots_end(&self, action: &PlannedAction) -> u32 {
        let Some((_, spec)) = self.fw.action(&action.id) else { return 0 };
        let extends = |t: &&TechnologyAssessment| {
            let worked_on = spec.for_technologies.contains(&t.id) && action.technologies.contains(&t.id);
            let for_pilots = spec.for_rings.contains(&Ring::Pilot) && !spec.before_rings.contains(&Ring::Pilot);
            worked_on || (spec.for_technologies.is_empty() && for_pilots)
        };
        let pilots = self.techs.iter().filter(|t| t.adoption_timeline.ring == Ring::Pilot).filter(extends);
        pilots.filter_map(|t| t.adoption_timeline.end_month).max().unwrap_or(0)
    }

    /// The action that mitigates a risk.
    fn mitigation_of(&self, risk: &str) -> Option<&Text> {
        self.fw.risk(risk).map(|r| &r.mitigated_by)
    }

    /// Some technology placed in one of the action's `before_rings` waits for it (a quick win
    /// adopted is switched on and waits for none).
    /// An entry criterion applies to this plan and something meets it: an action in the plan
    /// that produces it, or answers that show its producers' work already done. A criterion
    /// nothing in the plan would meet is not printed as a condition of the phase.
    fn criterion_holds(&self, e: &EntryCriterion, planned: &HashSet<&Text>) -> bool {
        let done =
            |id: &Text| self.fw.action(id).is_some_and(|(_, a)| controls_in_place(self.fw, self.answers, &a.evidence));
        let ring = e.for_rings.is_empty() || self.has_ring(&e.for_rings);
        let met = e.produced_by.is_empty()
            || e.produced_by.iter().any(|id| planned.contains(id))
            || e.produced_by.iter().all(done);
        ring && met
    }

    fn ring_waits_for(&self, action: &Action) -> bool {
        self.techs.iter().any(|t| {
            let timeline = &t.adoption_timeline;
            let switched_on = timeline.quick_win && timeline.ring == Ring::Adopt;
            !switched_on && timeline.start_month.is_some() && action.before_rings.contains(&timeline.ring)
        })
    }

    /// The serious risks carried by the technologies an action works on (its
    /// `for_technologies`, not those waiting for its control): their mitigation ends before the
    /// action starts.
    fn raised_by(&self, action: &PlannedAction) -> Vec<&Text> {
        let works_on = self.fw.action(&action.id).map(|(_, a)| a.for_technologies.as_slice()).unwrap_or_default();
        let worked = action.technologies.iter().filter(|id| works_on.contains(id));
        let carried = worked.filter_map(|id| self.technology(id));
        let serious = carried.flat_map(|t| &t.risk_factors.risks).filter(|r| r.serious).map(|r| &r.id);
        serious.filter(|id| !action.risks.contains(id)).collect()
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

    /// The title and description of the action's version for this business's size, if it has
    /// one: a small team's, else a large company's.
    fn version<'a>(&self, action: &'a Action) -> Option<(&'a Text, &'a Text)> {
        let team = self.business.team_size;
        let small = action.small_team.as_ref().filter(|v| team.is_some_and(|n| n <= v.team_up_to));
        let large = action.large_company.as_ref().filter(|v| {
            let company = self.business.company_scale.as_ref().is_some_and(|s| v.company_scales.contains(s));
            company || team.zip(v.team_over).is_some_and(|(n, over)| n > over)
        });
        small.map(|v| (&v.title, &v.description)).or_else(|| large.map(|v| (&v.title, &v.description)))
    }

    /// The action as planned, if it applies: it mitigates a serious raised risk, serves a
    /// technology in the plan, puts in place a control one waits for or readies a ring a
    /// technology starts in (a quick win switched on needs no shortlist); or, unless the answers
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
            || self.ring_waits_for(action)
            || self.mitigates_for_a_start(&action.id)
            || (!done
                && (unconditional
                    || !gaps.is_empty()
                    || (!action.for_rings.is_empty()
                        && action.before_rings.is_empty()
                        && self.has_ring(&action.for_rings))));
        let in_use = |id: &Text| self.technology(id).is_some_and(|t| t.adoption_timeline.ring == Ring::InUse);
        let version = self.version(action);
        let description = match (&action.in_use_description, version) {
            (_, Some((_, description))) => description.clone(),
            (Some(text), None) if technologies.iter().any(in_use) => text.clone(),
            _ => action.description.clone(),
        };
        let first_gap = gaps.iter().filter_map(|g| self.gaps.iter().position(|x| x == g)).min().unwrap_or(usize::MAX);
        let months = self.fw.action_months(&action.id).unwrap_or(phase.months);
        applies.then(|| {
            let planned = PlannedAction {
                id: action.id.clone(),
                title: version.map_or(&action.title, |(title, _)| title).clone(),
                description,
                months,
                owner: super::risk::owner(self.fw, self.business, &action.owner),
                gaps,
                risks,
                technologies,
                relieved: false,
                if_go: None,
            };
            (first_gap, planned)
        })
    }
}

/// Each phase with the actions that apply, the gap named first worked on first. Gap-closing
/// work is taken on for as many gaps as the team has capacity for.
pub(crate) fn plan(
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
    let serious_when_planned =
        planned_techs.flat_map(|t| &t.risk_factors.risks).filter(|r| r.serious).map(|r| &r.id).collect();
    let gaps = &gaps[..gaps.len().min(business.capacity)];
    let mut serious_by_action: HashMap<&Text, Vec<Text>> = HashMap::default();
    for r in risks.iter().filter(|r| r.serious) {
        serious_by_action.entry(&r.action).or_default().push(r.id.clone());
    }
    let running = |id: &Text| business.in_use.contains(id);
    let live: HashSet<&Text> =
        risks.iter().filter(|r| r.serious && r.technologies.iter().any(running)).map(|r| &r.id).collect();
    let plan = Plan {
        fw,
        business,
        answers,
        gaps,
        techs,
        waiting,
        serious_when_planned,
        rings: techs.iter().map(|t| t.adoption_timeline.ring).collect(),
        serious_by_action,
        live,
    };
    let mut actions: Vec<Vec<PlannedAction>> = fw
        .roadmap
        .phases
        .iter()
        .map(|phase| {
            let mut actions: Vec<(usize, PlannedAction)> =
                phase.actions.iter().filter_map(|a| plan.action(phase, a)).collect();
            // Stable: work against a serious risk that what the business runs carries today
            // first, then the first gap's work, then work a planned technology waits for, then
            // the other gaps in order; the rest keep the roadmap's order.
            actions.sort_by_key(|(first_gap, a)| {
                let live_risk = a.risks.iter().any(|r| plan.live.contains(r));
                (!live_risk, *first_gap != 0, a.risks.is_empty() && a.technologies.is_empty(), *first_gap)
            });
            actions.into_iter().map(|(_, a)| a).collect()
        })
        .collect();
    schedule(&plan, &mut actions, business.capacity);
    let planned_ids: Vec<Text> = actions.iter().flatten().map(|a| a.id.clone()).collect();
    let planned: HashSet<&Text> = planned_ids.iter().collect();
    let ends: HashMap<Text, u32> = actions.iter().flatten().map(|a| (a.id.clone(), a.months[1])).collect();
    // A criterion is printed only where its planned producers end before the phase starts.
    let in_time = |e: &EntryCriterion, phase: &Phase| {
        e.produced_by.iter().filter_map(|id| ends.get(id)).all(|&end| end < phase.months[0])
    };
    let mut phases: Vec<PhasePlan> = fw
        .roadmap
        .phases
        .iter()
        .zip(actions)
        .map(|(phase, actions)| {
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
                    .filter(|e| plan.criterion_holds(e, &planned) && in_time(e, phase))
                    .map(|e| criterion(e, techs))
                    .collect(),
                technologies: starting.iter().map(|t| t.id.clone()).collect(),
                actions,
            }
        })
        .collect();
    move_to_starting_phase(&mut phases);
    for phase in &mut phases {
        phase.actions.sort_by_key(|a| a.months[0]);
    }
    phases
}

/// A criterion as planned: the technologies it names are those in its `names` rings, running
/// ones first, then by start month.
fn criterion(e: &EntryCriterion, techs: &[TechnologyAssessment]) -> PlannedCriterion {
    let mut named: Vec<&TechnologyAssessment> =
        techs.iter().filter(|t| e.names.contains(&t.adoption_timeline.ring)).collect();
    named.sort_by_key(|t| t.adoption_timeline.start_month);
    PlannedCriterion {
        id: e.id.clone(),
        text: e.plain.as_ref().unwrap_or(&e.text).clone(),
        technologies: named.iter().map(|t| t.id.clone()).collect(),
    }
}

/// Schedules the planned actions, phase by phase. Work a technology's start waits for (a
/// serious risk's mitigation, a rule's control, a vendor chosen, a pilot designed) keeps the
/// months the frameworks give it, and so does the work it comes after: the technology's start
/// was set after them. Every other action starts after the planned actions it comes after and
/// after the mitigation of every serious risk its own work raises, in the first month from
/// which its lead runs fewer than `owner_actions_at_once` others and, in the foundation phase,
/// the team fewer than `at_once`.
fn schedule(plan: &Plan, phases: &mut [Vec<PlannedAction>], at_once: usize) {
    let waited = waited_for(plan, phases);
    let mut ends: HashMap<Text, u32> = HashMap::default();
    let per_owner = plan.fw.scoring.placement.owner_actions_at_once;
    let mut owners: HashMap<Text, Running> = HashMap::default();
    // Work only its usual lead can do is booked first, so outside help relieves the rest.
    let mut kept: Vec<&mut PlannedAction> = phases.iter_mut().flatten().filter(|a| waited.contains(&a.id)).collect();
    kept.sort_by_key(|a| plan.fw.action(&a.id).is_some_and(|(_, spec)| spec.relief.is_some()));
    for action in kept {
        // Work that judges pilots (a criterion's review, say) keeps its months but not before
        // the pilots end: nothing starts on its account.
        let [from, to] = action.months;
        let judged = plan.pilots_end(action) + 1;
        if judged > from {
            action.months = [judged, (judged + (to - from)).min(12)];
        }
        relieve(plan.fw, &owners, action);
        owners.entry(lead(&action.owner)).or_insert_with(|| Running::new(per_owner)).add(action.months);
    }
    // The team's capacity counts the foundation work it leads itself, not what outside help leads.
    let mut running = Running::new(at_once);
    for action in phases.first().into_iter().flatten().filter(|a| waited.contains(&a.id) && !a.relieved) {
        running.add(action.months);
    }
    let planned: HashSet<Text> = phases.iter().flatten().map(|a| a.id.clone()).collect();
    for (index, actions) in phases.iter_mut().enumerate() {
        for i in dependency_order(plan.fw, actions, &planned) {
            let action = &mut actions[i];
            if !waited.contains(&action.id) {
                let [from, to] = action.months;
                let after = plan.fw.action(&action.id).map(|(_, a)| a.after.as_slice()).unwrap_or_default();
                let mut earliest = after.iter().filter_map(|id| ends.get(id)).fold(from, |m, end| m.max(end + 1));
                earliest = earliest.max(plan.pilots_end(action) + 1);
                for risk in plan.raised_by(action) {
                    let nominal = |id: &Text| plan.fw.action_months(id).map(|[_, end]| end);
                    let end = plan.mitigation_of(risk).and_then(|id| ends.get(id).copied().or_else(|| nominal(id)));
                    earliest = earliest.max(end.map_or(0, |end| end + 1));
                }
                let owner = owners.entry(lead(&action.owner)).or_insert_with(|| Running::new(per_owner));
                let foundation = (index == 0).then_some(&mut running);
                let start = first_room_in_both(owner, foundation, earliest, to - from + 1);
                action.months = [start, (start + (to - from)).min(plan.fw.roadmap.horizon_months)];
            }
            action.if_go = review_before(plan.fw, &action.id, &ends);
            ends.insert(action.id.clone(), action.months[1]);
        }
    }
}

/// The last month of a planned review the action comes after, which decides whether it goes.
fn review_before(fw: &Frameworks, id: &str, ends: &HashMap<Text, u32>) -> Option<u32> {
    let after = fw.action(id).map(|(_, a)| a.after.as_slice()).unwrap_or_default();
    let decides = |x: &&Text| fw.action(x).is_some_and(|(_, a)| a.decides);
    after.iter().filter(decides).filter_map(|x| ends.get(x).copied()).max()
}

/// Work a start waits for keeps its months; when its lead already carries as many actions
/// then as a person can, outside help (the action's `relief`) leads it instead, if it has room.
fn relieve(fw: &Frameworks, owners: &HashMap<Text, Running>, action: &mut PlannedAction) {
    let [from, to] = action.months;
    let has_room = |owner: &str| owners.get(&lead(owner)).is_none_or(|r| r.first_room(from, to - from + 1) == from);
    let Some(relief) = fw.action(&action.id).and_then(|(_, a)| a.relief.as_ref()) else { return };
    let usual = lead(&action.owner);
    let helper = relief.replace("{lead}", &crate::words::lower_first(&usual));
    if !has_room(&action.owner) && has_room(&helper) {
        action.owner = helper.into();
        action.relieved = true;
    }
}

/// Who leads an owner's work: "The marketing lead, with finance" is the marketing lead, helped
/// (risks.toml writes every owner as the lead, then ", with" whoever helps).
fn lead(owner: &str) -> Text {
    owner.split_once(", with").map_or(owner, |(lead, _)| lead).into()
}

/// The first month from `earliest` with room for `months` months for the owner and, in the
/// foundation phase, in the team's capacity; the run is then booked in both.
fn first_room_in_both(owner: &mut Running, mut team: Option<&mut Running>, earliest: u32, months: u32) -> u32 {
    let mut start = earliest;
    loop {
        let for_team = team.as_ref().map_or(start, |t| t.first_room(start, months));
        let for_both = owner.first_room(for_team, months);
        if for_both == start {
            break;
        }
        start = for_both;
    }
    let run = [start, start + months - 1];
    owner.add(run);
    if let Some(team) = team.as_mut() {
        team.add(run);
    }
    start
}

/// The planned actions a start waits for, the mitigations of serious risks that planned work
/// raises or that what the business runs carries today, the actions that meet a phase's entry criteria, and, transitively, the planned
/// actions those come after.
fn waited_for(plan: &Plan, phases: &[Vec<PlannedAction>]) -> HashSet<Text> {
    let all = || phases.iter().flatten();
    let raised: HashSet<&Text> = all().flat_map(|a| plan.raised_by(a)).collect();
    let planned: HashSet<&Text> = all().map(|a| &a.id).collect();
    let shown = |e: &&EntryCriterion| plan.criterion_holds(e, &planned);
    let criteria = plan.fw.roadmap.phases.iter().flat_map(|p| &p.entry_criteria).filter(shown);
    let producers: HashSet<&Text> = criteria.flat_map(|e| &e.produced_by).collect();
    let mut waited: Vec<Text> = all()
        .filter(|a| {
            let against = |r: &Text| raised.contains(r) || plan.live.contains(r);
            plan.waited_for_by_a_start(a) || a.risks.iter().any(against) || producers.contains(&a.id)
        })
        .map(|a| a.id.clone())
        .collect();
    let mut i = 0;
    while i < waited.len() {
        let after = plan.fw.action(&waited[i]).map(|(_, a)| a.after.clone()).unwrap_or_default();
        for id in after.into_iter().filter(|id| planned.contains(id)) {
            if !waited.contains(&id) {
                waited.push(id);
            }
        }
        i += 1;
    }
    waited.into_iter().collect()
}

/// Positions of a phase's actions, each after the planned actions of the phase it comes after,
/// otherwise in the order given.
fn dependency_order(fw: &Frameworks, actions: &[PlannedAction], planned: &HashSet<Text>) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(actions.len());
    let mut placed: HashSet<&Text> = HashSet::default();
    while order.len() < actions.len() {
        let ready = (0..actions.len()).find(|&i| {
            let after = fw.action(&actions[i].id).map(|(_, a)| a.after.as_slice()).unwrap_or_default();
            let in_phase = |id: &&Text| planned.contains(*id) && actions.iter().any(|a| &a.id == *id);
            !placed.contains(&actions[i].id) && after.iter().filter(in_phase).all(|id| placed.contains(id))
        });
        // The check lets `after` name only earlier actions, so some action is always ready.
        let i = ready.unwrap_or_else(|| (0..actions.len()).find(|&i| !placed.contains(&actions[i].id)).unwrap_or(0));
        placed.insert(&actions[i].id);
        order.push(i);
    }
    order
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

/// Each lead who carries more actions at once than the frameworks allow, with the first run of
/// months in which they do and the actions running then.
pub(crate) fn overloads(fw: &Frameworks, phases: &[PhasePlan]) -> Vec<crate::assessment::Overload> {
    let cap = fw.scoring.placement.owner_actions_at_once;
    let horizon = fw.roadmap.horizon_months;
    let actions: Vec<&PlannedAction> = phases.iter().flat_map(|p| &p.actions).collect();
    let mut leads: Vec<Text> = actions.iter().map(|a| lead(&a.owner)).collect();
    leads.sort();
    leads.dedup();
    leads
        .into_iter()
        .filter_map(|who| {
            let running = |m: u32| -> Vec<&PlannedAction> {
                actions
                    .iter()
                    .copied()
                    .filter(|a| lead(&a.owner) == who && a.months[0] <= m && m <= a.months[1])
                    .collect()
            };
            let from = (1..=horizon).find(|&m| running(m).len() > cap)?;
            let to = (from..=horizon).take_while(|&m| running(m).len() > cap).last().unwrap_or(from);
            let ids = running(from).iter().map(|a| a.id.clone()).collect();
            Some(crate::assessment::Overload { lead: who, months: [from, to], actions: ids, at_once: cap })
        })
        .collect()
}
