//! Evidence a client's CFO can check and law that is right for the client's sector and regions:
//! the source register, the figures that cite it, the scope of every rule, and the healthcare
//! case of a covered entity in California and Nevada.

use crate::common;
use readiness::frameworks::Load;

use common::{AS_OF, bin, example};
use readiness::answers::{Completeness, parse};
use readiness::date::Date;
use readiness::frameworks::{Frameworks, Regulation, Ring};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference").join(name)
}

/// A reference business's answers with another industry and other regions, in `dir`.
fn variant(dir: &Path, name: &str, industry: &str, regions: &[&str]) -> PathBuf {
    let text = std::fs::read_to_string(reference(name)).unwrap();
    let quoted: Vec<String> = regions.iter().map(|r| format!("\"{r}\"")).collect();
    let line = |key: &str, value: &str| format!("{key} = {value}");
    let changed: Vec<String> = text
        .lines()
        .map(|l| match l.split(" = ").next() {
            Some("industry") => line("industry", &format!("\"{industry}\"")),
            Some("regions") => line("regions", &format!("[{}]", quoted.join(", "))),
            _ => l.to_string(),
        })
        .collect();
    let path = dir.join(format!("{}-{industry}-{}.toml", name.trim_end_matches(".toml"), regions.join("-")));
    std::fs::write(&path, changed.join("\n")).unwrap();
    path
}

/// The US clinic network's answers with another industry and other regions, in `dir`.
fn clinic_variant(dir: &Path, industry: &str, regions: &[&str]) -> PathBuf {
    variant(dir, "us-clinic-network.toml", industry, regions)
}

