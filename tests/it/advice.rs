//! The advice for the three examples, checked against what the pre-hand-over review said an
//! expert would advise (see the commit history for the findings): rules by region, pilots
//! staggered by culture, opt-out regimes gated on the opt-out control, residual risk reasons.

use crate::common::fw;
use readiness::answers::{Completeness, parse};
use readiness::assessment::{Assessment, Reason};
use readiness::date::Date;
use readiness::frameworks::Load;
use readiness::frameworks::{Frameworks, Ring};
use std::path::PathBuf;

fn assess_text(name: &str, text: &str) -> Assessment {
    let fw = Frameworks::builtin().unwrap();
    let answers = parse(&fw, name, text, Completeness::Complete).unwrap();
    readiness::score::assess(&fw, &answers, Date::new(2026, 11, 25).unwrap())
}

fn example_text(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples").join(format!("{name}.toml")))
        .unwrap()
}

fn example(name: &str) -> Assessment {
    assess_text(name, &example_text(name))
}

fn ring(a: &Assessment, id: &str) -> Ring {
    a.technologies.iter().find(|t| t.id == id).unwrap().adoption_timeline.ring
}

fn start(a: &Assessment, id: &str) -> Option<u32> {
    a.technologies.iter().find(|t| t.id == id).unwrap().adoption_timeline.start_month
}

fn action<'a>(a: &'a Assessment, id: &str) -> Option<&'a readiness::assessment::PlannedAction> {
    a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id)
}

#[test]
fn a_north_american_client_gets_no_brazilian_law() {
    let a = example("b2b-software");
    for r in &a.business.regulations {
        assert!(!r.name.contains("LGPD") && !r.citation.contains("LGPD"), "{} is in scope", r.id);
        assert!(!r.source.title.contains("Brazil"), "{} cites {}", r.id, r.source.title);
    }
    assert!(a.business.regulations.iter().any(|r| r.id == "canada_consent"));
}

