//! The business case: every initiative of every reference business and example carries one;
//! cost and effort never fall as the business grows, and a micro business's plan fits its
//! budget band or the report says it does not; value follows the revenue or budget answer its
//! source measures against, counts a vendor's claim for less, and is a share only when that
//! base is not known.

use crate::common;
use readiness::frameworks::Load;

use common::bin;
use readiness::answers::{Completeness, parse};
use readiness::assessment::{Assessment, BusinessCase, Initiative, InitiativeKind, Kpi};
use readiness::date::Date;
use readiness::frameworks::{Frameworks, Ring, SourceKind, ValueBase};
use std::path::{Path, PathBuf};

fn assess_with(fw: &Frameworks, name: &str, text: &str) -> Assessment {
    let answers = parse(fw, name, text, Completeness::Complete).unwrap();
    readiness::score::assess(fw, &answers, Date::new(2026, 12, 1).unwrap())
}

fn answer_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/reference", "examples", "examples/workshop"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".toml") && !name.ends_with(".expected.toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn california() -> String {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/california-travel.toml"))
}

/// The answer file with `key`'s line replaced by `key = value` (value as TOML).
fn with_answer(text: &str, key: &str, value: &str) -> String {
    let line = text.lines().find(|l| l.split('=').next().is_some_and(|k| k.trim() == key)).unwrap();
    text.replace(line, &format!("{key} = {value}"))
}

fn with_revenue(text: &str, band: &str) -> String {
    with_answer(text, "annual_revenue", &format!("\"{band}\""))
}

fn b2b_software() -> String {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/b2b-software.toml"))
}

fn initiative<'a>(a: &'a Assessment, id: &str) -> &'a Initiative {
    a.business_case.initiatives.iter().find(|i| i.id == id).unwrap()
}

fn ordered(band: [f64; 2]) -> bool {
    band[0] >= 0.0 && band[0] <= band[1]
}

/// Every field a CFO asks for is there and sane; `what` names the business and initiative.
fn assert_complete(i: &Initiative, case: &BusinessCase, what: &str) {
    assert!(ordered(i.person_weeks) && i.person_weeks[1] > 0.0, "{what}: effort {:?}", i.person_weeks);
    assert!(ordered(i.one_off) && ordered(i.yearly_cost), "{what}: cost");
    assert!(!i.cost_basis.is_empty(), "{what}: cost basis");
    assert!(!i.owner.is_empty(), "{what}: owner");
    assert!(i.months_to_value > 0, "{what}: time to value");
    // Value is counted by the month: a payback is whole months, one at least, best case first.
    if let Some(p) = i.payback_months {
        assert!(ordered(p) && p[0] >= 1.0 && p.iter().all(|m| m.fract() == 0.0), "{what}: payback {p:?}");
    }
    match &i.kpi {
        Kpi::Measure { measure, lift, .. } => {
            assert!(!measure.is_empty(), "{what}: KPI measure");
            // A conversion or retention measure is raised by an effect on revenue, never by "0%".
            let from_revenue = i.value.base == Some(ValueBase::Revenue);
            assert!(lift.is_none_or(|l| l > 0.0 && from_revenue), "{what}: KPI lift {lift:?}");
        }
        Kpi::Readiness { baseline, target, .. } => assert!(target > baseline, "{what}: KPI target"),
        Kpi::Delivery { month } => assert!(*month > 0, "{what}: KPI month"),
    }
    let v = &i.value;
    if let Some(share) = v.share {
        assert!(ordered(share) && share[0] < share[1], "{what}: a range, never a point: {share:?}");
        assert!(v.claim.is_some() && v.source.is_some() && v.discount.is_some(), "{what}: value without its basis");
        let base_known = match v.base.expect("a share names its base") {
            ValueBase::Revenue => case.revenue.is_some(),
            ValueBase::MarketingBudget => case.budget.is_some(),
        };
        assert_eq!(v.amount.is_some(), base_known, "{what}: an amount exactly when its base is known");
    } else {
        assert!(v.amount.is_none(), "{what}: an amount without a share");
    }
    if i.kind == InitiativeKind::Technology {
        assert!(v.enables.is_empty(), "{what}: a technology enables nothing of its own");
    }
}