/// The report in the wording as written (British English), to compare with the rules' data.
fn markdown(path: &Path) -> String {
    let args = ["assess", "--format", "markdown", "--lang", "en-GB", "--as-of", AS_OF, "--answers"];
    let out = bin().args(args).arg(path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fw() -> Frameworks {
    Frameworks::builtin().unwrap()
}

/// A figure is an evidence entry whose claim states a number.
fn figures(fw: &Frameworks) -> Vec<(&str, &str)> {
    let t = &fw.technologies.technologies;
    t.iter()
        .flat_map(|t| t.evidence.iter().map(move |e| (t.id.as_str(), e)))
        .filter(|(_, e)| e.claim.chars().any(|c| c.is_ascii_digit()))
        .map(|(t, e)| (t, e.source.as_str()))
        .collect()
}

#[test]
fn catalog_sources_lists_every_source_with_who_when_and_where() {
    let out = bin().args(["catalog", "sources", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let sources: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sources.len(), fw().sources.sources.len());
    let filled = |s: &serde_json::Value, key: &str| s[key].as_str().is_some_and(|v| !v.trim().is_empty());
    for s in &sources {
        let id = &s["id"];
        assert!(filled(s, "author") || filled(s, "publisher"), "{id} names no author or publisher");
        for key in ["kind", "title", "date", "address"] {
            assert!(filled(s, key), "{id} has no {key}");
        }
    }
}

/// `frameworks check` on an exported copy whose sources.toml `edit` changed: its exit code
/// and stderr.
fn check_edited_sources(edit: impl Fn(&str) -> String) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    bin().args(["frameworks", "export"]).arg(dir.path().join("fw")).assert().success();
    let path = dir.path().join("fw/sources.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changes the file");
    std::fs::write(&path, edited).unwrap();
    let out = bin().args(["frameworks", "check"]).arg(dir.path().join("fw")).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn frameworks_check_refuses_a_source_without_an_address() {
    let (code, stderr) = check_edited_sources(|text| {
        let line = text.lines().find(|l| l.starts_with("address = ")).unwrap();
        text.replacen(&format!("{line}\n"), "", 1)
    });
    assert_eq!(code, Some(2));
    assert!(stderr.contains("needs an address"), "{stderr}");
}

#[test]
fn every_figure_cites_a_source_in_the_register() {
    let fw = fw();
    let known: Vec<&str> = fw.sources.sources.iter().map(|s| s.id.as_str()).collect();
    let all = fw.technologies.technologies.iter().flat_map(|t| t.evidence.iter().map(move |e| (t, e.source.as_str())));
    let stages = fw.technologies.technologies.iter().map(|t| (t, t.stage.source.as_str()));
    for (t, source) in all.chain(stages) {
        assert!(known.contains(&source), "{} cites `{source}`, which is not in sources.toml", t.id);
    }
    let cited_by_models = fw.models.models.iter().map(|m| m.source.as_str());
    let cited_by_rules = fw.regulations.regulations.iter().flat_map(|r| std::iter::once(&r.source).chain(&r.see_also));
    for source in cited_by_models.chain(cited_by_rules.map(|s| s.as_str())) {
        assert!(known.contains(&source), "`{source}` is not in sources.toml");
    }
}

#[test]
fn no_source_supplies_more_than_two_fifths_of_the_figures() {
    let fw = fw();
    let figures = figures(&fw);
    assert!(figures.len() >= 10, "the catalogue has figures to count: {}", figures.len());
    let mut by_source: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, source) in &figures {
        *by_source.entry(source).or_default() += 1;
    }
    for (source, n) in by_source {
        assert!(5 * n <= 2 * figures.len(), "{source} supplies {n} of {} figures", figures.len());
    }
}

#[test]
fn every_technology_a_client_may_adopt_has_two_sourced_figures_or_says_it_has_not() {
    let fw = fw();
    let figures = figures(&fw);
    for t in &fw.technologies.technologies {
        let watched = fw.stage(&t.stage.stage).is_some_and(|s| s.horizon_watch);
        let mut sources: Vec<&str> = figures.iter().filter(|(id, _)| *id == t.id.as_str()).map(|(_, s)| *s).collect();
        sources.dedup();
        let note = t.evidence_note.as_ref().is_some_and(|n| !n.trim().is_empty());
        assert!(watched || sources.len() >= 2 || note, "{} has figures from {sources:?} and no note", t.id);
        assert!(!(sources.len() >= 2 && note), "{} has figures from two sources yet says it lacks them", t.id);
    }
}

#[test]
fn maturity_is_judged_from_cited_evidence_not_from_the_maintainers() {
    let fw = fw();
    for t in &fw.technologies.technologies {
        let source = fw.source(&t.stage.source).unwrap();
        let by = [&source.author, &source.publisher].into_iter().flatten().map(|x| x.to_lowercase());
        assert!(by.clone().all(|x| !x.contains("maintainer")), "{} is judged by the tool itself", t.id);
    }
}

#[test]
fn each_model_is_held_to_a_measure_that_fits_its_family() {
    let fw = fw();
    let metric = |id: &str| fw.models.models.iter().find(|m| m.id == id).unwrap().metric.to_lowercase();
    let segmentation = metric("customer_segmentation");
    assert!(segmentation.contains("silhouette") && segmentation.contains("stab"), "{segmentation}");
    let churn = metric("churn_prediction");
    assert!(churn.contains("roc") && churn.contains("lift"), "{churn}");
    let out = bin().args(["catalog", "models"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('%'), "no accuracy percentage is given as a target");
}

/// The texts by which a rule shows in a report: its name and its obligation.
fn texts(rule: &Regulation) -> [&str; 2] {
    [&rule.name, &rule.obligation]
}

#[test]
fn each_rule_appears_only_for_businesses_in_its_regions_and_sector() {
    let fw = fw();
    let regions = fw.context_with_role(readiness::frameworks::ContextRole::Regions).unwrap();
    let industries = fw.context_with_role(readiness::frameworks::ContextRole::Industry).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for rule in &fw.regulations.regulations {
        let sector = rule.industries.first().map_or("retail", |i| i.as_str());
        let inside = markdown(&clinic_variant(dir.path(), sector, &[&rule.regions[0]]));
        for text in texts(rule) {
            assert!(inside.contains(text), "{} is missing for a business in its scope", rule.id);
        }
        let elsewhere = regions.options.iter().find(|o| !rule.regions.contains(&o.id));
        if let Some(region) = elsewhere {
            let outside = markdown(&clinic_variant(dir.path(), sector, &[&region.id]));
            for text in texts(rule) {
                assert!(!outside.contains(text), "{} shows for a business in {}", rule.id, region.id);
            }
        }
        if let Some(other) =
            industries.options.iter().find(|o| !rule.industries.is_empty() && !rule.industries.contains(&o.id))
        {
            let outside = markdown(&clinic_variant(dir.path(), &other.id, &[&rule.regions[0]]));
            for text in texts(rule) {
                assert!(!outside.contains(text), "{} shows for a business in {}", rule.id, other.id);
            }
        }
    }
}

/// Words that only an EU (or UK) rule or source would put in a report.
fn eu_only(fw: &Frameworks) -> Vec<String> {
    let words = ["GDPR", "EU AI Act", "Regulation (EU)", "ePrivacy", "Omnibus", "European", "data protection officer"];
    let eu_rules = fw.regulations.regulations.iter().filter(|r| r.regions.iter().all(|x| x == "eu" || x == "uk"));
    words.iter().map(|w| w.to_string()).chain(eu_rules.flat_map(|r| texts(r).map(String::from))).collect()
}

#[test]
fn healthcare_and_north_american_reports_carry_no_eu_only_text() {
    let fw = fw();
    let dir = tempfile::tempdir().unwrap();
    let reports = [
        ("the US clinic network", markdown(&reference("us-clinic-network.toml"))),
        (
            "the California and Nevada clinic",
            markdown(&clinic_variant(dir.path(), "healthcare", &["us_california", "us_nevada"])),
        ),
        ("the North American software firm", markdown(&example("b2b-software.toml"))),
    ];
    for (who, report) in &reports {
        for text in eu_only(&fw) {
            assert!(!report.contains(&text), "{who}'s report carries EU-only text: {text}");
        }
    }
}

fn california_nevada_clinic(dir: &Path) -> String {
    markdown(&clinic_variant(dir, "healthcare", &["us_california", "us_nevada"]))
}

#[test]
fn the_hipaa_marketing_rule_states_its_exceptions_and_holds_nothing_on_a_misreading() {
    let dir = tempfile::tempdir().unwrap();
    let report = california_nevada_clinic(dir.path());
    let row = report.lines().find(|l| l.starts_with("| HIPAA: marketing")).expect("the rule is in scope");
    for exception in ["own health services", "treatment, case management or care coordination", "paid by a third party"]
    {
        assert!(row.contains(exception), "the authorisation rule leaves out: {exception}");
    }
    for held in ["| Predictive analytics and journey mapping |", "| Hyper-personalisation |"] {
        let line = report.lines().find(|l| l.starts_with(held)).unwrap();
        assert!(!line.contains("HIPAA: marketing"), "held on the authorisation rule: {line}");
    }
}

#[test]
fn california_health_care_gets_ab_3030_and_the_bot_act_and_nevada_its_health_data_law() {
    let dir = tempfile::tempdir().unwrap();
    let report = california_nevada_clinic(dir.path());
    for rule in ["California AB 3030", "California BOT Act", "Nevada SB 370"] {
        assert!(report.contains(rule), "{rule} is missing for a California and Nevada provider");
    }
    let ohio = markdown(&reference("us-clinic-network.toml"));
    assert!(
        !ohio.contains("AB 3030") && !ohio.contains("Nevada SB 370"),
        "state rules reach a provider outside the state"
    );
}

#[test]
fn a_us_report_names_the_hipaa_privacy_officer_never_a_data_protection_officer() {
    let dir = tempfile::tempdir().unwrap();
    for report in [markdown(&reference("us-clinic-network.toml")), california_nevada_clinic(dir.path())] {
        assert!(!report.to_lowercase().contains("data protection officer"));
        assert!(report.contains("HIPAA privacy officer"), "the US provider's privacy role is named");
    }
    let eu = markdown(&example("large-retailer-gdpr.toml"));
    assert!(eu.contains("data protection officer"), "a GDPR business still consults its DPO");
}

#[test]
fn bidding_advice_to_a_covered_entity_carries_the_tracking_caveat_and_its_risk() {
    let fw = fw();
    let rule = fw.regulation("hipaa_ad_platforms").unwrap();
    let caveat = rule.in_use_advice.as_deref().unwrap();
    let generic = fw.technology("real_time_bidding").unwrap().in_use_next.as_deref().unwrap();
    let risk = &fw.risks.risks.iter().find(|r| r.id == "patient_tracking").unwrap().title;
    let bidding = |report: &str| report.lines().find(|l| l.starts_with("| Real-time bidding |")).unwrap().to_string();
    let clinic = markdown(&reference("us-clinic-network.toml"));
    assert!(bidding(&clinic).contains(caveat) && !bidding(&clinic).contains(generic), "{}", bidding(&clinic));
    assert!(clinic.contains(&format!("| {risk} |")), "the tracking risk is in the register");
    assert!(clinic.contains("American Hospital Association v. Becerra"), "the ruling is cited");
    let dir = tempfile::tempdir().unwrap();
    let shop = markdown(&clinic_variant(dir.path(), "retail", &["us_other"]));
    assert!(bidding(&shop).contains(generic) && !shop.contains(risk.as_str()), "a retailer gets the generic advice");
}

#[test]
fn an_assessment_date_before_the_maturity_judgements_is_refused() {
    let fw = fw();
    let judged = fw.technologies.technologies.iter().map(|t| t.stage.judged).max().unwrap();
    let before = Date::new(2024, 5, 1).unwrap();
    assert!(before < judged);
    let out = bin()
        .args(["assess", "--as-of", "2024-05-01", "--answers"])
        .arg(example("b2b-software.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2024-05-01") && stderr.contains(&judged.to_string()), "{stderr}");
    let on_the_day = judged.to_string();
    bin().args(["assess", "--as-of", &on_the_day, "--answers"]).arg(example("b2b-software.toml")).assert().success();
}

/// Adopt, pilot, assess and hold in order; in use and the horizon watch are not moved by a date.
fn step(ring: Ring) -> Option<i32> {
    match ring {
        Ring::Adopt => Some(0),
        Ring::Pilot => Some(1),
        Ring::Assess => Some(2),
        Ring::Hold => Some(3),
        Ring::InUse | Ring::Watch => None,
    }
}

#[test]
fn a_year_later_never_moves_a_technology_two_rings() {
    let fw = fw();
    let judged = fw.technologies.technologies.iter().map(|t| t.stage.judged).max().unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(reference(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".toml") && !s.ends_with(".expected.toml")))
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    let mut pairs = 0;
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let answers = parse(&fw, &path.display().to_string(), &text, Completeness::Complete).unwrap();
        let rings = |months: u32| {
            let date = judged.first_of_month_after(months);
            readiness::score::assess(&fw, &answers, date)
                .technologies
                .iter()
                .map(|t| (t.adoption_timeline.ring, t.id.clone()))
                .collect::<Vec<_>>()
        };
        for months in (0..=60).step_by(3) {
            let (now, later) = (rings(months), rings(months + 12));
            for ((a, id), (b, _)) in now.iter().zip(&later) {
                if let (Some(x), Some(y)) = (step(*a), step(*b)) {
                    assert!((x - y).abs() <= 1, "{}: {id} moves from {a:?} to {b:?} in a year", path.display());
                }
                pairs += 1;
            }
        }
    }
    assert!(pairs > 1000, "{pairs} placements compared");
}

#[test]
fn a_report_saved_by_an_earlier_version_citing_the_maintainers_review_still_renders() {
    let out = bin()
        .args(["assess", "--format", "json", "--as-of", AS_OF, "--answers"])
        .arg(example("b2b-software.toml"))
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    let old = json.replacen("\"kind\": \"academic_study\"", "\"kind\": \"review\"", 1);
    assert_ne!(old, json, "the report cites a source of the kind replaced");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    std::fs::write(&path, old).unwrap();
    let rendered = bin().args(["render", "--format", "markdown"]).arg(&path).output().unwrap();
    assert!(rendered.status.success(), "{}", String::from_utf8_lossy(&rendered.stderr));
    assert!(String::from_utf8_lossy(&rendered.stdout).contains("the maintainers' dated review"));
}

#[test]
fn frameworks_check_refuses_the_tool_citing_its_own_review() {
    let (code, stderr) =
        check_edited_sources(|text| text.replacen("kind = \"academic_study\"", "kind = \"review\"", 1));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("not evidence"), "{stderr}");
}

