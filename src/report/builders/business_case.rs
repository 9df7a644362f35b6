//! The business case: one table of what each initiative takes, costs and returns, one of how
//! it is measured and who owns it, and the sentences of the executive summary.

use super::{Words, left, new_section, num, paragraph, right, table, wide};
use crate::assessment::{Band, Initiative, InitiativeKind, Kpi, Value};
use crate::document::{Block, Section};
use crate::frameworks::ValueBase;

pub(crate) fn section(w: &Words) -> Option<Section> {
    let case = &w.a.business_case;
    if case.initiatives.is_empty() {
        return None;
    }
    let t = &w.text.business_case;
    let count = case.initiatives.len().to_string();
    let intro = match (&case.currency, case.revenue) {
        (Some(_), Some(revenue)) => w.fill(&t.intro, &[("count", &count), ("revenue", &money(w, revenue))]),
        _ => w.fill(&t.intro_share, &[("count", &count)]),
    };
    let mut blocks: Vec<Block> = intro.map(paragraph).into_iter().collect();
    let money_columns = vec![
        left(&t.initiative),
        right(&t.effort),
        right(&t.one_off),
        right(&t.yearly_cost),
        wide(&t.value),
        left(&t.timing),
    ];
    blocks.push(table(None, money_columns, case.initiatives.iter().map(|i| money_row(w, i)).collect()));
    // An action held only to its delivery month has its owner and months in the roadmap: one
    // sentence names them rather than a table row each repeating "done on time".
    let kpi_columns = vec![left(&t.initiative), wide(&t.kpi), left(&t.baseline), left(&t.target), left(&t.owner)];
    let rows: Vec<Vec<String>> = case.initiatives.iter().filter_map(|i| kpi_row(w, i)).collect();
    if !rows.is_empty() {
        blocks.push(table(None, kpi_columns, rows));
    }
    // Grouped by the month each is due, earliest first: "by month 2: A and B".
    let mut due: std::collections::BTreeMap<u32, Vec<&str>> = Default::default();
    for i in &case.initiatives {
        if let Kpi::Delivery { month } = i.kpi {
            due.entry(month).or_default().push(&i.name);
        }
    }
    let items: Vec<String> = due
        .iter()
        .filter_map(|(month, names)| {
            w.fill(&t.delivered_item, &[("names", &w.list(names)), ("month", &month.to_string())])
        })
        .collect();
    if !items.is_empty() {
        blocks.extend(w.fill(&t.delivered, &[("actions", &items.join("; "))]).map(paragraph));
    }
    let claims: Vec<String> = case.initiatives.iter().filter_map(|i| claim(w, i)).collect();
    if !claims.is_empty() {
        blocks.extend(w.fill(&t.sources, &[("claims", &claims.join("; "))]).map(paragraph));
    }
    Some(new_section("business-case", &t.title, blocks))
}

/// The totals and the best value for effort, for the executive summary.
pub(crate) fn summary(w: &Words) -> Option<Block> {
    let case = &w.a.business_case;
    if case.initiatives.is_empty() {
        return None;
    }
    let t = &w.text.business_case;
    let total = &case.total;
    let weeks = range(w, total.person_weeks, num);
    let mut lines: Vec<String> = w
        .fill(
            &t.total,
            &[("weeks", &weeks), ("one_off", &money(w, total.one_off)), ("yearly", &money(w, total.yearly_cost))],
        )
        .into_iter()
        .collect();
    let value = match (total.value.share, total.value.amount) {
        (None, None) => Some(t.total_no_value.to_string()),
        _ => w.fill(&t.total_value, &[("value", &value_text(w, &total.value, InitiativeKind::Technology))]),
    };
    lines.extend(value);
    if let Some(budget) = case.budget.filter(|_| case.over_budget) {
        let cost = money(w, [total.one_off[1] + total.yearly_cost[1]; 2]);
        lines.extend(w.fill(&t.over_budget, &[("cost", &cost), ("budget", &money(w, budget))]));
    }
    let best: Vec<String> = case
        .best
        .iter()
        .filter_map(|id| case.initiatives.iter().find(|i| i.id == *id))
        .filter_map(|i| w.fill(&t.best_item, &[("name", &i.name), ("value", &value_text(w, &i.value, i.kind))]))
        .collect();
    if !best.is_empty() {
        lines.extend(w.fill(&t.best, &[("initiatives", &w.list(&best))]));
    }
    Some(paragraph(lines.join(" ")))
}