#[test]
fn in_an_opt_out_regime_lookalikes_wait_for_the_opt_out_control_not_a_consent_platform() {
    // Northwind: California, other US states and Canada; consent_management 2 (no opt-outs
    // honoured everywhere). An opt-out regime allows lookalikes once opt-outs flow.
    let a = example("b2b-software");
    assert!(ring(&a, "lookalike_audiences").is_planned(), "{:?}", ring(&a, "lookalike_audiences"));
    let controls = action(&a, "privacy_controls").expect("the opt-out work is in the roadmap");
    assert!(controls.technologies.iter().any(|t| t == "lookalike_audiences"));
    assert!(start(&a, "lookalike_audiences").unwrap() > controls.months[1]);
    // Once opt-outs apply everywhere, nothing waits.
    let met = example_text("b2b-software").replace("consent_management = 2", "consent_management = 3");
    let b = assess_text("b2b-software", &met);
    assert!(start(&b, "lookalike_audiences").unwrap() <= start(&a, "lookalike_audiences").unwrap());
    // In the EU the same answer holds lookalikes: consent comes first.
    let eu = example_text("b2b-software")
        .replace(r#"regions = ["us_other", "us_california", "canada"]"#, r#"regions = ["eu"]"#);
    assert_eq!(ring(&assess_text("b2b-software", &eu), "lookalike_audiences"), Ring::Hold);
}

#[test]
fn a_b2b_firm_with_acquisition_and_retention_goals_pilots_conversational_ai_and_causal_analytics() {
    let a = example("b2b-software");
    assert_eq!(ring(&a, "conversational_ai"), Ring::Pilot);
    assert_eq!(ring(&a, "causal_explainable_analytics"), Ring::Pilot);
    // The scale-up of personalisation is scheduled only once hyper-personalisation is planned,
    // and never before its pilot starts.
    let personalisation = action(&a, "advanced_personalization");
    assert_eq!(personalisation.is_some(), ring(&a, "hyper_personalization").is_planned());
    if let (Some(action), Some(pilot)) = (personalisation, start(&a, "hyper_personalization")) {
        assert!(action.months[0] > pilot, "scaled in month {} before the pilot of month {pilot}", action.months[0]);
    }
}

#[test]
fn work_the_client_already_does_is_not_scheduled_again() {
    // Maison Aurore: consent 4/4 and security 4/4; Northwind: data foundation 3/4 throughout.
    let maison = example("large-retailer-gdpr");
    assert!(action(&maison, "privacy_controls").is_none());
    assert!(action(&maison, "security_controls").is_none());
    let northwind = example("b2b-software");
    assert!(action(&northwind, "data_infrastructure").is_none());
    // Predictive models already run: the action extends them rather than putting them into use.
    let predictive = action(&northwind, "predictive_analytics").unwrap();
    assert!(predictive.description.starts_with("Extend"), "{}", predictive.description);
}

#[test]
fn five_pilots_on_a_middling_culture_start_in_waves_and_culture_becomes_the_gap() {
    let a = example("large-retailer-gdpr");
    let pilots: Vec<u32> = a
        .technologies
        .iter()
        .filter(|t| t.adoption_timeline.ring == Ring::Pilot)
        .filter_map(|t| t.adoption_timeline.start_month)
        .collect();
    assert!(pilots.len() >= 3);
    for month in 1..=12 {
        assert!(pilots.iter().filter(|m| **m == month).count() <= 2, "pilots starting in month {month}: {pilots:?}");
    }
    assert_eq!(a.readiness.gaps.first().map(|g| g.as_str()), Some("culture"));
    assert!(action(&a, "test_and_learn").is_some());
    // A pilot that waits for a later wave says so; the first wave does not.
    let first = *pilots.iter().min().unwrap();
    for t in a.technologies.iter().filter(|t| t.adoption_timeline.ring == Ring::Pilot) {
        let waits = t.adoption_timeline.reasons.iter().any(|r| matches!(r, Reason::Wave { .. }));
        assert_eq!(waits, t.adoption_timeline.start_month > Some(first), "{}", t.id);
    }
}

#[test]
fn a_risk_whose_controls_are_in_place_is_raised_for_what_remains() {
    // Maison Aurore answered disclosure 3/4 and accountability 3/4.
    let a = example("large-retailer-gdpr");
    let undisclosed = a.risks.iter().find(|r| r.id == "undisclosed_ai").unwrap();
    assert!(undisclosed.residual);
    assert!(!undisclosed.reason.contains("no practice"), "{}", undisclosed.reason);
    // Very low exposures are watched, not raised.
    assert!(a.risks.iter().all(|r| r.exposure >= 10.0));
}

#[test]
fn a_small_team_does_not_start_seven_foundation_projects_at_once() {
    let a = example("small-ecommerce");
    let foundation = &a.roadmap[0];
    // Outside help (an action's relief) leads some work so that the team does not carry it.
    let in_month_one = foundation.actions.iter().filter(|x| x.months[0] == 1 && !x.relieved).count();
    assert!(in_month_one <= a.business.capacity, "{in_month_one} actions the team leads start in month 1");
}

#[test]
fn the_predictive_model_table_is_for_clients_who_run_or_plan_predictive_work() {
    assert!(example("small-ecommerce").models.is_empty());
    let northwind = example("b2b-software");
    let segmentation = northwind.models.iter().find(|m| m.id == "customer_segmentation").unwrap();
    assert!(segmentation.metric.contains("no accuracy"), "{}", segmentation.metric);
}

#[test]
fn copy_written_with_ai_does_not_escalate_brand_risk_under_the_synthetic_media_rule() {
    // Fernhill uses generative AI for copy; adaptive creative and multimodal are not in its year.
    let a = example("small-ecommerce");
    let brand = a.risks.iter().find(|r| r.id == "off_brand_content").unwrap();
    assert!(!brand.escalated_by.iter().any(|r| r == "eu_ai_act_synthetic_content"), "{:?}", brand.escalated_by);
}

/// A risk whose controls are partly in place names the answers that fall short, and only
/// those: each is below 3 of 4 (the data's `controls_in_place_at`), and at least one other
/// evidence answer reaches it. Maison Aurore's skills risk: data science 4/4 and skills
/// development 3/4 are in place; day-to-day AI use at 2/4 is what falls short.
#[test]
fn a_risk_with_some_controls_in_place_names_only_the_answers_that_fall_short() {
    let fw = Frameworks::builtin().unwrap();
    let at = fw.scoring.risk.controls_in_place_at;
    for name in ["small-ecommerce", "b2b-software", "large-retailer-gdpr"] {
        let a = example(name);
        for r in &a.risks {
            let share = |q: &str| {
                let e = r.evidence.iter().find(|e| e.question == q).unwrap();
                e.answer.level().unwrap_or(0.0) / f64::from(e.max_level)
            };
            for q in &r.short_of {
                assert!(share(q) < at, "{name} {}: {q} is in place", r.id);
            }
            if !r.short_of.is_empty() {
                assert!(r.evidence.iter().any(|e| share(&e.question) >= at), "{name} {}: nothing in place", r.id);
            }
        }
    }
    let skills = example("large-retailer-gdpr").risks.into_iter().find(|r| r.id == "skills_shortfall").unwrap();
    assert_eq!(skills.short_of, ["ai_literacy"]);
}

#[test]
fn an_answer_naming_a_merged_option_reads_as_the_option_that_replaced_it() {
    use readiness::answers::ContextValue;
    let fw = Frameworks::builtin().unwrap();
    let text = example_text("b2b-software")
        .replace(r#"marketing_budget = "over_1m""#, r#"marketing_budget = "over_10m""#)
        .replace(r#"regions = ["us_other", "us_california", "canada"]"#, r#"regions = ["apac", "canada", "other"]"#);
    let answers = parse(&fw, "old.toml", &text, Completeness::Complete).unwrap();
    assert_eq!(answers.context["marketing_budget"], ContextValue::Text("over_1m".into()));
    assert_eq!(answers.context["regions"], ContextValue::List(vec!["other".into(), "canada".into()]));
}

// The in-use answer decides what runs; where it is not given (a file written before the
// question existed), the answers that describe a technology at work stand in for it, and the
// report asks to confirm either way.
#[test]
fn what_the_answers_describe_at_work_is_in_use_when_the_in_use_question_is_unanswered() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let old = std::fs::read_to_string(root.join("tests/compat/questionnaire-v1.toml")).unwrap();
    assert!(!old.contains("in_use"), "the version-1 file predates the in-use question");
    let set = |text: &str, key: &str, level: u8| with_line(text, key, &level.to_string());
    let runs = assess_text("old.toml", &set(&set(&old, "automation_today", 2), "ai_literacy", 2));
    assert_eq!(ring(&runs, "marketing_automation"), Ring::InUse);
    assert_eq!(ring(&runs, "generative_creative"), Ring::InUse);
    assert!(runs.business.in_use_inferred.iter().any(|t| t == "generative_creative"));
    let by_hand = assess_text("old.toml", &set(&set(&old, "automation_today", 0), "ai_literacy", 1));
    assert_ne!(ring(&by_hand, "marketing_automation"), Ring::InUse);
    assert_ne!(ring(&by_hand, "generative_creative"), Ring::InUse);
    assert!(by_hand.business.in_use_inferred.is_empty());

    // Answered "none" beside a team that drafts with approved tools: advised as not running,
    // and flagged.
    let text = set(&example_text("small-ecommerce"), "ai_literacy", 2);
    let text = with_line(&text, "in_use", r#"["none"]"#);
    let answered = assess_text("none.toml", &text);
    assert_ne!(ring(&answered, "generative_creative"), Ring::InUse);
    assert!(answered.business.in_use_suggested.iter().any(|t| t == "generative_creative"));
    assert!(answered.business.in_use_inferred.is_empty());
}

/// `text` with the line that sets `key` set to `value` instead.
fn with_line(text: &str, key: &str, value: &str) -> String {
    let prefix = format!("{key} = ");
    let lines = text.lines().map(|l| if l.starts_with(&prefix) { format!("{prefix}{value}") } else { l.to_string() });
    let out: Vec<String> = lines.collect();
    assert!(out.iter().any(|l| l == &format!("{prefix}{value}")), "no `{key}` line");
    out.join("\n")
}

// A dimension's average can hide the one capability a technology needs: California Travel
// pilots predictive scores with one analyst; with nobody to build models and the skills
// dimension held up by a team that builds AI into its work, the pilot becomes a study that names the answer.
#[test]
fn a_technology_without_the_capability_it_needs_is_studied_whatever_the_dimension_average() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/reference/california-travel.toml")).unwrap();
    let before = assess_text("ca.toml", &text);
    assert_eq!(ring(&before, "predictive_journeys"), Ring::Pilot);
    let text = with_line(&with_line(&text, "analytics_skills", "1"), "ai_literacy", "4");
    let after = assess_text("ca.toml", &text);
    let skills = |a: &Assessment| a.readiness.dimensions.iter().find(|d| d.id == "skills").unwrap().score;
    assert_eq!(skills(&before), skills(&after), "the skills average is unchanged");
    assert_eq!(ring(&after, "predictive_journeys"), Ring::Assess);
    let reasons = &after.technologies.iter().find(|t| t.id == "predictive_journeys").unwrap().adoption_timeline.reasons;
    assert!(
        reasons
            .iter()
            .any(|r| matches!(r, Reason::Capability { question, level: 2 } if question == "analytics_skills")),
        "{reasons:?}"
    );
}

// A phase's entry criterion is a promise that earlier work meets it: printed when an action
// in the plan produces it, or the answers show that work already done, and left out when
// nothing would meet it.
#[test]
fn an_entry_criterion_is_printed_only_when_something_meets_it() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let owner = "owners";
    let criteria =
        |a: &Assessment| a.roadmap.iter().flat_map(|p| &p.entry_criteria).map(|c| c.id.clone()).collect::<Vec<_>>();
    let bakery = std::fs::read_to_string(root.join("tests/reference/micro-bakery.toml")).unwrap();
    let bakery = assess_text("bakery.toml", &bakery);
    assert!(bakery.technologies.iter().any(|t| t.adoption_timeline.ring == Ring::Adopt), "a ring the criterion is for");
    assert!(action(&bakery, "responsible_ai_basics").is_none(), "nothing in the plan names the owners");
    assert!(!criteria(&bakery).iter().any(|c| c == owner), "{:?}", criteria(&bakery));
    // The retailer's answers show owners named already (accountability at 3 of 4).
    let retailer = example("large-retailer-gdpr");
    assert!(action(&retailer, "responsible_ai_basics").is_none());
    assert!(criteria(&retailer).iter().any(|c| c == owner), "{:?}", criteria(&retailer));
}

/// Every reference business (`tests/reference`) and example, by file name, assessed.
fn corpus_assessments(dirs: &[&str]) -> Vec<(String, Assessment)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.to_string_lossy().ends_with(".expected.toml"))
        .collect();
    files.sort();
    let assessed = files.iter().map(|path| {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let a = assess_text(&name, &std::fs::read_to_string(path).unwrap());
        (name, a)
    });
    assessed.collect()
}

