//! Properties of the scoring and the advice over generated businesses: bounded, monotonic,
//! "don't know" never better than an answer, gates that hold, one story across the plan, and a
//! plan that can be carried out in the order printed.

use proptest::prelude::*;
use readiness::answers::{Answer, Answers, ContextValue, Note};
use readiness::assessment::Assessment;
use readiness::date::Date;
use readiness::frameworks::Load;
use readiness::frameworks::{ContextRole, Frameworks, Ring, Text};
use readiness::score::{Detail, assess};
use readiness::workshop::AnswerFile;
use std::sync::OnceLock;

fn fw() -> &'static Frameworks {
    static FW: OnceLock<Frameworks> = OnceLock::new();
    FW.get_or_init(|| Frameworks::builtin().expect("built-in frameworks load"))
}

/// The built-in frameworks with no limit on how many pilots run at once or how many the budget
/// pays for. Both are portfolio effects: one more technology ready for a pilot can push another
/// past the pilot months or out of the budget. Without them, every decision about a technology
/// is monotonic in the answers.
fn unpaced() -> &'static Frameworks {
    static FW: OnceLock<Frameworks> = OnceLock::new();
    FW.get_or_init(|| {
        let mut fw = Frameworks::builtin().expect("built-in frameworks load");
        for band in &mut fw.scoring.pace.bands {
            band.pilots_at_once = 1000;
        }
        for q in &mut fw.questionnaire.context {
            for option in &mut q.options {
                option.funds_pilots = None;
            }
        }
        fw
    })
}

/// How many technologies are adopted or piloted.
fn planned(a: &Assessment) -> usize {
    a.technologies.iter().filter(|t| t.adoption_timeline.ring.is_planned()).count()
}

fn as_of() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn options(role: ContextRole) -> Vec<Text> {
    fw().context_with_role(role).unwrap().options.iter().filter(|o| !o.exclusive).map(|o| o.id.clone()).collect()
}

/// A generated business: every context question answered from its options, readiness answers
/// at random levels with some "don't know".
#[derive(Debug, Clone)]
struct Business {
    picks: Vec<usize>,
    subsets: Vec<Vec<bool>>,
    team: i64,
    levels: Vec<Option<u8>>,
}

fn business() -> impl Strategy<Value = Business> {
    let n = fw().questionnaire.questions.len();
    (
        prop::collection::vec(0usize..64, 4),
        prop::collection::vec(prop::collection::vec(any::<bool>(), 18), 3),
        1i64..400,
        prop::collection::vec(prop::option::weighted(0.9, 0u8..=4), n),
    )
        .prop_map(|(picks, subsets, team, levels)| Business { picks, subsets, team, levels })
}

fn id_of(role: ContextRole) -> Text {
    fw().context_with_role(role).unwrap().id.clone()
}

fn answers(b: &Business) -> Answers {
    let mut a = Answers::default();
    let choose = |role: ContextRole, pick: usize| {
        let opts = options(role);
        ContextValue::Text(opts[pick % opts.len()].to_string())
    };
    let subset = |role: ContextRole, mask: &[bool], at_least_one: bool| {
        let opts = options(role);
        let mut chosen: Vec<String> = opts.iter().zip(mask).filter(|(_, m)| **m).map(|(o, _)| o.to_string()).collect();
        if chosen.is_empty() && at_least_one {
            chosen.push(opts[0].to_string());
        }
        ContextValue::List(chosen)
    };
    a.context.insert(id_of(ContextRole::Company), ContextValue::Text("Generated Ltd".into()));
    a.context.insert(id_of(ContextRole::Industry), choose(ContextRole::Industry, b.picks[0]));
    a.context.insert(id_of(ContextRole::Size), choose(ContextRole::Size, b.picks[1]));
    a.context.insert(id_of(ContextRole::Budget), choose(ContextRole::Budget, b.picks[2]));
    a.context.insert(id_of(ContextRole::RiskAppetite), choose(ContextRole::RiskAppetite, b.picks[3]));
    a.context.insert(id_of(ContextRole::TeamSize), ContextValue::Number(b.team));
    a.context.insert(id_of(ContextRole::Regions), subset(ContextRole::Regions, &b.subsets[0], true));
    a.context.insert(id_of(ContextRole::Goals), subset(ContextRole::Goals, &b.subsets[1], false));
    // Mostly nothing in use, so the gates are exercised.
    let in_use: Vec<bool> = b.subsets[2].iter().enumerate().map(|(i, m)| *m && i % 4 == 0).collect();
    a.context.insert(id_of(ContextRole::InUse), subset(ContextRole::InUse, &in_use, false));
    for (q, level) in fw().questionnaire.questions.iter().zip(&b.levels) {
        let answer = level.map_or(Answer::DontKnow, |l| Answer::Level(l.min(q.max_level())));
        a.readiness.insert(q.id.clone(), answer);
    }
    a
}

