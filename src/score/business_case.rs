//! The business case of each initiative: effort and cost from the bands of business_case.toml,
//! value from a technology's published effect, discounted by the kind of its source and
//! multiplied by the revenue band, always as a range.

use super::context::source_ref;
use crate::answers::{Answers, ContextValue};
use crate::assessment::{
    Band, BusinessCase, Initiative, InitiativeKind, Kpi, PhasePlan, PlannedAction, Readiness, TechnologyAssessment,
    Totals, Value,
};
use crate::frameworks::{ContextOption, Cost, Frameworks, Ring, Text};
use crate::words::{fill, list};

pub(crate) fn build(
    fw: &Frameworks,
    answers: &Answers,
    technologies: &[TechnologyAssessment],
    roadmap: &[PhasePlan],
    readiness: &Readiness,
) -> BusinessCase {
    let data = &fw.business_case;
    let revenue = option(fw, answers, &data.revenue_question).and_then(|o| o.revenue);
    let currency = option(fw, answers, &data.currency_question).and_then(|o| o.currency.clone());
    let actions: Vec<&PlannedAction> = roadmap.iter().flat_map(|p| &p.actions).collect();
    let mut initiatives: Vec<Initiative> =
        initiative_technologies(technologies).map(|t| technology_case(fw, t, revenue, &actions)).collect();
    let planned: Vec<Text> = initiatives.iter().map(|i| i.id.clone()).collect();
    initiatives.extend(actions.iter().map(|a| action_case(fw, a, &planned, technologies, readiness)));
    let total = totals(&initiatives);
    let best = best(&initiatives);
    BusinessCase { currency, revenue, initiatives, total, best }
}

/// The technologies in adopt or pilot, in the order they start.
fn initiative_technologies(technologies: &[TechnologyAssessment]) -> impl Iterator<Item = &TechnologyAssessment> {
    let mut chosen: Vec<&TechnologyAssessment> =
        technologies.iter().filter(|t| matches!(t.adoption_timeline.ring, Ring::Adopt | Ring::Pilot)).collect();
    chosen.sort_by_key(|t| t.adoption_timeline.start_month.unwrap_or(u32::MAX));
    chosen.into_iter()
}

fn option<'a>(fw: &'a Frameworks, answers: &Answers, question: &str) -> Option<&'a ContextOption> {
    let Some(ContextValue::Text(id)) = answers.context.get(question) else { return None };
    fw.context_question(question)?.options.iter().find(|o| o.id == *id)
}

fn technology_case(
    fw: &Frameworks,
    t: &TechnologyAssessment,
    revenue: Option<Band>,
    actions: &[&PlannedAction],
) -> Initiative {
    let data = &fw.business_case;
    let base = t.implementation_complexity.base;
    let effort = data.effort.iter().find(|e| e.complexity == base).map_or([0.0; 2], |e| e.person_weeks);
    let cost = data.cost.iter().find(|c| c.band == t.implementation_complexity.cost);
    let (one_off, yearly_cost) = cost.map_or(([0.0; 2], [0.0; 2]), |c| (c.one_off, c.yearly));
    let value = published_value(fw, &t.id, revenue);
    let goal = t.roi_potential.goals_served.first().cloned().unwrap_or_default();
    let measure = data.kpi.iter().find(|k| k.goal == goal).map(|k| k.measure.clone()).unwrap_or_default();
    // The owner of the first action that serves it, else of the first action of the plan.
    let serving = actions.iter().find(|a| a.technologies.contains(&t.id)).or(actions.first());
    Initiative {
        id: t.id.clone(),
        name: t.name.clone(),
        kind: InitiativeKind::Technology,
        person_weeks: effort,
        one_off,
        yearly_cost,
        cost_basis: data.basis.clone(),
        payback_months: payback(one_off, yearly_cost, value.amount),
        kpi: Kpi::Measure { measure, goal, lift: value.share.map(|s| s[0]) },
        value,
        months_to_value: t.adoption_timeline.end_month.unwrap_or_default(),
        owner: serving.map(|a| a.owner.clone()).unwrap_or_default(),
    }
}

/// The published effect, discounted by the kind of its source; an amount on a known revenue.
fn published_value(fw: &Frameworks, technology: &str, revenue: Option<Band>) -> Value {
    let data = &fw.business_case;
    let Some(effect) = data.value.iter().find(|v| v.technology == technology) else { return Value::default() };
    let source = fw.source(&effect.source);
    let discount = source.and_then(|s| data.discount.get(s.kind.id()).copied()).unwrap_or(0.0);
    let share = [effect.effect[0] * discount, effect.effect[1] * discount];
    Value {
        share: Some(share),
        amount: revenue.map(|r| [r[0] * share[0], r[1] * share[1]]),
        claim: Some(effect.claim.clone()),
        source: source.map(source_ref),
        discount: Some(discount),
        enables: Vec::new(),
    }
}

