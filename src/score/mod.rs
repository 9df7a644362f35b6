//! Scoring: pure functions from frameworks and answers to an [`Assessment`]. Nothing here
//! reads files, prints or looks at the clock; the assessment date is an argument.

mod business_case;
mod calendar;
mod context;
mod levers;
mod outcome;
mod placement;
mod readiness;
mod report_data;
mod risk;
mod roadmap;
mod rules;
mod skills;
mod technology;

pub use readiness::{answer_of, confidence, question_span, score as readiness};

use crate::answers::{Answer, Answers, ContextValue};
use crate::assessment::{AnswerEntry, Assessment, Business, ContextEntry, Reason, TechnologyAssessment};
use crate::date::Date;
use crate::frameworks::{ContextKind, ContextQuestion, ContextRole, Frameworks, Question, Ring, Text};
use placement::Gate;
use risk::Exposure;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Scores a set of answers. Unanswered questions count as "don't know".
pub fn assess(fw: &Frameworks, answers: &Answers, as_of: Date) -> Assessment {
    let base = scores(fw, answers, as_of, Detail::Report);
    let mut unknowns = readiness::unknowns(fw, answers);
    let best_case = outcome::of_unknowns(fw, answers, as_of, &base, &mut unknowns);
    let Scores { business, mut readiness, technologies, risks, paced, readying } = base;
    let paced = paced.then_some(&fw.scoring.pace.dimension);
    readiness.gaps = roadmap::priority_gaps(fw, &readiness, &technologies, paced);
    let levers = levers::top(fw, answers, as_of, &technologies, &readiness.gaps);
    let roadmap = roadmap::plan(fw, &business, answers, &readiness.gaps, &technologies, &risks);
    let overloaded = roadmap::overloads(fw, &roadmap);
    let business_case = business_case::build(fw, answers, &business, &technologies, &roadmap, &readiness, &risks);
    Assessment {
        generator: format!("readiness {}", env!("CARGO_PKG_VERSION")).into(),
        as_of,
        company: answers.text_for(fw, ContextRole::Company).into(),
        questionnaire_version: answers.version.unwrap_or(fw.questionnaire.version),
        context: context_entries(fw, answers),
        skills: skills::gaps(fw, answers, &technologies),
        unknowns,
        best_case,
        ethics: readiness::ethics(fw, answers),
        levers,
        business_case,
        answers: answer_entries(fw, answers),
        trends: report_data::trends(fw, &technologies),
        models: report_data::models(fw, answers, &technologies),
        business,
        readiness,
        technologies,
        risks,
        roadmap,
        overloaded,
        readying,
        benchmark: None,
        workshop: None,
    }
}

/// How much of the scores to work out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything a report shows.
    Report,
    /// What a `batch` row holds: the technologies without their evidence, and of the risk
    /// register only the most exposed risk.
    Row,
    /// The decisions: the technologies without their evidence, the whole risk register.
    Decisions,
}

/// The scores of an assessment without the parts only a report shows (priority gaps,
/// roadmap, skills, levers, methodology and the rest): what a `batch` row holds. Those parts
/// were a fifth of the work of a batch.
pub struct Scores {
    pub business: Business,
    /// Without its priority gaps, which only the roadmap needs.
    pub readiness: crate::assessment::Readiness,
    pub technologies: Vec<TechnologyAssessment>,
    pub risks: Vec<crate::assessment::RiskEntry>,
    /// Some pilot waits for a later wave, so the pace's dimension is a priority gap.
    pub paced: bool,
    /// Candidates holding a place in the team's capacity that are not adopted or piloted.
    pub readying: Vec<Text>,
}

/// See [`Scores`] and [`Detail`].
pub fn scores(fw: &Frameworks, answers: &Answers, as_of: Date, detail: Detail) -> Scores {
    let business = context::resolve(fw, answers, as_of);
    let readiness = readiness::score(fw, answers);
    let dimensions: BTreeMap<Text, f64> = readiness.dimensions.iter().map(|d| (d.id.clone(), d.score)).collect();
    let mut technologies = technology::assess_all(fw, &business, &dimensions, as_of, detail);
    let rules = rules::Rules::new(fw, &business, answers);
    let (gates, places) = placement::context_gates(fw, &business, &rules, &mut technologies);
    // A rule escalates a risk only through what the business runs or has room for this year.
    let in_view: Vec<&Text> = technologies
        .iter()
        .zip(&places)
        .filter(|(t, place)| {
            let candidate =
                t.adoption_timeline.priority.is_some() && (place.is_some() || t.adoption_timeline.quick_win);
            candidate || business.in_use.contains(&t.id)
        })
        .map(|(t, _)| &t.id)
        .collect();
    let exposures = risk::evaluate_all(fw, &rules, answers, &in_view);
    for t in technologies.iter_mut() {
        t.risk_factors = risk::factors(fw, &rules, &exposures, &t.id);
    }
    let placer = Placer {
        fw,
        answers,
        business: &business,
        rules: &rules,
        exposures: &exposures,
        gates,
        pilots: RefCell::new(calendar::Running::new(placement::pilots_at_once(fw, &dimensions))),
        paced: Cell::new(false),
        pilots_placed: Cell::new(0),
    };
    placer.place_all(&mut technologies);
    placement::name_only_planned(&mut technologies);
    let paced = placer.paced.get();
    let risks = risk::register(fw, &business, &exposures, &technologies, answers, detail);
    let readying = technologies
        .iter()
        .zip(&places)
        .filter(|(t, place)| place.is_some() && !t.adoption_timeline.ring.is_planned())
        .map(|(t, _)| t.id.clone())
        .collect();
    Scores { business, readiness, technologies, risks, paced, readying }
}

