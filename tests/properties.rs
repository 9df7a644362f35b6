//! Properties of scoring over generated answers: bounded, monotonic, deterministic.

use proptest::prelude::*;
use readiness::answers::{Answer, Answers, Completeness, parse};
use readiness::assessment::Assessment;
use readiness::date::Date;
use readiness::frameworks::Frameworks;
use readiness::report::{Format, Section, View, render};
use readiness::score::assess;
use std::sync::OnceLock;

fn fw() -> &'static Frameworks {
    static FW: OnceLock<Frameworks> = OnceLock::new();
    FW.get_or_init(|| Frameworks::builtin().expect("built-in frameworks load"))
}

fn as_of() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

/// The context of a real example, with generated readiness answers.
fn answers_with(levels: &[Option<u8>]) -> Answers {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/b2b-software.toml");
    let mut answers = parse(fw(), path, &std::fs::read_to_string(path).unwrap(), Completeness::Complete).unwrap();
    for (q, level) in fw().questionnaire.questions.iter().zip(levels) {
        let answer = level.map_or(Answer::DontKnow, |l| Answer::Level(l.min(q.max_level())));
        answers.readiness.insert(q.id.clone(), answer);
    }
    answers
}

fn levels() -> impl Strategy<Value = Vec<Option<u8>>> {
    let n = fw().questionnaire.questions.len();
    prop::collection::vec(prop::option::weighted(0.9, 0u8..=4), n)
}

fn ring_rank(a: &Assessment, tech: usize) -> usize {
    let ring = &a.technologies[tech].adoption_timeline.ring;
    fw().scoring.rings.iter().position(|r| &r.id == ring).unwrap()
}

/// Every score that should not fall when an answer improves.
fn readiness_scores(a: &Assessment) -> Vec<(String, f64)> {
    let mut scores = vec![("overall".to_string(), a.readiness.overall)];
    scores.extend(a.readiness.dimensions.iter().map(|d| (d.id.to_string(), d.score)));
    scores.extend(a.ethics.iter().map(|p| (format!("ethics {}", p.id), p.score)));
    for t in &a.technologies {
        scores.push((format!("{} business readiness", t.id), t.business_readiness.score));
        scores.push((format!("{} roi", t.id), t.roi_potential.score));
    }
    scores
}

