//! The roadmap can be carried out in the order printed, for every reference business and
//! example and for 500 generated businesses: no item starts before what it depends on, no
//! serious risk is mitigated after the work that raises it, no phase waits for a criterion a
//! later action produces, a quick win is switched on as soon as what it waits for is done, and
//! no skill or trend is asked for by a technology the plan holds.

use proptest::prelude::*;
use readiness::answers::{Answer, Answers, Completeness, ContextValue, parse};
use readiness::assessment::{Assessment, PlannedAction, TechnologyAssessment};
use readiness::date::Date;
use readiness::frameworks::{ContextKind, Frameworks, Ring};
use readiness::score::assess;
use std::path::PathBuf;
use std::sync::OnceLock;

fn fw() -> &'static Frameworks {
    static FW: OnceLock<Frameworks> = OnceLock::new();
    FW.get_or_init(|| Frameworks::builtin().expect("built-in frameworks load"))
}

fn as_of() -> Date {
    Date::new(2026, 12, 7).unwrap()
}

fn action<'a>(a: &'a Assessment, id: &str) -> Option<&'a PlannedAction> {
    a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id)
}

fn technology<'a>(a: &'a Assessment, id: &str) -> &'a TechnologyAssessment {
    a.technologies.iter().find(|t| t.id == id).unwrap()
}

/// Every way the plan could be out of order, as messages; empty when it can be carried out.
fn disorders(a: &Assessment) -> Vec<String> {
    let mut found = Vec::new();
    let p = &fw().scoring.placement;
    for t in &a.technologies {
        let timeline = &t.adoption_timeline;
        let Some(start) = timeline.start_month else { continue };
        // Everything it waits for: its prerequisites, the mitigations of its serious risks and the
        // work its ring needs. A quick win starts in the month after the last of them.
        let mut ready = fw().ring(timeline.ring).earliest_month.unwrap_or(1);
        for id in &timeline.prerequisites {
            let before = &technology(a, id).adoption_timeline;
            if before.ring == Ring::InUse {
                continue;
            }
            let lag =
                if before.ring == Ring::Adopt { p.adopted_prerequisite_lag_months } else { p.prerequisite_lag_months };
            match before.start_month {
                Some(month) if month + lag <= start => ready = ready.max(month + lag),
                _ => found.push(format!("{} starts in month {start}, before its prerequisite {id}", t.id)),
            }
        }
        // A study (assess) raises no risk; what is adopted or piloted waits for its mitigation.
        for r in t.risk_factors.risks.iter().filter(|r| r.serious && timeline.ring.is_planned()) {
            match action(a, &fw().risk(&r.id).unwrap().mitigated_by) {
                Some(x) if x.months[1] < start => ready = ready.max(x.months[1] + 1),
                Some(x) => found
                    .push(format!("{} starts in month {start}; {} is mitigated to month {}", t.id, r.id, x.months[1])),
                None => found.push(format!("{} carries {}, whose mitigation is not planned", t.id, r.id)),
            }
        }
        // A serious risk of the whole programme that its ring raises (a risk's `for_rings`).
        let programme = a.risks.iter().filter(|r| r.serious && timeline.ring.is_planned());
        for r in programme.filter(|r| fw().risk(&r.id).unwrap().for_rings.contains(&timeline.ring)) {
            match action(a, &r.action) {
                Some(x) if x.months[1] < start => ready = ready.max(x.months[1] + 1),
                Some(x) => found
                    .push(format!("{} starts in month {start}; {} is mitigated to month {}", t.id, r.id, x.months[1])),
                None => found.push(format!("{} raises {}, whose mitigation is not planned", t.id, r.id)),
            }
        }
        // Work that puts a rule's control in place for it lists it too.
        for x in a.roadmap.iter().flat_map(|ph| &ph.actions).filter(|x| x.technologies.contains(&t.id)) {
            let (_, spec) = fw().action(&x.id).unwrap();
            if !spec.for_technologies.contains(&t.id) {
                ready = ready.max(x.months[1] + 1);
            }
        }
        let needs =
            fw().roadmap.phases.iter().flat_map(|ph| &ph.actions).filter(|x| x.before_rings.contains(&timeline.ring));
        let switched_on = timeline.quick_win && timeline.ring == Ring::Adopt;
        for needed in needs.filter(|_| !switched_on) {
            match action(a, &needed.id) {
                Some(x) if x.months[1] < start => {}
                Some(x) => {
                    found.push(format!("{} starts in month {start}; {} ends in month {}", t.id, x.id, x.months[1]))
                }
                None => found.push(format!("{} is {:?} without {}", t.id, timeline.ring, needed.id)),
            }
        }
        if timeline.quick_win && timeline.ring == Ring::Adopt {
            let end = timeline.end_month.unwrap_or(start);
            if end + 1 - start != p.quick_win_months || start > ready.max(1) {
                found.push(format!(
                    "quick win {} is on a later bar: months {start}-{end}, ready in month {ready}",
                    t.id
                ));
            }
        }
    }
    for x in a.roadmap.iter().flat_map(|ph| &ph.actions) {
        let (_, spec) = fw().action(&x.id).unwrap();
        for before in spec.after.iter().filter_map(|id| action(a, id)) {
            if before.months[1] >= x.months[0] {
                found.push(format!(
                    "{} starts in month {} before {} ends in month {}",
                    x.id, x.months[0], before.id, before.months[1]
                ));
            }
        }
        for t in x.technologies.iter().filter(|t| spec.for_technologies.contains(t)) {
            for r in technology(a, t).risk_factors.risks.iter().filter(|r| r.serious && !x.risks.contains(&r.id)) {
                let mitigation = action(a, &fw().risk(&r.id).unwrap().mitigated_by);
                if mitigation.is_some_and(|m| m.months[1] >= x.months[0]) {
                    found
                        .push(format!("{} works on {t} from month {} before {} is mitigated", x.id, x.months[0], r.id));
                }
            }
        }
    }
    for (phase, spec) in a.roadmap.iter().zip(&fw().roadmap.phases) {
        for entry in spec.entry_criteria.iter().filter(|e| phase.entry_criteria.contains(&e.text)) {
            for late in
                entry.produced_by.iter().filter_map(|id| action(a, id)).filter(|x| x.months[1] >= phase.months[0])
            {
                found.push(format!(
                    "{} waits for \"{}\", which {} produces by month {}",
                    phase.id, entry.text, late.id, late.months[1]
                ));
            }
        }
    }
    let held = |id: &str| {
        a.technologies
            .iter()
            .any(|t| t.id == id && !(t.adoption_timeline.ring.is_planned() || t.adoption_timeline.ring == Ring::InUse))
    };
    for s in &a.skills {
        for id in s.needed_by.iter().filter(|id| held(id)) {
            found.push(format!("skill {} is needed by {id}, which is not in the plan", s.id));
        }
    }
    for trend in &a.trends {
        let on_hold = |id: &&readiness::frameworks::Text| {
            matches!(technology(a, id).adoption_timeline.ring, Ring::Hold | Ring::Watch)
        };
        for id in trend.technologies.iter().filter(on_hold) {
            found.push(format!("trend {} lists {id}, which is held", trend.id));
        }
    }
    found
}