fn rank(a: &Assessment, i: usize) -> u8 {
    a.technologies[i].adoption_timeline.ring.rank()
}

/// A start month, with "none" later than any month.
fn start(a: &Assessment, i: usize) -> u32 {
    a.technologies[i].adoption_timeline.start_month.unwrap_or(u32::MAX)
}

/// Every readiness score that must not fall when an answer improves.
fn scores(a: &Assessment) -> Vec<(String, f64)> {
    let mut scores = vec![("overall".to_string(), a.readiness.overall)];
    scores.extend(a.readiness.dimensions.iter().map(|d| (d.id.to_string(), d.score)));
    scores.extend(a.ethics.iter().map(|p| (format!("ethics {}", p.id), p.score)));
    scores.extend(a.technologies.iter().map(|t| (format!("{} business readiness", t.id), t.business_readiness.score)));
    scores
}

fn in_range(x: f64) -> bool {
    (0.0..=100.0).contains(&x)
}

/// Worse or equal in everything the answers decide: scores, tier, rings, starts, risks, skills.
fn no_better(worse: &Assessment, better: &Assessment) -> Result<(), TestCaseError> {
    for ((name, x), (_, y)) in scores(worse).into_iter().zip(scores(better)) {
        prop_assert!(x <= y + 1e-9, "{} is higher: {} > {}", name, x, y);
    }
    let tier = |a: &Assessment| fw().scoring.tiers.iter().position(|t| t.id == a.readiness.tier.id);
    prop_assert!(tier(worse) <= tier(better));
    for i in 0..worse.technologies.len() {
        let id = &worse.technologies[i].id;
        prop_assert!(rank(worse, i) <= rank(better, i), "{} is in a better ring", id);
        prop_assert!(start(worse, i) >= start(better, i), "{} starts earlier", id);
    }
    // Requirements follow the plan (a technology held asks nothing), so a gap can widen when a
    // better answer puts a technology in the plan; the level the team has never falls.
    for (w, b) in worse.skills.iter().zip(&better.skills) {
        let (w, b) = (worse.skills.iter().find(|s| s.id == b.id).unwrap_or(w), b);
        prop_assert!(w.current <= b.current + 1e-9, "skill {} is higher: {} > {}", b.id, w.current, b.current);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_score_is_bounded(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        for (name, score) in scores(&a) {
            prop_assert!(in_range(score), "{} = {}", name, score);
        }
        prop_assert!(in_range(a.readiness.confidence) && in_range(a.readiness.upper));
        prop_assert!(a.readiness.overall <= a.readiness.upper + 1e-9);
        for t in &a.technologies {
            prop_assert!(in_range(t.technology_maturity.score));
            prop_assert!(in_range(t.implementation_complexity.score));
            prop_assert!(in_range(t.risk_factors.score));
        }
        for r in &a.risks {
            prop_assert!(in_range(r.exposure) && in_range(r.evidence_score));
        }
        let top = fw().skills.levels.len() as f64;
        for s in &a.skills {
            prop_assert!(s.current >= 0.0 && s.current <= top && s.gap >= 0.0);
        }
    }

    #[test]
    fn dont_know_is_never_better_than_the_lowest_level(b in business(), pick in any::<prop::sample::Index>()) {
        let q = pick.get(&fw().questionnaire.questions);
        let (mut unknown, mut lowest) = (answers(&b), answers(&b));
        unknown.readiness.insert(q.id.clone(), Answer::DontKnow);
        lowest.readiness.insert(q.id.clone(), Answer::Level(0));
        let (u, l) = (assess(fw(), &unknown, as_of()), assess(fw(), &lowest, as_of()));
        no_better(&u, &l)?;
        let ids = |a: &Assessment| a.risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        for id in ids(&l) {
            prop_assert!(ids(&u).contains(&id), "\"don't know\" on {} drops the risk {}", q.id, id);
        }
    }

    #[test]
    fn improving_one_answer_never_makes_anything_worse(b in business(), pick in any::<prop::sample::Index>(), step in 1u8..=4) {
        let before = answers(&b);
        let q = pick.get(&fw().questionnaire.questions);
        let level = match before.readiness.get(&q.id) { Some(Answer::Level(l)) => *l, _ => 0 };
        let mut after = before.clone();
        after.readiness.insert(q.id.clone(), Answer::Level((level + step).min(q.max_level())));
        no_better(&assess(unpaced(), &before, as_of()), &assess(unpaced(), &after, as_of()))?;
        // With the pace, a better answer may reorder the pilots but never plans fewer.
        let (worse, better) = (assess(fw(), &before, as_of()), assess(fw(), &after, as_of()));
        prop_assert!(planned(&worse) <= planned(&better), "{} planned, {} after a better answer", planned(&worse), planned(&better));
    }

    #[test]
    fn a_stricter_privacy_regime_never_improves_a_ring(b in business(), region in 0usize..8) {
        let lax = answers(&b);
        let mut strict = lax.clone();
        let regions = id_of(ContextRole::Regions);
        let extra = options(ContextRole::Regions)[region % options(ContextRole::Regions).len()].to_string();
        if let Some(ContextValue::List(list)) = strict.context.get_mut(&regions)
            && !list.contains(&extra)
        {
            list.push(extra);
        }
        let (l, s) = (assess(unpaced(), &lax, as_of()), assess(unpaced(), &strict, as_of()));
        for i in 0..l.technologies.len() {
            prop_assert!(rank(&s, i) <= rank(&l, i), "{} is better with more rules", l.technologies[i].id);
        }
        let (l, s) = (assess(fw(), &lax, as_of()), assess(fw(), &strict, as_of()));
        prop_assert!(planned(&s) <= planned(&l), "more planned with more rules");
    }

    #[test]
    fn a_technology_that_serves_no_stated_goal_is_never_adopted_or_piloted(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        let threshold = fw().scoring.placement.serves_goal_at;
        for t in &a.technologies {
            let spec = fw().technology(&t.id).unwrap();
            let fit = a.business.goals.iter().filter_map(|g| spec.goals.get(g)).fold(0.0f64, |x, y| x.max(*y));
            if fit < threshold {
                prop_assert!(!t.adoption_timeline.ring.is_planned(), "{} serves no goal but is {:?}", t.id, t.adoption_timeline.ring);
            }
        }
    }

    #[test]
    // From the year the built-in stages were judged: every built-in rule is in scope by then,
    // and a law that starts to apply is a real step, not the passing of time.
    fn a_year_moves_no_technology_more_than_one_ring(b in business(), year in 2026i32..2036, month in 1u32..=12, day in 1u32..=28) {
        let given = answers(&b);
        let (start, later) = (Date::new(year, month, day).unwrap(), Date::new(year + 1, month, day).unwrap());
        let (x, y) = (assess(fw(), &given, start), assess(fw(), &given, later));
        for i in 0..x.technologies.len() {
            prop_assert!(rank(&x, i).abs_diff(rank(&y, i)) <= 1, "{} moved two rings in a year", x.technologies[i].id);
        }
    }

    #[test]
    fn the_plan_tells_one_story(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        for phase in &a.roadmap {
            for id in &phase.technologies {
                let t = a.technologies.iter().find(|t| &t.id == id).unwrap();
                let month = t.adoption_timeline.start_month.unwrap();
                prop_assert!(phase.months[0] <= month && month <= phase.months[1], "{} listed in {} starts in month {}", id, phase.id, month);
            }
        }
        let first = &a.roadmap[0];
        for t in &a.technologies {
            let timeline = &t.adoption_timeline;
            match timeline.ring {
                Ring::Adopt => prop_assert!(first.technologies.contains(&t.id), "{} is adopted outside the first phase", t.id),
                Ring::Hold | Ring::Watch | Ring::InUse => prop_assert!(timeline.start_month.is_none(), "{} has a start month", t.id),
                Ring::Pilot | Ring::Assess => prop_assert!(timeline.start_month.is_some()),
            }
            let listed = a.roadmap.iter().filter(|p| p.technologies.contains(&t.id)).count();
            prop_assert_eq!(listed, usize::from(timeline.start_month.is_some()), "{} is listed in {} phases", t.id, listed);
        }
        // The first gap is worked on first by its lead: only work against a risk, for a
        // technology's start, that the readying of a ring comes after (the pilots' design) or
        // that meets a phase's entry criterion keeps earlier months.
        let first_gap = a.readiness.gaps.first();
        let first_gap_work = first.actions.iter().filter(|x| first_gap.is_some_and(|g| x.gaps.contains(g))).min_by_key(|x| x.months[0]);
        let first_gap_start = first_gap_work.map(|x| x.months[0]);
        let lead = |owner: &str| owner.split(", with").next().unwrap_or_default().to_string();
        let same_lead = |x: &readiness::assessment::PlannedAction| first_gap_work.is_some_and(|y| lead(&y.owner) == lead(&x.owner));
        let readies_a_ring = |id: &str| first.actions.iter().any(|y| {
            fw().action(&y.id).is_some_and(|(_, spec)| !spec.before_rings.is_empty() && spec.after.iter().any(|x| x == id))
        });
        let meets_a_criterion = |id: &str| a.roadmap.iter().zip(&fw().roadmap.phases).any(|(plan, phase)| {
            phase.entry_criteria.iter().any(|e| plan.entry_criteria.iter().any(|c| c.id == e.id) && e.produced_by.iter().any(|x| x == id))
        });
        // Work someone else leads does not compete with it.
        for x in first.actions.iter().filter(|x| first_gap_start.is_some_and(|m| x.months[0] < m) && same_lead(x)) {
            let waited = !x.risks.is_empty() || !x.technologies.is_empty() || readies_a_ring(&x.id) || meets_a_criterion(&x.id);
            prop_assert!(waited, "{} starts before the first gap {:?} is worked on", x.id, first_gap);
        }
    }

    #[test]
    fn the_same_answers_give_the_same_assessment(b in business()) {
        let given = answers(&b);
        let first = serde_json::to_string(&assess(fw(), &given, as_of())).unwrap();
        let second = serde_json::to_string(&assess(fw(), &given.clone(), as_of())).unwrap();
        prop_assert_eq!(first, second);
    }

    /// A batch row works out less than a report (no evidence, one risk of the register), and
    /// says the same: readiness, every technology's ring and months, the most exposed risk.
    #[test]
    fn a_rows_scores_agree_with_the_full_assessment(b in business()) {
        let given = answers(&b);
        let full = assess(fw(), &given, as_of());
        let row = readiness::score::scores(fw(), &given, as_of(), Detail::Row);
        prop_assert_eq!(row.readiness.overall, full.readiness.overall);
        prop_assert_eq!(&row.readiness.tier.id, &full.readiness.tier.id);
        prop_assert_eq!(row.readiness.confidence, full.readiness.confidence);
        let timeline = |t: &readiness::assessment::TechnologyAssessment| {
            (t.id.clone(), t.adoption_timeline.ring, t.adoption_timeline.start_month)
        };
        let rings: Vec<_> = row.technologies.iter().map(timeline).collect();
        prop_assert_eq!(rings, full.technologies.iter().map(timeline).collect::<Vec<_>>());
        prop_assert_eq!(row.risks.len(), full.risks.len().min(1));
        prop_assert_eq!(row.risks.first(), full.risks.first());
        // And it does work out less: no technology carries its evidence.
        prop_assert!(row.technologies.iter().all(|t| t.roi_potential.evidence.is_empty()));
    }
}

/// A workshop of one generated business: three respondents sharing its context, each with
/// their own readiness answers and notes; names may repeat (told apart by file), and the last
/// respondent may have answered the first questionnaire version.
fn workshop() -> impl Strategy<Value = (Business, Vec<Vec<Option<u8>>>, Vec<usize>, bool)> {
    let n = fw().questionnaire.questions.len();
    let levels = prop::collection::vec(prop::option::weighted(0.8, 0u8..=4), n);
    (business(), prop::collection::vec(levels, 2), prop::collection::vec(0usize..2, 3), any::<bool>())
}

fn respondents(b: &Business, others: &[Vec<Option<u8>>], names: &[usize], old: bool) -> Vec<AnswerFile> {
    let levels = std::iter::once(&b.levels).chain(others);
    let mut files: Vec<AnswerFile> = levels
        .zip(names)
        .enumerate()
        .map(|(i, (levels, name))| {
            let mut a = answers(&Business { levels: levels.clone(), ..b.clone() });
            a.respondent.name = Some(["Ana", "Ben"][*name].into());
            let question = &fw().questionnaire.questions[i].id;
            a.notes.insert(question.clone(), Note { note: Some(format!("said by {i}")), evidence: None });
            AnswerFile { file: format!("r{i}.toml"), answers: a }
        })
        .collect();
    if old {
        // Written against version 1: later questions were not put to this respondent.
        let last = &mut files[2].answers;
        last.version = Some(1);
        let later = |since: u32| since > 1;
        last.readiness.retain(|id, _| !later(fw().question(id).unwrap().since));
        last.context.retain(|id, _| !later(fw().context_question(id).unwrap().since));
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn combining_a_file_with_itself_gives_its_own_assessment(b in business()) {
        let own = answers(&b);
        let twice = [AnswerFile { file: "a.toml".into(), answers: own.clone() }, AnswerFile { file: "b.toml".into(), answers: own.clone() }];
        let alone = assess(fw(), &own, as_of());
        let combined = readiness::workshop::assess(fw(), &twice, as_of()).unwrap();
        prop_assert_eq!(&combined.readiness, &alone.readiness);
        prop_assert_eq!(&combined.technologies, &alone.technologies);
        prop_assert_eq!(&combined.risks, &alone.risks);
        prop_assert!(combined.workshop.unwrap().discuss.is_empty());
    }

    #[test]
    fn the_order_of_respondents_changes_nothing((b, others, names, old) in workshop()) {
        let files = respondents(&b, &others, &names, old);
        let json = |order: [usize; 3]| {
            let files: Vec<AnswerFile> = order.iter().map(|&i| files[i].clone()).collect();
            serde_json::to_string(&readiness::workshop::assess(fw(), &files, as_of()).unwrap()).unwrap()
        };
        let first = json([0, 1, 2]);
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            prop_assert_eq!(&json(order), &first, "order {:?}", order);
        }
    }

    #[test]
    fn combining_never_leaves_the_respondents_range((b, others, names, old) in workshop()) {
        let files = respondents(&b, &others, &names, old);
        let combined = readiness::workshop::assess(fw(), &files, as_of()).unwrap();
        let own: Vec<Assessment> = files.iter().map(|f| assess(fw(), &f.answers, as_of())).collect();
        // Every score is linear in the levels, so only floating-point rounding may show.
        let check = |what: &str, value: f64, of: &dyn Fn(&Assessment) -> f64| {
            let low = own.iter().map(of).fold(f64::MAX, f64::min);
            let high = own.iter().map(of).fold(f64::MIN, f64::max);
            prop_assert!(low - 1e-9 <= value && value <= high + 1e-9, "{}: {} outside {}..{}", what, value, low, high);
            Ok(())
        };
        check("overall", combined.readiness.overall, &|a| a.readiness.overall)?;
        for (i, d) in combined.readiness.dimensions.iter().enumerate() {
            check(&d.id, d.score, &|a| a.readiness.dimensions[i].score)?;
        }
        // And the workshop part holds each respondent's own scores.
        let workshop = combined.workshop.unwrap();
        let mut expected: Vec<f64> = own.iter().map(|a| a.readiness.overall).collect();
        let mut held: Vec<f64> = workshop.respondents.iter().map(|r| r.overall).collect();
        expected.sort_by(f64::total_cmp);
        held.sort_by(f64::total_cmp);
        prop_assert_eq!(held, expected);
    }
}

/// The share of its top level that an answer reaches; unknown counts as none.
fn share_of(answers: &Answers, question: &str) -> f64 {
    let q = fw().question(question).unwrap();
    let level = answers.readiness.get(question).and_then(|a| a.level()).unwrap_or(0.0);
    level / f64::from(q.max_level())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_action_already_done_is_planned_only_when_something_needs_it(b in business()) {
        let given = answers(&b);
        let a = assess(fw(), &given, as_of());
        let at = fw().scoring.risk.controls_in_place_at;
        for action in a.roadmap.iter().flat_map(|p| &p.actions) {
            let (_, spec) = fw().action(&action.id).unwrap();
            let done = !spec.evidence.is_empty() && spec.evidence.iter().all(|q| share_of(&given, q) >= at);
            prop_assert!(
                !done || !action.risks.is_empty() || !action.technologies.is_empty(),
                "{} is planned though the answers show it done and nothing needs it", action.id
            );
        }
    }

    #[test]
    fn foundation_work_beyond_what_the_plan_waits_for_never_exceeds_the_teams_capacity(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        let foundation: Vec<&str> = fw().roadmap.phases[0].actions.iter().map(|x| x.id.as_str()).collect();
        // Work a start waits for keeps the months the frameworks give it; an action moved from
        // them was moved to where the team had room.
        let planned: Vec<&readiness::assessment::PlannedAction> =
            a.roadmap.iter().flat_map(|p| &p.actions).filter(|x| foundation.contains(&x.id.as_str())).collect();
        let moved = |x: &&&readiness::assessment::PlannedAction| fw().action_months(&x.id) != Some(x.months);
        for month in 1..=12 {
            let during = |x: &&&readiness::assessment::PlannedAction| x.months[0] <= month && month <= x.months[1];
            // Outside help (an action's relief) leads work the team does not carry.
            let running = planned.iter().filter(during).filter(|x| !x.relieved).count();
            let moved_in = planned.iter().filter(during).filter(moved).count();
            prop_assert!(moved_in == 0 || running <= a.business.capacity.max(1), "{} foundation actions in month {}", running, month);
        }
        for phase in &a.roadmap {
            for x in &phase.actions {
                prop_assert!(phase.months[0] <= x.months[0] && x.months[0] <= phase.months[1], "{} listed in {}", x.id, phase.id);
            }
        }
    }

    #[test]
    fn a_capacity_reason_names_only_technologies_placed_ahead_in_adopt_or_pilot(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        let ring = |id: &Text| a.technologies.iter().find(|t| &t.id == id).unwrap().adoption_timeline.ring;
        for t in &a.technologies {
            for reason in &t.adoption_timeline.reasons {
                if let readiness::assessment::Reason::Capacity { ahead, .. } = reason {
                    for id in ahead {
                        prop_assert!(ring(id).is_planned(), "{} names {} ({:?}) as taking a place", t.id, id, ring(id));
                    }
                }
            }
        }
    }

    #[test]
    fn a_technology_waiting_for_a_control_starts_after_the_action_that_puts_it_in_place(b in business()) {
        let given = answers(&b);
        let a = assess(fw(), &given, as_of());
        for t in a.technologies.iter().filter(|t| t.adoption_timeline.ring.is_planned()) {
            for r in a.business.regulations.iter().filter(|r| r.technologies.contains(&t.id)) {
                let rule = fw().regulations.regulations.iter().find(|x| x.id == r.id).unwrap();
                let Some(control) = &rule.control else { continue };
                let Some(action) = &control.action else { continue };
                let met = given.readiness.get(&control.question).and_then(|x| x.level()).is_some_and(|l| l >= f64::from(control.level));
                if met {
                    continue;
                }
                let planned = a.roadmap.iter().flat_map(|p| &p.actions).find(|x| &x.id == action);
                prop_assert!(planned.is_some(), "{} waits for {} which is not in the roadmap", t.id, action);
                let end = planned.unwrap().months[1];
                prop_assert!(t.adoption_timeline.start_month.unwrap() > end, "{} starts before {} ends", t.id, action);
            }
        }
    }

    #[test]
    fn a_risk_with_its_controls_in_place_gives_the_residual_reason_and_is_not_serious(b in business()) {
        let given = answers(&b);
        let a = assess(fw(), &given, as_of());
        let at = fw().scoring.risk.controls_in_place_at;
        for r in &a.risks {
            let spec = fw().risks.risks.iter().find(|x| x.id == r.id).unwrap();
            let in_place = spec.evidence.iter().all(|q| share_of(&given, q) >= at);
            prop_assert_eq!(r.residual, in_place, "{}", &r.id);
            prop_assert_eq!(&r.reason, if in_place { &spec.residual } else { &spec.reason });
            prop_assert!(!(in_place && r.serious), "{} is serious with its controls in place", &r.id);
            prop_assert!(r.exposure >= fw().scoring.risk.raise_from);
        }
    }

    #[test]
    fn nobody_is_told_the_data_protection_officer_delivers(b in business()) {
        let a = assess(fw(), &answers(&b), as_of());
        let owners = a.risks.iter().map(|r| &r.owner).chain(a.roadmap.iter().flat_map(|p| p.actions.iter().map(|x| &x.owner)));
        for owner in owners {
            let lower = owner.to_lowercase();
            prop_assert!(!lower.contains("data protection officer") || lower.contains("data protection officer consulted"), "owner: {}", owner);
        }
    }
}

// ----- The roadmap can be carried out in the order printed -----
//
// For every reference business and example, and for generated businesses: no item starts
// before what it depends on, no serious risk is mitigated after the work that raises it, no
// phase waits for a criterion a later action produces, a quick win is switched on as soon as
// what it waits for is done, and no skill or trend is asked for by a technology the plan holds.

fn planned_action<'a>(a: &'a Assessment, id: &str) -> Option<&'a readiness::assessment::PlannedAction> {
    a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id)
}

