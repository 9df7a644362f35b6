//! The cover and the one-page executive summary: where the business stands, the three things
//! to do first, quick wins, the top risks with their owners, what waiting costs, what to watch
//! and what to find out. Every sentence is built from this client's assessment.

use super::{Words, list_block, new_section, num, paragraph, sentences};
use crate::assessment::{InitiativeKind, Reason, RiskEntry, SourceRef, TechnologyAssessment};
use crate::document::{Block, KeyFigure, Section};
use crate::frameworks::Ring;

pub(crate) fn cover(w: &Words) -> Vec<Block> {
    let (r, c) = (&w.a.readiness, &w.text.cover);
    let open = r.upper - r.overall;
    let range_note = if open > 0.0 {
        w.fill(&c.overall_range, &[("low", &num(r.overall)), ("high", &num(r.upper))])
    } else {
        Some(c.overall_exact.to_string())
    };
    let count = |ring: Ring| w.a.technologies.iter().filter(|t| t.adoption_timeline.ring == ring).count().to_string();
    let in_use = w.a.technologies.iter().filter(|t| t.adoption_timeline.ring == Ring::InUse).count();
    let figures = vec![
        KeyFigure {
            label: c.overall.to_string(),
            value: w.fill(&c.overall_value, &[("overall", &num(r.overall))]).unwrap_or_default(),
            note: range_note.unwrap_or_default(),
        },
        KeyFigure { label: c.tier.to_string(), value: r.tier.name.to_string(), note: tier_note(w) },
        KeyFigure {
            label: c.confidence.to_string(),
            value: format!("{}%", num(r.confidence)),
            note: if open > 0.0 {
                w.fill(&c.confidence_note, &[("points", &num(open))]).unwrap_or_default()
            } else {
                c.confidence_complete.to_string()
            },
        },
        KeyFigure {
            label: c.plan.to_string(),
            value: match (count(Ring::Adopt).as_str(), count(Ring::Pilot).as_str()) {
                ("0", "0") => c.plan_none.to_string(),
                (adopt, pilot) => w.fill(&c.plan_value, &[("adopt", adopt), ("pilot", pilot)]).unwrap_or_default(),
            },
            note: if in_use > 0 {
                w.fill(&c.plan_note, &[("in_use", &in_use.to_string())]).unwrap_or_default()
            } else {
                String::new()
            },
        },
    ];
    vec![Block::KeyFigures(figures)]
}

/// "tier 2 of 4", from the tier's place in the methodology's tiers, and the tier the unknowns
/// at the top would reach when another.
fn tier_note(w: &Words) -> String {
    let tiers = &w.g.tiers;
    // 1-based, so also the index of the next tier up.
    let above = tiers.iter().position(|t| t == &w.a.readiness.tier.id).map_or(0, |p| p + 1);
    let (position, count) = (above.to_string(), tiers.len().to_string());
    let values = [("position", &position[..]), ("count", &count)];
    let upper = w.a.best_case.tier.as_ref().and_then(|id| w.g.tier_names.get(id));
    // How far the next tier is, when the unknown answers could not reach it.
    let next = tiers.get(above).zip(w.g.tier_floors.get(above)).and_then(|(id, floor)| {
        let points = num(floor - w.a.readiness.overall);
        let tier = w.g.tier_names.get(id)?;
        w.fill(&w.text.cover.tier_note_next, &[&values[..], &[("points", &points), ("tier", tier)]].concat())
    });
    upper
        .and_then(|tier| w.fill(&w.text.changes.tier_note, &[&values[..], &[("tier", tier)]].concat()))
        .or(next)
        .or_else(|| w.fill(&w.text.cover.tier_note, &values))
        .unwrap_or_default()
}

/// One sentence: the tier, the score and the first priority.
pub(crate) fn headline(w: &Words) -> String {
    let r = &w.a.readiness;
    let (tier, overall) = (r.tier.name.as_str(), num(r.overall));
    let h = &w.text.headline;
    match priorities(w).first() {
        Some(first) => w.fill(&h.with_priority, &[("tier", tier), ("overall", &overall), ("priority", &lower(first))]),
        None => w.fill(&h.plain, &[("tier", tier), ("overall", &overall)]),
    }
    .unwrap_or_default()
}