/// The register row of a risk, by its id, in a Markdown report.
fn risk_row<'a>(fw: &Frameworks, report: &'a str, id: &str) -> &'a str {
    let title = &fw.risks.risks.iter().find(|r| r.id == id).unwrap().title;
    let start = format!("| {title} |");
    report.lines().find(|l| l.starts_with(&start)).unwrap_or_else(|| panic!("no register row for {id}"))
}

/// The technology table's row of a technology, by its name, in a Markdown report.
fn technology_row<'a>(fw: &Frameworks, report: &'a str, id: &str) -> &'a str {
    let name = &fw.technology(id).unwrap().name;
    let start = format!("| {name} |");
    report.lines().find(|l| l.starts_with(&start)).unwrap_or_else(|| panic!("no row for {id}"))
}

/// A reference business's report carries the rules named; the same business marketing only to
/// `elsewhere` gets none of them. Returns the report.
fn rules_reach_only_the_reference(name: &str, rules: &[&str], elsewhere: &str) -> String {
    let fw = fw();
    let report = markdown(&reference(name));
    let dir = tempfile::tempdir().unwrap();
    let outside = markdown(&variant(dir.path(), name, &parse_industry(name), &[elsewhere]));
    for id in rules {
        let rule = fw.regulation(id).unwrap();
        assert!(texts(rule).iter().all(|t| report.contains(t)), "{id} is missing from {name}");
        assert!(texts(rule).iter().all(|t| !outside.contains(t)), "{id} reaches {name} marketing to {elsewhere}");
    }
    report
}