#[test]
fn every_initiative_of_every_reference_business_and_example_has_a_complete_business_case() {
    let fw = Frameworks::builtin().unwrap();
    let files = answer_files();
    assert!(files.len() >= 21, "15 reference businesses, 3 examples and 3 workshop respondents");
    for path in files {
        let name = path.display().to_string();
        let a = assess_with(&fw, &name, &read(&path));
        let case = &a.business_case;
        let ids: Vec<&str> = case.initiatives.iter().map(|i| i.id.as_str()).collect();
        for t in &a.technologies {
            if matches!(t.adoption_timeline.ring, Ring::Adopt | Ring::Pilot) {
                assert!(ids.contains(&t.id.as_str()), "{name}: {} has no business case", t.id);
            }
        }
        for action in a.roadmap.iter().flat_map(|p| &p.actions) {
            assert!(ids.contains(&action.id.as_str()), "{name}: action {} has no business case", action.id);
        }
        assert!(case.currency.is_some() || name.contains("marketplace"), "{name}: currency answered");
        for i in &case.initiatives {
            assert_complete(i, case, &format!("{name}: {}", i.id));
        }
        assert!(case.best.len() <= 3, "{name}: at most three best");
    }
}

fn action_months(a: &Assessment, id: &str) -> Option<[u32; 2]> {
    a.roadmap.iter().flat_map(|p| &p.actions).find(|x| x.id == id).map(|x| x.months)
}

/// Every initiative the two assessments share costs no less in `larger`, and takes no less
/// effort where it runs as long (scheduling, which size also moves, sets an action's length).
fn no_cost_falls(smaller: &Assessment, larger: &Assessment, what: &str) {
    for big in &larger.business_case.initiatives {
        let Some(small) = smaller.business_case.initiatives.iter().find(|i| i.id == big.id) else { continue };
        let same_length = action_months(smaller, &big.id) == action_months(larger, &big.id);
        let mut pairs = vec![("one-off", small.one_off, big.one_off), ("yearly", small.yearly_cost, big.yearly_cost)];
        if same_length {
            pairs.push(("effort", small.person_weeks, big.person_weeks));
        }
        for (name, s, b) in pairs {
            assert!(s[0] <= b[0] && s[1] <= b[1], "{what}: {} {name} fell from {s:?} to {b:?}", big.id);
        }
    }
}

#[test]
fn cost_and_effort_never_fall_as_the_company_or_its_team_grows() {
    let fw = Frameworks::builtin().unwrap();
    let sizes = ["\"micro\"", "\"small\"", "\"medium\"", "\"large\"", "\"enterprise\""];
    let teams = ["1", "3", "8", "40", "300"];
    for path in answer_files() {
        let name = path.display().to_string();
        let text = read(&path);
        for (key, values) in [("size", &sizes), ("marketing_team_size", &teams)] {
            let runs: Vec<Assessment> =
                values.iter().map(|v| assess_with(&fw, &name, &with_answer(&text, key, v))).collect();
            for (pair, v) in runs.windows(2).zip(values.iter().skip(1)) {
                no_cost_falls(&pair[0], &pair[1], &format!("{name}, {key} = {v}"));
            }
            let (first, last) = (&runs[0].business_case.initiatives, &runs[4].business_case.initiatives);
            let grew = first.iter().any(|i| {
                last.iter().any(|j| j.id == i.id && j.one_off[1] + j.person_weeks[1] > i.one_off[1] + i.person_weeks[1])
            });
            assert!(grew, "{name}: {key} changes no cost or effort");
        }
    }
}

/// A micro business's plan, first year, fits the top of its budget band, or the first page says
/// it does not; a plan priced for an enterprise on the same budget is said not to fit.
#[test]
fn a_micro_business_plan_fits_its_budget_band_or_the_report_says_it_does_not() {
    let fw = Frameworks::builtin().unwrap();
    let micro: Vec<(String, String)> = answer_files()
        .into_iter()
        .map(|p| (p.display().to_string(), read(&p)))
        .filter(|(_, text)| text.lines().any(|l| l.starts_with("size = \"micro\"")))
        .collect();
    assert!(!micro.is_empty(), "a micro business among the reference businesses");
    for (name, text) in &micro {
        let bakery = text.clone();
        let priced_large = with_answer(text, "size", "\"enterprise\"");
        for (what, text, fits) in [("as it is", bakery, true), ("priced as an enterprise", priced_large, false)] {
            let a = assess_with(&fw, name, &text);
            let case = &a.business_case;
            let budget = case.budget.expect("the budget band is answered");
            let first_year = case.total.one_off[1] + case.total.yearly_cost[1];
            assert_eq!(first_year <= budget[1], fits, "{name} {what}: {first_year} against {budget:?}");
            assert_eq!(case.over_budget, !fits, "{name} {what}");
            let md = markdown_of(&text);
            assert_eq!(md.contains("costs more than the whole marketing budget band"), !fits, "{name} {what}");
        }
    }
}