pub(crate) fn section(w: &Words) -> Section {
    let s = &w.text.summary;
    let mut blocks: Vec<Block> =
        [standing(w), plan(w), super::business_case::summary(w)].into_iter().flatten().collect();
    let mut headed = |title: &str, block: Option<Block>| {
        if let Some(block) = block {
            blocks.push(Block::Heading(title.to_string()));
            blocks.push(block);
        }
    };
    let listed: Vec<String> = priority_items(w).into_iter().map(|(key, text)| with_case(w, &key, text)).collect();
    headed(&priorities_heading(w, listed.len()), list_block(listed, true));
    headed(&s.quick_wins, list_block(quick_wins(w), false));
    headed(&s.top_risks, Some(top_risks(w)));
    headed(&s.waiting, list_block(super::outlook::waiting(w), false));
    headed(&s.watch, list_block(super::outlook::watch(w), false));
    headed(&s.find_out, list_block(find_out(w), false));
    section_of(w, blocks)
}

fn section_of(w: &Words, blocks: Vec<Block>) -> Section {
    new_section("summary", &w.text.summary.title, blocks)
}

fn standing(w: &Words) -> Option<Block> {
    let (r, s) = (&w.a.readiness, &w.text.summary);
    let names =
        |ids: &[crate::frameworks::Text]| w.list(&ids.iter().map(|id| w.dimension_prose(id)).collect::<Vec<_>>());
    let company = w.company();
    sentences([
        w.fill(&s.standing, &[("company", &company), ("overall", &num(r.overall)), ("tier", &r.tier.name)]),
        (r.upper > r.overall).then(|| w.fill(&s.standing_range, &[("upper", &num(r.upper))])).flatten(),
        super::changes::standing(w),
        w.fill(&s.strengths, &[("strengths", &names(&r.strengths[..r.strengths.len().min(3)]))])
            .or_else(|| Some(s.no_strengths.to_string())),
        w.fill(&s.gaps, &[("gaps", &names(&r.gaps[..r.gaps.len().min(3)]))]),
    ])
}

fn planned<'a>(w: &Words<'a>) -> Vec<&'a TechnologyAssessment> {
    let mut planned: Vec<&TechnologyAssessment> =
        w.a.technologies.iter().filter(|t| t.adoption_timeline.ring.is_planned()).collect();
    planned.sort_by_key(|t| (t.adoption_timeline.start_month, t.adoption_timeline.priority));
    planned
}

fn plan(w: &Words) -> Option<Block> {
    let s = &w.text.summary;
    let in_use: Vec<String> =
        w.a.technologies
            .iter()
            .filter(|t| t.adoption_timeline.ring == Ring::InUse)
            .map(|t| t.name.to_string())
            .collect();
    let planned = planned(w);
    let count = match planned.len() {
        1 => s.initiative.to_string(),
        n => w.fill(&s.initiatives, &[("count", &n.to_string())]).unwrap_or_default(),
    };
    let list = grouped(w, &planned);
    let plan = if planned.is_empty() {
        Some(s.no_plan.to_string())
    } else {
        // Quick wins are switched on, not run as projects, so they take none of the capacity.
        let projects = planned.iter().filter(|t| !t.adoption_timeline.quick_win).count();
        let capacity = w.a.business.capacity;
        let values = [("initiatives", &count[..]), ("planned", &list)];
        match team_size(w) {
            Some(team) if projects >= capacity => w.fill(&s.plan, &[&values[..], &[("team", &team[..])]].concat()),
            Some(team) => {
                let readying = w.technology_names(&w.a.readying);
                let template = if w.a.readying.is_empty() { &s.plan_below } else { &s.plan_readying };
                let counts = [("capacity", capacity.to_string()), ("projects", projects.to_string())];
                let counts = counts.iter().map(|(k, v)| (*k, v.as_str()));
                let values: Vec<(&str, &str)> = values
                    .into_iter()
                    .chain([("team", &team[..]), ("readying", &readying[..])])
                    .chain(counts)
                    .collect();
                w.fill(template, &values)
            }
            None => w.fill(&s.plan_unknown_team, &values),
        }
    };
    let business = &w.a.business;
    let inferred = w.fill(&s.in_use_inferred, &[("technologies", &w.technology_names(&business.in_use_inferred))]);
    let suggested = w.fill(&s.in_use_suggested, &[("technologies", &w.technology_names(&business.in_use_suggested))]);
    let in_use = w.fill(&s.in_use, &[("in_use", &w.list(&in_use))]);
    let inferred = inferred.filter(|_| !business.in_use_inferred.is_empty());
    let suggested = suggested.filter(|_| !business.in_use_suggested.is_empty());
    sentences([in_use, inferred, suggested, plan, super::workshop::summary(w)])
}

