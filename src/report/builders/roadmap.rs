//! The roadmap: the team's capacity, a gantt of the year (actions and technologies, from the
//! same months as the tables), and each phase with its entry criteria, actions and starts.

use super::{Words, list_block, new_section, paragraph};
use crate::assessment::{PhasePlan, PlannedAction, PlannedCriterion};
use crate::document::{BarKind, Block, Chart, ChartKind, GanttLegend, GanttRow, Phase, Section};

pub(crate) fn section(w: &Words, _explain: bool) -> Section {
    let t = &w.text.roadmap;
    let capacity = w.a.business.capacity.to_string();
    let intro = match w.a.business.team_size {
        Some(team) => w.fill(&t.capacity, &[("team", &team.to_string()), ("capacity", &capacity)]),
        None => w.fill(&t.capacity_unknown, &[("capacity", &capacity)]),
    };
    let mut blocks: Vec<Block> = intro.map(paragraph).into_iter().collect();
    blocks.extend(w.a.overloaded.iter().filter_map(|o| overloaded(w, o)).map(paragraph));
    blocks.extend(relieved(w).map(paragraph));
    blocks.push(Block::Chart(gantt(w)));
    for phase in &w.a.roadmap {
        blocks.extend(phase_blocks(w, phase));
    }
    new_section("roadmap", &t.title, blocks)
}

fn overloaded(w: &Words, o: &crate::assessment::Overload) -> Option<String> {
    let titles: Vec<String> = o.actions.iter().map(|id| w.action_title(id)).collect();
    let cap = o.at_once.to_string();
    w.fill(
        &w.text.roadmap.overloaded,
        &[
            ("lead", &o.lead),
            ("count", &o.actions.len().to_string()),
            ("first", &o.months[0].to_string()),
            ("last", &o.months[1].to_string()),
            ("actions", &w.list(&titles)),
            ("cap", &cap),
        ],
    )
}

/// The actions outside help leads, if any.
fn relieved(w: &Words) -> Option<String> {
    let titles: Vec<String> =
        w.a.roadmap.iter().flat_map(|p| &p.actions).filter(|a| a.relieved).map(|a| a.title.to_string()).collect();
    (!titles.is_empty()).then(|| w.fill(&w.text.roadmap.relieved, &[("actions", &w.list(&titles))])).flatten()
}

fn gantt(w: &Words) -> Chart {
    let t = &w.text.roadmap;
    let mut rows = Vec::new();
    for phase in &w.a.roadmap {
        rows.extend(phase.actions.iter().map(|a| GanttRow {
            group: phase.name.to_string(),
            label: a.title.to_string(),
            start: a.months[0],
            end: a.months[1],
            kind: BarKind::Action,
        }));
        for id in &phase.technologies {
            let Some(tech) = w.technology(id) else { continue };
            let (Some(start), Some(end)) = (tech.adoption_timeline.start_month, tech.adoption_timeline.end_month)
            else {
                continue;
            };
            let label = format!("{} ({})", tech.name, w.ring(tech.adoption_timeline.ring));
            rows.push(GanttRow { group: phase.name.to_string(), label, start, end, kind: BarKind::Technology });
        }
    }
    let described: Vec<String> = rows.iter().map(|r| format!("{} {}", r.label, w.months(r.start, r.end))).collect();
    // The check makes the last phase end at the horizon.
    let last = w.a.roadmap.last().map_or(0, |p| p.months[1]);
    Chart {
        title: t.chart.to_string(),
        alt: w.fill(&t.chart_alt, &[("rows", &w.list(&described))]).unwrap_or_default(),
        kind: ChartKind::Gantt {
            months: last,
            month_labels: (0..last).map(|i| month_label(w, i)).collect(),
            phases: w
                .a
                .roadmap
                .iter()
                .map(|p| Phase { name: p.name.to_string(), start: p.months[0], end: p.months[1] })
                .collect(),
            rows,
            legend: GanttLegend { action: t.action_legend.to_string(), technology: t.technology_legend.to_string() },
        },
    }
}