const REFERENCE_AND_EXAMPLES: [&str; 2] = ["tests/reference", "examples"];

/// The Markdown report of every reference business and example, in British spelling for all
/// (so that a respelling cannot make two identical paragraphs look different), with the
/// company's name replaced by `COMPANY` (so that the name alone does not either).
fn corpus_reports() -> Vec<(String, String)> {
    let assessed = corpus_assessments(&REFERENCE_AND_EXAMPLES);
    assert_eq!(assessed.len(), 18, "15 reference businesses and 3 examples");
    assessed.into_iter().map(|(name, a)| (name, markdown_of(&a).replace(a.company.as_str(), "COMPANY"))).collect()
}

/// The whole Markdown report, spelt as written (British English), whatever the regions.
fn markdown_of(a: &Assessment) -> String {
    use readiness::report::{Deliverable, Format, Lang, View};
    let mut view = View::everything(false, None);
    view.deliverable = Deliverable { lang: Some(Lang::EnGb), ..Deliverable::default() };
    readiness::report::render(a, fw(), Format::Markdown, &view)
}

/// A report's body paragraphs, each with whether it introduces a section. The Markdown is
/// split at blank lines, and a list item is a paragraph of its own; left out are everything
/// from the appendix heading on, headings, tables (lines starting `|`), Mermaid charts (fenced
/// blocks) and the footer after `---`. A paragraph right after a heading is the section's
/// introduction.
fn body_paragraphs(markdown: &str) -> Vec<(String, bool)> {
    let body = markdown.split("\n## Appendix").next().unwrap();
    let mut paragraphs = Vec::new();
    let (mut after_heading, mut fenced) = (false, false);
    for block in body.split("\n\n") {
        let block = block.trim();
        // A fence line opens or closes a chart; a chart with blank lines inside spans blocks.
        let fences = block.lines().filter(|l| l.starts_with("```")).count();
        let in_chart = fenced || fences > 0;
        fenced ^= fences % 2 == 1;
        if in_chart {
            continue;
        }
        if block.starts_with('#') {
            after_heading = true;
            continue;
        }
        if block.is_empty() || block.starts_with('|') || block == "---" {
            continue;
        }
        let items = block.lines().filter(|l| !l.trim().is_empty()).map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("- ").unwrap_or(l);
            l.split_once(". ").filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit())).map_or(l, |(_, rest)| rest)
        });
        let list = block.starts_with("- ") || block.starts_with("1. ");
        if list {
            paragraphs.extend(items.map(|i| (i.to_string(), false)));
        } else {
            paragraphs.push((block.split_whitespace().collect::<Vec<_>>().join(" "), after_heading));
        }
        after_heading = false;
    }
    paragraphs
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The length of the runs of words that the stricter, run-based share counts.
const RUN: usize = 8;

/// Every run of [`RUN`] consecutive words inside one paragraph.
fn runs(paragraphs: &[(String, bool)]) -> std::collections::HashSet<Vec<&str>> {
    paragraphs.iter().flat_map(|(p, _)| words(p).windows(RUN).map(<[&str]>::to_vec).collect::<Vec<_>>()).collect()
}

