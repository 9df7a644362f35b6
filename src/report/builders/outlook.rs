//! The first page's outlook: what waiting costs this client (the deadlines of the rules in
//! scope that touch what it runs or plans, and what peers already run, per the evidence the
//! technologies in view were judged on) and what to watch (for each technology studied this year, what
//! holds it back, which is the signal that would change the advice).

use super::Words;
use crate::assessment::{Reason, RegulationRef, TechnologyAssessment};
use crate::frameworks::Ring;

/// The rules that bind what the business runs or plans, the next deadline first, then what
/// peers already run.
pub fn waiting(w: &Words) -> Vec<String> {
    let mut rules: Vec<&RegulationRef> =
        w.a.business.regulations.iter().filter(|r| !touched(w, r).is_empty()).collect();
    // Deadlines still ahead first, soonest first; then rules in force, most recent first.
    rules.sort_by(|a, b| {
        let when = if a.in_force { b.applies_from.cmp(&a.applies_from) } else { a.applies_from.cmp(&b.applies_from) };
        a.in_force.cmp(&b.in_force).then(when)
    });
    let rules = rules.into_iter().take(w.text.summary.shown.waiting_rules).filter_map(|r| rule(w, r));
    rules.chain(peers(w)).collect()
}

/// The technologies a rule names that the business runs or plans this year.
fn touched<'a>(w: &Words<'a>, r: &RegulationRef) -> Vec<&'a TechnologyAssessment> {
    let runs_or_plans =
        |t: &&TechnologyAssessment| t.adoption_timeline.ring == Ring::InUse || t.adoption_timeline.ring.is_planned();
    r.technologies.iter().filter_map(|id| w.technology(id)).filter(runs_or_plans).collect()
}

/// A rule, the technologies of this plan it covers with their ring and months, who answers for
/// it and the work that meets it: the plan's actions on the risks it makes more severe.
fn rule(w: &Words, r: &RegulationRef) -> Option<String> {
    let s = &w.text.summary;
    let names: Vec<String> = touched(w, r).iter().map(|t| format!("{} ({})", t.name, when(w, t))).collect();
    let mut actions: Vec<String> = Vec::new();
    for risk in w.a.risks.iter().filter(|x| x.escalated_by.contains(&r.id)) {
        let months = w.action_months(&risk.action);
        let action = months
            .and_then(|m| w.fill(&s.waiting_rule_action, &[("action", &w.action_title(&risk.action)), ("months", &m)]));
        actions.extend(action.filter(|a| !actions.contains(a)));
    }
    let who = match (r.role.is_empty(), actions.is_empty()) {
        (true, _) => None,
        (false, true) => w.fill(&s.waiting_rule_who, &[("role", &r.role)]),
        (false, false) => w.fill(&s.waiting_rule_who_work, &[("role", &r.role), ("actions", &w.list(&actions))]),
    };
    let values = [
        ("rule", &r.name[..]),
        ("date", &w.date(r.applies_from)),
        ("technologies", &w.list(&names)),
        ("who", &who.unwrap_or_default()),
    ];
    w.fill(if r.in_force { &s.waiting_rule_now } else { &s.waiting_rule_ahead }, &values)
}

/// "pilot, months 3–5": a technology's ring and months, as the plan has it, or "running".
fn when(w: &Words, t: &TechnologyAssessment) -> String {
    if t.adoption_timeline.ring == Ring::InUse {
        return w.text.summary.running.to_string();
    }
    w.ring_months(t).to_lowercase()
}

/// Where this plan has a technology, how ready the business is for it and, when the
/// business case puts a figure on it, what a year without it forgoes.
fn here(w: &Words, t: &TechnologyAssessment) -> String {
    let s = &w.text.summary;
    let values = [("when", &when(w, t)[..]), ("readiness", &super::num(t.business_readiness.score))];
    let case = w.a.business_case.initiatives.iter().find(|i| i.id == t.id);
    let forgone = case.filter(|i| i.value.amount.is_some()).and_then(|i| {
        let value = super::business_case::value_text(w, &i.value, i.kind);
        w.fill(&s.waiting_here_value, &[&values[..], &[("value", &value[..])]].concat())
    });
    let met = (t.business_readiness.shortfall <= 0.0).then(|| w.fill(&s.waiting_here_met, &values[..1])).flatten();
    forgone.or(met).or_else(|| w.fill(&s.waiting_here, &values)).unwrap_or_default()
}

/// What peers already run, from the evidence each technology's adoption stage was judged on:
/// those in the plan first, then those studied, the most valuable first.
fn peers(w: &Words) -> Vec<String> {
    let s = &w.text.summary;
    let in_view =
        |t: &&TechnologyAssessment| t.adoption_timeline.ring.is_planned() || t.adoption_timeline.ring == Ring::Assess;
    let mut in_view: Vec<&TechnologyAssessment> = w.a.technologies.iter().filter(in_view).collect();
    in_view.sort_by_key(|t| (!t.adoption_timeline.ring.is_planned(), t.adoption_timeline.priority));
    in_view
        .into_iter()
        .filter_map(|t| {
            let m = &t.technology_maturity;
            let values = [
                ("technology", &t.name[..]),
                ("here", &here(w, t)),
                ("stage", &m.stage_name.to_lowercase()),
                ("basis", m.basis.trim_end_matches('.')),
                ("source", &super::appendix::cite(w, &m.source)),
            ];
            w.fill(&s.waiting_peers, &values)
        })
        .take(s.shown.peers)
        .collect()
}

/// For each technology studied this year, what holds it back from a pilot: the signal that
/// would change the advice.
pub fn watch(w: &Words) -> Vec<String> {
    let s = &w.text.summary;
    let mut assessed: Vec<&TechnologyAssessment> =
        w.a.technologies.iter().filter(|t| t.adoption_timeline.ring == Ring::Assess).collect();
    assessed.sort_by_key(|t| t.adoption_timeline.priority);
    assessed
        .into_iter()
        .filter_map(|t| {
            let reasons = super::technologies::reasons(w, t);
            let reasons = (!reasons.is_empty()).then_some(reasons)?;
            // A gap, a missing capability or a rule's control is the client's to change; else
            // the plan's crowding (capacity, budget, timing) holds it back.
            let own =
                t.adoption_timeline.reasons.iter().any(|r| {
                    matches!(r, Reason::Readiness { .. } | Reason::Capability { .. } | Reason::Regulation { .. })
                });
            let template = if own { &s.watch_technology } else { &s.watch_technology_plan };
            w.fill(template, &[("technology", &t.name), ("reasons", &reasons)])
        })
        .collect()
}