/// Places every technology after its prerequisites.
struct Placer<'a> {
    fw: &'a Frameworks,
    answers: &'a Answers,
    business: &'a Business,
    rules: &'a rules::Rules<'a>,
    exposures: &'a [Exposure<'a>],
    gates: Vec<Vec<Gate>>,
    /// The pilots placed so far, month by month: no more run at once than the pace allows.
    pilots: RefCell<calendar::Running>,
    /// Some pilot waits for a later wave.
    paced: Cell<bool>,
    /// Pilots placed so far, against the number the budget pays for.
    pilots_placed: Cell<usize>,
}

impl Placer<'_> {
    /// The next step from what the business runs or adopts this year: a proven technology that
    /// serves a stated goal well, within the budget, all of whose prerequisites are in use or
    /// adopted. However far
    /// its readiness falls short, it is studied (assessed) while the plan closes the gap.
    fn is_next_step(&self, techs: &[TechnologyAssessment], prerequisites: &[usize], i: usize) -> bool {
        let fw = self.fw;
        let Some(t) = fw.technologies.technologies.get(i) else { return false };
        let rule = &fw.scoring.placement;
        let built_on = |&j: &usize| matches!(techs[j].adoption_timeline.ring, Ring::InUse | Ring::Adopt);
        !prerequisites.is_empty()
            && prerequisites.iter().all(built_on)
            && rule.proven_stages.contains(&t.stage.stage)
            && t.cost <= self.business.affords
            && technology::goal_fit(t, &self.business.goals) >= rule.next_step_goal_at
    }

    /// A capability the technology needs (technologies.toml `needs`) that the answers fall
    /// short of lets it be studied, not adopted or piloted.
    fn missing_capabilities(&self, i: usize) -> Vec<placement::Gate> {
        let needs = &self.fw.technologies.technologies[i].needs;
        let short = needs.iter().filter(|n| {
            let level = self.fw.question(&n.question).and_then(|q| readiness::answer_of(self.answers, q).0.level());
            level.is_none_or(|l| l < f64::from(n.at_least))
        });
        let reason =
            |n: &crate::frameworks::AnswerLevel| Reason::Capability { question: n.question.clone(), level: n.at_least };
        short.map(|n| (Ring::Assess, Some(reason(n)))).collect()
    }

    /// In priority order, so the most valuable pilots get the first places in the waves; each
    /// after its prerequisites.
    fn place_all(&self, techs: &mut [TechnologyAssessment]) {
        let mut done = vec![false; techs.len()];
        let mut order: Vec<usize> = (0..techs.len()).collect();
        order.sort_by_key(|&i| techs[i].adoption_timeline.priority.unwrap_or(usize::MAX));
        for i in order {
            self.place(techs, &mut done, i);
        }
    }

    fn place(&self, techs: &mut [TechnologyAssessment], done: &mut [bool], i: usize) {
        if done[i] {
            return;
        }
        done[i] = true;
        let prerequisites = &techs[i].adoption_timeline.prerequisites;
        let indices: Vec<usize> = prerequisites.iter().filter_map(|id| self.fw.technology_position(id)).collect();
        for &j in &indices {
            self.place(techs, done, j);
        }
        let in_use = self.business.in_use.contains(&techs[i].id);
        let (ring, months, reasons) = if in_use {
            (Ring::InUse, None, in_use_reasons(self.fw, &techs[i], &self.business.appetite))
        } else {
            self.gated(techs, &indices, i)
        };
        let id = techs[i].id.clone();
        let timeline = &mut techs[i].adoption_timeline;
        timeline.ring = ring;
        timeline.start_month = months.map(|(start, _)| start);
        timeline.end_month = months.map(|(_, end)| end);
        timeline.phase = timeline.start_month.and_then(|m| placement::phase_of_month(self.fw, m));
        timeline.reasons = reasons;
        let advice = || self.rules.in_use_advice(&id).or_else(|| self.fw.technology(&id)?.in_use_next.as_ref());
        timeline.next_step = if in_use { advice().cloned() } else { None };
        timeline.obligations = self.rules.touching(&id).map(|r| r.id.clone()).collect();
    }

    /// Every gate, then the months: after prerequisites not yet in use, after the mitigation of
    /// every serious risk the technology carries, the actions that put its rules' controls in
    /// place and the actions its ring waits for (a vendor chosen, a pilot designed), and, for a
    /// pilot, when the pace of pilots leaves room for it.
    fn gated(
        &self,
        techs: &[TechnologyAssessment],
        prerequisites: &[usize],
        i: usize,
    ) -> (Ring, Option<(u32, u32)>, Vec<Reason>) {
        let fw = self.fw;
        let t = &techs[i];
        // The gates of the business's context were worked out once for all (`self.gates`);
        // these depend on the answers and on the technologies placed before this one.
        let mut gates = self.rules.control_gates(&t.id);
        gates.extend(self.missing_capabilities(i));
        let (mut ready, why) = placement::readiness_gate(fw, t, &self.business.appetite);
        if ready == Ring::Hold && self.is_next_step(techs, prerequisites, i) {
            ready = Ring::Assess;
        }
        gates.push((ready, why));
        let mut earliest = 1;
        let p = &fw.scoring.placement;
        for &j in prerequisites.iter().filter(|&&j| techs[j].adoption_timeline.ring != Ring::InUse) {
            let before = &techs[j].adoption_timeline;
            gates.push((before.ring, Some(Reason::Prerequisite { technology: techs[j].id.clone() })));
            let lag =
                if before.ring == Ring::Adopt { p.adopted_prerequisite_lag_months } else { p.prerequisite_lag_months };
            earliest = earliest.max(before.start_month.map_or(u32::MAX, |m| m + lag));
        }
        for r in &t.risk_factors.risks {
            let mitigation = risk::exposure_to(fw, self.exposures, &r.id).and_then(|e| risk::mitigated_by_month(fw, e));
            earliest = earliest.max(mitigation.map_or(1, |end| end + 1));
        }
        for action in self.rules.control_actions(&t.id) {
            earliest = earliest.max(fw.action_months(action).map_or(1, |[_, end]| end + 1));
        }
        let (ring, mut reasons) = placement::settle(self.gates[i].iter().chain(&gates));
        let quick_win = t.adoption_timeline.quick_win;
        let ready_from = |ring: Ring| {
            let programme = risk::programme_mitigated_by_month(fw, self.exposures, ring);
            earliest.max(placement::ring_actions_end(fw, ring, quick_win) + 1).max(programme + 1)
        };
        let (mut ring, mut months, mut timing) = placement::schedule(fw, ring, quick_win, ready_from);
        if ring == Ring::Pilot
            && let Some((start, _)) = months
        {
            let paced = self.pilots.borrow().first_room(start, fw.ring(Ring::Pilot).months.unwrap_or(1));
            if paced > start {
                self.paced.set(true);
                let last = fw.ring(Ring::Pilot).latest_month.unwrap_or(12);
                if paced <= last {
                    months = placement::schedule(fw, Ring::Pilot, quick_win, |_| paced).1;
                    reasons.push(Reason::Wave { month: paced, dimension: fw.scoring.pace.dimension.clone() });
                } else {
                    // No room among this year's pilots: assessed instead, when it otherwise would be.
                    (ring, months, _) = placement::schedule(fw, Ring::Assess, quick_win, ready_from);
                    timing = Some(Reason::Timing { month: paced });
                }
            }
        }
        let funded = self.business.funds_pilots.unwrap_or(usize::MAX);
        if ring == Ring::Pilot && self.pilots_placed.get() >= funded {
            (ring, months, _) = placement::schedule(fw, Ring::Assess, quick_win, ready_from);
            timing = Some(Reason::PilotBudget { funded });
        }
        if let (Ring::Pilot, Some((start, end))) = (ring, months) {
            self.pilots.borrow_mut().add([start, end]);
            self.pilots_placed.set(self.pilots_placed.get() + 1);
        }
        if let Some(timing) = timing {
            reasons = vec![timing];
        }
        (ring, months, reasons)
    }
}