/// How alike the reports of different businesses read, over the 15 reference businesses and
/// the 3 examples (see [`body_paragraphs`] for what a body paragraph is).
///
/// - Shared paragraphs: body paragraphs of six words or more found word for word in the
///   reports of more than a quarter of the businesses (5 of 18 or more), section introductions
///   of 25 words or fewer aside. Target 0.
/// - Shared share: the share of a report's body words that lie in a paragraph found word for
///   word in another business's report, as the consultant counted ("28–41% of each report's
///   body appears verbatim in another client's report"). The figure is the median over the
///   reports, against all 17 others together. Target 15% or less. Printed beside it: the same
///   against the single closest other report.
/// - Run share, stricter, printed and held but with no target: a word counts when it lies in a
///   run of 8 consecutive words also found inside a paragraph of another report, so a sentence
///   frame around the client's own words counts as shared.
///
/// Why whole paragraphs: on the reports as they were when the consultant measured (e6b75e9),
/// for the six businesses most like theirs (the three examples, the workshop, the micro bakery
/// and the US clinic network), the paragraph share spans 25.6–48.4% against the consultant's
/// 28–41%; the run share spans 67–79% and cannot be what they counted (this test's measures
/// applied to the Markdown reports of a build of e6b75e9).
///
/// The body leaves out the appendix, where facts the same for every client stand: the skills'
/// levels scale and learning paths (Appendix D).
///
/// The figures print (`cargo test --test it advice::reports_of -- --nocapture`); the assertions
/// hold the figures reached so that wording cannot drift back.
#[test]
fn reports_of_different_businesses_do_not_read_alike() {
    let reports = corpus_reports();
    let bodies: Vec<(String, Vec<(String, bool)>)> =
        reports.iter().map(|(name, md)| (name.clone(), body_paragraphs(md))).collect();
    let shared = shared_by_a_quarter(&bodies);
    let all_paragraphs: Vec<std::collections::HashSet<&str>> =
        bodies.iter().map(|(_, ps)| ps.iter().map(|(p, _)| p.as_str()).collect()).collect();
    let all_runs: Vec<_> = bodies.iter().map(|(_, p)| runs(p)).collect();
    let (mut anywhere, mut closest, mut by_runs) = (Vec::new(), Vec::new(), Vec::new());
    for (i, (name, paragraphs)) in bodies.iter().enumerate() {
        let others: Vec<usize> = (0..bodies.len()).filter(|j| *j != i).collect();
        let in_others =
            |js: &[usize]| paragraph_share(paragraphs, &js.iter().map(|j| &all_paragraphs[*j]).collect::<Vec<_>>());
        let any = in_others(&others);
        let one = others.iter().map(|j| in_others(&[*j])).fold(0.0, f64::max);
        let run = run_share(paragraphs, &others.iter().map(|j| &all_runs[*j]).collect::<Vec<_>>());
        println!(
            "{name}: {any:.1}% of body words in a paragraph found in another report, {one:.1}% in the closest one; {run:.1}% by runs of {RUN} words"
        );
        anywhere.push(any);
        closest.push(one);
        by_runs.push(run);
    }
    let (median, median_closest, median_runs) = (median_of(anywhere), median_of(closest), median_of(by_runs));
    for (p, n) in &shared {
        println!("shared by {n}: {p}");
    }
    println!(
        "shared paragraphs: {}; median share of body words in a paragraph found verbatim in another report: {median:.1}% (in the closest one: {median_closest:.1}%); by runs of {RUN} words: {median_runs:.1}%",
        shared.len()
    );
    assert!(shared.is_empty(), "{} paragraphs shared by more than a quarter", shared.len());
    assert!(median <= 15.0, "median share {median:.1}%");
    assert!(median_runs <= 89.5, "median share by runs {median_runs:.1}%");
}

/// The body paragraphs of six words or more (section introductions of 25 words or fewer
/// aside) found word for word in the reports of more than a quarter of the businesses, with
/// how many.
fn shared_by_a_quarter(bodies: &[(String, Vec<(String, bool)>)]) -> Vec<(&str, usize)> {
    let mut holders: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> = Default::default();
    for (name, paragraphs) in bodies {
        for (p, intro) in paragraphs {
            let n = words(p).len();
            if n >= 6 && !(*intro && n <= 25) {
                holders.entry(p.as_str()).or_default().insert(name.as_str());
            }
        }
    }
    let quarter = bodies.len() as f64 / 4.0;
    holders.into_iter().filter(|(_, who)| who.len() as f64 > quarter).map(|(p, who)| (p, who.len())).collect()
}

// The roadmap is advice written for each client: none of its paragraphs (entry criteria and
// action lines among them) reads word for word the same in more than a quarter of the
// reports.
#[test]
fn no_roadmap_paragraph_reads_the_same_for_more_than_a_quarter_of_the_businesses() {
    let heading = format!("\n## {}\n", fw().report.roadmap.title);
    let bodies: Vec<(String, Vec<(String, bool)>)> = corpus_reports()
        .into_iter()
        .map(|(name, md)| {
            let section = md.split(&heading).nth(1).and_then(|s| s.split("\n## ").next()).unwrap_or_default();
            assert!(!section.is_empty(), "{name} has no roadmap section");
            (name, body_paragraphs(&format!("{heading}{section}")))
        })
        .collect();
    let shared = shared_by_a_quarter(&bodies);
    assert!(shared.is_empty(), "{shared:#?}");
}

/// The share (0-100) of the words of `paragraphs` in a paragraph found whole in `others`.
fn paragraph_share(paragraphs: &[(String, bool)], others: &[&std::collections::HashSet<&str>]) -> f64 {
    let count = |found: bool| {
        paragraphs
            .iter()
            .filter(|(p, _)| !found || others.iter().any(|o| o.contains(p.as_str())))
            .map(|(p, _)| words(p).len())
            .sum::<usize>()
    };
    100.0 * count(true) as f64 / count(false).max(1) as f64
}

/// The share (0-100) of the words of `paragraphs` inside a run of [`RUN`] words found in `others`.
fn run_share(paragraphs: &[(String, bool)], others: &[&std::collections::HashSet<Vec<&str>>]) -> f64 {
    let (mut total, mut found) = (0usize, 0usize);
    for (p, _) in paragraphs {
        let ws = words(p);
        let mut covered = vec![false; ws.len()];
        for (start, run) in ws.windows(RUN).enumerate() {
            if others.iter().any(|other| other.contains(run)) {
                covered[start..start + RUN].iter_mut().for_each(|c| *c = true);
            }
        }
        total += ws.len();
        found += covered.iter().filter(|c| **c).count();
    }
    100.0 * found as f64 / total.max(1) as f64
}

fn median_of(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n.is_multiple_of(2) { (values[n / 2 - 1] + values[n / 2]) / 2.0 } else { values[n / 2] }
}

fn reference_assessments() -> Vec<(String, Assessment)> {
    let assessed = corpus_assessments(&["tests/reference"]);
    assert_eq!(assessed.len(), 15);
    assessed
}