/// The next step a rule gives a technology already running.
fn in_use_advice<'a>(fw: &'a Frameworks, rule: &str) -> &'a str {
    fw.regulation(rule).unwrap().in_use_advice.as_deref().unwrap()
}

fn parse_industry(name: &str) -> String {
    let text = std::fs::read_to_string(reference(name)).unwrap();
    let line = text.lines().find(|l| l.starts_with("industry = ")).unwrap();
    line.trim_start_matches("industry = ").trim_matches('"').to_string()
}

#[test]
fn the_australian_firm_gets_the_spam_act_and_the_automated_decision_duty() {
    let fw = fw();
    let rules = ["au_automated_decisions", "au_spam_act"];
    let report = rules_reach_only_the_reference("australian-online-education.toml", &rules, "other");
    let running = [("predictive_journeys", rules[0]), ("marketing_automation", rules[1])];
    for (id, rule) in running {
        assert!(
            technology_row(&fw, &report, id).contains(in_use_advice(&fw, rule)),
            "{id} is not advised under {rule}"
        );
    }
    for risk in ["opaque_decisions", "consent_gaps"] {
        assert!(risk_row(&fw, &report, risk).contains("raised by a rule"), "{risk} is not raised");
    }
}

#[test]
fn the_brazilian_marketplace_gets_the_review_of_automated_decisions() {
    let fw = fw();
    let rule = "brazil_automated_decisions";
    let report = rules_reach_only_the_reference("data-rich-marketplace.toml", &[rule], "other");
    let row = technology_row(&fw, &report, "hyper_personalization");
    assert!(
        row.contains(in_use_advice(&fw, rule)),
        "the running personalisation is not advised under Article 20: {row}"
    );
    assert!(risk_row(&fw, &report, "opaque_decisions").contains("raised by a rule"));
}

