//! Technologies: the radar (its rings are the table's rings), one table of every technology
//! with its ring, start and the reasons, the six parts for what runs or is planned, and the
//! trends and predictive models that bear on the stated goals.

use super::{Words, left, new_section, num, paragraph, right, table, wide};
use crate::assessment::{Reason, TechnologyAssessment};
use crate::document::{Block, Chart, ChartKind, RadarItem, Section, Span};
use crate::frameworks::{Ring, Text};

/// The radar's rings, innermost first.
const RINGS: [Ring; 5] = [Ring::InUse, Ring::Adopt, Ring::Pilot, Ring::Assess, Ring::Hold];

pub(crate) fn section(w: &Words, explain: bool) -> Section {
    let t = &w.text.technologies;
    let mut blocks: Vec<Block> = intro(w).map(paragraph).into_iter().collect();
    blocks.extend([Block::Chart(radar(w)), overview(w)]);
    let detailed = in_plan(w);
    if !detailed.is_empty() {
        blocks.push(Block::Heading(t.details.to_string()));
        blocks.push(paragraph(t.details_intro.to_string()));
        for tech in detailed {
            blocks.push(details(w, tech));
        }
    }
    blocks.extend(trends(w));
    blocks.extend(models(w));
    if explain {
        blocks.push(Block::Heading(t.explain.to_string()));
        blocks.push(requirements(w));
    }
    new_section("technologies", &t.title, blocks)
}

fn radar(w: &Words) -> Chart {
    let t = &w.text.technologies;
    let sectors = &w.g.sectors;
    let items: Vec<RadarItem> =
        w.a.technologies
            .iter()
            .filter_map(|tech| {
                let ring = RINGS.iter().position(|r| *r == tech.adoption_timeline.ring)?;
                let sector = sectors.iter().position(|s| s.id == tech.sector)?;
                Some(RadarItem { label: tech.name.to_string(), ring, sector })
            })
            .collect();
    // What would bring each one into the rings is in the table's "why".
    let outside: Vec<String> =
        w.a.technologies
            .iter()
            .filter(|x| x.adoption_timeline.ring == Ring::Watch)
            .map(|x| x.name.to_string())
            .collect();
    Chart {
        title: t.radar.to_string(),
        alt: w.fill(&t.radar_alt, &[("counts", &w.list(&ring_counts(w)))]).unwrap_or_default(),
        kind: ChartKind::Radar {
            rings: RINGS.iter().map(|r| w.ring(*r)).collect(),
            sectors: sectors.iter().map(|s| s.name.to_string()).collect(),
            items,
            outside_title: t.outside.to_string(),
            outside,
        },
    }
}

/// What this year's plan starts, by name, ring and months.
fn intro(w: &Words) -> Option<String> {
    let t = &w.text.technologies;
    let company = w.company();
    let planned: Vec<String> =
        in_plan(w).iter().map(|x| format!("{} ({})", x.name, w.ring_months(x).to_lowercase())).collect();
    match planned.is_empty() {
        true => w.fill(&t.intro_none, &[("company", &company)]),
        false => w.fill(&t.intro, &[("company", &company), ("planned", &w.list(&planned))]),
    }
}

/// "in use 4, pilot 4, hold 6": how many technologies each ring holds, empty rings left out.
fn ring_counts(w: &Words) -> Vec<String> {
    RINGS
        .iter()
        .chain(&[Ring::Watch])
        .map(|r| (r, w.a.technologies.iter().filter(|x| x.adoption_timeline.ring == *r).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{} {n}", w.ring(*r).to_lowercase()))
        .collect()
}

/// Innermost ring first, then by start month and priority.
fn in_ring_order<'a>(techs: impl Iterator<Item = &'a TechnologyAssessment>) -> Vec<&'a TechnologyAssessment> {
    let mut techs: Vec<&TechnologyAssessment> = techs.collect();
    techs.sort_by_key(|x| {
        let timeline = &x.adoption_timeline;
        (5 - timeline.ring.rank(), timeline.start_month, timeline.priority)
    });
    techs
}

/// Every technology in ring order: where it stands, when it starts and why.
fn overview(w: &Words) -> Block {
    let t = &w.text.technologies;
    let rows = in_ring_order(w.a.technologies.iter())
        .iter()
        .map(|x| vec![x.name.to_string(), w.ring_months(x), reasons(w, x)])
        .collect();
    table(None, vec![left(&t.technology), left(&t.ring), wide(&t.why)], rows)
}