/// The three levers are this business's: no set of three questions is the levers of more than
/// a quarter of the reference businesses, and the first lever works on the first gap the
/// priorities close, when an answer there can still rise.
#[test]
fn the_levers_differ_by_business_and_follow_the_priorities() {
    let businesses = reference_assessments();
    let mut sets: std::collections::BTreeMap<Vec<String>, Vec<&str>> = Default::default();
    for (name, a) in &businesses {
        let mut questions: Vec<String> = a.levers.iter().map(|l| l.question.to_string()).collect();
        assert_eq!(questions.len(), 3, "{name}");
        questions.sort();
        sets.entry(questions).or_default().push(name);
        let Some(first_gap) = a.readiness.gaps.first() else { continue };
        let room = a.answers.iter().any(|e| e.dimension == *first_gap && e.answer.level().is_some_and(|l| l < 4.0));
        if room {
            assert_eq!(&a.levers[0].dimension, first_gap, "{name}: the first lever is not in the first gap");
        }
    }
    for (questions, names) in &sets {
        println!("{questions:?}: {names:?}");
        assert!(names.len() as f64 <= businesses.len() as f64 / 4.0, "{questions:?} are the levers of {names:?}");
    }
}

/// Text as the Markdown report escapes it, for the characters the frameworks' prose uses.
fn markdown_escaped(text: &str) -> String {
    text.replace('$', "\\$").replace('[', "\\[").replace(']', "\\]").replace('*', "\\*")
}

/// The items of the Markdown list under the heading `title`.
fn list_under(markdown: &str, title: &str) -> Vec<String> {
    let after = markdown.split(&format!("### {title}\n\n")).nth(1).unwrap_or("");
    after.lines().take_while(|l| l.starts_with("- ")).map(|l| l[2..].to_string()).collect()
}

/// The first page's top risks are the open ones first, and none rated unlikely when the
/// register holds a likelier one: the page then shows fewer than three.
#[test]
fn the_top_risks_are_never_unlikely_when_a_likelier_one_exists() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let shown = list_under(&markdown, &fw().report.summary.top_risks);
        let on_page =
            |r: &&readiness::assessment::RiskEntry| shown.iter().any(|s| s.starts_with(&format!("{}:", r.title)));
        let (top, rest): (Vec<_>, Vec<_>) = a.risks.iter().partition(on_page);
        assert_eq!(top.len(), shown.len().min(a.risks.len()), "{name}: {shown:?}");
        // Likelihood bands are listed least likely first.
        let unlikely = &fw().scoring.risk.likelihood[0].id;
        let is_unlikely = |r: &readiness::assessment::RiskEntry| r.likelihood_band == *unlikely;
        if let Some(likelier) = a.risks.iter().find(|r| !is_unlikely(r)) {
            let shown_unlikely: Vec<_> = top.iter().filter(|r| is_unlikely(r)).map(|r| &r.title).collect();
            assert!(
                shown_unlikely.is_empty(),
                "{name}: {shown_unlikely:?} on the first page beside {}",
                likelier.title
            );
        }
        // Each names what raises it: the reader sees which initiative brings the risk.
        for r in &top {
            let line = shown.iter().find(|s| s.starts_with(&format!("{}:", r.title))).unwrap();
            for id in &r.technologies {
                let technology = a.technologies.iter().find(|t| t.id == *id).unwrap();
                assert!(line.contains(technology.name.as_str()), "{name}: {line} does not name {}", technology.name);
            }
        }
        // An open risk is never left off for one whose controls are in place.
        for r in top.iter().filter(|r| r.residual) {
            assert!(rest.iter().all(|o| o.residual), "{name}: {} shown before an open risk", r.title);
        }
    }
}

/// Each of the three things to do first that is an initiative of the plan says what it costs,
/// from the business case: the high end of its one-off cost, in the client's currency.
#[test]
fn the_priorities_say_what_they_cost() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let after = markdown.split("priorities\n\n").nth(1).or_else(|| markdown.split("priority\n\n").nth(1)).unwrap();
        let items: Vec<&str> =
            after.lines().take_while(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit())).collect();
        assert!(!items.is_empty(), "{name}: no priorities");
        for item in items {
            // The initiative is the last one named: a gap's priority names the technology it holds
            // back before the action that closes it; at one place, the longer name ("Predictive
            // analytics" is also inside a technology's name).
            let at = |i: &&readiness::assessment::Initiative| item.rfind(i.name.as_str()).map(|p| (p, i.name.len()));
            let Some(initiative) = a.business_case.initiatives.iter().filter(|i| at(i).is_some()).max_by_key(at) else {
                continue;
            };
            // Figures are grouped in thousands: compare without the separators.
            let high = (initiative.one_off[1].round() as u64).to_string();
            let cost = item.split_once("Cost: ").map(|(_, c)| c.replace(',', ""));
            assert!(cost.is_some_and(|c| c.contains(&high)), "{name}: {item} lacks the cost {high}");
            if let Some(currency) = &a.business_case.currency {
                assert!(item.contains(currency.as_str()), "{name}: {item} lacks the currency");
            }
        }
    }
}

/// The body's money never reads "0-5,000": a range from nothing is "up to" its high end (the
/// methodology appendix quotes the frameworks' bands as they are written).
#[test]
fn a_range_from_nothing_reads_up_to() {
    for (name, md) in corpus_reports() {
        let body = md.split("\n## Appendix").next().unwrap();
        let from_zero =
            body.split(' ').filter(|w| w.starts_with("0-") && w[2..].starts_with(|c: char| c.is_ascii_digit()));
        assert_eq!(from_zero.collect::<Vec<_>>(), Vec::<&str>::new(), "{name}");
    }
}

/// The readiness section opens with this client's weakest and strongest dimension and their
/// scores, not a definition the same for everyone.
#[test]
fn the_readiness_section_opens_with_the_weakest_and_strongest_dimension() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let title = format!("## {}\n\n", fw().report.readiness.title);
        let intro = markdown.split(&title).nth(1).and_then(|s| s.split("\n\n").next()).unwrap();
        let scores: Vec<f64> = a.readiness.dimensions.iter().map(|d| d.score).collect();
        let (low, high) = (scores.iter().copied().fold(f64::MAX, f64::min), scores.iter().copied().fold(0.0, f64::max));
        let figure = readiness::report::num;
        assert!(intro.contains(&format!("from {} in", figure(low))), "{name}: {intro}");
        assert!(intro.contains(&format!("to {} in", figure(high))), "{name}: {intro}");
    }
}