/// The planned technologies, those sharing a ring and months named together: "A, B (Pilot,
/// months 3–5); C (Adopt now, months 3–5)". Commas and semicolons, not "and": technology
/// names hold "and" themselves.
fn grouped(w: &Words, planned: &[&TechnologyAssessment]) -> String {
    let when = |t: &TechnologyAssessment| {
        let ring = w.ring(t.adoption_timeline.ring);
        w.fill(&w.text.technologies.ring_months, &[("ring", &ring), ("months", &w.tech_months(t))]).unwrap_or(ring)
    };
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for t in planned {
        match groups.last_mut() {
            Some((key, names)) if *key == when(t) => names.push(t.name.to_string()),
            _ => groups.push((when(t), vec![t.name.to_string()])),
        }
    }
    groups.into_iter().map(|(key, names)| format!("{} ({key})", names.join(", "))).collect::<Vec<_>>().join("; ")
}

/// The marketing team's size as answered, if it was.
pub(crate) fn team_size(w: &Words) -> Option<String> {
    w.a.business.team_size.map(|n| n.to_string())
}

/// The things to do first, as many as `shown.priorities` (see [`priority_items`]).
pub fn priorities(w: &Words) -> Vec<String> {
    priority_items(w).into_iter().map(|(_, text)| text).collect()
}

/// A priority followed by what its initiative costs and returns, when the business case holds
/// it (a technology in use is not an initiative of the plan).
fn with_case(w: &Words, id: &str, priority: String) -> String {
    let Some(case) = w.a.business_case.initiatives.iter().find(|i| i.id == id) else { return priority };
    let s = &w.text.summary;
    let one_off = super::business_case::money(w, case.one_off);
    let cost = if case.yearly_cost[1] > 0.0 {
        let yearly = super::business_case::money(w, case.yearly_cost);
        w.fill(&s.cost_once_and_yearly, &[("one_off", &one_off), ("yearly", &yearly)])
    } else {
        w.fill(&s.cost_once, &[("one_off", &one_off)])
    };
    let values = [("priority", priority.trim_end_matches('.')), ("cost", &cost.unwrap_or_default())];
    // An action's value is that of what it enables, counted there; so is a figure-less one's.
    let estimated = case.value.share.is_some() || case.value.amount.is_some();
    if case.kind == InitiativeKind::Technology && estimated {
        let value = super::business_case::value_text(w, &case.value, case.kind);
        return w.fill(&s.priority_case, &[&values[..], &[("value", &value[..])]].concat()).unwrap_or(priority);
    }
    w.fill(&s.priority_cost, &values).unwrap_or(priority)
}

/// The things to do first, each with the id of its action or technology, as many as
/// `shown.priorities`: the first gap's action, the first technology in the plan, the most
/// exposed serious risk; then further gaps and technologies. An action already named is not
/// named again for another reason.
fn priority_items(w: &Words) -> Vec<(String, String)> {
    let mut gap_items: Vec<(String, String)> =
        w.a.readiness.gaps.iter().filter_map(|gap| gap_priority(w, gap)).collect();
    let mut tech_items: Vec<(String, String)> =
        planned(w).into_iter().filter_map(|t| Some((t.id.to_string(), technology_priority(w, t)?))).collect();
    let mut risk_items: Vec<(String, String)> =
        w.a.risks
            .iter()
            .filter(|r| r.serious)
            .filter_map(|r| Some((r.action.to_string(), risk_priority(w, r)?)))
            .collect();
    let in_use_items = w.a.technologies.iter().filter_map(|t| {
        let next = t.adoption_timeline.next_step.as_ref()?;
        let text = w.fill(&w.text.summary.priority_in_use, &[("technology", &t.name), ("next", next)])?;
        Some((t.id.to_string(), text))
    });
    let firsts: Vec<(String, String)> = [&mut gap_items, &mut tech_items, &mut risk_items]
        .into_iter()
        .filter(|items| !items.is_empty())
        .map(|items| items.remove(0))
        .collect();
    let mut named = std::collections::HashSet::new();
    firsts
        .into_iter()
        .chain(gap_items)
        .chain(tech_items)
        .chain(risk_items)
        .chain(in_use_items)
        .filter(|(key, _)| named.insert(key.clone()))
        .take(w.text.summary.shown.priorities)
        .collect()
}

