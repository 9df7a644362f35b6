//! Skills gap analysis: current levels read from the answers, required levels set by the
//! technologies the plan adopts or pilots and by the roadmap phases in use.

use super::{evidence_score, round1};
use crate::answers::Answers;
use crate::assessment::{PhasePlan, SkillGap, TechnologyAssessment};
use crate::frameworks::{Frameworks, Text};

pub fn gaps(
    fw: &Frameworks,
    answers: &Answers,
    techs: &[TechnologyAssessment],
    roadmap: &[PhasePlan],
) -> Vec<SkillGap> {
    let top_level = fw.skills.levels.len() as f64;
    let requirers = requirements(fw, techs, roadmap);
    let mut gaps: Vec<SkillGap> = fw
        .skills
        .skills
        .iter()
        .map(|skill| {
            let current = round1(top_level * evidence_score(fw, answers, &skill.evidence) / 100.0);
            let needs: Vec<&(Text, Text, u8)> = requirers.iter().filter(|(s, _, _)| s == &skill.id).collect();
            let required = needs.iter().map(|(_, _, level)| *level).max().unwrap_or(0);
            SkillGap {
                id: skill.id.clone(),
                name: skill.name.clone(),
                category: skill.category.clone(),
                current,
                required,
                gap: round1((f64::from(required) - current).max(0.0)),
                needed_by: needs
                    .iter()
                    .filter(|(_, _, level)| f64::from(*level) > current)
                    .map(|(_, by, _)| by.clone())
                    .collect(),
                learning_path: skill.learning_path.clone(),
                project: skill.project.clone(),
            }
        })
        .collect();
    gaps.sort_by(|a, b| b.gap.total_cmp(&a.gap).then(b.needed_by.len().cmp(&a.needed_by.len())));
    gaps
}

/// (skill, who requires it, level) for every requirement in force.
fn requirements(fw: &Frameworks, techs: &[TechnologyAssessment], roadmap: &[PhasePlan]) -> Vec<(Text, Text, u8)> {
    let planned = techs.iter().filter(|t| fw.scoring.skills.rings.contains(&t.adoption_timeline.ring));
    let from_techs = planned
        .filter_map(|t| fw.technology(&t.id))
        .flat_map(|t| t.skills.iter().map(|(s, l)| (s.clone(), t.id.clone(), *l)));
    let active_phases = roadmap.iter().filter(|p| !p.technologies.is_empty()).filter_map(|p| fw.phase(&p.id));
    let from_phases = active_phases.flat_map(|p| p.skills.iter().map(|(s, l)| (s.clone(), p.id.clone(), *l)));
    from_techs.chain(from_phases).collect()
}