/// The first page says what waiting costs (a rule that binds what the business runs or plans,
/// what peers run, with the source the stage was judged on) and, for every technology studied
/// this year, what holds it back.
#[test]
fn the_first_page_says_what_waiting_costs_and_what_would_change_the_advice() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let s = &fw().report.summary;
        let (waiting, watch) = (list_under(&markdown, &s.waiting), list_under(&markdown, &s.watch));
        let in_view: Vec<_> = a
            .technologies
            .iter()
            .filter(|t| t.adoption_timeline.ring.is_planned() || t.adoption_timeline.ring == Ring::Assess)
            .collect();
        if !in_view.is_empty() {
            // What peers run: the judgement's basis, cited by its number in Appendix C.
            let bases: Vec<&str> = in_view.iter().map(|t| t.technology_maturity.basis.trim_end_matches('.')).collect();
            let peers = waiting.iter().find(|l| bases.iter().any(|b| l.contains(&markdown_escaped(b))));
            let peers = peers.unwrap_or_else(|| panic!("{name}: no peers in {waiting:?}"));
            assert!(peers.contains("\\[") && peers.contains("\\]"), "{name}: {peers} cites no source");
        }
        for line in &waiting {
            let rule = a.business.regulations.iter().find(|r| line.starts_with(r.name.as_str()));
            if let Some(rule) = rule {
                let runs = |id: &str| {
                    a.technologies.iter().any(|t| {
                        t.id == id && (t.adoption_timeline.ring == Ring::InUse || t.adoption_timeline.ring.is_planned())
                    })
                };
                assert!(rule.technologies.iter().any(|t| runs(t)), "{name}: {line}");
                assert!(line.contains(rule.role.as_str()), "{name}: {line} does not say who answers for it");
                // The work that meets it: the plan's actions on the risks the rule makes worse.
                // As this plan titles it: the version for the business's size.
                let scheduled = |id: &str| a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id);
                for risk in a.risks.iter().filter(|r| r.escalated_by.contains(&rule.id)) {
                    let Some(action) = scheduled(&risk.action).map(|x| &x.title) else { continue };
                    assert!(line.contains(action.as_str()), "{name}: {line} does not name {action}");
                }
            }
        }
        for t in a.technologies.iter().filter(|t| t.adoption_timeline.ring == Ring::Assess) {
            assert!(watch.iter().any(|l| l.starts_with(t.name.as_str())), "{name}: {} not watched: {watch:?}", t.name);
        }
    }
}

/// A roadmap action starts from this client's weakest answer among those that show its work
/// done: Fernhill's data work from its data quality (1 of 4), and from its data capture (2 of
/// 4, the first of two equals) once quality is answered 2.
#[test]
fn a_roadmap_action_starts_from_the_clients_own_weakest_answer() {
    let item = |a: &Assessment| {
        let markdown = markdown_of(a);
        let line = markdown.lines().find(|l| l.starts_with("- Data infrastructure (")).map(str::to_string);
        line.expect("the data work is in the plan")
    };
    let fernhill = item(&example("small-ecommerce"));
    assert!(fernhill.contains(r#""Known problems (duplicates, gaps) are fixed by hand when they hurt" (How trustworthy is the customer data)"#), "{fernhill}");
    let better = assess_text("better.toml", &with_line(&example_text("small-ecommerce"), "data_quality", "2"));
    let better = item(&better);
    assert!(better.contains(r#""Purchases, sign-ups and email engagement are captured consistently for most customers" (How is first-party customer data captured)"#), "{better}");
}

/// The answer file of a reference business or example, by name.
fn example_or_reference(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reference = root.join("tests/reference").join(format!("{name}.toml"));
    std::fs::read_to_string(&reference).unwrap_or_else(|_| example_text(name))
}

fn planned<'a>(a: &'a Assessment, id: &str) -> Option<&'a readiness::assessment::PlannedAction> {
    a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id)
}

/// An assistant that speaks to customers (technologies.toml `waits_for`) starts after the
/// disclosure work while the answers do not show it, whatever rules apply: the clinic's
/// patient-facing pilot once ran with that work "not in this year's plan".
#[test]
fn a_customer_facing_assistant_starts_after_the_work_it_waits_for() {
    let mut checked = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let answers = parse(fw(), &name, &example_or_reference(&name), Completeness::Complete).unwrap();
        for t in a.technologies.iter().filter(|t| t.adoption_timeline.ring.is_planned()) {
            let spec = fw().technology(&t.id).unwrap();
            let below =
                |q: &str, at: u8| answers.readiness.get(q).and_then(|x| x.level()).is_none_or(|l| l < f64::from(at));
            for w in spec.waits_for.iter().filter(|w| below(&w.question, w.at_least)) {
                let action = planned(&a, &w.action)
                    .unwrap_or_else(|| panic!("{name}: {} waits for an unplanned {}", t.id, w.action));
                let start = t.adoption_timeline.start_month.unwrap();
                assert!(
                    action.months[1] < start,
                    "{name}: {} starts in month {start}, {} ends in {}",
                    t.id,
                    w.action,
                    action.months[1]
                );
                assert!(action.technologies.contains(&t.id), "{name}: {} does not name {}", w.action, t.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no reference business plans a customer-facing assistant without disclosure");
}

/// A company of fewer than ten people answers for every rule itself (regulations.toml
/// `rule_role`), not through a compliance team or a data protection officer it does not have.
#[test]
fn a_micro_company_answers_for_its_rules_itself() {
    let role = &fw().regulations.rule_roles[0];
    let mut micro = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let small = a.business.company_scale.as_ref().is_some_and(|s| role.company_scales.contains(s));
        for r in &a.business.regulations {
            assert_eq!(small, r.role == role.role, "{name}: {} is answered for by {}", r.id, r.role);
        }
        micro += usize::from(small && !a.business.regulations.is_empty());
    }
    assert!(micro > 0, "no micro company with rules in scope among the reference businesses");
}

/// The studies of what is assessed run beside the work that carries them (roadmap.toml
/// `carries_rings`), not after it.
#[test]
fn the_studies_run_beside_the_work_that_carries_them() {
    let mut studied = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let carriers = fw().roadmap.phases.iter().flat_map(|p| &p.actions).filter(|x| !x.carries_rings.is_empty());
        for spec in carriers {
            for t in a.technologies.iter().filter(|t| spec.carries_rings.contains(&t.adoption_timeline.ring)) {
                let action =
                    planned(&a, &spec.id).unwrap_or_else(|| panic!("{name}: {} is studied without {}", t.id, spec.id));
                let start = t.adoption_timeline.start_month.unwrap();
                assert!(
                    action.months[0] <= start && start <= action.months[1],
                    "{name}: {} starts in month {start}, outside {} {:?}",
                    t.id,
                    spec.id,
                    action.months
                );
                studied += 1;
            }
        }
    }
    assert!(studied > 0);
}

/// A learning path is a curriculum, the same for every client: the body names the skills the
/// client lacks most and points to Appendix D, which holds their paths and the levels scale.
#[test]
fn learning_paths_are_in_the_appendix_and_the_body_names_the_skills() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let (body, appendix) = markdown.split_once("\n## Appendix").unwrap();
        for s in a.skills.iter().filter(|s| s.gap > 0.0).take(fw().report.skills.paths_shown) {
            let first_step = &s.learning_path[0];
            assert!(!body.contains(&format!("{}: {first_step}", s.name)), "{name}: {} path in the body", s.name);
            assert!(
                appendix.contains(&format!("{}: {first_step}", s.name)),
                "{name}: {} path not in the appendix",
                s.name
            );
            let skills = body.split("\n## Skills").nth(1).unwrap();
            assert!(skills.contains(&s.name[..]), "{name}: the body does not name {}", s.name);
        }
    }
}

