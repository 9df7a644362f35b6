//! The business case of each initiative: effort and cost from the bands of business_case.toml,
//! scaled to the business's size, value from a technology's published effect, discounted by the
//! kind of its source and multiplied by the revenue or budget band, always as a range.

use super::context::source_ref;
use crate::answers::{Answers, ContextValue};
use crate::assessment::{
    Band, Business, BusinessCase, Initiative, InitiativeKind, Kpi, PhasePlan, PlannedAction, Readiness, RiskEntry,
    TechnologyAssessment, Totals, Value,
};
use crate::frameworks::{ContextOption, Frameworks, GoalKpi, Ring, Text, ValueBase};

/// What the figures of one business are computed on: its revenue and budget bands, and the
/// factors its size puts on cost and effort.
#[derive(Clone, Copy)]
struct Basis {
    revenue: Option<Band>,
    budget: Option<Band>,
    cost: f64,
    effort: f64,
}

impl Basis {
    fn of(fw: &Frameworks, answers: &Answers, business: &Business) -> Basis {
        let data = &fw.business_case;
        let size = option(fw, answers, &data.size_question).map(|o| o.id.as_str());
        // Unknown size or team: the largest factor, the cautious end of a cost.
        let cost = match size.and_then(|s| data.size_scale.iter().find(|x| x.size == s)) {
            Some(x) => x.cost,
            None => data.size_scale.iter().map(|x| x.cost).fold(0.0, f64::max),
        };
        let effort = match business.team_size.and_then(|n| data.team_scale.iter().find(|x| n <= x.up_to)) {
            Some(x) => x.effort,
            None => data.team_scale.iter().map(|x| x.effort).fold(0.0, f64::max),
        };
        Basis {
            revenue: option(fw, answers, &data.revenue_question).and_then(|o| o.revenue),
            budget: option(fw, answers, &data.budget_question).and_then(|o| o.spend),
            cost,
            effort,
        }
    }

    fn base(&self, base: ValueBase) -> Option<Band> {
        match base {
            ValueBase::Revenue => self.revenue,
            ValueBase::MarketingBudget => self.budget,
        }
    }
}

fn scaled(band: Band, factor: f64) -> Band {
    [band[0] * factor, band[1] * factor]
}

pub(crate) fn build(
    fw: &Frameworks,
    answers: &Answers,
    business: &Business,
    technologies: &[TechnologyAssessment],
    roadmap: &[PhasePlan],
    readiness: &Readiness,
    risks: &[RiskEntry],
) -> BusinessCase {
    let basis = Basis::of(fw, answers, business);
    let currency = option(fw, answers, &fw.business_case.currency_question).and_then(|o| o.currency.clone());
    let actions: Vec<&PlannedAction> = roadmap.iter().flat_map(|p| &p.actions).collect();
    let mut initiatives: Vec<Initiative> =
        initiative_technologies(technologies).map(|t| technology_case(fw, t, basis, &actions, risks)).collect();
    let planned: Vec<Text> = initiatives.iter().map(|i| i.id.clone()).collect();
    initiatives.extend(actions.iter().map(|a| action_case(fw, a, basis, &planned, technologies, readiness)));
    let total = totals(&initiatives);
    let best = best(&initiatives);
    let first_year = total.one_off[1] + total.yearly_cost[1];
    let over_budget = basis.budget.is_some_and(|b| first_year > b[1]);
    BusinessCase { currency, revenue: basis.revenue, budget: basis.budget, over_budget, initiatives, total, best }
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
    basis: Basis,
    actions: &[&PlannedAction],
    risks: &[RiskEntry],
) -> Initiative {
    let data = &fw.business_case;
    let base = t.implementation_complexity.base;
    let effort = data.effort.iter().find(|e| e.complexity == base).map_or([0.0; 2], |e| e.person_weeks);
    let effort = scaled(effort, basis.effort);
    let cost = data.cost.iter().find(|c| c.band == t.implementation_complexity.cost);
    let (one_off, yearly_cost) = cost.map_or(([0.0; 2], [0.0; 2]), |c| (c.one_off, c.yearly));
    let (one_off, yearly_cost) = (scaled(one_off, basis.cost), scaled(yearly_cost, basis.cost));
    let value = published_value(fw, &t.id, basis);
    let goal = t.roi_potential.goals_served.first().cloned().unwrap_or_default();
    // The goal's measure for this technology, ahead of its general one.
    let fits = |k: &&GoalKpi| k.goal == goal && (k.technologies.is_empty() || k.technologies.contains(&t.id));
    let kpi = data.kpi.iter().filter(fits).min_by_key(|k| k.technologies.is_empty());
    let measure = kpi.map(|k| k.measure.clone()).unwrap_or_default();
    // Who answers for its most exposed risk (the first among equals); else the owner of the
    // first action that serves it, else of the first action of the plan.
    let exposed =
        t.risk_factors.risks.iter().filter(|r| r.exposure > 0.0).min_by(|x, y| y.exposure.total_cmp(&x.exposure));
    let risk_owner = exposed.and_then(|r| risks.iter().find(|x| x.id == r.id)).map(|r| r.owner.clone());
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
        kpi: Kpi::Measure { measure, goal, lift: kpi_lift(&value) },
        value,
        months_to_value: t.adoption_timeline.end_month.unwrap_or_default(),
        owner: risk_owner.or_else(|| serving.map(|a| a.owner.clone())).unwrap_or_default(),
    }
}

