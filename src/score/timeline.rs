//! The adoption timeline: each technology's ring, roadmap phase and start month, with
//! prerequisites respected, and the roadmap's actions marked where they close a gap.

use crate::answers::Answers;
use crate::assessment::{AdoptionTimeline, PhasePlan, PlannedAction, TechnologyAssessment};
use crate::frameworks::{ContextRole, Frameworks, Text};

struct Placed {
    ring: usize,
    start_month: u32,
    /// Prerequisites that moved this technology to a later ring or start month.
    held_back_by: Vec<Text>,
}

/// Places every technology (in catalogue order) after its prerequisites.
pub fn place(fw: &Frameworks, answers: &Answers, techs: &[TechnologyAssessment]) -> Vec<AdoptionTimeline> {
    let offset = maturity_offset(fw, answers);
    let mut placed: Vec<Option<Placed>> = techs.iter().map(|_| None).collect();
    (0..techs.len()).for_each(|i| place_one(fw, techs, offset, i, &mut placed));
    techs
        .iter()
        .zip(placed)
        .map(|(t, p)| {
            let p = p.expect("every technology is placed");
            AdoptionTimeline {
                ring: fw.scoring.rings[p.ring].id.clone(),
                phase: phase_of_month(fw, p.start_month).clone(),
                start_month: p.start_month,
                prerequisites: t.adoption_timeline.prerequisites.clone(),
                held_back_by: p.held_back_by,
            }
        })
        .collect()
}

/// The risk appetite's shift of every ring's maturity threshold.
fn maturity_offset(fw: &Frameworks, answers: &Answers) -> f64 {
    let chosen = answers.choices_for(fw, ContextRole::RiskAppetite);
    let question = fw.context_with_role(ContextRole::RiskAppetite);
    let option = question.and_then(|q| q.options.iter().find(|o| chosen.contains(&o.id.as_str())));
    option.map_or(0.0, |o| o.maturity_offset)
}

/// The first ring whose thresholds the technology meets on its own; the last ring catches all.
fn own_ring(fw: &Frameworks, t: &TechnologyAssessment, offset: f64) -> usize {
    let rings = &fw.scoring.rings;
    let meets = |r: &crate::frameworks::Ring| {
        t.technology_maturity.score >= (r.min_maturity + offset).clamp(0.0, 100.0)
            && t.business_readiness.score >= r.min_business_readiness
    };
    rings.iter().position(meets).unwrap_or(rings.len() - 1)
}

fn index_of(techs: &[TechnologyAssessment], id: &str) -> usize {
    techs.iter().position(|t| t.id == id).expect("prerequisites are checked when frameworks load")
}

/// A technology is never in a better ring than its prerequisites, and starts `lag` months
/// after each of them.
fn place_one(fw: &Frameworks, techs: &[TechnologyAssessment], offset: f64, i: usize, placed: &mut Vec<Option<Placed>>) {
    if placed[i].is_some() {
        return;
    }
    let t = &techs[i];
    let own = own_ring(fw, t, offset);
    let (mut ring, mut start_month) = (own, ring_start(fw, own));
    let mut held_back_by = Vec::new();
    for prerequisite in &t.adoption_timeline.prerequisites {
        let j = index_of(techs, prerequisite);
        place_one(fw, techs, offset, j, placed);
        let before = placed[j].as_ref().expect("placed above");
        let earliest = before.start_month + fw.scoring.timeline.prerequisite_lag_months;
        if before.ring > own || earliest > ring_start(fw, own) {
            held_back_by.push(prerequisite.clone());
        }
        ring = ring.max(before.ring);
        start_month = start_month.max(earliest);
    }
    let start_month = start_month.max(ring_start(fw, ring));
    placed[i] = Some(Placed { ring, start_month, held_back_by });
}

/// The first month of the phase a ring maps to.
fn ring_start(fw: &Frameworks, ring: usize) -> u32 {
    fw.phase(&fw.scoring.rings[ring].phase).map_or(1, |p| p.months[0])
}

/// The roadmap phase containing a month; months past the last phase belong to it.
fn phase_of_month(fw: &Frameworks, month: u32) -> &Text {
    let phases = &fw.roadmap.phases;
    let phase = phases.iter().find(|p| month <= p.months[1]).or(phases.last());
    &phase.expect("checked: the roadmap has phases").id
}

/// The roadmap with the technologies starting in each phase and the actions that close a gap
/// marked as the focus.
pub fn roadmap(fw: &Frameworks, techs: &[TechnologyAssessment], gaps: &[Text]) -> Vec<PhasePlan> {
    fw.roadmap
        .phases
        .iter()
        .map(|phase| {
            let mut starting: Vec<&TechnologyAssessment> =
                techs.iter().filter(|t| t.adoption_timeline.phase == phase.id).collect();
            starting.sort_by_key(|t| t.adoption_timeline.start_month);
            let actions = phase
                .actions
                .iter()
                .map(|a| {
                    let closes: Vec<Text> = a.addresses.iter().filter(|d| gaps.contains(d)).cloned().collect();
                    PlannedAction {
                        id: a.id.clone(),
                        title: a.title.clone(),
                        description: a.description.clone(),
                        focus: !closes.is_empty(),
                        gaps: closes,
                    }
                })
                .collect();
            PhasePlan {
                id: phase.id.clone(),
                name: phase.name.clone(),
                months: phase.months,
                entry_criteria: phase.entry_criteria.clone(),
                technologies: starting.iter().map(|t| t.id.clone()).collect(),
                actions,
            }
        })
        .collect()
}