/// "Three priorities": how many are listed, in words while `counts` has the number.
fn priorities_heading(w: &Words, count: usize) -> String {
    let s = &w.text.summary;
    if count == 1 {
        return s.priority.to_string();
    }
    let word = s.counts.get(count.wrapping_sub(1)).map_or_else(|| count.to_string(), |c| c.to_string());
    w.fill(&s.priorities, &[("count", &word)]).unwrap_or_default()
}

/// The first-phase action closing `gap`, keyed by the action's id.
fn gap_priority(w: &Words, gap: &str) -> Option<(String, String)> {
    let s = &w.text.summary;
    let action = w.a.roadmap.first()?.actions.iter().find(|x| x.gaps.iter().any(|g| g == gap))?;
    let months = w.months(action.months[0], action.months[1]);
    let owner = lower(&action.owner);
    let dimension = w.dimension_prose(gap);
    let actual = num(w.dimension_score(gap));
    // The most valuable candidate this gap holds back, with what it needs.
    let held =
        w.a.technologies
            .iter()
            .filter_map(|t| {
                let priority = t.adoption_timeline.priority?;
                // Within reach: a held technology needs far more than closing one gap.
                if !matches!(t.adoption_timeline.ring, Ring::Pilot | Ring::Assess) {
                    return None;
                }
                // Only a technology this gap holds back: one held by a rule, the goals or the
                // budget stays held when the gap closes.
                let other_gate = t.adoption_timeline.reasons.iter().any(|r| {
                    matches!(
                        r,
                        Reason::Regulation { .. }
                            | Reason::NoGoal { .. }
                            | Reason::UnprovenModerateGoal { .. }
                            | Reason::OverBudget { .. }
                    )
                });
                if other_gate {
                    return None;
                }
                let required = t.adoption_timeline.reasons.iter().find_map(|r| match r {
                    Reason::Readiness { dimension, required, .. } if dimension == gap => Some(*required),
                    _ => None,
                })?;
                Some((priority, t, required))
            })
            .min_by_key(|(priority, _, _)| *priority);
    let text = match held {
        Some((_, t, required)) => w.fill(
            if t.adoption_timeline.ring == Ring::Assess { &s.priority_gap_next_year } else { &s.priority_gap },
            &[
                ("dimension", &dimension),
                ("actual", &actual),
                ("required", &num(required)),
                ("technology", &t.name),
                ("action", &action.title),
                ("months", &months),
                ("owner", &owner),
            ],
        ),
        None => w.fill(
            &s.priority_gap_alone,
            &[
                ("dimension", &dimension),
                ("actual", &actual),
                ("action", &action.title),
                ("months", &months),
                ("owner", &owner),
            ],
        ),
    };
    Some((action.id.to_string(), text?))
}

fn technology_priority(w: &Words, t: &TechnologyAssessment) -> Option<String> {
    let s = &w.text.summary;
    let verb = match t.adoption_timeline.ring {
        Ring::Adopt => &s.verb_adopt,
        _ => &s.verb_pilot,
    };
    let goals = w.goals_served(t);
    w.fill(
        &s.priority_technology,
        &[("verb", verb), ("technology", &t.name), ("months", &w.tech_months(t)), ("goals", &w.list(&goals))],
    )
}