#[test]
fn email_consent_rules_reach_the_european_and_canadian_businesses_and_new_automation_waits_for_consent() {
    let fw = fw();
    rules_reach_only_the_reference("spanish-hotel-group.toml", &["eu_marketing_email"], "canada");
    rules_reach_only_the_reference("canadian-museum.toml", &["casl"], "eu");
    let report = rules_reach_only_the_reference("industrial-manufacturer.toml", &["eu_marketing_email"], "canada");
    let control = fw.regulation("eu_marketing_email").unwrap().control.as_ref().unwrap();
    let action = &fw.action(control.action.as_deref().unwrap()).unwrap().1.title;
    let row = technology_row(&fw, &report, "marketing_automation");
    assert!(
        row.contains(&format!("It waits for {action} to finish.")),
        "automation starts before consent is recorded: {row}"
    );
}

#[test]
fn a_us_provider_needs_a_business_associate_agreement_before_its_assistant_or_drafting_tool_sees_patient_data() {
    let fw = fw();
    let rule = fw.regulation("hipaa_ai_vendors").unwrap();
    let report = markdown(&reference("us-clinic-network.toml"));
    assert!(texts(rule).iter().all(|t| report.contains(t)), "the rule is in the clinic's report");
    assert!(risk_row(&fw, &report, "data_breach").contains("raised by a rule"));
    // The vendor review as the clinic's plan titles it (the version for its size).
    let id = rule.control.as_ref().unwrap().action.as_deref().unwrap();
    let plan: serde_json::Value =
        serde_json::from_str(&common::assess_file(&reference("us-clinic-network.toml"), &["--format", "json"]))
            .unwrap();
    let actions = plan["roadmap"].as_array().unwrap().iter().flat_map(|p| p["actions"].as_array().unwrap());
    let action = actions.into_iter().find(|a| a["id"] == id).unwrap()["title"].as_str().unwrap().to_string();
    for id in ["conversational_ai", "generative_creative"] {
        let row = technology_row(&fw, &report, id);
        // Other work it waits for (the disclosure work of an assistant) may be named beside it.
        let waits = row.split("It waits for ").nth(1).and_then(|rest| rest.split(" to finish.").next());
        assert!(waits.is_some_and(|w| w.contains(action.as_str())), "{id} starts before the vendor review: {row}");
    }
    let dir = tempfile::tempdir().unwrap();
    let shop = markdown(&clinic_variant(dir.path(), "retail", &["us_other"]));
    assert!(texts(rule).iter().all(|t| !shop.contains(t)), "a US retailer gets the HIPAA vendor rule");
}