/// The calendar month `offset` months after the assessment's month, as "Dec 2026".
fn month_label(w: &Words, offset: u32) -> String {
    let d = w.a.as_of.first_of_month_after(offset + 1);
    let name = w.text.months.get(d.month as usize - 1).map_or("", |m| m.as_str());
    format!("{} {}", name.chars().take(3).collect::<String>(), d.year)
}

fn phase_blocks(w: &Words, phase: &PhasePlan) -> Vec<Block> {
    let t = &w.text.roadmap;
    let (first, last) = (phase.months[0].to_string(), phase.months[1].to_string());
    let until = phase.actions.iter().map(|a| a.months[1]).max().filter(|&m| m > phase.months[1]);
    let heading = match until {
        Some(until) => w.fill(
            &t.phase_runs_on,
            &[("name", &phase.name), ("first", &first), ("last", &last), ("until", &until.to_string())],
        ),
        None => w.fill(&t.phase, &[("name", &phase.name), ("first", &first), ("last", &last)]),
    };
    let mut blocks = vec![Block::Heading(heading.unwrap_or_default())];
    if let Some(entry) = list_block(phase.entry_criteria.iter().map(|c| criterion(w, c)).collect(), false) {
        blocks.push(paragraph(t.entry.to_string()));
        blocks.push(entry);
    }
    blocks.extend(list_block(phase.actions.iter().filter_map(|a| action_item(w, a)).collect(), false));
    let starting: Vec<String> = phase
        .technologies
        .iter()
        .filter_map(|id| w.technology(id))
        .map(|x| format!("{} ({})", x.name, w.ring_months(x)))
        .collect();
    let starting = w.fill(&t.starting, &[("technologies", &w.list(&starting))]);
    blocks.extend(starting.map(paragraph));
    blocks
}