/// Months of net value to repay the one-off cost: the best case (lowest cost, highest value)
/// and the worst; none unless the worst case's value covers its yearly cost.
fn payback(one_off: Band, yearly: Band, value: Option<Band>) -> Option<Band> {
    let value = value?;
    // Whole months, rounded up: value is counted by the month, so nothing pays back in "0".
    let months = |cost: f64, net: f64| (12.0 * cost / net).ceil().max(1.0);
    let worst_net = value[0] - yearly[1];
    (worst_net > 0.0).then(|| [months(one_off[0], value[1] - yearly[0]), months(one_off[1], worst_net)])
}

fn action_case(
    fw: &Frameworks,
    a: &PlannedAction,
    planned: &[Text],
    technologies: &[TechnologyAssessment],
    readiness: &Readiness,
) -> Initiative {
    // It enables only what the plan adopts or pilots; the rest is not this year's value.
    let enables = a.technologies.iter().filter(|t| planned.contains(t)).cloned().collect();
    let band = &fw.business_case.action;
    let months = f64::from(a.months[1].saturating_sub(a.months[0]) + 1);
    let per_month = band.person_weeks_per_month;
    Initiative {
        id: a.id.clone(),
        name: a.title.clone(),
        kind: InitiativeKind::Action,
        person_weeks: [per_month[0] * months, per_month[1] * months],
        one_off: band.one_off,
        yearly_cost: band.yearly,
        cost_basis: fw.business_case.basis.clone(),
        value: Value { enables, ..Value::default() },
        months_to_value: a.months[1],
        payback_months: None,
        kpi: action_kpi(a, technologies, readiness),
        owner: a.owner.clone(),
    }
}

/// The first gap it closes, from its score now to the most the technologies in view require
/// of it; an action that closes no gap is held to its last month.
fn action_kpi(a: &PlannedAction, technologies: &[TechnologyAssessment], readiness: &Readiness) -> Kpi {
    let delivery = Kpi::Delivery { month: a.months[1] };
    let Some(gap) = a.gaps.first() else { return delivery };
    let Some(score) = readiness.dimensions.iter().find(|d| d.id == *gap) else { return delivery };
    let target = technologies
        .iter()
        .flat_map(|t| &t.business_readiness.requirements)
        .filter(|r| r.dimension == *gap && r.required > score.score)
        .map(|r| r.required)
        .fold(None, |m: Option<f64>, r| Some(m.map_or(r, |m| m.min(r))));
    match target {
        Some(target) => Kpi::Readiness { dimension: gap.clone(), baseline: score.score, target },
        None => delivery,
    }
}

fn totals(initiatives: &[Initiative]) -> Totals {
    let sum = |f: &dyn Fn(&Initiative) -> Band| {
        initiatives.iter().map(f).fold([0.0; 2], |acc, b| [acc[0] + b[0], acc[1] + b[1]])
    };
    let valued: Vec<&Initiative> = initiatives.iter().filter(|i| i.value.share.is_some()).collect();
    let add = |f: &dyn Fn(&Value) -> Option<Band>| {
        valued.iter().filter_map(|i| f(&i.value)).reduce(|acc, b| [acc[0] + b[0], acc[1] + b[1]])
    };
    Totals {
        person_weeks: sum(&|i| i.person_weeks),
        one_off: sum(&|i| i.one_off),
        yearly_cost: sum(&|i| i.yearly_cost),
        value: Value { share: add(&|v| v.share), amount: add(&|v| v.amount), ..Value::default() },
    }
}

/// Up to three with the most value per person-week, on the cautious ends: the low value
/// against the high effort.
fn best(initiatives: &[Initiative]) -> Vec<Text> {
    let ratio = |i: &Initiative| i.value.share.map(|s| s[0] / i.person_weeks[1].max(1.0));
    let mut ranked: Vec<(&Initiative, f64)> = initiatives.iter().filter_map(|i| Some((i, ratio(i)?))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.into_iter().take(3).map(|(i, _)| i.id.clone()).collect()
}

/// The methodology paragraph, filled from the same bands and factors.
pub(crate) fn methodology(fw: &Frameworks) -> Option<Text> {
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
    let values = [
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