/// The sentences for why a technology is where it is.
pub(crate) fn reasons(w: &Words, x: &TechnologyAssessment) -> String {
    let timeline = &x.adoption_timeline;
    let mut text: Vec<String> =
        (0..timeline.reasons.len()).filter_map(|i| reason(w, x, &timeline.reasons, i)).collect();
    text.extend(waits_for(w, x));
    if timeline.ring == Ring::InUse
        && let Some(next) = &timeline.next_step
    {
        text.push(next.to_string());
    }
    text.join(" ")
}

/// The planned actions that serve a technology and end before it starts: what it waits for
/// (a rule's control, a mitigation), so its start month reads as a consequence.
pub(crate) fn waits_for(w: &Words, x: &TechnologyAssessment) -> Option<String> {
    let start = x.adoption_timeline.start_month?;
    let actions: Vec<String> =
        w.a.roadmap
            .iter()
            .flat_map(|p| &p.actions)
            .filter(|a| a.months[1] < start && a.technologies.contains(&x.id))
            .map(|a| a.title.to_string())
            .collect();
    w.fill(&w.text.reasons.waits_for, &[("actions", &w.list(&actions))])
}

/// The sentence for reason `i` of `reasons`.
fn reason(w: &Words, x: &TechnologyAssessment, reasons: &[Reason], i: usize) -> Option<String> {
    let s = &w.text.reasons;
    let r = &reasons[i];
    // The goals it serves for this business, where a reason names them.
    let goals = w.goals_served(x);
    let for_goals = |template| (!goals.is_empty()).then(|| w.fill(template, &[("goals", &w.list(&goals))])).flatten();
    match r {
        Reason::InUse => for_goals(&s.in_use_goals).or_else(|| Some(s.in_use.to_string())),
        Reason::NotYetUsable => match &x.technology_maturity.signal {
            Some(signal) => w.fill(&s.not_yet_usable_until, &[("signal", &super::lower_first(signal))]),
            None => Some(s.not_yet_usable.to_string()),
        },
        Reason::Stage { stage, appetite } => {
            let stage = w.g.stages.get(stage).map_or(stage.to_string(), |x| x.name.to_string());
            let appetite = w.g.appetites.get(appetite).map_or(appetite.to_string(), |a| a.to_string());
            w.fill(&s.stage, &[("stage", &stage), ("appetite", &appetite), ("ring", &w.ring(x.adoption_timeline.ring))])
        }
        Reason::PilotFirst => Some(s.pilot_first.to_string()),
        Reason::NoGoal { fit, would_serve } => {
            let why =
                if *fit > 0.0 { w.fill(&s.weak_goal, &[("fit", &num(100.0 * fit))])? } else { s.no_goal.to_string() };
            let goals: Vec<String> = would_serve.iter().map(|g| w.goal(g)).collect();
            let change = if goals.is_empty() { None } else { w.fill(&s.would_serve, &[("goals", &w.list(&goals))]) };
            Some(change.map_or(why.clone(), |c| format!("{why} {c}")))
        }
        Reason::ModerateGoal { fit } => w.fill(&s.moderate_goal, &[("fit", &num(100.0 * fit))]),
        Reason::UnprovenModerateGoal { fit } => w.fill(&s.unproven_moderate_goal, &[("fit", &num(100.0 * fit))]),
        Reason::OverBudget { cost: c, affords } => {
            w.fill(&s.over_budget, &[("cost", &w.cost(*c)), ("affords", &w.cost(*affords))])
        }
        Reason::Regulation { .. } => rule_reason(w, reasons, i),
        Reason::Capacity { priority, capacity, ahead } => w.fill(
            &s.capacity,
            &[
                ("priority", &priority.to_string()),
                ("capacity", &capacity.to_string()),
                ("ahead", &w.technology_names(ahead)),
            ],
        ),
        Reason::Readiness { dimension, actual, required } => w.fill(
            &s.readiness,
            &[("dimension", &w.dimension_name(dimension)), ("actual", &num(*actual)), ("required", &num(*required))],
        ),
        Reason::Capability { question, level } => {
            let (question, level) = question_level(w, question, *level)?;
            w.fill(&s.capability, &[("question", &question), ("level", &level)])
        }
        Reason::Prerequisite { technology } => {
            w.fill(&s.prerequisite, &[("technology", &w.technology_name(technology))])
        }
        Reason::Timing { month } => w.fill(&s.timing, &[("month", &month.to_string())]),
        Reason::PilotBudget { funded } => w.fill(&s.pilot_budget, &[("funded", &funded.to_string())]),
        Reason::Wave { month, dimension } => {
            w.fill(&s.wave, &[("month", &month.to_string()), ("dimension", &w.dimension_prose(dimension))])
        }
        Reason::Ready => for_goals(&s.ready_goals).or_else(|| Some(s.ready.to_string())),
    }
}

