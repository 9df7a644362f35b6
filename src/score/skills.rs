//! Skills gap analysis. Current levels are read from the answers; required levels come from
//! the year's plan: what the business runs, adopts or pilots, and the roadmap phases. A
//! technology held asks nothing of the team this year, so a better answer that puts one in
//! the plan can add a requirement; the current levels only rise with better answers.

use super::evidence_score;
use crate::answers::Answers;
use crate::assessment::{SkillGap, TechnologyAssessment};
use crate::frameworks::{Frameworks, Ring, Text};
use rustc_hash::FxHashMap as HashMap;

pub(crate) fn gaps(fw: &Frameworks, answers: &Answers, techs: &[TechnologyAssessment]) -> Vec<SkillGap> {
    let top_level = fw.skills.levels.len() as f64;
    let requirements = requirements(fw, techs);
    let mut by_skill: HashMap<&Text, Vec<&(Text, Text, u8)>> = HashMap::default();
    for requirement in &requirements {
        by_skill.entry(&requirement.0).or_default().push(requirement);
    }
    let mut gaps: Vec<SkillGap> = fw
        .skills
        .skills
        .iter()
        .map(|skill| {
            let current = top_level * evidence_score(fw, answers, &skill.evidence) / 100.0;
            let needs = by_skill.get(&skill.id).map_or(&[][..], Vec::as_slice);
            let required = needs.iter().map(|(_, _, level)| *level).max().unwrap_or(0);
            SkillGap {
                id: skill.id.clone(),
                name: skill.name.clone(),
                category: skill.category.clone(),
                current,
                required,
                gap: (f64::from(required) - current).max(0.0),
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

/// The technologies the plan works on this year: those in use, adopted or piloted. A
/// technology assessed, held or watched asks nothing of the team yet.
fn aimed_at(techs: &[TechnologyAssessment]) -> impl Iterator<Item = &TechnologyAssessment> {
    techs.iter().filter(|t| t.adoption_timeline.ring.is_planned() || t.adoption_timeline.ring == Ring::InUse)
}

/// (skill, who requires it, level) for every requirement in force.
fn requirements(fw: &Frameworks, techs: &[TechnologyAssessment]) -> Vec<(Text, Text, u8)> {
    let aimed: Vec<&TechnologyAssessment> = aimed_at(techs).collect();
    let from_techs = aimed
        .iter()
        .filter_map(|t| fw.technology(&t.id))
        .flat_map(|t| t.skills.iter().map(|(s, l)| (s.clone(), t.id.clone(), *l)));
    let phases = fw.roadmap.phases.iter().filter(|_| !aimed.is_empty());
    let from_phases = phases.flat_map(|p| p.skills.iter().map(|(s, l)| (s.clone(), p.id.clone(), *l)));
    from_techs.chain(from_phases).collect()
}