/// A technology's maturity judgement is a fact the same for every client: the body gives the
/// stage and points to Appendix E, which holds the basis and the evidence lines.
#[test]
fn maturity_judgements_are_in_the_appendix_and_the_body_gives_the_stage() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let (body, appendix) = markdown.split_once("\n## Appendix").unwrap();
        for x in a.technologies.iter().filter(|x| matches!(x.adoption_timeline.ring, Ring::Adopt | Ring::Pilot)) {
            let basis = x.technology_maturity.basis.trim_end_matches('.');
            let in_body = body.split("\n## Technologies").nth(1).unwrap().split("\n## ").next().unwrap();
            assert!(!in_body.contains(basis), "{name}: {} basis in the body", x.name);
            assert!(appendix.contains(basis), "{name}: {} basis not in the appendix", x.name);
            assert!(in_body.contains(&format!("Maturity: {}", x.technology_maturity.stage_name)), "{name}: {}", x.name);
        }
    }
}

/// The items of the entry-criteria list under the phase heading that starts with `phase`.
fn entry_items(markdown: &str, phase: &str) -> Vec<String> {
    let entry = format!("{}\n", fw().report.roadmap.entry);
    let heading = format!("### {phase} (");
    let section = markdown.split(&heading).nth(1).and_then(|s| s.split("\n### ").next()).unwrap_or_default();
    let Some((_, list)) = section.split_once(&entry) else { return Vec::new() };
    let list = list.trim_start_matches('\n').split("\n\n").next().unwrap_or_default();
    list.lines().filter_map(|l| l.strip_prefix("- ")).map(str::to_string).collect()
}

// An entry criterion names this client's plan: its goals, its first-year cost in its currency,
// and the technologies it is about (those in its `names` rings, each by name), with no
// unfilled placeholder; the plain form is printed only when there is nothing to name.
#[test]
fn every_entry_criterion_names_this_clients_goals_cost_and_technologies() {
    use readiness::frameworks::ContextRole;
    let fw = fw();
    let goals = fw.context_with_role(ContextRole::Goals).unwrap();
    let label = |id: &str| goals.options.iter().find(|o| o.id == id).unwrap().label.to_lowercase();
    let spec = |id: &str| fw.roadmap.phases.iter().flat_map(|p| &p.entry_criteria).find(|e| e.id == id).unwrap();
    let mut named = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        for phase in &a.roadmap {
            let printed = entry_items(&markdown, &phase.name);
            assert_eq!(printed.len(), phase.entry_criteria.len(), "{name} {}: {printed:?}", phase.id);
            for (line, c) in printed.iter().zip(&phase.entry_criteria) {
                let e = spec(&c.id);
                assert!(!line.contains('{') && !line.contains('}'), "{name}: {line}");
                if e.text.contains("{goals}") {
                    assert!(a.business.goals.iter().all(|g| line.to_lowercase().contains(&label(g))), "{name}: {line}");
                }
                if let Some(currency) = a.business_case.currency.as_ref().filter(|_| e.text.contains("{budget}")) {
                    assert!(line.contains(currency.as_str()), "{name}: {line}");
                }
                if e.text.contains("{technologies}") {
                    let about = a.technologies.iter().filter(|t| e.names.contains(&t.adoption_timeline.ring));
                    let mut expected: Vec<_> = about.map(|t| t.id.clone()).collect();
                    let mut got = c.technologies.clone();
                    expected.sort();
                    got.sort();
                    assert_eq!(got, expected, "{name} {}", c.id);
                    for t in c.technologies.iter().map(|id| a.technologies.iter().find(|t| &t.id == id).unwrap()) {
                        assert!(line.contains(t.name.as_str()), "{name}: {line} does not name {}", t.name);
                    }
                    if c.technologies.is_empty() {
                        assert_eq!(Some(line.as_str()), e.plain.as_deref(), "{name}");
                    }
                }
                named += usize::from(line != &c.text);
            }
        }
    }
    assert!(named >= 18 * 2, "{named} criteria in this client's words");
}

// The same action reads in the version that fits the business: a one-person bakery and a
// 180-person retailer in a large company share several actions, and each reads in its own
// words, title and description (a version for the small team, the large company, or both).
#[test]
fn a_micro_business_and_a_large_company_get_their_own_version_of_the_same_action() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bakery = std::fs::read_to_string(root.join("tests/reference/micro-bakery.toml")).unwrap();
    let bakery = assess_text("bakery.toml", &bakery);
    let retailer = example("large-retailer-gdpr");
    assert_eq!((bakery.business.team_size, bakery.business.company_scale.as_deref()), (Some(1), Some("small")));
    assert_eq!((retailer.business.team_size, retailer.business.company_scale.as_deref()), (Some(180), Some("large")));
    let both: Vec<_> = bakery
        .roadmap
        .iter()
        .flat_map(|p| &p.actions)
        .filter_map(|b| action(&retailer, &b.id).map(|r| (b, r)))
        .collect();
    assert!(both.len() >= 3, "{} actions in both plans", both.len());
    for (b, r) in &both {
        assert_ne!(b.title, r.title, "{}", b.id);
        assert_ne!(b.description, r.description, "{}", b.id);
    }
}