/// A question's prompt and one of its levels, as a sentence quotes them.
fn question_level(w: &Words, question: &str, level: u8) -> Option<(String, String)> {
    let q = w.g.questions.get(question)?;
    Some((
        q.prompt.trim_end_matches('?').to_string(),
        q.levels.get(usize::from(level))?.trim_end_matches('.').to_string(),
    ))
}

/// A rule reason's rule and the control it is held on (question and level), if it names one.
fn control(r: &Reason) -> Option<(&Text, Option<(&str, u8)>)> {
    match r {
        Reason::Regulation { regulation, question, level } => Some((regulation, question.as_deref().zip(*level))),
        _ => None,
    }
}

/// The rule of reason `i`, with the later rules held on the same control (question and level)
/// in one sentence; none for a rule an earlier one of that control already named.
fn rule_reason(w: &Words, reasons: &[Reason], i: usize) -> Option<String> {
    let (_, held_on) = control(&reasons[i])?;
    let same = |r: &Reason| held_on.is_some() && control(r).is_some_and(|(_, c)| c == held_on);
    if reasons[..i].iter().any(same) {
        return None;
    }
    let later = reasons[i + 1..].iter().filter(|r| same(r));
    let ids = std::iter::once(&reasons[i]).chain(later).filter_map(|r| control(r).map(|(id, _)| id));
    let names: Vec<&str> =
        ids.filter_map(|id| w.a.business.regulations.iter().find(|r| &r.id == id)).map(|r| &r.name[..]).collect();
    let s = &w.text.reasons;
    let rule = names.join("; ");
    match held_on.and_then(|(q, l)| question_level(w, q, l)) {
        Some((question, level)) => {
            w.fill(&s.regulation_control, &[("rule", &rule), ("question", &question), ("level", &level)])
        }
        None => w.fill(&s.regulation, &[("rule", &rule)]),
    }
}

/// The six parts of the readiness assessment for one technology.
fn details(w: &Words, x: &TechnologyAssessment) -> Block {
    let t = &w.text.technologies;
    let m = &x.technology_maturity;
    let maturity = w.fill(&t.maturity_pointer, &[("stage", &m.stage_name), ("date", &w.date(m.judged))]);
    let b = &x.business_readiness;
    // Only the requirements it misses: the ones it meets would only lengthen the line.
    let requirements: Vec<String> = b
        .requirements
        .iter()
        .filter(|r| r.actual < r.required)
        .filter_map(|r| {
            w.fill(
                &t.requirement,
                &[
                    ("dimension", &w.dimension_name(&r.dimension)),
                    ("actual", &num(r.actual)),
                    ("required", &num(r.required)),
                ],
            )
        })
        .collect();
    let requirements = w.list(&requirements);
    let readiness = if b.shortfall > 0.0 {
        w.fill(
            &t.business_readiness,
            &[
                ("score", &num(b.score)),
                ("dimension", &w.dimension_name(&b.weakest_dimension)),
                ("requirements", &requirements),
            ],
        )
    } else {
        // The requirement met by the narrowest margin: where a slip would first show.
        let closest = b.requirements.iter().min_by(|x, y| (x.actual - x.required).total_cmp(&(y.actual - y.required)));
        closest
            .and_then(|r| {
                let values = [
                    ("dimension", &w.dimension_prose(&r.dimension)[..]),
                    ("actual", &num(r.actual)),
                    ("required", &num(r.required)),
                ];
                w.fill(&t.business_readiness_closest, &values)
            })
            .or_else(|| Some(t.business_readiness_met.to_string()))
    };
    let cost = w.cost(x.implementation_complexity.cost);
    let complexity = w.fill(&t.complexity, &[("score", &num(x.implementation_complexity.score)), ("cost", &cost)]);
    let goals = w.goals_served(x);
    let roi = w
        .fill(&t.roi, &[("goals", &w.list(&goals)), ("score", &num(x.roi_potential.score))])
        .or_else(|| Some(t.roi_none.to_string()));
    let risks: Vec<String> = x
        .risk_factors
        .risks
        .iter()
        .filter(|r| r.exposure > 0.0)
        .map(|r| format!("{} ({})", r.title, num(r.exposure)))
        .collect();
    let risks = w.fill(&t.risk_factors, &[("risks", &w.list(&risks))]);
    let rules: Vec<String> = x
        .adoption_timeline
        .obligations
        .iter()
        .filter_map(|id| w.a.business.regulations.iter().find(|r| &r.id == id).map(|r| r.name.to_string()))
        .collect();
    // What each rule obliges is in the rules table under Risks.
    let rules = w.fill(&t.obligations, &[("rules", &rules.join("; "))]);
    let stale = m.stale.then(|| t.stale.to_string());
    // Three lines: where it stands, what it takes and returns, what it carries.
    let joined = |parts: Vec<Option<String>>| {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    };
    let items = [joined(vec![maturity, stale, readiness]), joined(vec![complexity, roi]), joined(vec![risks, rules])];
    titled_list(&x.name, items.into_iter().flatten().collect())
}