fn in_range(x: f64) -> bool {
    (0.0..=100.0).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_score_is_bounded(levels in levels()) {
        let a = assess(fw(), &answers_with(&levels), as_of());
        for (name, score) in readiness_scores(&a) {
            prop_assert!(in_range(score), "{} = {}", name, score);
        }
        prop_assert!(in_range(a.readiness.confidence));
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
    fn raising_one_answer_never_lowers_a_readiness_score(levels in levels(), pick in any::<prop::sample::Index>(), step in 1u8..=4) {
        let before = answers_with(&levels);
        let q = pick.get(&fw().questionnaire.questions);
        let Some(Answer::Level(level)) = before.readiness.get(&q.id).copied() else { return Ok(()) };
        let mut after = before.clone();
        after.readiness.insert(q.id.clone(), Answer::Level((level + step).min(q.max_level())));
        let (a, b) = (assess(fw(), &before, as_of()), assess(fw(), &after, as_of()));
        for ((name, x), (_, y)) in readiness_scores(&a).into_iter().zip(readiness_scores(&b)) {
            prop_assert!(y >= x, "raising {} lowered {}: {} -> {}", q.id, name, x, y);
        }
        for i in 0..a.technologies.len() {
            let (ta, tb) = (&a.technologies[i], &b.technologies[i]);
            prop_assert!(ring_rank(&b, i) <= ring_rank(&a, i), "{} moved to a worse ring", ta.id);
            prop_assert!(tb.adoption_timeline.start_month <= ta.adoption_timeline.start_month, "{} starts later", ta.id);
            prop_assert!(tb.implementation_complexity.score <= ta.implementation_complexity.score);
            prop_assert!(tb.risk_factors.score <= ta.risk_factors.score);
        }
        prop_assert!(b.risks.len() <= a.risks.len(), "raising {} raised more risks", q.id);
    }

    #[test]
    fn higher_answers_everywhere_mean_higher_readiness_and_no_later_ring(levels in prop::collection::vec(0u8..=3, 29)) {
        let low: Vec<Option<u8>> = levels.iter().map(|l| Some(*l)).collect();
        let high: Vec<Option<u8>> = levels.iter().map(|l| Some(l + 1)).collect();
        let (a, b) = (assess(fw(), &answers_with(&low), as_of()), assess(fw(), &answers_with(&high), as_of()));
        prop_assert!(b.readiness.overall > a.readiness.overall);
        for i in 0..a.technologies.len() {
            prop_assert!(ring_rank(&b, i) <= ring_rank(&a, i), "{} is in a later ring", a.technologies[i].id);
        }
    }

    #[test]
    fn the_same_input_gives_byte_identical_output_in_every_format(levels in levels()) {
        let answers = answers_with(&levels);
        let view = View { sections: vec![Section::All], explain: true, width: Some(100) };
        for format in [Format::Table, Format::Markdown, Format::Json] {
            let first = render(&assess(fw(), &answers, as_of()), fw(), format, &view);
            let second = render(&assess(fw(), &answers.clone(), as_of()), fw(), format, &view);
            prop_assert_eq!(first, second);
        }
    }

    #[test]
    fn json_is_the_assessment_and_parses_back_into_it(levels in levels()) {
        let a = assess(fw(), &answers_with(&levels), as_of());
        let view = View { sections: vec![Section::All], explain: false, width: None };
        let back: Assessment = serde_json::from_str(&render(&a, fw(), Format::Json, &view)).unwrap();
        prop_assert_eq!(back, a);
    }
}

#[test]
fn dont_know_lowers_confidence_but_is_left_out_of_the_score() {
    let n = fw().questionnaire.questions.len();
    let all = vec![Some(2); n];
    let mut some_unknown = all.clone();
    some_unknown[0] = None;
    let (a, b) = (assess(fw(), &answers_with(&all), as_of()), assess(fw(), &answers_with(&some_unknown), as_of()));
    assert_eq!(a.readiness.confidence, 100.0);
    assert!(b.readiness.confidence < 100.0);
    // Every answered question sits at level 2 of 4, so the score stays at half either way.
    assert_eq!(a.readiness.overall, 50.0);
    assert_eq!(b.readiness.overall, 50.0);
}

#[test]
fn tier_follows_the_published_cut_offs() {
    let n = fw().questionnaire.questions.len();
    let tier = |level| assess(fw(), &answers_with(&vec![Some(level); n]), as_of()).readiness.tier.id;
    // Levels 0..4 of 4 give 0, 25, 50, 75, 100: tiers start at 0, 40, 60 and 80.
    assert_eq!(tier(0), "not_prepared");
    assert_eq!(tier(1), "not_prepared");
    assert_eq!(tier(2), "developing");
    assert_eq!(tier(3), "ready");
    assert_eq!(tier(4), "leading");
}

#[test]
fn prerequisites_start_no_earlier_than_the_lag_after_them() {
    let n = fw().questionnaire.questions.len();
    let lag = fw().scoring.timeline.prerequisite_lag_months;
    for level in 0..=4 {
        let a = assess(fw(), &answers_with(&vec![Some(level); n]), as_of());
        for t in &a.technologies {
            for p in &t.adoption_timeline.prerequisites {
                let before = a.technologies.iter().find(|x| &x.id == p).unwrap();
                assert!(
                    t.adoption_timeline.start_month >= before.adoption_timeline.start_month + lag,
                    "{} starts too soon after {p}",
                    t.id
                );
                let rank = |x: &readiness::assessment::TechnologyAssessment| {
                    fw().scoring.rings.iter().position(|r| r.id == x.adoption_timeline.ring)
                };
                assert!(rank(t) >= rank(before), "{} is in a better ring than its prerequisite {p}", t.id);
            }
        }
    }
}

#[test]
fn examples_differ_in_ways_that_make_sense() {
    let load = |name: &str| {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        assess(
            fw(),
            &parse(fw(), &path, &std::fs::read_to_string(&path).unwrap(), Completeness::Complete).unwrap(),
            as_of(),
        )
    };
    let (shop, b2b, retailer) =
        (load("small-ecommerce.toml"), load("b2b-software.toml"), load("large-retailer-gdpr.toml"));
    // The retailer answers higher than the shop on every question, so it must be more ready.
    assert!(shop.readiness.overall < b2b.readiness.overall && b2b.readiness.overall < retailer.readiness.overall);
    // The shop's governance is weak and it sells into the EU: consent is a raised, escalated risk.
    let consent = shop.risks.iter().find(|r| r.id == "consent_gaps").expect("consent risk raised for the shop");
    assert!(consent.escalated);
    // The B2B firm's weak bias review shows up in its register; the retailer's strong governance does not.
    assert!(b2b.risks.iter().any(|r| r.id == "biased_targeting"));
    assert!(retailer.risks.iter().all(|r| r.id != "biased_targeting"));
    // A cautious retailer adopts fewer not-yet-mainstream technologies than a bold one would.
    let emerging_adopted = |a: &Assessment| {
        a.technologies
            .iter()
            .filter(|t| t.adoption_timeline.ring == "adopt" && t.technology_maturity.score < 100.0)
            .count()
    };
    assert_eq!(emerging_adopted(&retailer), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// The lever gain is worked out analytically; it must equal what re-scoring gives.
    #[test]
    fn each_lever_gain_is_what_rescoring_the_raised_answer_gives(levels in levels()) {
        let answers = answers_with(&levels);
        let before = readiness::score::overall_readiness(fw(), &answers);
        for lever in assess(fw(), &answers, as_of()).levers {
            let mut raised = answers.clone();
            raised.readiness.insert(lever.question.clone(), Answer::Level(lever.to_level));
            let actual = readiness::score::overall_readiness(fw(), &raised) - before;
            prop_assert!((lever.gain - actual).abs() <= 0.05 + 1e-9, "{}: {} vs {}", lever.question, lever.gain, actual);
        }
    }
}
