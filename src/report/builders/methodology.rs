//! The methodology as applied: the paragraphs of `report.toml`'s methodology filled with the
//! numbers of the scoring rules in use, so Appendix A (and the README's copy) cannot drift
//! from what the scoring does.

use super::glossary::one_word;
use crate::assessment::Band;
use crate::frameworks::{ContextRole, Cost, Frameworks, Ring, Text};
use crate::words::{fill, list, lower_first};

/// The methodology paragraphs with the numbers of the scoring rules in use.
/// The paragraph templates `paragraphs` fills, the business case's aside.
const TEMPLATES: usize = 18;

pub fn paragraphs(fw: &Frameworks) -> Vec<Text> {
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
    let texts: [(&Text, Vec<(&str, String)>); TEMPLATES] = [
        (&m.answers, vec![("top", top), ("dont_know", fw.report.dont_know.to_string())]),
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
        .chain(business_case(fw))
        .collect()
}

/// The business case's paragraph, filled from the bands and factors it is computed with.
fn business_case(fw: &Frameworks) -> Option<Text> {
    let data = &fw.business_case;
    let m = &fw.report.methodology;
    let and = fw.report.and.as_str();
    let n = |x: f64| format!("{x}");
    let band = |b: Band| format!("{}-{}", n(b[0]), n(b[1]));
    let item = |template: &Text, values: &[(&str, &str)]| fill(template, values).unwrap_or_default();
    let discounts: Vec<String> = data
        .discount
        .iter()
        .map(|(kind, f)| item(&m.discount, &[("kind", &kind.replace('_', " ")), ("factor", &n(*f))]))
        .collect();
    let effort: Vec<String> = data
        .effort
        .iter()
        .map(|e| {
            let (low, high) = (n(e.person_weeks[0]), n(e.person_weeks[1]));
            item(&m.effort, &[("complexity", &e.complexity.to_string()), ("low", &low), ("high", &high)])
        })
        .collect();
    let costs: Vec<String> = data
        .cost
        .iter()
        .map(|c| {
            let costs = &fw.report.costs;
            let name = match c.band {
                Cost::Low => &costs.low,
                Cost::Medium => &costs.medium,
                Cost::High => &costs.high,
            };
            item(&m.cost, &[("band", name), ("one_off", &band(c.one_off)), ("yearly", &band(c.yearly))])
        })
        .collect();
    let sizes: Vec<String> = data
        .size_scale
        .iter()
        .map(|x| {
            let label =
                fw.context_question(&data.size_question).and_then(|q| q.options.iter().find(|o| o.id == x.size));
            let size = label.map_or(x.size.as_str(), |o| o.label.as_str());
            item(&m.size_factor, &[("size", size), ("factor", &n(x.cost))])
        })
        .collect();
    // The last band is read from the one before it: "more than 100", not "up to 100000".
    let last = data.team_scale.len().saturating_sub(1);
    let teams: Vec<String> = data
        .team_scale
        .iter()
        .enumerate()
        .map(|(i, x)| match i.checked_sub(1).filter(|_| i == last).map(|p| &data.team_scale[p]) {
            Some(before) => {
                item(&m.team_factor_rest, &[("above", &before.up_to.to_string()), ("factor", &n(x.effort))])
            }
            None => item(&m.team_factor, &[("up_to", &x.up_to.to_string()), ("factor", &n(x.effort))]),
        })
        .collect();
    let values = [
        ("sizes", sizes.join(", ")),
        ("teams", teams.join(", ")),
        ("discounts", list(&discounts, and)),
        ("effort", list(&effort, and)),
        ("costs", costs.join("; ")),
        ("per_month", band(data.action.person_weeks_per_month)),
        ("action_one_off", band(data.action.one_off)),
        ("basis", data.basis.to_string()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(&m.business_case, &values).map(Text::from)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frameworks::Load;

    /// A template with a placeholder the code does not fill is dropped without a word (the
    /// risks paragraph once went missing so): every built-in one fills.
    #[test]
    fn every_methodology_paragraph_is_filled() {
        let fw = Frameworks::builtin().unwrap();
        assert_eq!(paragraphs(&fw).len(), TEMPLATES + 1);
    }
}