/// The technologies the plan adopts or pilots, which the report details.
fn in_plan<'a>(w: &Words<'a>) -> Vec<&'a TechnologyAssessment> {
    in_ring_order(w.a.technologies.iter().filter(|x| matches!(x.adoption_timeline.ring, Ring::Adopt | Ring::Pilot)))
}

/// The appendix's evidence: for each technology in the plan, its maturity judgement and the
/// figures its return rests on, each with its source; the same for every client.
pub(crate) fn evidence_blocks(w: &Words) -> Vec<Block> {
    let t = &w.text.technologies;
    let listed = |x: &TechnologyAssessment| {
        let m = &x.technology_maturity;
        let number = |id: &str| super::appendix::number(w, id).unwrap_or_default();
        // A custom framework's kind without a short name keeps its full one.
        let kind =
            |id: &str, name: &str| t.evidence_kinds.get(id).map_or_else(|| super::lower_first(name), |k| k.to_string());
        let values = [
            ("stage", &m.stage_name[..]),
            ("date", &w.date(m.judged)),
            ("basis", m.basis.trim_end_matches('.')),
            ("number", &number(&m.source.id)),
        ];
        let maturity = w.fill(&t.maturity, &values);
        let note = x.roi_potential.evidence_note.as_ref().and_then(|n| w.fill(&t.evidence_note, &[("note", n)]));
        let figures = x.roi_potential.evidence.iter().filter_map(|e| {
            let values = [
                ("claim", e.claim.trim_end_matches('.')),
                ("kind", &kind(&e.kind, &e.kind_name)),
                ("number", &number(&e.source.id)),
            ];
            w.fill(&t.evidence_cited, &values)
        });
        titled_list(&x.name, maturity.into_iter().chain(figures).chain(note).collect())
    };
    in_plan(w).into_iter().map(listed).collect()
}

/// A list whose first item, in bold, names what the others describe.
fn titled_list(title: &str, items: Vec<String>) -> Block {
    let mut spans = vec![vec![Span::strong(title)]];
    spans.extend(items.into_iter().map(|i| vec![Span::plain(i)]));
    Block::List { ordered: false, items: spans }
}

/// The trends the plan touches: a table, since each row only pairs names.
fn trends(w: &Words) -> Vec<Block> {
    let t = &w.text.technologies;
    if w.a.trends.is_empty() {
        return Vec::new();
    }
    let category = |id: &str| w.g.sectors.iter().find(|s| s.id == id).map_or(id.to_string(), |s| s.name.to_string());
    let rows =
        w.a.trends.iter().map(|x| vec![x.name.to_string(), category(&x.category), w.technology_names(&x.technologies)]);
    let columns = vec![left(&t.trend), left(&t.category), wide(&t.trend_technologies)];
    vec![Block::Heading(t.trends.to_string()), table(None, columns, rows.collect())]
}

fn models(w: &Words) -> Vec<Block> {
    let t = &w.text.technologies;
    if w.a.models.is_empty() {
        return Vec::new();
    }
    let rows =
        w.a.models
            .iter()
            .map(|m| {
                let algorithms = m.algorithms.join(", ");
                vec![
                    w.fill(&t.model_cell, &[("model", &m.name), ("algorithms", &algorithms)]).unwrap_or_default(),
                    m.metric.to_string(),
                    w.fill(&t.data_score, &[("score", &num(m.data_score))]).unwrap_or_default(),
                ]
            })
            .collect();
    let columns = vec![left(&t.model), wide(&t.metric), right(&t.data_ready)];
    // The family whose data is least ready is where the data lead starts.
    let least = w.a.models.iter().min_by(|x, y| x.data_score.total_cmp(&y.data_score));
    let intro = least.and_then(|m| w.fill(&t.models_intro, &[("model", &m.name), ("score", &num(m.data_score))]));
    let mut blocks = vec![Block::Heading(t.models.to_string())];
    blocks.extend(intro.map(paragraph));
    blocks.push(table(None, columns, rows));
    blocks
}

fn requirements(w: &Words) -> Block {
    let t = &w.text.technologies;
    let rows =
        w.a.technologies
            .iter()
            .flat_map(|x| {
                x.business_readiness.requirements.iter().map(move |r| {
                    vec![x.name.to_string(), w.dimension_name(&r.dimension), num(r.required), num(r.actual)]
                })
            })
            .collect();
    table(
        None,
        vec![left(&t.technology), left(&w.text.readiness.dimension), right(&t.required), right(&t.actual)],
        rows,
    )
}