fn assessed<'a>(a: &'a Assessment, id: &str) -> &'a readiness::assessment::TechnologyAssessment {
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
            let before = &assessed(a, id).adoption_timeline;
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
            match planned_action(a, &fw().risk(&r.id).unwrap().mitigated_by) {
                Some(x) if x.months[1] < start => ready = ready.max(x.months[1] + 1),
                Some(x) => found
                    .push(format!("{} starts in month {start}; {} is mitigated to month {}", t.id, r.id, x.months[1])),
                None => found.push(format!("{} carries {}, whose mitigation is not planned", t.id, r.id)),
            }
        }
        // A serious risk of the whole programme that its ring raises (a risk's `for_rings`).
        let programme = a.risks.iter().filter(|r| r.serious && timeline.ring.is_planned());
        for r in programme.filter(|r| fw().risk(&r.id).unwrap().for_rings.contains(&timeline.ring)) {
            match planned_action(a, &r.action) {
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
            match planned_action(a, &needed.id) {
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
        for before in spec.after.iter().filter_map(|id| planned_action(a, id)) {
            if before.months[1] >= x.months[0] {
                found.push(format!(
                    "{} starts in month {} before {} ends in month {}",
                    x.id, x.months[0], before.id, before.months[1]
                ));
            }
        }
        // Work that extends pilots starts after they end.
        let extended = a.technologies.iter().filter(|t| t.adoption_timeline.ring == Ring::Pilot).filter(|t| {
            let worked_on = spec.for_technologies.contains(&t.id) && x.technologies.contains(&t.id);
            let for_pilots = spec.for_rings.contains(&Ring::Pilot) && !spec.before_rings.contains(&Ring::Pilot);
            worked_on || (spec.for_technologies.is_empty() && for_pilots)
        });
        for pilot in extended.filter(|t| t.adoption_timeline.end_month.is_some_and(|end| end >= x.months[0])) {
            found.push(format!("{} starts in month {} while the pilot of {} runs", x.id, x.months[0], pilot.id));
        }
        for t in x.technologies.iter().filter(|t| spec.for_technologies.contains(t)) {
            for r in assessed(a, t).risk_factors.risks.iter().filter(|r| r.serious && !x.risks.contains(&r.id)) {
                let mitigation = planned_action(a, &fw().risk(&r.id).unwrap().mitigated_by);
                if mitigation.is_some_and(|m| m.months[1] >= x.months[0]) {
                    found
                        .push(format!("{} works on {t} from month {} before {} is mitigated", x.id, x.months[0], r.id));
                }
            }
        }
    }
    // Work that waits for a go/no-go review starts after it and says it is conditional on it.
    for x in a.roadmap.iter().flat_map(|ph| &ph.actions) {
        let (_, spec) = fw().action(&x.id).unwrap();
        let reviews = spec.after.iter().filter(|id| fw().action(id).is_some_and(|(_, r)| r.decides));
        let review = reviews.filter_map(|id| planned_action(a, id)).max_by_key(|r| r.months[1]);
        if let Some(review) = review
            && (x.if_go != Some(review.months[1]) || x.months[0] <= review.months[1])
        {
            found.push(format!(
                "{} (months {:?}) is not held to the review in month {}",
                x.id, x.months, review.months[1]
            ));
        }
    }
    // Work against a serious risk that a running technology carries keeps its months: it is
    // not pushed behind other work.
    let running = |id: &readiness::frameworks::Text| a.business.in_use.contains(id);
    for r in a.risks.iter().filter(|r| r.serious && r.technologies.iter().any(running)) {
        if let Some(x) = planned_action(a, &r.action).filter(|x| Some(x.months) != fw().action_months(&x.id)) {
            found.push(format!("{} against the live risk {} runs in months {:?}, not its own", x.id, r.id, x.months));
        }
    }
    for (phase, spec) in a.roadmap.iter().zip(&fw().roadmap.phases) {
        for entry in spec.entry_criteria.iter().filter(|e| phase.entry_criteria.iter().any(|c| c.id == e.id)) {
            for late in entry
                .produced_by
                .iter()
                .filter_map(|id| planned_action(a, id))
                .filter(|x| x.months[1] >= phase.months[0])
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
            matches!(assessed(a, id).adoption_timeline.ring, Ring::Hold | Ring::Watch)
        };
        for id in trend.technologies.iter().filter(on_hold) {
            found.push(format!("trend {} lists {id}, which is held", trend.id));
        }
        // Nor is a trend named for a held technology credited to a planned one.
        let named_for = fw().trends.trends.iter().find(|t| t.id == trend.id).and_then(|t| t.technologies.first());
        if named_for.is_some_and(|id| on_hold(&id)) {
            found.push(format!("trend {} is listed while {} it is named for is held", trend.id, named_for.unwrap()));
        }
    }
    found.extend(unflagged_overloads(a));
    found
}

/// One lead carrying more actions at once than a person can is said in the report, from the
/// first month it happens ("The marketing lead, with finance" is the marketing lead).
fn unflagged_overloads(a: &Assessment) -> Vec<String> {
    let cap = fw().scoring.placement.owner_actions_at_once;
    let lead = |owner: &str| owner.split(", with").next().unwrap_or(owner).to_string();
    let actions: Vec<_> = a.roadmap.iter().flat_map(|p| &p.actions).collect();
    let mut found = Vec::new();
    for month in 1..=12 {
        let mut count: std::collections::BTreeMap<String, usize> = Default::default();
        for x in actions.iter().filter(|x| x.months[0] <= month && month <= x.months[1]) {
            *count.entry(lead(&x.owner)).or_default() += 1;
        }
        for (who, n) in count.into_iter().filter(|&(_, n)| n > cap) {
            let flagged = a.overloaded.iter().any(|o| o.lead == who.as_str() && o.months[0] <= month);
            if !flagged {
                found.push(format!("{who} leads {n} actions in month {month}, and the report does not say so"));
            }
        }
    }
    found
}

fn reference_and_example_files() -> Vec<std::path::PathBuf> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = ["tests/reference", "examples"]
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
    let files = reference_and_example_files();
    assert!(files.len() >= 18, "only {} files", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let answers = readiness::answers::parse(
            fw(),
            &path.display().to_string(),
            &text,
            readiness::answers::Completeness::Complete,
        )
        .unwrap();
        let a = assess(fw(), &answers, as_of());
        let found = disorders(&a);
        assert!(found.is_empty(), "{}:\n{}", path.display(), found.join("\n"));
        // Outside help takes what one lead cannot carry: no reference plan overloads anyone
        // (nine of eighteen did before actions had a relief).
        assert!(a.overloaded.is_empty(), "{}: {:?}", path.display(), a.overloaded);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_generated_business_has_a_plan_in_order(b in business()) {
        let found = disorders(&assess(fw(), &answers(&b), as_of()));
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

fn reference_and_example_answers() -> Vec<(String, Answers)> {
    let complete = readiness::answers::Completeness::Complete;
    reference_and_example_files()
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            (name, readiness::answers::parse(fw(), &path.display().to_string(), &text, complete).unwrap())
        })
        .collect()
}

/// What the assessment decided, without the context answers it echoes: rings and months,
/// evidence shown, risks and their owners, the roadmap, skills, the rules in scope and the
/// business case.
fn decisions(a: &Assessment) -> String {
    serde_json::to_string(&(
        &a.technologies,
        &a.risks,
        &a.roadmap,
        &a.skills,
        &a.business.regulations,
        &a.business_case,
    ))
    .unwrap()
}

/// The values a context question can take, each as it would be answered: every option of a
/// choice; each option alone for a list; a team size at the top of every band the scoring
/// reads (capacity and owner bands). "Don't know" is left out: it is documented as the least
/// favourable answer, so it may decide as the lowest option does.
fn context_values(q: &readiness::frameworks::ContextQuestion) -> Vec<ContextValue> {
    use readiness::frameworks::ContextKind;
    match q.kind {
        ContextKind::Choice => q.options.iter().map(|o| ContextValue::Text(o.id.to_string())).collect(),
        ContextKind::Multi => q.options.iter().map(|o| ContextValue::List(vec![o.id.to_string()])).collect(),
        ContextKind::Number => {
            let s = &fw().scoring;
            let mut tops: Vec<i64> =
                s.capacity.iter().map(|b| b.team_up_to).chain(s.owner_bands.iter().map(|b| b.team_up_to)).collect();
            tops.sort_unstable();
            tops.dedup();
            tops.into_iter().map(ContextValue::Number).collect()
        }
        ContextKind::Text => Vec::new(),
    }
}

// Every option of every context question decides something: for each pair of values, some
// reference business or example is advised differently. An option that never does is dead
// and must be given a documented effect or merged (questionnaire.toml `replaces`).
#[test]
fn every_option_of_every_context_question_changes_a_decision() {
    let businesses = reference_and_example_answers();
    let mut dead = Vec::new();
    for q in &fw().questionnaire.context {
        let values = context_values(q);
        let advice: Vec<Vec<String>> = values
            .iter()
            .map(|v| {
                businesses
                    .iter()
                    .map(|(_, answers)| {
                        let mut answers = answers.clone();
                        answers.context.insert(q.id.clone(), v.clone());
                        decisions(&assess(fw(), &answers, as_of()))
                    })
                    .collect()
            })
            .collect();
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                if advice[i] == advice[j] {
                    dead.push(format!("{}: {:?} and {:?}", q.id, values[i], values[j]));
                }
            }
        }
    }
    assert!(dead.is_empty(), "options that decide the same on every business:\n{}", dead.join("\n"));
}

// Maturity is judged on a date, not read off a calendar, and rules come into scope a year
// before they apply: a year's difference in the assessment date moves no technology by two
// rings on any business.
#[test]
fn an_assessment_a_year_later_moves_no_technology_two_rings() {
    let rank = |r: Ring| Ring::ALL.iter().position(|x| *x == r).unwrap() as i64;
    for (name, answers) in reference_and_example_answers() {
        for year in 2026..2031 {
            let (now, later) = (Date::new(year, 11, 25).unwrap(), Date::new(year + 1, 11, 25).unwrap());
            let (a, b) = (assess(fw(), &answers, now), assess(fw(), &answers, later));
            for (x, y) in a.technologies.iter().zip(&b.technologies) {
                let moved = (rank(x.adoption_timeline.ring) - rank(y.adoption_timeline.ring)).abs();
                assert!(moved < 2, "{name}: {} moves {moved} rings from {year} to {}", x.id, year + 1);
            }
        }
    }
}