/// A technology in use: advice to scale it, and what falls short if anything does.
fn in_use_reasons(fw: &Frameworks, t: &TechnologyAssessment, appetite: &str) -> Vec<Reason> {
    let mut reasons = vec![Reason::InUse];
    if let (_, Some(shortfall)) = placement::readiness_gate(fw, t, appetite) {
        reasons.push(shortfall);
    }
    reasons
}

/// The answer to a question as a share of its top level (0-1); an unknown answer is the
/// lowest level. A level between two anchored ones (a workshop's mean) counts in proportion.
fn share(q: &Question, answer: Answer) -> f64 {
    answer.level().map_or(0.0, |level| level / f64::from(q.max_level().max(1)))
}

/// Mean share (0-100) of the named questions; unknown answers count as zero, because evidence
/// that is not known cannot be relied on.
fn evidence_score(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> f64 {
    let shares: Vec<f64> = questions
        .iter()
        .filter_map(|id| fw.question(id))
        .map(|q| share(q, readiness::answer_of(answers, q).0))
        .collect();
    if shares.is_empty() { 0.0 } else { 100.0 * shares.iter().sum::<f64>() / shares.len() as f64 }
}

/// Controls are in place when every named question is answered at the `controls_in_place_at`
/// share of its top level or above (none named: no evidence, so not in place).
fn controls_in_place(fw: &Frameworks, answers: &Answers, questions: &[Text]) -> bool {
    let at = fw.scoring.risk.controls_in_place_at;
    let mut shares =
        questions.iter().filter_map(|id| fw.question(id)).map(|q| share(q, readiness::answer_of(answers, q).0));
    !questions.is_empty() && shares.all(|s| s >= at)
}

fn context_entries(fw: &Frameworks, answers: &Answers) -> Vec<ContextEntry> {
    let entry = |q: &ContextQuestion| {
        let value = answers.context.get(&q.id)?;
        Some(ContextEntry { id: q.id.clone(), prompt: q.prompt.clone(), value: display_context(fw, q, value).into() })
    };
    fw.questionnaire.context.iter().filter_map(entry).collect()
}

/// A context answer in words: option labels rather than ids.
pub(crate) fn display_context(fw: &Frameworks, q: &ContextQuestion, value: &ContextValue) -> String {
    let label = |id: &str| q.options.iter().find(|o| o.id == id).map_or(id.to_string(), |o| o.label.to_string());
    match (q.kind, value) {
        (_, ContextValue::Number(n)) => n.to_string(),
        (_, ContextValue::DontKnow) => fw.report.dont_know.to_string(),
        (ContextKind::Choice, ContextValue::Text(id)) => label(id),
        (_, ContextValue::Text(text)) => text.clone(),
        (_, ContextValue::List(ids)) => ids.iter().map(|id| label(id)).collect::<Vec<_>>().join(", "),
    }
}

/// The description of the level answered; empty when unknown or between two levels.
pub(crate) fn level_description(q: &Question, answer: Answer) -> Text {
    match answer {
        Answer::Level(level) => q.levels[usize::from(level)].clone(),
        Answer::DontKnow | Answer::Between(_) => Text::default(),
    }
}

/// Adds `value` to the group of `key` unless it is the last one there: groups filled in order
/// hold each value once, in the order first added.
fn group_once<K: Eq + std::hash::Hash, V: PartialEq>(groups: &mut HashMap<K, Vec<V>>, key: K, value: V) {
    let group = groups.entry(key).or_default();
    if group.last() != Some(&value) {
        group.push(value);
    }
}

/// Catalogue positions in catalogue order, each once: lists of technologies and risks are
/// kept in the catalogue's order whatever order they were found in.
fn in_catalogue_order(positions: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut positions: Vec<usize> = positions.collect();
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// The note and evidence the answers give for question `q`.
pub(crate) fn note_of(answers: &Answers, q: &Question) -> (Option<Text>, Option<Text>) {
    let note = answers.notes.get(&q.id);
    let text = |text: Option<&String>| text.map(|t| Text::from(t.as_str()));
    (text(note.and_then(|n| n.note.as_ref())), text(note.and_then(|n| n.evidence.as_ref())))
}

fn answer_entries(fw: &Frameworks, answers: &Answers) -> Vec<AnswerEntry> {
    let entry = |q: &Question| {
        let (answer, asked) = readiness::answer_of(answers, q);
        let (note, evidence) = note_of(answers, q);
        AnswerEntry {
            question: q.id.clone(),
            dimension: q.dimension.clone(),
            prompt: q.prompt.clone(),
            answer,
            asked,
            description: level_description(q, answer),
            note,
            evidence,
        }
    };
    fw.questionnaire.questions.iter().map(entry).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn positions_come_in_catalogue_order_each_once() {
        assert_eq!(super::in_catalogue_order([3, 1, 3, 0, 1].into_iter()), vec![0, 1, 3]);
        assert_eq!(super::in_catalogue_order(std::iter::empty()), Vec::<usize>::new());
    }
}