/// The KPI's target lift: the low end of an effect on revenue, which a conversion or retention
/// measure can be held to; an effect on marketing spend, or one whose low end is nothing, sets
/// no lift (the target is set when the pilot is designed).
fn kpi_lift(value: &Value) -> Option<f64> {
    let low = value.share?[0];
    (value.base == Some(ValueBase::Revenue) && low > 0.0).then_some(low)
}

/// The published effect, discounted by the kind of its source; an amount on a known revenue
/// or budget, whichever the effect is a share of.
fn published_value(fw: &Frameworks, technology: &str, basis: Basis) -> Value {
    let data = &fw.business_case;
    let Some(effect) = data.value.iter().find(|v| v.technology == technology) else { return Value::default() };
    let source = fw.source(&effect.source);
    let discount = source.and_then(|s| data.discount.get(s.kind.id()).copied()).unwrap_or(0.0);
    let share = [effect.effect[0] * discount, effect.effect[1] * discount];
    Value {
        share: Some(share),
        base: Some(effect.base),
        amount: basis.base(effect.base).map(|r| [r[0] * share[0], r[1] * share[1]]),
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
    basis: Basis,
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
        person_weeks: scaled([per_month[0] * months, per_month[1] * months], basis.effort),
        one_off: scaled(band.one_off, basis.cost),
        yearly_cost: scaled(band.yearly, basis.cost),
        cost_basis: fw.business_case.basis.clone(),
        value: Value { enables, ..Value::default() },
        months_to_value: a.months[1],
        payback_months: None,
        kpi: action_kpi(a, technologies, readiness),
        owner: a.owner.clone(),
    }
}

/// The first gap it works on, from its score now to the least any technology requires of it
/// above that score (the first requirement the work meets); an action that closes no gap is
/// held to its last month.
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
    // Shares of revenue and of the budget do not add up: a total share only of one base.
    let base = valued.first().and_then(|i| i.value.base).filter(|b| valued.iter().all(|i| i.value.base == Some(*b)));
    Totals {
        person_weeks: sum(&|i| i.person_weeks),
        one_off: sum(&|i| i.one_off),
        yearly_cost: sum(&|i| i.yearly_cost),
        value: Value { share: base.and(add(&|v| v.share)), base, amount: add(&|v| v.amount), ..Value::default() },
    }
}

/// Up to three with the most value per person-week, on the cautious ends: the low value
/// against the high effort. Amounts, where known, rank before shares of different bases.
fn best(initiatives: &[Initiative]) -> Vec<Text> {
    // (whether it has an amount, the low end per person-week of the amount or else the share)
    let ratio = |i: &Initiative| {
        let weeks = i.person_weeks[1].max(1.0);
        match (i.value.amount, i.value.share) {
            (Some(a), _) => Some((true, a[0] / weeks)),
            (None, Some(s)) => Some((false, s[0] / weeks)),
            (None, None) => None,
        }
    };
    let mut ranked: Vec<(&Initiative, (bool, f64))> = initiatives.iter().filter_map(|i| Some((i, ratio(i)?))).collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(b.1.1.total_cmp(&a.1.1)));
    ranked.into_iter().take(3).map(|(i, _)| i.id.clone()).collect()
}