/// An entry criterion in this client's words: its goals, the plan's first-year cost and the
/// technologies it names, with their months; the plain form when one of those is missing.
fn criterion(w: &Words, c: &PlannedCriterion) -> String {
    let spec = w.fw.roadmap.phases.iter().flat_map(|p| &p.entry_criteria).find(|e| e.id == c.id);
    let Some(spec) = spec else { return c.text.to_string() };
    // Goal names hold "and" themselves ("keep customers longer and raise lifetime value").
    let goals: Vec<String> = w.a.business.goals.iter().map(|g| w.goal(g)).collect();
    let named: Vec<String> = c.technologies.iter().filter_map(|id| w.technology(id)).map(|t| dated(w, t)).collect();
    let values = [
        ("goals", goals.join("; ")),
        ("budget", first_year_cost(w).unwrap_or_default()),
        ("technologies", w.list(&named)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    w.fill(&spec.text, &values).unwrap_or_else(|| c.text.to_string())
}

/// The plan's one-off and first-year running cost, in the client's currency; none without a
/// currency or an initiative to cost.
fn first_year_cost(w: &Words) -> Option<String> {
    let case = &w.a.business_case;
    case.currency.as_ref().filter(|_| !case.initiatives.is_empty())?;
    let [one_off, yearly] = [case.total.one_off, case.total.yearly_cost];
    Some(super::business_case::money(w, [one_off[0] + yearly[0], one_off[1] + yearly[1]]))
}

fn action_item(w: &Words, a: &PlannedAction) -> Option<String> {
    let t = &w.text.roadmap;
    let gaps: Vec<String> = a.gaps.iter().map(|g| w.dimension_name(g)).collect();
    let risks: Vec<String> = a
        .risks
        .iter()
        .filter_map(|id| w.a.risks.iter().find(|r| &r.id == id))
        .map(|r| super::lower_first(&r.title))
        .collect();
    let served: Vec<String> = a.technologies.iter().filter_map(|id| w.technology(id)).map(|t| dated(w, t)).collect();
    let why: Vec<String> = [
        w.fill(&t.why_gaps, &[("gaps", &w.list(&gaps))]),
        w.fill(&t.why_risks, &[("risks", &w.list(&risks))]),
        w.fill(&t.why_technologies, &[("technologies", &w.list(&served))]),
    ]
    .into_iter()
    .flatten()
    .collect();
    let conditional = |month: u32| w.fill(&t.if_go, &[("month", &month.to_string()), ("description", &a.description)]);
    let first = a.if_go.and_then(conditional).unwrap_or_else(|| a.description.to_string());
    let mut description: Vec<String> = [Some(first), starts_from(w, a)].into_iter().flatten().collect();
    // What it covers here is reason enough for work of the programme itself.
    let why = match (why.is_empty(), covers(w, a)) {
        (true, Some(covered)) => covered,
        (true, None) => t.why_plan.to_string(),
        (false, covered) => {
            description.extend(covered);
            why.join(" ")
        }
    };
    let values = [
        ("title", &a.title[..]),
        ("months", &w.months(a.months[0], a.months[1])),
        ("owner", &super::lower_first(&a.owner)),
        ("description", &description.join(" ")),
        ("why", &why),
    ];
    w.fill(&t.action_item, &values)
}

/// Where this business starts: its weakest answer among those that show the action's work
/// done (the first among equals), when it is known and below the top.
fn starts_from(w: &Words, a: &PlannedAction) -> Option<String> {
    let basis = w.g.action_basis.get(&a.id)?;
    let (entry, question) = basis
        .evidence
        .iter()
        .filter_map(|q| {
            let entry = w.a.answers.iter().find(|e| e.question == *q)?;
            let level = entry.answer.level()?;
            let question = w.g.questions.get(q)?;
            let top = question.levels.len().checked_sub(1)? as f64;
            (level < top).then_some((entry, question, level / top))
        })
        .min_by(|x, y| x.2.total_cmp(&y.2))
        .map(|(e, q, _)| (e, q))?;
    let current = Some(entry.description.trim_end_matches('.')).filter(|d| !d.is_empty())?;
    let prompt = question.prompt.trim_end_matches('?');
    w.fill(&w.text.roadmap.starts_from, &[("question", prompt), ("current", current)])
}

/// The technologies an action for some rings, or working with them, works on here, when it
/// names none itself: in the action's own words for what it works with, if it has them.
fn covers(w: &Words, a: &PlannedAction) -> Option<String> {
    let (_, spec) = w.fw.action(&a.id)?;
    let (rings, only, template) = match &spec.works_on {
        Some(on) => (&on.rings, &on.technologies[..], &on.text),
        None => (&spec.for_rings, &[][..], &w.text.roadmap.covers),
    };
    if !a.technologies.is_empty() || rings.is_empty() {
        return None;
    }
    let worked_on = w.a.technologies.iter().filter(|t| rings.contains(&t.adoption_timeline.ring));
    let mut worked_on: Vec<_> = worked_on.filter(|t| only.is_empty() || only.contains(&t.id)).collect();
    // What an action works with is named with its months, in the order it is needed.
    let names: Vec<String> = match spec.works_on {
        Some(_) => {
            worked_on.sort_by_key(|t| t.adoption_timeline.start_month);
            worked_on.iter().map(|t| dated(w, t)).collect()
        }
        None => worked_on.iter().map(|t| t.name.to_string()).collect(),
    };
    (!names.is_empty()).then(|| w.fill(template, &[("technologies", &w.list(&names))])).flatten()
}

/// "Conversational AI (months 3–5)", or the name alone for a technology without months (one
/// running already).
fn dated(w: &Words, t: &crate::assessment::TechnologyAssessment) -> String {
    match w.tech_months(t) {
        months if months.is_empty() => t.name.to_string(),
        months => format!("{} ({months})", t.name),
    }
}