fn files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["tests/reference", "examples"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.to_string_lossy().ends_with(".expected.toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_reference_business_and_example_has_a_plan_in_order() {
    let files = files();
    assert!(files.len() >= 18, "only {} files", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let answers = parse(fw(), &path.display().to_string(), &text, Completeness::Complete).unwrap();
        let found = disorders(&assess(fw(), &answers, as_of()));
        assert!(found.is_empty(), "{}:\n{}", path.display(), found.join("\n"));
    }
}

/// A business drawn from every context question's options and every readiness level.
fn business() -> impl Strategy<Value = Answers> {
    let context = fw().questionnaire.context.len();
    let questions = fw().questionnaire.questions.len();
    (
        prop::collection::vec(any::<prop::sample::Index>(), context),
        prop::collection::vec(prop::collection::vec(any::<bool>(), 12), context),
        1i64..200,
        prop::collection::vec(prop::option::weighted(0.9, 0u8..=4), questions),
    )
        .prop_map(|(picks, subsets, team, levels)| {
            let mut answers = Answers::default();
            for ((q, pick), subset) in fw().questionnaire.context.iter().zip(picks).zip(subsets) {
                let ids: Vec<String> = q.options.iter().filter(|o| !o.exclusive).map(|o| o.id.to_string()).collect();
                let value = match q.kind {
                    ContextKind::Number => ContextValue::Number(team),
                    _ if ids.is_empty() => ContextValue::Text("Generated".into()),
                    ContextKind::Choice => ContextValue::Text(pick.get(&ids).clone()),
                    _ => ContextValue::List(
                        ids.iter().zip(subset).filter(|(_, on)| *on).map(|(id, _)| id.clone()).collect(),
                    ),
                };
                answers.context.insert(q.id.clone(), value);
            }
            for (q, level) in fw().questionnaire.questions.iter().zip(levels) {
                let answer = level.map_or(Answer::DontKnow, |l| Answer::Level(l.min(q.max_level())));
                answers.readiness.insert(q.id.clone(), answer);
            }
            answers
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_generated_business_has_a_plan_in_order(answers in business()) {
        let found = disorders(&assess(fw(), &answers, as_of()));
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