fn risk_priority(w: &Words, r: &RiskEntry) -> Option<String> {
    let months = w.action_months(&r.action)?;
    let values = [
        ("risk", &lower(&r.title)[..]),
        ("action", &w.action_title(&r.action)),
        ("months", &months),
        ("owner", &lower(&r.owner)),
    ];
    w.fill(&w.text.summary.priority_risk, &values)
}

fn lower(text: &str) -> String {
    super::lower_first(text)
}

/// Technologies that are switched on rather than run as projects. A lever is not a quick
/// win: raising an answer is work, and the levers have their own list.
fn quick_wins(w: &Words) -> Vec<String> {
    let s = &w.text.summary;
    w.a.technologies
        .iter()
        .filter(|t| t.adoption_timeline.quick_win && t.adoption_timeline.ring == Ring::Adopt)
        // Not quick when it waits for a control or a mitigation to be put in place first.
        .filter(|t| super::technologies::waits_for(w, t).is_none())
        .filter_map(|t| {
            let goals = w.goals_served(t);
            w.fill(&s.quick_win, &[("technology", &t.name), ("goals", &w.list(&goals))])
        })
        .collect()
}

fn top_risks(w: &Words) -> Block {
    let s = &w.text.summary;
    // Risks whose controls are in place come after the others: page one is for what is open.
    // An unlikely risk is left off while a likelier one exists, even if fewer than three remain.
    let unlikely = |r: &RiskEntry| w.g.likelihood_bands.first() == Some(&r.likelihood_band);
    let likelier_exists = w.a.risks.iter().any(|r| !unlikely(r));
    let mut risks: Vec<&RiskEntry> = w.a.risks.iter().filter(|r| !(likelier_exists && unlikely(r))).collect();
    risks.sort_by_key(|r| r.residual);
    let items: Vec<String> = risks
        .into_iter()
        .take(s.shown.top_risks)
        .filter_map(|r| {
            let severity = w.severity(r.severity);
            let likelihood = w.g.likelihoods.get(&r.likelihood_band).map_or("", |l| l.as_str()).to_lowercase();
            let action = w.action_title(&r.action);
            let base = [
                ("risk", &r.title[..]),
                ("severity", &severity),
                ("likelihood", &likelihood),
                ("technologies", &w.technology_names(&r.technologies)),
                ("owner", &lower(&r.owner)),
                ("action", &action),
            ];
            match w.action_months(&r.action) {
                Some(months) => w.fill(&s.top_risk, &[&base[..], &[("months", &months[..])]].concat()),
                None => w.fill(&s.top_risk_unscheduled, &base),
            }
        })
        .collect();
    list_block(items, false).unwrap_or_else(|| paragraph(s.no_risks.to_string()))
}

/// "Title, Author, Publisher, 15 January 2024".
pub(crate) fn source(w: &Words, s: &SourceRef) -> String {
    let a = &w.text.appendix;
    let by = |x: &Option<crate::frameworks::Text>| x.as_ref().and_then(|x| w.fill(&a.author, &[("author", x)]));
    let author = [by(&s.author), by(&s.publisher)].into_iter().flatten().collect::<String>();
    let date = s.date.as_ref().and_then(|d| {
        let month = || super::month_year_in(w.text, d).unwrap_or_else(|| d.to_string());
        let shown = d.parse().map(|d| w.date(d)).unwrap_or_else(|_| month());
        w.fill(&a.source_date, &[("date", &shown)])
    });
    format!("{}{author}{}", s.title, date.unwrap_or_default())
}

fn find_out(w: &Words) -> Vec<String> {
    let s = &w.text.summary;
    // Those that could change a decision come first (see `Assessment::unknowns`).
    let answers = w.a.unknowns.iter().take(w.text.summary.shown.first_things).filter_map(|u| {
        let values = [("prompt", u.prompt.trim_end_matches('?')), ("points", &num(u.open_points))];
        let changes = super::changes::phrases(w, &u.could_change);
        w.fill(&w.text.changes.unknown, &[&values[..], &[("changes", &changes)]].concat())
            .or_else(|| w.fill(&s.unknown, &values))
    });
    let context = w.a.business.unknown_context.iter().filter_map(|id| {
        let prompt = w.g.context.get(id)?;
        w.fill(&s.unknown_context, &[("prompt", prompt)])
    });
    answers.chain(context).collect()
}
