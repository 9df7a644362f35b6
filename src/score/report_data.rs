//! What the views need beyond the scores: the report's wording, names for the ids the
//! assessment uses, the methodology as applied, and the trends and predictive models that bear
//! on the stated goals. All of it comes from the frameworks, so a saved assessment renders again
//! without them.

use super::context::source_ref;
use super::evidence_score;
use crate::answers::Answers;
use crate::assessment::{
    Business, Glossary, IdName, ModelRef, Named, QuestionText, ReportData, TechnologyAssessment, TrendRef,
};
use crate::frameworks::{ContextRole, Frameworks, Ring, Text};
use crate::words::{fill, list};
use rustc_hash::FxHashSet as HashSet;

pub(crate) fn report_data(fw: &Frameworks, business: &Business) -> ReportData {
    ReportData { text: fw.report.clone(), glossary: glossary(fw, business), methodology: methodology(fw) }
}

fn glossary(fw: &Frameworks, business: &Business) -> Glossary {
    let options = |role| fw.context_with_role(role).map(|q| q.options.as_slice()).unwrap_or_default();
    let controls = business
        .regulations
        .iter()
        .filter_map(|r| fw.regulation(&r.id)?.control.as_ref())
        .filter_map(|c| fw.question(&c.question));
    Glossary {
        tiers: fw.scoring.tiers.iter().map(|t| t.id.clone()).collect(),
        tier_names: fw.scoring.tiers.iter().map(|t| (t.id.clone(), t.name.clone())).collect(),
        goals: options(ContextRole::Goals).iter().map(|o| (o.id.clone(), o.label.clone())).collect(),
        appetites: options(ContextRole::RiskAppetite).iter().map(|o| (o.id.clone(), one_word(&o.label))).collect(),
        rings: fw
            .scoring
            .rings
            .iter()
            .map(|r| (r.id, Named { name: r.name.clone(), meaning: r.meaning.clone() }))
            .collect(),
        stages: fw
            .scoring
            .stages
            .iter()
            .map(|s| (s.id.clone(), Named { name: s.name.clone(), meaning: s.meaning.clone() }))
            .collect(),
        sectors: fw.trends.categories.iter().map(|c| IdName { id: c.id.clone(), name: c.name.clone() }).collect(),
        risk_categories: fw.risks.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect(),
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
        questions: controls
            .map(|q| (q.id.clone(), QuestionText { prompt: q.prompt.clone(), levels: q.levels.clone() }))
            .collect(),
        context: fw.questionnaire.context.iter().map(|q| (q.id.clone(), q.prompt.clone())).collect(),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// "Cautious: only proven technology" as the one word "cautious".
fn one_word(label: &str) -> Text {
    label.split(':').next().unwrap_or(label).trim().to_lowercase().into()
}

/// The methodology paragraphs with the numbers of the scoring rules in use.
pub(crate) fn methodology(fw: &Frameworks) -> Vec<Text> {
    let m = &fw.report.methodology;
    let s = &fw.scoring;
    let and = fw.report.and.as_str();
    // Parameters as written in the data, not rounded for display.
    let n = |x: f64| format!("{x}");
    // One item of a list in a paragraph, from its template.
    let item = |template: &Text, values: &[(&str, &str)]| fill(template, values).unwrap_or_default();
    let top = fw.questionnaire.questions.iter().map(|q| q.max_level()).max().unwrap_or(0).to_string();
    let weights: Vec<String> = fw
        .questionnaire
        .dimensions
        .iter()
        .map(|d| item(&m.weight, &[("name", &d.name), ("weight", &n(d.weight))]))
        .collect();
    let tiers: Vec<String> = s.tiers.iter().map(|t| item(&m.tier, &[("name", &t.name), ("min", &n(t.min))])).collect();
    let stages: Vec<String> = s
        .stages
        .iter()
        .map(|x| {
            let meaning = lower_first(x.meaning.trim_end_matches('.'));
            item(&m.stage, &[("name", &x.name), ("meaning", &meaning), ("maturity", &n(x.maturity))])
        })
        .collect();
    let appetites = fw.context_with_role(ContextRole::RiskAppetite).map(|q| q.options.as_slice()).unwrap_or_default();
    let ceilings: Vec<String> = s
        .stages
        .iter()
        .filter(|x| !x.horizon_watch)
        .map(|x| {
            let by: Vec<String> = appetites
                .iter()
                .filter_map(|o| {
                    let ring = &fw.ring(*x.ceiling.get(&o.id)?).name;
                    Some(item(&m.ceiling_item, &[("appetite", &one_word(&o.label)), ("ring", ring)]))
                })
                .collect();
            item(&m.ceiling, &[("stage", &x.name), ("ceilings", &by.join(", "))])
        })
        .collect();
    let bands = &s.capacity;
    let capacity: Vec<String> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let initiatives = b.initiatives.to_string();
            if i + 1 == bands.len() && i > 0 {
                item(&m.capacity_last, &[("initiatives", &initiatives)])
            } else {
                item(&m.capacity_band, &[("team", &b.team_up_to.to_string()), ("initiatives", &initiatives)])
            }
        })
        .collect();
    let months: Vec<String> = [Ring::Adopt, Ring::Pilot, Ring::Assess]
        .iter()
        .map(|r| {
            let spec = fw.ring(*r);
            let (first, last) =
                (spec.earliest_month.unwrap_or(0).to_string(), spec.latest_month.unwrap_or(0).to_string());
            item(&m.ring_months, &[("ring", &spec.name), ("first", &first), ("last", &last)])
        })
        .collect();
    let pace: Vec<String> = s
        .pace
        .bands
        .iter()
        .map(|b| item(&m.pace_band, &[("pilots", &b.pilots_at_once.to_string()), ("from", &n(b.from))]))
        .collect();
    let p = &s.placement;
    let switch_on: Vec<String> =
        p.switch_on_stages.iter().filter_map(|id| fw.stage(id)).map(|x| x.name.to_lowercase()).collect();
    let switch_on = list(&switch_on, and);
    let proven: Vec<String> =
        p.proven_stages.iter().filter_map(|id| fw.stage(id)).map(|x| x.name.to_lowercase()).collect();
    let widening: Vec<String> = p
        .appetite_widening
        .iter()
        .map(|(id, points)| {
            let label =
                appetites.iter().find(|o| &o.id == id).map_or(id.to_string(), |o| one_word(&o.label).to_string());
            item(&m.widening, &[("appetite", &label.to_lowercase()), ("points", &n(*points))])
        })
        .collect();
    let ring_actions: Vec<String> = fw
        .roadmap
        .phases
        .iter()
        .flat_map(|phase| &phase.actions)
        .filter(|a| !a.before_rings.is_empty())
        .map(|a| lower_first(&a.title))
        .collect();
    let owner_bands: Vec<String> = s
        .owner_bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i + 1 == s.owner_bands.len() && i > 0 {
                item(&m.owner_band_last, &[("scale", &b.scale)])
            } else {
                item(&m.owner_band, &[("team", &b.team_up_to.to_string()), ("scale", &b.scale)])
            }
        })
        .collect();
    let sev = &s.risk.severity;
    let texts: [(&Text, Vec<(&str, String)>); 18] = [
        (&m.answers, vec![("top", top)]),
        (&m.dimensions, vec![("weights", list(&weights, and))]),
        (
            &m.tiers,
            vec![
                ("tiers", list(&tiers, and)),
                ("strength", n(s.readiness.strength_at)),
                ("gap", n(s.readiness.gap_below)),
            ],
        ),
        (&m.maturity, vec![("stages", list(&stages, and)), ("stale", s.maturity.stale_after_months.to_string())]),
        (&m.rings, vec![]),
        (&m.gate_stage, vec![("ceilings", ceilings.join("; "))]),
        (&m.gate_goal, vec![("serves", n(p.serves_goal_at)), ("adopt", n(p.adopt_goal_at)), ("switch_on", switch_on)]),
        (&m.gate_budget, vec![("funded", list(&funded_pilots(fw), and))]),
        (&m.gate_capability, vec![]),
        (&m.gate_rules, vec![]),
        (&m.gate_capacity, vec![("capacity", list(&capacity, and))]),
        (
            &m.gate_readiness,
            vec![
                ("adopt_tolerance", n(p.adopt_tolerance)),
                ("pilot_tolerance", n(p.pilot_tolerance)),
                ("strong", n(p.strong_goal_pilot_tolerance)),
                ("next_step", n(p.next_step_goal_at)),
                ("assess_tolerance", n(p.assess_tolerance)),
                ("widening", list(&widening, and)),
                ("proven", list(&proven, &fw.report.or)),
            ],
        ),
        (
            &m.gate_prerequisites,
            vec![
                ("lag", p.prerequisite_lag_months.to_string()),
                ("adopted_lag", p.adopted_prerequisite_lag_months.to_string()),
            ],
        ),
        (
            &m.gate_mitigation,
            vec![
                ("serious", n(s.risk.serious_likelihood)),
                ("ring_actions", list(&ring_actions, and)),
                ("quick_win", p.quick_win_months.to_string()),
                ("pace", fw.dimension_name(&s.pace.dimension).to_lowercase()),
                ("bands", list(&pace, and)),
                ("months", list(&months, and)),
            ],
        ),
        (
            &m.risks,
            vec![
                ("low", n(sev.low)),
                ("medium", n(sev.medium)),
                ("high", n(sev.high)),
                ("critical", n(sev.critical)),
                ("scale", n(s.risk.exposure_scale)),
                ("raise_from", n(s.risk.raise_from)),
                ("controls", n(s.risk.controls_in_place_at)),
                ("owner_bands", list(&owner_bands, and)),
            ],
        ),
        (
            &m.roadmap,
            vec![
                ("controls", n(s.risk.controls_in_place_at)),
                ("pace", fw.dimension_name(&s.pace.dimension).to_lowercase()),
                ("owner_cap", p.owner_actions_at_once.to_string()),
            ],
        ),
        (&m.skills, vec![("levels", fw.skills.levels.len().to_string())]),
        (&m.levers, vec![]),
    ];
    texts
        .into_iter()
        .filter_map(|(template, values)| {
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(template, &values).map(Text::from)
        })
        .chain(super::business_case::methodology(fw))
        .collect()
}

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

/// "2 for a budget of 100,000 to 1 million": the pilots each budget option pays for.
fn funded_pilots(fw: &Frameworks) -> Vec<String> {
    let m = &fw.report.methodology;
    let options = fw.context_with_role(ContextRole::Budget).map(|q| q.options.as_slice()).unwrap_or_default();
    options
        .iter()
        .filter_map(|o| o.funds_pilots.map(|n| (n, o)))
        .map(|(n, o)| {
            fill(&m.funded_pilots, &[("pilots", &n.to_string()), ("budget", &lower_first(&o.label))])
                .unwrap_or_default()
        })
        .collect()
}