fn money_row(w: &Words, i: &Initiative) -> Vec<String> {
    let t = &w.text.business_case;
    let timing = w.fill(&t.months_to_value, &[("month", &i.months_to_value.to_string())]).unwrap_or_default();
    let payback = i.payback_months.and_then(|p| match range(w, p, num).as_str() {
        "1" => Some(t.payback_month.to_string()),
        months => w.fill(&t.payback, &[("range", months)]),
    });
    vec![
        i.name.to_string(),
        range(w, i.person_weeks, num),
        money(w, i.one_off),
        money(w, i.yearly_cost),
        value_text(w, &i.value, i.kind),
        payback.map_or(timing.clone(), |p| format!("{timing}; {p}")),
    ]
}

/// A row of the KPI table; none for an action held only to its delivery month.
fn kpi_row(w: &Words, i: &Initiative) -> Option<Vec<String>> {
    let t = &w.text.business_case;
    let filled = |template, values: &[(&str, &str)]| w.fill(template, values).unwrap_or_default();
    let (measure, baseline, target) = match &i.kpi {
        Kpi::Measure { measure, lift, .. } => {
            let target =
                lift.map_or(t.target_unset.to_string(), |l| filled(&t.target_lift, &[("lift", &num(l * 100.0))]));
            (measure.to_string(), t.baseline_measure.to_string(), target)
        }
        Kpi::Readiness { dimension, baseline, target } => (
            filled(&t.readiness_measure, &[("dimension", &w.dimension_prose(dimension))]),
            num(*baseline),
            num(*target),
        ),
        Kpi::Delivery { .. } => return None,
    };
    Some(vec![i.name.to_string(), measure, baseline, target, i.owner.to_string()])
}

/// An amount and its share of revenue or budget, either alone, what an action enables, or why
/// there is no estimate.
pub(crate) fn value_text(w: &Words, v: &Value, kind: InitiativeKind) -> String {
    let t = &w.text.business_case;
    let Some(share) = v.share else {
        if let Some(amount) = v.amount {
            return money(w, amount);
        }
        return match v.enables.as_slice() {
            [] if kind == InitiativeKind::Technology => t.not_estimated.to_string(),
            [] => t.enables_nothing.to_string(),
            ids => w.fill(&t.enables, &[("technologies", &w.technology_names(ids))]).unwrap_or_default(),
        };
    };
    let template = match v.base {
        Some(ValueBase::MarketingBudget) => &t.share_budget,
        _ => &t.share,
    };
    let share =
        w.fill(template, &[("range", &range(w, [share[0] * 100.0, share[1] * 100.0], num))]).unwrap_or_default();
    match v.amount {
        Some(amount) => {
            w.fill(&t.amount_and_share, &[("amount", &money(w, amount)), ("share", &share)]).unwrap_or_default()
        }
        None => share,
    }
}

/// The published claim an initiative's value rests on, beside the value it gives here.
fn claim(w: &Words, i: &Initiative) -> Option<String> {
    let v = &i.value;
    let values = [
        ("name", &i.name[..]),
        ("value", &value_text(w, v, i.kind)),
        ("claim", v.claim.as_deref()?.trim_end_matches('.')),
        ("source", &super::appendix::cite(w, v.source.as_ref()?)),
    ];
    w.fill(&w.text.business_case.claim, &values)
}

/// "low-high", or one figure when both ends are the same.
fn range(w: &Words, band: Band, show: fn(f64) -> String) -> String {
    let (low, high) = (show(band[0]), show(band[1]));
    if low == high {
        return low;
    }
    let t = &w.text.business_case;
    if band[0] == 0.0 {
        return w.fill(&t.up_to, &[("high", &high)]).unwrap_or_default();
    }
    w.fill(&t.range, &[("low", &low), ("high", &high)]).unwrap_or_default()
}

/// A money range in whole units with thousands grouped, and the currency when known.
pub(crate) fn money(w: &Words, band: Band) -> String {
    let r = range(w, band, grouped);
    match &w.a.business_case.currency {
        Some(currency) => w.fill(&w.text.business_case.amount, &[("range", &r), ("currency", currency)]).unwrap_or(r),
        None => r,
    }
}

fn grouped(x: f64) -> String {
    let digits = format!("{}", x.max(0.0).round() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