fn markdown_of(text: &str) -> String {
    let path = std::env::temp_dir().join(format!("readiness-bizcase-md-{}-{}.toml", std::process::id(), text.len()));
    std::fs::write(&path, text).unwrap();
    let out =
        bin().args(["assess", "--as-of", "2026-12-01", "--format", "markdown", "-a"]).arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn value_rises_with_the_revenue_band() {
    let fw = Frameworks::builtin().unwrap();
    let bands = ["under_1m", "1m_10m", "10m_100m", "100m_1b", "over_1b"];
    let amounts: Vec<[f64; 2]> = bands
        .iter()
        .map(|band| {
            let a = assess_with(&fw, band, &with_revenue(&california(), band));
            initiative(&a, "hyper_personalization").value.amount.unwrap()
        })
        .collect();
    for pair in amounts.windows(2) {
        assert!(pair[0][0] <= pair[1][0] && pair[0][1] <= pair[1][1], "value fell as revenue rose: {amounts:?}");
    }
    assert!(amounts[0][1] < amounts[4][0], "the top band's low end is above the bottom band's high end");
}

/// A value the source measures against marketing spend follows the budget answer and not the
/// revenue answer; one measured against revenue follows revenue and not the budget.
#[test]
fn each_value_follows_the_base_its_source_measures_against() {
    let fw = Frameworks::builtin().unwrap();
    let text = b2b_software();
    let amount = |text: &str, id: &str| initiative(&assess_with(&fw, "b2b", text), id).value.amount.unwrap();
    let spend = "causal_explainable_analytics";
    let revenue = "hyper_personalization";
    let richer = with_revenue(&text, "100m_1b");
    assert_eq!(amount(&text, spend), amount(&richer, spend), "revenue moved a share of the budget");
    assert!(amount(&text, revenue)[1] < amount(&richer, revenue)[1]);
    let smaller_budget = with_answer(&text, "marketing_budget", "\"100k_1m\"");
    let (small, large) = (amount(&smaller_budget, spend), amount(&text, spend));
    assert!(small[0] < large[0] && small[1] < large[1], "{small:?} against {large:?}");
    assert_eq!(amount(&text, revenue), amount(&smaller_budget, revenue), "the budget moved a share of revenue");
    // An unknown budget affords only low-cost technology: generative content, valued on spend.
    let credit_union = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/us-credit-union.toml"));
    let unknown = with_answer(&credit_union, "marketing_budget", "\"dont_know\"");
    let a = assess_with(&fw, "credit union", &unknown);
    let v = &initiative(&a, "generative_creative").value;
    assert_eq!(v.base, Some(ValueBase::MarketingBudget));
    assert!(v.share.is_some() && v.amount.is_none(), "unknown budget: a share only: {v:?}");
}

/// Every published effect, of every kind, counts for less once its source is taken for a
/// vendor's claim.
#[test]
fn every_published_effect_counts_for_less_as_a_vendors_claim() {
    let fw = Frameworks::builtin().unwrap();
    assert!(fw.business_case.value.len() >= 3, "more than one technology has a value figure");
    for effect in &fw.business_case.value {
        let mut vendor = fw.clone();
        let source = vendor.sources.sources.iter_mut().find(|s| s.id == effect.source).unwrap();
        if source.kind == SourceKind::VendorClaim {
            continue;
        }
        source.kind = SourceKind::VendorClaim;
        let file = answer_files()
            .into_iter()
            .find(|p| initiative_ids(&assess_with(&fw, "any", &read(p))).contains(&effect.technology.to_string()))
            .unwrap_or_else(|| panic!("no reference business plans {}", effect.technology));
        let text = read(&file);
        let (before, after) = (assess_with(&fw, "before", &text), assess_with(&vendor, "after", &text));
        let (b, a) = (&initiative(&before, &effect.technology).value, &initiative(&after, &effect.technology).value);
        let (b_share, a_share) = (b.share.unwrap()[1], a.share.unwrap()[1]);
        // An article's figure without its study already counts as a vendor's claim does.
        if b.source.as_ref().unwrap().kind == SourceKind::Article {
            assert_eq!(a_share, b_share, "{}: an article counts as a vendor's claim", effect.technology);
        } else {
            assert!(a_share < b_share, "{}: {a:?} against {b:?}", effect.technology);
        }
    }
}

fn initiative_ids(a: &Assessment) -> Vec<String> {
    a.business_case.initiatives.iter().map(|i| i.id.to_string()).collect()
}

#[test]
fn a_vendors_claim_counts_for_less_than_an_analysts_estimate() {
    let mut fw = Frameworks::builtin().unwrap();
    let analyst = assess_with(&fw, "analyst", &california());
    let source = fw.sources.sources.iter_mut().find(|s| s.id == "mckinsey_personalization_2023").unwrap();
    assert_eq!(source.kind, SourceKind::AnalystReport, "the test starts from an analyst's figure");
    source.kind = SourceKind::VendorClaim;
    let vendor = assess_with(&fw, "vendor", &california());
    let (a, v) =
        (&initiative(&analyst, "hyper_personalization").value, &initiative(&vendor, "hyper_personalization").value);
    let (a_share, v_share) = (a.share.unwrap(), v.share.unwrap());
    assert!(v_share[0] < a_share[0] && v_share[1] < a_share[1], "{v_share:?} against {a_share:?}");
    assert!(v.amount.unwrap()[1] < a.amount.unwrap()[1]);
}

#[test]
fn unknown_revenue_gives_shares_only_in_the_data_and_the_report() {
    let fw = Frameworks::builtin().unwrap();
    let text = with_revenue(&california(), "dont_know");
    let a = assess_with(&fw, "unknown", &text);
    assert!(a.business_case.revenue.is_none());
    assert!(a.business_case.initiatives.iter().all(|i| i.value.amount.is_none()));
    assert!(initiative(&a, "hyper_personalization").value.share.is_some(), "the share is still shown");
    let path = std::env::temp_dir().join(format!("readiness-bizcase-{}.toml", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let out =
        bin().args(["assess", "--as-of", "2026-12-01", "--format", "markdown", "-a"]).arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let row = md.lines().find(|l| l.starts_with("| Hyper-personali") && l.contains("of revenue")).unwrap();
    assert!(row.contains("2.5-7.5% of revenue") && !row.contains("7,500,000"), "{row}");
}

#[test]
fn a_business_case_naming_an_unknown_technology_is_refused_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("readiness-bizcase-fw-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(bin().args(["frameworks", "export"]).arg(&dir).output().unwrap().status.success());
    let path = dir.join("business_case.toml");
    let text = read(&path).replace("technology = \"hyper_personalization\"", "technology = \"hyper_personalisation\"");
    std::fs::write(&path, text).unwrap();
    let out = bin().args(["frameworks", "check"]).arg(&dir).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("business_case.toml:") && err.contains("hyper_personalisation"), "{err}");
}

/// A technology's business case is owned by whoever answers for its most exposed risk (the
/// content lead for generated content, not the security lead of the first action serving
/// it), and a content tool is held to what it produces rather than to interactions.
#[test]
fn a_technology_is_owned_by_who_answers_for_its_most_exposed_risk() {
    let fw = Frameworks::builtin().unwrap();
    let mut checked = 0;
    for path in answer_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let a = assess_with(&fw, &name, &read(&path));
        for t in a.technologies.iter().filter(|t| a.business_case.initiatives.iter().any(|i| i.id == t.id)) {
            let exposed = t.risk_factors.risks.iter().filter(|r| r.exposure > 0.0);
            let Some(top) = exposed.clone().find(|r| exposed.clone().all(|o| o.exposure <= r.exposure)) else {
                continue;
            };
            let owner = &a.risks.iter().find(|r| r.id == top.id).unwrap().owner;
            assert_eq!(&initiative(&a, &t.id).owner, owner, "{name}: {}", t.id);
            checked += 1;
        }
    }
    assert!(checked >= 18, "{checked} technologies checked");
    let clinic = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/us-clinic-network.toml"));
    let clinic = assess_with(&fw, "us-clinic-network.toml", &clinic);
    let Kpi::Measure { measure, .. } = &initiative(&clinic, "generative_creative").kpi else { panic!("a measure") };
    assert!(measure.contains("approved without rework"), "{measure}");
}