/// The texts of the items of each list in the appendix, by the heading above it.
fn appendix_lists(a: &Assessment) -> std::collections::BTreeMap<String, Vec<String>> {
    use readiness::document::Block;
    use readiness::report::{Deliverable, Lang, View};
    // As written (British English), as the frameworks hold the claims.
    let mut view = View::everything(false, None);
    view.deliverable = Deliverable { lang: Some(Lang::EnGb), ..Deliverable::default() };
    let document = readiness::report::document(a, fw(), &view);
    let appendix = document.sections.iter().find(|s| s.appendix).unwrap();
    let mut lists: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut heading = String::new();
    for block in &appendix.blocks {
        match block {
            Block::Heading(h) => heading = h.clone(),
            Block::List { items, .. } => {
                let texts = items.iter().map(|i| i.iter().map(|s| s.text.as_str()).collect::<String>());
                lists.entry(heading.clone()).or_default().extend(texts);
            }
            _ => {}
        }
    }
    lists
}

/// Appendix E cites each evidence line and maturity judgement by its source's number in
/// Appendix C: the numbered item there is that source (its title), for every technology in
/// the plan of every reference business and example.
#[test]
fn appendix_e_cites_each_figure_by_its_number_in_appendix_c() {
    let t = &fw().report.appendix;
    let mut cited = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let lists = appendix_lists(&a);
        let (sources, evidence) = (&lists[&t.sources.to_string()], lists.get(&t.evidence.to_string()));
        for x in a.technologies.iter().filter(|x| matches!(x.adoption_timeline.ring, Ring::Adopt | Ring::Pilot)) {
            let m = &x.technology_maturity;
            let claims = x.roi_potential.evidence.iter().map(|e| (e.claim.trim_end_matches('.'), &e.source));
            for (claim, source) in claims.chain([(m.basis.trim_end_matches('.'), &m.source)]) {
                let line = evidence.into_iter().flatten().find(|l| l.contains(claim));
                let line = line.unwrap_or_else(|| panic!("{name}: {claim} not in Appendix E"));
                let after = line.split(claim).nth(1).unwrap().trim_start();
                let number: usize = after.strip_prefix('[').and_then(|r| r.split_once(']')).unwrap().0.parse().unwrap();
                let listed = sources.get(number - 1).unwrap_or_else(|| panic!("{name}: no source {number}"));
                assert!(
                    listed.starts_with(source.title.as_str()),
                    "{name}: [{number}] is {listed}, not {}",
                    source.title
                );
                cited += 1;
            }
        }
    }
    assert!(cited >= 18 * 3, "{cited} citations checked");
}

/// A lever's "to X overall" is the overall score plus the step's gain, as
/// both are printed; and the cover's distance to the next tier is its floor less the score.
#[test]
fn a_levers_result_and_the_distance_to_the_next_tier_add_up() {
    let tenths = |x: f64| (x * 10.0).round() as i64;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        for l in &a.levers {
            let after = format!(
                "to {} overall",
                readiness::report::num((tenths(a.readiness.overall) + tenths(l.gain)) as f64 / 10.0)
            );
            let item =
                markdown.lines().find(|line| line.contains(l.prompt.as_str()) && line.contains(" overall. ")).unwrap();
            assert!(item.contains(&after), "{name}: {item}");
        }
        let tiers = &fw().scoring.tiers;
        let next = tiers.iter().position(|t| t.id == a.readiness.tier.id).and_then(|i| tiers.get(i + 1));
        if let (Some(next), None) = (next, &a.best_case.tier) {
            let note = format!("{} points below {}", readiness::report::num(next.min - a.readiness.overall), next.name);
            assert!(markdown.contains(&note), "{name}: no '{note}'");
        }
    }
}

/// Rules that hold a technology on the same control (one question, one level) read as one
/// sentence in its row of the technology table, naming each rule, rather than one sentence
/// per rule repeating the control.
#[test]
fn rules_held_on_the_same_control_read_as_one_sentence() {
    let template = &fw().report.reasons.regulation_control;
    let held = template.split("{question}").next().unwrap().split("{rule}").nth(1).unwrap();
    let mut grouped = 0;
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        for t in &a.technologies {
            let mut controls: Vec<(&str, u8)> = Vec::new();
            let mut rules = Vec::new();
            for r in &t.adoption_timeline.reasons {
                if let Reason::Regulation { regulation, question: Some(q), level: Some(l) } = r {
                    rules.push(regulation);
                    if !controls.contains(&(q.as_str(), *l)) {
                        controls.push((q.as_str(), *l));
                    }
                }
            }
            if controls.is_empty() {
                continue;
            }
            let row = markdown.lines().find(|l| l.starts_with(&format!("| {} |", t.name))).unwrap();
            assert_eq!(row.matches(held).count(), controls.len(), "{name}: {row}");
            for id in &rules {
                let rule = a.business.regulations.iter().find(|r| &r.id == *id).unwrap();
                assert!(row.contains(rule.name.as_str()), "{name}: {row} does not name {}", rule.name);
            }
            grouped += usize::from(rules.len() > controls.len());
        }
    }
    assert!(grouped > 0, "no technology held by two rules on one control");
}

/// The skills table lists the skills short of the level the plan requires; each one already
/// at its level is named in one line instead.
#[test]
fn the_skills_table_lists_the_skills_short_of_their_level_and_names_the_rest() {
    for (name, a) in corpus_assessments(&REFERENCE_AND_EXAMPLES) {
        let markdown = markdown_of(&a);
        let skills = markdown.split("\n## Skills").nth(1).unwrap().split("\n## ").next().unwrap();
        for s in a.skills.iter().filter(|s| s.required > 0) {
            let row = skills.lines().any(|l| l.starts_with(&format!("| {} |", s.name)));
            assert_eq!(row, s.gap > 0.0, "{name}: {} (gap {}) as a table row: {row}", s.name, s.gap);
            assert!(skills.contains(s.name.as_str()), "{name}: {} not in the skills section", s.name);
        }
    }
}
