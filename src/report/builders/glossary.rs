//! Names for the ids an assessment refers to, looked up in the frameworks when a document is
//! built: the assessment keeps the ids, the frameworks keep the words.

use crate::assessment::{Business, IdName};
use crate::frameworks::{ContextRole, Frameworks, Ring, Text};
use std::collections::BTreeMap;

/// Names for the ids an assessment refers to.
pub struct Glossary {
    /// Tier ids, lowest first.
    pub tiers: Vec<Text>,
    pub tier_names: BTreeMap<Text, Text>,
    /// The lowest overall score of each tier, in the order of `tiers`.
    pub tier_floors: Vec<f64>,
    pub goals: BTreeMap<Text, Text>,
    /// Risk appetite option ids, as one word.
    pub appetites: BTreeMap<Text, Text>,
    pub rings: BTreeMap<Ring, Named>,
    pub stages: BTreeMap<Text, Named>,
    /// The trend categories, in order: the radar's sectors.
    pub sectors: Vec<IdName>,
    pub likelihoods: BTreeMap<Text, Text>,
    /// Likelihood band ids, least likely first.
    pub likelihood_bands: Vec<Text>,
    pub skill_categories: BTreeMap<Text, Text>,
    /// Names of skill levels 1 and up.
    pub skill_levels: Vec<Text>,
    /// Roadmap action titles, including actions not scheduled.
    pub actions: BTreeMap<Text, Text>,
    /// What each roadmap action starts from: the questions that show its work done and the
    /// rings it serves, so the report can say where this business starts and for what.
    pub action_basis: BTreeMap<Text, ActionBasis>,
    /// Questions the report quotes (rules' controls, capabilities, actions' evidence): prompt
    /// and level descriptions.
    pub questions: BTreeMap<Text, QuestionText>,
    /// Context question prompts.
    pub context: BTreeMap<Text, Text>,
}

pub struct ActionBasis {
    pub evidence: Vec<Text>,
}

pub struct Named {
    pub name: Text,
}

pub struct QuestionText {
    pub prompt: Text,
    pub levels: Vec<Text>,
}

/// The glossary of a business's report: the questions it quotes are the controls of the
/// regulations in scope for it, the capabilities technologies need and the evidence of the
/// roadmap's actions.
pub fn of(fw: &Frameworks, business: &Business) -> Glossary {
    let options = |role| fw.context_with_role(role).map(|q| q.options.as_slice()).unwrap_or_default();
    let rule_controls = business.regulations.iter().filter_map(|r| fw.regulation(&r.id)?.control.as_ref());
    let needs = fw.technologies.technologies.iter().flat_map(|t| &t.needs).map(|n| &n.question);
    let actions = || fw.roadmap.phases.iter().flat_map(|p| &p.actions);
    let evidence = actions().flat_map(|a| &a.evidence);
    let controls = rule_controls.map(|c| &c.question).chain(needs).chain(evidence).filter_map(|id| fw.question(id));
    Glossary {
        tiers: fw.scoring.tiers.iter().map(|t| t.id.clone()).collect(),
        tier_names: fw.scoring.tiers.iter().map(|t| (t.id.clone(), t.name.clone())).collect(),
        tier_floors: fw.scoring.tiers.iter().map(|t| t.min).collect(),
        goals: options(ContextRole::Goals).iter().map(|o| (o.id.clone(), o.label.clone())).collect(),
        appetites: options(ContextRole::RiskAppetite).iter().map(|o| (o.id.clone(), one_word(&o.label))).collect(),
        rings: fw.scoring.rings.iter().map(|r| (r.id, Named { name: r.name.clone() })).collect(),
        stages: fw.scoring.stages.iter().map(|s| (s.id.clone(), Named { name: s.name.clone() })).collect(),
        sectors: fw.trends.categories.iter().map(|c| IdName { id: c.id.clone(), name: c.name.clone() }).collect(),
        likelihoods: fw.scoring.risk.likelihood.iter().map(|b| (b.id.clone(), b.name.clone())).collect(),
        likelihood_bands: fw.scoring.risk.likelihood.iter().map(|b| b.id.clone()).collect(),
        skill_categories: fw.skills.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect(),
        skill_levels: fw.skills.levels.clone(),
        actions: fw
            .roadmap
            .phases
            .iter()
            .flat_map(|p| p.actions.iter().map(|a| (a.id.clone(), a.title.clone())))
            .collect(),
        action_basis: actions().map(|a| (a.id.clone(), ActionBasis { evidence: a.evidence.clone() })).collect(),
        questions: controls
            .map(|q| (q.id.clone(), QuestionText { prompt: q.prompt.clone(), levels: q.levels.clone() }))
            .collect(),
        context: fw.questionnaire.context.iter().map(|q| (q.id.clone(), q.prompt.clone())).collect(),
    }
}

/// "Cautious: only proven technology" as the one word "cautious".
pub fn one_word(label: &str) -> Text {
    label.split(':').next().unwrap_or(label).trim().to_lowercase().into()
}
